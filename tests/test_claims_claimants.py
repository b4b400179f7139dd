"""Who gives a figure, in every language: "according to" cues before and after the name, a subject and its reporting
verb (also after the figures, inverted, after a dash or with an auxiliary), names in brackets, cited sources, headline
sources, pronoun subjects; and the figures themselves (numerals in each script and grouping, hedges). Sentences
written for these tests (none copied from any article); the names are public officials and agencies."""

from __future__ import annotations

import pytest

from newsprism.enrich.claim_window import sentence_spans
from newsprism.enrich.claims import extract_claims
from newsprism.evaluate.multilingual import DevPage, split_pages

#: (language, text, [(number, type, hedge, claimant as written or None)])
CASES: list[tuple[str, str, list[tuple[float, str, str | None, str | None]]]] = [
    (
        "tr",
        "AFAD'ın açıkladığı son verilere göre depremde 2316 kişi hayatını kaybetti, 13 bin 293 kişi yaralandı.",
        [(2316, "killed", None, "AFAD"), (13293, "wounded", None, "AFAD")],
    ),
    (
        "tr",
        "Cumhurbaşkanı Yardımcısı Fuat Oktay, depremde 14 bin 351 kişinin hayatını kaybettiğini, 63 bin 794 "
        "kişinin yaralandığını açıkladı.",
        [(14351, "killed", None, "Fuat Oktay"), (63794, "wounded", None, "Fuat Oktay")],
    ),
    ("tr", "AFAD açıkladı: Depremlerde can kaybı 1014'e yükseldi.", [(1014, "killed", None, "AFAD")]),
    (
        "tr",
        "Sağlık Bakanı Fahrettin Koca, en az 21 kişinin öldüğünü söyledi.",
        [(21, "killed", "at least", "Fahrettin Koca")],
    ),
    (
        "de",
        "Die Katastrophenschutzbehörde AFAD teilte mit, dass mindestens 19 Menschen starben.",
        [(19, "killed", "at least", "AFAD")],
    ),
    (
        "ru",
        "Как сообщил глава AFAD Юнус Сезер, число погибших возросло до 1121.",
        [(1121, "killed", None, "Юнус Сезер")],
    ),
    ("ru", "Как передает агентство Анадолу, почти 3000 зданий разрушены.", [(3000, "destroyed", "nearly", "Анадолу")]),
    (
        "ru",
        "Число жертв достигло 1500 человек. Об этом пишет ТАСС со ссылкой на министра здравоохранения "
        "Фахреттина Коджу.",
        [(1500, "killed", None, "Фахреттина Коджу")],
    ),
    (
        "zh",
        "据土耳其副总统奥克塔伊介绍，地震已造成284人死亡，2320人受伤。",
        [(284, "killed", None, "奥克塔伊"), (2320, "wounded", None, "奥克塔伊")],
    ),
    ("zh", "土耳其副总统奥克塔伊12日凌晨表示，地震已造成超过2万人死亡。", [(20000, "killed", "more than", "奥克塔伊")]),
    ("zh", "据新华社报道，近两千栋建筑倒塌。", [(2000, "destroyed", "nearly", "新华社")]),
    (
        "fr",
        "Le ministère de la Santé a annoncé que 237 personnes étaient mortes.",
        [(237, "killed", None, "ministère de la Santé")],
    ),
    (
        "fr",
        "Le séisme a fait 2 379 morts, a annoncé dans la nuit de lundi le vice-président Fuat Oktay.",
        [(2379, "killed", None, "Fuat Oktay")],
    ),
    ("fr", "Selon M. Oktay, plus de 2 300 personnes ont été blessées.", [(2300, "wounded", "more than", "Oktay")]),
    (
        "it",
        "Stando a quanto riferito dal ministro Hulusi Sahin, 23 persone sono morte e 420 sono rimaste ferite.",
        [(23, "killed", None, "Hulusi Sahin"), (420, "wounded", None, "Hulusi Sahin")],
    ),
    (
        "it",
        "Il governatore Salí Ayhan ha riferito di 18 morti e 67 feriti.",
        [(18, "killed", None, "Salí Ayhan"), (67, "wounded", None, "Salí Ayhan")],
    ),
    (
        "it",
        "Le vittime salgono a 1014. Lo rende noto l'agenzia per i disastri e le emergenze Afad.",
        [(1014, "killed", None, "Afad")],
    ),
    (
        "it",
        "Secondo le ultime notizie diffuse dall'Afad, almeno 21 persone sono morte.",
        [(21, "killed", "at least", "Afad")],
    ),
    ("es", "De acuerdo con la AFAD, 1.014 personas perdieron la vida.", [(1014, "killed", None, "AFAD")]),
    (
        "pl",
        "Jak podaje agencja Anadolu, ponad 2,8 tys. budynków zostało zniszczonych.",
        [(2800, "destroyed", "more than", "Anadolu")],
    ),
    (
        "pl",
        "W trzęsieniu zginęło 1014 osób - poinformowała rządowa agencja ds. sytuacji kryzysowych (AFAD).",
        [(1014, "killed", None, "AFAD")],
    ),
    ("kk", "Сулейман Сойлуның айтуынша, 48448 адам қаза болды.", [(48448, "killed", None, "Сулейман Сойлу")]),
    (
        "fa",
        "به گزارش خبرگزاری ایرنا، سازمان آفاد با انتشار بیانیه ای اعلام کرد ۶۲۳۴ نفر کشته شده‌اند.",
        [(6234, "killed", None, "آفاد")],
    ),
    ("fa", "به گفته فواد اوکتای، دست کم ۲۸۴ نفر جان باختند.", [(284, "killed", "at least", "فواد اوکتای")]),
    (
        "ar",
        "وفقا للخوذ البيضاء، قتل 221 شخصا وأصيب 419 آخرون.",
        [(221, "killed", None, "خوذ البيضاء"), (419, "wounded", None, "خوذ البيضاء")],
    ),
    (
        "ar",
        "وبحسب إدارة الكوارث والطوارئ التركية، ارتفع عدد القتلى إلى 20 والمصابين إلى 1015.",
        [(20, "killed", None, "إدارة الكوارث"), (1015, "wounded", None, "إدارة الكوارث")],
    ),
    ("ja", "トルコ災害緊急事態対策庁（AFAD）は、1121人が死亡したと発表した。", [(1121, "killed", None, "AFAD")]),
    ("ko", "AP통신에 따르면 사망자는 1300명을 넘어섰다.", [(1300, "killed", "more than", "AP통신")]),
    (
        "ko",
        "레제프 타이이프 에르도안 대통령은 912명이 숨졌다고 밝혔다.",
        [(912, "killed", None, "레제프 타이이프 에르도안")],
    ),
    (
        "uk",
        "Загинули 18 людей.\nПро це повідомив міністр Ігор Клименко.\nВін додав, що зниклою безвісти "
        "залишається 31 людина.",
        [(18, "killed", None, "Ігор Клименко"), (31, "missing", None, "Ігор Клименко")],
    ),
    ("uk", "Кількість загиблих зросла до 18 — МВС\nРятувальники працюють на місці.", [(18, "killed", None, "МВС")]),
    ("pt", "A Defesa Civil atualizou para 8 o número de mortes.", [(8, "killed", None, "Defesa Civil")]),
    ("hu", "Az AFAD szerint 29 605 ember halt meg.", [(29605, "killed", None, "AFAD")]),
    (
        "hu",
        "Legkevesebb 912 halott van - közölte Recep Tayyip Erdogan török elnök.",
        [(912, "killed", "at least", "Recep Tayyip Erdogan")],
    ),
    (
        "fi",
        "Fuat Oktayn mukaan 284 ihmistä on kuollut ja yli 2300 loukkaantunut.",
        [(284, "killed", None, "Fuat Oktay"), (2300, "wounded", "more than", "Fuat Oktay")],
    ),
    (
        "sv",
        "Redan i ett tidigt skede varslade USA:s geologiska myndighet USGS om att så många som 1 000 "
        "människor kan ha omkommit.",
        [(1000, "killed", "up to", "USGS")],
    ),
    (
        "sv",
        "Över 1 700 byggnader har kollapsat, meddelar vice president Fuat Oktay enligt flera medier.",
        [(1700, "destroyed", "more than", "Fuat Oktay")],
    ),
    (
        "nl",
        "Volgens de Wereldgezondheidsorganisatie zijn zeker 20.000 mensen omgekomen.",
        [(20000, "killed", "at least", "Wereldgezondheidsorganisatie")],
    ),
    ("el", "Σύμφωνα με την AFAD, τουλάχιστον 912 άνθρωποι σκοτώθηκαν.", [(912, "killed", "at least", "AFAD")]),
    ("it", "Turchia, 1014 vittime\nLe vittime ammontano a 1014 secondo l'Afad.", [(1014, "killed", None, "Afad")]),
    ("hy", "AFAD-ի տվյալներով՝ զոհվել է 1121 մարդ։", [(1121, "killed", None, "AFAD")]),
    ("az", "AFAD-ın məlumatına görə, 1762 nəfər həlak olub.", [(1762, "killed", None, "AFAD")]),
    # subjects with titles, dates and brackets around them
    (
        "uz",
        "Favqulodda vaziyatlar vazirligi ma'lumotlariga ko'ra, 120 kishi halok bo'ldi.",
        [(120, "killed", None, "Favqulodda vaziyatlar vazirligi")],
    ),
    (
        "ky",
        "Өзгөчө кырдаалдар министрлигинин маалыматы боюнча, 56 адам каза болду.",
        [(56, "killed", None, "Өзгөчө кырдаалдар министрлиги")],
    ),
    ("hy", "Ըստ AFAD-ի՝ զոհերի թիվը հասել է 3419-ի։", [(3419, "killed", None, "AFAD")]),
    ("hy", "Թուրքիայի ԱԻՆ-ը հայտնել է, որ 912 մարդ է զոհվել։", [(912, "killed", None, "ԱԻՆ")]),
    (
        "el",
        "Ο υπουργός Υγείας Φαχρετίν Κοτζά δήλωσε ότι 1.541 άνθρωποι σκοτώθηκαν.",
        [(1541, "killed", None, "Φαχρετίν Κοτζά")],
    ),
    (
        "el",
        "Σύμφωνα με το πρακτορείο Anadolu, περισσότεροι από 2.000 άνθρωποι τραυματίστηκαν.",
        [(2000, "wounded", "more than", "Anadolu")],
    ),
    ("bg", "Според турската агенция АФАД загиналите са 1541.", [(1541, "killed", None, "АФАД")]),
    ("nl", "Het Turkse rampenagentschap AFAD meldt dat 2.316 mensen zijn omgekomen.", [(2316, "killed", None, "AFAD")]),
    ("ja", "トルコのエルドアン大統領は、死者が912人に達したと明らかにした。", [(912, "killed", None, "エルドアン")]),
    ("ja", "AFADによると、死者は1541人に上った。", [(1541, "killed", None, "AFAD")]),
    ("ko", "터키 재난위기관리청(AFAD)은 사망자가 1541명으로 늘었다고 발표했다.", [(1541, "killed", None, "AFAD")]),
    (
        "es",
        "Las autoridades turcas informaron de que al menos 76 personas murieron.",
        [(76, "killed", "at least", "autoridades turcas")],
    ),
    (
        "pt",
        "Segundo o balanço mais recente da Defesa Civil, 75 pessoas morreram.",
        [(75, "killed", None, "Defesa Civil")],
    ),
    (
        "de",
        "Nach Angaben der Katastrophenschutzbehörde Afad kamen 284 Menschen ums Leben.",
        [(284, "killed", None, "Afad")],
    ),
    (
        "de",
        "Bei dem Beben kamen 284 Menschen ums Leben. Das teilte die Katastrophenschutzbehörde Afad mit.",
        [(284, "killed", None, "Afad")],
    ),
    ("fr", "Au moins 76 personnes sont mortes, a indiqué l'AFAD.", [(76, "killed", "at least", "AFAD")]),
    ("uk", "Внаслідок удару загинули 5 людей. Про це повідомляє ДСНС.", [(5, "killed", None, "ДСНС")]),
    ("fa", "رئیس سازمان آفاد گفت: ۱۲۰۰ نفر کشته شده‌اند.", [(1200, "killed", None, "آفاد")]),
    ("ar", "أعلنت إدارة الكوارث والطوارئ التركية (آفاد) ارتفاع عدد القتلى إلى 1541.", [(1541, "killed", None, "آفاد")]),
    (
        "tr",
        "İçişleri Bakanı Süleyman Soylu, ölü sayısının 912'ye yükseldiğini bildirdi.",
        [(912, "killed", None, "Süleyman Soylu")],
    ),
    ("kk", "ТЖМ мәліметінше, 45 адам зардап шекті.", [(45, "wounded", None, "ТЖМ")]),
    ("zh", "土耳其总统埃尔多安6日晚表示，地震已造成912人死亡。", [(912, "killed", None, "埃尔多安")]),
    ("zh", "土耳其阿纳多卢通讯社报道，地震已造成1541人死亡。", [(1541, "killed", None, "阿纳多卢通讯社")]),
    ("ru", "МЧС Турции сообщает о 1541 погибшем.", [(1541, "killed", None, "МЧС Турции")]),
    ("ru", "По последним данным AFAD, погибли 1541 человек.", [(1541, "killed", None, "AFAD")]),
    (
        "it",
        "Le vittime sono almeno 76, ha reso noto la protezione civile turca Afad.",
        [(76, "killed", "at least", "Afad")],
    ),
    ("pl", "Według najnowszych danych AFAD zginęło 1541 osób.", [(1541, "killed", None, "AFAD")]),
    (
        "sv",
        "Enligt den turkiska katastrofmyndigheten Afad har 1 541 personer omkommit.",
        [(1541, "killed", None, "Afad")],
    ),
    (
        "fi",
        "Turkin katastrofiviranomainen AFAD kertoi, että kuolleita on ainakin 1 541.",
        [(1541, "killed", "at least", "AFAD")],
    ),
    (
        "hu",
        "A török katasztrófavédelem (AFAD) adatai szerint 1541 ember vesztette életét.",
        [(1541, "killed", None, "AFAD")],
    ),
    ("uk", "За даними турецького AFAD, кількість загиблих зросла до 1541.", [(1541, "killed", None, "AFAD")]),
    # the source before the outlet that relays it; a source named before the figures
    (
        "es",
        "El gobernador de Malatya, Hulusi Sahin, ha señalado que 23 personas han fallecido, según la agencia Anatolia.",
        [(23, "killed", None, "Hulusi Sahin")],
    ),
    (
        "it",
        "Le vittime sono 1014. Lo rende noto l'agenzia Afad, come riporta Anadolu.",
        [(1014, "killed", None, "Afad")],
    ),
    ("az", "Bu barədə AFAD məlumat yayıb.\nBildirilib ki, 1762 nəfər həlak olub.", [(1762, "killed", None, "AFAD")]),
    # a source named in a paragraph of its own carries into the next only as the source of an impersonal report: a
    # paragraph telling what someone did after a quoted minister names no source
    ("zh", "「我们会持续监控。」部长王大明说。\n警方昨天逮捕了15名抗议者。", [(15, "arrested", None, None)]),
    (
        "ky",
        "Каза болгондордун саны 48 миң 448 адамга жетти. Бул тууралуу агенттик Сулейман Сойлуга шилтеме "
        "менен билдирет.",
        [(48448, "killed", None, "Сулейман Сойлу")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_claimant_hedge_and_figure(
    lang: str, text: str, expected: list[tuple[float, str, str | None, str | None]]
) -> None:
    claims = extract_claims(text, lang=lang)
    for number, ctype, hedge, claimant in expected:
        found = [c for c in claims if c.number == number and c.type == ctype]
        assert found, (number, ctype, [(c.number, c.type) for c in claims])
        c = found[-1]
        assert c.hedge == hedge, (number, c.hedge)
        if claimant is None:
            assert c.claimant is None
        else:
            assert c.claimant is not None and claimant in c.claimant, (number, c.claimant)
            assert c.claimant in text  # the claimant is written in the text, never made up


def test_no_claimant_is_invented() -> None:
    for lang, text in [
        ("de", "Bei dem Beben kamen mindestens 19 Menschen ums Leben."),
        ("ru", "В результате землетрясения погибли 85 человек."),
        ("zh", "地震已造成284人死亡。"),
        ("ar", "قتل 221 شخصا في الزلزال."),
        ("tr", "Depremde 21 kişi öldü."),
    ]:
        (c,) = extract_claims(text, lang=lang)
        assert c.claimant is None, (lang, c.claimant)


def test_magnitudes_and_decimals_are_not_counts() -> None:
    text = "Il sisma di magnitudo 6.8: almeno 21 morti."
    assert [(c.number, c.type) for c in extract_claims(text, lang="it")] == [(21, "killed")]
    assert not extract_claims("Trzęsienie o sile 6,7 zabiło wiele osób.", lang="pl")


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Selon M. Oktay, 12 morts. Dr. Smith est arrivé."
    assert [text[a:b] for a, b in sentence_spans(text)] == ["Selon M. Oktay, 12 morts.", "Dr. Smith est arrivé."]


def test_dev_split_is_fixed_by_id() -> None:
    pages = [
        DevPage(id=f"xx-quake-0{i}", lang="xx", url=None, figures=(), people=(), places=(), quotes=())
        for i in (1, 2, 3)
    ]
    assert [p.id for p in split_pages(pages, "held")] == ["xx-quake-01"]
    assert [p.id for p in split_pages(pages, "tune")] == ["xx-quake-02", "xx-quake-03"]
    assert len(split_pages(pages, "all")) == 3
