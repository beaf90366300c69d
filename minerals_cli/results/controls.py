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
    import_share: Optional[Bounded] = Field(description="% of U.S. imports (of `import_category`) from the controlling "
                                             "country, a range where it may be inside 'Other'; null without a share list")
    world_stage: Optional[str] = Field(description="the world table of `world_share`")
    world_share: Bounded = Field(description="the controlling country's share of world production, %")
    note: Optional[str] = Field(None, description="where the form controlled differs from the form the share is of")


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


class ControlLink(Result):
    """An export control as another view shows it: exposure, country, show."""

    id: str
    country: str
    name: str
    measure: str
    kind: str
    scope: str
    status: str = Field(description="on the date of `as_of` of the view (today by default)")
    status_note: Optional[str]
    minerals: list[str] = Field(description="the minerals it covers (in exposure: the one asked about)")
    role: Optional[str] = Field(None, description="exposure: 'import source', 'world producer' or both")
    import_share: Optional[float] = Field(None, description="exposure: % of U.S. imports from the country")
    world_share: Optional[Bounded] = Field(None, description="exposure: the country's share of world production")
    source: Citation
