"""Language of a text, offline, with lingua restricted to the languages in the ``languages`` setting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["LanguageDetector", "detect_language"]


class LanguageDetector:
    """Detects ISO 639-1 codes among a chosen set of languages; models load on first use."""

    def __init__(self, languages: str | list[str]) -> None:
        codes = languages.split(",") if isinstance(languages, str) else list(languages)
        self.codes = [c.strip().lower() for c in codes if c.strip()]
        self._detector: Any = None

    def _build(self) -> Any:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        langs = []
        for code in self.codes:
            iso = getattr(IsoCode639_1, code.upper(), None)
            if iso is not None:
                langs.append(Language.from_iso_code_639_1(iso))
        if len(langs) < 2:
            langs = [Language.ENGLISH, Language.RUSSIAN]
        return LanguageDetectorBuilder.from_languages(*langs).build()

    def detect(self, text: str) -> tuple[str | None, float]:
        """(code, confidence) for ``text``; (None, 0.0) when it has too few letters to tell."""
        sample = text[:4000]
        letters = sum(ch.isalpha() for ch in sample)
        if letters < 3:
            return None, 0.0
        if self._detector is None:
            self._detector = self._build()
        values = self._detector.compute_language_confidence_values(sample)
        if not values:
            return None, 0.0
        best = values[0]
        return best.language.iso_code_639_1.name.lower(), round(float(best.value), 4)


def detect_language(text: str, resources: Resources) -> tuple[str | None, float]:
    """Detect with the detector cached on ``resources``."""
    det = resources.get("language.detector", lambda r: LanguageDetector(str(r.settings.languages)))
    return det.detect(text)
