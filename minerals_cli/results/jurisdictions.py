"""Results of `minerals lists`, `list --list OTHER`, `diff` across jurisdictions and `compare`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

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
    jurisdiction: Optional[str] = Field(description="the filter, if one was given")
    count: int
    lists: list[CatalogueEntry]
    caveats: list[str]
    citations: list[Cited]


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


class CrossDiffResult(Result):
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
    lists: list[CompareList]
    sort: str
    count: int
    rows: list[CompareRow]
    caveats: list[str]
    citations: list[Citation]
