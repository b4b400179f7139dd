"""Language of a text, offline: the script decides where it can, letters tell close languages apart, lingua does
the rest, always among the languages of the ``languages`` setting.

Detection works on letters only: URLs, e-mail addresses, markup, character entities, numbers and handles are
removed first. Then:

1. **script**: Hangul → ``ko``; kana → ``ja``; Han without kana or Hangul → ``zh``; Greek → ``el``; Armenian →
   ``hy``. Han characters count three times against Latin letters, so a Chinese page with English names stays
   Chinese.
2. **letters** within a script: Cyrillic with Kazakh letters (ә ғ қ ң ө ұ ү һ і) in enough words → ``kk`` (a
   Kazakh page with Russian quotes keeps its Kazakh words), with ң ө ү but no Kazakh-only letters → ``ky``, with
   ў or ҳ → ``uz``, with і ї є ґ and no Kazakh letters → ``uk``; Arabic script with the letters of Kazakh's
   Arabic alphabet (ۇ ۋ ڭ ە, the high hamza ٴ) in enough words and none of Uyghur's or Sorani's → ``kk``, with
   Persian letters (پ چ ژ گ ک ی) → ``fa``; Latin with ə → ``az``, with Uzbek o‘/g‘ or its common words → ``uz``.
3. **lingua** among the configured languages of the text's script (lingua has no Kyrgyz or Uzbek model).

The score is the share of the deciding evidence (script share, letter share, or lingua's confidence). A text
with few letters or a score under :data:`LOW_CONFIDENCE` is still labelled with its best guess, and
:class:`Detection` says it is uncertain; the score is kept on the article (``Article.language_score``).

:func:`fill_language` is the one place an article gets its language: ingest calls it on every article it stores,
and the registered stage ``language.lingua.v1`` (produces ``article.language``) calls it on every article an
engine runs over, so an article read from a file without a language has one before the stages that need it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .kazakh import ARABIC_KK_LETTERS, NOT_KAZAKH_LETTERS

if TYPE_CHECKING:
    from ..model import Article, Item
    from ..pipeline import Doc, Resources
    from ..registry import ComponentSpec, Registry

__all__ = [
    "LOW_CONFIDENCE",
    "STAGE",
    "SUPPORTED",
    "Detection",
    "LanguageDetector",
    "LanguageStage",
    "clean_for_detection",
    "detect_language",
    "fill_language",
    "language_spec",
    "make_language_stage",
    "register",
]

#: The registered name of the language stage.
STAGE = "language.lingua.v1"

#: Languages newsprism reads (ISO 639-1).
SUPPORTED = (
    "en",
    "ru",
    "zh",
    "kk",
    "uk",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "pl",
    "tr",
    "ar",
    "fa",
    "az",
    "ky",
    "uz",
    "hu",
    "fi",
    "sv",
    "nl",
    "el",
    "bg",
    "hy",
    "ka",
    "ja",
    "ko",
)
#: Under this score a detection is labelled uncertain.
LOW_CONFIDENCE = 0.5
#: Fewer letters than this make any detection uncertain.
SHORT_TEXT = 40

_NOISE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|<[^>]{0,500}>|&#?\w{1,8};|[@#][\w.]+|\b[\w-]+\.(?:com|org|net|ru|kz|cn)\b"
)
_NON_LETTER = re.compile(r"[\W\d_]+")
_KK_LETTERS = frozenset("әғқңөұүһі")
_KK_ONLY = frozenset("әғқұһ")
_KY_LETTERS = frozenset("ңөү")
_UZ_CYR = frozenset("ўҳ")
_UK_LETTERS = frozenset("іїєґ")
_FA_LETTERS = frozenset("پچژگکی")
_AR_LETTERS = frozenset("ةيىك")
_UZ_LATIN = re.compile(r"[og][‘ʻ'’][a-z]|\b(?:va|bilan|uchun|haqida|ham|edi|emas|qilgan|bo[‘ʻ'’]l)\b", re.I)
_UZ_WORDS = re.compile(r"\w+ning\b|\w+larni\b|\w+dagi\b", re.I)

_SCRIPTS = (
    ("hangul", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("kana", re.compile(r"[\u3040-\u30ff]")),
    ("han", re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")),
    ("greek", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
    ("armenian", re.compile(r"[\u0530-\u058f]")),
    ("georgian", re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("latin", re.compile(r"[a-zA-Z\u00c0-\u024f\u0259\u1e00-\u1eff]")),
)
_SCRIPT_LANGS = {
    "cyrillic": ("ru", "uk", "bg", "kk", "ky"),
    "arabic": ("ar", "fa"),
    "latin": ("en", "de", "fr", "es", "it", "pt", "pl", "tr", "az", "uz", "hu", "fi", "sv", "nl"),
}


@dataclass(frozen=True, slots=True)
class Detection:
    """A detected language, its score, how it was decided (script | letters | model) and whether it is uncertain."""

    code: str | None
    score: float
    method: str = "model"
    uncertain: bool = False


def clean_for_detection(text: str) -> str:
    """Letters and single spaces only: URLs, e-mail addresses, markup, entities, handles and numbers removed."""
    return " ".join(_NON_LETTER.sub(" ", _NOISE.sub(" ", text)).split())


def _script_counts(text: str) -> dict[str, int]:
    counts = dict.fromkeys((name for name, _ in _SCRIPTS), 0)
    for ch in text:
        if ch == " ":
            continue
        for name, rx in _SCRIPTS:
            if rx.match(ch):
                counts[name] += 1
                break
    return counts


def _word_share(words: list[str], letters: frozenset[str]) -> float:
    """Share of the words holding one of ``letters``; 0 when fewer than two different words do (one Kazakh name
    in a Russian sentence does not make it Kazakh)."""
    hits = [w for w in words if letters & set(w)]
    return len(hits) / len(words) if len(set(hits)) >= 2 else 0.0


class LanguageDetector:
    """Detects ISO 639-1 codes among a chosen set of languages; lingua's models load on first use."""

    def __init__(self, languages: str | list[str]) -> None:
        codes = languages.split(",") if isinstance(languages, str) else list(languages)
        self.codes = [c.strip().lower() for c in codes if c.strip()]
        self._models: dict[str, Any] = {}

    def _allowed(self, code: str) -> bool:
        return code in self.codes

    def _lingua(self, script: str, text: str) -> tuple[str | None, float]:
        codes = [c for c in _SCRIPT_LANGS.get(script, ()) if c in self.codes]
        if not codes:
            codes = [c for c in self.codes if c not in ("ky", "uz")]
        key = ",".join(codes)
        if key not in self._models:
            from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

            langs = []
            for code in codes:
                iso = getattr(IsoCode639_1, code.upper(), None)
                if iso is not None:
                    langs.append(Language.from_iso_code_639_1(iso))
            if len(langs) < 2:
                self._models[key] = langs[0].iso_code_639_1.name.lower() if langs else None
            else:
                self._models[key] = LanguageDetectorBuilder.from_languages(*langs).build()
        model = self._models[key]
        if model is None or isinstance(model, str):
            return model, 1.0 if model else 0.0
        values = model.compute_language_confidence_values(text)
        if not values:
            return None, 0.0
        best = values[0]
        return best.language.iso_code_639_1.name.lower(), float(best.value)

    def detect_full(self, text: str) -> Detection:
        """The :class:`Detection` of ``text``."""
        sample = clean_for_detection(text[:20000])[:4000]
        counts = _script_counts(sample)
        letters = sum(counts.values())
        if letters < 3:
            return Detection(None, 0.0, "script", True)
        weighted = dict(counts)
        for name in ("han", "kana", "hangul"):
            weighted[name] *= 3
        total = sum(weighted.values())
        script = max(weighted, key=lambda k: weighted[k])
        if script in ("han", "kana", "hangul"):
            cjk = counts["han"] + counts["kana"] + counts["hangul"]
            code: str | None
            if counts["hangul"] >= 0.3 * cjk:
                code = "ko"
            elif counts["kana"] >= max(2, 0.05 * cjk):
                code = "ja"
            else:
                code = "zh"
            share = (weighted["han"] + weighted["kana"] + weighted["hangul"]) / total
            return self._finish(code, share, "script", letters + 2 * cjk)
        if script in ("greek", "armenian", "georgian"):
            code = {"greek": "el", "armenian": "hy", "georgian": "ka"}[script]
            return self._finish(code, weighted[script] / total, "script", letters)
        share = weighted[script] / total
        script_text = " ".join(w for w in sample.split() if dict(_SCRIPTS)[script].match(w[0]))
        words = [w for w in script_text.split() if not w[:1].isupper()]  # names do not decide (Тоқаев in Russian)
        rule = self._letters(script, script_text, words, text[:4000])
        if rule is not None:
            return self._finish(rule[0], min(1.0, share * rule[1]), "letters", letters)
        found, conf = self._lingua(script, script_text or sample)
        return self._finish(found, conf * share, "model", letters)

    def _letters(self, script: str, text: str, words: list[str], raw: str = "") -> tuple[str, float] | None:
        """(code, strength) when letters decide between close languages of one script (``raw``: the uncleaned
        start of the text, where Uzbek's o‘ and g‘ keep their mark)."""
        if not words:
            return None
        if script == "cyrillic":
            kk, kk_only = _word_share(words, _KK_LETTERS), _word_share(words, _KK_ONLY)
            ky, uz, uk = _word_share(words, _KY_LETTERS), _word_share(words, _UZ_CYR), _word_share(words, _UK_LETTERS)
            if uz >= 0.04 and self._allowed("uz"):
                return "uz", min(1.0, 0.6 + 4 * uz)
            if kk_only >= 0.06 and self._allowed("kk"):
                return "kk", min(1.0, 0.6 + 2 * kk)
            if ky >= 0.06 and kk_only < ky / 3 and self._allowed("ky"):
                return "ky", min(1.0, 0.6 + 2 * ky)
            if uk >= 0.06 and kk_only == 0 and ky < uk / 4 and self._allowed("uk"):
                return "uk", min(1.0, 0.6 + 2 * uk)
            return None
        if script == "arabic":
            kk, other = _word_share(words, ARABIC_KK_LETTERS), _word_share(words, NOT_KAZAKH_LETTERS)
            if kk >= 0.1 and other < kk / 4 and self._allowed("kk"):
                return "kk", min(1.0, 0.6 + kk)  # Kazakh in the Arabic script: ۇ ۋ ڭ ە and the high hamza
            letters = [ch for ch in text if ch != " "]
            fa = sum(1 for ch in letters if ch in _FA_LETTERS)
            ar = sum(1 for ch in letters if ch in _AR_LETTERS)
            if fa + ar < 3:
                return None
            if fa > ar and self._allowed("fa"):
                return "fa", fa / (fa + ar)
            if ar >= fa and self._allowed("ar"):
                return "ar", ar / (fa + ar)
            return None
        if script == "latin":
            n = len(words)
            schwa = text.count("ə") + text.count("Ə")
            if schwa >= max(2, 0.005 * len(text)) and self._allowed("az"):
                return "az", min(1.0, 0.7 + 10 * schwa / max(1, len(text)))
            # o‘/g‘ (read on the raw text: cleaning drops the mark) and function words: English has none of them
            marks = max(len(_UZ_LATIN.findall(text)), len(_UZ_LATIN.findall(raw)))
            uz = marks + len(_UZ_WORDS.findall(text))  # -ning, -dagi endings alone also fit English ("warning")
            if marks >= 2 and uz / n >= 0.08 and self._allowed("uz"):
                return "uz", min(1.0, 0.5 + 2 * uz / n)
        return None

    def _finish(self, code: str | None, score: float, method: str, letters: int) -> Detection:
        if code is not None and not self._allowed(code):
            return Detection(None, 0.0, method, True)
        score = round(max(0.0, min(1.0, score)), 4)
        return Detection(code, score, method, score < LOW_CONFIDENCE or letters < SHORT_TEXT)

    def detect(self, text: str) -> tuple[str | None, float]:
        """(code, confidence) for ``text``; (None, 0.0) when it has too few letters to tell."""
        d = self.detect_full(text)
        return d.code, d.score


def _detector(resources: Resources) -> LanguageDetector:
    return resources.get("language.detector", lambda r: LanguageDetector(str(r.settings.languages)))


def detect_language(text: str, resources: Resources) -> tuple[str | None, float]:
    """Detect with the detector cached on ``resources``: ``(code, score)``."""
    return _detector(resources).detect(text)


def fill_language(article: Article, resources: Resources) -> bool:
    """Detect the language of an article that has none, from its title and body, and keep it with its score
    (``language``, ``language_score``); an article that has one keeps it. True when a language was detected."""
    if article.language:
        return False
    article.language, article.language_score = detect_language((article.title or "") + "\n" + article.body, resources)
    return True


class LanguageStage:
    """The ``language.lingua.v1`` stage: :func:`fill_language` on each article; it finds no items."""

    #: It reads at most the first 20,000 characters of a body, so a long body is not refused (``max_parse_chars``).
    bounded_input = True

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> list[Item]:
        fill_language(doc.article, doc.resources)
        return []


def make_language_stage(*, resources: Resources) -> LanguageStage:
    return LanguageStage(resources)


def language_spec() -> ComponentSpec:
    """The component spec of the language stage (module-level factory: it pickles by reference to worker
    processes and Spark executors)."""
    from ..registry import ComponentSpec

    return ComponentSpec(
        name=STAGE,
        kind="stage",
        factory=make_language_stage,
        produces=("article.language", "article.language_score"),
        description="language of each article without one (script, letters, lingua), with its score",
        order=0,
    )


def register(registry: Registry) -> None:
    registry.add(language_spec())
