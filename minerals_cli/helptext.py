"""`--help` pages, written from the command table (cli_spec.json) without typer.

The Typer app declares the commands; tools/cli_reference.py writes what its
help needs into the table: usage, the docstring, each parameter's help line
as typer words it.  Both the quick path (argv.py) and the Typer app
(cli.py) print help from here, so help reads the same whichever answers,
and `minerals --help` costs a table read, not an import of typer.

The layout is the familiar one: usage, the text wrapped to the terminal
(at most 78 columns), then "Arguments:", "Options:" and "Commands:" as
two-column lists.  Option help names the editions, lists and groups of the
data in use (`{editions}`, `{lists}`, `{groups}`; options.help_facts).
"""

from __future__ import annotations

import os
import sys
import textwrap
from typing import Any, Optional

MAX_WIDTH = 80  # help never spreads wider than this, however wide the terminal
FIRST_COLUMN = 30  # the widest first column of a two-column list before its text moves below


def page(spec: dict[str, Any], command: Optional[str], facts: dict[str, str], width: Optional[int] = None) -> str:
    """The help page of `command` (None: the program's own), ending in a newline."""
    width = width or help_width()
    if command is None:
        return _page(spec["group"], "minerals", width, facts, commands=spec["commands"])
    return _page(spec["commands"][command], f"minerals {command}", width, facts)


def help_width() -> int:
    """The terminal's width (COLUMNS first, as the shell says), at most MAX_WIDTH - 2, at least 50."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(min(columns, MAX_WIDTH) - 2, 50)


def _page(entry: dict[str, Any], prog: str, width: int, facts: dict[str, str], commands=None) -> str:
    parts = [_usage(prog, entry["usage"], width)]
    if entry["help"]:
        parts.append(wrap(entry["help"], width, "  "))
    defaults = entry.get("defaults", {})
    rows: dict[str, list] = {"argument": [], "option": []}
    for param in entry["params"]:
        first, text = param["help_record"]
        section = "argument" if param["kind"] == "argument" else "option"  # and --help, "help"
        rows[section].append((first, fill_help(text, defaults.get(param["name"]), facts)))
    if rows["argument"]:
        parts.append("Arguments:\n" + two_columns(rows["argument"], width))
    parts.append("Options:\n" + two_columns(rows["option"], width))
    if commands:
        listed = [(name, command["short_help"]) for name, command in commands.items()]
        parts.append("Commands:\n" + two_columns(listed, width))
    return "\n\n".join(p.rstrip("\n") for p in parts) + "\n"


def fill_help(text: str, default: Optional[str], facts: dict[str, str]) -> str:
    """A help template with its placeholders filled; text without placeholders is returned as it is."""
    if "{" not in text:
        return text
    for key, value in {**facts, "default": default or ""}.items():
        text = text.replace("{" + key + "}", value)
    return text


def _usage(prog: str, pieces: str, width: int) -> str:
    prefix = f"Usage: {prog} "
    return textwrap.fill(pieces, width, initial_indent=prefix, subsequent_indent=" " * len(prefix))


def wrap(text: str, width: int, indent: str = "") -> str:
    """Rewrap each paragraph (blank-line separated) to `width`, keeping each paragraph's own indentation."""
    out = []
    for paragraph in _paragraphs(text):
        own = len(paragraph[0]) - len(paragraph[0].lstrip())
        joined = " ".join([paragraph[0].lstrip(), *paragraph[1:]])
        lead = indent + " " * own
        out.append(textwrap.fill(joined, width, initial_indent=lead, subsequent_indent=lead, replace_whitespace=False))
    return "\n\n".join(out)


def _paragraphs(text: str) -> list[list[str]]:
    found: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            found[-1].append(line)
        elif found[-1]:
            found.append([])
    return [p for p in found if p]


def two_columns(rows: list[tuple[str, str]], width: int, indent: int = 2) -> str:
    """Terms and their text: the text starts in one column, or below a term too wide for it."""
    first = min(max(len(term) for term, _ in rows), FIRST_COLUMN) + 2
    text_width = max(width - first - 2, 10)
    lines = []
    for term, text in rows:
        lead = " " * indent + term
        wrapped = wrap(text, text_width).splitlines() if text else []
        if not wrapped:
            lines.append(lead)
            continue
        if len(term) <= first - 2:
            lines.append(lead + " " * (first - len(term)) + wrapped[0])
        else:
            lines += [lead, " " * (first + indent) + wrapped[0]]
        lines += [" " * (first + indent) + line for line in wrapped[1:]]
    return "\n".join(lines)
