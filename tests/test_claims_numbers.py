"""Numbers by script and language: grouping against decimals, scale words, CJK numerals, vague amounts, and no
crash on malformed digits (sentences written for these tests)."""

from __future__ import annotations

import pytest

from newsprism.enrich.claims import extract_claims
from newsprism.enrich.numbers import cjk_value, find_numbers, parse_digits


def values(text: str, lang: str) -> list[float | None]:
    return [n.value for n in find_numbers(text, lang) if n.shape != "year"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Mehr als 4.400 Menschen wurden festgenommen.", [4400]),
        ("it", "Sono arrivati 2.500 soldati.", [2500]),
        ("es", "Más de 2.000 personas y 2,5 millones de euros.", [2000, 2_500_000]),
        ("es", "Un préstamo de 2.500 millones.", [2_500_000_000]),
        ("de", "Der Schaden: 2,5 Millionen Euro.", [2_500_000]),
        ("fr", "Quelque 4 300 manifestants, puis 4\u202f300 autres.", [4300, 4300]),
        ("ru", "Задержаны 4 300 человек, ущерб 1,5 млрд рублей.", [4300, 1_500_000_000]),
        ("en", "Some 4,300 people and 2.5 million dollars.", [4300, 2_500_000]),
        ("tr", "12 bin kişi gözaltına alındı; 5 bin 606 bina yıkıldı.", [12000, 5606]),
        ("tr", "İçişleri Bakanlığı 12 binden fazla kişiyi gözaltına aldı.", [12000]),
        ("pl", "Zatrzymano 12 tys. osób.", [12000]),
        ("kk", "Қаза тапқандар саны 14 014-ке жетті.", [14014]),
        ("az", "200-dən çox etirazçı saxlanılıb.", [200]),
        ("ar", "قتل ٢٠٠ شخص وأصيب ٢٬٥٠٠ آخرون.", [200, 2500]),
        ("fa", "۲۲۵ نفر کشته و ۳۴ هزار و ۸۱۰ نفر زخمی شدند.", [225, 34810]),
        ("zh", "两千人被捕，二百二十五人死亡，2万人撤离，1.2万人受伤。", [2000, 225, 20000, 12000]),
        ("ja", "２０００人以上が避難した。", [2000]),
        ("ko", "2천여 명이 체포되고 1만 2천 명이 대피했다.", [2000, 12000]),
    ],
)
def test_numbers_by_language(lang: str, text: str, expected: list[float]) -> None:
    assert values(text, lang) == expected


def test_malformed_digits_never_raise() -> None:
    assert parse_digits("201,852202,965") is None
    (n,) = find_numbers("It had 201,852202,965 rows.", "en")
    assert n.value is None and n.shape == "malformed"
    assert extract_claims("Officials said 201,852202,965 people were killed.", lang="en") == []
    assert parse_digits("1.234,5", "de") == 1234.5 and parse_digits("1,234.5", "en") == 1234.5
    assert parse_digits("1.2.3", "de") is None


def test_cjk_numerals() -> None:
    assert [cjk_value(x) for x in ("两千", "二百二十五", "一千零五", "十万", "1亿2000万", "1万2000")] == [
        2000,
        225,
        1005,
        100_000,
        120_000_000,
        12000,
    ]
    # characters that are no count here: 一些 (some), 统一 (unify), 十分 (very)
    assert find_numbers("一些人表示统一十分重要。", "zh") == []


def test_vague_amounts_by_language() -> None:
    for lang, text, low, high in [
        ("en", "hundreds of people", 200, 999),
        ("de", "Tausende Menschen", 2000, 9999),
        ("it", "centinaia di persone", 200, 999),
        ("es", "cientos de personas", 200, 999),
        ("ru", "сотни человек", 200, 999),
        ("zh", "数百人", 200, 999),
        ("zh", "上千人", 1000, 9999),
        ("tr", "yüzlerce kişi", 200, 999),
        ("ar", "مئات الأشخاص", 200, 999),
        ("ko", "수백 명", 200, 999),
    ]:
        (n,) = find_numbers(text, lang)
        assert (n.value, n.low, n.high, n.vague) == (None, low, high, True), (lang, text)


def test_shapes_that_are_not_counts() -> None:
    shapes = {n.text: n.shape for n in find_numbers("Am 6. Januar 2022 stieg der Anteil auf 20 Prozent.", "de")}
    assert shapes == {"6": "date", "2022": "date", "20": "percent"}
    assert [n.shape for n in find_numbers("yüzde 20 arttı", "tr")] == ["percent"]
