"""The targets a gap is measured against, and the words every gap must carry.

The stated targets come from targets.yaml; a user's own targets arrive as
TargetInfo already (resolve.py).  Unverified targets print their note
wherever a gap to them is shown.
"""

from __future__ import annotations

from typing import Optional

from ..results.base import Cited, TargetGap, TargetInfo
from .bounds import Span, bounded, gap_span, is_met


def stated_targets(targets_file) -> list[TargetInfo]:
    """The allied-share targets stated in targets.yaml."""
    return [_info(t) for t in targets_file.targets if t.kind == "allied share"]


def autonomy_targets(targets_file) -> list[TargetInfo]:
    """The autonomy-rate targets stated in targets.yaml."""
    return [_info(t) for t in targets_file.targets if t.kind == "autonomy rate"]


def _info(t) -> TargetInfo:
    """A stated target as a result: the same fields, since the user-given ones have none of the source."""
    return TargetInfo(**dict(t))


def target_notes(targets: list[TargetInfo]) -> list[str]:
    """The words every output showing a gap to an unverified target must carry."""
    return [
        f"Target {t.id} ({t.value:g}%) is unverified. {t.note or 'No primary source states it.'}"
        for t in targets
        if t.verified is False
    ]


def target_citations(targets: list[TargetInfo]) -> list[Cited]:
    """Where each stated target was stated (a user's own targets have no source)."""
    return [Cited(what=f"target {t.id} (stated, unverified)", source=t.stated_in) for t in targets if t.stated_in]


def gaps_to(targets: list[TargetInfo], allied: Optional[Span]) -> list[TargetGap]:
    """The gap of an allied share to each target, with whether the bounds settle it."""
    out = []
    for t in targets:
        gap = gap_span(t.value, allied)
        out.append(TargetGap(target=t.id, value=t.value, verified=t.verified, gap=bounded(gap), met=is_met(gap)))
    return out
