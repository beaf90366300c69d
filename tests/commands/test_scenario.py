"""`minerals scenario --cut`: supply at risk per mineral if the named countries stop exporting.

Figures are recomputed from the YAML files read with yaml.safe_load, with the
docs/design.md formulas, so the analysis is checked against the data, not itself.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from helpers import DATA, close, full_citation, list_minerals, load, mineral_figures, nir_number, run_json
from helpers import TRADE_SMALL as FIXTURE


def test_scenario_cut_china_ranks_supply_at_risk(cli):
    r = run_json(cli, "scenario", "--cut", "CN")
    figures = mineral_figures(DATA)
    assert r["cut"] == ["CN"] and r["cut_names"] == ["China"]
    values = [row["at_risk"]["value"] for row in r["rows"]]
    assert values == sorted(values, reverse=True) and values[0] > 0
    records = {c["id"]: c for c in load(DATA, "import_dependence.yaml")["commodities"]}
    for row in r["rows"]:
        if row["headline"]:
            rel, shares = figures[row["minerals"][0]]
        else:  # another published form: its own record's figures
            form = records[row["commodity"]]
            rel = next(x for x in form["reliance"] if x["edition"] == r["edition"])
            shares = next(x for x in form["import_shares"] if x["whole"])
        share = sum(s["percent"] for s in shares["shares"] if s["country"] == "CN")
        assert close(row["cut_share"]["value"], share)
        assert close(row["at_risk"]["value"], nir_number(rel["published"]) * share / 100)
        assert row["at_risk"]["bound"] == ("lower" if rel["published"].startswith(">") else "exact")
    t = r["totals"]
    assert t["minerals_at_risk"] == len({m for row in r["rows"] for m in row["minerals"]})
    assert t["commodities_at_risk"] == len({row["commodity"] if row["headline"] else records[row["commodity"]]["part_of"]
                                            for row in r["rows"]})
    assert t["of"] == 60


def test_scenario_counts_a_mineral_once_whatever_its_forms(cli):
    """China's 58% of magnesium-compound imports is a row of its own; magnesium counts once, the mean is unchanged."""
    r = run_json(cli, "scenario", "--cut", "CN")
    compounds = next(row for row in r["rows"] if row["commodity"] == "magnesium compounds")
    assert (compounds["form"], compounds["headline"], compounds["minerals"]) == ("compounds", False, ["magnesium"])
    assert close(compounds["at_risk"]["value"], 59 * 58 / 100)
    metal = next(row for row in r["rows"] + r["unknown"] if row["commodity"] == "aluminum metal")
    assert metal["minerals"] == ["aluminum"]
    named = [m for row in r["rows"] for m in row["minerals"]]
    assert r["totals"]["minerals_at_risk"] == len(set(named)) and r["totals"]["covered"] <= r["totals"]["of"]
    headline_only = [row for row in r["rows"] if row["headline"]]
    assert {m for row in headline_only for m in row["minerals"]} < set(named)  # the forms add minerals, once each


def test_scenario_mean_is_recomputed_from_the_data(cli):
    """Mean at-risk share over the list's minerals with figures, equal weights (lanthanides one by one)."""
    figures = mineral_figures(DATA)
    at_risk = []
    for m in list_minerals(DATA, "2025"):
        rel, shares = figures.get(m["id"], (None, None))
        if rel is None or shares is None or rel["published"] in ("W", "NA"):
            continue
        share = sum(s["percent"] for s in shares["shares"] if s["country"] == "CN")
        at_risk.append(nir_number(rel["published"]) * share / 100)
    t = run_json(cli, "scenario", "--cut", "CN")["totals"]
    assert t["covered"] == len(at_risk)
    assert close(t["mean_at_risk"]["value"], sum(at_risk) / len(at_risk))
    assert t["mean_at_risk"]["bound"] == "lower"  # some NIRs are published as '>50'


def test_scenario_cuts_add_up(cli):
    both = run_json(cli, "scenario", "--cut", "CN", "--cut", "RU")
    joined = run_json(cli, "scenario", "--cut", "CN,Russia")
    assert both["rows"] == joined["rows"] and both["cut"] == ["CN", "RU"]
    cn = {row["commodity"]: row["at_risk"]["value"] for row in run_json(cli, "scenario", "--cut", "CN")["rows"]}
    ru = {row["commodity"]: row["at_risk"]["value"] for row in run_json(cli, "scenario", "--cut", "RU")["rows"]}
    for row in both["rows"]:
        assert close(row["at_risk"]["value"], cn.get(row["commodity"], 0) + ru.get(row["commodity"], 0))


def test_scenario_accepts_a_group(cli):
    r = run_json(cli, "scenario", "--cut", "feoc")
    assert r["cut"] == ["CN", "RU", "KP", "IR"]


def test_scenario_unknowns_are_listed_not_zeroed(cli):
    r = run_json(cli, "scenario", "--cut", "CN", "--data-dir", str(FIXTURE))
    assert {row["commodity"] for row in r["unknown"]} == {"cesium", "testium"}
    for row in r["unknown"]:
        assert row["at_risk"]["value"] is None and row["cut"]
    assert r["totals"]["minerals_unknown"] == 2
    assert [row["commodity"] for row in r["rows"]] == ["rare earths", "gallium", "indium"]


def test_scenario_refuses_to_cut_the_united_states(cli):
    run = cli("scenario", "--cut", "US")
    assert run.exit_code == 2 and "domestic" in run.stderr


def test_scenario_needs_a_cut(cli):
    assert cli("scenario").exit_code == 2


def test_scenario_cuts_a_group_without_the_united_states(cli):
    nato = run_json(cli, "scenario", "--cut", "nato")
    members = {g["id"]: g["members"] for g in load(DATA, "country_groups.yaml")["groups"]}
    assert "US" in members["nato"] and "US" not in nato["cut"]
    assert nato["cut"] == [c for c in members["nato"] if c != "US"]
    assert any("United States, a member of nato" in c and "left out" in c for c in nato["caveats"])
    g7 = run_json(cli, "scenario", "--cut", "g7", "--cut", "CN")
    assert g7["cut"] == ["CA", "FR", "DE", "IT", "JP", "GB", "CN"]
    assert g7["rows"] == run_json(cli, "scenario", "--cut", "CA,FR,DE,IT,JP,GB,CN")["rows"]
    for explicit in (["US"], ["nato,USA"], ["g7", "--cut", "United States"]):
        run = cli("scenario", "--cut", *explicit)
        assert run.exit_code == 2 and "domestic" in run.stderr, explicit


# --------------------------------------------------------------------------
# the answer first; records

SCENARIOS = [["--cut", "CN"], ["--cut", "CN", "--cut", "RU"], ["--controls", "ban,quota"], ["--cut", "nato"]]


@pytest.mark.parametrize("args", SCENARIOS, ids=" ".join)
def test_scenario_piped_lines_fit_120_characters_totals_first_few_notes(cli, args):
    for extra in ([], ["--sources"]):
        out = cli("scenario", *args, *extra).stdout
        assert max(len(line) for line in out.splitlines()) <= 120, extra
        assert not any(line.startswith("note: source:") for line in out.splitlines())
        assert re.search(r"^\[1\] USGS MCS 2026", out, re.M)
    lines = cli("scenario", *args).stdout.splitlines()
    assert lines[0].startswith("If ") and lines[1].split() == ["figure", "value"]
    assert lines[3].startswith("minerals with supply at risk")
    notes = [line for line in lines if line.startswith("note:") and not line.startswith("note: [")
             and "every full citation: --sources" not in line]
    assert len(notes) <= 4, notes


def test_scenario_names_the_cut_countries_by_name(cli):
    out = cli("scenario", "--cut", "CN", "--cut", "RU").stdout
    assert out.startswith("If exports stop from China, Russia: 2025 list (MCS 2026)\n")
    palladium = next(line for line in out.splitlines() if line.startswith("palladium "))
    assert "Russia 36" in palladium and " RU " not in palladium
    assert "China (rank 1), Russia (rank 3)" in out  # rubidium: ranked sources only
    controls = cli("scenario", "--controls", "ban,quota", "--as-of", "2026-01-15").stdout
    assert controls.startswith("If the export controls (ban, quota) in force on 2026-01-15 stop supply: 2025 list")
    assert "Malaysia 13" in controls


def test_scenario_shows_what_a_group_cut_left_out(cli):
    out = cli("scenario", "--cut", "nato").stdout
    first_note = next(line for line in out.splitlines() if line.startswith("note:") and not line.startswith("note: ["))
    assert "United States, a member of nato" in first_note and "left out" in first_note


def test_scenario_sources_prints_every_full_citation_and_every_caveat(cli):
    r = run_json(cli, "scenario", "--cut", "CN")
    text = " ".join(cli("scenario", "--cut", "CN", "--sources").stdout.split())
    for c in r["citations"]:
        assert full_citation(c) in text
    for caveat in r["caveats"]:
        assert " ".join(caveat.split()) in text
    unpriced = [x for x in r["rows"] if x["value_at_risk"] and x["value_at_risk"]["unknown"]]
    assert unpriced and all(" ".join(x["value_at_risk"]["unknown"].split()) in text for x in unpriced)


def test_scenario_records_are_one_per_mineral_at_risk(cli):
    r = run_json(cli, "scenario", "--cut", "CN", "--cut", "RU")
    records = list(csv.DictReader(io.StringIO(cli("scenario", "--cut", "CN", "--cut", "RU", "-f", "csv").stdout)))
    expected = [(m, row) for row in r["rows"] for m in row["minerals"]]
    assert [x["mineral"] for x in records] == [m for m, _ in expected]
    assert len({x["mineral"] for x in records if x["headline"] == "True"}) == len(
        {m for m, row in expected if row["headline"]})
    for record, (mineral, row) in zip(records, expected):
        assert record["cut"] == "CN;RU" and record["minerals"] == ";".join(row["minerals"])
        assert record["cut_sources"] == ";".join(c["country"] for c in row["cut"])
        assert close(float(record["at_risk"]), row["at_risk"]["value"])
        assert record["at_risk_bound"] == row["at_risk"]["bound"]
        v = row["value_at_risk"]
        assert (record["value_at_risk"] == "") == (v is None or v["value"]["value"] is None)  # unknown: empty, not 0
    for column in ("nir", "cut_share", "cut_share_high", "at_risk", "at_risk_low", "value_at_risk",
                   "value_at_risk_year"):
        assert all(re.fullmatch(r"-?\d+(\.\d+)?", x[column]) for x in records if x[column]), column
    assert any(x["value_at_risk"] for x in records)
    rare = [x for x in records if x["commodity"] == "rare earths"]
    assert len(rare) == 8 and len({x["at_risk"] for x in rare}) == 1  # each lanthanide with the group's figures
    jsonl = [json.loads(x) for x in cli("scenario", "--cut", "CN", "--cut", "RU", "-f", "jsonl").stdout.splitlines()]
    assert [x["mineral"] for x in jsonl] == [x["mineral"] for x in records]


def test_scenario_sort_top_and_where_take_the_rows_at_risk(cli):
    top = run_json(cli, "scenario", "--cut", "CN", "--top", "3")
    full = run_json(cli, "scenario", "--cut", "CN")
    assert top["rows"] == full["rows"][:3] and top["totals"] == full["totals"]  # the totals are the whole list's
    priced = run_json(cli, "scenario", "--cut", "CN", "--sort", "value_at_risk", "--top", "1")["rows"]
    assert priced[0]["commodity"] == "antimony"
    at_least_half = run_json(cli, "scenario", "--cut", "CN", "--where", "at_risk>=50")["rows"]
    assert at_least_half and all(x["at_risk"]["value"] >= 50 for x in at_least_half)
    csv_rows = cli("scenario", "--cut", "CN", "--where", "minerals~neodymium", "-f", "csv").stdout.splitlines()
    assert len(csv_rows) == 1 + 8  # the header and the rare-earths row's eight minerals
