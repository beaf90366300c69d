"""Shell completion callbacks (wired with `autocompletion=`): mineral and country names as shell words.

The subprocess tests of completion through the installed executable are in
tests/test_process.py.
"""

from __future__ import annotations

import pytest
from helpers import DATA

from minerals_cli import completion
from minerals_cli.dataset import open_dataset
from minerals_cli.resolve import resolve_country, resolve_mineral


@pytest.fixture(scope="module")
def registry():
    return open_dataset(DATA).countries


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
