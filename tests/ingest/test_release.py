"""Reading a release file: its kind and edition, and the quirks of USGS text (ingest/release.py, text.py)."""

from __future__ import annotations

from mcs_fixtures import FIG2_2025, run_ingest

from minerals_cli.ingest.countries import CountryNames
from minerals_cli.ingest.release import short_period
from minerals_cli.ingest.text import clean_name


def test_edition_is_read_from_the_file_name_or_the_header(cli, tmp_path, empty_dir):
    renamed = tmp_path / "figure2.csv"
    renamed.write_bytes(FIG2_2025.read_bytes())
    r = run_ingest(cli, renamed, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    assert r.json()["edition"] == 2025 and r.json()["data_year"] == 2024


def test_unknown_file_format_is_a_data_error(cli, tmp_path, empty_dir):
    bad = tmp_path / "MCS2026_other.csv"
    bad.write_text("a,b,c\n1,2,3\n")
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3
    assert f"{bad}:1:" in r.stderr


def test_clean_name_and_country_codes():
    assert clean_name(" China3 ") == "China"
    assert clean_name("Rare earths (compounds and metals)9") == "Rare earths (compounds and metals)"
    assert clean_name("Finland ") == "Finland"
    names = CountryNames.shipped()
    assert names.code("Republic of Korea", "x") == names.code("Korea, Republic of", "x") == "KR"
    assert names.code("Congo (Kinshasa)", "x") == "CD"
    assert names.code("Burma", "x") == "MM"
    assert names.code("China3 ", "x") == "CN"
    assert names.code("Other countries", "x") is None
    assert not names.knows("China, Germany, and Russia")
    assert short_period("2021\u201324") == "2021-24"
    assert short_period("2019_2022") == "2019-22"
