"""`minerals show NAME`: one mineral's names, list history, reliance by edition and import sources."""


def test_show_gives_history_and_citations(cli):
    p = cli("show", "Nd", "--json").json()
    assert p["id"] == "neodymium" and p["group"] == "rare earth element"
    how = {h["list"]: h["how"] for h in p["history"]}
    assert how["2018"].startswith("covered by") and how["2022"] == "listed"
    assert {c["source"] for c in p["citations"]} >= {"FR 2018-10667", "FR 2025-19813"}


def test_show_marks_delisted_minerals(cli):
    assert cli("show", "helium", "--json").json()["delisted"] is True
    assert cli("show", "lithium", "--json").json()["delisted"] is False


def test_unknown_mineral_suggests_nearest_names(cli):
    run = cli("show", "litium")
    assert run.exit_code == 1
    assert "did you mean" in run.stderr and "lithium" in run.stderr


# --------------------------------------------------------------------------
# the trade history from import_dependence.yaml


def test_show_gives_every_edition_with_its_published_form(cli):
    p = cli("show", "lithium", "--json").json()
    t = p["trade"]
    assert [e["edition"] for e in t["reliance"]] == [2024, 2025, 2026]
    first = t["reliance"][0]
    assert first["published"] == ">25" and first["bound"] == "lower" and first["value"] == 25
    assert all(e["source"]["source"].startswith("USGS MCS") for e in t["reliance"])
    whole = [s for s in t["import_shares"] if s["whole"]]
    assert whole and whole[0]["shares"][0]["name"] == "Chile"
    assert [r["edition"] for r in t["ranked_sources"]] == [2024, 2025, 2026]


def test_show_lanthanide_says_it_inherits_the_group_figures(cli):
    t = cli("show", "Tb", "--json").json()["trade"]
    assert t["commodity"] == "rare earths"
    assert "rare-earths group" in t["inherited"]
    categories = [s["category"] for s in t["import_shares"]]
    assert categories[0] == "Rare-earth compounds and metals" and "Terbium compounds and metals" in categories


def test_show_unknown_keeps_its_reason(cli):
    t = cli("show", "rhodium", "--json").json()["trade"]
    assert all(e["published"] == "NA" and e["value"] is None and e["reason"] for e in t["reliance"])


def test_show_fuel_is_marked_eia(cli):
    t = cli("show", "uranium", "--json").json()["trade"]
    assert {e["basis"] for e in t["reliance"]} == {"EIA"}
    assert "Not a USGS net import reliance" in t["reliance"][0]["note"]


def test_show_group_entry_without_commodity_has_no_trade(cli):
    p = cli("show", "platinum group metals", "--json").json()
    assert p["commodity"] is None and p["trade"] is None


def test_show_table_prints_reliance_history(cli):
    r = cli("show", "cobalt")
    assert r.exit_code == 0
    assert "Net import reliance" in r.stdout and "MCS 2024" in r.stdout and "Norway" in r.stdout


def test_show_without_trade_file_still_works(cli, data_copy):
    (data_copy / "import_dependence.yaml").unlink()
    p = cli("show", "cobalt", "--data-dir", str(data_copy), "--json")
    assert p.exit_code == 0 and p.json()["trade"] is None
