"""Country names as USGS prints them -> ISO 3166-1 alpha-2 codes, through the country registry."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..errors import DataError
from .text import clean_name
from .usgs_names import OTHER_NAMES


class CountryNames:
    """USGS's printed country names -> ISO codes, through a registry (country_groups.yaml).

    The registry of the data directory in use already holds USGS's printed
    names as aliases ('Congo (Kinshasa)', 'Korea, Republic of', Burma), so a
    name USGS starts printing is one alias added to that file, and the codes
    written always exist in the registry that later checks them.  A name must
    match a code, name or alias exactly (case, spacing and punctuation aside):
    a guessed country would be an invented figure.
    """

    def __init__(self, countries, registry: str, shipped: bool = False):
        from ..names import country_index

        self.countries = countries
        self.registry = registry
        self.shipped = shipped
        self._index = country_index(countries)

    @classmethod
    def of_directory(cls, directory: Path) -> "CountryNames":
        from .. import data_dir
        from ..dataset import Dataset

        data = Dataset(directory)
        return cls(data.countries, str(data.path("countries")), data_dir.is_shipped_dir(directory))

    @classmethod
    def shipped(cls) -> "CountryNames":
        from .. import data_dir

        return cls.of_directory(data_dir.shipped())

    def is_other(self, name: str) -> bool:
        return clean_name(name).lower() in OTHER_NAMES

    def knows(self, name: str) -> bool:
        from ..names import normalize

        return self.is_other(name) or normalize(clean_name(name)) in self._index

    def code(self, name: str, where: str) -> Optional[str]:
        """ISO code of a printed name, None for 'Other'; an unknown name is a DataError at `where`."""
        from ..names import normalize

        if self.is_other(name):
            return None
        code = self._index.get(normalize(clean_name(name)))
        if code is None:
            raise DataError([f"{where}: unknown country {clean_name(name)!r}{self._suggestion(name)}; {self._remedy()}"])
        return code

    def _remedy(self) -> str:
        advice = "if USGS names a country this way, add the name to that country's aliases in "
        if self.shipped:
            return advice + f"the country_groups.yaml of your data directory (this run used the shipped {self.registry})"
        return advice + self.registry

    def _suggestion(self, name: str) -> str:
        from ..errors import NotFound
        from ..resolve import resolve_country

        try:
            code = resolve_country(self.countries, clean_name(name))  # also tries singulars
        except NotFound as exc:
            return f" ({exc.hint})" if exc.hint and exc.hint.startswith("did you mean") else ""
        return f" (did you mean {code}?)"
