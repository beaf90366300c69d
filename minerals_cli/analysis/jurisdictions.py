"""Other jurisdictions' lists beside the U.S. ones: the catalogue, one list, a diff across lists, the matrix.

Lists are compared mineral by mineral, at the level of the USGS ids
(docs/design.md, "Other jurisdictions' lists"): an entry that is a group
(the EU's heavy rare earths, Canada's rare earth elements) stands for its
elements, so a group on one side and its elements on the other match and
are reported as one group match, not as ten additions.  An entry that
names a grade or form ("lithium — battery grade", "coking coal") matches
its U.S. mineral and keeps its qualifier.  A list the data holds only in
part (UK 2024) cannot show that a mineral is absent: such absences are
unknown, never "not on the list".  The DOE list takes in the USGS 2022
list by reference and its 2025 notice adds to the 2023 list; both count.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

from ..results.base import Cited
from ..results.jurisdictions import (
    CatalogueEntry,
    CatalogueResult,
    CompareList,
    CompareResult,
    CompareRow,
    CrossChange,
    CrossDiffResult,
    DiffEntry,
    ElsewhereRow,
    GroupMatch,
    KeptRow,
    MemberRow,
    OtherListResult,
)

US = "US"
# How far a membership is from naming the mineral itself; the farther of two sides describes their match.
DISTANCE = {"exact": 0, "qualified": 1, "group": 2, "by reference": 3}


class Entry(NamedTuple):
    """One entry of a list as it applies to one mineral id."""

    name: str
    mapping: str
    qualifier: Optional[str]


class Listing(NamedTuple):
    """A list reduced to what comparing needs: its entries, and the ids each covers."""

    id: str
    title: str
    complete: bool
    entries: list[tuple[Entry, list[str]]]  # (entry, the mineral ids it covers), in the list's order
    citation: object

    def by_mineral(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {}
        for entry, ids in self.entries:
            for i in ids:
                out.setdefault(i, []).append(entry)
        return out


def other_index(other) -> dict:
    """Other jurisdictions' lists by id."""
    return {x.id: x for x in (other.lists if other is not None else [])}


def is_us_list(minerals, list_id: str) -> bool:
    return any(x.id == list_id for x in minerals.lists)


def listing(minerals, other, list_id: str) -> Listing:
    """Any list, U.S. or other, as entries and the mineral ids they cover."""
    if is_us_list(minerals, list_id):
        return _us_listing(minerals, list_id)
    x = other_index(other)[list_id]
    entries = [(Entry(m.name, m.mapping, m.qualifier), list(m.covers)) for m in x.members]
    if x.adds_to:
        entries += listing(minerals, other, x.adds_to).entries
    for ref in x.by_reference:
        us = _us_listing(minerals, ref)
        entries += [(Entry(f"by reference: {e.name} (USGS {ref} list)", "by reference", None), ids)
                    for e, ids in us.entries]
    return Listing(x.id, x.title, x.complete, entries, x.citation)


def _us_listing(minerals, list_id: str) -> Listing:
    """A U.S. list: each mineral it names, and each group entry with the elements it covered."""
    info = next(x for x in minerals.lists if x.id == list_id)
    entries = []
    for m in minerals.minerals:
        if list_id not in m.lists:
            continue
        name = m.listed_as.get(list_id, m.name)
        if m.kind == "group entry":
            covered = [x.id for x in minerals.minerals if x.covered_by.get(list_id) == m.id]
            entries.append((Entry(name, "group", None), covered or [m.id]))
        else:
            entries.append((Entry(name, "exact", None), [m.id]))
    return Listing(info.id, info.title, True, entries, info.citation)


# --------------------------------------------------------------------------
# minerals lists


def catalogue(minerals, other, jurisdiction: Optional[str] = None) -> CatalogueResult:
    """Every list the data holds, U.S. and other, with its stated count and whether the data has all of it."""
    rows = [CatalogueEntry(id=x.id, jurisdiction=US, series="us-usgs", title=x.title, published=x.published,
                           status=x.status, stated_count=x.count,
                           members=sum(1 for m in minerals.minerals if x.id in m.lists), complete=True,
                           count_note=None, citation=x.citation) for x in minerals.lists]
    rows += [CatalogueEntry(id=x.id, jurisdiction=x.jurisdiction, series=x.series, title=x.title, published=x.published,
                            status="final", stated_count=x.stated_count, members=len(x.members), complete=x.complete,
                            count_note=x.count_note, citation=x.citation) for x in (other.lists if other else [])]
    if jurisdiction is not None:
        rows = [r for r in rows if r.jurisdiction == jurisdiction]
    caveats = []
    if any(not r.complete for r in rows):
        caveats.append("An incomplete list holds only the members that could be found: absence from it is unknown, "
                       "not 'not critical'.")
    return CatalogueResult(jurisdiction=jurisdiction, count=len(rows), lists=rows, caveats=caveats,
                           citations=[Cited(what="other jurisdictions' lists (compiled)", source=other.source)]
                           if other is not None else [])


# --------------------------------------------------------------------------
# minerals list --list OTHER


def select_other(minerals, other, list_id: str, group: Optional[str] = None) -> OtherListResult:
    """The members of another jurisdiction's list as published, each with the mineral ids it covers."""
    x = other_index(other)[list_id]
    group_of = {m.id: m.group for m in minerals.minerals}
    members = [m for m in x.members if group is None or any(group_of.get(i) == group for i in m.covers)]
    rows = [MemberRow(name=m.name, minerals=list(m.minerals), covers=list(m.covers), mapping=m.mapping,
                      qualifier=m.qualifier, expanded=m.expanded, confidence=m.confidence, note=m.note)
            for m in members]
    return OtherListResult(
        list=x.id, jurisdiction=x.jurisdiction, title=x.title, published=x.published, legal_basis=x.legal_basis,
        stated_count=x.stated_count, count_note=x.count_note, complete=x.complete, filters={"group": group} if group else {},
        count=len(rows), members=rows, by_reference=list(x.by_reference), adds_to=x.adds_to,
        caveats=_list_caveats(x), citation=x.citation,
    )


def previous_in_series(other, list_id: str) -> Optional[str]:
    """The list of the same series published just before `list_id`, if any."""
    lists = other.lists if other is not None else []
    x = next((y for y in lists if y.id == list_id), None)
    earlier = [y for y in lists if x is not None and y.series == x.series and y.published < x.published]
    return max(earlier, key=lambda y: y.published).id if earlier else None


def _list_caveats(x) -> list[str]:
    out = []
    if not x.complete:
        out.append(f"Incomplete: the data holds {len(x.members)} of the {x.stated_count} members; absence from this "
                   "list is unknown, not 'not critical'.")
    elif x.stated_count != len(x.members):
        out.append(f"The list states {x.stated_count} members; the data holds {len(x.members)}: {x.count_note}.")
    if x.by_reference:
        out.append(f"The list also takes in, by reference, the USGS {', '.join(x.by_reference)} list, not shown here.")
    if x.adds_to:
        out.append(f"An addition to {x.adds_to}: together they make the list.")
    return out


# --------------------------------------------------------------------------
# minerals diff A B (not both U.S.)


def cross_diff(minerals, other, old: str, new: str) -> CrossDiffResult:
    """What one list has that the other has not, mineral by mineral, with groups and qualifiers reported as such."""
    a, b = listing(minerals, other, old), listing(minerals, other, new)
    in_a, in_b = a.by_mineral(), b.by_mineral()
    kept = [KeptRow(mineral=i, old=[e.name for e in in_a[i]], new=[e.name for e in in_b[i]], how=_how(in_a[i], in_b[i]),
                    qualifier=_qualifier(in_a[i] + in_b[i])) for i in sorted(in_a) if i in in_b]
    removed, unknown_a = _one_sided(a, in_b, b.complete)
    added, unknown_b = _one_sided(b, in_a, a.complete)
    groups = _group_matches(a, in_b) + _group_matches(b, in_a)
    return CrossDiffResult(
        old=old, new=new, old_title=a.title, new_title=b.title, added=added, removed=removed, kept=kept, groups=groups,
        unknown=unknown_a + unknown_b,
        counts={"added": len(added), "removed": len(removed), "kept": len(kept), "groups": len(groups),
                "qualified": sum(1 for k in kept if k.how == "qualified"), "unknown": len(unknown_a + unknown_b)},
        caveats=_diff_caveats(a, b),
        citations=[a.citation, b.citation],
        rows=_cross_rows(removed, added, groups, kept, unknown_a + unknown_b),
    )


def _cross_rows(removed, added, groups, kept, unknown) -> list[CrossChange]:
    """The diff as one table: each one-sided entry, group match, kept mineral and unknown absence."""
    def sided(e: DiffEntry, change: str) -> CrossChange:
        return CrossChange(entry=e.entry, change=change, list=e.list, minerals=list(e.minerals), how=e.mapping,
                           qualifier=e.qualifier, partly=e.partly, missing=[])

    return ([sided(e, "removed") for e in removed] + [sided(e, "added") for e in added]
            + [CrossChange(entry=g.entry, change="group", list=g.list, minerals=list(g.elements), how="group",
                           qualifier=None, partly=None, missing=list(g.missing)) for g in groups]
            + [CrossChange(entry=" / ".join(dict.fromkeys(k.old + k.new)), change="kept", list=None,
                           minerals=[k.mineral], how=k.how, qualifier=k.qualifier, partly=None, missing=[])
               for k in kept]
            + [sided(e, "unknown") for e in unknown])


def _closest(entries: list[Entry]) -> str:
    """How the list's nearest entry names the mineral (a list may name it itself and through a group).

    A mineral on no U.S. list (`no-us-equivalent`) that a list names is named exactly: the mapping kind
    says only that USGS has no id for it.
    """
    found = min((e.mapping for e in entries), key=lambda m: DISTANCE.get(m, 0))
    return "exact" if found == "no-us-equivalent" else found


def _how(left: list[Entry], right: list[Entry]) -> str:
    """The farther of the two sides' closest mappings: exact, qualified, group or by reference."""
    return max(_closest(left), _closest(right), key=lambda m: DISTANCE.get(m, 0))


def _qualifier(entries: list[Entry]) -> Optional[str]:
    found = [e.qualifier for e in entries if e.qualifier and e.mapping == "qualified"]
    return "; ".join(dict.fromkeys(found)) or None


def _one_sided(side: Listing, other_has: dict, other_complete: bool) -> tuple[list[DiffEntry], list[DiffEntry]]:
    """(entries of `side` with ids the other list lacks, the same where the other list is incomplete: unknown)."""
    rows = []
    for entry, ids in side.entries:
        missing = [i for i in ids if i not in other_has]
        if missing:
            rows.append(DiffEntry(list=side.id, entry=entry.name, minerals=missing, mapping=entry.mapping,
                                  qualifier=entry.qualifier, partly=len(missing) < len(ids)))
    return (rows, []) if other_complete else ([], rows)


def _group_matches(side: Listing, other_has: dict) -> list[GroupMatch]:
    """Group entries of `side` whose elements the other list names: one match each, not one row per element."""
    out = []
    for entry, ids in side.entries:
        if entry.mapping != "group" or len(ids) < 2:
            continue
        matched = [i for i in ids if i in other_has]
        if matched:
            out.append(GroupMatch(list=side.id, entry=entry.name, elements=matched,
                                  missing=[i for i in ids if i not in other_has]))
    return out


def _diff_caveats(a: Listing, b: Listing) -> list[str]:
    out = ["Compared mineral by mineral at the level of the USGS ids: a group entry stands for its elements, and a "
           "grade or form (battery grade, coking coal) matches its mineral with the qualifier kept."]
    for x in (a, b):
        if not x.complete:
            out.append(f"{x.id} is incomplete in the data: what it seems to lack is listed under `unknown`, "
                       "not as a difference.")
    return out


# --------------------------------------------------------------------------
# minerals show NAME: the lists of other jurisdictions that name it


def elsewhere(minerals, other, mineral_id: str) -> list[ElsewhereRow]:
    """Every other jurisdiction's list that covers the mineral (entry, mapping, qualifier); 'unknown' for an
    incomplete list that does not show it."""
    rows = []
    for x in (other.lists if other is not None else []):
        found = next((e for e, ids in listing(minerals, other, x.id).entries if mineral_id in ids), None)
        if found is not None or not x.complete:
            rows.append(ElsewhereRow(list=x.id, jurisdiction=x.jurisdiction, title=x.title, published=x.published,
                                     entry=found.name if found else None,
                                     mapping=found.mapping if found else "unknown",
                                     qualifier=found.qualifier if found else None, citation=x.citation))
    return rows


def extension_as_mineral(extension):
    """An extension entry in the shape of a mineral record: on no U.S. list, no commodity."""
    from ..dataset.records import Record

    return Record(id=extension.id, name=extension.name, symbol=extension.symbol, group=None, kind=extension.kind,
                  aliases=[], lists=[], listed_as={}, covered_by={}, split_into=[], commodity=None,
                  notes=[extension.note])


# --------------------------------------------------------------------------
# minerals compare


def default_lists(minerals, other) -> list[str]:
    """The latest final U.S. list and the latest list of each other series."""
    us = [x for x in minerals.lists if x.status == "final"]
    out = [max(us, key=lambda x: x.published).id] if us else []
    latest: dict[str, object] = {}
    for x in (other.lists if other is not None else []):
        if x.series not in latest or x.published > latest[x.series].published:
            latest[x.series] = x
    return out + [x.id for x in latest.values()]


def compare(minerals, other, list_ids: list[str], sort: str = "lists") -> CompareResult:
    """Minerals x lists: how each list names each mineral, and on how many of them it is."""
    listings = [listing(minerals, other, i) for i in list_ids]
    us_ids = {m.id for m in minerals.minerals}
    names = {m.id: m.name for m in minerals.minerals}
    names.update({e.id: e.name for e in (other.extensions if other is not None else [])})
    on = [x.by_mineral() for x in listings]
    rows = []
    for i in sorted({i for x in on for i in x}):
        marks = {x.id: (_closest(members[i]) if i in members else (None if x.complete else "unknown"))
                 for x, members in zip(listings, on)}
        rows.append(CompareRow(mineral=i, name=names.get(i, i), on_us_list=i in us_ids, lists=marks,
                               count=sum(1 for v in marks.values() if v not in (None, "unknown"))))
    rows.sort(key=(lambda r: r.name) if sort == "name" else (lambda r: (-r.count, r.name)))
    return CompareResult(
        lists=[CompareList(id=x.id, label=label_of(x.id), title=x.title, complete=x.complete) for x in listings],
        sort=sort, count=len(rows), rows=rows,
        caveats=["Each cell is how the list names the mineral: exact, qualified (a grade or form), group (an entry "
                 "covering several minerals) or by reference; 'unknown' where the list is incomplete in the data."],
        citations=[x.citation for x in listings],
    )


def label_of(list_id: str) -> str:
    """A short column label: 'EU-2023' for eu-2023-critical, 'AU-2024-S' for au-2024-strategic, 'US-2025' for 2025."""
    if list_id[:1].isdigit():
        return f"US-{list_id}"
    return list_id.replace("-critical", "").replace("-strategic", "-S").replace("-stockpile", "-stock").upper()
