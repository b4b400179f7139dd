"""Speakers of quotes outside English: news sentences written for these tests in 21 languages, each with the speaker
newsprism must name and the words of the page that are its evidence (before or after the quote, a title and a name,
a role, a pronoun resolved to the person named before it, verb-final languages, scripts without capitals)."""

from __future__ import annotations

import pytest

from newsprism.enrich.quotes import extract_quotes
from newsprism.enrich.speakers_lexical import capitalised_runs, load_speaker_words, role_phrases, speaker_in
from people import people_at

_people = people_at


#: (language, text, the quote's first words, the speaker's name, the evidence span as written)
CASES = [
    (
        "ru",
        "Президент Казахстана Касым-Жомарт Токаев выступил в парламенте. Он заявил: «Мы не допустим повторения "
        "трагедии».",
        "Мы не допустим",
        "Президент Казахстана Касым-Жомарт Токаев",
        "Он",
    ),
    ("ru", "«Ситуация стабилизировалась», — сообщил глава МЧС.", "Ситуация", "глава МЧС", "глава МЧС"),
    (
        "ru",
        "Министр здравоохранения Алексей Иванов посетил больницу. «Все пострадавшие получают помощь», — сказал он.",
        "Все пострадавшие",
        "Алексей Иванов",
        "он",
    ),
    (
        "uk",
        "Про це повідомив міністр внутрішніх справ Ігор Клименко.\n«Евакуйовано 2412 осіб», – йдеться в повідомленні.",
        "Евакуйовано",
        "Ігор Клименко",
        "повідомленні",
    ),
    (
        "kk",
        "«Қазіргі уақытта жағдай бақылауда», - деді Түркия басшысы сөйлеген сөзінде.",
        "Қазіргі",
        "Түркия басшысы",
        "Түркия басшысы",
    ),
    (
        "tr",
        "Cumhurbaşkanı Erdoğan şunları söyledi: «Bütün imkanlarımızı seferber ettik».",
        "Bütün",
        "Cumhurbaşkanı Erdoğan",
        "Cumhurbaşkanı Erdoğan",
    ),
    (
        "tr",
        'AFAD Başkanı Yunus Sezer açıklama yaptı. Sezer, "Arama çalışmaları sürüyor" ifadelerini kullandı.',
        "Arama",
        "Sezer",
        "Sezer",
    ),
    (
        "az",
        'Prezident İlham Əliyev bildirib: "Azərbaycan qardaş Türkiyəyə yardım göndərəcək".',
        "Azərbaycan",
        "Prezident İlham Əliyev",
        "Prezident İlham Əliyev",
    ),
    (
        "de",
        "Der Innenminister besuchte die Region. „Wir helfen, wo wir können“, sagte er.",
        "Wir helfen",
        "Innenminister",
        "er",
    ),
    (
        "fr",
        "« La situation est sous contrôle », a déclaré le ministre.",
        "La situation",
        "ministre",
        "le ministre",
    ),
    (
        "es",
        "«Han movilizado todos los medios», aseguró el ministro del Interior.",
        "Han movilizado",
        "ministro del Interior",
        "el ministro del Interior",
    ),
    (
        "pt",
        '"A situação é muito grave", disse o governador Eduardo Leite.',
        "A situação",
        "Eduardo Leite",
        "o governador Eduardo Leite",
    ),
    (
        "it",
        '"Abbiamo sentito una scossa molto violenta", ha detto al telefono Abdelhak El Amrani, 33 anni.',
        "Abbiamo",
        "Abdelhak El Amrani",
        "Abdelhak El Amrani",
    ),
    (
        "zh",
        "土耳其副總統奧克塔伊12日凌晨表示,該國地震奪走了超24600人的生命。\n他在發佈會上表示:“地震造成24617人死亡。”",
        "地震造成",
        "土耳其副總統奧克塔伊",
        "他",
    ),
    (
        "ja",
        "トルコのエルドアン大統領はツイッターで哀悼の意を表し、「市民の安全確保のためあらゆる措置をとる」とコメントしている。",
        "市民の安全",
        "エルドアン大統領",
        "エルドアン大統領",
    ),
    (
        "ko",
        '에르도안 대통령은 "사망자가 계속 늘고 있다"고 말했다.',
        "사망자가",
        "에르도안 대통령",
        "에르도안 대통령",
    ),
    (
        "ko",
        '지진 피해 눈덩이…에르도안 대통령 "튀르키예만 사망자 912명"',
        "튀르키예만",
        "에르도안 대통령",
        "에르도안 대통령",
    ),
    (
        "ar",
        'وقال وزير الداخلية التركي سليمان صويلو لقناة "خبر ترك"، إنّ "جميع فرقنا في حالة تأهب. لقد أصدرنا إنذارا".',
        "جميع فرقنا",
        "وزير الداخلية التركي سليمان صويلو",
        "وزير الداخلية التركي سليمان صويلو",
    ),
    ("fa", "وزیر کشور ترکیه گفت: «تیم‌های ما در منطقه هستند».", "تیم‌های", "وزیر کشور ترکیه", "وزیر کشور ترکیه"),
    (
        "fi",
        "– Se oli erittäin pelottavaa. Ryntäsimme ulos, Elazigin kaupungissa asuva Melahat Can, 47, kertoi "
        "uutistoimisto AFP:lle.",
        "Se oli",
        "Melahat Can",
        "Melahat Can",
    ),
    (
        "sv",
        "”Det här är den värsta katastrofen sedan 1939” säger landets president Erdogan.",
        "Det här",
        "Erdogan",
        "president Erdogan",
    ),
    (
        "el",
        "«Στεκόμαστε στο πλευρό του τουρκικού λαού», δήλωσε ο πρωθυπουργός Κυριάκος Μητσοτάκης.",
        "Στεκόμαστε",
        "Κυριάκος Μητσοτάκης",
        "ο πρωθυπουργός Κυριάκος Μητσοτάκης",
    ),
    ("nl", "„De schade is enorm”, zei de burgemeester.", "De schade", "burgemeester", "de burgemeester"),
    (
        "fr",
        "La ministre Aurélie Martin s'est rendue à Marrakech. « Nous faisons tout notre possible », a-t-elle déclaré.",
        "Nous faisons",
        "Aurélie Martin",
        "elle",
    ),
    (
        "ru",
        "Касым-Жомарт Токаев заявил:\n«Мы окажем помощь всем пострадавшим».",
        "Мы окажем",
        "Касым-Жомарт Токаев",
        "Касым-Жомарт Токаев",
    ),
    (
        "tr",
        'Bakan Koca, açıklamasında "Yaralıların tedavisi sürüyor" dedi.',
        "Yaralıların",
        "Bakan Koca",
        "Bakan Koca",
    ),
    (
        "ar",
        'وأكد وزير الصحة أن "المستشفيات تستقبل الجرحى"، مضيفا أن الوضع صعب.',
        "المستشفيات",
        "وزير الصحة",
        "وزير الصحة",
    ),
    ("pt", '"Perdemos tudo", contou um morador da cidade.', "Perdemos", "morador", "morador"),
    ("ja", "外相は「できる限りの支援を行う」と述べた。", "できる限り", "外相", "外相"),
    ("pl", "„Sytuacja jest pod kontrolą” – powiedział rzecznik MSZ.", "Sytuacja", "rzecznik MSZ", "rzecznik MSZ"),
    (
        "hu",
        "„Minden erőnkkel segítünk” – mondta Orbán Viktor miniszterelnök.",
        "Minden",
        "Orbán Viktor miniszterelnök",
        "Orbán Viktor miniszterelnök",
    ),
    (
        "ka",
        "აშშ-ის პრეზიდენტმა, დონალდ ტრამპმა განაცხადა, რომ ის „რუსეთით იმედგაცრუებულია“.",
        "რუსეთით",
        "აშშ-ის პრეზიდენტმა, დონალდ ტრამპმა",
        "აშშ-ის პრეზიდენტმა, დონალდ ტრამპმა",
    ),
    (
        "ka",
        "„ჩვენ ვიბრძოლებთ ბოლომდე“, — განაცხადა პრემიერ-მინისტრმა ირაკლი კობახიძემ.",
        "ჩვენ",
        "პრემიერ-მინისტრმა ირაკლი კობახიძემ",
        "პრემიერ-მინისტრმა ირაკლი კობახიძემ",
    ),
    ("ka", "მინისტრის თქმით, „სიტუაცია კონტროლის ქვეშაა“.", "სიტუაცია", "მინისტრის", "მინისტრის"),
    (  # a name after a preposition is an object: the verb's subject is the one spoken of before
        "es",
        'El ministro Axel Kicillof habló de precios.\n"Algunos hablan de un 40 por ciento", dijo en diálogo con el '
        "programa Minuto 1.",
        "Algunos",
        "Axel Kicillof",
        "El ministro Axel Kicillof",
    ),
    (  # the attribution between dashes inside the quotation marks
        "it",
        "Elly Schlein ha parlato all'assemblea.\n«Da quando sono segretaria – ha detto – solo due regioni si sono "
        "spostate».",
        "Da quando",
        "Elly Schlein",
        "Elly Schlein",
    ),
    (
        "ru",
        '"Цены здесь очень высокие, - жаловалась женщина. - Картофель дорогой".',
        "Цены здесь",
        "женщина",
        "женщина",
    ),
    (  # a demonstrative and a role: the one named before with that role
        "ko",
        "대통령실 관계자는 “야당의 파트너는 여당”이라고 답했다.\n이 관계자는 “설명할 기회가 있을 것”이라고 말했다.",
        "설명할",
        "대통령실 관계자",
        "이 관계자",
    ),
    ("ja", "大川原社長は「ありがとうございます」と頭を下げた。", "ありがとう", "大川原社長", "大川原社長"),
    (  # the topic of the sentence before carries over
        "ja",
        "岸本さんは、職員ら約30人を招集した。「無駄足になってもいい」と、入所者を車で運んだ。",
        "無駄足",
        "岸本さん",
        "岸本さん",
    ),
    (  # two quotes of one attribution
        "fr",
        '"Toutes ont regagné dans la nuit leurs habitations" et "aucune victime" n\'est à déplorer, a rassuré le '
        "lieutenant-colonel Nicolas Faure.",
        "Toutes",
        "Nicolas Faure",
        "le lieutenant-colonel Nicolas Faure",
    ),
    (  # a headline: the quote, a colon and who said it
        "uk",
        "«Я вважаю, що всі задоволені грою»: Ребров підбив підсумки матчу\nТекст статті.",
        "Я вважаю",
        "Ребров",
        "Ребров",
    ),
    (  # a headline: a name, a colon and the quote
        "ru",
        "Касым-Жомарт Токаев: «Мы не допустим повторения трагедии»\nТекст.",
        "Мы не",
        "Касым-Жомарт Токаев",
        "Касым-Жомарт Токаев",
    ),
    (  # a name in a clause of its own after the cue ("que transmite C5N") is not the cue's subject
        "es",
        'El ministro Axel Kicillof habló de precios.\n"Hay mucha confusión sobre los precios", dijo en el programa '
        "Minuto 1, que transmite C5N.",
        "Hay mucha",
        "Axel Kicillof",
        "El ministro Axel Kicillof",
    ),
    (  # a period after an abbreviation (κ., "Mr.") ends no sentence; "Όπως" (as) is a function word, no name
        "el",
        "Για τον σεισμό μίλησε ο δήμαρχος.\nΌπως είπε ο κ. Γάτσας «κόσμος όλος έχει τρομάξει και πανικοβληθεί».",
        "κόσμος",
        "Γάτσας",
        "Γάτσας",
    ),
    (  # a short quoted phrase in a reported clause is the speaker's, not a name
        "ar",
        'وأضاف الناصري أن التظاهر في المغرب "أمر عادي".',
        "أمر عادي",
        "الناصري",
        "الناصري",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "said", "speaker", "evidence"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_speaker_of_a_quote(lang: str, text: str, said: str, speaker: str, evidence: str) -> None:
    quotes = [q for q in extract_quotes(text, parsed=None, language=lang) if q.text.startswith(said)]
    assert len(quotes) == 1, [q.text for q in extract_quotes(text, parsed=None, language=lang)]
    q = quotes[0]
    assert (q.speaker, q.speaker_text) == (speaker, evidence)
    assert q.speaker_start is not None and q.speaker_end is not None
    assert text[q.speaker_start : q.speaker_end] == evidence
    for part in q.parts or [q]:  # the evidence is never inside the quoted words (an interruption is between parts)
        assert not (part.start <= q.speaker_start < part.end)


def test_a_resolved_pronoun_is_less_sure_than_a_name() -> None:
    named = extract_quotes("«Мы справимся», — заявил Пётр Волков.", parsed=None, language="ru")[0]
    text = "Пётр Волков приехал в Алма-Ату. «Мы справимся», — заявил он."
    resolved = extract_quotes(text, parsed=None, language="ru")[0]
    assert resolved.speaker == "Пётр Волков" and resolved.speaker_text == "он"
    assert resolved.score < named.score


def test_a_verb_with_no_subject_takes_the_one_spoken_of_before() -> None:
    text = "La alcaldesa Carmen López visitó el barrio. «No vamos a rendirnos ante nadie», añadió."
    (q,) = extract_quotes(text, parsed=None, language="es")
    assert q.speaker == "Carmen López" and text[q.speaker_start : q.speaker_end] == "La alcaldesa Carmen López"


def test_a_short_name_quoted_after_the_speaker_is_no_quote() -> None:
    text = 'وقال وزير الداخلية سليمان صويلو لقناة "خبر ترك"، إنّ "جميع فرقنا في حالة تأهب في المنطقة".'
    quotes = extract_quotes(text, parsed=None, language="ar")
    assert [q.text for q in quotes] == ["جميع فرقنا في حالة تأهب في المنطقة"]


def test_capitals_are_read_by_the_letters_own_case() -> None:
    text = "Cumhurbaşkanı Erdoğan şunları söyledi ve Əliyev İlham bildirdi"
    runs = [text[s:e] for s, e in capitalised_runs(text, 0, len(text))]
    assert runs == ["Cumhurbaşkanı Erdoğan", "Əliyev İlham"]


def test_roles_take_the_words_that_make_them_precise() -> None:
    cases = [
        ("es", "aseguró el ministro del Interior ayer", "el ministro del Interior"),
        ("kk", "деді Түркия басшысы сөйлеген", "Түркия басшысы"),
        ("ru", "сообщил министр внутренних дел Владимир Колокольцев", "министр внутренних дел Владимир Колокольцев"),
        ("de", "sagte der Innenminister am Abend", "der Innenminister"),
    ]
    for lang, text, phrase in cases:
        spans = role_phrases(text, 0, len(text), lang, load_speaker_words(lang))
        assert [text[s:e] for s, e in spans] == [phrase], lang


def test_a_country_inside_a_role_does_not_name_the_speaker() -> None:
    text = "«Жағдай бақылауда», - деді Түркия басшысы сөйлеген сөзінде. Ердоған Газиантепте болды."
    country = text.index("Түркия")
    names = [(country, country + len("Түркия"), "Түркия")]
    lo = text.index("деді") + len("деді")
    words = load_speaker_words("kk")
    found = speaker_in(text, lo, text.index("."), "kk", words, names, last=False)
    assert found is not None and found[2] == "Түркия басшысы"
    person = text.index("Ердоған")
    names.append((person, person + len("Ердоған"), "Режеп Тайып Ердоған"))
    kinds = {(person, person + len("Ердоған")): "person"}
    found = speaker_in(text, person - 1, len(text), "kk", words, names, last=False, kinds=kinds)
    assert found is not None and found[2] == "Режеп Тайып Ердоған"  # a person found there is named canonically


def test_a_pronoun_stands_for_the_subject_not_the_nearest_name() -> None:
    text = (
        "Selenskyj hatte zuvor vergeblich das Gespräch mit Putin gesucht. Die Regierung habe die Offensive "
        'genehmigt. "Wollen die Russen Krieg?", sagte er auf Russisch.'
    )
    (q,) = extract_quotes(text, parsed=None, language="de", entities=_people(text, "Selenskyj", "Putin"))
    assert (q.speaker, q.speaker_text) == ("Selenskyj", "er")


def test_a_pronoun_after_a_quote_stands_for_its_speaker() -> None:
    text = (
        "Der Bürgermeister Anton Weber traf Klaus Becker am Rathaus.\n"
        '"Wir bauen alles wieder auf", sagte Becker. "Das dauert Jahre", fügte er hinzu.'
    )
    quotes = extract_quotes(text, parsed=None, language="de", entities=_people(text, "Anton Weber", "Becker"))
    assert [(q.speaker, q.speaker_text) for q in quotes] == [("Becker", "Becker"), ("Becker", "er")]


def test_a_role_is_named_by_the_person_introduced_with_it() -> None:
    text = (
        "Der ukrainische Außenminister Dmytro Kuleba sprach von Krieg. "
        '"Das ist ein Angriffskrieg", teilte der Minister am Donnerstag bei Twitter mit.'
    )
    (q,) = extract_quotes(text, parsed=None, language="de", entities=_people(text, "Dmytro Kuleba"))
    assert (q.speaker, q.speaker_text) == ("Dmytro Kuleba", "der Minister")


def test_a_headline_clause_before_a_colon_names_no_speaker() -> None:
    (q,) = extract_quotes(
        "Цены растут: «Мы не допустим повторения трагедии в стране»\nТекст.", parsed=None, language="ru"
    )
    assert q.speaker is None


def test_every_supported_language_has_cues_and_speaker_words() -> None:
    from newsprism.enrich.language import SUPPORTED
    from newsprism.enrich.quotes import load_cues
    from newsprism.enrich.quotes_lexical import cue_matcher

    cues = load_cues()
    for lang in SUPPORTED:
        assert cue_matcher(cues, lang) is not None, lang
        words = load_speaker_words(lang)
        assert words.roles and words.pronouns, lang


def test_a_german_noun_after_a_cue_is_no_one_a_pronoun_could_mean() -> None:
    text = (
        "Russland habe die Grenzen angegriffen, sagte Selenskyj. Er forderte die Bürger auf, ruhig zu bleiben. "
        '"Wir sind auf alles vorbereitet", fügte er hinzu.'
    )
    (q,) = extract_quotes(text, parsed=None, language="de", entities=_people(text, "Selenskyj"))
    assert (q.speaker, q.speaker_text) == ("Selenskyj", "er")


def test_a_lone_capitalised_word_yields_to_the_previous_speaker() -> None:
    from newsprism.enrich.speakers_lexical import antecedent

    text = (
        '"Algunos hablan de un 40 por ciento", dijo en el programa Minuto 1, que transmite C5N.\n\n'
        'Y continuó: "Los precios no se han movido", concedió.'
    )
    at = text.index('"Los')
    previous = ((0, 0, "Axel Kicillof"), text.index(", dijo"))  # the first quote's speaker, named earlier
    found = antecedent(text, at, "es", load_speaker_words("es"), [], None, previous)
    assert found is not None and found[2] == "Axel Kicillof"  # not C5N, a channel


def test_a_headline_quote_takes_the_speaker_of_the_body_quote_it_repeats() -> None:
    text = (
        'Hacıqabulda evləri su basdı: "Divanda yatmışdım, gördüm ayağıma su dəydi" - VİDEO\n\n'
        "Güclü yağış rayonda selə səbəb olub. Hacıqabul sakini Namiq Hüseynov divanda yatdığını qeyd edib: "
        '"Gördüm, ayağıma su dəydi. Ev suyun içindədir."'
    )
    quotes = extract_quotes(text, parsed=None, language="az")
    assert [q.speaker for q in quotes] == ["Namiq Hüseynov", "Namiq Hüseynov"], [(q.text, q.speaker) for q in quotes]
    assert quotes[0].score < quotes[1].score
