"""The schema of the data files: the contract of `data/*.yaml`.

A file that does not fit these models is refused with its file, line and
field (validation.py).  Unknown keys are refused too: in a data file they
are typos, not extensions.  What the commands return is in results/.
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .records import BOUND, parse_published, parse_world_value


class Located(ValueError):
    """A cross-record error that knows which record it is about.

    Model-level validators raise it with the path below the model (e.g.
    ("minerals", 4, "id")), so the loader can point at the offending line.
    """

    def __init__(self, message: str, *loc: str | int):
        super().__init__(message)
        self.loc = loc


class Problems(ValueError):
    """Every cross-record problem of one file, so a user sees them all at once."""

    def __init__(self, problems: list[Located]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _raise_all(problems: list[Located]) -> None:
    if problems:
        raise Problems(problems)


class Strict(BaseModel):
    """Base for data-file models: unknown keys are typos, not extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Strict):
    """Where a figure or a list comes from."""

    source: str = Field(description="publication, e.g. 'USGS MCS 2026' or 'FR 2022-04027'")
    table: Optional[str] = Field(None, description="table, figure, chapter or page")
    url: Optional[str] = None
    note: Optional[str] = None


# --------------------------------------------------------------------------
# data/minerals_2025.yaml


class ListInfo(Strict):
    """One published critical-minerals list (Federal Register notice)."""

    id: str = Field(description="'2018', '2022', '2025-draft', '2025'")
    title: str
    status: Literal["final", "draft"]
    published: str = Field(description="publication date, ISO 8601 (lists are ordered by it)")
    count: int = Field(description="number of entries the notice lists")
    previous_final: Optional[str] = Field(None, description="id of the final list before it")
    citation: Citation


    @field_validator("published")
    @classmethod
    def _iso_date(cls, v: str) -> str:
        """Kept as text, but ISO, so that comparing two dates as strings orders them."""
        from datetime import date

        try:
            date.fromisoformat(v)
        except ValueError:
            raise ValueError(f"published date {v!r} is not YYYY-MM-DD") from None
        return v


class Mineral(Strict):
    """A mineral (or a 2018 group entry) that has been on a list."""

    id: str = Field(description="lower-case name, the key used everywhere")
    name: str
    symbol: Optional[str] = None
    group: Optional[Literal["rare earth element", "platinum group metal"]] = None
    kind: Literal["element", "mineral", "fuel", "group entry"] = "element"
    aliases: list[str] = []
    lists: list[str] = Field(description="ids of the lists that name it individually")
    listed_as: dict[str, str] = Field({}, description="list id -> wording in that notice, where it differs")
    covered_by: dict[str, str] = Field({}, description="list id -> group entry that covered it")
    split_into: list[str] = Field([], description="for group entries: the minerals that replaced it")
    commodity: Optional[str] = Field(None, description="key of its record in import_dependence.yaml")
    notes: list[str] = []

    @field_validator("id")
    @classmethod
    def _lower(cls, v: str) -> str:
        if v != v.lower().strip():
            raise ValueError("mineral id must be lower case without surrounding spaces")
        return v


class MineralsFile(Strict):
    lists: list[ListInfo] = Field(min_length=1)
    minerals: list[Mineral]

    @model_validator(mode="after")
    def _consistent(self) -> "MineralsFile":
        list_ids = [entry.id for entry in self.lists]
        problems = _duplicates(list_ids, "list id", "lists")
        problems += _duplicates([m.id for m in self.minerals], "mineral id", "minerals")
        known = set(list_ids)
        ids = {m.id for m in self.minerals}
        for i, m in enumerate(self.minerals):
            for field in ("lists", "listed_as", "covered_by"):
                for lid in getattr(m, field):
                    if lid not in known:
                        problems.append(
                            Located(
                                f"mineral {m.id!r}: unknown list year {lid!r} (known: {', '.join(list_ids)})",
                                "minerals", i, field,
                            )
                        )
            for field in ("covered_by", "split_into"):
                refs = getattr(m, field)
                for ref in refs.values() if isinstance(refs, dict) else refs:
                    if ref not in ids:
                        problems.append(
                            Located(f"mineral {m.id!r}: refers to unknown mineral {ref!r}", "minerals", i, field)
                        )
        for i, info in enumerate(self.lists):
            n = sum(info.id in m.lists for m in self.minerals)
            if n != info.count:
                problems.append(
                    Located(
                        f"list {info.id}: {n} minerals are marked as on it, the notice lists {info.count}",
                        "lists", i, "count",
                    )
                )
        _raise_all(problems)
        return self


def _duplicates(values: list[str], what: str, *where: str | int) -> list[Located]:
    """One problem per repeated value, at its repetition; `where` is the path of the list checked."""
    seen: set[str] = set()
    found = []
    for i, v in enumerate(values):
        if v in seen:
            found.append(Located(f"duplicate {what} {v!r}", *where, i))
        seen.add(v)
    return found


# --------------------------------------------------------------------------
# data/import_dependence.yaml

class Reliance(Strict):
    """Net import reliance of one commodity as published in one edition."""

    edition: int = Field(description="MCS edition year")
    year: int = Field(description="data year")
    published: str = Field(description="as printed: '76', '>50', '<25', 'E', 'W', 'NA'")
    form: Optional[str] = Field(None, description="the form USGS measures, e.g. 'bauxite'")
    basis: Literal["MCS NIR", "EIA"] = "MCS NIR"
    reason: Optional[str] = Field(None, description="why the value is unknown (W, NA)")
    source: Citation
    note: Optional[str] = None

    @field_validator("published")
    @classmethod
    def _parses(cls, v: str) -> str:
        value, _ = parse_published(v)
        if value is not None and not 0 <= value <= 100:
            raise ValueError(f"NIR {v!r} is outside 0-100")
        return v.strip()

    @model_validator(mode="after")
    def _unknown_has_reason(self) -> "Reliance":
        if self.value is None and not self.reason:
            raise ValueError(f"NIR {self.published!r} needs a 'reason'")
        return self

    @property
    def value(self) -> Optional[float]:
        return parse_published(self.published)[0]

    @property
    def qualifier(self) -> str:
        return parse_published(self.published)[1]


class Share(Strict):
    country: Optional[str] = Field(description="ISO 3166-1 alpha-2; null for 'Other'")
    name: str = Field(description="country name as published")
    percent: float = Field(ge=0, le=100)
    published: Optional[str] = Field(
        None, description="as printed where USGS gives a bound ('>99', '<1'); percent then holds the bound"
    )

    @field_validator("country")
    @classmethod
    def _iso2(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not re.fullmatch(r"[A-Z]{2}", v):
            raise ValueError(f"country code {v!r} is not ISO 3166-1 alpha-2")
        return v

    @model_validator(mode="after")
    def _bound_matches(self) -> "Share":
        if self.published is not None:
            m = BOUND.match(self.published.strip())
            if not m or float(m.group(2)) != self.percent:
                raise ValueError(f"published share {self.published!r} must be a bound ('>N' or '<N') with N = percent")
        return self


class ImportShares(Strict):
    """A published 'Import Sources (period)' percentage list."""

    edition: int
    period: str = Field(description="e.g. '2021-24'")
    category: str = Field("all", description="the category USGS splits by, 'all' when unsplit")
    whole: bool = Field(True, description="this category stands for the whole commodity")
    complete: bool = Field(True, description="False where only part of the list is known")
    shares: list[Share]
    source: Citation
    trust: Optional[str] = Field(None, description="for a list not read from a USGS file: how it was read and "
                                                   "how far to trust it")
    note: Optional[str] = None

    @model_validator(mode="after")
    def _sums(self) -> "ImportShares":
        total = sum(s.percent for s in self.shares)
        if self.complete and abs(total - 100) > 1:
            raise ValueError(f"complete share list sums to {total:g}, not 100 ± 1")
        if total > 101:
            raise ValueError(f"share list sums to {total:g}, over 100")
        return self


class CountryRef(Strict):
    country: str
    name: str


class RankedSources(Strict):
    """Fig. 2 'Major import sources': countries in order, no shares."""

    edition: int
    period: str
    countries: list[CountryRef]
    source: Citation


class Commodity(Strict):
    """An MCS commodity's figures; those of a subgroup or element USGS gives figures of its own (`part_of`);
    or those of another form of a commodity that USGS publishes apart (`level: form`)."""

    id: str
    name: str = Field(description="chapter or row name as USGS prints it")
    form: Optional[str] = Field(None, description="form whose NIR is used for the critical mineral; of a form "
                                "record, the form its figures are of")
    level: Literal["commodity", "group", "subgroup", "element", "form"] = Field(
        "commodity", description="'group' for a commodity that covers minerals one by one (the rare earths); "
        "'subgroup' or 'element' for a record more specific than its minerals' commodity; 'form' for another "
        "form of a commodity, published apart (aluminum metal beside bauxite)")
    part_of: Optional[str] = Field(None, description="the record whose figures stand in where this one has none; of "
                                   "a form record, the headline record of its mineral, whose figures never stand in")
    minerals: list[str] = Field([], description="of a subgroup, element or form record: the minerals whose figures "
                                "it holds")
    headline: Optional[str] = Field(None, description="of a commodity with form records: why its form is the "
                                    "headline one")
    reliance: list[Reliance] = []
    import_shares: list[ImportShares] = []
    ranked_sources: list[RankedSources] = []
    notes: list[str] = []


class EditionInfo(Strict):
    edition: int
    data_year: int
    shares_period: str
    title: str
    citation: Citation


class HeadlineCount(Strict):
    """A count USGS itself publishes, used as the acceptance test of the data."""

    edition: int
    list: str
    rule: Literal["lanthanides individually", "rare earths as one group"]
    at_100: int
    over_50: int
    source: Citation
    note: Optional[str] = None


class ImportDependenceFile(Strict):
    editions: list[EditionInfo]
    commodities: list[Commodity]
    headline_counts: list[HeadlineCount] = []

    @model_validator(mode="after")
    def _consistent(self) -> "ImportDependenceFile":
        problems = _duplicates([str(e.edition) for e in self.editions], "edition", "editions")
        problems += _duplicates([c.id for c in self.commodities], "commodity id", "commodities")
        known = {e.edition for e in self.editions}
        for i, c in enumerate(self.commodities):
            eds = [str(r.edition) for r in c.reliance]
            problems += _duplicates(eds, f"reliance edition in {c.id!r}", "commodities", i, "reliance")
            for field in ("reliance", "import_shares", "ranked_sources"):
                for j, rec in enumerate(getattr(c, field)):
                    if rec.edition not in known:
                        problems.append(
                            Located(f"commodity {c.id!r}: unknown edition {rec.edition}", "commodities", i, field, j)
                        )
        problems += _part_of_problems(self.commodities)
        _raise_all(problems)
        return self


def _part_of_problems(commodities: list[Commodity]) -> list:
    """Each `part_of` names a record of the file, and no chain of them comes back to where it started."""
    by_id = {c.id: c for c in commodities}
    problems = []
    for i, c in enumerate(commodities):
        seen, at = {c.id}, c.part_of
        while at is not None:
            if at not in by_id:
                problems.append(Located(f"commodity {c.id!r}: part_of {at!r} is no commodity of the file",
                                        "commodities", i, "part_of"))
                break
            if at in seen:
                problems.append(Located(f"commodity {c.id!r}: part_of comes back to {at!r}", "commodities", i, "part_of"))
                break
            seen.add(at)
            at = by_id[at].part_of
    return problems


# --------------------------------------------------------------------------
# data/country_groups.yaml


class Country(Strict):
    code: str = Field(description="ISO 3166-1 alpha-2 (EU for the European Union)")
    name: str
    aliases: list[str] = Field([], description="other names, e.g. as USGS prints them")
    source: Optional[Citation] = Field(None, description="where the name was met (entries added for the world tables)")


class CountryGroup(Strict):
    id: str = Field(description="short name used on the command line, e.g. 'fta'")
    name: str
    members: list[str] = Field(description="ISO codes")
    as_of: str = Field(description="date the membership was checked against its source")
    source: Citation
    note: Optional[str] = None


class CountriesFile(Strict):
    countries: list[Country]
    groups: list[CountryGroup]

    @model_validator(mode="after")
    def _consistent(self) -> "CountriesFile":
        codes = [c.code for c in self.countries]
        problems = _duplicates(codes, "country code", "countries")
        problems += _duplicates([g.id for g in self.groups], "group id", "groups")
        known = set(codes)
        for i, g in enumerate(self.groups):
            for j, code in enumerate(g.members):
                if code not in known:
                    problems.append(Located(f"group {g.id!r}: unknown country code {code!r}", "groups", i, "members", j))
        _raise_all(problems)
        return self


# --------------------------------------------------------------------------
# data/world_production.yaml


class WorldCell(Strict):
    """A country's (or the world's) figure as printed, with its note."""

    published: str = Field(description="as printed: '900,000', '>85,000,000', '10,000 - 15,000', 'W', 'NA', '—', ...")
    estimated: bool = Field(False, description="USGS marks the figure as estimated")
    note: Optional[str] = None

    @field_validator("published")
    @classmethod
    def _parses(cls, v: str) -> str:
        parse_world_value(v)
        return v


class WorldEntry(WorldCell):
    country: Optional[str] = Field(description="ISO 3166-1 alpha-2; null for 'Other countries'")
    name: str = Field(description="the country as printed")


class WorldSeries(Strict):
    """One world table's figures for one statistic and year, as printed in the chapter."""

    id: str = Field(description="the chapter's name, lower case, and the series' place in it")
    chapter: str = Field(description="the MCS chapter as printed, e.g. 'PLATINUM-GROUP METALS'")
    commodity: Optional[str] = Field(description="key of the commodity in import_dependence.yaml")
    section: str
    statistic: Literal["Production", "Capacity", "Reserves"]
    detail: str = Field(description="the statistic as printed, e.g. 'Mine production', 'Reserves: Cr2O3 content'")
    stage: Literal["mine", "refinery", "smelter", "primary", "production", "capacity", "reserves"]
    unit: str
    year: int
    rounded: bool = Field(description="USGS rounded the world total")
    total: Optional[WorldCell] = None
    entries: list[WorldEntry]


class SkippedChapter(Strict):
    chapter: str
    reason: str


class WorldFile(Strict):
    edition: int = Field(description="MCS edition of the figures")
    source: Citation
    series: list[WorldSeries]
    skipped: list[SkippedChapter] = []

    @model_validator(mode="after")
    def _consistent(self) -> "WorldFile":
        _raise_all(_duplicates([s.id for s in self.series], "series id", "series"))
        return self


# --------------------------------------------------------------------------
# data/targets.yaml


class Target(Strict):
    id: str
    description: str
    kind: Literal["allied share", "autonomy rate"]
    value: float = Field(ge=0, le=100)
    baseline: Optional[float] = Field(None, ge=0, le=100)
    year: Optional[int] = None
    verified: bool = Field(description="False while no primary source states the figure")
    stated_in: Citation
    note: Optional[str] = None


class TargetsFile(Strict):
    targets: list[Target]
