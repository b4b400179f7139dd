"""Speakers named outside the quote's own sentence: the next sentence pointing back at it (``«...». Об этом заявил
...``, ``"...". Así lo afirmó ...``, ``«...». Ne è convinta la segretaria ...``), a byline after a dash closing the
line (``"..." - ვოლოდიმირ ზელენსკი``), the name set beside a role (``disse o secretário ..., Felipe Curi``) and a
Chinese colon with no verb of saying. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsprism.enrich.quotes import extract_quotes
from people import people_at

_people = people_at


#: (language, text, the quote's first words, the speaker's name, the evidence span, the people of the text)
CASES = [
    (
        "ru",
        "Протесты продолжаются. «Ситуация под контролем, жертв нет». Об этом в среду заявил журналистам министр "
        "внутренних дел Ерлан Тургумбаев.",
        "Ситуация",
        "Ерлан Тургумбаев",
        "министр внутренних дел Ерлан Тургумбаев",
        ("Ерлан Тургумбаев",),
    ),
    (
        "ru",
        "«Мы не допустим повторения беспорядков». Так глава государства Касым-Жомарт Токаев прокомментировал события.",
        "Мы не допустим",
        "Касым-Жомарт Токаев",
        "глава государства Касым-Жомарт Токаев",
        ("Касым-Жомарт Токаев",),
    ),
    (
        "uk",
        "«Ми не віддамо жодного міста». Про це заявив президент Володимир Зеленський у зверненні.",
        "Ми не віддамо",
        "Володимир Зеленський",
        "президент Володимир Зеленський",
        ("Володимир Зеленський",),
    ),
    (
        "es",
        '"No vamos a negociar con terroristas". Así lo afirmó el presidente Gustavo Petro este lunes.',
        "No vamos",
        "Gustavo Petro",
        "el presidente Gustavo Petro",
        ("Gustavo Petro",),
    ),
    (
        "pl",
        "„Nie oddamy ani metra”. Tak powiedział premier Donald Tusk w poniedziałek.",
        "Nie oddamy",
        "Donald Tusk",
        "premier Donald Tusk",
        ("Donald Tusk",),
    ),
    (
        "it",
        "«La partita è apertissima». Ne è convinta la segretaria del Partito democratico, Elly Schlein, che ha parlato "
        "ieri.",
        "La partita",
        "Elly Schlein",
        "Elly Schlein",
        ("Elly Schlein",),
    ),
    (
        "fr",
        "« Nous ne céderons pas. » C'est ce qu'a déclaré le ministre Gérald Darmanin mardi.",
        "Nous ne céderons",
        "Gérald Darmanin",
        "le ministre Gérald Darmanin",
        ("Gérald Darmanin",),
    ),
    (
        "ru",
        "Встреча прошла в Кремле.\n«Мы готовы к переговорам без условий», — об этом в среду на брифинге заявила "
        "официальный представитель МИД Мария Захарова.",
        "Мы готовы",
        "Мария Захарова",
        "официальный представитель МИД Мария Захарова",
        ("Мария Захарова",),
    ),
    (
        "ru",
        "Обращение к гражданам.\n«Мы выстоим и победим» — Андрей Смирнов",
        "Мы выстоим",
        "Андрей Смирнов",
        "Андрей Смирнов",
        ("Андрей Смирнов",),
    ),
    (
        "pt",
        '"Temos vídeos de indivíduos retirando roupas", disse o secretário de Polícia Civil do Rio, Felipe Curi.',
        "Temos vídeos",
        "Felipe Curi",
        "o secretário de Polícia Civil do Rio, Felipe Curi",
        ("Felipe Curi",),
    ),
    (
        "zh",
        "主教练杜锋表示：“没什么好说的。”外援马尚也只丢下一句话：“糟糕的比赛！”",
        "糟糕",
        "马尚",
        "马尚",
        ("杜锋", "马尚"),
    ),
    (
        "fr",
        "« Les ouvriers ont été informés ce matin », a réagi auprès de l’AFP Franck Bizet, délégué CGT. « On s’y "
        "attendait », a-t-il poursuivi.",
        "On s’y",
        "Franck Bizet",
        "il",
        ("Franck Bizet",),
    ),
    (
        "uz",
        "Муҳожир полициядан шикоят қилди. “Ўзбекистон иш топиб берса, қайтиб кетаман”, – дейди муҳожир.",
        "Ўзбекистон",
        "муҳожир",
        "муҳожир",
        (),
    ),
    (
        "es",
        '"Existen detenidos", afirmó el secretario de Gobernación (ministro del Interior), Miguel Ángel Osorio Chong.',
        "Existen",
        "Miguel Ángel Osorio Chong",
        "el secretario de Gobernación (ministro del Interior), Miguel Ángel Osorio Chong",
        ("Miguel Ángel Osorio Chong",),
    ),
    (
        "nl",
        '"We zijn er klaar voor", liet minister Hugo de Jonge maandag weten.',
        "We zijn",
        "Hugo de Jonge",
        "minister Hugo de Jonge",
        ("Hugo de Jonge",),
    ),
]


@pytest.mark.parametrize(("lang", "text", "said", "speaker", "evidence", "people"), CASES)
def test_the_speaker_named_around_the_quote(
    lang: str, text: str, said: str, speaker: str, evidence: str, people: tuple[str, ...]
) -> None:
    found = extract_quotes(text, parsed=None, language=lang, entities=_people(text, *people))
    quotes = [q for q in found if q.text.startswith(said)]
    assert len(quotes) == 1, [(q.text, q.speaker) for q in found]
    (q,) = quotes
    assert q.speaker == speaker
    assert q.speaker_text == evidence
    assert text[q.speaker_start : q.speaker_end] == evidence


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an adverb followed by a comma: "thus, according to ...", not "so said"
        ("ru", "«Ситуация остаётся тяжёлой и напряжённой во всех районах». Так, по данным МВД, погибли пять человек."),
        # the next sentence points back at nothing: its verb of saying has a subject of its own, and no anaphor
        ("es", '"No vamos a negociar con nadie en estas condiciones". El ministro Pedro Gómez dijo que habrá diálogo.'),
        # an anaphor whose cue does not follow at once ("Das Ministerium ..."): the article of a subject
        ("de", '"Die Lage ist ernst, aber wir sind vorbereitet". Das Gericht hatte gestern gewarnt, sagte Anna Berg.'),
    ],
)
def test_no_speaker_from_a_sentence_that_does_not_point_back(lang: str, text: str) -> None:
    found = extract_quotes(text, parsed=None, language=lang, entities=_people(text, "Pedro Gómez", "Anna Berg"))
    assert found, "the quote itself is found"
    assert found[0].speaker is None, (found[0].speaker, found[0].speaker_text)


def test_a_medium_relaying_words_yields_to_the_speaker_before_the_quote() -> None:
    text = (
        'Учасники акції кричали "Ганьба!", а правоохоронці закликали "не порушувати публічний порядок", '
        "пише Громадське."
    )
    found = extract_quotes(text, parsed=None, language="uk")
    by_text = {q.text: q for q in found}
    assert by_text["не порушувати публічний порядок"].speaker == "правоохоронці"
    # the verb after "а" belongs to its own subject, not to the cry before it
    assert (by_text["Ганьба!"].speaker or "").startswith("Учасники")


@pytest.mark.parametrize(
    ("lang", "text", "said", "speaker"),
    [
        (
            "kk",
            "«Олай деп айтқым келген жоқ». Әкім халықтан кешірім сұрады\n\nАуыл әкімі видео жариялады.",
            "Олай",
            "Әкім",
        ),
        (
            "ru",
            "Новости\n«Мы не уйдём отсюда». Шахтёры продолжают забастовку\n\nТекст статьи.",
            "Мы не уйдём",
            "Шахтёры",
        ),
    ],
)
def test_a_short_quote_in_the_title_is_found(lang: str, text: str, said: str, speaker: str) -> None:
    """Its speaker, when named, opens the title's next sentence."""
    quotes = [q for q in extract_quotes(text, parsed=None, language=lang) if q.text.startswith(said)]
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker


def test_a_quoted_name_in_the_title_is_no_quote() -> None:
    text = "«Зенит» обыграл «Спартак» в Москве\n\nМатч завершился со счётом 2:1."
    assert extract_quotes(text, parsed=None, language="ru") == []


def test_a_korean_pronoun_before_a_quote_with_no_verb_after_it_is_resolved() -> None:
    # the first quote is followed by the connective 며, not a verb of saying: its speaker is the pronoun before it
    text = (
        "김정관 산업통상부 장관이 29일 러트닉 장관을 만났다. 그는 “많은 대화들이 있었고요. 내일 아침에 한 번 더 "
        "이야기를 해 보겠다”며 “결론이 난 것은 아니다”고 밝혔다."
    )
    people = _people(text, "김정관")
    found = extract_quotes(text, parsed=None, language="ko", entities=people)
    assert [(q.speaker, q.speaker_text) for q in found] == [("김정관", "그는"), ("김정관", "그는")]


def test_a_name_after_its_title_opens_the_sentence_a_pronoun_stands_for() -> None:
    # "El juez de Esquel" is a title of four words: the name after it is still the sentence's subject
    text = (
        "El juez de Esquel Jorge Criado habló con la prensa sobre la sentencia de Roberto Barrios. “Fue una "
        "sorpresa”, sostuvo."
    )
    found = extract_quotes(text, parsed=None, language="es", entities=_people(text, "Jorge Criado", "Roberto Barrios"))
    assert [(q.text, q.speaker) for q in found] == [("Fue una sorpresa", "Jorge Criado")]


def test_a_korean_question_clause_names_who_asks_not_who_answers() -> None:
    # 미국 측이 (subject particle) asks the question; the answer is the minister's, the topic of the sentence before
    text = (
        "김 장관은 기자들과 만나 “아직 결론이 난 것은 아니다”고 전했다. 미국 측이 관보 게재 절차에 들어갔는 지 "
        "묻는 질문에는 “그런 이야기까지는 안 한다”고 덧붙였다."
    )
    found = extract_quotes(text, parsed=None, language="ko")
    assert [q.speaker for q in found] == ["김 장관", "김 장관"]
