"""The genre check set's annotations (texts are not shipped): every page has a label, its evidence and its text's
identity, ids are unique, and each language has pages of both labels."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

SET = Path(__file__).resolve().parents[1] / "src/newsprism/evaluate/resources/genre_pages.yaml"
#: the languages of the first round (the pages the frame and technique sets annotate)
ROUND_1 = {"en", "fr", "de", "it", "es", "pl", "ru", "el"}
ROUND_2 = {"nl", "sv", "fi", "hu", "tr", "uk", "pt", "ar"}
#: the third round's languages: the archive holds few opinion pages there (ky and az: none)
ROUND_3 = {"bg", "hy", "ka", "fa", "kk", "ky", "uz", "az"}
#: the fourth round: the languages with cue lists and no page yet, and more pages where the set was thin
ROUND_4 = {"zh", "ja", "ko"}
#: the fifth round (2026-12-07): 168 more pages where the set was thin or its languages under a floor
ROUND_5 = {"ru", "kk", "uz", "ky", "ka", "zh", "ar", "uk", "hu", "en", "fr", "de", "it", "pl"}
#: the sixth round (2026-12-07): the six languages of the reviewers' first measurement, Georgian and Chinese
ROUND_6 = {"en", "fr", "de", "it", "pl", "ru", "ka", "zh"}
#: the seventh round (2026-12-07, a later session): eight pages in each of 16 languages whose figures were old
ROUND_7 = {"es", "pt", "tr", "az", "ja", "ko", "fa", "hy", "bg", "el", "sv", "nl", "fi", "pl", "ka", "uk"}
#: the eighth round (same session): eight pages in each of 16 languages, kept unread as the session's final check
ROUND_8 = {"en", "fr", "de", "it", "ru", "kk", "zh", "ar", "hu", "uz", "es", "pl", "tr", "fa", "ja", "ko"}
#: the ninth round (same session): eight pages in each of 16 languages, collected after the session's first changes
ROUND_9 = {"ru", "uk", "de", "hu", "ar", "fa", "it", "pt", "el", "bg", "nl", "sv", "fi", "hy", "en", "zh"}


def test_genre_pages_are_labelled_with_their_evidence() -> None:
    pages = yaml.safe_load(SET.read_text(encoding="utf-8"))["pages"]
    assert len(pages) == 1113
    assert len({p["id"] for p in pages}) == len(pages)
    for p in pages:
        assert p["label"] in {"opinion", "reporting"}, p["id"]
        assert p["id"].startswith(f"{p['language']}-{'op' if p['label'] == 'opinion' else 'rep'}-"), p["id"]
        assert p["evidence"].strip() and p["url"].startswith("http"), p["id"]
        assert re.fullmatch(r"[0-9a-f]{64}", p["sha256"]) and 0 < int(p["chars"]) <= 5001, p["id"]
    both = Counter((p["language"], p["label"]) for p in pages)
    assert {lang for lang, _ in both} == {*ROUND_1, *ROUND_2, *ROUND_3, *ROUND_4}
    assert all(both[(lang, "opinion")] >= 3 and both[(lang, "reporting")] >= 5 for lang in ROUND_1 | ROUND_2 | ROUND_4)
    assert all(both[(lang, "reporting")] >= 2 for lang in ROUND_3)
    assert {p["language"] for p in pages[465:633]} == ROUND_5
    assert {p["language"] for p in pages[633:729]} == ROUND_6
    assert {p["language"] for p in pages[729:857]} == ROUND_7 and len(pages[729:857]) == 128
    assert {p["language"] for p in pages[857:985]} == ROUND_8 and len(pages[857:985]) == 128
    assert {p["language"] for p in pages[985:]} == ROUND_9 and len(pages[985:]) == 128


def test_genre_pages_are_scored_from_a_folder_of_texts(tmp_path: Path) -> None:
    """Only pages whose text is in the folder are scored; the rest are named as missing."""
    from newsprism.evaluate.genre_pages import evaluate_genre_pages, main

    (tmp_path / "en-rep-01.txt").write_text(
        "LONDON, May 3 (Reuters) - The ministry said on Monday that 12 people were detained, police said.\n",
        encoding="utf-8",
    )
    report = evaluate_genre_pages(tmp_path)
    assert len(report["missing"]) == 1112 and "en-rep-01" not in report["missing"]
    assert list(report["languages"]) == ["en"] and report["all"]["n"] == 1
    assert main([str(tmp_path / "empty")]) == 1


def test_genre_pages_parts_are_fixed_by_id() -> None:
    """The tune and check parts never change with the order of the file: 228 and 237 pages before the fifth
    round, 313 and 320 with it, 356 and 373 with the sixth, 413 and 444 with the seventh, 481 and 504 with the
    eighth, 545 and 568 with the ninth (69 and 84 of the first round), every language in both."""
    from newsprism.evaluate.genre_pages import evaluate_genre_pages, load_genre_pages, page_part

    parts = Counter(page_part(p["id"]) for p in load_genre_pages())
    assert parts == {"tune": 545, "check": 568}
    assert Counter(page_part(p["id"]) for p in load_genre_pages()[:985]) == {"tune": 481, "check": 504}
    assert Counter(page_part(p["id"]) for p in load_genre_pages()[:857]) == {"tune": 413, "check": 444}
    assert Counter(page_part(p["id"]) for p in load_genre_pages()[:729]) == {"tune": 356, "check": 373}
    assert Counter(page_part(p["id"]) for p in load_genre_pages()[:633]) == {"tune": 313, "check": 320}
    assert Counter(page_part(p["id"]) for p in load_genre_pages()[:465]) == {"tune": 228, "check": 237}
    pages = load_genre_pages()
    first = Counter(page_part(p["id"]) for p in pages[:153])  # the first round is the file's first 153 pages
    assert {p["language"] for p in pages[:153]} == ROUND_1 and first == {"tune": 69, "check": 84}
    assert page_part("en-rep-01") == page_part("en-rep-01")
    by_part = {(page_part(p["id"]), p["language"]) for p in load_genre_pages()}
    assert all((part, lang) in by_part for part in ("tune", "check") for lang in ("en", "ru", "el", "pl"))
    assert evaluate_genre_pages(Path("/nonexistent"), part="check")["part"] == "check"
