"""Test-wide set-up: Qt runs without a display (offscreen) unless a test asks for Xvfb."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A private PostgreSQL server for the whole run (bench/pg_server.py). Without Debian's
    `postgresql` package or psycopg the PostgreSQL tests skip, except in CI, where they must run."""
    import sys
    from importlib.util import find_spec
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `bench` is a folder of the checkout
    from bench.pg_server import running

    if find_spec("psycopg") is None:
        reason = "PostgreSQL tests need psycopg (pip install -e '.[test]')"
    else:
        with running() as server:
            if server is not None:
                yield server
                return
        reason = "PostgreSQL tests need Debian's postgresql package (make test installs it as root)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)
