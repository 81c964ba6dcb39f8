"""Pure-Python core: text, offsets, spans and CSV. Never imports Qt or SQLAlchemy."""
