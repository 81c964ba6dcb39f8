"""The layering rule: core and store import without Qt; core imports without SQLAlchemy."""
import os
import subprocess
import sys

import pytest

PROBE = ("import sys, importlib\n"
         "for name in sys.argv[2:]:\n"
         "    importlib.import_module(name)\n"
         "bad = [m for m in sys.modules if m.split('.')[0] in sys.argv[1].split(',')]\n"
         "print(','.join(sorted(bad)))\n")


@pytest.mark.parametrize(("modules", "forbidden"), [
    (["annotator.core.text", "annotator.core.offsets", "annotator.core.spans",
      "annotator.core.csvio"], "PySide6,shiboken6,sqlalchemy,alembic"),
    (["annotator.store.repository", "annotator.store.database", "annotator.cli"],
     "PySide6,shiboken6"),
])
def test_layers_import_without_forbidden_packages(modules: list[str], forbidden: str) -> None:
    out = subprocess.run([sys.executable, "-c", PROBE, forbidden, *modules],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"{modules} pulled in {out}"


def test_the_window_links_one_sqlite_library() -> None:
    """Qt's SQL module carries its own SQLite: two copies in one process lose each other's locks."""
    probe = ("import sys, annotator.ui.app, annotator.ui.main_window, annotator.cli\n"
             "print(','.join(m for m in sys.modules if m.startswith('PySide6.QtSql')))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, env={**os.environ,
                                          "QT_QPA_PLATFORM": "offscreen"}).stdout.strip()
    assert out == ""
