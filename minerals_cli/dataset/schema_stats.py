"""The schema of salient_statistics.yaml: U.S. salient statistics by chapter and series (issue 18).

Kept apart from schema.py to keep each module short; validation.SCHEMAS names it.
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import Field, computed_field, field_validator, model_validator

from .records import parse_stat_value
from .schema import Citation, Strict, _duplicates, _raise_all


class StatSeries(Strict):
    """One row of a chapter's Salient Statistics table: one statistic as printed, its unit, its years.

    The file keeps the values as one mapping, year -> value as printed, with the estimated years and the
    values' own notes beside it (a third of the nodes one mapping per value would take, and a data
    directory's first run parses them all); the validated form lists them as `years`.
    """

    id: str
    chapter: str = Field(description="the MCS chapter as printed")
    commodity: Optional[str] = Field(description="our commodity id, where the chapter is one of ours")
    product: str = Field(description="USGS's Commodity column: what the row is of ('Titanium sponge metal', 'TiO2 pigment')")
    statistic: str = Field(description="USGS's class: Production, Import, Export, Consumption, Price, Stock, ...")
    detail: str = Field(description="the row as printed, e.g. 'Price, metal, average, dollars per pound'")
    unit: str
    note: Optional[str] = Field(None, description="a note USGS prints on every year of the series")
    published: dict[int, str] = Field(min_length=1, exclude=True,
                                      description="year -> the value as printed: '27,800', 'W', 'NA', 'E', '—', '>50', "
                                                  "'890–1,000', or text")
    estimated: list[int] = Field([], exclude=True, description="the years whose value USGS marks as estimated")
    notes: dict[int, str] = Field({}, exclude=True, description="year -> the value's own note, where it is not the series'")

    @field_validator("published")
    @classmethod
    def _readable(cls, v: dict[int, str]) -> dict[int, str]:
        for text in v.values():
            parse_stat_value(text)
        return v

    @model_validator(mode="after")
    def _years_published(self) -> "StatSeries":
        stray = sorted((set(self.estimated) | set(self.notes)) - set(self.published))
        if stray:
            raise ValueError(f"estimated or notes name years with no published value: {stray}")
        return self

    @computed_field
    @property
    def years(self) -> list[dict[str, Any]]:
        """The values one per year, as the rest of minerals reads them: year, published, estimated, note."""
        return [{"year": y, "published": text, "estimated": y in self.estimated, "note": self.notes.get(y)}
                for y, text in self.published.items()]


class ChapterNote(Strict):
    chapter: str
    note: str = Field(description="the chapter's own note, e.g. '(Data in metric tons, antimony content, ...)'")


class StatsFile(Strict):
    edition: int = Field(description="MCS edition of the figures")
    source: Citation
    chapters: list[ChapterNote] = []
    series: list[StatSeries]

    @model_validator(mode="after")
    def _consistent(self) -> "StatsFile":
        _raise_all(_duplicates([x.id for x in self.series], "series id", "series"))
        return self


