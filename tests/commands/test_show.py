"""`minerals show NAME`: one mineral's names, list history, reliance by edition and import sources."""

import csv
import io
import json

import pytest
import yaml


def test_show_gives_history_and_citations(cli):
    p = cli("show", "Nd", "--json").json()
    assert p["id"] == "neodymium" and p["group"] == "rare earth element"
    how = {h["list"]: h["how"] for h in p["history"]}
    assert how["2018"].startswith("covered by") and how["2022"] == "listed"
    assert {c["source"] for c in p["citations"]} >= {"FR 2018-10667", "FR 2025-19813"}


def test_show_marks_delisted_minerals(cli):
    assert cli("show", "helium", "--json").json()["delisted"] is True
    assert cli("show", "lithium", "--json").json()["delisted"] is False


REE_MEMBERS = ["lanthanum", "cerium", "praseodymium", "neodymium", "samarium", "europium", "gadolinium", "terbium",
               "dysprosium", "holmium", "erbium", "thulium", "ytterbium", "lutetium", "yttrium"]


def test_show_rare_earths_is_on_the_later_lists_through_its_elements(cli):
    p = cli("show", "rare earths", "--json").json()
    assert p["id"] == "rare earth elements group" and p["delisted"] is False
    history = {h["list"]: h for h in p["history"]}
    assert history["2018"]["on_list"] is True and history["2018"]["through"] == []
    for list_id in ("2022", "2025-draft", "2025"):
        assert history[list_id]["on_list"] is False  # the entry itself is not on them...
        assert history[list_id]["through"] == REE_MEMBERS  # ...its elements are, one by one
        assert history[list_id]["how"].startswith("through its members: all 15")
    note = p["split_note"]
    assert "2018 list named the group itself" in note and "2022, 2025-draft and 2025 lists name all 15" in note
    assert "not delisted" in note
    assert {c["source"] for c in p["citations"]} >= {"FR 2018-10667", "FR 2022-04027", "FR 2025-19813"}


def test_show_rare_earths_table_never_says_delisted_without_the_split(cli):
    out = cli("show", "rare earths").stdout
    delisted = next(line for line in out.splitlines() if line.startswith("delisted"))
    assert "no: split into its members" in delisted
    assert "not listed" not in out
    assert "2025        final   through its members: all 15 named one by one" in out
    assert "The 2018 list named the group itself" in out


def test_show_platinum_group_follows_the_same_rule(cli):
    p = cli("show", "PGM", "--json").json()
    assert p["delisted"] is False
    assert {h["list"]: h["through"] for h in p["history"]}["2025"] == [
        "platinum", "palladium", "rhodium", "ruthenium", "iridium"]


def test_show_group_entry_partly_or_wholly_dropped(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    doc = yaml.safe_load(path.read_text())
    by_id = {m["id"]: m for m in doc["minerals"]}
    for dropped in ("rhodium", "ruthenium"):
        by_id[dropped]["lists"].remove("2025")
    for entry in doc["lists"]:  # keep the stated counts consistent with the members
        if entry["id"] == "2025" and entry.get("count") is not None:
            entry["count"] -= 2
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    p = cli("show", "PGM", "--data-dir", str(data_copy), "--json").json()
    latest = {h["list"]: h for h in p["history"]}["2025"]
    assert latest["through"] == ["platinum", "palladium", "iridium"]
    assert latest["how"] == "through 3 of its 5 members: platinum, palladium, iridium"
    assert p["delisted"] is False and "the 2025 list names 3 of its 5 members" in p["split_note"]

    for gone in ("platinum", "palladium", "iridium"):
        by_id[gone]["lists"].remove("2025")
    for entry in doc["lists"]:
        if entry["id"] == "2025" and entry.get("count") is not None:
            entry["count"] -= 3
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    p = cli("show", "PGM", "--data-dir", str(data_copy), "--json").json()
    assert p["delisted"] is True and p["split_note"].endswith("names none of them: delisted.")
    assert {h["list"]: h["how"] for h in p["history"]}["2025"] == "not listed"


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


# --------------------------------------------------------------------------
# the chapter five-year series beside each edition's own figure


def test_boron_2024_shows_the_mcs_2026_series_e_beside_mcs_2025s_own_entry(cli):
    t = cli("show", "boron", "--json").json()["trade"]
    own = next(e for e in t["reliance"] if e["edition"] == 2025)
    assert (own["year"], own["published"], own["value"]) == (2024, "NA", None) and "net exporters" in own["reason"]
    assert own["source"]["source"] == "USGS MCS 2025"
    beside = next(p for p in t["revisions"] if p["year"] == 2024)
    assert (beside["edition"], beside["published"], beside["reason"]) == (2025, "NA", own["reason"])
    assert (beside["series_edition"], beside["series_published"], beside["change"]) == (2026, "E", "filled")
    assert beside["series_source"]["source"] == "USGS MCS 2026" and "BORON chapter" in beside["series_source"]["table"]
    assert beside["source"]["source"] == "USGS MCS 2025"
    [series] = t["nir_series"]
    assert series["compared"] and series["product"] == "Boron"
    assert [(v["year"], v["published"]) for v in series["years"]] == [(y, "E") for y in range(2021, 2026)]


def test_the_series_is_shown_beside_the_figures_in_the_table(cli):
    run = cli("show", "cobalt")
    assert run.exit_code == 0, run.stderr
    rows = {line.split()[1]: line for line in run.stdout.splitlines() if line.startswith("MCS 20") and "MCS NIR" in line}
    assert rows["2024"].split()[3] == "67" and rows["2024"].rstrip().endswith("69 (revised)")
    assert rows["2025"].rstrip().endswith("74 (revised)") and rows["2026"].rstrip().endswith("79 e")
    assert "chapter series is shown beside each edition's own figure; every figure here is the edition's own" in run.stdout


def test_a_chapter_that_prints_several_series_keeps_them_apart(cli):
    series = cli("show", "aluminum", "--json").json()["trade"]["nir_series"]
    assert [(s["chapter"], s["product"], s["compared"]) for s in series] == [
        ("ALUMINUM", "Aluminum", False), ("BAUXITE AND ALUMINA", "Bauxite", True), ("BAUXITE AND ALUMINA", "Alumina", False)]
    assert next(s for s in series if s["product"] == "Alumina")["years"][-1]["published"] == "71"


def test_without_the_salient_statistics_there_is_no_series(cli, data_copy):
    (data_copy / "salient_statistics.yaml").unlink()
    t = cli("show", "boron", "--json", "--data-dir", str(data_copy)).json()["trade"]
    assert t["nir_series"] == [] and t["revisions"] == []
    assert [e["published"] for e in t["reliance"]] == ["NA", "NA", "E"]


# --------------------------------------------------------------------------
# the answer first, several minerals, records


def widest(out):
    return max(len(line) for line in out.splitlines())


@pytest.mark.parametrize("name", ["lithium", "rare earths", "aluminum", "terbium"])
def test_piped_table_lines_fit_120_characters(cli, name):
    run = cli("show", name)
    assert run.exit_code == 0, run.stderr
    assert widest(run.stdout) <= 120


def test_citations_are_numbered_sources_not_notes_and_sources_shows_them_in_full(cli):
    out = cli("show", "lithium").stdout
    assert "note: source:" not in out
    refs = [line for line in out.splitlines() if line.startswith("[")]
    assert any("FR 2022-04027" in r for r in refs) and any("USGS MCS 2026" in r for r in refs)
    full = cli("show", "lithium", "--sources").stdout
    assert "https://www.federalregister.gov/documents/2022/02/24/2022-04027" in full  # the list's own citation
    assert "the 2022 list" in full and "net import reliance, MCS 2024" in full


def test_several_names_are_a_list_of_the_single_profiles_in_order(cli):
    got = cli("show", "cobalt", "Li", "--json").json()
    assert got == [cli("show", "cobalt", "--json").json(), cli("show", "lithium", "--json").json()]
    table = cli("show", "cobalt", "lithium").stdout
    assert table.index("List history") < table.index("\nlithium\n")


def test_all_shows_every_mineral_of_the_list(cli):
    got = cli("show", "--all", "--list", "2018", "--json").json()
    listed = cli("list", "--list", "2018", "--json").json()["minerals"]
    assert [p["id"] for p in got] == [m["id"] for m in listed]
    assert next(p for p in got if p["id"] == "gallium") == cli("show", "gallium", "--json").json()
    run = cli("show", "lithium", "--all")
    assert run.exit_code == 2 and "not both" in run.stderr


def test_names_with_hyphens_are_the_names_with_spaces(cli):
    assert cli("show", "metallurgical-coal", "--json").json() == cli("show", "metallurgical coal", "--json").json()
    assert cli("show", "rare-earths", "--json").json()["id"] == "rare earth elements group"


def test_records_are_one_per_mineral_with_numeric_figures(cli):
    rows = list(csv.DictReader(io.StringIO(cli("show", "lithium", "cobalt", "--format", "csv").stdout)))
    assert [r["mineral"] for r in rows] == ["lithium", "cobalt"]
    lithium, cobalt = rows
    assert (lithium["nir"], lithium["nir_published"], lithium["nir_bound"]) == ("50.0", ">50", "lower")
    assert (lithium["top_source"], float(lithium["top_source_share"])) == ("CL", 54)
    assert lithium["on_2018"] == "True" and lithium["delisted"] == "False"
    # China is not on lithium's list: its share is 0 to the 'Other' share, never a plain 0
    assert (lithium["china_share_bound"], float(lithium["china_share_high"])) == ("lower", 3)
    assert float(cobalt["nir"]) == 79 and cobalt["nir_edition"] == "2026"
    [rare] = cli("show", "rare earths", "--format", "jsonl").stdout.splitlines()
    assert json.loads(rare)["on_2022"] is True  # through its members


def test_a_mineral_without_trade_figures_has_unknown_cells_not_zeros(cli):
    [record] = [json.loads(line) for line in cli("show", "platinum group metals", "--format", "jsonl").stdout.splitlines()]
    assert record["nir"] is None and record["top_source_share"] is None and record["china_share"] is None
