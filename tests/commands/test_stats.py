"""`minerals stats`, and the value at risk `scenario` adds to each row (issue 18)."""

from __future__ import annotations

from helpers import DATA, run_json

from minerals_cli.dataset.safe_yaml import parse

KG_PER_UNIT = {"kilograms": 1.0, "metric tons": 1000.0, "thousand metric tons": 1e6}
PER_KG = {"dollars per kilogram": 1.0, "dollars per metric ton": 0.001, "dollars per pound": 1 / 0.45359237,
          "cents per pound": 0.01 / 0.45359237, "dollars per troy ounce": 1 / 0.0311034768, "dollars per gram": 1000.0}


def row(result, detail):
    return next(s for s in result["series"] if s["detail"] == detail)


def test_antimony_prices_and_apparent_consumption_exactly_as_published(cli):
    got = run_json(cli, "stats", "antimony")
    price = row(got, "Price, metal, average, dollars per pound")
    assert price["unit"] == "dollars per pound"
    assert [(v["year"], v["published"], v["estimated"]) for v in price["years"]] == [
        (2021, "5.31", False), (2022, "6.18", False), (2023, "5.49", False), (2024, "10.24", False), (2025, "25", True)]
    consumption = row(got, "Consumption, apparent")
    assert [v["published"] for v in consumption["years"]] == ["27,800", "24,500", "20,700", "28,600", "45,000"]
    assert consumption["unit"] == "metric tons" and "antimony content" in got["chapter_notes"][0]
    assert got["citations"][0]["source"]["url"].endswith("mcs2026.pdf")


def test_several_minerals_at_once(cli):
    got = run_json(cli, "stats", "gallium", "germanium")
    assert [r["mineral"] for r in got] == ["gallium", "germanium"]
    for r in got:
        kinds = {s["statistic"] for s in r["series"]}
        assert {"Price", "Consumption"} <= kinds


def test_one_kind_of_row_and_a_bad_kind(cli):
    got = run_json(cli, "stats", "antimony", "--series", "price")
    assert {s["statistic"] for s in got["series"]} == {"Price"}
    run = cli("stats", "antimony", "--series", "colour")
    assert run.exit_code == 2 and "valid kinds" in run.stderr


def test_the_ndpr_price_of_each_year_beside_the_110_floor(cli):
    floor = run_json(cli, "stats", "rare earths")["policy_prices"][0]
    assert floor["value"] == 110 and floor["unit"] == "dollars per kilogram" and floor["since"] == "2025-07-09"
    assert floor["source"]["source"] and "NdPr" in floor["beside"]["detail"]
    assert [v["published"] for v in floor["beside"]["years"]] == ["92", "124", "75", "55", "69"]


def test_a_mineral_without_statistics_says_so(cli):
    got = run_json(cli, "stats", "uranium")
    assert got["series"] == [] and got["unknown"]


def test_every_value_at_risk_recomputes_from_the_data_and_every_unknown_says_why(cli):
    got = run_json(cli, "scenario", "--cut", "CN")
    by_id = {s["id"]: s for s in parse(DATA / "salient_statistics.yaml")["series"]}
    priced = 0
    for r in got["rows"] + got["unknown"]:
        v = r["value_at_risk"]
        if v["unknown"]:
            assert v["value"]["value"] is None and v["consumption"] is None
            continue
        priced += 1
        c, p = by_id[v["consumption"]["series"]], by_id[v["price"]["series"]]
        year = v["year"]
        consumption = float(c["published"][year].replace(",", ""))
        price = float(p["published"][year].replace(",", ""))
        whole = consumption * KG_PER_UNIT[c["unit"]] * price * PER_KG[p["unit"]]
        for end in ("low", "value", "high"):
            assert abs(v["value"][end] - whole * r["at_risk"][end] / 100) <= 1e-6 * whole
        assert v["value"]["bound"] == r["at_risk"]["bound"] and v["conversion"]
    assert priced >= 3
    antimony = next(r for r in got["rows"] if r["commodity"] == "antimony")["value_at_risk"]
    assert antimony["year"] == 2025 and round(antimony["value"]["value"] / 1e6) == 1241


def test_a_value_is_unknown_where_the_price_is_of_another_product(cli):
    got = run_json(cli, "scenario", "--cut", "CN")
    rows = {r["commodity"]: r["value_at_risk"] for r in got["rows"] + got["unknown"]}
    assert "not on one basis" in rows["tantalum"]["unknown"]
    assert "prices of different products" in rows["rare earths"]["unknown"]
    assert "does not convert" in rows["tungsten"]["unknown"]


def test_exposure_gives_the_value_of_net_imports_in_the_year_of_its_reliance(cli):
    latest = run_json(cli, "exposure", "antimony")["net_import_value"]
    assert latest["year"] == 2025 and round(latest["value"]["value"] / 1e6) == round(45_000_000 * 25 / 0.45359237 * 0.91 / 1e6)
    older = run_json(cli, "exposure", "antimony", "--edition", "2024")["net_import_value"]
    assert older["year"] == 2023 and older["consumption"]["published"] == "20,700" and older["price"]["published"] == "5.49"
    lithium = run_json(cli, "exposure", "lithium")["net_import_value"]
    assert lithium["value"]["value"] is None and "carbonate" in lithium["unknown"]


# --------------------------------------------------------------------------
# the answer first, --all, records, sort and filter


def records(cli, *args):
    import csv
    import io

    return list(csv.DictReader(io.StringIO(cli("stats", *args, "--format", "csv").stdout)))


def test_piped_table_lines_fit_120_characters_and_sources_are_numbered(cli):
    for name in ("antimony", "rare earths"):
        run = cli("stats", name)
        assert run.exit_code == 0, run.stderr
        assert max(len(line) for line in run.stdout.splitlines()) <= 120
        assert "note: source:" not in run.stdout and "\n[1] USGS MCS 2026" in run.stdout
    assert "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026.pdf" in cli("stats", "antimony", "--sources").stdout


def test_all_takes_the_list_like_the_other_batches(cli):
    every = run_json(cli, "stats", "--all", "--list", "2018")
    assert [r["mineral"] for r in every] == [m["id"] for m in run_json(cli, "list", "--list", "2018")["minerals"]]
    assert next(r for r in every if r["mineral"] == "antimony") == run_json(cli, "stats", "antimony")
    assert cli("stats", "antimony", "--all").exit_code == 2


def test_records_are_one_per_series_and_year_as_published_and_as_numbers(cli):
    rows = records(cli, "antimony")
    got = run_json(cli, "stats", "antimony")
    assert len(rows) == sum(len(s["years"]) for s in got["series"])
    price = [r for r in rows if r["detail"] == "Price, metal, average, dollars per pound"]
    assert [(r["year"], r["published"], r["number"], r["estimated"]) for r in price][-2:] == [
        ("2024", "10.24", "10.24", "False"), ("2025", "25", "25.0", "True")]
    withheld = next(r for r in rows if r["published"] == "W")
    assert withheld["number"] == ""  # W is no number: an empty cell, never 0


def test_where_and_sort_work_on_the_records(cli):
    rows = records(cli, "antimony", "--where", "year>=2024", "--where", "statistic=Price")
    assert [(r["year"], r["published"]) for r in rows] == [("2024", "10.24"), ("2025", "25")]
    top = records(cli, "antimony", "--sort", "number", "--top", "2")
    assert [r["published"] for r in top] == ["45,000", "39,000"]
    table = cli("stats", "antimony", "--where", "year=2025", "--where", "statistic=Consumption").stdout
    assert "2025" in table and "2024" not in table and "45,000 e" in table
    run = cli("stats", "antimony", "--sort", "colour")
    assert run.exit_code == 2 and "columns:" in run.stderr
