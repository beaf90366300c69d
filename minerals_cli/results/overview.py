"""Results of `minerals overview`: one row per mineral of a list, the figures of `exposure` side by side."""

from __future__ import annotations

from typing import Any, Literal, Optional

from .base import AllySet, Bounded, Cited, Field, PublishedNir, Result, TargetGap, TargetInfo


class OverviewRow(Result):
    """One mineral: its exposure figures (analysis/exposure.py), none worked out again."""

    mineral: str
    name: str
    commodity: Optional[str]
    reliance: Optional[PublishedNir] = Field(description="net import reliance as published; null without a record")
    top_source: list[str] = Field(description="ISO code(s) of the leading import source (exposure's `leading`): "
                                              "several on a tie, none where the lists cannot tell")
    top_source_name: Optional[str] = Field(description="its name; tied names joined with 'and'")
    top_source_from: Optional[Literal["shares", "ranked"]] = Field(
        description="'shares': the largest published share; 'ranked': first of Fig. 2's list (no share published)")
    top_share: Bounded = Field(description="its share of U.S. imports, %; unknown for a ranked list")
    china_share: Bounded = Field(description="China's share of U.S. imports, % (exposure's `china.share`): 0 to "
                                             "the 'Other' share where the list does not name China")
    china_named: Optional[bool] = Field(description="the share list names China; null without a share list")
    allied_share: Bounded = Field(description="(100 - NIR) + NIR x allied import share / 100, % of supply")
    hhi: Bounded = Field(description="HHI of import sources, 0-10,000; unknown without a share list")
    gaps: list[TargetGap] = Field(description="the gap to each target, percentage points of supply")
    china_world_share: Optional[Bounded] = Field(description="China's share of world production at `world_stage` "
                                                             "(exposure's `world.china`); null without world data")
    world_stage: Optional[str]
    world_year: Optional[int]
    controls_in_force: Optional[int] = Field(description="export controls in force on the mineral today; null "
                                                         "without export-control data")
    controls_unknown: Optional[int] = Field(description="those whose status today is unknown")
    unknown: list[str] = Field(description="what is not known, in words (exposure's `unknown`)")
    caveats: list[str] = Field(description="the mineral's own caveats (exposure's `caveats`)")


class OverviewResult(Result):
    list: str
    title: str
    edition: int = Field(description="MCS edition of the figures")
    allies: AllySet
    targets: list[TargetInfo]
    count: int = Field(description="minerals in `rows`")
    rows: list[OverviewRow] = Field(description="the list's minerals in file order (or as --sort, --where, --top "
                                                "leave them)")
    notes: list[str] = Field(description="notes on the targets (unverified figures)")
    caveats: list[str]
    citations: list[Cited] = Field(description="every citation of the minerals' exposures, each once")

    _rows = "rows"

    def record_of(self, row: OverviewRow) -> dict[str, Any]:
        """One flat record per mineral: numbers as numbers, unknown as None, each bounded figure in four columns."""
        from .records import bounded, joined, nir

        return {
            "mineral": row.mineral, "name": row.name, **nir(row.reliance),
            "top_source": joined(row.top_source) or None, "top_source_name": row.top_source_name,
            "top_source_from": row.top_source_from, **bounded("top_share", row.top_share),
            **bounded("china_share", row.china_share), "china_named": row.china_named,
            **bounded("allied_share", row.allied_share), **bounded("hhi", row.hhi),
            **{k: v for g in row.gaps for k, v in bounded(gap_column(g.value), g.gap).items()},
            **bounded("china_world_share", row.china_world_share), "world_stage": row.world_stage,
            "world_year": row.world_year, "controls": row.controls_in_force, "controls_unknown": row.controls_unknown,
            "edition": self.edition,
        }

    def replace(self, **changes: Any) -> "OverviewResult":
        """A copy with some fields changed; `count` follows the rows (--where and --top cut them)."""
        if "rows" in changes:
            changes["count"] = len(changes["rows"])
        return super().replace(**changes)


def gap_column(target: float) -> str:
    """The record column of the gap to a target: 'gap_50' for the 50% target, 'gap_62_5' for 62.5%."""
    return "gap_" + f"{target:g}".replace(".", "_")
