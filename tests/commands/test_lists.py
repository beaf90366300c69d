"""`minerals lists`, and the other jurisdictions' lists in `list`, `diff` and `show` (issue 17)."""

from __future__ import annotations

import pytest
from helpers import run_json

STATED = {"eu-2023-critical": 34, "eu-2023-strategic": 17, "eu-2020": 30, "eu-2017": 27, "ca-2024": 34, "ca-2021": 31,
          "au-2024-critical": 31, "au-2024-strategic": 6, "uk-2021": 18, "uk-2024": 34, "jp-stockpile": 34,
          "us-doe-2023": 18, "us-doe-2025": 1, "in-2023": 30}


def test_the_catalogue_has_the_14_other_lists_with_their_stated_counts_beside_the_us_ones(cli):
    found = {x["id"]: x for x in run_json(cli, "lists")["lists"]}
    assert {i: found[i]["stated_count"] for i in STATED} == STATED
    assert {"2018", "2022", "2025-draft", "2025"} <= set(found) and len(found) == 18
    assert found["uk-2024"]["complete"] is False and found["uk-2024"]["members"] == 14
    assert all(x["citation"]["source"] for x in found.values())


def test_lists_of_one_jurisdiction(cli):
    found = run_json(cli, "lists", "--jurisdiction", "uk")["lists"]
    assert [x["id"] for x in found] == ["uk-2021", "uk-2024"]
    assert cli("lists", "--jurisdiction", "XX").exit_code == 2


@pytest.mark.parametrize("list_id, count", [("eu-2023-critical", 34), ("eu-2023-strategic", 17), ("ca-2024", 34),
                                            ("au-2024-critical", 31)])
def test_another_jurisdiction_s_list_gives_its_members(cli, list_id, count):
    got = run_json(cli, "list", "--list", list_id)
    assert got["count"] == count == len(got["members"]) and got["complete"]


def test_a_member_keeps_its_published_name_mapping_and_qualifier(cli):
    members = {m["name"]: m for m in run_json(cli, "list", "--list", "eu-2023-strategic")["members"]}
    lithium = members["lithium — battery grade"]
    assert lithium["covers"] == ["lithium"] and lithium["mapping"] == "qualified" and lithium["qualifier"] == "battery grade"
    canada = {m["name"]: m for m in run_json(cli, "list", "--list", "ca-2024")["members"]}["Rare earth elements"]
    assert canada["mapping"] == "group" and len(canada["covers"]) == 15 and canada["expanded"]


def test_the_incomplete_uk_2024_list_says_so(cli):
    got = run_json(cli, "list", "--list", "uk-2024")
    assert got["complete"] is False and got["count"] == 14 and "unknown" in got["caveats"][0]


def test_new_in_on_another_jurisdiction_s_list_points_to_diff(cli):
    run = cli("list", "--list", "eu-2023-critical", "--new-in", "2025")
    assert run.exit_code == 2 and "minerals diff eu-2020 eu-2023-critical" in run.stderr


def test_diff_across_jurisdictions_reports_groups_and_qualified_matches(cli):
    got = run_json(cli, "diff", "2025", "eu-2023-critical")
    eu_only = {e["entry"] for e in got["added"]}
    assert "feldspar" in eu_only and "coking coal" not in eu_only
    coal = next(k for k in got["kept"] if k["mineral"] == "metallurgical coal")
    assert coal["how"] == "qualified" and "coking coal" in coal["new"] and "subset" in coal["qualifier"]
    groups = {g["entry"]: g for g in got["groups"]}
    assert len(groups["heavy rare earth elements"]["elements"]) == 10 and not groups["heavy rare earth elements"]["missing"]
    assert len(groups["light rare earth elements"]["elements"]) == 5
    assert not {"terbium", "lanthanum"} & {i for e in got["added"] + got["removed"] for i in e["minerals"]}
    us_only = {e["entry"] for e in got["removed"]}
    assert {"chromium", "zinc", "uranium"} <= us_only and got["counts"]["added"] == len(got["added"])


def test_a_diff_against_an_incomplete_list_calls_its_absences_unknown(cli):
    got = run_json(cli, "diff", "uk-2021", "uk-2024")
    assert got["removed"] == [] and got["unknown"]
    assert any("incomplete" in c for c in got["caveats"])


def test_us_lists_still_diff_as_before(cli):
    got = run_json(cli, "diff", "2022", "2025")
    assert set(got) == {"old", "new", "added", "removed", "kept", "split", "merged", "counts", "citations", "rows"}
    assert [r["mineral"] for r in got["rows"] if r["change"] == "added"] == got["added"]


def test_show_lists_every_jurisdiction_s_list_that_names_lithium_with_the_grade(cli):
    found = {x["list"]: x for x in run_json(cli, "show", "lithium")["lists_elsewhere"]}
    assert found["eu-2023-strategic"]["qualifier"] == "battery grade"
    assert {"eu-2023-critical", "ca-2024", "au-2024-critical", "jp-stockpile", "us-doe-2023", "in-2023"} <= set(found)
    assert found["uk-2024"]["mapping"] == "unknown" and found["uk-2024"]["entry"] is None


def test_a_mineral_only_other_lists_name_resolves(cli):
    got = run_json(cli, "show", "feldspar")
    assert got["id"] == "feldspar" and not any(h["on_list"] for h in got["history"])
    assert [x["list"] for x in got["lists_elsewhere"] if x["mapping"] != "unknown"] == ["eu-2023-critical"]


def test_lists_records_and_sort(cli):
    from helpers import csv_records

    rows = csv_records(cli, "lists")
    assert len(rows) == 18 and isinstance(rows[0]["stated_count"], (int, float))
    top = [r["id"] for r in csv_records(cli, "lists", "--sort", "stated_count", "--top", "3")]
    assert top == ["2025", "2025-draft", "2022"]  # 60, 54, 50: largest first
    assert [r["id"] for r in csv_records(cli, "lists", "--where", "complete=no")] == ["uk-2024"]


def test_lists_view_puts_titles_with_the_citations(cli):
    text = cli("lists").stdout
    assert "Canada's Critical Minerals List" not in text and "[1] FR 2018-10667" in text
    assert "Canada's Critical Minerals List (2024 update)" in cli("lists", "--sources").stdout
    assert "note: source:" not in text


def test_another_jurisdictions_list_records_and_top(cli):
    from helpers import csv_records

    rows = csv_records(cli, "list", "--list", "ca-2024")
    assert len(rows) == 34 and {r["list"] for r in rows} == {"ca-2024"}
    ree = next(r for r in rows if r["entry"] == "Rare earth elements")
    assert len(ree["covers"].split(";")) == 15 and ree["mapping"] == "group"
    got = run_json(cli, "list", "--list", "ca-2024", "--where", "mapping=group")
    assert got["count"] == 34 and {m["mapping"] for m in got["members"]} == {"group"}


def test_a_cross_diff_is_one_row_per_entry_or_kept_mineral(cli):
    from helpers import csv_records

    got = run_json(cli, "diff", "2025", "eu-2023-critical")
    rows = csv_records(cli, "diff", "2025", "eu-2023-critical")
    assert len(rows) == len(got["rows"]) == got["counts"]["added"] + got["counts"]["removed"] + got["counts"][
        "groups"] + got["counts"]["kept"] + got["counts"]["unknown"]
    coal = next(r for r in rows if r["change"] == "kept" and r["minerals"] == "metallurgical coal")
    assert coal["how"] == "qualified" and "subset" in coal["qualifier"]
    only_eu = [r["entry"] for r in csv_records(cli, "diff", "2025", "eu-2023-critical", "--where", "change=added")]
    assert only_eu == [e["entry"] for e in got["added"]]
