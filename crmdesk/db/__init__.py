"""Storage: models, engine, migrations, full-text search, and the database
file's lifecycle (raw connections, checks, backups, restore, the writer
lock, where the file lives). No Qt here; nothing here imports a layer above.
"""
