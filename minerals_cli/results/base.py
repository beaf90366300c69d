"""What every result shares: the base class, bounded figures, citations, published NIR, allies and targets.

Result models are what analysis returns and what `--json` dumps, so their
field names are the documented JSON schema (README, "JSON schema"; a test
checks the table against these models).  Each command's own results live in
the module named after it, so a command builds only the classes it needs.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..dataset.schema import Citation, Reliance


class Result(BaseModel):
    """Base of every result: plain data, dumped as is by `--json`."""

    model_config = ConfigDict(frozen=True)


class Bounded(Result):
    """A computed figure and which way its true value can lie.

    `value` is the formula of docs/design.md evaluated at the published numbers (at
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
