"""Quotes in other languages: each script's quotation marks and each language's cue verbs (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from newsprism.enrich.quote_marks import find_quote_marks
from newsprism.enrich.quotes import extract_quotes

#: (language, sentence, quoted words, speaker, cue as written)
CASES = [
    (
        "ru",
        "«Ситуация полностью под контролем», — заявил министр Иван Петров журналистам.",
        "Ситуация полностью под контролем",
        "Иван Петров",
        "заявил",
    ),
    (
        "ru",
        "Анна Смирнова сообщила: «Школы откроются в понедельник».",
        "Школы откроются в понедельник",
        "Анна Смирнова",
        "сообщила",
    ),
    (
        "uk",
        "«Ми не відступимо», — наголосила Олена Коваль на брифінгу.",
        "Ми не відступимо",
        "Олена Коваль",
        "наголосила",
    ),
    (
        "fr",
        "« Nous ne partirons pas », a déclaré le maire Jean Dupont lundi.",
        "Nous ne partirons pas",
        "Jean Dupont",
        "déclaré",
    ),
    (
        "de",
        "Die Ministerin Anna Weber sagte: „Wir werden die Grenze nicht schließen.“",
        "Wir werden die Grenze nicht schließen.",
        "Ministerin Anna Weber",
        "sagte",
    ),
    (
        "de",
        "»Das ist ein schwerer Fehler«, warnte Klaus Becker am Abend.",
        "Das ist ein schwerer Fehler",
        "Klaus Becker",
        "warnte",
    ),
    (
        "es",
        "«No vamos a rendirnos ante nadie», afirmó la alcaldesa Carmen López.",
        "No vamos a rendirnos ante nadie",
        "Carmen López",
        "afirmó",
    ),
    (
        "it",
        "«Il governo non cadrà questa settimana», ha detto Marco Rossi ai giornalisti.",
        "Il governo non cadrà questa settimana",
        "Marco Rossi",
        "detto",
    ),
    (
        "pl",
        "„Nie zgodzimy się na takie warunki” – powiedział Jan Kowalski w poniedziałek.",
        "Nie zgodzimy się na takie warunki",
        "Jan Kowalski",
        "powiedział",
    ),
    (
        "tr",
        'Bakan Ahmet Yılmaz, "Bu karar kesinlikle geri alınmayacak" dedi.',
        "Bu karar kesinlikle geri alınmayacak",
        "Bakan Ahmet Yılmaz",
        "dedi",
    ),
    (
        "zh",
        "外交部发言人王毅表示：“中方坚决反对任何形式的干涉。”",
        "中方坚决反对任何形式的干涉。",
        "外交部发言人王毅",
        "表示",
    ),
    ("zh", "“我们会继续努力。”李明说。", "我们会继续努力。", "李明", "说"),
    # traditional characters (Taiwan, Hong Kong): the simplified cue list reads 說 as 说, 強調 as 强调
    ("zh", "「我們會持續努力。」行政院長林國華說。", "我們會持續努力。", "行政院長林國華", "說"),
    ("zh", "黨主席陳志明強調：「政府必須負責。」", "政府必須負責。", "黨主席陳志明", "強調"),
    ("ko", "김민수 대표는 “정부가 책임져야 한다”며 비판했다.", "정부가 책임져야 한다", "김민수 대표", "비판했다"),
    # no cue verb: the subject before the quote, without its topic particle (대표는)
    ("ko", "김민수 대표는 “정부가 책임져야 한다”며 목소리를 높였다.", "정부가 책임져야 한다", "김민수 대표", None),
    ("ja", "首相は「経済対策を急ぐ」と述べた。", "経済対策を急ぐ", "首相", "述べ"),
    (
        "sv",
        "”Vi bygger upp staden igen” säger borgmästaren Eva Lind.",
        "Vi bygger upp staden igen",
        "Eva Lind",
        "säger",
    ),
    ("sv", "»Läget är allvarligt» skriver Per Holm på sin blogg.", "Läget är allvarligt", "Per Holm", "skriver"),
    ("nl", "„We blijven helpen”, zei minister Sanne de Boer dinsdag.", "We blijven helpen", "Sanne de Boer", "zei"),
    ("fi", "”Apua tarvitaan heti”, sanoi Mikko Salo perjantaina.", "Apua tarvitaan heti", "Mikko Salo", "sanoi"),
    (
        "hu",
        "„Minden segítséget megadunk” – mondta Kovács Gergely.",
        "Minden segítséget megadunk",
        "Kovács Gergely",
        "mondta",
    ),
    (
        "el",
        "«Η κατάσταση είναι δύσκολη», δήλωσε ο Νίκος Παππάς.",
        "Η κατάσταση είναι δύσκολη",
        "Νίκος Παππάς",
        "δήλωσε",
    ),
    ("bg", "„Положението е трудно“, каза Иван Петров пред БНТ.", "Положението е трудно", "Иван Петров", "каза"),
    ("pl", "„Pomoc już jedzie” – powiedział Jan Nowak reporterom.", "Pomoc już jedzie", "Jan Nowak", "powiedział"),
]


@pytest.mark.parametrize(
    ("lang", "text", "said", "speaker", "cue"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_quote_and_speaker_in_each_language(lang: str, text: str, said: str, speaker: str, cue: str) -> None:
    (q,) = extract_quotes(text, parsed=None, language=lang)
    assert (q.text, q.speaker, q.cue, q.kind) == (said, speaker, cue, "direct")
    assert text[q.start : q.end] == q.text
    assert text[q.speaker_start : q.speaker_end] == q.speaker_text


def test_inflected_cue_verbs_match_their_lemma() -> None:
    for form, name in (("заявила", "Мария Орлова"), ("заявлял", "Олег Титов"), ("заявит", "Олег Титов")):
        text = f"«Мы готовы к переговорам», — {form} {name}."
        (q,) = extract_quotes(text, parsed=None, language="ru")
        assert (q.cue, q.speaker) == (form, name)


def test_mixed_quote_after_a_cue_before_the_marks() -> None:
    text = "Le président a affirmé que la situation était « sous contrôle »."
    (q,) = extract_quotes(text, parsed=None, language="fr")
    assert q.kind == "mixed" and q.text == "la situation était « sous contrôle »"
    assert q.speaker == "Le président"
    text = "Der Sprecher erklärte, die Lage sei »vollkommen ruhig«."
    (q,) = extract_quotes(text, parsed=None, language="de")
    assert q.kind == "mixed" and q.text == "die Lage sei »vollkommen ruhig«" and q.speaker == "Sprecher"


def test_according_to_in_other_languages() -> None:
    text = "«Погибли не менее десяти человек и ещё двадцать ранены», по словам Петра Волкова."
    (q,) = extract_quotes(text, parsed=None, language="ru")
    assert q.speaker == "Петра Волкова"


def test_short_quoted_terms_without_a_cue_are_not_quotes() -> None:
    text = "Die Zeitung nannte den Plan einen „Neustart“. Le film « Les Misérables » sort demain."
    assert extract_quotes(text, parsed=None, language="de") == []


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Il a dit : « Non, jamais ».", ["Non, jamais"]),
        ("Er sagte: „Nein“ und ging. Sie schrieb: ‚Ja‘.", ["Nein", "Ja"]),
        ("Er sagte: »Nein«, und ging.", ["Nein"]),
        ("Elle a dit ‹ peut-être › hier.", ["peut-être"]),
        ("他说「不行」，她写道『可以』。", ["不行", "可以"]),
        ("« Il a crié « au secours » puis s’est tu », raconte-t-elle.", ["Il a crié « au secours » puis s’est tu"]),
    ],
)
def test_quotation_marks_of_every_script(text: str, inner: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_quote_marks(text)] == inner


@pytest.mark.parametrize(
    ("lang", "text", "said", "speaker"),
    [
        (
            "fi",
            "Järistys tuntui laajalla alueella.\n– Kaikki kaatui hyllyiltä. Juoksimme ulos, kaupungissa asuva Liisa "
            "Koski kertoi uutistoimistolle.\nPelastajat jatkavat.",
            "Kaikki kaatui hyllyiltä. Juoksimme ulos",
            "Liisa Koski",
        ),
        (
            "ru",
            "— Мы справимся с последствиями, — заявил Пётр Волков.\nРабота идёт.",
            "Мы справимся с последствиями",
            "Пётр Волков",
        ),
        (
            "sv",
            "– Vi har aldrig sett något liknande, säger räddningsledaren Anna Ek.",
            "Vi har aldrig sett något liknande",
            "Anna Ek",
        ),
    ],
)
def test_a_paragraph_opened_by_a_dash_is_a_quote(lang: str, text: str, said: str, speaker: str) -> None:
    (q,) = extract_quotes(text, parsed=None, language=lang)
    assert (q.text, q.speaker) == (said, speaker)
    assert text[q.start : q.end] == q.text


def test_a_dash_opens_a_quote_only_where_the_language_writes_it_so() -> None:
    text = "– The second point is the budget, said nobody in particular.\n"
    assert [m.dash for m in find_quote_marks(text)] == []
    assert [m.dash for m in find_quote_marks(text, dash=True)] == [True]
    (q,) = extract_quotes("– Pomoc dotrze jutro, wszystko jest gotowe, powiedział Jan Nowak.", language="pl")
    assert q.text == "Pomoc dotrze jutro, wszystko jest gotowe"  # the cut is at the comma before the attribution


def test_swedish_closing_marks_open_a_quote_but_an_apostrophe_does_not() -> None:
    text = "Han sa ”nej” och gick. Sveriges ’bästa’ år, landets ’värsta’."
    assert [text[m.start : m.end] for m in find_quote_marks(text)] == ["nej"]


def test_arabic_quote_takes_its_speaker_from_the_entities() -> None:
    # Arabic has no capitals: the speaker is the name the entities stage found next to the cue
    from newsprism.model import Entity

    text = "«الوضع صعب جدا»، قال أحمد سالم للصحفيين."
    start = text.index("أحمد سالم")
    name = Entity(article_id="a", start=start, end=start + 9, text="أحمد سالم", score=0.8, component="t", type="person")
    (q,) = extract_quotes(text, parsed=None, language="ar", entities=[name])
    assert (q.text, q.speaker, q.cue) == ("الوضع صعب جدا", "أحمد سالم", "قال")


def test_a_dash_after_a_sentence_opens_a_quote_when_an_attribution_closes_it() -> None:
    # archived pages often lose their paragraph breaks: the dash then follows the previous sentence
    text = "Maa järisi aamulla. – Kaikki kaatui, Liisa Koski kertoi. – Tämä on vain viiva ilman lähdettä."
    quotes = extract_quotes(text, parsed=None, language="fi")
    assert [(q.text, q.speaker) for q in quotes] == [("Kaikki kaatui", "Liisa Koski")]


def test_a_conjunction_opening_the_sentence_is_no_speaker() -> None:
    # a capitalised word that opens a sentence is a name only when it is not a function word of the language
    for lang, text in (
        ("es", "Sin pruebas nuevas, «el caso no puede avanzar ante el jurado popular», afirmó."),
        ("es", "Pero «la inflación va a bajar en los próximos meses», aseguró."),
    ):
        (q,) = extract_quotes(text, parsed=None, language=lang)
        assert q.speaker is None, (text, q.speaker)
    (q,) = extract_quotes("«La inflación va a bajar», aseguró Axel Kicillof.", parsed=None, language="es")
    assert q.speaker == "Axel Kicillof"


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "cue"),
    [
        (
            "az",
            'Kənd sakini Namiq Əliyev evdə olduğunu qeyd edib: "Gördüm, ayağıma su dəydi".',
            "Namiq Əliyev",
            "qeyd edib",
        ),
        ("kk", "– Біз бұл мәселені тез шешеміз, – дейді аудан әкімі Бейбіт Сапаров.", "Бейбіт Сапаров", "дейді"),
        ("tr", "“Haklı olduğumuzu biliyoruz” diyen Sinem Kaya, grevin süreceğini söyledi.", "Sinem Kaya", "diyen"),
        ("uk", "«Ми задоволені грою», — прокоментував Сергій Ребров.", "Сергій Ребров", "прокоментував"),
        (
            "fr",
            "« Aucune victime n'est à déplorer », a rassuré le lieutenant-colonel Nicolas Faure.",
            "Nicolas Faure",
            "rassuré",
        ),
    ],
)
def test_present_tense_participle_and_comment_cues(lang: str, text: str, speaker: str, cue: str) -> None:
    # kk дейді (says) beside деді (said), tr "diyen X" (X, saying ...), az "qeyd edib" (has noted), uk and ru
    # "commented", fr "a rassuré"
    (q,) = extract_quotes(text, parsed=None, language=lang)
    assert (q.speaker, q.cue) == (speaker, cue)


def test_korean_demonstratives_and_quotatives_are_no_subject() -> None:
    # 이같이 ("like this") and the quotative 라는 after the closing mark matched the subject pattern (이/는)
    for text, speaker in (
        ("대통령실 관계자는 이날 기자들과 만나 “야당의 파트너는 여당”이라며 이같이 답했다.", "대통령실 관계자"),
        ("대통령실은 26일 해임 요구에 대해 “여당에서 답할 문제”라는 입장을 밝혔다.", "대통령실"),
    ):
        (q,) = extract_quotes(text, parsed=None, language="ko")
        assert q.speaker == speaker, (text, q.speaker)


def test_a_mark_opens_right_after_a_sentence_end_with_no_space() -> None:
    text = '"Działa armia" - oświadczył Zełenski."Zwyciężymy, bo jesteśmy Ukrainą" - dodał. Powiedział "tak." Potem'
    inner = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert inner == ["Działa armia", "Zwyciężymy, bo jesteśmy Ukrainą", "tak."]


def test_a_country_name_is_no_verb_of_saying() -> None:
    """Bulgarian каза (said) is how Казахстан begins: the verb's forms are listed, not its stem."""
    (quote,) = extract_quotes(
        "„Това е важен ден за региона“, Казахстан и България подписаха споразумение.", language="bg"
    )
    assert quote.speaker is None and quote.cue is None
    (quote,) = extract_quotes("„Положението е трудно“, казала Мария Петрова.", language="bg")
    assert (quote.cue, quote.speaker) == ("казала", "Мария Петрова")
