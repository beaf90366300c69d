"""Results of `minerals scenario`: supply at risk if named suppliers stop exporting."""

from __future__ import annotations

from typing import Optional

from .base import Bounded, Cited, Field, FigureLevel, PublishedNir, Result
from .stats import ValueAtRisk


class CutShare(Result):
    country: str
    name: str
    share: Optional[float] = Field(description="% of U.S. imports; null where the data holds only a rank")
    rank: int


class AtRiskRow(Result):
    commodity: str
    commodity_name: str
    minerals: list[str]
    form: Optional[str] = Field(None, description="the form whose figures these are ('bauxite', 'compounds')")
    headline: bool = Field(True, description="false for a row of another published form of the minerals: it adds "
                                             "no mineral to the counts and nothing to the mean")
    levels: list[FigureLevel] = Field([], description="the record and level each figure comes from (element, "
                                                     "subgroup, group, form or commodity)")
    reliance: Optional[PublishedNir]
    period: Optional[str]
    cut: list[CutShare] = Field(description="the cut countries among its import sources")
    cut_share: Bounded = Field(description="% of U.S. imports from the cut countries")
    at_risk: Bounded = Field(description="NIR x cut share / 100: percentage points of U.S. consumption")
    controls: list[str] = Field([], description="ids of the export controls whose countries this row cuts (--controls)")
    note: Optional[str]
    value_at_risk: Optional[ValueAtRisk] = Field(None, description="dollars a year of the supply at risk, from "
                                                                   "apparent consumption and price; null without the "
                                                                   "salient statistics")


class ScenarioTotals(Result):
    minerals_at_risk: int = Field(description="minerals of the list with supply at risk in any of their forms, each once")
    commodities_at_risk: int = Field(description="MCS commodities with supply at risk in any of their forms, each once")
    minerals_unknown: int = Field(description="minerals sourced from a cut country whose at-risk share is unknown, "
                                              "each once, none already at risk")
    mean_at_risk: Bounded = Field(description="mean at-risk share over the covered minerals, equal weights, each "
                                              "mineral by its headline form")
    covered: int
    of: int
    weights: str


class ControlChoice(Result):
    """Which export controls a scenario treats as stopping supply, as the user chose them."""

    kinds: list[str] = Field(description="kinds of measure counted: ban, quota, licensing, state-trading, ...")
    as_of: str = Field(description="measures in force on this date")
    measures: list[str] = Field(description="ids of the measures used")
    unknown: list[str] = Field([], description="ids of the measures of those kinds whose status on the date is "
                                               "unknown: not cut, and not known to be lifted")


class ScenarioResult(Result):
    """Supply at risk per row of minerals sharing every figure; the records are one per mineral at risk.

    A row (`rows`) is what --sort, --top and --where order and filter, by
    its record's columns (`minerals` names all of the row's); each record is
    one of its minerals (`mineral`).  The rows whose risk is unknown and
    the totals are in the JSON only.
    """

    _rows = "rows"

    cut: list[str]
    cut_names: list[str]
    list: str
    edition: Optional[int]
    rows: list[AtRiskRow] = Field(description="ranked by supply at risk, largest first")
    unknown: list[AtRiskRow] = Field(description="sourced from a cut country, at-risk share unknown")
    totals: ScenarioTotals
    controls: Optional[ControlChoice] = Field(None, description="the export controls cut (--controls); null without")
    caveats: list[str]
    citations: list[Cited]

    def record_of(self, row: AtRiskRow) -> dict:
        """One row: the cut, the commodity and form, the reliance, the cut share, the supply and value at risk."""
        from .records import bounded, joined, nir

        v = row.value_at_risk
        return {"cut": joined(self.cut), "list": self.list, "edition": self.edition, "commodity": row.commodity,
                "commodity_name": row.commodity_name, "minerals": joined(row.minerals), "form": row.form,
                "headline": row.headline, **nir(row.reliance), "period": row.period,
                "cut_sources": joined([c.country for c in row.cut]), **bounded("cut_share", row.cut_share),
                **bounded("at_risk", row.at_risk), **bounded("value_at_risk", v.value if v else None),
                "value_at_risk_year": v.year if v else None, "value_at_risk_unit": v.unit if v else None,
                "controls": joined(row.controls)}

    def to_records(self) -> list[dict]:
        """One record per mineral of each row at risk: the row's figures, with the mineral first."""
        return [{"mineral": m, **self.record_of(row)} for row in self.rows for m in row.minerals]
