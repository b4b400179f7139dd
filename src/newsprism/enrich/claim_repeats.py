"""One claim per figure of an article: the mentions of the same count (a headline and the body, the body and a quote)
are joined into one claim whose ``mentions`` keep every mention's span as evidence.

Two mentions are the same figure when they stand in different sentences, have the same type and the same exact
number, and neither their hedges nor their claimants disagree (one may lack what the other gives or name it in
full: "Erdogan", "Recep Tayyip Erdogan"; a headline's figure joins the body's whatever source each names: "... до 18
— МВС", "... повідомив очільник МВС", and so does a figure that is not round, "14 014" relayed by an outlet and
quoted from an official); two equal counts of
one sentence ("six women and six men") are two figures. The claim kept is the mention
that says most (a claimant, then a hedge, then the earlier one); it takes the hedge and claimant another mention gives
when it has none; its ``claimant_score`` is the highest of the mentions that give that claimant. Vague amounts
(``hundreds``) and counts of ``other`` things (``19 cities``, ``19 hours``) are never joined: two of them need not be
one figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Claim, Span

__all__ = ["join_repeats"]


def _agree(a: str | None, b: str | None) -> bool:
    """Two claimants (or hedges) agree when one is missing or names the other ("Erdogan", "Recep Tayyip Erdogan")."""
    if a is None or b is None:
        return True
    x, y = a.casefold().strip(), b.casefold().strip()
    return x == y or (min(len(x), len(y)) >= 3 and (x in y or y in x))


def _specific(number: float | None) -> bool:
    """A figure no two sources give by chance: not round (``14 014``, ``63 794``, ``18``; not ``500``, ``2000``)."""
    return number is not None and number == int(number) and number > 10 and int(number) % 10 != 0


def _in_headline(text: str, c: Claim) -> bool:
    """The mention stands in the article's first line, a headline with no full stop ("... зросла до 18 — МВС")."""
    end = text.find("\n")
    return 0 <= c.start < end and not re.search(r"[.!?。]\s", text[:end])


_SENTENCE_END = re.compile(r"[.!?。！？؟]\s|[。！？]|\n")


def _apart(text: str, a: Claim, b: Claim) -> bool:
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    return _SENTENCE_END.search(text, lo.end, max(lo.end, hi.start)) is not None


def join_repeats(claims: Sequence[Claim], text: str) -> list[Claim]:
    """``claims`` of ``text`` (in text order) with the repeats of each figure joined (see the module docstring)."""
    groups: list[list[Claim]] = []
    by_key: dict[tuple[str, float], list[list[Claim]]] = {}
    for c in claims:
        if c.number is None or c.type == "other":
            groups.append([c])
            continue
        key = (c.type, float(c.number))
        for group in by_key.get(key, []):
            if all(
                _apart(text, c, o)
                and _agree(c.hedge, o.hedge)
                and (_agree(c.claimant, o.claimant) or _in_headline(text, o) or _specific(c.number))
                for o in group
            ):
                group.append(c)
                break
        else:
            group = [c]
            groups.append(group)
            by_key.setdefault(key, []).append(group)
    out: list[Claim] = []
    for group in groups:
        if len(group) == 1:
            out.append(group[0])
            continue
        best = min(group, key=lambda c: (c.claimant is None, c.hedge is None, c.start))
        best.hedge = best.hedge or next((c.hedge for c in group if c.hedge), None)
        if best.claimant is None:
            source = next((c for c in group if c.claimant), None)
            if source is not None:
                best.claimant, best.claimant_score = source.claimant, source.claimant_score
        scores = [c.claimant_score for c in group if c.claimant == best.claimant and c.claimant_score is not None]
        if best.claimant is not None and scores:
            best.claimant_score = max(scores)  # a mention that names the source in its own clause
        best.claimant_id = best.claimant_id or next((c.claimant_id for c in group if c.claimant_id), None)
        ordered = [best, *(c for c in group if c is not best)]
        best.mentions = [Span(c.article_id, c.start, c.end, c.text) for c in ordered]
        out.append(best)
    return sorted(out, key=lambda c: c.start)
