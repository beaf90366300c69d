"""A batch: what one or more release files of one edition say, as records of our schema, by commodity id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..dataset.schema import ImportShares, RankedSources, Reliance
from ..errors import DataError


@dataclass
class Batch:
    """What one or more release files of one edition say, keyed by commodity id."""

    edition: int
    data_year: Optional[int] = None
    shares_period: Optional[str] = None
    kinds: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    reliance: dict[str, Reliance] = field(default_factory=dict)
    chapter_reliance: dict[str, Reliance] = field(default_factory=dict)
    ranked: dict[str, RankedSources] = field(default_factory=dict)
    shares: dict[str, list[ImportShares]] = field(default_factory=dict)
    commodity_notes: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    world: Optional[dict] = None  # the world_production.yaml document of a Commodities file (world.py)
    stats: Optional[dict] = None  # the salient_statistics.yaml document of a Commodities file (stats.py)


def built(model, where: str, **fields):
    """A record from a file's values; a value the model refuses is a DataError at the file's line."""
    from pydantic import ValidationError

    try:
        return model(**fields)
    except ValidationError as exc:
        raise DataError(
            [
                f"{where}: {'.'.join(map(str, e['loc'])) or model.__name__}: {e['msg'].removeprefix('Value error, ')}"
                for e in exc.errors(include_url=False)
            ]
        ) from None


def reason_for(published: str, where: str) -> Optional[str]:
    if published == "W":
        return f"withheld by USGS ({where}) to avoid disclosing company proprietary data"
    if published == "NA":
        return f"not available: USGS prints NA ({where})"
    return None


def set_note(batch: Batch, cid: str, prefix: str, text: str) -> None:
    batch.commodity_notes.setdefault(cid, []).append(f"{prefix}: {text}")
