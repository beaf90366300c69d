"""What a Commodities file's NIR series revise or fill of the editions already in the data (`ingest-mcs` reports them).

The file's five-year series (its salient statistics) are compared, year by
year, with the reliance records of earlier editions in the file the run
starts from, by the same rules as `minerals revisions`
(analysis/revisions.py).  Nothing is written from the comparison: each
edition keeps its own figure.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from ..analysis.revisions import NIR, pair
from ..dataset.records import Record
from ..dataset.schema import Reliance


def brought_in(base: dict[str, Any], stats: Optional[dict[str, Any]]) -> list:
    """The revised and filled figures of earlier editions, commodity by commodity; none without a Commodities file."""
    if not stats:
        return []
    edition, source = stats["edition"], _records(stats["source"])
    series: dict[str, list] = {}
    for s in stats["series"]:
        if s["statistic"] == NIR and s["commodity"]:
            series.setdefault(s["commodity"], []).append(_series(s))
    found = []
    for c in sorted(base.get("commodities") or [], key=lambda c: c["id"]):
        if c["id"] not in series:
            continue
        earlier = [_records(Reliance.model_validate(r).model_dump(mode="json")) for r in c.get("reliance") or []
                   if r.get("edition") < edition]
        found += [p for p in pair(c["id"], earlier, series[c["id"]], edition, source) if p.change in ("revised", "filled")]
    return found


def _series(s: dict[str, Any]) -> Any:
    """A series of the file as the validated data gives it: its values one per year (schema.StatSeries.years)."""
    estimated, notes = set(s.get("estimated") or []), s.get("notes") or {}
    years = [{"year": y, "published": text, "estimated": y in estimated, "note": notes.get(y)}
             for y, text in s["published"].items()]
    return _records({**{k: v for k, v in s.items() if k not in ("published", "estimated", "notes")},
                     "note": s.get("note"), "years": years})


def _records(data: Any) -> Any:
    """Plain data read as the commands read the validated data: objects with their fields as attributes."""
    return json.loads(json.dumps(data), object_hook=Record)
