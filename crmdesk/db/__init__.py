"""Storage: models, engine, migrations, full-text search. No Qt here."""
