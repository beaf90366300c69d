"""analysis/chart.py called as a library: chart() is the command's JSON; one bar per commodity."""

from __future__ import annotations

import pytest
from helpers import run_json

from minerals_cli.analysis.chart import chart


@pytest.mark.parametrize("edition, list_id", [(None, None), (2025, None), (2026, "2022")])
def test_the_library_result_is_the_command_json(cli, shipped, edition, list_id):
    result = chart(shipped.minerals, shipped.import_dependence, edition, list_id, how_to_choose=" (--list to change)")
    args = [*(["--edition", str(edition)] if edition else []), *(["--list", list_id] if list_id else [])]
    assert result.to_dict() == run_json(cli, "chart", *args)


def test_mcs_2026_as_usgs_prints_it(shipped):
    c = chart(shipped.minerals, shipped.import_dependence)
    assert (c.edition, c.list, c.data_year) == (2026, "2025", 2025)
    bars = {b.commodity: b for b in c.bars}
    assert c.bars[0].value == 100 and bars["arsenic"].published == "100"
    assert (bars["lithium"].published, bars["lithium"].bound, bars["lithium"].value) == (">50", "lower", 50)
    assert bars["lithium"].leading_source.name == "Chile"
    assert bars["rare earths"].published == "67" and len(bars["rare earths"].minerals) == 14
    charted = [m for b in c.bars for m in b.minerals] + [m for u in c.unknown for m in u.minerals]
    assert len(charted) == len(set(charted)) == 60
    assert c.notes[0] == "list 2025: the final list in force when MCS 2026 was published"  # no option named here
