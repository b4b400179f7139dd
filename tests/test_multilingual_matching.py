"""The multilingual figures scorer matches gold counts to claims one to one and picks the best-fitting claim: the most
pairs first, then exact numbers over vague ranges, then the right hedge, then the right claimant."""

from __future__ import annotations

from types import SimpleNamespace

from newsprism.evaluate.metrics import best_one_to_one
from newsprism.evaluate.multilingual import DevPage, match_figures, score_page
from newsprism.model import Claim, Span


def _claim(
    start: int,
    n: float | None,
    ctype: str,
    *,
    low: float | None = None,
    high: float | None = None,
    hedge: str | None = None,
    claimant: str | None = None,
) -> Claim:
    return Claim(
        article_id="a",
        start=start,
        end=start + 3,
        text="",
        type=ctype,
        number=n,
        number_low=low if n is None else n,
        number_high=high if n is None else n,
        hedge=hedge,
        claimant=claimant,
    )


def test_best_one_to_one_maximises_the_number_of_pairs_then_their_worth() -> None:
    # greedy-first would give row 0 column 0 and leave row 1 without a column
    big = 1_000_000
    pairs = best_one_to_one({(0, 0): big + 5, (0, 1): big + 1, (1, 0): big + 1})
    assert pairs == [(0, 1), (1, 0)]
    assert best_one_to_one({(0, 0): big + 1, (0, 1): big + 9}) == [(0, 1)]
    assert best_one_to_one({}) == []


def test_the_attributed_hedged_mention_is_chosen_over_a_vague_or_bare_one() -> None:
    gold = ({"n": 820, "type": "killed", "hedge": "at least", "claimant": "the interior ministry"},)
    claims = [
        _claim(0, None, "killed", low=100, high=900),  # "hundreds" in the headline
        _claim(10, 820, "killed"),  # the headline's bare "820 dead"
        _claim(50, 820, "killed", hedge="at least", claimant="interior ministry"),
    ]
    assert match_figures(gold, claims) == [(0, 2)]
    page = DevPage("xx-test-01", "en", None, gold, (), (), ())
    score = score_page(page, SimpleNamespace(body="x" * 80, language="en"), {"claims": claims})
    assert (score.figures_found, score.hedges_ok, score.claimants_ok) == (1, 1, 1)
    assert (score.figure_predictions, score.figure_predictions_ok) == (3, 1)  # every prediction still counts


def test_a_range_serves_a_gold_count_no_exact_claim_holds() -> None:
    gold = ({"n": 300, "type": "wounded"}, {"n": 320, "type": "wounded"})
    claims = [_claim(0, None, "wounded", low=100, high=900), _claim(20, 300, "wounded")]
    assert sorted(match_figures(gold, claims)) == [(0, 1), (1, 0)]
    assert match_figures(gold, [_claim(0, 300, "killed")]) == []
    assert match_figures(gold, [_claim(0, 300, "killed")], typed=False) == [(0, 0)]


def test_a_claim_joining_repeated_mentions_serves_as_many_gold_counts_as_mentions() -> None:
    joined = _claim(0, 18, "killed")
    joined.mentions = [Span("a", 0, 3), Span("a", 40, 43)]
    twice = ({"n": 18, "type": "killed"}, {"n": 18, "type": "killed"})
    assert match_figures(twice, [joined]) == [(0, 0), (1, 0)]
    assert match_figures(twice[:1], [joined]) == [(0, 0)]
    assert match_figures(twice, [_claim(0, 18, "killed")]) == [(0, 0)]
