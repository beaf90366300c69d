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
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """How many critical minerals are 100% and over 50% import reliant, beside the counts USGS published.

    --sort, --top and --where choose the rows of the minerals table (and of
    the CSV); the counts are always those of the whole list."""
    from ..query import arrange
    from ..render import emit

    result = opt.open_data(data_dir).summary(edition=edition, list_id=list_id)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


def _check_cell(check) -> str:
    if check.published is None:
        return "no published figure"
    return "yes" if check.match else "NO"


# Notes of the result that explain method or list every reason at length: behind --sources (JSON has them all).
_FURTHER = ("unknown NIR", "leading source:", "no import source")


def view(r) -> View:
    """The two counts beside USGS's, the leading import sources, then one row per mineral; reasons behind --sources."""
    from ..results.base import Cited

    counts = Table(
        f"MCS {r.edition} (data year {r.data_year}), {r.list} list, {r.rule}: {r.units} units",
        ["count", "computed", "published", "match"],
        [["100% net import reliant", r.at_100.computed, r.at_100.published, _check_cell(r.at_100)],
         ["over 50% (additionally)", r.over_50.computed, r.over_50.published, _check_cell(r.over_50)]],
    )
    leading = Table("Leading import source", ["country", "code", "minerals", "of which >50% or 100%"],
                    [[c.name, c.country, c.count, c.count_over_50] for c in r.leading_sources])
    shown = "" if len(r.rows) == r.units else f": {len(r.rows)} of {r.units} shown"
    detail = Table(f"Minerals{shown}", ["mineral", "NIR", "basis", "counts as", "leading source", "code"],
                   [[row.name, row.published, row.basis, row.status, row.leading_source_name, row.leading_source]
                    for row in r.rows])
    notes = [n for n in r.notes if not n.startswith(_FURTHER)]
    if r.unknown:
        notes.append("unknown NIR, not counted: " + ", ".join(r.unknown))
    more = [f"100% net import reliant: {', '.join(r.at_100.minerals)}",
            f"over 50%: {', '.join(r.over_50.minerals)}"]
    more += [f"leading source {c.name}: {', '.join(c.minerals)}" for c in r.leading_sources]
    more += [n for n in r.notes if n.startswith(_FURTHER)]
    cited = [Cited(what=f"published counts, MCS {r.edition}", source=r.headline_source)] if r.headline_source else []
    return View([counts, leading, detail], notes, cited, more)
