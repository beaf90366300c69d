#!/usr/bin/env python3
"""Make a synthetic data directory about FACTOR times the size of a real one.

Used by bench/run.py to see how the commands grow with their data.  The
copy keeps every original record (so `exposure lithium` still answers) and
adds, in proportion:

- more editions: earlier MCS editions, each commodity's reliance repeated
  for them (the published value and citation of its oldest record);
- more commodities: copies of each commodity under a new id, whose import
  shares go to synthetic countries, and copies of the minerals, mapped to
  them, on the same lists (list counts are raised to match);
- more countries: unused two-letter codes, registered in the country file
  and added to the groups, so shares, allies and country views all grow.

Each of the two big files (minerals, import dependence) ends up about FACTOR
times its real size: growing the files in proportion keeps the 100x
import_dependence.yaml under the loader's per-file limit (data.MAX_BYTES,
set at about 100 times the real file).  The country file grows less (there
are only so many two-letter codes) and the targets not at all.

The figures are the shipped ones moved around: the synthetic data is for
timing only and never for analysis.  The result is checked with the
project's own validation before it is used.

    python bench/synth.py SOURCE_DIR TARGET_DIR --factor 10
"""

from __future__ import annotations

import argparse
import copy
import itertools
import math
import string
import sys
from pathlib import Path

import yaml

FILES = ("minerals_2025.yaml", "import_dependence.yaml", "country_groups.yaml", "targets.yaml")
# How FACTOR splits into more editions x more commodities: editions grow slower
# (10x: 2x the editions, 100x: 4x), commodity copies make up the rest.
EDITION_SHARE = 0.3
TOO_BIG = 4  # exit status: a file is over the loader's size limit, the commands would refuse it


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("source", type=Path)
    p.add_argument("target", type=Path)
    p.add_argument("--factor", type=int, default=10)
    p.add_argument("--no-check", action="store_true", help="skip the validation of the result")
    args = p.parse_args(argv)
    docs = {name: load(args.source / name) for name in FILES if (args.source / name).exists()}
    base = {name: (args.source / name).stat().st_size for name in docs}
    scaled = grow_to(docs, args.factor, base)
    args.target.mkdir(parents=True, exist_ok=True)
    for name, text in scaled.items():
        (args.target / name).write_text(text, encoding="utf-8")
    size, total = sum((args.target / n).stat().st_size for n in scaled), sum(base.values())
    print(f"synth: {args.target}: {size:,} bytes, {size / total:.1f}x {args.source} ({total:,} bytes)", flush=True)
    if not args.no_check:
        check(args.target)
    return 0


def load(path: Path):
    with open(path, "rb") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def dump(doc) -> str:
    return yaml.dump(doc, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True)


def grow_to(docs: dict, factor: int, base: dict[str, int]) -> dict[str, str]:
    """The scaled files as text, the two big files each about FACTOR times their BASE bytes.

    Growing each file in proportion (rather than the total) keeps every file
    as far below the loader's per-file limit as the real one is.
    """
    if factor <= 1:
        return {name: dump(doc) for name, doc in docs.items()}
    editions = max(1, round(factor**EDITION_SHARE))
    trade_copies, mineral_copies = max(1, math.ceil(factor / editions)), factor
    for _ in range(5):
        texts = {name: dump(doc) for name, doc in scale(docs, editions, trade_copies, mineral_copies).items()}
        trade_ratio = _ratio(texts, base, "import_dependence.yaml", factor)
        mineral_ratio = _ratio(texts, base, "minerals_2025.yaml", factor)
        if abs(trade_ratio - 1) < 0.05 and abs(mineral_ratio - 1) < 0.05:
            break
        trade_copies = max(1, round(trade_copies / trade_ratio))
        mineral_copies = max(1, round(mineral_copies / mineral_ratio))
    return texts


def _ratio(texts: dict[str, str], base: dict[str, int], name: str, factor: int) -> float:
    """Size reached over size wanted (1.0 on target, or when the file is absent)."""
    if name not in texts:
        return 1.0
    return len(texts[name].encode("utf-8")) / (factor * base[name])


def scale(docs: dict, edition_mult: int, trade_copies: int, mineral_copies: int) -> dict:
    out = copy.deepcopy(docs)
    countries = out.get("country_groups.yaml")
    new_codes = add_countries(countries, want=min(20 * trade_copies, 400)) if countries and trade_copies > 1 else []
    trade = out.get("import_dependence.yaml")
    renamed: dict[str, list[str]] = {}
    if trade:
        add_editions(trade, edition_mult)
        renamed = copy_commodities(trade, trade_copies, new_codes)
    if "minerals_2025.yaml" in out:
        copy_minerals(out["minerals_2025.yaml"], mineral_copies, renamed)
    return out


def unused_codes(taken: set[str]):
    for a, b in itertools.product(string.ascii_uppercase, repeat=2):
        if a + b not in taken:
            yield a + b


def add_countries(doc: dict, want: int) -> list[str]:
    taken = {c["code"] for c in doc["countries"]} | {"US", "EU"}
    codes = list(itertools.islice(unused_codes(taken), want))
    for code in codes:
        doc["countries"].append({"code": code, "name": f"Synthland {code}"})
    for i, group in enumerate(doc.get("groups", [])):
        group["members"] = list(group["members"]) + codes[i :: max(2, len(doc["groups"]))]
    return codes


def add_editions(doc: dict, multiplier: int) -> None:
    """Earlier editions, and each commodity's oldest reliance record repeated for them."""
    editions = sorted(doc["editions"], key=lambda e: e["edition"])
    if multiplier <= 1 or not editions:
        return
    first = editions[0]
    extra = [first["edition"] - k for k in range(1, (multiplier - 1) * len(editions) + 1)]
    for year in extra:
        info = copy.deepcopy(first)
        info.update(edition=year, data_year=year - 1, title=f"{first['title']} (synthetic {year})")
        doc["editions"].append(info)
    for commodity in doc["commodities"]:
        reliance = commodity.get("reliance") or []
        if not reliance:
            continue
        oldest = min(reliance, key=lambda r: r["edition"])
        for year in extra:
            rec = copy.deepcopy(oldest)
            rec.update(edition=year, year=year - 1)
            reliance.append(rec)


def copy_commodities(doc: dict, copies: int, codes: list[str]) -> dict[str, list[str]]:
    """COPIES-1 more of each commodity; returns original id -> ids of its copies."""
    renamed: dict[str, list[str]] = {}
    pool = itertools.cycle(codes) if codes else None
    originals = list(doc["commodities"])
    for k in range(2, copies + 1):
        for commodity in originals:
            twin = copy.deepcopy(commodity)
            twin["id"] = f"{commodity['id']} synthetic {k}"
            twin["name"] = f"{commodity['name']} (synthetic {k})"
            if pool is not None:
                move_shares(twin, pool)
            doc["commodities"].append(twin)
            renamed.setdefault(commodity["id"], []).append(twin["id"])
    return renamed


def move_shares(commodity: dict, pool) -> None:
    """Give the named shares and ranked sources of a copy to synthetic countries."""
    for shares in commodity.get("import_shares", []):
        for share in shares["shares"]:
            if share.get("country"):
                code = next(pool)
                share.update(country=code, name=f"Synthland {code}")
    for ranked in commodity.get("ranked_sources", []):
        for ref in ranked["countries"]:
            code = next(pool)
            ref.update(country=code, name=f"Synthland {code}")


def copy_minerals(doc: dict, copies: int, renamed: dict[str, list[str]]) -> None:
    """Copies of each mineral on the same lists, mapped to the commodity copies."""
    originals = list(doc["minerals"])
    for k in range(2, copies + 1):
        suffix = f" synthetic {k}"
        for mineral in originals:
            twin = copy.deepcopy(mineral)
            twin["id"] = mineral["id"] + suffix
            twin["name"] = mineral["name"] + suffix
            twin["symbol"] = None
            twin["aliases"] = []
            for field in ("covered_by", "listed_as"):
                if field in twin:
                    twin[field] = {lid: v + suffix if field == "covered_by" else v for lid, v in twin[field].items()}
            if twin.get("split_into"):
                twin["split_into"] = [m + suffix for m in twin["split_into"]]
            twins = renamed.get(twin.get("commodity"))
            if twins:
                twin["commodity"] = twins[(k - 2) % len(twins)]
            doc["minerals"].append(twin)
    for entry in doc["lists"]:
        entry["count"] = sum(entry["id"] in m.get("lists", []) for m in doc["minerals"])


def check(directory: Path) -> None:
    """The project's own validation, the same a `minerals validate` run does."""
    from minerals_cli.dataset.checks import validate_dir
    from minerals_cli.dataset.safe_yaml import MAX_BYTES

    too_big = [p for p in sorted(directory.glob("*.yaml")) if p.stat().st_size > MAX_BYTES]
    if too_big:
        sizes = ", ".join(f"{p.name} {p.stat().st_size:,} bytes" for p in too_big)
        print(f"synth: over the loader's per-file limit (safe_yaml.MAX_BYTES = {MAX_BYTES:,} bytes): {sizes}", file=sys.stderr)
        sys.exit(TOO_BIG)
    report = validate_dir(directory)
    if not report.valid:
        shown = "\n".join(f"  {p.file}:{p.line}: {p.field}: {p.message}" for p in report.problems[:10])
        sys.exit(f"synth: the synthetic data does not validate:\n{shown}")


if __name__ == "__main__":
    sys.exit(main())
