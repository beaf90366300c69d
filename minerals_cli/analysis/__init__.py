"""Pure functions over the dataset; each returns a result model from models.py.

Nothing here prints, reads arguments or knows about output formats.
"""
