"""Shared fixtures: a real PostgreSQL server for the session (``pg_server``) and a fresh database per test (``pg_url``).

Tests using them are skipped only when the PostgreSQL binaries or psycopg are missing.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pgserver import PgServer, pg_bin, pg_server


def pytest_configure(config: pytest.Config) -> None:
    """Tests never read or write the user's data folder (aliases, frames, models, caches): they get their own,
    kept between runs in ``.pytest-home/`` so caches such as the built gazetteer are made once."""
    home = Path(__file__).resolve().parents[1] / ".pytest-home"
    home.mkdir(exist_ok=True)
    os.environ["NEWSPRISM_HOME"] = str(home)
    os.environ.pop("NEWSPRISM_DB", None)
    os.environ.pop("NEWSPRISM_ALIASES_FILES", None)


@pytest.fixture
def store() -> Iterator[Any]:
    """A fresh in-memory SQLite store (test modules that need another kind define their own)."""
    from newsprism.store import open_store

    with open_store(":memory:") as s:
        yield s


@pytest.fixture(scope="module")
def res() -> Any:
    """Resources shared by the tests of one module (models and data load once)."""
    from newsprism.pipeline import Resources

    return Resources()


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The English spaCy pipeline the stages use (loaded once per test session)."""
    from newsprism.enrich.nlp import load_nlp
    from newsprism.pipeline import Resources

    model = load_nlp(Resources(), "en")
    if model is None:
        pytest.skip("no English spaCy model installed")
    return model


@pytest.fixture(scope="session")
def pg_session_server() -> Iterator[PgServer]:
    if pg_bin() is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found")
    if importlib.util.find_spec("psycopg") is None:
        pytest.skip("psycopg is not installed")
    with pg_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_session_server: PgServer) -> Iterator[str]:
    """``postgresql://...`` of a new, empty database on the test server (dropped afterwards)."""
    url = pg_session_server.create_database()
    yield url
    pg_session_server.drop_database(url)
