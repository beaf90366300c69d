"""`minerals show NAME`: one mineral's names, list history and import-dependence records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..results.base import PublishedNir
from ..results.profile import Membership, MineralProfile, SpecificRecord, TradeProfile
from .groups import REE_GROUP
from .lists import delisted, named_through, on_list
from .revisions import beside
from .supply import commodity_index, specific_index

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
        through = [] if on_list(mineral, info.id) else named_through(data, mineral, info.id)
        if info.id in mineral.listed_as:
            how = f"listed as {mineral.listed_as[info.id]!r}"
        elif info.id in mineral.lists:
            how = "listed"
        elif info.id in mineral.covered_by:
            how = f"covered by {mineral.covered_by[info.id]!r}"
        elif through:
            how = _through_words(through, mineral.split_into)
        else:
            how = "not listed"
        history.append(Membership(list=info.id, title=info.title, status=info.status,
                                  on_list=on_list(mineral, info.id), how=how, through=through))
    return MineralProfile(
        id=mineral.id,
        name=mineral.name,
        symbol=mineral.symbol,
        group=mineral.group,
        kind=mineral.kind,
        aliases=list(mineral.aliases),
        commodity=mineral.commodity,
        delisted=delisted(data, mineral),
        history=history,
        split_into=list(mineral.split_into),
        split_note=_split_note(history, mineral.split_into, delisted(data, mineral)),
        notes=list(mineral.notes),
        citations=[e.citation for e, h in zip(data.lists, history) if h.on_list or h.through],
        trade=trade_profile(imports, mineral, stats) if imports is not None else None,
        controls=list(controls or []),
        lists_elsewhere=list(elsewhere or []),
    )


def _through_words(through: list[str], split_into: list[str]) -> str:
    """How a list names a group entry through its members: all of them, or which."""
    if len(through) == len(split_into):
        return f"through its members: all {len(through)} named one by one"
    return f"through {len(through)} of its {len(split_into)} members: " + ", ".join(through)


def _split_note(history: list[Membership], split_into: list[str], gone: bool) -> Optional[str]:
    """For a group entry that later lists name through its members: which list named what."""
    later = [h for h in history if h.through]
    if not later:
        return None
    itself = [h.list for h in history if h.on_list]
    said = []
    if itself:
        said.append(f"the {_and(itself)} {'list' if len(itself) == 1 else 'lists'} named the group itself")
    whole = [h.list for h in later if len(h.through) == len(split_into)]
    if whole:
        said.append(f"the {_and(whole)} {'list names' if len(whole) == 1 else 'lists name'} all "
                    f"{len(split_into)} of its members one by one ({', '.join(split_into)})")
    for h in later:
        if len(h.through) < len(split_into):
            said.append(f"the {h.list} list names {len(h.through)} of its {len(split_into)} members "
                        f"({', '.join(h.through)})")
    text = "; ".join(said)
    end = ("The latest final list names none of them: delisted." if gone
           else "It was split into its members, not delisted.")
    return f"{text[0].upper()}{text[1:]}. {end}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def trade_profile(imports: ImportDependenceFile, mineral, stats=None) -> Optional[TradeProfile]:
    """The reliance history (every edition) and import sources of the mineral's commodity, and of the records more
    specific than it (the heavy rare earths, an element's own list); the chapter series beside."""
    if not mineral.commodity:
        return None
    records = commodity_index(imports)
    commodity = records.get(mineral.commodity)
    if commodity is None:
        return None
    specific = [records[i] for i in specific_index(imports).get(mineral.id, []) if i in records]
    inherited = None
    if mineral.group == REE_GROUP and mineral.commodity == "rare earths":
        inherited = ("figures of the rare-earths group (compounds and metals), as Fig. 2 prints them" if specific else
                     "figures of the rare-earths group (compounds and metals): USGS publishes no net import "
                     f"reliance or share list for {mineral.name} alone")
        if specific:
            inherited += "; USGS also publishes " + ", ".join(f"{r.name} ({r.level})" for r in specific)
    latest = max((s.edition for s in commodity.import_shares), default=None)
    own = [s for r in specific if r.level == "element" for s in r.import_shares]
    series, revisions = beside(stats, commodity)
    return TradeProfile(
        commodity=commodity.id,
        commodity_name=commodity.name,
        form=commodity.form,
        inherited=inherited,
        reliance=[PublishedNir.of(r) for r in sorted(commodity.reliance, key=lambda r: r.edition)],
        import_shares=_shares_for(commodity, latest, mineral) + sorted(own, key=lambda s: -s.edition),
        ranked_sources=sorted(commodity.ranked_sources, key=lambda r: r.edition),
        notes=list(commodity.notes),
        specific=[SpecificRecord(record=r.id, name=r.name, level=r.level,
                                 reliance=[PublishedNir.of(x) for x in sorted(r.reliance, key=lambda x: x.edition)],
                                 import_shares=sorted(r.import_shares, key=lambda s: -s.edition), notes=list(r.notes))
                  for r in specific],
        nir_series=series,
        revisions=revisions,
    )


def _shares_for(commodity, edition, mineral) -> list:
    """The latest edition's lists, the whole first; for a lanthanide the group's whole list (its own is its record's)."""
    lists = [s for s in commodity.import_shares if s.edition == edition]
    if mineral.group == REE_GROUP:
        return [s for s in lists if s.whole]
    return sorted(lists, key=lambda s: not s.whole)
