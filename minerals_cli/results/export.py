"""Results of `minerals export`: the files written, and the rows of each table and view."""

from __future__ import annotations

from typing import Literal

from .base import Field, Result


class TableCount(Result):
    name: str
    kind: Literal["table", "view"]
    rows: int
    holds: str = Field(description="what the table holds (the description Datasette shows)")


class ExportResult(Result):
    file: str = Field(description="the SQLite database written")
    metadata: str = Field(description="the Datasette metadata.json written beside it")
    data_dir: str = Field(description="the data directory exported")
    version: str = Field(description="the version of minerals that wrote it (also in its table _minerals_export)")
    replaced: bool = Field(description="true when a previous export was replaced")
    exposure_edition: int = Field(description="the MCS edition of the exposure figures (table exposure_sources)")
    exposure_allies: str = Field(description="the allied set of the exposure figures")
    tables: list[TableCount] = Field(description="each table, then each view, with its row count")

    _rows = "tables"

    def record_of(self, row: TableCount) -> dict:
        return {"name": row.name, "kind": row.kind, "rows": row.rows, "file": self.file}
