"""What the window remembers between runs (QSettings): layout, language, zoom, recent databases, last document."""
from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QByteArray, QSettings

from annotator.store.sqlite_file import without_password

MAX_RECENT = 8


def _key(db: str) -> str:
    db = without_password(db)
    # QSettings keys cannot hold slashes or colons safely; a short digest names the database.
    return hashlib.sha1(db.encode("utf-8")).hexdigest()[:16]


class Settings:
    """Typed access to QSettings; pass a QSettings (e.g. an INI file) to keep tests apart."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store if store is not None else QSettings()

    def sync(self) -> None:
        self._s.sync()

    # -- window ------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def window_state(self, mirrored: bool) -> QByteArray | None:
        """Docks and toolbars as last left; kept apart for a mirrored (Arabic) window."""
        value = self._s.value(self._state_key(mirrored))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, mirrored: bool, value: QByteArray) -> None:
        self._s.setValue(self._state_key(mirrored), value)

    @staticmethod
    def _state_key(mirrored: bool) -> str:
        return "window/state-rtl" if mirrored else "window/state"

    # -- reading -----------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The interface language chosen in the View menu (ar or en); "" follows the system."""
        value = self._s.value("window/language", "")
        return value if value in ("ar", "en") else ""

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("window/language", value)

    @property
    def zoom(self) -> int:
        return int(str(self._s.value("view/zoom", 0)))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._s.setValue("view/zoom", int(value))

    @property
    def snap_to_words(self) -> bool:
        return str(self._s.value("view/snapToWords", "true")).lower() == "true"

    @snap_to_words.setter
    def snap_to_words(self, value: bool) -> None:
        self._s.setValue("view/snapToWords", "true" if value else "false")

    @property
    def annotator(self) -> str:
        """The analyst's name stored with each annotation (the login name unless set)."""
        name = str(self._s.value("annotator/name", "") or "")
        if name:
            return name
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return ""

    @annotator.setter
    def annotator(self, value: str) -> None:
        self._s.setValue("annotator/name", value.strip())

    @property
    def annotator_named(self) -> bool:
        """Whether the analyst has given a name (else the login name stands in)."""
        return bool(str(self._s.value("annotator/name", "") or ""))

    @property
    def hidden_document_columns(self) -> list[str]:
        """The document list's optional columns the analyst hid ("outlet", "published")."""
        return self._strings("documents/hiddenColumns")

    @hidden_document_columns.setter
    def hidden_document_columns(self, names: list[str]) -> None:
        self._s.setValue("documents/hiddenColumns", sorted(names))

    # -- databases ---------------------------------------------------------------------
    @property
    def recent_databases(self) -> list[str]:
        return self._strings("databases/recent")

    def _strings(self, key: str) -> list[str]:
        """A list of strings kept under `key` (empty ones left out)."""
        value = self._s.value(key, [])
        if isinstance(value, str):  # QSettings hands back a single-item list as a string
            value = [value]
        return [str(v) for v in value if v] if isinstance(value, list) else []

    def add_recent_database(self, db: str) -> None:
        db = without_password(db)  # never stored: libpq reads it from ~/.pgpass or PGPASSWORD
        recent = [db, *(d for d in self.recent_databases if d != db)][:MAX_RECENT]
        self._s.setValue("databases/recent", recent)

    def last_folder(self, kind: str) -> str | None:
        """The folder the analyst last chose a file of this kind in ("import", "export", ...)."""
        value = self._s.value(f"folders/{kind}")
        return str(value) if value else None

    def set_last_folder(self, kind: str, folder: str) -> None:
        self._s.setValue(f"folders/{kind}", folder)

    def last_document(self, db: str) -> int | None:
        value = self._s.value(f"databases/{_key(db)}/lastDocument")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_document(self, db: str, document_id: int) -> None:
        self._s.setValue(f"databases/{_key(db)}/lastDocument", int(document_id))
