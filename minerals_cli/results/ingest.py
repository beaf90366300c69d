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
