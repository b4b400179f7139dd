"""Generic (SemEval/MFC) frames: the seed's frames with evidence sentences, other languages, per-outlet aggregation."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare import frames_by_outlet
from newsprism.enrich.frames import (
    GENERIC_FRAMES,
    Cue,
    Lexicon,
    cues_from_mapping,
    detect_generic_frames,
    is_pattern,
    load_generic_model,
    split_sentences,
    term_pattern,
)
from newsprism.enrich.kazakh import cue_forms as kazakh_cue_forms
from newsprism.enrich.lemmas import Lemmatizer
from newsprism.enrich.softening import softened_forms
from newsprism.evaluate.seed import seed_articles
from newsprism.model import Article
from newsprism.pipeline import Pipeline, Resources
from newsprism.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kazakhstan-2022-01-12.txt"


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load_generic_model()


def test_seed_generic_frames_with_evidence(model) -> None:  # type: ignore[no-untyped-def]
    a1, a2 = seed_articles(EXAMPLE)
    f1 = detect_generic_frames(a1.id, a1.body, model=model)
    f2 = detect_generic_frames(a2.id, a2.body, model=model)
    assert {"Security_and_defense", "Political", "External_regulation_and_reputation"} <= {f.frame for f in f1}
    assert {"Security_and_defense", "Political", "Crime_and_punishment"} <= {f.frame for f in f2}
    for body, frames in ((a1.body, f1), (a2.body, f2)):
        assert len(frames) <= 6
        for f in frames:
            assert f.family == "generic" and f.frame in GENERIC_FRAMES and 0 < f.score <= 1
            assert body[f.start : f.end] == f.text
            assert f.evidence and (f.evidence[0].start, f.evidence[0].end) == (f.start, f.end)
            for ev in f.evidence:
                assert body[ev.start : ev.end] == ev.text
    crime = next(f for f in f2 if f.frame == "Crime_and_punishment")
    assert {"arrested", "treason"} <= set(crime.terms)


def test_russian_and_chinese_generic_frames(model) -> None:  # type: ignore[no-untyped-def]
    ru = (
        "Войска ОДКБ и армия обеспечивают безопасность. Полиция задержала 8000 человек, им грозит тюрьма "
        "за мародёрство."
    )
    frames = {f.frame for f in detect_generic_frames("ru", ru, model=model)}
    assert {"Security_and_defense", "Crime_and_punishment"} <= frames
    zh = "中国政府表示，经济增长放缓，市场价格上涨，通胀压力加大。投资和贸易下降。"
    assert "Economic" in {f.frame for f in detect_generic_frames("zh", zh, model=model)}


def test_short_neutral_text_is_not_over_framed(model) -> None:  # type: ignore[no-untyped-def]
    text = "The museum reopened on Saturday after renovation. Visitors queued for the new gallery."
    assert detect_generic_frames("n", text, model=model) == []


def test_term_syntax() -> None:
    assert term_pattern("re:abc+") == "abc+"
    lex = Lexicon(
        [
            Cue("terror*", 1, "en", "t"),
            Cue("fuel price", 1, "en", "f"),
            Cue("цветн* революц*", 1, "ru", "c"),
            Cue("恐怖分子", 1, "zh", "z"),
            Cue("Kremlin's", 1, "en", "k"),
        ]
    )
    text = "Terrorists; fuel-price rises; цветной революции; 是恐怖分子吗; the Kremlin’s line; terror-free; fuel prices"
    hits = {(m.cue.label, m.text) for m in lex.matches(text)}
    assert hits == {
        ("t", "Terrorists"),
        ("f", "fuel-price"),
        ("c", "цветной революции"),
        ("z", "恐怖分子"),
        ("k", "Kremlin’s"),
        ("t", "terror"),
    }


def test_written_forms_match_as_written() -> None:
    # "=form|form|stem*": these forms only, never through their lemmas (długo "long" is not dług "debt")
    lex = Lexicon([Cue("=dług|długu|handels*", 1, "pl", "d")], lemmas=Lemmatizer())
    text = "Trwało to długo. Spłacił dług, a długu już nie ma. Handelsbilanz; es handelt sich."
    assert [m.text for m in lex.for_language("pl", Lemmatizer()).matches(text, language="pl")] == [
        "dług",
        "długu",
        "Handelsbilanz",
    ]
    assert is_pattern("=dług|długu") and is_pattern("re:x") and not is_pattern("dług*")
    assert kazakh_cue_forms("=сайлау|сайлауда*") == ["=سايلاۋ|سايلاۋدا*"]  # the Arabic script too, form by form


def test_sentences_carry_paragraph_index() -> None:
    body = "Title line\n\nFirst para. Second sentence.\nNext para."
    sents = split_sentences(body)
    assert [(body[s.start : s.end], s.paragraph) for s in sents] == [
        ("Title line", 0),
        ("First para.", 1),
        ("Second sentence.", 1),
        ("Next para.", 2),
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("ეს პირველი წინადადებაა. ეს მეორეა.", ["ეს პირველი წინადადებაა.", "ეს მეორეა."]),
        ("ბ. ივანიშვილმა განაცხადა. ეს მეორეა.", ["ბ. ივანიშვილმა განაცხადა.", "ეს მეორეა."]),  # an initial
        ("정부는 발표했다. 야당은 반발했다.", ["정부는 발표했다.", "야당은 반발했다."]),
        ("Это первое. Это второе.", ["Это первое.", "Это второе."]),
    ],
)
def test_sentences_of_scripts_without_capitals(text: str, parts: list[str]) -> None:
    """Georgian and Korean have no capitals to tell a sentence's start: a full stop after a word, before a letter
    of the script, ends a sentence (a paragraph was one sentence before)."""
    assert [text[s.start : s.end] for s in split_sentences(text)] == parts


def test_frames_by_outlet_from_a_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path / "home"))
    a1, a2 = seed_articles(EXAMPLE)
    extra = Article(id="x3", title="Another", body=a2.body.replace("Kazakh", "Kazakhstani"), outlet="The Spectator")
    with open_store(tmp_path / "o.db") as store:
        for a in (a1, a2, extra):
            store.put_article(a)
        stages = ["genre.features.v1", "frames.generic.v1", "frames.narrative.v1", "techniques.lexicon.v1"]
        report = Pipeline(stages).run(store, corpus=False)
        assert not report.failed
        agg = frames_by_outlet(store)
    assert set(agg) == {"ISPI", "The Spectator"}
    spec = agg["The Spectator"]
    assert spec["articles"] == 2 and spec["genres"] == {"opinion": 2}
    assert spec["generic"]["Political"]["articles"] == 2 and spec["generic"]["Political"]["share"] == 1.0
    assert spec["narrative"]["palace coup"]["stances"].get("contested", 0) >= 2
    assert spec["techniques"]["Whataboutism"]["articles"] == 2
    ispi = agg["ISPI"]
    assert ispi["narrative"]["terrorism"]["holders"].get("China", 0) >= 1
    assert ispi["genres"] == {"analysis": 1}


def test_speed_benchmark_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "frames_speed.py"), "--n", "5", "--repeat", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"NEWSPRISM_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert res.returncode == 0, res.stderr
    assert "all four" in res.stdout and "articles/s" in res.stdout and "per article" in res.stdout


#: language -> (a short article written for this test, frames that must be among those reported)
ARTICLES = {
    "ka": (
        "საქართველოს მთავრობამ და პარლამენტმა არჩევნების შემდეგ ახალი ბიუჯეტი მიიღო. ინფლაცია და ფასები "
        "იზრდება. პოლიციამ აქციის მონაწილეები დააკავეს.",
        {"Economic", "Political", "Crime_and_punishment"},
    ),
    "pl": (
        "Policja zatrzymała w stolicy dwudziestu demonstrantów. Sąd skazał ich na karę więzienia. "
        "Rząd i prezydent zapowiedzieli nowe wybory, a opozycja protestuje.",
        {"Crime_and_punishment", "Political"},
    ),
    "es": (
        "La policía detuvo a veinte personas por saqueo. El gobierno y el presidente convocaron elecciones. "
        "Los precios del combustible y la inflación subieron.",
        {"Crime_and_punishment", "Political", "Economic"},
    ),
    "it": (
        "Le truppe dell'esercito sono arrivate dopo gli attacchi terroristici. Il governo ha chiesto "
        "sicurezza e la difesa del paese.",
        {"Security_and_defense"},
    ),
    "pt": (
        "O hospital recebeu dezenas de feridos. A pandemia e a vacina dominaram o debate sobre saúde.",
        {"Health_and_safety"},
    ),
    "tr": (
        "Polis göstericileri gözaltına aldı ve mahkeme tutuklama kararı verdi. Hükümet ve muhalefet "
        "seçim tarihini tartıştı.",
        {"Crime_and_punishment", "Political"},
    ),
    "ar": (
        "اعتقلت الشرطة عشرات المتظاهرين ونقلتهم إلى السجن. وقالت الحكومة إن الانتخابات ستجري في موعدها.",
        {"Crime_and_punishment", "Political"},
    ),
    "uk": (
        "Поліція затримала десятки людей, суд виніс вирок. Уряд і президент оголосили про нові вибори.",
        {"Crime_and_punishment", "Political"},
    ),
}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_frames_in_each_language_through_lemmas(lang: str) -> None:
    from newsprism.enrich.lemmas import tokenize

    res = Resources()
    model = load_generic_model(res)
    body, must = ARTICLES[lang]
    frames = detect_generic_frames("a", body, model=model, tokens=tokenize(body, lang, res), language=lang)
    assert must <= {f.frame for f in frames}, [(f.frame, f.score) for f in frames]
    assert all(f.evidence and f.terms for f in frames)


def test_cues_of_other_languages_do_not_fire_on_an_article() -> None:
    model = load_generic_model(Resources())
    body = "The gas station sold moral coffee to a banco customer."  # es "banco", pt "moral" are not English cues
    en = {f.frame: f.terms for f in detect_generic_frames("a", body, model=model, language="en")}
    anyl = {f.frame: f.terms for f in detect_generic_frames("a", body, model=model, language=None)}
    assert "banco" not in str(en) and "banco" in str(anyl)


def test_names_holding_a_cue_word_count_nothing(model) -> None:  # type: ignore[no-untyped-def]
    """A blocker cue (weight 0) covers a name that holds a frame's cue word: the party Prawo i Sprawiedliwość and
    the Polish justice minister are no Fairness (nor the party Legality), social justice still is."""
    from newsprism.enrich.frames import generic_frame_scores

    text = "Rząd Prawa i Sprawiedliwości przyjął nowy budżet. Minister sprawiedliwości zabrał głos w Sejmie."
    scored = generic_frame_scores(text, split_sentences(text), model, None, "pl")
    assert "Fairness_and_equality" not in scored
    assert "prawa" not in str(scored.get("Legality_Constitutionality_and_jurisprudence", {}).get("cues", "")).lower()
    social = "Chodzi o sprawiedliwość społeczną i równość szans."
    assert "Fairness_and_equality" in generic_frame_scores(social, split_sentences(social), model, None, "pl")


def test_court_words_do_not_catch_fate_or_ships(model) -> None:  # type: ignore[no-untyped-def]
    """Russian and Ukrainian court cues are whole forms, not the stem суд*: судя ('judging by'), судьба ('fate'),
    судно ('ship') and судячи are no Legality."""
    from newsprism.enrich.frames import generic_frame_scores

    legal = "Legality_Constitutionality_and_jurisprudence"
    for lang, text in (
        ("ru", "Судя по всему, судьба страны решится завтра. Судно вышло в море."),
        ("uk", "Судячи з усього, судно вийшло в море."),
    ):
        tokens = model.lemmas.tokenize(text, lang) if model.lemmas is not None else None
        assert legal not in generic_frame_scores(text, split_sentences(text), model, tokens, lang), lang
    court = "Суд приговорил его, судья огласил решение."
    tokens = model.lemmas.tokenize(court, "ru") if model.lemmas is not None else None
    assert legal in generic_frame_scores(court, split_sentences(court), model, tokens, "ru")


@pytest.mark.parametrize(
    ("lang", "text", "frame"),
    [
        ("nl", "De politieke partijen en de politiek van het kabinet.", "Crime_and_punishment"),  # politie*
        ("nl", "Het minderheidskabinet blijft zitten.", "Fairness_and_equality"),  # minderhe*
        ("pt", "Nós pensamos que o pensamento dele está certo.", "Economic"),  # pens*
        ("hu", "A szám meghaladta a várakozásokat.", "Health_and_safety"),  # meghal*
        ("hu", "Az európai vezetők Európában tárgyaltak.", "Economic"),  # euró*
        ("kk", "Қазақстанның барлық өңірінде сайлау өтті.", "Health_and_safety"),  # қаза* (death)
        ("tr", "Cezayir ile Fas arasındaki görüşmeler sürüyor.", "Crime_and_punishment"),  # ceza*
        ("ru", "В центре города прошёл концерт в Центральном парке.", "Economic"),  # цен* (price)
        ("ru", "Центральная избирательная комиссия подвела итоги.", "Public_opinion"),  # избирател* (voters)
        ("ru", "Удары пришлись по гражданской инфраструктуре.", "Public_opinion"),  # граждан* (citizens)
        ("el", "Η Βουλγαρία και η Ρουμανία υπέγραψαν συμφωνία.", "Political"),  # βουλ* (parliament)
        ("ru", "Встреча закончилась ничем.", "Legality_Constitutionality_and_jurisprudence"),  # закон* (law)
        ("ru", "Он долго думал, но изменения вступят в силу.", "Crime_and_punishment"),  # измен* (treason)
        ("ru", "Он долго думал, но изменения вступят в силу.", "Economic"),  # долг* (debt)
        ("ru", "Это был трудный выбор.", "Political"),  # выбор* (elections)
        ("ru", "Дело возбуждено в отношении директора.", "External_regulation_and_reputation"),  # отношени*
        ("uk", "Це був важкий вибір.", "Political"),  # вибор* (elections)
        ("uk", "Він мовчав, мовби нічого не сталося.", "Cultural_identity"),  # мов* (language)
        ("uk", "Ми цінуємо цінності.", "Economic"),  # цін* (prices)
        ("uk", "Люди зраділи.", "Crime_and_punishment"),  # зрад* (treason)
        ("de", "Er kriegt das hin.", "Security_and_defense"),  # krieg* (war): kriegen (to get)
        ("de", "Die Kritik ist gegen ihn gerichtet.", "Legality_Constitutionality_and_jurisprudence"),  # gericht*
        ("de", "Das Land steuert auf eine Krise zu.", "Economic"),  # steuer* (tax): steuern (to steer)
        ("it", "La valutazione del progetto va male.", "Economic"),  # valuta* (currency): valutare
        ("it", "La valutazione del progetto va male.", "Morality"),  # male (evil) is also 'badly'
        ("pl", "Długo czekał na wynik.", "Economic"),  # dług* (debt): długo (long)
        ("nl", "Hij vertrok zonder iets te zeggen.", "Morality"),  # zonde* (sin): zonder (without)
        ("el", "Η εικόνα θυμίζει το παρελθόν.", "Public_opinion"),  # θυμ* (anger): θυμίζω (to remind)
        ("sv", "Han fick ett syndrom i skuldran.", "Morality"),  # synd* (sin): syndrom
        ("sv", "Han fick ett syndrom i skuldran.", "Economic"),  # skuld* (debt): skuldra (shoulder)
        ("nl", "De verdachte is schuldig en ze handelen snel.", "Economic"),  # schuld* (debt), handel* (trade)
        ("tr", "Bu aşırı bir tepki.", "Health_and_safety"),  # aşı* (vaccine): aşırı (excessive)
        ("tr", "Rakamlar artış gösteriyor.", "Public_opinion"),  # gösteri* (protest): göstermek (to show)
        ("tr", "Dilekçe verildi.", "Cultural_identity"),  # dil* (language): dilekçe (petition)
        ("pt", "Armando Silva chegou ao armazém.", "Security_and_defense"),  # arma* (weapon)
        ("pl", "To zachodzi stosunkowo rzadko.", "External_regulation_and_reputation"),  # zachod*, stosunk*
        ("pl", "Dokonał wyboru i kupił chleb w Biedronce.", "Political"),  # wybor* (elections): a choice
        ("pl", "Dokonał wyboru i kupił chleb w Biedronce.", "Quality_of_life"),  # bied* (poverty): Biedronka
        ("pl", "Kampania wyborcza trwa, pisze Gazeta Wyborcza.", "Public_opinion"),  # wyborc* (voters)
        ("es", "Joaquín Guzmán, alias El Chapo, recibió un precioso regalo.", "External_regulation_and_reputation"),
        ("uk", "Уряд вжив заходів щодо бідності.", "External_regulation_and_reputation"),  # захід (the West)
        ("ru", "Суд избрал меру пресечения жителю Курской области.", "Policy_prescription_and_evaluation"),
        ("de", "Es handelt sich um einen Irrtum.", "Economic"),  # handel (trade), lemma handeln (act)
        ("tr", "Pazartesiden itibaren okullar açılıyor.", "External_regulation_and_reputation"),  # itibar* (standing)
        ("tr", "Okullara ilişkin karar açıklandı.", "External_regulation_and_reputation"),  # ilişki* (relations)
        ("tr", "Ürünlerin etiketleri değişti.", "Morality"),  # etik* (ethics): etiket (label)
        ("sv", "Etiketten på flaskan var fel.", "Morality"),  # etik* (ethics): etikett (label)
        ("bg", "Етикетът на продукта беше сменен.", "Morality"),  # етик* (ethics): етикет (label)
        ("uk", "Етикетка на пляшці змінилася.", "Morality"),  # етик* (ethics): етикетка (label)
        ("fi", "Arkistosta löytyi vanha kirje.", "Quality_of_life"),  # arki* (daily life): arkisto (archive)
        ("ru", "Стороны обсудили стратегическое партнёрство.", "Policy_prescription_and_evaluation"),  # стратеги*
        # exact cue words whose lemma is a common verb: every form of the verb matched
        ("it", "Lui può decidere e le persone sono partite ieri.", "Political"),  # potere, partito (to leave)
        ("it", "Un tassello importante: è tassativo arrivare in taxi, disse il tassista.", "Economic"),  # tass* (tax)
        ("fa", "به گزارش منابع آگاه، نشست امروز برگزار شد.", "Capacity_and_resources"),  # منابع: resources, sources
        ("it", "Il bambino è nato ieri e nasce un nuovo progetto.", "External_regulation_and_reputation"),  # Nato
        ("fr", "Il peut venir demain et ils peuvent rester.", "Political"),  # pouvoir (power): peut, peuvent
        ("hu", "Adott egy interjút, és adja a hírt.", "Economic"),  # adó (tax): ad (to give)
        ("nl", "Hij zendt een brief en verwijt hen niets.", "Morality"),  # zonde -> zenden, geweten -> verwijten
        (
            "de",
            "Das Bündnis Sahra Wagenknecht und Bündnis 90/Die Grünen verloren Stimmen.",
            "External_regulation_and_reputation",
        ),
        ("de", "Das ist gewiss kein Zufall.", "Morality"),  # gewissen (conscience), lemma gewiss (certainly)
        (
            "de",
            "Die gesetzlichen Krankenkassen erhöhen den Zusatzbeitrag.",
            "Legality_Constitutionality_and_jurisprudence",
        ),
    ],
)
def test_stems_that_caught_unrelated_words(model, lang: str, text: str, frame: str) -> None:  # type: ignore[no-untyped-def]
    """Cue stems found catching unrelated words on real pages are now whole forms: politiek is no police, a
    minority cabinet no minority, pensar no pension, meghaladta ('exceeded') no death, európai no euro, Kazakhstan
    no death, Algeria no punishment, a centre no price, an electoral commission no voters, civil no citizens,
    Bulgaria no parliament, 'ended' no law, a measure of restraint and Kursk no policy; German nouns whose lowercase
    lemma is another word (handel -> handeln, gewissen -> gewiss) are matched as written, and statutory health
    insurance is no law."""
    from newsprism.enrich.frames import generic_frame_scores

    tokens = model.lemmas.tokenize(text, lang) if model.lemmas is not None else None
    assert frame not in generic_frame_scores(text, split_sentences(text), model, tokens, lang)


def test_traditional_chinese_is_read_with_the_simplified_cues(model) -> None:  # type: ignore[no-untyped-def]
    """Taiwan and Hong Kong write 經濟 and 選舉 where the cue lists say 经济 and 选举: the text is read as simplified,
    character for character, so a hit's span is still the span of the traditional word."""
    from newsprism.enrich.hanzi import has_traditional, to_simplified

    text = "立法院今天審議預算，在野黨批評經濟政策失敗，選舉前民調顯示支持度下滑。"
    assert to_simplified("經濟選舉") == "经济选举" and len(to_simplified(text)) == len(text)
    assert has_traditional(text) and not has_traditional("经济")
    found = {f.frame: f for f in detect_generic_frames("tw", text, model=model, language="zh")}
    assert {"Economic", "Political"} <= set(found)
    for span in found["Economic"].evidence:
        assert text[span.start : span.end] in text  # spans index the original, traditional text
    assert "經濟" in found["Economic"].terms or "經濟政策" in " ".join(found["Economic"].terms)


def test_uzbek_cues_read_cyrillic_and_every_okina(model) -> None:  # type: ignore[no-untyped-def]
    """Uzbek cue lists are in Latin letters: the same words in Cyrillic, and o‘ written with ʻ (one word) or ',
    are read too."""
    from newsprism.enrich.uzbek import cue_forms, latin_to_cyrillic

    assert latin_to_cyrillic("elchixona") == "элчихона" and latin_to_cyrillic("yo‘l") == "йўл"
    assert latin_to_cyrillic("sanksiya") == "санкция" and latin_to_cyrillic("shartnoma") == "шартнома"
    assert cue_forms("o‘lgan*") == ["oʻlgan*", "ўлган*"] and cue_forms("re:x") == []
    from newsprism.enrich.frames import generic_frame_scores

    for text in (
        "Raketa hujumida 14 kishi o‘lgan, elchixona fuqarolarni mamlakatni tark etishga chaqirdi.",
        "Ракета ҳужумида 14 киши ўлган, элчихона фуқароларни мамлакатни тарк этишга чақирди.",
        "Raketa hujumida 14 kishi oʻlgan, elchixona fuqarolarni mamlakatni tark etishga chaqirdi.",
    ):
        scored = generic_frame_scores(text, split_sentences(text), model, None, "uz")
        want = {"Security_and_defense", "External_regulation_and_reputation", "Health_and_safety"}
        assert want <= set(scored), (text, sorted(scored))
    latin_only = generic_frame_scores("Элчихона", split_sentences("Элчихона"), model, None, "kk")
    assert "External_regulation_and_reputation" not in latin_only  # the Cyrillic forms are Uzbek cues only


def test_kazakh_cues_read_the_arabic_script(model) -> None:  # type: ignore[no-untyped-def]
    """Kazakh cue lists are in Cyrillic; the Kazakhs of China and the ``ar.`` editions of Kazakh agencies write the
    Arabic script, with a high hamza before a front-vowel word that holds no ە, ك or گ (ٴادىل is әділ)."""
    from newsprism.enrich.kazakh import cue_forms, cyrillic_to_arabic
    from newsprism.enrich.lemmas import fold

    assert cyrillic_to_arabic("конституция") == "كونستيتۋتسيا" and cue_forms("соғыс*") == ["سوعىس*"]
    assert cue_forms("re:x") == [] and cue_forms("нато") == ["ناتو"]
    assert fold("ٴادىل") == "ادىل" and fold("\u0675") == "ا"  # the hamza, alone or on its letter, is dropped
    assert fold("ءۇشىن") == "ۇشىن" and fold("السماء") == "السماء"  # on the line before a word, not after it
    from newsprism.enrich.frames import generic_frame_scores

    text = "ۇكىمەت ەلدە توتەنشە جاعداي ەنگىزدى، اسكەر قالاعا كىردى، ٴادىل سوت تالاپ ەتىلدى."
    scored = generic_frame_scores(text, split_sentences(text), model, None, "kk")
    want = {"Political", "Legality_Constitutionality_and_jurisprudence", "Security_and_defense"}
    assert want <= set(scored), sorted(scored)
    from newsprism.enrich.frames import Lexicon, cues_from_mapping

    lexicon = Lexicon(cues_from_mapping("Economic", {"cues": {"kk": ["газ"], "fa": ["نفت"]}}, source="test"))
    persian = "قیمت گاز و نفت افزایش یافت"  # گاز is gas in Persian too: the Kazakh form is for Kazakh articles only
    assert [m.text for m in lexicon.matches(persian, language="fa")] == ["نفت"]
    assert [m.text for m in lexicon.matches("گاز باعاسى ٴوستى", language="kk")] == ["گاز"]


@pytest.mark.parametrize(
    ("lang", "text", "frame"),
    [
        ("kk", "Үкімет зейнетақы мен жәрдемақы мөлшерін 1 қаңтардан бастап көтерді.", "Economic"),
        (
            "ky",
            "Эки өлкөнүн өкмөттөр аралык делегациялары чек араны демаркациялоо боюнча протоколго кол коюшту.",
            "External_regulation_and_reputation",
        ),
        (
            "uz",
            "Delegatsiya sammit oldidan davlatlararo loyihalarni muhokama qildi.",
            "External_regulation_and_reputation",
        ),
        ("ru", "Госдума рассмотрит законопроект о запрете телефонов в школах.", "Policy_prescription_and_evaluation"),
        ("ar", "خرج آلاف المتظاهرين إلى الشارع في تظاهرات غاضبة.", "Public_opinion"),
    ],
)
def test_cue_words_of_the_fifth_round(model, lang: str, text: str, frame: str) -> None:  # type: ignore[no-untyped-def]
    """Words found missing on the fifth round's tune part: pensions and benefits, delegations and demarcation,
    summits, bills and bans, demonstrators."""
    from newsprism.enrich.frames import generic_frame_scores

    tokens = model.lemmas.tokenize(text, lang) if model.lemmas is not None else None
    assert frame in generic_frame_scores(text, split_sentences(text), model, tokens, lang)


@pytest.mark.parametrize(
    ("lang", "cue", "text", "found"),
    [
        ("az", "təhlükəsizlik*", "Avropanın enerji təhlükəsizliyinə fayda verəcək.", ["təhlükəsizliyinə"]),
        ("az", "tərəfdaşlıq*", "Azərbaycanla tərəfdaşlığımızın vacibliyi artacaq.", ["tərəfdaşlığımızın"]),
        ("tr", "ortaklık*", "İki ülkenin ortaklığı ve ortaklık anlaşması", ["ortaklığı", "ortaklık"]),
        ("tr", "ekip*", "Kurtarma ekibi bölgeye ulaştı.", ["ekibi"]),
        ("tr", "bank*", "Bankı değil, bankayı kapattılar.", ["Bankı", "bankayı"]),  # one syllable: no bang*
    ],
)
def test_turkish_and_azerbaijani_stems_soften(lang: str, cue: str, text: str, found: list[str]) -> None:
    lex = Lexicon(cues_from_mapping("x", {"cues": {lang: [cue]}}, source="test"))
    assert [m.text for m in lex.matches(text, language=lang)] == found


def test_softening_leaves_exact_terms_patterns_and_one_syllable_words() -> None:
    assert softened_forms("milli kimlik*", "az") == ["milli kimliy*"]
    assert softened_forms("utanç*", "tr") == ["utanc*"]
    assert softened_forms("ahenk*", "tr") == ["aheng*"]
    assert softened_forms("konut*", "tr") == []  # t -> d only where the cue list says so (konud* took konuda)
    assert softened_forms("ancak", "tr") == [] and softened_forms("bank*", "tr") == []
    assert softened_forms("re:kimlik", "tr") == [] and softened_forms("=kimlik|kimliği", "tr") == []
    assert softened_forms("ortaklık*", "de") == []


def test_a_cue_word_is_also_the_head_of_a_compound() -> None:
    """German, Dutch and Swedish write compounds as one word whose last part says what it is: Bundesregierung is a
    Regierung, Handelsoorlog an oorlog; a short cue (wahl*, four letters) and a head of the word's start are not
    read so, nor are compounds in other languages."""
    lex = Lexicon(
        cues_from_mapping(
            "x",
            {"cues": {"de": ["regierung*", "wahl*"], "nl": ["oorlog*"], "en": ["government*"]}},
            source="test",
        )
    )
    de = "Die Bundesregierung und die Landtagswahl."
    assert [m.text for m in lex.for_language("de", None).matches(de, language="de")] == ["Bundesregierung"]
    assert [m.text for m in lex.for_language("nl", None).matches("Een handelsoorlog dreigt.", language="nl")] == [
        "handelsoorlog"
    ]
    assert list(lex.for_language("en", None).matches("The supergovernment met.", language="en")) == []


def test_russian_ukrainian_and_arabic_courts_and_war_words(model) -> None:  # type: ignore[no-untyped-def]
    """A trial told through its prosecutor, defendant and verdict of guilt is crime; drones and missiles are war."""
    from newsprism.enrich.frames import generic_frame_scores

    for lang, text, frame in [
        (
            "ru",
            "Прокурор попросил для подсудимого восемь лет; суд признал его виновным во взятке.",
            "Crime_and_punishment",
        ),
        ("uk", "Прокурори повідомили про підозру меру, якого підозрюють у хабарі.", "Crime_and_punishment"),
        ("ru", "Ночью ракеты и дроны атаковали город, сообщили в ПВО.", "Security_and_defense"),
        ("ar", "أيدت المحكمة حكم الإعدام بحق المتهم في جريمة قتل.", "Crime_and_punishment"),
        ("it", "La procura ha iscritto il sindaco tra gli indagati per corruzione.", "Crime_and_punishment"),
        ("hu", "A legfőbb ügyész vesztegetés gyanújával kezdeményezte a nyomozást.", "Crime_and_punishment"),
    ]:
        tokens = model.lemmas.tokenize(text, lang) if model.lemmas is not None else None
        assert frame in generic_frame_scores(text, split_sentences(text), model, tokens, lang), text
