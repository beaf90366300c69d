"""What every analysis needs the same way: editions, lists, commodities, the leading import source.

Each answer is given in one place so that `chart`, `summary`, `exposure`,
`country`, `gaps` and `scenario` cannot disagree about which edition or list
a run is about, or about which country leads a commodity's imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ..errors import UsageError
from ..models import Commodity, EditionInfo, ImportDependenceFile, ImportShares, ListInfo, MineralsFile, RankedSources

REE_GROUP = "rare earth element"
FEOC_GROUP = "feoc"
EPSILON = 1e-9


# --------------------------------------------------------------------------
# editions


def default_edition(trade: ImportDependenceFile) -> int:
    """The latest edition with any net import reliance record (else the latest edition).

    An edition announced in the file before its figures are ingested would
    otherwise make every figure unknown.
    """
    known = sorted(e.edition for e in trade.editions)
    if not known:
        raise UsageError(
            "the data has no MCS edition: import_dependence.yaml lists no editions",
            "add the editions whose figures it holds under 'editions:'",
        )
    with_figures = {r.edition for c in trade.commodities for r in c.reliance}
    return ([e for e in known if e in with_figures] or known)[-1]


def edition_info(trade: ImportDependenceFile, edition: int) -> EditionInfo:
    """The edition's record; an edition the data does not hold is a usage error naming those it does."""
    for info in trade.editions:
        if info.edition == edition:
            return info
    known = sorted(e.edition for e in trade.editions)
    raise UsageError(
        f"unknown MCS edition {edition}", "valid editions: " + (", ".join(map(str, known)) or "none (the data lists no edition)")
    )


def resolve_edition(trade: ImportDependenceFile, edition: Optional[int]) -> int:
    """The edition asked for, checked, or the default one."""
    if edition is None:
        return default_edition(trade)
    return edition_info(trade, edition).edition


# --------------------------------------------------------------------------
# lists


def list_info(minerals: MineralsFile, list_id: str, context: str = "") -> ListInfo:
    """The list's record; an id the data does not hold is a usage error naming those it does."""
    for entry in minerals.lists:
        if entry.id == list_id:
            return entry
    raise UsageError(f"unknown list {list_id!r}{context}", "valid lists: " + ", ".join(e.id for e in minerals.lists))


def _finals(minerals: MineralsFile) -> list[ListInfo]:
    """Final lists oldest first; data holding drafts only falls back to all its lists."""
    finals = [e for e in minerals.lists if e.status == "final"] or list(minerals.lists)
    return sorted(finals, key=lambda e: e.published)


def latest_final(minerals: MineralsFile) -> str:
    """The newest final list: what 'the critical minerals' means when no list is named."""
    return _finals(minerals)[-1].id


def list_in_force(minerals: MineralsFile, edition: int) -> str:
    """The latest final list published before the edition's year: the one that edition of MCS used."""
    finals = _finals(minerals)
    before = [e for e in finals if e.published[:4].isdigit() and int(e.published[:4]) < edition]
    return (before or finals)[-1].id


# --------------------------------------------------------------------------
# minerals and commodities


def commodity_index(trade: ImportDependenceFile) -> dict[str, Commodity]:
    return {c.id: c for c in trade.commodities}


def minerals_on(minerals: MineralsFile, list_id: str) -> list:
    """The minerals a list names individually, in file order."""
    return [m for m in minerals.minerals if list_id in m.lists]


def by_commodity(
    minerals: MineralsFile, list_id: str, merge: Callable[[object], bool] = lambda m: True
) -> list[tuple[Optional[str], list]]:
    """(commodity id or None, minerals) for a list, in file order.

    Minerals sharing an MCS commodity share its figures, so they are taken
    together (the fifteen rare earths are one bar, one row); a mineral
    without a commodity, or one `merge` keeps apart, stands alone.
    """
    groups: dict[object, list] = {}
    for m in minerals_on(minerals, list_id):
        key = m.commodity if m.commodity and merge(m) else ("alone", m.id)
        groups.setdefault(key, []).append(m)
    return [(members[0].commodity, members) for members in groups.values()]


# --------------------------------------------------------------------------
# the leading import source


def whole_list(records: list[ImportShares]) -> Optional[ImportShares]:
    """The share list that stands for the whole commodity: category 'all' first, else the first printed."""
    whole = [s for s in records if s.whole]
    whole.sort(key=lambda s: s.category.lower() != "all")
    return whole[0] if whole else None


@dataclass(frozen=True)
class Leader:
    """The leading import source as far as the published lists tell.

    `countries` holds (ISO code, name) pairs: one, several when equal shares
    tie, none when the list cannot tell (then `unknown` says why).
    """

    countries: tuple[tuple[str, str], ...]
    percent: Optional[float]
    published: Optional[str]
    period: str
    basis: str  # 'shares' or 'ranked'
    unknown: Optional[str] = None

    @property
    def codes(self) -> list[str]:
        return [code for code, _ in self.countries]

    @property
    def single(self) -> Optional[tuple[str, str]]:
        return self.countries[0] if len(self.countries) == 1 else None

    @property
    def name(self) -> Optional[str]:
        """One name, or the tied names said as a tie; None when unknown."""
        if not self.countries:
            return None
        if len(self.countries) == 1:
            return self.countries[0][1]
        names = [name for _, name in self.countries]
        return ", ".join(names[:-1]) + " and " + names[-1] + " (tied)"


def leading_source(shares: Optional[ImportShares], ranked: Optional[RankedSources]) -> Optional[Leader]:
    """The largest named share of a whole-commodity list, else the first of Fig. 2's ranked list.

    In an incomplete share list the largest named country leads only if the
    part the list leaves out is no larger; a largest share printed as an
    upper bound ('<5') cannot be ranked either.  Then the leader is unknown,
    not the largest country USGS happened to name.  None: no source published.
    """
    if shares is not None:
        named: dict[str, list] = {}
        for s in shares.shares:
            if s.country is not None:
                named.setdefault(s.country, []).append(s)
        if named:
            return _leader_of_shares(shares, named)
    if ranked is not None and ranked.countries:
        first = ranked.countries[0]
        return Leader(((first.country, first.name),), None, None, ranked.period, "ranked")
    return None


def _leader_of_shares(shares: ImportShares, named: dict[str, list]) -> Leader:
    totals = {code: sum(s.percent for s in entries) for code, entries in named.items()}
    top = max(totals.values())
    tops = [code for code, total in totals.items() if abs(total - top) < EPSILON]
    printed = [named[code][0].published for code in tops if len(named[code]) == 1]
    published = printed[0] if len(printed) == 1 and len(tops) == 1 else None
    left_out = 0.0 if shares.complete else max(0.0, 100 - sum(s.percent for s in shares.shares))
    upper = [p for p in printed if (p or "").startswith("<")]
    unknown = None
    if upper:
        unknown = f"the largest share is printed only as an upper bound ({upper[0]})"
    elif top < left_out:
        unknown = f"the share list is incomplete: the {left_out:g}% it leaves out may hide a larger supplier"
    countries = () if unknown else tuple((code, named[code][0].name) for code in tops)
    return Leader(countries, None if unknown else top, published, shares.period, "shares", unknown)


def edition_leader(commodity: Optional[Commodity], edition: int) -> Optional[Leader]:
    """The leading source as printed in one MCS edition (for that edition's chart and counts)."""
    if commodity is None:
        return None
    shares = whole_list([s for s in commodity.import_shares if s.edition == edition])
    ranked = next((r for r in commodity.ranked_sources if r.edition == edition and r.countries), None)
    return leading_source(shares, ranked)
