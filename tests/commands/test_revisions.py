"""`minerals revisions [NAME ...]`: each edition's reliance as first published beside the MCS 2026 chapter series.

The recomputing tests read the two data files with the project's safe
parser (`safe_yaml.parse`), not through the commands, and pair them again.
"""

from __future__ import annotations

import json

from helpers import DATA, run_json

from minerals_cli.dataset.safe_yaml import parse

NIR = "Net import reliance"


def pairs(result):
    return [(p["commodity"], p["year"], p["edition"], p["published"], p["series_edition"], p["series_published"],
             p["change"]) for p in result["revisions"]]


def test_cobalt_2023_and_2024_as_first_published_and_as_revised(cli):
    got = run_json(cli, "revisions", "cobalt")
    assert pairs(got) == [("cobalt", 2023, 2024, "67", 2026, "69", "revised"),
                          ("cobalt", 2024, 2025, "76", 2026, "74", "revised")]
    assert got["count"] == 2 and got["revised"] == 2 and got["filled"] == 0
    first, second = got["revisions"]
    assert first["source"]["source"] == "USGS MCS 2024" and "Fig. 2" in first["source"]["table"]
    assert second["source"]["source"] == "USGS MCS 2025"
    for p in got["revisions"]:
        assert p["series"] == "cobalt s11" and p["series_product"] == "Cobalt"
        assert p["series_source"]["source"] == "USGS MCS 2026" and "COBALT chapter" in p["series_source"]["table"]
    [checked] = got["checked"]
    assert checked["compared"] == 3 and checked["changed"] == 2  # 2025: MCS 2026's own figure, the same 79
    assert {c["source"]["source"] for c in got["citations"]} == {"USGS MCS 2024", "USGS MCS 2025", "USGS MCS 2026"}


def test_boron_years_the_editions_printed_no_figure_for_are_filled_and_both_are_shown(cli):
    got = run_json(cli, "revisions", "boron")
    assert pairs(got) == [("boron", 2023, 2024, "NA", 2026, "E", "filled"),
                          ("boron", 2024, 2025, "NA", 2026, "E", "filled")]
    assert all(p["reason"] and "net exporters" in p["reason"] for p in got["revisions"])
    assert got["filled"] == 2 and got["revised"] == 0


def test_every_revision_printed_recomputes_from_the_two_data_files(cli):
    got = run_json(cli, "revisions")
    imports = {c["id"]: c for c in parse(DATA / "import_dependence.yaml")["commodities"]}
    stats = parse(DATA / "salient_statistics.yaml")
    series = {s["id"]: s for s in stats["series"]}
    assert got["series_edition"] == stats["edition"] and got["count"] == len(got["revisions"]) > 0
    for p in got["revisions"]:
        own = next(r for r in imports[p["commodity"]]["reliance"] if r["edition"] == p["edition"])
        cited = {k: v for k, v in p["source"].items() if v is not None}
        assert (own["year"], own["published"], own["source"]) == (p["year"], p["published"], cited)
        later = series[p["series"]]
        assert later["statistic"] == NIR and later["commodity"] == p["commodity"]
        assert later["published"][p["year"]] == p["series_published"] != p["published"]
        assert p["series_estimated"] == (p["year"] in later.get("estimated", []))
        assert p["change"] == ("filled" if own["published"] in ("NA", "W") else "revised")
    # and none is left out: every differing year of each compared series is listed
    listed = {(p["commodity"], p["edition"]) for p in got["revisions"]}
    for c in got["checked"]:
        if c["series"] is None:
            continue
        later = series[c["series"]]["published"]
        for r in imports[c["commodity"]]["reliance"]:
            differs = r["year"] in later and later[r["year"]] != r["published"] and r["edition"] < stats["edition"]
            assert ((c["commodity"], r["edition"]) in listed) == differs, (c["commodity"], r["edition"])
    assert got["revised"] + got["filled"] == got["count"]


def test_without_a_name_every_mineral_of_the_2025_list_the_lanthanides_once(cli):
    got = run_json(cli, "revisions")
    minerals = parse(DATA / "minerals_2025.yaml")["minerals"]
    assert got["list"] == "2025" and sorted(got["minerals"]) == sorted(m["id"] for m in minerals if "2025" in m["lists"])
    commodities = [c["commodity"] for c in got["checked"]]
    assert len(commodities) == len(set(commodities)) and "rare earths" in commodities
    rare = next(c for c in got["checked"] if c["commodity"] == "rare earths")
    assert {"neodymium", "dysprosium", "lanthanum"} <= set(rare["minerals"])
    assert rare["series_product"] == "Rare Earths"  # the compounds-and-metals series, not the heavy or concentrates one
    assert [p["series_published"] for p in got["revisions"] if p["commodity"] == "rare earths"] == [">90", "53"]


def test_a_chapter_with_several_series_is_compared_through_the_editions_form_only(cli):
    """Aluminum's editions are bauxite's: the aluminum-metal and alumina series of the chapters are not compared."""
    [checked] = run_json(cli, "revisions", "aluminum")["checked"]
    assert checked["series_product"] == "Bauxite" and checked["changed"] == 0


def test_names_that_share_a_commodity_are_one_and_a_commodity_without_series_says_why(cli):
    got = run_json(cli, "revisions", "Nd", "La", "uranium", "platinum group metals")
    assert [c["commodity"] for c in got["checked"]] == ["rare earths", "uranium"]
    assert got["checked"][0]["minerals"] == ["neodymium", "lanthanum"]
    uranium = got["checked"][1]
    assert uranium["series"] is None and uranium["compared"] == 0 and "no MCS 2026 chapter series" in uranium["unknown"]
    assert any("platinum group metals" in u for u in got["unknown"])


def test_helium_whose_chapter_usgs_flags_not_critical_is_filled_from_its_series(cli):
    got = run_json(cli, "revisions", "helium")
    filled = {(p["year"], p["edition"]): (p["published"], p["series_published"]) for p in got["revisions"]}
    assert filled == {(2023, 2024): ("NA", "E"), (2024, 2025): ("NA", "E")}


def test_the_table_says_how_many_changed_and_shows_both_figures(cli):
    run = cli("revisions", "cobalt")
    assert run.exit_code == 0, run.stderr
    assert "2 changed (2 revised, 0 filled)" in run.stdout
    row = next(line for line in run.stdout.splitlines() if line.startswith("Cobalt") and " 2023 " in line)
    assert "MCS 2024" in row and " 67 " in row and " 69 " in row and "revised" in row


def test_bad_input_is_a_message_with_a_suggestion(cli):
    run = cli("revisions", "cobolt")
    assert run.exit_code == 1 and "did you mean" in run.stderr and "cobalt" in run.stderr and "Traceback" not in run.stderr
    run = cli("revisions", "cobalt", "--list", "2025")
    assert run.exit_code == 2 and "not both" in run.stderr
    run = cli("revisions", "--list", "2030")
    assert run.exit_code == 2 and "valid lists" in run.stderr


def test_a_data_directory_without_the_salient_statistics_is_a_data_error(cli, data_copy):
    (data_copy / "salient_statistics.yaml").unlink()
    run = cli("revisions", "cobalt", "--data-dir", str(data_copy))
    assert run.exit_code == 3 and "salient_statistics.yaml" in run.stderr


# --------------------------------------------------------------------------
# the answer first, records, sort and filter


def test_piped_table_lines_fit_120_characters_and_sources_are_numbered(cli):
    for args in ([], ["cobalt"]):
        run = cli("revisions", *args)
        assert run.exit_code == 0, run.stderr
        assert max(len(line) for line in run.stdout.splitlines()) <= 120
        assert "note: source:" not in run.stdout and "[1] USGS MCS 2024: Fig. 2" in run.stdout
    full = cli("revisions", "--sources").stdout
    assert "unchanged in the series: " in full and "Cobalt" not in full.split("unchanged in the series: ")[1].split("\n")[0]


def test_records_are_one_per_edition_figure_with_both_numbers(cli):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(cli("revisions", "cobalt", "--format", "csv").stdout)))
    assert [(r["year"], r["nir"], r["nir_edition"], r["series_nir"], r["change"]) for r in rows] == [
        ("2023", "67.0", "2024", "69.0", "revised"), ("2024", "76.0", "2025", "74.0", "revised")]
    boron = [json.loads(line) for line in cli("revisions", "boron", "--format", "jsonl").stdout.splitlines()]
    assert all(r["nir"] is None and r["nir_published"] == "NA" and r["series_nir_published"] == "E" for r in boron)


def test_where_sort_and_top_work_on_the_records(cli):
    filled = run_json(cli, "revisions", "--where", "change=filled")
    assert filled["revisions"] and all(p["change"] == "filled" for p in filled["revisions"])
    assert len(filled["revisions"]) == run_json(cli, "revisions")["filled"]
    top = run_json(cli, "revisions", "--sort", "series_nir", "--top", "3")["revisions"]
    numbers = [float(p["series_published"].lstrip("<>")) for p in top]
    assert len(top) == 3 and numbers == sorted(numbers, reverse=True)
