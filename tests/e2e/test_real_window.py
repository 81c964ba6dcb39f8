"""`main.py` as a user starts it: offscreen, and as a real X11 window under Xvfb driven by xdotool."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.store.repository import Repository

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"
TITLE = "Annotation desk"


def wait_for(condition: Callable[[], object], timeout: float, what: str,
             proc: subprocess.Popen | None = None) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"main.py exited ({proc.returncode}) while waiting for {what}")
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def user_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a user whose settings live in tmp_path (never the real home)."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path / "home"), **extra)
    (tmp_path / "home").mkdir(exist_ok=True)
    return env


def settings_text(tmp_path: Path) -> str:
    path = tmp_path / "config" / "annotator" / "annotator.conf"
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def test_offscreen_start_imports_files_reports_bad_ones_and_closes_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "work.db"
    good = tmp_path / "report.txt"
    good.write_bytes("تقرير قصير عن حلب\r\nفيه 3 أسطر\r\n".encode())
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    err = (tmp_path / "stderr.txt").open("w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(MAIN), "--db", str(db), str(good), str(bad)],
                            cwd=ROOT, env=user_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
                            stdout=subprocess.DEVNULL, stderr=err, text=True)
    try:
        # Bad files are named on stderr just before the event loop starts.
        wait_for(lambda: "photo.txt" in (tmp_path / "stderr.txt").read_text(), 60,
                 "the report on photo.txt", proc)
        assert proc.poll() is None, "the window stays open"
        proc.send_signal(signal.SIGTERM)  # closes the window like Ctrl+Q: layout saved
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        err.close()
    stderr = (tmp_path / "stderr.txt").read_text()
    assert "Traceback" not in stderr
    assert f"{bad}: contains NUL bytes" in stderr
    repo = Repository.open(db)
    try:
        [doc] = repo.documents()  # the file given was imported; seeds only fill an empty database
        assert repo.document_text(doc.id) == good.read_bytes().decode("utf-8")  # CRLF kept
    finally:
        repo.close()
    conf = settings_text(tmp_path)
    assert "geometry=" in conf and "lastDocument=" in conf and str(db) in conf


def test_an_empty_database_gets_the_seed_article(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    proc = subprocess.Popen([sys.executable, str(MAIN), "--db", str(db)], cwd=ROOT,
                            env=user_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: db.exists() and _document_titles(db), 60, "the seeds", proc)
        proc.send_signal(signal.SIGINT)  # handled once the window's loop runs, if not before
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert "Traceback" not in err
    seeds = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert len(_document_titles(db)) == len(seeds)


def _document_titles(db: Path) -> list[str]:
    try:
        repo = Repository.open(db)
    except Exception:  # still being created by the window process
        return []
    try:
        return [d.title for d in repo.documents()]
    finally:
        repo.close()


def test_a_refused_database_gives_one_line_and_a_non_zero_status(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("a shopping list, not a database\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(MAIN), "--db", str(notes)], cwd=ROOT,
                          env=user_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "notes.db" in lines[0] and "not a SQLite database" in lines[0]
    assert notes.read_text(encoding="utf-8") == "a shopping list, not a database\n"


def test_app_run_shows_a_critical_box_for_a_refused_database(tmp_path: Path) -> None:
    """ui.app.run itself (not only the CLI's check) answers a refused database with a message box."""
    notes = tmp_path / "notes.db"
    notes.write_text("not a database", encoding="utf-8")
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMessageBox\n"
        "from annotator.ui.app import application, run\n"
        "app = application()\n"
        "seen = []\n"
        "def close_box():\n"
        "    box = QApplication.activeModalWidget()\n"
        "    if isinstance(box, QMessageBox):\n"
        "        seen.append(box.text()); box.accept()\n"
        "    else:\n"
        "        QTimer.singleShot(50, close_box)\n"
        "QTimer.singleShot(50, close_box)\n"
        "status = run(sys.argv[1], [])\n"
        "print(status, seen)\n")
    done = subprocess.run([sys.executable, "-c", script, str(notes)], cwd=ROOT,
                          env=user_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2 [") and "notes.db" in done.stdout
    assert "Traceback" not in done.stderr and "not a SQLite database" in done.stderr


# -- a real X server ------------------------------------------------------------------------
def _xcb_missing() -> str:
    """Why the xcb test cannot run here, or '' when it can."""
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (make sysdeps installs it as root)"
    from PySide6.QtCore import QLibraryInfo

    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return "Qt's xcb platform plugin is not installed"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    missing = [line.split()[0] for line in ldd.splitlines() if "not found" in line]
    return f"libraries of the xcb plugin are missing: {', '.join(missing)}" if missing else ""


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A private Xvfb on a free display number (Xvfb picks it: -displayfd); yields DISPLAY."""
    reason = _xcb_missing()
    if reason:
        pytest.skip(reason)
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24",
                               "-nolisten", "tcp"], pass_fds=(write_fd,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _xdotool(display: str, *args: str) -> str:
    return subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display},
                          capture_output=True, text=True, timeout=20).stdout.strip()


@pytest.mark.xvfb
def test_real_x11_window_tags_with_key_1_and_quits_with_ctrl_q(xvfb: str, tmp_path: Path) -> None:
    db = tmp_path / "x11.db"
    proc = subprocess.Popen([sys.executable, str(MAIN), "--db", str(db)], cwd=ROOT,
                            env=user_env(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=xvfb),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        window = wait_for(lambda: _xdotool(xvfb, "search", "--onlyvisible", "--name", TITLE), 60,
                          "the main window to be mapped", proc)
        window = str(window).split()[0]
        assert "aleppo-corridors" in _xdotool(xvfb, "getwindowname", window)
        # The first start asks the analyst's name: typed, and Return.
        asking = wait_for(lambda: _xdotool(xvfb, "search", "--onlyvisible", "--name", "^Your name"), 60,
                          "the name to be asked", proc)
        asking = str(asking).split()[0]
        _xdotool(xvfb, "windowfocus", "--sync", asking)
        _xdotool(xvfb, "type", "--delay", "20", "Salma")
        _xdotool(xvfb, "key", "Return")
        wait_for(lambda: not _xdotool(xvfb, "search", "--onlyvisible", "--name", "^Your name").strip(), 20,
                 "the name to be taken", proc)
        _xdotool(xvfb, "windowfocus", "--sync", window)
        wait_for(lambda: _xdotool(xvfb, "getwindowfocus").strip() == window, 20,
                 "the window to have the keyboard", proc)
        # Real key events through the X server: the first word of the article, then label 1.
        _xdotool(xvfb, "key", "--clearmodifiers", "ctrl+Home")
        _xdotool(xvfb, "key", "--clearmodifiers", "ctrl+shift+Left")  # next word, right to left
        _xdotool(xvfb, "key", "1")
        repo = Repository.open(db)
        try:
            doc = repo.documents()[0]
            text = repo.document_text(doc.id)
            rows = wait_for(lambda: repo.annotations(doc.id), 20, "the tag to be stored", proc)
            assert [(a.label, text[a.start:a.end], a.annotator) for a in rows] == [
                ("claim", text.split()[0], "Salma")]
        finally:
            repo.close()
        _xdotool(xvfb, "key", "--clearmodifiers", "ctrl+q")
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert "Traceback" not in err
    assert "geometry=" in settings_text(tmp_path)
