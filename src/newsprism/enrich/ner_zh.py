"""People, organisations and places in Chinese text from jieba's part-of-speech tags.

jieba tags person names ``nr`` (``nrt``/``nrfg`` for transliterated and full names), places ``ns`` and
organisations ``nt``. The actor table's Chinese aliases are added to a private jieba dictionary with the tag of
their type, so "托卡耶夫" stays one word and is tagged a person. Adjacent name words join ("布" + "林肯",
"卡西姆-若马尔特" · "托卡耶夫"); a one-character name and the "X方" shorthand for a country's side ("中方",
"哈方") are dropped; a name the gazetteer knows as a place is a place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .aliases import ActorTable, Mention

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["jieba_tagger", "zh_mentions"]

_TAGS = {"nr": "person", "nrt": "person", "nrfg": "person", "nt": "organisation", "ns": "place"}
_ACTOR_TAG = {"person": "nr", "organisation": "nt", "place": "ns"}
_HAN = re.compile(r"[\u3400-\u9fff]")
_JOIN = frozenset("·•・‧-‐")


def jieba_tagger(resources: Resources, table: ActorTable) -> Any:
    """A private jieba POS tokenizer with the actor table's Chinese aliases, once per :class:`Resources`."""

    def build(_: Resources) -> Any:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tagger = jieba.posseg.POSTokenizer(tok)
        for alias, actor in table.surface_forms():
            if _HAN.search(alias) and actor.type in _ACTOR_TAG:
                tok.add_word(alias, 50_000, _ACTOR_TAG[actor.type])
        return tagger

    return resources.get("entities.jieba", build)


def zh_mentions(
    text: str, resources: Resources, table: ActorTable, *, is_place: Callable[[str], bool]
) -> list[Mention]:
    """Name mentions of Chinese ``text`` (offsets into ``text``)."""
    tagger = jieba_tagger(resources, table)
    out: list[Mention] = []
    pos = 0
    pending: list[tuple[int, int, str]] = []  # (start, end, type) of adjacent name words

    def flush() -> None:
        if not pending:
            return
        s, e, typ = pending[0][0], pending[-1][1], pending[0][2]
        pending.clear()
        word = text[s:e]
        if len(word) < 2 or (typ == "person" and len(word) == 2 and word.endswith("方")):
            return
        if typ != "place" and is_place(word) and table.lookup(word) is None:
            typ = "place"
        score = 0.75 if typ != "place" else 0.6
        out.append(Mention(s, e, word, typ, score, extra={"label": "jieba"}))

    for pair in tagger.cut(text):
        word, flag = pair.word, pair.flag
        start = text.find(word, pos)
        if start < 0:
            continue
        end = start + len(word)
        pos = end
        typ = _TAGS.get(flag)
        if typ is not None:
            if pending and pending[-1][2] == typ and (pending[-1][1] == start or text[pending[-1][1] : start] in _JOIN):
                pending.append((start, end, typ))
            else:
                flush()
                pending.append((start, end, typ))
        elif word in _JOIN and pending:
            continue
        else:
            flush()
    flush()
    return out
