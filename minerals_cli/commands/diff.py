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
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """What changed between two lists: added, removed, kept, and group entries that split.

    Across jurisdictions (eu-2023-critical, ca-2024, ...) the lists are compared mineral by mineral: a group
    entry stands for its elements, a grade or form keeps its qualifier, an incomplete list's absences are unknown."""
    from ..analysis.jurisdictions import cross_diff, is_us_list
    from ..analysis.lists import diff
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import resolve_any_list

    dataset = open_dataset(data_dir)
    data = dataset.minerals
    a, b = (resolve_any_list(data, lambda: dataset.optional("other_lists"), x) for x in (old, new))
    if is_us_list(data, a) and is_us_list(data, b):
        emit(diff(data, a, b), view, fmt)
    else:
        emit(cross_diff(data, dataset.optional("other_lists"), a, b), view_across, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import citation_text

    rows = [[name, "added", ""] for name in r.added]
    rows += [[name, "removed", ""] for name in r.removed]
    rows += [[s.entry, "split", ", ".join(s.into)] for s in r.split]
    rows += [[s.entry, "merged", ", ".join(s.into)] for s in r.merged]
    rows += [[name, "kept", ""] for name in r.kept]
    counts = ", ".join(f"{v} {k}" for k, v in r.counts.items())
    return View(
        [Table(f"{r.old} → {r.new}: {counts}", ["mineral", "change", "elements"], rows)],
        ["sources: " + "; ".join(citation_text(c) for c in r.citations)],
    )


def view_across(r) -> View:
    """A diff where one list is another jurisdiction's: entries as published, groups and qualifiers as such."""
    from ..render.cells import citation_text

    rows = [[e.entry, f"only on {e.list}", ", ".join(e.minerals) + (" (part)" if e.partly else ""), e.qualifier or ""]
            for e in r.removed + r.added]
    rows += [[g.entry, f"group on {g.list}", ", ".join(g.elements), "missing: " + ", ".join(g.missing) if g.missing else ""]
             for g in r.groups]
    rows += [[" / ".join(dict.fromkeys(k.old + k.new)), "qualified match", k.mineral, k.qualifier or ""]
             for k in r.kept if k.how == "qualified"]
    rows += [[e.entry, f"unknown ({'new' if e.list == r.old else 'old'} list incomplete)", ", ".join(e.minerals), ""]
             for e in r.unknown]
    counts = ", ".join(f"{v} {k}" for k, v in r.counts.items())
    return View(
        [Table(f"{r.old} → {r.new}: {counts}", ["entry", "change", "minerals", "qualifier / note"], rows)],
        r.caveats + ["sources: " + "; ".join(citation_text(c) for c in r.citations)],
    )
