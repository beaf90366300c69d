"""Results of `minerals lists`, `list --list OTHER`, `diff` across jurisdictions and `compare`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

if TYPE_CHECKING:
    from ..dataset.schema import Citation
from .base import Cited, Field, Result


class CatalogueEntry(Result):
    id: str
    jurisdiction: str = Field(description="ISO 3166-1 alpha-2 (EU for the European Union; US for USGS and DOE)")
    series: str = Field(description="lists that succeed one another: us-usgs, us-doe, eu-critical, ca, ...")
    title: str
    published: str
    status: str = Field(description="final or draft")
    stated_count: int = Field(description="the count the list states")
    members: int = Field(description="the members the data holds")
    complete: bool = Field(description="false where the data lacks members: an absence is then unknown")
    count_note: Optional[str]
    citation: Citation


class CatalogueResult(Result):
    _rows = "lists"

    jurisdiction: Optional[str] = Field(description="the filter, if one was given")
    count: int
    lists: list[CatalogueEntry]
    caveats: list[str]
    citations: list[Cited]

    def record_of(self, x: CatalogueEntry) -> dict:
        """One list of the catalogue: its id, jurisdiction, date, counts and citation."""
        return {"id": x.id, "jurisdiction": x.jurisdiction, "series": x.series, "title": x.title,
                "published": x.published, "status": x.status, "stated_count": x.stated_count, "members": x.members,
                "complete": x.complete, "count_note": x.count_note, "source": x.citation.source,
                "url": x.citation.url}


class MemberRow(Result):
    name: str = Field(description="the entry as the list publishes it")
    minerals: list[str] = Field(description="mineral ids as compiled")
    covers: list[str] = Field(description="element-level mineral ids the entry covers")
    mapping: str = Field(description="exact, group, qualified or no-us-equivalent")
    qualifier: Optional[str] = Field(description="grade, form or element-vs-mineral wording")
    expanded: Optional[str] = Field(description="how a group the list does not enumerate was expanded")
    confidence: str = Field(description="V seen in a retrieved source; L low confidence")
    note: Optional[str]


class OtherListResult(Result):
    _rows = "members"

    list: str
    jurisdiction: str
    title: str
    published: str
    legal_basis: str
    stated_count: int
    count_note: Optional[str]
    complete: bool
    filters: dict[str, str]
    count: int = Field(description="members in the data (shown)")
    members: list[MemberRow]
    by_reference: list[str] = Field(description="U.S. lists taken in by reference")
    adds_to: Optional[str] = Field(description="the list this one adds members to")
    caveats: list[str]
    citation: Citation

    def record_of(self, m: MemberRow) -> dict:
        """One entry of the list as published, with the mineral ids it covers and how it maps to them."""
        from .records import joined

        return {"list": self.list, "jurisdiction": self.jurisdiction, "entry": m.name, "minerals": joined(m.minerals),
                "covers": joined(m.covers), "mapping": m.mapping, "qualifier": m.qualifier, "expanded": m.expanded,
                "confidence": m.confidence, "note": m.note}


class DiffEntry(Result):
    list: str = Field(description="the list that has the entry")
    entry: str = Field(description="the entry as published")
    minerals: list[str] = Field(description="the mineral ids of the entry the other list does not cover")
    mapping: str
    qualifier: Optional[str]
    partly: bool = Field(description="true where the other list covers some of the entry's minerals")


class KeptRow(Result):
    mineral: str
    old: list[str] = Field(description="the entries of the old list that cover it, as published")
    new: list[str] = Field(description="the entries of the new list that cover it, as published")
    how: str = Field(description="exact, qualified, group or by reference: the farther of the two sides")
    qualifier: Optional[str]


class GroupMatch(Result):
    list: str = Field(description="the list whose entry is a group")
    entry: str
    elements: list[str] = Field(description="its minerals that the other list names")
    missing: list[str] = Field(description="its minerals that the other list does not")


class CrossChange(Result):
    """One row of a diff across jurisdictions: an entry and what the other list makes of it."""

    entry: str = Field(description="the entry as published (kept: the entries of both lists, ' / '-joined)")
    change: Literal["added", "removed", "group", "kept", "unknown"] = Field(
        description="added: only on `new`; removed: only on `old`; group: a group entry matched to elements; "
        "unknown: an absence from an incomplete list")
    list: Optional[str] = Field(description="the list that has the entry; null for a mineral both lists have")
    minerals: list[str] = Field(description="the mineral ids concerned")
    how: str = Field(description="exact, qualified, group or by reference")
    qualifier: Optional[str]
    partly: Optional[bool] = Field(description="added/removed: the other list covers some of the entry's minerals")
    missing: list[str] = Field(description="group: its minerals the other list does not name")


class CrossDiffResult(Result):
    _rows = "rows"

    old: str
    new: str
    old_title: str
    new_title: str
    added: list[DiffEntry] = Field(description="entries of the new list with minerals the old one lacks")
    removed: list[DiffEntry] = Field(description="entries of the old list with minerals the new one lacks")
    kept: list[KeptRow]
    groups: list[GroupMatch] = Field(description="group entries matched to elements on the other side")
    unknown: list[DiffEntry] = Field(description="absences from an incomplete list: not known to be differences")
    counts: dict[str, int]
    caveats: list[str]
    citations: list[Citation]
    rows: list[CrossChange] = Field([], description="one row per entry or kept mineral, in the order removed, added, "
                                                    "group, kept, unknown: what --sort, --top and --where act on")

    def record_of(self, row: CrossChange) -> dict:
        from .records import joined

        return {"old": self.old, "new": self.new, "entry": row.entry, "change": row.change, "list": row.list,
                "minerals": joined(row.minerals), "how": row.how, "qualifier": row.qualifier, "partly": row.partly,
                "missing": joined(row.missing)}


class ElsewhereRow(Result):
    list: str
    jurisdiction: str
    title: str
    published: str
    entry: Optional[str] = Field(description="the list's entry that covers the mineral, as published; null if unknown")
    mapping: str = Field(description="exact, qualified, group, by reference, or unknown (an incomplete list)")
    qualifier: Optional[str] = Field(description="grade or form, where the entry gives one")
    citation: Citation


class CompareList(Result):
    id: str
    label: str = Field(description="the short column label of the table")
    title: str
    complete: bool


class CompareRow(Result):
    mineral: str
    name: str
    on_us_list: bool = Field(description="on any USGS list (2018, 2022, 2025)")
    lists: dict[str, Optional[str]] = Field(description="list id -> how it names the mineral; null if it does not, "
                                                         "'unknown' where the list is incomplete")
    count: int = Field(description="the number of the lists compared that name it")


class CompareResult(Result):
    _rows = "rows"

    lists: list[CompareList]
    sort: str
    count: int
    rows: list[CompareRow]
    caveats: list[str]
    citations: list[Citation]

    def record_of(self, row: CompareRow) -> dict:
        """One mineral: on how many of the lists it is (`lists`), then per list whether it names it and how.

        A list's column (`us_2025`, `eu_2023`: its label, lower case) is true or
        false, empty where the list is incomplete and cannot tell; `..._how`
        is how it names the mineral.
        """
        record = {"mineral": row.mineral, "name": row.name, "on_us_list": row.on_us_list, "lists": row.count}
        for x in self.lists:
            how = row.lists.get(x.id)
            column = x.label.lower().replace("-", "_")
            record[column] = None if how == "unknown" else how is not None
            record[f"{column}_how"] = None if how == "unknown" else how
        return record
