"""Read the USGS Mineral Commodity Summaries data-release files into our records.

Two formats are understood:

* the figure file `MCSYYYY_Fig2_Net_Import_Reliance.csv`: one row per
  commodity with its net import reliance (NIR) as printed and the ordered
  "major import sources";
* the per-chapter file `MCS2026_Commodities_Data.csv` (cp1252): its
  `Import Sources` rows are USGS's own percentage shares by category, its
  `Net import reliance` rows each chapter's five-year series.

The files carry quirks that must not leak into the data: a UTF-8 BOM, CRLF
or LF line ends, footnote digits glued to names (`China3`), stray spaces and
no-break spaces.  Parsing is pure (text in, records out); `merge` folds the
records into an existing YAML document so that curated fields survive a
re-run, and next year's edition is one command.  `run` is that command:
it chooses the file (never the shipped data), validates what it starts from
and what it writes.  Country names are resolved through the country registry
(country_groups.yaml) of the data directory in use, where USGS's printed
names are aliases.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .errors import DataError, UsageError
from .models import Citation, Commodity, CountryRef, ImportShares, RankedSources, Reliance, Share, parse_published

# --------------------------------------------------------------------------
# Names: USGS rows and chapters -> our commodity ids

# Fig. 2 row name (upper case, before the first comma) -> commodity id, for the
# row whose NIR is the commodity's own (the form the critical-minerals tables use).
FIG2_PRIMARY = {
    "ANTIMONY": "antimony",
    "ARSENIC": "arsenic",
    "BARITE": "barite",
    "BAUXITE": "aluminum",
    "BERYLLIUM": "beryllium",
    "BISMUTH": "bismuth",
    "BORON": "boron",
    "CESIUM": "cesium",
    "CHROMIUM": "chromium",
    "COBALT": "cobalt",
    "COPPER": "copper",
    "FLUORSPAR": "fluorspar",
    "GALLIUM": "gallium",
    "GERMANIUM": "germanium",
    "GRAPHITE (NATURAL)": "graphite",
    "HAFNIUM": "hafnium",
    "HELIUM": "helium",
    "INDIUM": "indium",
    "LEAD": "lead",
    "LITHIUM": "lithium",
    "MAGNESIUM METAL": "magnesium",
    "MANGANESE": "manganese",
    "NICKEL": "nickel",
    "NIOBIUM (COLUMBIUM)": "niobium",
    "PALLADIUM": "palladium",
    "PHOSPHATE ROCK": "phosphate",
    "PLATINUM": "platinum",
    "POTASH": "potash",
    "RARE EARTHS": "rare earths",
    "RHENIUM": "rhenium",
    "RUBIDIUM": "rubidium",
    "SCANDIUM": "scandium",
    "SILICON": "silicon",
    "SILVER": "silver",
    "STRONTIUM": "strontium",
    "TANTALUM": "tantalum",
    "TELLURIUM": "tellurium",
    "TIN": "tin",
    "TITANIUM": "titanium",
    "TUNGSTEN": "tungsten",
    "VANADIUM": "vanadium",
    "YTTRIUM": "yttrium",
    "ZINC": "zinc",
    "ZIRCONIUM": "zirconium",
}

# Fig. 2 rows that are another form of one of our commodities: noted, not used as its NIR.
FIG2_OTHER_FORMS = {
    "ALUMINA": "aluminum",
    "ALUMINUM": "aluminum",
    "MAGNESIUM COMPOUNDS": "magnesium",
    "TITANIUM MINERAL CONCENTRATES": "titanium",
}

# The form whose NIR stands for the commodity (USGS critical-minerals salient tables).
FORMS = {
    "aluminum": "bauxite",
    "antimony": "metal and oxide",
    "arsenic": "all forms",
    "bismuth": "metal, alloys, and scrap",
    "chromium": "all forms",
    "cobalt": "metal, oxides, and salts",
    "copper": "refined metal",
    "gallium": "metal",
    "graphite": "natural graphite",
    "lead": "refined metal",
    "magnesium": "metal",
    "manganese": "manganese content",
    "nickel": "total, including nickel in scrap",
    "niobium": "niobium (columbium)",
    "phosphate": "phosphate rock",
    "rare earths": "compounds and metals",
    "silicon": "silicon metal and ferrosilicon",
    "tin": "refined metal",
    "titanium": "sponge metal",
    "yttrium": "compounds",
    "zinc": "refined metal",
    "zirconium": "ores and concentrates",
}

# MCS chapter -> commodity id, where the chapter is one commodity of ours.
CHAPTERS = {
    "ALUMINUM": "aluminum",
    "ANTIMONY": "antimony",
    "ARSENIC": "arsenic",
    "BARITE": "barite",
    "BAUXITE AND ALUMINA": "aluminum",
    "BERYLLIUM": "beryllium",
    "BISMUTH": "bismuth",
    "BORON": "boron",
    "CESIUM": "cesium",
    "CHROMIUM": "chromium",
    "COBALT": "cobalt",
    "COPPER": "copper",
    "FLUORSPAR": "fluorspar",
    "GALLIUM": "gallium",
    "GERMANIUM": "germanium",
    "GRAPHITE (NATURAL)": "graphite",
    "INDIUM": "indium",
    "LEAD": "lead",
    "LITHIUM": "lithium",
    "MAGNESIUM COMPOUNDS": "magnesium",
    "MAGNESIUM METAL": "magnesium",
    "MANGANESE": "manganese",
    "NICKEL": "nickel",
    "NIOBIUM (COLUMBIUM)": "niobium",
    "PHOSPHATE ROCK": "phosphate",
    "POTASH": "potash",
    "RARE EARTHS": "rare earths",
    "RARE EARTHS (HEAVY)": "rare earths",
    "RHENIUM": "rhenium",
    "RUBIDIUM": "rubidium",
    "SCANDIUM": "scandium",
    "SILICON": "silicon",
    "SILVER": "silver",
    "STRONTIUM": "strontium",
    "TANTALUM": "tantalum",
    "TELLURIUM": "tellurium",
    "TIN": "tin",
    "TITANIUM AND TITANIUM DIOXIDE": "titanium",
    "TITANIUM MINERAL CONCENTRATES": "titanium",
    "TUNGSTEN": "tungsten",
    "VANADIUM": "vanadium",
    "YTTRIUM": "yttrium",
    "ZINC": "zinc",
}

# Chapters that hold several commodities: (chapter, `Commodity` column) -> id; others are skipped.
CHAPTER_PARTS = {
    ("HELIUM AND RARE GASES", "helium"): "helium",
    ("PLATINUM-GROUP METALS", "palladium"): "palladium",
    ("PLATINUM-GROUP METALS", "platinum"): "platinum",
    ("ZIRCONIUM AND HAFNIUM", "hafnium"): "hafnium",
    ("ZIRCONIUM AND HAFNIUM", "zirconium"): "zirconium",
}

# Where a chapter prints several NIR series, the one whose form the commodity uses:
# (chapter, `Commodity` column, part of Statistics_detail after the colon).
PRIMARY_SERIES = {
    "aluminum": ("BAUXITE AND ALUMINA", "bauxite", ""),
    "magnesium": ("MAGNESIUM METAL", "magnesium metal", ""),
    "rare earths": ("RARE EARTHS", "rare earths", "compounds and metals"),
    "silicon": ("SILICON", "silicon", "total"),
    "titanium": ("TITANIUM AND TITANIUM DIOXIDE", "titanium sponge metal", ""),
    "zinc": ("ZINC", "zinc", "refined zinc"),
}

# The share category that stands for the whole commodity, where the name alone does not say.
# Each is the category whose order Fig. 2 prints for the commodity's NIR row.
WHOLE_CATEGORY = {
    "aluminum": "Bauxite",
    "arsenic": "All forms of arsenic",
    "copper": "Refined copper",
    "hafnium": None,  # unwrought and wrought are listed apart; neither is the whole
    "lead": "Refined metal",
    "magnesium": "Combined total (includes magnesium content of alloys, metal, powder, scrap, sheet, and other)",
    "manganese": "Manganese contained in principal manganese imports",
    "nickel": "Primary nickel",
    "rare earths": "Rare-earth compounds and metals",
    "tin": "Refined tin",
    "titanium": "Titanium Sponge Metal",
    "zinc": "Refined metal",
    "zirconium": "Zirconium ores and concentrates",
}
_WHOLE_NAMES = re.compile(r"^(all( forms)?|total( imports| metal and oxide)?|combined total)\b", re.I)

# Share categories named after a part of a chapter, so that 'All' does not read as the whole commodity.
CATEGORY_PREFIX = {
    ("ALUMINUM", "aluminum"): "Aluminum metal",
    ("TITANIUM MINERAL CONCENTRATES", "titanium mineral concentrates"): "Titanium mineral concentrates",
    ("MAGNESIUM COMPOUNDS", "magnesium compounds"): "Magnesium compounds",
}

# --------------------------------------------------------------------------
# Countries: names as USGS prints them -> ISO 3166-1 alpha-2, through the country registry

# The remainder of a list ('Other countries') is no country: its code is null.
OTHER_NAMES = {"other", "other countries", "others"}


def squash(text: str) -> str:
    """Text without no-break spaces, runs of spaces or surrounding spaces."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def clean_name(text: str) -> str:
    """A name as printed, also without a footnote digit glued to its end ('China3')."""
    return squash(re.sub(r"(?<=[A-Za-z)])\d{1,2}\s*$", "", squash(text)))


class CountryNames:
    """USGS's printed country names -> ISO codes, through a registry (country_groups.yaml).

    The registry of the data directory in use already holds USGS's printed
    names as aliases ('Congo (Kinshasa)', 'Korea, Republic of', Burma), so a
    name USGS starts printing is one alias added to that file, and the codes
    written always exist in the registry that later checks them.  A name must
    match a code, name or alias exactly (case, spacing and punctuation aside):
    a guessed country would be an invented figure.
    """

    def __init__(self, countries, registry: str, shipped: bool = False):
        from .resolve import country_index

        self.countries = countries
        self.registry = registry
        self.shipped = shipped
        self._index = country_index(countries)

    @classmethod
    def of_directory(cls, directory: Path) -> "CountryNames":
        from .data import Dataset, shipped_data_dir

        data = Dataset(directory)
        shipped = directory.resolve() == shipped_data_dir().resolve()
        return cls(data.countries, str(data.path("countries")), shipped)

    @classmethod
    def shipped(cls) -> "CountryNames":
        from .data import shipped_data_dir

        return cls.of_directory(shipped_data_dir())

    def is_other(self, name: str) -> bool:
        return clean_name(name).lower() in OTHER_NAMES

    def knows(self, name: str) -> bool:
        from .resolve import normalize

        return self.is_other(name) or normalize(clean_name(name)) in self._index

    def code(self, name: str, where: str) -> Optional[str]:
        """ISO code of a printed name, None for 'Other'; an unknown name is a DataError at `where`."""
        from .resolve import normalize

        if self.is_other(name):
            return None
        code = self._index.get(normalize(clean_name(name)))
        if code is None:
            raise DataError([f"{where}: unknown country {clean_name(name)!r}{self._suggestion(name)}; {self._remedy()}"])
        return code

    def _remedy(self) -> str:
        advice = "if USGS names a country this way, add the name to that country's aliases in "
        if self.shipped:
            return advice + f"the country_groups.yaml of your data directory (this run used the shipped {self.registry})"
        return advice + self.registry

    def _suggestion(self, name: str) -> str:
        from .errors import NotFound
        from .resolve import resolve_country

        try:
            code = resolve_country(self.countries, clean_name(name))  # also tries singulars
        except NotFound as exc:
            return f" ({exc.hint})" if exc.hint and exc.hint.startswith("did you mean") else ""
        return f" (did you mean {code}?)"


# --------------------------------------------------------------------------
# Reading files


@dataclass
class ReleaseFile:
    path: str
    kind: str  # 'fig2' or 'commodities'
    rows: list[dict[str, str]]
    header: list[str]
    lines: list[int]  # line number of each row, for messages


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first; the Commodities file is cp1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def read_release(path: Path) -> ReleaseFile:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_release(decode(raw), str(path))


# Every column the Commodities parser reads; the file is recognised by its first one.
COMMODITIES_COLUMNS = ("MCS chapter", "Section", "Commodity", "Country", "Statistics", "Statistics_detail", "Year",
                       "Value", "Notes")


def parse_release(text: str, name: str) -> ReleaseFile:
    """Split CSV text into rows and tell which of the two formats it is."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
        kind = _kind(header, name)
        rows, lines = [], []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise DataError([f"{name}:{reader.line_num}: {len(values)} fields, the header has {len(header)}"])
            rows.append(dict(zip(header, values)))
            lines.append(reader.line_num)
    except StopIteration:
        raise DataError([f"{name}:1: empty file"]) from None
    except csv.Error as exc:
        raise DataError([f"{name}:{reader.line_num}: not readable as CSV: {exc}"]) from None
    return ReleaseFile(name, kind, rows, header, lines)


def _kind(header: list[str], name: str) -> str:
    """'fig2' or 'commodities'; a Commodities file lacking a column the parser reads is refused here, once."""
    if "Commodity" in header and any(re.fullmatch(r"Net_Import_Reliance_pct_\d{4}", h) for h in header):
        return "fig2"
    if "MCS chapter" in header:
        missing = [c for c in COMMODITIES_COLUMNS if c not in header]
        if missing:
            raise DataError([f"{name}:1: {c}: missing column (a Commodities_Data file has "
                             f"{', '.join(COMMODITIES_COLUMNS)})" for c in missing])
        return "commodities"
    raise DataError(
        [
            f"{name}:1: not a known USGS MCS file: expected the Fig. 2 header "
            "(Source, Import_Share_Order, Commodity, Net_Import_Reliance_pct_YYYY, ...) or the "
            "Commodities_Data header (MCS chapter, Section, Commodity, Country, ...)"
        ]
    )


def _year(text: str) -> Optional[int]:
    """A four-digit year, or None for anything else ('2021-24', '', 'E')."""
    t = text.strip()
    return int(t) if re.fullmatch(r"\d{4}", t) else None


def detect_edition(release: ReleaseFile) -> Optional[int]:
    """The MCS edition from the file name, else from the header or the Source column."""
    m = re.search(r"MCS(\d{4})", Path(release.path).name, re.I)
    if m:
        return int(m.group(1))
    if release.kind == "fig2":
        year = _fig2_data_year(release)
        if year:
            return year + 1
        sources = {r.get("Source", "").strip() for r in release.rows}
        m = re.fullmatch(r"MCS(\d{4})", next(iter(sources), "")) if len(sources) == 1 else None
        return int(m.group(1)) if m else None
    years = [y for y in (_year(r["Year"]) for r in release.rows) if y is not None]
    return max(years) + 1 if years else None


def _fig2_data_year(release: ReleaseFile) -> Optional[int]:
    for h in release.header:
        m = re.fullmatch(r"Net_Import_Reliance_pct_(\d{4})", h)
        if m:
            return int(m.group(1))
    return None


def _fig2_period(release: ReleaseFile) -> tuple[Optional[str], Optional[str]]:
    """(column, period as 'YYYY-YY') of the major-import-sources column."""
    for h in release.header:
        m = re.fullmatch(r"Major_Import_Sources_(\d{4})_(\d{2}|\d{4})", h)
        if m:
            return h, f"{m.group(1)}-{m.group(2)[-2:]}"
    return None, None


def short_period(text: str) -> str:
    """'2021–24', '2021-2024' or '2021_24' -> '2021-24'."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-–_]\s*(\d{2}|\d{4})\s*", text)
    if not m:
        raise ValueError(f"not a period: {text!r}")
    return f"{m.group(1)}-{m.group(2)[-2:]}"


# --------------------------------------------------------------------------
# Records


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


def publication_url(edition: int) -> str:
    return f"https://pubs.usgs.gov/periodicals/mcs{edition}/mcs{edition}.pdf"


def fig2_main_name(commodity: str) -> str:
    return clean_name(commodity.split(",")[0]).upper()


def parse_fig2(release: ReleaseFile, edition: int, batch: Batch, countries: CountryNames) -> None:
    """NIR and ranked sources of every Fig. 2 row that is one of our commodities."""
    year = _fig2_data_year(release)
    column, period = _fig2_period(release)
    nir_column = f"Net_Import_Reliance_pct_{year}"
    batch.data_year = batch.data_year or year
    batch.shares_period = batch.shares_period or period
    file_name = Path(release.path).name
    other_forms: dict[str, list[str]] = {}
    for row, line in zip(release.rows, release.lines):
        printed = clean_name(row["Commodity"])
        main = fig2_main_name(row["Commodity"])
        published = squash(row[nir_column])
        sources = _source_names(row.get(column, "") if column else "", countries)
        if main in FIG2_OTHER_FORMS:
            cid = FIG2_OTHER_FORMS[main]
            listed = f" ({', '.join(sources)})" if sources else ""
            other_forms.setdefault(cid, []).append(f"{printed} {published}{listed}")
            continue
        cid = FIG2_PRIMARY.get(main)
        if cid is None:
            batch.skipped.append(f"{file_name}:{line}: {printed!r} is not one of our commodities")
            continue
        try:
            parse_published(published)
        except ValueError as exc:
            raise DataError([f"{release.path}:{line}: {nir_column}: {exc}"]) from None
        notes = squash(row.get("Notes", ""))
        table = f"Fig. 2 (net import reliance), row {printed!r}; data release {file_name}"
        batch.names.setdefault(cid, printed)
        where = f"{release.path}:{line}"
        batch.reliance[cid] = _built(
            Reliance,
            where,
            edition=edition,
            year=year,
            published=published,
            form=FORMS.get(cid),
            reason=_reason(published, f"MCS {edition} Fig. 2"),
            source=Citation(source=f"USGS MCS {edition}", table=table, url=publication_url(edition)),
        )
        if sources:
            batch.ranked[cid] = _built(
                RankedSources,
                where,
                edition=edition,
                period=period,
                countries=[CountryRef(country=countries.code(name, f"{where}: {column}"), name=name) for name in sources],
                source=Citation(
                    source=f"USGS MCS {edition}",
                    table=f"Fig. 2, major import sources {period}, row {printed!r}; data release {file_name}",
                    url=publication_url(edition),
                    note=notes or None,
                ),
            )
    for cid, forms in other_forms.items():
        _set_note(batch, cid, f"MCS {edition} Fig. 2 also shows", "; ".join(forms))
    batch.kinds.append("fig2")
    batch.files.append(release.path)


def _source_names(text: str, countries: CountryNames) -> list[str]:
    """'China, Germany3 , Other' -> ['China', 'Germany']; 'NA' -> []."""
    names = [clean_name(p) for p in text.split(",")]
    return [n for n in names if n and n != "NA" and not countries.is_other(n)]


def _built(model, where: str, **fields):
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


def _reason(published: str, where: str) -> Optional[str]:
    if published == "W":
        return f"withheld by USGS ({where}) to avoid disclosing company proprietary data"
    if published == "NA":
        return f"not available: USGS prints NA ({where})"
    return None


def _set_note(batch: Batch, cid: str, prefix: str, text: str) -> None:
    batch.commodity_notes.setdefault(cid, []).append(f"{prefix}: {text}")


def chapter_commodity(chapter: str, commodity: str) -> Optional[str]:
    key = (clean_name(chapter).upper(), clean_name(commodity).lower())
    if key in CHAPTER_PARTS:
        return CHAPTER_PARTS[key]
    if key[0] in {c for c, _ in CHAPTER_PARTS}:
        return None
    return CHAPTERS.get(key[0])


def parse_commodities(release: ReleaseFile, edition: int, batch: Batch, countries: CountryNames) -> None:
    """Import-source shares by category and each chapter's NIR series."""
    file_name = Path(release.path).name
    groups: dict[tuple[str, str, str], list[tuple[dict[str, str], int]]] = {}
    series: dict[tuple[str, str, str], dict[int, tuple[str, int]]] = {}
    for row, line in zip(release.rows, release.lines):
        cid = chapter_commodity(row["MCS chapter"], row["Commodity"])
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
            year = _year(row["Year"])
            if year is not None:
                series.setdefault(key, {})[year] = (squash(row["Value"]), line, _notes(row["Notes"]))
    for (cid, chapter, commodity, category), rows in groups.items():
        combined = [clean_name(r["Country"]) for r, _ in rows if _is_combined(r["Country"], countries)]
        if combined:
            batch.skipped.append(
                f"{file_name}:{rows[0][1]}: {chapter} {category!r}: {combined[0]!r} is several countries in one "
                "entry, not a country share; no share list made"
            )
            _set_note(batch, cid, f"MCS {edition} Import Sources", f"{chapter} lists {combined[0]!r} together "
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
    prefix = CATEGORY_PREFIX.get((chapter.upper(), commodity.lower()))
    label = f"{prefix}: {category}" if prefix else category
    total = sum(s.percent for s in shares)
    complete = abs(total - 100) <= 1
    if not complete:
        notes.append(f"shares as published sum to {total:g}%, so the list is marked incomplete")
    return _built(
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
    return _built(Share, where, country=code, name=name, percent=percent, published=published)


def _mark_whole(cid: str, lists: list[ImportShares], batch: Batch) -> None:
    """Mark the one category that stands for the whole commodity, if there is one."""
    if cid in WHOLE_CATEGORY:
        wanted = WHOLE_CATEGORY[cid]
    elif len(lists) == 1:
        wanted = lists[0].category
    else:
        named = [s.category for s in lists if _WHOLE_NAMES.match(s.category)]
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
            _set_note(batch, cid, f"MCS {edition} chapter NIR series (later years revise earlier editions)", "; ".join(parts))
        if primary is None:
            continue
        year = max(values)
        published, line, _ = values[year]
        try:
            parse_published(published)
        except ValueError as exc:
            raise DataError([f"{path}:{line}: Value: {exc}"]) from None
        batch.names.setdefault(cid, key.split("|")[0].title())
        batch.chapter_reliance[cid] = _built(
            Reliance,
            f"{path}:{line}",
            edition=edition,
            year=year,
            published=published,
            form=FORMS.get(cid),
            reason=_reason(published, f"MCS {edition} {chapter} chapter"),
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


def ingest(paths: list[Path], edition: Optional[int] = None, countries: Optional[CountryNames] = None) -> Batch:
    """Read release files of one edition into a Batch; the edition is checked against each file.

    Country names go through `countries` (default: the shipped registry).
    """
    releases = [read_release(p) for p in paths]
    editions = {r.path: detect_edition(r) for r in releases}
    found = {e for e in editions.values() if e is not None}
    if edition is None:
        if len(found) != 1 or None in editions.values():
            unknown = [p for p, e in editions.items() if e is None]
            hint = f"cannot tell the edition of {', '.join(unknown)}" if unknown else f"files of editions {sorted(found)}"
            raise UsageError(f"{hint}; give --edition YEAR", "files are named like MCS2026_Fig2_Net_Import_Reliance.csv")
        edition = found.pop()
    else:
        wrong = [f"{p} (MCS {e})" for p, e in editions.items() if e is not None and e != edition]
        if wrong:
            raise UsageError(f"--edition {edition} does not match {', '.join(wrong)}")
    countries = countries or CountryNames.shipped()
    batch = Batch(edition=edition)
    for release in sorted(releases, key=lambda r: r.kind != "fig2"):
        if release.kind == "fig2":
            parse_fig2(release, edition, batch, countries)
        else:
            parse_commodities(release, edition, batch, countries)
    _cross_check(batch)
    return batch


def _cross_check(batch: Batch) -> None:
    for cid, chapter in batch.chapter_reliance.items():
        fig2 = batch.reliance.get(cid)
        if fig2 is not None and fig2.published != chapter.published:
            batch.warnings.append(
                f"{cid}: Fig. 2 prints {fig2.published!r}, the chapter {chapter.published!r}; Fig. 2 kept"
            )


# --------------------------------------------------------------------------
# Merging into a YAML document (plain dicts, as loaded)


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
            record = {"id": cid, "name": batch.names.get(cid, cid)}
            if FORMS.get(cid):
                record["form"] = FORMS[cid]
            doc["commodities"].append(record)
            index[cid] = record
            counts["commodities_created"] += 1
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
            _put_by_edition(record, "ranked_sources", to_plain(batch.ranked[cid]))
            counts["ranked_sources"] += 1
        for shares in batch.shares.get(cid, []):
            _put_shares(record, to_plain(shares))
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


def _put_by_edition(record: dict[str, Any], key: str, new: dict[str, Any]) -> None:
    items = [x for x in record.setdefault(key, []) if x.get("edition") != new["edition"]]
    items.append(new)
    items.sort(key=lambda x: x["edition"])
    record[key] = items


def _put_shares(record: dict[str, Any], new: dict[str, Any]) -> None:
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


# Commodity notes the ingester writes, by the kind of file they come from.
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


# --------------------------------------------------------------------------
# One run of `minerals ingest-mcs`: choose the file, merge, write it checked


@dataclass
class Plan:
    """Where a run writes, what it starts from, and whose country registry names the countries."""

    target: Path
    base: Path
    directory: Path


def run(files: list[Path], edition: Optional[int], output: Optional[Path], data_dir: Optional[Path]):
    """Ingest release files into the --output file or the data directory's import_dependence.yaml.

    The records are merged into the file as it is (the --output file if it
    exists, else the data directory's), so curated notes, reasons, other
    editions and headline counts survive.  The shipped data is never written.
    """
    from .models import IngestCounts, IngestResult

    plan = choose_target(output, data_dir)
    countries, notes = registry_of(plan.directory)
    doc, header = read_base(plan.base)
    batch = ingest(files, edition, countries)
    merged, counts, warnings = merge(doc, batch)
    write_checked(plan.target, dump_yaml(merged, header))
    return IngestResult(
        files=[str(f) for f in files],
        kinds=batch.kinds,
        edition=batch.edition,
        data_year=batch.data_year or batch.edition - 1,
        output=str(plan.target),
        counts=IngestCounts(**counts),
        skipped=batch.skipped,
        warnings=notes + batch.warnings + warnings,
    )


def choose_target(output: Optional[Path], data_dir: Optional[Path]) -> Plan:
    """--output wins; else the explicitly named data directory's file; never a file of the shipped data."""
    import os

    from .data import FILES, resolve_data_dir

    explicit = data_dir or (Path(os.environ["MINERALS_DATA_DIR"]) if os.environ.get("MINERALS_DATA_DIR") else None)
    directory = resolve_data_dir(explicit)  # the shipped directory when none is named
    if output is not None:
        target = output
    elif explicit is not None:
        target = directory / FILES["trade"]
    else:
        raise UsageError(
            "ingest-mcs writes no file without --output FILE or a data directory of your own "
            "(--data-dir DIR or MINERALS_DATA_DIR)",
            "the data shipped with the package is never written",
        )
    _refuse_shipped(target)
    base = target if target.exists() else directory / FILES["trade"]
    return Plan(target=target, base=base, directory=directory)


def _refuse_shipped(target: Path) -> None:
    """The shipped data is the package's, whichever option or variable points at it (symlinks resolved)."""
    from .data import shipped_data_dir

    shipped = shipped_data_dir().resolve()
    if target.resolve().parent == shipped:
        raise UsageError(
            f"{target} is in the data shipped with the package ({shipped}), which ingest-mcs never writes",
            "write to a file of your own with --output FILE (it starts from the shipped records), "
            "or to a copy of the data directory named with --data-dir DIR",
        )


def registry_of(directory: Path) -> tuple[CountryNames, list[str]]:
    """The country registry of the data directory in use; the shipped one if the directory has none."""
    from .data import FILES

    if (directory / FILES["countries"]).exists():
        return CountryNames.of_directory(directory), []
    names = CountryNames.shipped()
    return names, [f"{directory} has no {FILES['countries']}: country names were resolved through {names.registry}"]


def read_base(base: Path) -> tuple[dict[str, Any], str]:
    """(document, leading comment block) to merge into; an empty or absent file starts a new document.

    The file is validated as a whole first, so that a broken base is reported
    as `file:line: field` of that file rather than failing inside the merge.
    """
    from .data import read_yaml, validate_file

    if not base.exists():
        return empty_document(), ""
    doc = read_yaml(base)
    if doc is not None:
        validate_file("trade", base)
    try:
        header = leading_comments(base.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise DataError([f"{base}:1: not UTF-8 text ({exc.reason})"]) from None
    return (doc if doc is not None else empty_document()), header


def write_checked(target: Path, text: str) -> None:
    """Replace the target only with a document that validates.

    The text goes to a temporary file beside the target, is validated there
    and then renamed over the target in one step.  A document that fails is
    kept as `<target>.rejected` and its problems name that file, so that every
    `file:line` of the message can be opened; the target is left as it was.
    """
    import os

    from .data import validate_file

    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        try:
            validate_file("trade", tmp)
        except DataError as exc:
            rejected = target.with_name(target.name + ".rejected")
            os.replace(tmp, rejected)
            raise DataError(
                [_renamed(p, tmp, rejected) for p in exc.problems]
                + [f"{target}: left unchanged; the merged document that failed validation is kept in {rejected}"]
            ) from None
        os.replace(tmp, target)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _renamed(problem: str, old: Path, new: Path) -> str:
    return str(new) + problem[len(str(old)):] if problem.startswith(str(old)) else problem
