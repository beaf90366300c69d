"""Cross-file checks of `minerals validate` (dataset/checks.py): references between the data files."""

from __future__ import annotations

import pytest
import yaml
from helpers import line_of, problems, ranked, shares, write_trade


@pytest.fixture
def full_copy(data_copy):
    """A writable copy of the shipped data, all four files."""
    return data_copy


def test_mineral_commodity_must_exist_in_the_trade_file(cli, full_copy):
    path = full_copy / "minerals_2025.yaml"
    text = path.read_text()
    start = text.index("- id: lithium\n")
    path.write_text(text[:start] + text[start:].replace("  commodity: lithium\n", "  commodity: lithum\n", 1))
    run = cli("validate", str(full_copy), "--json")
    assert run.exit_code == 3
    [p] = problems(run)
    assert p["file"] == str(path) and p["field"].endswith(".commodity")
    assert "'lithum' is not in import_dependence.yaml" in p["message"] and "did you mean: lithium" in p["message"]
    assert p["line"] == line_of(path, "commodity: lithum")


def test_share_and_ranked_country_codes_must_exist_in_the_registry(cli, full_copy):
    doc = yaml.safe_load((full_copy / "import_dependence.yaml").read_text())
    first = doc["commodities"][0]
    first["import_shares"] = [shares(("CN", "China", 60), ("XQ", "Atlantis", 30), (None, "Other", 10),
                                     edition=doc["editions"][-1]["edition"])]
    first["ranked_sources"] = [ranked(("XR", "Lemuria"), edition=doc["editions"][-1]["edition"])]
    path = write_trade(full_copy, doc)
    run = cli("validate", str(full_copy), "--json")
    assert run.exit_code == 3
    found = {p["message"].split(" (")[0]: p for p in problems(run)}
    assert set(found) == {"country code 'XQ'", "country code 'XR'"}
    assert found["country code 'XQ'"]["field"].endswith("import_shares.0.shares.1.country")
    assert found["country code 'XR'"]["field"].endswith("ranked_sources.0.countries.0.country")
    assert found["country code 'XQ'"]["file"] == str(path)
    assert found["country code 'XQ'"]["line"] == line_of(path, "- country: XQ")


def test_cross_file_checks_run_even_when_a_file_has_other_problems(cli, full_copy):
    path = full_copy / "minerals_2025.yaml"
    text = path.read_text()
    start = text.index("- id: lithium\n")
    rest = text[start:].replace("  commodity: lithium\n", "  commodity: lithum\n", 1).replace("  name: lithium\n", "", 1)
    path.write_text(text[:start] + rest)
    messages = [p["message"] for p in problems(cli("validate", str(full_copy), "--json"))]
    assert any("Field required" in m for m in messages) and any("lithum" in m for m in messages)
