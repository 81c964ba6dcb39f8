"""An installed copy (a built wheel, not the checkout) finds its fonts and samples and keeps
its database in the user's data folder."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cli_support import REPO_ROOT

PROBE = """
import sys
import annotator
from annotator.store.articles import seeds_folder
from annotator.store.sqlite_file import checkout_root, default_db_path
from annotator.ui import resources
print(annotator.__file__)
print(seeds_folder())
print(resources.FONTS_DIR)
print(checkout_root())
print(default_db_path())
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, installed (without its dependencies) into a folder."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(out), str(REPO_ROOT)], check=True, capture_output=True, timeout=300)
    [wheel] = out.glob("annotator-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [str(p.relative_to(REPO_ROOT)) for p in (REPO_ROOT / "annotator").rglob("*.py")
               if str(p.relative_to(REPO_ROOT)) not in names]
    assert missing == [], "modules left out of the wheel"
    target = out / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    return target


def run_installed(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ANNOTATOR_DB"}
    env.update(PYTHONPATH=str(installed), HOME=str(cwd), XDG_DATA_HOME=str(cwd / "data"),
               XDG_CONFIG_HOME=str(cwd / "config"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_an_installed_copy_finds_its_fonts_and_samples(installed: Path, tmp_path: Path) -> None:
    done = run_installed(installed, tmp_path, "-c", PROBE)
    assert done.returncode == 0, done.stderr
    module, seeds, fonts, root, db = done.stdout.splitlines()
    assert Path(module).is_relative_to(installed)  # not the checkout's copy
    assert sorted(p.name for p in Path(seeds).glob("*.txt")) == \
        sorted(p.name for p in (REPO_ROOT / "seeds").glob("*.txt"))
    assert Path(seeds).is_relative_to(installed) and Path(fonts).is_relative_to(installed)
    assert (Path(fonts) / "NotoNaskhArabic-Regular.ttf").is_file()
    assert (Path(fonts) / "OFL.txt").is_file()
    assert root == "None" and db == str(tmp_path / "data" / "annotator" / "annotations.db")


def test_the_installed_command_opens_the_sample_in_the_user_data_folder(installed: Path,
                                                                       tmp_path: Path) -> None:
    done = run_installed(installed, tmp_path, "-m", "annotator", "export", "--out",
                         str(tmp_path / "out.csv"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "annotator" / "annotations.db").is_file()
    # The window (offscreen) seeds an empty database with the samples, then Ctrl+Q-like close.
    script = ("import sys\nfrom PySide6.QtCore import QTimer\n"
              "from annotator.ui.app import application, run\n"
              "app = application()\nQTimer.singleShot(0, app.closeAllWindows)\n"
              "sys.exit(run(sys.argv[1], []))\n")
    db = tmp_path / "data" / "annotator" / "annotations.db"
    done = run_installed(installed, tmp_path, "-c", script, str(db))
    assert done.returncode == 0, done.stderr
    import sqlite3
    con = sqlite3.connect(db)
    titles = [r[0] for r in con.execute("SELECT title FROM document")]
    con.close()
    assert titles == [p.stem for p in sorted((REPO_ROOT / "seeds").glob("*.txt"))]
