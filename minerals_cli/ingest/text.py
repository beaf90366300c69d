"""The quirks of USGS text: no-break spaces, runs of spaces, footnote digits glued to names."""

from __future__ import annotations

import re


def squash(text: str) -> str:
    """Text without no-break spaces, runs of spaces or surrounding spaces."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def clean_name(text: str) -> str:
    """A name as printed, also without a footnote digit glued to its end ('China3')."""
    return squash(re.sub(r"(?<=[A-Za-z)])\d{1,2}\s*$", "", squash(text)))
