"""Results of `minerals stats`, and the value at risk that `scenario` adds to each row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from ..dataset.schema import Citation
from .base import Bounded, Cited, Field, Result


class StatPoint(Result):
    series: str = Field(description="id of the series in salient_statistics.yaml")
    detail: str = Field(description="the row as USGS prints it")
    unit: str
    year: int
    published: str = Field(description="as printed: a number, W, NA, E, —, a bound, a range or text")
    number: Optional[float] = Field(description="the published number; null for a code, a bound, a range or text")
    estimated: bool
    note: Optional[str] = None


class StatRow(Result):
    id: str
    chapter: str = Field(description="the MCS chapter of the row")
    product: str = Field(description="what the row is of, as USGS's Commodity column names it")
    statistic: str = Field(description="USGS's class: Production, Import, Export, Consumption, Price, Stock, ...")
    detail: str
    unit: str
    note: Optional[str] = Field(description="the note USGS prints on every year of the row")
    years: list[StatPoint]


class PolicyPriceRow(Result):
    id: str
    product: str
    kind: str = Field(description="e.g. price floor")
    value: float
    unit: str
    since: str
    term: Optional[str]
    verified: bool
    note: Optional[str]
    source: Citation
    beside: Optional[StatRow] = Field(None, description="USGS's price of the same product, year by year, where "
                                                        "the data has it")


class StatsResult(Result):
    # One CSV record per series and year; --sort/--where see the same columns (commands/stats.py hands the
    # query one row per point, then joins the points of a series that stay side by side).
    _rows = "series"

    mineral: str
    name: str
    commodity: Optional[str]
    edition: int
    chapters: list[str] = Field(description="the MCS chapters the series come from")
    chapter_notes: list[str] = Field(description="each chapter's own note on its data, e.g. the content basis")
    statistic: Optional[str] = Field(description="the --series filter, if one was given")
    series: list[StatRow]
    policy_prices: list[PolicyPriceRow] = Field(description="published policy prices (floors) of the commodity")
    unknown: list[str]
    citations: list[Cited]

    def to_records(self) -> list[dict]:
        """One record per series and year: the figure as published, its number (none for W, NA, a bound, a range or
        text) and whether USGS marks it estimated."""
        return [self.point_record(s, p) for s in self.series for p in s.years]

    def record_of(self, row: StatRow) -> dict:
        """The record of a row's first year: a row handed to --sort and --where holds one year (commands/stats.py)."""
        return self.point_record(row, row.years[0] if row.years else None)

    def point_record(self, s: StatRow, p: Optional[StatPoint]) -> dict:
        return {"mineral": self.mineral, "name": self.name, "edition": self.edition, "series": s.id,
                "chapter": s.chapter, "product": s.product, "statistic": s.statistic, "detail": s.detail,
                "unit": s.unit, "year": p.year if p else None, "published": p.published if p else None,
                "number": p.number if p else None, "estimated": p.estimated if p else None,
                "note": (p.note if p else None) or s.note}


class ValueAtRisk(Result):
    year: Optional[int] = Field(description="the year of the consumption and the price used")
    value: Bounded = Field(description="dollars a year of the supply at risk, with its bounds; unknown when not computed")
    unit: str
    consumption: Optional[StatPoint] = Field(description="the consumption figure used")
    price: Optional[StatPoint] = Field(description="the price used")
    conversion: Optional[str] = Field(description="the arithmetic, with the unit conversion")
    unknown: Optional[str] = Field(description="why the value is unknown, when it is")
