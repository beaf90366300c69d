"""`minerals country CODE`: every critical mineral the U.S. imports from one country."""

from __future__ import annotations

from typing import Annotated

from .. import options as opt
from ..completion import complete_country
from ..render import Format, Table, View

SHORT_HELP = "Every critical mineral imported from one country, ranked by exposure."


def command(
    country: Annotated[
        str,
        opt.Argument(help="A country: ISO code or name (CN, China, 'Congo (Kinshasa)').", autocompletion=complete_country,
                     metavar="COUNTRY"),
    ],
    list_id: opt.ListOpt = None,
    edition: opt.EditionOpt = None,
    data_dir: opt.DataDirOpt = None,
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """Every critical mineral the U.S. imports from one country, ranked by exposure.

    A country the data records no U.S. imports from (for the list and
    edition) is no match: a message and exit 1.  CSV and JSON lines carry
    one record per mineral row; --sort, --top and --where take its columns.
    """
    from ..query import arrange
    from ..render import emit

    result = opt.open_data(data_dir).country(country, list_id=list_id, edition=edition)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


def view(r) -> View:
    """The imports from the country, then its share of world production; a few notes, the rest behind --sources."""
    from ..render.cells import minerals_label, shown

    periods = sorted({x.period for x in r.rows})
    by_period = len(periods) > 1
    columns = ["mineral", *(["period"] if by_period else []), "share %", "rank", "NIR %", "exposure, pp", "leading"]
    rows = [[minerals_label(x), *([x.period] if by_period else []),
             shown(x.share_range) if x.share is not None else None, x.rank,
             x.reliance.published if x.reliance else None, shown(x.exposure), x.leading] for x in r.rows]
    edition = f" (MCS {r.edition})" if r.edition else ""
    title = (f"U.S. imports from {r.name} ({r.country}): {r.minerals_count} minerals of the {r.list} list"
             + (f", {periods[0]}" if periods and not by_period else "") + edition)
    tables = [Table(title, columns, rows)]
    if r.world_role:
        tables.append(_world_table(r, shown))
    return View(tables, _notes(r), r.citations, _more(r))


def _world_table(r, shown) -> Table:
    years = sorted({w.year for w in r.world_role})
    by_year = len(years) > 1
    return Table(f"{r.name} in world production" + ("" if by_year else f", {years[0]}"),
                 ["mineral", "stage", *(["year"] if by_year else []), "share of world %", "rank", "leads"],
                 [[w.commodity, w.stage, *([w.year] if by_year else []), shown(w.share), w.rank, w.leads]
                  for w in r.world_role])


def _notes(r) -> list[str]:
    """What changes how the rows read: the groups it belongs to, its export controls, figures not from MCS, ranks."""
    from ..render.cells import minerals_label

    notes = [f"member of: {', '.join(r.groups)}"] if r.groups else []
    if r.controls:
        counts: dict[str, int] = {}
        for c in r.controls:
            status = c.status.split(" (")[0].split(" until")[0]
            counts[status] = counts.get(status, 0) + 1
        notes.append(f"export controls by {r.name}: " + ", ".join(f"{n} {s}" for s, n in counts.items())
                     + f" (`minerals controls --country {r.country}`)")
    other = [f"{minerals_label(x)} ({x.reliance.basis}, {x.reliance.year})" for x in r.rows
             if x.reliance is not None and x.reliance.basis != "MCS NIR"]
    if other:
        notes.append("reliance not from MCS: " + ", ".join(other))
    if any(x.basis == "ranked" for x in r.rows):
        notes.append("share 'unknown': USGS ranks it among the import sources without printing shares, so the "
                     "exposure is unknown too")
    return notes


def _more(r) -> list[str]:
    more = []
    if r.leading_for:
        more.append(f"{r.name} is the leading import source for: " + ", ".join(r.leading_for))
    if r.leads_world_for:
        more.append(f"{r.name} leads world production of: " + ", ".join(r.leads_world_for))
    more += [f"world production of {w.commodity}: {w.detail}, {w.published} {w.unit}" for w in r.world_role]
    more += [f"export control: {c.measure} ({c.kind}, {c.scope}): {c.status}"
             + (f" ({c.status_note})" if c.status_note else "") + f"; on {', '.join(c.minerals) or 'none of the list'}"
             for c in r.controls]
    more += [f"reliance of {', '.join(x.minerals)}: {x.reliance.published} ({x.reliance.reason})" for x in r.rows
             if x.reliance is not None and x.reliance.value is None and x.reliance.reason]
    return more + r.caveats
