"""Places in languages whose names are inflected or not written with capitals: country names in each language (from
CLDR and ISO 3166 translations), case forms, Arabic proclitics, Korean particles, katakana words."""

from __future__ import annotations

import pytest

from newsprism.enrich.entities import extract_entities
from newsprism.enrich.placeforms import stems
from newsprism.enrich.places import extract_places
from newsprism.model import Article, Place
from newsprism.pipeline import Doc, Resources


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def places_of(text: str, resources: Resources, lang: str) -> list[Place]:
    doc = Doc(Article(id="m", title=None, body=text, language=lang), resources)
    doc.add(extract_entities(doc))
    pls = extract_places(doc)
    for p in pls:
        assert text[p.start : p.end] == p.text
    return pls


# (language, sentence, {(text as written, country)}); each names a country in its own language and an inflected form
CASES = [
    (
        "pl",
        "Turcja wysłała pomoc. Ratownicy z Turcji dotarli do Syrii i do Damaszku.",
        {("Turcja", "TR"), ("Turcji", "TR"), ("Syrii", "SY"), ("Damaszku", "SY")},
    ),
    (
        "hu",
        "Törökország segítséget kért. A mentők Szíriából érkeztek Törökországba.",
        {("Törökország", "TR"), ("Szíriából", "SY"), ("Törökországba", "TR")},
    ),
    (
        "uk",
        "Туреччина оголосила жалобу. У Туреччині та Сирії тривають пошуки, зокрема на Херсонщині.",
        {("Туреччина", "TR"), ("Туреччині", "TR"), ("Сирії", "SY"), ("Херсонщині", "UA")},
    ),
    (
        "fi",
        "Turkki pyysi apua. Turkin itäosissa ja Syyriassa etsitään eloonjääneitä.",
        {("Turkki", "TR"), ("Turkin", "TR"), ("Syyriassa", "SY")},
    ),
    (
        "hy",
        "Թուրքիան խնդրել է օգնություն։ Թուրքիայի հարավում և Սիրիայում փրկարարներ են աշխատում։",
        {("Թուրքիայի", "TR"), ("Սիրիայում", "SY")},
    ),
    (
        "ar",
        "أرسلت تركيا فرق إنقاذ. وصل المساعدات إلى سوريا وبدمشق، ومن إسطنبول خرجت قافلة.",
        {("تركيا", "TR"), ("سوريا", "SY"), ("دمشق", "SY"), ("إسطنبول", "TR")},
    ),
    ("fa", "ترکیه کمک خواست. امدادگران از سوریه و بترکیه رسیدند.", {("ترکیه", "TR"), ("سوریه", "SY")}),
    (
        "ja",
        "トルコ政府はシリアへの支援を決めた。マラティヤ県でも捜索が続く。",
        {("トルコ", "TR"), ("シリア", "SY"), ("マラティヤ", "TR")},
    ),
    (
        "ko",
        "튀르키예 정부는 시리아에서 구조대를 보냈다. 튀르키예의 가지안테프에서 여진이 있었다.",
        {("튀르키예", "TR"), ("시리아", "SY"), ("가지안테프", "TR")},
    ),
    ("zh", "敘利亞和土耳其的救援人員從伊斯坦布爾出發。", {("敘利亞", "SY"), ("土耳其", "TR"), ("伊斯坦布爾", "TR")}),
    (  # Georgian: case endings cut off ("in Tbilisi", "from Batumi"), country names of places_extra.yaml
        "ka",
        "თბილისში და ბათუმიდან ჩამოსულმა ხალხმა აქცია გამართა. რუსეთმა და უკრაინამ განცხადება გაავრცელეს.",
        {("თბილის", "GE"), ("ბათუმი", "GE"), ("რუსეთ", "RU"), ("უკრაინა", "UA")},
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_country_names_and_forms(lang: str, text: str, expected: set[tuple[str, str]], resources: Resources) -> None:
    found = {(p.text, p.country) for p in places_of(text, resources, lang)}
    assert expected <= found, expected - found


def test_common_words_in_arabic_and_korean_are_not_places(resources: Resources) -> None:
    # "news", "big", "south", "August": alternate names of towns in GeoNames, in an article about another country
    ar = places_of("قالت تركيا إن الخبر كبير في جنوب البلاد منذ آب.", resources, "ar")
    assert {p.country for p in ar} == {"TR"}
    ko = places_of("당시 도시에서 다시 시작했다.", resources, "ko")
    assert ko == []
    ka = places_of("მან თქვა, რომ მას ეს არ სურს.", resources, "ka")  # "რომ" (that) is no Rome
    assert ka == []


def test_stems_of_inflected_names() -> None:
    assert "Turcja" in stems("Turcji") and "Syria" in stems("Syrii") and "Damaszek" in stems("Damaszku")
    assert "Turkki" in stems("Turkin")
    assert "Szíria" in stems("Szíriából")
    assert "Туреччина" in stems("Туреччині") and "Миколаївська" in stems("Миколаївській")
    assert "Թուրքիա" in stems("Թուրքիայի")
    assert stems("Paris") == [] or all(len(s) >= 3 for s in stems("Paris"))


# Place names the gazetteer does not spell in the language, found by their sound in the country the sentence names
# (the 2017 earthquake on the Iran–Iraq border: Kermanshah province, Sarpol-e Zahab).
SOUND_CASES = [
    ("zh", "伊朗西部克尔曼沙阿省发生强烈地震，萨尔波勒扎哈卜县受灾最重。", {"克尔曼沙阿", "萨尔波勒扎哈卜"}),
    (
        "ja",
        "イラン西部のケルマンシャー州で強い地震があり、サルポレザハブで多くの建物が倒壊した。",
        {"ケルマンシャー", "サルポレザハブ"},
    ),
    ("ko", "이란 서부 케르만샤주에서 강진이 발생해 사르폴자합시의 건물이 무너졌다.", {"케르만샤", "사르폴자합"}),
    ("ar", "ضرب زلزال قوي غرب إيران، وكانت مدينة سربل ذهاب في محافظة كرمانشاه الأكثر تضررا.", {"سربل ذهاب"}),
    ("fa", "زلزله شدید غرب ایران را لرزاند و شهرستان سرپل ذهاب در استان کرمانشاه بیشترین خسارت را دید.", {"سرپل ذهاب"}),
    (
        "kk",
        "Иранның батысында, Керманшах провинциясының Сарполе-Захаб ауданында қатты жер сілкінісі болды.",
        {"Сарполе-Захаб"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "names"), SOUND_CASES, ids=[c[0] for c in SOUND_CASES])
def test_foreign_names_found_by_sound(lang: str, text: str, names: set[str], resources: Resources) -> None:
    pls = places_of(text, resources, lang)
    for name in names:
        hits = [p for p in pls if name in p.text]
        assert hits, (name, [p.text for p in pls])
        assert {p.country for p in hits} == {"IR"}
        assert any(p.name in ("Kermanshah", "Sarpol-e Z̄ahāb") for p in hits)
    sarpol = [p for p in pls if p.name == "Sarpol-e Z̄ahāb"]
    assert sarpol and sarpol[0].lat is not None and 34.3 < sarpol[0].lat < 34.6


def test_sound_needs_the_country_and_a_cue(resources: Resources) -> None:
    # the same town with no country named: nothing to narrow the sound to
    assert places_of("사르폴자합시의 건물이 무너졌다.", resources, "ko") == []
    # "rebels" (반군) ends like a county (군), "again" (다시) like a city (시): no place of Syria sounds like them
    ko = places_of("시리아 반군 지역에서도 다시 구조가 이어졌다.", resources, "ko")
    assert {p.text for p in ko} == {"시리아"}
    # "many cities" (多个城市) ends with the word for city: not a town of Turkey
    zh = places_of("土耳其多个城市有震感。", resources, "zh")
    assert {p.country for p in zh} == {"TR"} and all(p.feature == "country" for p in zh)


def test_sound_keys_across_scripts() -> None:
    from newsprism.enrich.soundkeys import sound_key

    kermanshah = sound_key("Kermanshah", country="IR")
    for written in ("克尔曼沙阿", "ケルマンシャー", "케르만샤", "كرمانشاه", "Керманшах"):
        assert sound_key(written) == kermanshah, written
    assert sound_key("Erciş", country="TR") == sound_key("에르지스")  # Turkish c is [dʒ]
    assert sound_key("Washington", country="US") == sound_key("واشنطن") == sound_key("워싱턴")
    assert sound_key("Kahramanmaraş", country="TR") == sound_key("カフラマンマラシュ")  # フ before a consonant is h
    assert sound_key("Paris", country="FR") != sound_key("Berlin", country="DE")


def test_seas_and_lakes_in_kazakh(resources: Resources) -> None:
    # the Kazakh name is made from the Russian adjective ("Азовское море" → "Азов теңізі") and read in its cases
    text = "Дауыл Азов теңізінде кемелерді тоқтатты, ал Балқаш көлінің жағасында жел күшейді."
    found = {(p.text, p.name) for p in places_of(text, resources, "kk")}
    assert ("Азов теңізінде", "Sea of Azov") in found
    assert ("Балқаш көлінің", "Lake Balkhash") in found
