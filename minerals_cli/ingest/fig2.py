"""The Fig. 2 file: each commodity's net import reliance as printed and its ordered major import sources."""

from __future__ import annotations

from pathlib import Path

from ..dataset.schema import Citation, CountryRef, RankedSources, Reliance, parse_published
from ..errors import DataError
from .batch import Batch, built, reason_for
from .countries import CountryNames
from .release import ReleaseFile, fig2_data_year, fig2_period, publication_url
from .text import clean_name, squash
from .usgs_names import COMMODITY_OF, FIG2_OTHER_FORMS, FORMS


def fig2_main_name(commodity: str) -> str:
    return clean_name(commodity.split(",")[0]).upper()


def parse_fig2(release: ReleaseFile, edition: int, batch: Batch, countries: CountryNames) -> None:
    """NIR and ranked sources of every Fig. 2 row that is one of our commodities."""
    year = fig2_data_year(release)
    column, period = fig2_period(release)
    nir_column = f"Net_Import_Reliance_pct_{year}"
    batch.data_year = batch.data_year or year
    batch.shares_period = batch.shares_period or period
    file_name = Path(release.path).name
    for row, line in zip(release.rows, release.lines):
        printed = clean_name(row["Commodity"])
        main = fig2_main_name(row["Commodity"])
        published = squash(row[nir_column])
        sources = _source_names(row.get(column, "") if column else "", countries)
        cid = FIG2_OTHER_FORMS.get(main) or COMMODITY_OF.get(main)  # another form: a record of its own
        if cid is None:
            batch.skipped.append(f"{file_name}:{line}: {printed!r} is not one of our commodities")
            continue
        try:
            parse_published(published)
        except ValueError as exc:
            raise DataError([f"{release.path}:{line}: {nir_column}: {exc}"]) from None
        notes = squash(row.get("Notes", ""))
        table = f"Fig. 2 (net import reliance), row {printed!r}; data release {file_name}"
        batch.names.setdefault(cid, printed)
        where = f"{release.path}:{line}"
        batch.reliance[cid] = built(
            Reliance,
            where,
            edition=edition,
            year=year,
            published=published,
            form=FORMS.get(cid),
            reason=reason_for(published, f"MCS {edition} Fig. 2"),
            source=Citation(source=f"USGS MCS {edition}", table=table, url=publication_url(edition)),
        )
        if sources:
            batch.ranked[cid] = built(
                RankedSources,
                where,
                edition=edition,
                period=period,
                countries=[CountryRef(country=countries.code(name, f"{where}: {column}"), name=name) for name in sources],
                source=Citation(
                    source=f"USGS MCS {edition}",
                    table=f"Fig. 2, major import sources {period}, row {printed!r}; data release {file_name}",
                    url=publication_url(edition),
                    note=notes or None,
                ),
            )
    batch.kinds.append("fig2")
    batch.files.append(release.path)


def _source_names(text: str, countries: CountryNames) -> list[str]:
    """'China, Germany3 , Other' -> ['China', 'Germany']; 'NA' -> []."""
    names = [clean_name(p) for p in text.split(",")]
    return [n for n in names if n and n != "NA" and not countries.is_other(n)]
