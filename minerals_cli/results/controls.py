"""Results of `minerals controls`: export controls on minerals and their status on a date (issue 14)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .base import Bounded, Cited, Field, Result

if TYPE_CHECKING:
    from ..dataset.schema import Citation


class CoveredMineral(Result):
    mineral: str
    commodity: Optional[str]
    import_category: Optional[str] = Field(description="the share list used: the form controlled where USGS splits by form")
    import_share: Optional[float] = Field(description="% of U.S. imports from the controlling country; null where unknown")
    world_stage: Optional[str] = Field(description="the world table of `world_share`")
    world_share: Bounded = Field(description="the controlling country's share of world production, %")


class ControlResult(Result):
    id: str
    country: str
    name: str
    measure: str
    title: str
    kind: str
    scope: str
    items: str
    effective: Optional[str]
    status: str = Field(description="on the date asked: in force, suspended, lifted, not yet in force or unknown")
    status_note: Optional[str]
    suspended_until: Optional[str]
    lifted_on: Optional[str]
    confidence: str = Field(description="V verified in a retrieved source; L low confidence")
    minerals: list[CoveredMineral]
    source: Citation


class ControlsResult(Result):
    as_of: str = Field(description="the date the statuses are for")
    data_as_of: str = Field(description="the date of the data's own statuses")
    country: Optional[str]
    mineral: Optional[str]
    counts: dict[str, int] = Field(description="measures by status")
    measures: list[ControlResult]
    caveats: list[str]
    citations: list[Cited]
