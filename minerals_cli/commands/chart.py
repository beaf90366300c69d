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
    sources: opt.SourcesOpt = False,
) -> None:
    """The net-import-reliance bar chart that opens each Mineral Commodity Summaries.

    One bar per commodity with a published figure, highest first, with the
    bound markers USGS prints (>N, <N), E for a net exporter and the leading
    import source; minerals without a figure are listed as unknown.
    """
    from functools import partial

    from ..dataset import FILES
    from ..errors import UsageError
    from ..render import emit
    from ..render.chart import write_bar_chart

    if svg is not None and str(svg) == "-" and fmt is not Format.table:
        raise UsageError("--svg - writes the picture to stdout; it cannot be combined with --json or --format")
    data = opt.open_data(data_dir)
    result = data.chart(edition=edition, list_id=list_id)
    if svg is not None:
        _save_svg(result, svg, inputs=[data.data.path(key) for key in FILES])
        if fmt is Format.table:
            return
    emit(result, view, fmt, table_writer=partial(write_bar_chart, full=sources), sources=sources)


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
    """The bars as a table (Markdown): label, figure as printed, bar length, leading source; unknowns after."""
    from ..render.chart import chart_sources

    def lead(x):
        s = x.leading_source
        return [s.name, s.country, s.published or s.percent] if s else [None, None, None]

    rows = [[b.label, b.published, b.value, b.bound or "", *lead(b)] for b in r.bars]
    rows += [[u.label, u.published, None, "", *lead(u)] for u in r.unknown]
    return View(
        [Table(r.title, ["label", "published", "bar", "bound", "leading source", "code", "share %"], rows)],
        list(r.notes), chart_sources(r), [f"unknown: {u.label}: {u.reason}" for u in r.unknown],
    )
