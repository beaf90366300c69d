"""The rows of each data file, inserted into the export's tables (tables.py), each figure with its citation.

One function per data file: it reads the validated records (dataset/) and
writes them as they are; the only numbers worked out here are those the
analysis itself defines (the bounds of a published figure, a share list's
named and 'Other' totals), computed by the analysis's own functions.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Optional


class Citations:
    """One row of `citations` per distinct citation: the id of each one met, inserted on first sight."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db, self.ids = db, {}

    def __call__(self, citation: Optional[dict]) -> Optional[int]:
        if citation is None:
            return None
        key = (citation["source"], citation.get("table"), citation.get("url"), citation.get("note"))
        if key not in self.ids:
            self.ids[key] = insert(self.db, "citations", source=key[0], table_ref=key[1], url=key[2], note=key[3])
        return self.ids[key]


def insert(db: sqlite3.Connection, table: str, **row: Any) -> int:
    """Insert one row (column=value); its rowid."""
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values())).lastrowid


def joined(values) -> Optional[str]:
    """A short list of words as one cell ('Li; lithium'): None for none."""
    return "; ".join(values) if values else None


def lines(values) -> Optional[str]:
    """Notes, one a line; None for none."""
    return "\n".join(values) if values else None


# --------------------------------------------------------------------------
# minerals_2025.yaml and jurisdiction_lists.yaml


def us_lists(db, cite: Citations, minerals) -> None:
    for info in minerals.lists:
        insert(db, "lists", id=info.id, origin="us", jurisdiction="US", series=None, title=info.title,
               status=info.status, published=info.published, stated_count=info.count, complete=True,
               previous_final=info.previous_final, adds_to=None, by_reference=None, legal_basis=None,
               count_note=None, citation_id=cite(info.citation))


def us_minerals(db, minerals) -> None:
    """Each mineral, the entries a group entry split into, and its place on each U.S. list."""
    for m in minerals.minerals:
        insert(db, "minerals", id=m.id, name=m.name, symbol=m.symbol, group_name=m.group, kind=m.kind, origin="us",
               commodity_id=m.commodity, aliases=joined(m.aliases), notes=lines(m.notes))
    for m in minerals.minerals:
        for part in m.split_into:
            insert(db, "mineral_splits", entry_id=m.id, mineral_id=part)
        for lid in m.lists:
            insert(db, "list_members", list_id=lid, mineral_id=m.id, how="listed", wording=m.listed_as.get(lid))
        for lid, group in m.covered_by.items():
            insert(db, "list_members", list_id=lid, mineral_id=m.id, how="covered", via=group)


def other_lists(db, cite: Citations, other) -> None:
    """Other jurisdictions' lists: each entry as published, and one member row per mineral it names or covers."""
    for e in other.extensions:
        insert(db, "minerals", id=e.id, name=e.name, symbol=e.symbol, group_name=None, kind=e.kind,
               origin="other lists", commodity_id=None, aliases=None, notes=e.note)
    for x in other.lists:
        insert(db, "lists", id=x.id, origin="other", jurisdiction=x.jurisdiction, series=x.series, title=x.title,
               status=None, published=x.published, stated_count=x.stated_count, complete=x.complete,
               previous_final=None, adds_to=x.adds_to, by_reference=joined(x.by_reference),
               legal_basis=x.legal_basis, count_note=x.count_note, citation_id=cite(x.citation))
    for x in other.lists:
        for position, member in enumerate(x.members, 1):
            entry = insert(db, "list_entries", list_id=x.id, position=position, entry=member.name,
                           mapping=member.mapping, qualifier=member.qualifier, expanded=member.expanded,
                           confidence=member.confidence, note=member.note)
            for mid in dict.fromkeys([*member.minerals, *member.covers]):
                insert(db, "list_members", list_id=x.id, mineral_id=mid, how="entry", entry_id=entry,
                       compiled=mid in member.minerals, covered=mid in member.covers)


# --------------------------------------------------------------------------
# import_dependence.yaml


def editions(db, cite: Citations, imports) -> None:
    for e in imports.editions:
        insert(db, "editions", edition=e.edition, data_year=e.data_year, shares_period=e.shares_period, title=e.title,
               citation_id=cite(e.citation))


def commodities(db, cite: Citations, imports) -> None:
    """Each commodity record with its reliance by edition, share lists, ranked sources; then the headline counts."""
    records = list(imports.commodities)
    for c in records:
        insert(db, "commodities", id=c.id, name=c.name, level=c.level, form=c.form, part_of=c.part_of,
               headline=c.headline, notes=lines(c.notes))
        for mid in c.minerals:
            insert(db, "commodity_minerals", commodity_id=c.id, mineral_id=mid)
    for c in records:
        for rel in c.reliance:
            reliance(db, cite, c.id, rel)
        for s in c.import_shares:
            share_list(db, cite, c.id, s)
        for ranked in c.ranked_sources:
            cid = cite(ranked.source)
            lid = insert(db, "ranked_lists", commodity_id=c.id, edition=ranked.edition, period=ranked.period,
                         citation_id=cid)
            for rank, country in enumerate(ranked.countries, 1):
                insert(db, "ranked_countries", ranked_list_id=lid, rank=rank, country=country.country,
                       name=country.name, citation_id=cid)
    for h in imports.headline_counts:
        insert(db, "headline_counts", edition=h.edition, list_id=h.list, rule=h.rule, at_100=h.at_100,
               over_50=h.over_50, note=h.note, citation_id=cite(h.source))


def reliance(db, cite: Citations, commodity: str, rel) -> None:
    """A published net import reliance: as printed, its number, and the bounds the analysis reads from it."""
    from ..analysis.bounds import nir_span
    from ..results.base import PublishedNir

    printed, span = PublishedNir.of(rel), nir_span(rel)
    insert(db, "reliance", commodity_id=commodity, edition=rel.edition, year=rel.year, published=rel.published,
           value=printed.value, qualifier=printed.qualifier, bound=printed.bound,
           low=span.low if span else None, high=span.high if span else None, form=rel.form, basis=rel.basis,
           reason=rel.reason, note=rel.note, citation_id=cite(rel.source))


def share_list(db, cite: Citations, commodity: str, s) -> None:
    """A share list with its totals (analysis.exposure.share_basis) and each share with its bound."""
    from ..analysis.bounds import bounded
    from ..analysis.exposure import share_basis
    from ..analysis.shares import share_span

    basis, cid = share_basis(s), cite(s.source)
    lid = insert(db, "share_lists", commodity_id=commodity, edition=s.edition, period=s.period, category=s.category,
                 whole=s.whole, complete=s.complete, named=basis.named, other=basis.other,
                 unattributed=basis.unattributed, trust=s.trust, note=s.note, citation_id=cid)
    for position, share in enumerate(s.shares, 1):
        figure = bounded(share_span(share))
        insert(db, "shares", share_list_id=lid, position=position, country=share.country, name=share.name,
               published=share.published or f"{share.percent:g}", percent=share.percent, bound=figure.bound,
               low=figure.low, high=figure.high, citation_id=cid)


# --------------------------------------------------------------------------
# country_groups.yaml and targets.yaml


def countries(db, cite: Citations, data) -> None:
    for c in data.countries:
        insert(db, "countries", code=c.code, name=c.name, aliases=joined(c.aliases), citation_id=cite(c.source))
    for g in data.groups:
        insert(db, "country_groups", id=g.id, name=g.name, as_of=g.as_of, note=g.note, citation_id=cite(g.source))
        for code in dict.fromkeys(g.members):
            insert(db, "country_group_members", group_id=g.id, country=code)


def targets(db, cite: Citations, data) -> None:
    for t in data.targets:
        insert(db, "targets", id=t.id, description=t.description, kind=t.kind, value=t.value, baseline=t.baseline,
               year=t.year, verified=t.verified, note=t.note, citation_id=cite(t.stated_in))
