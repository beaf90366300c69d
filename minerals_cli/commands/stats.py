"""`minerals stats NAME...`: the five-year U.S. salient statistics of a mineral's MCS chapter."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..analysis.stats import STATISTICS
from ..completion import complete_mineral
from ..options import help_defaults
from ..render import Format, Table, View

SHORT_HELP = "U.S. production, trade, consumption, stocks and prices, five years as USGS publishes them."
ALL_FLAG = "--all"


@help_defaults(list_id=f"the latest final list (with {ALL_FLAG})")
def command(
    names: Annotated[Optional[list[str]], opt.Argument(help="Minerals: names, symbols or aliases (several at once).",
                                                       autocompletion=complete_mineral, show_default=False)] = None,
    every: Annotated[bool, opt.Option(ALL_FLAG, help="Every mineral of the list (--list), in one run.")] = False,
    list_id: opt.ListOpt = None,
    series: Annotated[Optional[str], opt.Option("--series", "-s", help="Only one kind of row: " + ", ".join(STATISTICS)
                                                + ".")] = None,
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """The U.S. salient statistics of each mineral's MCS chapter: production, imports, exports, apparent
    consumption, stocks, prices and whatever else USGS publishes, year by year as published, with units; and the
    published policy prices (floors) beside USGS's price of the same product.

    CSV and JSON lines give one record per series and year (as published, its number, estimated or not);
    --sort, --top and --where work on those records ('year>=2024', 'statistic=Price'), for each mineral.
    """
    from ..render import emit

    found = opt.open_data(data_dir).stats(names or [], every=every, list_id=list_id, series=series)
    results = [arranged(r, sort, top, reverse, where) for r in found]
    emit(results if every or len(results) > 1 else results[0], view, fmt, sources=sources)


def arranged(r, sort, top, reverse, where):
    """The result with its points (series x year, the records) filtered, ordered and cut; the points of a series
    that stay side by side are one row again, so an unsorted filter keeps the table's shape."""
    from ..query import arrange

    if sort is None and top is None and not where and not reverse:
        return r
    points = r.replace(series=[s.replace(years=[p]) for s in r.series for p in s.years])
    rows: list = []
    for one in arrange(points, sort, top, reverse, where).series:
        if rows and rows[-1].id == one.id:
            rows[-1] = rows[-1].replace(years=rows[-1].years + one.years)
        else:
            rows.append(one)
    return r.replace(series=rows)


def view(r) -> View:
    """The series year by year as published, then the policy prices beside USGS's; the chapter's own notes on its
    data, the chapters cited."""
    from ..results.base import Cited

    years = sorted({v.year for s in r.series for v in s.years})
    several = len({s.product for s in r.series}) > 1
    rows = [[(f"{s.product}: " if several else "") + _label(s), _unit(s.unit), *(_cell(s, y) for y in years)]
            for s in r.series]
    title = f"{r.name}: U.S. salient statistics (MCS {r.edition}; e = estimated)"
    tables = [Table(title, ["series", "unit", *map(str, years)], rows)] if rows else []
    for p in r.policy_prices:
        beside = [["USGS: " + _label(p.beside), _unit(p.beside.unit), *(_cell(p.beside, y) for y in years)]] \
            if p.beside else []
        tables.append(Table(f"{p.kind}: {p.product}", ["price", "unit", *map(str, years)],
                            [[f"{p.kind} since {p.since}", _unit(p.unit),
                              *(p.value if y >= int(p.since[:4]) else "" for y in years)], *beside]))
    notes = list(r.chapter_notes) + [f"unknown: {u}" for u in r.unknown]
    more = [f"{s.detail}: {s.note}" for s in r.series if s.note]
    more += [f"{p.kind} {p.product}: {p.note}" for p in r.policy_prices if p.note]
    cited = list(r.citations) + [Cited(what=f"{p.kind}: {p.product}", source=p.source) for p in r.policy_prices]
    return View(tables, notes, cited, more)


# The units of the salient statistics, short: the full unit is in the CSV and JSON (`unit`).
UNITS = {"metric tons": "t", "thousand metric tons": "kt", "kilograms": "kg", "percent": "%",
         "dollars per kilogram": "$/kg", "dollars per metric ton": "$/t", "cents per pound": "cents/lb",
         "thousand metric dry tons": "kt dry", "dollars per pound": "$/lb", "dollars per troy ounce": "$/troy oz",
         "dollars per gram": "$/g", "million cubic meters": "million m3", "dollars per ton": "$/ton"}


def _unit(unit: str) -> str:
    return UNITS.get(unit, unit)


def _label(s) -> str:
    """The row as USGS prints it, without its unit where the row repeats it (the unit has its own column)."""
    return s.detail.replace(f", {s.unit}", "", 1) if f", {s.unit}" in s.detail else s.detail


def _cell(series, year: int) -> str:
    v = next((x for x in series.years if x.year == year), None)
    return "" if v is None else v.published + (" e" if v.estimated else "")
