"""Results of `minerals country`: every mineral imported from one country."""

from __future__ import annotations

from typing import Literal, Optional

from .base import Bounded, Cited, Field, FigureLevel, PublishedNir, Result
from .controls import ControlLink
from .world import WorldRole


class CountryMineralRow(Result):
    commodity: str
    commodity_name: str
    minerals: list[str] = Field(description="minerals of the list whose figures these are")
    form: Optional[str] = Field(None, description="the form whose figures these are ('bauxite', 'metal')")
    headline: bool = Field(True, description="false for a row of another published form of the minerals (aluminum "
                                             "metal beside bauxite): it adds no mineral to the counts")
    basis: Literal["shares", "ranked"]
    share: Optional[float] = Field(description="% of U.S. imports; null where the data holds only a rank")
    share_range: Bounded = Field(description="the share as a bounded figure ('>99' is 99 to 100); unknown for a rank")
    rank: int = Field(description="place among the import sources")
    period: str
    levels: list[FigureLevel] = Field([], description="the record and level each figure comes from (element, "
                                                     "subgroup, group, form or commodity)")
    reliance: Optional[PublishedNir]
    exposure: Bounded
    leading: bool


class CountryResult(Result):
    """Every mineral row of U.S. imports from one country; records (CSV, JSON lines) are those rows, one each."""

    _rows = "rows"

    country: str
    name: str
    groups: list[str] = Field(description="ids of the country groups it belongs to")
    list: str
    edition: Optional[int] = Field(description="the MCS edition used: the one asked for, else the latest with figures")
    count: int = Field(description="MCS commodities it supplies, each once however many of its forms it supplies")
    minerals_count: int = Field(description="minerals of the list those commodities cover, each once")
    rows: list[CountryMineralRow] = Field(description="ranked by exposure; rank-only rows last; a row per published "
                                                      "form that names it")
    leading_for: list[str] = Field(description="minerals of the list for which it is the leading source (of the "
                                               "headline form, the one every view's leader is of)")
    world_role: list[WorldRole] = Field([], description="its share of world production per commodity, largest first")
    leads_world_for: list[str] = Field([], description="minerals of the list whose world production it leads")
    controls: list[ControlLink] = Field([], description="its export controls that bear today (status, minerals, source)")
    caveats: list[str]
    citations: list[Cited]

    def record_of(self, row: CountryMineralRow) -> dict:
        """One row: the country, the minerals and form, its share and rank, the reliance and the exposure."""
        from .records import bounded, joined, nir

        return {"country": self.country, "country_name": self.name, "list": self.list, "edition": self.edition,
                "commodity": row.commodity, "commodity_name": row.commodity_name, "minerals": joined(row.minerals),
                "form": row.form, "headline": row.headline, "basis": row.basis, **bounded("share", row.share_range),
                "rank": row.rank, "period": row.period, **nir(row.reliance), **bounded("exposure", row.exposure),
                "leading": row.leading}
