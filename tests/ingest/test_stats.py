"""The salient statistics of the Commodities_Data file: salient_statistics.yaml as ingest-mcs writes it (issue 18)."""

from __future__ import annotations

import pytest
from helpers import DATA, RELEASE

from minerals_cli.dataset.safe_yaml import parse
from minerals_cli.ingest.release import read_release

COMMODITIES = RELEASE / "MCS2026_Commodities_Data.csv"
needs_release = pytest.mark.skipif(not COMMODITIES.is_file(), reason="../shared/sources/usgs_release not present")


@needs_release
def test_re_ingesting_the_official_file_reproduces_the_shipped_statistics(cli, data_copy):
    r = cli("ingest-mcs", str(COMMODITIES), "--data-dir", str(data_copy), "--json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["stats_output"] == str(data_copy / "salient_statistics.yaml")
    assert r.json()["counts"]["stats_series"] == 528
    assert (data_copy / "salient_statistics.yaml").read_bytes() == (DATA / "salient_statistics.yaml").read_bytes()


@needs_release
def test_every_salient_row_of_a_critical_chapter_is_kept_as_published():
    release = read_release(COMMODITIES)
    ours_alone = {("HELIUM AND RARE GASES", "Helium"), ("STRONTIUM", "Strontium")}  # our commodities flagged 'No'
    wanted = [r for r in release.rows if r["Section"].startswith("Salient")
              and (r["Is critical mineral 2025"] == "Yes" or (r["MCS chapter"].strip(), r["Commodity"].strip()) in ours_alone)]
    series = parse(DATA / "salient_statistics.yaml")["series"]
    assert sum(len(s["published"]) for s in series) == len(wanted)
    published = {(s["chapter"], s["product"], s["detail"], s["unit"], year): text
                 for s in series for year, text in s["published"].items()}
    assert len(published) == len(wanted)  # one value per series and year
    estimated = {(s["chapter"], s["product"], s["detail"], s["unit"], year) for s in series for year in s.get("estimated", [])}
    for r in wanted:
        key = (r["MCS chapter"].strip(), r["Commodity"].strip(), " ".join(r["Statistics_detail"].replace("\xa0", " ").split()),
               r["Unit"].strip(), int(r["Year"]))
        assert published[key] == r["Value"].replace("\xa0", " ").strip()
        assert (key in estimated) == r["Notes"].strip().startswith("Estimated.")


def test_with_output_only_the_statistics_are_not_written_and_the_run_says_so(cli, empty_dir, tmp_path):
    from mcs_fixtures import COMMODITIES as EXCERPT

    r = cli("ingest-mcs", str(EXCERPT), "--output", str(tmp_path / "imports.yaml"), "--json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["stats_output"] is None and any("salient statistics" in w for w in r.json()["warnings"])


def test_stats_go_where_stats_says(cli, empty_dir, tmp_path):
    from mcs_fixtures import COMMODITIES as EXCERPT

    out = tmp_path / "stats.yaml"
    r = cli("ingest-mcs", str(EXCERPT), "--output", str(tmp_path / "imports.yaml"), "--stats", str(out), "--json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["stats_output"] == str(out) and parse(out)["edition"] == 2026


def test_an_estimated_year_with_no_published_value_is_refused_at_its_series(cli, data_copy):
    from helpers import edit, line_of, problems

    path = data_copy / "salient_statistics.yaml"
    series_line = line_of(path, "- id: aluminum s1")
    edit(path, "  estimated:\n  - 2025\n", "  estimated:\n  - 2019\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    [p] = problems(run)
    assert p["file"] == str(path) and "2019" in p["message"] and p["line"] == series_line
