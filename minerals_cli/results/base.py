"""What every result shares: the base class, bounded figures, citations, published NIR, allies and targets.

Result models are what analysis returns and what `--json` dumps, so their
field names are the documented JSON schema (README, "JSON schema"; a test
checks the table against these models).  Each command's own results live in
the module named after it, so a command builds only the classes it needs.

They are plain classes, not pydantic models: a result is built by our own
code from validated data, so there is nothing to validate, and building 65
pydantic classes at every start was most of a run's time (issue 10).  The
class body declares the fields as before (annotation, default, `Field`
description); `Result` reads them once per class.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, Literal, Optional

from ..dataset.records import Record

if TYPE_CHECKING:
    from ..dataset.schema import Citation, Reliance

_REQUIRED = object()
# Annotations whose integers are stored as floats, as the JSON schema says (50 -> 50.0).
_FLOAT_ANNOTATIONS = {"float", "Optional[float]"}


class Field:
    """A field's default (none: required) and its description in the JSON schema."""

    __slots__ = ("default", "description")

    def __init__(self, default: Any = _REQUIRED, *, description: Optional[str] = None):
        self.default = default
        self.description = description


class Result:
    """Base of every result: plain data, frozen, dumped as is by `--json` (`to_dict`).

    Fields are the annotated names of the class body and of its bases, in
    that order; a field with a default (or `Field(default, ...)`) may be
    left out.  An integer given for a float field is kept as a float, so
    the JSON reads the same whatever arithmetic produced it.
    """

    _fields: tuple[str, ...] = ()
    _defaults: dict[str, Any] = {}
    _floats: frozenset[str] = frozenset()
    _descriptions: dict[str, Optional[str]] = {}
    _annotations: dict[str, str] = {}
    # A table-shaped result names the field of its rows: one record per row (`record_of`), and
    # what --sort, --top and --where order and filter (query.py).
    _rows: Optional[str] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields, defaults = list(cls._fields), dict(cls._defaults)
        descriptions, annotations = dict(cls._descriptions), dict(cls._annotations)
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if name.startswith("_"):
                continue
            if name not in fields:
                fields.append(name)
            annotations[name] = annotation.split("#")[0].strip()
            declared = cls.__dict__.get(name, _REQUIRED)
            if isinstance(declared, Field):
                descriptions[name], declared = declared.description, declared.default
            if declared is not _REQUIRED:
                defaults[name] = declared
            if name in cls.__dict__:
                delattr(cls, name)
        cls._fields, cls._defaults, cls._descriptions, cls._annotations = tuple(fields), defaults, descriptions, annotations
        cls._floats = frozenset(n for n, a in annotations.items() if a in _FLOAT_ANNOTATIONS)

    def __init__(self, **values: Any) -> None:
        own = self.__dict__
        try:  # the usual case, every field given: one pass (a batch of 60 exposures builds 2,000 results)
            for name in self._fields:
                own[name] = values[name]
        except KeyError:
            own.clear()
            self._fill(values)
        if len(values) != len(own) and set(values) - set(self._fields):
            unknown = ", ".join(sorted(set(values) - set(self._fields)))
            raise TypeError(f"{type(self).__name__}: unknown field(s) {unknown}")
        for name in self._floats:
            if type(own[name]) is int:
                own[name] = float(own[name])

    def _fill(self, values: dict[str, Any]) -> None:
        own = self.__dict__
        for name in self._fields:
            if name in values:
                own[name] = values[name]
            elif name in self._defaults:
                own[name] = _fresh(self._defaults[name])
            else:
                raise TypeError(f"{type(self).__name__}: missing field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *(_hashable(self.__dict__[n]) for n in self._fields)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={self.__dict__[n]!r}' for n in self._fields)})"

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON data, fields in their declared order: what `--json` prints."""
        return {name: _plain(self.__dict__[name]) for name in self._fields}

    def to_records(self) -> list[dict[str, Any]]:
        """The result's primary records: flat rows of numbers, text, true/false or None (CSV, JSON lines, pandas).

        A bounded figure `x` is four columns (`x`, `x_bound`, `x_low`,
        `x_high`; results/records.py); unknown is None, never 0.
        """
        if self._rows is None:
            raise NotImplementedError(f"{type(self).__name__} has no records")
        return [self.record_of(row) for row in getattr(self, self._rows)]

    def to_dataframe(self):
        """The records as a pandas DataFrame (pandas is an extra: `pip install 'minerals[pandas]'`)."""
        return dataframe_of(self.to_records())

    def record_of(self, row: Any) -> dict[str, Any]:
        """One row of a table-shaped result as a flat record."""
        raise NotImplementedError(f"{type(self).__name__} has no records")

    def replace(self, **changes: Any) -> "Result":
        """A copy with some fields changed (results are frozen)."""
        return type(self)(**{**self.__dict__, **changes})

    @classmethod
    def field_info(cls) -> dict[str, tuple[str, Optional[str]]]:
        """Each field's annotation (as written) and description: the documented schema."""
        return {name: (cls._annotations[name], cls._descriptions.get(name)) for name in cls._fields}


def dataframe_of(records: list[dict[str, Any]]):
    """A DataFrame of flat records, its columns in the order they first appear; UsageError without pandas."""
    try:
        import pandas
    except ImportError:
        from ..errors import UsageError

        raise UsageError("pandas is not installed: to_dataframe() needs it",
                         "pip install 'minerals[pandas]' (or use to_records())") from None
    columns = list(dict.fromkeys(k for r in records for k in r))
    return pandas.DataFrame.from_records(records, columns=columns)


def json_default(value: Any) -> Any:
    """What the json encoder writes for a result (its fields, in order) or an enum (its value).

    Handing results to the encoder as they are lets the C encoder walk the
    whole tree; to_dict gives the same data, built in Python.
    """
    if isinstance(value, Result):
        return value.__dict__
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON data")


def _fresh(default: Any) -> Any:
    """A copy of a mutable default, so two results never share one list."""
    if isinstance(default, (list, dict)):
        return type(default)(default)
    return default


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _hashable(v)) for k, v in value.items())
    return value


def _plain(value: Any) -> Any:
    """JSON data of a field value: results and records as objects, enums as their values.

    A data record is already its JSON form (dataset/records.py), so it is passed as it is.
    """
    if isinstance(value, Result):
        return value.to_dict()
    if isinstance(value, Record):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    return value


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


class FigureLevel(Result):
    """Where a figure comes from: an element's own record, its subgroup's, its group's or its commodity's."""

    figure: str = Field(description="'net import reliance' or 'import shares'")
    level: Literal["commodity", "group", "subgroup", "element", "form"]
    record: str = Field(description="id of the import_dependence.yaml record")
    name: str


class FormOption(Result):
    """One published form of a mineral and the record that holds its figures."""

    form: Optional[str] = Field(description="the form, as the data names it ('bauxite', 'metal', 'compounds')")
    record: str = Field(description="id of the import_dependence.yaml record")
    name: str
    headline: bool = Field(description="the headline form: the one every view uses unless a form is asked for")
    why: Optional[str] = Field(None, description="of the headline form: why it is the headline")


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
    def of(cls, rel: Reliance) -> PublishedNir:
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
