"""Export controls: which suppliers restrict which minerals on a date, and how much of U.S. imports they ship.

A measure's status on a date follows its own dates: not yet in force
before it took effect, lifted from the day it was lifted, suspended within
its suspension, in force otherwise; after a suspension ended, and after
the data's own date, it is what the data knows (often `unknown`: what
happened at the November 2026 expiries is not known), never a guess.
A USGS row that gives only a year is unknown within that year.  Dates
are ISO strings (YYYY-MM-DD), compared as strings.  USGS's
aggregate row for China is never counted beside China's own measures.
"""

from __future__ import annotations

from typing import Optional

from ..results.base import Cited
from ..results.controls import ControlLink, ControlResult, ControlsResult, CoveredMineral
from .bounds import bounded
from .shares import set_share as set_share_of_imports
from .supply import commodity_index
from .world import pick, series_for, set_share

ORE_WORDS = ("ore", "concentrat", "raw", "mineral")
# What a kind of measure does to goods, as `--controls` names it; technology controls cover know-how, not goods.
KIND_CLASSES = {
    "export ban": "ban", "export ban (temporary)": "ban", "export quota": "quota",
    "export licensing": "licensing", "export licensing (dual-use)": "licensing",
    "extraterritorial licensing rule": "licensing", "state trading (exporter whitelist)": "state-trading",
    "destination ban (US)": "destination-ban", "destination ban (US) + enhanced end-use review": "destination-ban",
    "end-user ban (destination-specific)": "end-user-ban", "entity listing (end-user ban)": "end-user-ban",
    "technology export licensing": "technology", "technology export ban": "technology",
}
KINDS = ("ban", "quota", "licensing", "state-trading", "destination-ban", "end-user-ban")


def kind_class(kind: str) -> str:
    return KIND_CLASSES.get(kind, "other")


def controlled_minerals(data_controls, kinds: list[str], day: str):
    """({mineral id: measures of `kinds` in force on `day` that cover it}, the choice as a scenario states it)."""
    from ..results.scenario import ControlChoice

    measures, unknown = of_kinds_on(data_controls, day, set(kinds))
    by_mineral: dict[str, list] = {}
    for m in measures:
        for mineral in m.minerals:
            by_mineral.setdefault(mineral, []).append(m)
    return by_mineral, ControlChoice(kinds=kinds, as_of=day, measures=[m.id for m in measures],
                                     unknown=[m.id for m in unknown])


def of_kinds_on(data_controls, day: str, kinds: set[str]) -> tuple[list, list]:
    """(measures of those kinds in force on `day`, those whose status that day is unknown); never USGS's aggregate.

    A scenario cuts only the first; the second it names, so an unknown is neither cut nor silently dropped.
    """
    data_day = data_controls.as_of
    chosen = [m for m in data_controls.measures if not m.aggregate and kind_class(m.kind) in kinds and m.minerals]
    statuses = [status_on(m, day, data_day)[0] for m in chosen]
    return ([m for m, s in zip(chosen, statuses) if s == "in force"],
            [m for m, s in zip(chosen, statuses) if s == "unknown"])


def today() -> str:
    """Today as YYYY-MM-DD: dates are compared as ISO strings, so no datetime is needed."""
    import time

    return time.strftime("%Y-%m-%d")


def day_of(text: Optional[str]) -> Optional[str]:
    """A date of the data as YYYY-MM-DD; a year alone is its first day."""
    if not text:
        return None
    return text if len(text) == 10 else f"{text}-01-01"


def status_on(measure, day: str, data_day: str) -> tuple[str, Optional[str]]:
    """(status of `measure` on `day`, what qualifies it), from its dates and the data's status as of `data_day`."""
    start = day_of(measure.effective)
    if start is not None and day < start:
        return "not yet in force", None
    if measure.effective and len(measure.effective) == 4 and day[:4] == measure.effective:
        return "unknown", f"the source gives only the year {measure.effective}"
    lifted = day_of(measure.lifted_on)
    if lifted is not None and day >= lifted:
        return "lifted", f"lifted on {measure.lifted_on}"
    later = None if day <= data_day else f"the data knows statuses up to {data_day}"
    suspended_from, suspended_until = day_of(measure.suspended_from), day_of(measure.suspended_until)
    if suspended_from is not None:
        if day < suspended_from:
            return "in force", None
        if suspended_until is None or day <= suspended_until:
            return "suspended", f"suspended until {measure.suspended_until}" if suspended_until else "suspended"
        ended = f"after the suspension ended on {measure.suspended_until}"
        return measure.status, f"{ended}; {later}" if later else ended
    if later is not None:
        return measure.status, later
    return ("in force" if measure.status in ("in force", "suspended") else measure.status), None


def controls(data_controls, imports, world, minerals, names: dict[str, str], day: str,
             country: Optional[str] = None, mineral: Optional[str] = None, edition: Optional[int] = None) -> ControlsResult:
    """The measures (of one country, on one mineral) that bear on `day`: in force, suspended or unknown, never guessed."""
    data_day = data_controls.as_of
    commodities = commodity_index(imports)
    mineral_of = {m.id: m for m in minerals.minerals}
    rows = []
    for m in data_controls.measures:
        if m.aggregate or (country and m.country != country) or (mineral and mineral not in m.minerals):
            continue
        status, note = status_on(m, day, data_day)
        if status in ("not yet in force", "lifted"):  # not a control on that day
            continue
        covered = [_covered(m, mineral_of.get(mid), commodities, world, edition) for mid in m.minerals
                   if mineral is None or mid == mineral]
        rows.append(ControlResult(id=m.id, country=m.country, name=names.get(m.country, m.country_name), measure=m.measure,
                                  title=m.title, kind=m.kind, scope=m.scope, items=m.items_as_published, effective=m.effective,
                                  status=status, status_note=note, suspended_until=m.suspended_until,
                                  lifted_on=m.lifted_on, confidence=m.confidence, minerals=covered, source=m.source))
    return ControlsResult(
        as_of=day, data_as_of=data_controls.as_of, country=country, mineral=mineral,
        counts=_counts(rows), measures=rows, caveats=_caveats(data_controls, rows, day, data_day),
        citations=[Cited(what="export controls (compiled)", source=data_controls.source)],
    )


def _covered(measure, mineral, commodities, world, edition) -> CoveredMineral:
    """One mineral of a measure: the controlling country's share of U.S. imports (of the form controlled) and of the world."""
    if mineral is None:
        return CoveredMineral(mineral="?", commodity=None, import_category=None, import_share=None,
                              world_stage=None, world_share=set_share(None, set()))
    commodity = commodities.get(mineral.commodity) if mineral.commodity else None
    lists = [s for s in (commodity.import_shares if commodity else []) if edition is None or s.edition <= edition]
    chosen = _matching_list(measure, lists)
    # A country the list does not name may hide in 'Other' or in what an incomplete list leaves out: a range, never 0.
    share = bounded(set_share_of_imports(chosen, {measure.country}, other_may_hide=True)) if chosen is not None else None
    production = pick(world, series_for(world, mineral.commodity), None, None) if world is not None else None
    return CoveredMineral(mineral=mineral.id, commodity=mineral.commodity,
                          import_category=chosen.category if chosen else None, import_share=share,
                          world_stage=f"{production.detail} {production.year}" if production else None,
                          world_share=set_share(production, {measure.country}), note=_form_note(measure, chosen))


def _form_note(measure, chosen) -> Optional[str]:
    """Where the measure controls raw forms but the share list is of every form the U.S. imports."""
    raw = [f for f in measure.forms if any(w in f.lower() for w in ORE_WORDS)]
    if raw and chosen is not None and not any(w in chosen.category.lower() for w in ("ore", "concentrat")):
        return (f"the measure controls {', '.join(raw)}; the U.S. import share is of '{chosen.category}', which may be "
                "other (processed) forms the measure does not cover")
    return None


def _matching_list(measure, lists):
    """The share list of the form the measure controls: ores and concentrates where it names them, else the whole."""
    if not lists:
        return None
    latest = max(s.edition for s in lists)
    current = [s for s in lists if s.edition == latest]
    if any(w in f.lower() for f in measure.forms for w in ORE_WORDS):
        ores = [s for s in current if any(w in s.category.lower() for w in ("ore", "concentrat"))]
        if ores:
            return ores[0]
    return next((s for s in current if s.whole), current[0])


def _counts(rows) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        out[r.status] = out.get(r.status, 0) + 1
    return out


def _caveats(data_controls, rows, day: str, data_day: str) -> list[str]:
    out = ["USGS MCS 2026 Table 4 lists China's controls in one aggregate row; China's measures are listed one "
           "by one instead and the aggregate is not counted."]
    if day > data_day:
        out.append(f"Statuses are as of {data_controls.as_of}, the latest the data knows; later changes are unknown.")
    if any(r.status == "unknown" for r in rows):
        out.append("'unknown': the data does not know whether the measure applied on that date (e.g. what followed "
                   "the end of a suspension); it is neither in force nor lifted.")
    if any(r.scope != "all" for r in rows):
        out.append("Some measures apply only to some destinations (the U.S., military end users, listed entities): "
                   "see `scope`.")
    return out




def links(data_controls, day: str, names: dict[str, str], mineral_ids: Optional[set[str]] = None,
          country: Optional[str] = None) -> list[ControlLink]:
    """The measures on some minerals, or of one country, that bear on `day`, as other views list them."""
    if data_controls is None:
        return []
    data_day = data_controls.as_of
    out = []
    for m in data_controls.measures:
        if m.aggregate or (country and m.country != country) or (mineral_ids is not None and not mineral_ids & set(m.minerals)):
            continue
        status, note = status_on(m, day, data_day)
        if status in ("not yet in force", "lifted"):
            continue
        out.append(ControlLink(id=m.id, country=m.country, name=names.get(m.country, m.country_name), measure=m.measure,
                               kind=m.kind, scope=m.scope, status=status, status_note=note, minerals=list(m.minerals),
                               source=_brief(m.source)))
    return out


def _brief(source):
    """A measure's citation without its long note: `minerals controls` prints the note in full."""
    from ..dataset.records import Record

    return Record(source=source.source, table=source.table, url=source.url, note=None)


def exposure_links(bearing: list[ControlLink], mineral_id: str, import_shares: dict[str, float],
                   world_shares: dict[str, object]) -> list[ControlLink]:
    """Of the measures bearing today (`links`), those on a mineral by its import sources or world producers."""
    out = []
    for link in (x for x in bearing if mineral_id in x.minerals):
        roles = [r for r, there in (("import source", link.country in import_shares),
                                    ("world producer", link.country in world_shares)) if there]
        if not roles:
            continue
        out.append(ControlLink(**{**link.__dict__, "role": " and ".join(roles), "minerals": [mineral_id],
                                  "import_share": import_shares.get(link.country),
                                  "world_share": world_shares.get(link.country)}))
    return out
