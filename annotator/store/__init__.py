"""Storage: SQLAlchemy models, database opening and migrations, the repository."""
