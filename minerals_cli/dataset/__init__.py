"""The data layer: find, load and validate the data files of one directory.

Each file is read only when a command asks for it, and parsed safely
(safe_yaml.py) and validated against its schema (schema.py, through
validation.py) only when its bytes differ from those of its stored
validated form (store.py).  What a command gets are records of that form
(records.py): the validated data, read without pydantic.  `minerals validate` checks a whole directory
(checks.py).  Which directory a run reads is data_dir.py's answer.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Optional

from ..errors import DataError

# The key each part of minerals uses for a data file -> the file's name.
FILES = {
    "minerals": "minerals_2025.yaml",
    "import_dependence": "import_dependence.yaml",
    "countries": "country_groups.yaml",
    "targets": "targets.yaml",
    "world": "world_production.yaml",
    "controls": "export_controls.yaml",
    "other_lists": "jurisdiction_lists.yaml",
    "stats": "salient_statistics.yaml",
    "policy_prices": "policy_prices.yaml",
}


class Dataset:
    """The data of one directory, each file loaded and validated on first use."""

    def __init__(self, directory: Path):
        self.directory = directory

    def path(self, key: str) -> Path:
        return self.directory / FILES[key]

    def optional(self, key: str):
        """The file's records, or None when the directory does not hold the file (a view that shows more when it does)."""
        return getattr(self, key) if self.path(key).exists() else None

    def _load(self, key: str):
        from . import store

        path = self.path(key)
        if not path.exists():
            raise DataError([f"{path}: missing data file ({FILES[key]} is needed by this command)"])
        return store.load(key, path)

    @cached_property
    def minerals(self):
        return self._load("minerals")

    @cached_property
    def import_dependence(self):
        return self._load("import_dependence")

    @cached_property
    def countries(self):
        return self._load("countries")

    @cached_property
    def targets(self):
        return self._load("targets")

    @cached_property
    def world(self):
        return self._load("world")

    @cached_property
    def controls(self):
        return self._load("controls")

    @cached_property
    def other_lists(self):
        return self._load("other_lists")

    @cached_property
    def stats(self):
        return self._load("stats")

    @cached_property
    def policy_prices(self):
        return self._load("policy_prices")


def open_dataset(option: Optional[Path] = None) -> Dataset:
    """The dataset of the directory a run reads (data_dir.resolve: --data-dir, environment, shipped)."""
    from .. import data_dir

    return Dataset(data_dir.resolve(option))
