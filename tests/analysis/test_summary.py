"""analysis/summary.py called as a library: summarize() reproduces the counts USGS published for each edition.

MCS 2024 and 2025 counted the 50 minerals of the 2022 list with the
lanthanides one by one; MCS 2026 counted the 2025 list with the rare earths
as one group.
"""

from __future__ import annotations

import pytest
from helpers import run_json

from minerals_cli.analysis.summary import classify, summarize
from minerals_cli.dataset.schema import Reliance

PUBLISHED = {2024: ("2022", 12, 29, 50), 2025: ("2022", 12, 28, 50), 2026: ("2025", 13, 20, 60 - 14 + 1)}


@pytest.mark.parametrize("edition", [2024, 2025, 2026])
def test_summarize_reproduces_the_published_counts(shipped, edition):
    s = summarize(shipped.minerals, shipped.import_dependence, edition)
    list_id, at_100, over_50, units = PUBLISHED[edition]
    assert (s.edition, s.list, s.units) == (edition, list_id, units)
    assert (s.at_100.computed, s.at_100.published, s.at_100.match) == (at_100, at_100, True)
    assert (s.over_50.computed, s.over_50.published, s.over_50.match) == (over_50, over_50, True)
    assert len(s.at_100.minerals) == at_100 and len(s.over_50.minerals) == over_50
    assert s.published_available is True and s.match is True


def test_the_default_edition_is_the_latest(shipped):
    s = summarize(shipped.minerals, shipped.import_dependence)
    assert (s.edition, s.list, s.at_100.computed, s.over_50.computed) == (2026, "2025", 13, 20)


@pytest.mark.parametrize("args", [["--edition", "2024"], ["--edition", "2026", "--list", "2022"], []])
def test_the_library_result_is_the_command_json(cli, shipped, args):
    edition = int(args[1]) if args else None
    list_id = args[3] if len(args) > 2 else None
    result = summarize(shipped.minerals, shipped.import_dependence, edition, list_id)
    assert result.to_dict() == run_json(cli, "summary", *args)


def test_a_list_without_a_published_count_is_counted_but_not_matched(shipped):
    s = summarize(shipped.minerals, shipped.import_dependence, 2026, "2022")
    assert s.list == "2022" and s.published_available is False and s.match is None
    assert s.at_100.published is None and s.at_100.match is None and s.at_100.computed > 0


@pytest.mark.parametrize(
    "published, status",
    [("100", "at 100"), ("75", "over 50"), (">95", "over 50"), (">50", "over 50"), ("50", "not over 50"),
     (">25", "straddles 50"), ("<75", "straddles 50"), ("<25", "not over 50"), ("E", "not over 50"),
     ("W", "unknown"), ("NA", "unknown")],
)
def test_counting_rules(published, status):
    reason = {"reason": "withheld"} if published in ("W", "NA") else {}
    rel = Reliance(edition=2026, year=2025, published=published, source={"source": "test"}, **reason)
    assert classify(rel) == status
    assert classify(None) == "unknown"


def test_fuel_figures_are_not_mcs_and_not_counted():
    rel = Reliance(edition=2026, year=2025, published="100", basis="EIA", source={"source": "test"})
    assert classify(rel) == "not MCS"
