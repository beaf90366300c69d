"""The Python API: open the data once, then ask the questions the commands answer.

    import minerals_cli as minerals

    data = minerals.open()                 # the shipped data; minerals.open("my-data/") reads a directory
    lithium = data.exposure("lithium")     # what `minerals exposure lithium --json` prints, as an object
    lithium.reliance.published, lithium.china.share.high
    data.overview().to_dataframe()         # with pandas installed; to_records() without

Each method takes what its command takes, as a user would type it (names,
symbols, list ids, ISO codes or country names), and returns the result the
command renders: the same object, the same fields as its JSON.  Tabular
results have `to_records()` (flat rows: bounded figures as four columns)
and `to_dataframe()`.  A name the data does not know raises `NotFound`, a
value that cannot be used `UsageError`, a damaged data file `DataError`
(all `MineralsError`, in minerals_cli.errors); nothing here prints, and
no module of the API imports typer or rich.  The commands are thin
wrappers over these methods: they parse the line, call one, and render.
"""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

if TYPE_CHECKING:
    from .results.chart import ChartResult
    from .results.controls import ControlsResult
    from .results.country import CountryResult
    from .results.export import ExportResult
    from .results.exposure import ExposureResult
    from .results.gaps import GapsResult
    from .results.jurisdictions import CatalogueResult, CompareResult, CrossDiffResult, OtherListResult
    from .results.lists import DiffResult, ListResult
    from .results.overview import OverviewResult
    from .results.profile import MineralProfile
    from .results.revisions import RevisionsResult
    from .results.scenario import ScenarioResult
    from .results.stats import StatsResult
    from .results.summary import SummaryResult
    from .results.world import WorldResult

# How a caller gives each choice, for the words of results and messages ('the set given with allies=').
# The commands pass their own option names instead (options.CLI_WORDS).
API_WORDS = {"allies": "allies=", "cut": "cut=", "target": "targets=", "every": "every=True", "list": "list_id="}

Names = Union[str, Iterable[str], None]


def open(data_dir: Union[str, Path, None] = None, words: Optional[dict[str, str]] = None) -> Minerals:  # noqa: A001
    """The data of `data_dir` (a folder of the YAML files); None: the shipped data, or the directory the
    environment names (the same variable the commands read)."""
    return Minerals(data_dir, words)


def records(results: Union[Any, list]) -> list[dict[str, Any]]:
    """The flat records of a result, or of a list of results one after the other (what --format csv writes)."""
    if isinstance(results, builtins.list):
        return [r for one in results for r in one.to_records()]
    return results.to_records()


def to_dataframe(results: Union[Any, list]):
    """The records as a pandas DataFrame, one row each (pandas: `pip install 'minerals[pandas]'`)."""
    from .results.base import dataframe_of

    return dataframe_of(records(results))


class Minerals:
    """The data of one directory, opened once; each method answers one command's question from it."""

    def __init__(self, data_dir: Union[str, Path, None] = None, words: Optional[dict[str, str]] = None):
        from .dataset import open_dataset

        self.data = open_dataset(Path(data_dir) if data_dir is not None else None)
        self._words = {**API_WORDS, **(words or {})}

    # ----------------------------------------------------------------------
    # lists

    def list(self, list_id: Optional[str] = None, *, new_in: Optional[str] = None, removed_in: Optional[str] = None,
             group: Optional[str] = None) -> ListResult | OtherListResult:
        """The minerals of a U.S. list (the latest final by default), or the entries of another jurisdiction's."""
        from .analysis.jurisdictions import is_us_list, previous_in_series, select_other
        from .analysis.lists import select
        from .analysis.scope import latest_final
        from .errors import UsageError
        from .resolve import resolve_any_list, resolve_group, resolve_list_with_previous

        data, minerals = self.data, self.data.minerals
        chosen = resolve_any_list(minerals, lambda: data.optional("other_lists"), list_id) if list_id is not None \
            else None
        kind = resolve_group(group) if group is not None else None
        if chosen is not None and not is_us_list(minerals, chosen):
            other = data.optional("other_lists")
            if new_in or removed_in:
                before = previous_in_series(other, chosen) or "OLD"
                raise UsageError("new and removed minerals are worked out between the U.S. lists; another "
                                 "jurisdiction's lists are compared by a diff",
                                 f"e.g. diff('{before}', '{chosen}'), on the command line `minerals diff {before} "
                                 f"{chosen}`")
            return select_other(minerals, other, chosen, kind)
        return select(minerals, chosen or latest_final(minerals),
                      new_in=resolve_list_with_previous(minerals, new_in) if new_in else None,
                      removed_in=resolve_list_with_previous(minerals, removed_in) if removed_in else None,
                      group=kind)

    def lists(self, jurisdiction: Optional[str] = None) -> CatalogueResult:
        """The catalogue of lists: the U.S. lists and other jurisdictions' (one jurisdiction's, if given)."""
        from .analysis.jurisdictions import catalogue
        from .resolve import resolve_jurisdiction

        other = self.data.optional("other_lists")
        code = resolve_jurisdiction(self.data.minerals, other, jurisdiction) if jurisdiction else None
        return catalogue(self.data.minerals, other, code)

    def diff(self, old: str, new: str) -> DiffResult | CrossDiffResult:
        """What changed between two lists: U.S. lists entry by entry, others mineral by mineral."""
        from .analysis.jurisdictions import cross_diff, is_us_list
        from .analysis.lists import diff
        from .resolve import resolve_any_list

        data, minerals = self.data, self.data.minerals
        a, b = (resolve_any_list(minerals, lambda: data.optional("other_lists"), x) for x in (old, new))
        if is_us_list(minerals, a) and is_us_list(minerals, b):
            return diff(minerals, a, b)
        return cross_diff(minerals, data.optional("other_lists"), a, b)

    def compare(self, lists: Names = None, sort: str = "lists") -> CompareResult:
        """Minerals x lists: how each list names each mineral (default: the latest U.S. list and each series')."""
        from .analysis.jurisdictions import compare, default_lists
        from .errors import UsageError
        from .resolve import resolve_any_list

        minerals, other = self.data.minerals, self.data.optional("other_lists")
        if lists is None:
            chosen = default_lists(minerals, other)
        else:
            given = lists.split(",") if isinstance(lists, str) else builtins.list(lists)
            chosen = builtins.list(dict.fromkeys(resolve_any_list(minerals, other, x) for x in given if x.strip()))
            if not chosen:
                raise UsageError("no list named to compare", "e.g. 2025,eu-2023-critical,ca-2024")
        return compare(minerals, other, chosen, sort)

    # ----------------------------------------------------------------------
    # one mineral, or several

    def show(self, names: Names = None, *, every: bool = False,
             list_id: Optional[str] = None) -> MineralProfile | list[MineralProfile]:
        """A mineral's profile; a list of profiles for several names or `every` mineral of a list."""
        from .analysis.controls import links, today
        from .analysis.groups import country_names
        from .analysis.jurisdictions import elsewhere, extension_as_mineral
        from .analysis.profile import profile
        from .resolve import resolve_extension

        data = self.data
        other = data.optional("other_lists")
        given = _names(names)
        if every or list_id or not given:
            chosen = self._minerals(given, every, list_id)
        else:
            chosen = [resolve_extension(data.minerals, other, name) for name in given]
        controls, imports, stats = data.optional("controls"), data.optional("import_dependence"), data.optional("stats")
        names_of, day = country_names(data.countries), today()
        results = []
        for mineral in chosen:
            if "lists" not in mineral:  # named only by other jurisdictions' lists
                mineral = extension_as_mineral(mineral)
            found = links(controls, day, names_of, {mineral.id}) if controls is not None else []
            lists = elsewhere(data.minerals, other, mineral.id) if other is not None else []
            results.append(profile(data.minerals, mineral, imports, found, lists, stats))
        return _one_or_all(results, names, every)

    def exposure(self, names: Names = None, *, every: bool = False, list_id: Optional[str] = None,
                 edition: Optional[int] = None, allies: Optional[str] = None, form: Optional[str] = None
                 ) -> ExposureResult | list[ExposureResult]:
        """How exposed U.S. supply of a mineral is; a list of results for several names or `every` mineral.

        `form` chooses one of a single mineral's published forms ('metal', 'alumina'); `allies` is a spec
        of group ids and ISO codes ('fta,msp,JP'; 'none'); `edition` an MCS edition of the data.
        """
        from .analysis.exposure import exposures
        from .analysis.targets import stated_targets
        from .errors import UsageError
        from .resolve import resolve_edition, resolve_form

        data = self.data
        chosen = self._minerals(_names(names), every, list_id)
        if form is not None and (every or len(chosen) != 1):
            raise UsageError("a form is chosen for one mineral", "give one mineral name with the form, or no form")
        imports = data.import_dependence
        record = resolve_form(imports, chosen[0], form) if form is not None else None
        results = exposures(imports, data.countries, chosen, allies=self._allies(allies),
                            targets=stated_targets(data.targets), edition=resolve_edition(imports, edition),
                            world=data.optional("world"), controls=data.optional("controls"),
                            stats=data.optional("stats"), form=record)
        return _one_or_all(results, names, every)

    def world(self, names: Names = None, *, every: bool = False, list_id: Optional[str] = None,
              stage: Optional[str] = None, year: Optional[int] = None,
              allies: Optional[str] = None) -> WorldResult | list[WorldResult]:
        """Who produces a mineral: world production, reserves and capacity; a list for several names."""
        from .analysis.world import world
        from .resolve import resolve_stage

        chosen = self._minerals(_names(names), every, list_id)
        ally, kind, tables = self._allies(allies), resolve_stage(stage), self.data.optional("world")
        return _one_or_all([world(tables, mineral, ally, kind, year) for mineral in chosen], names, every)

    def stats(self, names: Names = None, *, every: bool = False, list_id: Optional[str] = None,
              series: Optional[str] = None) -> StatsResult | list[StatsResult]:
        """A mineral's U.S. salient statistics as published (one kind of row with `series`); a list for several."""
        from .analysis.stats import STATISTICS, stats
        from .errors import UsageError

        if series is not None and series.strip().lower() not in STATISTICS:
            raise UsageError(f"unknown kind of row {series!r}", "valid kinds: " + ", ".join(STATISTICS))
        chosen = self._minerals(_names(names), every, list_id)
        policy = self.data.optional("policy_prices")
        kind = series.strip() if series else None
        return _one_or_all([stats(self.data.stats, m, policy, kind) for m in chosen], names, every)

    def revisions(self, names: Names = None, *, list_id: Optional[str] = None) -> RevisionsResult:
        """Each edition's reliance beside the later chapter series; every mineral of a list without names."""
        from .analysis.lists import members
        from .analysis.revisions import revisions
        from .analysis.scope import latest_final
        from .errors import UsageError
        from .resolve import resolve_list, resolve_mineral

        minerals, given = self.data.minerals, _names(names)
        if given and list_id:
            raise UsageError("give mineral names or a list, not both", "the list chooses the minerals when no "
                             "name is given")
        if given:
            chosen, lid = [resolve_mineral(minerals, name) for name in given], None
        else:
            lid = resolve_list(minerals, list_id) if list_id else latest_final(minerals)
            chosen = members(minerals, lid)
        return revisions(self.data.import_dependence, self.data.stats, chosen, lid)

    # ----------------------------------------------------------------------
    # countries, controls, targets

    def country(self, country: str, *, list_id: Optional[str] = None,
                edition: Optional[int] = None) -> CountryResult:
        """Every mineral of the list the U.S. imports from a country; NotFound when the data records none."""
        from .analysis.country import country_view
        from .resolve import resolve_country, resolve_edition, resolve_list

        data = self.data
        imports = data.import_dependence
        result = country_view(data.minerals, imports, data.countries, resolve_country(data.countries, country),
                              resolve_list(data.minerals, list_id) if list_id else None,
                              edition=resolve_edition(imports, edition), world=data.optional("world"),
                              controls=data.optional("controls"))
        if not result.rows:
            raise _no_imports(result)
        return result

    def controls(self, *, country: Optional[str] = None, mineral: Optional[str] = None,
                 as_of: Optional[str] = None, edition: Optional[int] = None) -> ControlsResult:
        """The export controls that bear on a date (today by default), of one country or on one mineral."""
        from .analysis.controls import controls
        from .analysis.groups import country_names
        from .resolve import resolve_country, resolve_date, resolve_edition, resolve_mineral

        data = self.data
        code = resolve_country(data.countries, country) if country else None
        found = resolve_mineral(data.minerals, mineral).id if mineral else None
        return controls(data.controls, data.import_dependence, data.optional("world"), data.minerals,
                        country_names(data.countries), resolve_date(as_of), code, found,
                        resolve_edition(data.import_dependence, edition))

    def gaps(self, *, allies: Optional[str] = None, targets: Optional[Iterable[float]] = None,
             list_id: Optional[str] = None, edition: Optional[int] = None) -> GapsResult:
        """Each mineral's allied share and gap to the targets (the stated ones, or `targets` in %), and the
        autonomy rate."""
        from .analysis.gaps import gaps
        from .analysis.targets import autonomy_targets, stated_targets
        from .resolve import resolve_edition, resolve_list, user_targets

        data = self.data
        minerals, imports, stated = data.minerals, data.import_dependence, data.targets
        chosen = user_targets(builtins.list(targets), given_with=self._words["target"]) if targets else \
            stated_targets(stated)
        return gaps(minerals, imports, data.countries, resolve_list(minerals, list_id) if list_id else None,
                    allies=self._allies(allies), targets=chosen, autonomy=autonomy_targets(stated),
                    edition=resolve_edition(imports, edition))

    def scenario(self, cut: Names = None, *, controls: Optional[str] = None, as_of: Optional[str] = None,
                 list_id: Optional[str] = None, edition: Optional[int] = None) -> ScenarioResult:
        """The supply at risk per mineral if the `cut` countries (names, codes, groups) stop exporting, or if
        the export controls of the `controls` kinds ('ban,quota') in force on `as_of` bite."""
        from .analysis.controls import controlled_minerals
        from .analysis.scenario import scenario
        from .errors import UsageError
        from .resolve import cut_set, resolve_control_kinds, resolve_date, resolve_edition, resolve_list

        data, given = self.data, _names(cut)
        if not given and not controls:
            raise UsageError("name a country to cut or the kinds of export controls to count",
                             f"e.g. {self._words['cut']} CN, or controls ban,quota")
        codes, notes = cut_set(data.countries, given, given_with=self._words["cut"]) if given else ([], [])
        controlled, choice = controlled_minerals(data.controls, resolve_control_kinds(controls),
                                                 resolve_date(as_of)) if controls else ({}, None)
        minerals, imports = data.minerals, data.import_dependence
        return scenario(minerals, imports, data.countries, codes, resolve_list(minerals, list_id) if list_id else None,
                        edition=resolve_edition(imports, edition), cut_notes=notes, controlled=controlled,
                        choice=choice, stats=data.optional("stats"))

    # ----------------------------------------------------------------------
    # the list at a glance

    def summary(self, *, edition: Optional[int] = None, list_id: Optional[str] = None) -> SummaryResult:
        """How many minerals are 100% and over 50% import reliant, beside the counts USGS published."""
        from .analysis.summary import summarize
        from .resolve import resolve_edition, resolve_list

        imports = self.data.import_dependence
        lid = resolve_list(self.data.minerals, list_id) if list_id else None
        return summarize(self.data.minerals, imports, resolve_edition(imports, edition), lid)

    def overview(self, *, list_id: Optional[str] = None, edition: Optional[int] = None,
                 allies: Optional[str] = None) -> OverviewResult:
        """Every mineral of a list on one row: the figures of its exposure side by side."""
        from .analysis.overview import overview
        from .analysis.targets import stated_targets
        from .resolve import resolve_edition, resolve_list

        data = self.data
        imports = data.import_dependence
        return overview(data.minerals, imports, data.countries,
                        resolve_list(data.minerals, list_id) if list_id else None, self._allies(allies),
                        stated_targets(data.targets), resolve_edition(imports, edition),
                        world=data.optional("world"), controls=data.optional("controls"))

    def chart(self, *, edition: Optional[int] = None, list_id: Optional[str] = None) -> ChartResult:
        """The bars of the net-import-reliance chart that opens each MCS."""
        from .analysis.chart import chart
        from .resolve import resolve_edition, resolve_list

        imports = self.data.import_dependence
        lid = resolve_list(self.data.minerals, list_id) if list_id else None
        return chart(self.data.minerals, imports, resolve_edition(imports, edition), lid,
                     how_to_choose=f" ({self._words['list']} to change)")

    # ----------------------------------------------------------------------
    # the database

    def export_sqlite(self, path: Union[str, Path]) -> ExportResult:
        """Write every dataset as one SQLite database at `path`, and Datasette's metadata.json beside it.

        Only a previous export (and metadata this tool wrote) is replaced; any other file there is refused
        (UsageError), as are the shipped data and the data files read.  The exposure figures are those of
        `exposure` with its defaults (the latest edition, the default allies), for every mineral.
        """
        from .analysis.exposure import exposures
        from .analysis.targets import stated_targets
        from .dataset import FILES
        from .export import metadata
        from .export import sqlite as builder
        from .results.export import ExportResult, TableCount
        from .version import VERSION as __version__
        from .writes import refuse_protected, write_file

        data, output = self.data, Path(path)
        inputs = [data.path(key) for key in FILES]
        meta_path = output.parent / metadata.FILE_NAME
        for target in (output, meta_path):
            refuse_protected(target, target.resolve(), inputs)
        replaced, existing_meta = _export_targets(output, meta_path, builder.is_export, metadata.read_ours)
        allies = self._allies(None)
        results = exposures(data.import_dependence, data.countries, builtins.list(data.minerals.minerals),
                            allies=allies, targets=stated_targets(data.targets), world=data.optional("world"),
                            controls=data.optional("controls"), stats=data.optional("stats"))
        built = builder.build(data, str(data.directory.resolve()), results, allies)
        write_file(output, built.data, inputs)
        write_file(meta_path, metadata.document(metadata.metadata(output, __version__, existing_meta)), inputs)
        holds = {name: words for name, (words, _) in metadata.TABLES.items()}
        counts = [TableCount(name=n, kind="table", rows=c, holds=holds.get(n, "")) for n, c in built.tables]
        counts += [TableCount(name=n, kind="view", rows=c, holds=holds.get(n, "")) for n, c in built.views]
        return ExportResult(file=str(output), metadata=str(meta_path), data_dir=str(data.directory),
                            version=__version__, replaced=replaced,
                            exposure_edition=next(r.edition for r in results if r.edition),
                            exposure_allies=allies.spec, tables=counts)

    # ----------------------------------------------------------------------

    def _minerals(self, names: builtins.list[str], every: bool, list_id: Optional[str]) -> builtins.list:
        from .resolve import resolve_minerals

        return resolve_minerals(self.data.minerals, names, list_id, every=every, all_flag=self._words["every"],
                                list_flag=self._words["list"])

    def _allies(self, spec: Optional[str]):
        from .resolve import ally_set

        return ally_set(self.data.countries, spec, given_with=self._words["allies"])


def _export_targets(database: Path, meta_path: Path, is_export, read_ours) -> tuple[bool, Optional[dict]]:
    """(whether a previous export is replaced, the metadata this tool wrote there); UsageError for another file."""
    from .errors import UsageError

    if database.exists() and not is_export(database):
        raise UsageError(f"{database} exists and is not an export of minerals; it is never overwritten",
                         f"name a new file for the database, or remove {database} first")
    existing = read_ours(meta_path) if meta_path.exists() else None
    if meta_path.exists() and existing is None:
        raise UsageError(f"{meta_path} exists and was not written by minerals; the export writes its Datasette "
                         "metadata there and never overwrites another file",
                         f"write the database into another folder, or move {meta_path} away")
    return database.exists(), existing


def _no_imports(r):
    """NotFound for a country the data records no U.S. imports from, saying what the data does hold of it."""
    from .errors import NotFound

    where = f"the {r.list} list" + (f" in MCS {r.edition}" if r.edition else "")
    hint = ("the United States is the domestic supplier, never an import source" if r.country == "US"
            else "USGS names it among the import sources of none of its minerals")
    held = []
    if r.world_role:
        held.append(f"its share of world production of {len(r.world_role)} of them (world, e.g. "
                    f"{r.world_role[0].commodity})")
    if r.controls:
        held.append(f"{len(r.controls)} export control{'s' if len(r.controls) != 1 else ''} (controls of {r.country})")
    if held:
        hint += "; the data has " + " and ".join(held)
    return NotFound(f"no match in the data: no U.S. imports from {r.name} ({r.country}) are recorded for {where}",
                    hint)


def _names(names: Names) -> builtins.list[str]:
    """One name or several, as a list ('lithium' is one name, not six letters)."""
    if names is None:
        return []
    return [names] if isinstance(names, str) else builtins.list(names)


def _one_or_all(results: builtins.list, names: Names, every: bool):
    """One result for one name given as a string; a list for several names, a list of names, or every mineral."""
    if isinstance(names, str) and not every:
        return results[0]
    return results
