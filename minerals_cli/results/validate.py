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

    def to_records(self) -> list[dict]:
        """One record per problem, and one for each file with none: where to look, and what is wrong.

        A file without a problem still has its row (message empty), so a
        valid directory is not an empty table: `present` and `valid` say how
        each file stands.
        """
        from pathlib import PurePath

        by_file: dict[str, list[ProblemRow]] = {}
        for p in self.problems:  # a problem names the file by its path, a file check by its name
            by_file.setdefault(PurePath(p.file).name, []).append(p)
        records = []
        for f in self.files:
            head = {"directory": self.directory, "file": f.file, "present": f.present, "valid": f.valid,
                    "problems": f.problems}
            found = by_file.pop(f.file, [])
            records += [{**head, "line": p.line, "field": p.field, "message": p.message} for p in found] or [
                {**head, "line": None, "field": None, "message": None}]
        for found in by_file.values():  # a problem of a file the checks do not list
            records += [{"directory": self.directory, "file": p.file, "present": True, "valid": False,
                         "problems": len(found), "line": p.line, "field": p.field, "message": p.message}
                        for p in found]
        return records
