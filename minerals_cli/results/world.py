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

    def to_records(self) -> list[dict]:
        """One record per producer row of the production, reserves and capacity tables (which table: `stage`,
        `detail`, `year`); a mineral without a world table is one record of its names, the rest unknown."""
        tables = [t for t in (self.production, self.reserves, self.capacity) if t is not None]
        rows = [_producer_record(self, t, p) for t in tables for p in t.producers]
        return rows or [_producer_record(self, None, None)]


def _producer_record(r: WorldResult, t: Optional[WorldTable], p: Optional[Producer]) -> dict:
    """A producer's figure as printed and as a number (— is zero; W, NA, a bound: no number), and its world share."""
    from ..dataset.records import parse_world_value
    from .records import bounded

    amount = None
    if p is not None:
        value, qualifier, _, _ = parse_world_value(p.published)
        amount = value if qualifier in ("exact", "—") else None  # USGS prints — for zero
    return {"mineral": r.mineral, "name": r.name, "edition": r.edition, "stage": t.stage if t else None,
            "detail": t.detail if t else None, "year": t.year if t else None, "unit": t.unit if t else None,
            "rank": p.rank if p else None, "country": p.country if p else None,
            "country_name": p.name if p else None, "published": p.published if p else None, "amount": amount,
            "estimated": p.estimated if p else None, **bounded("share", p.share if p else None),
            "allied": p.allied if p else None}


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
