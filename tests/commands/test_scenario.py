"""`minerals scenario --cut`: supply at risk per mineral if the named countries stop exporting.

Figures are recomputed from the YAML files read with yaml.safe_load, with the
docs/design.md formulas, so the analysis is checked against the data, not itself.
"""

from __future__ import annotations

from helpers import DATA, close, list_minerals, load, mineral_figures, nir_number, run_json
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
