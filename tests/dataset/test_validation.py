"""Validation messages: each kind of broken data file gives file, line, field and exit 3, never a traceback.

Run through `minerals validate` (every problem listed) and through the
commands that load the file (the first problem stops them).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import edit, line_of, problems

from minerals_cli.dataset import FILES, Dataset
from minerals_cli.dataset.safe_yaml import Refused
from minerals_cli.dataset.validation import schema_for, validate_file, validated
from minerals_cli.errors import DataError


def test_bad_yaml_gives_file_and_line(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    target = line_of(path, "- id: lithium")
    lines = path.read_text().splitlines()
    lines[target] = "  name: [lithium"  # the line after '- id: lithium': unclosed flow sequence
    path.write_text("\n".join(lines) + "\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    [p] = [p for p in problems(run) if p["file"].endswith("minerals_2025.yaml")]
    assert p["message"].startswith("invalid YAML") and p["line"] is not None
    assert target + 1 <= p["line"] <= target + 3


def test_missing_field_gives_file_line_and_field(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    mineral_line = line_of(path, "- id: lithium")
    edit(path, "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    [p] = problems(run)
    assert p["file"] == str(path)
    assert re.fullmatch(r"minerals\.\d+\.name", p["field"])
    assert p["line"] == mineral_line
    assert "required" in p["message"].lower()


def test_every_problem_in_a_file_is_reported(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    edit(path, "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    edit(path, "- id: cobalt\n  name: cobalt\n", "- id: cobalt\n  name: cobalt\n  colour: blue\n")
    edit(path, "  kind: element\n", "  kind: metal\n")
    fields = {p["field"].rsplit(".", 1)[-1] for p in problems(cli("validate", str(data_copy), "--json"))}
    assert fields == {"name", "colour", "kind"}


def test_problems_in_several_files_are_all_reported(cli, data_copy):
    edit(data_copy / "minerals_2025.yaml", "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    (data_copy / "targets.yaml").write_text("targets:\n- id: x\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    files = {Path(p["file"]).name for p in problems(run)}
    assert files == {"minerals_2025.yaml", "targets.yaml"}
    checks = {f["file"]: f for f in run.json()["files"]}
    assert checks["targets.yaml"]["valid"] is False and checks["targets.yaml"]["problems"] >= 4


def test_duplicate_mineral_points_at_the_second_copy(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    text = path.read_text()
    start = text.index("- id: lithium\n")
    end = text.index("\n- id:", start + 1) + 1
    path.write_text(text + text[start:end])
    second = len(text.splitlines()) + 1
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    duplicate, *counts = problems(run)
    assert "duplicate mineral id 'lithium'" in duplicate["message"]
    assert duplicate["line"] == second and duplicate["field"].startswith("minerals.")
    # the copy also puts lithium on each list twice: every list count is reported too
    assert len(counts) == 4 and all("minerals are marked as on it" in c["message"] for c in counts)


def test_unknown_list_year(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    text = path.read_text()
    start = text.index("- id: lithium\n")
    path.write_text(text[:start] + text[start:].replace("  - '2018'\n", "  - '2019'\n", 1))
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    p, count = problems(run)
    assert "unknown list year '2019'" in p["message"] and p["field"].endswith(".lists")
    assert p["line"] > line_of(path, "- id: lithium")
    assert count["message"].startswith("list 2018: 34 minerals") and count["field"] == "lists.0.count"


def test_duplicate_yaml_key_is_a_problem(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    edit(path, "- id: lithium\n  name: lithium\n", "- id: lithium\n  name: lithium\n  name: lithium\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3
    [p] = problems(run)
    assert "duplicate key 'name'" in p["message"] and p["line"] == line_of(path, "- id: lithium") + 2


def test_integer_too_long_to_convert(cli, data_copy):
    edit(data_copy / "minerals_2025.yaml", "  count: 35\n", "  count: " + "9" * 5000 + "\n")
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 3 and problems(run)


def test_broken_file_in_data_dir_env(cli, data_copy):
    edit(data_copy / "minerals_2025.yaml", "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    run = cli("show", "lithium", env={"MINERALS_DATA_DIR": str(data_copy)})
    assert run.exit_code == 3
    assert re.search(r"minerals_2025\.yaml:\d+: minerals\.\d+\.name: Field required", run.stderr)


def test_a_list_date_that_is_not_iso_is_a_data_error(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    path.write_text(path.read_text().replace("published: '2022-02-24'", "published: 24 Feb 2022"))
    run = cli("list", "--data-dir", str(data_copy))
    assert run.exit_code == 3 and "lists.1.published" in run.stderr and "YYYY-MM-DD" in run.stderr


# --------------------------------------------------------------------------
# the same messages, called as a library (dataset/validation.py and the Dataset)


def test_validate_file_returns_the_model_of_its_key(data_copy):
    model = validate_file("import_dependence", data_copy / FILES["import_dependence"])
    assert isinstance(model, schema_for("import_dependence")) and model.__class__.__name__ == "ImportDependenceFile"
    assert {e.edition for e in model.editions} == {2024, 2025, 2026}
    assert FILES == {"minerals": "minerals_2025.yaml", "import_dependence": "import_dependence.yaml",
                     "countries": "country_groups.yaml", "targets": "targets.yaml", "world": "world_production.yaml",
                     "controls": "export_controls.yaml", "other_lists": "jurisdiction_lists.yaml",
                     "stats": "salient_statistics.yaml", "policy_prices": "policy_prices.yaml"}


def test_validate_file_raises_every_problem_with_file_line_field(data_copy):
    path = data_copy / "minerals_2025.yaml"
    edit(path, "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    edit(path, "  kind: element\n", "  kind: metal\n")
    with pytest.raises(DataError) as caught:
        validate_file("minerals", path)
    assert caught.value.exit_code == 3
    assert len(caught.value.problems) == 2
    assert any(re.fullmatch(rf"{re.escape(str(path))}:{line_of(path, '- id: lithium')}: minerals\.\d+\.name: Field required", p)
               for p in caught.value.problems)


def test_an_empty_file_is_refused_as_empty(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text("# nothing but a comment\n")
    with pytest.raises(Refused) as caught:
        validated("targets", path, None)
    assert caught.value.problems[0].message == "empty: the file holds no YAML data"


def test_a_dataset_loads_each_file_once_and_names_a_missing_one(data_copy):
    dataset = Dataset(data_copy)
    assert dataset.import_dependence is dataset.import_dependence  # loaded on first use, then kept
    (data_copy / "targets.yaml").unlink()
    assert dataset.optional("countries") is dataset.countries and dataset.optional("targets") is None
    with pytest.raises(DataError, match=r"targets\.yaml: missing data file"):
        dataset.targets


def test_a_specific_record_naming_an_unknown_mineral_or_record_is_refused_with_its_line(cli, data_copy):
    from helpers import edit

    path = data_copy / "import_dependence.yaml"
    edit(path, "  part_of: rare earths (heavy)\n  minerals:\n  - terbium\n",
         "  part_of: rare earths (heavier)\n  minerals:\n  - terbiun\n")
    found = problems(cli("validate", str(data_copy), "--json"))
    messages = " ".join(p["message"] for p in found)
    assert "part_of 'rare earths (heavier)' is no commodity of the file" in messages
    assert all(p["line"] for p in found)
    edit(path, "rare earths (heavier)", "rare earths (heavy)")
    [p] = problems(cli("validate", str(data_copy), "--json"))
    assert "mineral 'terbiun' is not in minerals_2025.yaml" in p["message"] and "terbium" in p["message"] and p["line"]
