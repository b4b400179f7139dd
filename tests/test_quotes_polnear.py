"""The strict quote evaluator, and the PolNeAR dev floors (the floors need ../shared/datasets; skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.evaluate.quotes import QuoteScores, evaluate_polnear, match_quotes, score_quotes
from newsprism.learn.polnear import GoldQuote, gold_kind, load_polnear
from newsprism.model import Quote, Span

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT / ".." / "shared"))
POLNEAR = SHARED / "datasets" / "quotes" / "polnear"

#: measured with ``newsprism evaluate --task quotes --polnear DIR`` on dev (docs/benchmarks.md); floors sit just
#: below: direct + mixed under the strict rule, speaker accuracy over name and description sources
F1_FLOOR = 0.84
SPEAKER_FLOOR = 0.93


def q(start: int, end: int, kind: str = "direct", *, parts: list[tuple[int, int]] | None = None) -> Quote:
    return Quote(
        article_id="a", start=start, end=end, text="", kind=kind, parts=[Span("a", a, b) for a, b in (parts or [])]
    )


# ---------------------------------------------------------------------------------------------- the rule
def test_gold_kinds() -> None:
    assert gold_kind(["“We will win.”"]) == "direct"
    assert gold_kind(["“We will win,”", "“and win big.”"]) == "direct"
    assert gold_kind(["that the election is “rigged,”"]) == "mixed"
    assert gold_kind(["“A” and “B”"]) == "mixed"
    assert gold_kind(["''It works,''"]) == "direct"
    assert gold_kind(["the plan would fail"]) == "indirect"


def test_a_fragment_does_not_match_the_whole_quote() -> None:
    # gold: that the election is "rigged," (0-31); the fragment "rigged," covers 8 of 31 characters
    gold = [GoldQuote([(0, 31)], None, "", "mixed")]
    assert match_quotes([q(22, 30)], gold) == []
    assert match_quotes([q(5, 31, "mixed")], gold) == [(0, 0)]


def test_a_prediction_far_bigger_than_the_gold_does_not_match() -> None:
    gold = [GoldQuote([(100, 140)], None, "", "direct")]
    assert match_quotes([q(0, 400)], gold) == []
    assert match_quotes([q(95, 145)], gold) == [(0, 0)]


def test_matching_is_one_to_one_best_overlap_first() -> None:
    gold = [GoldQuote([(0, 20)], None, "", "direct"), GoldQuote([(30, 50)], None, "", "direct")]
    preds = [q(0, 20), q(2, 20), q(30, 50)]
    pairs = match_quotes(preds, gold)
    assert sorted(pairs) == [(0, 0), (2, 1)]  # the second prediction of the first quote is a false positive
    scores = QuoteScores()
    score_quotes(preds, gold, scores)
    t = scores.main
    assert (t.predicted, t.gold, t.matched) == (3, 2, 2)
    assert t.precision == pytest.approx(2 / 3) and t.recall == 1.0


def test_an_interrupted_quote_matches_through_its_parts() -> None:
    gold = [GoldQuote([(0, 20), (40, 60)], None, "", "direct")]
    assert match_quotes([q(0, 20)], gold) == [(0, 0)]  # half the gold: still a match (>= 0.5 both ways)
    assert match_quotes([q(0, 60, parts=[(0, 20), (40, 60)])], gold) == [(0, 0)]
    assert match_quotes([q(0, 12)], gold) == []


def test_speaker_accuracy_names_apart_from_pronouns() -> None:
    text_gold = [
        GoldQuote([(0, 20)], (30, 35), "Sen. Clinton, a Democrat,", "direct"),
        GoldQuote([(40, 60)], (62, 64), "he", "direct"),
    ]
    a = q(0, 20)
    a.speaker, a.speaker_text = "Hillary Clinton", "She"
    b = q(40, 60)
    b.speaker, b.speaker_text, b.speaker_start, b.speaker_end = "Bill Clinton", "he", 62, 64
    scores = QuoteScores()
    score_quotes([a, b], text_gold, scores)
    t = scores.main
    assert (t.speaker_pairs, t.speaker_ok, t.pronoun_pairs, t.pronoun_ok) == (1, 1, 1, 1)


def test_indirect_quotes_are_scored_apart() -> None:
    gold = [GoldQuote([(0, 30)], None, "", "indirect"), GoldQuote([(40, 60)], None, "", "direct")]
    scores = QuoteScores()
    score_quotes([q(0, 30, "indirect"), q(40, 60)], gold, scores)
    assert scores.main.to_dict()["f1"] == 1.0 and scores.tallies["indirect"].matched == 1
    assert scores.tallies["all"].matched == 2


def test_the_test_split_is_refused() -> None:
    with pytest.raises(ValueError, match="kept back"):
        next(load_polnear(POLNEAR, "test"))


# ---------------------------------------------------------------------------------------------- PolNeAR dev
@pytest.mark.shared
@pytest.mark.skipif(not (POLNEAR / "dev").is_dir(), reason="../shared/datasets/quotes/polnear is absent")
def test_polnear_reader_finds_quotes_of_each_kind() -> None:
    docs = list(load_polnear(POLNEAR, "dev", kinds=("direct", "mixed", "indirect")))
    assert len(docs) == 84
    kinds = [g.kind for _, _, gold in docs for g in gold]
    assert 650 <= kinds.count("direct") + kinds.count("mixed") <= 760
    assert kinds.count("indirect") > 1000
    _name, text, gold = docs[0]
    for g in gold:
        assert all(0 <= a < b <= len(text) for a, b in g.ranges)


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not (POLNEAR / "dev").is_dir(), reason="../shared/datasets/quotes/polnear is absent")
def test_polnear_dev_floors() -> None:
    s = evaluate_polnear(POLNEAR, split="dev")
    assert s.split == "polnear/dev"
    assert s.f1 >= F1_FLOOR, s.to_dict()
    assert s.speaker_accuracy >= SPEAKER_FLOOR, s.to_dict()
