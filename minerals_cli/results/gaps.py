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
