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
