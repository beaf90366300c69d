"""The layout of a stored form: what a run reads of a data file, and only the parts it needs.

Four lines and then the parts:

1. the header: format, data file, sha256 of the source bytes, the schema's
   fingerprint, and the sha256 of lines 2 and 3;
2. the head: the file's fields without its long list, and the indexes a
   question needs before it reads an item (records.derived);
3. the part index: each item's id -> offset, length and sha256;
4. the items of the long list (minerals, commodities), one JSON object each.

So `exposure lithium` on a file of 100,000 commodities parses one of
them.  Every piece is checked against its sha256 before it is used; a
piece that does not match makes the whole form untrusted (store.py
rebuilds it).  All JSON: nothing is unpickled or executed.
"""

from __future__ import annotations

import json
import os
from hashlib import sha256
from typing import Any, Optional

FORMAT = 2
# The field of each file whose items are stored as parts (the others are read whole).
LONG = {"minerals": "minerals", "import_dependence": "commodities", "world": "series", "stats": "series"}


class Damaged(Exception):
    """A stored form, or a part of it, that does not match its checksum."""


def build(key: str, source: str, schema: str, doc: dict, derived: dict) -> bytes:
    """The bytes of the stored form of a validated document."""
    long = LONG.get(key)
    items = doc.get(long, []) if long else []
    ids = [x.get("id") for x in items]
    if long is None or len(set(ids)) != len(ids):  # parts need unique ids; else the form is one piece
        long, items = None, []
    fields = {k: v for k, v in doc.items() if k != long}
    index, blobs, offset = {}, [], 0
    for x in items:
        blob = _dump(x).encode()
        index[x["id"]] = [offset, len(blob), sha256(blob).hexdigest()]
        blobs.append(blob)
        offset += len(blob)
    head = _dump({"fields": fields, "long": long, "derived": derived}).encode()
    index_line = _dump(index).encode()
    meta = _header(key, source, schema, head, index_line)
    return b"\n".join([meta, head, index_line, b"".join(blobs)])


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _header(key: str, source: str, schema: str, head: bytes, index_line: bytes) -> bytes:
    meta = {"format": FORMAT, "file": key, "source": source, "schema": schema,
            "head": sha256(head).hexdigest(), "index": sha256(index_line).hexdigest()}
    return _dump(meta).encode()


class Parts:
    """The items of one form, read and checked one by one from an open file or from bytes in memory."""

    def __init__(self, index: dict[str, list], read_at, base: int) -> None:
        self._index, self._read_at, self._base = index, read_at, base

    def ids(self) -> list[str]:
        return list(self._index)

    def read(self, ident: str) -> Optional[dict]:
        """The item's JSON data; None for an id the file does not hold; Damaged when it does not match."""
        from .records import Record

        where = self._index.get(ident)
        if where is None:
            return None
        offset, length, digest = where
        blob = self._read_at(self._base + offset, length)
        if len(blob) != length or sha256(blob).hexdigest() != digest:
            raise Damaged(ident)
        return json.loads(blob, object_hook=Record)


def open_form(key: str, source: str, schema: str, read_line, read_at, tell) -> tuple[dict, Parts]:
    """The head and the parts of a form whose header matches; Damaged for anything else."""
    from .records import Record

    try:
        meta, head, index_line = (read_line() for _ in range(3))
        expected = _header(key, source, schema, head.rstrip(b"\n"), index_line.rstrip(b"\n"))
        if meta.rstrip(b"\n") != expected:
            raise Damaged("header")
        top = json.loads(head, object_hook=Record)
        return top, Parts(json.loads(index_line), read_at, tell())
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise Damaged(str(exc)) from None


def from_bytes(key: str, source: str, schema: str, data: bytes) -> tuple[dict, Parts]:
    """A form held in memory (just built, or read whole)."""
    lines = iter(data.split(b"\n", 3))
    consumed = [0]

    def read_line() -> bytes:
        line = next(lines, b"")
        consumed[0] += len(line) + 1
        return line

    return open_form(key, source, schema, read_line, lambda at, n: data[at:at + n], lambda: consumed[0])


def from_file(key: str, source: str, schema: str, fh) -> tuple[dict, Parts]:
    """A form in an open file: parts are read at their offsets when asked for (the parts keep the file open)."""
    return open_form(key, source, schema, fh.readline, lambda at, n: os.pread(fh.fileno(), n, at), fh.tell)
