"""`minerals summary` and `minerals ingest-mcs`: headline counts and the USGS data-release ingester.

Commands only parse, call analysis or the ingester, and render; heavy
modules are imported inside the functions.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..completion import complete_edition, complete_list
from ..options import DataDirOpt, FormatOpt, JsonOpt, output_format
from ..render import Format, Table, View


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
    app.command("ingest-mcs")(ingest_mcs)


def summary(
    edition: Annotated[
        Optional[int], typer.Option(
            "--edition", "-e", help="MCS edition: 2024, 2025 or 2026 (default: the latest).", autocompletion=complete_edition
        )
    ] = None,
    list_id: Annotated[
        Optional[str],
        typer.Option(
            "--list",
            "-l",
            help="Critical-minerals list to count (default: the one USGS used that edition).",
            autocompletion=complete_list,
        ),
    ] = None,
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """How many critical minerals are 100% and over 50% import reliant, beside the counts USGS published."""
    from ..analysis.summary import summarize
    from ..data import open_dataset
    from ..render import emit
    from ..resolve import resolve_list

    data = open_dataset(data_dir)
    trade = data.trade
    chosen = edition if edition is not None else max(e.edition for e in trade.editions)
    lid = resolve_list(data.minerals, list_id) if list_id else None
    emit(summarize(data.minerals, trade, chosen, lid), _summary_view, output_format(fmt, as_json))


def _check_cell(check) -> str:
    if check.published is None:
        return "no published figure"
    return "yes" if check.match else "NO"


def _summary_view(r) -> View:
    counts = Table(
        f"MCS {r.edition} (data year {r.data_year}), {r.list} list, {r.rule}: {r.units} units",
        ["count", "computed", "published", "match", "minerals"],
        [
            ["100% net import reliant", r.at_100.computed, r.at_100.published, _check_cell(r.at_100), r.at_100.minerals],
            ["over 50% (additionally)", r.over_50.computed, r.over_50.published, _check_cell(r.over_50), r.over_50.minerals],
        ],
    )
    leading = Table(
        "Leading import source",
        ["country", "name", "minerals", "of which >50% or 100%", "which"],
        [[c.country, c.name, c.count, c.count_over_50, c.minerals] for c in r.leading_sources],
    )
    detail = Table(
        "Minerals",
        ["mineral", "NIR", "basis", "counts as", "leading source"],
        [[row.name, row.published, row.basis, row.status, row.leading_source_name] for row in r.rows],
    )
    notes = list(r.notes)
    if r.headline_source:
        s = r.headline_source
        notes.append("published counts: " + ", ".join(p for p in (s.source, s.url) if p))
    return View([counts, leading, detail], notes)


def ingest_mcs(
    files: Annotated[list[Path], typer.Argument(help="USGS release files: MCSYYYY_Fig2_Net_Import_Reliance.csv, MCS2026_Commodities_Data.csv.", exists=True, dir_okay=False)],
    edition: Annotated[
        Optional[int], typer.Option("--edition", "-e", help="MCS edition of the files (default: read from the file names).")
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the updated import_dependence.yaml here.", dir_okay=False)
    ] = None,
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Read USGS MCS data-release files and write or update that edition's records.

    The records are merged into an existing import_dependence.yaml (the --output
    file if it exists, else the data directory's), keeping curated notes,
    reasons, other editions and headline counts.  The shipped data is never
    written: give --output FILE, or a data directory with --data-dir or
    MINERALS_DATA_DIR.
    """
    from ..errors import UsageError
    from ..render import emit

    target, base = _target(output, data_dir)
    if target is None:
        raise UsageError(
            "ingest-mcs writes no file without --output FILE or an explicit --data-dir DIR (or MINERALS_DATA_DIR)",
            "the data shipped with the package is never overwritten",
        )
    result = _ingest(files, edition, target, base)
    emit(result, _ingest_view, output_format(fmt, as_json))


def _target(output: Optional[Path], data_dir: Optional[Path]) -> tuple[Optional[Path], Optional[Path]]:
    """(file to write, file to start from): --output wins; else the explicit data directory's file."""
    from ..data import FILES, resolve_data_dir, shipped_data_dir

    explicit = data_dir or (Path(os.environ["MINERALS_DATA_DIR"]) if os.environ.get("MINERALS_DATA_DIR") else None)
    directory = resolve_data_dir(explicit) if explicit else None
    in_dir = directory / FILES["trade"] if directory else None
    if output is not None:
        shipped = shipped_data_dir() / FILES["trade"]
        if output.resolve() == shipped.resolve() and explicit is None:
            from ..errors import UsageError

            raise UsageError(f"--output {output} is the shipped data file, which ingest-mcs never writes",
                             "write elsewhere, or name the directory with --data-dir to update it on purpose")
        if output.exists():
            base = output
        elif in_dir is not None:
            base = in_dir
        else:
            base = shipped_data_dir() / FILES["trade"]
        return output, base
    if directory is None:
        return None, None
    return in_dir, in_dir


def _ingest(files: list[Path], edition: Optional[int], target: Path, base: Optional[Path]):
    from .. import ingest
    from ..data import read_yaml, validate_file
    from ..errors import DataError, UsageError
    from ..models import IngestCounts, IngestResult

    if base is not None and base.exists():
        doc = read_yaml(base) or ingest.empty_document()
        if not isinstance(doc, dict):
            raise DataError([f"{base}:1: expected a mapping with editions and commodities"])
        header = ingest.leading_comments(base.read_text(encoding="utf-8"))
    else:
        doc, header = ingest.empty_document(), ""
    batch = ingest.ingest(files, edition)
    merged, counts, warnings = ingest.merge(doc, batch)
    text = ingest.dump_yaml(merged, header)
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        validate_file("trade", tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return IngestResult(
        files=[str(f) for f in files],
        kinds=batch.kinds,
        edition=batch.edition,
        data_year=batch.data_year or batch.edition - 1,
        output=str(target),
        counts=IngestCounts(**counts),
        skipped=batch.skipped,
        warnings=batch.warnings + warnings,
    )


def _ingest_view(r) -> View:
    c = r.counts
    rows = [
        ["NIR records", c.reliance],
        ["ranked source lists", c.ranked_sources],
        ["share lists", c.import_shares],
        ["commodities created", c.commodities_created],
        ["rows skipped (not our commodities)", len(r.skipped)],
    ]
    notes = [f"wrote {r.output}"] + [f"warning: {w}" for w in r.warnings]
    return View([Table(f"MCS {r.edition} (data year {r.data_year}) from {', '.join(r.kinds)}", ["records", "count"], rows)], notes)
