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

    def to_records(self) -> list[dict]:
        """One record per mineral: its names, whether each U.S. list names it, the latest edition's reliance, the
        leading import source and China's share of the latest whole share list, and how many controls bear today.

        `on_<list>` is true where the list names the entry itself or its members one by one (the rare earths on
        the 2022 list); China's share is a range from 0 to the 'Other' share where the list does not name China.
        """
        from .records import nir

        record = {"mineral": self.id, "name": self.name, "symbol": self.symbol, "group": self.group,
                  "kind": self.kind, "commodity": self.commodity, "delisted": self.delisted}
        record.update({f"on_{h.list.replace('-', '_')}": h.on_list or bool(h.through) for h in self.history})
        t = self.trade
        record.update(nir(t.reliance[-1] if t is not None and t.reliance else None))
        record.update(_share_columns(t))
        record["controls"] = len(self.controls)
        record["controls_in_force"] = sum(c.status == "in force" for c in self.controls)
        record["other_lists"] = sum(e.mapping != "unknown" for e in self.lists_elsewhere)
        return [record]


def _share_columns(trade: Optional[TradeProfile]) -> dict:
    """The leading source and China's share of the latest whole share list, as numbers with their published form."""
    from .base import Bounded
    from .records import bounded

    whole = next((s for s in trade.import_shares if s.whole), None) if trade is not None else None
    named = [x for x in whole.shares if x.country] if whole is not None else []
    top = named[0] if named else None
    china = next((x for x in named if x.country == "CN"), None)
    other = next((x for x in whole.shares if not x.country), None) if whole is not None else None
    if china is not None:
        share = _bounded_share(china)
    elif whole is not None and other is not None:
        share = Bounded(value=0.0, bound="lower", low=0.0, high=float(other.percent))
    elif whole is not None and whole.complete:
        share = Bounded(value=0.0, bound="exact", low=0.0, high=0.0)
    else:
        share = None
    return {"shares_edition": whole.edition if whole else None, "shares_period": whole.period if whole else None,
            "shares_category": whole.category if whole else None, "top_source": top.country if top else None,
            "top_source_name": top.name if top else None, **bounded("top_source_share", _bounded_share(top)),
            "top_source_share_published": (top.published or f"{top.percent:g}") if top else None,
            **bounded("china_share", share)}


def _bounded_share(x) -> Optional[object]:
    """A published share as a bounded figure: '>99' is at least 99, '<1' at most 1."""
    from .base import Bounded

    if x is None:
        return None
    published = (x.published or "").strip()
    bound = "lower" if published.startswith(">") else "upper" if published.startswith("<") else "exact"
    value = float(x.percent)
    return Bounded(value=value, bound=bound, low=value if bound != "upper" else 0.0,
                   high=value if bound != "lower" else 100.0)
