"""`minerals summary` and `minerals ingest-mcs`: headline counts and the USGS data-release ingester.

Commands only parse, call analysis or the ingester, and render; heavy
modules are imported inside the functions.
"""

from __future__ import annotations

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
        Optional[int],
        typer.Option(
            "--edition",
            "-e",
            help="MCS edition: 2024, 2025 or 2026 (default: the latest with figures).",
            autocompletion=complete_edition,
        ),
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
    lid = resolve_list(data.minerals, list_id) if list_id else None
    emit(summarize(data.minerals, data.trade, edition, lid), _summary_view, output_format(fmt, as_json))


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
    written: give --output FILE, or a data directory of your own with
    --data-dir or MINERALS_DATA_DIR.
    """
    from ..ingest import run
    from ..render import emit

    emit(run(files, edition, output, data_dir), _ingest_view, output_format(fmt, as_json))


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
