"""The Commodities_Data file: each chapter's Import Sources shares by category and its NIR series.

Its `Import Sources` rows are USGS's own percentage shares by category, its
`Net import reliance` rows each chapter's five-year series.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..dataset.schema import Citation, ImportShares, Reliance, Share, parse_published
from ..errors import DataError
from .batch import Batch, built, reason_for, set_note
from .countries import CountryNames
from .release import ReleaseFile, publication_url, short_period, year_of
from .text import clean_name, squash
from .usgs_names import CHAPTER_PARTS, COMMODITY_OF, FORMS, PRIMARY_SERIES, SPECIFIC_PARTS, WHOLE_CATEGORY, WHOLE_NAMES


def chapter_commodity(chapter: str, commodity: str) -> Optional[str]:
    key = (clean_name(chapter).upper(), clean_name(commodity).lower())
    if key in CHAPTER_PARTS:
        return CHAPTER_PARTS[key]
    if key[0] in {c for c, _ in CHAPTER_PARTS}:
        return None
    return COMMODITY_OF.get(key[0])


def specific_part(chapter: str, commodity: str) -> Optional[str]:
    """The record of a subgroup, element or form a chapter prints figures for (usgs_names.SPECIFIC_PARTS), if any."""
    return SPECIFIC_PARTS.get((clean_name(chapter).upper(), clean_name(commodity).lower()))


def parse_commodities(release: ReleaseFile, edition: int, batch: Batch, countries: CountryNames) -> None:
    """Import-source shares by category and each chapter's NIR series."""
    file_name = Path(release.path).name
    groups: dict[tuple[str, str, str], list[tuple[dict[str, str], int]]] = {}
    series: dict[tuple[str, str, str], dict[int, tuple[str, int]]] = {}
    for row, line in zip(release.rows, release.lines):
        cid = specific_part(row["MCS chapter"], row["Commodity"]) or chapter_commodity(row["MCS chapter"], row["Commodity"])
        section = clean_name(row["Section"])
        if section == "Import Sources":
            if cid is None:
                continue
            key = (cid, clean_name(row["MCS chapter"]), clean_name(row["Commodity"]))
            groups.setdefault(key + (clean_name(row["Statistics_detail"]),), []).append((row, line))
        elif clean_name(row["Statistics"]) == "Net import reliance" and cid is not None:
            detail = clean_name(row["Statistics_detail"])
            part = detail.split(":", 1)[1].strip().lower() if ":" in detail else ""
            key = (cid, clean_name(row["MCS chapter"]), clean_name(row["Commodity"]).lower() + "|" + part)
            year = year_of(row["Year"])
            if year is not None:
                series.setdefault(key, {})[year] = (squash(row["Value"]), line, _notes(row["Notes"]))
    for (cid, chapter, commodity, category), rows in groups.items():
        combined = [clean_name(r["Country"]) for r, _ in rows if _is_combined(r["Country"], countries)]
        if combined:
            batch.skipped.append(
                f"{file_name}:{rows[0][1]}: {chapter} {category!r}: {combined[0]!r} is several countries in one "
                "entry, not a country share; no share list made"
            )
            set_note(batch, cid, f"MCS {edition} Import Sources", f"{chapter} lists {combined[0]!r} together "
                      f"({', '.join(_notes(rows[0][0]['Notes'])) or 'no shares by country'})")
            continue
        shares = _share_list(cid, chapter, commodity, category, rows, edition, release.path, file_name, countries)
        batch.shares.setdefault(cid, []).append(shares)
        batch.shares_period = batch.shares_period or shares.period
        batch.names.setdefault(cid, commodity)
    for cid, lists in batch.shares.items():
        _mark_whole(cid, lists, batch)
    _chapter_series(series, edition, batch, release.path, file_name)
    batch.kinds.append("commodities")
    batch.files.append(release.path)
    if batch.data_year is None:
        batch.data_year = edition - 1


def _share_list(cid, chapter, commodity, category, rows, edition, path, file_name, countries) -> ImportShares:
    shares, notes = [], []
    periods = {_period(row, line, path) for row, line in rows}
    if len(periods) != 1:
        raise DataError([f"{path}:{rows[0][1]}: {chapter} {category!r}: more than one period {sorted(periods)}"])
    for row, line in rows:
        shares.append(_share(row, line, path, countries))
        for note in _notes(row["Notes"]):
            tagged = f"{clean_name(row['Country'])}: {note}" if note.lower().startswith("includes hong kong") else note
            if tagged not in notes:
                notes.append(tagged)
    label = category
    total = sum(s.percent for s in shares)
    complete = abs(total - 100) <= 1
    if not complete:
        notes.append(f"shares as published sum to {total:g}%, so the list is marked incomplete")
    return built(
        ImportShares,
        f"{path}:{rows[0][1]}",
        edition=edition,
        period=periods.pop(),
        category=label,
        whole=False,
        complete=complete,
        shares=shares,
        source=Citation(
            source=f"USGS MCS {edition}",
            table=f"{chapter} chapter, Import Sources, {label!r}; data release {file_name}",
            url=publication_url(edition),
        ),
        note=" ".join(notes) or None,
    )


def _period(row: dict[str, str], line: int, path: str) -> str:
    """The import-sources period of a row ('2021–24' -> '2021-24'); anything else is a DataError at its line."""
    try:
        return short_period(row["Year"])
    except ValueError:
        raise DataError([f"{path}:{line}: Year: {squash(row['Year'])!r} is not a period of years such as "
                         "'2021-24' (an Import Sources row gives the years its shares cover)"]) from None


def _is_combined(name: str, countries: CountryNames) -> bool:
    """'China, Germany, and Russia': USGS names a group of countries where it has no split."""
    cleaned = clean_name(name)
    return not countries.knows(cleaned) and ("," in cleaned or " and " in cleaned)


def _notes(text: str) -> list[str]:
    return [squash(n) for n in text.split(" -- ") if squash(n)]


def _share(row: dict[str, str], line: int, path: str, countries: CountryNames) -> Share:
    """One country's share; USGS's bounds ('>99', '<1') are kept as printed, with the bound as percent."""
    where = f"{path}:{line}"
    name = clean_name(row["Country"])
    value = squash(row["Value"])
    code = countries.code(name, f"{where}: Country")
    try:
        percent, qualifier = parse_published(value)
    except ValueError:
        qualifier = None
    if qualifier not in ("exact", "<", ">"):
        raise DataError([f"{where}: Value: {value!r} is not a percentage (a number, >N or <N)"])
    published = value if qualifier != "exact" else None
    return built(Share, where, country=code, name=name, percent=percent, published=published)


def _mark_whole(cid: str, lists: list[ImportShares], batch: Batch) -> None:
    """Mark the one category that stands for the whole commodity, if there is one."""
    if cid in WHOLE_CATEGORY:
        wanted = WHOLE_CATEGORY[cid]
    elif len(lists) == 1:
        wanted = lists[0].category
    else:
        named = [s.category for s in lists if WHOLE_NAMES.match(s.category)]
        wanted = named[0] if len(named) == 1 else None
    for i, s in enumerate(lists):
        if s.category == wanted:
            lists[i] = s.model_copy(update={"whole": True})
    if wanted is not None and not any(s.whole for s in lists):
        batch.warnings.append(f"{cid}: category {wanted!r} that stands for the whole is not in the file")
    elif wanted is None and cid not in WHOLE_CATEGORY:
        batch.warnings.append(f"{cid}: no share category marked as the whole commodity ({', '.join(s.category for s in lists)})")


def _chapter_series(series, edition: int, batch: Batch, path: str, file_name: str) -> None:
    """The chapter's NIR for the data year, and the whole series as a commodity note."""
    by_commodity: dict[str, list[tuple[str, str, dict]]] = {}
    for (cid, chapter, key), values in series.items():
        by_commodity.setdefault(cid, []).append((chapter, key, values))
    for cid, entries in sorted(by_commodity.items()):
        primary = _primary_series(cid, entries)
        parts = []
        for chapter, key, values in entries:
            commodity, part = key.split("|")
            years = sorted(values)
            span = f"{years[0]}-{str(years[-1])[-2:]}" if len(years) > 1 else str(years[0])
            parts.append(f"{part or commodity} {span}: " + ", ".join(values[y][0] for y in years))
        if primary is not None:
            chapter, key, values = primary
            definition = [n for n in values[max(values)][2] if n != "Estimated."]
            if definition:
                parts.append(f"USGS note on {max(values)}: " + " ".join(definition))
        if len(parts) > 1 or len(next(iter(entries))[2]) > 1:
            set_note(batch, cid, f"MCS {edition} chapter NIR series (later years revise earlier editions)", "; ".join(parts))
        if primary is None:
            continue
        year = max(values)
        published, line, _ = values[year]
        try:
            parse_published(published)
        except ValueError as exc:
            raise DataError([f"{path}:{line}: Value: {exc}"]) from None
        batch.names.setdefault(cid, key.split("|")[0].title())
        batch.chapter_reliance[cid] = built(
            Reliance,
            f"{path}:{line}",
            edition=edition,
            year=year,
            published=published,
            form=FORMS.get(cid),
            reason=reason_for(published, f"MCS {edition} {chapter} chapter"),
            source=Citation(
                source=f"USGS MCS {edition}",
                table=f"{chapter} chapter, Salient Statistics, net import reliance {year}; data release {file_name}",
                url=publication_url(edition),
            ),
        )


def _primary_series(cid: str, entries):
    if cid in PRIMARY_SERIES:
        chapter, commodity, part = PRIMARY_SERIES[cid]
        for entry in entries:
            if entry[0].upper() == chapter and entry[1] == f"{commodity}|{part}":
                return entry
        return None
    return entries[0] if len(entries) == 1 else None
