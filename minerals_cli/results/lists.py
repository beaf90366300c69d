"""Results of `minerals list` and `minerals diff`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

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
    list: str
    title: str
    status: str
    published: str
    filters: dict[str, str] = Field(description="the filters applied, as given")
    count: int
    minerals: list[MineralRow]
    citation: Citation


class Split(Result):
    entry: str = Field(description="the group entry of the older list")
    into: list[str] = Field(description="the minerals that replaced it on the newer list")


class DiffResult(Result):
    old: str
    new: str
    added: list[str]
    removed: list[str]
    kept: list[str]
    split: list[Split]
    merged: list[Split] = Field(description="a split seen backwards: elements of `old` that `new` lists as a group entry")
    counts: dict[str, int]
    citations: list[Citation]
