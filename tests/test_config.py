import pytest

from newsprism.config import SETTINGS, Settings, data_dir, default_db_path
from newsprism.errors import ConfigError, UnknownComponentError


def test_defaults_env_and_overrides():
    s = Settings(env={"NEWSPRISM_FETCH_TIMEOUT": "5", "NEWSPRISM_FETCH_FULL_PAGES": "yes"}, batch_size=8)
    assert s.fetch_timeout == 5.0 and s.fetch_full_pages is True and s.batch_size == 8
    assert Settings(env={}).max_input_bytes == 50_000_000
    assert len({x.name for x in SETTINGS}) == len(SETTINGS)


def test_bad_values_and_names_are_reported():
    with pytest.raises(ConfigError, match="fetch_timeout"):
        Settings(env={"NEWSPRISM_FETCH_TIMEOUT": "soon"})
    with pytest.raises(UnknownComponentError, match="batch_size"):
        Settings(env={}, bogus=1)


def test_data_folder_and_db_follow_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path))
    monkeypatch.delenv("NEWSPRISM_DB", raising=False)
    assert data_dir() == tmp_path
    assert default_db_path() == tmp_path / "newsprism.db"
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
