"""Results of `minerals summary`: headline counts beside the published ones."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

if TYPE_CHECKING:
    from ..dataset.schema import Citation
from .base import Field, Result


class HeadlineCheck(Result):
    """One headline count: what the data gives, what USGS published, and whether they agree."""

    computed: int
    published: Optional[int] = Field(description="the count USGS published for this edition and list; null if none")
    match: Optional[bool] = Field(description="computed == published; null when nothing was published")
    minerals: list[str] = Field(description="the counted minerals (or 'rare earths' when counted as one group)")


class SummaryRow(Result):
    """One counted unit of a list: a mineral, or the rare-earths group under the group rule."""

    id: str
    name: str
    members: list[str] = Field(description="mineral ids this unit stands for")
    commodity: Optional[str]
    published: Optional[str] = Field(description="NIR as printed; null when the record is missing")
    value: Optional[float] = Field(description="the number (or bound) of `published`; E is 0; null if unknown")
    qualifier: Optional[str] = Field(description="exact, >, <, E, W or NA")
    basis: Optional[str] = Field(description="'MCS NIR' or 'EIA'")
    status: Literal["at 100", "over 50", "not over 50", "straddles 50", "unknown", "not MCS"] = Field(
        description="how the unit counts: a bound such as '>25' straddles 50 and is not counted"
    )
    reason: Optional[str] = Field(None, description="why the value is unknown")
    leading_source: Optional[str] = Field(
        description="ISO code of the leading import source; null on a tie or where an incomplete list cannot tell"
    )
    leading_source_name: Optional[str]
    leading_from: Optional[Literal["shares", "ranked"]] = Field(
        description="'shares' (largest published share) or 'ranked' (first of Fig. 2's ordered list)"
    )


class LeadingCount(Result):
    country: str = Field(description="ISO code")
    name: str
    count: int = Field(description="units of the list with this leading import source")
    count_over_50: int = Field(description="of those, units at 100% or over 50%")
    minerals: list[str]


class SummaryResult(Result):
    _rows = "rows"

    edition: int
    data_year: int
    list: str
    rule: Literal["lanthanides individually", "rare earths as one group"]
    units: int = Field(description="minerals (or groups) counted on the list")
    at_100: HeadlineCheck
    over_50: HeadlineCheck = Field(description="over 50% and below 100%, in addition to those at 100%")
    published_available: bool = Field(description="USGS published a count for this edition and list")
    match: Optional[bool] = Field(description="both counts match the published ones; null when none published")
    headline_source: Optional[Citation]
    leading_sources: list[LeadingCount]
    rows: list[SummaryRow]
    unknown: list[str] = Field(description="units whose NIR is unknown in this edition")
    notes: list[str]

    def record_of(self, row: SummaryRow) -> dict:
        """One counted unit: its reliance as printed and as a number, how it counts, its leading import source."""
        from .records import joined

        return {"edition": self.edition, "data_year": self.data_year, "list": self.list, "mineral": row.id,
                "name": row.name, "members": joined(row.members), "commodity": row.commodity, "nir": row.value,
                "nir_published": row.published, "nir_qualifier": row.qualifier, "nir_basis": row.basis,
                "status": row.status, "reason": row.reason, "leading_source": row.leading_source,
                "leading_source_name": row.leading_source_name, "leading_from": row.leading_from}
