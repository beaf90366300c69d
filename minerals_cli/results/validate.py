"""Results of `minerals validate`: the problems found in a data directory."""

from __future__ import annotations

from typing import Optional

from .base import Field, Result


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
