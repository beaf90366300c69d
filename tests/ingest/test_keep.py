"""ingest-mcs keeps what it does not own: comments, the text of records it leaves as they were, other commodities.

Run on a copy of the shipped data, so every record has its real layout.
"""

from __future__ import annotations

import pytest
from helpers import RELEASE
from mcs_fixtures import FIG2_2026, load, run_ingest

needs_release = pytest.mark.skipif(not RELEASE.is_dir(), reason="../shared/sources/usgs_release not present")


def with_comments(path):
    """The file with a comment above one commodity, one inside it, one above a section and one at the end."""
    text = path.read_text(encoding="utf-8")
    text = text.replace("- id: bismuth\n", "# checked by hand, 2026-11\n- id: bismuth\n", 1)
    text = text.replace("  name: Bismuth\n", "  name: Bismuth  # as printed\n", 1)
    text = text.replace("headline_counts:\n", "# the counts USGS printed\nheadline_counts:\n", 1)
    path.write_text(text + "# end of file\n", encoding="utf-8")
    return text + "# end of file\n"


@needs_release
def test_official_files_into_a_commented_copy_change_nothing(cli, data_copy):
    target = data_copy / "import_dependence.yaml"
    before = with_comments(target)
    for f in [RELEASE / f"MCS{e}_Fig2_Net_Import_Reliance.csv" for e in (2024, 2025, 2026)] + [
            RELEASE / "MCS2026_Commodities_Data.csv"]:
        r = run_ingest(cli, f, args=("--data-dir", str(data_copy)))
        assert r.exit_code == 0, r.stderr
    assert target.read_text(encoding="utf-8") == before


def test_a_partial_input_leaves_every_other_commodity_as_it_was(cli, data_copy, tmp_path):
    target = data_copy / "import_dependence.yaml"
    with_comments(target)
    lines = FIG2_2026.read_text(encoding="utf-8-sig").splitlines()
    partial = tmp_path / "MCS2026_Fig2_Net_Import_Reliance.csv"
    partial.write_text("\n".join([lines[0]] + [x for x in lines if "GALLIUM" in x]) + "\n", encoding="utf-8")
    old = {c["id"]: c for c in load(target)["commodities"]}
    r = run_ingest(cli, partial, args=("--data-dir", str(data_copy)))
    assert r.exit_code == 0, r.stderr
    new = {c["id"]: c for c in load(target)["commodities"]}
    changed = sorted(cid for cid in old if old[cid] != new[cid])
    assert set(changed) <= {"gallium"}, changed
    text = target.read_text(encoding="utf-8")
    assert "# checked by hand, 2026-11\n- id: bismuth\n" in text and "# as printed" in text and "# end of file" in text


def test_comments_of_a_record_the_run_rewrites_are_reported(cli, data_copy):
    target = data_copy / "import_dependence.yaml"
    text = target.read_text(encoding="utf-8")
    start = text.index("- id: gallium\n")
    block = text[start:text.index("\n- id: ", start + 1)]
    edited = block.replace("  - edition: 2026\n    year: 2025\n    published: '100'", "  - edition: 2026\n    year: 2025\n    published: '99'", 1)
    assert edited != block
    target.write_text(text.replace(block, "# my gallium note\n" + edited), encoding="utf-8")
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(data_copy), "--json"))
    assert r.exit_code == 0, r.stderr
    assert "# my gallium note" not in target.read_text(encoding="utf-8")  # the record was rewritten with the file's 100
    assert any("commodities gallium" in w and "comments were dropped" in w for w in r.json()["warnings"])


def test_a_target_with_a_key_given_twice_is_refused(cli, data_copy):
    target = data_copy / "import_dependence.yaml"
    text = target.read_text(encoding="utf-8").replace("  name: Bismuth\n", "  name: Bismuth\n  name: Bi\n", 1)
    target.write_text(text, encoding="utf-8")
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(data_copy)))
    assert r.exit_code == 3 and "duplicate key 'name'" in r.stderr and f"{target}:" in r.stderr
    assert target.read_text(encoding="utf-8") == text
