"""minerals: U.S. dependence on imported critical minerals, from USGS data."""

__version__ = "0.1.0"
