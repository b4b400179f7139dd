"""Short quoted phrases of a statement ("called them «destructive actions»"), Italian straight quotes written with
spaces inside, an exclamation quoted alone and Uzbek quotes; scare quotes, titles and names stay out (sentences
written for these tests)."""

from __future__ import annotations

import pytest

from newsprism.enrich.quote_marks import find_quote_marks
from newsprism.enrich.quotes import extract_quotes

#: (language, sentence, quoted words, speaker's head word)
PHRASES = [
    ("ru", "Президент Иван Орлов назвал протесты «попыткой захвата власти».", "попыткой захвата власти", "Орлов"),
    ("ru", "Анна Белова охарактеризовала беспорядки как «открытую провокацию».", "открытую провокацию", "Белова"),
    ("uk", "Міністр Олег Бондар назвав протести «спробою захоплення влади».", "спробою захоплення влади", "Бондар"),
    ("de", "Kanzler Max Roth bezeichnete die Proteste als „gezielte Provokation“.", "gezielte Provokation", "Roth"),
    ("fr", "Paul Martin a qualifié ces violences d'« actes inacceptables ».", "actes inacceptables", "Martin"),
    (
        "es",
        "El ministro Pedro Ruiz tildó las marchas de «ataque al orden constitucional».",
        "ataque al orden constitucional",
        "Ruiz",
    ),
    ("pl", "Premier Jan Nowak określił protesty jako „próbę przewrotu”.", "próbę przewrotu", "Nowak"),
    ("tr", 'Bakan Ali Demir protestoları "darbe girişimi" olarak nitelendirdi.', "darbe girişimi", "Demir"),
    ("zh", "外交部长李明形容这些行动是\u201c破坏稳定\u201d。", "破坏稳定", "李明"),
    ("ja", "首相の山田太郎氏は抗議を「破壊的な行為」と呼んだ。", "破壊的な行為", "山田"),
    ("nl", "Minister Joris Smit noemde de rellen „onaanvaardbaar geweld”.", "onaanvaardbaar geweld", "Smit"),
]


@pytest.mark.parametrize(("lang", "sentence", "quoted", "speaker"), PHRASES)
def test_a_quoted_phrase_with_a_verb_of_calling_is_a_quote(lang: str, sentence: str, quoted: str, speaker: str) -> None:
    quotes = extract_quotes(sentence, language=lang)
    hit = [q for q in quotes if quoted in q.text]
    assert hit, [q.text for q in quotes]
    assert speaker in (hit[0].speaker or "")


#: (language, sentence): quotation marks nobody speaks through
SCARE = [
    ("ru", "Так называемые «эксперты» снова ошиблись в прогнозе."),
    ("ru", "Фильм «Лёд» вышел в прокат в четверг."),
    ("de", "Die sogenannten „Experten“ lagen wieder falsch."),
    ("de", "Die Ministerin Eva Kern bezeichnete den Plan als „Neustart“."),
    ("nl", "Minister Joris Smit noemde het plan een „succes”."),
    ("es", "La película «Mar de fondo» se estrena el viernes en Madrid."),
    ("fr", "Le journal « Le Matin » a publié l'article lundi."),
    ("it", 'I cosiddetti "esperti" hanno sbagliato di nuovo.'),
    ("zh", "电影\u201c长河\u201d周五上映。"),
    ("uz", "«Paxtakor» jamoasi kecha g'alaba qozondi."),
    ("en", "The so-called \u201cexperts\u201d were wrong again, the article said."),
]


@pytest.mark.parametrize(("lang", "sentence"), SCARE)
def test_scare_quotes_titles_and_names_are_no_quotes(lang: str, sentence: str) -> None:
    assert extract_quotes(sentence, language=lang) == []


def test_italian_straight_quotes_with_spaces_inside_pair() -> None:
    text = 'Il sindaco Marco Bianchi ha detto: " Non lasceremo nessuno indietro ". Poi è partito.'
    marks = find_quote_marks(text)
    assert [text[m.start : m.end] for m in marks] == ["Non lasceremo nessuno indietro"]
    quotes = extract_quotes(text, language="it")
    assert [(q.text, q.speaker) for q in quotes] == [("Non lasceremo nessuno indietro", "Marco Bianchi")]


def test_a_lone_inch_mark_pairs_nothing() -> None:
    assert find_quote_marks('Uno schermo da 55 " e uno da 65" in vetrina.') == []


def test_an_exclamation_quoted_alone_is_a_quote() -> None:
    text = 'Tra le macerie una donna piangeva. "Oh, figlio mio!" Poi il silenzio.'
    assert [q.text for q in extract_quotes(text, language="it")] == ["Oh, figlio mio!"]


def test_a_title_ending_in_an_exclamation_is_no_quote() -> None:
    assert extract_quotes('Stasera in teatro va in scena "Mamma Mia!" per la prima volta.', language="it") == []


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker", "cue"),
    [
        ("«Suv ta'minoti tiklandi», — ta'kidladi hokim Botir Rasulov.", "Suv ta'minoti", "Rasulov", "ta'kidladi"),
        ("«Maktablar dushanba ochiladi», — ma'lum qildi vazir Dilnoza Yusupova.", "Maktablar", "Yusupova", "ma'lum"),
        ("Hokim Botir Rasulov «vaziyat nazorat ostida», deb aytdi.", "vaziyat nazorat ostida", "Rasulov", "deb"),
        ("«Сув таъминоти тикланди», деди ҳоким Ботир Расулов.", "Сув таъминоти тикланди", "Расулов", "деди"),
    ],
)
def test_uzbek_quotes(sentence: str, quoted: str, speaker: str, cue: str) -> None:
    quotes = extract_quotes(sentence, language="uz")
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text.startswith(quoted)
    assert speaker in (q.speaker or "")
    assert (q.cue or "").startswith(cue)
