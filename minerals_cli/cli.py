"""The `minerals` Typer app: one module per command under commands/, registered here.

A MineralsError raised anywhere below becomes one line on stderr and the
exit code of docs/design.md ("Exit codes"), never a traceback.  The
console script starts in entry.py, which imports this module only when the
output cache cannot answer.
"""

from __future__ import annotations

from importlib import import_module

import typer
from typer.core import TyperCommand, TyperGroup

from .errors import MineralsError
from .streams import silence_stdout

# Command name -> module under commands/ (the name with '-' as '_'), in the order `--help` lists them.
COMMANDS = ["list", "diff", "show", "summary", "ingest-mcs", "exposure", "country", "gaps", "scenario",
            "validate", "chart"]


class MineralsGroup(TyperGroup):
    """Turns the project's own errors into a message and an exit code; a closed pipe into a quiet exit."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MineralsError as exc:
            typer.echo(f"minerals: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            # The reader (head, less) went away: not an error of ours or the user's.
            silence_stdout()
            raise typer.Exit(0) from None


class MineralsCommand(TyperCommand):
    """A command of minerals: --json folded into --format, option help naming the data's editions and lists.

    The placeholders of options.py's help texts are filled only when help
    is shown, from the environment's data directory or the shipped data:
    click answers --help before it reads any other option, --data-dir too.
    """

    def invoke(self, ctx):
        if ctx.params.get("as_json"):
            from .render import Format

            ctx.params["fmt"] = Format.json
        return super().invoke(ctx)

    def format_help(self, ctx, formatter) -> None:
        from . import data_dir
        from .options import DEFAULTS, fill_help, help_facts

        templated = [p for p in self.params if "{" in (getattr(p, "help", None) or "")]
        if not templated:
            return super().format_help(ctx, formatter)
        facts = help_facts(data_dir.chosen(None) or data_dir.shipped())
        own = getattr(self.callback, "help_defaults", {})
        saved = [(p, p.help) for p in templated]
        try:
            for p in templated:
                p.help = fill_help(p.help, own.get(p.name, DEFAULTS.get(p.name)), facts)
            return super().format_help(ctx, formatter)
        finally:
            for p, text in saved:
                p.help = text


app = typer.Typer(
    cls=MineralsGroup,
    name="minerals",
    help="How dependent is the United States on imported critical minerals? "
    "Lists, net import reliance, import sources and the gaps to the 2030 goals, from USGS data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _register() -> None:
    """Each command module holds one command: its callback `command`, and `SHORT_HELP` where the docstring's
    first sentence would be cut (click stops at the first '. ', which 'U.S.' contains)."""
    for name in COMMANDS:
        module = import_module(f".commands.{name.replace('-', '_')}", __package__)
        app.command(name, cls=MineralsCommand, short_help=getattr(module, "SHORT_HELP", None))(module.command)


_register()
