"""The compiled data files: export_controls.yaml, jurisdiction_lists.yaml and import_dependence.yaml (USGS release
files plus compiled additions), each written by its tool in tools/.

Rebuilding from ../shared/sources reproduces the committed file byte for byte (skipped where it is absent);
every record is cited; `validate` checks the references to the minerals file.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import DATA, ROOT, edit, problems

from minerals_cli.dataset.safe_yaml import parse

SOURCES = ROOT.parent / "shared" / "sources"
BUILT = [("build_export_controls.py", SOURCES / "controls" / "export_controls.csv", "export_controls.yaml"),
         ("build_jurisdiction_lists.py", SOURCES / "lists" / "jurisdiction_lists.csv", "jurisdiction_lists.yaml")]


@pytest.mark.parametrize("tool, compiled, name", BUILT, ids=[b[2] for b in BUILT])
def test_rebuilding_from_the_compiled_file_reproduces_the_committed_yaml_byte_for_byte(tmp_path, tool, compiled, name):
    if not compiled.is_file():
        pytest.skip(f"{compiled} not present")
    out = tmp_path / name
    run = subprocess.run([sys.executable, str(ROOT / "tools" / tool), str(compiled), str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == (DATA / name).read_bytes()


def test_rebuilding_import_dependence_from_the_shared_sources_reproduces_it_byte_for_byte(tmp_path):
    if not (SOURCES / "usgs_release").is_dir() or not (SOURCES / "import_reliance").is_dir():
        pytest.skip(f"{SOURCES} not present")
    out = tmp_path / "import_dependence.yaml"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "build_import_dependence.py"), str(SOURCES), str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == (DATA / "import_dependence.yaml").read_bytes()


def test_every_mcs_2025_share_list_says_how_far_to_trust_it():
    lists = [(c["id"], s) for c in parse(DATA / "import_dependence.yaml")["commodities"]
             for s in c.get("import_shares", []) if s["edition"] == 2025 and s["source"]["source"] == "USGS MCS 2025"]
    compiled = [(cid, s) for cid, s in lists if s.get("trust")]
    assert len(compiled) == 23 and {cid for cid, _ in compiled} >= {"antimony", "boron", "yttrium", "platinum"}
    for cid, s in compiled:
        assert s["trust"][:3] in ("[V]", "[L]") and s["source"]["note"].startswith("Read from"), cid
    assert [cid for cid, s in lists if not s.get("trust")] == ["rare earths"]  # read from the chapter's own text


def test_every_measure_names_its_source_and_usgs_rows_their_table():
    measures = parse(DATA / "export_controls.yaml")["measures"]
    assert len(measures) == 44
    for m in measures:
        assert m["source"]["source"] and (m["source"].get("url") or m["source"].get("note")), m["id"]
        if m["measure"].startswith("USGS-MCS2026-T4"):
            assert m["source"]["table"].startswith("Table 4"), m["id"]
    assert [m["country"] for m in measures if m["aggregate"]] == ["CN"]  # USGS's China row, never counted


def test_every_other_list_is_cited_and_its_members_counted():
    doc = parse(DATA / "jurisdiction_lists.yaml")
    assert len(doc["lists"]) == 14 and sum(len(x["members"]) for x in doc["lists"]) == 324
    for x in doc["lists"]:
        assert x["citation"]["source"] and x["citation"]["url"], x["id"]
        assert x["complete"] is (x["id"] != "uk-2024")


def test_validate_finds_a_list_member_that_resolves_to_no_mineral(cli, data_copy):
    edit(data_copy / "jurisdiction_lists.yaml", "    minerals:\n    - antimony\n", "    minerals:\n    - unobtainium\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    found = [p for p in problems(run) if p["file"].endswith("jurisdiction_lists.yaml")]
    assert len(found) == 1 and "'unobtainium' is neither a mineral" in found[0]["message"] and found[0]["line"]
