"""`minerals show NAME`: one mineral's names, list history and import-dependence records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..results.base import PublishedNir
from ..results.profile import Membership, MineralProfile, TradeProfile
from .groups import REE_GROUP
from .lists import on_list
from .revisions import beside
from .scope import latest_final
from .supply import commodity_index

if TYPE_CHECKING:
    from ..dataset.schema import ImportDependenceFile, MineralsFile


def profile(data: MineralsFile, mineral, imports: Optional[ImportDependenceFile] = None,
            controls: Optional[list] = None, elsewhere: Optional[list] = None, stats=None) -> MineralProfile:
    """Names, group and list history of one mineral, with the notices cited.

    With the import-dependence data, also its reliance history and import
    sources (`trade`); a data directory without that file shows the rest.
    With the salient statistics, `trade` also puts the chapter NIR series beside each edition's figure.
    """
    history = []
    for info in data.lists:
        if info.id in mineral.listed_as:
            how = f"listed as {mineral.listed_as[info.id]!r}"
        elif info.id in mineral.lists:
            how = "listed"
        elif info.id in mineral.covered_by:
            how = f"covered by {mineral.covered_by[info.id]!r}"
        else:
            how = "not listed"
        history.append(
            Membership(list=info.id, title=info.title, status=info.status, on_list=on_list(mineral, info.id), how=how)
        )
    finals = [e.id for e in data.lists if e.status == "final"]
    latest = latest_final(data)
    return MineralProfile(
        id=mineral.id,
        name=mineral.name,
        symbol=mineral.symbol,
        group=mineral.group,
        kind=mineral.kind,
        aliases=list(mineral.aliases),
        commodity=mineral.commodity,
        delisted=any(on_list(mineral, f) for f in finals) and not on_list(mineral, latest),
        history=history,
        split_into=list(mineral.split_into),
        notes=list(mineral.notes),
        citations=[e.citation for e in data.lists if on_list(mineral, e.id)],
        trade=trade_profile(imports, mineral, stats) if imports is not None else None,
        controls=list(controls or []),
        lists_elsewhere=list(elsewhere or []),
    )


def trade_profile(imports: ImportDependenceFile, mineral, stats=None) -> Optional[TradeProfile]:
    """The reliance history (every edition) and import sources of the mineral's commodity; the chapter series beside."""
    if not mineral.commodity:
        return None
    commodity = commodity_index(imports).get(mineral.commodity)
    if commodity is None:
        return None
    inherited = None
    if mineral.group == REE_GROUP and mineral.commodity == "rare earths":
        inherited = ("figures of the rare-earths group (compounds and metals): USGS publishes no net import "
                     f"reliance for {mineral.name} alone")
    latest = max((s.edition for s in commodity.import_shares), default=None)
    series, revisions = beside(stats, commodity)
    return TradeProfile(
        commodity=commodity.id,
        commodity_name=commodity.name,
        form=commodity.form,
        inherited=inherited,
        reliance=[PublishedNir.of(r) for r in sorted(commodity.reliance, key=lambda r: r.edition)],
        import_shares=_shares_for(commodity, latest, mineral),
        ranked_sources=sorted(commodity.ranked_sources, key=lambda r: r.edition),
        notes=list(commodity.notes),
        nir_series=series,
        revisions=revisions,
    )


def _shares_for(commodity, edition, mineral) -> list:
    """The latest edition's lists; for a lanthanide, the group's whole list and its own element list first."""
    lists = [s for s in commodity.import_shares if s.edition == edition]
    if mineral.group == REE_GROUP:
        own = [s for s in lists if s.category.lower().startswith(mineral.name.lower())]
        whole = [s for s in lists if s.whole]
        return whole + own
    return sorted(lists, key=lambda s: not s.whole)
