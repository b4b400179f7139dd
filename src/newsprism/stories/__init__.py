"""Stories: articles about one event, across outlets and languages, clustered incrementally.

``build_stories(store)`` places every article that is in no story yet (new articles join existing stories or
start new ones; existing assignments stay) and saves the stories with ``store.put_stories``. It is registered as
the corpus stage ``stories.incremental.v1``, which ``Pipeline.run`` calls after the article stages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..model import Article, Item, Story
from .cluster import COMPONENT, ClusterOptions, Embedder, StoryState, cluster_articles
from .features import ArticleFeatures, article_features

if TYPE_CHECKING:
    from ..config import Settings
    from ..registry import Registry
    from ..store import Store

__all__ = [
    "COMPONENT",
    "FEATURE_KINDS",
    "ClusterOptions",
    "build_stories",
    "clean_headline",
    "register",
    "story_from_state",
]

KEY_ENTITIES = 8
LABEL_MAX = 140
#: Page chrome at the start of a title: "date 2022-01-09", "09.01.2022 |", "Updated:", "BREAKING:", "Video:".
_LEAD_CHROME = re.compile(
    r"^\s*(?:(?:date|published|updated|posted|time)\s*:?\s*)?"
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?|\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s+\d{1,2}:\d{2})?)"
    r"\s*[|:–—-]?\s*"
    r"|^\s*(?:breaking(?: news)?|updated?|live|video|watch|photos?|opinion|analysis)\s*[:|–—-]\s*",
    re.I,
)
_SITE_SUFFIX = re.compile(r"\s+[|–—]\s+[^|–—]{2,60}$|\s+-\s+[^-]{2,40}$")


def clean_headline(title: str | None, outlet: str | None = None) -> str:
    """``title`` without page chrome: a leading date or "Updated:", a trailing "| Site" or "- Outlet" (a trailing
    "- …" only when it names the outlet), spaces squeezed. Empty when nothing headline-like is left."""
    text = " ".join((title or "").split())
    for _ in range(3):
        new = _LEAD_CHROME.sub("", text, count=1).strip()
        if new == text:
            break
        text = new
    m = _SITE_SUFFIX.search(text)
    if m:
        tail = m.group(0).strip(" |–—-").casefold()
        named = bool(outlet) and (tail in (outlet or "").casefold() or (outlet or "").casefold() in tail)
        if m.group(0).lstrip().startswith(("|", "–", "—")) or named:
            text = text[: m.start()].rstrip()
    return text if len(text.split()) >= 2 or (text and not text.isascii()) else ""


def _headline_rank(text: str) -> int:
    """0 for a headline-like title, higher for worse (too long, too short, shouting, cut off)."""
    bad = 0
    if len(text) > LABEL_MAX:
        bad += 2
    if len(text) < 15:
        bad += 1
    if text.isupper() or text.endswith(("...", "…")):
        bad += 1
    return bad


CHUNK = 500  # ids per query
#: the item kinds an article's story features are made from
FEATURE_KINDS = ("entities", "places", "claims")


def _load_features(store: Store, ids: list[str]) -> tuple[list[ArticleFeatures], dict[str, Article]]:
    articles: dict[str, Article] = {}
    items: dict[str, list[Item]] = {}
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        articles.update({a.id: a for a in store.iter_articles(ids=chunk) if not a.duplicate_of})
        for kind in FEATURE_KINDS:
            for it in store.iter_items(kind, article_ids=chunk):
                if it.article_id in articles:
                    items.setdefault(it.article_id, []).append(it)
    feats = [article_features(a, items.get(a.id, [])) for a in articles.values()]
    return feats, articles


def story_from_state(state: StoryState, feats: dict[str, ArticleFeatures], articles: dict[str, Article]) -> Story:
    """The :class:`Story` record of a clustered story: label, span, members, key entities."""
    members = [m for m in state.members if m in articles]
    # label: the title of the most central member written in the story's most common language
    langs_count: dict[str, int] = {}
    for aid in members:
        lang = articles[aid].language or "und"
        langs_count[lang] = langs_count.get(lang, 0) + 1
    # the most common language; on a tie English, then the alphabetically first
    main_lang = min(langs_count, key=lambda k: (-langs_count[k], k != "en", k)) if langs_count else "und"
    heads = {aid: clean_headline(articles[aid].title, articles[aid].outlet) for aid in members}
    ranked = sorted(
        zip(state.sims, range(len(members)), members, strict=False),
        key=lambda t: (
            not heads[t[2]],
            (articles[t[2]].language or "und") != main_lang,
            _headline_rank(heads[t[2]]),
            -round(t[0], 3),
            t[1],
        ),
    )
    label = heads[ranked[0][2]] if ranked else ""
    if len(label) > LABEL_MAX:
        label = label[: LABEL_MAX - 1].rsplit(" ", 1)[0] + "…"
    counts: dict[str, int] = {}
    for aid in members:
        for name in dict.fromkeys(feats[aid].names):
            counts[name] = counts.get(name, 0) + 1
    floor = 2 if len(members) > 1 else 1
    key = [n for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= floor][:KEY_ENTITIES]
    if not label:  # no headline: a short label from the key entities and places
        label = ", ".join(key[:3]) or " ".join(articles[members[0]].body[:80].split()[:10])
    outlets = list(dict.fromkeys(articles[a].outlet_id or articles[a].outlet or "" for a in members))
    langs = list(dict.fromkeys(articles[a].language or "und" for a in members))
    cohesion = sum(state.sims) / len(state.sims) if state.sims else 1.0
    return Story(
        id=state.id,
        label=label,
        article_ids=members,
        start=state.start or None,
        end=state.end or None,
        key_entities=key,
        languages=langs,
        outlets=[o for o in outlets if o],
        score=round(max(0.0, min(1.0, cohesion)), 4),
        component=COMPONENT,
    )


def build_stories(
    store: Store,
    *,
    settings: Settings | None = None,
    options: ClusterOptions | None = None,
    embed: Embedder | None = None,
    rebuild: bool = False,
) -> dict[str, Any]:
    """Cluster the store's articles into stories and save them; return a summary.

    Without ``rebuild`` the stored stories keep their articles and ids and only unplaced articles are assigned;
    with it every story is made anew.
    """
    from ..config import Settings as _Settings

    s = settings or _Settings()
    opts = options or ClusterOptions(window_days=int(s.story_window_days), threshold=float(s.story_threshold))
    existing = [] if rebuild else list(store.iter_stories())
    all_ids = store.article_ids()
    placed = {aid for s in existing for aid in s.article_ids}
    unplaced = [i for i in all_ids if i not in placed]
    summary = {"stories": len(existing), "saved": 0, "new": 0, "articles": len(all_ids), "placed": 0}
    if not unplaced:
        return summary
    # only the stories an unplaced article could join are loaded (those within the window of the new dates)
    relevant, ids = existing, all_ids
    dates = [
        (a.published or "")[:10]
        for i in range(0, len(unplaced), CHUNK)
        for a in store.iter_articles(ids=unplaced[i : i + CHUNK])
    ]
    if existing and all(_valid_day(d) for d in dates):
        lo = _shift(min(dates), -opts.window_days)
        hi = _shift(max(dates), opts.window_days)
        relevant = [s for s in existing if not s.start or not s.end or (s.end >= lo and s.start <= hi)]
        ids = unplaced + [aid for s in relevant for aid in s.article_ids]
    feats, articles = _load_features(store, ids)
    states = cluster_articles(feats, existing=relevant, options=opts, embed=embed)
    by_id = {f.article_id: f for f in feats}
    changed = [story_from_state(st, by_id, articles) for st in states if st.changed or rebuild]
    store.put_stories(changed, replace=rebuild)
    new = sum(1 for st in states if st.existing is None)
    summary.update(stories=len(existing) + new, saved=len(changed), new=new, placed=len(unplaced))
    return summary


def _valid_day(day: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def register(registry: Registry) -> None:
    def factory(*, resources: Any = None, **_: Any) -> Callable[[Store], dict[str, Any]]:
        settings = getattr(resources, "settings", None)

        def run(store: Store) -> dict[str, Any]:
            return build_stories(store, settings=settings)

        return run

    registry.register(
        COMPONENT,
        "corpus",
        requires=("entities?", "places?", "claims?"),
        produces=("stories",),
        description="cluster articles into stories across outlets and languages, incrementally",
    )(factory)
