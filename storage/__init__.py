"""Database access shared by services: engine, tables, migrations."""
