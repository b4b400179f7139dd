"""Counts in every language the claims stage reads, on crisis-report sentences written for these tests (none copied
from any article): number, type, canonical hedge, claimant and subject class of each."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.enrich.claim_window import SUBJECTS, cue_languages, load_cues
from newsprism.enrich.claims import extract_claims
from newsprism.enrich.language import SUPPORTED

#: (language, sentence, number, type, hedge, a word of the claimant, subject)
CASES: list[tuple[str, str, float, str, str | None, str, str]] = [
    (
        "en",
        "According to the Red Cross, at least 48 people were injured in the blast.",
        48,
        "wounded",
        "at least",
        "Red Cross",
        "unspecified",
    ),
    (
        "ru",
        "По словам губернатора, более 150 человек получили ранения при обрушении.",
        150,
        "wounded",
        "more than",
        "губернатора",
        "unspecified",
    ),
    (
        "uk",
        "За даними ДСНС, щонайменше 12 людей загинули внаслідок удару по місту.",
        12,
        "killed",
        "at least",
        "ДСНС",
        "unspecified",
    ),
    (
        "de",
        "Laut der Polizei wurden bei den Krawallen in Leipzig mindestens 1.200 Demonstranten festgenommen.",
        1200,
        "arrested",
        "at least",
        "Polizei",
        "protesters",
    ),
    (
        "fr",
        "Au moins 35 civils ont été tués dans les bombardements, selon l'Organisation mondiale de la santé.",
        35,
        "killed",
        "at least",
        "Organisation mondiale de la santé",
        "civilians",
    ),
    (
        "es",
        "Según la Cruz Roja, cerca de 3.400 personas fueron evacuadas por las inundaciones.",
        3400,
        "displaced",
        "about",
        "Cruz Roja",
        "unspecified",
    ),
    (
        "it",
        "Secondo la questura, 18 poliziotti sono stati uccisi negli scontri di piazza.",
        18,
        "killed",
        None,
        "questura",
        "security_forces",
    ),
    (
        "pt",
        "De acordo com a Defesa Civil, mais de 2.300 pessoas ficaram desalojadas pelas chuvas.",
        2300,
        "displaced",
        "more than",
        "Defesa Civil",
        "unspecified",
    ),
    (
        "pl",
        "Według policji co najmniej 40 demonstrantów zostało zatrzymanych w stolicy.",
        40,
        "arrested",
        "at least",
        "policji",
        "protesters",
    ),
    (
        "tr",
        "Valilik açıklamasına göre depremde en az 1.500 kişi hayatını kaybetti.",
        1500,
        "killed",
        "at least",
        "Valilik",
        "unspecified",
    ),
    (
        "az",
        "Daxili İşlər Nazirliyinin məlumatına görə, 200-dən çox etirazçı saxlanılıb.",
        200,
        "arrested",
        "more than",
        "Nazirliyinin",
        "protesters",
    ),
    (
        "kk",
        "Денсаулық сақтау министрлігінің мәліметінше, кем дегенде 45 адам жарақат алды.",
        45,
        "wounded",
        "at least",
        "министрлігінің",
        "unspecified",
    ),
    (
        "ky",
        "Ички иштер министрлигинин маалыматы боюнча, 30дан ашык адам кармалды.",
        30,
        "arrested",
        "more than",
        "министрлигинин",
        "unspecified",
    ),
    (
        "uz",
        "Sog'liqni saqlash vazirligi ma'lumotlariga ko'ra, 25 kishi halok bo'ldi.",
        25,
        "killed",
        None,
        "vazirligi",
        "unspecified",
    ),
    (
        "hu",
        "A rendőrség szerint legalább 80 tüntetőt vettek őrizetbe a fővárosban.",
        80,
        "arrested",
        "at least",
        "rendőrség",
        "protesters",
    ),
    (
        "fi",
        "Poliisin mukaan ainakin 14 mielenosoittajaa pidätettiin keskustassa.",
        14,
        "arrested",
        "at least",
        "Poliisin",
        "protesters",
    ),
    (
        "sv",
        "Enligt polisen greps över 90 demonstranter under natten.",
        90,
        "arrested",
        "more than",
        "polisen",
        "protesters",
    ),
    (
        "nl",
        "Volgens de brandweer kwamen bij de brand minstens 9 mensen om het leven.",
        9,
        "killed",
        "at least",
        "brandweer",
        "unspecified",
    ),
    (
        "el",
        "Σύμφωνα με την αστυνομία, τουλάχιστον 25 διαδηλωτές συνελήφθησαν στην πλατεία.",
        25,
        "arrested",
        "at least",
        "αστυνομία",
        "protesters",
    ),
    (
        "bg",
        "Според МВР над 70 души са били задържани след протеста.",
        70,
        "arrested",
        "more than",
        "МВР",
        "unspecified",
    ),
    (
        "hy",
        "Ըստ ոստիկանության՝ ձերբակալվել է առնվազն 40 ցուցարար։",
        40,
        "arrested",
        "at least",
        "ոստիկանության",
        "protesters",
    ),
    (
        "ar",
        "ذكرت وزارة الصحة أن ما لا يقل عن 60 مدنيا قتلوا في القصف.",
        60,
        "killed",
        "at least",
        "وزارة الصحة",
        "civilians",
    ),
    (
        "fa",
        "به گفته هلال احمر، بیش از ۳۰۰ نفر در سیل زخمی شدند.",
        300,
        "wounded",
        "more than",
        "هلال احمر",
        "unspecified",
    ),
    (
        "ka",
        "შსს-ს ცნობით, თბილისში 150-ზე მეტი დემონსტრანტი დააკავეს.",
        150,
        "arrested",
        "more than",
        "შსს",
        "protesters",
    ),
    ("zh", "据新华社报道，地震已造成至少320人遇难。", 320, "killed", "at least", "新华社", "unspecified"),
    ("ja", "消防庁によると、少なくとも48人が死亡した。", 48, "killed", "at least", "消防庁", "unspecified"),
    ("ko", "소방당국에 따르면 최소 27명이 숨졌다.", 27, "killed", "at least", "소방당국", "unspecified"),
]


@pytest.mark.parametrize(
    ("lang", "text", "number", "ctype", "hedge", "claimant", "subject"), CASES, ids=[c[0] for c in CASES]
)
def test_count_in_each_language(
    lang: str, text: str, number: float, ctype: str, hedge: str | None, claimant: str, subject: str
) -> None:
    claims = extract_claims(text, lang=lang)
    got = [c for c in claims if c.number == number]
    assert len(got) == 1, [(c.number, c.type, c.object) for c in claims]
    c = got[0]
    assert (c.type, c.hedge, c.subject) == (ctype, hedge, subject), c
    assert c.claimant is not None and claimant in c.claimant, c.claimant
    assert text[c.start : c.end] == c.text and c.number_text is not None and c.number_text in c.text


def test_every_supported_language_has_cues_and_a_test() -> None:
    listed = set(SUPPORTED)
    assert listed <= cue_languages()
    assert {c[0] for c in CASES} == listed
    for lang in listed:
        assert len(load_cues(lang).matcher) > 50, lang


def _one(text: str, lang: str) -> list[tuple[Any, ...]]:
    return [(c.type, c.number, c.hedge, c.subject, c.object) for c in extract_claims(text, lang=lang)]


def test_type_follows_the_counted_noun_and_its_verb() -> None:
    # police killed are killed security forces, not troops; soldiers with no harm verb are a deployment
    assert _one("Negli scontri sono stati uccisi 18 poliziotti.", "it") == [
        ("killed", 18, None, "security_forces", "poliziotti")
    ]
    assert _one("Circa 2.500 soldati stranieri sono arrivati ieri.", "it") == [
        ("troops", 2500, "about", "foreign_troops", "soldati")
    ]
    assert _one("Mehr als 300 Friedenssoldaten trafen in der Hauptstadt ein.", "de") == [
        ("troops", 300, "more than", "foreign_troops", "Friedenssoldaten")
    ]
    assert _one("Die Zahl der Toten stieg auf 52.", "de") == [("killed", 52, None, "total", None)]


def test_units_and_unknown_nouns_are_not_counts() -> None:
    assert _one("La compagnie a commandé 70 avions il y a 30 années.", "fr") == []
    assert _one("Au total, 30 années de prison ont été requises contre 70 personnes arrêtées.", "fr") == [
        ("arrested", 70, None, "unspecified", "personnes")
    ]
    assert _one("225 A free daily digest of the news.", "en") == []
    assert _one("Il y a 12 ans, 4 000 manifestants étaient dans la rue.", "fr") == [
        ("protesters", 4000, None, "protesters", "manifestants")
    ]


def test_kazakhstan_is_no_death() -> None:
    """Kazakh and Kyrgyz write death as қаза / каза, the first letters of Қазақстан / Казакстан: the death cues are
    the phrases (қаза тапты, каза болду) and the noun's own forms, so a count of the country's regions is no toll."""
    assert _types("Қазақстанның 20 облысында сайлау өтті.", "kk") == []
    assert _types("Ақтөбеде 120 адам Қазақстан туын ұстап шеруге шықты.", "kk") == []
    assert _types("Казакстандын 17 облусунда шайлоо өттү.", "ky") == []
    assert _types("Жол апатында 5 адам қаза тапты.", "kk") == [(5, "killed")]
    assert _types("Жол кырсыгынан 3 адам каза болду.", "ky") == [(3, "killed")]


def test_russian_stems_that_took_other_words() -> None:
    """умер* (died) took умеренные (moderate), прибыл* (arrived) прибыль (profit), направ* (sent) направление."""
    assert _types("Умеренные взгляды поддержали 40 человек.", "ru") == []
    assert _types("В результате атаки 5 человек умерли в больнице.", "ru") == [(5, "killed")]
    assert _types("В регион направлены 500 военных.", "ru") == [(500, "troops")]


def test_stems_that_took_common_words() -> None:
    """pres* (arrested) took presidente, öl* (died) ölçü (measure), elfog* (captured) elfogadta (adopted)."""
    assert _types("O presidente disse que 20 pessoas participaram.", "pt") == []
    assert _types("A polícia disse que 20 pessoas foram presas.", "pt") == [(20, "arrested")]
    assert _types("Yüzde 5 ölçüsünde 30 kişi katıldı.", "tr") == []
    assert _types("Depremde 30 kişi öldü.", "tr") == [(30, "killed")]
    assert _types("A parlament elfogadta a törvényt, 120 képviselő szavazott igennel.", "hu") == []
    assert _types("A rendőrség 12 embert elfogott.", "hu") == [(12, "arrested")]
    # сообщ* (reported) took сообщество (community): "the international community" was the claimant
    text = "Международное сообщество осудило удар, в результате которого погибли 12 человек."
    assert [c.claimant for c in extract_claims(text, lang="ru")] == [None]


def _types(text: str, lang: str) -> list[tuple[float | None, str]]:
    return [(c.number, c.type) for c in extract_claims(text, lang=lang)]


def test_claimant_is_never_a_pronoun_or_a_dateline() -> None:
    text = "MOSCOW, 12 марта. Он сообщил, что 40 человек задержаны."
    assert [c.claimant for c in extract_claims(text, lang="ru")] == [None]
    text = "ALMATY, 12 de marzo. Ella dijo que 40 personas fueron detenidas."
    assert [c.claimant for c in extract_claims(text, lang="es")] == [None]


def test_claimant_carries_through_the_paragraph_only() -> None:
    text = (
        "Selon la préfecture, 12 policiers ont été blessés. Plus de 300 manifestants ont été interpellés.\n\n"
        "Environ 40 personnes ont été hospitalisées."
    )
    got = [(c.number, c.type, c.claimant, c.hedge) for c in extract_claims(text, lang="fr")]
    assert got == [
        (12, "wounded", "préfecture", None),
        (300, "arrested", "préfecture", "more than"),
        (40, "wounded", None, "about"),
    ]


def test_chinese_numerals_and_trailing_hedges() -> None:
    got = _one("警方表示，两千余名示威者被捕，另有1.2万人被疏散。", "zh")
    assert got == [
        ("arrested", 2000, "more than", "protesters", "示威者"),
        ("displaced", 12000, None, "unspecified", "人"),
    ]
    assert [c.claimant for c in extract_claims("警方表示，两千余名示威者被捕。", lang="zh")] == ["警方"]
    assert _one("2천여 명의 시위대가 체포됐다.", "ko")[0][:4] == ("arrested", 2000, "more than", "protesters")
    assert _one("İçişleri Bakanlığı 12 binden fazla kişinin gözaltına alındığını açıkladı.", "tr")[0][:3] == (
        "arrested",
        12000,
        "more than",
    )


def test_vague_amounts_stay_vague() -> None:
    (c,) = extract_claims("Hunderte Demonstranten wurden verletzt.", lang="de")
    assert (c.type, c.number, c.number_low, c.number_high, c.subject) == ("wounded", None, 200, 999, "protesters")
    (c,) = extract_claims("数百人が拘束された。", lang="ja")
    assert (c.type, c.number, c.number_low, c.number_high) == ("arrested", None, 200, 999)


def test_every_subject_is_a_known_class() -> None:
    for lang, text, *_ in CASES:
        for c in extract_claims(text, lang=lang):
            assert c.subject in SUBJECTS


def test_claimant_named_in_the_next_sentence() -> None:
    text = "Загинули 18 людей, ще 4 — від поранень. Про це повідомив очільник МВС Ігор Петренко."
    got = [(c.number, c.type, c.claimant) for c in extract_claims(text, lang="uk")]
    assert got == [(18, "killed", "очільник МВС Ігор Петренко"), (4, "killed", "очільник МВС Ігор Петренко")]
    text = "Погибли 18 человек. Об этом сообщил глава МЧС Иван Сидоров."
    assert [c.claimant for c in extract_claims(text, lang="ru")] == ["глава МЧС Иван Сидоров"]
