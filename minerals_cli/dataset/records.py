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


_WORLD_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_WORLD_BOUND = re.compile(r"^([<>])\s*(\d[\d,]*(?:\.\d+)?)$")
_WORLD_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*-\s*(\d[\d,]*(?:\.\d+)?)$")
# Codes of the world tables: `—` is zero; `s` stands for what the row's note says (less than half
# a unit, or included with another figure); the words are USGS's for reserves it does not quantify.
WORLD_CODES = {"W": "withheld", "NA": "not available", "—": "zero", "XX": "not applicable", "s": "see the note",
               "Large": "large", "Moderate": "moderate", "Moderate to large": "moderate to large",
               "Small": "small", "Very small": "very small"}


def parse_world_value(text: str) -> tuple[Optional[float], str, Optional[float], Optional[float]]:
    """(value, qualifier, low, high) of a world-table cell; qualifier 'exact', '>', '<', 'range' or the code.

    ValueError for a form USGS does not use.  Only `—` (zero) is a number among the codes.
    """
    shown = text.replace("\xa0", " ").strip()
    if _WORLD_NUMBER.match(shown):
        number = float(shown.replace(",", ""))
        return number, "exact", number, number
    bound = _WORLD_BOUND.match(shown)
    if bound:
        number = float(bound.group(2).replace(",", ""))
        return (number, ">", number, None) if bound.group(1) == ">" else (number, "<", None, number)
    span = _WORLD_RANGE.match(shown)
    if span:
        low, high = (float(g.replace(",", "")) for g in span.groups())
        return None, "range", low, high
    if shown == "—":
        return 0.0, "—", 0.0, 0.0
    if shown in WORLD_CODES:
        return None, shown, None, None
    raise ValueError(f"not a published value: {text!r} (a number, >N, <N, N - M, W, NA, —, XX, s or a reserves word)")


# Codes of the salient statistics beside the world tables' ones: `E` net exporter (a reliance); text USGS
# prints instead of a figure ('Variable, depending on ...', 'Small', a figure whose sign was lost in the file
# as '?1') is kept as printed, with no value.
STAT_CODES = {**WORLD_CODES, "E": "net exporter"}
_STAT_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*[-\u2013]\s*(\d[\d,]*(?:\.\d+)?)$")


def parse_stat_value(text: str) -> tuple[Optional[float], str, Optional[float], Optional[float]]:
    """(value, qualifier, low, high) of a salient-statistics cell: parse_world_value's forms, an en-dash range,
    `E`, or text as printed (qualifier 'text', no value).  ValueError for an empty cell."""
    shown = text.replace("\xa0", " ").strip()
    span = _STAT_RANGE.match(shown)
    if span:
        low, high = (float(g.replace(",", "")) for g in span.groups())
        return None, "range", low, high
    if shown in STAT_CODES:
        return (0.0, "—", 0.0, 0.0) if shown == "—" else (None, shown, None, None)
    try:
        return parse_world_value(shown)
    except ValueError:
        if shown and (any(c.isalpha() for c in shown) or "?" in shown):
            return None, "text", None, None
        raise ValueError(f"not a published value: {text!r}") from None


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


def item(key: str, data: Any) -> Record:
    """One item of a file's long list (a mineral, a commodity) as records."""
    if key == "import_dependence":
        data["reliance"] = [RelianceRecord(r) for r in data["reliance"]]
    return data


class FileRecord(Record):
    """A whole data file: its short fields at once, the items of its long list part by part, on first use.

    `minerals_2025.yaml` holds its minerals and `import_dependence.yaml` its
    commodities as parts of the stored form (forms.py), so `exposure lithium`
    reads one commodity, not a hundred thousand.  Reading the long field
    itself (`imports.commodities`) reads every part, in file order.
    """

    __slots__ = ("_key", "_parts", "_derived", "_items")
    LONG = ""  # the field whose items are parts

    def __init__(self, key: str, fields: dict, parts, derived: dict) -> None:
        super().__init__(fields)
        for name, value in (("_key", key), ("_parts", parts), ("_derived", derived), ("_items", {})):
            object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> Any:
        if name == self.LONG and name not in self:
            return self.__missing__(name)
        raise AttributeError(name)

    def __missing__(self, name: str) -> Any:
        if name != self.LONG:
            raise KeyError(name)
        items = [self.item(ident) for ident in self._parts.ids()]
        dict.__setitem__(self, name, items)
        return items

    def __eq__(self, other: object) -> bool:
        """Equal when the data is: the long list is read first."""
        if self.LONG:
            getattr(self, self.LONG)
        if isinstance(other, FileRecord) and other.LONG:
            getattr(other, other.LONG)
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def item(self, ident: str) -> Optional[Record]:
        """One item by its id, or None: read from its part once, then kept."""
        if self._parts is None:  # a whole record: index its list once
            if not self._items:
                self._items.update((x["id"], x) for x in self[self.LONG])
            return self._items.get(ident)
        if ident not in self._items:
            raw = self._parts.read(ident)
            self._items[ident] = None if raw is None else item(self._key, raw)
        return self._items[ident]

    def ids(self) -> list[str]:
        return list(self._parts.ids()) if self._parts is not None else [x["id"] for x in self[self.LONG]]

    def replace(self, **changes: Any) -> Record:
        """A whole copy with some fields changed, its indexes worked out again."""
        return whole(self._key, {**self, self.LONG: self[self.LONG], **changes}) if self.LONG else super().replace(**changes)


class MineralsRecord(FileRecord):
    """minerals_2025.yaml: lists at once, minerals by id, and the index of every name a mineral goes by."""

    __slots__ = ()
    LONG = "minerals"

    def mineral(self, ident: str) -> Optional[Record]:
        return self.item(ident)

    def name_index(self) -> dict[str, str]:
        """Normalised name, symbol, alias or listed wording -> mineral id (names.mineral_index)."""
        return self._derived["names"]


class ImportsRecord(FileRecord):
    """import_dependence.yaml: editions and headline counts at once, commodities by id."""

    __slots__ = ()
    LONG = "commodities"

    def commodity(self, ident: Optional[str]) -> Optional[Record]:
        return self.item(ident) if ident else None

    def by_id(self) -> "Commodities":
        """The commodities as a mapping by id, each read when it is asked for."""
        return Commodities(self)

    def reliance_editions(self) -> list[int]:
        """The editions any commodity has a net import reliance figure of."""
        return self._derived["reliance_editions"]

    def specific(self) -> dict[str, list[str]]:
        """Mineral id -> the records more specific than its commodity (a subgroup's, its own), most specific first."""
        return self._derived["specific"]

    def forms(self) -> dict[str, list[str]]:
        """Mineral id -> the records of the other forms USGS publishes of it (level 'form'), in file order."""
        return self._derived.get("forms", {})


class Commodities:
    """Commodity records by id, read one by one (a mapping's get, [], in, iteration)."""

    def __init__(self, imports: ImportsRecord) -> None:
        self._imports = imports

    def get(self, ident: Optional[str], default: Any = None) -> Any:
        found = self._imports.commodity(ident)
        return default if found is None else found

    def __getitem__(self, ident: str) -> Record:
        found = self._imports.commodity(ident)
        if found is None:
            raise KeyError(ident)
        return found

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self._imports.commodity(ident) is not None

    def __iter__(self):
        return iter(self._imports.ids())

    def __len__(self) -> int:
        return len(self._imports.ids())

    def values(self) -> list[Record]:
        return list(self._imports.commodities)

    def items(self) -> list[tuple[str, Record]]:
        return [(c["id"], c) for c in self._imports.commodities]


class WorldRecord(FileRecord):
    """world_production.yaml: the edition and its source at once, each world series read when it is asked for."""

    __slots__ = ()
    LONG = "series"

    def listing(self, commodity: Optional[str]) -> list[Record]:
        """(id, stage, detail, year) of every series of a commodity, in file order: enough to choose one."""
        return [Record(x) for x in self._derived["by_commodity"].get(commodity or "", [])]

    def one(self, ident: str) -> Optional[Record]:
        return self.item(ident)


class StatsRecord(FileRecord):
    """salient_statistics.yaml: each commodity's series read when a question asks for that commodity."""

    __slots__ = ()
    LONG = "series"

    def of(self, commodity: Optional[str], statistics: Optional[set[str]] = None) -> list[Record]:
        """The series of a commodity (of those statistics: Price, Consumption, ...), in file order; only they are read."""
        return [self.item(i) for i, statistic in self._derived["by_commodity"].get(commodity or "", [])
                if statistics is None or statistic in statistics]


# How much more specific than a commodity a record of import_dependence.yaml is (its `level`).
LEVEL_DEPTH = {"element": 2, "subgroup": 1}

FILE_RECORDS = {"minerals": MineralsRecord, "import_dependence": ImportsRecord, "world": WorldRecord,
                "stats": StatsRecord}


def derived(key: str, doc: dict) -> dict:
    """What a stored form keeps besides the data: the indexes a question needs before it reads any part."""
    if key == "minerals":
        from ..names import mineral_index

        return {"names": mineral_index(_Whole(doc))}
    if key == "import_dependence":
        specific: dict[str, list] = {}
        forms: dict[str, list[str]] = {}
        for c in doc["commodities"]:
            for m in c.get("minerals") or []:
                if c.get("level") == "form":  # another form is never a stand-in for the headline's figures
                    forms.setdefault(m, []).append(c["id"])
                else:
                    specific.setdefault(m, []).append((-LEVEL_DEPTH.get(c.get("level"), 0), c["id"]))
        return {"reliance_editions": sorted({r["edition"] for c in doc["commodities"] for r in c["reliance"]}),
                "specific": {m: [cid for _, cid in sorted(found)] for m, found in specific.items()},
                "forms": forms}
    if key == "world":
        by_commodity: dict[str, list[dict]] = {}
        for s in doc["series"]:
            if s["commodity"]:
                by_commodity.setdefault(s["commodity"], []).append(
                    {"id": s["id"], "stage": s["stage"], "detail": s["detail"], "year": s["year"], "unit": s["unit"],
                     "section": s["section"]})
        return {"by_commodity": by_commodity}
    if key == "stats":
        ids: dict[str, list[list[str]]] = {}
        for s in doc["series"]:
            if s["commodity"]:
                ids.setdefault(s["commodity"], []).append([s["id"], s["statistic"]])
        return {"by_commodity": ids}
    return {}


class _Whole:
    """A parsed document read through attributes, to build an index with the same code the records use."""

    def __init__(self, doc: dict) -> None:
        self.minerals = [Record(m) for m in doc["minerals"]]


def whole(key: str, doc: dict) -> Record:
    """The records of a whole document held in memory (a fresh validation, a test's variant)."""
    import json

    data = json.loads(json.dumps(doc), object_hook=Record)
    cls = FILE_RECORDS.get(key)
    if cls is None:
        return data
    data[cls.LONG] = [item(key, x) for x in data[cls.LONG]]
    return cls(key, data, None, derived(key, data))
