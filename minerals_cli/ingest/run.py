"""One run of `minerals ingest-mcs`: choose the file (never the shipped data), merge, write it checked."""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .. import data_dir as data_dirs
from ..dataset import FILES
from ..errors import DataError, UsageError
from ..writes import refuse_protected, write_file
from .countries import CountryNames
from .layout import rewritten
from .merge import dump_yaml, empty_document, leading_comments, merge
from .parse import read_batch
from .revisions import brought_in


@dataclass
class Plan:
    """Where a run writes, what it starts from, and whose country registry names the countries."""

    target: Path
    base: Path
    directory: Path


def run(files: list[Path], edition: Optional[int], output: Optional[Path], data_dir: Optional[Path],
        world: Optional[Path] = None, stats: Optional[Path] = None):
    """Ingest release files into the --output file or the data directory's import_dependence.yaml.

    The records are merged into the file as it is (the --output file if it
    exists, else the data directory's), so curated notes, reasons, other
    editions and headline counts survive.  The shipped data is never written.
    """
    from ..results.ingest import IngestCounts, IngestResult

    plan = choose_target(output, data_dir)
    # What the run reads besides the file it updates: never written over.
    inputs = [*files, *(plan.directory / name for key, name in FILES.items()
                        if key not in ("import_dependence", "world", "stats"))]
    refuse_protected(plan.target, Path(os.path.realpath(plan.target)), inputs)
    countries, notes = registry_of(plan.directory)
    doc, text, header = read_base(plan.base)
    batch = read_batch(files, edition, countries)
    before = copy.deepcopy(doc)  # merge changes records in place; the layout compares with the file as it was
    revised = brought_in(before, batch.stats)  # what the file's NIR series change of the editions already there
    merged, counts, warnings = merge(doc, batch)
    new_text, dropped = rewritten(text, before, merged, header)
    # Every file is checked before any is written.
    world_output, world_text = side_plan("world", batch.world, world, plan, data_dir, inputs, warnings)
    stats_output, stats_text = side_plan("stats", batch.stats, stats, plan, data_dir,
                                         [*inputs, *([world_output] if world_output else [])], warnings)
    write_checked(plan.target, new_text, inputs)
    warnings += dropped
    if world_output is not None:
        write_file(world_output, world_text.encode("utf-8"), inputs=[*inputs, plan.target])
    if stats_output is not None:
        write_file(stats_output, stats_text.encode("utf-8"), inputs=[*inputs, plan.target, *([world_output] if world_output else [])])
    world_series = len(batch.world["series"]) if world_output else 0
    stats_series = len(batch.stats["series"]) if stats_output else 0
    return IngestResult(
        files=[str(f) for f in files],
        kinds=batch.kinds,
        edition=batch.edition,
        data_year=batch.data_year or batch.edition - 1,
        output=str(plan.target),
        world_output=str(world_output) if world_output else None,
        stats_output=str(stats_output) if stats_output else None,
        counts=IngestCounts(**counts, world_series=world_series, stats_series=stats_series, revisions=len(revised)),
        skipped=batch.skipped,
        warnings=notes + batch.warnings + warnings,
        revisions=revised,
    )


WORLD_HEADER = """\
# World production, capacity and reserves of the critical minerals, by country, as USGS prints them in the
# World sections of each MCS chapter (MCS2026_Commodities_Data.csv). Written by `minerals ingest-mcs`;
# do not edit by hand. `published` is the figure as printed ('900,000', '>85,000,000', '10,000 - 15,000',
# 'W' withheld, 'NA' not available, '—' zero, 'XX' not applicable, 's' see the note); `total` is USGS's own
# world total, `rounded` when USGS rounded it (shares of a rounded total may pass 100).
"""


STATS_HEADER = """\
# U.S. salient statistics of the critical minerals (production, imports, exports, apparent consumption, stocks,
# prices, net import reliance, ...), five years per series, as USGS prints them in each MCS chapter
# (MCS2026_Commodities_Data.csv, Salient Statistics—United States). Written by `minerals ingest-mcs`; do not
# edit by hand. `published` maps each year to the figure as printed ('27,800', 'W' withheld, 'NA' not available,
# 'E' net exporter, '—' zero, '>50', '890–1,000', or text); `estimated` lists the years USGS marks as estimates;
# a note on every year of a series is kept once as `note`, a year's own note under `notes`. `product` is USGS's
# Commodity column (a chapter may print several products).
"""
# What each side file of a Commodities file is called in messages, its option, and its header.
SIDES = {"world": ("the world tables", "--world", WORLD_HEADER), "stats": ("the salient statistics", "--stats", STATS_HEADER)}


def side_plan(key: str, doc: Optional[dict], option: Optional[Path], plan: Plan, data_dir: Optional[Path],
              inputs: list[Path], warnings: list[str]) -> tuple[Optional[Path], str]:
    """(target, text) of a file a Commodities file also gives (world tables, salient statistics): the option's
    FILE, else the named data directory's.  The text is checked against the schema here, before any write."""
    if doc is None:
        return None, ""
    what, flag, header = SIDES[key]
    target = option or (plan.directory / FILES[key] if data_dirs.chosen(data_dir) is not None else None)
    if target is None:
        warnings.append(f"{what} were read but not written: give {flag} FILE or a data directory of your own")
        return None, ""
    refuse_protected(target, Path(os.path.realpath(target)), [*inputs, plan.target])
    text = dump_yaml(doc, header)
    _check(key, target, text)
    return target, text


def choose_target(output: Optional[Path], data_dir: Optional[Path]) -> Plan:
    """--output wins; else the explicitly named data directory's file; never a file of the shipped data."""
    explicit = data_dirs.chosen(data_dir)
    directory = data_dirs.resolve(explicit)  # the shipped directory when none is named
    if output is not None:
        target = output
    elif explicit is not None:
        target = directory / FILES["import_dependence"]
    else:
        raise UsageError(
            "ingest-mcs writes no file without --output FILE or a data directory of your own "
            f"(--data-dir DIR or {data_dirs.ENV_VAR})",
            "the data shipped with the package is never written",
        )
    refuse_protected(target, Path(os.path.realpath(target)), hint=(  # the shipped data, by every route
        "write to a file of your own with --output FILE (it starts from the shipped records), "
        "or to a copy of the data directory named with --data-dir DIR"))
    base = target if target.exists() else directory / FILES["import_dependence"]
    return Plan(target=target, base=base, directory=directory)


def registry_of(directory: Path) -> tuple[CountryNames, list[str]]:
    """The country registry of the data directory in use; the shipped one if the directory has none."""
    if (directory / FILES["countries"]).exists():
        return CountryNames.of_directory(directory), []
    names = CountryNames.shipped()
    return names, [f"{directory} has no {FILES['countries']}: country names were resolved through {names.registry}"]


def read_base(base: Path) -> tuple[dict[str, Any], str, str]:
    """(document, its text, its leading comment block) to merge into; an absent file starts a new document.

    The file is validated as a whole first, so that a broken base is reported
    as `file:line: field` of that file rather than failing inside the merge;
    a key given twice is refused too (YAML would keep only the last, and the
    rewrite would silently drop the first).
    """
    from ..dataset.checks import duplicate_keys
    from ..dataset.safe_yaml import line_index, read_yaml
    from ..dataset.validation import validate_file

    if not base.exists():
        return empty_document(), "", ""
    doc = read_yaml(base)
    if doc is not None:
        validate_file("import_dependence", base)
        twice = [str(p) for p in duplicate_keys(base, line_index(base))]
        if twice:
            raise DataError(twice + [f"{base}: left unchanged; give each key once, then run ingest-mcs again"])
    try:
        text = base.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([f"{base}:1: not UTF-8 text ({exc.reason})"]) from None
    return (doc if doc is not None else empty_document()), text, leading_comments(text)


def write_checked(target: Path, text: str, inputs: list[Path]) -> None:
    """Replace the target only with a document that validates, checked before anything is written.

    A merged document that fails is reported with the lines of the document
    as it would have been written; the target is left as it was and no
    other file is made.  The write itself goes through writes.write_file.
    """
    _check("import_dependence", target, text)
    write_file(target, text.encode("utf-8"), inputs=inputs)


def _check(key: str, target: Path, text: str) -> None:
    """DataError naming the lines of `text` (the document about to be written) unless it validates."""
    from ..dataset.safe_yaml import Refused, parse_bytes
    from ..dataset.validation import validated

    try:
        validated(key, target, parse_bytes(target, text.encode("utf-8")), _nodes(text))
    except Refused as exc:
        raise DataError(
            [str(p).replace(str(target), f"{target} (as merged)", 1) for p in exc.problems]
            + [f"{target}: left unchanged: the merged document does not validate"]
        ) from None


def _nodes(text: str) -> Any:
    import yaml

    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
