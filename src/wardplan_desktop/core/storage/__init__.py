"""SQLite storage: typed models, migrations, change history."""
