"""Photo, video and text credits and reporters' bylines inside an article's body: the people named there made the
page, the story does not mention them ("Photo: Jane Doe/Reuters", "Фото: Иван Петров", "(Photo by Jane Doe)",
"摄影：张三", "新华社记者张三报道", "김민수 기자 =", "写真：山田太郎", a last line that is only a name).

:func:`credit_spans` gives the character spans; the entities stage reports no person inside one (the authors of
a page are ``Article.authors``, which the loaders fill from the page's byline). The markers are the usual words of
each language for a photograph, a video, a picture and a reporter.
"""

from __future__ import annotations

import re

__all__ = ["credit_spans"]

#: A credit marker and the credited names after it, up to the end of the line, a closing bracket or a sentence end.
_CREDIT = re.compile(
    r"(?:\b(?:photos?(?:\s+credit)?|photograph|pictures?|image|video|credit|foto(?:s|grafia|grafía|grafie|ğraf|ó)?|"
    r"bild(?:er)?|kuva|zdjęcie|fotografia|фото(?:графия)?|відео|видео|φωτογραφία|φωτό|صورة|تصوير|عکس)"
    r"\s*(?:by\b|von\b|de\b|par\b|di\b|av\b)?\s*[:：=/|]?\s*|(?:摄影|图片|图|写真|撮影|사진|영상)\s*[:：=／/|]\s*)"
    r"(?P<names>[^\n()\[\]。.!?]{2,80}?)(?=\s*(?:[)\]\n]|$|[。.!?](?:\s|$)))",
    re.IGNORECASE,
)
#: Chinese reporter lines ("新华社记者张三报道", "记者 张三"), Korean ("김민수 기자 =", "김민수 특파원").
_ZH_REPORTER = re.compile(r"(?:记者|通讯员|摄)\s*(?:[:：]\s*)?[\u4e00-\u9fff]{2,3}(?=\s|报道|摄|[）)】，,、\n]|$)")
_KO_REPORTER = re.compile(r"[\uac00-\ud7a3]{2,4}\s?(?:기자|특파원)(?=\s*(?:=|$|\n|[\w.\-]+@))")
_BARE_NAME = re.compile(r"^(?:[A-ZÀ-ÞА-ЯЁІЇЄΑ-Ω][\w'’\-.]+\s){1,2}[A-ZÀ-ÞА-ЯЁІЇЄΑ-Ω][\w'’\-]+$")


_CONNECTORS = frozenset({"de", "da", "di", "van", "von", "der", "al", "el", "bin", "ibn", "and", "und", "et", "y", "e"})


def _names_only(text: str) -> bool:
    """Every word capitalised or of a script without case (agency names after a slash count as words)."""
    words = [w for w in re.split(r"[\s/|,;–—-]+", text) if w and any(ch.isalpha() for ch in w)]
    return bool(words) and all(w[:1].isupper() or not w[:1].islower() or w in _CONNECTORS for w in words)


def credit_spans(body: str) -> list[tuple[int, int]]:
    """Spans of ``body`` that credit a photograph, a video or the text to someone (see the module's description)."""
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", body):
        text = line.group()
        for m in _CREDIT.finditer(text):
            names = m.group("names")
            if len(names.split()) > 8 or not _names_only(names):
                continue  # "photos of the damage show ...", "Video: Tokayev addresses the nation" credit no one
            if m.start() and text[m.start() - 1].isalpha():
                continue
            out.append((line.start() + m.start(), line.start() + m.end()))
        for pattern in (_ZH_REPORTER, _KO_REPORTER):
            for m in pattern.finditer(text):
                out.append((line.start() + m.start(), line.start() + m.end()))
    lines = [m for m in re.finditer(r"[^\n]+", body) if m.group().strip()]
    if len(lines) > 2:  # a page's last line that is only a name (two or three capitalised words) is its author
        last = lines[-1]
        text = last.group().strip()
        if len(text) <= 40 and _BARE_NAME.match(text):
            out.append((last.start(), last.end()))
    return sorted(out)
