"""`minerals ingest-mcs`: the command around the ingester: editions, where it writes, what it refuses.

The shipped data is never written; a file that does not validate is
reported as itself.  What the records hold is tested in tests/ingest/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import DATA
from mcs_fixtures import FIG2_2025, FIG2_2026, commodity, load, run_ingest

from minerals_cli import data_dir


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
    shipped = data_dir.shipped() / "import_dependence.yaml"  # in site-packages when installed
    before = shipped.read_bytes()
    r = run_ingest(cli, FIG2_2026, args=("--output", str(shipped)))
    assert r.exit_code == 2 and "shipped" in r.stderr
    assert shipped.read_bytes() == before


def test_data_dir_naming_the_shipped_data_is_refused(cli):
    shipped = data_dir.shipped()
    before = (shipped / "import_dependence.yaml").read_bytes()
    by_option = run_ingest(cli, FIG2_2026, args=("--data-dir", str(shipped)))
    by_variable = cli("ingest-mcs", str(FIG2_2026), "--json", env={"MINERALS_DATA_DIR": str(shipped)})
    for r in (by_option, by_variable):
        assert r.exit_code == 2 and "shipped" in r.stderr
        assert "--output FILE" in r.stderr  # the hint points elsewhere, not at the shipped data
    assert (shipped / "import_dependence.yaml").read_bytes() == before
    assert not list(shipped.glob("*.tmp"))


def test_output_reaching_the_shipped_data_through_a_link_is_refused(cli, tmp_path):
    shipped = data_dir.shipped()
    before = (shipped / "import_dependence.yaml").read_bytes()
    link = tmp_path / "link"
    link.symlink_to(shipped, target_is_directory=True)
    for args in (("--output", str(link / "import_dependence.yaml")), ("--data-dir", str(link)),
                 ("--output", str(shipped / "import_dependence_2027.yaml"))):
        r = run_ingest(cli, FIG2_2026, args=args)
        assert r.exit_code == 2 and "shipped" in r.stderr, args
    assert (shipped / "import_dependence.yaml").read_bytes() == before
    assert not (shipped / "import_dependence_2027.yaml").exists()


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


def test_output_goes_to_the_named_file(cli, tmp_path, empty_dir):
    out = tmp_path / "out.yaml"
    r = run_ingest(cli, FIG2_2026, args=("--output", str(out), "--data-dir", str(empty_dir)))
    assert r.exit_code == 0, r.stderr
    assert r.json()["output"] == str(out)
    assert out.exists() and not (empty_dir / "import_dependence.yaml").exists()


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


def _ingest(cli, target, *extra):
    from mcs_fixtures import COMMODITIES

    return cli("ingest-mcs", str(COMMODITIES), str(FIG2_2026), "--data-dir", str(target), *extra)


def test_records_are_one_per_file_written(cli, tmp_path):
    import csv
    import io
    import json

    target = tmp_path / "data"
    target.mkdir()
    rows = list(csv.DictReader(io.StringIO(_ingest(cli, target, "--format", "csv").stdout)))
    assert [r["content"] for r in rows] == ["import dependence", "world production", "salient statistics"]
    assert all(Path(r["output"]).is_file() for r in rows)
    assert int(rows[0]["nir_records"]) > 0 and rows[1]["nir_records"] == "" and int(rows[2]["series"]) > 0
    lines = [json.loads(x) for x in _ingest(cli, target, "--format", "jsonl").stdout.splitlines()]
    assert [x["output"] for x in lines] == [r["output"] for r in rows] and isinstance(lines[0]["nir_records"], int)


def test_the_table_names_the_files_written_within_120_characters(cli, tmp_path):
    from helpers import long_lines

    target = tmp_path / "data"
    target.mkdir()
    text = _ingest(cli, target).stdout
    assert "files written" in text and "import_dependence.yaml" in text and not long_lines(text)
