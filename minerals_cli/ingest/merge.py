"""Fold a batch into an import_dependence.yaml document (plain data, as loaded) and write it back as YAML.

The ingester owns what the files say; everything written by hand is kept
(see `merge`).  Keys follow the schema's field order, so a re-run writes the
same bytes.
"""

from __future__ import annotations

import re
from typing import Any

from ..dataset.schema import Commodity, Reliance
from .batch import Batch
from .release import publication_url
from .usgs_names import FORMS, LEVELS


def to_plain(model) -> dict[str, Any]:
    """A model as YAML-ready data: optional fields left out when empty, whole numbers as ints."""
    return _strip(model, model.model_dump(mode="json"))


def _strip(model, data):
    from pydantic import BaseModel

    if isinstance(model, BaseModel):
        out = {}
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            if info.is_required() or (value is not None and value != [] and value != {}):
                out[name] = _strip(value, data[name])
        return out
    if isinstance(model, list):
        return [_strip(m, d) for m, d in zip(model, data)]
    if isinstance(data, float) and data.is_integer():
        return int(data)
    return data


def empty_document() -> dict[str, Any]:
    return {"editions": [], "commodities": [], "headline_counts": []}


def merge(doc: dict[str, Any], batch: Batch) -> tuple[dict[str, Any], dict[str, int], list[str]]:
    """Fold a batch into a document; returns (document, counts, warnings).

    The ingester owns what the files say: an edition's NIR record (published
    value, year, form, basis, source), its ranked sources, its share lists of
    the same category, and commodity notes that start with the prefixes it
    writes.  Everything else (notes and reasons written by hand, other
    editions, other categories, headline counts) is left as it was.
    """
    doc = {k: v for k, v in doc.items()}
    doc.setdefault("editions", [])
    doc.setdefault("commodities", [])
    counts = {"reliance": 0, "ranked_sources": 0, "import_shares": 0, "commodities_created": 0}
    warnings: list[str] = []
    _merge_edition(doc, batch)
    index = {c["id"]: c for c in doc["commodities"]}
    touched = set(batch.reliance) | set(batch.chapter_reliance) | set(batch.ranked) | set(batch.shares) | set(batch.commodity_notes)
    for cid in sorted(touched):
        record = index.get(cid)
        if record is None:
            record = {"id": cid, "name": LEVELS.get(cid, {}).get("name") or batch.names.get(cid, cid)}
            if FORMS.get(cid):
                record["form"] = FORMS[cid]
            doc["commodities"].append(record)
            index[cid] = record
            counts["commodities_created"] += 1
        record.update({k: v for k, v in LEVELS.get(cid, {}).items() if k != "name"})
        if cid in batch.reliance:
            _put_reliance(record, batch.reliance[cid], owned=True)
            counts["reliance"] += 1
        if cid in batch.chapter_reliance:
            chapter = batch.chapter_reliance[cid]
            if _put_reliance(record, chapter, owned=False):
                counts["reliance"] += 1
            else:
                kept = next(r for r in record["reliance"] if r.get("edition") == batch.edition)
                if cid not in batch.reliance and str(kept.get("published")) != chapter.published:
                    warnings.append(f"{cid}: kept the MCS {batch.edition} NIR {kept.get('published')!r} already in "
                                    f"the file; the chapter gives {chapter.published!r}")
        if cid in batch.ranked:
            put_by_edition(record, "ranked_sources", to_plain(batch.ranked[cid]))
            counts["ranked_sources"] += 1
        for shares in batch.shares.get(cid, []):
            put_shares(record, to_plain(shares))
            counts["import_shares"] += 1
        _put_notes(record, batch.commodity_notes.get(cid, []), batch.edition, batch.kinds)
        record_index = doc["commodities"].index(record)
        doc["commodities"][record_index] = index[cid] = _in_field_order(record, Commodity)
    return doc, counts, warnings


def _merge_edition(doc: dict[str, Any], batch: Batch) -> None:
    if any(e.get("edition") == batch.edition for e in doc["editions"]):
        return
    doc["editions"].append(
        {
            "edition": batch.edition,
            "data_year": batch.data_year or batch.edition - 1,
            "shares_period": batch.shares_period or "unknown",
            "title": f"Mineral Commodity Summaries {batch.edition}",
            "citation": {"source": f"USGS MCS {batch.edition}", "url": publication_url(batch.edition)},
        }
    )
    doc["editions"].sort(key=lambda e: e["edition"])


_RELIANCE_OWNED = ("edition", "year", "published", "form", "basis", "source")


def _put_reliance(record: dict[str, Any], rel: Reliance, owned: bool) -> bool:
    """Write an edition's NIR; a chapter figure does not replace one taken from Fig. 2 or curated."""
    new = to_plain(rel)
    records = record.setdefault("reliance", [])
    for i, old in enumerate(records):
        if old.get("edition") != rel.edition:
            continue
        if not owned and "Commodities_Data" not in str((old.get("source") or {}).get("table", "")):
            return False
        kept = {k: v for k, v in old.items() if k not in _RELIANCE_OWNED}
        if rel.value is not None:
            kept.pop("reason", None)
        elif "reason" not in kept and new.get("reason"):
            kept["reason"] = new["reason"]
        records[i] = _in_field_order({**{k: new[k] for k in _RELIANCE_OWNED if k in new}, **kept}, Reliance)
        return True
    records.append(new)
    records.sort(key=lambda r: r["edition"])
    return True


def _in_field_order(data: dict[str, Any], model) -> dict[str, Any]:
    """Keys in the model's field order, so that a re-run writes the same bytes."""
    order = list(model.model_fields)
    return dict(sorted(data.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))


def put_by_edition(record: dict[str, Any], key: str, new: dict[str, Any]) -> None:
    items = [x for x in record.setdefault(key, []) if x.get("edition") != new["edition"]]
    items.append(new)
    items.sort(key=lambda x: x["edition"])
    record[key] = items


def put_shares(record: dict[str, Any], new: dict[str, Any]) -> None:
    items = record.setdefault("import_shares", [])
    same = [i for i, x in enumerate(items) if x.get("edition") == new["edition"] and x.get("category") == new["category"]]
    if new.get("whole", True):
        for x in items:
            if x.get("edition") == new["edition"] and x.get("category") != new["category"]:
                x["whole"] = False
    if same:
        old = items[same[0]]
        if old.get("note") and not new.get("note"):
            new["note"] = old["note"]
        items[same[0]] = new
    else:
        items.append(new)
    items.sort(key=lambda x: x["edition"])


_NOTE_KINDS = {"fig2": ("Fig. 2 also shows",), "commodities": ("chapter NIR series", "Import Sources")}


_GENERATED = re.compile(r"^MCS (\d{4}) (Fig\. 2 also shows|chapter NIR series|Import Sources)")


_PREFIX_ORDER = ["Fig. 2 also shows", "chapter NIR series", "Import Sources"]


def _put_notes(record: dict[str, Any], notes: list[str], edition: int, kinds: list[str]) -> None:
    """Replace this edition's notes of the kinds just read; hand-written notes stay first, in their order."""
    owned = tuple(f"MCS {edition} {p}" for k in kinds for p in _NOTE_KINDS[k])
    old = [n for n in record.get("notes", []) if not n.startswith(owned)]
    curated = [n for n in old if not _GENERATED.match(n)]
    generated = [n for n in old if _GENERATED.match(n)] + notes

    def key(note: str):
        m = _GENERATED.match(note)
        return int(m.group(1)), _PREFIX_ORDER.index(m.group(2))

    merged = curated + sorted(generated, key=key)
    if merged:
        record["notes"] = merged
    else:
        record.pop("notes", None)


class _Flow(dict):
    """A mapping written on one line: shares and country refs stay readable."""


def _flow_small(node: Any) -> Any:
    if isinstance(node, dict):
        if "name" in node and set(node) <= {"country", "name", "percent", "published"}:
            return _Flow(node)
        return {k: _flow_small(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_flow_small(v) for v in node]
    return node


def dump_yaml(doc: dict[str, Any], header: str = "") -> str:
    """YAML text in a stable layout, with the leading comment block of the file kept."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(
        _Flow, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)
    )
    body = yaml.dump(_flow_small(doc), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=110,
                     default_flow_style=False)
    return header + body


def leading_comments(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)
