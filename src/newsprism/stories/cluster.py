"""Incremental clustering of articles into stories, across outlets and languages.

Each article is compared with the stories open in its time window — a story is open to an article published at
most ``window_days`` before its first or after its last article, so a crisis covered for weeks stays one story
while an event months apart starts another — and it joins the most similar one when the similarity reaches
``threshold``, else it starts a new story. An article without a date is kept out of stories of other years: its
year is the latest its title and lead name (an undated page about the 2011 strike says "2011"). Articles already in a
story stay there (assignments
are stable between runs); only articles in no story are placed, in publication order.

Similarity of an article to a story mixes two signals:

- within one language, the cosine of TF-IDF vectors (title counted twice, body) with the story's centroid for
  that language;
- across languages, the weighted cosine of cross-lingual keys (entity ids, places, transliterated proper
  nouns; see :mod:`newsprism.stories.features`), each key weighted by its inverse document frequency.

With an optional ``embed`` function (a multilingual sentence embedder) the text signal works across languages too.

Across languages, keys are weighted by their inverse document frequency, and a key found in one language only (a
common word that looks like a name, a local spelling) weighs ``single_language_factor`` as much: keys shared by
several languages (a GeoNames id, a region, a figure, a magnitude) are what links pages across them. An article
whose month (publication, URL or a date in its text) is more than ``month_gap`` months from every month of a story
stays out of it. After placement, whole stories are merged (see :func:`_merge_across_languages`): stories written
in disjoint sets of languages whose key centroids reach ``merge_threshold``, and stories sharing a language (one of
them written in several) whose similarity — keys, and TF-IDF in the shared languages weighted by the share of
members written in them — reaches ``threshold``. The first page of an event in a language of its own otherwise
starts a story that the later pages in other languages never compare with as a whole; and a crisis reported in
twenty languages splits into several multilingual stories whose members each found a different story first. Two
stories in one and the same language are not merged (their articles were already compared one by one).

After the merges, refinement rounds (``refine_rounds``) take every article placed in this run out of its story and
compare it again with the stories as they ended, moving it to a larger story that fits it better (:func:`_refine`),
and move a small story into a larger one when all but a third of its members would each join that story — the
rest (a look-alike page, a page naming only a past year) staying behind (:func:`_merge_cores`); then stories merge
again. An article placed early joins whatever existed then: a few pages of an event with few keys and a look-alike
among them make a small story whose facts (the look-alike's magnitude) keep it from ever merging with the event's
main story, and the arrival order decides how often that happens.

Look-alike events (an earlier earthquake, a later flood in the same country) share the country, the kind of event,
the head of state and often a province, so keys alone join them. Two facts an analyst checks keep them apart, both
when an article joins a story and when two stories merge (:func:`conflict_factor`): the **main measure** of the
event (the first bare one-decimal quantity of the lead, an earthquake's magnitude: 6.7 and 7.8 are two events,
7.4 and 7.8 two agencies' readings of one) and the **places**: an article whose places lie in regions a story never
names, named again and again, is probably about another event (lowered, not excluded: a page may name only the
capital where the minister spoke). A year only the text names (undated page) keeps an article out of stories of
other years, unless the main measures agree (the year may be a past event's: "the worst since 1999").
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..model import Story
from .features import ArticleFeatures

__all__ = ["ClusterOptions", "StoryState", "cluster_articles"]

COMPONENT = "stories.incremental.v1"
TOP_TERMS = 80  # terms kept per article vector (bounds memory and time)

Vector = dict[str, float]
Embedder = Callable[[Sequence[str]], list[list[float]]]


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    window_days: int = 4
    threshold: float = 0.32
    text_weight: float = 0.65  # share of the text signal when article and story share a language
    cross_lingual_factor: float = 1.0  # scale of the key signal when no language is shared
    embedding_floor: float = 0.88  # e5 cosines below this count as unrelated (best on the AllSides set)
    single_language_factor: float = 0.5  # weight of a key found in one language only, among several languages
    month_gap: int = 1  # an article whose month is further than this from every month of a story stays out
    # stories in disjoint languages whose key centroids are this similar are merged after placement (None: never)
    merge_threshold: float | None = 0.3
    merge_max_df: float = 0.2  # keys held by more than this share of the stories do not propose merges
    # stories sharing a language (a story in several languages and another) are merged too, when their similarity
    # reaches ``threshold`` (the bar an article passes to join a story); False: only stories in disjoint languages
    merge_shared_languages: bool = True
    # among articles in several languages, a name key (a capitalised word's skeleton: no entity or place resolved
    # behind it) weighs this much: resolved ids, places and figures link languages more reliably
    multilingual_name_factor: float = 0.6
    # look-alike events (an earlier quake, a later flood in the same country) share country, kind and often a
    # province; two signals an analyst reads tell them apart, both applied when an article joins a story and when
    # two stories merge (see :func:`conflict_factor`):
    # - main measures (``ArticleFeatures.measure``) further apart than this conflict (the similarity is scaled by
    #   ``measure_conflict_factor``): agencies report one quake's magnitude a few tenths apart, not a whole unit
    measure_tolerance: float = 0.5
    measure_conflict_factor: float = 0.0
    # - the share of an article's place mentions in its main country whose region no member of the story names
    #   lowers the similarity by up to ``region_conflict_penalty`` (lowers only: a page may name only the capital);
    #   not when the main measures agree (the same quake seen from Syria names other places than from Turkey)
    region_conflict_penalty: float = 0.5
    # a story naming fewer regions than this says less about where its event is (the share is scaled down)
    region_conflict_regions: int = 5
    # a side naming no region of the other's main country conflicts too (its places are all elsewhere)
    region_conflict_other_countries: bool = True
    # unnamed places mentioned fewer times than this weigh less (a capital named once, a place misread once)
    region_conflict_mentions: int = 3
    # an article written in a language of the story (its text compares too) counts the place conflict this much
    # (whole stories merging compare mostly by keys: full weight there). Measured on AllSides with the places
    # stage: 1.0 costs 0.02 pairwise F1 against main, 0.5 costs 0.003
    region_conflict_same_language: float = 0.5
    # an undated article whose year is only one its text names (maybe a past event's: "the worst since the 1999
    # quake") is kept out of stories of other years unless its main measure agrees with theirs (False: always)
    text_year_yields_to_measure: bool = True
    # ... and otherwise (when the measures do not vouch for it) joins them only with its similarity scaled by this
    # (0.0: never): a page on today's quake often names only the year of a past one it is compared with ("the
    # deadliest since the 2004 quake"), while a page on the past event names its own year
    text_year_conflict_factor: float = 0.0
    # after placement and merging, every article placed in this run is compared again with the stories as they
    # ended (its own story without it) and moves to another when that one fits it better by ``refine_margin``;
    # then stories merge again. Repeated up to ``refine_rounds`` times (0: never). An article placed early joins
    # whatever story existed then; the stories formed later may fit it better (see :func:`_refine`)
    refine_rounds: int = 2
    refine_margin: float = 0.02
    # in each refinement round a story whose members would nearly all join a larger story one by one (at most
    # ``core_merge_outliers`` of them, as a share, would not: another year, another magnitude) moves there, those
    # few staying behind: one look-alike page in a small story otherwise keeps the story from merging
    core_merge_outliers: float = 0.34
    # ... each member moving that way must reach this (above ``threshold``: it did not choose the larger story on
    # its own when it came; a member below it stays behind with the outliers)
    core_member_threshold: float = 0.4


@dataclass(slots=True)
class StoryState:
    """A story being built: its members and the running sums its similarity is computed from."""

    id: str
    members: list[str] = field(default_factory=list)
    text: dict[str, Vector] = field(default_factory=dict)  # language -> sum of unit TF-IDF vectors
    counts: dict[str, int] = field(default_factory=dict)  # language -> members written in it
    keys: Vector = field(default_factory=dict)  # sum of unit key vectors
    embedding: list[float] | None = None
    start: str = ""
    end: str = ""
    years: set[int] = field(default_factory=set)  # the members' years of publication (or of a date in the URL)
    text_years: set[int] = field(default_factory=set)  # years undated members name (count only without ``years``)
    months: set[str] = field(default_factory=set)  # the members' months (YYYY-MM) when known
    measures: dict[str, int] = field(default_factory=dict)  # the members' main measures and how many give each
    regions: dict[str, int] = field(default_factory=dict)  # regions ("CC-admin1") the members name, with mentions
    unmeasured: dict[str, int] = field(default_factory=dict)  # the same, of the members giving no main measure
    sims: list[float] = field(default_factory=list)
    existing: Story | None = None
    changed: bool = False

    def add(self, f: ArticleFeatures, tvec: Vector, kvec: Vector, emb: list[float] | None, sim: float) -> None:
        self.members.append(f.article_id)
        _add_into(self.text.setdefault(f.language, {}), tvec)
        self.counts[f.language] = self.counts.get(f.language, 0) + 1
        _add_into(self.keys, kvec)
        if emb is not None:
            self.embedding = (
                emb if self.embedding is None else [a + b for a, b in zip(self.embedding, emb, strict=True)]
            )
        if f.date:
            self.start = min(self.start, f.date) if self.start else f.date
            self.end = max(self.end, f.date) if self.end else f.date
        if f.year is not None:
            (self.text_years if f.year_from_text else self.years).add(f.year)
        if f.month:
            self.months.add(f.month)
        if f.measure:
            self.measures[f.measure] = self.measures.get(f.measure, 0) + 1
        _add_counts(self.regions, f.regions)
        if not f.measure:
            _add_counts(self.unmeasured, f.regions)
        self.sims.append(sim)
        self.changed = True

    def remove(
        self,
        f: ArticleFeatures,
        tvec: Vector,
        kvec: Vector,
        emb: list[float] | None,
        others: dict[str, ArticleFeatures],
    ) -> int:
        """Take ``f`` out of the story (the vectors it added subtracted, the span, years and months recomputed from
        the members left, whose features ``others`` holds); returns the position it held."""
        pos = self.members.index(f.article_id)
        del self.members[pos]
        del self.sims[pos]
        _add_into(self.text.setdefault(f.language, {}), {k: -v for k, v in tvec.items()})
        self.counts[f.language] = self.counts.get(f.language, 0) - 1
        if self.counts[f.language] <= 0:
            del self.counts[f.language]
            self.text.pop(f.language, None)
        _add_into(self.keys, {k: -v for k, v in kvec.items()})
        if emb is not None and self.embedding is not None:
            self.embedding = [a - b for a, b in zip(self.embedding, emb, strict=True)]
        if f.measure:
            _sub_count(self.measures, f.measure, 1)
        for region, n in f.regions.items():
            _sub_count(self.regions, region, n)
            if not f.measure:
                _sub_count(self.unmeasured, region, n)
        rest = [others[m] for m in self.members if m in others]
        days = [g.date for g in rest if g.date]
        self.start, self.end = (min(days), max(days)) if days else ("", "")
        self.years = {g.year for g in rest if g.year is not None and not g.year_from_text}
        self.text_years = {g.year for g in rest if g.year is not None and g.year_from_text}
        self.months = {g.month for g in rest if g.month}
        self.changed = True
        return pos

    def open_to(
        self, f: ArticleFeatures, window_days: int, month_gap: int | None = None, measure_agrees: bool = False
    ) -> bool:
        """Whether ``f`` may join: its date within ``window_days`` of the story's span; an undated article (or
        story) only when the years agree and (with ``month_gap``) its month, when known, is within ``month_gap``
        months of one of the story's."""
        return self.openness(f, window_days, month_gap, measure_agrees) > 0.0

    def openness(
        self,
        f: ArticleFeatures,
        window_days: int,
        month_gap: int | None = None,
        measure_agrees: bool = False,
        text_year_factor: float = 0.0,
    ) -> float:
        """:meth:`open_to` as a factor: 0.0 closed, 1.0 open, ``text_year_factor`` when only years a text names
        disagree (an undated page naming only 2004 may be about 2004, or about today compared with 2004)."""
        if (
            month_gap is not None
            and f.month
            and self.months
            and all(_month_gap(f.month, m) > month_gap for m in self.months)
        ):
            return 0.0
        if f.date and self.start:
            gap = (
                _days(f.date, self.start)
                if f.date < self.start
                else _days(self.end, f.date)
                if f.date > self.end
                else 0
            )
            return 1.0 if gap <= window_days else 0.0
        if f.year is None:
            return 1.0
        hard = set() if f.year_from_text else {f.year}
        return _years_factor(
            hard, {f.year}, self.years, self.years or self.text_years, measure_agrees, text_year_factor
        )


def _years_agree(hard_a: set[int], all_a: set[int], hard_b: set[int], all_b: set[int], measure_agrees: bool) -> bool:
    """Whether two sides' years allow one event: years of publication (``hard``) must meet; years only a text
    names (in ``all``) must meet too unless ``measure_agrees`` (the year may be a past event's the text compares
    with, while the event's own main measure is the same)."""
    if hard_a and hard_b and not hard_a & hard_b:
        return False
    return not all_a or not all_b or bool(all_a & all_b) or measure_agrees


def _years_factor(
    hard_a: set[int], all_a: set[int], hard_b: set[int], all_b: set[int], measure_agrees: bool, soft: float
) -> float:
    """:func:`_years_agree` as a factor: 0.0 when years of publication differ, ``soft`` when only years a text
    names differ (and the main measures do not agree), else 1.0."""
    if hard_a and hard_b and not hard_a & hard_b:
        return 0.0
    return 1.0 if _years_agree(hard_a, all_a, hard_b, all_b, measure_agrees) else soft


def _month_gap(a: str, b: str) -> int:
    try:
        return abs((int(a[:4]) * 12 + int(a[5:7])) - (int(b[:4]) * 12 + int(b[5:7])))
    except ValueError:
        return 0


def _sub_count(acc: dict[str, int], key: str, n: int) -> None:
    left = acc.get(key, 0) - n
    if left > 0:
        acc[key] = left
    else:
        acc.pop(key, None)


def _add_counts(acc: dict[str, int], counts: dict[str, int]) -> None:
    for k, v in counts.items():
        acc[k] = acc.get(k, 0) + v


def _dominant(measures: dict[str, int]) -> list[float]:
    """The measures given by the most members (ties all kept)."""
    if not measures:
        return []
    top = max(measures.values())
    return [float(m) for m, n in measures.items() if n == top]


def _measures_conflict(a: list[float], b: list[float], tolerance: float) -> bool:
    """Whether two sets of main measures disagree: none of ``a`` within ``tolerance`` of one of ``b``."""
    if not a or not b:
        return False
    return all(abs(x - y) > tolerance + 1e-9 for x in a for y in b)


def _measures_agree(a: list[float], b: list[float], tolerance: float) -> bool:
    """Whether both sides give a main measure and they agree (within ``tolerance``)."""
    return bool(a and b) and not _measures_conflict(a, b, tolerance)


def _main_country(regions: dict[str, int]) -> str:
    by_country: dict[str, int] = {}
    for region, n in regions.items():
        cc = region.split("-", 1)[0]
        by_country[cc] = by_country.get(cc, 0) + n
    return min(by_country, key=lambda c: (-by_country[c], c)) if by_country else ""


def _unnamed_share(regions: dict[str, int], country: str, named: dict[str, int], opts: ClusterOptions) -> float:
    """How strongly the places of ``regions`` in ``country`` (one side's main country) lie where ``named`` (the
    other side) never goes: the share of their mentions in regions ``named`` lacks, scaled by how many regions
    ``named`` holds (up to ``region_conflict_regions``: a story naming one province may not have named the next
    yet, one naming ten and not this one is likely about another event) and by how often the unnamed places are
    mentioned (up to
    ``region_conflict_mentions``: the place a page is about is named again and again, a capital where a minister
    spoke once). 0 when either side names no region."""
    prefix = country + "-"
    if (
        not country
        or not named
        or (not opts.region_conflict_other_countries and not any(r.startswith(prefix) for r in named))
    ):
        return 0.0
    mine = {r: n for r, n in regions.items() if r.startswith(prefix)}
    total = sum(mine.values())
    if not total:
        return 0.0
    unnamed = sum(n for r, n in mine.items() if r not in named)
    known = min(1.0, len(named) / max(1, opts.region_conflict_regions))
    repeated = min(1.0, unnamed / max(1, opts.region_conflict_mentions))
    return unnamed / total * known * repeated


def conflict_factor(
    measures: tuple[list[float], list[float]],
    region_share: float,
    opts: ClusterOptions,
) -> float:
    """What a similarity is scaled by when two sides (an article and a story, or two stories) report conflicting
    facts: ``measures`` the two sides' main measures (:func:`_measures_conflict`), ``region_share`` how much of
    one side's places lie in regions the other never names (:func:`_unnamed_share`)."""
    if not measures[0] or not measures[1]:
        return 1.0 - opts.region_conflict_penalty * region_share
    if _measures_conflict(measures[0], measures[1], opts.measure_tolerance):
        return opts.measure_conflict_factor
    return 1.0  # the measures agree: the places differ by focus (the same quake seen from Syria or from Turkey)


def _add_into(acc: Vector, vec: Vector) -> None:
    for k, v in vec.items():
        acc[k] = acc.get(k, 0.0) + v


def _unit(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def _cos(vec: Vector, centroid: Vector) -> float:
    if not vec or not centroid:
        return 0.0
    small, big = (vec, centroid) if len(vec) < len(centroid) else (centroid, vec)
    dot = sum(v * big.get(k, 0.0) for k, v in small.items())
    norm = math.sqrt(sum(v * v for v in centroid.values()))
    return dot / norm if norm else 0.0


def _cos_dense(a: list[float], b: list[float]) -> float:
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(x * x for x in b))
    return sum(x * y for x, y in zip(a, b, strict=True)) / (na * nb) if na and nb else 0.0


def _days(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 0


def _text_vectors(feats: Sequence[ArticleFeatures]) -> dict[str, Vector]:
    """Unit TF-IDF vectors (top terms) per article, the model fitted within each language."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    by_lang: dict[str, list[ArticleFeatures]] = {}
    for f in feats:
        by_lang.setdefault(f.language, []).append(f)
    out: dict[str, Vector] = {}
    for lang, group in by_lang.items():
        vec = TfidfVectorizer(
            sublinear_tf=True,
            stop_words="english" if lang == "en" else None,
            token_pattern=r"(?u)\b[^\W\d_]{3,}\b",
            max_df=0.5 if len(group) >= 20 else 1.0,
            dtype=np.float64,
        )
        try:
            matrix = vec.fit_transform([f.text for f in group])
        except ValueError:  # no usable words in any text of this language
            continue
        vocab = vec.get_feature_names_out()
        matrix = matrix.tocsr()
        for row, f in enumerate(group):
            lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
            pairs = sorted(zip(matrix.data[lo:hi], matrix.indices[lo:hi], strict=True), reverse=True)[:TOP_TERMS]
            out[f.article_id] = _unit({str(vocab[i]): float(w) for w, i in pairs})
    return out


def _key_vectors(
    feats: Sequence[ArticleFeatures], single_language_factor: float = 1.0, name_factor: float = 1.0
) -> dict[str, Vector]:
    """Unit key vectors, each key weighted by its inverse document frequency; when the articles are in several
    languages, a key found in one language only (a common word that looks like a name, a local spelling) is
    scaled by ``single_language_factor`` and a name key (``n:``) by ``name_factor``: resolved keys that cross
    languages are what links articles across them."""
    df: dict[str, int] = {}
    langs: dict[str, set[str]] = {}
    for f in feats:
        for k in f.keys:
            df[k] = df.get(k, 0) + 1
            langs.setdefault(k, set()).add(f.language)
    n = max(1, len(feats))
    multilingual = len({f.language for f in feats}) > 1
    out: dict[str, Vector] = {}
    for f in feats:
        vec = {}
        for k, w in f.keys.items():
            if df[k] > 1 or n < 3:  # a key no other article has cannot link anything
                vec[k] = w * math.log(1.0 + n / df[k])
                if multilingual and len(langs[k]) < 2:
                    vec[k] *= single_language_factor
                if multilingual and k.startswith("n:"):
                    vec[k] *= name_factor
        out[f.article_id] = _unit(vec)
    return out


def story_id(first_article_id: str) -> str:
    return "story-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


def cluster_articles(
    feats: Sequence[ArticleFeatures],
    *,
    existing: Sequence[Story] = (),
    options: ClusterOptions | None = None,
    embed: Embedder | None = None,
) -> list[StoryState]:
    """Place every article of ``feats`` in a story; ``existing`` stories keep their members and ids.

    Returns the state of every story (existing and new); ``state.changed`` tells which need saving.
    """
    opts = options or ClusterOptions()
    by_id = {f.article_id: f for f in feats}
    tvecs = _text_vectors(feats)
    kvecs = _key_vectors(feats, opts.single_language_factor, opts.multilingual_name_factor)
    embs: dict[str, list[float]] = {}
    if embed is not None and feats:
        for f, e in zip(feats, embed([f.lead for f in feats]), strict=True):
            embs[f.article_id] = e

    states: list[StoryState] = []
    placed: set[str] = set()
    for story in existing:
        st = StoryState(id=story.id, existing=story)
        for aid in story.article_ids:
            known = by_id.get(aid)
            if known is None or aid in placed:
                continue
            st.add(known, tvecs.get(aid, {}), kvecs.get(aid, {}), embs.get(aid), 1.0)
            placed.add(aid)
        st.sims = [_similarity(by_id[a], tvecs, kvecs, embs, st, opts) for a in st.members]
        st.changed = False
        if st.members:
            states.append(st)

    todo = sorted((f for f in feats if f.article_id not in placed), key=lambda f: (f.date or "9999", f.article_id))
    for f in todo:
        best, best_sim = None, 0.0
        for st in states:
            sim = _placement_score(f, st, tvecs, kvecs, embs, opts)
            if sim > best_sim:
                best, best_sim = st, sim
        if best is None or best_sim < opts.threshold:
            best = StoryState(id=story_id(f.article_id))
            states.append(best)
            best_sim = 1.0
        best.add(f, tvecs.get(f.article_id, {}), kvecs.get(f.article_id, {}), embs.get(f.article_id), best_sim)
    if opts.merge_threshold is not None:
        states = _merge_across_languages(states, opts)
    for _ in range(opts.refine_rounds):
        states, moved = _refine(states, by_id, tvecs, kvecs, embs, opts)
        states, cored = _merge_cores(states, by_id, tvecs, kvecs, embs, opts)
        moved += cored
        if not moved:
            break
        if opts.merge_threshold is not None:
            states = _merge_across_languages(states, opts)
    for st in states:  # centrality of each member in its final story (the label is the most central title)
        if st.changed and len(st.members) > 1:
            st.sims = [_similarity(by_id[a], tvecs, kvecs, embs, st, opts) for a in st.members]
    return states


def _placement_score(
    f: ArticleFeatures,
    st: StoryState,
    tvecs: dict[str, Vector],
    kvecs: dict[str, Vector],
    embs: dict[str, list[float]],
    opts: ClusterOptions,
) -> float:
    """How well ``f`` fits ``st``: 0 when the story is closed to it, else the similarity scaled by the conflict
    factor and by ``opts.text_year_conflict_factor`` when only years a text names disagree (what an article is
    placed by)."""
    if not st.members:
        return 0.0
    agrees = opts.text_year_yields_to_measure and _measures_agree(
        [float(f.measure)] if f.measure else [], _dominant(st.measures), opts.measure_tolerance
    )
    open_factor = st.openness(f, opts.window_days, opts.month_gap, agrees, opts.text_year_conflict_factor)
    if not open_factor:
        return 0.0
    return _similarity(f, tvecs, kvecs, embs, st, opts) * _article_conflict(f, st, opts) * open_factor


def _key_index(states: Sequence[StoryState]) -> dict[str, list[StoryState]]:
    index: dict[str, list[StoryState]] = {}
    for st in states:
        for k, v in st.keys.items():
            if v > 1e-9:
                index.setdefault(k, []).append(st)
    return index


REFINE_KEYS = 8  # a refinement compares an article (a story) with the stories holding one of its heaviest keys


def _sharing(keys: Vector, index: dict[str, list[StoryState]]) -> list[StoryState]:
    """The stories of ``index`` holding one of the ``REFINE_KEYS`` heaviest of ``keys`` (the only ones a
    refinement compares: the keys weighted by inverse document frequency, the heaviest are the ones few stories
    share; a story sharing none of them rests on common keys and its text), each once."""
    seen: dict[int, StoryState] = {}
    for k in sorted(keys, key=lambda k: (-keys[k], k))[:REFINE_KEYS]:
        for st in index.get(k, ()):
            seen.setdefault(id(st), st)
    return list(seen.values())


def _refine(
    states: list[StoryState],
    by_id: dict[str, ArticleFeatures],
    tvecs: dict[str, Vector],
    kvecs: dict[str, Vector],
    embs: dict[str, list[float]],
    opts: ClusterOptions,
) -> tuple[list[StoryState], int]:
    """Compare every article placed in this run with the stories as they ended and move it where it fits best.

    An article is placed against the stories that exist when it comes: an early page of an event may start or
    join a small story of a few pages (with a look-alike among them) that the event's main story, formed later,
    would fit better, and whose facts then keep the two stories from merging. Here each such article is taken out
    of its story and compared with every story (its own without it); it moves when another reaches the threshold
    and beats its own by ``opts.refine_margin``. Stored articles (of ``existing`` stories) stay. Returns the
    stories (emptied ones dropped) and how many articles moved."""
    fixed = {aid for st in states if st.existing is not None for aid in st.existing.article_ids}
    home = {aid: st for st in states for aid in st.members}
    index = _key_index(states)
    moved = 0
    for aid in [a for st in states for a in st.members]:
        if aid in fixed:
            continue
        f, own = by_id[aid], home[aid]
        tvec, kvec, emb = tvecs.get(aid, {}), kvecs.get(aid, {}), embs.get(aid)
        pos = own.remove(f, tvec, kvec, emb, by_id)
        own_score = _placement_score(f, own, tvecs, kvecs, embs, opts)
        best, best_score = own, own_score
        for st in _sharing(kvec, index):
            # only towards a story at least as large: a small story's centroid is less diluted than a large one's,
            # so its cosine flatters it (a page of the main story would drift to a small look-alike story)
            if st is own or len(st.members) <= len(own.members):
                continue
            score = _placement_score(f, st, tvecs, kvecs, embs, opts)
            if score > best_score:
                best, best_score = st, score
        if best is not own and (best_score < opts.threshold or best_score < own_score + opts.refine_margin):
            best = own
        best.add(f, tvec, kvec, emb, best_score if best is not own or own.members else 1.0)
        if best is own:
            own.members.insert(pos, own.members.pop())
            own.sims.insert(pos, own.sims.pop())
        else:
            home[aid] = best
            moved += 1
    return [st for st in states if st.members], moved


def _merge_cores(
    states: list[StoryState],
    by_id: dict[str, ArticleFeatures],
    tvecs: dict[str, Vector],
    kvecs: dict[str, Vector],
    embs: dict[str, list[float]],
    opts: ClusterOptions,
) -> tuple[list[StoryState], int]:
    """Move a story into a larger one when nearly all its members would join it one by one.

    Whole stories merge only when their facts agree (:func:`_story_conflict`, :func:`_compatible`), and a story's
    facts are its members': one look-alike page (another magnitude) or one page naming only a past year in a small
    story keeps it apart from its event's main story. Here the members of a story (new in this run) that would each
    join a larger story (:func:`_placement_score` reaching the threshold) move there when they are all but at most
    ``opts.core_merge_outliers`` of its members (and at least two); the others stay as the story. Smallest stories
    first; returns the stories left and how many articles moved."""
    moved = 0
    index = _key_index(states)
    fixed = {aid for st in states if st.existing is not None for aid in st.existing.article_ids}
    for small in sorted(states, key=lambda st: (len(st.members), st.id)):
        n = len(small.members)
        if small.existing is not None or n < 2:
            continue
        best: tuple[int, StoryState, list[str]] | None = None
        for big in _sharing(small.keys, index):
            if big is small or len(big.members) < n:
                continue
            joins = [
                aid
                for aid in small.members
                if aid not in fixed
                and _placement_score(by_id[aid], big, tvecs, kvecs, embs, opts) >= opts.core_member_threshold
            ]
            if (
                len(joins) >= 2
                and n - len(joins) <= opts.core_merge_outliers * n
                and (best is None or len(joins) > best[0])
            ):
                best = (len(joins), big, joins)
        if best is None:
            continue
        _, big, joins = best
        for aid in joins:
            f = by_id[aid]
            tvec, kvec, emb = tvecs.get(aid, {}), kvecs.get(aid, {}), embs.get(aid)
            small.remove(f, tvec, kvec, emb, by_id)
            big.add(f, tvec, kvec, emb, _placement_score(f, big, tvecs, kvecs, embs, opts))
            moved += 1
        # the few left behind are placed again one by one (the next refinement round), each on its own meanwhile
        for aid in list(small.members)[1:]:
            f = by_id[aid]
            tvec, kvec, emb = tvecs.get(aid, {}), kvecs.get(aid, {}), embs.get(aid)
            small.remove(f, tvec, kvec, emb, by_id)
            alone = StoryState(id=story_id(aid))
            alone.add(f, tvec, kvec, emb, 1.0)
            states.append(alone)
    return [st for st in states if st.members], moved


def _article_conflict(f: ArticleFeatures, st: StoryState, opts: ClusterOptions) -> float:
    """:func:`conflict_factor` of an article against a story (the article's own measure against the story's
    dominant ones; the article's regions against every region the story names)."""
    measures = ([float(f.measure)] if f.measure else [], _dominant(st.measures))
    share = _unnamed_share(f.regions, f.country, st.regions, opts)
    if f.language in st.text:  # the texts compare too: the places weigh less
        share *= opts.region_conflict_same_language
    return conflict_factor(measures, share, opts)


def _story_conflict(a: StoryState, b: StoryState, opts: ClusterOptions) -> float:
    """:func:`conflict_factor` of two stories: their dominant measures; the places of the one naming fewer
    against every region the other names (the larger one is the better reference of where its event is) — when
    the measures agree, only the places of its members that give no measure (a member whose measure agrees is
    vouched for; one that gives none may be a look-alike that joined on a shared name)."""
    small, big = (a, b) if sum(a.regions.values()) <= sum(b.regions.values()) else (b, a)
    measures = (_dominant(a.measures), _dominant(b.measures))
    if _measures_agree(measures[0], measures[1], opts.measure_tolerance):
        share = _unnamed_share(small.unmeasured, _main_country(small.unmeasured), big.regions, opts)
        return 1.0 - opts.region_conflict_penalty * share
    share = _unnamed_share(small.regions, _main_country(small.regions), big.regions, opts)
    return conflict_factor(measures, share, opts)


def _compatible(a: StoryState, b: StoryState, opts: ClusterOptions) -> float:
    """Whether two stories may be one (0.0: no): their spans within the window, else their years and months
    agreeing (``opts.text_year_conflict_factor`` when only years their texts name disagree)."""
    if a.start and b.start:
        gap = _days(b.start, a.end) if b.start > a.end else _days(a.start, b.end) if a.start > b.end else 0
        return 1.0 if gap <= opts.window_days else 0.0
    agrees = opts.text_year_yields_to_measure and _measures_agree(
        _dominant(a.measures), _dominant(b.measures), opts.measure_tolerance
    )
    factor = _years_factor(
        a.years, a.years or a.text_years, b.years, b.years or b.text_years, agrees, opts.text_year_conflict_factor
    )
    if factor and a.months and b.months:
        return factor if any(_month_gap(x, y) <= opts.month_gap for x in a.months for y in b.months) else 0.0
    return factor


def _story_similarity(a: StoryState, b: StoryState, opts: ClusterOptions) -> float:
    """How alike two whole stories are: the cosine of their key centroids, mixed with the cosine of their TF-IDF
    centroids in the languages both are written in, the text weighing ``text_weight`` times the share of their
    members written in those languages (two English stories compare as two English articles do; a story in ten
    languages and one in three, sharing one, compare mostly by keys)."""
    key = _cos(_unit(a.keys), b.keys)
    shared = [lang for lang in a.text if lang in b.text]
    if not shared:
        return math.sqrt(max(0.0, key * opts.cross_lingual_factor))
    if not opts.merge_shared_languages:
        return 0.0
    weights = {lang: a.counts.get(lang, 1) + b.counts.get(lang, 1) for lang in shared}
    text = sum(w * _cos(_unit(a.text[lang]), b.text[lang]) for lang, w in weights.items()) / sum(weights.values())
    share = sum(weights.values()) / max(1, len(a.members) + len(b.members))
    tw = opts.text_weight * min(1.0, share)
    return math.sqrt(max(0.0, tw * text + (1.0 - tw) * key))


def _merge_across_languages(states: list[StoryState], opts: ClusterOptions) -> list[StoryState]:
    """Merge stories whose whole-story similarity (:func:`_story_similarity`) reaches ``opts.merge_threshold``,
    the most similar pair first. An article is placed against the stories as they stand when it comes, so an
    early page in a language of its own starts a story the same event's later pages in other languages never
    compare with as a whole; this pass compares whole stories, so the result depends less on the arrival order.
    Only pairs sharing a key that few stories hold are compared. Only stories new in this run are merged away
    (stored stories keep their members and ids)."""
    threshold = opts.merge_threshold
    if threshold is None or len(states) < 2:
        return states
    limit = max(2, int(opts.merge_max_df * len(states)))
    alive = {id(st): st for st in states}
    cache: dict[tuple[int, int], float] = {}

    while True:
        index: dict[str, list[StoryState]] = {}
        for st in alive.values():
            for k in st.keys:
                index.setdefault(k, []).append(st)
        best: tuple[float, StoryState, StoryState] | None = None
        for group in index.values():
            if len(group) > limit:
                continue
            for a in group:
                if a.existing is not None:
                    continue
                for b in group:
                    if a is b:
                        continue
                    pair = (id(a), id(b))
                    s = cache.get(pair)
                    if s is None:
                        # two stories of one and the same language were already compared article by article
                        one_language = len(a.text) <= 1 and set(a.text) == set(b.text)
                        compat = 0.0 if one_language else _compatible(a, b, opts)
                        s = _story_similarity(a, b, opts) * _story_conflict(a, b, opts) * compat if compat else 0.0
                        cache[pair] = s
                    bar = threshold if not (set(a.text) & set(b.text)) else opts.threshold
                    if s >= bar and (best is None or s > best[0]):
                        best = (s, a, b)
        if best is None:
            break
        _, a, b = best  # a (new) joins b
        for lang, vec in a.text.items():
            _add_into(b.text.setdefault(lang, {}), vec)
            b.counts[lang] = b.counts.get(lang, 0) + a.counts.get(lang, 0)
        _add_into(b.keys, a.keys)
        if a.embedding is not None:
            b.embedding = (
                a.embedding if b.embedding is None else [x + y for x, y in zip(b.embedding, a.embedding, strict=True)]
            )
        b.members.extend(a.members)
        b.sims.extend(a.sims)
        b.start = min(x for x in (a.start, b.start) if x) if a.start or b.start else ""
        b.end = max(a.end, b.end)
        b.years |= a.years
        b.text_years |= a.text_years
        b.months |= a.months
        _add_counts(b.measures, a.measures)
        _add_counts(b.regions, a.regions)
        _add_counts(b.unmeasured, a.unmeasured)
        b.changed = True
        del alive[id(a)]
        cache = {pair: v for pair, v in cache.items() if id(a) not in pair and id(b) not in pair}
    return [st for st in states if id(st) in alive]


def _similarity(
    f: ArticleFeatures,
    tvecs: dict[str, Vector],
    kvecs: dict[str, Vector],
    embs: dict[str, list[float]],
    st: StoryState,
    opts: ClusterOptions,
) -> float:
    key_sim = _cos(kvecs.get(f.article_id, {}), st.keys)
    emb = embs.get(f.article_id)
    if emb is not None and st.embedding is not None:
        floor = opts.embedding_floor
        text_sim: float | None = max(0.0, (_cos_dense(emb, st.embedding) - floor) / (1.0 - floor))
    elif f.language in st.text:
        text_sim = _cos(tvecs.get(f.article_id, {}), st.text[f.language])
    else:
        text_sim = None
    if text_sim is None:
        raw = key_sim * opts.cross_lingual_factor
    else:
        raw = opts.text_weight * text_sim + (1.0 - opts.text_weight) * key_sim
    # the square root spreads the low cosines of long news texts over [0, 1]; calibrated on the AllSides set so
    # that the default story_threshold (0.32, raw 0.10) sits near the best F1
    return math.sqrt(max(0.0, raw))
