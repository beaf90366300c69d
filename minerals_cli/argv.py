"""The quick path: read a well-formed command line from the command table and run it, without typer.

Importing typer (and the pydantic it pulls in) costs several times what a
whole answer costs, so entry.py tries this path first.  The command table
(cli_spec.json) is written from the Typer app by tools/cli_reference.py, and a
test fails when it is stale; a property test checks that every command
line this module accepts reaches the command with the very arguments the
Typer app would pass.

It accepts only the plain forms: `--option value`, `--option=value`,
`-o value`, flags, arguments, `--`, `--help`.  Anything else (a typo, a
missing value, a value that does not convert, shell completion, no
arguments at all) is declined: `parse` returns None and the Typer app
answers, with its usual messages.  Declining is always safe; guessing is not.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, Optional

SPEC_FILE = Path(__file__).with_name("cli_spec.json")
COMPLETION_VARIABLE = "_MINERALS_COMPLETE"


class Decline(Exception):
    """This command line is one for the Typer app to read."""


def load_spec() -> Optional[dict[str, Any]]:
    """The command table, or None when it is missing or unreadable (then the Typer app answers everything)."""
    import json

    try:
        return json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def parse(args: list[str], spec: dict[str, Any], environ=os.environ) -> Optional[tuple[str, Optional[str], dict]]:
    """('help', command or None, {}) or ('run', command, arguments), or None to let the Typer app read `args`."""
    if not args or COMPLETION_VARIABLE in environ:
        return None
    if args[0] == "--help":
        return ("help", None, {})
    if args == ["--version"]:
        return ("version", None, {})
    command = spec["commands"].get(args[0])
    if command is None:
        return None
    rest = args[1:]
    before_dashes = rest[: rest.index("--")] if "--" in rest else rest
    if "--help" in before_dashes:
        return ("help", args[0], {})
    try:
        return ("run", args[0], arguments(command["params"], rest, environ))
    except Decline:
        return None


def arguments(params: list[dict[str, Any]], args: list[str], environ) -> dict[str, Any]:
    """The keyword arguments of the command's function, converted as the Typer app converts them."""
    options = {name: p for p in params if p["kind"] == "option" for name in p["opts"] + p["secondary"]}
    given: dict[str, list] = {}
    positional: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":
            positional.extend(words)
        elif word.startswith("-") and word != "-":
            name, has_value, value = word.partition("=") if word.startswith("--") else (word, "", "")
            param = options.get(name)
            if param is None:
                raise Decline
            if param["flag"]:
                if has_value:
                    raise Decline
                given.setdefault(param["name"], []).append(name in param["opts"])
                continue
            if not has_value:
                value = next(words, None)
                if value is None or value.startswith("-"):
                    raise Decline
            given.setdefault(param["name"], []).append(value)
        else:
            positional.append(word)
    values = _assign_arguments(params, positional)
    for param in params:
        if param["kind"] == "option":
            values[param["name"]] = _option_value(param, given.get(param["name"]), environ)
    return fold_json(values)


def _assign_arguments(params: list[dict[str, Any]], positional: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for param in (p for p in params if p["kind"] == "argument"):
        if param["nargs"] == -1:
            taken, positional = positional, []
            if not taken and param["required"]:
                raise Decline
            values[param["name"]] = [_convert(param, v) for v in taken] if taken else _default(param)
        elif positional:
            values[param["name"]] = _convert(param, positional.pop(0))
        elif param["required"]:
            raise Decline
        else:
            values[param["name"]] = _default(param)
    if positional:
        raise Decline
    return values


def _option_value(param: dict[str, Any], given: Optional[list], environ) -> Any:
    if param["flag"]:
        return given[-1] if given else param["default"]
    if not given and param["envvar"] and environ.get(param["envvar"]):
        if param["multiple"]:
            raise Decline  # the Typer app splits such a variable; leave it to it
        given = [environ[param["envvar"]]]
    if not given:
        if param["required"]:
            raise Decline
        return _default(param)
    if param["multiple"]:
        return [_convert(param, v) for v in given]
    return _convert(param, given[-1])


def _default(param: dict[str, Any]) -> Any:
    default = param["default"]
    if default is None:
        return None
    if param["multiple"] or param["nargs"] == -1:
        return [_convert(param, v) for v in default]
    return _convert(param, default)


def _convert(param: dict[str, Any], value: str) -> Any:
    """One value as the command receives it; Decline where the Typer app would refuse or might differ."""
    kind = param["type"]
    if kind == "str":
        return value
    if kind == "int":
        if not (value.isascii() and value.isdigit()):
            raise Decline
        return int(value)
    if kind == "float":
        whole, _, fraction = value.partition(".")
        if not (whole.isascii() and whole.isdigit() and (not fraction or (fraction.isascii() and fraction.isdigit()))):
            raise Decline
        return float(value)
    if kind == "enum":
        return _choice(param, value)
    if kind == "path":
        return _path(param, value)
    raise Decline


def _choice(param: dict[str, Any], value: str) -> Any:
    from importlib import import_module

    choices = param["choices"]
    matched = value if value in choices else None
    if matched is None and not param["case_sensitive"]:
        matched = next((c for c in choices if c.casefold() == value.casefold()), None)
    if matched is None:
        raise Decline
    module, _, name = param["enum"].partition(":")
    return getattr(import_module(module), name)(matched)


def _path(param: dict[str, Any], value: str) -> Path:
    rules = param["path"]
    if value == "-" or rules["resolve_path"] or rules["writable"] or rules["allow_dash"]:
        raise Decline
    path = Path(value)  # checked as the Path the command gets: '' is '.', the current folder
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # ValueError: a name too odd to stat; the Typer app words the refusal
        if rules["exists"] or not isinstance(value, str) or "\x00" in value:
            raise Decline from None
        return path
    if (stat.S_ISDIR(info.st_mode) and not rules["dir_okay"]) or (not stat.S_ISDIR(info.st_mode) and not rules["file_okay"]):
        raise Decline
    if rules["readable"] and not os.access(path, os.R_OK):
        raise Decline
    return path


def fold_json(values: dict[str, Any]) -> dict[str, Any]:
    """--json is short for --format json: the command sees only `fmt` (both paths fold it here)."""
    if values.get("as_json"):
        from .render import Format

        values["fmt"] = Format.json
    return values


def run(command: str, values: dict[str, Any]) -> int:
    """Call the command's function (a MineralsError it raises is the caller's, entry.quick, to report)."""
    from importlib import import_module

    module = import_module(f".commands.{command.replace('-', '_')}", __package__)
    module.command(**values)
    return 0


def show_version(out=None) -> int:
    """'minerals 0.1.0': the version of the installed package."""
    from importlib.metadata import PackageNotFoundError, version

    from .streams import write_out

    try:
        number = version("minerals")
    except PackageNotFoundError:  # run from a checkout that was never installed
        number = "unknown (not installed)"
    write_out(f"minerals {number}\n", out)
    return 0


def show_help(spec: dict[str, Any], command: Optional[str], out=None) -> int:
    """Write a help page with the facts of the data in use (--data-dir on the line is not read: help comes first)."""
    from . import data_dir
    from .helptext import page
    from .options import help_facts
    from .streams import write_out

    facts = help_facts(data_dir.chosen(None) or data_dir.shipped())
    write_out(page(spec, command, facts), out)
    return 0
