"""The ingester called as a library: read_batch() parses release files, merge() and dump_yaml() write them.

No CLI here: the records a batch holds, and that merging a batch twice
writes the same bytes as merging it once.
"""

from __future__ import annotations

import pytest
import yaml
from mcs_fixtures import COMMODITIES, FIG2_2025, FIG2_2026

from minerals_cli.dataset.schema import ImportDependenceFile
from minerals_cli.errors import UsageError
from minerals_cli.ingest.merge import dump_yaml, empty_document, leading_comments, merge
from minerals_cli.ingest.parse import read_batch
from minerals_cli.ingest.release import detect_edition, parse_release


def test_a_fig2_batch_holds_the_published_records():
    batch = read_batch([FIG2_2026])
    assert (batch.edition, batch.kinds) == (2026, ["fig2"])
    assert batch.reliance["lithium"].published == ">50" and batch.reliance["lithium"].year == 2025
    assert (batch.reliance["aluminum"].published, batch.reliance["aluminum"].form) == (">75", "bauxite")
    assert [c.country for c in batch.ranked["rare earths"].countries] == ["CN", "MY", "EE", "JP"]
    assert any("ASBESTOS" in s for s in batch.skipped)


def test_a_chapters_batch_holds_share_lists_and_chapter_series():
    batch = read_batch([COMMODITIES])
    assert batch.kinds == ["commodities"] and batch.edition == 2026
    bauxite = next(s for s in batch.shares["aluminum"] if s.category == "Bauxite")
    assert bauxite.whole is True and [(s.country, s.percent) for s in bauxite.shares][0] == ("JM", 60)
    assert batch.chapter_reliance["beryllium"].published == "E"


def test_the_edition_is_checked_against_every_file():
    with pytest.raises(UsageError, match="does not match"):
        read_batch([FIG2_2026], edition=2025)
    with pytest.raises(UsageError, match="give --edition"):
        read_batch([FIG2_2026, FIG2_2025])
    assert read_batch([FIG2_2025], edition=2025).edition == 2025


def test_detect_edition_reads_the_name_or_the_header():
    assert detect_edition(parse_release(FIG2_2025.read_text(encoding="utf-8-sig"), "figure2.csv")) == 2025
    assert detect_edition(parse_release(FIG2_2026.read_text(encoding="utf-8-sig"), str(FIG2_2026))) == 2026


def test_merging_into_an_empty_document_gives_a_valid_file():
    doc, counts, warnings = merge(empty_document(), read_batch([FIG2_2026, COMMODITIES]))
    model = ImportDependenceFile.model_validate(yaml.safe_load(dump_yaml(doc)))
    assert [e.edition for e in model.editions] == [2026]
    assert counts["commodities_created"] == len(model.commodities) and counts["reliance"] > 0
    assert warnings == []


def test_merging_the_same_batch_again_writes_the_same_bytes():
    batch = read_batch([FIG2_2026, COMMODITIES])
    once = dump_yaml(merge(empty_document(), batch)[0], "# header\n")
    again = dump_yaml(merge(yaml.safe_load(once), batch)[0], leading_comments(once))
    assert again == once and once.startswith("# header\n")


def test_leading_comments_are_the_comment_block_before_the_data():
    assert leading_comments("# a\n# b\neditions: []\n# not this\n") == "# a\n# b\n"
    assert leading_comments("editions: []\n") == ""
