"""Speakers in the multilingual evaluation: the annotation format (a string or ``{text, speaker}``), the head-word
rule that says a predicted speaker is the gold one, and the one-to-one counts of a scored page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from newsprism.evaluate.multilingual import (
    DevPage,
    LanguageScore,
    _score_speakers,
    load_devset,
    match_quotes,
    speaker_head,
    speaker_matches,
)
from newsprism.model import Quote

GOLD = """
- id: t-01
  lang: tr
  figures: []
  quotes:
  - {text: Bu karar kesin, speaker: Fuat Oktay}
  - Depremde hayatını
  - {text: Hepimiz buradayız, speaker: null}
"""


def test_quotes_may_carry_their_speaker(tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(GOLD, encoding="utf-8")
    (page,) = load_devset(gold)
    assert page.quotes == ("Bu karar kesin", "Depremde hayatını", "Hepimiz buradayız")
    assert page.quote_speakers == ("Fuat Oktay", None, None)


def test_shipped_sets_annotate_speakers_of_their_quotes() -> None:
    for name in ("dev", "fresh"):
        pages = load_devset(gold_set=name)
        for p in pages:
            assert len(p.quote_speakers) == len(p.quotes), p.id
        assert sum(s is not None for p in pages for s in p.quote_speakers) >= 10, name


@pytest.mark.parametrize(
    ("gold", "head"),
    [
        ("Fuat Oktay", "oktay"),
        ("le ministre de l'Intérieur", "ministre"),
        ("Түркия басшысы", "басшысы"),
        ("the head of AFAD", "head"),
        ("エルドアン", "エルドアン"),
        ("der Minister", "minister"),  # an article opening the phrase is no complement
        ("el presidente del Gobierno", "presidente"),
    ],
)
def test_head_of_a_speaker_phrase(gold: str, head: str) -> None:
    assert speaker_head(gold) == head


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        ("Oktay", "Fuat Oktay", True),
        ("Эрдогана", "Эрдоган", True),  # an inflected form of the name
        ("Erdoğan'ın", "Erdoğan", True),
        ("Клименко", "Ігор Клименко", True),
        ("Түркия", "Түркия басшысы", False),  # Turkey is not Turkey's head
        ("Türkiye basşısı", "Орхан Татар", False),
        ("土耳其副總統奧克塔伊", "奧克塔伊", True),
        ("他", "奧克塔伊", False),  # a pronoun left unresolved
        ("エルドアン大統領", "エルドアン", True),
        (None, "Erdogan", False),
        ("Erdem", "Erdogan", False),  # a shared start is not a shared stem
    ],
)
def test_speaker_matches(predicted: str | None, gold: str, right: bool) -> None:
    assert speaker_matches((predicted,), gold) is right


def _quote(body: str, words: str, speaker: str | None) -> Quote:
    start = body.index(words)
    return Quote(article_id="a", start=start, end=start + len(words), text=words, speaker=speaker)


def test_speakers_of_a_page_are_counted_over_one_to_one_matches() -> None:
    body = "«Мы справимся», — заявил Токаев. «Помощь уже в пути», — сказал министр. «Ещё одна цитата», — добавил он."
    page = DevPage(
        id="t-02",
        lang="ru",
        url=None,
        figures=(),
        people=(),
        places=(),
        quotes=("Мы справимся", "Помощь уже в пути", "Не найдено"),
        quote_speakers=("Токаев", "министр", "Сидоров"),
    )
    quotes = [
        _quote(body, "Мы справимся", "Токаева"),
        _quote(body, "Помощь уже в пути", "Токаев"),  # matched, wrong speaker
        _quote(body, "Ещё одна цитата", "Сидоров"),  # no gold quote: not counted
    ]
    assert match_quotes(body, page.quotes, quotes) == [(0, 0), (1, 1)]
    s = LanguageScore("ru")
    _score_speakers(s, page, body, quotes)
    assert (s.quotes_matched, s.speakers, s.speakers_matched, s.speakers_ok) == (2, 3, 2, 1)
    d = s.as_dict()
    assert d["speaker_accuracy"] == 0.5 and d["speaker_recall"] == pytest.approx(0.3333, abs=1e-4)
    assert any("speaker министр" in m for m in s.misses) and any("Сидоров" in m for m in s.misses)


def test_one_prediction_serves_one_gold_quote() -> None:
    body = "„Wir helfen. Wir bleiben“, sagte Scholz."
    quote = SimpleNamespace(start=1, end=25, parts=None)
    assert len(match_quotes(body, ("Wir helfen", "Wir bleiben"), [quote])) == 1
