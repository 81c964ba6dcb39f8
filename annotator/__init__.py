"""Annotation desk for Arabic news: exact offsets, right-to-left reading, SQLite storage."""

__version__ = "0.1.0"
