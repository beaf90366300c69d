"""`minerals list`: the critical minerals of a list, or those a list added or dropped."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_list
from ..render import Format, Table, View

SHORT_HELP = "The critical minerals of a list (by default the latest final)."


def command(
    list_id: opt.AnyListOpt = None,
    new_in: Annotated[
        Optional[str], opt.Option("--new-in", help="Minerals on this list that the previous final list did not have.", autocompletion=complete_list)
    ] = None,
    removed_in: Annotated[
        Optional[str], opt.Option("--removed-in", help="Minerals of the previous final list that this list dropped.", autocompletion=complete_list)
    ] = None,
    group: Annotated[Optional[str], opt.Option("--group", "-g", help="Only one group: ree or pgm.")] = None,
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """List the critical minerals of a list (the latest final list by default)."""
    from ..errors import UsageError
    from ..query import arrange
    from ..render import emit
    from ..results.jurisdictions import OtherListResult

    if new_in and removed_in:
        raise UsageError("--new-in and --removed-in cannot be combined")
    result = opt.open_data(data_dir).list(list_id, new_in=new_in, removed_in=removed_in, group=group)
    shown = view_other if isinstance(result, OtherListResult) else view
    emit(arrange(result, sort, top, reverse, where), shown, fmt, sources=sources)


def _shown(count: int, rows: list, what: str) -> str:
    """'60 minerals', or '10 of 60 minerals shown' when --top or --where kept fewer rows."""
    return f"{count} {what}" if len(rows) == count else f"{len(rows)} of {count} {what} shown"


def view_other(r) -> View:
    """Another jurisdiction's list: its members as published, what each maps to, and how."""
    from ..results.base import Cited

    title = f"{r.list}: {r.title} ({r.jurisdiction}, {r.published}): {_shown(r.count, r.members, 'members')}" + (
        "" if r.complete else f"; the list states {r.stated_count} (incomplete)")
    rows = [[m.name, ", ".join(m.covers), m.mapping, m.qualifier or ""] for m in r.members]
    more = [f"{m.name}: {m.expanded}" for m in r.members if m.expanded]
    more += [f"{m.name}: {m.note}" for m in r.members if m.note]
    return View([Table(title, ["entry as published", "minerals", "mapping", "qualifier"], rows)], r.caveats,
                [Cited(what=f"list {r.list}", source=r.citation)], more)


def view(r) -> View:
    """The minerals of the list, one a row; its Federal Register notice as the source."""
    from ..results.base import Cited

    title = f"{r.title} ({r.published}): {_shown(r.count, r.minerals, 'minerals')}"
    if r.filters:
        title += " - " + "; ".join(f"{k.replace('_', ' ')} {v}" for k, v in r.filters.items())
    rows = [[m.name, m.symbol or "—", m.group or "—", ", ".join(m.lists)] for m in r.minerals]
    return View([Table(title, ["mineral", "symbol", "group", "lists"], rows)], [],
                [Cited(what=f"list {r.list}", source=r.citation)])
