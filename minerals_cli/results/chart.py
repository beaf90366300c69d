"""Results of `minerals chart`: the bars of the net-import-reliance chart."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

if TYPE_CHECKING:
    from ..dataset.schema import Citation
from .base import Field, Result


class LeadingSource(Result):
    """The largest import source of a commodity, from the list the run uses for the chart's edition."""

    country: Optional[str] = Field(description="ISO code; null on a tie (the name then lists the tied countries)")
    name: str
    percent: Optional[float] = Field(description="share of U.S. imports; null where the data holds only the ranking")
    published: Optional[str] = Field(None, description="as printed where USGS gives a bound ('>99'); percent is the bound")
    period: str
    basis: Literal["shares", "ranked"] = Field(description="'shares' from Import Sources percentages, 'ranked' from Fig. 2 order")
    source: Optional[Citation] = Field(None, description="the share list or ranked list the leader is read from")


class ChartBar(Result):
    """One bar of the net-import-reliance chart: a commodity as USGS charts it."""

    commodity: str
    label: str
    minerals: list[str] = Field(description="the critical minerals of the list that this commodity's figure stands for")
    published: str = Field(description="as printed: '76', '>50', '<25', 'E'")
    value: float = Field(description="bar length in percent: the figure, the bound for >/<, 0 for E")
    qualifier: Literal["exact", ">", "<", "E"]
    bound: Optional[Literal["lower", "upper"]] = Field(description="'lower' for >N, 'upper' for <N")
    net_exporter: bool
    form: Optional[str]
    basis: str
    leading_source: Optional[LeadingSource] = Field(
        description="null when the edition gives no import source, or an incomplete list cannot tell the leader"
    )
    source: Citation


class ChartUnknown(Result):
    """A critical mineral the chart cannot draw, and why."""

    label: str
    minerals: list[str]
    commodity: Optional[str]
    published: Optional[str] = Field(description="'W' or 'NA' where printed; null where nothing is published")
    reason: str
    leading_source: Optional[LeadingSource] = Field(
        None, description="as for a bar: the leader of its share list, which needs no reliance"
    )


class ChartResult(Result):
    title: str
    edition: int
    data_year: int
    list: str  # the critical-minerals list charted (no Field(): `list` would shadow the type below)
    bars: list[ChartBar] = Field(description="sorted by value, highest first")
    unknown: list[ChartUnknown]
    notes: list[str]
    citation: Citation = Field(description="the MCS edition")
