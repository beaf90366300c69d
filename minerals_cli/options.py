"""Options every command shares, so each takes them the same way.

Nothing heavy is imported here: this module is loaded for every command,
including `--help`, and start-up time is a feature.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .render import Format

FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output format: table (terminal), json, csv or md.", case_sensitive=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
DataDirOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--data-dir",
        envvar="MINERALS_DATA_DIR",
        help="Use the YAML files in this directory instead of the shipped data.",
        file_okay=False,
        show_default=False,
    ),
]


def output_format(fmt: Format, as_json: bool) -> Format:
    return Format.json if as_json else fmt
