"""Share arithmetic: a set of countries' part of a share list, places, concentration.

Conventions (docs/design.md, "Bounds"): 'Other' in a share list counts as
not allied and is left out of the HHI.  A country the list does not name
has 0 as named, but may be inside 'Other' or in the part an incomplete list
leaves out, so its share reads '0 to' that part, never an exact 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from .bounds import Span

if TYPE_CHECKING:
    from ..dataset.schema import ImportShares, RankedSources


def other_share(shares: ImportShares) -> float:
    """The part of the list USGS prints as 'Other' (no country)."""
    return sum(s.percent for s in shares.shares if s.country is None)


def unattributed(shares: ImportShares) -> float:
    """What an incomplete list leaves out; a complete list leaves nothing (rounding aside)."""
    if shares.complete:
        return 0.0
    return max(0.0, 100 - sum(s.percent for s in shares.shares))


def named_shares(shares: ImportShares) -> dict[str, float]:
    """ISO code -> share, a country printed twice counted once with the sum."""
    out: dict[str, float] = {}
    for s in shares.shares:
        if s.country is not None:
            out[s.country] = out.get(s.country, 0.0) + s.percent
    return out


def set_share(shares: ImportShares, codes: Iterable[str], other_may_hide: bool = False) -> Span:
    """Share of imports from a set of countries, counting what USGS names.

    A country the list does not name may still be behind the part an
    incomplete list leaves out, and, where `other_may_hide`, inside 'Other':
    the range says so.  Allied shares keep the convention that 'Other' is
    not allied; a cut-off or a China share must not read as an exact 0.
    """
    named = named_shares(shares)
    wanted = set(codes)
    total = sum(named.get(c, 0.0) for c in wanted)
    hidden = 0.0
    if wanted - set(named):
        hidden = unattributed(shares) + (other_share(shares) if other_may_hide else 0.0)
    return Span(total, total, min(100.0, total + hidden))


def source_places(shares: Optional[ImportShares], ranked: Optional[RankedSources]) -> dict[str, tuple[Optional[float], int]]:
    """ISO code -> (share or None, place among the sources).

    With shares, the place is by size (equal shares share a place); with
    only Fig. 2's ranked list, its order and no share.
    """
    if shares is not None:
        named = named_shares(shares)
        order = sorted(named.values(), reverse=True)
        return {code: (share, order.index(share) + 1) for code, share in named.items()}
    places: dict[str, tuple[Optional[float], int]] = {}
    for i, c in enumerate(ranked.countries if ranked else [], start=1):
        places.setdefault(c.country, (None, i))
    return places


def hhi_span(shares: ImportShares) -> Span:
    """HHI of the named shares; an incomplete list's missing part could be one more supplier."""
    named = list(named_shares(shares).values())
    hhi = sum(s * s for s in named)
    hidden = unattributed(shares)
    return Span(hhi, hhi, hhi + hidden * hidden)


def top3_span(shares: ImportShares) -> Span:
    """The three largest named shares; the missing part of an incomplete list may be one of them."""
    named = sorted(named_shares(shares).values(), reverse=True)
    top = sum(named[:3])
    with_hidden = sum(sorted(named + [unattributed(shares)], reverse=True)[:3])
    return Span(top, top, max(top, with_hidden))


def band_of(hhi: float) -> str:
    """The DOJ/FTC concentration band of an HHI, applied to import sources by analogy."""
    if hhi > 1800:
        return "highly concentrated"
    if hhi >= 1000:
        return "moderately concentrated"
    return "unconcentrated"
