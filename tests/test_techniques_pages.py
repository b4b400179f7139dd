"""The technique check set on real pages (``techniques_pages.yaml``) and the paragraph prior fitted on its tune part:
annotations well formed, scored from a folder of texts, style guesses marked, calibrated and left out of
comparisons."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.enrich.genre import load_genre_model
from newsprism.enrich.technique_prior import (
    FEATURES,
    PRIOR_COMPONENT,
    is_style_guess,
    load_paragraph_prior,
    paragraph_rows,
)
from newsprism.enrich.techniques import TECHNIQUES
from newsprism.errors import ConfigError
from newsprism.evaluate.genre_pages import load_genre_pages
from newsprism.evaluate.techniques_pages import load_technique_pages, main, pages_dataset
from newsprism.model import Article, Technique

OPINION = (
    "This government is a disgrace.\n\n"
    "Once again the minister has lied to us, and once again we are told to be grateful. How much longer must we "
    "put up with this shameful farce? The so-called reform is nothing but a gift to his cronies, a cynical "
    "scheme dressed up as progress!\n"
)
REPORT = (
    "LONDON, May 3 (Reuters) - The ministry said on Monday that 12 people were detained after the protest.\n\n"
    "Police said 3 officers were injured, according to a statement published on Tuesday.\n"
)


def test_technique_pages_are_the_genre_pages() -> None:
    rows = load_technique_pages()
    pages = load_genre_pages()
    fourth = {p["id"] for p in pages[385:] if p["language"] in ("zh", "ja", "ko", "ru")}
    fifth = {p["id"] for p in pages[465:]}  # and those of rounds 6 to 9
    # rounds 1-2, the zh, ja, ko and ru pages of round 4, rounds 5 to 9
    assert {r["id"] for r in rows} == {p["id"] for p in pages[:308]} | fourth | fifth
    assert len(rows) == 1013
    labelled = [p for r in rows for p in r["paragraphs"]]
    assert len(labelled) > 150
    for r in rows:
        assert r["part"] in {"tune", "held"}
        for p in r["paragraphs"]:
            assert int(p["line"]) >= 1 and p["techniques"] and set(p["techniques"]) <= set(TECHNIQUES), r["id"]
    assert {r["part"] for r in rows} == {"tune", "held"}


def test_technique_pages_are_scored_from_a_folder(tmp_path: Path) -> None:
    """Every non-empty line is a paragraph; a page whose annotated line is empty is refused, naming it."""
    rows = {r["id"]: r for r in load_technique_pages()}
    page = next(r for r in rows.values() if r["paragraphs"] and r["part"] == "held")
    last = max(p["line"] for p in page["paragraphs"])
    (tmp_path / f"{page['id']}.txt").write_text("\n".join(f"paragraph {n}" for n in range(1, last + 1)) + "\n")
    ds, missing = pages_dataset(tmp_path, part="held")
    assert [a.id for a in ds.articles] == [page["id"]] and page["id"] not in missing
    gold = {p.line: set(p.techniques) for p in ds.articles[0].paragraphs or []}
    assert len(gold) == last and all(gold[p["line"]] == set(p["techniques"]) for p in page["paragraphs"])
    assert main([str(tmp_path), "--part", "held"]) == 0
    (tmp_path / f"{page['id']}.txt").write_text("only one line\n")
    if last > 1:
        with pytest.raises(ConfigError, match=page["id"]):
            pages_dataset(tmp_path, part="held")
    assert main([str(tmp_path / "none"), "--part", "tune"]) == 1


def test_paragraph_prior_is_calibrated_and_prefers_opinion() -> None:
    prior, genre = load_paragraph_prior(), load_genre_model()
    assert "Loaded_Language" in prior.models and 0.0 < prior.cutoffs["Loaded_Language"] < 0.5
    op = prior.paragraph_probs(Article(id="o", title=None, body=OPINION, language="en"), genre)
    rep = prior.paragraph_probs(Article(id="r", title=None, body=REPORT, language="en"), genre)
    assert len(op) == 2 and len(rep) == 2 and op[1][1] == OPINION.index("Once")
    assert max(p["Loaded_Language"] for *_, p in op) > max(p["Loaded_Language"] for *_, p in rep)
    assert op[1][3]["Loaded_Language"] >= prior.cutoffs["Loaded_Language"]
    assert all(p < prior.cutoffs[k] for *_, probs in rep for k, p in probs.items())  # no guess on a wire report
    rows = paragraph_rows(Article(id="o", title=None, body=OPINION, language="en"), genre)
    assert all(len(values) == len(FEATURES) for *_, values in rows)


def test_style_guesses_are_marked_and_can_be_switched_off() -> None:
    from newsprism.evaluate.semeval import run_detectors
    from newsprism.pipeline import Resources

    # a third paragraph with the style of opinion and none of the lexicon's cues
    body = OPINION + (
        "\nWhy should we accept any of this? We deserve better from the people we elected, and we will keep saying so "
        "until somebody in that building finally listens to us and to our neighbours!\n"
    )
    art = Article(id="o", title="t", body=body, language="en")
    items = run_detectors([art], ("techniques.lexicon.v1",), resources=Resources())[0]
    guesses = [t for t in items if isinstance(t, Technique) and is_style_guess(t)]
    assert guesses and all(t.component == PRIOR_COMPONENT and t.cue is None for t in guesses)
    assert all(body[t.start : t.end].strip() and t.paragraph == 2 for t in guesses)
    cued = [t for t in items if isinstance(t, Technique) and not is_style_guess(t)]
    assert any(t.cue for t in cued)  # the lexicon still finds its cues
    off = Resources()
    off.get("techniques.prior", lambda r: None)
    assert not any(is_style_guess(t) for t in run_detectors([art], ("techniques.lexicon.v1",), resources=off)[0])


@pytest.mark.parametrize(
    ("lang", "text"),
    [("es", "Bárbara dijo que sí."), ("it", "L'operazione Barbarossa; Barbara ha parlato."), ("pt", "Bárbara falou.")],
)
def test_a_name_is_no_loaded_language(lang: str, text: str) -> None:
    """'barbar*' stems caught the name Barbara and Operation Barbarossa; the cue is whole forms now."""
    from newsprism.enrich.techniques import load_technique_model

    lexicon = load_technique_model().lexicon
    assert not [m for m in lexicon.matches(text, language=lang) if m.cue.label == "Loaded_Language"]
