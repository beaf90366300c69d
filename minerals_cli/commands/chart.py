"""`minerals chart`: the net-import-reliance bar chart that opens each MCS edition."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

from .. import options as opt
from ..options import help_defaults
from ..render import Format, Table, View

SHORT_HELP = "The net-import-reliance bar chart that opens each MCS."


@help_defaults(list_id="the final list in force for the edition")
def command(
    edition: opt.EditionOpt = None,
    list_id: opt.ListOpt = None,
    svg: Annotated[
        Optional[Path],
        opt.Option("--svg", help="Write the chart as a standalone SVG picture to this file ('-' for stdout).",
                     dir_okay=False, show_default=False),
    ] = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """The net-import-reliance bar chart that opens each Mineral Commodity Summaries.

    One bar per commodity with a published figure, highest first, with the
    bound markers USGS prints (>N, <N), E for a net exporter and the leading
    import source; minerals without a figure are listed as unknown.
    """
    from ..analysis.chart import chart
    from ..dataset import FILES, open_dataset
    from ..errors import UsageError
    from ..render import emit
    from ..render.chart import write_bar_chart
    from ..resolve import resolve_edition, resolve_list

    data = open_dataset(data_dir)
    minerals, imports = data.minerals, data.import_dependence
    lid = resolve_list(minerals, list_id) if list_id else None
    result = chart(minerals, imports, resolve_edition(imports, edition), lid, how_to_choose=" (--list to change)")
    if svg is not None and str(svg) == "-" and fmt is not Format.table:
        raise UsageError("--svg - writes the picture to stdout; it cannot be combined with --json or --format")
    if svg is not None:
        _save_svg(result, svg, inputs=[data.path(key) for key in FILES])
        if fmt is Format.table:
            return
    emit(result, view, fmt, table_writer=write_bar_chart)


def _save_svg(result, target: Path, inputs: list[Path]) -> None:
    """The picture to stdout ('-') or to a file of the user's, never over the data it was drawn from."""
    from ..render.chart import svg_document
    from ..streams import warn, write_out
    from ..writes import write_file

    document = svg_document(result)
    if str(target) == "-":
        write_out(document)
        return
    write_file(target, document.encode("utf-8"), inputs=inputs)
    warn(f"wrote {target}: {len(result.bars)} bars, {len(result.unknown)} unknown, MCS {result.edition}")


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    rows = [
        [b.label, b.published, b.value, b.bound or "", b.leading_source.name if b.leading_source else None,
         b.leading_source.percent if b.leading_source else None, ", ".join(b.minerals)]
        for b in r.bars
    ]
    rows += [[u.label, u.published, None, "", u.leading_source.name if u.leading_source else None,
              u.leading_source.percent if u.leading_source else None, ", ".join(u.minerals)] for u in r.unknown]
    return View(
        [Table(r.title, ["label", "published", "bar", "bound", "leading source", "share", "minerals"], rows)],
        list(r.notes) + [f"unknown: {u.label}: {u.reason}" for u in r.unknown],
    )
