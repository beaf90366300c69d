"""Package build step: the validated form of the shipped data goes into the wheel.

So the first run after an install reads the stored forms (dataset/store.py)
instead of parsing and validating the YAML; a test checks that the
installed forms equal a fresh validation.  Editable installs skip this:
their first run validates and stores the forms in the user's cache.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ValidatedDataHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)
        try:
            from minerals_cli.dataset import FILES
            from minerals_cli.dataset.store import PACKAGED, build_packaged
        finally:
            sys.path.remove(self.root)
        out = Path(tempfile.mkdtemp(prefix="minerals-validated-"))
        for form in build_packaged(FILES, Path(self.root) / "data", out):
            build_data["force_include"][str(form)] = f"minerals_cli/data/{PACKAGED}/{form.name}"
