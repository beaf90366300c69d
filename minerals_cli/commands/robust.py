"""`minerals validate DIR` and `minerals chart`: checking user data, and the MCS bar chart.

Commands only parse, call data/analysis and render; heavy modules are
imported inside the functions so `--help` and completion stay fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..completion import complete_edition, complete_list
from ..options import DataDirOpt, FormatOpt, JsonOpt, output_format
from ..render import Format, Table, View


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
    app.command("chart")(chart)


def validate(
    directory: Annotated[
        Path,
        typer.Argument(
            help="A data directory (minerals_2025.yaml, import_dependence.yaml, country_groups.yaml, targets.yaml).",
            exists=True,
            file_okay=False,
            show_default=False,
        ),
    ],
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Check every data file in DIRECTORY and the references between them; list every problem.

    Exit 0 when all files present are valid, 3 when any problem is found.
    Problems are printed as FILE:LINE: FIELD: MESSAGE.
    """
    from ..data import validate_dir
    from ..render import emit

    report = validate_dir(directory)
    fmt = output_format(fmt, as_json)
    if fmt is Format.table:
        _write_report(report)
    else:
        emit(report, _report_view, fmt)
    if not report.valid:
        n = len(report.problems)
        typer.echo(f"minerals: error: {n} problem{'s' if n != 1 else ''} in {directory}", err=True)
        raise typer.Exit(3)


def _write_report(report) -> None:
    """Compiler-style lines, so an editor or grep can jump to each problem."""
    out = sys.stdout
    for p in report.problems:
        where = f"{p.file}:{p.line if p.line is not None else '?'}"
        out.write(f"{where}: {p.field}: {p.message}\n" if p.field else f"{where}: {p.message}\n")
    if report.valid:
        present = [f.file for f in report.files if f.present]
        out.write(f"ok: {len(present)} data file{'s' if len(present) != 1 else ''} valid in {report.directory}: {', '.join(present)}\n")
    absent = [f.file for f in report.files if not f.present]
    if absent:
        out.write(f"not present (commands that need them will say so): {', '.join(absent)}\n")
    if report.ignored:
        out.write(f"ignored (not a data file name): {', '.join(report.ignored)}\n")


def _report_view(r) -> View:
    rows = [[p.file, p.line, p.field or "", p.message] for p in r.problems]
    files = [[f.file, f.present, f.valid if f.present else "—", f.problems] for f in r.files]
    return View(
        [Table(f"Problems in {r.directory}", ["file", "line", "field", "problem"], rows),
         Table("Files", ["file", "present", "valid", "problems"], files)],
        [f"ignored: {', '.join(r.ignored)}"] if r.ignored else [],
    )


def chart(
    edition: Annotated[
        Optional[int],
        typer.Option("--edition", "-e", help="MCS edition year (default: the latest with figures).",
                     autocompletion=complete_edition, show_default=False),
    ] = None,
    list_id: Annotated[
        Optional[str],
        typer.Option("--list", "-l", help="Critical-minerals list (default: the final list in force for the edition).",
                     autocompletion=complete_list, show_default=False),
    ] = None,
    svg: Annotated[
        Optional[Path],
        typer.Option("--svg", help="Write the chart as a standalone SVG picture to this file ('-' for stdout).",
                     dir_okay=False, show_default=False),
    ] = None,
    data_dir: DataDirOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """The net-import-reliance bar chart that opens each Mineral Commodity Summaries.

    One bar per commodity with a published figure, highest first, with the
    bound markers USGS prints (>N, <N), E for a net exporter and the leading
    import source; minerals without a figure are listed as unknown.
    """
    from ..analysis.chart import chart as build_chart
    from ..data import open_dataset
    from ..errors import UsageError
    from ..render import emit, write_bar_chart
    from ..resolve import resolve_list

    data = open_dataset(data_dir)
    minerals, trade = data.minerals, data.trade
    lid = resolve_list(minerals, list_id) if list_id else None
    result = build_chart(minerals, trade, edition, lid)
    fmt = output_format(fmt, as_json)
    if svg is not None and str(svg) == "-" and fmt is not Format.table:
        raise UsageError("--svg - writes the picture to stdout; it cannot be combined with --json or --format")
    if svg is not None:
        _save_svg(result, svg)
        if fmt is Format.table:
            return
    if fmt is Format.table:
        write_bar_chart(result)
    else:
        emit(result, _chart_view, fmt)


def _save_svg(result, target: Path) -> None:
    from ..errors import UsageError
    from ..render import svg_document

    document = svg_document(result)
    if str(target) == "-":
        sys.stdout.write(document)
        return
    try:
        target.write_text(document, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    typer.echo(f"wrote {target}: {len(result.bars)} bars, {len(result.unknown)} unknown, MCS {result.edition}", err=True)


def _chart_view(r) -> View:
    rows = [
        [b.label, b.published, b.value, b.bound or "", b.leading_source.name if b.leading_source else None,
         b.leading_source.percent if b.leading_source else None, ", ".join(b.minerals)]
        for b in r.bars
    ]
    rows += [[u.label, u.published, None, "", None, None, ", ".join(u.minerals)] for u in r.unknown]
    return View(
        [Table(r.title, ["label", "published", "bar", "bound", "leading source", "share", "minerals"], rows)],
        list(r.notes) + [f"unknown: {u.label}: {u.reason}" for u in r.unknown],
    )
