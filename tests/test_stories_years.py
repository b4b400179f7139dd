"""Which years a page's text gives its event, and which decimal is its main measure (stories/features.py)."""

from __future__ import annotations

import pytest

from newsprism.model import Article
from newsprism.stories.features import event_years, main_measure, year_of


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a date with a month name, in several languages
        ("The quake struck on 6 February 2023 near the border.", [2023]),
        ("Das Beben ereignete sich am 6. Februar 2023 um 4.17 Uhr.", [2023]),
        ("Le séisme du 6 février 2023 a fait des milliers de morts.", [2023]),
        ("El terremoto del 6 de febrero de 2023 sacudió la región.", [2023]),
        ("Землетрясение произошло в 2023 году на юге страны.", [2023]),
        ("Deprem 6 Şubat 2023 tarihinde meydana geldi.", [2023]),
        ("地震发生于2023年2月6日凌晨。", [2023]),
        ("Zilzilə 2023-cü il fevralın 6-da baş verib.", [2023]),
        ("Жер сілкінісі 2023 жылғы 6 ақпанда болды.", [2023]),
        # a past reference after "since" is not the event's year
        ("The strongest quake since 1939 hit the region on 6 February 2023.", [2023]),
        ("Das stärkste Beben seit 1999 traf am 6. Februar 2023 die Region.", [2023]),
        ("Самое сильное землетрясение с 1999 года произошло 6 февраля 2023 года.", [2023]),
        ("Le plus fort séisme depuis 1999, le 6 février 2023.", [2023]),
        ("El peor desde 1999 ocurrió el 6 de febrero de 2023.", [2023]),
        ("Il più forte dal 1999 è avvenuto il 6 febbraio 2023.", [2023]),
        ("Najsilniejsze od 2011 roku trzęsienie ziemi.", []),
        ("1999'dan beri en büyük deprem oldu.", []),
        ("自1999年以来最强的地震。", []),
        ("أقوى زلزال منذ عام 1999 في البلاد.", []),
        # a count, and a year no date word stands by
        ("More than 2000 injured were taken to hospitals.", []),
        ("Более 2000 человек получили ранения.", []),
        ("On 6 February, 2000 people were rescued.", []),
        ("The 2011 disaster was worse.", []),
    ],
)
def test_event_years(text: str, years: list[int]) -> None:
    assert event_years(text) == years


def test_undated_page_year_ignores_a_past_reference_and_a_count() -> None:
    art = Article(id="a", url="https://example.invalid/quake", title="", body="", language="de")
    text = "Das stärkste Beben seit 2011; 2000 Verletzte. Am 6. Februar 2023 bebte die Erde."
    assert year_of(art, text) == (2023, False)
    # no dated year: one no "since" nor quantity word stands before counts ("the largest protest of 2011")
    assert year_of(art, "Das stärkste Beben seit 2011; mehr als 2000 Verletzte.") == (None, False)
    assert year_of(art, "Es la protesta estudiantil más grande de 2011.") == (2011, False)
    assert year_of(art, "Более 2000 человек пострадали, как и в 2011, при землетрясении с 1999 года.") == (2011, False)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # an aftershock's magnitude first: the main quake's is the measure
        ("Афтершок магнитудой 4,9 последовал за землетрясением магнитудой 7,8.", "7.8"),
        ("Ett efterskalv på 4,9 följde skalvet med en magnitud som uppmätts till 7,8.", "7.8"),
        # a decimal a magnitude word names goes before an earlier bare one
        ("Wasserstand 2,5; ein Erdbeben der Stärke 7,8 erschütterte die Türkei.", "7.8"),
        ("水位2.5米，7.8级地震", "7.8"),
        ("7,7 büyüklüğünde deprem; 6,6 büyüklüğünde artçı sarsıntı", "7.7"),
        # a past quake's larger magnitude later in the text does not replace the event's
        ("Ein Beben der Stärke 6,8 traf Elazığ; 1999 hatte ein Beben der Stärke 7,6 Gölcük getroffen.", "6.8"),
        # no magnitude word: the first bare decimal, as before
        ("The Guaíba river stood at 5.3 on Monday.", "5.3"),
        ("inflation at 4.5% and $7.2 billion", ""),
    ],
)
def test_main_measure(text: str, measure: str) -> None:
    assert main_measure(text) == measure


def test_a_short_word_opening_a_kazakh_sentence_is_no_foreign_town() -> None:
    from newsprism.enrich.places import _short_opener

    body = "Жер сілкінісі болды.\n\nБұған дейін Онда 2 адам. Алматыда да сезілді."
    assert _short_opener(body, body.index("Бұған"), "Бұған")
    assert not _short_opener(body, body.index("Онда"), "Онда")  # inside a sentence: left to the gazetteer
    assert not _short_opener(body, body.index("Алматыда"), "Алматыда")  # longer than a pronoun
    assert not _short_opener("Done. Onda is a town.", 6, "Onda")  # Latin letters: left as they were
