"""Honest decoding: text that is not valid in its encoding is kept with a warning naming the encoding used; messages
name the real cause; nothing raw reaches a terminal."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from newsprism.config import Settings
from newsprism.ingest import ingest
from newsprism.ingest.base import RawInput, decode_text
from newsprism.ingest.sources import read_file
from newsprism.store import open_store

TEXT = "Le maire de Besançon a présenté le budget lundi. Les élus ont voté à l'unanimité après un long débat."


def test_utf8_with_a_broken_byte_stays_utf8_with_a_warning() -> None:
    data = TEXT.encode("utf-8").replace(b"lundi", b"lun\xffdi")
    raw = RawInput("page.txt", data)
    text = decode_text(raw)
    assert "Besançon" in text and "présenté" in text and "lun\ufffddi" in text  # not re-guessed into mojibake
    assert raw.encoding == "utf-8" and raw.decoding_warning is not None
    assert "1 invalid byte sequence(s) in utf-8" in raw.decoding_warning


def test_clean_utf8_and_cp1252_are_read_without_noise() -> None:
    raw = RawInput("ok.txt", TEXT.encode("utf-8"))
    assert decode_text(raw) == TEXT and raw.decoding_warning is None
    legacy = RawInput("old.txt", (TEXT * 3).encode("cp1252"))
    assert "Besançon" in decode_text(legacy)
    assert legacy.decoding_warning and "not valid UTF-8" in legacy.decoding_warning


def test_a_declared_charset_that_does_not_fit_is_said() -> None:
    html = b'<html><head><meta charset="shift_jis"></head><body>' + TEXT.encode("utf-8") + b"</body></html>"
    raw = RawInput("p.html", html)
    assert "Besançon" in decode_text(raw)
    assert raw.encoding == "utf-8" and "shift_jis" in (raw.decoding_warning or "")


def test_the_warning_and_encoding_are_stored_with_the_article(tmp_path: Path) -> None:
    page = tmp_path / "broken.jsonl"
    good = json.dumps({"title": "Budget", "body": TEXT}, ensure_ascii=False).encode("utf-8")
    page.write_bytes(good + b"\n" + good.replace(b"lundi", b"mardi \xff\xfe") + b"\n")
    with open_store(":memory:") as store:
        rep = ingest([page], store)
        arts = sorted(store.iter_articles(), key=lambda a: "decoding" in a.meta)
    assert len(arts) == 2 and "decoding" not in arts[0].meta
    assert arts[1].meta["decoding"]["encoding"] == "utf-8" and "replaced" in arts[1].meta["decoding"]["warning"]
    assert [s for s, _ in rep.warnings] == [f"{page}:line 2"]


def test_a_gzip_over_the_size_limit_is_not_called_broken(tmp_path: Path) -> None:
    bomb = tmp_path / "page.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 3_000_000 + b"</p>"))
    with open_store(":memory:") as store:
        rep = ingest([bomb], store, settings=Settings(env={}, max_input_bytes=1_000_000))
    ((_, reason),) = rep.failed
    assert "over max_input_bytes (1,000,000)" in reason and "broken" not in reason
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(gzip.compress(b"<p>some text</p>" * 100)[:-12])
    try:
        read_file(cut, Settings(env={}))
    except Exception as exc:  # a truly truncated file is called broken
        assert "broken gzip file" in str(exc)
    else:
        raise AssertionError("a cut gzip file was read")


def _cli(args: list[str]) -> Any:
    from newsprism.cli import _load_commands, cli

    _load_commands()
    return CliRunner().invoke(cli, args)


def test_control_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    from newsprism.cli.common import clean

    evil_title = "Budget vote\x1b]0;owned window\x07 \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ \x9b2J done"
    rows = [{"title": evil_title, "body": TEXT + " \x1b[31mred\x1b[0m text.", "outlet": "Evil\x1b[2J Wire"}]
    path = tmp_path / "evil.jsonl"
    path.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert _cli(["ingest", str(path), "--db", db]).exit_code == 0
    with open_store(db) as store:
        (art,) = list(store.iter_articles())
    outputs = [
        _cli(["articles", "--db", db]).output,
        _cli(["show", art.id, "--db", db]).output,
        _cli(["search", "Budget", "--db", db]).output,
        _cli(["show", art.id, "--db", db, "--json"]).output,
    ]
    for out in outputs:
        assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out, out
    assert "Budget vote click done" in outputs[0]
    assert clean("a\x1b[1;31mb\x1b]2;t\x1b\\c\x00d\td\ne", oneline=True) == "ab cd d e".replace(" c", "c")
