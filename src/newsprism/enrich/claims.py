"""Numeric claims: which figures an article reports, of what, on whose authority and how sure (``claims.rules.v1``).

In the tradition of GDELT's counts (killed, wounded, arrested, ...) but with the evidence GDELT drops: each
:class:`~newsprism.model.Claim` has the number (or a ``number_low``/``number_high`` range for ``dozens``,
``hundreds``), what is counted (``object``), the claim ``type``, who says so (``claimant``), the ``hedge``
(``some``, ``at least``, ``more than`` ...), the period referred to (``when``) and, for deployments and
destruction, the ``actor`` who did it.

Rules (English, over the shared spaCy parse; lexicons in ``resources/claims.yaml``):

* Numbers come from :func:`newsprism.enrich.numbers.find_numbers`. Years, dates, times, ages, ordinals, money,
  footnote marks (``[1]``), year ranges (``1941-1945``) and measures (``29 years``, ``1,500 miles``) are not counts.
  **Percentages are not reported**: a share of a population is not a count of people or things, and the claim
  types are counts. A four-digit number that looks like a year counts only when it directly counts a noun
  (``2030 военнослужащих``, ``2000 troops``).
* The counted noun is the noun the number modifies (``164 civilians``), the object of ``of`` (``19 of Kazakhstan's
  31 cities`` -> ``cities``) or, for a bare number (``hundreds more were wounded``), the object of the previous claim
  in the sentence. Coordinated nouns stay together (``businesses and banks``).
* The type comes from the verb that governs the counted noun (``were killed``, ``were arrested``, ``sending``), an
  adjective (``dead``, ``missing``) or the noun itself (``deaths``, ``troops``, ``protesters``); else ``other``.
* The claimant is the subject of a reporting verb above the number (``Officials have reported that ...``) or the
  object of ``according to``. A claimant stated in one sentence carries to the following sentences of the same
  paragraph that report figures without a source of their own.

Russian (and any language without a parse) uses window rules: type stems, hedges and ``по данным X`` claimants
near the number.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources as ilr
from typing import TYPE_CHECKING, Any

import yaml

from ..model import Claim, Item
from . import claim_types, nlp
from .claim_repeats import join_repeats
from .claim_window import (
    OWN_CLAUSE,
    OWN_SENTENCE,
    PARAGRAPH,
    CueLexicon,
    cue_matches,
    extract_window_claims,
    load_cues,
)
from .lemmas import Token, doc_tokens, lemmatizer
from .mentions import MentionIndex, doc_mentions, np_bounds, token_at
from .numbers import NumberMention, find_numbers

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry

__all__ = ["COMPONENT", "ClaimLexicon", "extract_claims", "load_lexicon", "register"]

COMPONENT = "claims.rules.v1"


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    verbs: dict[str, str]  # lemma -> type
    nouns: dict[str, str]
    adjectives: dict[str, str]
    hedges: tuple[str, ...]
    clause_hedges: frozenset[str]
    claim_verbs: frozenset[str]
    according: tuple[str, ...]
    not_counted: frozenset[str]
    people_nouns: frozenset[str]


def _data() -> dict[str, Any]:
    text = ilr.files("newsprism.enrich").joinpath("resources/claims.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def load_lexicon(resources: Resources | None = None) -> ClaimLexicon:
    """The lexicon of ``resources/claims.yaml`` (cached on ``resources`` when given)."""

    def build(_: Any = None) -> ClaimLexicon:
        data = _data()
        en = data["en"]
        verbs: dict[str, str] = {}
        nouns: dict[str, str] = {}
        adjs: dict[str, str] = {}
        for ctype, spec in en["types"].items():
            for v in spec.get("verbs", []):
                verbs.setdefault(v, ctype)
            for n in spec.get("nouns", []):
                nouns.setdefault(n, ctype)
            for a in spec.get("adjectives", []):
                adjs.setdefault(a, ctype)
        by_len = sorted(en["hedges"], key=len, reverse=True)
        return ClaimLexicon(
            verbs=verbs,
            nouns=nouns,
            adjectives=adjs,
            hedges=tuple(by_len),
            clause_hedges=frozenset(en["clause_hedges"]),
            claim_verbs=frozenset(en["claim_verbs"]),
            according=tuple(en["according"]),
            not_counted=frozenset(str(x).casefold() for x in en["not_counted"]),
            people_nouns=frozenset(en["people_nouns"]),
        )

    return resources.get("claims.lexicon", build) if resources is not None else build()


# ---------------------------------------------------------------------------------------------- English, parsed
def _hedge(text: str, start: int, sent_start: int, lex: ClaimLexicon) -> str | None:
    before = text[sent_start:start]
    for h in lex.hedges:
        m = re.search(r"(?:^|[\s(,;:—–-])(" + re.escape(h) + r")\s*$", before, re.I)
        if m:
            return m.group(1)
    window = before.split()[-8:]
    for w in window:
        if w.casefold().strip(",.") in lex.clause_hedges:
            return w.strip(",.")
    return None


def _num_tokens(parsed: Any, n: NumberMention) -> list[Any]:
    i, j = token_at(parsed, n.start), token_at(parsed, max(n.start, n.end - 1))
    return list(parsed[i : j + 1])


def _counted_noun(toks: list[Any]) -> tuple[Any, bool]:
    """(noun counted by the number, whether the number is the noun itself)."""
    last = toks[-1]
    head = last.head
    if (
        last.dep_ in {"nummod", "quantmod", "compound", "amod"}
        and head.i > last.i
        and head.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"}
    ):
        while head.dep_ in {"nummod", "quantmod"} and head.head.i > head.i:
            head = head.head
        return head, False
    of = next((c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj, False
    return last, True


def _object_text(text: str, noun: Any) -> str:
    """The counted noun with its adjectives/compounds and coordinated nouns (``businesses and banks``)."""
    left = noun.i
    for c in noun.children:
        if c.i < noun.i and c.dep_ in {"amod", "compound"} and not c.like_num:
            left = min(left, c.left_edge.i if not any(t.like_num for t in c.subtree) else c.i)
    right = noun.i
    for c in sorted(noun.children, key=lambda t: t.i):
        between = noun.doc[right + 1 : c.i]
        if (
            c.dep_ == "conj"
            and c.i > noun.i
            and c.pos_ in {"NOUN", "PROPN"}
            and len(between) <= 3
            and all(t.dep_ in {"cc", "punct", "amod", "compound", "det"} for t in between)
        ):
            right = c.i  # "businesses and banks", not "women and six men vied for the post, but the front-runners"
    doc = noun.doc
    while left < noun.i and (doc[left].like_num or doc[left].is_punct):
        left += 1
    return text[doc[left].idx : doc[right].idx + len(doc[right].text)]


def _is_toll(num: Any, gov: Any) -> bool:
    """The number is the value of a death toll: ``the toll rose to 225``, ``a death toll of 225``."""
    if num.head.lower_ == "of" and num.head.head.lemma_.lower() == "toll":
        return True
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() == "toll" for c in gov.children)


def _governor(tok: Any) -> Any:
    """The verb (or predicate adjective) that governs ``tok``."""
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return cur if cur.pos_ in {"VERB", "AUX", "ADJ"} else None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"} or (cur.pos_ == "ADJ" and cur.dep_ in {"ROOT", "acomp", "conj"}):
            return cur
    return None


def _type_of(noun: Any, gov: Any, lex: ClaimLexicon) -> str:
    lemma = noun.lemma_.lower()
    words = {noun.lower_, lemma}
    for c in noun.children:  # "civilians killed", "people detained"
        if "\n" in noun.doc.text[min(c.idx, noun.idx) : max(c.idx, noun.idx)]:
            continue  # a headline's "243 hurt" parsed onto the next line's "Eighteen people"
        if c.dep_ in {"acl", "amod", "relcl"} and c.lemma_.lower() in lex.verbs:
            t = lex.verbs[c.lemma_.lower()]
            if t != "troops":
                return t
        if c.dep_ == "amod" and c.lower_ in lex.adjectives:
            return lex.adjectives[c.lower_]
    if gov is not None:
        g = gov.lemma_.lower()
        if gov.pos_ == "ADJ" and gov.lower_ in lex.adjectives:
            return lex.adjectives[gov.lower_]
        for c in gov.children:
            if c.dep_ in {"acomp", "oprd"} and c.lower_ in lex.adjectives:
                return lex.adjectives[c.lower_]
        if g in lex.verbs:
            t = lex.verbs[g]
            if t == "troops" and not words & {k for k, v in lex.nouns.items() if v == "troops"}:
                t = ""  # "sending 2,500 letters" is no deployment
            if (
                t == "protesters"
                and not words & {k for k, v in lex.nouns.items() if v == "protesters"}
                and lemma not in lex.people_nouns
            ):
                t = ""
            if t == "destroyed" and g == "set" and not any(c.lower_ == "fire" for c in gov.subtree):
                t = ""
            if t:
                return t
    for w in words:
        if w in lex.nouns:
            return lex.nouns[w]
    return "other"


def _climb_subject(tok: Any) -> Any:
    """The subject of the clause holding ``tok``, through ``by sending``-style prepositional clauses too (then the
    main clause's subject, the first one after the verb in its sentence)."""
    cur = tok
    for _ in range(8):
        subj = next((c for c in cur.children if c.dep_ in {"nsubj"}), None)
        if subj is not None and subj.i != tok.i:
            return subj
        if cur.head is cur:
            break
        if cur.dep_ == "pcomp" and cur.head.lower_ in {"by", "after", "before", "while"}:
            for t in tok.sent:
                if t.i > tok.i and t.dep_ == "nsubj" and t.pos_ in {"PROPN", "NOUN"}:
                    return t
        cur = cur.head
    return None


def _claimant_en(parsed: Any, text: str, toks: list[Any], sent: Any, lex: ClaimLexicon) -> tuple[str, int, int] | None:
    low = sent.text.casefold()
    for phrase in lex.according:
        k = low.find(phrase)
        if k >= 0:
            last = parsed[token_at(parsed, sent.start_char + k + len(phrase) - 1)]  # "to" of "according to"
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if obj is None:  # the parse did not attach it: the first noun after the phrase
                obj = parsed[token_at(parsed, sent.start_char + k + len(phrase))]
                while obj.i + 1 < sent.end and obj.pos_ not in {"NOUN", "PROPN"}:
                    obj = parsed[obj.i + 1]
            s, e = _with_cited(parsed, text, *np_bounds(obj), sent.end_char)
            return text[s:e], s, e
    cur = toks[-1]
    for _ in range(8):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in lex.claim_verbs:
            subj = next((c for c in cur.children if c.dep_ in {"nsubj"}), None)
            if subj is None:  # "was announced by the regional governor": the passive's agent
                by = next((c for c in cur.children if c.dep_ == "agent"), None)
                subj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if subj is not None and subj.pos_ in {"NOUN", "PROPN"} and not any(t.i == subj.i for t in toks):
                s, e = _with_cited(parsed, text, *np_bounds(subj), sent.end_char)
                return text[s:e], s, e
            line = _line_subject(parsed, text, cur)
            if line is not None:
                return text[line[0] : line[1]], line[0], line[1]
    return None


def _line_subject(parsed: Any, text: str, verb: Any) -> tuple[int, int] | None:
    """The words that open the verb's line when they are a plain noun phrase ("The Libyan Red Crescent | said"): the
    subject when the parse ran a headline into the next line and took a headline word for it."""
    line_start = text.rfind("\n", 0, verb.idx) + 1
    words = [t for t in parsed[max(0, verb.i - 7) : verb.i] if t.idx >= line_start]
    if not words or words[0].idx != line_start + len(text[line_start : words[0].idx]) - len(
        text[line_start : words[0].idx].lstrip()
    ):
        return None
    if not all(t.pos_ in {"DET", "ADJ", "PROPN", "NOUN"} for t in words) or words[-1].pos_ not in {"PROPN", "NOUN"}:
        return None
    if line_start == text.rfind("\n", 0, parsed[verb.sent.start].idx) + 1:
        return None  # the sentence starts on this line: its parse is whole, and its subject was not a noun
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _with_cited(parsed: Any, text: str, s: int, e: int, limit: int) -> tuple[int, int]:
    """A claimant and the source it cites, as one phrase ("state television citing the interior ministry")."""
    m = re.match(r",?\s+(?:citing|quoting)\s+", text[e:limit])
    if m is None:
        return s, e
    cue = parsed[token_at(parsed, e + m.start() + m.group(0).index(m.group(0).strip()[0]))]
    obj = next((c for c in cue.children if c.dep_ in {"dobj", "pobj"}), None)
    if obj is None:
        obj = parsed[token_at(parsed, e + m.end())]
        while obj.i + 1 < len(parsed) and obj.idx < limit and obj.pos_ not in {"NOUN", "PROPN"}:
            obj = parsed[obj.i + 1]
    if obj.pos_ not in {"NOUN", "PROPN"} or obj.idx >= limit:
        return s, e
    return s, min(limit, np_bounds(obj)[1])


def _sentence_source(parsed: Any, text: str, sent: Any, lex: ClaimLexicon) -> str | None:
    """The source a sentence without figures names (the subject of its reporting verb, the object of ``according
    to``), so a claimant named before it is not carried past it to later figures."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.claim_verbs:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
                s, e = np_bounds(subj)
                if _valid_claimant_en(text, s, e):
                    return _clean(text[s:e])
    return None


def _clean(phrase: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", phrase.strip())


_PRONOUNS = frozenset(
    ["it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "who", "which", "one"]
)


def _valid_claimant_en(text: str, start: int, end: int) -> bool:
    """Not a pronoun ("It said"), not an all-caps dateline at the start of a line ("MOSCOW (Reuters) -")."""
    phrase = text[start:end].strip()
    if not phrase or phrase.casefold() in _PRONOUNS or phrase.split()[0].casefold() in _PRONOUNS - {"one"}:
        return False
    letters = [ch for ch in phrase if ch.isalpha()]
    line_start = text.rfind("\n", 0, start) + 1
    return not (len(letters) > 4 and all(ch.isupper() for ch in letters) and not text[line_start:start].strip())


def _subject_en(claim: Claim, text: str, cues: CueLexicon, resources: Resources | None) -> str | None:
    """The subject class of an English claim from its counted noun (see ``Claim.subject``)."""
    if claim.type in {"destroyed", "other"}:
        return None
    obj = claim.object or ""
    toks = lemmatizer(resources).tokenize(obj, "en")
    classes = {m.label[5:] for m in cues.matcher.find(toks) if m.label.startswith("noun:")}
    near = lemmatizer(resources).tokenize(text[max(0, claim.start - 60) : claim.end + 60], "en")
    foreign = (
        any(m.label == "foreign" for m in cues.matcher.find(near))
        or (
            claim.type == "troops"  # troops sent to a country ("sending 2,500 troops to help defend Kazakhstan")
            and re.match(
                r"[^.;]{0,12}\b(?:to|into)\s+(?:help\s+(?:defend|protect|secure)\s+)?(?:the\s+)?[A-Z]",
                text[claim.end : claim.end + 60],
            )
            is not None
        )
    )
    if "foreign_troops" in classes or ("troops" in classes and foreign):
        return "foreign_troops"
    for cls in ("protesters", "civilians", "security_forces", "troops"):
        if cls in classes:
            return "security_forces" if cls == "troops" else cls
    if "killed" in classes or (claim.type == "killed" and obj in {"", "deaths"}):
        return "total"
    return "unspecified"


def _place(ents: Sequence[Any], text: str) -> str | None:
    """The first place of the sentence (its entities ``ents``) under a locative preposition (``in Kazakhstan``,
    ``across Almaty``)."""
    for e in ents:
        if e.label_ in {"GPE", "LOC"} and re.search(
            r"\b(?:in|across|throughout|at|near)\s+(?:the\s+)?$", text[max(0, e.start_char - 16) : e.start_char]
        ):
            return str(re.sub(r"[’']s$", "", e.text))
    return None


def _when(ents: Sequence[Any], n: NumberMention) -> str | None:
    dates = [e for e in ents if e.label_ == "DATE" and not (e.start_char <= n.start < e.end_char)]
    if not dates:
        return None
    best = min(dates, key=lambda e: abs(e.start_char - n.start))
    return str(best.text)


def _extract_parsed(
    text: str,
    parsed: Any,
    lex: ClaimLexicon,
    article_id: str,
    mentions: MentionIndex,
    impersonal: Sequence[int] = (),
) -> list[Claim]:
    """The parse rules' claims; ``impersonal``: offsets of impersonal report cues ("it was reported"): a sentence with
    one and no source of its own gets no claimant and ends the carried one."""
    numbers = find_numbers(text, "en")
    out: list[Claim] = []
    sents = list(parsed.sents)
    carried: tuple[str, int] | None = None  # (claimant, paragraph start)
    by_sent: dict[int, list[NumberMention]] = {}
    sent_starts = [s.start_char for s in sents]
    for n in numbers:
        k = bisect_right(sent_starts, n.start) - 1  # sentences are in order and apart
        if k >= 0 and n.start < sents[k].end_char:
            by_sent.setdefault(k, []).append(n)
    ents = nlp.EntityIndex(parsed)
    for k, sent in enumerate(sents):
        para = text.rfind("\n", 0, sent.start_char) + 1
        if carried is not None and carried[1] != para:
            carried = None
        prev_obj: str | None = None
        prev_type: str | None = None
        own_any: tuple[str, int, int] | None = None
        sent_ents = ents.within(sent) if k in by_sent else []
        unnamed = any(sent.start_char <= i < sent.end_char for i in impersonal)
        if k not in by_sent:
            if carried is not None and (unnamed or _sentence_source(parsed, text, sent, lex) not in {None, carried[0]}):
                carried = None  # another source spoke since, or "it was reported": the earlier one is not carried on
            continue
        for n in by_sent.get(k, []):
            if n.shape not in {"count", "year"}:
                continue
            if claim_types.names_a_thing(text, n.start, n.end, "en"):
                continue  # "School No. 15", "Article 212": a label, not a count
            toks = _num_tokens(parsed, n)
            if not toks:
                continue
            noun, bare = _counted_noun(toks)
            if not bare and "\n" in text[min(n.end, noun.idx) : max(n.start, noun.idx)]:
                noun, bare = toks[-1], True  # a headline's "243 hurt" does not count the next line's "people"
            follow = text[n.end : n.end + 12].casefold().lstrip()
            if (
                any(
                    follow.startswith(u + " ")
                    or follow.startswith(u + ".")
                    or follow.startswith(u + ",")
                    or follow == u
                    for u in lex.not_counted
                )
                or noun.lower_ in lex.not_counted
                or noun.lemma_.lower() in lex.not_counted
            ):
                continue
            if noun.ent_type_ in {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY"} and not bare:
                continue
            if n.shape == "year" and (
                bare or noun.i != toks[-1].i + 1 or noun.lower_ not in lex.people_nouns | set(lex.nouns)
            ):
                continue  # a year, unless it directly counts people or troops ("2000 troops")
            obj = None if bare else _object_text(text, noun)
            if bare and prev_obj is not None and (n.value is None or toks[-1].dep_ in {"conj", "nsubj", "nsubjpass"}):
                obj = prev_obj  # "Seven policemen died and hundreds more were wounded"
            gov = _governor(noun)
            if gov is not None and "\n" in text[min(gov.idx, noun.idx) : max(gov.idx, noun.idx)]:
                gov = None  # a headline parsed as one sentence with the line after it
            ctype = _type_of(noun, gov, lex)
            if bare and gov is not None and _is_toll(toks[-1], gov):  # "the death toll rose to 225"
                ctype, obj = "killed", obj or "deaths"
            if ctype == "other" and prev_type is not None and not bare and noun.head.lower_ in {"including", "among"}:
                ctype = prev_type  # "227 people died, including 19 police officers"
            if (obj is None and ctype == "other") or (ctype == "other" and (n.value or 0) <= 2):
                continue
            if ctype == "other" and (noun.tag_ not in {"NNS", "NNPS"} or noun.text[:1].isupper()):
                continue  # "225 A free daily digest", "70 Main Street": no count of things
            claimant = _claimant_en(parsed, text, toks, sent, lex)
            if claimant is not None and not _valid_claimant_en(text, claimant[1], claimant[2]):
                claimant = None
            if claimant is not None:
                own_any = claimant
            elif own_any is not None:
                claimant = own_any
            name: str | None = None
            claimant_score: float | None = None
            if claimant is not None:
                name = _clean(claimant[0])
                claimant_score = OWN_SENTENCE if re.search(r"[;]", _between(text, claimant, n)) else OWN_CLAUSE
            elif carried is not None and not unnamed:
                name, claimant_score = carried[0], PARAGRAPH
            actor = None
            if (
                ctype in {"troops", "destroyed", "arrested", "killed", "wounded"}
                and gov is not None
                and noun.dep_ == "dobj"
            ):
                subj = _climb_subject(gov)
                if subj is not None and subj.i not in {t.i for t in toks} and subj.i != noun.i:
                    s, e = np_bounds(subj)
                    actor = mentions.name_at(s, e) or _clean(text[s:e])
            score = 0.85 if ctype != "other" else 0.6
            if n.value is None:
                score -= 0.15
            out.append(
                Claim(
                    article_id=article_id,
                    start=n.start,
                    end=(noun.idx + len(noun.text)) if not bare and noun.idx > n.start else n.end,
                    text="",
                    score=round(score, 3),
                    component=COMPONENT,
                    type=ctype,
                    number=n.value,
                    number_low=n.low,
                    number_high=n.high,
                    number_text=n.text,
                    object=obj,
                    claimant=name,
                    claimant_score=claimant_score,
                    hedge=_hedge(text, n.start, sent.start_char, lex),
                    when=_when(sent_ents, n),
                    actor=actor,
                    claimant_id=mentions.ids.get(name or ""),
                    place=_place(sent_ents, text),
                )
            )
            prev_obj = obj
            prev_type = ctype
        if own_any is not None:
            carried = (_clean(own_any[0]), para)
        elif unnamed:
            carried = None
    for c in out:
        c.text = text[c.start : c.end]
    return out


def _between(text: str, claimant: tuple[str, int, int], n: NumberMention) -> str:
    lo, hi = (claimant[2], n.start) if claimant[2] <= n.start else (n.end, claimant[1])
    return text[lo:hi]


def _guess_lang(text: str) -> str:
    """English or Russian, for callers that do not say (the language is the article's, normally)."""
    cyr = sum(1 for ch in text[:2000] if "\u0400" <= ch <= "\u04ff")
    return "ru" if cyr > 20 else "en"


def extract_claims(
    text: str,
    *,
    lang: str | None = None,
    parsed: Any = None,
    entities: Sequence[Item] = (),
    mentions: MentionIndex | None = None,
    article_id: str = "",
    lexicon: ClaimLexicon | None = None,
    tokens: Sequence[Token] | None = None,
    resources: Resources | None = None,
) -> list[Claim]:
    """Numeric claims in ``text`` (see the module docstring). ``lang``: the article's language; English with a
    spaCy parse (``parsed``) uses the parse rules, every other language (and English without a parse) the window
    rules of :mod:`newsprism.enrich.claim_window`. ``tokens``: the article's lemmatised tokens, when computed. A figure
    the article repeats is one claim with every mention in ``mentions`` (:mod:`newsprism.enrich.claim_repeats`)."""
    code = (lang or _guess_lang(text)).lower()
    if code != "en" or parsed is None or len(parsed) == 0 or not parsed.has_annotation("DEP"):
        return join_repeats(
            extract_window_claims(
                text, code, tokens=tokens, resources=resources, article_id=article_id, component=COMPONENT
            ),
            text,
        )
    lex = lexicon or load_lexicon(resources)
    if mentions is None:
        mentions = MentionIndex(text, entities=entities, parsed=parsed)
    cues = load_cues("en", resources)
    toks = tokens if tokens is not None else lemmatizer(resources).tokenize(text, "en")
    impersonal = [m.start for m in cue_matches(cues, toks, text) if m.label == "impersonal"]
    out = _extract_parsed(text, parsed, lex, article_id, mentions, impersonal)
    for c in out:
        c.subject = _subject_en(c, text, cues, resources)
    return join_repeats(_with_window(out, text, cues, toks, resources, article_id), text)


def _with_window(
    parsed_claims: list[Claim],
    text: str,
    cues: CueLexicon,
    tokens: Sequence[Token] | None,
    resources: Resources | None,
    article_id: str,
) -> list[Claim]:
    """The parse rules' claims, completed by the window rules: a count the parse left as ``other`` takes the window's
    type ("5,300 individuals are believed to be killed"), and a count of people the parse missed is added ("10,000
    are still missing"). A count of freed or accused people is no count of arrests (:mod:`.claim_types`)."""
    toks = tokens if tokens is not None else lemmatizer(resources).tokenize(text, "en")
    parsed_claims = claim_types.drop_non_arrests(parsed_claims, text, "en", cues.matcher.find(toks, text))
    window = extract_window_claims(
        text, "en", tokens=tokens, lexicon=cues, resources=resources, article_id=article_id, component=COMPONENT
    )
    by_start = {c.start: c for c in parsed_claims}
    out = list(parsed_claims)
    for w in window:
        p = by_start.get(w.start)
        if p is None:
            if w.type != "other":
                w.text = text[w.start : w.end]
                out.append(w)
        elif p.type == "other" and w.type not in {"other", "destroyed"}:
            p.type, p.subject = w.type, w.subject
            if p.claimant is None and w.claimant is not None:
                p.claimant, p.claimant_score = w.claimant, w.claimant_score
    return sorted(out, key=lambda c: c.start)


class ClaimStage:
    """The ``claims.rules.v1`` stage."""

    def __init__(self, *, resources: Resources) -> None:
        self.resources = resources

    def prepare(self, docs: Sequence[Doc]) -> None:
        nlp.prepare_parses([d for d in docs if (d.article.language or "en").lower() == "en"])

    def __call__(self, doc: Doc) -> list[Item]:
        lang = (doc.article.language or "en").lower()
        if lang != "en":
            found = extract_claims(
                doc.article.body,
                lang=lang,
                tokens=doc_tokens(doc),
                article_id=doc.article.id,
                resources=self.resources,
            )
            return list(found)
        claims = extract_claims(
            doc.article.body,
            lang="en",
            parsed=nlp.parse(doc),
            entities=doc.items("entities"),
            mentions=doc_mentions(doc),
            article_id=doc.article.id,
            lexicon=load_lexicon(self.resources),
            resources=self.resources,
        )
        return list(claims)


def register(registry: Registry) -> None:
    registry.register(
        COMPONENT,
        "stage",
        requires=("entities?", "parse"),
        produces=("claims",),
        order=62,
        description="numeric claims (killed, arrested, troops ...) with object, claimant, hedge and span",
    )(ClaimStage)
