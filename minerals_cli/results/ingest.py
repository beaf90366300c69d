"""Results of `minerals ingest-mcs`: what a run read and wrote."""

from __future__ import annotations

from typing import Literal, Optional

from .base import Field, Result
from .revisions import Revision


class IngestCounts(Result):
    reliance: int = Field(description="NIR records written or updated")
    ranked_sources: int
    import_shares: int = Field(description="share lists (one per category) written or updated")
    commodities_created: int
    world_series: int = Field(0, description="world production, capacity and reserves series written")
    stats_series: int = Field(0, description="salient-statistics series (production, trade, consumption, prices) written")
    revisions: int = Field(0, description="earlier editions' NIR figures the file's chapter series revise or fill")


class IngestResult(Result):
    files: list[str]
    kinds: list[Literal["fig2", "commodities"]]
    edition: int
    data_year: int
    output: str
    world_output: Optional[str] = Field(description="where the world tables were written; null when they were not")
    stats_output: Optional[str] = Field(None, description="where the salient statistics were written; null when they were not")
    counts: IngestCounts
    skipped: list[str] = Field(description="rows of the files that map to no commodity of ours")
    warnings: list[str] = Field(description="disagreements between files, or records kept as they were")
    revisions: list[Revision] = Field([], description="each earlier edition's NIR figure (in the file the run started "
                                                      "from) that the Commodities file's chapter series revises or "
                                                      "fills; the edition's own figure is kept")

    def to_records(self) -> list[dict]:
        """One record per file written: where, what it holds, and how many records or series went into it."""
        c = self.counts
        head = {"edition": self.edition, "data_year": self.data_year, "inputs": ";".join(self.files)}
        none = dict.fromkeys(("nir_records", "ranked_source_lists", "share_lists", "commodities_created",
                              "revisions", "skipped_rows"))
        records = [{**head, "output": self.output, "content": "import dependence", "nir_records": c.reliance,
                    "ranked_source_lists": c.ranked_sources, "share_lists": c.import_shares,
                    "commodities_created": c.commodities_created, "revisions": c.revisions,
                    "skipped_rows": len(self.skipped), "series": None, "warnings": len(self.warnings)}]
        if self.world_output:
            records.append({**head, "output": self.world_output, "content": "world production", **none,
                            "series": c.world_series, "warnings": None})
        if self.stats_output:
            records.append({**head, "output": self.stats_output, "content": "salient statistics", **none,
                            "series": c.stats_series, "warnings": None})
        return records
