"""Tokens, lemmas and cue phrases across languages (sentences written for these tests)."""

from __future__ import annotations

import pytest

from newsprism.enrich.lemmas import CueMatcher, Lemmatizer, tokenize


@pytest.fixture(scope="module")
def lem() -> Lemmatizer:
    return Lemmatizer()


def test_offsets_index_the_text(lem: Lemmatizer) -> None:
    text = "Die Polizei hat gestern 40 Demonstranten festgenommen."
    for tok in lem.tokenize(text, "de"):
        assert text[tok.start : tok.end] == tok.text
    assert [t.lemma for t in lem.tokenize(text, "de")][-1] == "festnehmen"


@pytest.mark.parametrize(
    ("lang", "text", "cues", "label", "found"),
    [
        ("ru", "По сообщению МВД, задержаны сорок человек.", [("arrested", "задержать")], "arrested", "задержаны"),
        ("uk", "Поліція затримала двадцять осіб.", [("arrested", "затримати")], "arrested", "затримала"),
        ("de", "Mehr als 300 Menschen wurden verletzt.", [("hedge", "mehr als")], "hedge", "Mehr als"),
        (
            "es",
            "Fueron detenidos unos cincuenta manifestantes.",
            [("arrested", "detener"), ("arrested", "detenido")],
            "arrested",
            "detenidos",
        ),
        ("tr", "Yüzlerce kişi gözaltına alındı.", [("arrested", "gözaltı*")], "arrested", "gözaltına"),
        ("zh", "警方称有三十人被捕。", [("arrested", "被捕")], "arrested", "被捕"),
        ("ko", "경찰은 서른 명이 체포됐다고 밝혔다.", [("arrested", "체포*")], "arrested", "체포됐다고"),
    ],
)
def test_cues_match_inflected_forms(
    lem: Lemmatizer, lang: str, text: str, cues: list[tuple[str, str]], label: str, found: str
) -> None:
    matcher = CueMatcher(cues, lang, lemmas=lem)
    matches = matcher.find(lem.tokenize(text, lang), text)
    assert [(m.label, text[m.start : m.end]) for m in matches] == [(label, found)]


def test_a_phrase_needs_its_words_in_order(lem: Lemmatizer) -> None:
    matcher = CueMatcher([("claim", "по данным")], "ru", lemmas=lem)
    assert matcher.find(lem.tokenize("Данным по городу верить нельзя.", "ru")) == []


def test_language_without_lemmatiser_keeps_folded_words() -> None:
    toks = tokenize("Алматыда ТОҚАЕВ сөйледі", "kk")
    assert [t.lemma for t in toks] == ["алматыда", "тоқаев", "сөйледі"]
