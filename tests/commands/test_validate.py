"""`minerals validate DIR`: a good directory, a missing or empty one, and the compiler-style report.

What each kind of broken file reports is tested in tests/dataset/.
"""

from __future__ import annotations

import re

from helpers import edit, problems

TRACEBACK = "Traceback"


def test_shipped_data_validates(cli, data_copy):
    run = cli("validate", str(data_copy), "--json")
    assert run.exit_code == 0, run.stdout + run.stderr
    report = run.json()
    assert report["valid"] is True and report["problems"] == []
    assert {f["file"] for f in report["files"] if f["present"]} >= {"minerals_2025.yaml"}


def test_validate_plain_output_says_ok(cli, data_copy):
    run = cli("validate", str(data_copy))
    assert run.exit_code == 0
    assert run.stdout.startswith("ok: ") and "minerals_2025.yaml" in run.stdout


def test_validate_lists_yaml_files_no_command_reads(cli, data_copy):
    (data_copy / "minerals_2024.yaml").write_text("lists: []\n")
    report = cli("validate", str(data_copy), "--json").json()
    assert report["ignored"] == ["minerals_2024.yaml"]


def test_validate_empty_directory_is_a_problem(cli, tmp_path):
    run = cli("validate", str(tmp_path), "--json")
    assert run.exit_code == 3
    assert "no data files" in problems(run)[0]["message"]


def test_validate_missing_directory_is_a_usage_error(cli, tmp_path):
    run = cli("validate", str(tmp_path / "nowhere"))
    assert run.exit_code == 2 and TRACEBACK not in run.stderr


def test_validate_table_output_is_file_line_field_message(cli, data_copy):
    path = data_copy / "minerals_2025.yaml"
    edit(path, "- id: lithium\n  name: lithium\n", "- id: lithium\n")
    run = cli("validate", str(data_copy))
    assert run.exit_code == 3
    assert re.search(rf"^{re.escape(str(path))}:\d+: minerals\.\d+\.name: ", run.stdout, re.M)
    assert "1 problem in" in run.stderr


def test_records_are_one_per_problem_or_clean_file(cli, data_copy):
    from helpers import csv_records

    clean = csv_records(cli, "validate", str(data_copy))
    assert {r["file"] for r in clean} >= {"minerals_2025.yaml", "import_dependence.yaml"}
    assert all(r["valid"] is True and r["problems"] == 0 and r["message"] is None for r in clean)
    path = data_copy / "minerals_2025.yaml"
    path.write_text(path.read_text().replace("name: lithium", "name: [lithium]", 1))
    broken = csv_records(cli, "validate", str(data_copy), exit_code=3)
    [problem] = [r for r in broken if r["message"]]
    assert problem["file"] == "minerals_2025.yaml" and isinstance(problem["line"], int) and problem["valid"] is False


def test_the_summary_line_of_the_shipped_data_fits_120(cli):
    from helpers import DATA, long_lines

    run = cli("validate", str(DATA))
    assert run.exit_code == 0 and run.stdout.startswith("ok: ") and not long_lines(run.stdout)
