"""analysis/leading.py: the leading import source, one rule for chart, summary, exposure and country.

The largest named share of the list that stands for the whole commodity,
else the first country of Fig. 2's ranked list; a tie names every tied
country; an incomplete list that could hide a larger supplier, or a largest
share printed only as an upper bound, has no leader.
"""

from __future__ import annotations

import pytest

from minerals_cli.analysis.leading import leader_of, leading_codes, leading_source, whole_list
from minerals_cli.analysis.supply import commodity_index, supply_of
from minerals_cli.dataset.schema import ImportShares, RankedSources

SOURCE = {"source": "test"}


def share_list(*rows, complete=True, category="all", whole=True) -> ImportShares:
    shares = []
    for code, name, percent, *printed in rows:
        share = {"country": code, "name": name, "percent": percent}
        if printed:
            share["published"] = printed[0]
        shares.append(share)
    return ImportShares(edition=2026, period="2021-24", category=category, whole=whole, complete=complete,
                        shares=shares, source=SOURCE)


def ranked_list(*pairs) -> RankedSources:
    return RankedSources(edition=2026, period="2021-24", source=SOURCE,
                         countries=[{"country": code, "name": name} for code, name in pairs])


def test_the_largest_named_share_leads():
    leader = leading_source(share_list(("CL", "Chile", 54), ("AR", "Argentina", 43), (None, "Other", 3)), None)
    assert leader.codes == ["CL"] and leader.single == ("CL", "Chile") and leader.name == "Chile"
    assert (leader.percent, leader.published, leader.period, leader.basis, leader.unknown) == (54, None, "2021-24",
                                                                                              "shares", None)


def test_a_tie_names_every_tied_country():
    leader = leading_source(share_list(("JP", "Japan", 30), ("DE", "Germany", 30), ("CA", "Canada", 24),
                                       (None, "Other countries", 16)), None)
    assert leader.codes == ["JP", "DE"] and leader.single is None
    assert leader.name == "Japan and Germany (tied)" and leader.percent == 30
    three = leading_source(share_list(("JP", "Japan", 30), ("DE", "Germany", 30), ("CA", "Canada", 30),
                                      (None, "Other", 10)), None)
    assert three.name == "Japan, Germany and Canada (tied)"


def test_an_incomplete_list_that_may_hide_a_larger_supplier_has_no_leader():
    leader = leading_source(share_list(("NO", "Norway", 26), ("FI", "Finland", 9), complete=False), None)
    assert leader.codes == [] and leader.name is None and leader.percent is None
    assert leader.unknown == "the share list is incomplete: the 65% it leaves out may hide a larger supplier"
    assert leader.basis == "shares"  # not replaced by the ranked list: the share list is what USGS published


def test_an_incomplete_list_whose_largest_share_beats_what_it_leaves_out_has_a_leader():
    leader = leading_source(share_list(("JP", "Japan", 40), ("CN", "China", 20), (None, "Other", 15), complete=False),
                            None)
    assert leader.codes == ["JP"] and leader.percent == 40 and leader.unknown is None


def test_a_largest_share_printed_as_an_upper_bound_cannot_lead():
    leader = leading_source(share_list(("CA", "Canada", 5, "<5"), ("MX", "Mexico", 3), (None, "Other", 92)), None)
    assert leader.codes == [] and leader.unknown == "the largest share is printed only as an upper bound (<5)"


def test_a_lower_bound_share_leads_with_its_printed_form():
    leader = leading_source(share_list(("KZ", "Kazakhstan", 99, ">99"), (None, "Other", 1, "<1")), None)
    assert leader.codes == ["KZ"] and leader.published == ">99" and leader.percent == 99


def test_a_country_listed_twice_counts_with_its_total():
    leader = leading_source(share_list(("CN", "China", 20), ("JP", "Japan", 30), ("CN", "China", 15),
                                       (None, "Other", 35)), None)
    assert leader.codes == ["CN"] and leader.percent == 35 and leader.published is None


def test_without_named_shares_the_first_ranked_country_leads():
    ranked = ranked_list(("CN", "China"), ("MY", "Malaysia"))
    leader = leading_source(None, ranked)
    assert leader.codes == ["CN"] and leader.basis == "ranked" and leader.percent is None
    only_other = share_list((None, "Other countries", 100))
    assert leading_source(only_other, ranked).codes == ["CN"]
    assert leading_codes(None, ranked) == ["CN"]


def test_nothing_published_is_no_leader():
    assert leading_source(None, None) is None
    assert leading_source(None, ranked_list()) is None
    assert leading_codes(None, None) == []


def test_whole_list_prefers_category_all():
    total = share_list(("AR", "Argentina", 60), ("CL", "Chile", 37), (None, "Other", 3), category="Total imports")
    everything = share_list(("CL", "Chile", 54), ("AR", "Argentina", 43), (None, "Other", 3), category="All")
    part = share_list(("CN", "China", 100), category="Metal", whole=False)
    assert whole_list([total, everything, part]) is everything
    assert whole_list([total, part]) is total
    assert whole_list([part]) is None


@pytest.mark.parametrize(
    "commodity, edition, codes, basis, period",
    [("lithium", 2026, ["CL"], "shares", "2021-24"), ("aluminum", 2026, ["JM"], "shares", "2021-24"),
     ("rare earths", 2026, ["CN"], "shares", "2021-24"), ("cobalt", 2026, ["NO"], "shares", "2021-24"),
     ("antimony", 2025, ["CN"], "shares", "2020-23"),  # MCS 2025's own list
     ("cobalt", 2024, ["NO"], "shares", "2021-24"),  # no MCS 2024 list in the data: the one exposure uses
     ("cesium", 2026, ["CN"], "ranked", "2021-24"),  # Fig. 2's ranking only
     ("uranium", 2026, ["CA"], "shares", "2024")],  # EIA's list; the reliance is NA, the leader is not
)
def test_leader_of_the_lists_a_run_uses(shipped, commodity, edition, codes, basis, period):
    leader = leader_of(supply_of(commodity_index(shipped.import_dependence), commodity, edition))
    assert (leader.codes, leader.basis, leader.period) == (codes, basis, period)


def test_leader_of_no_commodity_is_none():
    assert leader_of(supply_of({}, None, 2026)) is None
