"""Results of `minerals world`: who produces a mineral, and its world reserves and capacity (issue 13)."""

from __future__ import annotations

from typing import Optional

from .base import AllySet, Bounded, Cited, Field, Result


class Producer(Result):
    rank: int = Field(description="place by the figure printed; equal figures share a place")
    country: Optional[str] = Field(description="ISO code; null for 'Other countries'")
    name: str
    published: str = Field(description="the figure as printed, in the table's unit")
    estimated: bool
    share: Bounded = Field(description="% of the world total; a range where the total is rounded or unknown")
    allied: bool
    note: Optional[str]


class WorldTable(Result):
    """One world table of the chapter: a statistic for one year, by country."""

    stage: str = Field(description="mine, refinery, smelter, primary, production, capacity or reserves")
    detail: str = Field(description="the statistic as printed, e.g. 'Primary production'")
    section: str
    unit: str
    year: int
    total: Optional[str] = Field(description="USGS's world total as printed; null where it prints none")
    rounded: bool = Field(description="the world total is rounded: shares of it may pass 100")
    producers: list[Producer] = Field(description="largest first; unknown figures (W, NA) last")


class StageInfo(Result):
    stage: str
    detail: str
    unit: str
    years: list[int]


class WorldResult(Result):
    mineral: str
    name: str
    commodity: Optional[str]
    edition: Optional[int] = Field(description="MCS edition of the world tables")
    production: Optional[WorldTable] = Field(description="the production table asked for (default: the first the chapter prints, latest year)")
    china: Bounded = Field(description="China's share of that production, %")
    allies: AllySet
    allied_share: Bounded = Field(description="the allied countries' share of that production, %")
    hhi: Bounded = Field(description="sum of squared shares of named producers, 0-10,000")
    top3: Bounded = Field(description="the three largest named shares, %")
    reserves: Optional[WorldTable]
    capacity: Optional[WorldTable]
    stages: list[StageInfo] = Field(description="every world table USGS prints for the mineral")
    unknown: list[str]
    caveats: list[str]
    citations: list[Cited]


class OriginSource(Result):
    """An import source beside its share of world production at the stage USGS reports."""

    country: Optional[str] = Field(description="ISO code; null for 'Other'")
    name: str
    import_share: float = Field(description="% of U.S. imports")
    world_share: Bounded = Field(description="% of world production at `stage`; 0 where USGS records none")
    produces: Optional[bool] = Field(description="false: ships to the U.S. but USGS records no production at this stage")


class WorldOrigin(Result):
    """Who produces what the U.S. imports: the world table beside the import sources (exposure)."""

    stage: str
    detail: str
    year: int
    unit: str
    china: Bounded = Field(description="China's share of world production at `stage`, %")
    hhi: Bounded = Field(description="HHI of world producers, beside the import HHI")
    leaders: list[Producer] = Field(description="the three largest producers")
    sources: list[OriginSource]
    shippers_without_production: list[str] = Field(description="import sources with no recorded production at this stage")
    caveat: str


class WorldRole(Result):
    """A country's place in world production of one commodity (country)."""

    commodity: str
    minerals: list[str] = Field(description="minerals of the list whose figures these are")
    stage: str
    detail: str
    year: int
    published: str = Field(description="its figure as printed, in `unit`")
    unit: str
    share: Bounded = Field(description="% of world production at `stage`")
    rank: int
    leads: bool = Field(description="the largest producer")
