"""What people type: names, symbols, plurals, aliases, misspellings, lists of countries (resolve.py, names.py).

Shell completion of the same names is tested in tests/test_completion.py.
"""

from __future__ import annotations

import pytest
from helpers import COUNTRY_SPELLINGS as COUNTRIES
from helpers import DATA

from minerals_cli.dataset import open_dataset
from minerals_cli.errors import NotFound, UsageError
from minerals_cli.names import lookup, mineral_index, normalize
from minerals_cli.resolve import (
    DEFAULT_ALLIES,
    ally_set,
    cut_set,
    resolve_country,
    resolve_edition,
    resolve_group,
    resolve_list,
    resolve_list_with_previous,
    resolve_mineral,
    user_targets,
)


@pytest.mark.parametrize(
    "typed, mineral",
    [
        ("lithium", "lithium"),
        ("LITHIUM", "lithium"),
        ("Lithium", "lithium"),
        ("Li", "lithium"),
        ("li", "lithium"),
        ("Nd", "neodymium"),
        ("lithiums", "lithium"),
        ("cobalts", "cobalt"),
        ("graphites", "graphite"),
        ("REE", "rare earth elements group"),
        ("REEs", "rare earth elements group"),
        ("rare earths", "rare earth elements group"),
        ("Rare-Earths", "rare earth elements group"),
        ("PGM", "platinum group metals"),
        ("PGMs", "platinum group metals"),
        ("platinum-group metals", "platinum group metals"),
        ("met coal", "metallurgical coal"),
        ("coking coal", "metallurgical coal"),
        ("graphite (natural)", "graphite"),
        ("natural graphite", "graphite"),
        ("aluminium", "aluminum"),
        ("  caesium ", "cesium"),
    ],
)
def test_mineral_names(cli, typed, mineral):
    run = cli("show", typed, "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["id"] == mineral


@pytest.mark.parametrize("typed, suggested", [("litium", "lithium"), ("neodynium", "neodymium"), ("cobolt", "cobalt")])
def test_misspelt_mineral_exits_1_with_suggestions(cli, typed, suggested):
    run = cli("show", typed)
    assert run.exit_code == 1 and run.stdout == ""
    assert f"unknown mineral {typed!r}" in run.stderr
    assert "did you mean: " in run.stderr and suggested in run.stderr.split("did you mean: ")[1]
    assert "Traceback" not in run.stderr


def test_unrelated_word_lists_known_minerals(cli):
    run = cli("show", "zzzzqqq")
    assert run.exit_code == 1 and "known minerals include" in run.stderr


# --------------------------------------------------------------------------
# countries (the registry in data/country_groups.yaml)


@pytest.fixture(scope="module")
def registry():
    return open_dataset(DATA).countries


@pytest.mark.parametrize("typed, code", COUNTRIES)
def test_country_names_and_codes(registry, typed, code):
    assert resolve_country(registry, typed) == code


def test_misspelt_country_suggests(registry):
    with pytest.raises(NotFound) as caught:
        resolve_country(registry, "Chinaa")
    assert "CN" in caught.value.hint


def test_multi_word_country_names_in_allies_and_cut(cli):
    r = cli("exposure", "lithium", "--allies", "South Korea, Congo (Kinshasa)", "--json").json()
    assert set(r["allies"]["countries"]) == {"KR", "CD"}
    run = cli("scenario", "--cut", "South Korea", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["cut"] == ["KR"]


# --------------------------------------------------------------------------
# the resolvers called as a library: every user slip is NotFound (exit 1) or UsageError (exit 2)


def test_normalize_and_lookup_ignore_case_hyphens_parentheses_and_plurals(shipped):
    assert normalize("  Rare-Earths ") == "rare earths" and normalize("Graphite (natural)") == "graphite natural"
    index = mineral_index(shipped.minerals)
    assert lookup("Cobalts", index, "mineral", []) == "cobalt"
    with pytest.raises(NotFound) as caught:
        lookup("cobolt", index, "mineral", [])
    assert str(caught.value) == "unknown mineral 'cobolt'\ndid you mean: cobalt?" and caught.value.exit_code == 1
    with pytest.raises(NotFound, match="known minerals include: a, b"):
        lookup("zzzzqqq", index, "mineral", ["b", "a"])
    assert resolve_mineral(shipped.minerals, "Nd").id == "neodymium"


def test_list_ids_and_their_final_aliases(shipped):
    minerals = shipped.minerals
    assert resolve_list(minerals, " 2022 ") == "2022" and resolve_list(minerals, "2025-FINAL") == "2025"
    with pytest.raises(UsageError) as caught:
        resolve_list(minerals, "2019")
    assert caught.value.exit_code == 2 and caught.value.hint == "valid lists: 2018, 2022, 2025-draft, 2025"
    assert resolve_list_with_previous(minerals, "2025") == "2025"
    with pytest.raises(UsageError, match="list 2018 has no earlier final list"):
        resolve_list_with_previous(minerals, "2018")


@pytest.mark.parametrize("typed, group", [("REE", "rare earth element"), ("rare-earths", "rare earth element"),
                                          ("lanthanides", "rare earth element"), ("PGMs", "platinum group metal"),
                                          ("platinum group metal", "platinum group metal")])
def test_group_names(typed, group):
    assert resolve_group(typed) == group


@pytest.mark.parametrize("typed", ["metals", ""])
def test_an_unknown_or_empty_group_is_a_usage_error(typed):
    with pytest.raises(UsageError) as caught:
        resolve_group(typed)
    assert caught.value.hint.startswith("valid groups: ree, pgm")


def test_editions(shipped):
    imports = shipped.import_dependence
    assert resolve_edition(imports, None) is None  # the analysis picks its default
    assert resolve_edition(imports, 2025) == 2025
    with pytest.raises(UsageError) as caught:
        resolve_edition(imports, 2019)
    assert str(caught.value) == "unknown MCS edition 2019\nvalid editions: 2024, 2025, 2026"
    with pytest.raises(UsageError, match="none \\(the data lists no edition\\)"):
        resolve_edition(imports.replace(**{"editions": []}), 2026)


def test_ally_sets(shipped):
    countries = shipped.countries
    default = ally_set(countries, None, given_with="--allies")
    assert default.default is True and default.spec == DEFAULT_ALLIES == "fta,msp,g7,nato"
    assert "US" not in default.countries and {"CA", "JP", "CL"} <= set(default.countries)
    assert "the default set" in default.note
    none = ally_set(countries, "none", given_with="--allies")
    assert none.countries == [] and none.default is False and "domestic share" in none.note
    chile = ally_set(countries, "US,Chile", given_with="the allies field")
    assert chile.countries == ["CL"] and chile.parts == ["US", "Chile"] and "the allies field" in chile.note
    with pytest.raises(NotFound, match="unknown country or group 'narnia'"):
        ally_set(countries, "fta,narnia", given_with="--allies")
    with pytest.raises(UsageError, match="no country or group"):
        ally_set(countries, " , ", given_with="--allies")


def test_cut_sets_keep_the_united_states_out(shipped):
    countries = shipped.countries
    assert cut_set(countries, ["CN", "Russia"], given_with="--cut") == (["CN", "RU"], [])
    codes, notes = cut_set(countries, ["nato"], given_with="--cut")
    assert "US" not in codes and len(codes) == 31
    assert notes == ["The United States, a member of nato, is domestic supply: it is left out of the cut."]
    with pytest.raises(UsageError, match="domestic supply and cannot be cut"):
        cut_set(countries, ["g7", "United States"], given_with="--cut")
    with pytest.raises(UsageError) as caught:
        cut_set(countries, [], given_with="the cut field")
    assert "e.g. the cut field CN" in caught.value.hint


def test_user_targets(shipped):
    targets = user_targets([75, 95, 75], given_with="--target")
    assert [(t.id, t.value, t.verified) for t in targets] == [("user-75", 75, None), ("user-95", 95, None)]
    assert "(given with --target)" in targets[0].description
    with pytest.raises(UsageError, match="target 150 is not a percentage"):
        user_targets([150], given_with="--target")
