"""Options every command shares, each declared once, and their help texts.

Help texts name the editions, lists and groups of the data (placeholders
`{editions}`, `{lists}`, `{groups}`, filled when help is shown, helptext.py),
and each option's default in `{default}`: the usual one below, or the
command's own (`help_defaults`).  Nothing heavy is imported here: this
module is loaded for every command; typer only when the app is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from . import data_dir
from .resolve import DEFAULT_ALLIES


def Option(*names: str, **settings: Any) -> Any:
    """typer.Option, imported only when the Typer app is built (annotations are evaluated then)."""
    import typer

    return typer.Option(*names, **settings)


def Argument(**settings: Any) -> Any:
    """typer.Argument, imported only when the Typer app is built."""
    import typer

    return typer.Argument(**settings)


ALLIES_FLAG = "--allies"  # also the words of a result that says how an ally set was given

# How a command-line user gives each choice the API asks for (api.API_WORDS): the words of results and messages.
CLI_WORDS = {"allies": ALLIES_FLAG, "cut": "--cut", "target": "--target", "every": "--all", "list": "--list"}


def open_data(data_dir):
    """The API over the data of `data_dir` (None: the shipped data), speaking of options as a command line gives them."""
    from .api import Minerals

    return Minerals(data_dir, CLI_WORDS)


SHARED = ("FormatOpt", "JsonOpt", "DataDirOpt", "EditionOpt", "ListOpt", "AnyListOpt", "AlliesOpt", "SourcesOpt",
          "SortOpt", "TopOpt", "ReverseOpt", "WhereOpt")


def _shared() -> dict[str, Any]:
    """The shared option declarations, built on first use: building them imports typer."""
    from typing import Annotated, Optional

    from .completion import complete_allies, complete_any_list, complete_edition, complete_list
    from .render import Format

    return {
        "FormatOpt": Annotated[
            Format,
            Option("--format", "-f", help="Output format: table (terminal), json, csv, jsonl (the CSV's records, "
                   "one JSON object a line) or md.", case_sensitive=False, metavar="FORMAT"),
        ],
        "SourcesOpt": Annotated[bool, Option("--sources", help="After the answer, every note and every full "
                                             "citation (JSON always has them).")],
        "SortOpt": Annotated[Optional[str], Option(
            "--sort", help="Order the rows by this column of the CSV records: numbers largest first, text A to Z; "
            "unknown last.", metavar="COLUMN", show_default=False)],
        "TopOpt": Annotated[Optional[int], Option("--top", help="Keep only the first N rows (after --sort).",
                                                  metavar="N", show_default=False)],
        "ReverseOpt": Annotated[bool, Option("--reverse", help="Turn the order round (smallest or Z first).")],
        "WhereOpt": Annotated[Optional[list[str]], Option(
            "--where", help="Keep the rows where COLUMN OP VALUE holds (OP: = != > >= < <= ~), e.g. "
            "'china_share>=50'; repeat to combine; an unknown never passes.", metavar="CONDITION",
            show_default=False)],
        # A command never reads --json itself: it is folded into --format before the command runs (argv.fold_json).
        "JsonOpt": Annotated[bool, Option("--json", help="Short for --format json.")],
        "DataDirOpt": Annotated[
            Optional[Path],
            Option(
                data_dir.OPTION,
                envvar=data_dir.ENV_VAR,
                help="Use the YAML files in this directory instead of the shipped data.",
                file_okay=False,
                show_default=False,
            ),
        ],
        "EditionOpt": Annotated[
            Optional[int],
            Option(
                "--edition", "-e", help="MCS edition ({editions} in the data). Default: {default}.",
                autocompletion=complete_edition, show_default=False,
            ),
        ],
        "ListOpt": Annotated[
            Optional[str],
            Option(
                "--list", "-l", help="Critical-minerals list: {lists}. Default: {default}.",
                autocompletion=complete_list, show_default=False,
            ),
        ],
        # `list` also reads other jurisdictions' lists; commands that compute on U.S. figures take ListOpt.
        "AnyListOpt": Annotated[
            Optional[str],
            Option(
                "--list", "-l", help="Critical-minerals list: {lists}, or another jurisdiction's (`minerals lists`). "
                "Default: {default}.",
                autocompletion=complete_any_list, show_default=False,
            ),
        ],
        "AlliesOpt": Annotated[
            Optional[str],
            Option(
                ALLIES_FLAG, "-a",
                help="Allied suppliers: group ids ({groups}) and ISO codes, comma-separated; 'none' for no allies. "
                "Default: {default}.",
                autocompletion=complete_allies, show_default=False,
            ),
        ],
    }


def __getattr__(name: str) -> Any:
    """The shared options of SHARED: built when the Typer app reads them.

    Command signatures name them as `opt.EditionOpt` in postponed annotations,
    so importing a command module (as every run does) costs nothing; only
    cli.py, building the Typer app, evaluates them.
    """
    if name not in SHARED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    shared = _shared()
    globals().update(shared)
    return shared[name]


# The default each shared option takes unless a command says otherwise, by parameter name.
DEFAULTS = {
    "edition": "the latest with figures",
    "list_id": "the latest final list",
    "allies": DEFAULT_ALLIES,
}


def help_defaults(**texts: str) -> Callable:
    """Mark a command whose shared options default differently, e.g. help_defaults(edition="read from the files")."""
    def mark(command: Callable) -> Callable:
        command.help_defaults = texts
        return command

    return mark


def help_facts(directory: Path) -> dict[str, str]:
    """What the help placeholders say of the data in `directory` (its validated form); general words where it cannot be read."""
    from .dataset import Dataset
    from .errors import MineralsError

    data = Dataset(directory)

    def listed(key: str, records: str, field: str, fallback: str) -> str:
        try:
            values = [str(r[field]) for r in getattr(data, key)[records]]
        except (MineralsError, OSError):
            values = []
        return ", ".join(values) if values else fallback

    return {
        "editions": listed("import_dependence", "editions", "edition", "an edition of the data"),
        "lists": listed("minerals", "lists", "id", "a list of the data"),
        "groups": listed("countries", "groups", "id", "the groups of the data"),
    }
