"""minerals: U.S. dependence on imported critical minerals, from USGS data.

The Python API (api.py): `minerals_cli.open()` opens the data once and
answers what the commands answer.  It is loaded on first use, so a command
run does not pay for it.
"""

from .version import VERSION as __version__

__all__ = ["Minerals", "__version__", "open", "records", "to_dataframe"]
_API = ("Minerals", "open", "records", "to_dataframe")


def __getattr__(name: str):
    """open, Minerals, records, to_dataframe: from api.py, imported when first asked for."""
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
