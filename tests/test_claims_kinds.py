"""Kinds of figures in every language (issue 11): hospital counts, bodies, parts of a count, split verbs, numbers that
name things and counts of freed prisoners. Sentences written for these tests; each asserts number, type and span."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.enrich.claim_types import names_a_thing, split_verb_cues
from newsprism.enrich.claims import extract_claims


def _claims(text: str, lang: str) -> list[tuple[float | None, str, str]]:
    return [(c.number, c.type, c.text) for c in extract_claims(text, lang=lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a hospital count with no harm word -> wounded
        ("en", "Officials said 94 people remain in hospital after the clashes.", (94, "wounded", "94 people")),
        ("ru", "В больницах находятся 94 человека.", (94, "wounded", "94 человека")),
        ("de", "Laut Behörden werden 94 Menschen im Krankenhaus behandelt.", (94, "wounded", "94 Menschen")),
        ("tr", "Olaylarda 94 kişi hastaneye kaldırıldı.", (94, "wounded", "94 kişi")),
        ("fa", "۹۴ نفر در بیمارستان بستری شدند.", (94, "wounded", "۹۴ نفر")),
        ("ar", "تم نقل 94 شخصا إلى المستشفى.", (94, "wounded", "94 شخصا")),
        ("ko", "94명이 병원으로 이송됐다.", (94, "wounded", "94명이")),
        ("kk", "Қақтығыстан кейін 243 адам ауруханаға жеткізілді.", (243, "wounded", "243 адам")),
        ("uz", "Shifoxonaga 243 kishi yotqizildi.", (243, "wounded", "243 kishi")),
        ("el", "Στο νοσοκομείο νοσηλεύονται 31 άτομα.", (31, "wounded", "31 άτομα")),
        # bodies found -> killed
        ("en", "Police recovered the bodies of 500 people from the square.", (500, "killed", "500 people")),
        ("ru", "Найдены тела 20 человек.", (20, "killed", "20 человек")),
        ("uz", "21 kishining jasadi topildi.", (21, "killed", "21 kishining")),
        # harm verbs in Uzbek, Kyrgyz, Greek and Persian
        ("uz", "Tartibsizliklarda 243 kishi yaralandi.", (243, "wounded", "243 kishi")),
        ("ky", "Окуяда 516 адам кармалды.", (516, "arrested", "516 адам")),
        ("el", "Η αστυνομία συνέλαβε 516 άτομα.", (516, "arrested", "516 άτομα")),
        ("fa", "بیش از ۵۰۰ نفر بازداشت شدند.", (500, "arrested", "۵۰۰ نفر")),
        ("uz", "Tartibsizliklar paytida 18 kishi vafot etdi.", (18, "killed", "18 kishi")),
        ("kk", "Оқиға кезінде 18 адам қайтыс болды.", (18, "killed", "18 адам")),
        ("fa", "در این درگیری‌ها ۱۸ تن هلاک و ۲۴ تن دیگر زخمی شدند.", (18, "killed", "۱۸ تن")),
        ("uz", "516 kishi tibbiy yordamga murojaat qildi.", (516, "wounded", "516 kishi")),
        # a split verb
        ("de", "Die Polizei nahm am Samstag sieben Journalisten fest.", (7, "arrested", "sieben Journalisten")),
    ],
)
def test_figure_kind(lang: str, text: str, expected: tuple[float, str, str]) -> None:
    assert expected in _claims(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "whole", "part"),
    [
        ("de", "Die Polizei nahm 516 Menschen fest. 14 von ihnen seien Demonstranten gewesen.", 516, 14),
        ("en", "Police detained 516 people. 14 of them were journalists.", 516, 14),
        ("ru", "Задержаны 516 человек. 14 из них оказались журналистами.", 516, 14),
        ("fr", "La police a interpellé 516 personnes. 14 d'entre eux sont des journalistes.", 516, 14),
    ],
)
def test_part_of_count_takes_its_type(lang: str, text: str, whole: int, part: int) -> None:
    """A part of the count before it (a sentence before, too) is a count of the same type, and a claim of its own."""
    found = _claims(text, lang)
    assert [(n, t) for n, t, _ in found] == [(whole, "arrested"), (part, "arrested")]
    assert found[1][2].startswith(str(part))


def test_part_is_smaller_than_its_whole() -> None:
    assert _claims("Die Polizei nahm 16 Menschen fest. 40 von ihnen waren Kinder.", "de") == [
        (16, "arrested", "16 Menschen")
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Pupils of School No. 15 were sent home and evacuated."),
        ("de", "Die Schüler der Schule Nummer 15 wurden evakuiert."),
        ("ru", "Ученики школы № 15 были эвакуированы."),
        ("uz", "15-sonli maktab o'quvchilari evakuatsiya qilindi."),
    ],
)
def test_number_that_names_is_no_count(lang: str, text: str) -> None:
    assert _claims(text, lang) == []


def test_names_a_thing_reads_marks_before_and_after() -> None:
    text = "Schule Nummer 15 und 15 numaralı okul und 15 Menschen"
    assert names_a_thing(text, 14, 16, "de")
    assert names_a_thing(text, 21, 23, "tr")
    assert not names_a_thing(text, 43, 45, "de")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Authorities released 500 prisoners on Monday."),
        ("ru", "Освобождены 500 задержанных."),
        ("de", "Die Behörden ließen 300 Gefangene frei."),
    ],
)
def test_freed_prisoners_are_no_arrests(lang: str, text: str) -> None:
    assert [t for _, t, _ in _claims(text, lang) if t == "arrested"] == []


def test_arrest_nearer_than_release_stays() -> None:
    found = _claims("Police detained 516 people and later released 200 of them.", "en")
    assert (516, "arrested", "516 people") in found
    assert not any(n == 200 and t == "arrested" for n, t, _ in found)


def test_split_verb_cue_needs_its_verb_in_the_clause() -> None:
    text = "Die Polizei nahm sieben Journalisten fest. Das steht fest."
    cues = split_verb_cues(text, "de")
    assert [(c.label, c.start) for c in cues] == [("type:arrested", text.index("fest"))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Задержанным предъявлены обвинения по статье 212 УК (массовые беспорядки)."),
        ("uz", "Ushlanganlarga Jinoyat kodeksining 212-moddasi bilan ayblov qo'yildi."),
        ("tr", "Gözaltına alınanlar arasında 14 yaşındaki bir çocuk da var."),
        ("de", "Festgenommen wurde auch ein 14-jähriger Junge."),
    ],
)
def test_articles_of_law_and_ages_are_no_counts(lang: str, text: str) -> None:
    assert _claims(text, lang) == []


def test_headline_figure_joins_the_body_whatever_its_source() -> None:
    text = "Кількість загиблих зросла до 18 — МВС\nЗагинули 18 людей. Про це повідомив очільник МВС Ігор Клименко.\n"
    found = extract_claims(text, lang="uk")
    assert [(c.number, c.type, len(c.mentions)) for c in found] == [(18, "killed", 2)]


def test_a_figure_that_is_not_round_is_one_claim_across_sources() -> None:
    text = (
        "Погибли 14 014 человек, сообщает агентство со ссылкой на МЧС.\n\n"
        "«Погибли 14 014 человек», — сказал президент.\n"
    )
    assert [(c.number, len(c.mentions)) for c in extract_claims(text, lang="ru")] == [(14014, 2)]


def test_english_headline_is_not_parsed_onto_the_next_line(nlp: Any) -> None:
    """A headline with no full stop is parsed as one sentence with the line after it: its "243 hurt" neither counts
    the next line's "people" nor types its "Eighteen people died" as wounded; both figures join the body's."""
    text = "Karakalpakstan unrest: 18 dead, 243 hurt\n\nEighteen people died and 243 were injured, officials said."
    found = extract_claims(text, lang="en", parsed=nlp(text))
    assert [(c.number, c.type, len(c.mentions)) for c in found] == [(18, "killed", 2), (243, "wounded", 2)]


def test_english_hospital_and_bodies(nlp: Any) -> None:
    text = "Police recovered the bodies of 500 people. Officials said 94 people remain in hospital."
    found = extract_claims(text, lang="en", parsed=nlp(text))
    assert [(c.number, c.type, c.text) for c in found] == [(500, "killed", "500 people"), (94, "wounded", "94 people")]
