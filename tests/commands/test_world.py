"""`minerals world`: who produces a mineral, as USGS's world tables print it (issue 13)."""

from __future__ import annotations

import pytest
from helpers import run_json


def test_gallium_china_s_share_of_2025_world_primary_production(cli):
    r = run_json(cli, "world", "gallium")
    p = r["production"]
    assert (p["stage"], p["year"], p["unit"], p["total"], p["rounded"]) == ("primary", 2025, "kilograms", "900,000", True)
    named = {x["country"]: x for x in p["producers"]}
    assert named["CN"]["published"] == "900,000" and named["CN"]["rank"] == 1
    assert named["JP"]["published"] == "3,000" and named["RU"]["published"] == "6,000"
    assert 99 < r["china"]["low"] <= r["china"]["high"] == pytest.approx(100)  # 900,000 of a rounded 900,000 (sum 909,000)
    assert any("rounds the world total" in c for c in r["caveats"])


def test_rare_earths_china_270000_of_390000_and_reserves(cli):
    r = run_json(cli, "world", "rare earths")
    assert r["production"]["stage"] == "mine" and r["production"]["total"] == "390,000"
    assert r["china"]["value"] == pytest.approx(100 * 270_000 / 390_000)
    assert r["reserves"]["total"] == ">85,000,000"
    assert {x["country"]: x["published"] for x in r["reserves"]["producers"]}["CN"] == "44,000,000"


def test_every_stage_usgs_prints_can_be_asked_for(cli):
    r = run_json(cli, "world", "gallium", "--stage", "capacity")
    assert r["production"]["stage"] == "capacity" and {s["stage"] for s in r["stages"]} == {"primary", "capacity"}
    assert run_json(cli, "world", "gallium", "--year", "2024")["production"]["total"] == "848,000"


def test_a_mineral_without_a_world_table_says_so(cli):
    r = run_json(cli, "world", "germanium")
    assert r["production"] is None and r["china"]["bound"] == "unknown"
    assert any("no world table" in u for u in r["unknown"])


def test_an_unknown_stage_is_a_usage_error(cli):
    run = cli("world", "gallium", "--stage", "orbit")
    assert run.exit_code == 2 and "valid stages" in run.stderr


def test_exposure_shows_the_origin_beside_the_import_sources(cli):
    r = run_json(cli, "exposure", "gallium")
    w = r["world"]
    assert r["china"]["share"]["value"] == 18 and w["stage"] == "primary" and w["china"]["low"] > 99
    assert set(w["shippers_without_production"]) == {"CA", "DE"}
    v = run_json(cli, "exposure", "vanadium")
    assert "CN" not in [s["country"] for s in v["sources"]] and v["world"]["china"]["value"] > 70


def test_country_lists_the_minerals_it_leads_in_world_production(cli):
    r = run_json(cli, "country", "CN")
    assert {"gallium", "tungsten", "graphite", "vanadium"} <= set(r["leads_world_for"])
    gallium = next(w for w in r["world_role"] if w["commodity"] == "gallium")
    assert gallium["stage"] == "primary" and gallium["leads"] and gallium["share"]["low"] > 99


def test_world_data_is_optional(cli, data_copy):
    (data_copy / "world_production.yaml").unlink()
    r = run_json(cli, "world", "gallium", "--data-dir", str(data_copy))
    assert r["production"] is None and "no world_production.yaml" in r["unknown"][0]
    assert run_json(cli, "exposure", "gallium", "--data-dir", str(data_copy))["world"] is None


# --------------------------------------------------------------------------
# the answer first, several minerals, records


@pytest.mark.parametrize("args", [["gallium"], ["--all"], ["rare earths"]])
def test_piped_table_lines_fit_120_characters_and_sources_are_numbered(cli, args):
    run = cli("world", *args)
    assert run.exit_code == 0, run.stderr
    assert max(len(line) for line in run.stdout.splitlines()) <= 120
    assert "note: source:" not in run.stdout and "\n[1] USGS MCS 2026" in run.stdout


def test_several_names_are_a_list_of_the_single_results_and_all_takes_a_list(cli):
    got = run_json(cli, "world", "gallium", "germanium")
    assert got == [run_json(cli, "world", "gallium"), run_json(cli, "world", "germanium")]
    every = run_json(cli, "world", "--all", "--list", "2022")
    listed = run_json(cli, "list", "--list", "2022")["minerals"]
    assert [r["mineral"] for r in every] == [m["id"] for m in listed]
    assert next(r for r in every if r["mineral"] == "tungsten") == run_json(cli, "world", "tungsten")
    assert cli("world").exit_code == 2


def test_records_are_one_per_producer_row_with_numbers(cli):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(cli("world", "gallium", "--format", "csv").stdout)))
    got = run_json(cli, "world", "gallium")
    tables = [got["production"], got["reserves"], got["capacity"]]
    assert len(rows) == sum(len(t["producers"]) for t in tables if t)
    china = next(r for r in rows if r["country"] == "CN" and r["stage"] == "primary")
    assert (china["published"], float(china["amount"]), china["estimated"]) == ("900,000", 900_000, "True")
    assert float(china["share_low"]) > 99 and china["share_bound"] == "lower"
    unknown = cli("world", "germanium", "--format", "jsonl").stdout.splitlines()
    assert len(unknown) == 1 and '"share": null' in unknown[0]  # no world table: the mineral, its figures unknown
