"""Which edition and which list a run is about, when the user names none.

Each default is decided here once, so that `chart`, `summary`, `exposure`,
`country`, `gaps` and `scenario` cannot disagree (docs/design.md, "Choosing
figures").  The ids given to these functions are already checked against
the data (resolve.py); what the data cannot answer is a DataError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..errors import DataError

if TYPE_CHECKING:
    from ..dataset.schema import EditionInfo, ImportDependenceFile, ListInfo, MineralsFile


# --------------------------------------------------------------------------
# editions


def edition_or_default(imports: ImportDependenceFile, edition: Optional[int]) -> int:
    """The edition asked for, else the latest edition with any net import reliance record.

    An edition announced in the file before its figures are ingested would
    otherwise make every figure unknown.  Data with no edition at all cannot
    answer a question about one: that is a fault of the data file (exit 3).
    """
    if edition is not None:
        return edition
    known = sorted(e.edition for e in imports.editions)
    if not known:
        raise DataError(
            ["the data has no MCS edition: import_dependence.yaml lists no editions",
             "add the editions whose figures it holds under 'editions:'"]
        )
    stored = getattr(imports, "reliance_editions", None)  # the stored form's index (records.py)
    with_figures = set(stored()) if stored else {r.edition for c in imports.commodities for r in c.reliance}
    return ([e for e in known if e in with_figures] or known)[-1]


def edition_info(imports: ImportDependenceFile, edition: int) -> EditionInfo:
    """The record of an edition the data holds."""
    for info in imports.editions:
        if info.edition == edition:
            return info
    raise LookupError(f"MCS edition {edition} is not in the data")


# --------------------------------------------------------------------------
# lists


def list_info(minerals: MineralsFile, list_id: str) -> ListInfo:
    """The record of a list the data holds."""
    for entry in minerals.lists:
        if entry.id == list_id:
            return entry
    raise LookupError(f"list {list_id!r} is not in the data")


def _finals(minerals: MineralsFile) -> list[ListInfo]:
    """Final lists oldest first; data holding drafts only falls back to all its lists."""
    finals = [e for e in minerals.lists if e.status == "final"] or list(minerals.lists)
    return sorted(finals, key=lambda e: e.published)


def latest_final(minerals: MineralsFile) -> str:
    """The newest final list: what 'the critical minerals' means when no list is named."""
    return _finals(minerals)[-1].id


def list_or_latest(minerals: MineralsFile, list_id: Optional[str]) -> str:
    """The list asked for, else the latest final list."""
    return list_id if list_id is not None else latest_final(minerals)


def list_in_force(minerals: MineralsFile, edition: int) -> str:
    """The latest final list published before the edition's year: the one that edition of MCS used."""
    finals = _finals(minerals)
    before = [e for e in finals if e.published[:4].isdigit() and int(e.published[:4]) < edition]
    return (before or finals)[-1].id


def counted_list(minerals: MineralsFile, imports: ImportDependenceFile, edition: int) -> str:
    """The list USGS counted against in that edition: its headline count's, else the final list in force."""
    known = {entry.id for entry in minerals.lists}
    for h in imports.headline_counts:
        if h.edition == edition:
            if h.list not in known:
                raise DataError(
                    [f"unknown list {h.list!r} (the list of the MCS {edition} headline count)",
                     "valid lists: " + ", ".join(e.id for e in minerals.lists)]
                )
            return h.list
    return list_in_force(minerals, edition)
