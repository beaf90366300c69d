"""Results of `minerals revisions`, and the chapter series `show`, `exposure` and `ingest-mcs` put beside each edition.

An edition's own net import reliance (Fig. 2, or a curated unknown) and the
value a later chapter prints for the same data year in its five-year series
are two published figures, each with its citation: neither replaces the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

if TYPE_CHECKING:
    from ..dataset.schema import Citation
from .base import Cited, Field, Result


class SeriesYear(Result):
    year: int
    published: str = Field(description="as printed: '69', '>50', 'E' (net exporter), 'W', 'NA'")
    estimated: bool
    note: Optional[str] = Field(description="the value's own note, where USGS gives one")


class NirSeries(Result):
    """One five-year net-import-reliance series an MCS chapter prints (Salient Statistics), as published."""

    id: str = Field(description="the series' id in salient_statistics.yaml")
    edition: int = Field(description="the MCS edition whose chapter prints it")
    chapter: str
    product: str = Field(description="what the series is of (USGS's Commodity column): a chapter may print several")
    detail: str
    compared: bool = Field(description="true for the series of the form the editions' own figures measure (the one "
                                       "`revisions` compares them with); the others are other products or forms")
    note: Optional[str] = Field(description="USGS's note on the series (how it defines the reliance)")
    years: list[SeriesYear]
    source: Citation


class Revision(Result):
    """An edition's own net import reliance beside the later chapter series' value for the same data year."""

    commodity: str
    year: int = Field(description="data year")
    edition: int = Field(description="the edition whose own figure this is")
    published: str = Field(description="as that edition printed it, or the data's unknown (NA) where it printed none")
    reason: Optional[str] = Field(description="why the edition's figure is unknown")
    source: Citation = Field(description="the edition's own citation")
    series: Optional[str] = Field(description="id of the chapter series compared with (salient_statistics.yaml)")
    series_edition: Optional[int] = Field(description="the MCS edition of the chapter series")
    series_product: Optional[str] = Field(description="what the series is of (USGS's Commodity column)")
    series_published: Optional[str] = Field(description="the series' value for the data year, as printed")
    series_estimated: Optional[bool]
    series_source: Optional[Citation]
    change: Literal["same", "revised", "filled", "differs", "not in the series"] = Field(
        description="'revised': the later series prints another figure; 'filled': the edition printed none (NA, W, "
                    "no row) and the series prints one; 'differs': the edition of the series printed another figure "
                    "itself; 'not in the series': nothing to compare with (see `unknown`)")
    unknown: Optional[str] = Field(description="why there is no series value to compare with")


class CheckedCommodity(Result):
    """One commodity whose editions were compared with its chapter series."""

    commodity: str
    commodity_name: str
    minerals: list[str] = Field(description="ids of the minerals asked for that share this commodity's figures")
    series: Optional[str] = Field(description="id of the chapter series compared with; null when there is none")
    series_product: Optional[str]
    compared: int = Field(description="edition figures that have a series value for their data year")
    changed: int = Field(description="of those, revised, filled or differing")
    unknown: Optional[str] = Field(description="why nothing could be compared")


class RevisionsResult(Result):
    _rows = "revisions"  # one record per edition figure the series revises, fills or differs from

    list: Optional[str] = Field(description="the list whose minerals are shown when no name is given; else null")
    minerals: list[str] = Field(description="ids of the minerals asked for")
    series_edition: Optional[int] = Field(description="the MCS edition of the chapter series (salient_statistics.yaml)")
    count: int = Field(description="number of revisions listed")
    revised: int
    filled: int
    revisions: list[Revision] = Field(description="every edition figure the later series revises, fills or differs "
                                                  "from, commodity by commodity, oldest data year first")
    checked: list[CheckedCommodity] = Field(description="each commodity compared, with how many figures changed")
    unknown: list[str] = Field(description="what could not be compared, in words")
    caveats: list[str]
    citations: list[Cited]

    def record_of(self, p: Revision) -> dict:
        """An edition's own figure and the series' value for its year, each as printed and as a number."""
        names = {c.commodity: c.commodity_name for c in self.checked}
        return {"commodity": p.commodity, "commodity_name": names.get(p.commodity, p.commodity), "year": p.year,
                **_nir_columns("nir", p.published), "nir_edition": p.edition, "reason": p.reason,
                "series": p.series, "series_edition": p.series_edition, "series_product": p.series_product,
                **_nir_columns("series_nir", p.series_published), "series_estimated": p.series_estimated,
                "change": p.change}


def _nir_columns(name: str, published: Optional[str]) -> dict:
    """A reliance as printed and its number: '>50' is 50 (lower bound), E 0 (net exporter), W and NA none."""
    from ..dataset.records import parse_published

    if published is None:
        return {name: None, f"{name}_published": None, f"{name}_bound": "unknown"}
    try:
        value, qualifier = parse_published(published)
    except ValueError:  # a series value in a form no edition prints: kept as printed, no number
        return {name: None, f"{name}_published": published, f"{name}_bound": "unknown"}
    bound = {">": "lower", "<": "upper", "W": "unknown", "NA": "unknown"}.get(qualifier, "exact")
    return {name: value, f"{name}_published": published, f"{name}_bound": bound}
