"""The multilingual development set: its annotations are well formed, and its scorer counts what the pipeline finds
(one-to-one figures, the overlap rule on names) on a page written for this test."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsprism.evaluate.multilingual import DevPage, evaluate_pages, load_devset

LANGUAGES = set(
    [
        "en",
        "ru",
        "zh",
        "kk",
        "uk",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "pl",
        "tr",
        "ar",
        "fa",
        "az",
        "ky",
        "uz",
        "hu",
        "fi",
        "sv",
        "nl",
        "el",
        "hy",
        "ja",
        "ko",
    ]
)


def test_devset_covers_the_languages_with_annotations_and_no_text() -> None:
    pages = load_devset()
    langs = Counter(p.lang for p in pages)
    assert set(langs) >= LANGUAGES, LANGUAGES - set(langs)
    assert len({p.id for p in pages}) == len(pages)
    for p in pages:
        assert p.sha256 and len(p.sha256) == 64
        assert p.figures, p.id
        for g in p.figures:
            assert g["type"] in {"killed", "wounded", "missing", "displaced", "destroyed", "arrested"}
            assert float(g["n"]) > 0
            assert g.get("hedge") in {None, "at least", "more than", "about", "nearly", "up to"}
    assert sum(len(p.figures) for p in pages) >= 200


@pytest.mark.slow
def test_scorer_counts_one_to_one(tmp_path: Path) -> None:
    text = (
        "Floods in the Po valley killed at least 12 people, the regional civil protection agency said on Monday. "
        "Another 40 people were injured, Governor Maria Rossi told reporters in Bologna."
    )
    (tmp_path / "t-1.txt").write_text(text, encoding="utf-8")
    page = DevPage(
        id="t-1",
        lang="en",
        url="https://devset.invalid/t-1",
        figures=(
            {"n": 12, "type": "killed", "hedge": "at least"},
            {"n": 40, "type": "wounded"},
            {"n": 12, "type": "killed"},  # the same number twice: one claim can serve only one gold count
        ),
        people=("Maria Rossi",),
        places=("Bologna", "Po valley"),
        quotes=(),
    )
    per_lang, total, missing = evaluate_pages([page], tmp_path)
    assert missing == []
    assert total.pages == 1 and total.language_ok == 1
    assert total.figures == 3 and total.figures_found == 2
    assert total.people_found == 1
    assert total.places_found >= 1
    assert per_lang["en"].figures_found == 2
