"""Quotation marks of every script, paired one paragraph at a time.

Pairs known (opening -> closing): ``“ ”``, ``" "``, ``„ “``/``„ ”`` (German, Polish, Russian inner,
Ukrainian), ``« »`` and ``» «`` (French, Russian, Italian, Spanish, Turkish ...; German and Danish write them
reversed), ``‘ ’``, ``' '``, ``‚ ‘``/``‚ ’`` (German single), ``‹ ›`` and ``› ‹``, and the corner brackets
``「 」`` and ``『 』`` (Chinese, Japanese); Swedish and Finnish write ``” ”`` and ``» »``. French spaces inside
guillemets (``« Non »``) are allowed, and so are spaces inside straight double quotes (``" Non è finita "``, as
some Italian pages write them) when both marks stand between spaces; Chinese and Japanese marks need no space
around them.

An apostrophe (``Kazakhstan's``, ``don’t``) is never taken for a closing single quote, and a mark that finds no
partner is dropped locally, so an odd number of marks never swallows the rest of the article. A quote left open at
a paragraph's end runs to that end only when the next paragraph opens with a quotation mark (the newspaper
convention for a quote over several paragraphs); a double quote that is not reopened there may close in the next
paragraph instead (``“… afette …\n… gönderilmiş durumda.” dedi.``), when no other mark opens before its closing one.

Where a language sets speech off with a dash at the start of a paragraph (Finnish, Swedish, Hungarian, Polish,
Russian, Ukrainian, Bulgarian, Kazakh, Kyrgyz: ``– Se oli pelottavaa, X kertoi.``), ``find_quote_marks(text,
dash=True)`` also returns that paragraph as a mark with ``dash`` set; the quote stage cuts the attribution off it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["CLOSERS", "DASH_LANGUAGES", "DOUBLE_OPENERS", "OPENERS", "QuoteMark", "find_quote_marks"]

#: opening mark -> the marks that may close it
CLOSERS: dict[str, str] = {
    "“": '”"',
    "„": '“”"',
    "«": "»",
    "»": "«»",
    "”": "”",
    '"': '"”',
    "「": "」",
    "『": "』",
    "‘": "’'",
    "‚": "‘’",
    "‹": "›",
    "›": "‹",
    "'": "'’",
}
#: languages that set speech off with a dash (``find_quote_marks(text, dash=True)``)
DASH_LANGUAGES = frozenset({"fi", "sv", "hu", "pl", "ru", "uk", "bg", "kk", "ky"})
DOUBLE_OPENERS = '“„«»"「『”'
OPENERS = DOUBLE_OPENERS + "‘‚‹›'"
_SPACED = "«»‹›"  # French puts a (narrow) space inside these
_OPEN_CONTEXT = " \t\u00a0\u202f([{—–-/:;,\x00"  # what may stand right before an opening mark


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """A pair of quotation marks: ``open`` and ``close`` are the indices of the marks (``close`` may be the end of
    a paragraph for a quote that continues in the next one), ``start``/``end`` the content between them."""

    open: int
    close: int
    start: int
    end: int
    double: bool
    dash: bool = False


def _cjk(ch: str) -> bool:
    o = ord(ch) if ch else 0
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in re.finditer(r"\n", text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _is_open(text: str, i: int, lo: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "「『":
        return True
    if after.isspace() and not (ch in _SPACED and i + 2 < len(text) and not text[i + 2].isspace()):
        return False
    if before in ".!?…" and after.isupper():  # a sentence's end and no space: … oświadczył Zełenski."Zwyciężymy
        return True
    if ch in "\"'":  # straight marks open only after a space or an opening bracket/dash
        return before.isspace() or before in _OPEN_CONTEXT or i == lo
    return before.isspace() or before in _OPEN_CONTEXT or before in OPENERS or _cjk(before) or i == lo


def _is_close(text: str, i: int, hi: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < hi else " "
    if ch in "」』":
        return True
    if before.isspace() and not (ch in _SPACED and i >= 2 and not text[i - 2].isspace()):
        return False
    # an apostrophe (Kazakhstan’s, don’t, rock'n'roll) is no closing mark
    return not (ch in "’'" and (after.isalpha() or after.isdigit()))


_DASH_OPEN = re.compile(r"(?:^|(?<=[.!?…»”\"]))[ \t\u00a0]*([–—])[ \t\u00a0]+(?=\S)", re.M)


def find_quote_marks(text: str, *, dash: bool = False) -> list[QuoteMark]:
    """Pairs of quotation marks in ``text``, found paragraph by paragraph (see the module docstring); with ``dash``,
    a dash that opens a paragraph or follows a sentence's end opens a mark running to the next such dash or to the
    paragraph's end (archived pages often lose the paragraph breaks); the quotation marks inside it are not returned."""
    work = text.replace("\x00", " ").replace("''", '\x00"')  # two apostrophes stand for a double mark (NYT)
    paras = list(_paragraphs(work))
    out: list[QuoteMark] = []
    for n, (lo, hi) in enumerate(paras):
        opens = (
            [m for m in _DASH_OPEN.finditer(work, lo, hi) if m.start() == lo or work[m.start()].isspace()]
            if dash
            else []
        )
        nxt = paras[n + 1] if n + 1 < len(paras) else None
        if not opens:
            out.extend(_marks_in(work, lo, hi, nxt))
            continue
        if opens[0].start(1) > lo:
            out.extend(_marks_in(work, lo, opens[0].start(), None))
        for k, opened in enumerate(opens):
            stop = opens[k + 1].start() if k + 1 < len(opens) else hi
            end = stop
            while end > opened.end() and work[end - 1].isspace():
                end -= 1
            if end > opened.end():
                out.append(QuoteMark(opened.start(1), stop, opened.end(), end, True, dash=True))
    return out


def _marks_in(text: str, lo: int, hi: int, nxt: tuple[int, int] | None) -> list[QuoteMark]:
    out: list[QuoteMark] = []
    i = lo
    while i < hi:
        ch = text[i]
        spaced = _spaced_straight(text, i, lo, hi) if ch == '"' else -1
        if spaced > 0:  # Italian pages: " Non lasceremo nessuno indietro "
            out.append(_mark(text, i, spaced, True))
            i = spaced + 1
            continue
        if ch in CLOSERS and _is_open(text, i, lo):
            double = ch in DOUBLE_OPENERS
            closers = CLOSERS[ch]
            j = i + 1
            close = -1
            depth = 0
            while j < hi:
                c = text[j]
                if c == ch and ch in "«‹「『„" and c not in closers:
                    depth += 1  # a nested mark of the same kind (« … « … » … »)
                elif c in closers and _is_close(text, j, hi):
                    if depth == 0:
                        close = j
                        break
                    depth -= 1
                elif (
                    double
                    and c in DOUBLE_OPENERS
                    and c not in closers
                    and c != ch
                    and c not in "«„「『"
                    and _is_open(text, j, lo)
                ):
                    break  # a new opening double mark before this one closed: this one was stray
                j += 1
            if close < 0 and double and nxt is not None:
                late = _close_in_next(text, nxt, closers)
                if late is not None:  # a quote run on into the next paragraph without reopening there
                    out.append(_mark(text, i, late, double))
                    return out
            if close < 0:
                continues = nxt is not None and text[nxt[0]] in (DOUBLE_OPENERS if double else OPENERS)
                if continues and double:
                    out.append(_mark(text, i, hi, double))
                    return out
                i += 1  # a stray mark: drop it and scan on
                continue
            if close > i + 1:
                out.append(_mark(text, i, close, double))
            i = close + 1
            continue
        i += 1
    return out


def _spaced_straight(text: str, i: int, lo: int, hi: int) -> int:
    """Where a straight double quote written with spaces inside (``dice: " Non è finita "``) closes: the next
    straight double quote in the paragraph, when it stands after a space and before a space, a punctuation mark or
    the paragraph's end, with words between; -1 when ``i`` opens no such quote."""
    before = text[i - 1] if i > lo else " "
    if i + 1 >= hi or text[i + 1] not in " \u00a0" or not (before.isspace() or before in _OPEN_CONTEXT or i == lo):
        return -1
    j = text.find('"', i + 1, hi)
    if j < 0 or text[j - 1] not in " \u00a0" or not any(c.isalpha() for c in text[i + 1 : j]):
        return -1
    after = text[j + 1] if j + 1 < hi else " "
    return j if not (after.isalnum() or after == '"') else -1


_RUN_ON_LIMIT = 1500  # characters of the next paragraph a quote left open may run into


def _close_in_next(text: str, nxt: tuple[int, int], closers: str) -> int | None:
    """Where a double quote left open at a paragraph's end closes in the next paragraph, when that paragraph does not
    open a quotation mark of its own first and does not itself start with one (then the newspaper convention above
    applies); ``None`` when it does not close there."""
    lo, hi = nxt
    if text[lo] in OPENERS:
        return None
    for j in range(lo, min(hi, lo + _RUN_ON_LIMIT)):
        c = text[j]
        if c in closers and _is_close(text, j, hi):
            return j
        if c in DOUBLE_OPENERS and _is_open(text, j, lo):
            return None
    return None


def _mark(text: str, open_: int, close: int, double: bool) -> QuoteMark:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "\x00"):
        end -= 1
    if open_ > 0 and text[open_ - 1] == "\x00":
        open_ -= 1
    return QuoteMark(open_, close, start, end, double)
