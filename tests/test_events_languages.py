"""Event triggers in every language with a trigger file: sentences written for these tests (no shared data)."""

from __future__ import annotations

import pytest

from newsprism.enrich.event_triggers import extract_events_window, load_language_triggers, trigger_languages
from newsprism.enrich.language import SUPPORTED
from newsprism.enrich.lemmas import tokenize
from newsprism.enrich.mentions import MentionIndex
from newsprism.model import Article, Entity, Place
from newsprism.pipeline import Doc, Resources

#: language -> (sentence, PLOVER types that must be found, types that must not be)
SENTENCES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "ru": [
        ("Полиция задержала более ста протестующих в Алматы.", {"COERCE", "PROTEST"}, set()),
        ("Президент обратился за помощью к союзникам.", {"DEMAND"}, {"AID"}),
        ("В ходе беспорядков погибли десятки человек.", {"PROTEST", "ASSAULT"}, set()),
    ],
    "uk": [
        ("Поліція затримала двадцять протестувальників у Києві.", {"COERCE", "PROTEST"}, set()),
        ("Уряд засудив напад на посольство.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "es": [
        ("La policía detuvo a veinte manifestantes en Quito.", {"COERCE", "PROTEST"}, set()),
        ("El gobierno pidió ayuda a sus vecinos.", {"DEMAND"}, {"AID"}),
        ("Los dos países firmaron un acuerdo de alto el fuego.", {"AGREE", "RETREAT"}, set()),
    ],
    "fr": [
        ("La police a arrêté des manifestants à Lyon.", {"COERCE", "PROTEST"}, set()),
        ("Le gouvernement a condamné les violences et exigé une enquête.", {"DISAPPROVE", "DEMAND"}, set()),
    ],
    "de": [
        ("Die Polizei hat zwölf Demonstranten festgenommen.", {"COERCE", "PROTEST"}, set()),
        ("Die Regierung verurteilte den Angriff auf die Botschaft.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "it": [
        ("La polizia ha arrestato dieci manifestanti a Torino.", {"COERCE", "PROTEST"}, set()),
        ("I due ministri si sono incontrati per un colloquio.", {"CONSULT"}, set()),
    ],
    "pt": [
        ("A polícia prendeu vinte manifestantes em Lisboa.", {"COERCE", "PROTEST"}, set()),
        ("O governo rejeitou as sanções impostas pelo vizinho.", {"REJECT", "SANCTION"}, set()),
    ],
    "pl": [
        ("Policja zatrzymała dwudziestu demonstrantów w Warszawie.", {"COERCE", "PROTEST"}, set()),
        ("W starciach zginęło pięć osób.", {"FIGHT", "ASSAULT"}, set()),
    ],
    "tr": [
        ("İster kabul etsin ister etmesin, toplantı yapıldı.", set(), {"DEMAND"}),  # ister ... ister (whether)
        ("Polis, İzmir'de yirmi göstericiyi gözaltına aldı.", {"COERCE", "PROTEST"}, set()),
        ("Hükümet saldırıyı sert bir dille kınadı.", {"ASSAULT", "DISAPPROVE"}, set()),
    ],
    "zh": [
        ("警方在阿拉木图逮捕了数十名抗议者。", {"COERCE", "PROTEST"}, set()),
        ("两国领导人举行会谈并签署了合作协议。", {"CONSULT", "AGREE", "COOPERATE"}, set()),
    ],
    "ar": [
        ("اعتقلت الشرطة عشرات المتظاهرين في العاصمة.", {"COERCE", "PROTEST"}, set()),
        ("وأدانت الحكومة الهجوم على السفارة.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "kk": [
        ("Полиция Алматыда жиырма наразылық білдірушіні ұстап алды.", {"PROTEST", "COERCE"}, set()),
        ("Үкімет шабуылды айыптады.", {"ASSAULT", "DISAPPROVE"}, set()),
    ],
    "nl": [
        ("De politie heeft twintig betogers gearresteerd in Utrecht.", {"COERCE", "PROTEST"}, set()),
        ("De regering veroordeelde de aanval op de ambassade.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "sv": [
        ("Polisen grep tjugo demonstranter i Göteborg.", {"COERCE", "PROTEST"}, set()),
        ("Regeringen fördömde attacken mot ambassaden.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "bg": [
        ("Полицията задържа двадесет протестиращи в Пловдив.", {"COERCE", "PROTEST"}, set()),
        ("Правителството осъди нападението срещу посолството.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "el": [
        ("Η αστυνομία συνέλαβε είκοσι διαδηλωτές στη Θεσσαλονίκη.", {"COERCE", "PROTEST"}, set()),
        ("Η κυβέρνηση καταδίκασε την επίθεση στην πρεσβεία.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "hu": [
        ("A kérdés az, hogy a kiadó mit tesz.", set(), {"DEMAND", "COOPERATE"}),  # kérdés (question), kiadó (publisher)
        ("A rendőrség húsz tüntetőt vett őrizetbe Debrecenben.", {"COERCE", "PROTEST"}, set()),
        ("A kormány elítélte a nagykövetség elleni támadást.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "fi": [
        ("Poliisi pidätti kaksikymmentä mielenosoittajaa Tampereella.", {"COERCE", "PROTEST"}, set()),
        ("Hallitus tuomitsi hyökkäyksen suurlähetystöön.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "fa": [
        ("پلیس بیست معترض را در شیراز بازداشت کرد.", {"COERCE", "PROTEST"}, set()),
        ("دولت حمله به سفارت را محکوم کرد.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "ja": [
        ("警察は大阪で抗議者二十人を逮捕した。", {"COERCE", "PROTEST"}, set()),
        ("政府は大使館への攻撃を非難した。", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "ko": [
        ("경찰은 부산에서 시위대 스무 명을 체포했다.", {"COERCE", "PROTEST"}, set()),
        ("정부는 대사관 공격을 규탄했다.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "az": [
        ("Polis Bakıda iyirmi etirazçını həbs etdi.", {"COERCE", "PROTEST"}, set()),
        ("Hökumət səfirliyə hücumu pislədi.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "uz": [
        ("Politsiya Toshkentda yigirma namoyishchini hibsga oldi.", {"COERCE", "PROTEST"}, set()),
        ("Hukumat elchixonaga hujumni qoraladi.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "ky": [
        ("Милиция Бишкекте жыйырма нааразылык билдирүүчүнү камакка алды.", {"COERCE", "PROTEST"}, set()),
        ("Өкмөт элчиликке кол салууну айыптады.", {"DISAPPROVE", "ASSAULT"}, set()),
    ],
    "ka": [
        ("პოლიციამ თბილისში ოცი დემონსტრანტი დააკავა.", {"COERCE", "PROTEST"}, set()),
        ("მთავრობამ საელჩოზე თავდასხმა დაგმო.", {"DISAPPROVE", "ASSAULT"}, set()),
        ("ორმა ქვეყანამ ცეცხლის შეწყვეტის შეთანხმებას მოაწერა ხელი.", {"AGREE", "RETREAT"}, set()),
    ],
    "hy": [
        ("Ոստիկանությունը Երևանում ձերբակալել է քսան ցուցարարի։", {"COERCE", "PROTEST"}, set()),
        ("Կառավարությունը դատապարտել է դեսպանատան վրա հարձակումը։", {"DISAPPROVE", "ASSAULT"}, set()),
        # մարտ is both a battle and March: a date is no fight
        ("Մարտի 5-ին վարչապետը հանդիպեց դեսպանին։", set(), {"FIGHT"}),
        ("Սահմանին մարտեր են ընթանում։", {"FIGHT"}, set()),
    ],
}


def test_every_trigger_file_has_sentences_here() -> None:
    assert set(trigger_languages()) == set(SENTENCES)


def test_every_supported_language_has_triggers() -> None:
    assert set(SUPPORTED) - {"en"} <= set(trigger_languages())  # English reads plover.yaml over its parse


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_triggers_in_each_language(lang: str) -> None:
    res = Resources()
    triggers = load_language_triggers(lang, res)
    assert triggers is not None
    for sentence, must, must_not in SENTENCES[lang]:
        events = extract_events_window(
            sentence, lang, tokens=tokenize(sentence, lang, res), triggers=triggers, mentions=MentionIndex(sentence)
        )
        types = {e.type for e in events}
        assert must <= types, (sentence, types)
        assert not (must_not & types), (sentence, types)
        for e in events:
            assert e.trigger and e.trigger in sentence and sentence[e.start : e.end] == e.text


def test_actor_recipient_and_place_by_window_rules() -> None:
    text = "Токаев обратился к Путину с просьбой о помощи. Затем Россия направила войска в Казахстан."
    ents = [
        Entity("a", 0, 6, "Токаев", 0.9, "x", type="person", canonical="Kassym-Jomart Tokayev"),
        Entity("a", 19, 25, "Путину", 0.9, "x", type="person", canonical="Vladimir Putin"),
        Entity("a", 53, 59, "Россия", 0.9, "x", type="place", canonical="Russia"),
    ]
    start = text.index("Казахстан")
    places = [Place("a", start, start + 9, "Казахстан", 0.9, "x", name="Kazakhstan")]
    events = extract_events_window(
        text,
        "ru",
        tokens=tokenize(text, "ru"),
        triggers=load_language_triggers("ru"),
        mentions=MentionIndex(text, entities=ents),
        places=places,
    )  # type: ignore[arg-type]
    demand = next(e for e in events if e.type == "DEMAND")
    assert demand.actor == "Kassym-Jomart Tokayev" and demand.recipient == "Vladimir Putin"
    mobilize = next(e for e in events if e.type == "MOBILIZE")
    assert mobilize.actor == "Russia" and mobilize.where == "Kazakhstan"


def test_event_stage_codes_a_non_english_article() -> None:
    from newsprism.enrich.events import EventStage

    res = Resources()
    art = Article(id="es1", title="t", body="La policía detuvo a veinte manifestantes en Quito.", language="es")
    events = EventStage(resources=res)(Doc(art, res))
    assert {getattr(e, "type", None) for e in events} >= {"COERCE", "PROTEST"}
    unknown = Article(id="xx", title="t", body="Lorem ipsum.", language="xx")
    assert EventStage(resources=res)(Doc(unknown, res)) == []


def test_french_roles_come_from_the_parse() -> None:
    from newsprism.enrich.events import EventStage

    res = Resources()
    art = Article(
        id="fr1",
        title="t",
        body="Emmanuel Macron a condamné la Russie. La police a arrêté Jean Dupont à Lyon.",
        language="fr",
    )
    events = {e.type: e for e in EventStage(resources=res)(Doc(art, res)) if hasattr(e, "type")}
    assert (events["DISAPPROVE"].actor, events["DISAPPROVE"].recipient) == ("Emmanuel Macron", "Russie")
    assert events["DISAPPROVE"].score == 0.65 and events["DISAPPROVE"].where is None
    assert (events["COERCE"].recipient, events["COERCE"].where) == ("Jean Dupont", "Lyon")
