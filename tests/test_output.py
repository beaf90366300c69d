"""Every command in every output format, every command documented, and every command with its own test file.

A new command or a new format cannot be forgotten: both lists below are
read from the app and the Format enum, not written out by hand.
"""

import csv
import io
import json
from importlib import import_module

import pytest
from helpers import DATA, TESTS, long_lines
from helpers import README as README_PATH

from minerals_cli.cli import COMMANDS, app
from minerals_cli.render import Format

README = README_PATH.read_text()

# One ordinary invocation per read-only command.
EXAMPLES = {
    "list": ["list"],
    "lists": ["lists"],
    "diff": ["diff", "2022", "2025"],
    "compare": ["compare"],
    "show": ["show", "lithium"],
    "exposure": ["exposure", "lithium"],
    "revisions": ["revisions", "cobalt"],
    "world": ["world", "gallium"],
    "stats": ["stats", "antimony"],
    "controls": ["controls"],
    "country": ["country", "CN"],
    "gaps": ["gaps"],
    "scenario": ["scenario", "--cut", "CN"],
    "summary": ["summary"],
    "overview": ["overview"],
    "chart": ["chart"],
    "validate": ["validate", str(DATA)],
}
WRITERS = {"ingest-mcs", "export"}  # write files; covered by tests/commands/test_ingest_mcs.py, tests/ingest/
# and tests/commands/test_export.py


def command_names():
    return [c.name for c in app.registered_commands]


def test_every_read_only_command_has_an_example():
    assert set(command_names()) == set(EXAMPLES) | WRITERS


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_documented(name):
    cmd = next(c for c in app.registered_commands if c.name == name)
    assert (cmd.callback.__doc__ or "").strip(), f"{name} has no help text"
    assert f"`minerals {name}" in README, f"{name} is missing from README's command table"
    assert f"| `{name}` |" in README, f"{name} is missing from README's JSON schema"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_its_module_and_its_test_file(name):
    """A command's code and its tests are found by its name: commands/<name>.py, tests/commands/test_<name>.py."""
    module = name.replace("-", "_")
    code = import_module(f"minerals_cli.commands.{module}")
    assert callable(code.command) and callable(code.view)
    assert (TESTS / "commands" / f"test_{module}.py").is_file(), f"{name} has no tests/commands/test_{module}.py"
    assert name in command_names()


@pytest.mark.parametrize("fmt", list(Format))
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_command_in_every_format(cli, name, fmt):
    run = cli(*EXAMPLES[name], "--format", fmt.value)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.strip()
    assert "\x1b[" not in run.stdout
    if fmt is Format.json:
        assert isinstance(json.loads(run.stdout), dict)
    if fmt is Format.csv:
        rows = list(csv.reader(io.StringIO(run.stdout)))
        assert rows and len({len(r) for r in rows}) == 1
        if name != "validate":  # a valid directory has a header and no problem rows
            assert len(rows) >= 2
    if fmt is Format.jsonl:
        records = [json.loads(line) for line in run.stdout.splitlines()]
        assert all(isinstance(r, dict) for r in records)
        assert all(not isinstance(v, (dict, list)) for r in records for v in r.values()), "records are flat"
        header = next(csv.reader(io.StringIO(cli(*EXAMPLES[name], "--format", "csv").stdout)))
        assert not records or list(dict.fromkeys(k for r in records for k in r)) == header


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_json_flag_is_format_json(cli, name):
    assert cli(*EXAMPLES[name], "--json").json() == cli(*EXAMPLES[name], "--format", "json").json()


def test_a_terminal_table_shows_brackets_in_titles_cells_and_notes_as_text():
    """Data strings are never read as rich markup ('All [whole commodity]' once lost its brackets)."""
    import io

    from minerals_cli.render.rich_table import write_rich
    from minerals_cli.render.view import Table, View

    out = io.StringIO()
    write_rich(View([Table("All [whole commodity]", ["a", "b"], [["[bold]x", None]])], ["see [1]"]), out, out)
    text = out.getvalue()
    assert "All [whole commodity]" in text and "[bold]x" in text and "note: see [1]" in text and "unknown" in text


# Lines every table-shaped and one-mineral command is read with, beyond EXAMPLES: a piped line is never over 120.
WIDE_LINES = [["exposure", "gallium"], ["exposure", "rare earths"], ["exposure", "uranium"], ["gaps"],
              ["country", "CA"], ["scenario", "--cut", "CN", "--cut", "RU"], ["controls", "--as-of", "2026-01-15"],
              ["revisions"], ["show", "rare earths"], ["diff", "2018", "2025"]]


@pytest.mark.parametrize("line", [EXAMPLES[n] for n in sorted(EXAMPLES)] + WIDE_LINES, ids=" ".join)
def test_piped_table_lines_are_at_most_120_characters(cli, line):
    run = cli(*line)
    assert run.exit_code == 0, run.stderr
    long = long_lines(run.stdout)
    assert not long, f"{len(long)} lines over 120, e.g. {long[0]!r}"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_records_keep_numbers_numbers_and_unknown_empty(cli, name):
    """A column with a number in it holds only numbers or nothing: never '100 (2025, MCS 2026)' or 'unknown'."""
    records = [json.loads(line) for line in cli(*EXAMPLES[name], "--format", "jsonl").stdout.splitlines()]
    columns = list(dict.fromkeys(k for r in records for k in r))
    numeric = [c for c in columns if any(_is_number(r.get(c)) for r in records)]
    for c in numeric:
        mixed = [r[c] for r in records if r.get(c) is not None and not _is_number(r[c])]
        assert not mixed, f"{name}: column {c} mixes numbers and {mixed[:3]}"
    for r in records:  # a bounded figure that is unknown is an empty cell beside bound 'unknown', never 0
        for column in (c[: -len("_bound")] for c in r if c.endswith("_bound") and r[c] == "unknown"):
            assert r.get(column) is None and r.get(f"{column}_low") is None, (name, column, r)
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(cli(*EXAMPLES[name], "--format", "csv").stdout))
    for c in numeric:
        assert pandas.api.types.is_numeric_dtype(frame[c]), f"{name}: pandas reads {c} as {frame[c].dtype}"


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
