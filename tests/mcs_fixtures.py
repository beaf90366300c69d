"""The USGS release-file fixtures (tests/fixtures/mcs/) and reading what `ingest-mcs` wrote.

The fixtures are small excerpts in the USGS formats, quirks included (BOM,
CRLF and LF, 'China3', trailing spaces, cp1252, no-break spaces, '>99'
shares, a combined-country row).  Shared by the ingester tests
(tests/ingest/) and the command's own (tests/commands/test_ingest_mcs.py).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from helpers import MCS_FIXTURES

FIXTURES = MCS_FIXTURES
FIG2_2026 = FIXTURES / "MCS2026_Fig2_Net_Import_Reliance.csv"
FIG2_2025 = FIXTURES / "MCS2025_Fig2_Net_Import_Reliance.csv"
COMMODITIES = FIXTURES / "MCS2026_Commodities_Data.csv"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def commodity(doc: dict, cid: str) -> dict:
    return next(c for c in doc["commodities"] if c["id"] == cid)


def reliance(doc: dict, cid: str, edition: int) -> dict:
    return next(r for r in commodity(doc, cid)["reliance"] if r["edition"] == edition)


def run_ingest(cli, *files, args=()):
    return cli("ingest-mcs", *(str(f) for f in files), *args, "--json")
