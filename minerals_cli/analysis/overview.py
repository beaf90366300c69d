"""`minerals overview`: every mineral of a list on one row, read off its `exposure` result.

Nothing is worked out here that exposure does not already give: the row is
the exposure's reliance, leading source, China, allied and HHI figures, its
gaps, China's world share and its export controls, side by side, so that
the overview and `minerals exposure NAME` can never disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..results.base import AllySet, Bounded, TargetInfo
from ..results.exposure import ExposureResult
from ..results.overview import OverviewResult, OverviewRow
from .caveats import SHIPMENT_CAVEAT
from .exposure import exposures
from .leading import tied_names
from .scope import edition_or_default, list_info, list_or_latest
from .supply import dedupe, minerals_on

if TYPE_CHECKING:
    from ..dataset.schema import ImportDependenceFile, MineralsFile

IN_FORCE = "in force"
UNKNOWN_STATUS = "unknown"


def overview(
    minerals: MineralsFile,
    imports: ImportDependenceFile,
    countries,
    list_id: Optional[str],
    allies: AllySet,
    targets: list[TargetInfo],
    edition: Optional[int] = None,
    world=None,
    controls=None,
    day=None,
) -> OverviewResult:
    """One row per mineral of the list (default the latest final list), from `exposures` of them all in one run."""
    list_id, edition = list_or_latest(minerals, list_id), edition_or_default(imports, edition)
    results = exposures(imports, countries, minerals_on(minerals, list_id), allies, targets, edition,
                        world=world, controls=controls, day=day)
    rows = [row_of(r, with_controls=controls is not None) for r in results]
    return OverviewResult(
        list=list_id,
        title=list_info(minerals, list_id).title,
        edition=edition,
        allies=allies,
        targets=targets,
        count=len(rows),
        rows=rows,
        notes=list(results[0].notes) if results else [],
        caveats=_caveats(allies, world is not None, controls is not None),
        citations=dedupe([c for r in results for c in r.citations]),
    )


def row_of(r: ExposureResult, with_controls: bool) -> OverviewRow:
    """The overview row of one exposure result: its figures as they are, the controls counted by status."""
    code, name, basis, share = _top_source(r)
    statuses = [c.status for c in r.controls]
    return OverviewRow(
        mineral=r.mineral,
        name=r.name,
        commodity=r.commodity,
        reliance=r.reliance,
        top_source=code,
        top_source_name=name,
        top_source_from=basis,
        top_share=share,
        china_share=r.china.share,
        china_named=bool(r.china.named) if r.import_shares is not None else None,
        allied_share=r.allied_share,
        hhi=r.concentration.hhi if r.concentration is not None else _UNKNOWN,
        gaps=r.gaps,
        china_world_share=r.world.china if r.world is not None else None,
        world_stage=r.world.stage if r.world is not None else None,
        world_year=r.world.year if r.world is not None else None,
        controls_in_force=statuses.count(IN_FORCE) if with_controls else None,
        controls_unknown=statuses.count(UNKNOWN_STATUS) if with_controls else None,
        unknown=list(r.unknown),
        caveats=list(r.caveats),
    )


_UNKNOWN = Bounded(value=None, bound="unknown", low=None, high=None)


def _top_source(r: ExposureResult) -> tuple[list[str], Optional[str], Optional[str], Bounded]:
    """Exposure's leading source (codes, name, 'shares' or 'ranked') and its share of imports, as exposure has it."""
    codes = list(r.leading)
    if not codes:
        return [], None, None, _UNKNOWN
    rows = {x.country: x for x in r.sources if x.country}
    if codes[0] in rows:
        names = [rows[c].name for c in codes]
        return codes, tied_names(names), "shares", rows[codes[0]].share_range
    ranked = {c.country: c.name for c in r.ranked_sources.countries} if r.ranked_sources is not None else {}
    return codes, tied_names([ranked.get(c, c) for c in codes]), "ranked", _UNKNOWN


def _caveats(allies: AllySet, with_world: bool, with_controls: bool) -> list[str]:
    """What holds for every row: how the figures were chosen, so one row reads like the next."""
    out = [
        "Each row is `minerals exposure NAME` in short: the same figures, the same bounds; that command shows "
        "the mineral's own caveats and its import sources.",
        f"Allied share and gaps use the allies {allies.spec}; 'Other' and unnamed countries count as not allied.",
        "Where the share list does not name China, China's share is 0 to the 'Other' share (bound 'lower').",
        "The top source is the largest named share of the list for the whole commodity, else the first of "
        "Fig. 2's ranked list (no share); a tie names every tied country; an incomplete list cannot tell.",
        SHIPMENT_CAVEAT,
    ]
    if with_world:
        out.append("China's world share is at the stage USGS reports for the mineral (mine, refinery, ...): "
                   "see world_stage and world_year.")
    if with_controls:
        out.append("Export controls are counted by their status today; those whose status is unknown are "
                   "counted apart (controls_unknown).")
    return out
