"""`minerals export --sqlite FILE`: every dataset as one SQLite database, with Datasette metadata beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

from .. import options as opt
from ..render import Format, Table, View

SHORT_HELP = "Every dataset as one SQLite database, with Datasette metadata."
SQLITE_FLAG = "--sqlite"


def command(
    output: Annotated[  # named `output` for its FILE metavar (cli.METAVARS); the option is --sqlite
        Optional[Path],
        opt.Option(SQLITE_FLAG, help="Write the SQLite database to this file (and metadata.json for Datasette "
                   "beside it); only a previous export is replaced.", dir_okay=False, show_default=False),
    ] = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
) -> None:
    """Write every dataset as one SQLite database of normalised tables, and a Datasette metadata.json beside it.

    Minerals and list membership, lists, citations, reliance by edition,
    import share lists, ranked sources, countries and groups, targets, the
    world tables, export controls and salient statistics, and the exposure
    figures of every mineral; views for the common questions.  Serve it with
    `datasette FILE -m metadata.json`.
    """
    from ..errors import UsageError
    from ..query import arrange
    from ..render import emit

    if output is None:
        raise UsageError(f"name the database to write with {SQLITE_FLAG} FILE", f"e.g. minerals export {SQLITE_FLAG} minerals.db")
    result = opt.open_data(data_dir).export_sqlite(output)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    rows = [[t.name, t.kind, t.rows] for t in r.tables]
    verb = "replaced" if r.replaced else "wrote"
    notes = [f"{verb} {r.file}; Datasette metadata in {r.metadata}",
             f"serve it with: datasette {r.file} -m {r.metadata}",
             f"exposure figures: MCS {r.exposure_edition}, allies {r.exposure_allies} (the defaults of exposure)"]
    return View([Table(f"SQLite export of {r.data_dir}", ["table", "kind", "rows"], rows)], notes,
                more=[f"{t.name}: {t.holds}" for t in r.tables if t.holds])
