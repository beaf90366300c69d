"""analysis/country.py called as a library: country_view() is the command's JSON, ranked by exposure."""

from __future__ import annotations

import pytest
from helpers import run_json

from minerals_cli.analysis.country import country_view


@pytest.mark.parametrize("code, args", [("CN", []), ("CL", []), ("JP", ["--list", "2022", "--edition", "2025"])])
def test_the_library_result_is_the_command_json(cli, shipped, code, args):
    options = dict(zip(args[::2], args[1::2]))
    result = country_view(shipped.minerals, shipped.import_dependence, shipped.countries, code,
                          options.get("--list"), edition=int(options["--edition"]) if "--edition" in options else None,
                          world=shipped.optional("world"), controls=shipped.optional("controls"))
    assert result.to_dict() == run_json(cli, "country", code, *args)


def test_china_on_the_shipped_data(shipped):
    r = country_view(shipped.minerals, shipped.import_dependence, shipped.countries, "CN")
    assert (r.country, r.name, r.list, r.edition) == ("CN", "China", "2025", 2026)
    assert "feoc" in r.groups
    known = [row.exposure.value for row in r.rows if row.exposure.value is not None]
    assert known == sorted(known, reverse=True) and len(known) >= 10
    rare = next(row for row in r.rows if row.commodity == "rare earths")
    assert len(rare.minerals) == 8 and rare.share == 71 and rare.leading is True
    assert rare.exposure.value == pytest.approx(67 * 71 / 100)
    assert {"neodymium", "yttrium"} <= set(r.leading_for)
    assert r.minerals_count == sum(len(row.minerals) for row in r.rows)
