"""analysis/gaps.py called as a library: gaps() is the command's JSON; allied shares and the autonomy rate."""

from __future__ import annotations

import pytest
from helpers import run_json

from minerals_cli.analysis.gaps import gaps
from minerals_cli.analysis.targets import autonomy_targets, stated_targets
from minerals_cli.resolve import ally_set, user_targets


def library_gaps(shipped, list_id=None, allies=None, targets=None, edition=None):
    countries = shipped.countries
    return gaps(
        shipped.minerals, shipped.import_dependence, countries, list_id,
        allies=ally_set(countries, allies, given_with="--allies"),
        targets=user_targets(targets, given_with="--target") if targets else stated_targets(shipped.targets),
        autonomy=autonomy_targets(shipped.targets),
        edition=edition,
    )


def test_the_library_result_is_the_command_json(cli, shipped):
    assert library_gaps(shipped).to_dict() == run_json(cli, "gaps")
    mine = library_gaps(shipped, "2022", "fta", [75.0, 95.0], 2025).to_dict()
    assert mine == run_json(cli, "gaps", "--list", "2022", "--allies", "fta", "--target", "75", "--target", "95",
                            "--edition", "2025")


def test_gaps_of_the_2025_list(shipped):
    r = library_gaps(shipped)
    assert (r.list, r.edition, len(r.minerals)) == ("2025", 2026, 60)
    assert [t.value for t in r.targets] == [50, 90]
    cobalt = next(row for row in r.minerals if row.mineral == "cobalt")
    assert cobalt.allied_share.value == pytest.approx(76.3)
    assert [g.gap.value for g in cobalt.gaps] == [0, pytest.approx(13.7)]
    [autonomy] = r.autonomy.targets
    assert (autonomy.value, autonomy.baseline, autonomy.verified) == (65, 38, False)
    assert r.autonomy.covered + len(r.autonomy.excluded) == 60
