"""The `minerals` Typer app: the declaration of every command, and the reader of every unusual command line.

One module per command under commands/, registered here.  Most runs never
import this module: entry.py first tries the quick path (argv.py), which
reads the command table this app describes (`describe`, written to
cli_spec.json by tools/cli_reference.py).  The app answers what that path
declines: mistakes (with their usage messages), shell completion, the
rare forms.  A MineralsError raised below becomes one line on stderr and
the exit code of docs/design.md ("Exit codes"), never a traceback.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, Callable, Optional, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

from .errors import MineralsError, OutputError, report
from .streams import silence_stdout

# Command name -> module under commands/ (the name with '-' as '_'), in the order `--help` lists them.
COMMANDS = ["list", "lists", "diff", "compare", "show", "summary", "overview", "ingest-mcs", "exposure", "revisions",
            "world", "stats", "controls", "country", "gaps", "scenario", "validate", "chart", "export"]
HELP = ("How dependent is the United States on imported critical minerals? "
        "Lists, net import reliance, import sources and the gaps to the 2030 goals, from USGS data.")


class MineralsGroup(TyperGroup):
    """Turns the project's own errors into a message and an exit code; a closed pipe into a quiet exit."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MineralsError as exc:
            raise typer.Exit(report(exc)) from None
        except BrokenPipeError:
            # The reader (head, less) went away: not an error of ours or the user's.
            silence_stdout()
            raise typer.Exit(0) from None

    def make_context(self, info_name, args, parent=None, **extra):
        """Options answered while the line is read (--install-completion) can fail on the user's files: exit 2."""
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except OSError as exc:
            where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
            raise typer.Exit(report(OutputError(f"cannot write{where}: {exc.strerror or exc}"))) from None

    def format_help(self, ctx, formatter) -> None:
        page = _help_page(None)
        return formatter.write(page) if page is not None else super().format_help(ctx, formatter)


class MineralsCommand(TyperCommand):
    """A command of minerals: --json folded into --format, help from the command table (helptext.py)."""

    def invoke(self, ctx):
        from .argv import fold_json

        fold_json(ctx.params)
        return super().invoke(ctx)

    def format_help(self, ctx, formatter) -> None:
        page = _help_page(ctx.info_name)
        return formatter.write(page) if page is not None else super().format_help(ctx, formatter)


def _help_page(command: Optional[str]) -> Optional[str]:
    """The page helptext.py writes for the quick path, so both paths show the same help.

    None when the command table cannot be read (a damaged install): then typer's own help is shown.
    """
    import io

    from .argv import load_spec, show_help

    spec, page = load_spec(), io.StringIO()
    if spec is None:
        return None
    show_help(spec, command, page)
    return page.getvalue()


def _show_version(asked: bool) -> None:
    """--version: the installed version, then exit (read before any command)."""
    if asked:
        from .argv import show_version

        show_version()
        raise typer.Exit(0)


def build_app(callbacks: Optional[dict[str, Callable]] = None) -> typer.Typer:
    """The app, each command's function from its module (or from `callbacks`, for tests that watch the calls).

    `SHORT_HELP` is each module's line in `minerals --help`.
    """
    app = typer.Typer(cls=MineralsGroup, name="minerals", help=HELP, no_args_is_help=True,
                      pretty_exceptions_enable=False, rich_markup_mode=None)

    @app.callback()
    def group(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.",
                                                    callback=_show_version, is_eager=True)] = False) -> None:
        """How dependent is the United States on imported critical minerals?"""

    for name in COMMANDS:
        module = import_module(f".commands.{name.replace('-', '_')}", __package__)
        callback = (callbacks or {}).get(name, module.command)
        app.command(name, cls=MineralsCommand, short_help=module.SHORT_HELP)(callback)
    return app


app = build_app()


# --------------------------------------------------------------------------
# The command table


def spec_text() -> str:
    """cli_spec.json as this app describes it (tools/cli_reference.py writes it; a test compares)."""
    import json

    return json.dumps(describe(), indent=1, ensure_ascii=False) + "\n"


def describe(application: typer.Typer = app) -> dict[str, Any]:
    """What the quick path and the help pages need of every command: the content of cli_spec.json."""
    import typer._click as click

    group = typer.main.get_command(application)
    root = click.Context(group, info_name="minerals")
    commands = {}
    for name in COMMANDS:
        command = group.get_command(root, name)
        context = click.Context(command, info_name=name, parent=root)
        module = import_module(f".commands.{name.replace('-', '_')}", __package__)
        commands[name] = {
            "usage": _usage(command.params),
            "help": command.help or "",
            "short_help": module.SHORT_HELP,
            "defaults": _help_defaults(module.command),
            "params": [*(_param(p, context) for p in command.params if not p.hidden), HELP_OPTION],
        }
    own = [_param(p, root) for p in group.params if not p.hidden]
    return {
        "format": 1,
        "group": {"usage": "[OPTIONS] COMMAND [ARGS]...", "help": HELP, "params": [*own, HELP_OPTION]},
        "commands": commands,
    }


# --help is answered before any command runs (argv.parse), so it is only ever a help line.
HELP_OPTION = {"name": "help", "kind": "help", "help_record": ["--help", "Show this message and exit."]}


def _help_defaults(callback: Callable) -> dict[str, str]:
    from .options import DEFAULTS

    return {**DEFAULTS, **getattr(callback, "help_defaults", {})}


# What a value is called in usage lines and help, by parameter name (otherwise the name in capitals):
# 'NAME...' and '--list LIST' read better than typer's '[names]...' and '--list <str>'.
METAVARS = {"names": "NAME", "list_id": "LIST", "data_dir": "DIR", "directory": "DIR", "files": "FILE",
            "output": "FILE", "world": "FILE", "stats": "FILE", "series": "KIND", "cut": "COUNTRY", "target": "PERCENT"}


def _metavar(param) -> str:
    return METAVARS.get(param.name, param.name.upper())


def _usage(params) -> str:
    """'[OPTIONS] NAME [NAME]...': each argument by its metavar, optional ones in brackets."""
    pieces = ["[OPTIONS]"]
    for p in params:
        if p.param_type_name != "argument" or p.hidden:
            continue
        word = _metavar(p)
        word = word if p.required else f"[{word}]"
        pieces.append(word + ("..." if p.nargs == -1 else ""))
    return " ".join(pieces)


def _help_term(param, record) -> list[str]:
    """The help line's term with a readable metavar ('--list LIST', 'NAME...') in place of typer's type names."""
    import re

    term, text = record
    if param.param_type_name == "argument":
        term = _metavar(param) + ("..." if param.nargs == -1 else "")
    else:
        term = re.sub(r" <[^>]*>$", " " + _metavar(param), term)
    return [term, text]


def _param(param, context) -> dict[str, Any]:
    info = param.type_descriptor.parameter_info
    annotation, many = _unwrap(param.type_descriptor.annotation)
    entry = {
        "name": param.name,
        "kind": "argument" if param.param_type_name == "argument" else "option",
        "opts": list(param.opts) if param.param_type_name == "option" else [],
        "secondary": list(param.secondary_opts),
        "flag": bool(getattr(param, "is_flag", False)),
        "multiple": bool(param.multiple),
        "nargs": param.nargs,
        "required": bool(param.required),
        "default": _plain(param.default),
        "envvar": param.envvar,
        "type": _type_name(annotation),
        "help_record": _help_term(param, param.get_help_record(context) or ("", "")),
    }
    if entry["type"] == "enum":
        entry.update(enum=f"{annotation.__module__}:{annotation.__qualname__}",
                     choices=[m.value for m in annotation], case_sensitive=bool(info.case_sensitive))
    if entry["type"] == "path":
        entry["path"] = {k: bool(getattr(info, k)) for k in
                         ("exists", "file_okay", "dir_okay", "readable", "writable", "resolve_path", "allow_dash")}
    return entry


def _unwrap(annotation) -> tuple[Any, bool]:
    """The value type inside Optional[...] and list[...], and whether it was a list."""
    many = False
    while get_origin(annotation) is not None:
        if get_origin(annotation) is list:
            many = True
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    return annotation, many


def _type_name(annotation) -> str:
    from enum import Enum

    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "enum"
    names = {str: "str", int: "int", float: "float", bool: "bool", Path: "path"}
    return names.get(annotation, f"unsupported: {annotation!r}")


def _plain(value: Any) -> Any:
    from enum import Enum

    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value
