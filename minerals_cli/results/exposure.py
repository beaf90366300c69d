"""Results of `minerals exposure`: one mineral's suppliers, shares, concentration and gaps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from ..dataset.schema import Citation
from .base import AllySet, Bounded, Cited, Field, FigureLevel, FormOption, PublishedNir, Result, TargetGap
from .controls import ControlLink
from .revisions import Revision
from .stats import ValueAtRisk
from .world import WorldOrigin


class ShareBasis(Result):
    """The 'Import Sources' percentage list the shares come from."""

    edition: int
    period: str
    category: str
    complete: bool
    named: float = Field(description="sum of the shares of named countries")
    other: float = Field(description="share of 'Other' (not attributed to any country)")
    unattributed: float = Field(description="share missing from an incomplete list")
    note: Optional[str]
    source: Citation
    trust: Optional[str] = Field(None, description="for a list not read from a USGS file: how it was read and how "
                                                   "far to trust it")


class RankedCountry(Result):
    rank: int
    country: str
    name: str


class RankedBasis(Result):
    """Fig. 2 'Major import sources': an order without shares."""

    edition: int
    period: str
    countries: list[RankedCountry]
    source: Citation


class CategoryCountryShare(Result):
    country: Optional[str] = Field(description="ISO code; null for 'Other'")
    name: str
    percent: float


class CategoryShares(Result):
    """A share list of one category (e.g. 'unwrought') that does not stand for the whole commodity."""

    edition: int
    period: str
    category: str
    shares: list[CategoryCountryShare]
    source: Citation


class SourceExposure(Result):
    rank: int
    country: Optional[str] = Field(description="ISO code; null for 'Other'")
    name: str
    share: float = Field(description="% of U.S. imports, as printed (the bound where USGS prints '>99' or '<1')")
    share_range: Bounded = Field(description="the share as a bounded figure: '>99' is 99 to 100, '<1' is 0 to 1")
    exposure: Bounded = Field(description="NIR x share / 100: percentage points of U.S. consumption")
    allied: bool
    feoc: bool
    leading: bool


class CountryLink(Result):
    """One country's (or one group's) part in a mineral's imports and supply."""

    label: str
    countries: list[str]
    named: list[str] = Field(description="those of `countries` that the share list names")
    share: Bounded = Field(description="% of U.S. imports")
    exposure: Bounded = Field(description="percentage points of U.S. consumption")


class Concentration(Result):
    hhi: Bounded = Field(description="sum of squared shares of named countries, 0-10,000")
    top3: Bounded = Field(description="sum of the three largest named shares, %")
    band: str
    countries: int = Field(description="named countries counted")
    other_excluded: float = Field(description="share of 'Other', left out of the HHI")


class ExposureResult(Result):
    mineral: str
    name: str
    symbol: Optional[str]
    commodity: Optional[str]
    commodity_name: Optional[str]
    inherited: Optional[str] = Field(description="set when the figures are those of a larger MCS commodity")
    levels: list[FigureLevel] = Field([], description="the record and level each figure comes from (element, "
                                                     "subgroup, group, commodity or form)")
    form: Optional[str] = Field(None, description="the form whose figures these are (the headline form unless "
                                                  "another was asked for)")
    forms: list[FormOption] = Field([], description="every form USGS publishes of the mineral, the headline first; "
                                                    "[] where it publishes one")
    edition: Optional[int] = Field(description="MCS edition of the reliance figure used")
    reliance: Optional[PublishedNir]
    trend: list[PublishedNir] = Field(description="every edition's figure, oldest first")
    domestic_share: Bounded = Field(description="100 - NIR, % of consumption")
    import_shares: Optional[ShareBasis]
    sources: list[SourceExposure] = Field(description="by share, largest first; 'Other' last")
    ranked_sources: Optional[RankedBasis] = Field(description="set when only a ranked list is published")
    category_shares: list[CategoryShares] = Field(
        description="share lists of parts of the commodity, shown when no list stands for the whole"
    )
    leading: list[str] = Field(description="ISO code(s) of the leading import source")
    china: CountryLink
    feoc: CountryLink
    allies: AllySet
    allied_import_share: Bounded = Field(description="sum of allied shares, % of imports")
    allied_share: Bounded = Field(description="(100 - NIR) + NIR x allied import share / 100, % of supply")
    concentration: Optional[Concentration]
    gaps: list[TargetGap]
    unknown: list[str] = Field(description="what is not known, in words")
    caveats: list[str]
    notes: list[str] = Field(description="notes on the targets (unverified figures)")
    world: Optional[WorldOrigin] = Field(None, description="world production beside the import sources; null without world data")
    controls: list[ControlLink] = Field([], description="export controls on it by its import sources or world producers, status today")
    net_import_value: Optional[ValueAtRisk] = Field(None, description="dollars a year of the net-imported part of "
                                                                       "U.S. supply (consumption x price x NIR); null "
                                                                       "without the salient statistics")
    revisions: list[Revision] = Field([], description="each edition's own figure (`trend`) beside the chapter series' "
                                                      "value for its data year: same, revised, filled, differs or not "
                                                      "in the series; the figures above use the edition's own")
    citations: list[Cited]

    def to_records(self) -> list[dict]:
        """One record per import source (a mineral with no share list: one per ranked source, or one without a
        source): the mineral's own figures on every row, then the source's share and exposure."""
        from .records import bounded, nir

        head = {"mineral": self.mineral, "name": self.name, "form": self.form, **nir(self.reliance),
                **bounded("allied_share", self.allied_share), **bounded("china_share", self.china.share)}
        if self.sources:
            basis = self.import_shares
            return [{**head, "shares_edition": basis.edition, "shares_period": basis.period, "rank": x.rank,
                     "country": x.country, "country_name": x.name, **bounded("share", x.share_range),
                     **bounded("exposure", x.exposure), "allied": x.allied, "feoc": x.feoc, "leading": x.leading}
                    for x in self.sources]
        ranked = self.ranked_sources
        if ranked is not None:
            return [{**head, "shares_edition": ranked.edition, "shares_period": ranked.period, "rank": c.rank,
                     "country": c.country, "country_name": c.name, **bounded("share", None),
                     **bounded("exposure", None), "allied": None, "feoc": None, "leading": c.rank == 1}
                    for c in ranked.countries]
        return [{**head, "shares_edition": None, "shares_period": None, "rank": None, "country": None,
                 "country_name": None, **bounded("share", None), **bounded("exposure", None), "allied": None,
                 "feoc": None, "leading": None}]
