"""The `minerals` Typer app: thin commands that parse, call analysis, render.

Command modules live in `commands/`; each registers its commands here.
A MineralsError raised anywhere below becomes one line on stderr and the
exit code of DESIGN.md, never a traceback.
"""

from __future__ import annotations

import os
import sys

import typer
from typer.core import TyperGroup

from .errors import MineralsError


class MineralsGroup(TyperGroup):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MineralsError as exc:
            typer.echo(f"minerals: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


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
    from .commands import exposure, lists, robust, trade

    for module in (lists, trade, exposure, robust):
        module.register(app)


_register()


def main() -> None:
    """Console-script entry point: run the app, end quietly on a closed pipe."""
    try:
        app(prog_name="minerals")
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()


def _silence_stdout() -> None:
    """After the reader went away, point stdout at /dev/null so exit flushes quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
