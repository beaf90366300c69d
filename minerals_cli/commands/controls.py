"""`minerals controls`: which suppliers restrict exports of which minerals, on a date."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_country, complete_mineral
from ..render import Format, Table, View
from ..results.base import Cited

SHORT_HELP = "Export controls on minerals in force on a date, and what they cover."


def command(
    country: Annotated[Optional[str], opt.Option("--country", "-c", help="Only this country's measures: ISO code or name.",
                                                 autocompletion=complete_country)] = None,
    mineral: Annotated[Optional[str], opt.Option("--mineral", "-m", help="Only the measures on this mineral.",
                                                 autocompletion=complete_mineral)] = None,
    as_of: Annotated[Optional[str], opt.Option("--as-of", help="The date of the statuses (YYYY-MM-DD). Default: today.")] = None,
    edition: opt.EditionOpt = None,
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """Export controls on critical minerals: each measure with its status on a date, the minerals it covers, and
    the controlling country's share of U.S. imports and of world production of each.

    CSV and JSON lines give one record per measure; --sort, --top and --where work on its columns
    ('status=in force', 'kind~licensing', 'mineral_count>=5')."""
    from functools import partial

    from ..query import arrange
    from ..render import emit

    data = opt.open_data(data_dir)
    result = data.controls(country=country, mineral=mineral, as_of=as_of, edition=edition)
    emit(arrange(result, sort, top, reverse, where), partial(view, symbols=_symbols(data.data.minerals, result)), fmt,
         sources=sources)


def _symbols(minerals, result) -> dict[str, str]:
    """Each covered mineral's chemical symbol, where it has one: the short name a table cell can hold."""
    ids = {c.mineral for m in result.measures for c in m.minerals}
    if hasattr(minerals, "mineral"):
        found = {i: minerals.mineral(i) for i in ids}
    else:
        found = {m.id: m for m in minerals.minerals if m.id in ids}
    return {i: m.symbol for i, m in found.items() if m is not None and getattr(m, "symbol", None)}


def view(r, symbols: Optional[dict[str, str]] = None) -> View:
    """The measures in short cells (country, kind, status, minerals by symbol), then what the controlling countries
    supply; the measures' full names, scopes and status notes behind --sources, each measure cited."""
    from ..render.cells import shown

    symbols = symbols or {}
    cited = [Cited(what=f"export control: {m.measure}", source=m.source) for m in r.measures] + list(r.citations)
    ref = _reference_numbers(cited)
    rows = [[m.name, m.country, m.kind, m.status, m.suspended_until or m.lifted_on or "",
             ", ".join(symbols.get(c.mineral, c.mineral) for c in m.minerals) or "—", f"[{ref[m.source.source]}]"]
            for m in r.measures]
    tables = [Table(f"Export controls on {r.as_of} (source: the numbered reference below)",
                    ["country", "code", "kind", "status", "until", "minerals", "source"], rows)]
    supplied = _supplied(r.measures)
    if supplied:
        tables.append(Table("What the controlling countries supply (measures on the date)",
                            ["country", "code", "mineral", "import list", "share of U.S. imports %",
                             "share of world %", "measures"],
                            [[m.name, m.country, c.mineral, c.import_category or "—",
                              shown(c.import_share) if c.import_share else None, shown(c.world_share),
                              ", ".join(f"{n} {status}" for status, n in counts.items())]
                             for (m, c), counts in supplied]))
    china_row = [c for c in r.caveats if "aggregate" in c]
    notes = [c for c in r.caveats if c not in china_row]
    more = china_row + [f"{m.measure} ({m.name}, {m.id}): {m.title}; scope: {m.scope}; items: {m.items}"
                        + (f"; status: {m.status_note}" if m.status_note else "") for m in r.measures]
    more += [f"{m.measure}, {c.mineral}: {c.note}" for m in r.measures for c in m.minerals if c.note]
    return View(tables, notes, cited, more)


def _reference_numbers(cited) -> dict[str, int]:
    """The number each publication gets under the table: publications in the order first cited (render/evidence.py)."""
    numbers: dict[str, int] = {}
    for c in cited:
        numbers.setdefault(c.source.source, len(numbers) + 1)
    return numbers


def _supplied(measures) -> list:
    """(measure, covered mineral) once per country, mineral and share list, with its measures counted by status."""
    groups: dict[tuple, tuple] = {}
    for m in measures:
        for c in m.minerals:
            key = (m.country, c.mineral, c.import_category)
            first, counts = groups.setdefault(key, ((m, c), {}))
            counts[m.status] = counts.get(m.status, 0) + 1
    return list(groups.values())
