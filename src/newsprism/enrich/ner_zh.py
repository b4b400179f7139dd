"""People, organisations and places in Chinese text from jieba's part-of-speech tags.

jieba's dictionary tags person names ``nr`` (``nrt``/``nrfg`` for transliterated and full names), places ``ns``
and organisations ``nt``. The text is cut with jieba's word segmenter (its HMM joins unknown words) and each word
takes its dictionary tag: jieba's own tagging HMM over unknown words costs about twenty times more and is not run.
An unknown word counts as a person's name when it starts with a common Chinese family name (two or three
characters) or is written mostly with the characters Chinese uses to transliterate foreign names (``托卡耶夫``). The
actor table's Chinese aliases are added to a private jieba dictionary with the tag of
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
from .hanzi import to_simplified

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["jieba_tagger", "looks_transliterated", "zh_mentions"]

_TAGS = {"nr": "person", "nrt": "person", "nrfg": "person", "nt": "organisation", "ns": "place"}
_ACTOR_TAG = {"person": "nr", "organisation": "nt", "place": "ns"}
_HAN = re.compile(r"[\u3400-\u9fff]")
_JOIN = frozenset("·•・‧-‐")
_PLACE_SUFFIX = frozenset("省市州县区镇村岛")
#: The most common Chinese family names (public statistics of surname frequency).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习"
)
#: Characters that Chinese transliterations of foreign names are mostly written with.
_TRANSLIT = frozenset(
    "阿埃艾安奥巴班贝本比宾波伯布查达代丹德迪蒂丁杜多厄恩法菲费芬弗福盖冈戈格古哈海汉豪赫亨霍基吉加贾杰卡凯坎康柯科克"
    "肯库拉莱兰朗劳勒雷里利莉隆卢鲁伦洛玛迈麦曼梅门蒙米敏姆穆纳娜奈南内尼诺努帕佩皮普奇齐乔切琴丘萨塞桑瑟森沙舍什斯"
    "松索塔泰坦特提图托瓦旺维温沃乌西希辛休雅亚扬耶伊因尤扎泽詹兹卓佐夫娃马"
)


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
        list(tagger.cut("初始化"))  # loads the dictionary and the tags of the words added above
        return tagger

    return resources.get("entities.jieba", build)


def looks_transliterated(word: str) -> bool:
    """A Chinese word of three characters or more written mostly (three quarters) with the characters Chinese uses to
    transliterate foreign names (努库斯, 阿马特里切; traditional characters read as simplified): a foreign name, not a
    Chinese word or place (治国, 宜兰苏澳)."""
    return len(word) >= 3 and _mostly_translit(to_simplified(word))


def _mostly_translit(word: str) -> bool:
    return sum(ch in _TRANSLIT for ch in word) >= 0.75 * len(word)


def _unknown_word_type(word: str) -> str | None:
    """``person`` for a word jieba's dictionary lacks that looks like a name, else ``None``."""
    if 2 <= len(word) <= 3 and word[0] in _SURNAMES:
        return "person"
    if len(word) >= 2 and _mostly_translit(word):
        return "person"
    return None


def _place_ahead(text: str, end: int) -> bool:
    """A place suffix (省, 市 ...) right after ``end`` or after up to three more transliteration characters."""
    for k in range(end, min(end + 4, len(text))):
        if text[k] in _PLACE_SUFFIX:
            return True
        if text[k] not in _TRANSLIT:
            return False
    return False


def zh_mentions(
    text: str, resources: Resources, table: ActorTable, *, is_place: Callable[[str], bool]
) -> list[Mention]:
    """Name mentions of Chinese ``text`` (offsets into ``text``). Traditional characters are read as simplified ones
    (jieba's dictionary is simplified: 賴清德 and 金門 are cut and tagged as 赖清德 and 金门); mentions keep the text as
    written."""
    tagger = jieba_tagger(resources, table)
    written, text = text, to_simplified(text)  # same length: offsets hold
    out: list[Mention] = []
    pos = 0
    pending: list[tuple[int, int, str]] = []  # (start, end, type) of adjacent name words

    def flush() -> None:
        if not pending:
            return
        s, e = pending[0][0], pending[-1][1]
        kinds = {p[2] for p in pending}
        pending.clear()
        word = text[s:e]
        typ = "place" if "place" in kinds else "organisation" if "organisation" in kinds else "person"
        if _place_ahead(text, e):
            typ = "place"  # 卡赫拉曼马拉什省; 马拉 + 蒂亚省 (a name cut before the rest of a province's name)
        if len(word) < 2 or word.endswith("人") or (typ == "person" and len(word) == 2 and word.endswith("方")):
            return  # "余人" (more than ... people), "中方" (the Chinese side)
        as_written = written[s:e]
        if typ != "place" and (is_place(word) or is_place(as_written)) and table.lookup(word) is None:
            typ = "place"
        score = 0.75 if typ != "place" else 0.6
        out.append(Mention(s, e, as_written, typ, score, extra={"label": "jieba"}))

    tok, tags = tagger.tokenizer, tagger.word_tag_tab
    lead: tuple[int, int] | None = None  # a single transliteration character just before, which may start a name
    for word in tok.cut(text, HMM=True):
        start = text.find(word, pos)
        if start < 0:
            continue
        end = start + len(word)
        pos = end
        typ = _TAGS.get(tags.get(word, ""))
        if typ is None and word not in tags and _HAN.match(word):
            typ = _unknown_word_type(word)
        joined = pending and (pending[-1][1] == start or text[pending[-1][1] : start] in _JOIN)
        if typ is not None:
            if not joined:
                flush()
                if lead is not None and lead[1] == start:
                    pending.append((lead[0], lead[1], typ))
            pending.append((start, end, typ))  # pieces of one name join: 卡 + 赫拉 + 曼 + 马拉什
        elif joined and len(word) == 1 and word in _TRANSLIT and pending[-1][2] != "place":
            pending.append((start, end, pending[-1][2]))
        elif word in _JOIN and pending:
            continue
        else:
            flush()
        lead = (start, end) if len(word) == 1 and word in _TRANSLIT and not pending else None
    flush()
    return out
