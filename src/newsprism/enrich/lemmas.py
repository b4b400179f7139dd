"""Words and their lemmas in every language, so cue lexicons hold across inflection.

:func:`tokenize` cuts a text into :class:`Token` s (character offsets into the text kept) and gives each a
case-folded lemma:

* Russian and Ukrainian: pymorphy3's normal form (``убитых`` -> ``убитый``, ``затриманих`` -> ``затриманий``);
* Chinese: jieba's words (the lemma is the word);
* Japanese and Korean: runs of one script (no lemmatiser ships on PyPI with its data; cue files use stems);
* the languages simplemma has dictionaries for (ar, bg, de, el, es, fa, fi, fr, hu, hy, it, nl, pl, pt, sv, tr …):
  simplemma's lemma;
* the rest (kk, az, ky, uz …): the case-folded word; cue files use stem prefixes (``өлт*``) for them.

:class:`CueMatcher` finds cue phrases in tokens: each word of a phrase matches a token whose lemma or case-folded
surface equals the word's own lemma, or, written with a trailing ``*``, whose lemma or surface starts with the stem.
Participles often lemmatise to an adjective (``detenidos`` -> ``detenido``), so a cue file lists both forms or a
stem. For Chinese and Japanese, whose words a segmenter may cut differently from the cue, phrases also match as plain
substrings of the text. Lemmatisers load on first use and are cached on :class:`Lemmatizer` (put one on
``Resources`` with :func:`lemmatizer`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .hanzi import has_traditional, to_simplified

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources

__all__ = [
    "SIMPLEMMA_LANGUAGES",
    "CueMatch",
    "CueMatcher",
    "Lemmatizer",
    "Token",
    "doc_tokens",
    "fold",
    "lemmatizer",
    "stopwords",
    "tokenize",
]

#: Languages whose dictionaries ship inside simplemma 1.x/2.x.
SIMPLEMMA_LANGUAGES = frozenset(
    [
        "ar",
        "ast",
        "bg",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "el",
        "en",
        "enm",
        "eo",
        "es",
        "et",
        "fa",
        "fi",
        "fr",
        "ga",
        "gd",
        "gl",
        "grc",
        "gv",
        "hbs",
        "he",
        "hi",
        "hu",
        "hy",
        "id",
        "is",
        "it",
        "ka",
        "la",
        "lb",
        "lt",
        "lv",
        "mk",
        "ml",
        "ms",
        "nb",
        "nl",
        "nn",
        "pl",
        "pt",
        "ro",
        "ru",
        "se",
        "sk",
        "sl",
        "sq",
        "sv",
        "sw",
        "tl",
        "tr",
        "uk",
    ]
)
_PYMORPHY = frozenset({"ru", "uk"})
_SEGMENTED = frozenset({"zh", "ja"})  # no spaces between words: cues also match as substrings
_CACHE_LIMIT = 200_000

# a word: letters and marks (and digits inside a word); apostrophes and hyphens split words
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = r"\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HANGUL = r"\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_CJK_RUN = re.compile(rf"[{_HAN}]+|[{_KANA}ー]+|[{_HANGUL}]+")


_WORD_HAMZA = re.compile(r"(?<![^\W_])\u0621(?=[^\W\d_])")


@lru_cache(maxsize=64)
def stopwords(lang: str) -> frozenset[str]:
    """The function words stopwords-iso lists for ``lang``, as listed (empty for a language it lacks, or without the
    package: stopwords are a filter, never a requirement)."""
    try:
        import stopwordsiso
    except ImportError:
        return frozenset()
    return frozenset(stopwordsiso.stopwords(lang)) if stopwordsiso.has_lang(lang) else frozenset()


def fold(text: str) -> str:
    """Case-folded, NFKC-normalised text with ё as е, the Turkish dotted capital İ as i (not i and a combining dot:
    "KİŞİ" is "kişi") and without the hamza that marks a front-vowel word of Kazakh in the Arabic script, high (ٴ) or
    on the line before the word (ء: ءۇشىن is ۇشىن; Arabic writes no hamza alone at a word's start) — ٴادىل is ادىل, as
    in ادىلەتسىز (:mod:`newsprism.enrich.kazakh`), how lemmas and cue words are compared."""
    folded = unicodedata.normalize("NFKC", text).replace("İ", "I").casefold().replace("ё", "е").replace("\u0674", "")
    return _WORD_HAMZA.sub("", folded) if "\u0621" in folded else folded


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str  # case-folded

    @property
    def folded(self) -> str:
        return fold(self.text)


class Lemmatizer:
    """Lemmas for every language, with the per-language analysers loaded on first use."""

    def __init__(self) -> None:
        self._morph: dict[str, Any] = {}
        self._jieba: Any = None
        self._cache: dict[tuple[str, str], str] = {}

    # -- analysers ---------------------------------------------------------------------------------------------
    def _pymorphy(self, lang: str) -> Any:
        if lang not in self._morph:
            import pymorphy3

            self._morph[lang] = pymorphy3.MorphAnalyzer(lang=lang)
        return self._morph[lang]

    def jieba(self) -> Any:
        """A private jieba tokenizer (its dictionary is built on first use, about a second)."""
        if self._jieba is None:
            import logging

            import jieba

            logging.getLogger("jieba").setLevel(logging.WARNING)
            self._jieba = jieba.Tokenizer()
        return self._jieba

    # -- lemmas ------------------------------------------------------------------------------------------------
    def lemma(self, word: str, lang: str | None) -> str:
        """The case-folded lemma of one word in ``lang`` (the folded word when the language has no lemmatiser)."""
        code = (lang or "").lower()
        key = (code, word)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        folded = fold(word)
        if code in _PYMORPHY and any(ch.isalpha() for ch in word):
            parses = self._pymorphy(code).parse(folded)
            out = fold(parses[0].normal_form) if parses else folded
        elif code in SIMPLEMMA_LANGUAGES and code != "en" and word.isalpha():
            import simplemma

            out = fold(simplemma.lemmatize(folded, lang=code))
        else:
            out = folded
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = out
        return out

    def tokenize(self, text: str, lang: str | None) -> list[Token]:
        """Words of ``text`` with offsets and lemmas."""
        code = (lang or "").lower()
        out: list[Token] = []
        if code == "zh":
            tok = self.jieba()
            for word, start, end in tok.tokenize(text):
                if word.strip() and any(not ch.isspace() and not _is_punct(ch) for ch in word):
                    out.append(Token(start, end, word, fold(word)))
            return out
        for m in _WORD.finditer(text):
            word = m.group()
            if code in {"ja", "ko"} or _CJK_RUN.search(word):
                # split mixed runs into one-script pieces (kanji | kana | hangul | other)
                pos = m.start()
                for piece in _script_runs(word):
                    out.append(Token(pos, pos + len(piece), piece, fold(piece)))
                    pos += len(piece)
                continue
            out.append(Token(m.start(), m.end(), word, self.lemma(word, code)))
        return out


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in {"P", "S", "Z", "C"}


def _script_runs(word: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in _CJK_RUN.finditer(word):
        if m.start() > pos:
            out.append(word[pos : m.start()])
        out.append(m.group())
        pos = m.end()
    if pos < len(word):
        out.append(word[pos:])
    return out


def lemmatizer(resources: Resources | None) -> Lemmatizer:
    """The :class:`Lemmatizer` cached on ``resources`` (a new one when ``resources`` is None)."""
    if resources is None:
        return Lemmatizer()
    return resources.get("lemmas.lemmatizer", lambda _r: Lemmatizer())


def tokenize(text: str, lang: str | None, resources: Resources | None = None) -> list[Token]:
    """Words of ``text`` with their offsets and case-folded lemmas in ``lang``."""
    return lemmatizer(resources).tokenize(text, lang)


def doc_tokens(doc: Doc) -> list[Token]:
    """The tokens of an article's body, computed once per article and shared by every stage."""
    return doc.shared("lemmas.tokens", lambda d: lemmatizer(d.resources).tokenize(d.article.body, d.article.language))


# ------------------------------------------------------------------------------------------------ cue phrases
@dataclass(frozen=True, slots=True)
class CueMatch:
    label: str
    start: int
    end: int
    cue: str


@dataclass(frozen=True, slots=True)
class _Word:
    value: str
    prefix: bool

    def matches(self, tok: Token) -> bool:
        if self.prefix:
            return tok.lemma.startswith(self.value) or tok.folded.startswith(self.value)
        return tok.lemma == self.value or tok.folded == self.value


class CueMatcher:
    """Finds cue phrases of one language in tokens, whatever their inflection.

    ``CueMatcher([("killed", "погибнуть"), ("killed", "убит*"), ("arrested", "задержать")], "ru")``; a phrase of
    several words matches consecutive tokens (``gap`` other tokens may stand between two words).
    """

    def __init__(
        self,
        cues: Iterable[tuple[str, str]],
        lang: str | None,
        *,
        lemmas: Lemmatizer | None = None,
        gap: int = 0,
    ) -> None:
        self.lang = (lang or "").lower()
        self.gap = gap
        lem = lemmas or Lemmatizer()
        self._phrases: list[tuple[str, str, tuple[_Word, ...]]] = []
        self._substrings: list[tuple[str, str]] = []
        self._first: dict[str, list[int]] = {}
        self._prefix_first: dict[str, list[int]] = {}  # stem cues by the stem's first one or two letters
        for label, cue in cues:
            cue = cue.strip()
            if not cue:
                continue
            if self.lang in _SEGMENTED:
                self._substrings.append((label, cue.rstrip("*")))
                continue
            words: list[_Word] = []
            for raw in cue.split():
                prefix = raw.endswith("*")
                stem = raw.rstrip("*")
                value = fold(stem) if prefix else lem.lemma(stem, self.lang)
                if value:
                    words.append(_Word(value, prefix))
            if not words:
                continue
            index = len(self._phrases)
            self._phrases.append((label, cue, tuple(words)))
            if words[0].prefix:
                self._prefix_first.setdefault(words[0].value[:2], []).append(index)
            else:
                self._first.setdefault(words[0].value, []).append(index)
                # a cue word written inflected also matches itself as a surface form
                surface = fold(cue.split()[0])
                if surface != words[0].value:
                    self._first.setdefault(surface, []).append(index)

    def __len__(self) -> int:
        return len(self._phrases) + len(self._substrings)

    def find(self, tokens: Sequence[Token], text: str | None = None) -> list[CueMatch]:
        """Every cue occurrence, longest first where two start at one token; ``text`` enables substring cues."""
        out: list[CueMatch] = []
        for i, tok in enumerate(tokens):
            candidates = [*self._first.get(tok.lemma, ()), *self._first.get(tok.folded, ())]
            if self._prefix_first:
                for key in {tok.lemma[:1], tok.lemma[:2], tok.folded[:1], tok.folded[:2]}:
                    candidates.extend(self._prefix_first.get(key, ()))
            seen: set[int] = set()
            for index in candidates:
                if index in seen:
                    continue
                seen.add(index)
                label, cue, words = self._phrases[index]
                end = self._match(tokens, i, words)
                if end is not None:
                    out.append(CueMatch(label, tok.start, tokens[end].end, cue))
        if text is not None and self._substrings:
            # Chinese cues are simplified: a traditional text (說, 強調) is read as simplified, character for character
            haystack = to_simplified(text) if self.lang == "zh" and has_traditional(text) else text
            for label, cue in self._substrings:
                for m in re.finditer(re.escape(cue), haystack):
                    out.append(CueMatch(label, m.start(), m.end(), cue))
        out.sort(key=lambda m: (m.start, -(m.end - m.start), m.label))
        return out

    def _match(self, tokens: Sequence[Token], i: int, words: tuple[_Word, ...]) -> int | None:
        if not words[0].matches(tokens[i]):
            return None
        pos = i
        for word in words[1:]:
            for step in range(1, self.gap + 2):
                j = pos + step
                if j < len(tokens) and word.matches(tokens[j]):
                    pos = j
                    break
            else:
                return None
        return pos
