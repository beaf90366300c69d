"""`minerals export`: the whole dataset as one SQLite database, and the Datasette metadata beside it.

tables.py declares the tables and views, sqlite.py fills them from the
loaded, validated dataset (standard library sqlite3 only), metadata.py
says what each table holds for Datasette.  Nothing here imports typer or
rich or knows a command-line flag: commands/export.py parses, guards the
target and renders.
"""
