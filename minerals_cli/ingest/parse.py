"""Read the release files of one edition into a Batch, checking the edition against each file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..errors import UsageError
from .batch import Batch
from .chapters import parse_commodities
from .countries import CountryNames
from .fig2 import parse_fig2
from .release import detect_edition, read_release
from .stats import stats_document
from .world import world_document


def read_batch(paths: list[Path], edition: Optional[int] = None, countries: Optional[CountryNames] = None) -> Batch:
    """Read release files of one edition into a Batch; the edition is checked against each file.

    Country names go through `countries` (default: the shipped registry).
    """
    releases = [read_release(p) for p in paths]
    editions = {r.path: detect_edition(r) for r in releases}
    found = {e for e in editions.values() if e is not None}
    if edition is None:
        if len(found) != 1 or None in editions.values():
            unknown = [p for p, e in editions.items() if e is None]
            hint = f"cannot tell the edition of {', '.join(unknown)}" if unknown else f"files of editions {sorted(found)}"
            raise UsageError(f"{hint}; give --edition YEAR", "files are named like MCS2026_Fig2_Net_Import_Reliance.csv")
        edition = found.pop()
    else:
        wrong = [f"{p} (MCS {e})" for p, e in editions.items() if e is not None and e != edition]
        if wrong:
            raise UsageError(f"--edition {edition} does not match {', '.join(wrong)}")
    countries = countries or CountryNames.shipped()
    batch = Batch(edition=edition)
    for release in sorted(releases, key=lambda r: r.kind != "fig2"):
        if release.kind == "fig2":
            parse_fig2(release, edition, batch, countries)
        else:
            parse_commodities(release, edition, batch, countries)
            batch.world = world_document(release, edition, countries)
            batch.stats = stats_document(release, edition)
    _cross_check(batch)
    return batch


def _cross_check(batch: Batch) -> None:
    for cid, chapter in batch.chapter_reliance.items():
        fig2 = batch.reliance.get(cid)
        if fig2 is not None and fig2.published != chapter.published:
            batch.warnings.append(
                f"{cid}: Fig. 2 prints {fig2.published!r}, the chapter {chapter.published!r}; Fig. 2 kept"
            )
