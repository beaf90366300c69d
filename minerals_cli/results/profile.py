"""Results of `minerals show`: a mineral's profile and its import-dependence records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from ..dataset.schema import Citation, ImportShares, RankedSources
from .base import Field, PublishedNir, Result
from .controls import ControlLink
from .jurisdictions import ElsewhereRow
from .revisions import NirSeries, Revision


class Membership(Result):
    list: str
    title: str
    status: str
    on_list: bool
    how: str = Field(description="'listed', 'listed as <wording>', 'covered by <group entry>', 'through its "
                                 "members: ...' (a group entry whose members the list names) or 'not listed'")
    through: list[str] = Field([], description="for a group entry the list does not name: the members it split "
                                               "into that the list names one by one")


class SpecificRecord(Result):
    """Figures USGS publishes for a subgroup or an element, more specific than the mineral's commodity."""

    record: str = Field(description="id of the import_dependence.yaml record")
    name: str
    level: str = Field(description="'subgroup' or 'element'")
    reliance: list[PublishedNir] = Field(description="every edition that has one, oldest first")
    import_shares: list[ImportShares] = Field(description="its share lists, newest edition first")
    notes: list[str]


class TradeProfile(Result):
    """What `minerals show` adds from import_dependence.yaml."""

    commodity: str
    commodity_name: str
    form: Optional[str]
    inherited: Optional[str] = Field(description="set when the figures are a group's, e.g. rare earths for a lanthanide")
    reliance: list[PublishedNir] = Field(description="every edition, oldest first")
    import_shares: list[ImportShares] = Field(description="share lists of the latest edition that has any")
    ranked_sources: list[RankedSources] = Field(description="Fig. 2 ordered lists, every edition")
    notes: list[str]
    specific: list[SpecificRecord] = Field([], description="records more specific than the commodity (a subgroup's, "
                                                           "the mineral's own), most specific first")
    nir_series: list[NirSeries] = Field([], description="the chapter five-year NIR series of the commodity (MCS 2026 "
                                                        "Salient Statistics), one per product or form; [] without the "
                                                        "salient statistics")
    revisions: list[Revision] = Field([], description="each edition's own figure (`reliance`) beside the chapter "
                                                      "series' value for its data year: same, revised, filled, differs "
                                                      "or not in the series")


class MineralProfile(Result):
    id: str
    name: str
    symbol: Optional[str]
    group: Optional[str]
    kind: str
    aliases: list[str]
    commodity: Optional[str]
    delisted: bool = Field(description="on an earlier final list but not on the latest one, neither itself nor "
                                       "through the members it split into")
    history: list[Membership]
    split_into: list[str]
    split_note: Optional[str] = Field(None, description="for a group entry that later lists name through its "
                                                        "members: which list named the group, which its members")
    notes: list[str]
    citations: list[Citation]
    trade: Optional["TradeProfile"] = Field(
        None, description="reliance history and import sources from import_dependence.yaml"
    )
    controls: list[ControlLink] = Field([], description="export controls on it that bear today (status, source)")
    lists_elsewhere: list[ElsewhereRow] = Field([], description="other jurisdictions' lists that name it (or, where "
                                                                "a list is incomplete, may)")
