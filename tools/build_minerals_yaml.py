"""Rebuild data/minerals_2025.yaml from the project's reference CSV.

Run from the checkout: python tools/build_minerals_yaml.py ../shared/sources/lists/critical_minerals_lists.csv
The CSV's facts (membership, symbols, notes) come from the Federal Register
notices cited in the `lists` section; aliases and commodity keys are ours.
"""

import csv
import sys

import yaml

LISTS = [
    dict(id="2018", title="Final List of Critical Minerals 2018", status="final", published="2018-05-18", count=35,
         previous_final=None,
         citation=dict(source="FR 2018-10667", table="83 FR 23295-23296",
                       url="https://www.federalregister.gov/documents/2018/05/18/2018-10667/final-list-of-critical-minerals-2018")),
    dict(id="2022", title="2022 Final List of Critical Minerals", status="final", published="2022-02-24", count=50,
         previous_final="2018",
         citation=dict(source="FR 2022-04027", table="87 FR 10381-10382",
                       url="https://www.federalregister.gov/documents/2022/02/24/2022-04027/2022-final-list-of-critical-minerals",
                       note="The 2021 draft (FR 2021-24488, 86 FR 62199) explains the rare-earth and PGM split.")),
    dict(id="2025-draft", title="2025 Draft List of Critical Minerals", status="draft", published="2025-08-26", count=54,
         previous_final="2022",
         citation=dict(source="FR 2025-16311", table="90 FR 41591-41593",
                       url="https://www.federalregister.gov/documents/2025/08/26/2025-16311/2025-draft-list-of-critical-minerals")),
    dict(id="2025", title="Final 2025 List of Critical Minerals", status="final", published="2025-11-07", count=60,
         previous_final="2022",
         citation=dict(source="FR 2025-19813",
                       url="https://www.federalregister.gov/documents/2025/11/07/2025-19813/final-2025-list-of-critical-minerals")),
]

COLUMNS = {"on_2018": "2018", "on_2022": "2022", "on_2025_draft": "2025-draft", "on_2025_final": "2025"}
GROUP_ENTRIES = {"rare earth elements group": "rare earth element", "platinum group metals": "platinum group metal"}
ALIASES = {
    "aluminum": ["aluminium", "bauxite"],
    "cesium": ["caesium"],
    "graphite": ["natural graphite", "graphite (natural)"],
    "metallurgical coal": ["met coal", "coking coal", "metallurgical coal used for steelmaking"],
    "phosphate": ["phosphate rock", "phosphates"],
    "potash": ["potassium"],
    "fluorspar": ["fluorite"],
    "barite": ["barium"],
    "rare earth elements group": ["rare earths", "rare earth elements", "rare earth", "REE", "REEs"],
    "platinum group metals": ["platinum-group metals", "PGM", "PGMs", "platinum group"],
    "sulfur": [],
}
KIND = {"barite": "mineral", "fluorspar": "mineral", "graphite": "mineral", "potash": "mineral",
        "phosphate": "mineral", "metallurgical coal": "fuel"}
# promethium and osmium were never listed individually; the CSV marks them 'unclear' for 2018.
SKIP = {"promethium", "osmium"}


def commodity_of(row):
    if row["group"] == "rare earth element" and row["mineral"] not in ("yttrium",):
        return "rare earths"
    if row["mineral"] == "rare earth elements group":
        return "rare earths"
    if row["mineral"] == "platinum group metals":
        return None
    return row["mineral"]


def split_notes(text):
    """Split at '; ' outside parentheses: '(FR 2025-09607, 2025-05-29; DOE)' stays whole."""
    notes, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and text.startswith("; ", i):
            notes.append(text[start:i].strip())
            start = i + 2
    notes.append(text[start:].strip())
    return notes


def build(path):
    rows = [r for r in csv.DictReader(open(path, encoding="utf-8")) if r["mineral"] not in SKIP]
    minerals = []
    for r in rows:
        name = r["mineral"]
        m = {"id": name, "name": name}
        if r["symbol"]:
            m["symbol"] = r["symbol"]
        if r["group"] in GROUP_ENTRIES.values():
            m["group"] = r["group"]
        m["kind"] = "group entry" if name in GROUP_ENTRIES else KIND.get(name, "element")
        if ALIASES.get(name):
            m["aliases"] = ALIASES[name]
        m["lists"] = [lid for col, lid in COLUMNS.items() if r[col] == "yes"]
        if name == "aluminum":
            m["listed_as"] = {"2018": "aluminum (bauxite)"}
        if name == "graphite":
            m["listed_as"] = {"2018": "graphite (natural)"}
        covered = {lid: gname for col, lid in COLUMNS.items() if r[col] == "group"
                   for gname, g in GROUP_ENTRIES.items() if g == r["group"]}
        if covered:
            m["covered_by"] = covered
        if name in GROUP_ENTRIES:
            m["split_into"] = [x["mineral"] for x in rows if x["group"] == GROUP_ENTRIES[name] and x["on_2022"] == "yes"]
        m["commodity"] = commodity_of(r)
        if r["note"]:
            m["notes"] = split_notes(r["note"])
        minerals.append(m)
    return {"lists": LISTS, "minerals": minerals}


HEADER = """\
# Every mineral that has been on a U.S. critical-minerals list (USGS / Department of the Interior).
# Membership and notes: the Federal Register notices cited under `lists` (each list's `citation`),
# compiled in the project's reference file shared/sources/lists/critical_minerals_lists.csv.
# Built by tools/build_minerals_yaml.py; aliases and commodity keys are the project's own.
# `lists` names the lists that name a mineral individually; `covered_by` the 2018 group entry that
# covered it; `commodity` is its record in import_dependence.yaml (all lanthanides share "rare earths").
"""

if __name__ == "__main__":
    doc = build(sys.argv[1])
    out = HEADER + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110)
    open("data/minerals_2025.yaml", "w", encoding="utf-8").write(out)
