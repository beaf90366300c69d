"""The schema of the policy data files: export controls and other jurisdictions' lists.

Kept beside schema.py (the USGS-based files) under the same rules: every
model forbids unknown keys and is frozen; cross-record problems are
reported all at once, located (schema.Located).
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import Field, field_validator, model_validator

from .schema import Citation, Located, Strict, _duplicates, _raise_all

# --------------------------------------------------------------------------
# data/export_controls.yaml

_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


class ControlMeasure(Strict):
    """One export control as its source words it, and its status as of the file's date."""

    id: str
    country: str = Field(description="ISO 3166-1 alpha-2 of the controlling country")
    country_name: str
    measure: str = Field(description="the legal instrument as cited, e.g. 'MOFCOM/GAC Announcement 2023 No. 23'")
    title: str
    kind: str = Field(description="as published: 'export licensing (dual-use)', 'export ban', 'export quota', ...")
    scope: str = Field(description="destinations: 'all', 'US only', military end users, listed entities")
    items_as_published: str = Field(description="the items as published (or a faithful condensation)")
    minerals: list[str] = Field(description="ids of the 2025-list minerals the items cover")
    forms: list[str] = []
    announced: Optional[str] = None
    effective: Optional[str] = Field(None, description="a date, or for USGS rows the earliest year given")
    status: Literal["in force", "suspended", "lifted", "unknown", "not yet in force"] = Field(
        description="as of the file's `as_of`")
    suspended_from: Optional[str] = None
    suspended_until: Optional[str] = None
    lifted_on: Optional[str] = None
    aggregate: bool = Field(description="USGS's one row for all of a country's measures: never counted beside them")
    confidence: Literal["V", "L"] = Field(description="V verified in a retrieved source; L low confidence")
    source: Citation
    other_sources: list[str] = []

    @field_validator("announced", "effective", "suspended_from", "suspended_until", "lifted_on")
    @classmethod
    def _date(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not _DATE.match(v):
            raise ValueError(f"{v!r} is not a date (YYYY-MM-DD) or a year")
        return v


class ControlsFile(Strict):
    as_of: str = Field(description="the date the statuses were judged")
    source: Citation
    measures: list[ControlMeasure]

    @model_validator(mode="after")
    def _consistent(self) -> "ControlsFile":
        _raise_all(_duplicates([m.id for m in self.measures], "measure id", "measures"))
        return self


# --------------------------------------------------------------------------
# data/policy_prices.yaml


class PolicyPrice(Strict):
    """A published policy price (a floor) for a commodity, with where it was stated."""

    id: str
    commodity: str = Field(description="our commodity id, e.g. 'rare earths'")
    product: str = Field(description="what the price is of, as stated")
    kind: Literal["price floor"]
    value: float = Field(gt=0)
    unit: str = Field(description="e.g. 'dollars per kilogram'")
    since: str = Field(description="the date it was agreed or took effect")
    term: Optional[str] = None
    verified: bool
    note: Optional[str] = None
    compare_with: Optional[str] = Field(None, description="words of the USGS price row of the same product, "
                                                          "e.g. 'NdPr': `stats` shows that row beside the floor")
    stated_in: Citation

    @field_validator("since")
    @classmethod
    def _date(cls, v: str) -> str:
        if not _DATE.match(v):
            raise ValueError(f"{v!r} is not a date (YYYY-MM-DD) or a year")
        return v


class PolicyPricesFile(Strict):
    prices: list[PolicyPrice]

    @model_validator(mode="after")
    def _consistent(self) -> "PolicyPricesFile":
        _raise_all(_duplicates([p.id for p in self.prices], "price id", "prices"))
        return self


# --------------------------------------------------------------------------
# data/jurisdiction_lists.yaml

_PUBLISHED = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


class ListMember(Strict):
    """One entry of another jurisdiction's list, as published, and the mineral ids it stands for."""

    name: str = Field(description="the entry as the list publishes it, e.g. 'lithium — battery grade'")
    minerals: list[str] = Field(min_length=1, description="mineral ids as compiled (a group may stay one id)")
    covers: list[str] = Field(min_length=1, description="the element-level mineral ids the entry covers; "
                                                        "written only where it differs from `minerals`")
    mapping: Literal["exact", "group", "qualified", "no-us-equivalent"]
    qualifier: Optional[str] = Field(None, description="grade, form or element-vs-mineral wording")
    expanded: Optional[str] = Field(None, description="how a group the list does not enumerate was expanded")
    confidence: Literal["V", "L"]
    note: Optional[str] = None

    @model_validator(mode="before")
    @classmethod
    def _covers_its_minerals(cls, data):
        if isinstance(data, dict) and "covers" not in data and "minerals" in data:
            return {**data, "covers": data["minerals"]}
        return data


class JurisdictionList(Strict):
    """A critical-minerals list of a jurisdiction other than USGS, with its members."""

    id: str
    jurisdiction: str = Field(description="ISO 3166-1 alpha-2 code (EU for the European Union)")
    series: str = Field(description="lists that succeed one another: eu-critical, ca, uk, ...")
    title: str
    published: str
    legal_basis: str
    stated_count: int = Field(ge=0, description="the count the list states")
    count_note: Optional[str] = Field(None, description="why the members in the data differ from the stated count")
    complete: bool = Field(description="false where the data lacks members: an absence is then unknown")
    by_reference: list[str] = Field([], description="U.S. lists whose members it includes by reference")
    adds_to: Optional[str] = Field(None, description="the list this one adds members to")
    citation: Citation
    sources: list[str] = Field([], description="the copies the members were taken from; the first is the main one")
    members: list[ListMember] = Field(min_length=1)

    @field_validator("published")
    @classmethod
    def _date(cls, v: str) -> str:
        if not _PUBLISHED.match(v):
            raise ValueError(f"{v!r} is not a date (YYYY-MM-DD or YYYY-MM)")
        return v

    @model_validator(mode="after")
    def _counted(self) -> "JurisdictionList":
        if self.complete and self.stated_count != len(self.members) and self.count_note is None:
            raise ValueError(f"list {self.id}: {len(self.members)} members but a stated count of {self.stated_count}, "
                             "and no count_note says why")
        return self


class ExtensionMineral(Strict):
    """A mineral only other jurisdictions' lists name: its own entry, so every list resolves."""

    id: str
    name: str
    kind: Literal["element", "mineral", "material"]
    symbol: Optional[str] = None
    note: str


class JurisdictionListsFile(Strict):
    source: Citation
    lists: list[JurisdictionList] = Field(min_length=1)
    extensions: list[ExtensionMineral] = []

    @model_validator(mode="after")
    def _consistent(self) -> "JurisdictionListsFile":
        ids = [x.id for x in self.lists]
        problems = _duplicates(ids, "list id", "lists") + _duplicates([e.id for e in self.extensions], "id", "extensions")
        extension_ids = {e.id for e in self.extensions}
        for i, x in enumerate(self.lists):
            if x.adds_to is not None and x.adds_to not in ids:
                problems.append(Located(f"list {x.id} adds to {x.adds_to!r}, which is not in this file", "lists", i, "adds_to"))
            for j, m in enumerate(x.members):
                missing = [c for c in m.covers if m.mapping == "no-us-equivalent" and c not in extension_ids]
                if missing:
                    problems.append(Located(f"{', '.join(missing)} has no entry under `extensions`",
                                            "lists", i, "members", j, "covers"))
        _raise_all(problems)
        return self
