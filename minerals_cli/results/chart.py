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

    def to_records(self) -> list[dict]:
        """One record per bar: the figure as printed and as drawn, and the leading import source.

        `nir` is the bar's length (the bound for >N and <N, 0 for E, with
        `net_exporter`); minerals without a bar are in the JSON (`unknown`).
        """
        from .records import joined

        def lead(s: Optional[LeadingSource]) -> dict:
            return {"leading_source": s.country if s else None, "leading_source_name": s.name if s else None,
                    "leading_share": s.percent if s else None, "leading_share_published": s.published if s else None,
                    "leading_period": s.period if s else None, "leading_from": s.basis if s else None}

        return [{"edition": self.edition, "data_year": self.data_year, "list": self.list, "commodity": b.commodity,
                 "label": b.label, "minerals": joined(b.minerals), "nir": b.value, "nir_published": b.published,
                 "nir_qualifier": b.qualifier, "nir_bound": b.bound or "exact", "net_exporter": b.net_exporter,
                 "form": b.form, "basis": b.basis, **lead(b.leading_source)} for b in self.bars]
