"""`annotator show`, help for every subcommand, and what opens the window."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import REPO_ROOT, SEEDS, cli, one_line_error

from annotator.cli import COMMANDS, main
from annotator.core.text import read_document
from annotator.store.repository import Repository


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help_and_db(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert "--db DB" in capsys.readouterr().out


def test_the_console_script_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("annotator")
    if not script.exists():
        pytest.skip("the console script is not installed beside this Python")
    result = subprocess.run([script, "--help"], capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0
    assert all(c in result.stdout for c in COMMANDS)
    assert "Without a subcommand" in result.stdout


def test_a_wrong_subcommand_is_a_usage_error() -> None:
    result = cli("exprot", "--out", "x.csv")
    assert result.returncode == 2 and "invalid choice: 'exprot'" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_subcommand_and_main_py_go_to_the_window(tmp_path: Path) -> None:
    # A refused database stops before any window opens, which shows where each entry point went.
    bad = tmp_path / "x.db"
    bad.write_text("plain text, not a database")
    expected = f"{bad}: not a SQLite database (unrecognised file header)"
    assert one_line_error(cli("--db", bad)) == expected
    result = subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--db", str(bad)],
                            capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert one_line_error(result) == expected


@pytest.fixture
def tagged_db(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "a.db"
    repo = Repository.open(db)
    info, _ = repo.add_document(read_document(SEEDS / "aleppo-corridors.txt"))
    text = repo.document_text(info.id)
    labels = {lab.name: lab.id for lab in repo.labels()}
    claim = text.index("وقال شويغو إن عدد هذه الممرات يبلغ 3") + 1
    three = text.index("3", claim)
    repo.create_annotation(info.id, labels["claim"], claim, three + 1, note="Shoigu")
    repo.create_annotation(info.id, labels["figure"], three, three + 1)
    repo.close()
    return db, text


def test_show_marks_spans_in_logical_order(tagged_db: tuple[Path, str]) -> None:
    db, text = tagged_db
    result = cli("show", "--db", db, "1")
    assert result.returncode == 0 and result.stderr == ""
    out = result.stdout
    assert out.startswith(f"aleppo-corridors\n#1 · {len(text)} characters · utf-8 · 2 annotation(s)\n\n")
    assert "و⟦قال شويغو إن عدد هذه الممرات يبلغ ⟦3⟧²⟧¹، اضافة" in out
    assert "\n   1  claim  " in out and "  Shoigu\n" in out and "\n   2  figure  " in out


def test_show_visual_shapes_and_reorders(tagged_db: tuple[Path, str]) -> None:
    db, _ = tagged_db
    result = cli("show", "--db", db, "1", "--visual", "--width", "60")
    assert result.returncode == 0
    body = result.stdout.split("\n\n")[1].splitlines()
    assert body and all(len(line) <= 60 for line in body)
    assert not any("\u0621" <= c <= "\u064a" for c in "".join(body))  # letters in presentation forms
    assert "ﺖﻟﺎﻗ" in body[0]  # قالت, joined, read right to left


def test_show_unknown_document(tagged_db: tuple[Path, str]) -> None:
    db, _ = tagged_db
    assert one_line_error(cli("show", "--db", db, "7")) == f"{db}: no document with id 7"


def test_show_and_import_print_hostile_text_harmlessly(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text("عنوان \x1b[2J الخبر \u202eمقلوب\u202c هنا\n\nقال الوزير إن 3 ممرات فتحت.\n",
                       encoding="utf-8")
    db = tmp_path / "a.db"
    imported = cli("import", "--db", db, article)
    assert imported.stdout.startswith("1\tعنوان ␛[2J الخبر ⟨RLO⟩مقلوب⟨PDF⟩ هنا\t")
    shown = cli("show", "--db", db, "1").stdout
    assert "\x1b" not in shown and "\u202e" not in shown and "⟨RLO⟩مقلوب⟨PDF⟩" in shown


@pytest.mark.parametrize("display, reason", [
    (None, "no display to open the window on ($DISPLAY is not set)"),
    (":93", "cannot connect to the X display ':93'"),
])
def test_the_window_without_a_usable_display_is_one_line_not_an_abort(
        tmp_path: Path, display: str | None, reason: str) -> None:
    import os

    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "ANNOTATOR_DB")}
    if display:
        env["DISPLAY"] = display
    done = subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--db", str(tmp_path / "a.db")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("annotator: cannot open the window: ") and reason in line


def test_make_run_stops_with_the_command_to_run_when_the_window_cannot_open() -> None:
    """Without Qt's X11 libraries `make run` names the fix instead of letting Qt abort."""
    import os
    import shutil

    if shutil.which("make") is None or shutil.which("ldconfig") is None:
        pytest.skip("make or ldconfig is not installed")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(["make", "-s", "window-deps", "XCB_LIBS=libnot-a-real-library.so.0",
                           "SYSDEPS=Makefile"], cwd=REPO_ROOT, capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode != 0
    assert done.stderr.splitlines()[0] == ("make run: the window needs libnot-a-real-library.so.0;"
                                           " install them with: sudo make sysdeps")
