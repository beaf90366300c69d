"""analysis/exposure.py called as a library: the same result as `minerals exposure --json`, and real figures.

The command only resolves what the user typed (resolve.py) and prints the
result model, so the library call with the same resolved input must dump to
exactly the command's JSON.
"""

from __future__ import annotations

import pytest
from helpers import run_json

from minerals_cli.analysis.exposure import exposure
from minerals_cli.analysis.targets import stated_targets
from minerals_cli.resolve import ally_set, resolve_mineral


def library_exposure(shipped, name, allies=None, edition=None):
    countries = shipped.countries
    return exposure(
        shipped.import_dependence,
        countries,
        resolve_mineral(shipped.minerals, name),
        allies=ally_set(countries, allies, given_with="--allies"),
        targets=stated_targets(shipped.targets),
        edition=edition,
        world=shipped.optional("world"),
        controls=shipped.optional("controls"),
        stats=shipped.optional("stats"),
    )


@pytest.mark.parametrize(
    "name, args",
    [("lithium", []), ("cobalt", []), ("Nd", []), ("hafnium", []), ("platinum group metals", []),
     ("gallium", ["--allies", "JP,eu"]), ("rare earths", ["--edition", "2024"]), ("copper", ["--allies", "none"])],
)
def test_the_library_result_is_the_command_json(cli, shipped, name, args):
    allies = args[1] if args[:1] == ["--allies"] else None
    edition = int(args[1]) if args[:1] == ["--edition"] else None
    result = library_exposure(shipped, name, allies, edition)
    assert result.to_dict() == run_json(cli, "exposure", name, *args)


def test_lithium_figures_of_mcs_2026(shipped):
    r = library_exposure(shipped, "lithium")
    assert r.edition == 2026 and r.reliance.published == ">50" and r.reliance.bound == "lower"
    assert [(s.country, s.share) for s in r.sources] == [("CL", 54), ("AR", 43), (None, 3)]
    chile = r.sources[0].exposure
    assert (chile.value, chile.bound, chile.low, chile.high) == (27, "lower", 27, 54)
    assert (r.domestic_share.value, r.domestic_share.bound) == (50, "upper")
    assert r.allied_import_share.value == 97 and r.allied_share.value == 98.5 and r.allied_share.bound == "upper"
    assert r.concentration.hhi.value == 54**2 + 43**2 and r.concentration.band == "highly concentrated"
    assert r.leading == ["CL"]
    assert [(g.value, g.met) for g in r.gaps] == [(50, True), (90, True)]
    assert (r.china.share.value, r.china.share.bound, r.china.share.high) == (0, "lower", 3)  # may hide in 'Other'


def test_cobalt_allied_share_is_domestic_plus_allied_imports(shipped):
    r = library_exposure(shipped, "cobalt")
    assert r.reliance.published == "79" and r.domestic_share.value == 21
    assert r.allied_import_share.value == 26 + 16 + 14 + 14  # Norway, Finland, Canada, Japan; 'Other' is not allied
    assert r.allied_share.value == pytest.approx(21 + 79 * 0.70) and r.allied_share.bound == "exact"
    gap90 = next(g for g in r.gaps if g.value == 90)
    assert gap90.gap.value == pytest.approx(90 - 76.3) and gap90.met is False and gap90.verified is False


def test_a_lanthanide_inherits_the_rare_earths_figures(shipped):
    nd, group = library_exposure(shipped, "neodymium"), library_exposure(shipped, "rare earths")
    assert nd.commodity == group.commodity == "rare earths" and nd.reliance.published == "67"
    assert nd.sources == group.sources and nd.sources[0].country == "CN" and nd.sources[0].share == 71
    assert "neodymium" in nd.inherited


def test_no_figure_is_unknown_never_zero(shipped):
    r = library_exposure(shipped, "hafnium")
    assert r.reliance.published == "NA" and r.reliance.value is None
    assert r.domestic_share.value is None and r.domestic_share.bound == "unknown"
    assert all(g.gap.value is None and g.met is None for g in r.gaps)
    assert any("net import reliance" in u for u in r.unknown)


def test_an_edition_and_an_ally_set_are_used_as_given(shipped):
    r = library_exposure(shipped, "lithium", allies="CL", edition=2024)
    assert r.edition == 2024 and r.reliance.edition == 2024 and r.reliance.published == ">25"
    assert r.allies.countries == ["CL"] and r.allies.default is False
    assert "--allies" in r.allies.note  # the caller's own words for how a set is given
