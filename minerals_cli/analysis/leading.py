"""The leading import source of a commodity, as far as the published lists tell.

One rule for every command (chart, summary, exposure, country): `leader_of`
the lists a run uses for the commodity (supply.supply_of, the same share list
exposure and country show): the largest named share of the list that stands
for the whole commodity, else the first country of Fig. 2's ranked list; a
tie names every tied country; an incomplete list that could hide a larger
supplier has no leader.  It is a statement about the share list: it does not
need, or wait for, a net import reliance (docs/design.md, "Choosing figures").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Optional

from .bounds import EPSILON

if TYPE_CHECKING:
    from ..dataset.schema import ImportShares, RankedSources


def whole_list(records: list[ImportShares]) -> Optional[ImportShares]:
    """The share list that stands for the whole commodity: category 'all' first, else the first printed."""
    whole = [s for s in records if s.whole]
    whole.sort(key=lambda s: s.category.lower() != "all")
    return whole[0] if whole else None


class Leader(NamedTuple):
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
        return tied_names([name for _, name in self.countries]) if self.countries else None


def tied_names(names: list[str]) -> str:
    """One name as it is; several that tie as 'A, B and C (tied)': the words of every view for a tie."""
    if len(names) == 1:
        return names[0]
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


def leader_of(supply) -> Optional[Leader]:
    """The leading source of the lists a run uses for one commodity: what every command names.

    `supply` is a supply.Supply (not imported here: supply.py imports this module).

    The share list (else ranked list) is the one supply.supply_of chose for
    the edition, whatever the reliance: a commodity whose reliance is unknown
    (uranium's NA) still has the leader its share list shows.
    """
    return leading_source(supply.shares, supply.ranked)


def leading_codes(shares: Optional[ImportShares], ranked: Optional[RankedSources]) -> list[str]:
    """ISO codes of the leading source (several on a tie; none when the lists cannot tell)."""
    leader = leading_source(shares, ranked)
    return leader.codes if leader else []
