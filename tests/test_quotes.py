"""Quotes: quotation-mark pairing, attribution, speakers, and the seed page's must-find quotes (no shared data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.enrich.quotes import extract_quotes, find_quote_marks
from newsprism.evaluate.quotes import names_match, read_export, run_seed, score_seed_quotes
from newsprism.evaluate.seed import seed_articles
from newsprism.model import Entity

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "kazakhstan-2022-01-12.txt"

#: the seed gold's must-find quotes (facts from the seed gold, written out here so the test needs no shared data)
SEED_GOLD: dict[str, Any] = {
    "articles": [
        {"title": "Why Kazakhstan's Crisis Matters to China", "quotes_must": []},
        {
            "title": "Was the Kazakhstan uprising an attempted Jihadi takeover?",
            "quotes_must": [
                {"speaker": "Vladimir Putin", "text_contains": "colour revolution scenario to play out"},
                {"speaker": "Xi Jinping", "text_contains": "being highly responsible for your country and your people"},
                {"speaker": "Jen Psaki", "text_contains": "crazy"},
                {"speaker": "Kassym-Jomart Tokayev", "text_contains": "foreign militants from Afghanistan and the Mideast countries"},
                {"speaker": "Central Asian Caucasus Institute", "text_contains": "no longer limited to in-country malcontents"},
            ],
        },
    ]
}  # fmt: skip


def quotes_of(nlp: Any, text: str, **kw: Any) -> list[Any]:
    return extract_quotes(text, parsed=nlp(text), **kw)


# ---------------------------------------------------------------------------------------------- marks
def test_apostrophes_are_not_single_quotes() -> None:
    text = "Kazakhstan’s leader and the protesters’ anger: ‘crazy’, she said. Don't 'worry' now."
    contents = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert contents == ["crazy", "worry"]


def test_unbalanced_mark_does_not_swallow_the_article() -> None:
    text = "He said “this never closes.\n\nLater, she said: “Short and sweet,” and left.\n\nEnd ‘here’."
    contents = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert contents == ["Short and sweet,", "here"]


def test_straight_double_quotes_with_odd_count_stay_local() -> None:
    text = 'A stray " mark here.\n"One," he said. "Two."'
    contents = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert contents == ["One,", "Two."]


def test_quote_over_paragraphs_and_doubled_apostrophes() -> None:
    text = "“First part of a long quote.\n\n“Second part,” she said.\n''It works,'' he added."
    contents = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert contents == ["First part of a long quote.", "Second part,", "It works,"]


# ---------------------------------------------------------------------------------------------- attribution
def test_split_quote_and_short_quote(nlp: Any) -> None:
    text = "“We will not leave,” said Maria Lopez, a nurse. “Never.”\n\nThe minister called the claims ‘crazy’."
    qs = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [q.text for q in qs] == ["We will not leave,", "Never.", "crazy"]
    assert [q.speaker for q in qs] == ["Maria Lopez", "Maria Lopez", "minister"]
    for q in qs:
        assert text[q.start : q.end] == q.text
        assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        assert 0 <= q.score <= 1 and q.component == "quotes.rules.v1"


def test_according_to_and_pronoun_speaker(nlp: Any) -> None:
    text = (
        "According to Senator Anna Berg, “the bill is dead.”\n\n"
        "Prime Minister John Carter spoke on Monday. He said the plan was “a disaster for families”."
    )
    qs = {q.text: q for q in quotes_of(nlp, text) if q.kind == "direct"}
    assert names_match(qs["the bill is dead."].speaker, "Anna Berg")
    q = qs["a disaster for families"]
    assert q.speaker == "John Carter" and q.speaker_text == "He"


def test_scare_quotes_are_not_speech(nlp: Any) -> None:
    text = "The Kremlin has accused ‘terrorists’ of acting with foreign agents. Note the words ‘our home’ here."
    assert [q for q in quotes_of(nlp, text) if q.kind == "direct"] == []


def test_entities_give_canonical_speakers(nlp: Any) -> None:
    text = "Tokayev made it clear that he was blaming ‘foreign militants from abroad and elsewhere’."
    ent = Entity(article_id="a", start=0, end=7, text="Tokayev", type="person", canonical="Kassym-Jomart Tokayev")
    (q,) = quotes_of(nlp, text, entities=[ent])
    assert q.speaker == "Kassym-Jomart Tokayev"


def test_indirect_quotes(nlp: Any) -> None:
    text = "Officials said that 100 businesses and banks were destroyed in the unrest."
    (q,) = quotes_of(nlp, text)
    assert q.kind == "indirect" and q.speaker == "Officials"
    assert q.text == "100 businesses and banks were destroyed in the unrest"


def test_without_a_parse_the_regex_fallback_attributes() -> None:
    text = "«Ситуация стабилизирована», заявил Токаев. “We stay,” said Putin."
    qs = extract_quotes(text, parsed=None)
    assert [(q.text, q.speaker) for q in qs] == [("Ситуация стабилизирована", "Токаев"), ("We stay,", "Putin")]


# ---------------------------------------------------------------------------------------------- the seed page
def test_seed_articles_come_from_the_text_loader_with_the_pull_quote_once() -> None:
    first, second = seed_articles(SEED)
    assert first.body.startswith("Scarcely two years") and first.body.endswith("worthy of being pursued.")
    assert second.body.endswith("may actually be telling the truth.")
    assert second.body.count("The Kremlin and Tokayev have accused ‘terrorists’") == 1


@pytest.fixture(scope="module")
def seed_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_seed(SEED, tmp_path_factory.mktemp("seed"))


def test_seed_quotes_all_found_with_evidence(seed_export: Path) -> None:
    score = score_seed_quotes(seed_export, SEED_GOLD)
    assert score.found == score.total == 5, score.misses
    bodies = {a["id"]: a["body"] for a in read_export(seed_export, "articles")}
    quotes = read_export(seed_export, "quotes")
    for q in quotes:
        assert bodies[q["article_id"]][q["start"] : q["end"]] == q["text"]
    texts = " ".join(q["text"] for q in quotes)
    assert "terrorists’ of" not in texts and "our home’" not in texts and "palace coup" not in texts
