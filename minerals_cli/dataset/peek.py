"""A quick look at a data file's raw YAML, for shell completion and help texts.

Both run where a failure must not show: TAB completion inside the user's
prompt, `--help` of a command.  So this parses (safely, within the same
limits) but never validates, and any problem gives None rather than an
error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional


def peek(directory: Path, key: str) -> Any:
    """The raw YAML of one data file of `directory`, or None when anything is wrong with it."""
    try:
        from . import FILES
        from .safe_yaml import read_yaml

        path = directory / FILES[key]
        return read_yaml(path) if path.is_file() else None
    except Exception:  # noqa: BLE001 - a prompt or a help page must never break
        return None


def records(doc: Any, key: str) -> list[dict]:
    """The mappings of a top-level list (`lists`, `editions`, `groups`...), skipping what has the wrong shape."""
    items = doc.get(key) if isinstance(doc, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def ids(directory: Path, key: str, section: str, field: str) -> Optional[list[str]]:
    """The values of `field` in one section of a file ('2018', '2022', ...), or None when unreadable."""
    doc = peek(directory, key)
    if doc is None:
        return None
    return [str(r[field]) for r in records(doc, section) if field in r]
