"""Fig. 2 of an MCS edition (MCS20xx_Fig2_Net_Import_Reliance.csv) into reliance records and ranked sources.

Each test ingests a fixture in the USGS format into an empty data directory
and reads the YAML written back.
"""

from __future__ import annotations

import re

from mcs_fixtures import FIG2_2025, FIG2_2026, commodity, load, reliance, run_ingest


def test_fig2_records_keep_the_published_form(cli, empty_dir):
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    doc = load(empty_dir / "import_dependence.yaml")
    assert reliance(doc, "arsenic", 2026)["published"] == "100"
    assert reliance(doc, "aluminum", 2026)["published"] == ">75"
    assert reliance(doc, "aluminum", 2026)["form"] == "bauxite"
    assert reliance(doc, "lithium", 2026)["published"] == ">50"
    assert reliance(doc, "zirconium", 2026)["published"] == "<25"
    assert reliance(doc, "titanium", 2026)["form"] == "sponge metal"
    assert all(reliance(doc, c, 2026)["year"] == 2025 for c in ("arsenic", "chromium", "tellurium"))


def test_fig2_citations_name_the_row_and_the_file(cli, empty_dir):
    run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    src = reliance(load(empty_dir / "import_dependence.yaml"), "chromium", 2026)["source"]
    assert src["source"] == "USGS MCS 2026"
    assert "'CHROMIUM, all forms'" in src["table"]  # trailing space of the USGS name gone
    assert "MCS2026_Fig2_Net_Import_Reliance.csv" in src["table"]
    assert src["url"].startswith("https://pubs.usgs.gov/periodicals/mcs2026/")


def test_ranked_sources_are_iso_codes_with_the_names_kept(cli, empty_dir):
    run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    ranked = commodity(load(empty_dir / "import_dependence.yaml"), "rare earths")["ranked_sources"][0]
    assert ranked["period"] == "2021-24"
    assert [c["country"] for c in ranked["countries"]] == ["CN", "MY", "EE", "JP"]
    assert [c["name"] for c in ranked["countries"]] == ["China", "Malaysia", "Estonia", "Japan"]
    assert "Hong Kong" in ranked["source"]["note"]


def test_footnote_digits_and_stray_spaces_are_cleaned(cli, empty_dir):
    """MCS 2025 copy: CRLF, no BOM, 'China3', 'Brazil, Canada  '."""
    r = run_ingest(cli, FIG2_2025, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    doc = load(empty_dir / "import_dependence.yaml")
    niobium = commodity(doc, "niobium")["ranked_sources"][0]["countries"]
    assert niobium == [{"country": "BR", "name": "Brazil"}, {"country": "CA", "name": "Canada"}]
    metal = commodity(doc, "aluminum metal")
    assert metal["ranked_sources"][0]["countries"][-1] == {"country": "CN", "name": "China"}
    assert reliance(doc, "aluminum metal", 2025)["published"] == "47"
    assert "China3" not in (empty_dir / "import_dependence.yaml").read_text()
    assert reliance(doc, "tellurium", 2025)["published"] == "<25"


def test_other_forms_are_records_of_their_own_not_the_headline(cli, empty_dir):
    run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    doc = load(empty_dir / "import_dependence.yaml")
    assert reliance(doc, "titanium", 2026)["published"] == "100"  # sponge, not the concentrates' 88
    concentrates = commodity(doc, "titanium mineral concentrates")
    assert (concentrates["level"], concentrates["part_of"], concentrates["minerals"]) == ("form", "titanium", ["titanium"])
    rel = reliance(doc, "titanium mineral concentrates", 2026)
    assert (rel["published"], rel["form"]) == ("88", "mineral concentrates")
    assert rel["source"]["table"].startswith("Fig. 2 (net import reliance), row 'TITANIUM MINERAL CONCENTRATES'")
    assert [c["country"] for c in concentrates["ranked_sources"][0]["countries"]] == ["ZA", "CA", "MG", "MZ"]
    assert "headline" in commodity(doc, "titanium") and "headline" not in concentrates
    assert not any("also shows" in n for c in doc["commodities"] for n in c.get("notes", []))


def test_rows_of_other_commodities_are_reported_as_skipped(cli, empty_dir):
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    skipped = " ".join(r.json()["skipped"])
    assert "ASBESTOS" in skipped and "XENON" in skipped and "MICA" in skipped
    ids = {c["id"] for c in load(empty_dir / "import_dependence.yaml")["commodities"]}
    assert "asbestos" not in ids


def test_unknown_country_names_its_line(cli, tmp_path, empty_dir):
    text = FIG2_2025.read_text(encoding="utf-8").replace("Guyana", "Atlantis")
    bad = tmp_path / "MCS2025_Fig2_Net_Import_Reliance.csv"
    bad.write_text(text, encoding="utf-8")
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3
    assert f"{bad}:6: Major_Import_Sources_2020_2023: unknown country 'Atlantis'" in r.stderr
    assert "aliases" in r.stderr and "country_groups.yaml" in r.stderr
    assert re.search(r"\w\.py\b", r.stderr) is None  # a data fix, not a code change: no module of ours is named
    assert not (empty_dir / "import_dependence.yaml").exists()
