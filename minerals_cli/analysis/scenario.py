"""`minerals scenario`: the share of U.S. supply at risk, per mineral, if named countries stop exporting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..results.base import Cited
from ..results.scenario import AtRiskRow, ControlChoice, CutShare, ScenarioResult, ScenarioTotals
from .bounds import EPSILON, Span, bounded, exact, exposure_span, mean_span
from .caveats import EQUAL_WEIGHTS, FORMS_CAVEAT, OTHER_CONVENTION, SHIPMENT_CAVEAT
from .groups import CHINA, DOMESTIC, country_names
from .scope import edition_or_default, list_or_latest
from .shares import set_share, source_places, unattributed
from .stats import VALUED, value_at_risk
from .supply import (
    Supply,
    by_figures,
    commodity_index,
    dedupe,
    figure_levels,
    forms_index,
    minerals_on,
    other_forms,
    published,
    specific_index,
    supply_citations,
    supply_of,
)

if TYPE_CHECKING:
    from ..dataset.schema import ImportDependenceFile, MineralsFile


# The first caveat of every scenario: what comes before it are the words on what the cut left out.
RISK_CAVEAT = ("Supply at risk = NIR x (share of imports from the cut countries) / 100, in percentage points of U.S. "
               "consumption: the part of supply that would need another source, before stocks, substitution or "
               "re-routing.")


def scenario(
    minerals: MineralsFile,
    imports: ImportDependenceFile,
    countries,
    cut: list[str],
    list_id: Optional[str] = None,
    edition: Optional[int] = None,
    cut_notes: Optional[list[str]] = None,
    controlled: Optional[dict[str, list]] = None,
    choice: Optional[ControlChoice] = None,
    stats=None,
) -> ScenarioResult:
    """The share of U.S. supply at risk, per mineral, if the cut countries stopped exporting.

    `cut` comes from resolve.cut_set, which keeps the United States out of it;
    `cut_notes` are its words on what it left out.  `controlled` (mineral id
    -> the export-control measures chosen, analysis/controls.py) adds, for
    each mineral, the countries whose measures cover it.  With `stats` (the
    salient statistics), each row also gets the yearly value of its supply at risk.
    """
    controlled = controlled or {}
    if (not cut and not controlled) or DOMESTIC in cut:
        raise ValueError("a scenario cuts one or more foreign suppliers (resolve.cut_set makes such a set)")
    list_id, edition = list_or_latest(minerals, list_id), edition_or_default(imports, edition)
    commodities = commodity_index(imports)
    names = country_names(countries)
    rows, unknown = [], []
    covered: list[Span] = []
    members_total = 0
    cited: list[Cited] = []
    def add(commodity_id, supply: Supply, members: list, headline: bool = True) -> Optional[Span]:
        measures = list({m.id: m for x in members for m in controlled.get(x.id, []) if m.country != DOMESTIC}.values())
        cut_here = list(dict.fromkeys([*cut, *(m.country for m in measures)]))
        risk = (exposure_span(supply.nir, set_share(supply.shares, cut_here, other_may_hide=True) if supply.shares else None)
                if cut_here else exact(0.0))
        row = (_risk_row(supply, cut_here, [m.id for m in members], names, risk, [m.id for m in measures], headline)
               if cut_here else None)
        if row is not None:
            if stats is not None:
                year = supply.reliance.year if supply.reliance else None
                valued = value_at_risk(stats.of(commodity_id, VALUED), risk, "supply at risk", year)
                row = AtRiskRow(**{**row.__dict__, "value_at_risk": valued})
            (rows if row.at_risk.value is not None else unknown).append(row)
            cited.extend(supply_citations(supply))
        return risk

    by_id = {m.id: m for m in minerals_on(minerals, list_id)}
    for commodity_id, supply, members in by_figures(minerals, list_id, commodities, specific_index(imports), edition):
        members_total += len(members)
        risk = add(commodity_id, supply, members)
        if risk is not None:
            covered += [risk] * len(members)  # the mean takes each mineral once, by its headline form
    for form_id, members in other_forms(minerals, list_id, forms_index(imports)).items():
        add(form_id, supply_of(commodities, form_id, edition), [by_id[m] for m in members], headline=False)
    rows.sort(key=lambda r: (-r.at_risk.value, -(r.at_risk.high or 0), r.commodity))
    unknown.sort(key=lambda r: (min((c.rank for c in r.cut), default=0), r.commodity))
    at_risk = [r for r in rows if (r.at_risk.high or 0) > EPSILON]
    minerals_at_risk = {m for r in at_risk for m in r.minerals}
    caveats = list(cut_notes or []) + [
        RISK_CAVEAT,
        SHIPMENT_CAVEAT,
        OTHER_CONVENTION,
        f"The mean is taken with {EQUAL_WEIGHTS}; a mineral whose share list names no cut country "
        "counts as 0 in the value and up to its 'Other' share in the upper bound.",
    ]
    if any(not r.headline for r in at_risk + unknown):
        caveats.append(FORMS_CAVEAT)
    if CHINA in cut:
        caveats.append("USGS counts imports from Hong Kong with China where its notes say so.")
    if unknown:
        caveats.append(
            "'unknown' rows: a cut country is among the sources, but the data holds only a ranked list of them or "
            "no reliance figure, so the supply at risk is unknown."
        )
    return ScenarioResult(
        cut=list(cut),
        cut_names=[names.get(c, c) for c in cut],
        list=list_id,
        edition=edition,
        rows=at_risk,
        unknown=unknown,
        totals=ScenarioTotals(
            minerals_at_risk=len(minerals_at_risk),
            commodities_at_risk=len({_commodity_of(commodities, r) for r in at_risk}),
            minerals_unknown=len({m for r in unknown for m in r.minerals} - minerals_at_risk),
            mean_at_risk=bounded(mean_span(covered)),
            covered=len(covered),
            of=members_total,
            weights=EQUAL_WEIGHTS,
        ),
        controls=choice,
        caveats=caveats + _control_caveats(choice),
        citations=dedupe(cited),
    )


def _control_caveats(choice: Optional[ControlChoice]) -> list[str]:
    if choice is None:
        return []
    out = [f"Cut with the export controls in force on {choice.as_of} of the kinds chosen: {', '.join(choice.kinds)}. "
           "Each mineral's cut adds the countries whose measures cover it; a measure covers a form (ore, metal, ...) "
           "that may not be the form the U.S. imports."]
    if choice.unknown:
        out.append(f"{len(choice.unknown)} measure(s) of these kinds have an unknown status on {choice.as_of} and are "
                   f"not cut (the data does not know whether they apply): {', '.join(choice.unknown)}.")
    if "licensing" in choice.kinds:
        out.append("Licensing is counted as stopping supply: a licence can be granted; this is the worst case.")
    return out


def _commodity_of(commodities, row: AtRiskRow) -> str:
    """The MCS commodity a row is of: a form's row is its headline commodity's."""
    return row.commodity if row.headline else (commodities[row.commodity].part_of or row.commodity)


def _risk_row(supply: Supply, cut: list[str], members: list[str], names, risk: Optional[Span],
              measures: Optional[list[str]] = None, headline: bool = True) -> Optional[AtRiskRow]:
    """A row when a cut country is (or, in an incomplete list, may be) among the sources."""
    commodity, shares, ranked = supply.record, supply.shares, supply.ranked
    if commodity is None or (shares is None and ranked is None):
        return None
    places = source_places(shares, ranked)
    cuts = [CutShare(country=c, name=names.get(c, c), share=places[c][0], rank=places[c][1]) for c in cut if c in places]
    share = set_share(shares, cut, other_may_hide=True) if shares is not None else None
    if not cuts and (shares is None or risk is None or unattributed(shares) < EPSILON):
        return None  # not named; that it may sit in 'Other' shows in the totals' upper bound
    note = None
    if risk is None:
        note = "; ".join(supply.unknown) or None
    elif not cuts:
        note = "no cut country is named, but the incomplete share list may hide one"
    return AtRiskRow(
        commodity=commodity.id,
        commodity_name=commodity.name,
        minerals=members,
        form=commodity.form if not headline else (supply.commodity.form if supply.commodity else None),
        headline=headline,
        levels=figure_levels(supply),
        reliance=published(supply.reliance),
        period=(shares or ranked).period,
        cut=cuts,
        cut_share=bounded(share),
        at_risk=bounded(risk),
        controls=list(measures or []),
        note=note,
    )
