"""`minerals validate DIR`: check a data directory, every problem with file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from .. import options as opt
from ..render import Format, Table, View

SHORT_HELP = "Check the data files of a directory and their references."


def command(
    directory: Annotated[
        Path,
        opt.Argument(
            help="A data directory (minerals_2025.yaml, import_dependence.yaml, country_groups.yaml, targets.yaml).",
            exists=True,
            file_okay=False,
            show_default=False,
        ),
    ],
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """Check every data file in DIRECTORY and the references between them; list every problem.

    Exit 0 when all files present are valid, 3 when any problem is found.
    Problems are printed as FILE:LINE: FIELD: MESSAGE.
    """
    from ..dataset.checks import validate_dir
    from ..errors import DataError
    from ..render import emit

    report = validate_dir(directory)
    emit(report, view, fmt, table_writer=write_report)
    if not report.valid:
        n = len(report.problems)
        raise DataError([f"{n} problem{'s' if n != 1 else ''} in {directory}"])


def write_report(report, out, terminal=None) -> None:
    """Compiler-style lines, so an editor or grep can jump to each problem (the data's control characters shown).

    A problem stays on one line, whatever its length (FILE:LINE: is what
    tools read); the summary lines after the problems wrap at 120.
    """
    import textwrap

    from ..render.cells import printable
    from ..render.text import PLAIN_WIDTH

    for p in report.problems:
        where = f"{p.file}:{p.line if p.line is not None else '?'}"
        out.write(printable(f"{where}: {p.field}: {p.message}" if p.field else f"{where}: {p.message}") + "\n")
    summary = []
    if report.valid:
        present = [f.file for f in report.files if f.present]
        summary.append(f"ok: {len(present)} data file{'s' if len(present) != 1 else ''} valid in {report.directory}: "
                       f"{', '.join(present)}")
    absent = [f.file for f in report.files if not f.present]
    if absent:
        summary.append(f"not present (commands that need them will say so): {', '.join(absent)}")
    if report.ignored:
        summary.append(f"ignored (not a data file name): {', '.join(report.ignored)}")
    for line in summary:
        for part in textwrap.wrap(printable(line), PLAIN_WIDTH, subsequent_indent="  ", break_long_words=False,
                                  break_on_hyphens=False):
            out.write(part + "\n")


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    rows = [[p.file, p.line, p.field or "", p.message] for p in r.problems]
    files = [[f.file, f.present, f.valid if f.present else "—", f.problems] for f in r.files]
    return View(
        [Table(f"Problems in {r.directory}", ["file", "line", "field", "problem"], rows),
         Table("Files", ["file", "present", "valid", "problems"], files)],
        [f"ignored: {', '.join(r.ignored)}"] if r.ignored else [],
    )
