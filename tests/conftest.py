"""Shared fixtures: a real PostgreSQL server for the session (``pg_server``) and a fresh database per test (``pg_url``).

Tests using them are skipped only when the PostgreSQL binaries or psycopg are missing.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator

import pytest

from pgserver import PgServer, pg_bin, pg_server


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
