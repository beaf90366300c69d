"""`ingest-mcs` reports what a Commodities file's NIR series revise or fill of the editions already in the data.

The comparison writes nothing: each edition keeps its own figure, and the
files a re-run writes stay byte for byte the committed ones.
"""

from __future__ import annotations

import pytest
from helpers import DATA, RELEASE, edit_yaml
from mcs_fixtures import COMMODITIES, load, reliance

needs_release = pytest.mark.skipif(not RELEASE.is_dir(), reason="../shared/sources/usgs_release not present")


def changes(result):
    return [(p["commodity"], p["year"], p["edition"], p["published"], p["series_published"], p["change"])
            for p in result["revisions"]]


def test_the_excerpt_fills_berylliums_2023_and_the_file_keeps_mcs_2024s_own_na(cli, tmp_path):
    out = tmp_path / "imports.yaml"
    r = cli("ingest-mcs", str(COMMODITIES), "--output", str(out), "--json")
    assert r.exit_code == 0, r.stderr
    got = r.json()
    assert changes(got) == [("beryllium", 2023, 2024, "NA", "E", "filled")]
    assert got["counts"]["revisions"] == 1
    assert got["revisions"][0]["series_source"]["source"] == "USGS MCS 2026"
    assert reliance(load(out), "beryllium", 2024)["published"] == "NA"
    # aluminum's editions are bauxite's: the excerpt's aluminum-metal series (63 for 2023) is no revision of them
    assert not [p for p in got["revisions"] if p["commodity"] == "aluminum"]


def test_a_revised_figure_is_reported_and_kept_and_the_table_says_how_many(cli, data_copy):
    def revise(doc):
        berylium = next(c for c in doc["commodities"] if c["id"] == "beryllium")
        next(r for r in berylium["reliance"] if r["edition"] == 2025)["published"] = "5"

    edit_yaml(data_copy, "import_dependence.yaml", revise)
    r = cli("ingest-mcs", str(COMMODITIES), "--data-dir", str(data_copy), "--json")
    assert r.exit_code == 0, r.stderr
    assert changes(r.json()) == [("beryllium", 2023, 2024, "NA", "E", "filled"),
                                 ("beryllium", 2024, 2025, "5", "E", "revised")]
    assert reliance(load(data_copy / "import_dependence.yaml"), "beryllium", 2025)["published"] == "5"
    table = cli("ingest-mcs", str(COMMODITIES), "--data-dir", str(data_copy)).stdout
    row = next(line for line in table.splitlines() if line.startswith("earlier editions' figures"))
    assert row.split()[-1] == "2" and "revise or fill 2 figures of earlier editions" in table


def test_a_fig2_file_brings_no_series_and_reports_none(cli, tmp_path):
    from mcs_fixtures import FIG2_2026

    r = cli("ingest-mcs", str(FIG2_2026), "--output", str(tmp_path / "imports.yaml"), "--json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["revisions"] == [] and r.json()["counts"]["revisions"] == 0


@needs_release
def test_the_official_file_reports_what_minerals_revisions_shows_and_rewrites_the_same_bytes(cli, data_copy):
    r = cli("ingest-mcs", str(RELEASE / "MCS2026_Commodities_Data.csv"), "--data-dir", str(data_copy), "--json")
    assert r.exit_code == 0, r.stderr
    got = r.json()
    for name in ("import_dependence.yaml", "salient_statistics.yaml", "world_production.yaml"):
        assert (data_copy / name).read_bytes() == (DATA / name).read_bytes(), name
    shown = cli("revisions", "--json").json()
    on_list = {c["commodity"] for c in shown["checked"]}
    assert [p for p in got["revisions"] if p["commodity"] in on_list] == sorted(
        shown["revisions"], key=lambda p: (p["commodity"], p["edition"]))
    assert ("cobalt", 2023, 2024, "67", "69", "revised") in changes(got)
    assert got["counts"]["revisions"] == len(got["revisions"])
