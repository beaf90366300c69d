"""The output cache: a repeated command is answered from it, and never wrongly.

These tests run the installed `minerals` executable in a subprocess (the
cache lives in the console-script entry point, which Typer's CliRunner does
not go through), with MINERALS_CACHE_DIR pointing at a temporary directory.
stdout is a pipe, as it is in a script, so commands are cacheable.
No timing is asserted: speed is measured by bench/run.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from minerals_cli import cache
from helpers import DATA

MINERALS = Path(sys.executable).parent / ("minerals.exe" if os.name == "nt" else "minerals")


@pytest.fixture
def cache_dir(tmp_path):
    return tmp_path / "cache"


@pytest.fixture
def run(cache_dir):
    """Run `minerals ARGS` as a user would; returns (exit code, stdout bytes, stderr text)."""
    assert MINERALS.exists(), f"the installed entry point {MINERALS} is missing: install the project first"

    def _run(*args: str, env: dict | None = None, cache_to: Path | None = None):
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("MINERALS_", "_MINERALS_"))}
        environment.update({"NO_COLOR": "1", "COLUMNS": "120", "MINERALS_CACHE_DIR": str(cache_to or cache_dir)})
        environment.update(env or {})
        done = subprocess.run([str(MINERALS), *args], capture_output=True, env=environment, timeout=120)
        return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")

    return _run


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.out")) if directory.is_dir() else []


COMMANDS = [
    ("list", "--json"),
    ("list", "--list", "2022", "--format", "csv"),
    ("list", "--group", "ree"),
    ("diff", "2018", "2022", "--format", "md"),
    ("show", "lithium", "--json"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_cached_output_is_byte_identical_to_uncached(run, cache_dir, args):
    code, uncached, _ = run(*args, env={"MINERALS_NO_CACHE": "1"})
    assert code == 0 and uncached
    assert entries(cache_dir) == []

    code, filled, _ = run(*args)
    assert code == 0
    assert len(entries(cache_dir)) == 1

    code, served, err = run(*args)
    assert code == 0 and err == ""
    assert served == filled == uncached


def test_a_repeated_command_is_answered_from_the_cache(run, cache_dir):
    """Overwrite the stored entry: the next call prints it, so the hit path is really taken."""
    run("list", "--json")
    (entry,) = entries(cache_dir)
    cache.store(str(entry), '{"from": "the cache"}\n', "")
    code, out, _ = run("list", "--json")
    assert code == 0
    assert json.loads(out) == {"from": "the cache"}


def test_no_cache_variable_neither_reads_nor_writes(run, cache_dir):
    run("list", "--json")
    (entry,) = entries(cache_dir)
    cache.store(str(entry), '{"from": "the cache"}\n', "")
    code, out, _ = run("list", "--json", env={"MINERALS_NO_CACHE": "1"})
    assert code == 0
    assert json.loads(out)["count"] == 60
    code, _, _ = run("show", "cobalt", "--json", env={"MINERALS_NO_CACHE": "1"})
    assert code == 0
    assert entries(cache_dir) == [entry]


def test_a_changed_data_file_changes_the_next_answer(run, data_copy):
    path = data_copy / "minerals_2025.yaml"
    code, before, _ = run("list", "--json", "--data-dir", str(data_copy))
    assert code == 0 and json.loads(before)["title"] == "Final 2025 List of Critical Minerals"

    path.write_text(path.read_text().replace("Final 2025 List of Critical Minerals", "Final 2025 List, edited"))
    code, after, _ = run("list", "--json", "--data-dir", str(data_copy))
    assert code == 0
    assert json.loads(after)["title"] == "Final 2025 List, edited"


def test_the_key_is_the_content_not_the_modification_time(run, data_copy):
    """Same size, same mtime, different bytes: still a different answer."""
    path = data_copy / "minerals_2025.yaml"
    run("show", "lithium", "--json", "--data-dir", str(data_copy))
    stat = path.stat()
    text = path.read_text()
    assert "name: lithium" in text
    path.write_text(text.replace("name: lithium", "name: lithiun", 1))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    code, out, _ = run("show", "lithium", "--json", "--data-dir", str(data_copy))
    assert code == 0
    assert json.loads(out)["name"] == "lithiun"


def test_a_broken_file_after_a_cached_good_run_still_exits_3(run, data_copy):
    path = data_copy / "minerals_2025.yaml"
    assert run("list", "--json", "--data-dir", str(data_copy))[0] == 0
    assert run("list", "--json", "--data-dir", str(data_copy))[0] == 0
    good = path.read_text()
    path.write_text(good.replace("count: 60", "count: sixty"))
    code, out, err = run("list", "--json", "--data-dir", str(data_copy))
    assert code == 3
    assert out == b""
    assert "minerals_2025.yaml:" in err and "count" in err and "Traceback" not in err

    path.write_text(good)
    code, out, _ = run("list", "--json", "--data-dir", str(data_copy))
    assert code == 0 and json.loads(out)["count"] == 60


def test_the_data_dir_variable_is_part_of_the_key(run, data_copy):
    path = data_copy / "minerals_2025.yaml"
    path.write_text(path.read_text().replace("Final 2025 List of Critical Minerals", "Another country's list"))
    code, shipped, _ = run("list", "--json")
    assert code == 0
    code, other, _ = run("list", "--json", env={"MINERALS_DATA_DIR": str(data_copy)})
    assert code == 0
    assert json.loads(shipped)["title"] != json.loads(other)["title"] == "Another country's list"
    code, other_by_option, _ = run("list", "--json", f"--data-dir={data_copy}")
    assert code == 0 and other_by_option == other


def test_output_environment_is_part_of_the_key(run, cache_dir):
    run("list", "--json")
    run("list", "--json", env={"COLUMNS": "60"})
    assert len(entries(cache_dir)) == 2


def test_an_unusable_cache_dir_does_not_break_the_command(run, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory\n")
    code, expected, _ = run("list", "--json", env={"MINERALS_NO_CACHE": "1"})
    for _ in range(2):
        code, out, err = run("list", "--json", cache_to=blocker / "cache")
        assert code == 0 and err == ""
        assert out == expected


def test_a_corrupt_entry_is_a_miss_not_an_error(run, cache_dir):
    code, expected, _ = run("list", "--json")
    (entry,) = entries(cache_dir)
    for garbage in (b"", b"minerals-cache 1\n99 0\nshort", b"\x00\xff" * 100):
        entry.write_bytes(garbage)
        code, out, err = run("list", "--json")
        assert code == 0 and err == ""
        assert out == expected


@pytest.mark.parametrize(
    "args",
    [("list", "--list", "2019", "--json"), ("show", "litium", "--json"), ("--help",), ("list", "--bogus")],
    ids=" ".join,
)
def test_failures_and_top_level_options_are_never_stored(run, cache_dir, args):
    run(*args)
    assert entries(cache_dir) == []


def test_shell_completion_is_never_stored(run, cache_dir):
    env = {"_MINERALS_COMPLETE": "complete_bash", "COMP_WORDS": "minerals list", "COMP_CWORD": "1"}
    run("list", env=env)
    assert entries(cache_dir) == []


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["list", "--json"], True),
        (["show", "lithium"], True),
        (["exposure", "lithium", "--json"], True),
        (["summary", "--json"], True),
        (["chart"], True),
        (["chart", "--svg", "out.svg"], False),
        (["chart", "--svg=out.svg"], False),
        (["ingest-mcs", "Fig2.csv"], False),
        (["validate", "data"], False),
        (["--install-completion"], False),
        (["--show-completion"], False),
        (["--help"], False),
        ([], False),
        (["list", "-"], False),
    ],
)
def test_only_read_only_commands_are_cacheable(argv, expected):
    assert cache.cacheable(argv, {}) is expected


def test_a_code_change_gives_a_new_key(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    package.mkdir()
    module = package / "x.py"
    module.write_text("A = 1\n")
    monkeypatch.setattr(cache, "PACKAGE_DIR", str(package))
    argv = ["list", "--json", "--data-dir", str(DATA)]
    first = cache.cache_key(argv, {})
    assert cache.cache_key(argv, {}) == first
    module.write_text("A = 22\n")
    assert cache.cache_key(argv, {}) != first


def test_the_data_dir_choice_mirrors_the_loader(tmp_path, monkeypatch):
    from minerals_cli import data_dir

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MINERALS_DATA_DIR", raising=False)
    (tmp_path / "mine").mkdir()
    assert os.path.realpath(cache.resolve_data_dir(["list"], {})) == os.path.realpath(data_dir.resolve(None))
    assert cache.resolve_data_dir(["list"], {"MINERALS_DATA_DIR": "mine"}) == str(tmp_path / "mine")
    assert cache.resolve_data_dir(["list", "--data-dir", "/x", "--data-dir=/y"], {"MINERALS_DATA_DIR": "mine"}) == "/y"
