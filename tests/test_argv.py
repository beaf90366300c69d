"""The quick path (argv.py): it reads a command line as the Typer app would, or leaves it to the app.

The property test is the contract: for any command line the quick path
accepts, the command's function receives exactly the arguments the Typer
app gives it.  Lines it declines are answered by the app itself, so
declining is never wrong; the examples below check that the everyday lines
are not declined (else every run would be slow again).
"""

from __future__ import annotations

import functools
import os
from contextlib import contextmanager
from importlib import import_module

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minerals_cli import argv
from minerals_cli.cli import COMMANDS, build_app, spec_text

SPEC = argv.load_spec()
CALLS: dict[str, dict] = {}


def _spy(name: str):
    command = import_module(f"minerals_cli.commands.{name.replace('-', '_')}").command

    @functools.wraps(command)
    def watched(**kwargs):
        CALLS[name] = kwargs

    return watched


SPIED = typer.main.get_command(build_app({name: _spy(name) for name in COMMANDS}))


@contextmanager
def environment(changes: dict[str, str | None]):
    saved = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def typer_arguments(line: list[str], env: dict[str, str | None]):
    """What the Typer app passes to the command's function for `line`, or None when it refuses it."""
    CALLS.clear()
    with environment(env):
        try:
            SPIED.main(args=line, prog_name="minerals", standalone_mode=False)
        except Exception:  # noqa: BLE001 - a usage error of any kind: the app refused the line
            return None
    return CALLS.get(line[0])


def test_the_command_table_is_what_the_app_describes():
    assert argv.SPEC_FILE.read_text(encoding="utf-8") == spec_text(), "run python tools/cli_reference.py"


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    root = tmp_path_factory.mktemp("places")
    (root / "a-file.csv").write_text("x\n")
    (root / "a-dir").mkdir()
    return {"dir": str(root / "a-dir"), "file": str(root / "a-file.csv"), "missing": str(root / "missing")}


VALUES = {
    "str": ["lithium", "CN", "2025", "fta,JP", "", "rare earths", "x=y", "-", "--json", "-e", "Ünï", "none"],
    "int": ["2025", "2024", "0", "007", "-1", "1_0", " 5", "x", "٣", "2025.0", ""],
    "float": ["50", "90.5", "1e2", "-3", "x", "50.", ".5", "inf", ""],
}


def _values(param: dict, places: dict) -> st.SearchStrategy[str]:
    kind = param["type"]
    if kind == "enum":
        choices = param["choices"]
        return st.sampled_from([*choices, *(c.upper() for c in choices), "nope", ""])
    if kind == "path":
        return st.sampled_from([*places.values(), "", "-"])
    return st.sampled_from(VALUES.get(kind, VALUES["str"]))


@st.composite
def command_lines(draw, places):
    name = draw(st.sampled_from(COMMANDS))
    params = [p for p in SPEC["commands"][name]["params"] if p["kind"] != "help"]
    words: list[list[str]] = []
    for p in (p for p in params if p["kind"] == "option"):
        for _ in range(draw(st.integers(0, 2))):
            spelling = draw(st.sampled_from(p["opts"] + p["secondary"]))
            if p["flag"]:
                words.append([spelling])
                continue
            value = draw(_values(p, places))
            joined = spelling.startswith("--") and draw(st.booleans())
            words.append([f"{spelling}={value}"] if joined else [spelling, value])
    positional = []
    for p in (p for p in params if p["kind"] == "argument"):
        positional += draw(st.lists(_values(p, places), max_size=3))
    if draw(st.integers(0, 3)) == 0:
        words.append([draw(st.sampled_from(["--bogus", "-z", "--help", "extra"]))])
    words = draw(st.permutations(words))
    if positional and draw(st.booleans()):
        words.append(["--", *positional])
    else:
        words += [[w] for w in positional]
    env = draw(st.sampled_from([None, "", places["dir"], places["file"], places["missing"]]))
    return [name, *[w for group in words for w in group]], {argv.COMPLETION_VARIABLE: None, "MINERALS_DATA_DIR": env}


@settings(max_examples=int(os.environ.get('MINERALS_TEST_EXAMPLES', '1000')), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_line_the_quick_path_reads_reaches_the_command_as_through_typer(data, places):
    line, env = data.draw(command_lines(places))
    with environment(env):
        quick = argv.parse(line, SPEC)
    if quick is None or quick[0] == "help":
        return
    assert quick[2] == typer_arguments(line, env), line


EVERYDAY = [
    ["exposure", "lithium", "--json"],
    ["exposure", "--all", "--format", "csv"],
    ["exposure", "Nd", "cobalt", "-e", "2025", "--allies", "fta,JP"],
    ["list", "--json"],
    ["list", "--new-in", "2025", "-g", "ree"],
    ["summary", "--json"],
    ["gaps", "--target", "75", "--target", "95.5", "--list=2022"],
    ["scenario", "--cut", "CN", "--json"],
    ["country", "CN", "--json"],
    ["diff", "2022", "2025"],
    ["show", "rare earths", "-f", "md"],
    ["chart", "--svg", "out.svg"],
]


@pytest.mark.parametrize("line", EVERYDAY, ids=" ".join)
def test_everyday_lines_take_the_quick_path_with_the_same_arguments(line):
    quick = argv.parse(line, SPEC, environ={})
    assert quick is not None and quick[0] == "run", "declined: this line would import typer"
    assert quick[2] == typer_arguments(line, {"MINERALS_DATA_DIR": None})


@pytest.mark.parametrize(
    "line",
    [[], ["nosuch"], ["diff", "2022"], ["exposure", "--edition"], ["exposure", "x", "--bogus"], ["gaps", "-t", "x"],
     ["list", "-lfoo"], ["exposure", "x", "-e=2025"], ["list", "--format", "yaml"]],
    ids=repr,
)
def test_lines_with_a_mistake_are_left_to_the_typer_app(line):
    assert argv.parse(line, SPEC, environ={}) is None


def test_shell_completion_is_left_to_the_typer_app():
    assert argv.parse(["list"], SPEC, environ={argv.COMPLETION_VARIABLE: "bash_complete"}) is None


@pytest.mark.parametrize("line", [["--help"], ["exposure", "--help"], ["gaps", "-t", "5", "--help"]], ids=" ".join)
def test_help_is_answered_by_the_quick_path(line):
    assert argv.parse(line, SPEC, environ={})[0] == "help"


def test_help_after_a_double_dash_is_an_argument(cli):
    quick = argv.parse(["exposure", "--", "--help"], SPEC, environ={})
    assert quick[0] == "run" and quick[2]["names"] == ["--help"]


def test_without_the_command_table_the_typer_app_answers_everything(cli, monkeypatch, tmp_path):
    monkeypatch.setattr(argv, "SPEC_FILE", tmp_path / "missing.json")
    quick = cli("exposure", "lithium", "--json")
    monkeypatch.undo()
    assert quick.exit_code == 0 and quick.json() == cli("exposure", "lithium", "--json").json()
    monkeypatch.setattr(argv, "SPEC_FILE", tmp_path / "missing.json")
    assert cli("--help").stdout.startswith("Usage: minerals [OPTIONS] COMMAND")


def test_version_is_the_installed_package_s_through_both_paths(cli):
    from importlib.metadata import version

    assert argv.parse(["--version"], SPEC, environ={})[0] == "version"
    quick = cli("--version")
    assert quick.exit_code == 0 and quick.stdout == f"minerals {version('minerals')}\n"
    typer_run = cli("--version", "list")  # not the quick path's form: the Typer app answers, the same way
    assert typer_run.exit_code == 0 and typer_run.stdout == quick.stdout
    import minerals_cli

    assert minerals_cli.__version__ == version("minerals")  # the package's own number is the installed one


def test_help_names_values_by_what_they_are_not_by_their_python_type(cli):
    page = cli("exposure", "--help").stdout
    assert "Usage: minerals exposure [OPTIONS] [NAME]..." in page
    assert "-l, --list LIST" in page and "--data-dir DIR" in page and "-f, --format FORMAT" in page
    assert not any(t in page for t in ("<str>", "<int>", "<list[", "<dir>", "<file>")), page
    assert "--version  " in cli("--help").stdout
