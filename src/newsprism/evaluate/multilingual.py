"""Figures, people, places and quotes per language, on newsprism's own multilingual development set.

The set (``resources/multilingual_dev.yaml``) lists real public news pages of crises other than Kazakhstan 2022,
in 25 languages, with hand annotations; the pages' text is not shipped (``benchmarks/devset_pages.py`` rebuilds the
folder). Every page goes through the real pipeline (:func:`newsprism.analyze` on a temporary SQLite store; the
language is detected, not given), then:

* **figures**: recall of the gold counts, one-to-one: a gold count is found by a claim of its page with the same
  number (or a range holding it) and the same type; each claim serves one gold count. ``number only`` drops the
  type. Precision is over the claims of the annotated types (killed, wounded, missing, displaced, destroyed,
  arrested) — the annotation lists every such count, so a claim of those types that matches nothing is a false hit.
  Hedge and claimant are scored on the matched counts whose gold gives them (claimant: either contains the other,
  case-folded).
* **people / places / quotes**: recall of the gold strings, the usual overlap rule on spans: a gold string is found
  when an item of the kind (an entity of type person; a place; a quote) overlaps one of its occurrences in the body.
* **speakers**: a quote may be annotated ``{text: opening words, speaker: who says it}`` (as written in the page;
  ``null`` when the page does not say). The gold quotes are matched one to one to the predicted quotes that overlap
  them (:func:`match_quotes`); the speaker of a matched quote is right when the head word of the gold speaker
  (its last word before a complement: ``Oktay``, ``ministre``, ``басшысы``) is a word of the predicted speaker up
  to its ending (:func:`speaker_matches`: case-folded, ``Эрдогана`` for ``Эрдоган``; in Chinese, Japanese and
  Korean one holds the other). Speaker accuracy is over the matched quotes with a gold speaker, speaker recall
  over every gold quote with a speaker.
* **language**: the share of pages whose detected language is the annotated one.

``newsprism evaluate --task multilingual --data PAGES_DIR [--lang de,fr] [--split all|tune|held] [--json]`` prints
one row per language and the totals, and names the split: the whole development set (default), or one of its two
fixed parts, ``held`` (the pages whose id ends in ``-01``, ``-11`` or ``-21``: the first page of each round of
annotation in a language, kept for checking rules tuned on the other part) and ``tune`` (the others). The
reviewers' unseen pages are the test.

``--set fresh`` scores the fresh check set instead (``resources/multilingual_fresh.yaml``: one crisis no rule was
tuned on, annotated before newsprism was run on it); ``--gold FILE`` scores any annotation file of the same format.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources as ilr
from pathlib import Path
from typing import Any

import yaml

from ..errors import UnknownComponentError
from .metrics import Report, best_one_to_one, ratio

__all__ = [
    "GOLD_SETS",
    "SPLITS",
    "DevPage",
    "LanguageScore",
    "evaluate_pages",
    "gold_text",
    "load_devset",
    "main",
    "match_figures",
    "match_quotes",
    "score_page",
    "speaker_head",
    "speaker_matches",
    "split_pages",
]

#: Claim types the annotation covers exhaustively (precision is counted over these).
ANNOTATED_TYPES = frozenset({"killed", "wounded", "missing", "displaced", "destroyed", "arrested"})


@dataclass(frozen=True, slots=True)
class DevPage:
    id: str
    lang: str
    url: str | None
    figures: tuple[dict[str, Any], ...]
    people: tuple[str, ...]
    places: tuple[str, ...]
    quotes: tuple[str, ...]
    sha256: str | None = None
    chars: int | None = None  # length of the annotated text (its final newline included)
    #: the speaker of each quote as the page writes it (``None``: not annotated, or the page does not say)
    quote_speakers: tuple[str | None, ...] = ()


@dataclass(slots=True)
class LanguageScore:
    """Counts for one language (or the total); the figures are derived properties."""

    lang: str
    pages: int = 0
    language_ok: int = 0
    figures: int = 0
    figures_found: int = 0
    figures_number_found: int = 0
    figure_predictions: int = 0
    figure_predictions_ok: int = 0
    hedges: int = 0
    hedges_ok: int = 0
    claimants: int = 0
    claimants_ok: int = 0
    people: int = 0
    people_found: int = 0
    places: int = 0
    places_found: int = 0
    quotes: int = 0
    quotes_found: int = 0
    quotes_matched: int = 0  # gold quotes matched one to one to a predicted quote
    speakers: int = 0  # gold quotes with a speaker
    speakers_matched: int = 0  # ... of which the quote was matched
    speakers_ok: int = 0  # ... and the predicted speaker is the gold one
    misses: list[str] = field(default_factory=list)

    def add(self, other: LanguageScore) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(other, name)
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        self.misses.extend(other.misses)

    def figures_report(self) -> Report:
        """Figures matched one to one: gold figures found (recall), predictions matched to one (precision)."""
        return Report(self.figure_predictions_ok, self.figure_predictions, self.figures_found, self.figures)

    def figures_recall(self) -> float:
        return self.figures_report().recall

    def figures_precision(self) -> float:
        return self.figures_report().precision

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("misses")
        out |= {
            "figures_recall": round(self.figures_recall(), 4),
            "figures_number_recall": round(Report(found=self.figures_number_found, gold=self.figures).recall, 4),
            "figures_precision": round(self.figures_precision(), 4),
            "figures_f1": round(self.figures_report().f1, 4),
            "hedge_accuracy": round(ratio(self.hedges_ok, self.hedges), 4),
            "claimant_accuracy": round(ratio(self.claimants_ok, self.claimants), 4),
            "people_recall": round(Report(found=self.people_found, gold=self.people).recall, 4),
            "places_recall": round(Report(found=self.places_found, gold=self.places).recall, 4),
            "quotes_recall": round(Report(found=self.quotes_found, gold=self.quotes).recall, 4),
            "speaker_accuracy": round(ratio(self.speakers_ok, self.speakers_matched), 4),
            "speaker_recall": round(ratio(self.speakers_ok, self.speakers), 4),
            "language_accuracy": round(ratio(self.language_ok, self.pages), 4),
        }
        return out


#: the shipped annotation files: the development set (rules were tuned on it) and the fresh check set (never tuned on)
GOLD_SETS = {
    "dev": ("resources/multilingual_dev.yaml", "multilingual development set"),
    "fresh": ("resources/multilingual_fresh.yaml", "multilingual fresh check set (never tuned on)"),
    "unrest": ("resources/multilingual_unrest.yaml", "multilingual unrest check set (never tuned on)"),
    "quotes": ("resources/multilingual_quotes.yaml", "multilingual quotes set (held: ids ending in -01, -11, -21)"),
}


def gold_text(path: str | Path | None = None, gold_set: str = "dev") -> str:
    """The text of an annotation file: ``path`` if given, else the shipped set named ``gold_set`` (dev | fresh)."""
    if path is not None:
        return Path(path).read_text(encoding="utf-8")
    if gold_set not in GOLD_SETS:
        raise UnknownComponentError(gold_set, "annotation set", GOLD_SETS)
    return ilr.files("newsprism.evaluate").joinpath(GOLD_SETS[gold_set][0]).read_text(encoding="utf-8")


def load_devset(path: str | Path | None = None, *, gold_set: str = "dev") -> list[DevPage]:
    """The pages and annotations of an annotation file (by default the shipped development set; ``gold_set="fresh"``
    the shipped fresh check set)."""
    text = gold_text(path, gold_set)
    out = []
    for row in yaml.safe_load(text):
        out.append(
            DevPage(
                id=str(row["id"]),
                lang=str(row["lang"]),
                url=row.get("url"),
                figures=tuple(row.get("figures") or ()),
                people=tuple(row.get("people") or ()),
                places=tuple(row.get("places") or ()),
                quotes=tuple(_quote_text(q) for q in row.get("quotes") or ()),
                sha256=row.get("sha256"),
                chars=row.get("chars"),
                quote_speakers=tuple(_quote_speaker(q) for q in row.get("quotes") or ()),
            )
        )
    return out


def _quote_text(entry: Any) -> str:
    """The opening words of an annotated quote: the entry itself, or its ``text``."""
    return str(entry["text"]) if isinstance(entry, dict) else str(entry)


def _quote_speaker(entry: Any) -> str | None:
    """The annotated speaker of a quote (``None`` for a bare string or ``speaker: null``)."""
    if not isinstance(entry, dict) or entry.get("speaker") is None:
        return None
    return str(entry["speaker"]).strip() or None


def _fold(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold().strip()


def _occurrences(body: str, needle: str) -> list[tuple[int, int]]:
    out = []
    start = body.find(needle)
    while start >= 0:
        out.append((start, start + len(needle)))
        start = body.find(needle, start + 1)
    return out


def _overlap_found(body: str, needle: str, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in _occurrences(body, needle) for s2, e2 in spans)


def _number_fits(claim: Any, n: float) -> bool:
    if claim.number is not None and abs(float(claim.number) - n) < 1e-6:
        return True
    low, high = claim.number_low, claim.number_high
    return claim.number is None and low is not None and high is not None and low <= n <= high


def _hedge_ok(g: dict[str, Any], claim: Any) -> bool:
    if "hedge" in g:
        return _fold(claim.hedge) != "" and _hedge_class(claim.hedge) == g["hedge"]
    return not claim.hedge or _hedge_class(claim.hedge) is None


def _claimant_ok(g: dict[str, Any], claim: Any) -> bool:
    a, b = _fold(g.get("claimant")), _fold(claim.claimant)
    return bool(a) and bool(b) and (a in b or b in a)


def match_figures(
    figures: Sequence[dict[str, Any]], claims: Sequence[Any], *, typed: bool = True
) -> list[tuple[int, int]]:
    """The (gold index, claim index) pairs of the best one-to-one matching: a claim fits a gold count when it holds
    its number (the number itself or a range around it) and, ``typed``, has its type. Among the matchings of the
    most pairs, the one with the most exact numbers (not a vague range), then right hedges, then right claimants
    (so a headline's bare mention or "hundreds" never takes the gold count from the attributed, hedged mention).

    A claim that joins repeated mentions of one figure (``Claim.mentions``) may serve as many gold counts as it has
    mentions: an annotation that lists the headline's and the body's mention apart finds both in it, one that lists
    the figure once finds it once (precision still counts the claim once)."""
    slots = [i for i, c in enumerate(claims) for _ in range(max(1, len(getattr(c, "mentions", None) or ())))]
    weights: dict[tuple[int, int], float] = {}
    for j, g in enumerate(figures):
        n = float(g["n"])
        for k, i in enumerate(slots):
            c = claims[i]
            if not _number_fits(c, n) or (typed and c.type != g["type"]):
                continue
            exact = c.number is not None and abs(float(c.number) - n) < 1e-6
            bonus = 100 * int(exact)
            if typed:
                bonus += 10 * int(_hedge_ok(g, c)) + int(bool(g.get("claimant")) and _claimant_ok(g, c))
            weights[(j, k)] = 1_000_000 + bonus
    pairs = best_one_to_one(weights)
    return sorted((j, slots[k]) for j, k in pairs)


def score_page(page: DevPage, article: Any, items: dict[str, list[Any]]) -> LanguageScore:
    """Score one analysed page against its annotations."""
    s = LanguageScore(page.lang, pages=1)
    body = article.body
    s.language_ok = int((article.language or "") == page.lang)
    claims = list(items.get("claims", []))
    s.figures = len(page.figures)
    pairs = match_figures(page.figures, claims)
    s.figures_number_found = len(match_figures(page.figures, claims, typed=False))
    matched = dict(pairs)
    used = set(matched.values())
    for j, g in enumerate(page.figures):
        if j not in matched:
            s.misses.append(f"{page.id}: figure {g['n']} {g['type']}")
            continue
        s.figures_found += 1
        claim = claims[matched[j]]
        s.hedges += 1
        s.hedges_ok += int(_hedge_ok(g, claim))
        if g.get("claimant"):
            s.claimants += 1
            s.claimants_ok += int(_claimant_ok(g, claim))
    predictions = [i for i, c in enumerate(claims) if c.type in ANNOTATED_TYPES]
    s.figure_predictions = len(predictions)
    s.figure_predictions_ok = len([i for i in predictions if i in used])
    people = [(e.start, e.end) for e in items.get("entities", []) if e.type == "person"]
    places = [(p.start, p.end) for p in items.get("places", [])]
    quotes = [(q.start, q.end) for q in items.get("quotes", [])]
    gold_by_kind = (("people", page.people, people), ("places", page.places, places), ("quotes", page.quotes, quotes))
    for kind, gold, spans in gold_by_kind:
        setattr(s, kind, len(gold))
        found = 0
        for name in gold:
            if _overlap_found(body, name, spans):
                found += 1
            else:
                s.misses.append(f"{page.id}: {kind[:-1] if kind != 'people' else 'person'} {name}")
        setattr(s, f"{kind}_found", found)
    _score_speakers(s, page, body, list(items.get("quotes", [])))
    return s


def match_quotes(body: str, gold: Sequence[str], quotes: Sequence[Any]) -> list[tuple[int, int]]:
    """The (gold index, predicted index) pairs of the best one-to-one matching of gold quotes (their opening words)
    to predicted quotes (a quote fits a gold quote when it, or one of its parts, overlaps an occurrence of the
    gold words in ``body``); among the matchings of the most pairs, the one overlapping the most characters."""
    weights: dict[tuple[int, int], float] = {}
    for j, words in enumerate(gold):
        where = _occurrences(body, words)
        for i, q in enumerate(quotes):
            ranges = [(p.start, p.end) for p in (getattr(q, "parts", None) or [])] or [(q.start, q.end)]
            shared = sum(max(0, min(e, e2) - max(s, s2)) for s, e in where for s2, e2 in ranges)
            if shared > 0:
                weights[(j, i)] = 1_000_000 + shared
    return best_one_to_one(weights)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_STEM_MIN = 4  # letters two words share before their endings may differ
_ENDING_MAX = 4  # letters of an ending (a case, a possessive) either word may add after the shared part


def _same_word(a: str, b: str) -> bool:
    """The same word up to its ending: ``Эрдогана``/``Эрдоган``, ``Erdoğan'ın``/``Erdoğan``, ``Клименко``."""
    if a == b:
        return True
    shared = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return shared >= _STEM_MIN and max(len(a), len(b)) - shared <= _ENDING_MAX


#: what follows the head of a speaker phrase in the languages of the set ("le ministre de l'Intérieur", "the head of
#: AFAD", "el presidente del Gobierno", "Präsident von ...", "министр по ...")
_AFTER_HEAD = re.compile(
    r",|\(|[—–]|\s(?:of|at|for|from|who|de|des|du|del|della|dello|di|do|da|dos|das|von|vom|der|des|van|по|из|при|"
    r"з|у|в|w|z|ze|na)\s|\sd[’']",
    re.IGNORECASE,
)


def speaker_head(gold: str) -> str:
    """The word that names a speaker phrase: its last word before a complement (``Fuat Oktay`` -> ``oktay``,
    ``le ministre de l'Intérieur`` -> ``ministre``, ``Түркия басшысы`` -> ``басшысы``), case-folded; a phrase in
    Chinese, Japanese or Korean is its own head."""
    g = _fold(gold)
    if _CJK.search(g):
        return g.replace(" ", "")
    words = re.findall(r"\w[\w’'-]*", _AFTER_HEAD.split(g + " ")[0])  # "der Minister": an article opens it
    return words[-1] if words else ""


def speaker_matches(predicted: Sequence[str | None], gold: str) -> bool:
    """The predicted speaker (its names: ``speaker``, ``speaker_text``) is the gold one: the head of the gold phrase
    (:func:`speaker_head`) is a word of the prediction up to its ending (``Эрдогана`` for ``Эрдоган``,
    ``Erdoğan'ın`` for ``Erdoğan``); in Chinese, Japanese and Korean, it is inside the prediction or holds it.
    ``Түркия`` is not ``Түркия басшысы`` (Turkey's head), ``Fuat Oktay`` is ``Oktay``."""
    head = speaker_head(gold)
    if not head:
        return False
    for name in predicted:
        p = _fold(name)
        if not p:
            continue
        if _CJK.search(head):
            compact = p.replace(" ", "")
            if head in compact or (len(compact) >= 2 and compact in head and not _CJK_PRONOUN.fullmatch(compact)):
                return True
            continue
        if any(_same_word(head, w) for w in re.findall(r"\w[\w’'-]*", p)):
            return True
    return False


#: Chinese, Japanese and Korean pronouns: never a name by containment
_CJK_PRONOUN = re.compile(r"他们?|她们?|彼女?|彼ら|그|그녀|그는")


def _score_speakers(s: LanguageScore, page: DevPage, body: str, quotes: Sequence[Any]) -> None:
    """Speaker counts of one page (see the module docstring); the misses are listed as ``speaker`` misses."""
    pairs = dict(match_quotes(body, page.quotes, quotes))
    s.quotes_matched = len(pairs)
    for j, gold in enumerate(page.quote_speakers):
        if gold is None:
            continue
        s.speakers += 1
        if j not in pairs:
            s.misses.append(f"{page.id}: speaker {gold} (quote {page.quotes[j]} not found)")
            continue
        s.speakers_matched += 1
        q = quotes[pairs[j]]
        if speaker_matches((q.speaker, q.speaker_text), gold):
            s.speakers_ok += 1
        else:
            s.misses.append(f"{page.id}: speaker {gold} (predicted {q.speaker_text or q.speaker or 'none'})")


#: hedges as the annotation names them, from what the claims stage reports (any language)
_HEDGE_CLASSES = {
    "at least": (
        "at least",
        "minimum",
        "no fewer",
        "no less",
        "не менее",
        "по меньшей мере",
        "по крайней мере",
        "mindestens",
        "au moins",
        "al menos",
        "almeno",
        "co najmniej",
        "en az",
        "至少",
        "最少",
        "少なくとも",
        "최소",
        "على الأقل",
        "ما لا يقل",
        "legalább",
        "legkevesebb",
        "ainakin",
        "minst",
        "ten minste",
        "τουλάχιστον",
        "щонайменше",
        "принаймні",
        "ao menos",
        "pelo menos",
        "kamida",
        "ең кемі",
        "en azından",
    ),
    "more than": (
        "more than",
        "over",
        "exceed",
        "above",
        "более",
        "больше",
        "свыше",
        "превыс",
        "mehr als",
        "über",
        "plus de",
        "más de",
        "oltre",
        "più di",
        "ponad",
        "ponad",
        "fazla",
        "aşkın",
        "超过",
        "超",
        "余",
        "多",
        "以上",
        "超え",
        "넘",
        "이상",
        "أكثر من",
        "بیش از",
        "több mint",
        "felett",
        "yli",
        "över",
        "fler än",
        "meer dan",
        "περισσότερ",
        "понад",
        "більше",
        "mais de",
        "dan oshdi",
        "дан асты",
        "ашты",
        "çox",
    ),
    "about": (
        "about",
        "around",
        "approximately",
        "some",
        "около",
        "порядка",
        "примерно",
        "etwa",
        "rund",
        "environ",
        "quelque",
        "cerca",
        "circa",
        "unos",
        "około",
        "yaklaşık",
        "约",
        "左右",
        "ほど",
        "約",
        "약",
        "حوالي",
        "نحو",
        "حدود",
        "mintegy",
        "noin",
        "omkring",
        "ongeveer",
        "περίπου",
        "близько",
        "cerca de",
        "taxminan",
        "шамамен",
    ),
    "nearly": (
        "nearly",
        "almost",
        "close to",
        "почти",
        "около",
        "fast",
        "près de",
        "casi",
        "quasi",
        "prawie",
        "blisko",
        "yakın",
        "近",
        "将近",
        "近く",
        "거의",
        "قرابة",
        "ما يقرب",
        "közel",
        "lähes",
        "nästan",
        "bijna",
        "σχεδόν",
        "майже",
        "quase",
        "жуық",
    ),
    "up to": (
        "up to",
        "as many as",
        "до",
        "bis zu",
        "jusqu'à",
        "hasta",
        "fino a",
        "do",
        "kadar",
        "多达",
        "最多",
        "까지",
        "حتى",
        "akár",
        "jopa",
        "upp till",
        "tot",
        "έως",
        "até",
    ),
}


def _hedge_class(hedge: str | None) -> str | None:
    """The annotation's class of a reported hedge (its English name, or a form of it in any language)."""
    h = _fold(hedge)
    if not h:
        return None
    for name in _HEDGE_CLASSES:
        if h == name:
            return name
    for name, forms in _HEDGE_CLASSES.items():
        if any(f in h for f in forms):
            return name
    return None


def evaluate_pages(
    pages: Sequence[DevPage], texts: Path, *, store_path: Path | None = None
) -> tuple[dict[str, LanguageScore], LanguageScore, list[str]]:
    """Analyse every page whose text is in ``texts`` and score it; returns per-language scores, the total and the
    ids of pages with no text."""
    from .. import api
    from ..store import open_store

    missing = [p.id for p in pages if not (texts / f"{p.id}.txt").is_file()]
    present = [p for p in pages if p.id not in missing]
    with tempfile.TemporaryDirectory(prefix="newsprism-devset-") as tmp:
        rows = Path(tmp) / "pages.jsonl"
        with rows.open("w", encoding="utf-8") as fh:
            for p in present:
                body = (texts / f"{p.id}.txt").read_text(encoding="utf-8")
                fh.write(json.dumps({"url": _page_url(p), "body": body}, ensure_ascii=False) + "\n")
        store = open_store(str(store_path or Path(tmp) / "devset.db"))
        try:
            api.analyze([rows], store)
            by_url = {a.url: a for a in store.iter_articles()}
            per_lang: dict[str, LanguageScore] = {}
            total = LanguageScore("all")
            for p in present:
                article = by_url.get(_page_url(p))
                if article is None:
                    missing.append(p.id)
                    continue
                items = {k: list(store.iter_items(k, article_id=article.id)) for k in _KINDS}
                score = score_page(p, article, items)
                per_lang.setdefault(p.lang, LanguageScore(p.lang)).add(score)
                total.add(score)
        finally:
            store.close()
    return dict(sorted(per_lang.items())), total, missing


_KINDS = ("claims", "entities", "places", "quotes")


def _page_url(page: DevPage) -> str:
    return page.url or f"https://devset.invalid/{page.id}"


#: fixed parts of the development set: the first page of each round of annotation in a language (ids ending in
#: ``-01``, ``-11``, ``-21``) is held out from tuning
_HELD_ID = re.compile(r"-[0-9]1$")
SPLITS = ("all", "tune", "held")
_SPLIT_NAMES = {
    "all": "all pages",
    "tune": "tuning part (ids not ending in -01, -11 or -21)",
    "held": "held-out part (ids ending in -01, -11 or -21)",
}


def split_pages(pages: Sequence[DevPage], split: str = "all") -> list[DevPage]:
    """The pages of one fixed part of the set: ``held`` (ids ending in ``-01``, ``-11`` or ``-21``: the first page
    of each round of annotation in a language), ``tune`` (the others) or ``all``."""
    if split == "all":
        return list(pages)
    held = split == "held"
    return [p for p in pages if bool(_HELD_ID.search(p.id)) == held]


def _row(s: LanguageScore) -> str:
    d = s.as_dict()
    return (
        f"{s.lang:4} {s.pages:3}  {d['figures_recall']:.2f} ({s.figures_found:3}/{s.figures:3})  "
        f"{d['figures_precision']:.2f}  {d['hedge_accuracy']:.2f}  {d['claimant_accuracy']:.2f}  "
        f"{d['people_recall']:.2f} ({s.people_found:2}/{s.people:2})  {d['places_recall']:.2f} "
        f"({s.places_found:3}/{s.places:3})  {d['quotes_recall']:.2f} ({s.quotes_found}/{s.quotes})  "
        f"{d['speaker_accuracy']:.2f} {d['speaker_recall']:.2f} ({s.speakers_ok}/{s.speakers_matched}/{s.speakers})  "
        f"{d['language_accuracy']:.2f}"
    )


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsprism evaluate --task multilingual", description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="?", type=Path, help="folder of <id>.txt page texts")
    parser.add_argument("gold_pos", nargs="?", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--pages", dest="pages_opt", type=Path, default=None, help="folder of <id>.txt page texts")
    parser.add_argument("--gold", type=Path, default=None, help="annotations (default: the shipped set named by --set)")
    parser.add_argument(
        "--set",
        dest="gold_set",
        choices=tuple(GOLD_SETS),
        default="dev",
        help="shipped annotations: 'dev' (the development set, rules tuned on it) or 'fresh' (never tuned on)",
    )
    parser.add_argument("--lang", default=None, help="only these languages (comma-separated)")
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="all",
        help="all pages; 'held': the pages whose id ends in -01 (kept for checking, not tuning); 'tune': the others",
    )
    parser.add_argument("--misses", action="store_true", help="list every gold item not found")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(list(argv) if argv is not None else None)
    texts = args.pages_opt or args.pages
    if texts is None or not Path(texts).is_dir():
        print("error: give the folder of page texts (benchmarks/devset_pages.py rebuilds it)", file=sys.stderr)
        return 2
    gold = args.gold or args.gold_pos
    pages = split_pages(load_devset(gold, gold_set=args.gold_set), args.split)
    set_name = f"annotations {gold}" if gold is not None else GOLD_SETS[args.gold_set][1]
    if args.lang:
        wanted = {x.strip() for x in args.lang.split(",") if x.strip()}
        pages = [p for p in pages if p.lang in wanted]
    per_lang, total, missing = evaluate_pages(pages, Path(texts))
    if args.json:
        out = {
            "split": f"{set_name} ({_SPLIT_NAMES[args.split]})",
            "languages": {k: v.as_dict() for k, v in per_lang.items()},
            "total": total.as_dict(),
            "missing_pages": missing,
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    note = f" ({len(missing)} pages without text: {', '.join(missing)})" if missing else ""
    print(
        f"split: {set_name}, {_SPLIT_NAMES[args.split]}: {total.pages} pages in "
        f"{len(per_lang)} languages from {texts}{note}"
    )
    print(
        "lang pages figures-R (found)  fig-P hedge claim. people-R        places-R          quotes-R   "
        "spk-A spk-R (ok/matched/gold)  lang-id"
    )
    for s in per_lang.values():
        print(_row(s))
    print(_row(total))
    if args.misses:
        for m in total.misses:
            print("  miss:", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
