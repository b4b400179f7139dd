"""Who claims each figure, and how sure that is (``Claim.claimant_score``): a source in the figure's own clause (before
or after it, at an "according to" cue, a reporting verb or a passive's agent), a source carried to the later figures of
its paragraph (lower), a figure repeated across paragraphs (lowest); impersonal reports ("сообщается", "it was
reported") and pages with no source get no claimant; a medium citing another source is one phrase. Sentences written
for these tests (none copied from any article); the names are public agencies and outlets."""

from __future__ import annotations

import json
from typing import Any

import pyarrow.parquet as pq
import pytest

from newsprism.enrich.claim_window import ARTICLE, OWN_CLAUSE, PARAGRAPH
from newsprism.enrich.claims import extract_claims
from newsprism.model import Article, Claim
from newsprism.publish.export import export
from newsprism.store.sqlite import SQLiteStore


def _claims(lang: str, text: str, nlp: Any = None) -> list[Claim]:
    parsed = nlp(text) if lang == "en" else None
    out = extract_claims(text, lang=lang, parsed=parsed)
    for c in out:
        if c.claimant is not None:
            assert c.claimant in text, c.claimant  # a span of the text, never made up
            assert c.claimant_score is not None and 0 < c.claimant_score <= 1
        else:
            assert c.claimant_score is None
    return out


def _by_number(claims: list[Claim]) -> dict[float, tuple[str | None, float | None]]:
    return {float(c.number): (c.claimant, c.claimant_score) for c in claims if c.number is not None}


#: (language, text, {number: (claimant as written, score)}): the source in the figure's own clause
OWN: list[tuple[str, str, dict[float, tuple[str, float]]]] = [
    ("ru", "В результате землетрясения погибли 15 человек, сообщили в МВД.", {15: ("МВД", OWN_CLAUSE)}),
    ("uk", "Загинули 19 людей, повідомили в МВС.", {19: ("МВС", OWN_CLAUSE)}),
    ("de", "Mindestens 19 Menschen kamen ums Leben, teilte die Polizei mit.", {19: ("Polizei", OWN_CLAUSE)}),
    (
        "fr",
        "Au moins 19 personnes ont été tuées, a annoncé le ministère de l'Intérieur.",
        {19: ("ministère de l'Intérieur", OWN_CLAUSE)},
    ),
    (
        "es",
        "Al menos 19 personas murieron, informó el Ministerio del Interior.",
        {19: ("Ministerio del Interior", OWN_CLAUSE)},
    ),
    ("pt", "Pelo menos 19 pessoas morreram, informou a Defesa Civil.", {19: ("Defesa Civil", OWN_CLAUSE)}),
    (
        "tr",
        "İçişleri Bakanlığı, depremde 19 kişinin hayatını kaybettiğini açıkladı.",
        {19: ("İçişleri Bakanlığı", OWN_CLAUSE)},
    ),
    ("tr", "Depremde 19 kişinin hayatını kaybettiği AFAD tarafından açıklandı.", {19: ("AFAD", OWN_CLAUSE)}),
    ("ja", "消防庁は、19人が死亡したと発表した。", {19: ("消防庁", OWN_CLAUSE)}),
    ("ko", "소방당국은 19명이 숨졌다고 밝혔다.", {19: ("소방당국", OWN_CLAUSE)}),
    ("zh", "据新华社报道，地震造成19人死亡。", {19: ("新华社", OWN_CLAUSE)}),
    ("ar", "قالت وزارة الداخلية إن 19 شخصا قتلوا.", {19: ("وزارة الداخلية", OWN_CLAUSE)}),
    ("hu", "A rendőrség szerint 19 ember meghalt.", {19: ("rendőrség", OWN_CLAUSE)}),
    ("el", "Σύμφωνα με την αστυνομία, 19 άνθρωποι σκοτώθηκαν.", {19: ("αστυνομία", OWN_CLAUSE)}),
    # a medium citing another source: the whole phrase
    (
        "ru",
        "Государственное телевидение со ссылкой на МВД сообщило о 20 погибших.",
        {20: ("Государственное телевидение со ссылкой на МВД", OWN_CLAUSE)},
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), OWN, ids=[f"{c[0]}-{i}" for i, c in enumerate(OWN)])
def test_source_in_the_figures_own_clause(lang: str, text: str, expected: dict[float, tuple[str, float]]) -> None:
    assert _by_number(_claims(lang, text)) == expected


def test_english_source_after_the_figure_passive_agent_and_cited_source(nlp: Any) -> None:
    text = "At least 12 people were killed in the floods, the interior ministry said."
    assert _by_number(_claims("en", text, nlp)) == {12: ("interior ministry", OWN_CLAUSE)}
    text = "The figure of 35 dead was announced by the regional governor."
    assert _by_number(_claims("en", text, nlp)) == {35: ("regional governor", OWN_CLAUSE)}
    text = "Twelve people died, according to state television citing the interior ministry."
    assert _by_number(_claims("en", text, nlp)) == {12: ("state television citing the interior ministry", OWN_CLAUSE)}


def test_english_source_carried_in_its_paragraph_only_and_not_past_an_impersonal_report(nlp: Any) -> None:
    text = (
        "Police said 30 people were arrested. Another 12 were wounded in clashes.\n\n"
        "Some 50 houses were destroyed in the city."
    )
    assert _by_number(_claims("en", text, nlp)) == {
        30: ("Police", OWN_CLAUSE),
        12: ("Police", PARAGRAPH),
        50: (None, None),
    }
    text = "Police said 30 people were arrested. It was reported that 12 people were wounded."
    assert _by_number(_claims("en", text, nlp)) == {30: ("Police", OWN_CLAUSE), 12: (None, None)}
    text = "The death toll rose to 40, it was reported on Sunday."
    assert _by_number(_claims("en", text, nlp)) == {40: (None, None)}


#: (language, text, {number: (claimant or None, score or None)}): carried sources and impersonal reports
CARRIED: list[tuple[str, str, dict[float, tuple[str | None, float | None]]]] = [
    (
        "ru",
        "По данным МЧС, погибли 15 человек. Еще 40 человек получили ранения.",
        {15: ("МЧС", OWN_CLAUSE), 40: ("МЧС", PARAGRAPH)},
    ),
    (
        "de",
        "Laut Behörden wurden 19 Menschen getötet. Mehr als 500 Menschen wurden verletzt.",
        {19: ("Behörden", OWN_CLAUSE), 500: ("Behörden", PARAGRAPH)},
    ),
    # across paragraphs nothing is carried
    (
        "fr",
        "Selon le ministère, 19 personnes ont été tuées.\n\nPlus de 500 personnes ont été blessées.",
        {19: ("ministère", OWN_CLAUSE), 500: (None, None)},
    ),
    # impersonal reports name no one, and take no earlier source
    ("ru", "Сообщается, что погибли 15 человек.", {15: (None, None)}),
    ("uk", "Повідомляється, що загинули 19 людей.", {19: (None, None)}),
    ("es", "Se informó que 19 personas murieron.", {19: (None, None)}),
    ("zh", "据报道，地震造成19人死亡。", {19: (None, None)}),
    ("tr", "Depremde 19 kişinin hayatını kaybettiği bildirildi.", {19: (None, None)}),
    ("ko", "19명이 숨진 것으로 알려졌다.", {19: (None, None)}),
    (
        "ru",
        "По данным МЧС, погибли 15 человек. Также сообщается, что 40 человек получили ранения.",
        {15: ("МЧС", OWN_CLAUSE), 40: (None, None)},
    ),
    # "сообщили" names a source, "сообщается" none: the impersonal form is matched as written, never by its lemma
    ("pl", "Jak podała policja, zginęło 19 osób.", {19: ("policja", OWN_CLAUSE)}),
    ("pl", "Jak podano, zginęło 19 osób.", {19: (None, None)}),
    # never carried across a different source
    (
        "de",
        "Laut Polizei wurden 19 Menschen getötet. Die Feuerwehr teilte mit, die Lage sei unübersichtlich. "
        "Mehr als 500 Menschen wurden verletzt.",
        {19: ("Polizei", OWN_CLAUSE), 500: ("Feuerwehr", PARAGRAPH)},
    ),
    # "the same source": the source named before
    (
        "fr",
        "Au moins 31 personnes sont mortes, selon les autorités locales. Selon la même source, 80 bâtiments se sont "
        "effondrés.",
        {31: ("autorités locales", OWN_CLAUSE), 80: ("autorités locales", PARAGRAPH)},
    ),
    # a page with no source gets none
    (
        "it",
        "Almeno 19 persone sono morte e 500 sono rimaste ferite nel terremoto.",
        {19: (None, None), 500: (None, None)},
    ),
    ("nl", "Bij de aardbeving kwamen zeker 19 mensen om het leven.", {19: (None, None)}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CARRIED, ids=[f"{c[0]}-{i}" for i, c in enumerate(CARRIED)])
def test_carried_sources_and_impersonal_reports(
    lang: str, text: str, expected: dict[float, tuple[str | None, float | None]]
) -> None:
    assert _by_number(_claims(lang, text)) == expected


def test_repeated_figure_and_pronoun_speaker_across_paragraphs() -> None:
    text = "Землетрясение в Турции: погибли 1014 человек\n\nПо данным AFAD, погибли 1014 человек и 7000 ранены."
    claims = _claims("ru", text)
    killed = next(c for c in claims if c.number == 1014)
    assert killed.claimant == "AFAD" and len(killed.mentions) == 2
    assert killed.claimant_score == OWN_CLAUSE  # the body's mention names the source in its own clause
    text = "Он добавил, что погибли 15 человек."
    assert _by_number(_claims("ru", text)) == {15: (None, None)}  # a pronoun with no one named before: no claimant
    text = "Глава МЧС заявил, что погибли 15 человек.\n\nОн добавил, что ранены 40 человек."
    assert _by_number(_claims("ru", text)) == {15: ("Глава МЧС", OWN_CLAUSE), 40: ("Глава МЧС", ARTICLE)}


def test_claimant_score_round_trips_through_sqlite_jsonl_and_parquet(tmp_path: Any) -> None:
    body = "По данным МЧС, погибли 15 человек. Еще 40 человек получили ранения."
    store = SQLiteStore(tmp_path / "c.db")
    store.put_article(Article(id="a1", title="T", body=body, url="https://x.org/a", language="ru"))
    claims = extract_claims(body, lang="ru", article_id="a1")
    store.commit_stage("a1", "claims.rules.v1", claims)
    back = sorted(store.iter_items("claims", article_id="a1"), key=lambda c: c.start)
    assert [(c.claimant, c.claimant_score) for c in back] == [("МЧС", OWN_CLAUSE), ("МЧС", PARAGRAPH)]
    export(store, tmp_path / "j", format="jsonl")
    rows = [json.loads(line) for line in (tmp_path / "j" / "claims.jsonl").read_text().splitlines()]
    assert sorted(r["claimant_score"] for r in rows) == [PARAGRAPH, OWN_CLAUSE]
    export(store, tmp_path / "p", format="parquet")
    table = pq.read_table(tmp_path / "p" / "claims.parquet")
    assert sorted(table.column("claimant_score").to_pylist()) == [PARAGRAPH, OWN_CLAUSE]
    store.close()
