"""`minerals stats NAME...`: the five-year U.S. salient statistics of a mineral's MCS chapter."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_mineral
from ..render import Format, Table, View

SHORT_HELP = "U.S. production, trade, consumption, stocks and prices, five years as USGS publishes them."
STATISTICS = ("production", "import", "export", "consumption", "price", "stock", "net import reliance", "employment",
              "shipment", "supply", "sales", "sold or used")


def command(
    names: Annotated[list[str], opt.Argument(help="Minerals: names, symbols or aliases (several at once).",
                                             autocompletion=complete_mineral)],
    series: Annotated[Optional[str], opt.Option("--series", "-s", help="Only one kind of row: " + ", ".join(STATISTICS)
                                                + ".")] = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """The U.S. salient statistics of each mineral's MCS chapter: production, imports, exports, apparent
    consumption, stocks, prices and whatever else USGS publishes, year by year as published, with units; and the
    published policy prices (floors) beside USGS's price of the same product."""
    from ..analysis.stats import stats
    from ..dataset import open_dataset
    from ..errors import UsageError
    from ..render import emit
    from ..resolve import resolve_mineral

    if series is not None and series.strip().lower() not in STATISTICS:
        raise UsageError(f"unknown kind of row {series!r}", "valid kinds: " + ", ".join(STATISTICS))
    data = open_dataset(data_dir)
    chosen = [resolve_mineral(data.minerals, name) for name in names]
    policy = data.optional("policy_prices")
    results = [stats(data.stats, m, policy, series.strip() if series else None) for m in chosen]
    emit(results if len(results) > 1 else results[0], view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import source_notes

    years = sorted({v.year for s in r.series for v in s.years})
    several = len({s.product for s in r.series}) > 1
    rows = [[(f"{s.product}: " if several else "") + s.detail, s.unit, *(_cell(s, y) for y in years)] for s in r.series]
    title = f"{r.name}: U.S. salient statistics (MCS {r.edition}; e = estimated)"
    tables = [Table(title, ["series", "unit", *map(str, years)], rows)] if rows else []
    for p in r.policy_prices:
        beside = [["USGS: " + p.beside.detail, p.beside.unit, *(_cell(p.beside, y) for y in years)]] if p.beside else []
        tables.append(Table(f"{p.kind}: {p.product}", ["price", "unit", *map(str, years)],
                            [[f"{p.kind} since {p.since}", p.unit,
                              *(p.value if y >= int(p.since[:4]) else "" for y in years)], *beside]))
    notes = list(r.chapter_notes) + [f"unknown: {u}" for u in r.unknown] + source_notes(r.citations)
    return View(tables, notes)


def _cell(series, year: int) -> str:
    v = next((x for x in series.years if x.year == year), None)
    return "" if v is None else v.published + (" e" if v.estimated else "")
