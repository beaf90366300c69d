"""`minerals ingest-mcs`: the USGS data-release files in, validated YAML records out.

The fixtures in tests/fixtures/mcs/ are small excerpts in the USGS formats,
quirks included (BOM, CRLF and LF, 'China3', trailing spaces, cp1252, no-break
spaces, '>99' shares, a combined-country row).  The tests at the end run on
the official copies in ../shared/sources when they are present.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import DATA
from minerals_cli import ingest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "mcs"
FIG2_2026 = FIXTURES / "MCS2026_Fig2_Net_Import_Reliance.csv"
FIG2_2025 = FIXTURES / "MCS2025_Fig2_Net_Import_Reliance.csv"
COMMODITIES = FIXTURES / "MCS2026_Commodities_Data.csv"
RELEASE = DATA.parent.parent / "shared" / "sources" / "usgs_release"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def commodity(doc: dict, cid: str) -> dict:
    return next(c for c in doc["commodities"] if c["id"] == cid)


def reliance(doc: dict, cid: str, edition: int) -> dict:
    return next(r for r in commodity(doc, cid)["reliance"] if r["edition"] == edition)


@pytest.fixture
def empty_dir(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    return d


def run_ingest(cli, *files, args=()):
    return cli("ingest-mcs", *(str(f) for f in files), *args, "--json")


# --------------------------------------------------------------------------
# Fig. 2


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
    aluminum_note = " ".join(commodity(doc, "aluminum")["notes"])
    assert "ALUMINUM 47 (Canada, United Arab Emirates, Bahrain, China)" in aluminum_note
    assert "China3" not in (empty_dir / "import_dependence.yaml").read_text()
    assert reliance(doc, "tellurium", 2025)["published"] == "<25"


def test_other_forms_are_noted_not_used(cli, empty_dir):
    run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    doc = load(empty_dir / "import_dependence.yaml")
    assert reliance(doc, "titanium", 2026)["published"] == "100"  # sponge, not the concentrates' 88
    assert any("TITANIUM MINERAL CONCENTRATES 88" in n for n in commodity(doc, "titanium")["notes"])


def test_rows_of_other_commodities_are_reported_as_skipped(cli, empty_dir):
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    skipped = " ".join(r.json()["skipped"])
    assert "ASBESTOS" in skipped and "XENON" in skipped and "MICA" in skipped
    ids = {c["id"] for c in load(empty_dir / "import_dependence.yaml")["commodities"]}
    assert "asbestos" not in ids


def test_edition_is_read_from_the_file_name_or_the_header(cli, tmp_path, empty_dir):
    renamed = tmp_path / "figure2.csv"
    renamed.write_bytes(FIG2_2025.read_bytes())
    r = run_ingest(cli, renamed, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    assert r.json()["edition"] == 2025 and r.json()["data_year"] == 2024


def test_edition_that_contradicts_the_file_is_a_usage_error(cli, empty_dir):
    r = run_ingest(cli, FIG2_2026, args=("--edition", "2025", "--data-dir", str(empty_dir)))
    assert r.exit_code == 2
    assert "MCS 2026" in r.stderr
    assert not (empty_dir / "import_dependence.yaml").exists()


def test_files_of_two_editions_need_an_explicit_choice(cli, empty_dir):
    r = run_ingest(cli, FIG2_2026, FIG2_2025, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 2
    assert "2025" in r.stderr and "2026" in r.stderr and "--edition" in r.stderr


def test_unwritable_output_is_a_usage_error(cli, tmp_path, empty_dir):
    r = run_ingest(cli, FIG2_2026, args=("--output", str(tmp_path / "no" / "such" / "dir.yaml"), "--data-dir", str(empty_dir)))
    assert r.exit_code == 2 and "cannot write" in r.stderr


def test_without_output_or_data_dir_nothing_is_written(cli):
    before = (DATA / "import_dependence.yaml").read_bytes()
    r = run_ingest(cli, FIG2_2026)
    assert r.exit_code == 2
    assert "--output" in r.stderr
    assert (DATA / "import_dependence.yaml").read_bytes() == before


def test_output_onto_the_shipped_file_is_refused(cli):
    from minerals_cli.data import shipped_data_dir

    shipped = shipped_data_dir() / "import_dependence.yaml"  # in site-packages when installed
    before = shipped.read_bytes()
    r = run_ingest(cli, FIG2_2026, args=("--output", str(shipped)))
    assert r.exit_code == 2 and "shipped" in r.stderr
    assert shipped.read_bytes() == before


def test_data_dir_naming_the_shipped_data_is_refused(cli):
    from minerals_cli.data import shipped_data_dir

    shipped = shipped_data_dir()
    before = (shipped / "import_dependence.yaml").read_bytes()
    by_option = run_ingest(cli, FIG2_2026, args=("--data-dir", str(shipped)))
    by_variable = cli("ingest-mcs", str(FIG2_2026), "--json", env={"MINERALS_DATA_DIR": str(shipped)})
    for r in (by_option, by_variable):
        assert r.exit_code == 2 and "shipped" in r.stderr
        assert "--output FILE" in r.stderr  # the hint points elsewhere, not at the shipped data
    assert (shipped / "import_dependence.yaml").read_bytes() == before
    assert not list(shipped.glob("*.tmp"))


def test_output_reaching_the_shipped_data_through_a_link_is_refused(cli, tmp_path):
    from minerals_cli.data import shipped_data_dir

    shipped = shipped_data_dir()
    before = (shipped / "import_dependence.yaml").read_bytes()
    link = tmp_path / "link"
    link.symlink_to(shipped, target_is_directory=True)
    for args in (("--output", str(link / "import_dependence.yaml")), ("--data-dir", str(link)),
                 ("--output", str(shipped / "import_dependence_2027.yaml"))):
        r = run_ingest(cli, FIG2_2026, args=args)
        assert r.exit_code == 2 and "shipped" in r.stderr, args
    assert (shipped / "import_dependence.yaml").read_bytes() == before
    assert not (shipped / "import_dependence_2027.yaml").exists()


def test_unknown_file_format_is_a_data_error(cli, tmp_path, empty_dir):
    bad = tmp_path / "MCS2026_other.csv"
    bad.write_text("a,b,c\n1,2,3\n")
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3
    assert f"{bad}:1:" in r.stderr


def test_unknown_country_names_its_line(cli, tmp_path, empty_dir):
    text = FIG2_2025.read_text(encoding="utf-8").replace("Guyana", "Atlantis")
    bad = tmp_path / "MCS2025_Fig2_Net_Import_Reliance.csv"
    bad.write_text(text, encoding="utf-8")
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3
    assert f"{bad}:6: Major_Import_Sources_2020_2023: unknown country 'Atlantis'" in r.stderr
    assert "aliases" in r.stderr and "country_groups.yaml" in r.stderr
    assert "ingest.py" not in r.stderr  # a data fix, not a code change
    assert not (empty_dir / "import_dependence.yaml").exists()


def with_alias(directory: Path, code: str, alias: str) -> None:
    """Add `alias` to a country of the registry in `directory`."""
    path = directory / "country_groups.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    country = next(c for c in doc["countries"] if c["code"] == code)
    country["aliases"] = country.get("aliases", []) + [alias]
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_country_names_go_through_the_registry_of_the_data_directory(cli, tmp_path, data_copy):
    text = FIG2_2025.read_text(encoding="utf-8").replace("Guyana", "Atlantis")
    bad = tmp_path / "MCS2025_Fig2_Net_Import_Reliance.csv"
    bad.write_text(text, encoding="utf-8")
    r = run_ingest(cli, bad, args=("--data-dir", str(data_copy)))
    assert r.exit_code == 3
    assert f"aliases in {data_copy / 'country_groups.yaml'}" in r.stderr

    with_alias(data_copy, "GY", "Atlantis")
    r = run_ingest(cli, bad, args=("--data-dir", str(data_copy)))
    assert r.exit_code == 0, r.stderr
    doc = load(data_copy / "import_dependence.yaml")
    ranked = next(x for x in commodity(doc, "aluminum")["ranked_sources"] if x["edition"] == 2025)
    assert {"country": "GY", "name": "Atlantis"} in ranked["countries"]  # the printed name kept, the code the registry's


def test_a_share_country_unknown_to_the_registry_is_a_data_error(cli, tmp_path, empty_dir):
    text = COMMODITIES.read_bytes().decode("cp1252").replace("Jamaica", "Atlantis")
    bad = tmp_path / "MCS2026_Commodities_Data.csv"
    bad.write_bytes(text.encode("cp1252"))
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "Atlantis" in row)
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3
    assert f"{bad}:{line}: Country: unknown country 'Atlantis'" in r.stderr


def test_output_goes_to_the_named_file(cli, tmp_path, empty_dir):
    out = tmp_path / "out.yaml"
    r = run_ingest(cli, FIG2_2026, args=("--output", str(out), "--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    assert r.json()["output"] == str(out)
    assert out.exists() and not (empty_dir / "import_dependence.yaml").exists()


# --------------------------------------------------------------------------
# MCS2026_Commodities_Data.csv


@pytest.fixture
def chapters(cli, empty_dir):
    r = run_ingest(cli, COMMODITIES, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    return load(empty_dir / "import_dependence.yaml"), r.json()


def test_shares_by_category_with_the_whole_marked(chapters):
    doc, _ = chapters
    lists = {s["category"]: s for s in commodity(doc, "aluminum")["import_shares"]}
    assert set(lists) == {"Aluminum metal: All", "Bauxite"}
    assert lists["Bauxite"]["whole"] is True and lists["Aluminum metal: All"]["whole"] is False
    bauxite = lists["Bauxite"]
    assert bauxite["period"] == "2021-24" and bauxite["edition"] == 2026
    assert [(s["country"], s["percent"]) for s in bauxite["shares"]] == [
        ("JM", 60), ("TR", 16), ("GY", 9), ("AU", 8), (None, 7)
    ]
    assert bauxite["shares"][-1]["name"] == "Other countries"


def test_share_names_and_values_are_cleaned(chapters):
    doc, _ = chapters
    indium = commodity(doc, "indium")["import_shares"][0]
    assert indium["shares"][0] == {"country": "KR", "name": "Korea, Republic of", "percent": 25}
    assert "China: Includes Hong Kong." in indium["note"]
    assert indium["complete"] is True


def test_bounds_in_shares_are_kept_as_printed(chapters):
    doc, _ = chapters
    ore = next(s for s in commodity(doc, "copper")["import_shares"] if s["category"].startswith("Copper content of ore"))
    assert ore["shares"] == [
        {"country": "CA", "name": "Canada", "percent": 99, "published": ">99"},
        {"country": None, "name": "Other countries", "percent": 1, "published": "<1"},
    ]
    refined = next(s for s in commodity(doc, "copper")["import_shares"] if s["category"] == "Refined copper")
    assert refined["whole"] is True and ore["whole"] is False


def test_a_combined_country_entry_is_not_a_share(chapters):
    doc, result = chapters
    assert "import_shares" not in commodity(doc, "rubidium")
    assert any("China, Germany, and Russia" in s for s in result["skipped"])
    assert any("No reliable data" in n for n in commodity(doc, "rubidium")["notes"])


def test_chapter_nir_fills_a_missing_record(chapters):
    doc, _ = chapters
    beryllium = reliance(doc, "beryllium", 2026)
    assert beryllium["published"] == "E" and beryllium["year"] == 2025
    assert "BERYLLIUM chapter" in beryllium["source"]["table"]
    series = " ".join(commodity(doc, "beryllium")["notes"])
    assert "2021-25: 11, 7, E, E, E" in series


def test_chapter_series_picks_the_form_the_commodity_uses(chapters):
    doc, _ = chapters
    assert reliance(doc, "silicon", 2026)["published"] == ">50"  # Total, not ferrosilicon's <50
    assert reliance(doc, "aluminum", 2026)["published"] == ">75"  # bauxite, not the metal's 60


def test_fig2_wins_over_the_chapter_and_differences_are_warned(cli, tmp_path, empty_dir):
    # make the chapter disagree with Fig. 2 on bauxite
    text = COMMODITIES.read_bytes().decode("cp1252")
    text = text.replace("Net import reliance as a percentage of apparent consumption,percent,2025,>75", "Net import reliance as a percentage of apparent consumption,percent,2025,>50")
    altered = tmp_path / "MCS2026_Commodities_Data.csv"
    altered.write_bytes(text.encode("cp1252"))
    r = run_ingest(cli, FIG2_2026, altered, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    assert reliance(load(empty_dir / "import_dependence.yaml"), "aluminum", 2026)["published"] == ">75"
    assert any("aluminum" in w and "'>50'" in w for w in r.json()["warnings"])


# --------------------------------------------------------------------------
# Merging into an existing file


def curated_file(directory: Path) -> Path:
    """A file with hand-written parts that a re-ingest must leave alone."""
    doc = {
        "editions": [
            {"edition": 2025, "data_year": 2024, "shares_period": "2020-23", "title": "MCS 2025",
             "citation": {"source": "USGS MCS 2025"}},
            {"edition": 2026, "data_year": 2025, "shares_period": "2021-24", "title": "MCS 2026",
             "citation": {"source": "USGS MCS 2026"}},
        ],
        "commodities": [
            {
                "id": "lithium",
                "name": "Lithium",
                "reliance": [
                    {"edition": 2026, "year": 2025, "published": "W", "reason": "placeholder",
                     "source": {"source": "old"}, "note": "curated note"},
                    {"edition": 2025, "year": 2024, "published": ">50", "source": {"source": "USGS MCS 2025"}},
                ],
                "notes": ["hand-written note"],
            }
        ],
        "headline_counts": [{"edition": 2026, "list": "2025", "rule": "rare earths as one group", "at_100": 13,
                             "over_50": 20, "source": {"source": "USGS MCS 2026"}}],
    }
    path = directory / "import_dependence.yaml"
    path.write_text("# my header\n" + yaml.safe_dump(doc, sort_keys=False))
    return path


def test_merge_keeps_curated_fields(cli, empty_dir):
    path = curated_file(empty_dir)
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    text = path.read_text()
    assert text.startswith("# my header\n")
    doc = yaml.safe_load(text)
    lithium = reliance(doc, "lithium", 2026)
    assert lithium["published"] == ">50" and "reason" not in lithium  # a figure replaces the unknown
    assert lithium["note"] == "curated note"
    assert lithium["source"]["source"] == "USGS MCS 2026"
    assert reliance(doc, "lithium", 2025)["published"] == ">50"
    assert commodity(doc, "lithium")["notes"][0] == "hand-written note"
    assert doc["headline_counts"][0]["at_100"] == 13


def test_ingesting_twice_writes_the_same_bytes(cli, empty_dir):
    curated_file(empty_dir)
    for f in (FIG2_2026, COMMODITIES, FIG2_2025):
        run_ingest(cli, f, args=("--data-dir", str(empty_dir)))
    first = (empty_dir / "import_dependence.yaml").read_bytes()
    for f in (COMMODITIES, FIG2_2025, FIG2_2026):
        run_ingest(cli, f, args=("--data-dir", str(empty_dir)))
    assert (empty_dir / "import_dependence.yaml").read_bytes() == first


def test_merged_file_validates_with_the_loader(cli, empty_dir):
    run_ingest(cli, FIG2_2026, COMMODITIES, args=("--data-dir", str(empty_dir)))
    from minerals_cli.data import validate_file

    model = validate_file("trade", empty_dir / "import_dependence.yaml")
    assert {c.id for c in model.commodities} >= {"aluminum", "beryllium", "copper", "rare earths"}


def test_clean_name_and_country_codes():
    assert ingest.clean_name(" China3 ") == "China"
    assert ingest.clean_name("Rare earths (compounds and metals)9") == "Rare earths (compounds and metals)"
    assert ingest.clean_name("Finland ") == "Finland"
    names = ingest.CountryNames.shipped()
    assert names.code("Republic of Korea", "x") == names.code("Korea, Republic of", "x") == "KR"
    assert names.code("Congo (Kinshasa)", "x") == "CD"
    assert names.code("Burma", "x") == "MM"
    assert names.code("China3 ", "x") == "CN"
    assert names.code("Other countries", "x") is None
    assert not names.knows("China, Germany, and Russia")
    assert ingest.short_period("2021\u201324") == "2021-24"
    assert ingest.short_period("2019_2022") == "2019-22"


# --------------------------------------------------------------------------
# Malformed input: a DataError naming file, line and field, never a traceback


def commodities_without(tmp_path: Path, column: str) -> Path:
    """The Commodities fixture with one column removed."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(COMMODITIES.read_bytes().decode("cp1252"), newline="")))
    drop = rows[0].index(column)
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([v for i, v in enumerate(row) if i != drop] for row in rows)
    path = tmp_path / "MCS2026_Commodities_Data.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))
    return path


@pytest.mark.parametrize("column", [c for c in ingest.COMMODITIES_COLUMNS if c != "MCS chapter"])
def test_a_commodities_file_lacking_a_column_is_a_data_error(cli, tmp_path, empty_dir, column):
    bad = commodities_without(tmp_path, column)
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    assert f"{bad}:1: {column}: missing column" in r.stderr
    assert not (empty_dir / "import_dependence.yaml").exists()


def test_an_import_sources_year_that_is_not_a_period_is_a_data_error(cli, tmp_path, empty_dir):
    lines = COMMODITIES.read_bytes().decode("cp1252").split("\n")
    n = next(i for i, row in enumerate(lines) if ",Import Sources," in row)
    lines[n] = lines[n].replace("2021\u201324", "2024")
    bad = tmp_path / "MCS2026_Commodities_Data.csv"
    bad.write_bytes("\n".join(lines).encode("cp1252"))
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    assert f"{bad}:{n + 1}: Year: '2024' is not a period" in r.stderr


def test_a_share_over_100_is_a_data_error(cli, tmp_path, empty_dir):
    lines = COMMODITIES.read_bytes().decode("cp1252").split("\n")
    n = next(i for i, row in enumerate(lines) if ",Import Sources," in row)
    lines[n] = lines[n].replace("\u201324,56,", "\u201324,156,")
    bad = tmp_path / "MCS2026_Commodities_Data.csv"
    bad.write_bytes("\n".join(lines).encode("cp1252"))
    r = run_ingest(cli, bad, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    assert f"{bad}:{n + 1}: percent:" in r.stderr


BROKEN_BASES = {
    "a commodity that is not a mapping": "editions: []\ncommodities:\n- just a string\n",
    "a commodity without an id": "editions: []\ncommodities:\n- name: Lithium\n",
    "not a mapping at all": "- 1\n- 2\n",
}


@pytest.mark.parametrize("text", BROKEN_BASES.values(), ids=list(BROKEN_BASES))
def test_an_output_file_that_does_not_validate_is_reported_as_itself(cli, tmp_path, empty_dir, text):
    out = tmp_path / "base.yaml"
    out.write_text(text)
    r = run_ingest(cli, FIG2_2026, args=("--output", str(out), "--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    assert f"{out}:" in r.stderr
    assert out.read_text() == text
    assert not list(tmp_path.glob("*.tmp"))


def test_a_data_directory_file_that_does_not_validate_names_its_line_and_field(cli, empty_dir):
    base = empty_dir / "import_dependence.yaml"
    text = "# mine\neditions: []\ncommodities:\n- id: lithium\n  name: Lithium\n- name: Cobalt\n"
    base.write_text(text)
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    assert f"{base}:6: commodities.1.id:" in r.stderr
    assert base.read_text() == text


def test_a_merged_document_that_fails_names_a_file_that_exists(cli, empty_dir, monkeypatch):
    real_merge = ingest.merge

    def duplicating_merge(doc, batch):
        merged, counts, warnings = real_merge(doc, batch)
        merged["commodities"].append(dict(merged["commodities"][0]))  # the same id twice
        return merged, counts, warnings

    monkeypatch.setattr(ingest, "merge", duplicating_merge)
    r = run_ingest(cli, FIG2_2026, args=("--data-dir", str(empty_dir)))
    assert r.exit_code == 3, r.stderr
    rejected = empty_dir / "import_dependence.yaml.rejected"
    first = r.stderr.split("minerals: error: ", 1)[1].splitlines()[0]
    assert first.startswith(f"{rejected}:") and "duplicate" in first
    line = int(first[len(str(rejected)) + 1:].split(":")[0])
    assert rejected.read_text().splitlines()[line - 1].startswith("- id:")  # the line named is the record
    assert not (empty_dir / "import_dependence.yaml").exists()  # the target is left as it was
    assert not list(empty_dir.glob("*.tmp"))


# --------------------------------------------------------------------------
# The official release files (skipped where ../shared/sources is absent)

needs_release = pytest.mark.skipif(not RELEASE.is_dir(), reason="../shared/sources/usgs_release not present")
OWNED = ("edition", "year", "published", "form", "basis", "source")


@needs_release
@pytest.mark.parametrize("edition", [2024, 2025, 2026])
def test_official_fig2_reproduces_the_committed_nir_records(cli, tmp_path, empty_dir, edition):
    out = tmp_path / "fresh.yaml"
    fig2 = RELEASE / f"MCS{edition}_Fig2_Net_Import_Reliance.csv"
    r = cli("ingest-mcs", str(fig2), "--edition", str(edition), "--output", str(out), "--data-dir", str(empty_dir), "--json")
    assert r.exit_code == 0, r.stderr
    fresh = {c["id"]: c for c in load(out)["commodities"]}
    committed = {c["id"]: c for c in load(DATA / "import_dependence.yaml")["commodities"]}
    assert len(fresh) >= 39
    for cid, record in fresh.items():
        new = reliance({"commodities": [record]}, cid, edition)
        old = reliance({"commodities": [committed[cid]]}, cid, edition)
        assert {k: new.get(k) for k in OWNED} == {k: old.get(k) for k in OWNED}, cid
        assert record["ranked_sources"] == [x for x in committed[cid]["ranked_sources"] if x["edition"] == edition]


@needs_release
def test_official_files_change_nothing_in_the_committed_file(cli, tmp_path):
    """The committed YAML is the ingester's output plus curated additions: re-ingesting is a no-op."""
    out = tmp_path / "import_dependence.yaml"
    out.write_bytes((DATA / "import_dependence.yaml").read_bytes())
    files = [RELEASE / f"MCS{e}_Fig2_Net_Import_Reliance.csv" for e in (2024, 2025, 2026)]
    files.append(RELEASE / "MCS2026_Commodities_Data.csv")
    for f in files:
        r = cli("ingest-mcs", str(f), "--output", str(out), "--json")
        assert r.exit_code == 0, r.stderr
    assert out.read_bytes() == (DATA / "import_dependence.yaml").read_bytes()


@needs_release
def test_official_commodities_file_shares_match_the_committed_ones(cli, tmp_path, empty_dir):
    out = tmp_path / "fresh.yaml"
    r = cli("ingest-mcs", str(RELEASE / "MCS2026_Commodities_Data.csv"), "--output", str(out),
            "--data-dir", str(empty_dir), "--json")
    assert r.exit_code == 0, r.stderr
    committed = {c["id"]: c for c in load(DATA / "import_dependence.yaml")["commodities"]}
    for record in load(out)["commodities"]:
        mine = [s for s in committed[record["id"]].get("import_shares", []) if s["edition"] == 2026]
        assert record.get("import_shares", []) == mine, record["id"]
