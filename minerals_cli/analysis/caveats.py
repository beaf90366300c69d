"""The caveats that change how a figure reads, in the words every view uses.

Kept apart from the formulas so that the same convention is said the same
way in `exposure`, `country`, `gaps` and `scenario`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .groups import REE_GROUP
from .shares import other_share, unattributed
from .supply import Supply

if TYPE_CHECKING:
    from ..dataset.schema import Reliance

SHIPMENT_CAVEAT = (
    "Import shares are by country of shipment as USGS reports them; the material may have been mined "
    "or refined elsewhere."
)


OTHER_CONVENTION = (
    "'Other' in a share list counts as not allied and is left out of the HHI; a country the share list "
    "does not name (China, an FEOC, a cut country) has 0 as named but may be inside 'Other', so its share, "
    "exposure and supply at risk read '0 to' the 'Other' share."
)


EQUAL_WEIGHTS = (
    "equal weight per mineral of the list (the lanthanides count one by one, each with the rare-earths "
    "figure); minerals without a figure are left out"
)


def inherited_note(mineral, supply: Supply) -> Optional[str]:
    """Why a mineral shows the figures of a larger MCS commodity, or of a subgroup or itself, when it does."""
    commodity = supply.commodity
    if commodity is None or commodity.id == mineral.id or commodity.level == "form":
        return None
    if mineral.group == REE_GROUP:
        specific = [f"{figure} of {record.name} ({record.level})" for figure, record in
                    (("the net import reliance", supply.reliance_of), ("the import shares", supply.shares_of)) if record]
        if not specific:
            return (f"{mineral.name} inherits the figures of the rare-earth group '{commodity.name}': USGS "
                    "publishes no more specific figure for it in this edition, and the lanthanides without one "
                    "share the group's figures.")
        rest = ("" if supply.reliance_of and supply.shares_of
                else f"; the other figures are the group's ('{commodity.name}')")
        return (f"{mineral.name} takes the most specific figures USGS publishes: " + " and ".join(specific) + rest
                + ". The group's own figures (Fig. 2) are the ones USGS's headline counts and chart use.")
    if mineral.kind == "group entry":
        return (
            f"'{mineral.name}' is a group entry; its figures are those of the MCS commodity '{commodity.name}', "
            "which USGS applies to the lanthanides (yttrium and scandium have figures of their own)."
        )
    return f"{mineral.name} takes the figures of the MCS commodity '{commodity.name}'."


def form_caveat(options, used) -> Optional[str]:
    """Which published form the figures are of, where USGS publishes several (FormOption list, the one used)."""
    if not options or used is None:
        return None
    headline = options[0]
    others = ", ".join(f"{o.form} ({o.record})" for o in options if o.record != used.id)
    if used.id == headline.record:
        return (f"USGS publishes several forms of this mineral; these figures are of the headline form, "
                f"{headline.why}. Other forms: {others}.")
    return (f"These figures are of the form '{used.form}' ({used.name}), its own record; the headline form is "
            f"{headline.form} ({headline.record}), the one USGS's headline counts use. Other forms: {others}.")


def bound_caveat(rel: Optional[Reliance]) -> Optional[str]:
    """Which way the figures lean when USGS printed only a bound."""
    if rel is None or rel.qualifier not in (">", "<"):
        return None
    if rel.qualifier == ">":
        return (
            f"USGS published the reliance only as '{rel.published}', a lower bound, so exposures, supply at risk "
            "and gaps are lower bounds (>=) and the domestic and allied shares upper bounds (<=); `low`/`high` "
            "give the full range."
        )
    return (
        f"USGS published the reliance only as '{rel.published}', an upper bound, so exposures, supply at risk "
        "and gaps are upper bounds (<=) and the domestic and allied shares lower bounds (>=); `low`/`high` give "
        "the full range."
    )


def share_caveats(supply: Supply) -> list[str]:
    """What changes how the import shares read: period, category, completeness, 'Other', notes."""
    shares, rel = supply.shares, supply.reliance
    if shares is None:
        return []
    out = [SHIPMENT_CAVEAT]
    if rel is not None:
        out.append(
            f"The import shares cover {shares.period} (MCS {shares.edition}) while the reliance figure is for "
            f"{rel.year} (MCS {rel.edition}): the exposures apply the {shares.period} supplier mix to {rel.year}."
        )
        if shares.edition != rel.edition:
            out.append(
                f"This tool's data holds no MCS {rel.edition} share list that stands for the whole commodity; the "
                f"MCS {shares.edition} list ({shares.period}) is used instead."
            )
    if shares.trust:
        out.append(f"The MCS {shares.edition} share list was not read from a USGS file: {shares.trust}.")
    if shares.category.lower() != "all":
        out.append(f"Shares are those of the category '{shares.category}', which stands for the whole commodity.")
    if not shares.complete:
        out.append(
            f"The share list is incomplete ({unattributed(shares):g}% of imports unattributed): figures that "
            "depend on unnamed countries are ranges."
        )
    if other_share(shares) > 0:
        out.append(OTHER_CONVENTION)
    for note in (shares.note, shares.source.note):
        if note:
            out.append(f"Share list note: {note}")
    return out


def basis_caveat(rel: Optional[Reliance]) -> Optional[str]:
    """Said when the figure is not a USGS net import reliance (EIA figures for fuels)."""
    if rel is None or rel.basis == "MCS NIR":
        return None
    extra = f" {rel.note}" if rel.note else ""
    return f"The reliance figure is not a USGS net import reliance but an {rel.basis} figure.{extra}"


FORMS_CAVEAT = ("Where USGS publishes several forms of a mineral (aluminum: bauxite, alumina, metal), each form that "
                "names the country is a row of its own (`headline` false for the others); the counts take each "
                "mineral and commodity once, and means take a mineral by its headline form.")
