"""`minerals gaps`: each mineral's allied share and gap to each target, and the list's autonomy rate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..results.base import AllySet, Cited, TargetInfo
from ..results.gaps import AutonomyRate, AutonomyTarget, GapsResult, MineralGapRow
from .bounds import Span, allied_span, bounded, domestic_span, gap_span, mean_span
from .caveats import EQUAL_WEIGHTS, SHIPMENT_CAVEAT, inherited_note
from .groups import ally_citations
from .scope import edition_or_default, list_info, list_or_latest
from .shares import set_share
from .supply import commodity_index, dedupe, figures_of, minerals_on, published, specific_index, supply_citations
from .targets import gaps_to, target_citations, target_notes

if TYPE_CHECKING:
    from ..dataset.schema import ImportDependenceFile, MineralsFile


def gaps(
    minerals: MineralsFile,
    imports: ImportDependenceFile,
    countries,
    list_id: Optional[str],
    allies: AllySet,
    targets: list[TargetInfo],
    autonomy: list[TargetInfo],
    edition: Optional[int] = None,
) -> GapsResult:
    """Each mineral's allied share and gap to each target, and the list's autonomy rate."""
    list_id, edition = list_or_latest(minerals, list_id), edition_or_default(imports, edition)
    commodities = commodity_index(imports)
    allied_codes = set(allies.countries)
    rows: list[MineralGapRow] = []
    domestic: list[Span] = []
    excluded: list[str] = []
    cited: list[Cited] = []
    bounds_seen = False
    specific = specific_index(imports)
    for m in minerals_on(minerals, list_id):
        supply = figures_of(commodities, specific, m, edition)
        nir = supply.nir
        allied = allied_span(nir, set_share(supply.shares, allied_codes) if supply.shares else None)
        dom = domestic_span(nir)
        if dom is None:
            excluded.append(m.id)
        else:
            domestic.append(dom)
        bounds_seen |= supply.reliance is not None and supply.reliance.qualifier in (">", "<")
        rows.append(
            MineralGapRow(
                mineral=m.id,
                name=m.name,
                commodity=m.commodity,
                inherited=inherited_note(m, supply) is not None,
                reliance=published(supply.reliance),
                domestic_share=bounded(dom),
                allied_share=bounded(allied),
                gaps=gaps_to(targets, allied),
                unknown="; ".join(supply.unknown) if allied is None else None,
            )
        )
        if supply.commodity is not None:
            cited += supply_citations(supply)
    rows.sort(key=_gap_rank_key)
    rate = mean_span(domestic)
    shown = targets + autonomy
    caveats = [
        f"Each mineral's allied share uses the allies {allies.spec}; 'Other' and unnamed countries count as "
        "not allied. The targets are applied to every mineral of the list.",
        f"Autonomy rate = mean domestic share (100 - NIR), {EQUAL_WEIGHTS}.",
        SHIPMENT_CAVEAT,
        "Minerals whose import shares are unknown (ranked sources only) have an unknown allied share and gap.",
    ]
    if bounds_seen:
        caveats.append(
            "Where USGS published the reliance as a bound ('>50', '<25') the domestic and allied shares and the "
            "gaps are bounds too; see `bound`, `low` and `high`."
        )
    return GapsResult(
        list=list_id,
        title=list_info(minerals, list_id).title,
        edition=edition,
        allies=allies,
        targets=targets,
        minerals=rows,
        autonomy=AutonomyRate(
            rate=bounded(rate),
            covered=len(domestic),
            of=len(rows),
            excluded=excluded,
            weights=EQUAL_WEIGHTS,
            targets=[_autonomy_target(t, rate) for t in autonomy],
        ),
        notes=target_notes(shown),
        caveats=caveats,
        citations=dedupe(cited + ally_citations(countries, allies) + target_citations(shown)),
    )


def _gap_rank_key(row: MineralGapRow):
    """Largest gap first: the gaps fall as the allied share rises, so sort by allied share."""
    a = row.allied_share
    if a.value is None:
        return (1, 0.0, row.name)
    return (0, a.value, row.name)


def _autonomy_target(t: TargetInfo, rate: Optional[Span]) -> AutonomyTarget:
    """The gap of the autonomy rate to a target; the stated baseline is shown, never subtracted.

    The rate is this tool's measure (mean domestic share of a list); a stated
    baseline is in the measure of whoever stated it, which the data does not
    give, so the difference would compare unlike things: it stays unknown.
    """
    return AutonomyTarget(
        target=t.id,
        value=t.value,
        baseline=t.baseline,
        verified=t.verified,
        gap=bounded(gap_span(t.value, rate)),
        change_from_baseline=bounded(None) if t.baseline is not None else None,
        change_reason=_not_comparable(t) if t.baseline is not None else None,
    )


def _not_comparable(t: TargetInfo) -> str:
    """Why a stated baseline cannot be subtracted from the autonomy rate."""
    stated = "stated without a primary source (unverified)" if t.verified is False else "stated"
    return (f"the {t.baseline:g}% baseline is {stated}, in a measure of autonomy its source does not define; this "
            f"tool's autonomy rate is the mean domestic share (100 - NIR) of the list's minerals, so rate minus "
            f"baseline would compare unlike figures, not measure a change")
