"""`minerals country CODE`: every mineral of a list the U.S. imports from one country, ranked by exposure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..results.base import Cited
from ..results.country import CountryMineralRow, CountryResult
from .bounds import bounded, exposure_span
from .caveats import FORMS_CAVEAT, OTHER_CONVENTION, SHIPMENT_CAVEAT
from .controls import links, today
from .groups import CHINA, DOMESTIC, country_names
from .leading import leader_of
from .scope import edition_or_default, list_or_latest
from .shares import named_spans, source_places
from .supply import (
    Supply,
    by_commodity,
    by_figures,
    commodity_index,
    dedupe,
    figure_levels,
    forms_index,
    other_forms,
    published,
    specific_index,
    supply_citations,
    supply_of,
)
from .world import WORLD_CAVEAT, world_citations_of, world_role

if TYPE_CHECKING:
    from ..dataset.schema import ImportDependenceFile, MineralsFile


def country_view(
    minerals: MineralsFile,
    imports: ImportDependenceFile,
    countries,
    code: str,
    list_id: Optional[str] = None,
    edition: Optional[int] = None,
    world=None,
    controls=None,
) -> CountryResult:
    """Every mineral of the list the U.S. imports from one country, ranked by exposure; its world role if `world`."""
    list_id, edition = list_or_latest(minerals, list_id), edition_or_default(imports, edition)
    commodities = commodity_index(imports)
    names = country_names(countries)
    rows: list[CountryMineralRow] = []
    cited: list[Cited] = []
    groups_of_list = [(cid, [m.id for m in members]) for cid, members in by_commodity(minerals, list_id) if cid]
    for _, supply, members in by_figures(minerals, list_id, commodities, specific_index(imports), edition):
        row = _country_row(supply, code, [m.id for m in members])
        if row is not None:
            rows.append(row)
            cited += supply_citations(supply)
    counted = {r.commodity for r in rows}  # each commodity once, however many of its forms name the country
    for form_id, members in other_forms(minerals, list_id, forms_index(imports)).items():
        supply = supply_of(commodities, form_id, edition)
        row = _country_row(supply, code, members, headline=False)
        if row is not None:
            rows.append(row)
            cited += supply_citations(supply)
            counted.add(supply.commodity.part_of or form_id)
    rows.sort(key=_country_rank_key)
    leading_for = sorted({m for r in rows if r.leading and r.headline for m in r.minerals})
    groups = [g.id for g in countries.groups if code in g.members]
    caveats = [SHIPMENT_CAVEAT, OTHER_CONVENTION]
    if code == DOMESTIC:
        caveats.insert(0, "The United States is the domestic supplier: USGS lists no U.S. import sources for it.")
    if code == CHINA:
        caveats.append("USGS counts imports from Hong Kong with China where its notes say so.")
    if any(r.reliance and r.reliance.bound != "exact" for r in rows):
        caveats.append(
            "Where USGS published the reliance as a bound ('>50', '<25') the exposure is a bound too; see `bound`."
        )
    if any(not r.headline for r in rows):
        caveats.append(FORMS_CAVEAT)
    if any(r.basis == "ranked" for r in rows):
        caveats.append(
            "Rows with basis 'ranked' come from a list of major sources without shares: the country is a source "
            "but its exposure is unknown."
        )
    return CountryResult(
        country=code,
        name=names.get(code, code),
        groups=groups,
        list=list_id,
        edition=edition,
        count=len(counted),
        minerals_count=len({m for r in rows for m in r.minerals}),
        rows=rows,
        leading_for=leading_for,
        world_role=(roles := world_role(world, groups_of_list, code)),
        leads_world_for=sorted(m for r in roles if r.leads for m in r.minerals),
        controls=links(controls, today(), names, country=code),
        caveats=caveats + ([WORLD_CAVEAT] if roles else []),
        citations=dedupe(cited + (world_citations_of(world) if roles else [])),
    )


def _country_row(supply: Supply, code: str, members: list[str], headline: bool = True) -> Optional[CountryMineralRow]:
    commodity, shares, ranked = supply.record, supply.shares, supply.ranked
    places = source_places(shares, ranked)
    if commodity is None or code not in places:
        return None
    share, rank = places[code]
    span = named_spans(shares)[code] if shares is not None else None
    leader = leader_of(supply)
    return CountryMineralRow(
        commodity=commodity.id,
        commodity_name=commodity.name,
        minerals=members,
        form=(commodity if not headline else supply.commodity).form,
        headline=headline,
        basis="shares" if shares is not None else "ranked",
        share=share,
        share_range=bounded(span),
        rank=rank,
        period=(shares or ranked).period,
        levels=figure_levels(supply),
        reliance=published(supply.reliance),
        exposure=bounded(exposure_span(supply.nir, span)),
        leading=leader is not None and code in leader.codes,
    )


def _country_rank_key(row: CountryMineralRow):
    """Known exposures first (largest first), then known shares, then rank-only rows."""
    if row.exposure.value is not None:
        return (0, -row.exposure.value, -(row.share or 0), row.commodity)
    if row.share is not None:
        return (1, -row.share, 0, row.commodity)
    return (2, row.rank, 0, row.commodity)
