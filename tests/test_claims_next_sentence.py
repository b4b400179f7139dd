"""The source named in the sentence after the figures, a sentence with no figure of its own that points back at them
("Dies berichten Augenzeugen.", "This was reported by ...", "Об этом сообщили в МВД.", "Así lo informó ..."): it
claims the figures before it, scored as a carried source (below a name in the figure's own clause). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from newsprism.enrich.claim_window import OWN_CLAUSE, PARAGRAPH
from newsprism.enrich.claims import extract_claims

#: (language, text, claimant the figure's claim names, as written or a part of it)
CASES: list[tuple[str, str, str]] = [
    ("de", "Bei den Protesten wurden mindestens 12 Menschen getötet. Dies berichten Augenzeugen.", "Augenzeugen"),
    ("de", "Bei den Protesten wurden 12 Menschen getötet. Demzufolge gab es Festnahmen, sagte die Polizei.", "Polizei"),
    (
        "en",
        "At least 14 people were killed in the clashes. This was reported by the interior ministry.",
        "interior ministry",
    ),
    ("ru", "В ходе беспорядков погибли 14 человек. Об этом сообщили в МВД.", "МВД"),
    ("uk", "Під час протестів загинули 14 людей. Про це повідомила поліція.", "поліція"),
    ("tr", "Olaylarda 14 kişi hayatını kaybetti. Bunu İçişleri Bakanlığı açıkladı.", "İçişleri Bakanlığı"),
    (
        "fr",
        "Au moins 14 personnes ont été tuées lors des manifestations. Cela a été annoncé par le ministère de la Santé.",
        "ministère de la Santé",
    ),
    ("es", "Al menos 14 personas murieron en los disturbios. Así lo informó la Cruz Roja.", "Cruz Roja"),
    ("pl", "W starciach zginęło 14 osób. Poinformowała o tym policja.", "policja"),
    ("nl", "Bij de rellen kwamen 14 mensen om het leven. Dat meldt de politie.", "politie"),
]


@pytest.mark.parametrize(("lang", "text", "claimant"), CASES)
def test_next_sentence_names_the_source(lang: str, text: str, claimant: str) -> None:
    (claim,) = extract_claims(text, lang=lang)
    assert claim.number == 14 or claim.number == 12
    assert claim.claimant is not None and claimant in claim.claimant
    assert claim.claimant_score == PARAGRAPH
    assert claim.claimant_score < OWN_CLAUSE


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Al menos 14 personas murieron en los disturbios. Así lo dijeron."),
        ("de", "Bei den Protesten wurden 12 Menschen getötet. Demzufolge gab es viele Festnahmen."),
    ],
)
def test_back_reference_alone_is_no_claimant(lang: str, text: str) -> None:
    (claim,) = extract_claims(text, lang=lang)
    assert claim.claimant is None


#: Turkic subject-first reports with no comma after the subject: the institution that opens the sentence claims its
#: figures when a reporting verb ends it
SUBJECT_FIRST: list[tuple[str, str, str]] = [
    ("az", "Səhiyyə Nazirliyi hadisələrdə 14 nəfərin öldüyünü açıqlayıb.", "Səhiyyə Nazirliyi"),
    (
        "kk",
        "Денсаулық сақтау министрлігі қақтығыстарда 14 адам қаза тапқанын хабарлады.",
        "Денсаулық сақтау министрлігі",
    ),
    ("uz", "Sog'liqni saqlash vazirligi to'qnashuvlarda 14 kishi halok bo'lganini ma'lum qildi.", "saqlash vazirligi"),
    ("ky", "Саламаттык сактоо министрлиги кагылышууларда 14 адам каза болгонун билдирди.", "сактоо министрлиги"),
]


@pytest.mark.parametrize(("lang", "text", "claimant"), SUBJECT_FIRST)
def test_subject_first_institution_claims(lang: str, text: str, claimant: str) -> None:
    (claim,) = extract_claims(text, lang=lang)
    assert claim.number == 14
    assert claim.claimant is not None and claimant in claim.claimant
    assert claim.claimant_score == OWN_CLAUSE


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("az", "Bakıda keçirilən aksiyada 14 nəfər saxlanılıb."),  # a place in the locative, no reporting verb
        ("kk", "Алматыдағы қақтығыстарда 14 адам қаза тапты."),
    ],
)
def test_place_first_is_no_claimant(lang: str, text: str) -> None:
    (claim,) = extract_claims(text, lang=lang)
    assert claim.claimant is None
