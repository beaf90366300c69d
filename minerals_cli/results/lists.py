"""Results of `minerals list` and `minerals diff`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

if TYPE_CHECKING:
    from ..dataset.schema import Citation
from .base import Field, Result


class MineralRow(Result):
    id: str
    name: str
    symbol: Optional[str]
    group: Optional[str]
    kind: str
    lists: list[str] = Field(description="ids of the lists that name it individually")


class ListResult(Result):
    _rows = "minerals"

    list: str
    title: str
    status: str
    published: str
    filters: dict[str, str] = Field(description="the filters applied, as given")
    count: int
    minerals: list[MineralRow]
    citation: Citation

    def record_of(self, m: MineralRow) -> dict:
        """One mineral of the list: its id, name, symbol, group, kind and the U.S. lists that name it."""
        from .records import joined

        return {"list": self.list, "mineral": m.id, "name": m.name, "symbol": m.symbol, "group": m.group,
                "kind": m.kind, "lists": joined(m.lists)}


class Split(Result):
    entry: str = Field(description="the group entry of the older list")
    into: list[str] = Field(description="the minerals that replaced it on the newer list")


class DiffChange(Result):
    """One row of a diff of U.S. lists: a mineral or group entry and what happened to it."""

    mineral: str = Field(description="the mineral, or the group entry that split or merged")
    change: Literal["added", "removed", "split", "merged", "kept"]
    elements: list[str] = Field(description="of a split or merge: the minerals on the other side; else empty")


class DiffResult(Result):
    _rows = "rows"

    old: str
    new: str
    added: list[str]
    removed: list[str]
    kept: list[str]
    split: list[Split]
    merged: list[Split] = Field(description="a split seen backwards: elements of `old` that `new` lists as a group entry")
    counts: dict[str, int]
    citations: list[Citation]
    rows: list[DiffChange] = Field([], description="one row per mineral or entry, in the order added, removed, "
                                                   "split, merged, kept: what --sort, --top and --where act on")

    def record_of(self, row: DiffChange) -> dict:
        from .records import joined

        return {"old": self.old, "new": self.new, "mineral": row.mineral, "change": row.change,
                "elements": joined(row.elements)}
