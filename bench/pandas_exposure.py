#!/usr/bin/env python3
"""The script a user would write instead of `minerals exposure NAME --json`.

It reads the same YAML files with pyyaml and pandas, with no validation, and
answers the same question for one mineral: net import reliance (latest
edition), domestic share, each supplier's share and the exposure of U.S.
supply to it, the allied share of supply and the supplier concentration
(HHI), with the formulas of DESIGN.md.  bench/run.py times it against the
`minerals` command; it is not part of the package (pandas is not a
dependency).

    python bench/pandas_exposure.py lithium --data-dir data [--allies fta,msp,g7,nato]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd
import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(directory: Path, name: str):
    with open(directory / name, "rb") as fh:
        return yaml.load(fh, Loader=Loader)


def find_commodity(minerals: dict, name: str) -> str:
    key = name.strip().lower()
    table = pd.DataFrame(minerals["minerals"])
    for column in ("id", "name", "symbol"):
        hit = table[table[column].fillna("").str.lower() == key]
        if len(hit):
            return hit.iloc[0]["commodity"]
    aliases = table.explode("aliases")
    hit = aliases[aliases["aliases"].fillna("").str.lower() == key]
    if len(hit):
        return hit.iloc[0]["commodity"]
    raise SystemExit(f"unknown mineral {name!r}")


def allied_codes(countries: dict, spec: str) -> set[str]:
    groups = {g["id"]: g["members"] for g in countries["groups"]}
    codes: set[str] = set()
    for part in spec.split(","):
        codes.update(groups.get(part, [part.upper()]))
    codes.discard("US")
    return codes


def latest_reliance(record: dict) -> dict:
    rel = pd.DataFrame(record["reliance"]).sort_values("edition")
    parsed = rel["published"].str.extract(r"^\s*([<>]?)\s*(\d+(?:\.\d+)?)\s*$")
    rel["value"] = pd.to_numeric(parsed[1], errors="coerce")
    rel.loc[rel["published"].str.strip() == "E", "value"] = 0.0
    rel["bound"] = parsed[0].map({">": "lower", "<": "upper", "": "exact"}).fillna("unknown")
    row = rel.iloc[-1]
    return {"edition": int(row["edition"]), "published": row["published"], "value": row["value"], "bound": row["bound"]}


def latest_shares(record: dict) -> pd.DataFrame:
    lists = [s for s in record.get("import_shares", []) if s.get("whole", True)]
    if not lists:
        return pd.DataFrame(columns=["country", "name", "percent"])
    chosen = max(lists, key=lambda s: s["edition"])
    return pd.DataFrame(chosen["shares"])[["country", "name", "percent"]]


def exposure(directory: Path, name: str, spec: str) -> dict:
    minerals = load(directory, "minerals_2025.yaml")
    trade = load(directory, "import_dependence.yaml")
    countries = load(directory, "country_groups.yaml")
    commodity = find_commodity(minerals, name)
    record = next(c for c in trade["commodities"] if c["id"] == commodity)
    nir = latest_reliance(record)
    shares = latest_shares(record)
    value = None if pd.isna(nir["value"]) else float(nir["value"])
    allies = allied_codes(countries, spec)
    shares["exposure"] = shares["percent"] * (value if value is not None else float("nan")) / 100
    shares["allied"] = shares["country"].isin(allies)
    named = shares[shares["country"].notna()]
    allied_pct = shares.loc[shares["allied"], "percent"].sum()
    return {
        "mineral": name,
        "commodity": commodity,
        "nir": nir | {"value": value},
        "domestic_share": None if value is None else 100 - value,
        "sources": json.loads(shares.sort_values("percent", ascending=False).to_json(orient="records")),
        "allied_share": None if value is None else (100 - value) + value * allied_pct / 100,
        "allies": spec,
        "hhi": float((named["percent"] ** 2).sum()) if len(named) else None,
        "china_share": float(shares.loc[shares["country"] == "CN", "percent"].sum()),
    }


def main() -> None:
    p = argparse.ArgumentParser(description="minerals exposure NAME, the pandas way")
    p.add_argument("name")
    p.add_argument("--data-dir", default=str(Path(__file__).resolve().parent.parent / "data"))
    p.add_argument("--allies", default="fta,msp,g7,nato")
    args = p.parse_args()
    print(json.dumps(exposure(Path(args.data_dir), args.name, args.allies), indent=2))


if __name__ == "__main__":
    main()
