"""Merging a batch into an existing import_dependence.yaml: curated fields survive, a re-run is a no-op.

ingest/merge.py folds the records in and dumps them in a stable layout;
ingest/run.py writes only a merged document that validates.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mcs_fixtures import COMMODITIES, FIG2_2025, FIG2_2026, commodity, reliance, run_ingest

from minerals_cli.dataset.validation import validate_file
from minerals_cli.ingest import run as ingest_run
from minerals_cli.ingest.merge import dump_yaml


def curated_file(directory: Path) -> Path:
    """A file with hand-written parts that a re-ingest must leave alone."""
    doc = {
        "editions": [
            {"edition": 2025, "data_year": 2024, "shares_period": "2020-23", "title": "MCS 2025",
             "citation": {"source": "USGS MCS 2025"}},
            {"edition": 2026, "data_year": 2025, "shares_period": "2021-24", "title": "MCS 2026",
             "citation": {"source": "USGS MCS 2026"}},
        ],
        "commodities": [
            {
                "id": "lithium",
                "name": "Lithium",
                "reliance": [
                    {"edition": 2026, "year": 2025, "published": "W", "reason": "placeholder",
                     "source": {"source": "old"}, "note": "curated note"},
                    {"edition": 2025, "year": 2024, "published": ">50", "source": {"source": "USGS MCS 2025"}},
                ],
                "notes": ["hand-written note"],
            }
        ],
        "headline_counts": [{"edition": 2026, "list": "2025", "rule": "rare earths as one group", "at_100": 13,
                             "over_50": 20, "source": {"source": "USGS MCS 2026"}}],
    }
    path = directory / "import_dependence.yaml"
    path.write_text("# my header\n" + yaml.safe_dump(doc, sort_keys=False))
    return path


def test_merge_keeps_curated_fields(cli, empty_dir):
    path = curated_file(empty_dir)
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    text = path.read_text()
    assert text.startswith("# my header\n")
    doc = yaml.safe_load(text)
    lithium = reliance(doc, "lithium", 2026)
    assert lithium["published"] == ">50" and "reason" not in lithium  # a figure replaces the unknown
    assert lithium["note"] == "curated note"
    assert lithium["source"]["source"] == "USGS MCS 2026"
    assert reliance(doc, "lithium", 2025)["published"] == ">50"
    assert commodity(doc, "lithium")["notes"][0] == "hand-written note"
    assert doc["headline_counts"][0]["at_100"] == 13


def test_ingesting_twice_writes_the_same_bytes(cli, empty_dir):
    curated_file(empty_dir)
    for f in (FIG2_2026, COMMODITIES, FIG2_2025):
        run_ingest(cli, f, args=("--data-dir", str(empty_dir)))
    first = (empty_dir / "import_dependence.yaml").read_bytes()
    for f in (COMMODITIES, FIG2_2025, FIG2_2026):
        run_ingest(cli, f, args=("--data-dir", str(empty_dir)))
    assert (empty_dir / "import_dependence.yaml").read_bytes() == first


def test_merged_file_validates_with_the_loader(cli, empty_dir):
    run_ingest(cli, FIG2_2026, COMMODITIES, args=("--data-dir", str(empty_dir)))
    model = validate_file("import_dependence", empty_dir / "import_dependence.yaml")
    assert {c.id for c in model.commodities} >= {"aluminum", "beryllium", "copper", "rare earths"}


def test_a_merged_document_that_fails_is_reported_and_nothing_is_written(cli, empty_dir, monkeypatch):
    real_merge = ingest_run.merge
    shown = {}

    def duplicating_merge(doc, batch):
        merged, counts, warnings = real_merge(doc, batch)
        merged["commodities"].append(dict(merged["commodities"][0]))  # the same id twice
        shown["text"] = dump_yaml(merged)
        return merged, counts, warnings

    monkeypatch.setattr(ingest_run, "merge", duplicating_merge)  # run.py merges through its own name
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    target = empty_dir / "import_dependence.yaml"
    first = r.stderr.split("minerals: error: ", 1)[1].splitlines()[0]
    assert first.startswith(f"{target} (as merged):") and "duplicate" in first
    line = int(first[len(f"{target} (as merged)") + 1:].split(":")[0])
    assert shown["text"].splitlines()[line - 1].startswith("- id:")  # the line named is the record's
    assert "left unchanged" in r.stderr
    assert list(empty_dir.iterdir()) == []  # the target is left as it was (absent), and no other file is made
