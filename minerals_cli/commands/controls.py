"""`minerals controls`: which suppliers restrict exports of which minerals, on a date."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_country, complete_mineral
from ..render import Format, Table, View

SHORT_HELP = "Export controls on minerals in force on a date, and what they cover."


def command(
    country: Annotated[Optional[str], opt.Option("--country", "-c", help="Only this country's measures: ISO code or name.",
                                                 autocompletion=complete_country)] = None,
    mineral: Annotated[Optional[str], opt.Option("--mineral", "-m", help="Only the measures on this mineral.",
                                                 autocompletion=complete_mineral)] = None,
    as_of: Annotated[Optional[str], opt.Option("--as-of", help="The date of the statuses (YYYY-MM-DD). Default: today.")] = None,
    edition: opt.EditionOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """Export controls on critical minerals: each measure with its status on a date, the minerals it covers, and
    the controlling country's share of U.S. imports and of world production of each."""
    from ..analysis.controls import controls
    from ..analysis.groups import country_names
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import resolve_country, resolve_date, resolve_edition, resolve_mineral

    data = open_dataset(data_dir)
    code = resolve_country(data.countries, country) if country else None
    found = resolve_mineral(data.minerals, mineral).id if mineral else None
    result = controls(data.controls, data.import_dependence, data.optional("world"), data.minerals,
                      country_names(data.countries), resolve_date(as_of), code, found,
                      resolve_edition(data.import_dependence, edition))
    emit(result, view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import shown, source_notes

    rows = [[m.name, m.measure, m.kind, m.scope, m.status + (f" ({m.status_note})" if m.status_note else ""),
             ", ".join(c.mineral for c in m.minerals) or "none of the list"] for m in r.measures]
    tables = [Table(f"Export controls on {r.as_of}", ["country", "measure", "kind", "scope", "status", "minerals"], rows)]
    covered = [[m.name, c.mineral, c.import_category or "—", shown(c.import_share) if c.import_share else None, shown(c.world_share), m.status]
               for m in r.measures for c in m.minerals]
    if covered:
        tables.append(Table("What the controlling countries supply", ["country", "mineral", "import list",
                                                                       "share of U.S. imports %", "share of world %",
                                                                       "status"], covered))
    return View(tables, r.caveats + source_notes(r.citations))
