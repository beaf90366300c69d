"""analysis/bounds.py: every figure as a span, each formula moving the way docs/design.md ("Bounds") says.

A '>50' reliance is at least 50, so exposure is a lower bound and the
domestic and allied shares upper bounds; a '<25' flips every direction.
Each span function is checked on hand-worked cases, for its direction,
and, as a property, for containing every value the published figures allow.
"""

from __future__ import annotations

import pytest
from helpers import close
from hypothesis import given
from hypothesis import strategies as st

from minerals_cli.analysis.bounds import (
    EPSILON,
    Span,
    allied_span,
    bounded,
    domestic_span,
    exact,
    exposure_span,
    gap_span,
    is_met,
    mean_span,
    nir_span,
)
from minerals_cli.dataset.schema import Reliance


def rel(published: str, **extra) -> Reliance:
    reason = {"reason": "withheld"} if published in ("W", "NA") else {}
    return Reliance(edition=2026, year=2025, published=published, source={"source": "test"}, **reason, **extra)


def as_tuple(span):
    return None if span is None else (span.value, span.low, span.high)


LOWER = Span(50.0, 50.0, 100.0)  # '>50'
UPPER = Span(25.0, 0.0, 25.0)  # '<25'


# --------------------------------------------------------------------------
# the published figure as a span


@pytest.mark.parametrize(
    "published, span",
    [(">50", (50, 50, 100)), ("<25", (25, 0, 25)), ("76", (76, 76, 76)), ("12.5", (12.5, 12.5, 12.5)),
     ("E", (0, 0, 0)), ("W", None), ("NA", None)],
)
def test_nir_span_reads_the_published_bound(published, span):
    assert as_tuple(nir_span(rel(published))) == span


def test_no_reliance_record_is_no_span():
    assert nir_span(None) is None


def test_exact_is_a_zero_width_span():
    assert exact(42.0) == Span(42.0, 42.0, 42.0)


@pytest.mark.parametrize(
    "span, expected",
    [
        (Span(5, 5, 5), ("exact", 5, 5, 5)),
        (Span(27, 27, 54), ("lower", 27, 27, 54)),
        (Span(50, 0, 50), ("upper", 50, 0, 50)),
        (Span(40, 30, 60), ("range", 40, 30, 60)),
        (Span(27.000000000000004, 27, 27.000000000000004), ("exact", 27, 27, 27)),  # binary noise is not a range
    ],
)
def test_bounded_names_the_side_the_true_value_lies_on(span, expected):
    b = bounded(span)
    assert (b.bound, b.value, b.low, b.high) == expected


def test_an_unknown_span_is_unknown_never_zero():
    b = bounded(None)
    assert (b.value, b.bound, b.low, b.high) == (None, "unknown", None, None)


# --------------------------------------------------------------------------
# each formula, and which way it moves


def test_domestic_share_falls_as_reliance_rises():
    assert as_tuple(domestic_span(LOWER)) == (50, 0, 50)
    assert bounded(domestic_span(LOWER)).bound == "upper"
    assert as_tuple(domestic_span(UPPER)) == (75, 75, 100)
    assert bounded(domestic_span(UPPER)).bound == "lower"
    assert as_tuple(domestic_span(exact(79))) == (21, 21, 21)
    assert domestic_span(None) is None


def test_exposure_rises_with_reliance_and_share():
    assert as_tuple(exposure_span(LOWER, exact(54))) == (27, 27, 54)  # lithium, Chile, MCS 2026
    assert bounded(exposure_span(LOWER, exact(54))).bound == "lower"
    assert as_tuple(exposure_span(UPPER, exact(40))) == (10, 0, 10)
    assert bounded(exposure_span(UPPER, exact(40))).bound == "upper"
    assert as_tuple(exposure_span(exact(100), Span(0, 0, 3))) == (0, 0, 3)  # a share that may hide in 'Other'
    assert exposure_span(None, exact(10)) is None and exposure_span(exact(10), None) is None


def test_allied_share_falls_with_reliance_and_rises_with_allied_imports():
    # (100 - NIR) + NIR x allied imports / 100; its low end at the highest NIR and the lowest allied share
    assert as_tuple(allied_span(LOWER, exact(54))) == (77, 54, 77)
    assert bounded(allied_span(LOWER, exact(54))).bound == "upper"
    assert as_tuple(allied_span(exact(60), Span(20, 20, 50))) == (52, 52, 70)
    assert bounded(allied_span(exact(60), Span(20, 20, 50))).bound == "lower"
    assert as_tuple(allied_span(exact(79), exact(70))) == pytest.approx((76.3, 76.3, 76.3))  # cobalt, MCS 2026
    assert allied_span(None, exact(10)) is None and allied_span(exact(10), None) is None


def test_gap_shrinks_as_the_allied_share_grows_and_stops_at_zero():
    assert as_tuple(gap_span(90, Span(77, 54, 77))) == (13, 13, 36)
    assert bounded(gap_span(90, Span(77, 54, 77))).bound == "lower"
    assert as_tuple(gap_span(60, Span(77, 54, 77))) == (0, 0, 6)
    assert as_tuple(gap_span(50, Span(77, 54, 77))) == (0, 0, 0)
    assert as_tuple(gap_span(90, Span(52, 52, 70))) == (38, 20, 38)
    assert bounded(gap_span(90, Span(52, 52, 70))).bound == "upper"
    assert gap_span(90, None) is None


def test_mean_span_averages_each_end():
    assert as_tuple(mean_span([Span(10, 10, 20), Span(30, 0, 30), exact(50)])) == (30, 20, pytest.approx(100 / 3))
    assert mean_span([]) is None


def test_a_target_is_met_only_when_every_allowed_gap_is_zero():
    assert is_met(exact(0)) is True
    assert is_met(Span(13, 13, 36)) is False
    assert is_met(Span(0, 0, 6)) is None  # the bounds cannot tell
    assert is_met(Span(0, 0, EPSILON / 2)) is True
    assert is_met(None) is None


exact_percent = st.floats(min_value=0, max_value=100, allow_nan=False)


@given(exact_percent, exact_percent, exact_percent, exact_percent)
def test_every_formula_moves_the_documented_way(nir_a, nir_b, share_a, share_b):
    low_nir, high_nir = sorted((nir_a, nir_b))
    low_share, high_share = sorted((share_a, share_b))
    eps = 1e-9
    assert domestic_span(exact(low_nir)).value >= domestic_span(exact(high_nir)).value - eps
    assert exposure_span(exact(low_nir), exact(low_share)).value <= exposure_span(exact(high_nir), exact(high_share)).value + eps
    fixed = exact(low_share)
    assert allied_span(exact(low_nir), fixed).value >= allied_span(exact(high_nir), fixed).value - eps
    assert allied_span(exact(low_nir), exact(low_share)).value <= allied_span(exact(low_nir), exact(high_share)).value + eps
    assert gap_span(90, exact(low_share)).value >= gap_span(90, exact(high_share)).value - eps


@given(exact_percent, exact_percent, exact_percent, exact_percent)
def test_every_span_has_low_at_most_value_at_most_high(a, b, c, d):
    nir = Span(sorted((a, b, c))[1], min(a, b, c), max(a, b, c))
    share = Span(d, min(d, c), max(d, c))
    for span in (domestic_span(nir), exposure_span(nir, share), allied_span(nir, share),
                 gap_span(90, allied_span(nir, share)), mean_span([nir, share])):
        assert span.low - 1e-9 <= span.value <= span.high + 1e-9


# --------------------------------------------------------------------------
# moved from tests/test_exposure.py: the bounds contain every value the published figure allows


SPAN_CASES = st.tuples(
    st.sampled_from(["exact", ">", "<"]),
    st.integers(min_value=0, max_value=100),
    st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=5),
    st.floats(min_value=0, max_value=1),
)


@given(SPAN_CASES)
def test_bounds_contain_every_true_value(case):
    """For any reliance the published figure allows, each formula lands inside [low, high] on the flagged side."""
    qualifier, number, shares, pick = case
    low, high = {"exact": (number, number), ">": (number, 100), "<": (0, number)}[qualifier]
    true_nir = low + (high - low) * pick
    nir = Span(float(number), float(low), float(high))
    imports = Span(float(sum(shares[:2])), float(sum(shares[:2])), float(sum(shares[:2])))
    truth_allied = (100 - true_nir) + true_nir * imports.value / 100
    checks = [
        (exposure_span(nir, imports), true_nir * imports.value / 100),
        (domestic_span(nir), 100 - true_nir),
        (allied_span(nir, imports), truth_allied),
        (gap_span(90, allied_span(nir, imports)), max(0.0, 90 - truth_allied)),
    ]
    for span, truth in checks:
        b = bounded(span)
        assert b.low - 1e-6 <= truth <= b.high + 1e-6
        if b.bound == "lower":
            assert truth >= b.value - 1e-6
        if b.bound == "upper":
            assert truth <= b.value + 1e-6
        if b.bound == "exact":
            assert close(truth, b.value)
