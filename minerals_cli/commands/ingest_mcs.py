"""`minerals ingest-mcs`: read USGS data-release files into import_dependence.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

from .. import options as opt
from ..options import help_defaults
from ..render import Format, Table, View

SHORT_HELP = "Write an edition's records from USGS MCS data-release files."


@help_defaults(edition="read from the file names")
def command(
    files: Annotated[list[Path], opt.Argument(help="USGS release files: MCSYYYY_Fig2_Net_Import_Reliance.csv, MCS2026_Commodities_Data.csv.", exists=True, dir_okay=False)],
    edition: opt.EditionOpt = None,
    output: Annotated[
        Optional[Path], opt.Option("--output", "-o", help="Write the updated import_dependence.yaml here.", dir_okay=False)
    ] = None,
    world: Annotated[
        Optional[Path],
        opt.Option("--world", "-w", help="Write the world production and reserves tables here (a Commodities file "
                   "has them; default: the data directory's world_production.yaml).", dir_okay=False),
    ] = None,
    stats: Annotated[
        Optional[Path],
        opt.Option("--stats", help="Write the U.S. salient statistics (production, trade, consumption, prices) here "
                   "(a Commodities file has them; default: the data directory's salient_statistics.yaml).",
                   dir_okay=False),
    ] = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """Read USGS MCS data-release files and write or update that edition's records.

    The records are merged into an existing import_dependence.yaml (the --output
    file if it exists, else the data directory's), keeping curated notes,
    reasons, other editions and headline counts.  The shipped data is never
    written: give --output FILE, or a data directory of your own with
    --data-dir (or its environment variable).
    """
    from ..ingest.run import run
    from ..render import emit

    emit(run(files, edition, output, data_dir, world, stats), view, fmt)


def view(r) -> View:
    """The files written and what went into them; warnings and the revised figures as notes (there is nothing to cite)."""
    c = r.counts
    written = [[r.output, "import dependence", c.reliance]]
    written += [[r.world_output, "world production", c.world_series]] if r.world_output else []
    written += [[r.stats_output, "salient statistics", c.stats_series]] if r.stats_output else []
    rows = [
        ["NIR records", c.reliance],
        ["ranked source lists", c.ranked_sources],
        ["share lists", c.import_shares],
        ["commodities created", c.commodities_created],
        ["rows skipped (not our commodities)", len(r.skipped)],
        ["earlier editions' figures the chapter series revise or fill", c.revisions],
    ]
    notes = [f"warning: {w}" for w in r.warnings]
    if c.revisions:
        notes.append(f"the chapter series revise or fill {c.revisions} figures of earlier editions, which keep their "
                     "own (each is listed under `revisions` in the JSON; `minerals revisions` shows them)")
    return View([Table(f"MCS {r.edition} (data year {r.data_year}) from {', '.join(r.kinds)}: files written",
                       ["file", "content", "records or series"], written),
                 Table("What the files gave", ["records", "count"], rows)], notes)
