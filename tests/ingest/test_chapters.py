"""MCS2026_Commodities_Data.csv (the chapters' data) into share lists and chapter NIR series.

Malformed input is a DataError naming file, line and field, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mcs_fixtures import COMMODITIES, FIG2_2026, commodity, load, reliance, run_ingest

from minerals_cli.ingest.release import COMMODITIES_COLUMNS


@pytest.fixture
def chapters(cli, empty_dir):
    r = run_ingest(cli, COMMODITIES, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    return load(empty_dir / "import_dependence.yaml"), r.json()


def test_shares_by_category_with_the_whole_marked(chapters):
    doc, _ = chapters
    lists = {s["category"]: s for s in commodity(doc, "aluminum")["import_shares"]}
    assert set(lists) == {"Bauxite"}
    assert lists["Bauxite"]["whole"] is True
    bauxite = lists["Bauxite"]
    assert bauxite["period"] == "2021-24" and bauxite["edition"] == 2026
    assert [(s["country"], s["percent"]) for s in bauxite["shares"]] == [
        ("JM", 60), ("TR", 16), ("GY", 9), ("AU", 8), (None, 7)
    ]
    assert bauxite["shares"][-1]["name"] == "Other countries"


def test_another_form_is_a_record_of_its_own(chapters):
    """The ALUMINUM chapter is aluminum metal, a form of aluminum beside the headline bauxite: its own record."""
    doc, _ = chapters
    metal = commodity(doc, "aluminum metal")
    assert (metal["level"], metal["part_of"], metal["minerals"], metal["form"]) == ("form", "aluminum", ["aluminum"], "metal")
    [shares] = metal["import_shares"]
    assert shares["category"] == "All" and shares["whole"] is True
    assert shares["shares"][0] == {"country": "CA", "name": "Canada", "percent": 56}
    assert "ALUMINUM chapter" in shares["source"]["table"]
    assert "bauxite" in commodity(doc, "aluminum")["headline"]


def test_share_names_and_values_are_cleaned(chapters):
    doc, _ = chapters
    indium = commodity(doc, "indium")["import_shares"][0]
    assert indium["shares"][0] == {"country": "KR", "name": "Korea, Republic of", "percent": 25}
    assert "China: Includes Hong Kong." in indium["note"]
    assert indium["complete"] is True


def test_bounds_in_shares_are_kept_as_printed(chapters):
    doc, _ = chapters
    ore = next(s for s in commodity(doc, "copper")["import_shares"] if s["category"].startswith("Copper content of ore"))
    assert ore["shares"] == [
        {"country": "CA", "name": "Canada", "percent": 99, "published": ">99"},
        {"country": None, "name": "Other countries", "percent": 1, "published": "<1"},
    ]
    refined = next(s for s in commodity(doc, "copper")["import_shares"] if s["category"] == "Refined copper")
    assert refined["whole"] is True and ore["whole"] is False


def test_a_combined_country_entry_is_not_a_share(chapters):
    doc, result = chapters
    assert "import_shares" not in commodity(doc, "rubidium")
    assert any("China, Germany, and Russia" in s for s in result["skipped"])
    assert any("No reliable data" in n for n in commodity(doc, "rubidium")["notes"])


def test_chapter_nir_fills_a_missing_record(chapters):
    doc, _ = chapters
    beryllium = reliance(doc, "beryllium", 2026)
    assert beryllium["published"] == "E" and beryllium["year"] == 2025
    assert "BERYLLIUM chapter" in beryllium["source"]["table"]
    series = " ".join(commodity(doc, "beryllium")["notes"])
    assert "2021-25: 11, 7, E, E, E" in series


def test_chapter_series_picks_the_form_the_commodity_uses(chapters):
    doc, _ = chapters
    assert reliance(doc, "silicon", 2026)["published"] == ">50"  # Total, not ferrosilicon's <50
    assert reliance(doc, "aluminum", 2026)["published"] == ">75"  # bauxite, not the metal's 60


def test_fig2_wins_over_the_chapter_and_differences_are_warned(cli, tmp_path, empty_dir):
    # make the chapter disagree with Fig. 2 on bauxite
    text = COMMODITIES.read_bytes().decode("cp1252")
    text = text.replace("Net import reliance as a percentage of apparent consumption,percent,2025,>75", "Net import reliance as a percentage of apparent consumption,percent,2025,>50")
    altered = tmp_path / "MCS2026_Commodities_Data.csv"
    altered.write_bytes(text.encode("cp1252"))
    r = run_ingest(cli, FIG2_2026, altered, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    assert reliance(load(empty_dir / "import_dependence.yaml"), "aluminum", 2026)["published"] == ">75"
    assert any("aluminum" in w and "'>50'" in w for w in r.json()["warnings"])


def test_a_share_country_unknown_to_the_registry_is_a_data_error(cli, tmp_path, empty_dir):
    text = COMMODITIES.read_bytes().decode("cp1252").replace("Jamaica", "Atlantis")
    bad = tmp_path / "MCS2026_Commodities_Data.csv"
    bad.write_bytes(text.encode("cp1252"))
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "Atlantis" in row)
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3
    assert f"{bad}:{line}: Country: unknown country 'Atlantis'" in r.stderr


# --------------------------------------------------------------------------
# Malformed input: a DataError naming file, line and field, never a traceback


def commodities_without(tmp_path: Path, column: str) -> Path:
    """The Commodities fixture with one column removed."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(COMMODITIES.read_bytes().decode("cp1252"), newline="")))
    drop = rows[0].index(column)
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([v for i, v in enumerate(row) if i != drop] for row in rows)
    path = tmp_path / "MCS2026_Commodities_Data.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))
    return path


@pytest.mark.parametrize("column", [c for c in COMMODITIES_COLUMNS if c != "MCS chapter"])
def test_a_commodities_file_lacking_a_column_is_a_data_error(cli, tmp_path, empty_dir, column):
    bad = commodities_without(tmp_path, column)
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    assert f"{bad}:1: {column}: missing column" in r.stderr
    assert not (empty_dir / "import_dependence.yaml").exists()


def test_an_import_sources_year_that_is_not_a_period_is_a_data_error(cli, tmp_path, empty_dir):
    lines = COMMODITIES.read_bytes().decode("cp1252").split("\n")
    n = next(i for i, row in enumerate(lines) if ",Import Sources," in row)
    lines[n] = lines[n].replace("2021\u201324", "2024")
    bad = tmp_path / "MCS2026_Commodities_Data.csv"
    bad.write_bytes("\n".join(lines).encode("cp1252"))
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    assert f"{bad}:{n + 1}: Year: '2024' is not a period" in r.stderr


def test_a_share_over_100_is_a_data_error(cli, tmp_path, empty_dir):
    lines = COMMODITIES.read_bytes().decode("cp1252").split("\n")
    n = next(i for i, row in enumerate(lines) if ",Import Sources," in row)
    lines[n] = lines[n].replace("\u201324,56,", "\u201324,156,")
    bad = tmp_path / "MCS2026_Commodities_Data.csv"
    bad.write_bytes("\n".join(lines).encode("cp1252"))
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    assert f"{bad}:{n + 1}: percent:" in r.stderr
