"""The arithmetic of published bounds: every figure as a span.

USGS prints some reliance figures only as bounds ('>50', '<25'), and some
share lists are incomplete, so each computed figure is carried as a span:
the formula evaluated at the published numbers (`value`), plus the lowest
and highest values those numbers allow.  Each function says which way its
formula moves, so a '>50' reliance never turns into a precise-looking
figure: exposure and supply at risk become lower bounds, domestic and
allied shares upper bounds, a gap a lower bound.  A figure nobody published
(W, NA, no share list) is None, never 0.  docs/design.md, "Bounds".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Optional

from ..results.base import Bounded

if TYPE_CHECKING:
    from ..dataset.schema import Reliance

# Below this, two figures are equal: shares and reliances are printed to at most one decimal.
EPSILON = 1e-9


class Span(NamedTuple):
    """A formula's value at the published numbers, and the lowest and highest values they allow."""

    value: float
    low: float
    high: float


def exact(value: float) -> Span:
    """A published number: no range."""
    return Span(value, value, value)


def nir_span(rel: Optional[Reliance]) -> Optional[Span]:
    """'>50' is at least 50, '<25' at most 25, E is 0; W and NA are unknown."""
    if rel is None or rel.value is None:
        return None
    if rel.qualifier == ">":
        return Span(rel.value, rel.value, 100.0)
    if rel.qualifier == "<":
        return Span(rel.value, 0.0, rel.value)
    return exact(rel.value)


def clean(x: float) -> float:
    """Drop binary noise (27.000000000000004) without touching any real digit."""
    return round(x, 9) + 0.0


def bounded(span: Optional[Span]) -> Bounded:
    """A span as the result figure {value, bound, low, high}; None is unknown, never 0."""
    if span is None:
        return Bounded(value=None, bound="unknown", low=None, high=None)
    value, low, high = clean(span.value), clean(span.low), clean(span.high)
    if high - low < EPSILON:
        bound = "exact"
    elif abs(value - low) < EPSILON:
        bound = "lower"
    elif abs(value - high) < EPSILON:
        bound = "upper"
    else:
        bound = "range"
    return Bounded(value=value, bound=bound, low=low, high=high)


def domestic_span(nir: Optional[Span]) -> Optional[Span]:
    """Domestic share = 100 - NIR: it falls as reliance rises."""
    if nir is None:
        return None
    return Span(100 - nir.value, 100 - nir.high, 100 - nir.low)


def exposure_span(nir: Optional[Span], share: Optional[Span]) -> Optional[Span]:
    """Exposure (or supply at risk) = NIR x share / 100, rising in both."""
    if nir is None or share is None:
        return None
    return Span(nir.value * share.value / 100, nir.low * share.low / 100, nir.high * share.high / 100)


def allied_value(nir: float, allied_imports: float) -> float:
    """(100 - NIR) + NIR x allied share of imports / 100."""
    return (100 - nir) + nir * allied_imports / 100


def allied_span(nir: Optional[Span], allied_imports: Optional[Span]) -> Optional[Span]:
    """Allied share of supply: falls as reliance rises, rises with the allied share of imports."""
    if nir is None or allied_imports is None:
        return None
    return Span(
        allied_value(nir.value, allied_imports.value),
        allied_value(nir.high, allied_imports.low),
        allied_value(nir.low, allied_imports.high),
    )


def gap_span(target: float, allied: Optional[Span]) -> Optional[Span]:
    """Gap = max(0, target - allied share): the larger the allied share, the smaller the gap."""
    if allied is None:
        return None
    return Span(max(0.0, target - allied.value), max(0.0, target - allied.high), max(0.0, target - allied.low))


def mean_span(spans: list[Span]) -> Optional[Span]:
    """The mean of spans, bound by bound (equal weights); None for none."""
    if not spans:
        return None
    n = len(spans)
    return Span(sum(s.value for s in spans) / n, sum(s.low for s in spans) / n, sum(s.high for s in spans) / n)


def is_met(gap: Optional[Span]) -> Optional[bool]:
    """Met when even the largest gap is 0; missed when even the smallest is above 0."""
    if gap is None:
        return None
    if gap.high < EPSILON:
        return True
    if gap.low > EPSILON:
        return False
    return None
