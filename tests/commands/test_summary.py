"""`minerals summary` reproduces USGS's headline counts of import reliance, beside the published ones."""

from __future__ import annotations

import json

import pytest
import yaml

PUBLISHED = {2024: ("2022", 12, 29), 2025: ("2022", 12, 28), 2026: ("2025", 13, 20)}


@pytest.mark.parametrize("edition", [2024, 2025, 2026])
def test_summary_reproduces_the_published_counts(cli, edition):
    r = cli("summary", "--edition", str(edition), "--json")
    assert r.exit_code == 0, r.stderr
    s = r.json()
    list_id, at_100, over_50 = PUBLISHED[edition]
    assert s["list"] == list_id
    assert (s["at_100"]["computed"], s["at_100"]["published"], s["at_100"]["match"]) == (at_100, at_100, True)
    assert (s["over_50"]["computed"], s["over_50"]["published"], s["over_50"]["match"]) == (over_50, over_50, True)
    assert s["published_available"] is True and s["match"] is True
    assert s["headline_source"]["url"]
    assert len(s["at_100"]["minerals"]) == at_100


def test_lanthanides_count_one_by_one_in_mcs_2024(cli):
    s = cli("summary", "--edition", "2024", "--json").json()
    assert s["rule"] == "lanthanides individually"
    assert s["units"] == 50
    assert {"cerium", "neodymium", "ytterbium"} <= set(s["over_50"]["minerals"])
    assert "titanium" in s["over_50"]["minerals"]  # '>95' is over 50, not 100
    assert "lithium" not in s["over_50"]["minerals"]  # '>25' straddles 50
    assert any("lithium (>25)" in n for n in s["notes"])


def test_rare_earths_count_as_one_group_in_mcs_2026(cli):
    s = cli("summary", "--edition", "2026", "--json").json()
    assert s["rule"] == "rare earths as one group"
    assert s["units"] == 60 - 14 + 1
    group = next(row for row in s["rows"] if row["id"] == "rare earths")
    assert len(group["members"]) == 14 and group["status"] == "over 50"
    assert "neodymium" not in {row["id"] for row in s["rows"]}
    assert set(s["at_100"]["minerals"]) >= {"titanium", "arsenic", "yttrium"}


def test_default_edition_is_the_latest(cli):
    assert cli("summary", "--json").json()["edition"] == 2026


def test_list_override_says_whether_a_figure_was_published(cli):
    s = cli("summary", "--edition", "2026", "--list", "2022", "--json").json()
    assert s["list"] == "2022"
    assert s["published_available"] is False and s["match"] is None
    assert s["at_100"]["published"] is None and s["at_100"]["match"] is None
    assert any("published no count" in n for n in s["notes"])


def test_unknowns_are_listed_with_their_reason_not_counted(cli):
    s = cli("summary", "--edition", "2025", "--json").json()
    assert set(s["unknown"]) == {"hafnium", "iridium", "rhodium", "ruthenium"}
    rows = {row["id"]: row for row in s["rows"]}
    assert rows["iridium"]["value"] is None and "platinum and palladium" in rows["iridium"]["reason"]


def test_fuels_are_shown_but_not_counted(cli):
    s = cli("summary", "--edition", "2024", "--list", "2025", "--json").json()
    uranium = next(row for row in s["rows"] if row["id"] == "uranium")
    assert uranium["basis"] == "EIA" and uranium["status"] == "not MCS"
    assert "uranium" not in s["over_50"]["minerals"] + s["at_100"]["minerals"]


def test_leading_sources_count_each_country(cli):
    s = cli("summary", "--edition", "2026", "--json").json()
    counts = {c["country"]: c for c in s["leading_sources"]}
    with_source = [row for row in s["rows"] if row["leading_source"]]
    assert sum(c["count"] for c in s["leading_sources"]) == len(with_source)
    china = counts["CN"]
    assert china["count"] == len(china["minerals"]) >= 8
    assert {"rare earths", "graphite", "antimony"} <= set(china["minerals"])
    rows = {row["id"]: row for row in s["rows"]}
    assert rows["aluminum"]["leading_source"] == "JM" and rows["aluminum"]["leading_from"] == "shares"


def test_leading_source_falls_back_to_fig2_order(cli):
    s = cli("summary", "--edition", "2024", "--json").json()
    rows = {row["id"]: row for row in s["rows"]}
    ranked = {r["edition"]: r for r in cli("show", "cesium", "--json").json()["trade"]["ranked_sources"]}
    first_2024 = ranked[2024]["countries"][0]["country"]  # no share list: the first of MCS 2024's Fig. 2 order
    assert rows["cesium"]["leading_source"] == first_2024 and rows["cesium"]["leading_from"] == "ranked"
    # no MCS 2024 share list in the data: the list exposure uses for MCS 2024 (leading.leader_of), not another rule
    assert rows["cobalt"]["leading_source"] == "NO" and rows["cobalt"]["leading_from"] == "shares"
    assert cli("exposure", "cobalt", "--edition", "2024", "--json").json()["leading"] == ["NO"]


def test_uranium_leading_source_needs_no_reliance(cli):
    s = cli("summary", "--json").json()
    uranium = next(row for row in s["rows"] if row["id"] == "uranium")
    assert uranium["published"] == "NA" and uranium["status"] == "unknown"
    assert (uranium["leading_source"], uranium["leading_from"]) == ("CA", "shares")  # EIA's 2024 deliveries list


def test_unknown_edition_or_list_is_a_usage_error(cli):
    r = cli("summary", "--edition", "2019")
    assert r.exit_code == 2 and "2024, 2025, 2026" in r.stderr
    r = cli("summary", "--list", "1999")
    assert r.exit_code == 2 and "valid lists" in r.stderr


def test_a_changed_figure_breaks_the_match(cli, data_copy):
    path = data_copy / "import_dependence.yaml"
    doc = yaml.safe_load(path.read_text())
    cobalt = next(c for c in doc["commodities"] if c["id"] == "cobalt")
    next(r for r in cobalt["reliance"] if r["edition"] == 2026)["published"] = "45"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    s = cli("summary", "--edition", "2026", "--data-dir", str(data_copy), "--json").json()
    assert s["over_50"]["computed"] == 19 and s["over_50"]["match"] is False and s["match"] is False
    assert any("differ" in n for n in s["notes"])


def test_summary_table_output_shows_the_published_figures(cli):
    r = cli("summary", "--edition", "2025")
    assert r.exit_code == 0
    assert "published" in r.stdout and "28" in r.stdout and "Leading import source" in r.stdout


# --------------------------------------------------------------------------
# the default list comes from the data


def test_summary_without_a_headline_counts_the_list_in_force(cli, data_copy):
    """Renamed lists and no published count: the final list in force, not a hard-coded '2025' (0 units before)."""
    for name in ("minerals_2025.yaml", "import_dependence.yaml"):
        path = data_copy / name
        doc = yaml.safe_load(path.read_text())
        if name == "import_dependence.yaml":
            doc["headline_counts"] = []
        else:
            for entry in doc["lists"]:
                entry["id"] = "2025-final" if entry["id"] == "2025" else entry["id"]
            for m in doc["minerals"]:
                m["lists"] = ["2025-final" if lid == "2025" else lid for lid in m["lists"]]
                for key in ("listed_as", "covered_by"):
                    if "2025" in m.get(key, {}):
                        m[key]["2025-final"] = m[key].pop("2025")
        path.write_text(yaml.safe_dump(doc, sort_keys=False))
    s = cli("summary", "--data-dir", str(data_copy), "--json").json()
    assert (s["edition"], s["list"], s["units"]) == (2026, "2025-final", 60)
    assert s["published_available"] is False
    assert cli("summary", "--edition", "2025", "--data-dir", str(data_copy), "--json").json()["list"] == "2022"


def test_summary_refuses_a_headline_list_the_minerals_file_lacks(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["lists"] = [entry for entry in doc["lists"] if entry["id"] != "2025-draft"]
    for m in doc["minerals"]:
        m["lists"] = [lid for lid in m["lists"] if lid != "2025-draft"]
        for key in ("listed_as", "covered_by"):
            m.get(key, {}).pop("2025-draft", None)
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    trade = data_copy / "import_dependence.yaml"
    tdoc = yaml.safe_load(trade.read_text())
    tdoc["headline_counts"][-1]["list"] = "2025-draft"
    trade.write_text(yaml.safe_dump(tdoc, sort_keys=False))
    r = cli("summary", "--data-dir", str(data_copy))
    assert r.exit_code == 3  # the data contradicts itself: a data error, not the user's (was 2)
    assert "unknown list '2025-draft'" in r.stderr and "headline count" in r.stderr
    assert "valid lists: 2018, 2022, 2025" in r.stderr


def test_summary_counts_the_headline_form_only(cli):
    """Aluminum metal (60) and magnesium compounds (59) are records of their own; the counts stay on bauxite and
    magnesium metal, so USGS's headline counts still match."""
    for edition in ("2024", "2025", "2026"):
        r = cli("summary", "--edition", edition, "--json").json()
        assert r["match"] is True, edition
        text = json.dumps(r)
        assert "aluminum metal" not in text and "magnesium compounds" not in text and "alumina" not in text
    r = cli("summary", "--json").json()
    assert "titanium" in r["at_100"]["minerals"]  # sponge metal 100, not the concentrates' 88
    assert "aluminum" in r["over_50"]["minerals"] and "magnesium" in r["over_50"]["minerals"]


def test_records_are_one_per_counted_unit_with_the_reliance_as_a_number(cli):
    from helpers import csv_records

    s = cli("summary", "--json").json()
    records = csv_records(cli, "summary")
    assert [r["mineral"] for r in records] == [row["id"] for row in s["rows"]] and len(records) == s["units"]
    aluminum = next(r for r in records if r["mineral"] == "aluminum")
    assert (aluminum["nir"], aluminum["nir_published"], aluminum["status"]) == (75, ">75", "over 50")
    hafnium = next(r for r in records if r["mineral"] == "hafnium")
    assert hafnium["nir"] is None and hafnium["status"] == "unknown" and hafnium["reason"]
    assert sum(r["status"] == "at 100" for r in records) == s["at_100"]["computed"] == 13


def test_sort_and_top_choose_the_minerals_rows_the_counts_stay_whole(cli):
    got = cli("summary", "--sort", "nir", "--top", "5", "--json").json()
    assert len(got["rows"]) == 5 and all(r["value"] == 100 for r in got["rows"])
    assert got["at_100"]["computed"] == 13 and got["over_50"]["computed"] == 20  # still the whole list's counts
    low = cli("summary", "--sort", "nir", "--reverse", "--top", "1", "--json").json()["rows"][0]
    assert low["published"] == "E"  # 0 for a net exporter is the smallest; unknowns sort last either way
    text = cli("summary", "--where", "leading_source=CN").stdout
    assert "Minerals: 10 of 47 shown" in text


def test_the_view_keeps_the_few_caveats_and_hides_the_reasons(cli):
    text = cli("summary").stdout
    assert "note: unknown NIR, not counted: hafnium, iridium" in text and "not reported separately" not in text
    full = cli("summary", "--sources").stdout
    assert "not reported separately" in full and "100% net import reliant: arsenic" in full
    assert "[1] USGS MCS 2026, as reported by NewsTarget" in text and "published counts:" not in text


@pytest.mark.parametrize("args", [(), ("--edition", "2024"), ("--edition", "2025"), ("--list", "2022"),
                                  ("--sources",), ("--sort", "nir", "--top", "10")])
def test_piped_lines_fit_120(cli, args):
    from helpers import long_lines

    run = cli("summary", *args)
    assert run.exit_code == 0 and not long_lines(run.stdout), long_lines(run.stdout)
