"""The package's version, in a module of its own so that any part can read it without importing the package API."""

VERSION = "0.1.0"  # the same as pyproject.toml's (a test compares them with the installed metadata)
