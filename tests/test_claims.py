"""Numeric claims and number parsing, with the seed page's must-find counts (no shared data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.enrich.claims import extract_claims
from newsprism.enrich.numbers import find_numbers, words_value
from newsprism.evaluate.claims import score_seed_claims
from newsprism.evaluate.quotes import read_export, run_seed

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "kazakhstan-2022-01-12.txt"

#: the seed gold's counts (facts from the seed gold, written out so the test needs no shared data)
SEED_GOLD: dict[str, Any] = {
    "articles": [
        {
            "title": "Why Kazakhstan's Crisis Matters to China",
            "counts_must": [],
            "counts_must_not": [
                {"number": 2019, "why": "year"},
                {"number": 2013, "why": "year"},
                {"number": 2005, "why": "year"},
                {"number": 1, "why": "footnote mark [1]"},
            ],
        },
        {
            "title": "Was the Kazakhstan uprising an attempted Jihadi takeover?",
            "counts_must": [
                {"number": 100, "object_contains": "businesses", "attributed_to": "officials"},
                {"number": 400, "object_contains": "vehicles", "attributed_to": "officials"},
                {"number": 7, "object_contains": "policemen", "attributed_to": "officials"},
                {"number": 8000, "object_contains": "people", "attributed_to": "officials"},
                {"number": 164, "object_contains": "civilians", "attributed_to": "officials", "hedge": "Some"},
                {"number": 2500, "object_contains": "troops"},
                {"number": 19, "object_contains": "cities"},
                {"number": 863, "object_contains": "returnees", "attributed_to": "Kyrgyzstan officials"},
                {"number": 60, "object_contains": "attacks", "hedge": "More than"},
            ],
            "counts_must_not": [
                {"number": 1941, "why": "book title"},
                {"number": 1945, "why": "book title"},
                {"number": 2019, "why": "year"},
                {"number": 2020, "why": "year"},
            ],
        },
    ]
}


def claims_of(nlp: Any, text: str) -> list[Any]:
    out = extract_claims(text, parsed=nlp(text))
    for c in out:
        assert text[c.start : c.end] == c.text and 0 <= c.score <= 1
    return out


def test_number_words_and_shapes() -> None:
    assert words_value("eight thousand") == 8000
    assert words_value("двести двадцать пять") == 225
    assert words_value("девять тысяч девятьсот") == 9900
    found = {
        n.text: n for n in find_numbers("2.5 million people, dozens of police, The Pacific War 1941-1945 [1] 6 January")
    }
    assert found["2.5 million"].value == 2_500_000
    assert (found["dozens"].low, found["dozens"].high) == (24, 99) and found["dozens"].value is None
    assert found["1941"].shape == "range" and "1945" not in found
    assert found["1"].shape == "footnote" and found["6"].shape == "date"
    shapes = {n.text: n.shape for n in find_numbers("an 80-19 vote, a 52-count complaint, a 2,500-strong force")}
    assert shapes == {"80": "range", "52": "modifier", "2,500": "count"}


def test_tallies_and_lone_numbers_are_not_claims(nlp: Any) -> None:
    text = (
        "The Senate’s 80-19 vote and a 52-count complaint. Six women and six men vied for the post, but "
        "the front-runners left."
    )
    got = [(c.number, c.object) for c in claims_of(nlp, text)]
    assert got == [(6, "women"), (6, "men")]


def test_officials_claimant_carries_through_the_paragraph(nlp: Any) -> None:
    text = (
        "Officials have reported that 100 businesses and banks were destroyed along with 400 vehicles. "
        "Seven policemen died and hundreds more were wounded; 8,000 people have been arrested. "
        "Some 164 civilians were killed.\n\nAt least 20 soldiers died, the Defence Ministry said."
    )
    got = {(c.number, c.number_low): c for c in claims_of(nlp, text)}
    assert got[(100, 100)].type == "destroyed" and got[(100, 100)].object == "businesses and banks"
    assert got[(400, 400)].type == "destroyed" and got[(400, 400)].object == "vehicles"
    assert got[(7, 7)].type == "killed" and got[(8000, 8000)].type == "arrested"
    assert got[(None, 200)].type == "wounded" and got[(None, 200)].number_high == 999
    assert got[(164, 164)].hedge == "Some" and got[(164, 164)].type == "killed"
    assert {c.claimant for k, c in got.items() if k != (20, 20)} == {"Officials"}
    assert got[(20, 20)].claimant == "Defence Ministry" and got[(20, 20)].hedge == "At least"


def test_according_to_claimants(nlp: Any) -> None:
    text = (
        "At least 225 people were killed, according to the Health Ministry. According to Kazakh "
        "officials, 9,900 people were detained."
    )
    got = [(c.type, c.number, c.claimant, c.hedge) for c in claims_of(nlp, text)]
    assert got == [("killed", 225, "Health Ministry", "At least"), ("arrested", 9900, "Kazakh officials", None)]


def test_death_tolls_and_included_counts(nlp: Any) -> None:
    text = (
        "The death toll rose to 225, the health ministry said on Sunday. Officials said 227 people "
        "died, including 19 police officers."
    )
    got = [(c.type, c.number, c.object, c.claimant, c.when) for c in claims_of(nlp, text)]
    assert got == [
        ("killed", 225, "deaths", "health ministry", "Sunday"),
        ("killed", 227, "people", "Officials", None),
        ("killed", 19, "police officers", "Officials", None),
    ]


def test_troops_actor_and_non_counts(nlp: Any) -> None:
    text = (
        "By sending 2,500 troops to help defend Kazakhstan, Putin has validated his alliance. "
        "In 2019 about 20 per cent of the population voted; he ruled for 29 years, 1,500 miles away."
    )
    claims = claims_of(nlp, text)
    assert [(c.type, c.number, c.actor) for c in claims] == [("troops", 2500, "Putin")]


def test_russian_patterns() -> None:
    text = (
        "По данным МВД, погибли 225 человек, задержаны 9900. Прибыли около 2030 военнослужащих. Погибли "
        "двести двадцать пять человек."
    )
    claims = extract_claims(text, lang="ru")
    got = [(c.type, c.number, c.hedge, c.claimant) for c in claims]
    assert got == [
        ("killed", 225, None, "МВД"),
        ("arrested", 9900, None, "МВД"),
        ("troops", 2030, "about", "МВД"),
    ]
    # the figure said twice (in digits, then in words) is one claim with both mentions as evidence
    assert [text[m.start : m.end] for m in claims[0].mentions] == ["225 человек", "двести двадцать пять человек"]


@pytest.fixture(scope="module")
def seed_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_seed(SEED, tmp_path_factory.mktemp("seed"))


def test_seed_counts(seed_export: Path) -> None:
    score = score_seed_claims(seed_export, SEED_GOLD)
    assert score.found == score.total == 9, score.misses
    assert score.wrong == 0, score.misses
    bodies = {a["id"]: a["body"] for a in read_export(seed_export, "articles")}
    for c in read_export(seed_export, "claims"):
        assert bodies[c["article_id"]][c["start"] : c["end"]] == c["text"]
        assert c["component"] == "claims.rules.v1"


def test_english_types_by_counted_noun_and_claimants_never_pronouns_or_datelines(nlp: Any) -> None:
    got = [(c.type, c.number, c.subject) for c in claims_of(nlp, "Security forces kill 76 protesters in the capital.")]
    assert got == [("killed", 76, "protesters")]
    text = "MOSCOW, Jan 7 (Reuters) - At least 26 protesters were killed, the ministry said."
    assert [c.claimant for c in claims_of(nlp, text)] != ["MOSCOW"]
    assert [c.claimant for c in claims_of(nlp, "It said 40 people were detained on Friday.")] == [None]
    assert claims_of(nlp, "225 A free daily digest of the news.") == []
    assert claims_of(nlp, "Officials said 201,852202,965 people were killed.") == []


def test_english_parse_completed_by_window_rules(nlp: Any) -> None:
    text = (
        "At least 5,300 individuals are believed to be killed, the interior ministry said. "
        "Another 10,000 are still missing."
    )
    got = [(c.type, c.number, c.hedge) for c in claims_of(nlp, text)]
    assert got == [("killed", 5300, "At least"), ("missing", 10000, None)]
