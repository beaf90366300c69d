"""data/export_controls.yaml: written by tools/build_export_controls.py from the compiled file, every measure cited.

The rebuild test runs only where ../shared/sources/controls sits beside the checkout.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import DATA, ROOT

from minerals_cli.dataset.safe_yaml import parse

COMPILED = ROOT.parent / "shared" / "sources" / "controls" / "export_controls.csv"


@pytest.mark.skipif(not COMPILED.is_file(), reason="../shared/sources/controls/export_controls.csv not present")
def test_rebuilding_from_the_compiled_file_reproduces_the_committed_yaml_byte_for_byte(tmp_path):
    out = tmp_path / "export_controls.yaml"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "build_export_controls.py"), str(COMPILED), str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == (DATA / "export_controls.yaml").read_bytes()


def test_every_measure_names_its_source_and_usgs_rows_their_table():
    measures = parse(DATA / "export_controls.yaml")["measures"]
    assert len(measures) == 44
    for m in measures:
        assert m["source"]["source"] and (m["source"].get("url") or m["source"].get("note")), m["id"]
        if m["measure"].startswith("USGS-MCS2026-T4"):
            assert m["source"]["table"].startswith("Table 4"), m["id"]
    assert [m["country"] for m in measures if m["aggregate"]] == ["CN"]  # USGS's China row, never counted
