"""Options every command shares, each declared once, and their help texts.

Help texts name the editions, lists and groups of the data (placeholders
`{editions}`, `{lists}`, `{groups}`, filled by cli.py when help is shown), and each option's default in `{default}`: the usual one below, or
the command's own (`help_defaults`).  Nothing heavy is imported here: this
module is loaded for every command, including `--help`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Callable, Optional

import typer

from . import data_dir
from .completion import complete_allies, complete_edition, complete_list
from .render import Format
from .resolve import DEFAULT_ALLIES

FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output format: table (terminal), json, csv or md.", case_sensitive=False),
]
# A command never reads --json itself: cli.MineralsCommand folds it into --format before the command runs.
JsonOpt = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
DataDirOpt = Annotated[
    Optional[Path],
    typer.Option(
        data_dir.OPTION,
        envvar=data_dir.ENV_VAR,
        help="Use the YAML files in this directory instead of the shipped data.",
        file_okay=False,
        show_default=False,
    ),
]
EditionOpt = Annotated[
    Optional[int],
    typer.Option(
        "--edition", "-e", help="MCS edition ({editions} in the data). Default: {default}.",
        autocompletion=complete_edition, show_default=False,
    ),
]
ListOpt = Annotated[
    Optional[str],
    typer.Option(
        "--list", "-l", help="Critical-minerals list: {lists}. Default: {default}.",
        autocompletion=complete_list, show_default=False,
    ),
]
ALLIES_FLAG = "--allies"  # also the words of a result that says how an ally set was given
AlliesOpt = Annotated[
    Optional[str],
    typer.Option(
        ALLIES_FLAG, "-a",
        help="Allied suppliers: group ids ({groups}) and ISO codes, comma-separated; 'none' for no allies. "
        "Default: {default}.",
        autocompletion=complete_allies, show_default=False,
    ),
]

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
    """What the help placeholders say of the data in `directory`; general words where it cannot be read."""
    from .dataset.peek import ids

    def listed(values: Optional[list[str]], fallback: str) -> str:
        return ", ".join(values) if values else fallback

    return {
        "editions": listed(ids(directory, "import_dependence", "editions", "edition"), "an edition of the data"),
        "lists": listed(ids(directory, "minerals", "lists", "id"), "a list of the data"),
        "groups": listed(ids(directory, "countries", "groups", "id"), "the groups of the data"),
    }


def fill_help(text: str, default: Optional[str], facts: dict[str, str]) -> str:
    """A help template with its placeholders filled; text without placeholders is returned as it is."""
    if "{" not in text:
        return text
    for key, value in {**facts, "default": default or ""}.items():
        text = text.replace("{" + key + "}", value)
    return text
