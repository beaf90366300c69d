"""The `minerals` Typer app: thin commands that parse, call analysis, render.

Command modules live in `commands/`; each registers its commands here.
The console script starts in entry.py, which imports this module only
when the output cache cannot answer.
A MineralsError raised anywhere below becomes one line on stderr and the
exit code of DESIGN.md, never a traceback.
"""

from __future__ import annotations

import typer
from typer.core import TyperGroup

from .entry import silence_stdout
from .errors import MineralsError


class MineralsGroup(TyperGroup):
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
