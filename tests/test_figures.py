"""Figures normalised and reconciled: intervals, subject classes, things, as-of dates, claimants, sums, and every
reconciliation status, on sentences written for these tests (facts from public coverage of other crises: the
2019 Chile protests, the 2020 Beirut blast, the 2022 Iran and Peru protests, the 2023 Türkiye-Syria earthquake and
the 2023 Derna floods; rounded where memory is unsure). Claims are built as the claims stage would build them, so
these tests do not depend on its parse; tests/test_figures_pipeline.py runs the real stage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsprism.compare import figure_from_claim, figures_of_claims, reconcile
from newsprism.compare.figures import Figure, add_sums, load_figure_lexicon, resolve_as_of
from newsprism.compare.reconcile import claimant_key, timeline_chart
from newsprism.compare.story_figures import FIGURE_COLUMNS
from newsprism.model import Article, Claim

ROOT = Path(__file__).resolve().parents[1]


@dataclass(slots=True)
class SubjectClaim(Claim):
    """A claim as the claims stage gives it once it sets ``subject`` (read with getattr by the figures)."""

    subject: str | None = None


def claim(
    body: str,
    span: str,
    typ: str,
    number: float | None,
    *,
    aid: str = "a1",
    obj: str | None = None,
    claimant: str | None = None,
    hedge: str | None = None,
    when: str | None = None,
    low: float | None = None,
    high: float | None = None,
    nth: int = 0,
    subject: str | None = None,
) -> Claim:
    starts = [m.start() for m in re.finditer(re.escape(span), body)]
    s = starts[nth]
    cls = SubjectClaim if subject else Claim
    extra = {"subject": subject} if subject else {}
    return cls(
        aid,
        s,
        s + len(span),
        span,
        0.8,
        "test.v1",
        type=typ,
        number=number,
        number_low=number if low is None else low,
        number_high=number if high is None else high,
        number_text=span.split()[0],
        object=obj,
        claimant=claimant,
        hedge=hedge,
        when=when,
        **extra,
    )


def fig(body: str, c: Claim, published: str = "2023-02-10", outlet: str = "Test Wire") -> Figure:
    f = figure_from_claim(c, body, published=published, outlet=outlet)
    assert f is not None
    return f


# -- normalising one count -----------------------------------------------------------------------------------------
def test_intervals_from_hedges_and_ranges() -> None:
    body = (
        "At least 23 people have died in the unrest, prosecutors said. Some 900 people were hurt. Nearly 7,000 "
        "were detained. Up to 300,000 people were left homeless. Between 40 and 60 people are missing. "
        "Hundreds more were wounded, moreover 20 were missing."
    )
    f = fig(body, claim(body, "23 people", "killed", 23, obj="people", hedge="At least"))
    assert (f.low, f.high, f.bound, f.shown) == (23, None, "at_least", "≥ 23")
    f = fig(body, claim(body, "900 people", "wounded", 900, obj="people", hedge="Some"))
    assert f.low == pytest.approx(810) and f.high == pytest.approx(990) and f.shown == "~900"
    f = fig(body, claim(body, "7,000", "arrested", 7000))  # the bound read from the text before the number
    assert (f.low, f.high, f.bound) == (pytest.approx(6300), 7000, "nearly")
    f = fig(body, claim(body, "300,000 people", "displaced", 300000, obj="people"))
    assert (f.low, f.high, f.shown) == (0, 300000, "≤ 300,000")
    f = fig(body, claim(body, "40 and 60 people", "missing", 50, low=40, high=60, obj="people"))
    assert (f.low, f.high, f.bound) == (40, 60, "range")
    f = fig(body, claim(body, "Hundreds", "wounded", None, low=200, high=999))
    assert f.vague and (f.low, f.high) == (200, 999) and f.shown == "Hundreds (200–999)"
    f = fig(body, claim(body, "20", "missing", 20))
    assert f.bound == "exact"  # "moreover" is not "over"
    assert figure_from_claim(Claim("a1", 0, 2, "At", type="killed"), body) is None  # no number at all: no row


def test_rose_to_is_not_up_to() -> None:
    body = "По данным МЧС, число погибших при землетрясении выросло до 58 человек."
    f = fig(body, claim(body, "58 человек", "killed", 58, obj="человек", claimant="МЧС", hedge="до"))
    assert (f.low, f.high, f.bound) == (58, 58, "exact") and f.claimant_kind == "official"


@pytest.mark.parametrize(
    ("sentence", "span", "typ", "obj", "subject"),
    [
        (
            "Security forces shot dead 16 civilians in the central market.",
            "16 civilians",
            "killed",
            "civilians",
            "civilians",
        ),
        (
            "The rights group said at least 448 protesters had been killed.",
            "448 protesters",
            "killed",
            "protesters",
            "protesters",
        ),
        (
            "Officials said 26 armed criminals were killed in the raid.",
            "26 armed criminals",
            "killed",
            "armed criminals",
            "protesters",
        ),
        (
            "Four police officers were among the dead, the ministry said.",
            "Four police officers",
            "killed",
            "police officers",
            "security_forces",
        ),
        (
            "В столкновениях погибли 12 военнослужащих.",
            "12 военнослужащих",
            "killed",
            "военнослужащих",
            "security_forces",
        ),
        (
            "The UN said 13,000 peacekeepers would leave the country by December.",
            "13,000 peacekeepers",
            "troops",
            "peacekeepers",
            "foreign_troops",
        ),
        ("The death toll rose to 11,200 on Wednesday.", "11,200", "killed", "deaths", "total"),
        ("A total of 44 people were killed, officials said.", "44 people", "killed", "people", "total"),
        ("Police said 1,100 people had been arrested.", "1,100 people", "arrested", "people", "unspecified"),
        ("Selon le parquet, 230 personnes ont été tuées.", "230 personnes", "killed", "personnes", "unspecified"),
    ],
)
def test_subject_classes(sentence: str, span: str, typ: str, obj: str, subject: str) -> None:
    f = fig(sentence, claim(sentence, span, typ, 1, obj=obj))
    assert f.subject == subject


def test_subject_from_the_claims_stage_wins() -> None:
    body = "Ten people were killed near the border post."
    f = fig(body, claim(body, "Ten people", "killed", 10, obj="people", subject="security_forces"))
    assert f.subject == "security_forces" and f.group_key == "killed/security_forces"
    f = fig(body, claim(body, "Ten people", "killed", 10, obj="people"))
    assert f.subject == "unspecified" and f.group_key == "killed/total"  # unspecified is compared with totals


def test_things_are_named() -> None:
    body = (
        "The blast destroyed more than 6,000 buildings and 300 vehicles. Prosecutors opened 16 criminal cases. "
        "Troops took back 19 of the country's 31 cities, and 15 of these cities are calm again."
    )
    b = fig(body, claim(body, "6,000 buildings", "destroyed", 6000, obj="buildings", hedge="more than"))
    v = fig(body, claim(body, "300 vehicles", "destroyed", 300, obj="vehicles"))
    cases = fig(body, claim(body, "16 criminal cases", "other", 16, obj="criminal cases"))
    assert (b.group_key, v.group_key, cases.group_key) == (
        "destroyed/buildings",
        "destroyed/vehicles",
        "other/criminal cases",
    )
    part = fig(body, claim(body, "19 of the country's 31 cities", "other", 19, obj="cities"))
    whole = fig(body, claim(body, "31 cities", "other", 31, obj="cities"))
    these = fig(body, claim(body, "15 of these cities", "other", 15, obj="cities"))
    assert part.partitive and these.partitive and not whole.partitive
    groups = reconcile([b, v, cases, part, whole, these])
    cities = next(g for g in groups if g.key == "other/cities")
    assert cities.status == "single" and not any(g.conflict for g in groups)  # 15 vs 19 vs 31 is no conflict
    assert {r.status for r in cities.rows} == {"part", "single"} and cities.label == "cities"


def test_as_of_dates() -> None:
    lex = load_figure_lexicon()
    pub = "2023-02-08T10:00:00+00:00"  # a Wednesday
    assert resolve_as_of("6 February", "", pub, lex) == ("2023-02-06", "stated")
    assert resolve_as_of("February 6, 2023", "", pub, lex) == ("2023-02-06", "stated")
    assert resolve_as_of("2023-02-07", "", pub, lex) == ("2023-02-07", "stated")
    assert resolve_as_of("yesterday", "", pub, lex) == ("2023-02-07", "relative")
    assert resolve_as_of("on Monday", "", pub, lex) == ("2023-02-06", "relative")
    assert resolve_as_of("Wednesday", "", pub, lex) == ("2023-02-08", "relative")
    assert resolve_as_of("between 2010 and June 2016", "", pub, lex) == ("2016-06-30", "stated")
    assert resolve_as_of("28 December", "", "2023-01-03", lex) == ("2022-12-28", "stated")  # last year's
    assert resolve_as_of(None, "As of 7 February, 5,894 people had died.", pub, lex) == ("2023-02-07", "sentence")
    assert resolve_as_of(None, "Вчера МЧС сообщило о 40 погибших.", pub, lex) == ("2023-02-07", "relative")
    assert resolve_as_of("the old quarter", "It rained.", pub, lex) == ("2023-02-08", "published")
    assert resolve_as_of(None, "", None, lex) == (None, "unknown")
    assert resolve_as_of("el 5 de marzo de 2023", "", pub, lex) == ("2023-03-05", "stated")
    assert resolve_as_of("в пятницу", "", pub, lex) == ("2023-02-03", "relative")
    # "среди" (among) is not "среда" (Wednesday); "hierarchy" is not "hier" (yesterday)
    assert resolve_as_of(None, "Среди погибших 12 детей.", pub, lex) == ("2023-02-08", "published")
    assert resolve_as_of(None, "The hierarchy said 12 died.", pub, lex) == ("2023-02-08", "published")


def test_claimants_and_their_kinds() -> None:
    body = "Text."
    kinds = {}
    for who in (
        "Interior Ministry",
        "disaster agency",
        "World Health Organization",
        "Libyan Red Crescent",
        "human rights group HRANA",
        "Reuters",
        "state media",
        "Local volunteers",
        "Jane Doe",
        None,
    ):
        c = Claim("a1", 0, 4, "Text", type="killed", number=1, number_low=1, number_high=1, claimant=who)
        kinds[who] = fig(body, c, outlet="Wire").claimant_kind
    assert kinds == {
        "Interior Ministry": "official",
        "disaster agency": "official",
        "World Health Organization": "international",
        "Libyan Red Crescent": "international",
        "human rights group HRANA": "ngo",
        "Reuters": "outlet",
        "state media": "outlet",
        "Local volunteers": "ngo",
        "Jane Doe": "other",
        None: "article",
    }
    a = fig(body, Claim("a1", 0, 4, "Text", type="killed", number=1, claimant="Kazakhstan's health ministry"))
    b = fig(body, Claim("a2", 0, 4, "Text", type="killed", number=1, claimant="the Health Ministry"))
    assert claimant_key(a) == claimant_key(b) == "health ministry"
    own = fig(body, Claim("a1", 0, 4, "Text", type="killed", number=1), outlet="Wire")
    assert own.claimant == "Wire" and own.claimant_kind == "article"


def test_outlets_of_the_story_are_outlet_claimants() -> None:
    body = "According to Valley Courier, 12 people died."
    art = Article(id="a1", title="t", body=body, published="2023-02-08", outlet="Northern Wire")
    c = claim(body, "12 people", "killed", 12, obj="people", claimant="Valley Courier")
    [f] = figures_of_claims([c], {"a1": art}, outlets={"a1": ("Northern Wire", "left"), "a9": ("Valley Courier", "")})
    assert f.claimant_kind == "outlet" and f.side == "left" and f.outlet == "Northern Wire"


# -- sums ----------------------------------------------------------------------------------------------------------
def test_two_counts_joined_by_and_are_summed_with_their_parts() -> None:
    body = "Twenty-two protesters and four soldiers were killed in clashes yesterday, the ombudsman's office said."
    p = claim(body, "Twenty-two protesters", "killed", 22, obj="protesters", claimant="ombudsman's office")
    s = claim(body, "four soldiers", "killed", 4, obj="soldiers", claimant="ombudsman's office")
    figs = [fig(body, p), fig(body, s)]
    [total] = add_sums(figs, body)
    assert (total.value, total.subject, total.group_key) == (26, "total", "killed/total")
    assert total.parts == [figs[0].id, figs[1].id] and figs[0].part_of == [total.id]
    groups = reconcile([*figs, total])
    assert all(g.status == "single" for g in groups)  # a sum never disagrees with its parts
    same_class = "Seven soldiers and five police officers died during the rescue, the ministry said."
    a = fig(same_class, claim(same_class, "Seven soldiers", "killed", 7, obj="soldiers", claimant="ministry"))
    b = fig(
        same_class, claim(same_class, "five police officers", "killed", 5, obj="police officers", claimant="ministry")
    )
    [sf] = add_sums([a, b], same_class)
    assert sf.subject == "security_forces" and sf.value == 12
    assert [g.status for g in reconcile([a, b, sf])] == ["single"]  # parts and sum share a group, never compared


def test_no_sum_when_the_total_is_stated_or_the_counts_differ() -> None:
    body = "In all 44 people were killed, including 26 gunmen and 18 police officers."
    figs = [
        fig(body, claim(body, "44 people", "killed", 44, obj="people")),
        fig(body, claim(body, "26 gunmen", "killed", 26, obj="gunmen")),
        fig(body, claim(body, "18 police officers", "killed", 18, obj="police officers")),
    ]
    assert add_sums(figs, body) == []
    other = "Rioters burned 100 shops and 400 vehicles. Police said 12 people died. 30 people were hurt."
    figs = [
        fig(other, claim(other, "100 shops", "destroyed", 100, obj="shops")),
        fig(other, claim(other, "400 vehicles", "destroyed", 400, obj="vehicles")),
        fig(other, claim(other, "12 people", "killed", 12, obj="people")),
        fig(other, claim(other, "30 people", "wounded", 30, obj="people")),
    ]
    assert add_sums(figs, other) == []  # different things, different sentences, different types


# -- reconciliation --------------------------------------------------------------------------------------------
def _story() -> tuple[list[Claim], dict[str, Article]]:
    """A toll over four days from several claimants, in six articles (the Derna floods of September 2023)."""
    texts = {
        "d1": ("2023-09-12", "Eastern Libya's interior ministry said more than 5,300 people had died in Derna."),
        "d2": (
            "2023-09-14",
            "The mayor of Derna said the death toll could reach 20,000. The health minister said "
            "3,166 people had been buried.",
        ),
        "d3": ("2023-09-16", "The Libyan Red Crescent said 11,300 people had died in Derna."),
        "d4": ("2023-09-16", "The eastern government's health minister said on Saturday that 3,283 people had died."),
        "d5": ("2023-09-17", "The World Health Organization put the toll at 3,958 on Sunday."),
        "d6": (
            "2023-09-17",
            "Officials said 3,958 people had died in the floods. Rescue teams were still "
            "searching the sea front. In total, 4,100 people had died in the city, officials said.",
        ),
    }
    arts = {
        aid: Article(id=aid, title=aid, body=body, published=day, outlet=f"Outlet {aid}")
        for aid, (day, body) in texts.items()
    }
    b = {aid: a.body for aid, a in arts.items()}
    claims = [
        claim(
            b["d1"],
            "5,300 people",
            "killed",
            5300,
            aid="d1",
            obj="people",
            claimant="interior ministry",
            hedge="more than",
        ),
        claim(b["d2"], "20,000", "killed", 20000, aid="d2", obj="death toll", claimant="mayor of Derna", hedge="up to"),
        claim(b["d2"], "3,166 people", "killed", 3166, aid="d2", obj="people", claimant="health minister"),
        claim(b["d3"], "11,300 people", "killed", 11300, aid="d3", obj="people", claimant="Libyan Red Crescent"),
        claim(
            b["d4"], "3,283 people", "killed", 3283, aid="d4", obj="people", claimant="health minister", when="Saturday"
        ),
        claim(
            b["d5"], "3,958", "killed", 3958, aid="d5", obj="toll", claimant="World Health Organization", when="Sunday"
        ),
        claim(b["d6"], "3,958 people", "killed", 3958, aid="d6", obj="people", claimant="Officials"),
        claim(b["d6"], "4,100 people", "killed", 4100, aid="d6", obj="people", claimant="officials"),
    ]
    return claims, arts


def _pair(group, a_text: str, b_text: str):  # type: ignore[no-untyped-def]
    ids = {r.text: r.id for r in group.rows}
    a, b = ids[a_text], ids[b_text]
    return next(p for p in group.pairs if {p.a, p.b} == {a, b})


def test_every_status_in_one_story() -> None:
    claims, arts = _story()
    [killed] = reconcile(figures_of_claims(claims, arts))
    assert killed.key == "killed/total"
    assert [r.as_of for r in killed.rows] == sorted(r.as_of or "" for r in killed.rows)
    # agree: "more than 5,300" and "up to 20,000" overlap
    assert _pair(killed, "5,300 people", "20,000").status == "agree"
    # revision: the same minister, later; and an international body's figure after a minister's
    assert _pair(killed, "3,166 people", "3,283 people").status == "revision"
    assert _pair(killed, "3,283 people", "3,958").status == "revision"
    # conflict: the Red Crescent's 11,300 against the minister's 3,283, both on 16 September
    c = _pair(killed, "11,300 people", "3,283 people")
    assert c.status == "conflict" and "Libyan Red Crescent" in c.note and "health minister" in c.note
    # self-contradiction: one article, one claimant, one day, 3,958 and 4,100
    assert _pair(killed, "3,958 people", "4,100 people").status == "self-contradiction"
    # an international body's later figure replaces a minister's earlier one too
    assert _pair(killed, "3,166 people", "3,958").status == "revision"
    assert killed.status == "self-contradiction" and killed.conflict
    assert (killed.low_shown, killed.high_shown) == ("3,958", "4,100")
    # the latest official figure and each claimant's range
    assert killed.latest_official is not None and killed.latest_official.text == "4,100 people"
    minister = next(cr for cr in killed.claimants if cr.claimant == "health minister")
    assert (minister.lowest.value, minister.highest.value, minister.latest.value, minister.count) == (
        3166,
        3283,
        3283,
        2,
    )


def test_superseded_and_rights_groups_are_not_replaced() -> None:
    body = {
        "r1": "Activists said 500 people had been killed.",
        "r2": "The ministry said 120 people had died.",
        "r3": "The ministry said 150 people had died.",
        "r4": "A monitor said 200 people had died.",
    }
    days = {"r1": "2022-12-01", "r2": "2022-12-01", "r3": "2022-12-05", "r4": "2022-12-06"}
    arts = {k: Article(id=k, title=k, body=v, published=days[k], outlet=k) for k, v in body.items()}
    claims = [
        claim(body["r1"], "500 people", "killed", 500, aid="r1", obj="people", claimant="Activists"),
        claim(body["r2"], "120 people", "killed", 120, aid="r2", obj="people", claimant="ministry"),
        claim(body["r3"], "150 people", "killed", 150, aid="r3", obj="people", claimant="ministry"),
        claim(body["r4"], "200 people", "killed", 200, aid="r4", obj="people", claimant="monitor"),
    ]
    [g] = reconcile(figures_of_claims(claims, arts))
    assert _pair(g, "500 people", "120 people").status == "conflict"  # same day, different claimants
    assert _pair(g, "500 people", "150 people").status == "conflict"  # a rights group's count is not replaced
    assert _pair(g, "120 people", "150 people").status == "revision"
    assert _pair(g, "120 people", "200 people").status == "superseded"  # 120 no longer held on 6 December
    assert _pair(g, "150 people", "200 people").status == "conflict"


def test_two_claimants_in_one_article_are_a_conflict_not_a_self_contradiction() -> None:
    body = "The ministry said 71 people were killed. The Red Cross said 68 people had died."
    arts = {"a1": Article(id="a1", title="t", body=body, published="2026-03-07", outlet="Courier")}
    claims = [
        claim(body, "71 people", "killed", 71, obj="people", claimant="ministry"),
        claim(body, "68 people", "killed", 68, obj="people", claimant="Red Cross"),
    ]
    [g] = reconcile(figures_of_claims(claims, arts))
    assert g.status == "conflict"


def test_an_earlier_figure_in_one_article_is_a_revision() -> None:
    body = "The death toll rose to 11,200 on Wednesday, the agency said. Initially, the agency had reported 2,300."
    arts = {"a1": Article(id="a1", title="t", body=body, published="2023-02-08", outlet="Wire")}
    claims = [
        claim(body, "11,200", "killed", 11200, obj="deaths", claimant="agency", when="Wednesday"),
        claim(body, "2,300", "killed", 2300, obj="deaths", claimant="agency"),
    ]
    [g] = reconcile(figures_of_claims(claims, arts))
    assert g.status == "revision" and not g.conflict


def test_different_subjects_never_conflict() -> None:
    body = "Seven policemen died, and 164 civilians were killed. Hundreds of policemen were wounded."
    arts = {"a1": Article(id="a1", title="t", body=body, published="2023-01-10", outlet="Wire")}
    claims = [
        claim(body, "Seven policemen", "killed", 7, obj="policemen", claimant="Officials"),
        claim(body, "164 civilians", "killed", 164, obj="civilians", claimant="Officials", hedge="Some"),
        claim(body, "Hundreds", "wounded", None, low=200, high=999, obj="policemen", claimant="Officials"),
    ]
    groups = reconcile(figures_of_claims(claims, arts))
    assert {g.key for g in groups} == {
        "killed/security_forces",
        "killed/civilians",
        "wounded/security_forces",
        "killed/total",
    }
    assert not any(g.conflict for g in groups)
    total = next(g for g in groups if g.key == "killed/total").rows[0]  # one sentence lists parts of one type
    assert total.value == 171 and len(total.parts) == 2
    wounded = next(g for g in groups if g.type == "wounded")
    assert wounded.rows[0].shown == "Hundreds (200–999)"  # never an empty figure


def test_chart_geometry_is_inside_the_frame_and_text_is_data() -> None:
    claims, arts = _story()
    [g] = reconcile(figures_of_claims(claims, arts))
    ch = timeline_chart(g)
    assert ch is not None and len(ch["points"]) == len(g.rows)
    for p in ch["points"]:
        assert ch["left"] <= p["x"] <= ch["right"] and ch["top"] <= p["y"] <= ch["bottom"]
    assert any(p["open"] for p in ch["points"])  # "more than 5,300" has no upper bound
    assert [t["label"] for t in ch["xticks"]] == ["09-12", "09-14", "09-16", "09-17"]
    assert ch["lines"]  # claimants with several figures get a line


def test_figures_export_is_documented() -> None:
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    m = re.search(r"^## figures\.jsonl\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert m, "docs/schema.md has no figures.jsonl section"
    documented = set(re.findall(r"^\| `([a-z_0-9]+)` \|", m.group(1), re.M))
    assert set(FIGURE_COLUMNS) <= documented, sorted(set(FIGURE_COLUMNS) - documented)


def test_the_figures_section_escapes_article_text() -> None:
    from newsprism.publish.briefing import file_links, make_environment

    body = "The <script>alert(1)</script> ministry said 12 people died. <b>Bloggers</b> said 40 people died."
    arts = {"a1": Article(id="a1", title="t", body=body, published="2024-05-01", outlet="<i>Evil</i>")}
    claims = [
        claim(body, "12 people", "killed", 12, obj="people", claimant="<script>alert(1)</script> ministry"),
        claim(body, "40 people", "killed", 40, obj="<img src=x onerror=alert(2)>", claimant="<b>Bloggers</b>"),
    ]
    groups = reconcile(figures_of_claims(claims, arts, outlets={"a1": ("<i>Evil</i>", "unrated")}))
    assert groups[0].status == "conflict"
    html = make_environment().get_template("_figures.html").render(figure_groups=groups, links=file_links())
    assert "<script" not in html and "<img" not in html and "<b>Bloggers" not in html and "<i>Evil" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;Bloggers&lt;/b&gt;" in html
    assert 'href="article-a1.html#a-a1-' in html and "<svg" in html


def test_the_press_tally_rises_without_conflict() -> None:
    body = {
        "p1": "The quake killed 40 people on Monday.",
        "p2": "The quake killed 1,500 people.",
        "p3": "The quake killed 1,200 people.",
    }
    days = {"p1": "2023-02-06", "p2": "2023-02-07", "p3": "2023-02-07"}
    arts = {k: Article(id=k, title=k, body=v, published=days[k], outlet=f"Paper {k}") for k, v in body.items()}
    claims = [
        claim(body["p1"], "40 people", "killed", 40, aid="p1", obj="people"),
        claim(body["p2"], "1,500 people", "killed", 1500, aid="p2", obj="people"),
        claim(body["p3"], "1,200 people", "killed", 1200, aid="p3", obj="people"),
    ]
    [g] = reconcile(figures_of_claims(claims, arts))
    assert _pair(g, "40 people", "1,500 people").status == "revision"  # the press's tally rose the next day
    assert _pair(g, "1,500 people", "1,200 people").status == "conflict"  # two papers, one day


def test_chinese_and_kazakh_words() -> None:
    lex = load_figure_lexicon()
    body = "哈萨克斯坦卫生部称，洪水已造成至少12人死亡。"
    f = fig(body, claim(body, "12人", "killed", 12, obj="人", claimant="卫生部"))
    assert (f.bound, f.claimant_kind) == ("at_least", "official")
    assert resolve_as_of("3月5日", "", "2024-03-08", lex) == ("2024-03-05", "stated")
    assert resolve_as_of("5 наурыз", "", "2024-03-08", lex) == ("2024-03-05", "stated")
    assert resolve_as_of(None, "Кеше су тасқынынан 3 адам қаза тапты.", "2024-03-08", lex) == ("2024-03-07", "relative")
    kk = "Төтенше жағдайлар министрлігінің мәліметінше, кемінде 3 адам қаза тапты."
    g = fig(kk, claim(kk, "3 адам", "killed", 3, obj="адам", claimant="Төтенше жағдайлар министрлігі"))
    assert (g.bound, g.claimant_kind, g.subject) == ("at_least", "official", "unspecified")


def test_store_figures_story_by_story_and_articles_alone(store) -> None:  # type: ignore[no-untyped-def]
    from newsprism.compare.story_figures import figure_rows, store_figures
    from newsprism.model import Story

    bodies = {
        "s1": "The ministry said 120 people had died.",
        "s2": "Activists said 500 people had been killed.",
        "z1": "Police said 30 people were arrested.",
    }
    for aid, body in bodies.items():
        store.put_article(Article(id=aid, title=f"title {aid}", body=body, published="2022-12-01", outlet=aid))
    claims = {
        "s1": claim(bodies["s1"], "120 people", "killed", 120, aid="s1", obj="people", claimant="ministry"),
        "s2": claim(bodies["s2"], "500 people", "killed", 500, aid="s2", obj="people", claimant="Activists"),
        "z1": claim(bodies["z1"], "30 people", "arrested", 30, aid="z1", obj="people", claimant="Police"),
    }
    for aid, c in claims.items():
        store.commit_stage(aid, "claims.test.v1", [c])
    store.put_stories([Story(id="st1", label="Protest deaths", article_ids=["s1", "s2"])])
    found = store_figures(store)
    assert [(sf.story_id, [g.status for g in sf.groups]) for sf in found] == [("st1", ["conflict"]), (None, ["single"])]
    assert found[1].story == "(no story) title z1"
    assert store_figures(store, conflicts_only=True)[0].story_id == "st1"
    assert [sf.story_id for sf in store_figures(store, type="arrested")] == [None]
    rows = list(figure_rows(store))
    assert {(r["story_id"], r["value"], r["status"]) for r in rows} == {
        ("st1", 120, "conflict"),
        ("st1", 500, "conflict"),
        (None, 30, "single"),
    }
    assert all(bodies[r["article_id"]][r["start"] : r["end"]] == r["text"] for r in rows)


def test_a_class_count_larger_than_the_total_is_a_conflict() -> None:
    body = {
        "i1": "The rights group HRANA said at least 448 protesters had been killed.",
        "i2": "The interior ministry said 200 people had died in the unrest, including police officers.",
        "i3": "Health officials said 164 civilians were killed.",
        "i4": "The prosecutor said 225 people were killed in total.",
    }
    days = {"i1": "2022-12-01", "i2": "2022-12-01", "i3": "2022-01-10", "i4": "2022-01-15"}
    arts = {k: Article(id=k, title=k, body=v, published=days[k], outlet=k) for k, v in body.items()}
    claims = [
        claim(
            body["i1"], "448 protesters", "killed", 448, aid="i1", obj="protesters", claimant="HRANA", hedge="at least"
        ),
        claim(body["i2"], "200 people", "killed", 200, aid="i2", obj="people", claimant="interior ministry"),
    ]
    groups = {g.key: g for g in reconcile(figures_of_claims(claims, arts))}
    assert groups["killed/protesters"].status == "conflict" and groups["killed/total"].status == "conflict"
    assert "against a total" in groups["killed/total"].pairs[0].note
    # 164 civilians and a total of 225 killed: a part smaller than the whole is no disagreement
    claims = [
        claim(body["i3"], "164 civilians", "killed", 164, aid="i3", obj="civilians", claimant="Health officials"),
        claim(body["i4"], "225 people", "killed", 225, aid="i4", obj="people", claimant="prosecutor"),
    ]
    assert not any(g.conflict or g.pairs for g in reconcile(figures_of_claims(claims, arts)))


def test_a_person_claimant_is_placed_by_the_office_the_entities_stage_gives() -> None:
    from newsprism.model import Entity

    body = "Tokayev said 225 people had died. The opposition said 500 people had been killed."
    art = Article(id="a1", title="t", body=body, published="2022-01-15", outlet="Wire")
    claims = [
        claim(body, "225 people", "killed", 225, obj="people", claimant="Tokayev"),
        claim(body, "500 people", "killed", 500, obj="people", claimant="opposition"),
    ]
    tok = Entity("a1", 0, 7, "Tokayev", type="person", canonical="Kassym-Jomart Tokayev", role="president")
    plain = {f.claimant: f.claimant_kind for f in figures_of_claims(claims, {"a1": art})}
    placed = {f.claimant: f.claimant_kind for f in figures_of_claims(claims, {"a1": art}, entities=[tok])}
    assert plain == {"Tokayev": "other", "opposition": "ngo"}
    assert placed == {"Tokayev": "official", "opposition": "ngo"}
