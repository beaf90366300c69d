"""analysis/lists.py called as a library: select() and diff() on the shipped lists.

Group ids are the data's own ('rare earth element'); turning 'ree' into one
is resolve.py's job (tests/test_resolve.py).
"""

from __future__ import annotations

import pytest
from helpers import NEW_IN_2025, run_json

from minerals_cli.analysis.lists import diff, on_list, select

PGMS = {"platinum", "palladium", "rhodium", "ruthenium", "iridium"}


def ids(result) -> list[str]:
    return [m.id for m in result.minerals]


@pytest.mark.parametrize("list_id, count", [("2018", 35), ("2022", 50), ("2025-draft", 54), ("2025", 60)])
def test_select_gives_each_list_with_its_published_count(shipped, list_id, count):
    r = select(shipped.minerals, list_id)
    assert r.list == list_id and r.count == len(r.minerals) == len(set(ids(r))) == count
    assert r.filters == {}


def test_select_orders_by_name_and_cites_the_notice(shipped):
    r = select(shipped.minerals, "2025")
    names = [m.name for m in r.minerals]
    assert names == sorted(names)
    assert (r.status, r.published, r.citation.source) == ("final", "2025-11-07", "FR 2025-19813")


def test_new_in_and_removed_in_compare_with_the_previous_final_list(shipped):
    new = select(shipped.minerals, "2025", new_in="2025")
    assert set(ids(new)) == NEW_IN_2025 and new.filters == {"new_in": "2025 (not on 2022)"}
    assert set(ids(select(shipped.minerals, "2025", new_in="2022"))) == {"nickel", "zinc"}  # split elements are not new
    removed = select(shipped.minerals, "2025", removed_in="2022")
    assert set(ids(removed)) == {"helium", "potash", "rhenium", "strontium", "uranium"}
    assert removed.list == "2022"  # the list the filter is about


def test_group_takes_the_data_name_of_the_group(shipped):
    ree = select(shipped.minerals, "2025", group="rare earth element")
    assert ree.count == 15 and "neodymium" in ids(ree) and ree.filters == {"group": "rare earth element"}
    assert set(ids(select(shipped.minerals, "2025", group="platinum group metal"))) == PGMS
    assert select(shipped.minerals, "2025", group="ree").count == 0  # not resolved here


def test_the_library_result_is_the_command_json(cli, shipped):
    assert select(shipped.minerals, "2022").to_dict() == run_json(cli, "list", "--list", "2022")
    assert diff(shipped.minerals, "2018", "2022").to_dict() == run_json(cli, "diff", "2018", "2022")


def test_diff_2018_to_2022_splits_the_group_entries(shipped):
    d = diff(shipped.minerals, "2018", "2022")
    assert d.added == ["nickel", "zinc"]
    assert d.removed == ["helium", "potash", "rhenium", "strontium", "uranium"]
    splits = {s.entry: s.into for s in d.split}
    assert set(splits) == {"rare earth elements group", "platinum group metals"}
    assert len(splits["rare earth elements group"]) == 15 and set(splits["platinum group metals"]) == PGMS
    assert d.merged == [] and "neodymium" not in d.kept
    assert d.counts == {"added": 2, "removed": 5, "kept": len(d.kept), "split": 2, "merged": 0}


def test_diff_run_backwards_is_a_merge(shipped):
    d = diff(shipped.minerals, "2022", "2018")
    assert d.split == [] and {m.entry for m in d.merged} == {"rare earth elements group", "platinum group metals"}
    assert d.added == ["helium", "potash", "rhenium", "strontium", "uranium"] and d.removed == ["nickel", "zinc"]


def test_diff_2022_to_2025_adds_ten_and_keeps_fifty(shipped):
    d = diff(shipped.minerals, "2022", "2025")
    assert set(d.added) == NEW_IN_2025 and d.removed == [] and len(d.kept) == 50
    assert [c.source for c in d.citations] == ["FR 2022-04027", "FR 2025-19813"]


def test_on_list_counts_coverage_by_a_group_entry(shipped):
    neodymium = next(m for m in shipped.minerals.minerals if m.id == "neodymium")
    assert "2018" not in neodymium.lists and on_list(neodymium, "2018")
    assert on_list(neodymium, "2022") and not on_list(neodymium, "2019")
