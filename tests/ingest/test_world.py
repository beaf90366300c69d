"""The world tables of the Commodities_Data file: world_production.yaml as ingest-mcs writes it (issue 13)."""

from __future__ import annotations

import pytest
from helpers import DATA, RELEASE

from minerals_cli.dataset.records import parse_world_value
from minerals_cli.ingest.countries import CountryNames
from minerals_cli.ingest.release import read_release
from minerals_cli.ingest.world import stage_of, world_document

needs_release = pytest.mark.skipif(not RELEASE.is_dir(), reason="../shared/sources/usgs_release not present")
COMMODITIES = RELEASE / "MCS2026_Commodities_Data.csv"


@pytest.mark.parametrize(
    "text, expected",
    [("900,000", (900000.0, "exact", 900000.0, 900000.0)), ("68\xa0", (68.0, "exact", 68.0, 68.0)),
     (">85,000,000", (85e6, ">", 85e6, None)), ("<200,000", (2e5, "<", None, 2e5)),
     ("10,000 - 15,000", (None, "range", 1e4, 1.5e4)), ("—", (0.0, "—", 0.0, 0.0)), ("W", (None, "W", None, None)),
     ("NA", (None, "NA", None, None)), ("XX", (None, "XX", None, None)), ("Large", (None, "Large", None, None)),
     ("s", (None, "s", None, None))],
)
def test_a_cell_says_what_it_means_and_nothing_more(text, expected):
    assert parse_world_value(text) == expected


@pytest.mark.parametrize("text", ["about 5", "5 %", "", "1,00"])
def test_a_form_usgs_does_not_use_is_refused(text):
    with pytest.raises(ValueError):
        parse_world_value(text)


@pytest.mark.parametrize(
    "statistic, detail, stage",
    [("Production", "Mine production", "mine"), ("Production", "Alumina, refinery production", "refinery"),
     ("Production", "Primary production", "primary"), ("Production", "Silicon metal", "production"),
     ("Capacity", "Refinery capacity", "capacity"), ("Reserves", "Reserves: Cr2O3 content", "reserves")],
)
def test_the_stage_of_a_series(statistic, detail, stage):
    assert stage_of(statistic, detail) == stage


@pytest.fixture(scope="module")
def doc():
    return world_document(read_release(COMMODITIES), 2026, CountryNames.shipped())


def one(doc, chapter, stage, year, commodity=None):
    found = [s for s in doc["series"] if s["chapter"] == chapter
             and s["stage"] == stage and s["year"] == year and (commodity is None or s["commodity"] == commodity)]
    assert len(found) == 1, found
    return found[0]


@needs_release
def test_gallium_2025_primary_production_as_published(doc):
    s = one(doc, "GALLIUM", "primary", 2025)
    assert s["unit"] == "kilograms" and s["total"]["published"] == "900,000" and s["rounded"]
    named = {e["country"]: e for e in s["entries"]}
    assert named["CN"]["published"] == "900,000" and named["CN"]["estimated"]
    assert named["JP"]["published"] == "3,000" and named["RU"]["published"] == "6,000"
    assert named["US"]["published"] == "—" and named[None]["name"] == "Other countries"


@needs_release
def test_rare_earths_2025_mine_production_and_reserves(doc):
    mine = one(doc, "RARE EARTHS", "mine", 2025)
    assert {e["country"]: e["published"] for e in mine["entries"]}["CN"] == "270,000"
    assert mine["total"]["published"] == "390,000"
    reserves = one(doc, "RARE EARTHS", "reserves", 2025)
    assert reserves["total"]["published"] == ">85,000,000"


@needs_release
def test_platinum_group_series_name_their_metal(doc):
    assert one(doc, "PLATINUM-GROUP METALS", "mine", 2025, "platinum")["detail"] == "Mine production: Platinum"
    assert one(doc, "PLATINUM-GROUP METALS", "mine", 2025, "palladium")["detail"] == "Mine production: Palladium"


@needs_release
def test_every_world_row_of_a_critical_chapter_is_kept_and_chapters_without_one_are_listed(doc):
    release = read_release(COMMODITIES)
    wanted = sum(1 for r in release.rows if r["Section"].startswith("World")
                 and (r["Is critical mineral 2025"] == "Yes" or r["Notes"] == "Yes"))
    kept = sum(len(s["entries"]) + ("total" in s) for s in doc["series"])
    assert kept == wanted and len({s["chapter"] for s in doc["series"]}) == 41 and len(doc["series"]) == 166
    assert {s["chapter"] for s in doc["skipped"]} == {"GERMANIUM", "RARE EARTHS (Heavy)"}


@needs_release
def test_re_ingesting_the_official_file_reproduces_the_shipped_world_data(cli, data_copy):
    r = cli("ingest-mcs", str(COMMODITIES), "--data-dir", str(data_copy), "--json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["world_output"] == str(data_copy / "world_production.yaml")
    assert (data_copy / "world_production.yaml").read_bytes() == (DATA / "world_production.yaml").read_bytes()
    assert (data_copy / "import_dependence.yaml").read_bytes() == (DATA / "import_dependence.yaml").read_bytes()


def test_with_output_only_the_world_tables_are_not_written_and_the_run_says_so(cli, empty_dir, tmp_path):
    from mcs_fixtures import COMMODITIES as EXCERPT

    out = tmp_path / "imports.yaml"
    r = cli("ingest-mcs", str(EXCERPT), "--output", str(out), "--json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["world_output"] is None and any("world tables" in w for w in r.json()["warnings"])
