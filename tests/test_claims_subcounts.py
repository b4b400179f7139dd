"""Counts the window rules used to miss: a part of the previous count ("dont 721"), a type word before the number,
"and" glued to Arabic digits, number words in other cases, Traditional Chinese harm words, the homeless, and "up to"
words that only say what a toll rose to. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsprism.enrich.claims import extract_claims
from newsprism.enrich.numbers import find_numbers


def _got(text: str, lang: str) -> list[tuple[str, float | None, str | None]]:
    return [(c.type, c.number, c.hedge) for c in extract_claims(text, lang=lang)]


@pytest.mark.parametrize(
    ("lang", "text", "part"),
    [
        ("fr", "Les secours comptent 40 morts et 310 blessés, dont 52 restent dans un état critique.", 52),
        ("nl", "In de provincie raakten 310 mensen gewond, van wie 52 er ernstig aan toe zijn.", 52),
        ("de", "In der Provinz wurden 310 Menschen verletzt, davon 52 schwer.", 52),
        ("es", "En la provincia resultaron heridas 310 personas, de las cuales 52 siguen graves.", 52),
        ("it", "Nella provincia i feriti sono 310, di cui 52 sono gravi.", 52),
        ("ar", "أصيب 310 أشخاص في المدينة، بينهم 52 إصاباتهم حرجة.", 52),
        ("pl", "W prowincji rannych zostało 310 osób, w tym 52 ciężko.", 52),
    ],
)
def test_a_part_of_the_previous_count_takes_its_type(lang: str, text: str, part: int) -> None:
    got = _got(text, lang)
    assert ("wounded", 310, None) in got
    assert ("wounded", part, None) in got, got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("bg", "Загиналите в областта са 40 души, а ранените са най-малко 275."),
        ("el", "Ο απολογισμός είναι 40 νεκροί. Μεταξύ των τραυματιών 27 νοσηλεύονται σε σοβαρή κατάσταση."),
        ("tr", "Can kaybı 40'a, yaralı sayısı ise 1 bin 275'e yükseldi."),
    ],
)
def test_a_harm_word_before_a_number_is_nearer_than_the_toll(lang: str, text: str) -> None:
    got = _got(text, lang)
    assert [t for t, n, _ in got if n == 40] == ["killed"], got
    wounded = [n for t, n, _ in got if t == "wounded"]
    assert wounded and wounded[0] in {275, 27, 1275}, got


def test_arabic_and_glued_to_digits_is_read() -> None:
    text = "قتل 75 شخصا، و140 جريحاً في القصف."
    assert [(m.value, m.text) for m in find_numbers(text, "ar")] == [(75, "75"), (140, "140")]
    assert ("wounded", 140, None) in _got(text, "ar")


def test_number_words_in_other_cases_and_turkish_capitals() -> None:
    assert [m.value for m in find_numbers("Число жертв превысило тысячу.", "ru")] == [1000]
    assert [m.value for m in find_numbers("Кількість загиблих перевищила тисячу.", "uk")] == [1000]
    assert [m.value for m in find_numbers("Powódź odebrała życie 3 tysiącom ludzi.", "pl")] == [3000]
    assert [m.value for m in find_numbers("3 BİN 400 KİŞİ", "tr")] == [3400]
    assert ("killed", 1000, "more than") in _got("Кількість загиблих перевищила тисячу.", "uk")
    assert _got("In het dal vielen bijna veertienhonderd doden.", "nl") == [("killed", 1400, "nearly")]
    assert _got("Powódź zabrała życie co najmniej 3 tysiącom ludzi.", "pl") == [("killed", 3000, "at least")]


def test_traditional_chinese_wounded_words_are_wounded() -> None:
    got = _got("洪水已造成35人死亡、120人受傷,其中18人傷勢嚴重。", "zh")
    assert got[:3] == [("killed", 35, None), ("wounded", 120, None), ("wounded", 18, None)]
    assert _got("當地估計至少造成3000人死亡。", "zh") == [("killed", 3000, "at least")]


def test_the_homeless_are_displaced() -> None:
    assert ("displaced", 4200, None) in _got("Murieron 31 personas y 4200 quedaron sin hogar.", "es")
    assert ("displaced", 4200, None) in _got("Au total, 4200 habitants sont sans abri.", "fr")


def test_a_toll_that_rose_to_a_figure_has_no_up_to_hedge() -> None:
    assert _got("Het dodental is opgelopen tot 412.", "nl") == [("killed", 412, None)]
    assert _got("Het aantal gewonden is gestegen tot 980.", "nl") == [("wounded", 980, None)]
    assert _got("Er vielen tot 80 doden.", "nl") == [("killed", 80, "up to")]


def test_the_claimant_is_the_source_not_a_word_of_the_report() -> None:
    def claimant(text: str, lang: str) -> str | None:
        return extract_claims(text, lang=lang)[0].claimant

    text = "Η πλημμύρα προκάλεσε τον θάνατο 45 ανθρώπων, σύμφωνα με νεότερο, επίσημο απολογισμό του υπουργείου Υγείας."
    assert claimant(text, "el") == "υπουργείου Υγείας"
    text = "La crue a fait 45 morts dans la vallée du Rhône, selon un bilan provisoire de la préfecture du Gard."
    assert claimant(text, "fr") == "préfecture du Gard"
    assert claimant("소방청은 “잠정 보고에 따르면 최소 45명이 사망했다”고 밝혔다.", "ko") == "소방청"
    text = "La riada ha causado 45 muertos, según el último balance provisional ofrecido por la agencia EFE."
    assert "EFE" in (claimant(text, "es") or "")


def test_a_magnitude_and_a_day_of_the_month_are_no_counts() -> None:
    text = (
        "El 12 de marzo de 2011 un temblor de magnitud 7 dejó 80 muertos. Fue el sismo más fuerte desde el 3 de mayo."
    )
    assert _got(text, "es") == [("killed", 80, None)]
    shapes = {m.text: m.shape for m in find_numbers("Ein Beben der Magnitude 6 und 12 Tote.", "de")}
    assert shapes["6"] == "measure" and shapes["12"] == "count"


def test_report_words_after_according_to_lead_to_the_source() -> None:
    text = "Murieron 45 personas, según el último balance provisional de víctimas ofrecido por la agencia oficial EFE."
    assert "agencia oficial EFE" in (extract_claims(text, lang="es")[0].claimant or "")
