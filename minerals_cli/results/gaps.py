"""Results of `minerals gaps`: allied shares, gaps to the targets, the autonomy rate."""

from __future__ import annotations

from typing import Optional

from .base import AllySet, Bounded, Cited, Field, PublishedNir, Result, TargetGap, TargetInfo


class MineralGapRow(Result):
    mineral: str
    name: str
    commodity: Optional[str]
    inherited: bool
    reliance: Optional[PublishedNir]
    domestic_share: Bounded
    allied_share: Bounded
    gaps: list[TargetGap]
    unknown: Optional[str] = Field(description="why the figures are unknown")


class AutonomyTarget(Result):
    target: str
    value: float
    baseline: Optional[float]
    verified: Optional[bool]
    gap: Bounded = Field(description="max(0, target - autonomy rate)")
    change_from_baseline: Optional[Bounded] = Field(
        description="unknown: the baseline is not in this tool's measure (see change_reason); null without a baseline"
    )
    change_reason: Optional[str] = Field(None, description="why change_from_baseline is unknown")


class AutonomyRate(Result):
    rate: Bounded = Field(description="mean domestic share, % (equal weight per mineral)")
    covered: int
    of: int
    excluded: list[str] = Field(description="minerals without a reliance figure")
    weights: str
    targets: list[AutonomyTarget]


class GapsResult(Result):
    """The autonomy rate of a list and each mineral's gaps.

    Records (CSV, JSON lines) are the mineral rows, one per mineral, each
    gap as bounded columns named by its target (`gap_50`, `met_50`); the
    autonomy figures are in the JSON only (`autonomy`).
    """

    _rows = "minerals"

    list: str
    title: str
    edition: Optional[int]
    allies: AllySet
    targets: list[TargetInfo]
    minerals: list[MineralGapRow] = Field(description="sorted by gap, largest first; unknown last")
    autonomy: AutonomyRate
    notes: list[str]
    caveats: list[str]
    citations: list[Cited]

    def record_of(self, row: MineralGapRow) -> dict:
        """One mineral: its reliance, domestic and allied shares, and each gap with whether the bounds settle it."""
        from .records import bounded, nir

        record = {"list": self.list, "edition": self.edition, "mineral": row.mineral, "name": row.name,
                  "commodity": row.commodity, "inherited": row.inherited, **nir(row.reliance),
                  **bounded("domestic_share", row.domestic_share), **bounded("allied_share", row.allied_share)}
        for g in row.gaps:
            key = target_column(g.value)
            record.update({**bounded(f"gap_{key}", g.gap), f"met_{key}": g.met})
        record["unknown"] = row.unknown
        return record


def target_column(value: float) -> str:
    """A target as a column name's part: 50 -> '50', 75.5 -> '75_5' (a name --where can take)."""
    return f"{value:g}".replace(".", "_")
