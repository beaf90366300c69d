"""`minerals diff A B`: what changed between two lists."""

from __future__ import annotations

from typing import Annotated

from .. import options as opt
from ..completion import complete_any_list
from ..render import Format, Table, View

SHORT_HELP = "What changed between two lists: added, removed, kept, split."


def command(
    old: Annotated[str, opt.Argument(help="The older list: {lists}, or another jurisdiction's (`minerals lists`).",
                                     autocompletion=complete_any_list)],
    new: Annotated[str, opt.Argument(help="The newer list.", autocompletion=complete_any_list)],
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """What changed between two lists: added, removed, kept, and group entries that split.

    Across jurisdictions (eu-2023-critical, ca-2024, ...) the lists are compared mineral by mineral: a group
    entry stands for its elements, a grade or form keeps its qualifier, an incomplete list's absences are unknown."""
    from ..query import arrange
    from ..render import emit
    from ..results.jurisdictions import CrossDiffResult

    result = opt.open_data(data_dir).diff(old, new)
    shown = view_across if isinstance(result, CrossDiffResult) else view
    emit(arrange(result, sort, top, reverse, where), shown, fmt, sources=sources)


def _cited(r) -> list:
    """Each list's citation, named by the list it is the source of."""
    from ..results.base import Cited

    return [Cited(what=f"list {i}", source=c) for i, c in zip((r.old, r.new), r.citations)]


def _title(r) -> str:
    counts = ", ".join(f"{v} {k}" for k, v in r.counts.items())
    shown = len(r.rows)
    return f"{r.old} -> {r.new}: {counts}" + ("" if shown == _all_rows(r) else f" ({shown} rows shown)")


def _all_rows(r) -> int:
    """How many rows the whole diff has (--top and --where may show fewer)."""
    c = r.counts
    if "split" in c:
        return c["added"] + c["removed"] + c["kept"] + c["split"] + c["merged"]
    return c["added"] + c["removed"] + c["groups"] + c["kept"] + c["unknown"]


def view(r) -> View:
    """One row per mineral of either U.S. list: added, removed, split, merged or kept."""
    rows = [[x.mineral, x.change, ", ".join(x.elements)] for x in r.rows]
    return View([Table(_title(r), ["mineral", "change", "elements"], rows)], [], _cited(r))


def view_across(r) -> View:
    """A diff where one list is another jurisdiction's: entries as published, groups and qualifiers as such.

    `change` is the records' word (added: only on the new list; removed: only
    on the old one; a group or an unknown says whose entry it is): short
    cells, so the entries and qualifiers as published keep their room.
    """
    def minerals(x) -> str:
        """A group's elements are each a kept row of their own: here, only how many match and which are missing."""
        if x.change != "group":
            return ", ".join(x.minerals)
        return f"{len(x.minerals)} named" + (f"; not: {', '.join(x.missing)}" if x.missing else "")

    def change(x) -> str:
        side = " (old)" if x.list == r.old else " (new)"
        return x.change + (" (part)" if x.partly else side if x.change in ("group", "unknown") else "")

    rows = [[x.entry, change(x), minerals(x), x.how, x.qualifier or ""] for x in r.rows]
    more = [f"{x.entry} (group on {x.list}) names " + ", ".join(x.minerals) for x in r.rows if x.change == "group"]
    # The first caveat says how lists are compared (a method note); the others that a list is incomplete.
    return View([Table(_title(r), ["entry", "change", "minerals", "how", "qualifier"], rows)],
                r.caveats[1:], _cited(r), r.caveats[:1] + more)
