"""Traditional Chinese characters read as simplified ones, one character for one, so offsets hold.

Cue lists of Chinese are written in simplified characters (经济, 选举, 我们); news from Taiwan, Hong Kong and much of
the diaspora is written in traditional ones (經濟, 選舉, 我們). :func:`to_simplified` maps each traditional character
to its simplified form with OpenCC's character table (``TSCharacters.txt``, shipped in the
``opencc-python-reimplemented`` wheel, Apache-2.0); only one-character-to-one-character entries are used, so the
result has the length of the input and a hit's span is the span in the original text. Phrase-level conversion
(OpenCC's ``TSPhrases``) is not needed for matching cue words and would move offsets.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["UNSPACED", "has_traditional", "to_simplified"]

#: Han characters and kana: Chinese and Japanese write words without spaces between them
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Traditional -> simplified, one character each (empty when the table is not installed)."""
    spec = importlib.util.find_spec("opencc")  # the package is not imported: its data file is read
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "TSCharacters.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    out: dict[int, str] = {}
    for line in lines:
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0] if simp else ""
        if len(trad) == 1 and len(first) == 1 and trad != first:
            out[ord(trad)] = first
    return out


def has_traditional(text: str) -> bool:
    """Whether ``text`` holds a character that has a different simplified form."""
    table = _table()
    return any(ord(ch) in table for ch in text)


def to_simplified(text: str) -> str:
    """``text`` with each traditional character replaced by its simplified form (same length)."""
    table = _table()
    return text.translate(table) if table else text
