"""analysis/scope.py: the edition and the list a run is about when the user names none.

Called directly on the shipped data (open_dataset(None)) and on copies of
its records changed with `replace`; the CLI side of the same rules is
tests/test_defaults.py.
"""

from __future__ import annotations

import pytest

from minerals_cli.analysis.scope import (
    counted_list,
    edition_info,
    edition_or_default,
    latest_final,
    list_in_force,
    list_info,
    list_or_latest,
)
from minerals_cli.errors import DataError


def with_edition(imports, edition: int):
    """The import-dependence data with one more edition announced, no figures for it."""
    announced = imports.editions[-1].replace(**{"edition": edition, "data_year": edition - 1})
    return imports.replace(**{"editions": [*imports.editions, announced]})


# --------------------------------------------------------------------------
# editions


def test_the_default_edition_is_the_latest_with_figures(shipped):
    imports = shipped.import_dependence
    assert sorted(e.edition for e in imports.editions) == [2024, 2025, 2026]
    assert edition_or_default(imports, None) == 2026
    assert edition_or_default(with_edition(imports, 2027), None) == 2026  # announced, no figures yet


def test_an_edition_asked_for_is_kept_even_without_figures(shipped):
    imports = with_edition(shipped.import_dependence, 2027)
    assert edition_or_default(imports, 2024) == 2024
    assert edition_or_default(imports, 2027) == 2027


def test_without_any_figure_the_latest_edition_listed(shipped):
    imports = shipped.import_dependence
    bare = [c.replace(**{"reliance": []}) for c in imports.commodities]
    assert edition_or_default(imports.replace(**{"commodities": bare}), None) == 2026


def test_no_edition_at_all_is_a_data_error(shipped):
    imports = shipped.import_dependence.replace(**{"editions": []})
    with pytest.raises(DataError) as caught:
        edition_or_default(imports, None)
    assert caught.value.exit_code == 3
    assert "the data has no MCS edition" in str(caught.value) and "import_dependence.yaml" in str(caught.value)


def test_edition_info_is_the_edition_record(shipped):
    info = edition_info(shipped.import_dependence, 2025)
    assert (info.edition, info.data_year, info.title) == (2025, 2024, "Mineral Commodity Summaries 2025")
    with pytest.raises(LookupError):
        edition_info(shipped.import_dependence, 2019)


# --------------------------------------------------------------------------
# lists


def test_latest_final_is_the_newest_final_list_not_the_draft(shipped):
    minerals = shipped.minerals
    assert [(e.id, e.status) for e in minerals.lists][-2:] == [("2025-draft", "draft"), ("2025", "final")]
    assert latest_final(minerals) == "2025"
    assert list_or_latest(minerals, None) == "2025"
    assert list_or_latest(minerals, "2018") == "2018"
    without_2025 = minerals.replace(**{"lists": [e for e in minerals.lists if e.id != "2025"]})
    assert latest_final(without_2025) == "2022"  # the later draft is not a final list


def test_data_with_drafts_only_falls_back_to_the_newest_list(shipped):
    minerals = shipped.minerals
    drafts = [e.replace(**{"status": "draft"}) for e in minerals.lists]
    assert latest_final(minerals.replace(**{"lists": drafts})) == "2025"
    reordered = minerals.replace(**{"lists": [drafts[3], drafts[2], drafts[0], drafts[1]]})
    assert latest_final(reordered) == "2025"  # by publication date, not by place in the file


@pytest.mark.parametrize("edition, in_force", [(2024, "2022"), (2025, "2022"), (2026, "2025"), (2023, "2022"),
                                               (2022, "2018")])
def test_list_in_force_is_the_latest_final_list_published_before_the_edition_year(shipped, edition, in_force):
    assert list_in_force(shipped.minerals, edition) == in_force


def test_list_info_is_the_list_record(shipped):
    info = list_info(shipped.minerals, "2022")
    assert (info.status, info.published, info.count, info.previous_final) == ("final", "2022-02-24", 50, "2018")
    with pytest.raises(LookupError):
        list_info(shipped.minerals, "2019")


@pytest.mark.parametrize("edition, counted", [(2024, "2022"), (2025, "2022"), (2026, "2025")])
def test_counted_list_is_the_list_of_the_published_headline_count(shipped, edition, counted):
    assert counted_list(shipped.minerals, shipped.import_dependence, edition) == counted


def test_counted_list_follows_the_headline_count_not_the_list_in_force(shipped):
    imports = shipped.import_dependence
    moved = [h.replace(**{"list": "2018"}) if h.edition == 2026 else h for h in imports.headline_counts]
    assert counted_list(shipped.minerals, imports.replace(**{"headline_counts": moved}), 2026) == "2018"


def test_counted_list_without_a_headline_count_is_the_list_in_force(shipped):
    none = shipped.import_dependence.replace(**{"headline_counts": []})
    assert [counted_list(shipped.minerals, none, e) for e in (2024, 2025, 2026)] == ["2022", "2022", "2025"]


def test_a_headline_count_naming_a_list_the_data_lacks_is_a_data_error(shipped):
    imports = shipped.import_dependence
    wrong = [h.replace(**{"list": "2019"}) if h.edition == 2026 else h for h in imports.headline_counts]
    with pytest.raises(DataError) as caught:
        counted_list(shipped.minerals, imports.replace(**{"headline_counts": wrong}), 2026)
    assert caught.value.exit_code == 3
    message = str(caught.value)
    assert "unknown list '2019'" in message and "MCS 2026 headline count" in message
    assert "valid lists: 2018, 2022, 2025-draft, 2025" in message
