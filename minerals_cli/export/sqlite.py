"""Build the export database: every data file of a dataset as normalised SQLite tables (tables.py), and views.

The database is built in a temporary folder with the standard library's
sqlite3, foreign keys enforced while writing, and checked before it is
handed over (`PRAGMA foreign_key_check` must find nothing); the caller
writes its bytes to the user's file (writes.write_file), so a failed
export never leaves half a database behind.  A table `_minerals_export`
marks the file as ours: `is_export` recognises a previous export, the only
kind of existing file an export may replace.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from . import more_rows, rows
from .tables import FORMAT, MARK_TABLE, TABLES, TOOL, VIEWS, exposure_table, views_sql


class Built(NamedTuple):
    """The database's bytes and what it holds: (table, rows) and (view, rows), in the order they were created."""

    data: bytes
    tables: list[tuple[str, int]]
    views: list[tuple[str, int]]


def build(data, created_from: str, exposures: list, allies) -> Built:
    """The export of `data` (an opened Dataset), with the exposure analysis's results of its minerals."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="minerals-export-") as folder:
        path = Path(folder) / "export.db"
        db = sqlite3.connect(path)
        try:
            fill(db, data, created_from, exposures, allies)
            counts = contents(db)
        finally:
            db.close()
        return Built(path.read_bytes(), *counts)


def fill(db: sqlite3.Connection, data, created_from: str, exposures: list, allies) -> None:
    """Create the tables and views and insert every row, in one transaction checked for broken references."""
    from ..version import VERSION as __version__

    db.isolation_level = None  # transactions as written below, nothing implicit
    db.execute("PRAGMA foreign_keys = ON")
    db.executescript(TABLES + exposure_table() + views_sql())
    db.execute("BEGIN")
    try:
        db.execute("PRAGMA defer_foreign_keys = ON")  # a commodity's part_of, a list's previous_final: any order
        rows.insert(db, MARK_TABLE, tool=TOOL, version=__version__, format=FORMAT, created_from=created_from)
        insert_all(db, data, exposures, allies)
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            from ..errors import DataError

            raise DataError([f"export: {len(broken)} rows refer to rows the data does not hold, e.g. {broken[0]}"])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("VACUUM")


def insert_all(db: sqlite3.Connection, data, exposures: list, allies) -> None:
    cite = rows.Citations(db)
    minerals, imports = data.minerals, data.import_dependence
    rows.editions(db, cite, imports)
    rows.us_lists(db, cite, minerals)
    rows.commodities(db, cite, imports)
    rows.us_minerals(db, minerals)
    rows.countries(db, cite, data.countries)
    rows.targets(db, cite, data.targets)
    other = data.optional("other_lists")
    if other is not None:
        rows.other_lists(db, cite, other)
    for key, write in (("world", more_rows.world), ("controls", more_rows.controls), ("stats", more_rows.stats),
                       ("policy_prices", more_rows.policy_prices)):
        found = data.optional(key)
        if found is not None:
            write(db, cite, found)
    more_rows.exposures(db, exposures, allies)


def contents(db: sqlite3.Connection) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Each table's and view's row count, tables in the order they were created, then the views."""
    tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    counts = [(t, db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables]
    return counts, [(v, db.execute(f'SELECT count(*) FROM "{v}"').fetchone()[0]) for v in VIEWS]


def is_export(path: Path) -> bool:
    """True when the file is a database an export of this tool wrote (it has our mark); never changes the file."""
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return False
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return False
    try:
        found = db.execute(f"SELECT tool FROM {MARK_TABLE}").fetchall()
        return bool(found) and all(tool == TOOL for (tool,) in found)
    except sqlite3.Error:
        return False
    finally:
        db.close()
