"""The validated data as every command reads it: JSON objects with attribute access.

A data file is checked against its pydantic schema (schema.py) only when
its bytes change (store.py); what a run reads is that validated model's
JSON dump, loaded into `Record`s.  A record has the schema's field names
as attributes (`rel.edition`, `share.country`), every field present, so
analysis code reads it as it would read the model, without pydantic on the
path.  The schema's computed properties that analysis uses are here too
(`RelianceRecord.value`, `.qualifier`), from the one `parse_published`.
"""

from __future__ import annotations

import re
from typing import Any, Optional

BOUND = re.compile(r"^([<>])\s*(\d+(?:\.\d+)?)$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def parse_published(text: str) -> tuple[Optional[float], str]:
    """Split a published NIR string into (value, qualifier).

    qualifier is 'exact', '>', '<', 'E' (net exporter), 'W' (withheld) or
    'NA' (not available).  E has value 0 (docs/design.md, "Formulas").
    """
    t = text.strip()
    if _NUMBER.match(t):
        return float(t), "exact"
    m = BOUND.match(t)
    if m:
        return float(m.group(2)), m.group(1)
    if t == "E":
        return 0.0, "E"
    if t in ("W", "NA"):
        return None, t
    raise ValueError(f"not a published NIR value: {text!r} (expected a number, >N, <N, E, W or NA)")


class Record(dict):
    """One validated JSON object: its fields as attributes, the dict itself as its JSON form.

    The dict is its own attribute namespace (`__dict__`), so reading a field
    is as quick as reading any attribute: a batch of 60 exposures reads
    fields some 60,000 times.
    """

    def __init__(self, *args: Any, **fields: Any) -> None:
        super().__init__(*args, **fields)
        object.__setattr__(self, "__dict__", self)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a validated record is read-only")

    def replace(self, **changes: Any) -> Record:
        """A copy with some fields changed (tests build variants of the shipped data this way)."""
        return type(self)({**self, **changes})


class RelianceRecord(Record):
    """A published net import reliance: its number and qualifier read from `published`."""

    @property
    def value(self) -> Optional[float]:
        return parse_published(self["published"])[0]

    @property
    def qualifier(self) -> str:
        return parse_published(self["published"])[1]


def load(key: str, text: str) -> Record:
    """The records of one file's validated JSON form (`key` as in dataset.FILES)."""
    import json

    doc = json.loads(text, object_hook=Record)
    if key == "import_dependence":
        for commodity in doc["commodities"]:
            commodity["reliance"] = [RelianceRecord(r) for r in commodity["reliance"]]
    return doc
