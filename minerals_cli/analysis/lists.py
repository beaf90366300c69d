"""`minerals list` and `minerals diff`: membership of the critical-minerals lists.

A 2018 group entry ("rare earth elements group") covered the elements that
the 2022 list names one by one, so coverage counts as membership: such an
element is neither new in 2022 nor added by a 2018→2022 diff, it is part of
a split.  The other way round, a group entry whose members a later list
names one by one is on that list through them: it was split, not delisted
(docs/design.md, "Vocabulary").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..results.lists import DiffChange, DiffResult, ListResult, MineralRow, Split
from .scope import latest_final, list_info

if TYPE_CHECKING:
    from ..dataset.schema import MineralsFile


def on_list(mineral, list_id: str) -> bool:
    """Named individually or covered by a group entry of that list."""
    return list_id in mineral.lists or list_id in mineral.covered_by


def named_through(data: MineralsFile, mineral, list_id: str) -> list[str]:
    """The minerals a group entry split into that a list names one by one, in `split_into` order."""
    if not mineral.split_into:
        return []
    named = {m.id for m in data.minerals if list_id in m.lists}
    return [i for i in mineral.split_into if i in named]


def delisted(data: MineralsFile, mineral) -> bool:
    """On an earlier final list but not on the latest one, neither itself nor through the members it split into."""
    latest = latest_final(data)
    finals = [e.id for e in data.lists if e.status == "final"]
    return (any(on_list(mineral, f) for f in finals) and not on_list(mineral, latest)
            and not named_through(data, mineral, latest))


def members(data: MineralsFile, list_id: str) -> list:
    """The minerals a list names individually, by name: the order `minerals list` shows them in."""
    return sorted((m for m in data.minerals if list_id in m.lists), key=lambda m: m.name)


def _row(m) -> MineralRow:
    return MineralRow(id=m.id, name=m.name, symbol=m.symbol, group=m.group, kind=m.kind, lists=list(m.lists))


def _previous_final(data: MineralsFile, list_id: str) -> str:
    """The final list before `list_id` (resolve.resolve_list_with_previous has checked there is one)."""
    prev = list_info(data, list_id).previous_final
    if prev is None:
        raise ValueError(f"list {list_id} has no earlier final list")
    return prev


def select(
    data: MineralsFile,
    list_id: str,
    new_in: Optional[str] = None,
    removed_in: Optional[str] = None,
    group: Optional[str] = None,
) -> ListResult:
    """The minerals of a list, or those a list added or dropped, optionally of one group.

    `group` is a mineral group as the data names it ('rare earth element');
    resolve.resolve_group turns what a user types into one.
    """
    filters: dict[str, str] = {}
    if new_in:
        list_id = new_in
        prev = _previous_final(data, new_in)
        chosen = [m for m in data.minerals if new_in in m.lists and not on_list(m, prev)]
        filters["new_in"] = f"{new_in} (not on {prev})"
    elif removed_in:
        list_id = removed_in
        prev = _previous_final(data, removed_in)
        split = {e.entry for e in _splits(data, prev, removed_in)}
        chosen = [m for m in data.minerals if prev in m.lists and not on_list(m, removed_in) and m.id not in split]
        filters["removed_in"] = f"{removed_in} (on {prev}, not on {removed_in})"
    else:
        chosen = members(data, list_id)
    if group is not None:
        chosen = [m for m in chosen if m.group == group]
        filters["group"] = group
    info = list_info(data, list_id)
    rows = sorted((_row(m) for m in chosen), key=lambda r: r.name)  # the order of members()
    return ListResult(
        list=info.id,
        title=info.title,
        status=info.status,
        published=info.published,
        filters=filters,
        count=len(rows),
        minerals=rows,
        citation=info.citation,
    )


def _splits(data: MineralsFile, old: str, new: str) -> list[Split]:
    """Group entries of `old` whose members `new` names one by one."""
    out = []
    for m in data.minerals:
        if old in m.lists and m.split_into and not on_list(m, new):
            into = named_through(data, m, new)
            if into:
                out.append(Split(entry=m.id, into=into))
    return out


def diff(data: MineralsFile, old: str, new: str) -> DiffResult:
    """What changed from list `old` to list `new`; group entries that split are not adds.

    Run backwards (2022 → 2018) the same change reads as a merge: the
    elements went back into their group entry.
    """
    splits = _splits(data, old, new)
    merges = _splits(data, new, old)
    in_split = {s.entry for s in splits + merges} | {i for s in splits + merges for i in s.into}
    added, removed, kept = [], [], []
    for m in data.minerals:
        if m.id in in_split:
            continue
        was, now = on_list(m, old), on_list(m, new)
        if now and not was:
            added.append(m.id)
        elif was and not now:
            removed.append(m.id)
        elif was and now:
            kept.append(m.id)
    added, removed, kept = sorted(added), sorted(removed), sorted(kept)
    rows = ([DiffChange(mineral=i, change="added", elements=[]) for i in added]
            + [DiffChange(mineral=i, change="removed", elements=[]) for i in removed]
            + [DiffChange(mineral=s.entry, change="split", elements=list(s.into)) for s in splits]
            + [DiffChange(mineral=s.entry, change="merged", elements=list(s.into)) for s in merges]
            + [DiffChange(mineral=i, change="kept", elements=[]) for i in kept])
    return DiffResult(
        old=old,
        new=new,
        added=added,
        removed=removed,
        kept=kept,
        split=splits,
        merged=merges,
        counts={
            "added": len(added), "removed": len(removed), "kept": len(kept), "split": len(splits), "merged": len(merges)
        },
        citations=[list_info(data, old).citation, list_info(data, new).citation],
        rows=rows,
    )
