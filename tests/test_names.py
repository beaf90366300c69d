"""What people type: names, symbols, plurals, aliases, misspellings; and shell completion of them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from minerals_cli import completion
from minerals_cli.data import open_dataset
from minerals_cli.errors import NotFound
from minerals_cli.resolve import resolve_country, resolve_mineral

DATA = Path(__file__).resolve().parent.parent / "data"


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


def test_exposure_litium_suggests_lithium(cli):
    run = cli("exposure", "litium")
    assert run.exit_code == 1 and "did you mean" in run.stderr and "lithium" in run.stderr


def test_unknown_list_is_a_usage_error_naming_the_valid_lists(cli):
    run = cli("list", "--list", "2019")
    assert run.exit_code == 2 and run.stdout == ""
    assert "unknown list '2019'" in run.stderr
    assert "valid lists: 2018, 2022, 2025-draft, 2025" in run.stderr


# --------------------------------------------------------------------------
# countries (the registry in data/country_groups.yaml)

COUNTRIES = [
    ("China", "CN"), ("CN", "CN"), ("cn", "CN"), ("PRC", "CN"),
    ("DRC", "CD"), ("Congo (Kinshasa)", "CD"), ("Congo-Kinshasa", "CD"),
    ("South Korea", "KR"), ("Republic of Korea", "KR"), ("Korea, Republic of", "KR"),
]


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


@pytest.fixture
def with_trade(data_copy):
    """The shipped data, with a figure-less import_dependence.yaml if none is shipped yet."""
    path = data_copy / "import_dependence.yaml"
    if not path.exists():
        doc = yaml.safe_load((data_copy / "minerals_2025.yaml").read_text())
        ids = sorted({m["commodity"] for m in doc["minerals"] if m.get("commodity")})
        path.write_text(yaml.safe_dump({
            "editions": [{"edition": 2025, "data_year": 2024, "shares_period": "2020-23", "title": "MCS 2025",
                          "citation": {"source": "test fixture"}}],
            "commodities": [{"id": i, "name": i} for i in ids],
        }))
    return data_copy


@pytest.mark.parametrize("typed, code", COUNTRIES)
def test_country_command_takes_names_and_codes(cli, with_trade, typed, code):
    run = cli("country", typed, "--json", "--data-dir", str(with_trade))
    assert run.exit_code == 0, run.stderr
    assert run.json()["country"] == code


def test_misspelt_country_command_exits_1(cli, with_trade):
    run = cli("country", "Chinaa", "--data-dir", str(with_trade))
    assert run.exit_code == 1 and "did you mean" in run.stderr and "CN" in run.stderr


# --------------------------------------------------------------------------
# completion callbacks (wired with `autocompletion=`)


class Ctx:
    """The little of a click Context the callbacks read: parsed params and a parent."""

    def __init__(self, **params):
        self.params = params
        self.parent = None


def values(candidates) -> list[str]:
    return [value for value, _ in candidates]


def test_complete_mineral_by_prefix_keeps_what_was_typed(monkeypatch):
    monkeypatch.delenv("MINERALS_DATA_DIR", raising=False)
    assert "lithium" in values(completion.complete_mineral(Ctx(), "lit"))
    found = values(completion.complete_mineral(Ctx(), "Lit"))
    assert "Lithium" in found and all(v.startswith("Lit") for v in found)


def test_complete_mineral_offers_symbols_and_aliases_as_shell_words(monkeypatch):
    monkeypatch.delenv("MINERALS_DATA_DIR", raising=False)
    assert "Nd" in values(completion.complete_mineral(Ctx(), "N"))
    rare = values(completion.complete_mineral(Ctx(), "rare"))
    assert "rare-earths" in rare and all(" " not in v for v in rare)
    assert "graphite-natural" in values(completion.complete_mineral(Ctx(), "graphite"))


def test_completed_words_resolve_back(cli, monkeypatch):
    monkeypatch.delenv("MINERALS_DATA_DIR", raising=False)
    minerals = open_dataset(DATA).minerals
    words = [w for prefix in ("", "a", "g", "m", "p", "r", "N") for w in values(completion.complete_mineral(Ctx(), prefix))]
    assert len(words) > 60
    for word in words:
        resolve_mineral(minerals, word)
    assert cli("show", "graphite-natural", "--json").json()["id"] == "graphite"


def test_complete_mineral_with_empty_prefix_offers_ids_only(monkeypatch):
    monkeypatch.delenv("MINERALS_DATA_DIR", raising=False)
    found = values(completion.complete_mineral(Ctx(), ""))
    assert "lithium" in found and "Li" not in found and len(found) == len(set(found))


def test_complete_country(registry, monkeypatch):
    monkeypatch.delenv("MINERALS_DATA_DIR", raising=False)
    assert ("CN", "China") in completion.complete_country(Ctx(), "C")
    assert "Congo-Kinshasa" in values(completion.complete_country(Ctx(), "Congo"))
    assert "South-Korea" in values(completion.complete_country(Ctx(), "South"))
    for word in values(completion.complete_country(Ctx(), "Congo")) + ["South-Korea"]:
        resolve_country(registry, word)


def test_complete_allies_completes_the_last_item(registry, monkeypatch):
    monkeypatch.delenv("MINERALS_DATA_DIR", raising=False)
    found = values(completion.complete_allies(Ctx(), "fta,J"))
    assert "fta,JP" in found and all(v.startswith("fta,J") for v in found)


def test_complete_list_ids(monkeypatch):
    monkeypatch.delenv("MINERALS_DATA_DIR", raising=False)
    assert values(completion.complete_list(Ctx(), "20")) == ["2018", "2022", "2025", "2025-draft"]


def test_completion_reads_the_data_dir_on_the_command_line(tmp_path):
    (tmp_path / "minerals_2025.yaml").write_text("minerals:\n- id: unobtainium\n  name: unobtainium\n")
    assert values(completion.complete_mineral(Ctx(data_dir=tmp_path), "un")) == ["unobtainium"]


@pytest.mark.parametrize("content", [b"minerals: [\n", b"!!python/object:os.system x", b"\xff\xfe", b"- 1\n- 2\n", b""])
def test_completion_on_a_broken_data_dir_completes_nothing(tmp_path, content):
    (tmp_path / "minerals_2025.yaml").write_bytes(content)
    (tmp_path / "country_groups.yaml").write_bytes(content)
    ctx = Ctx(data_dir=tmp_path)
    for callback in (completion.complete_mineral, completion.complete_country, completion.complete_allies,
                     completion.complete_list, completion.complete_edition):
        assert callback(ctx, "a") == []


def test_completion_on_a_missing_data_dir_completes_nothing(tmp_path):
    assert completion.complete_mineral(Ctx(data_dir=tmp_path / "gone"), "") == []
