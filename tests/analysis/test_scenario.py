"""analysis/scenario.py called as a library: scenario() is the command's JSON; supply at risk per mineral."""

from __future__ import annotations

import pytest
from helpers import run_json

from minerals_cli.analysis.scenario import scenario
from minerals_cli.resolve import cut_set


@pytest.mark.parametrize("cut", [["CN"], ["CN,Russia"], ["nato"]])
def test_the_library_result_is_the_command_json(cli, shipped, cut):
    codes, notes = cut_set(shipped.countries, cut, given_with="--cut")
    result = scenario(shipped.minerals, shipped.import_dependence, shipped.countries, codes, cut_notes=notes,
                      stats=shipped.optional("stats"))
    assert result.to_dict() == run_json(cli, "scenario", *[a for c in cut for a in ("--cut", c)])


def test_cutting_china(shipped):
    r = scenario(shipped.minerals, shipped.import_dependence, shipped.countries, ["CN"])
    assert (r.cut, r.cut_names, r.list, r.edition, r.totals.of) == (["CN"], ["China"], "2025", 2026, 60)
    values = [row.at_risk.value for row in r.rows]
    assert values == sorted(values, reverse=True) and values[0] > 0
    rare = next(row for row in r.rows if row.commodity == "rare earths")
    assert rare.cut_share.value == 71 and rare.at_risk.value == pytest.approx(67 * 71 / 100)
    assert r.totals.minerals_at_risk == sum(len(row.minerals) for row in r.rows)


@pytest.mark.parametrize("cut", [[], ["US"], ["CN", "US"]])
def test_the_united_states_or_nothing_is_not_a_cut(shipped, cut):
    """resolve.cut_set refuses these as the user's slip; the analysis refuses them as a caller's bug."""
    with pytest.raises(ValueError):
        scenario(shipped.minerals, shipped.import_dependence, shipped.countries, cut)
