"""Pydantic models of the data files and of every result.

The data models are the contract of `data/*.yaml`: a file that does not fit
them is refused with its file, line and field.  Result models are what the
analysis returns and what `--json` dumps, so their field names are the
documented JSON schema.
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


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

_BOUND = re.compile(r"^([<>])\s*(\d+(?:\.\d+)?)$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def parse_published(text: str) -> tuple[Optional[float], str]:
    """Split a published NIR string into (value, qualifier).

    qualifier is 'exact', '>', '<', 'E' (net exporter), 'W' (withheld) or
    'NA' (not available).  E has value 0 by the DESIGN convention.
    """
    t = text.strip()
    if _NUMBER.match(t):
        return float(t), "exact"
    m = _BOUND.match(t)
    if m:
        return float(m.group(2)), m.group(1)
    if t == "E":
        return 0.0, "E"
    if t in ("W", "NA"):
        return None, t
    raise ValueError(f"not a published NIR value: {text!r} (expected a number, >N, <N, E, W or NA)")


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
            m = _BOUND.match(self.published.strip())
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
    id: str
    name: str = Field(description="chapter or row name as USGS prints it")
    form: Optional[str] = Field(None, description="form whose NIR is used for the critical mineral")
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
        _raise_all(problems)
        return self


# --------------------------------------------------------------------------
# data/country_groups.yaml


class Country(Strict):
    code: str = Field(description="ISO 3166-1 alpha-2 (EU for the European Union)")
    name: str
    aliases: list[str] = Field([], description="other names, e.g. as USGS prints them")


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


# ==========================================================================
# Result models: what analysis returns and `--json` dumps.


class Result(BaseModel):
    """Base of every result: plain data, dumped as is by `--json`."""

    model_config = ConfigDict(frozen=True)


# ---- results: lists, diff, show (issue 2) -------------------------------


class MineralRow(Result):
    id: str
    name: str
    symbol: Optional[str]
    group: Optional[str]
    kind: str
    lists: list[str] = Field(description="ids of the lists that name it individually")


class ListResult(Result):
    list: str
    title: str
    status: str
    published: str
    filters: dict[str, str] = Field(description="the filters applied, as given")
    count: int
    minerals: list[MineralRow]
    citation: Citation


class Split(Result):
    entry: str = Field(description="the group entry of the older list")
    into: list[str] = Field(description="the minerals that replaced it on the newer list")


class DiffResult(Result):
    old: str
    new: str
    added: list[str]
    removed: list[str]
    kept: list[str]
    split: list[Split]
    merged: list[Split] = Field(description="a split seen backwards: elements of `old` that `new` lists as a group entry")
    counts: dict[str, int]
    citations: list[Citation]


class Membership(Result):
    list: str
    title: str
    status: str
    on_list: bool
    how: str = Field(description="'listed', 'listed as <wording>', 'covered by <group entry>' or 'not listed'")


class MineralProfile(Result):
    id: str
    name: str
    symbol: Optional[str]
    group: Optional[str]
    kind: str
    aliases: list[str]
    commodity: Optional[str]
    delisted: bool = Field(description="on an earlier final list but not on the latest one")
    history: list[Membership]
    split_into: list[str]
    notes: list[str]
    citations: list[Citation]
    trade: Optional["TradeProfile"] = Field(
        None, description="reliance history and import sources from import_dependence.yaml (issue 6)"
    )

# ---- results: exposure, country, gaps, scenario (issue 3) ----------------


class Bounded(Result):
    """A computed figure and which way its true value can lie.

    `value` is the DESIGN.md formula evaluated at the published numbers (at
    the bound itself where USGS printed '>50' or '<25'); `low` and `high` are
    the smallest and largest values those published numbers allow.
    """

    value: Optional[float] = Field(description="null when unknown, never 0")
    bound: Literal["exact", "lower", "upper", "range", "unknown"] = Field(
        description="'lower': the true value is at least `value`; 'upper': at most; "
        "'range': somewhere from `low` to `high`; 'unknown': no figure"
    )
    low: Optional[float]
    high: Optional[float]


class Cited(Result):
    """The citation of one figure (or set of figures) a result uses."""

    what: str
    source: Citation


class PublishedNir(Result):
    """Net import reliance as USGS (or EIA) printed it, with its bound read out."""

    edition: int
    year: int
    published: str
    value: Optional[float] = Field(description="the number printed; the bound for >N/<N; 0 for E; null for W/NA")
    qualifier: str = Field(description="'exact', '>', '<', 'E', 'W' or 'NA'")
    bound: Literal["exact", "lower", "upper", "unknown"]
    form: Optional[str]
    basis: str
    reason: Optional[str]
    note: Optional[str]
    source: Citation

    @classmethod
    def of(cls, rel: Reliance) -> "PublishedNir":
        """The record as printed, with what its qualifier says about the number."""
        bound = {">": "lower", "<": "upper", "W": "unknown", "NA": "unknown"}.get(rel.qualifier, "exact")
        return cls(
            edition=rel.edition,
            year=rel.year,
            published=rel.published,
            value=rel.value,
            qualifier=rel.qualifier,
            bound=bound,
            form=rel.form,
            basis=rel.basis,
            reason=rel.reason,
            note=rel.note,
            source=rel.source,
        )


class AllySet(Result):
    """The countries counted as allied suppliers, and how they were chosen."""

    spec: str = Field(description="groups and ISO codes as given, e.g. 'fta,msp,g7,nato'")
    default: bool = Field(description="true when the user did not choose a set")
    parts: list[str]
    countries: list[str] = Field(description="ISO codes of the allied countries (never the United States)")
    note: str


class TargetInfo(Result):
    id: str
    description: str
    kind: str
    value: float
    baseline: Optional[float] = None
    year: Optional[int] = None
    verified: Optional[bool] = Field(description="false: no primary source; null: a target the user gave")
    note: Optional[str] = None
    stated_in: Optional[Citation] = None


class TargetGap(Result):
    target: str = Field(description="target id")
    value: float = Field(description="the target, % of supply")
    verified: Optional[bool]
    gap: Bounded = Field(description="max(0, target - allied share), percentage points")
    met: Optional[bool] = Field(description="true/false when the bounds settle it, null when they do not")


class ShareBasis(Result):
    """The 'Import Sources' percentage list the shares come from."""

    edition: int
    period: str
    category: str
    complete: bool
    named: float = Field(description="sum of the shares of named countries")
    other: float = Field(description="share of 'Other' (not attributed to any country)")
    unattributed: float = Field(description="share missing from an incomplete list")
    note: Optional[str]
    source: Citation


class RankedCountry(Result):
    rank: int
    country: str
    name: str


class RankedBasis(Result):
    """Fig. 2 'Major import sources': an order without shares."""

    edition: int
    period: str
    countries: list[RankedCountry]
    source: Citation


class CategoryCountryShare(Result):
    country: Optional[str] = Field(description="ISO code; null for 'Other'")
    name: str
    percent: float


class CategoryShares(Result):
    """A share list of one category (e.g. 'unwrought') that does not stand for the whole commodity."""

    edition: int
    period: str
    category: str
    shares: list[CategoryCountryShare]
    source: Citation


class SourceExposure(Result):
    rank: int
    country: Optional[str] = Field(description="ISO code; null for 'Other'")
    name: str
    share: float = Field(description="% of U.S. imports")
    exposure: Bounded = Field(description="NIR x share / 100: percentage points of U.S. consumption")
    allied: bool
    feoc: bool
    leading: bool


class CountryLink(Result):
    """One country's (or one group's) part in a mineral's imports and supply."""

    label: str
    countries: list[str]
    named: list[str] = Field(description="those of `countries` that the share list names")
    share: Bounded = Field(description="% of U.S. imports")
    exposure: Bounded = Field(description="percentage points of U.S. consumption")


class Concentration(Result):
    hhi: Bounded = Field(description="sum of squared shares of named countries, 0-10,000")
    top3: Bounded = Field(description="sum of the three largest named shares, %")
    band: str
    countries: int = Field(description="named countries counted")
    other_excluded: float = Field(description="share of 'Other', left out of the HHI")


class ExposureResult(Result):
    mineral: str
    name: str
    symbol: Optional[str]
    commodity: Optional[str]
    commodity_name: Optional[str]
    inherited: Optional[str] = Field(description="set when the figures are those of a larger MCS commodity")
    edition: Optional[int] = Field(description="MCS edition of the reliance figure used")
    reliance: Optional[PublishedNir]
    trend: list[PublishedNir] = Field(description="every edition's figure, oldest first")
    domestic_share: Bounded = Field(description="100 - NIR, % of consumption")
    import_shares: Optional[ShareBasis]
    sources: list[SourceExposure] = Field(description="by share, largest first; 'Other' last")
    ranked_sources: Optional[RankedBasis] = Field(description="set when only a ranked list is published")
    category_shares: list[CategoryShares] = Field(
        description="share lists of parts of the commodity, shown when no list stands for the whole"
    )
    leading: list[str] = Field(description="ISO code(s) of the leading import source")
    china: CountryLink
    feoc: CountryLink
    allies: AllySet
    allied_import_share: Bounded = Field(description="sum of allied shares, % of imports")
    allied_share: Bounded = Field(description="(100 - NIR) + NIR x allied import share / 100, % of supply")
    concentration: Optional[Concentration]
    gaps: list[TargetGap]
    unknown: list[str] = Field(description="what is not known, in words")
    caveats: list[str]
    notes: list[str] = Field(description="notes on the targets (unverified figures)")
    citations: list[Cited]


class CountryMineralRow(Result):
    commodity: str
    commodity_name: str
    minerals: list[str] = Field(description="minerals of the list whose figures these are")
    basis: Literal["shares", "ranked"]
    share: Optional[float] = Field(description="% of U.S. imports; null where only a rank is published")
    rank: int = Field(description="place among the import sources")
    period: str
    reliance: Optional[PublishedNir]
    exposure: Bounded
    leading: bool


class CountryResult(Result):
    country: str
    name: str
    groups: list[str] = Field(description="ids of the country groups it belongs to")
    list: str
    edition: Optional[int] = Field(description="the MCS edition used: the one asked for, else the latest with figures")
    count: int = Field(description="MCS commodities it supplies")
    minerals_count: int = Field(description="minerals of the list those commodities cover")
    rows: list[CountryMineralRow] = Field(description="ranked by exposure; rank-only rows last")
    leading_for: list[str] = Field(description="minerals of the list for which it is the leading source")
    caveats: list[str]
    citations: list[Cited]


class MineralGapRow(Result):
    mineral: str
    name: str
    commodity: Optional[str]
    inherited: bool
    reliance: Optional[PublishedNir]
    domestic_share: Bounded
    allied_share: Bounded
    gaps: list[TargetGap]
    unknown: Optional[str] = Field(description="why the figures are unknown")


class AutonomyTarget(Result):
    target: str
    value: float
    baseline: Optional[float]
    verified: Optional[bool]
    gap: Bounded = Field(description="max(0, target - autonomy rate)")
    change_from_baseline: Optional[Bounded] = Field(description="autonomy rate - baseline")


class AutonomyRate(Result):
    rate: Bounded = Field(description="mean domestic share, % (equal weight per mineral)")
    covered: int
    of: int
    excluded: list[str] = Field(description="minerals without a reliance figure")
    weights: str
    targets: list[AutonomyTarget]


class GapsResult(Result):
    list: str
    title: str
    edition: Optional[int]
    allies: AllySet
    targets: list[TargetInfo]
    minerals: list[MineralGapRow] = Field(description="sorted by gap, largest first; unknown last")
    autonomy: AutonomyRate
    notes: list[str]
    caveats: list[str]
    citations: list[Cited]


class CutShare(Result):
    country: str
    name: str
    share: Optional[float] = Field(description="% of U.S. imports; null where only a rank is published")
    rank: int


class AtRiskRow(Result):
    commodity: str
    commodity_name: str
    minerals: list[str]
    reliance: Optional[PublishedNir]
    period: Optional[str]
    cut: list[CutShare] = Field(description="the cut countries among its import sources")
    cut_share: Bounded = Field(description="% of U.S. imports from the cut countries")
    at_risk: Bounded = Field(description="NIR x cut share / 100: percentage points of U.S. consumption")
    note: Optional[str]


class ScenarioTotals(Result):
    minerals_at_risk: int = Field(description="minerals of the list with supply at risk")
    commodities_at_risk: int
    minerals_unknown: int = Field(description="minerals sourced from a cut country whose at-risk share is unknown")
    mean_at_risk: Bounded = Field(description="mean at-risk share over the covered minerals, equal weights")
    covered: int
    of: int
    weights: str


class ScenarioResult(Result):
    cut: list[str]
    cut_names: list[str]
    list: str
    edition: Optional[int]
    rows: list[AtRiskRow] = Field(description="ranked by supply at risk, largest first")
    unknown: list[AtRiskRow] = Field(description="sourced from a cut country, at-risk share unknown")
    totals: ScenarioTotals
    caveats: list[str]
    citations: list[Cited]


# ---- results: summary, ingest (issue 6) ----------------------------------


class HeadlineCheck(Result):
    """One headline count: what the data gives, what USGS published, and whether they agree."""

    computed: int
    published: Optional[int] = Field(description="the count USGS published for this edition and list; null if none")
    match: Optional[bool] = Field(description="computed == published; null when nothing was published")
    minerals: list[str] = Field(description="the counted minerals (or 'rare earths' when counted as one group)")


class SummaryRow(Result):
    """One counted unit of a list: a mineral, or the rare-earths group under the group rule."""

    id: str
    name: str
    members: list[str] = Field(description="mineral ids this unit stands for")
    commodity: Optional[str]
    published: Optional[str] = Field(description="NIR as printed; null when the record is missing")
    value: Optional[float] = Field(description="the number (or bound) of `published`; E is 0; null if unknown")
    qualifier: Optional[str] = Field(description="exact, >, <, E, W or NA")
    basis: Optional[str] = Field(description="'MCS NIR' or 'EIA'")
    status: Literal["at 100", "over 50", "not over 50", "straddles 50", "unknown", "not MCS"] = Field(
        description="how the unit counts: a bound such as '>25' straddles 50 and is not counted"
    )
    reason: Optional[str] = Field(None, description="why the value is unknown")
    leading_source: Optional[str] = Field(
        description="ISO code of the leading import source; null on a tie or where an incomplete list cannot tell"
    )
    leading_source_name: Optional[str]
    leading_from: Optional[Literal["shares", "ranked"]] = Field(
        description="'shares' (largest published share) or 'ranked' (first of Fig. 2's ordered list)"
    )


class LeadingCount(Result):
    country: str = Field(description="ISO code")
    name: str
    count: int = Field(description="units of the list with this leading import source")
    count_over_50: int = Field(description="of those, units at 100% or over 50%")
    minerals: list[str]


class SummaryResult(Result):
    edition: int
    data_year: int
    list: str
    rule: Literal["lanthanides individually", "rare earths as one group"]
    units: int = Field(description="minerals (or groups) counted on the list")
    at_100: HeadlineCheck
    over_50: HeadlineCheck = Field(description="over 50% and below 100%, in addition to those at 100%")
    published_available: bool = Field(description="USGS published a count for this edition and list")
    match: Optional[bool] = Field(description="both counts match the published ones; null when none published")
    headline_source: Optional[Citation]
    leading_sources: list[LeadingCount]
    rows: list[SummaryRow]
    unknown: list[str] = Field(description="units whose NIR is unknown in this edition")
    notes: list[str]


class IngestCounts(Result):
    reliance: int = Field(description="NIR records written or updated")
    ranked_sources: int
    import_shares: int = Field(description="share lists (one per category) written or updated")
    commodities_created: int


class IngestResult(Result):
    files: list[str]
    kinds: list[Literal["fig2", "commodities"]]
    edition: int
    data_year: int
    output: str
    counts: IngestCounts
    skipped: list[str] = Field(description="rows of the files that map to no commodity of ours")
    warnings: list[str] = Field(description="disagreements between files, or records kept as they were")


class TradeProfile(Result):
    """What `minerals show` adds from import_dependence.yaml."""

    commodity: str
    commodity_name: str
    form: Optional[str]
    inherited: Optional[str] = Field(description="set when the figures are a group's, e.g. rare earths for a lanthanide")
    reliance: list[PublishedNir] = Field(description="every edition, oldest first")
    import_shares: list[ImportShares] = Field(description="share lists of the latest edition that has any")
    ranked_sources: list[RankedSources] = Field(description="Fig. 2 ordered lists, every edition")
    notes: list[str]


MineralProfile.model_rebuild()

# ---- results: validate, chart (issue 4) ----------------------------------


class ProblemRow(Result):
    """One problem `minerals validate` found, where an editor can jump to it."""

    file: str
    line: Optional[int] = Field(description="1-based line in the file; null when the file could not be located")
    field: Optional[str] = Field(description="dotted path of the field, e.g. 'minerals.4.lists'; null for a YAML error")
    message: str


class FileCheck(Result):
    file: str
    present: bool
    valid: Optional[bool] = Field(description="null when the file is absent")
    problems: int


class ValidationReport(Result):
    directory: str
    valid: bool
    files: list[FileCheck]
    problems: list[ProblemRow]
    ignored: list[str] = Field(description="YAML files in the directory that no command reads")


class LeadingSource(Result):
    """The largest import source of a commodity in the chart's edition."""

    country: Optional[str] = Field(description="ISO code; null on a tie (the name then lists the tied countries)")
    name: str
    percent: Optional[float] = Field(description="share of U.S. imports; null where only the ranking is published")
    published: Optional[str] = Field(None, description="as printed where USGS gives a bound ('>99'); percent is the bound")
    period: str
    basis: Literal["shares", "ranked"] = Field(description="'shares' from Import Sources percentages, 'ranked' from Fig. 2 order")


class ChartBar(Result):
    """One bar of the net-import-reliance chart: a commodity as USGS charts it."""

    commodity: str
    label: str
    minerals: list[str] = Field(description="the critical minerals of the list that this commodity's figure stands for")
    published: str = Field(description="as printed: '76', '>50', '<25', 'E'")
    value: float = Field(description="bar length in percent: the figure, the bound for >/<, 0 for E")
    qualifier: Literal["exact", ">", "<", "E"]
    bound: Optional[Literal["lower", "upper"]] = Field(description="'lower' for >N, 'upper' for <N")
    net_exporter: bool
    form: Optional[str]
    basis: str
    leading_source: Optional[LeadingSource] = Field(
        description="null when the edition gives no import source, or an incomplete list cannot tell the leader"
    )
    source: Citation


class ChartUnknown(Result):
    """A critical mineral the chart cannot draw, and why."""

    label: str
    minerals: list[str]
    commodity: Optional[str]
    published: Optional[str] = Field(description="'W' or 'NA' where printed; null where nothing is published")
    reason: str


class ChartResult(Result):
    title: str
    edition: int
    data_year: int
    list: str  # the critical-minerals list charted (no Field(): `list` would shadow the type below)
    bars: list[ChartBar] = Field(description="sorted by value, highest first")
    unknown: list[ChartUnknown]
    notes: list[str]
    citation: Citation = Field(description="the MCS edition")
