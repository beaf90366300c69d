"""The world tables of the Commodities_Data file (issue 13, in progress): series as USGS printed them."""

from __future__ import annotations

import pytest
from helpers import RELEASE

from minerals_cli.ingest.release import read_release
from minerals_cli.ingest.world import parse_value, stage_of, world_series

needs_release = pytest.mark.skipif(not RELEASE.is_dir(), reason="../shared/sources/usgs_release not present")


@pytest.mark.parametrize(
    "text, value, qualifier, low, high",
    [("900,000", 900000.0, "exact", 900000.0, 900000.0), ("68\xa0", 68.0, "exact", 68.0, 68.0),
     (">85,000,000", 85e6, ">", 85e6, None), ("<200,000", 2e5, "<", None, 2e5),
     ("10,000 - 15,000", None, "range", 1e4, 1.5e4), ("—", 0.0, "—", 0.0, 0.0), ("W", None, "W", None, None),
     ("NA", None, "NA", None, None), ("XX", None, "XX", None, None), ("Large", None, "Large", None, None),
     ("s", None, "s", None, None)],
)
def test_a_cell_keeps_its_published_form_and_says_what_it_means(text, value, qualifier, low, high):
    v = parse_value(text)
    assert (v.value, v.qualifier, v.low, v.high) == (value, qualifier, low, high) and v.published == text.strip()


@pytest.mark.parametrize("text", ["about 5", "5 %", "", "1,00"])
def test_a_form_usgs_does_not_use_is_refused(text):
    with pytest.raises(ValueError):
        parse_value(text)


@pytest.mark.parametrize(
    "statistic, detail, stage",
    [("Production", "Mine production", "mine"), ("Production", "Alumina, refinery production", "refinery"),
     ("Production", "Primary production", "primary"), ("Production", "Silicon metal", "production"),
     ("Capacity", "Refinery capacity", "capacity"), ("Reserves", "Reserves: Cr2O3 content", "reserves")],
)
def test_the_stage_of_a_series(statistic, detail, stage):
    assert stage_of(statistic, detail) == stage


@pytest.fixture(scope="module")
def series():
    release = read_release(RELEASE / "MCS2026_Commodities_Data.csv")
    return world_series(release.rows, release.lines)


def one(series, chapter, stage, year):
    found = [s for s in series if s.chapter == chapter and s.stage == stage and s.year == year]
    assert len(found) == 1, found
    return found[0]


@needs_release
def test_gallium_2025_primary_production_as_published(series):
    s = one(series, "GALLIUM", "primary", "2025")
    assert s.unit == "kilograms" and s.total.value.published == "900,000" and s.rounded
    named = {e.name: e for e in s.entries}
    assert named["China"].value.value == 900000 and named["China"].estimated
    assert named["Japan"].value.value == 3000 and named["Russia"].value.value == 6000
    assert named["United States"].value.qualifier == "—"


@needs_release
def test_rare_earths_2025_mine_production_and_reserves(series):
    mine = one(series, "RARE EARTHS", "mine", "2025")
    assert {e.name: e.value.value for e in mine.entries}["China"] == 270000 and mine.total.value.value == 390000
    reserves = one(series, "RARE EARTHS", "reserves", "2025")
    assert reserves.total.value.qualifier == ">" and reserves.total.value.value == 85e6
    assert {e.name: e.value.qualifier for e in reserves.entries}["Burma"] == "NA"


@needs_release
def test_every_world_row_of_a_critical_chapter_is_in_a_series(series):
    release = read_release(RELEASE / "MCS2026_Commodities_Data.csv")
    wanted = sum(1 for r in release.rows if r["Section"].startswith("World")
                 and (r["Is critical mineral 2025"] == "Yes" or r["Notes"] == "Yes"))
    assert sum(len(s.entries) + (s.total is not None) for s in series) == wanted
    assert len({s.chapter for s in series}) == 41
