"""Entities: mentions with evidence, roles, resolution across scripts and spellings, the seed gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.enrich.aliases import build_actor_table, read_alias_file
from newsprism.enrich.entities import extract_entities
from newsprism.enrich.translit import name_key
from newsprism.errors import ConfigError
from newsprism.evaluate.entities import run_seed, score_entities
from newsprism.evaluate.seed import seed_articles
from newsprism.model import Article, Entity
from newsprism.pipeline import Doc, Resources

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if not SHARED.is_dir():
    SHARED = ROOT.parent.parent / "shared"
GOLD = SHARED / "seed" / "kazakhstan-2022-01-12.gold.json"
needs_gold = pytest.mark.skipif(not GOLD.exists(), reason="../shared seed gold absent")


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def entities_of(text: str, lang: str, resources: Resources) -> list[Entity]:
    art = Article(id=f"t-{lang}", title=None, body=text, language=lang)
    ents = extract_entities(Doc(art, resources))
    for e in ents:
        assert text[e.start : e.end] == e.text
        assert 0.0 <= e.score <= 1.0
        assert e.component == "entities.ner.v1"
    return ents


def by_id(ents: list[Entity], entity_id: str) -> list[Entity]:
    return [e for e in ents if e.entity_id == entity_id]


def test_transliteration_keys_fold_variants() -> None:
    keys = {name_key(n) for n in ("Токаев", "Tokayev", "Tokaev", "Toqaev", "Tokaïev", "Тоқаев")}
    assert keys == {"tokaev"}
    assert name_key("Назарбаев") == name_key("Nazarbayev") != name_key("Nazarbayeva")


def test_roles_are_kept_apart_from_names(resources: Resources) -> None:
    text = (
        "White House press secretary Jen Psaki said the claims were crazy. "
        "President Tokayev thanked the allies. Later Tokayev spoke again."
    )
    ents = entities_of(text, "en", resources)
    psaki = by_id(ents, "psaki")
    assert psaki and psaki[0].text == "Jen Psaki" and psaki[0].role == "press secretary"
    tok = by_id(ents, "tokayev")
    assert [e.text for e in tok] == ["Tokayev", "Tokayev"]
    assert tok[0].role == "president" and tok[0].canonical == "Kassym-Jomart Tokayev"


def test_roles_in_three_languages(resources: Resources) -> None:
    en = entities_of(
        "Kazakhstan's President Kassym-Jomart Tokayev sacked Prime Minister Askar Mamin. Mr Putin was told.",
        "en",
        resources,
    )
    assert {(e.entity_id, e.role) for e in en} >= {
        ("tokayev", "president"),
        ("mamin", "prime minister"),
        ("putin", None),
    }
    ru = entities_of(
        "Президент Касым-Жомарт Токаев отправил в отставку премьер-министра Аскара Мамина.", "ru", resources
    )
    assert {(e.entity_id, e.role) for e in ru} >= {("tokayev", "президент"), ("mamin", "премьер-министр")}
    fr = entities_of("Le président Kassym-Jomart Tokaïev a limogé le Premier ministre Askar Mamine.", "fr", resources)
    assert {(e.entity_id, e.role) for e in fr} >= {("tokayev", "président"), ("mamin", "premier ministre")}


def test_first_name_resolves_through_family_relation(resources: Resources) -> None:
    text = "Nursultan Nazarbayev ruled for decades. Nazarbayev's daughter, Dariga, chaired the Senate."
    ents = entities_of(text, "en", resources)
    dariga = [e for e in ents if e.text == "Dariga"]
    assert dariga and dariga[0].canonical == "Dariga Nazarbayeva" and dariga[0].type == "person"
    assert dariga[0].resolution_score is not None and dariga[0].resolution_score >= 0.85


def test_acronyms_and_aliases_resolve_to_one_entity(resources: Resources) -> None:
    text = "The CSTO sent troops. Isis, ISIL and Daesh are one group; the Islamic State was named too."
    ents = entities_of(text, "en", resources)
    assert by_id(ents, "csto")[0].canonical == "Collective Security Treaty Organisation"
    assert {e.text for e in by_id(ents, "islamic_state")} >= {"Isis", "ISIL", "Daesh", "Islamic State"}


def test_russian_mentions_resolve_across_scripts(resources: Resources) -> None:
    text = (
        "Президент Касым-Жомарт Токаев обратился к ОДКБ. Владимир Путин поддержал Токаева. "
        "Боевики ИГИЛ не были замечены."
    )
    ents = entities_of(text, "ru", resources)
    assert len(by_id(ents, "tokayev")) == 2
    assert by_id(ents, "islamic_state")
    assert by_id(ents, "csto") and by_id(ents, "putin")
    assert all(e.language == "ru" for e in ents)


def test_french_spelling_resolves(resources: Resources) -> None:
    text = "Le président Kassym-Jomart Tokaïev a demandé l'aide de l'OTSC. Vladimir Poutine a répondu."
    ents = entities_of(text, "fr", resources)
    assert by_id(ents, "tokayev") and by_id(ents, "csto") and by_id(ents, "putin")


def test_kazakh_text_uses_the_actor_table(resources: Resources) -> None:
    text = "Қасым-Жомарт Тоқаев ҰҚШҰ бітімгершілік күштерін шақырды. Назарбаев туралы айтылды."
    ents = entities_of(text, "kk", resources)
    assert by_id(ents, "tokayev") and by_id(ents, "csto") and by_id(ents, "nazarbayev")


def test_chinese_text_uses_the_actor_table(resources: Resources) -> None:
    ents = entities_of("习近平会见托卡耶夫，上海合作组织表示支持。", "zh", resources)
    assert by_id(ents, "xi_jinping") and by_id(ents, "tokayev") and by_id(ents, "sco")


def test_junk_is_not_reported(resources: Resources) -> None:
    text = "On 6 January 2022, Kazakh and Russian officials met in Almaty. 164 people died."
    ents = entities_of(text, "en", resources)
    texts = {e.text for e in ents}
    assert not texts & {"6 January 2022", "164", "Kazakh", "Russian"}


def test_user_alias_file(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "actors:\n  zhanaozen_strike: {name: Zhanaozen oil workers, type: organisation, aliases: [Жанаозен "
        "мұнайшылары]}\n"
        "  tokayev: {aliases: [Mr Tokayev the Second]}\n",
        encoding="utf-8",
    )
    table = build_actor_table(extra_files=[path])
    assert table.lookup("Жанаозен мұнайшылары")[0].id == "zhanaozen_strike"  # type: ignore[index]
    assert table.lookup("Mr Tokayev the Second")[0].id == "tokayev"  # type: ignore[index]
    assert table.actors["tokayev"].name == "Kassym-Jomart Tokayev"
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  x: {type: wizard}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml"):
        read_alias_file(bad)


def test_aliases_in_the_data_folder_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path))
    (tmp_path / "aliases.yaml").write_text(
        "actors:\n  aktau_akim: {name: Serik Shapkenov, type: person, country: KZ, aliases: [Серік Шәпкенов]}\n",
        encoding="utf-8",
    )
    extra = tmp_path / "more.yaml"
    extra.write_text("actors:\n  strikers: {name: Oil workers' council, type: organisation}\n", encoding="utf-8")
    monkeypatch.setenv("NEWSPRISM_ALIASES_FILES", str(extra))
    table = build_actor_table()
    assert table.lookup("Serik Shapkenov")[0].id == "aktau_akim"  # type: ignore[index]
    assert table.lookup("Серік Шәпкенов")[0].id == "aktau_akim"  # type: ignore[index]
    assert table.lookup("Oil workers' council")[0].id == "strikers"  # type: ignore[index]


def test_actor_table_is_large_and_well_formed() -> None:
    table = build_actor_table()
    assert len(table) >= 200
    assert {a.type for a in table.actors.values()} <= {"person", "organisation", "place", "other"}


@needs_gold
def test_seed_gold_entities_all_found() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    arts = seed_articles(ROOT / "examples" / "kazakhstan-2022-01-12.txt")
    items = run_seed(arts, ("entities.ner.v1",))
    fig = score_entities(gold, arts, items)
    assert fig.misses == []
    assert fig.recall == 1.0 and fig.precision == 1.0
    for art in arts:
        for e in items[art.id]["entities"]:
            assert art.body[e.start : e.end] == e.text


_RU_PARAGRAPH = (
    "Мэр Тампере Марта Илвес встретилась в понедельник с министром Олегом Саврасовым. "
    "Совет Гданьска проголосовал за восстановление моста, сообщила газета «Вечерний курьер»."
)


def test_russian_long_body_is_tagged_in_paragraph_pieces_with_the_same_mentions(resources: Resources) -> None:
    one = [(e.start, e.end, e.text, e.type) for e in entities_of(_RU_PARAGRAPH, "ru", resources)]
    assert ("Марта Илвес" in {t for _, _, t, _ in one}) and any(t == "Гданьска" for _, _, t, _ in one)
    copies = 60  # about 10,000 characters: several of natasha's pieces (NATASHA_CHUNK)
    body = "\n\n".join([_RU_PARAGRAPH] * copies)
    step = len(_RU_PARAGRAPH) + 2
    got = [(e.start, e.end, e.text, e.type) for e in entities_of(body, "ru", resources)]
    assert got == [(s + k * step, e + k * step, t, ty) for k in range(copies) for s, e, t, ty in one]


def test_russian_entities_of_a_long_body_stay_within_the_stage_memory_bound(tmp_path: Path) -> None:
    """natasha tags a long body piece by piece: 300,000 characters tagged whole grow the process by over 130 MB;
    in pieces the stage stays well under the guard's 100 MB (pipeline.StageGuard, stage_memory_mb)."""
    from threadpoolctl import threadpool_info

    from newsprism.config import Settings
    from newsprism.pipeline import Pipeline
    from newsprism.store import open_store

    threads = [p["num_threads"] for p in threadpool_info()]
    pipe = Pipeline(["entities.ner.v1"], settings=Settings(env={}, stage_memory_mb=100))
    entities_of(_RU_PARAGRAPH, "ru", pipe.resources)  # the models load before the guarded run
    store = open_store(str(tmp_path / "ru.db"))
    store.put_article(Article(id="long-ru", title=None, body="\n\n".join([_RU_PARAGRAPH] * 1800), language="ru"))
    report = pipe.run(store, corpus=False)
    assert report.failed == []
    assert sum(1 for e in store.iter_items("entities") if e.text == "Марта Илвес") == 1800
    assert [p["num_threads"] for p in threadpool_info()] == threads  # the one-thread limit ends with the stage
