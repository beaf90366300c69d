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
    _rows = "measures"  # one record per measure

    as_of: str = Field(description="the date the statuses are for")
    data_as_of: str = Field(description="the date of the data's own statuses")
    country: Optional[str]
    mineral: Optional[str]
    counts: dict[str, int] = Field(description="measures by status")
    measures: list[ControlResult]
    caveats: list[str]
    citations: list[Cited]

    def record_of(self, m: ControlResult) -> dict:
        """A measure with its status on the date asked, the minerals it covers (';'-joined ids) and its source."""
        from .records import joined

        return {"as_of": self.as_of, "id": m.id, "country": m.country, "country_name": m.name, "measure": m.measure,
                "kind": m.kind, "scope": m.scope, "effective": m.effective, "status": m.status,
                "status_note": m.status_note, "suspended_until": m.suspended_until, "lifted_on": m.lifted_on,
                "confidence": m.confidence, "minerals": joined([c.mineral for c in m.minerals]),
                "mineral_count": len(m.minerals), "title": m.title, "items": m.items, "source": m.source.source,
                "source_url": m.source.url}


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
