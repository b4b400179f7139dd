"""The frame check set on real pages (``frames_pages.yaml``): the same pages and parts as the genre check set,
every label a SemEval frame, found by its bare name, and scored from a folder of texts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from newsprism.evaluate.frames_dev import evaluate_frames_dev, load_frames_dev, load_texts
from newsprism.evaluate.genre_pages import load_genre_pages, page_part


def test_frame_pages_are_the_genre_pages_with_the_same_parts() -> None:
    items = load_frames_dev("frames_pages.yaml")
    genre = {p["id"]: p for p in load_genre_pages()}
    assert len(items) == 1113 and {i.id for i in items} == set(genre)
    for item in items:
        assert item.lang == genre[item.id]["language"] and item.source == "pages"
        assert item.part == ("tune" if page_part(item.id) == "tune" else "held"), item.id
        assert 1 <= len(item.frames) <= 5, item.id  # two second-round pages carry five angles
    assert Counter(i.part for i in items) == {"tune": 545, "held": 568}


def test_frame_pages_are_scored_from_a_folder_of_texts(tmp_path: Path) -> None:
    """A page whose text is there is scored against its labels; the others are named as missing."""
    items = load_frames_dev("frames_pages.yaml")
    item = next(i for i in items if i.id == "en-rep-01")
    (tmp_path / "en-rep-01.txt").write_text(
        "The prime minister told parliament on Monday that the election would be held in May, and the opposition "
        "party accused the government of a cynical manoeuvre.\n",
        encoding="utf-8",
    )
    texts = load_texts(items, pages=tmp_path)
    assert list(texts) == ["en-rep-01"]
    report = evaluate_frames_dev(items, texts, lambda arts: [{"Political"} for _ in arts])
    assert len(report["missing"]) == 1112
    row = report[item.part]["en"]
    assert row["n"] == 1 and row["precision"] == (1.0 if "Political" in item.frames else 0.0)
