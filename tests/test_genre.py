"""Genre from style features: the seed's analysis and opinion, wire reporting, satire markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.enrich.genre import classify_genre, genre_features, load_genre_model
from newsprism.evaluate.seed import seed_articles
from newsprism.model import Article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kazakhstan-2022-01-12.txt"


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load_genre_model()


def test_seed_genres(model) -> None:  # type: ignore[no-untyped-def]
    a1, a2 = seed_articles(EXAMPLE)
    g1, s1, _ = classify_genre(a1, model=model)
    g2, s2, probs = classify_genre(a2, model=model)
    assert (g1, g2) == ("analysis", "opinion")
    assert 0.5 < s1 <= 1 and 0.5 < s2 <= 1 and abs(sum(probs.values()) - 1) < 0.01


def test_seed_opinion_does_not_depend_on_the_outlet_name(model) -> None:  # type: ignore[no-untyped-def]
    _, a2 = seed_articles(EXAMPLE)
    a2.outlet = None
    feats = genre_features(a2, model)
    # "US" (the country) is not "us": 0.08 first-person words per 100 outside quotes
    assert feats["first_person"] > 0.05 and feats["rhetorical_questions"] > 0 and feats["evaluative"] > 0.5
    assert classify_genre(a2, model=model)[0] == "opinion"


def test_wire_copy_is_reporting(model) -> None:  # type: ignore[no-untyped-def]
    body = (
        "MOSCOW (Reuters) - Russia's foreign ministry said on Monday that talks would resume next week.\n"
        "“We are ready to continue,” the ministry's spokeswoman told reporters, according to the TASS news agency.\n"
        "The talks were suspended in March, officials said."
    )
    assert classify_genre(Article(id="w", title="Talks to resume", body=body), model=model)[0] == "reporting"


def test_satire_needs_strong_markers(model) -> None:  # type: ignore[no-untyped-def]
    body = "Area man declares himself minister of weather. Local man confirms the clouds were consulted."
    art = Article(id="s", title="x", body=body, outlet="The Daily Mash")
    assert classify_genre(art, model=model)[0] == "satire"
    art.outlet = "Daily Courier"
    assert classify_genre(art, model=model)[0] != "satire"


def test_trained_probabilities_override_rules(model) -> None:  # type: ignore[no-untyped-def]
    a1, _ = seed_articles(EXAMPLE)
    genre, score, _ = classify_genre(a1, model=model, trained={"opinion": 0.1, "reporting": 0.8, "satire": 0.1})
    assert (genre, score) == ("reporting", 0.8)


#: language -> (an opinion piece, a wire report), both written for this test
PAIRS = {
    "es": (
        "Yo no me lo creo. ¿De verdad nos quieren convencer de que todo va bien? Lamentablemente, nuestro "
        "gobierno vive en otro mundo. Es absurdo y vergonzoso. Tal vez mañana despierten.",
        "El ministro dijo el lunes que la reforma entrará en vigor en marzo, según un comunicado. «Es un paso "
        "necesario», afirmó el portavoz. La agencia informó de que el parlamento votará el texto.",
    ),
    "pl": (
        "Ja w to nie wierzę. Czy naprawdę ktoś nas przekona, że wszystko jest w porządku? Niestety, nasz rząd "
        "żyje w innym świecie. To absurdalne i haniebne. Może jutro się obudzą.",
        "Minister powiedział w poniedziałek, że reforma wejdzie w życie w marcu. „To konieczny krok” – oświadczył "
        "rzecznik. Według agencji parlament zagłosuje nad ustawą w przyszłym tygodniu.",
    ),
    "nl": (
        "Ik geloof er niets van. Willen ze ons echt laten denken dat alles goed gaat? Helaas leeft onze regering "
        "in een andere wereld. Het is absurd en schandalig. Misschien worden ze morgen wakker.",
        "De minister zei maandag dat de hervorming in maart ingaat, volgens een verklaring. De woordvoerder "
        "verklaarde dat het parlement volgende week stemt, meldde persbureau ANP.",
    ),
    "fi": (
        "Mielestäni tämä on järjetöntä. Yrittävätkö he todella uskotella meille, että kaikki on hyvin? "
        "Valitettavasti hallitus elää omassa maailmassaan. Meidän täytyy vaatia muutosta.",
        "Ministeri kertoi maanantaina, että uudistus tulee voimaan maaliskuussa. Tiedottajan mukaan eduskunta "
        "äänestää ensi viikolla, uutistoimisto STT kertoi.",
    ),
    "hu": (
        "Szerintem ez abszurd. Tényleg el akarják hitetni velünk, hogy minden rendben van? Sajnos a kormány egy "
        "másik világban él. Talán holnap felébrednek, de nekünk muszáj cselekedni.",
        "A miniszter hétfőn közölte, hogy a reform márciusban lép hatályba. A szóvivő szerint a parlament jövő "
        "héten szavaz, jelentette az MTI.",
    ),
    "tr": (
        "Ben buna inanmıyorum. Gerçekten bizi her şeyin yolunda olduğuna inandırabilirler mi? Maalesef "
        "hükümetimiz başka bir dünyada yaşıyor. Bu saçma ve utanç verici. Belki yarın uyanırlar.",
        'Bakan pazartesi günü reformun martta yürürlüğe gireceğini söyledi. Sözcüsü "Bu gerekli bir adım" '
        "dedi. Ajansa göre meclis tasarıyı gelecek hafta oylayacak.",
    ),
}


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_opinion_and_reporting_in_other_languages(model, lang: str) -> None:  # type: ignore[no-untyped-def]
    opinion, report = PAIRS[lang]
    g1, _, _ = classify_genre(Article(id="o", title="t", body=opinion, language=lang), model=model)
    g2, _, _ = classify_genre(Article(id="r", title="t", body=report, language=lang), model=model)
    assert (g1, g2) == ("opinion", "reporting")


def test_german_quotations_are_not_the_writer_speaking(model) -> None:  # type: ignore[no-untyped-def]
    """„…“ (German quotation marks) are masked like “…”, so a quoted "wir" is not the writer's first person, and
    "ihr" (mostly 'her' or 'their') is no second person."""
    from newsprism.enrich.genre import genre_features

    quoted = "Der Minister sagte am Montag: „Wir müssen handeln, wir haben keine Zeit.“ Ihr Sprecher bestätigte das."
    feats = genre_features(Article(id="q", title="t", body=quoted, language="de"), model)
    assert feats["first_person"] == 0 and feats["second_person"] == 0
    own = "Wir müssen handeln. Ich glaube, wir haben keine Zeit mehr."
    assert genre_features(Article(id="o", title="t", body=own, language="de"), model)["first_person"] > 0


def test_rule_threshold_is_read_from_the_cue_file(model) -> None:  # type: ignore[no-untyped-def]
    """Outside English the rules decide at genre.yaml's opinion_threshold (0.45, set on the check set's tune part)."""
    assert model.opinion_threshold == pytest.approx(0.45)


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("it", "Il richiamo del ministro è arrivato.", "first_person"),  # richiamo is a noun, not '-iamo'
        ("ru", "Среди средств защиты.", "weekdays"),  # среди/средства are not среда
        ("uk", "Серед четвертий раз.", "weekdays"),  # серед ('among'), четвертий ('fourth')
        ("pl", "W środku środków.", "weekdays"),  # środek ('middle, means') is not środa
        ("de", "Es geht um dreistellige Beträge in dreistündigen Sitzungen.", "evaluative"),  # dreist* (brazen)
        ("ru", "Вашингтон и Москва провели переговоры в Вашингтоне.", "second_person"),  # ваш* (your)
        ("uk", "Вашингтон і Київ провели переговори.", "second_person"),  # ваш* (your)
    ],
)
def test_cue_stems_that_caught_unrelated_words(model, lang: str, text: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert not [m for m in model.lexicon.matches(text, language=lang) if m.cue.label == label]


def test_rates_per_100_words_count_chinese_and_japanese_words_not_clauses(model) -> None:  # type: ignore[no-untyped-def]
    """Chinese and Japanese put no space between words: a clause is not one word, so a rate per 100 words (first
    person, evaluative words, numbers) is not inflated tenfold there."""
    from newsprism.enrich.genre import word_count

    assert word_count("The minister said on Monday.") == 5
    assert word_count("外交部发言人表示反对任何形式的恐怖主义") == 13  # 19 characters / 1.5, not 1
    assert word_count("新华社 Xinhua 报道") == 1 + 2 + 1
    assert word_count("한국 정부는 발표했다") == 3  # Korean writes spaces
    body = "我认为，" + "政府在周一宣布了新的经济措施，以应对日益严重的通货膨胀问题" * 3 + "。"
    feats = genre_features(Article(id="z", title="t", body=body, language="zh"), model)
    assert feats["first_person"] == pytest.approx(100 / word_count(body))
    assert 1.0 < feats["first_person"] < 5.0  # one 我 in some 60 words, not in 2 "words"


def test_chinese_our_country_is_official_wording_not_the_writer(model) -> None:  # type: ignore[no-untyped-def]
    """我国/我國 ('our country') and 我方 ('our side') are how officials and news write (a weight-0 cue blocks them);
    我认为 ('I think') is the writer; traditional characters are read as simplified."""
    news = "外交部表示，我國政府強烈抗議，我方已向對方提出交涉。"
    assert genre_features(Article(id="n", title="t", body=news, language="zh"), model)["first_person"] == 0
    own = "我认为，政府应该立即改变政策。我们不能再等待。"
    assert genre_features(Article(id="o", title="t", body=own, language="zh"), model)["first_person"] > 0


def test_japanese_questions_end_with_ka(model) -> None:  # type: ignore[no-untyped-def]
    """A Japanese rhetorical question ends with か and a full stop (国民の声なのか。), not a question mark."""
    asks = "首相は改憲への意欲を強調した。だが、改憲は本当に国民の声なのか。政府の説明は十分だろうか。"
    feats = genre_features(Article(id="q", title="t", body=asks, language="ja"), model)
    assert feats["rhetorical_questions"] == pytest.approx(2 / 3)
    plain = "首相は記者会見で改憲への意欲を強調した。わずか。"  # わずか ends with か and asks nothing
    assert genre_features(Article(id="p", title="t", body=plain, language="ja"), model)["rhetorical_questions"] == 0


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("zh", "（中央社記者張三台北5日電）外交部今天表示，將持續與友邦合作。"),
        ("zh", "新华社北京1月5日电 外交部发言人表示，中方支持哈萨克斯坦恢复秩序。"),
        ("ja", "【ワシントン共同】米国務省は5日、声明を発表した。"),
        ("ko", "(서울=연합뉴스) 정부는 5일 새로운 대책을 발표했다."),
    ],
)
def test_wire_datelines_of_chinese_japanese_and_korean(model, lang: str, body: str) -> None:  # type: ignore[no-untyped-def]
    assert genre_features(Article(id="d", title="t", body=body, language=lang), model)["dateline"] == 1.0


def test_arabic_and_greek_question_marks(model) -> None:  # type: ignore[no-untyped-def]
    """Arabic asks with ؟ and Greek with a semicolon: both are questions, as ? is elsewhere."""
    ar = "أعلنت الحكومة خطة جديدة. فهل تكفي هذه الخطة؟ لا أحد يعرف."
    assert genre_features(Article(id="a", title="t", body=ar, language="ar"), model)["rhetorical_questions"] > 0
    el = "Η κυβέρνηση ανακοίνωσε νέο σχέδιο. Αρκεί όμως αυτό; Κανείς δεν ξέρει."
    assert genre_features(Article(id="e", title="t", body=el, language="el"), model)["rhetorical_questions"] > 0
    fr = "Le gouvernement a annoncé un plan ; il entre en vigueur lundi."
    assert genre_features(Article(id="f", title="t", body=fr, language="fr"), model)["rhetorical_questions"] == 0


def test_armenian_questions_are_marked_on_the_asking_word(model) -> None:  # type: ignore[no-untyped-def]
    """Armenian puts its question mark (՞) on the stressed vowel of the asking word, not at the end."""
    from newsprism.enrich.technique_prior import FEATURES, paragraph_rows

    hy = "Կառավարությունը նոր ծրագիր է ներկայացրել։ Ինչո՞ւ հիմա։ Ոչ ոք չգիտի։"
    art = Article(id="h", title="Ո՞ւմ է պետք այս ծրագիրը", body=hy, language="hy")
    feats = genre_features(art, model)
    assert feats["rhetorical_questions"] > 0 and feats["title_question"] == 1
    assert paragraph_rows(art, model)[0][3][FEATURES.index("question")] == 1
    plain = "Կառավարությունը նոր ծրագիր է ներկայացրել։ Այն ուժի մեջ է մտնում երկուշաբթի։"
    assert genre_features(Article(id="p", title="t", body=plain, language="hy"), model)["rhetorical_questions"] == 0


def test_chinese_say_and_according_to_need_their_context(model) -> None:  # type: ignore[no-untyped-def]
    """据 is in 数据 (data) and 证据 (evidence), 说 in 说明 and 小说: alone they are no attribution."""
    data = "最新数据表明，经济正在放缓，这一说明并无证据。"
    assert genre_features(Article(id="d", title="t", body=data, language="zh"), model)["attribution"] == 0
    said = "据新华社报道，外交部发言人说：“中方支持对话。”"
    assert genre_features(Article(id="s", title="t", body=said, language="zh"), model)["attribution"] > 0


@pytest.mark.parametrize(
    ("lang", "body", "label"),
    [
        ("ar", "وإننا نرى أن هذا القرار لا يخدم أحدا.", "first_person"),  # و (and) written on the pronoun
        ("ar", "ما جرى في البرلمان أمس كان مهزلة، والأمر المشين أنه سيتكرر.", "evaluative"),  # ال (the) on the word
        ("it", "Diciamolo chiaramente: il decreto non funziona.", "first_person"),  # -iamo with a clitic
        ("zh", "这种执着的精神着实令人敬佩。", "evaluative"),
        ("pl", "W 1999 roku weszliśmy do NATO z fanfarami.", "first_person"),  # -liśmy: we did
        ("pl", "Strona rządowa walczy z rzekomym zabobonem.", "evaluative"),
    ],
)
def test_first_person_and_evaluative_words_with_their_affixes(model, lang: str, body: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert genre_features(Article(id="x", title="t", body=body, language=lang), model)[label] > 0


def test_a_question_in_the_headline_leans_to_opinion(model) -> None:  # type: ignore[no-untyped-def]
    """Outside English (whose weights are learned), a headline that asks raises P(opinion): opinion titles ask
    three times as often as news titles on the genre check set's tune part."""
    body = "Правительство утвердило новый бюджет. Расходы на оборону выросли. Депутаты проголосовали в среду."

    def p_op(title: str) -> float:
        probs = classify_genre(Article(id="q", title=title, body=body, language="ru"), model=model)[2]
        return probs["opinion"] / (probs["opinion"] + probs["reporting"])

    assert p_op("Кому нужен такой бюджет?") > p_op("Правительство утвердило бюджет") + 0.1


def test_chinese_quoted_terms_are_not_speech(model) -> None:  # type: ignore[no-untyped-def]
    """Chinese marks terms and scare quotes as it marks speech: “有事” is a term, “中方支持对话。” is speech."""
    terms = "高市早苗如此盼望“有事”，就让她体验一下“多事之秋”。这是一种“新思维”。"
    assert genre_features(Article(id="t", title="t", body=terms, language="zh"), model)["quote_density"] == 0
    speech = "外交部发言人说：“中方支持通过对话解决分歧。”各方表示欢迎。"
    assert genre_features(Article(id="s", title="t", body=speech, language="zh"), model)["quote_density"] > 0
    english = 'The minister called it "a new era". Critics disagreed.'
    assert genre_features(Article(id="e", title="t", body=english, language="en"), model)["quote_density"] > 0


def test_polish_instrumentals_are_no_first_person(model) -> None:  # type: ignore[no-untyped-def]
    """-łem ends a first-person verb (byłem) but also a noun's instrumental (materiałem, z Michałem): only -liśmy and
    -łyśmy, which no noun has, are read as the writer."""
    body = "Reporter rozmawiał z Michałem nad materiałem o kanale."
    assert genre_features(Article(id="p", title="t", body=body, language="pl"), model)["first_person"] == 0


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("[사설] 한·일 정상 만나는 날 ICBM 쏜 北", 1.0),
        ("【社説】改憲論議を急ぐな", 1.0),
        ("Opinion | The war will not end soon", 1.0),
        ("Мнение: почему санкции не работают", 1.0),
        ("The budget is a gamble - Editorial", 1.0),
        ("[속보] 북한, 동해상으로 탄도미사일 발사", -1.0),
        ("Breaking: five killed in Almaty", -1.0),
        ("Public opinion turns against the war", 0.0),  # a word of the title, not its section label
        ("Column of tanks enters the city", 0.0),
    ],
)
def test_section_labels_printed_with_the_headline(model, title: str, label: float) -> None:  # type: ignore[no-untyped-def]
    assert genre_features(Article(id="l", title=title, body="Text.", language="en"), model)["title_label"] == label


def test_an_opinion_label_outweighs_a_news_style(model) -> None:  # type: ignore[no-untyped-def]
    """A reported-sounding editorial (no first person, a quotation, figures) is opinion when the outlet labels it
    so, in a language the rules decide and in English, which the learned weights decide."""
    ko = "북한이 어제 대륙간탄도미사일을 발사했다. 미사일은 약 1000㎞를 비행했다고 합참은 밝혔다."
    title = "한·일 정상 만나는 날 ICBM 쏜 北"
    assert classify_genre(Article(id="k", title=title, body=ko, language="ko"), model=model)[0] == "reporting"
    labelled = Article(id="k", title="[사설] " + title, body=ko, language="ko")
    assert classify_genre(labelled, model=model)[0] == "opinion"
    en = 'The ministry said on Monday that 12 people were detained. "We acted lawfully," a spokesman said.'
    assert (
        classify_genre(Article(id="e", title="Detentions in Almaty", body=en, language="en"), model=model)[0]
        == "reporting"
    )
    assert (
        classify_genre(Article(id="e", title="Opinion: Detentions in Almaty", body=en, language="en"), model=model)[0]
        == "opinion"
    )


@pytest.mark.parametrize(
    ("lang", "body", "wire"),
    [
        ("kk", "Астана. Kazinform - Мемлекет басшысы жиын өткізді.", 1.0),
        ("ru", "МОСКВА, 5 мар — РИА Новости. Глава МИД провёл переговоры.", 1.0),
        ("ar", "الكويت: وكالات\nقالت الحكومة إن المحادثات ستستأنف.", 1.0),
        ("hy", "ԵՐԵՎԱՆ, 22 ապրիլի - Sputnik. Կառավարությունը որոշում է ընդունել։", 1.0),
        ("de", "Düsseldorf (dts Nachrichtenagentur) - Tausende Menschen demonstrierten.", 1.0),
        ("tr", "Ankara, 5 Mart (AA) - Bakan açıklama yaptı.", 1.0),
        ("en", "The minister told Reuters on Monday that the talks had failed.", 0.0),  # a source, not a credit
        ("en", "This festive season – made all the more festive by our victory – marks a year.", 0.0),
        ("de", "Berlin - Die Regierung hat, wie dpa meldet, den Haushalt beschlossen.", 0.0),
    ],
)
def test_wire_credits_in_many_languages(model, lang: str, body: str, wire: float) -> None:  # type: ignore[no-untyped-def]
    """A news agency credited at the head of a story (in brackets, or after the place and date) is a dateline in
    any language; a lowercase opening before a dash is not an all-caps place name."""
    assert genre_features(Article(id="w", title="t", body=body, language=lang), model)["dateline"] == wire


def test_an_agency_dispatch_is_reporting_in_english_too(model) -> None:  # type: ignore[no-untyped-def]
    """The learned English weights read datelines weakly; the rules' dateline weight is added to their log-odds."""
    body = (
        "BRUSSELS (AP) — European Union negotiators have clinched a deal on the bloc's budget. Leaders should "
        "sign it next week, officials said Wednesday. But some states still have doubts, and they should say so."
    )
    art = Article(id="ap", title="EU clinches budget deal", body=body, language="en")
    assert classify_genre(art, model=model)[0] == "reporting"
