"""Share arithmetic: a set of countries' part of a share list, places, concentration.

Conventions (docs/design.md, "Bounds"): 'Other' in a share list counts as
not allied and is left out of the HHI.  A country the list does not name
has 0 as named, but may be inside 'Other' or in the part an incomplete list
leaves out, so its share reads '0 to' that part, never an exact 0.  A share
USGS prints as a bound ('>99', '<1') is a span (99 to 100, 0 to 1), and so
is every figure made from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from .bounds import Span, exact

if TYPE_CHECKING:
    from ..dataset.schema import ImportShares, RankedSources, Share


def other_share(shares: ImportShares) -> float:
    """The part of the list USGS prints as 'Other' (no country)."""
    return sum(s.percent for s in shares.shares if s.country is None)


def unattributed(shares: ImportShares) -> float:
    """What an incomplete list leaves out; a complete list leaves nothing (rounding aside)."""
    if shares.complete:
        return 0.0
    return max(0.0, 100 - sum(s.percent for s in shares.shares))


def named_shares(shares: ImportShares) -> dict[str, float]:
    """ISO code -> share as printed, a country printed twice counted once with the sum (named_spans' values)."""
    return {code: span.value for code, span in named_spans(shares).items()}


def share_span(share: Share) -> Span:
    """A printed share as a span: '>99' is 99 to 100, '<1' is 0 to 1, a plain number is itself."""
    qualifier = share.published.strip()[:1] if share.published else ""
    if qualifier == ">":
        return Span(share.percent, share.percent, 100.0)
    if qualifier == "<":
        return Span(share.percent, 0.0, share.percent)
    return exact(share.percent)


# named_spans of the share lists read lately, by identity. Each entry keeps its list alive, so an id is never
# reused while it is a key; a list is read-only data, so its spans cannot change. Bounded, for a long-lived API.
_SPANS: dict[int, tuple[ImportShares, dict[str, Span]]] = {}
_SPANS_KEPT = 512


def named_spans(shares: ImportShares) -> dict[str, Span]:
    """ISO code -> share as a span, a country printed twice counted once with the sum (a new dict each call).

    Worked out once per share list: one exposure asks it a dozen times (allies, China, FEOC, HHI, top 3).
    """
    kept = _SPANS.get(id(shares))
    if kept is not None and kept[0] is shares:
        return dict(kept[1])
    out: dict[str, Span] = {}
    for s in shares.shares:
        if s.country is not None:
            out[s.country] = _plus(out.get(s.country, exact(0.0)), share_span(s))
    if len(_SPANS) >= _SPANS_KEPT:
        _SPANS.clear()
    _SPANS[id(shares)] = (shares, out)
    return dict(out)


def _plus(a: Span, b: Span) -> Span:
    return Span(a.value + b.value, a.low + b.low, min(100.0, a.high + b.high))


def set_share(shares: ImportShares, codes: Iterable[str], other_may_hide: bool = False) -> Span:
    """Share of imports from a set of countries, counting what USGS names.

    A country the list does not name may still be behind the part an
    incomplete list leaves out, and, where `other_may_hide`, inside 'Other':
    the range says so.  Allied shares keep the convention that 'Other' is
    not allied; a cut-off or a China share must not read as an exact 0.
    """
    named = named_spans(shares)
    wanted = set(codes)
    total = exact(0.0)
    for code in wanted & set(named):
        total = _plus(total, named[code])
    hidden = 0.0
    if wanted - set(named):
        hidden = unattributed(shares) + (other_share(shares) if other_may_hide else 0.0)
    return Span(total.value, total.low, min(100.0, total.high + hidden))


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
    """HHI of the named shares, each at its bounds; an incomplete list's missing part could be one more supplier."""
    named = list(named_spans(shares).values())
    hidden = unattributed(shares)
    return Span(sum(s.value ** 2 for s in named), sum(s.low ** 2 for s in named),
                sum(s.high ** 2 for s in named) + hidden * hidden)


def top3_span(shares: ImportShares) -> Span:
    """The three largest named shares, each at its bounds; the missing part of an incomplete list may be one of them."""
    named = list(named_spans(shares).values())

    def top(values: list[float]) -> float:
        return sum(sorted(values, reverse=True)[:3])

    return Span(top([s.value for s in named]), top([s.low for s in named]),
                min(100.0, top([s.high for s in named] + [unattributed(shares)])))


def band_of(hhi: float) -> str:
    """The DOJ/FTC concentration band of an HHI, applied to import sources by analogy."""
    if hhi > 1800:
        return "highly concentrated"
    if hhi >= 1000:
        return "moderately concentrated"
    return "unconcentrated"
