"""Language detection on short and mixed texts written for these tests: script shortcuts, letters that tell close
languages apart, lingua for the rest; the score is kept and low confidence is said."""

from __future__ import annotations

import pytest

from newsprism.config import Settings
from newsprism.enrich.language import (
    SUPPORTED,
    LanguageDetector,
    clean_for_detection,
    detect_language,
)
from newsprism.pipeline import Resources


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector(",".join(SUPPORTED))


ONE_SENTENCE = [
    ("en", "The government declared a state of emergency across the whole country on Wednesday."),
    ("ru", "Правительство в среду ввело режим чрезвычайного положения по всей стране."),
    ("uk", "Уряд у середу запровадив надзвичайний стан по всій країні через протести."),
    ("bg", "Правителството въведе извънредно положение в цялата страна в сряда."),
    ("kk", "Үкімет сәрсенбі күні бүкіл елде төтенше жағдай енгізді."),
    ("ky", "Өкмөт шаршемби күнү бүткүл өлкөдө өзгөчө абал киргизди."),
    ("uz", "Hukumat chorshanba kuni butun mamlakatda favqulodda holat e‘lon qildi va bu haqida xabar berdi."),
    ("az", "Hökumət çərşənbə günü bütün ölkədə fövqəladə vəziyyət elan edib."),
    ("tr", "Hükümet çarşamba günü ülke genelinde olağanüstü hal ilan etti."),
    ("de", "Die Regierung hat am Mittwoch im ganzen Land den Ausnahmezustand verhängt."),
    ("fr", "Le gouvernement a décrété mercredi l'état d'urgence dans tout le pays."),
    ("es", "El gobierno decretó el miércoles el estado de emergencia en todo el país."),
    ("it", "Il governo ha dichiarato mercoledì lo stato di emergenza in tutto il paese."),
    ("pt", "O governo decretou na quarta-feira estado de emergência em todo o país."),
    ("pl", "Rząd w środę wprowadził stan wyjątkowy na terenie całego kraju."),
    ("hu", "A kormány szerdán rendkívüli állapotot hirdetett az egész országban."),
    ("fi", "Hallitus julisti keskiviikkona poikkeustilan koko maahan."),
    ("sv", "Regeringen utlyste på onsdagen undantagstillstånd i hela landet."),
    ("nl", "De regering heeft woensdag in het hele land de noodtoestand uitgeroepen."),
    ("el", "Η κυβέρνηση κήρυξε την Τετάρτη κατάσταση έκτακτης ανάγκης σε όλη τη χώρα."),
    ("hy", "Կառավարությունը չորեքշաբթի օրը արտակարգ դրություն հայտարարեց ամբողջ երկրում։"),
    ("ka", "მთავრობამ ოთხშაბათს მთელ ქვეყანაში საგანგებო მდგომარეობა გამოაცხადა."),
    ("ar", "أعلنت الحكومة يوم الأربعاء حالة الطوارئ في جميع أنحاء البلاد."),
    ("fa", "دولت روز چهارشنبه در سراسر کشور وضعیت اضطراری اعلام کرد."),
    ("zh", "政府周三宣布全国进入紧急状态。"),
    ("ja", "政府は水曜日、全国に非常事態を宣言した。"),
    ("ko", "정부는 수요일 전국에 비상사태를 선포했다."),
]


@pytest.mark.parametrize(("lang", "text"), ONE_SENTENCE, ids=[x[0] for x in ONE_SENTENCE])
def test_one_sentence_in_each_language(detector: LanguageDetector, lang: str, text: str) -> None:
    found = detector.detect_full(text)
    assert found.code == lang
    assert 0.0 < found.score <= 1.0


def test_mixed_pages_keep_their_language(detector: LanguageDetector) -> None:
    kazakh_with_russian_quote = (
        "Президент халыққа үндеу жасады. «Мы не допустим беспорядков и будем действовать жёстко», — деді ол. "
        "Елде төтенше жағдай жарияланды, қалада интернет өшірілді."
    )
    assert detector.detect(kazakh_with_russian_quote)[0] == "kk"
    chinese_with_english_names = "美国国务卿Antony Blinken与Joe Biden总统的特使周三会见了哈萨克斯坦外长。"
    assert detector.detect(chinese_with_english_names)[0] == "zh"
    russian_with_one_kazakh_name = "Президент Қасым-Жомарт Тоқаев выступил с обращением к жителям страны."
    assert detector.detect(russian_with_one_kazakh_name)[0] == "ru"
    japanese_with_kanji = "東京で会議が開かれた。トカエフ大統領も出席した。"
    assert detector.detect(japanese_with_kanji)[0] == "ja"


def test_urls_markup_and_numbers_do_not_count(detector: LanguageDetector) -> None:
    assert clean_for_detection("See https://example.com/x?y=1 <b>now</b> 2022 &amp; @handle") == "See now"
    text = "https://news.example.kz/ru/2022/01/05 <p>Правительство ввело режим ЧП 5 января 2022 года.</p>"
    assert detector.detect(text)[0] == "ru"
    assert detector.detect("https://example.com 2022 12:30 <br/>") == (None, 0.0)


def test_low_confidence_is_kept_and_said(detector: LanguageDetector) -> None:
    short = detector.detect_full("Hola amigo")
    assert short.code is not None and short.uncertain  # a guess, marked uncertain, score kept
    long_ = detector.detect_full(ONE_SENTENCE[0][1] + " " + ONE_SENTENCE[0][1])
    assert long_.code == "en" and not long_.uncertain
    assert detector.detect("ок") == (None, 0.0)


def test_detection_is_restricted_to_the_configured_languages() -> None:
    only_two = LanguageDetector("en,ru")
    assert only_two.detect_full("Η κυβέρνηση κήρυξε κατάσταση έκτακτης ανάγκης.").code is None
    assert only_two.detect("Die Regierung hat den Ausnahmezustand verhängt.")[0] in ("en", "ru")


def test_default_setting_covers_every_supported_language() -> None:
    assert set(str(Settings().languages).split(",")) == set(SUPPORTED)
    lang, score = detect_language("Hükümet ülke genelinde olağanüstü hal ilan etti.", Resources())
    assert lang == "tr" and score > 0.5


def test_kazakh_in_the_arabic_script_is_kazakh(detector: LanguageDetector) -> None:
    # Kazakh's Arabic alphabet writes ۇ ۋ ڭ ە and a high hamza, which Arabic and Persian do not use; Uyghur's ئ ې ۈ
    # keep a Uyghur sentence from being taken for Kazakh
    assert detector.detect("ۇكىمەت سارسەنبى كۇنى بۇكىل ەلدە توتەنشە جاعداي ەنگىزدى.")[0] == "kk"
    assert detector.detect("ٴبىز ٴۇشىن ەڭ ماڭىزدىسى - ەلدىڭ تىنىشتىعى مەن بىرلىگى.")[0] == "kk"
    assert detector.detect("أعلنت الحكومة حالة الطوارئ في جميع أنحاء البلاد يوم الأربعاء.")[0] == "ar"
    uyghur = "ھۆكۈمەت چارشەنبە كۈنى پۈتۈن ئەلدە جىددىي ھالەت ئېلان قىلدى ۋە بۇ ھەقتە ئۇچۇر بەردى."
    assert detector.detect(uyghur)[0] != "kk"


def test_english_words_ending_like_uzbek_stay_english(detector: LanguageDetector) -> None:
    # "-ning" and "-dagi" are Uzbek case endings, and also the end of English words ("warning", "morning")
    for text in (
        "Storm warning\n\nThe Met Office warned of gales across Scotland and Wales on Friday.",
        "Planning and running the morning meeting was a warning to everyone in the building.",
    ):
        assert detector.detect(text)[0] == "en", text


def test_georgian_is_read_by_its_script_even_beside_latin_chrome(detector: LanguageDetector) -> None:
    # no Georgian script was known: a Georgian page with a few Latin menu words was taken for French
    page = "Home News Live Video\nპრეზიდენტმა განაცხადა, რომ „ქვეყანა მზად არის“ მოლაპარაკებისთვის.\n" * 2
    assert detector.detect(page)[0] == "ka"


def test_uzbek_marks_count_before_the_text_is_cleaned(detector: LanguageDetector) -> None:
    # cleaning keeps letters only, so o‘ and g‘ lost their mark and an Uzbek page with a Latin menu line read as
    # Azerbaijani; the marks are counted on the raw text
    page = (
        "Xabarlar tezkor Telegram kanalimizda Obuna bo'lish\n\n"
        "Prezident viloyatga qilgan tashrifi to‘g‘risida so‘zlab berdi. Yerlar o‘zlashtirildi, "
        "sog‘liqni saqlash bo‘yicha yangi shifoxona qurildi. «Endi yo‘llar yaxshi», dedi u."
    )
    assert detector.detect(page)[0] == "uz"
