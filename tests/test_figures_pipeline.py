"""Figures from the real pipeline: the claims stage over the spaCy parse, then the reconciliation. The bundled
Kazakhstan page shows no false conflict; the bundled floods example (a story invented for newsprism) shows a toll
rising from several claimants with every status; sentences written for these tests (facts from the 2019 Chile and
2022 Iran and Peru protests, the 2023 Mali withdrawal, the 2023 Türkiye earthquake) give each subject class."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsprism
from newsprism.compare import compare_story, figures_of_claims, reconcile
from newsprism.compare.reconcile import FigureGroup
from newsprism.model import Claim
from newsprism.publish.briefing import write_briefing
from newsprism.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "kazakhstan-2022-01-12.txt"
FLOODS = ROOT / "examples" / "senn-floods-2026-03.jsonl"

PROBES = [
    (
        "Probe A",
        "2019-10-28",
        "At least 23 people have died since the unrest began, prosecutors said on Sunday. "
        "Police said 7,000 people had been detained.",
    ),
    (
        "Probe C",
        "2022-12-01",
        "The rights group HRANA said at least 448 protesters had been killed by security "
        "forces, including 60 children. State media reported that dozens of police officers were killed.",
    ),
    (
        "Probe D",
        "2023-06-30",
        "The United Nations said 13,000 peacekeepers would leave Mali by the end of the year. "
        "Two hundred civilians were killed in the central region last year, according to the mission.",
    ),
    (
        "Probe E",
        "2022-12-20",
        "Twenty-two protesters and four soldiers were killed in clashes yesterday, the "
        "ombudsman's office said. About 300 police officers were wounded, the interior ministry said.",
    ),
    (
        "Probe G",
        "2023-02-08",
        "The death toll rose to 11,200 on Wednesday, the disaster agency said. Initially, the "
        "agency had reported 2,300 deaths.",
    ),
]


def _analyze(tmp: Path, source: Path, name: str) -> Store:
    store = open_store(str(tmp / f"{name}.db"))
    newsprism.analyze([source], store, stages=["claims.rules.v1"])
    return store


def _groups(store: Store, article_ids: list[str] | None = None) -> list[FigureGroup]:
    """The claims of ``article_ids`` (default: all) reconciled as one story, whatever the clustering made of it."""
    claims = [c for c in store.iter_items("claims", article_ids=article_ids) if isinstance(c, Claim)]
    arts = {a.id: a for a in store.iter_articles(ids=article_ids)}
    outlets = {a.id: (a.outlet or "", "unrated") for a in arts.values()}
    return reconcile(figures_of_claims(claims, arts, outlets=outlets))


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    store = _analyze(tmp_path_factory.mktemp("seed"), SEED, "seed")
    yield store
    store.close()


@pytest.fixture(scope="module")
def floods(tmp_path_factory: pytest.TempPathFactory) -> Any:
    store = _analyze(tmp_path_factory.mktemp("floods"), FLOODS, "floods")
    yield store
    store.close()


def test_bundled_example_has_no_false_conflict(seed: Store, tmp_path: Path) -> None:
    stories = list(seed.iter_stories())
    assert stories
    for story in stories:
        c = compare_story(seed, story)
        assert c.conflicts == [], [(g.label, g.low_shown, g.high_shown) for g in c.conflicts]
        for g in c.figures:
            for r in g.rows:
                assert r.shown.strip(), (g.key, r.text)  # no empty figure (the vague "hundreds" wounded)
    groups = {g.key: g for g in _groups(seed)}
    # seven policemen and 164 civilians are different counts, not "killed: 7 vs 164"
    assert groups["killed/security_forces"].rows[0].value == 7
    assert groups["killed/civilians"].rows[0].value == 164
    # 15 of these cities, 19 of 31 cities and 863 returnees are not "other: 15 vs 863"
    assert "other/cities" in groups and "other/returnees" in groups
    assert groups["other/cities"].status == "single"
    assert groups["wounded/security_forces"].rows[0].shown == "hundreds (200–999)"
    newsprism.export(seed, tmp_path / "x")
    rows = [json.loads(line) for line in (tmp_path / "x" / "figures.jsonl").read_text("utf-8").splitlines()]
    assert rows and not any(r["status"] in {"conflict", "self-contradiction"} for r in rows)
    body = {a.id: a.body for a in seed.iter_articles()}
    for r in rows:
        assert body[r["article_id"]][r["start"] : r["end"]] == r["text"]


def test_floods_example_rising_toll_from_several_claimants(floods: Store, tmp_path: Path) -> None:
    groups = {g.key: g for g in _groups(floods)}
    killed = groups["killed/total"]
    statuses = {p.status for p in killed.pairs}
    assert {"agree", "revision", "conflict", "self-contradiction"} <= statuses
    assert killed.status == "self-contradiction"  # "Forty-five" and "54" from one ministry in one article
    kinds = {r.claimant_kind for r in killed.rows}
    assert {"official", "international", "ngo"} <= kinds
    assert killed.latest_official is not None and killed.latest_official.value == 71
    assert killed.latest_official.as_of == "2026-03-07"
    by_value = {r.value: r for r in killed.rows}
    assert by_value[120].bound == "at_least" and by_value[120].status == "conflict"  # the volunteers' count
    assert by_value[61].status == "conflict"  # the Red Cross against the ministry's 34 on Thursday
    assert by_value[27].as_of == "2026-03-04" and by_value[27].as_of_source == "relative"  # "on Wednesday"
    assert by_value[58].claimant == "МЧС" and by_value[58].claimant_kind == "official"
    ministry = next(c for c in killed.claimants if c.claimant == "interior ministry")
    assert (ministry.lowest.value, ministry.highest.value) == (27, 71)
    security = groups["killed/security_forces"]
    assert [r.value for r in security.rows if r.parts] == [12]  # "Seven soldiers and five police officers"
    write_briefing(floods, tmp_path / "b")
    page = next((tmp_path / "b").glob("story-*.html")).read_text("utf-8")
    assert 'class="fig-chart"' in page and "self-contradiction" in page and "latest official figure" in page
    index = (tmp_path / "b" / "index.html").read_text("utf-8")
    assert "killed: 45 vs 54" in index  # the badge names the group and the two figures


def test_real_sentences_give_each_subject_class(tmp_path: Path) -> None:
    src = tmp_path / "probes.jsonl"
    rows = [{"title": o, "outlet": o, "published": day, "body": body} for o, day, body in PROBES]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    store = _analyze(tmp_path, src, "probes")
    try:
        by_outlet = {a.outlet: _groups(store, [a.id]) for a in store.iter_articles()}
    finally:
        store.close()
    rows_of = {o: [r for g in gs for r in g.rows] for o, gs in by_outlet.items()}
    subjects = {r.subject for rs in rows_of.values() for r in rs}
    assert {"civilians", "protesters", "security_forces", "foreign_troops", "total", "unspecified"} <= subjects
    assert any(g.key == "troops/foreign_troops" for g in by_outlet["Probe D"])  # 13,000 peacekeepers
    assert any(r.parts and r.value == 26 and r.subject == "total" for r in rows_of["Probe E"])  # 22 + 4 killed
    assert {r.status for r in rows_of["Probe G"]} == {"revision"}  # "Initially ... 2,300": no contradiction
    assert next(r for r in rows_of["Probe A"] if r.type == "killed").bound == "at_least"
    iran = {r.subject: r for r in rows_of["Probe C"]}
    assert iran["protesters"].claimant_kind == "ngo" and iran["security_forces"].vague  # "dozens of police"
