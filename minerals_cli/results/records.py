"""Flat records of results: the columns CSV, JSON lines and a DataFrame have, one way for every command.

- a bounded figure `x` is four columns: `x` (the figure at the published
  bound, as `value` in JSON), `x_bound` (exact, lower, upper, range,
  unknown), `x_low` and `x_high` (the range a careful reader uses);
- a published net import reliance `nir` is `nir` (the number), `nir_published`
  (as printed: '>50', 'W', 'E'), `nir_bound`, `nir_edition` and `nir_year`;
- unknown is None (an empty CSV cell), never 0; a list of codes is one text
  cell, ';'-separated.
"""

from __future__ import annotations

from typing import Any, Optional


def bounded(name: str, b: Any) -> dict[str, Any]:
    """A bounded figure as its four columns; all None when there is no figure."""
    if b is None:
        return {name: None, f"{name}_bound": "unknown", f"{name}_low": None, f"{name}_high": None}
    return {name: b.value, f"{name}_bound": b.bound, f"{name}_low": b.low, f"{name}_high": b.high}


def nir(p: Any, name: str = "nir") -> dict[str, Any]:
    """A published net import reliance (PublishedNir) as its columns; None throughout when there is none."""
    if p is None:
        return {name: None, f"{name}_published": None, f"{name}_bound": "unknown", f"{name}_edition": None,
                f"{name}_year": None}
    return {name: p.value, f"{name}_published": p.published, f"{name}_bound": p.bound, f"{name}_edition": p.edition,
            f"{name}_year": p.year}


def joined(values: Optional[list]) -> Optional[str]:
    """A list as one cell ('CA;JP'); None for no list, '' for an empty one."""
    if values is None:
        return None
    return ";".join(str(v) for v in values)
