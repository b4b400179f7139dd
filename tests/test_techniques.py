"""Persuasion techniques: the seed's must-haves with evidence, precision on neutral wire copy, other languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.enrich.frames import split_sentences
from newsprism.enrich.techniques import TECHNIQUES, detect_techniques, load_technique_model
from newsprism.evaluate.seed import seed_articles
from newsprism.model import Technique

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kazakhstan-2022-01-12.txt"


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load_technique_model()


def _run(model, aid: str, body: str) -> list[Technique]:  # type: ignore[no-untyped-def]
    found = detect_techniques(aid, body, model=model, sentences=split_sentences(body))
    for t in found:
        assert body[t.start : t.end] == t.text and t.technique in TECHNIQUES and 0 < t.score <= 1
        assert t.paragraph is not None and t.component == "techniques.lexicon.v1"
    return found


def test_lexicon_covers_the_23_labels(model) -> None:  # type: ignore[no-untyped-def]
    assert len(TECHNIQUES) == 23
    assert set(model.lexicon.labels) | {"Repetition"} == set(TECHNIQUES)


def test_seed_article_2_must_haves(model) -> None:  # type: ignore[no-untyped-def]
    _, a2 = seed_articles(EXAMPLE)
    found = _run(model, a2.id, a2.body)
    texts = {(t.technique, t.text) for t in found}
    assert ("Whataboutism", "Double standards abound") in texts
    assert any(
        t.technique == "Whataboutism" and t.text.startswith("Similar attacks in Central Asia and China go unreported")
        for t in found
    )
    assert (
        "Doubt",
        "In any case, how credible is it that fuel-price protestors reached immediately for guns and bombs?",
    ) in texts
    assert {("Name_Calling-Labeling", "stooges"), ("Name_Calling-Labeling", "despot")} <= texts
    assert {("Loaded_Language", "stench"), ("Loaded_Language", "stooges"), ("Loaded_Language", "despot")} <= texts
    para = {t.paragraph for t in found if t.text == "Double standards abound"}
    lines = [ln for ln in a2.body.split("\n") if ln.strip()]
    assert "Double standards abound" in lines[para.pop()]


def test_seed_article_1_is_nearly_clean(model) -> None:  # type: ignore[no-untyped-def]
    a1, _ = seed_articles(EXAMPLE)
    assert len(_run(model, a1.id, a1.body)) <= 2


WIRE = """ALMATY (Reuters) - Kazakhstan's president said on Friday that order had been restored in the country's largest city.
The government said 164 people had died in the unrest, including three children, according to the health ministry.
Troops from the Collective Security Treaty Organization began withdrawing on Thursday, a spokesman said.
Banks reopened and the internet was restored in most regions, officials told reporters.
Fuel prices will remain capped for 180 days, the energy ministry said in a statement."""  # noqa: E501


def test_neutral_wire_text_yields_few_or_no_techniques(model) -> None:  # type: ignore[no-untyped-def]
    assert len(_run(model, "wire", WIRE)) <= 1


def test_russian_and_chinese_cues(model) -> None:  # type: ignore[no-untyped-def]
    ru = (
        "Эти марионеточные чиновники и их прихвостни опять лгут. Насколько правдоподобно, что это не так? "
        "Двойные стандарты налицо."
    )
    got = {t.technique for t in _run(model, "ru", ru)}
    assert {"Name_Calling-Labeling", "Doubt", "Whataboutism", "Loaded_Language"} <= got
    zh = "这些走狗和傀儡又在撒谎。西方的双重标准显而易见。"
    assert {"Name_Calling-Labeling", "Whataboutism"} <= {t.technique for t in _run(model, "zh", zh)}


def test_repetition_by_anaphora(model) -> None:  # type: ignore[no-untyped-def]
    body = "We will not forget. We will not forgive. We will not stop. Then the crowd left."
    rep = [t for t in _run(model, "r", body) if t.technique == "Repetition"]
    assert len(rep) == 1 and rep[0].text == "We will not forget. We will not forgive. We will not stop."


def test_paragraph_classifier_probabilities_merge(model) -> None:  # type: ignore[no-untyped-def]
    body = "Calm paragraph.\nThe despot spoke."
    sents = split_sentences(body)
    probs = [(0, 0, 15, {"Doubt": 0.9, "Slogans": 0.1}), (1, 16, len(body), {"Name_Calling-Labeling": 0.8})]
    found = detect_techniques("m", body, model=model, sentences=sents, paragraph_probs=probs)
    doubt = [t for t in found if t.technique == "Doubt"]
    assert doubt and doubt[0].text == "Calm paragraph." and doubt[0].cue is None and doubt[0].score == 0.9
    assert not [t for t in found if t.technique == "Slogans"]
    nc = [t for t in found if t.technique == "Name_Calling-Labeling"]
    assert len(nc) == 1 and nc[0].text == "despot" and nc[0].score > 0.9


#: language -> (a paragraph written for this test, techniques that must be found in it)
PARAGRAPHS = {
    "pl": (
        "Ta marionetka Moskwy i zdrajca narodu nazywa to tak zwaną reformą. To haniebne.",
        {"Name_Calling-Labeling", "Loaded_Language", "Doubt"},
    ),
    "es": (
        "Ese títere del régimen y sus lacayos hablan del llamado proceso de paz. ¡Vergonzoso!",
        {"Name_Calling-Labeling", "Loaded_Language", "Doubt"},
    ),
    "it": (
        "Il fantoccio di Mosca e i suoi lacchè parlano della cosiddetta riforma: una vergognosa ipocrisia.",
        {"Name_Calling-Labeling", "Doubt", "Appeal_to_Hypocrisy"},
    ),
    "pt": (
        "O fantoche do regime fala sobre a chamada reforma, com a hipocrisia de sempre.",
        {"Name_Calling-Labeling", "Doubt", "Appeal_to_Hypocrisy"},
    ),
    "tr": (
        "Bu kukla yönetim sözde reformdan bahsediyor; çifte standart ortada.",
        {"Name_Calling-Labeling", "Doubt", "Whataboutism"},
    ),
    "ar": (
        "هذه الدمية تتحدث عن ما يسمى الإصلاح، في فضيحة جديدة.",
        {"Name_Calling-Labeling", "Doubt", "Loaded_Language"},
    ),
    "uk": (
        "Ця маріонетка Кремля говорить про так звані реформи. Це ганебно.",
        {"Name_Calling-Labeling", "Doubt", "Loaded_Language"},
    ),
    "fr": (
        "Ce fantoche et ses laquais parlent d'une soi-disant réforme, avec une hypocrisie sans précédent.",
        {"Name_Calling-Labeling", "Doubt", "Appeal_to_Hypocrisy", "Exaggeration-Minimisation"},
    ),
    "de": (
        "Diese Marionette spricht von einer sogenannten Reform, eine beispiellose Heuchelei.",
        {"Name_Calling-Labeling", "Doubt", "Appeal_to_Hypocrisy", "Exaggeration-Minimisation"},
    ),
    # loaded words of the languages whose lists had few or none (fifth round)
    "hu": ("A kormány gyalázatos döntése felháborító.", {"Loaded_Language"}),
    "ka": ("ეს სამარცხვინო და ცინიკური გადაწყვეტილებაა.", {"Loaded_Language"}),
    "zh": ("对方嚣张至极，在国会大放厥词。", {"Loaded_Language"}),
    "ru": ("Это беспредел и произвол чиновников.", {"Loaded_Language"}),
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_techniques_in_each_language(lang: str) -> None:
    from newsprism.enrich.lemmas import tokenize
    from newsprism.pipeline import Resources

    res = Resources()
    tech_model = load_technique_model(res)
    body, must = PARAGRAPHS[lang]
    found = detect_techniques(
        "a", body, model=tech_model, sentences=split_sentences(body), tokens=tokenize(body, lang, res), language=lang
    )
    assert must <= {t.technique for t in found}, [(t.technique, t.cue) for t in found]
    assert all(body[t.start : t.end] == t.text for t in found)


def test_a_neutral_sentence_in_another_language_yields_no_technique() -> None:
    from newsprism.pipeline import Resources

    body = "El ministro se reunió el lunes con sus homólogos para hablar del presupuesto."
    found = detect_techniques(
        "a", body, model=load_technique_model(Resources()), sentences=split_sentences(body), language="es"
    )
    assert found == []


def test_a_loaded_stem_does_not_take_a_common_word() -> None:
    """Polish podł* (vile) took podłoga (floor) and podłączyć (connect): the cue is the adjective's own forms."""
    from newsprism.pipeline import Resources

    model = load_technique_model(Resources())
    for body, found in (("Woda zalała podłogę, a prąd podłączono.", False), ("To podły i nikczemny czyn.", True)):
        hits = detect_techniques("a", body, model=model, sentences=split_sentences(body), language="pl")
        assert any(t.technique == "Loaded_Language" and t.cue for t in hits) is found, body
