"""analysis/profile.py called as a library: profile() is `minerals show --json`; list history and trade."""

from __future__ import annotations

import pytest
from helpers import run_json

from minerals_cli.analysis.profile import profile
from minerals_cli.resolve import resolve_mineral


@pytest.mark.parametrize("name", ["lithium", "Nd", "helium", "platinum group metals"])
def test_the_library_result_is_the_command_json(cli, shipped, name):
    mineral = resolve_mineral(shipped.minerals, name)
    from minerals_cli.analysis.controls import links, today
    from minerals_cli.analysis.groups import country_names
    from minerals_cli.analysis.jurisdictions import elsewhere

    found = links(shipped.optional("controls"), today(), country_names(shipped.countries), {mineral.id})
    lists = elsewhere(shipped.minerals, shipped.optional("other_lists"), mineral.id)
    result = profile(shipped.minerals, mineral, shipped.import_dependence, found, lists, shipped.optional("stats"))
    assert result.to_dict() == run_json(cli, "show", name)


def test_history_and_delisting(shipped):
    def of(name, imports=None):
        return profile(shipped.minerals, resolve_mineral(shipped.minerals, name), imports)

    nd = of("neodymium")
    how = {h.list: h.how for h in nd.history}
    assert how["2018"] == "covered by 'rare earth elements group'" and how["2022"] == "listed"
    assert nd.trade is None  # no import-dependence data given
    assert of("helium").delisted is True and of("lithium").delisted is False
    trade = of("lithium", shipped.import_dependence).trade
    assert [(e.edition, e.published) for e in trade.reliance] == [(2024, ">25"), (2025, ">50"), (2026, ">50")]
