"""Where the data is: the one answer every part of minerals uses.

`--data-dir` wins over the MINERALS_DATA_DIR environment variable, which
wins over the data shipped inside the package.  Commands, shell completion,
the validated store and ingest-mcs all ask here, so they cannot disagree about
which directory a run reads or which one is the package's own.

Standard library only, nothing done at import time: every run asks this
module, and an ordinary run never imports typer, pydantic or yaml.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional, Union

ENV_VAR = "MINERALS_DATA_DIR"
OPTION = "--data-dir"  # declared as a Typer option in options.py

PathLike = Union[str, Path]


def shipped() -> Path:
    """The data inside the installed package, or `data/` of a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent / "data"


def chosen(option: Optional[PathLike], environ: Mapping[str, str] = os.environ) -> Optional[Path]:
    """The directory the user named (option first, then the environment), or None for the shipped data."""
    if option is not None:
        return Path(option)
    named = environ.get(ENV_VAR)
    return Path(named) if named else None


def resolve(option: Optional[PathLike], environ: Mapping[str, str] = os.environ) -> Path:
    """The directory a run reads; a named directory that does not exist is the user's slip (exit 2)."""
    directory = chosen(option, environ)
    if directory is None:
        return shipped()
    if not directory.is_dir():
        from .errors import UsageError

        raise UsageError(f"data directory {directory} does not exist or is not a directory")
    return directory


def is_shipped_dir(directory: PathLike) -> bool:
    """True when `directory` is the shipped data directory, however it is named (links resolved)."""
    return Path(directory).resolve() == shipped().resolve()


def is_shipped(path: PathLike) -> bool:
    """True when the file `path` lies in the shipped data directory (the file's own link resolved too)."""
    return is_shipped_dir(Path(path).resolve().parent)
