"""`minerals summary`: headline counts of import reliance beside the counts USGS published."""

from __future__ import annotations

from .. import options as opt
from ..options import help_defaults
from ..render import Format, Table, View

SHORT_HELP = "How many minerals are 100% and over 50% import reliant."


@help_defaults(list_id="the one USGS counted that edition")
def command(
    edition: opt.EditionOpt = None,
    list_id: opt.ListOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """How many critical minerals are 100% and over 50% import reliant, beside the counts USGS published."""
    from ..analysis.summary import summarize
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import resolve_edition, resolve_list

    data = open_dataset(data_dir)
    lid = resolve_list(data.minerals, list_id) if list_id else None
    imports = data.import_dependence
    result = summarize(data.minerals, imports, resolve_edition(imports, edition), lid)
    emit(result, view, fmt)


def _check_cell(check) -> str:
    if check.published is None:
        return "no published figure"
    return "yes" if check.match else "NO"


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
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
