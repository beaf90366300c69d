"""`minerals country CODE`: every critical mineral the U.S. imports from one country, ranked by exposure.

Figures are recomputed from the YAML files read with yaml.safe_load, with the
docs/design.md formulas, so the analysis is checked against the data, not itself.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from helpers import COUNTRY_SPELLINGS as COUNTRIES
from helpers import DATA, close, full_citation, mineral_figures, nir_number, run_json
from helpers import TRADE_SMALL as FIXTURE


def test_country_cn_is_ranked_by_exposure(cli):
    r = run_json(cli, "country", "CN")
    figures = mineral_figures(DATA)
    assert r["country"] == "CN" and r["name"] == "China" and "feoc" in r["groups"]
    known = [row for row in r["rows"] if row["exposure"]["value"] is not None]
    assert len(known) >= 10
    values = [row["exposure"]["value"] for row in known]
    assert values == sorted(values, reverse=True)
    assert r["rows"][: len(known)] == known  # unknown exposures come after the known ones
    for row in (x for x in known if x["headline"]):
        for mineral in row["minerals"]:  # minerals are taken together only where every figure is the same
            rel, shares = figures[mineral]
            share = sum(s["percent"] for s in shares["shares"] if s["country"] == "CN")
            assert close(row["share"], share)
            assert close(row["exposure"]["value"], nir_number(rel["published"]) * share / 100)
    rare = next(row for row in r["rows"] if row["commodity"] == "rare earths")
    assert len(rare["minerals"]) == 8 and "neodymium" in rare["minerals"] and "terbium" not in rare["minerals"]
    terbium = next(row for row in r["rows"] if row["minerals"] == ["terbium"])
    assert terbium["commodity"] == "terbium" and terbium["share"] == 100 and terbium["exposure"]["value"] == 100
    assert [(x["figure"], x["level"]) for x in terbium["levels"]] == [("net import reliance", "subgroup"),
                                                                       ("import shares", "element")]
    assert "erbium" not in r["leading_for"]  # Germany leads erbium (MCS 2026 heavy-rare-earth chapter)


def test_country_lists_the_minerals_it_leads(cli):
    r = run_json(cli, "country", "China")
    figures = mineral_figures(DATA)
    for row in (x for x in r["rows"] if x["headline"]):
        _, shares = figures[row["minerals"][0]]
        if row["basis"] == "shares":
            top = max(s["percent"] for s in shares["shares"] if s["country"])
            assert row["leading"] == (row["share"] == top)
    assert "neodymium" in r["leading_for"] and "yttrium" in r["leading_for"]
    assert set(r["leading_for"]) == {m for row in r["rows"] if row["leading"] and row["headline"] for m in row["minerals"]}
    assert r["minerals_count"] == len({m for row in r["rows"] for m in row["minerals"]})


def _form_row(r, record):
    return next(x for x in r["rows"] if x["commodity"] == record)


def test_country_counts_every_published_form_once_per_mineral(cli):
    """Canada's 56% of aluminum-metal imports and China's 58% of magnesium-compound imports are rows of their own
    (issue 12); aluminum and magnesium still count once, and the leader of the headline form stays the one of
    every other view."""
    ca = run_json(cli, "country", "CA")
    records = {c["id"]: c for c in yaml.safe_load((DATA / "import_dependence.yaml").read_text())["commodities"]}
    metal = _form_row(ca, "aluminum metal")
    assert (metal["form"], metal["headline"], metal["minerals"], metal["share"]) == ("metal", False, ["aluminum"], 56)
    rel = next(x for x in records["aluminum metal"]["reliance"] if x["edition"] == ca["edition"])
    assert metal["reliance"]["published"] == rel["published"] == "60"
    assert close(metal["exposure"]["value"], 60 * 56 / 100) and metal["leading"] is True
    assert _form_row(ca, "alumina")["share"] == 5
    aluminum_rows = [x for x in ca["rows"] if "aluminum" in x["minerals"]]
    assert len(aluminum_rows) == 2  # metal and alumina; Canada is not among bauxite's sources
    assert ca["minerals_count"] == len({m for x in ca["rows"] for m in x["minerals"]}) < len(
        [m for x in ca["rows"] for m in x["minerals"]])
    assert "aluminum" not in ca["leading_for"]  # Jamaica leads bauxite, the headline form
    assert ca["count"] == len({x["commodity"] if x["headline"] else records[x["commodity"]]["part_of"] for x in ca["rows"]})
    cn = run_json(cli, "country", "CN")
    compounds = _form_row(cn, "magnesium compounds")
    assert (compounds["form"], compounds["share"], compounds["reliance"]["published"]) == ("compounds", 58, "59")
    assert "MAGNESIUM COMPOUNDS" in " ".join(c["source"]["table"] for c in cn["citations"])


def test_country_leads_for_uranium_as_chart_and_exposure_say(cli):
    r = cli("country", "CA", "--json").json()
    row = next(x for x in r["rows"] if x["commodity"] == "uranium")
    assert row["share"] == 36 and row["leading"] is True and row["exposure"]["value"] is None  # NIR is NA
    assert cli("exposure", "uranium", "--json").json()["leading"] == ["CA"]
    [bar_less] = [u for u in cli("chart", "--json").json()["unknown"] if u["commodity"] == "uranium"]
    assert bar_less["leading_source"]["country"] == "CA"


def test_country_ranked_only_rows_have_unknown_exposure(cli):
    r = run_json(cli, "country", "CN", "--data-dir", str(FIXTURE))
    cesium = next(row for row in r["rows"] if row["commodity"] == "cesium")
    assert cesium["basis"] == "ranked" and cesium["share"] is None and cesium["exposure"]["value"] is None
    assert r["rows"][-1]["commodity"] == "cesium"
    assert [row["commodity"] for row in r["rows"][:3]] == ["rare earths", "gallium", "indium"]


@pytest.mark.parametrize(
    "name, code",
    [("Congo (Kinshasa)", "CD"), ("DRC", "CD"), ("Republic of Korea", "KR"), ("Korea, Republic of", "KR"),
     ("South Korea", "KR"), ("Burma", "MM"), ("PRC", "CN"), ("People's Republic of China", "CN"),
     ("Russian Federation", "RU"), ("UK", "GB"), ("Britain", "GB"), ("USA", "US"), ("Taiwan", "TW"),
     ("Hong Kong", "HK"), ("EU", "EU"), ("the bahamas", "BS"), ("Türkiye", "TR")],
)
def test_country_names_as_usgs_prints_them(cli, name, code):
    assert resolved(cli, name, "--data-dir", str(FIXTURE)) == code


def resolved(cli, typed, *args):
    """The country `country TYPED` answers for: its JSON's code, or the code its 'no match in the data' names."""
    run = cli("country", typed, "--json", *args)
    if run.exit_code == 0:
        return run.json()["country"]
    assert run.exit_code == 1 and run.stderr.startswith("minerals: error: no match in the data: "), run.stderr
    return re.search(r"no U\.S\. imports from .+ \(([A-Z]{2})\) are recorded", run.stderr).group(1)


def test_unknown_country_suggests(cli):
    run = cli("country", "Chine")
    assert run.exit_code == 1
    assert "CN" in run.stderr


# --------------------------------------------------------------------------
# names and codes on a data directory with a figure-less trade file if need be



@pytest.fixture
def with_trade(data_copy):
    """The shipped data, with a figure-less import_dependence.yaml if none is shipped yet."""
    path = data_copy / "import_dependence.yaml"
    if not path.exists():
        doc = yaml.safe_load((data_copy / "minerals_2025.yaml").read_text())
        ids = sorted({m["commodity"] for m in doc["minerals"] if m.get("commodity")})
        path.write_text(yaml.safe_dump({
            "editions": [{"edition": 2025, "data_year": 2024, "shares_period": "2020-23", "title": "MCS 2025",
                          "citation": {"source": "test fixture"}}],
            "commodities": [{"id": i, "name": i} for i in ids],
        }))
    return data_copy


@pytest.mark.parametrize("typed, code", COUNTRIES)
def test_country_command_takes_names_and_codes(cli, with_trade, typed, code):
    assert resolved(cli, typed, "--data-dir", str(with_trade)) == code


def test_misspelt_country_command_exits_1(cli, with_trade):
    run = cli("country", "Chinaa", "--data-dir", str(with_trade))
    assert run.exit_code == 1 and "did you mean" in run.stderr and "CN" in run.stderr


# --------------------------------------------------------------------------
# no match in the data; the answer first; records


@pytest.mark.parametrize("typed", ["XX", "Atlantis"])
def test_a_country_the_registry_does_not_know_is_not_found(cli, typed):
    run = cli("country", typed)
    assert run.exit_code == 1 and f"unknown country {typed!r}" in run.stderr and not run.stdout
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("typed, code, holds", [("IS", "IS", "world production"), ("Iceland", "IS", "silicon"),
                                                ("DRC", "CD", "export control"), ("US", "US", "domestic supplier")])
def test_a_country_with_no_us_imports_in_the_data_says_so_and_exits_1(cli, typed, code, holds):
    for fmt in ("table", "json", "csv"):
        run = cli("country", typed, "--format", fmt)
        assert run.exit_code == 1 and not run.stdout, (typed, fmt)
        first, hint = run.stderr.splitlines()
        assert first.startswith("minerals: error: no match in the data: no U.S. imports from ")
        assert f"({code}) are recorded for the 2025 list in MCS 2026" in first
        assert holds in hint  # what the data does hold of it, and the command that shows it


def test_a_filter_that_keeps_no_row_is_an_empty_answer_not_a_missing_country(cli):
    run = cli("country", "CN", "--where", "share>100", "--json")
    assert run.exit_code == 0 and run.json()["rows"] == []


@pytest.mark.parametrize("code", ["CN", "DE", "CA", "RU", "ZA"])
def test_country_piped_lines_fit_120_characters_and_sources_are_numbered(cli, code):
    for args in ([], ["--sources"]):
        out = cli("country", code, *args).stdout
        assert max(len(line) for line in out.splitlines()) <= 120, (code, args)
        assert not any(line.startswith("note: source:") for line in out.splitlines())
        assert re.search(r"^\[1\] USGS MCS 2026", out, re.M)
    lines = cli("country", code).stdout.splitlines()
    first_note = next(i for i, line in enumerate(lines) if line.startswith("note:"))
    notes = [line for line in lines[first_note:] if line.startswith("note:") and not line.startswith("note: [")
             and "every full citation: --sources" not in line]
    assert len(notes) <= 4, notes  # the few that change how the rows read; the rest behind --sources
    header = lines[1].split()
    assert header[0] == "mineral" and "code" not in header  # the country is in the title, by name and code


def test_country_table_shows_mineral_names_and_the_form_of_other_rows(cli):
    r = run_json(cli, "country", "CN")
    lines = cli("country", "CN").stdout.splitlines()
    labels = [line[:26].strip() for line in lines[3:3 + len(r["rows"])]]
    assert labels[0] == r["rows"][0]["minerals"][0]
    assert "rare earths (8 minerals)" in labels and "magnesium (compounds)" in labels
    assert lines[0] == "U.S. imports from China (CN): 31 minerals of the 2025 list, 2021-24 (MCS 2026)"


def test_country_sources_prints_every_full_citation(cli):
    r = run_json(cli, "country", "CN")
    text = " ".join(cli("country", "CN", "--sources").stdout.split())
    for c in r["citations"]:
        assert full_citation(c) in text
    for caveat in r["caveats"]:
        assert " ".join(caveat.split()) in text
    assert all(c["measure"] in text for c in r["controls"])


def test_country_records_are_one_per_row_with_numeric_columns(cli):
    r = run_json(cli, "country", "CA")
    records = list(csv.DictReader(io.StringIO(cli("country", "CA", "--format", "csv").stdout)))
    assert len(records) == len(r["rows"])
    for record, row in zip(records, r["rows"]):
        assert record["country"] == "CA" and record["country_name"] == "Canada"
        assert record["minerals"] == ";".join(row["minerals"]) and record["headline"] == str(row["headline"])
        assert (record["share"] == "") == (row["share"] is None)
        if row["share"] is not None:
            assert close(float(record["share"]), row["share"])
        assert (record["exposure"] == "") == (row["exposure"]["value"] is None)  # unknown: empty, never 0
        assert record["nir_published"] == row["reliance"]["published"]
    for column in ("share", "share_low", "share_high", "rank", "nir", "exposure", "exposure_high", "edition"):
        assert all(re.fullmatch(r"-?\d+(\.\d+)?", x[column]) for x in records if x[column]), column
    uranium = next(x for x in records if x["commodity"] == "uranium")
    assert uranium["nir"] == "" and uranium["nir_published"] == "NA" and uranium["exposure_bound"] == "unknown"
    jsonl = [json.loads(line) for line in cli("country", "CA", "--format", "jsonl").stdout.splitlines()]
    assert [x["commodity"] for x in jsonl] == [row["commodity"] for row in r["rows"]]


def test_country_sort_top_and_where(cli):
    top = run_json(cli, "country", "CN", "--sort", "share", "--top", "5")["rows"]
    assert [x["share"] for x in top] == sorted((x["share"] for x in top), reverse=True) and len(top) == 5
    leading = run_json(cli, "country", "CN", "--where", "leading=yes", "--where", "nir>=90")["rows"]
    assert leading and all(x["leading"] and x["reliance"]["value"] >= 90 for x in leading)
    assert run_json(cli, "country", "CN", "--where", "minerals~neodymium")["rows"][0]["commodity"] == "rare earths"
