"""`minerals export --sqlite FILE`: every dataset as one SQLite database, with Datasette metadata beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

from .. import options as opt
from ..render import Format, Table, View

SHORT_HELP = "Every dataset as one SQLite database, with Datasette metadata."
SQLITE_FLAG = "--sqlite"
METADATA_NAME = "metadata.json"


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
    from .. import __version__
    from ..analysis.exposure import exposures
    from ..analysis.targets import stated_targets
    from ..dataset import FILES, open_dataset
    from ..errors import UsageError
    from ..export import metadata
    from ..export import sqlite as builder
    from ..options import ALLIES_FLAG
    from ..query import arrange
    from ..render import emit
    from ..resolve import ally_set
    from ..results.export import ExportResult, TableCount
    from ..writes import refuse_protected, write_file

    if output is None:
        raise UsageError(f"name the database to write with {SQLITE_FLAG} FILE", f"e.g. minerals export {SQLITE_FLAG} minerals.db")
    data = open_dataset(data_dir)
    inputs = [data.path(key) for key in FILES]
    meta_path = output.parent / METADATA_NAME
    for target in (output, meta_path):
        refuse_protected(target, Path(target).resolve(), inputs)
    replaced, existing_meta = _check_targets(output, meta_path, builder.is_export, metadata.read_ours)

    allies = ally_set(data.countries, None, given_with=ALLIES_FLAG)
    results = exposures(data.import_dependence, data.countries, list(data.minerals.minerals), allies=allies,
                        targets=stated_targets(data.targets), world=data.optional("world"),
                        controls=data.optional("controls"), stats=data.optional("stats"))
    built = builder.build(data, str(data.directory.resolve()), results, allies)
    write_file(output, built.data, inputs)
    write_file(meta_path, metadata.document(metadata.metadata(output, __version__, existing_meta)), inputs)
    holds = {name: words for name, (words, _) in metadata.TABLES.items()}
    counts = [TableCount(name=n, kind="table", rows=c, holds=holds.get(n, "")) for n, c in built.tables]
    counts += [TableCount(name=n, kind="view", rows=c, holds=holds.get(n, "")) for n, c in built.views]
    result = ExportResult(file=str(output), metadata=str(meta_path), data_dir=str(data.directory), version=__version__,
                          replaced=replaced, exposure_edition=next(r.edition for r in results if r.edition),
                          exposure_allies=allies.spec, tables=counts)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


def _check_targets(database: Path, meta_path: Path, is_export, read_ours) -> tuple[bool, Optional[dict]]:
    """Refuse an existing file that an export did not write; (a previous export is replaced, our metadata read)."""
    from ..errors import UsageError

    if database.exists() and not is_export(database):
        raise UsageError(f"{database} exists and is not an export of minerals; it is never overwritten",
                         f"name a new file with {SQLITE_FLAG}, or remove {database} first")
    existing = read_ours(meta_path) if meta_path.exists() else None
    if meta_path.exists() and existing is None:
        raise UsageError(f"{meta_path} exists and was not written by minerals; the export writes its Datasette "
                         f"metadata there and never overwrites another file",
                         f"write the database into another folder with {SQLITE_FLAG}, or move {meta_path} away")
    return database.exists(), existing


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    rows = [[t.name, t.kind, t.rows] for t in r.tables]
    verb = "replaced" if r.replaced else "wrote"
    notes = [f"{verb} {r.file}; Datasette metadata in {r.metadata}",
             f"serve it with: datasette {r.file} -m {r.metadata}",
             f"exposure figures: MCS {r.exposure_edition}, allies {r.exposure_allies} (the defaults of exposure)"]
    return View([Table(f"SQLite export of {r.data_dir}", ["table", "kind", "rows"], rows)], notes,
                more=[f"{t.name}: {t.holds}" for t in r.tables if t.holds])
