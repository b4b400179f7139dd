"""The learned opinion/reporting weights of the genre detector: features on sentences written for these tests, the
distant labels of AllSides URLs, the fitting code, the shipped weight file, and a floor on AllSides valid."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsprism.enrich.genre import classify_genre, genre_features, load_genre_model
from newsprism.enrich.genre_style import load_style_weights
from newsprism.errors import ConfigError
from newsprism.evaluate.genre_allsides import allsides_genre_set, distant_genre, evaluate_genre_set, genre_report
from newsprism.learn.genre_style import STYLE_FEATURES, choose_threshold, fit_logistic, macro_f1_at
from newsprism.model import Article

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = Path(os.environ.get("NEWSPRISM_SHARED") or ROOT / "../shared") / "datasets" / "allsides-articles"

OPINION = (
    "I have watched this council for ten years, and I have never seen anything so shameful. Why should we pay "
    "for their mistakes? The mayor must resign. You deserve better, and so do your children. But of course "
    "nobody at city hall will listen!"
)
REPORT = (
    "The city council voted 7-2 on Tuesday to raise the parking fee to $4.50, officials said. “The money will "
    "repair 12 bridges,” the mayor told reporters, according to a statement. The fee takes effect on March 1, "
    "the council said on Wednesday."
)


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load_genre_model()


def test_pronouns_and_quotes_are_counted_outside_quotations(model) -> None:  # type: ignore[no-untyped-def]
    a = Article(id="q", title="t", body="“I think we will win,” the coach said. The US team left on Monday.")
    f = genre_features(a, model)
    assert f["first_person"] == 0  # the quoted "I"/"we" and "US" (the country) are not the writer speaking
    assert f["weekdays"] > 0 and f["attribution"] > 0 and 0.25 < f["quoted_share"] < 0.45


def test_may_the_month_is_not_a_hedge(model) -> None:  # type: ignore[no-untyped-def]
    body = "The vote was held on May 5. The result may change."
    hedges = genre_features(Article(id="m", title="t", body=body), model)["hedges"]
    assert hedges == pytest.approx(100 / 11)  # one hedge in 11 words


def test_opinion_and_report_features_differ(model) -> None:  # type: ignore[no-untyped-def]
    op = genre_features(Article(id="o", title="Why we must stop this?", body=OPINION), model)
    rep = genre_features(Article(id="r", title="Council raises parking fee", body=REPORT), model)
    assert op["first_person"] > 3 and op["second_person"] > 1 and op["modals"] > 1 and op["exclamations"] > 0
    assert op["title_question"] == 1 and op["title_person"] == 1 and rep["title_question"] == 0
    assert rep["numbers"] > op["numbers"] and rep["weekdays"] > 0 and rep["quoted_share"] > op["quoted_share"]


def test_the_weights_decide_opinion_and_reporting(model) -> None:  # type: ignore[no-untyped-def]
    g1, s1, p1 = classify_genre(Article(id="o", title="Why we must stop this?", body=OPINION), model=model)
    g2, s2, _ = classify_genre(Article(id="r", title="Council raises parking fee", body=REPORT), model=model)
    assert (g1, g2) == ("opinion", "reporting") and s1 > 0.5 and s2 > 0.5
    assert p1["analysis"] == 0 and abs(sum(p1.values()) - 1) < 0.01


def test_satire_stays_with_its_cues(model) -> None:  # type: ignore[no-untyped-def]
    body = "Area man declares himself minister of weather. Local man confirms the clouds were consulted."
    assert classify_genre(Article(id="s", title="x", body=body, outlet="The Daily Mash"), model=model)[0] == "satire"


def test_shipped_weights_are_small_and_say_where_they_come_from() -> None:
    path = ROOT / "src" / "newsprism" / "enrich" / "resources" / "genre_style.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert path.stat().st_size < 8000 and "AllSides" in data["source"] and data["licence"].startswith("Apache-2.0")
    w = load_style_weights()
    assert w.names == STYLE_FEATURES and 0.05 <= w.threshold <= 0.95


def test_distant_labels_from_outlet_and_url() -> None:
    assert distant_genre("Fox News", "https://www.foxnews.com/opinion/some-piece") == ("opinion", "url")
    assert distant_genre("New York Times - Opinion", "https://www.nytimes.com/2019/01/01/x.html")[0] == "opinion"
    assert distant_genre("Reuters", "https://www.reuters.com/article/us-x-idUSKCN1") == ("reporting", "news desk")
    assert distant_genre("New York Times - News", "https://www.nytimes.com/2019/01/01/us/x.html")[0] == "reporting"
    # a news desk's blog is ambiguous; a slug that mentions a columnist is not an opinion section
    assert distant_genre("NPR Online News", "https://www.npr.org/blogs/thetwo-way/2014/x") == (None, "blog")
    assert distant_genre("Reuters", "https://www.reuters.com/article/vegan-blogger-opinion-piece")[0] == "reporting"
    assert distant_genre("Vox", "https://www.vox.com/2019/x") == (None, "other")


def test_the_test_split_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="valid: train, valid"):
        allsides_genre_set(tmp_path, split="test")


def test_floors_beside_the_figure() -> None:
    r = genre_report(["reporting"] * 3 + ["opinion"], ["reporting", "reporting", "opinion", "opinion"])
    assert r["floors"]["always reporting"] == pytest.approx(0.4286, abs=1e-4) and r["floors"]["always opinion"] == 0.2
    assert r["macro_f1"] == pytest.approx(0.7333, abs=1e-4)


def test_fit_logistic_separates_and_chooses_a_threshold() -> None:
    rows = [[i / 10, 1.0] for i in range(10)] + [[1 + i / 10, 0.0] for i in range(5)]
    pos = [False] * 10 + [True] * 5
    fit = fit_logistic(rows, pos, l2=0.1)
    assert fit["coef"][0] > 0 and len(fit["caps"]) == 2
    probs = [float(x[0] > 0.95) * 0.9 + 0.05 for x in rows]
    assert macro_f1_at(probs, pos, 0.5) == 1.0 and choose_threshold(probs, pos) == 0.5
    with pytest.raises(ValueError):
        fit_logistic(rows, [False] * 15)


@pytest.mark.shared
@pytest.mark.skipif(not ALLSIDES.exists(), reason="../shared/datasets/allsides-articles absent")
def test_floor_on_allsides_valid_subset() -> None:
    data = allsides_genre_set(ALLSIDES, split="valid", limit=300)
    assert len(data.articles) == 300 and {"opinion", "reporting"} == set(data.gold)
    report = evaluate_genre_set(data)
    assert report["macro_f1"] >= 0.80  # 0.8376 when pinned
    assert report["macro_f1"] >= max(report["floors"].values()) + 0.10
