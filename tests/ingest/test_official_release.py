"""The official USGS release files: re-ingesting them reproduces the committed YAML byte for byte.

The committed data/import_dependence.yaml is the ingester's output plus
curated additions.  Skipped where ../shared/sources/usgs_release is absent.
"""

from __future__ import annotations

import pytest
from helpers import DATA, RELEASE
from mcs_fixtures import load, reliance

needs_release = pytest.mark.skipif(not RELEASE.is_dir(), reason="../shared/sources/usgs_release not present")
OWNED = ("edition", "year", "published", "form", "basis", "source")


@needs_release
@pytest.mark.parametrize("edition", [2024, 2025, 2026])
def test_official_fig2_reproduces_the_committed_nir_records(cli, tmp_path, empty_dir, edition):
    out = tmp_path / "fresh.yaml"
    fig2 = RELEASE / f"MCS{edition}_Fig2_Net_Import_Reliance.csv"
    r = cli("ingest-mcs", str(fig2), "--edition", str(edition), "--output", str(out), "--data-dir", str(empty_dir), "--json")
    assert r.exit_code == 0, r.stderr
    fresh = {c["id"]: c for c in load(out)["commodities"]}
    committed = {c["id"]: c for c in load(DATA / "import_dependence.yaml")["commodities"]}
    assert len(fresh) >= 39
    for cid, record in fresh.items():
        new = reliance({"commodities": [record]}, cid, edition)
        old = reliance({"commodities": [committed[cid]]}, cid, edition)
        assert {k: new.get(k) for k in OWNED} == {k: old.get(k) for k in OWNED}, cid
        assert record["ranked_sources"] == [x for x in committed[cid]["ranked_sources"] if x["edition"] == edition]


@needs_release
def test_official_files_change_nothing_in_the_committed_file(cli, tmp_path):
    """The committed YAML is the ingester's output plus curated additions: re-ingesting is a no-op."""
    out = tmp_path / "import_dependence.yaml"
    out.write_bytes((DATA / "import_dependence.yaml").read_bytes())
    files = [RELEASE / f"MCS{e}_Fig2_Net_Import_Reliance.csv" for e in (2024, 2025, 2026)]
    files.append(RELEASE / "MCS2026_Commodities_Data.csv")
    for f in files:
        r = cli("ingest-mcs", str(f), "--output", str(out), "--json")
        assert r.exit_code == 0, r.stderr
    assert out.read_bytes() == (DATA / "import_dependence.yaml").read_bytes()


@needs_release
def test_official_commodities_file_shares_match_the_committed_ones(cli, tmp_path, empty_dir):
    out = tmp_path / "fresh.yaml"
    r = cli("ingest-mcs", str(RELEASE / "MCS2026_Commodities_Data.csv"), "--output", str(out),
            "--data-dir", str(empty_dir), "--json")
    assert r.exit_code == 0, r.stderr
    committed = {c["id"]: c for c in load(DATA / "import_dependence.yaml")["commodities"]}
    for record in load(out)["commodities"]:
        mine = [s for s in committed[record["id"]].get("import_shares", []) if s["edition"] == 2026]
        assert record.get("import_shares", []) == mine, record["id"]
