"""`minerals country CODE`: every critical mineral the U.S. imports from one country, ranked by exposure.

Figures are recomputed from the YAML files read with yaml.safe_load, with the
docs/design.md formulas, so the analysis is checked against the data, not itself.
"""

from __future__ import annotations

import pytest
import yaml
from helpers import COUNTRY_SPELLINGS as COUNTRIES
from helpers import DATA, close, mineral_figures, nir_number, run_json
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
    assert run_json(cli, "country", name, "--data-dir", str(FIXTURE))["country"] == code


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
    run = cli("country", typed, "--json", "--data-dir", str(with_trade))
    assert run.exit_code == 0, run.stderr
    assert run.json()["country"] == code


def test_misspelt_country_command_exits_1(cli, with_trade):
    run = cli("country", "Chinaa", "--data-dir", str(with_trade))
    assert run.exit_code == 1 and "did you mean" in run.stderr and "CN" in run.stderr
