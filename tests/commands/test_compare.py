"""`minerals compare`: minerals x lists across jurisdictions (issue 17)."""

from __future__ import annotations

import pytest
from helpers import csv_records, long_lines, run_json


def test_every_mineral_with_its_lists_and_their_number(cli):
    got = run_json(cli, "compare")
    ids = [x["id"] for x in got["lists"]]
    assert ids[0] == "2025" and "eu-2023-critical" in ids and "eu-2020" not in ids  # latest of each series
    for row in got["rows"]:
        assert row["count"] == sum(1 for v in row["lists"].values() if v not in (None, "unknown"))
    counts = [r["count"] for r in got["rows"]]
    assert counts == sorted(counts, reverse=True)
    feldspar = next(r for r in got["rows"] if r["mineral"] == "feldspar")
    assert feldspar["on_us_list"] is False and feldspar["lists"]["eu-2023-critical"] == "exact"


def test_an_incomplete_list_marks_what_it_does_not_show_unknown(cli):
    rows = {r["mineral"]: r for r in run_json(cli, "compare", "--lists", "2025,uk-2024")["rows"]}
    assert rows["antimony"]["lists"]["uk-2024"] == "unknown" and rows["antimony"]["count"] == 1


def test_sort_by_name_and_a_bad_sort(cli):
    names = [r["name"] for r in run_json(cli, "compare", "--sort", "name")["rows"]]
    assert names == sorted(names)
    run = cli("compare", "--sort", "size")
    assert run.exit_code == 2 and "lists" in run.stderr and "name" in run.stderr  # the columns it can sort on
    assert cli("compare", "--lists", "2025,xx").exit_code == 2


def test_records_have_two_columns_per_list(cli):
    records = csv_records(cli, "compare", "--lists", "2025,eu-2023-critical")
    assert list(records[0]) == ["mineral", "name", "on_us_list", "lists", "us_2025", "us_2025_how", "eu_2023",
                                "eu_2023_how"]
    feldspar = next(r for r in records if r["mineral"] == "feldspar")
    assert (feldspar["lists"], feldspar["us_2025"], feldspar["eu_2023"], feldspar["eu_2023_how"]) == (
        1, False, True, "exact")


def test_an_incomplete_lists_column_is_empty_not_false(cli):
    antimony = next(r for r in csv_records(cli, "compare", "--lists", "2025,uk-2024") if r["mineral"] == "antimony")
    assert antimony["uk_2024"] is None and antimony["uk_2024_how"] is None and antimony["lists"] == 1


def test_sort_lists_is_most_lists_first_and_top_keeps_the_first(cli):
    rows = run_json(cli, "compare", "--sort", "lists", "--top", "5")["rows"]
    everything = run_json(cli, "compare")["rows"]
    assert [r["mineral"] for r in rows] == [r["mineral"] for r in everything[:5]]
    fewest = run_json(cli, "compare", "--sort", "lists", "--reverse", "--top", "1")["rows"][0]
    assert fewest["count"] == min(r["count"] for r in everything)
    assert {r["mineral"] for r in run_json(cli, "compare", "--where", "eu_2023_s=true")["rows"]} >= {"lithium"}


@pytest.mark.parametrize("args", [(), ("--sort", "name"), ("--lists", "2025,uk-2024"), ("--sources",)])
def test_piped_lines_fit_120(cli, args):
    run = cli("compare", *args)
    assert run.exit_code == 0 and not long_lines(run.stdout)
    assert "note: sources:" not in run.stdout
