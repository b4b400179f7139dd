"""Who says a quote: the cue (reporting verb) and the speaker phrase around a quotation, from the spaCy parse.

:class:`Attributor` finds, around each quote (back to the previous sentence end, on to the next, inside the
paragraph), the nearest cue (a reporting verb from ``resources/cues.yaml``, ``made it clear``, ``according to``)
outside the quote, preferring one whose syntactic subtree holds the quote; the speaker is the cue's subject (or the
object of ``according to``), or the name phrase right beside the cue (``“...,” said Jordan``, ``“...,” Tulsa police
Chief Chuck Jordan said``). Layout shows a speaker too: ``“...” ― Name`` and transcripts (``PENCE: ...``).
:func:`speaker_name` names the phrase: an entity overlapping it (its canonical name), else a person or organisation
from the parse widened to the fullest form of that name in the article; ``he``/``she`` resolves to the nearest
fitting person of that gender before it (kept as the pronoun, with a lower score, when no person fits).

The quotes the quote model keeps are attributed once more (:meth:`Attributor.refined`, then
:meth:`Attributor.sentence_subject` and :meth:`Attributor.shaped`): a wider subject search (past ``issued a statement
describing``, ``by ...-ing``, a reporting aside, the reporter of a clause, a poll or a share of people), the previous
sentence's subject for a quote with no cue, and the whole of an apposition or a coordination. The candidates the
model judges keep the first attribution, so its features stay those it was trained on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .mentions import MentionIndex, np_bounds, token_at
from .quote_marks import QuoteMark

if TYPE_CHECKING:
    from .quotes import Cues

__all__ = ["PRONOUNS_PERSON", "Attribution", "Attributor", "layout_speaker", "speaker_name"]

PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}


@dataclass(slots=True)
class Attribution:
    cue: str
    cue_i: int
    speaker_start: int
    speaker_end: int
    linked: bool
    name_span: tuple[int, int] | None = None  # what names the speaker when the phrase is "who" (its antecedent)


def _subject(verb: Any, *, refine: bool = False) -> Any:
    """The subject of ``verb``, climbing through xcomp/conj/advcl/relcl heads when the verb has none; ``refine``
    climbs on past a noun of what someone issued and a preposition (see :meth:`Attributor.refined`)."""
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if len(subjects) > 1:  # a parse run over a paragraph break: the subject on the verb's own line, nearest
            doc = tok.doc
            same = [c for c in subjects if "\n" not in doc[min(c.i, tok.i) : max(c.i, tok.i) + 1].text]
            subjects = sorted(same or subjects, key=lambda c: abs(c.i - tok.i))
        for child in subjects:
            if child.dep_ == "nsubjpass":  # "Sanders was asked by host Bill Maher": the agent speaks
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if pobj is not None:
                    return pobj
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                if child.lower_ in {"who", "that", "which", "what", "whom"}:
                    return child if tok.dep_ == "relcl" else None
                if child.ent_type_ in {"TIME", "DATE", "CARDINAL", "MONEY", "PERCENT"} or child.pos_ == "NUM":
                    if refine and (child.ent_type_ in {"CARDINAL", "PERCENT"} or child.pos_ == "NUM"):
                        return _survey(tok) or child  # "In a Pew poll, 75 percent said ...": the poll, else them
                    return None
                if refine and child.i < tok.i and "\n" in tok.doc[child.i : tok.i].text:
                    return _on_the_line(child, tok)
                return child
        if tok.dep_ in {"xcomp", "conj", "advcl", "ccomp", "acl", "pcomp"} and tok.head is not tok:
            if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"}:
                if tok.head.pos_ == "PROPN" and tok.tag_ == "VBG":  # "footage of Hillary Clinton asking, ..."
                    return tok.head
                for child in tok.head.children:
                    if child.dep_ == "poss":
                        return child
                noun = tok.head  # "X issued a statement describing ...": whoever issued it
                if (
                    refine
                    and noun.lemma_.lower() in _ISSUED
                    and noun.dep_ in {"dobj", "obj"}
                    and noun.head.pos_ == "VERB"
                ):
                    tok = noun.head
                    continue
            if refine and tok.dep_ == "pcomp" and tok.head.lower_ in _MEANS and tok.head.head.pos_ in {"VERB", "AUX"}:
                tok = tok.head.head  # "X did it by proposing ...": the verb the preposition hangs on
                continue
            tok = tok.head
            continue
        if tok.dep_ == "relcl":
            return tok.head
        break
    return None


#: nouns of a group that "they" can stand for
_GROUPS = {
    "army",
    "campaign",
    "group",
    "party",
    "team",
    "administration",
    "committee",
    "coalition",
    "council",
    "government",
    "company",
    "organization",
    "organisation",
    "crowd",
    "union",
    "board",
    "staff",
    "family",
}


_TIMES = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _plural_before(they: Any) -> Any:
    """What ``they`` stands for in its own sentence: the nearest subject before it that is plural, a group or an
    organisation (``Clinton’s campaign is contrasting her plans with what they call “...”`` -> the campaign)."""
    sent = they.sent
    for tok in reversed(sent[: they.i - sent.start]):
        if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.pos_ not in {"NOUN", "PROPN"} or tok.ent_type_ in _TIMES:
            continue
        if tok.tag_ in {"NNS", "NNPS"} or tok.ent_type_ in {"ORG", "NORP"} or tok.lemma_.lower() in _GROUPS:
            return tok
    return None


def _survey(verb: Any) -> Any:
    """``In a September poll, 75 percent of Republicans said ...``: the poll (or survey, study) the clause is in."""
    for node in (verb, verb.head):
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in {"poll", "survey", "study"}:
                    return obj
    return None


def _on_the_line(subj: Any, verb: Any) -> Any:
    """A subject the parse found on an earlier line (a heading run on into the paragraph): the part of its phrase
    on the verb's own line (``The Latest: ...\n\nDonald Trump has delivered ...`` -> Trump), else none."""
    doc = verb.doc
    start = max(k for k in range(subj.i, verb.i) if "\n" in doc[k].text or "\n" in doc[k].whitespace_) + 1
    k = verb.i - 1
    while k >= start and (doc[k].is_punct or doc[k].pos_ in {"AUX", "ADV", "PART"}):
        k -= 1
    if k < start or doc[k].pos_ not in {"PROPN", "NOUN"} or doc[k].dep_ not in {"appos", "conj", "nsubj"}:
        return None
    return doc[k] if subj.left_edge.i <= k <= subj.right_edge.i else None


#: verbs of a retort with "back" ("fired back", "shot back", "hit back"), cues in the refined search
_BACK = {"fire", "shoot", "hit", "push", "snap", "strike", "punch"}

#: nouns of what someone issues; the one who issued it says what it describes
_ISSUED = {"statement", "release", "letter", "tweet", "message", "memo"}
#: prepositions of a participle that does what the clause's subject does ("X did it by proposing ...")
_MEANS = {"by", "in", "for", "while", "when", "after", "before"}


def _antecedent(subj: Any) -> tuple[int, int] | None:
    """For a relative pronoun subject (``McConnell, who said``), the phrase it stands for; a description in
    apposition to a name stands for the name (``Bob Lee, a delegate who said`` -> Bob Lee)."""
    if subj.lower_ in {"who", "that", "which"} and subj.head.dep_ == "relcl":
        ante = subj.head.head
        if ante.dep_ == "appos" and ante.head.pos_ == "PROPN" and ante.head.i < ante.i:
            ante = ante.head
        return np_bounds(ante)
    return None


_SPEAKER_PRONOUNS = {"he", "she", "they", "i", "we"}
_REFLEXIVES = {"himself", "herself", "themselves", "itself"}
_BOUND_PRONOUNS = {"he", "she", "they"}


def _speaker_like(tok: Any) -> bool:
    """A subject that can speak: a name, a personal pronoun, or a noun naming people or an organisation."""
    if tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in _SPEAKER_PRONOUNS
    return tok.pos_ == "NOUN" and any(c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN" for c in tok.children)


class Attributor:
    def __init__(self, text: str, parsed: Any, cues: Cues, marks: Sequence[QuoteMark]) -> None:
        self.text = text
        self.parsed = parsed
        self.cues = cues
        #: climb further for a subject (speakers of the quotes kept; the candidates' features stay as trained)
        self.refine = False
        self.inside = [False] * len(parsed)
        for m in marks:
            for i in range(token_at(parsed, m.open), len(parsed)):
                if parsed[i].idx >= m.close + 1:
                    break
                self.inside[i] = True

    def is_cue(self, tok: Any) -> str | None:
        lemma = tok.lemma_.lower()
        if tok.lower_ in {"said", "says"}:
            return str(tok.text)
        if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
            if self.refine and lemma in _BACK and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "back":
                return f"{tok.text} back"  # "Rubio fired back: “...”"
            if lemma in self.cues.phrases:
                for t in tok.doc[tok.i + 1 : tok.i + 4]:
                    if t.lower_ in self.cues.phrases[lemma]:
                        return f"{tok.text} {t.text}" if t.i == tok.i + 1 else f"{tok.text} ... {t.text}"
            if lemma in self.cues.verbs:
                return str(tok.text)
            said = next(
                (c for c in tok.children if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in self.cues.nouns), None
            )
            if said is not None and tok.pos_ == "VERB":
                return f"{tok.text} {said.text}"  # "X issued a statement: “...”"
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return "according to"
        return None

    def window(self, mark: QuoteMark) -> tuple[int, int]:
        """Token range around the quote: back to the previous sentence end, on to the next, inside the paragraph."""
        text = self.text
        p_lo = text.rfind("\n", 0, mark.open) + 1
        p_hi = text.find("\n", mark.close)
        p_hi = len(text) if p_hi < 0 else p_hi
        lo = token_at(self.parsed, p_lo)
        hi = token_at(self.parsed, p_hi)
        qi = token_at(self.parsed, mark.open)
        qj = token_at(self.parsed, max(mark.close, mark.open + 1))
        left = qi
        while left > lo:
            t = self.parsed[left - 1]
            if not self.inside[left - 1] and t.text in {".", "!", "?"} and left - 1 < qi - 1:
                break
            left -= 1
        right = qj + 1
        while right < hi:
            t = self.parsed[right]
            right += 1
            if t.text in {".", "!", "?"} and not self.inside[t.i]:
                break
        return left, right

    def attribute(self, mark: QuoteMark) -> Attribution | None:
        parsed = self.parsed
        left, right = self.window(mark)
        qi = token_at(parsed, mark.start)
        qj = token_at(parsed, max(mark.end - 1, mark.start))
        quote_toks = set(range(qi, qj + 1))
        best: tuple[tuple[int, int, int], Attribution] | None = None
        for i in range(left, right):
            if i in quote_toks or self.inside[i]:
                continue
            tok = parsed[i]
            cue = self.is_cue(tok)
            if cue is None:
                continue
            if cue == "according to":
                obj = next((c for c in parsed[i + 1].children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                s, e = np_bounds(obj)
                attr = Attribution(cue, i, s, e, True)
                sent = tok.sent
                same = sent.start <= qj and qi < sent.end
                # "X said, according to CNN": PolNeAR-style, the source the quote's sentence names is CNN
                rank = (-1 if same else 0, 0, abs(i - qi))
            else:
                subj = self.reporting_subject(tok) or _subject(tok, refine=self.refine)
                if subj is None or subj.i in quote_toks or self.inside[subj.i]:
                    span = self.adjacent_np(i, qj) or self.entity_before(i, left)
                    if span is None:
                        continue
                    s, e = span
                    name_span = None
                else:
                    bound = subj.lower_ in _BOUND_PRONOUNS
                    reporter = self.outer_reporter(tok, bound=bound) if bound or self.refine else None
                    if reporter is not None and not bound:
                        subj = reporter  # "Trump told Newsmax that Romney had “...”": what Trump reports
                    s, e = np_bounds(subj)
                    name_span = _antecedent(subj)
                    if reporter is not None and bound:  # the pronoun as written, named by the reporter it is bound to
                        name_span = np_bounds(reporter)
                    elif self.refine and subj.lower_ == "they":
                        group = _plural_before(subj)
                        name_span = np_bounds(group) if group is not None else None
                    longer = self.postmodified(subj, e)
                    if longer > e and name_span is None:
                        name_span = (s, e)  # named by its head phrase, not a name inside the description
                    e = longer
                    aside = self.aside_reporter(subj.i, i) if self.refine else None
                    if aside is not None:
                        s, e = aside
                        name_span = None
                if any(s <= parsed[k].idx < e for k in (qi, qj)):
                    continue
                linked = any(t.i in quote_toks for t in tok.subtree) or tok.head.i in quote_toks
                dist = qi - i if i < qi else i - qj
                attr = Attribution(cue, i, s, e, linked, name_span)
                weak = tok.lemma_.lower() in self.cues.weak
                rank = (0 if linked else 1, int(weak), dist)
            if best is None or rank < best[0]:
                best = (rank, attr)
        if best is None:
            return self.governing_subject(qi, qj, left, right)
        return best[1]

    def postmodified(self, head: Any, end: int) -> int:
        """The end of a speaker phrase taken on over what describes its head after it, without a comma: a
        participle (``a source involved in the talks``, ``the poll released Monday``), an adjective phrase
        (``one Democrat familiar with the discussion``), a reflexive (``Sanders himself``), a name in apposition
        (``the newspaper Haaretz``) and, after a common noun, a place or agent (``one aide inside the building``)."""
        last = head.i
        for c in head.children:
            if c.i <= head.i:
                continue
            takes = (
                (c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"})
                or (c.dep_ == "amod" and head.pos_ in {"NOUN", "PROPN"})
                or (c.dep_ in {"appos", "npadvmod"} and c.lower_ in _REFLEXIVES)
                or (c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == last + 1)
                or (c.dep_ == "prep" and head.pos_ == "NOUN" and c.lower_ in {"by", "inside", "in", "with"})
            )
            if not takes:
                break
            right = c.i
            for t in c.subtree:
                if t.i <= right:
                    continue
                if self.inside[t.i] or (t.is_punct and t.text not in "-'’") or "\n" in t.text:
                    break
                if t.i != right + 1:
                    break
                right = t.i
            if any(self.inside[k] or "\n" in head.doc[k].whitespace_ for k in range(last, right)):
                break
            last = right
        if last == head.i:
            return end
        tok = head.doc[last]
        return max(end, tok.idx + len(tok.text))

    def outer_reporter(self, cue: Any, *, bound: bool = True) -> Any:
        """A cue whose subject is a pronoun inside what another speaker reports (``the senator said he rarely
        asks ...``, ``critics say he had proposed to “...”``): the reporting verb's subject, the one the sentence
        attributes the words to; it names the pronoun. ``bound=False`` (a subject that is no pronoun, in the refined
        search): ``Trump told Newsmax that Romney had “...”`` is what Trump reports, through complements only (not
        ``while Cruz said ...``, ``although X lamented ...``)."""
        node = cue
        links = {"ccomp", "xcomp", "conj", "advcl"} if bound else {"ccomp", "xcomp", "conj"}
        for _ in range(6):
            if node.head is node or node.dep_ not in links:
                return None
            if node.dep_ == "ccomp" and self.is_cue(node.head) is not None and node.head.lemma_.lower() != "ask":
                reporter = node.head
                subj = self.reporting_subject(reporter) or _subject(reporter)
                if subj is None or self.inside[subj.i] or (not _speaker_like(subj) and subj.pos_ != "NOUN"):
                    return None
                lo, hi = sorted((subj.i, cue.i))
                if "\n" in cue.doc[lo:hi].text or cue.doc[lo].sent.start != cue.doc[hi].sent.start:
                    return None  # a parse run on over a paragraph or sentence break
                return subj
            node = node.head
        return None

    def reporting_subject(self, tok: Any) -> Any:
        """A participle cue set off by a comma (``X argued that the plan would fail, saying ...``) that the parse
        hung inside the clause X reports: the participle is X's, so its subject is the reporting verb's subject."""
        if tok.tag_ != "VBG" or tok.dep_ not in {"advcl", "xcomp", "conj"} or tok.i == 0:
            return None
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            return None
        before = tok.doc[tok.i - 1]
        if self.refine and before.text in {"”", '"', "''", "’"} and tok.i > 1:
            before = tok.doc[tok.i - 2]  # “...,” adding, “...”: the comma closed inside the quote
        if before.text not in {",", "—", "–", "-", "and"}:
            return None
        node = tok.head
        for _ in range(8):
            if node.dep_ == "ccomp" and node.head is not node and self.is_cue(node.head) is not None:
                reporter = node.head
                subj = self.reporting_subject(reporter) or _subject(reporter)
                if subj is not None and not self.inside[subj.i] and _speaker_like(subj):
                    return subj
                return None
            if node.head is node or node.dep_ not in {"ccomp", "xcomp", "conj", "advcl", "relcl", "pcomp", "prep"}:
                return None
            node = node.head
        return None

    def entity_before(self, cue_i: int, left: int) -> tuple[int, int] | None:
        """A cue the parse gave no subject (``her adviser, Jake Sullivan, said: “...”``): the nearest person (else
        organisation) named before it in the sentence."""
        parsed = self.parsed
        lo = max(left, cue_i - 25)
        named = self.named_before_description(cue_i, lo) if self.refine else None
        if named is not None:
            return named
        for labels in ({"PERSON"}, {"ORG"}):
            for k in range(cue_i - 1, lo - 1, -1):
                tok = parsed[k]
                if self.inside[k] or tok.text in {".", "!", "?", ";"}:
                    break
                if tok.ent_type_ in labels:
                    ent = next((e for e in parsed.ents if e.start <= k < e.end), None)
                    if ent is not None:
                        return ent.start_char, ent.end_char
        return None

    def aside_reporter(self, subj_i: int, cue_i: int) -> tuple[int, int] | None:
        """``CNN, Cruz said, called the announcement “...”``: a reporting aside set off by commas between a cue's
        subject and the cue names who reports it."""
        parsed = self.parsed
        for k in range(subj_i + 2, cue_i - 1):
            tok = parsed[k]
            if tok.lower_ not in {"said", "says"} or parsed[k + 1].text != "," or self.inside[k]:
                continue
            j = k - 1
            while j > subj_i and parsed[j].text != ",":
                j -= 1
            names = parsed[j + 1 : k]
            if parsed[j].text != "," or not 0 < len(names) <= 5:
                return None
            if not any(t.pos_ in {"PROPN", "NOUN"} or t.lower_ in _SPEAKER_PRONOUNS for t in names):
                return None
            return names[0].idx, names[-1].idx + len(names[-1].text)
        return None

    def named_before_description(self, cue_i: int, lo: int) -> tuple[int, int] | None:
        """``Gene Sperling, a top outside Clinton adviser, said``: the person named before a description set off
        by commas right before the cue, not a name inside the description."""
        parsed = self.parsed
        if cue_i < 2 or parsed[cue_i - 1].text != ",":
            return None
        k = cue_i - 2
        while k > lo and parsed[k].text != "," and not self.inside[k] and parsed[k].text not in {".", "!", "?", ";"}:
            k -= 1
        if k <= lo or parsed[k].text != "," or k + 1 >= cue_i - 1:
            return None
        first = parsed[k + 1]
        if not (first.pos_ in {"DET", "PRON"} or first.tag_ == "PRP$" or (first.is_lower and first.pos_ == "ADJ")):
            return None
        name = parsed[k - 1]
        if name.ent_type_ != "PERSON" or self.inside[name.i]:
            return None
        ent = next((e for e in parsed.ents if e.start <= name.i < e.end), None)
        return (ent.start_char, ent.end_char) if ent is not None else None

    def colon_intro(self, mark: QuoteMark) -> Attribution | None:
        """``- Pew Research: “...”``, ``Here’s Clinton in December 1992: “...”``: a name before a colon that opens
        the quote, with no cue."""
        text = self.text
        line_start = text.rfind("\n", 0, mark.open) + 1
        before = text[line_start : mark.open].rstrip(" \t\u00a0")
        if not before.endswith(":"):
            return None
        parsed = self.parsed
        hi = token_at(parsed, line_start + len(before) - 1)
        lo = token_at(parsed, line_start)
        for labels in ({"PERSON"}, {"ORG", "NORP"}):
            for k in range(hi - 1, max(lo, hi - 30) - 1, -1):
                tok = parsed[k]
                if self.inside[k] or (tok.text in {".", "!", "?", ";", "\u2013", "\u2014", "-"} and k < hi - 1):
                    break
                if tok.ent_type_ in labels:
                    ent = next((e for e in parsed.ents if e.start <= k < e.end), None)
                    if ent is None:
                        continue
                    s, e = ent.start_char, ent.end_char
                    if text[s:e].isupper() and len(text[s:e]) > 12:
                        return None  # a headline in capitals is no speaker
                    return Attribution(":", -1, s, e, True)
        return None

    def paragraph_subject(self, mark: QuoteMark) -> Attribution | None:
        """A paragraph that is only a quote, after a paragraph about a person with no quote of its own: that
        paragraph's subject (``Bolton distanced himself from ... \n “I’m going to support him ...”``)."""
        text = self.text
        para_start = text.rfind("\n", 0, mark.open) + 1
        if text[para_start : mark.open].strip():
            return None
        prev_end = para_start
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end == 0:
            return None
        prev_start = text.rfind("\n", 0, prev_end) + 1
        parsed = self.parsed
        lo, hi = token_at(parsed, prev_start), token_at(parsed, prev_end - 1)
        if any(self.inside[k] for k in range(lo, hi + 1)) or hi - lo < 5:
            return None
        sents: list[Any] = []
        for k in range(hi, lo - 1, -1):
            sent = parsed[k].sent
            if not sents or sents[-1].start != sent.start:
                sents.append(sent)
        for sent in sents[:3]:
            subj = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None:
                continue
            if subj.ent_type_ in {"PERSON", "ORG"} or subj.lower_ in {"he", "she"}:
                s, e = np_bounds(subj)
                return Attribution("", -1, s, e, False)
        return None

    def refined(self, mark: QuoteMark, attr: Attribution | None) -> Attribution | None:
        """The attribution of a kept quote with the subject search climbing further (``Trump and Ryan issued a
        statement describing ...``, ``X did it by proposing ...``): taken when it keeps the cue found before (or
        none was found), so the quote's content stays as the quote model judged it."""
        if attr is not None and attr.cue_i < 0:
            return attr
        self.refine = True
        try:
            again = self.attribute(mark)
        finally:
            self.refine = False
        if again is None or (attr is not None and again.cue_i != attr.cue_i and not (again.linked and not attr.linked)):
            return attr  # another cue only when it holds the quote and the first did not
        return again

    def shaped(self, attr: Attribution) -> Attribution:
        """The whole speaker phrase of an apposition or a coordination, named by its name: ``her senior adviser,
        Jake Sullivan,`` and ``Deborah Tamargo, the chairwoman of the county party,`` (one speaker; the name
        wherever it stands), ``Lena Ortiz and Mark Hale`` (named by the first)."""
        parsed = self.parsed
        i0 = token_at(parsed, attr.speaker_start)
        i1 = token_at(parsed, max(attr.speaker_end - 1, attr.speaker_start))
        if i1 < i0:
            return attr
        head = next((t for t in parsed[i0 : i1 + 1] if not (i0 <= t.head.i <= i1)), None)
        if head is None:
            return attr
        if attr.cue == ":":
            label = self.label(attr.speaker_start, attr.speaker_end)
            if label is not None:
                return Attribution(
                    ":", attr.cue_i, label[0], label[1], attr.linked, (attr.speaker_start, attr.speaker_end)
                )
            return attr
        after = self.name_after(head, i1)
        if after is not None:
            return Attribution(attr.cue, attr.cue_i, attr.speaker_start, after[1], attr.linked, attr.name_span or after)
        before = self.phrase_before(head, i0)
        if before is not None:
            s, e, named = before
            name_span = attr.name_span or ((s, e) if named else (attr.speaker_start, attr.speaker_end))
            return Attribution(attr.cue, attr.cue_i, s, attr.speaker_end, attr.linked, name_span)
        coordinated = any(c.dep_ == "conj" and c.i > head.i and c.ent_type_ == head.ent_type_ for c in head.children)
        if attr.name_span is None and head.ent_type_ in {"PERSON", "ORG"} and i1 > head.i and coordinated:
            ent = next((e for e in parsed.ents if e.start <= head.i < e.end), None)
            if ent is not None:
                span = (ent.start_char, ent.end_char)
                return Attribution(attr.cue, attr.cue_i, attr.speaker_start, attr.speaker_end, attr.linked, span)
        return attr

    def label(self, start: int, end: int) -> tuple[int, int] | None:
        """A name before a colon that is the whole of a short line's label (``Former secretary of state Hillary
        Rodham Clinton: “...”``, ``Rep. Trey Gowdy (R-S.C.): “...”``): the label, else none (``Here’s Clinton in
        1992: “...”`` has a verb)."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        colon = text.find(":", end)
        if colon < 0 or "\n" in text[end:colon]:
            return None
        s = line_start
        while s < start and not text[s].isalnum():
            s += 1
        label = text[s:colon]
        if not label.strip() or len(label.split()) > 10 or (label.isupper() and len(label) > 12):
            return None
        parsed = self.parsed
        toks = [t for t in parsed[token_at(parsed, s) : token_at(parsed, colon - 1) + 1] if t.idx + len(t) <= colon]
        clause = any(t.pos_ in {"VERB", "AUX"} or self.inside[t.i] or t.text in {".", "!", "?", ";"} for t in toks)
        if clause and not all(t.ent_type_ or t.is_title or t.is_punct for t in toks):
            return None
        if (s, colon) == (start, end):
            return None
        return s, colon

    def name_after(self, head: Any, i1: int) -> tuple[int, int] | None:
        """``her senior policy adviser, Jake Sullivan``: a person's name set off by a comma after a description."""
        parsed = self.parsed
        if (
            head.pos_ not in {"NOUN", "NUM"}
            or i1 + 2 >= len(parsed)
            or parsed[i1 + 1].text != ","
            or self.inside[i1 + 1]
        ):
            return None
        app = next((c for c in head.children if c.dep_ == "appos" and c.i > i1 + 1), None)
        if app is None or app.ent_type_ != "PERSON" or self.inside[app.i]:
            return None
        s, e = np_bounds(app)
        if s != parsed[i1 + 2].idx or "\n" in self.text[parsed[i1].idx : e]:
            return None
        return s, e

    def phrase_before(self, head: Any, i0: int) -> tuple[int, int, bool] | None:
        """The phrase that a speaker phrase is in apposition to, right before it and a comma (``One of the
        executives, Michael Sexton``), and whether it is a name."""
        parsed = self.parsed
        if i0 < 2 or parsed[i0 - 1].text != "," or self.inside[i0 - 1]:
            return None
        comma = parsed[i0 - 1]
        if head.dep_ == "appos":
            before = head.head
        else:  # the parse hung the name on the description: "Deborah Tamargo, the chairwoman ..."
            before = next((c for c in head.children if c.dep_ in {"appos", "npadvmod"} and c.i < i0), None)
            if before is None or before.ent_type_ != "PERSON":
                return None
        if before.i >= i0 or before.pos_ not in {"NOUN", "PROPN", "NUM"} or self.inside[before.i]:
            return None
        s, e = np_bounds(before)
        if e > comma.idx or "\n" in self.text[s : comma.idx]:
            return None
        return s, e, before.pos_ == "PROPN"

    def sentence_subject(self, mark: QuoteMark) -> Attribution | None:
        """A quote that opens a sentence with no cue, right after a sentence of the same paragraph that has no
        quote of its own: that sentence's subject (``Clinton touted her credentials. “We need ...”``)."""
        text = self.text
        para_start = text.rfind("\n", 0, mark.open) + 1
        before = text[para_start : mark.open].rstrip()
        if not before or before[-1] not in ".!?":
            return None
        parsed = self.parsed
        last = token_at(parsed, para_start + len(before) - 1)
        sent = parsed[last].sent
        lo = max(sent.start, token_at(parsed, para_start))
        if last - lo < 3 or sum(self.inside[k] for k in range(lo, last + 1)) > 6:
            return None  # too short to be a sentence, or a sentence holding a quote of its own
        root = sent.root
        if not (lo <= root.i <= last) or root.pos_ not in {"VERB", "AUX"}:
            return None
        subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None or self.inside[subj.i] or not _speaker_like(subj) or subj.i < lo:
            return None
        if subj.pos_ == "PRON" and subj.lower_ not in {"he", "she", "they", "we"}:
            return None
        s, e = np_bounds(subj)
        return Attribution("", -1, s, e, False)

    def governing_subject(self, qi: int, qj: int, left: int, right: int) -> Attribution | None:
        """No cue: the subject of the verb whose clause holds the quote (``Reid has gone after Trump as a “...”``)."""
        parsed = self.parsed
        roots = [t for t in parsed[qi : qj + 1] if not (qi <= t.head.i <= qj)]
        tok = roots[0].head if roots else None
        for _ in range(6):
            if tok is None or not (left <= tok.i < right) or self.inside[tok.i]:
                return None
            if tok.pos_ in {"VERB", "AUX"}:
                subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and not self.inside[subj.i] and _speaker_like(subj):
                    s, e = np_bounds(subj)
                    return Attribution(str(tok.text), tok.i, s, e, False)
            if tok.head is tok:
                return None
            tok = tok.head
        return None

    def adjacent_np(self, cue_i: int, qj: int) -> tuple[int, int] | None:
        """``“...,” Tulsa police Chief Chuck Jordan said`` / ``“...,” said Jordan``: the words between the quote's
        end and the cue (or right after a cue that follows the quote) when they form a short name phrase."""
        parsed = self.parsed
        if cue_i <= qj:
            return None
        between = [t for t in parsed[qj + 1 : cue_i] if not t.is_punct and not self.inside[t.i]]
        after_cue: list[Any] = []
        if not between:
            after = []
            for t in parsed[cue_i + 1 : cue_i + 8]:
                joined = t.text == "-" and not t.whitespace_ and not parsed[t.i - 1].whitespace_  # "co-host"
                if (t.is_punct and not joined) or (t.pos_ in {"VERB", "AUX", "ADP", "SCONJ"} and not self.in_title(t)):
                    break
                after.append(t)
            between = after_cue = after
        if between and len(between) > 8 and self.refine and between is not after_cue:
            return self.name_then_description(between[0])  # "“...,” Trump, the GOP front-runner ..., said"
        if not between or len(between) > 8:
            return None
        if any(t.pos_ in {"VERB", "AUX"} and not t.is_title and not self.in_title(t) for t in between):
            return None
        if not any(t.pos_ in {"PROPN", "NOUN", "PRON"} or t.is_title for t in between):
            return None
        return between[0].idx, between[-1].idx + len(between[-1].text)

    def name_then_description(self, first: Any) -> tuple[int, int] | None:
        """A person's or organisation's name right after the quote, set off by a comma before a long description
        that runs to the cue (``“...,” Trump, the 2016 GOP presidential front-runner ..., said``)."""
        if first.ent_type_ not in {"PERSON", "ORG"} or first.ent_iob_ != "B":
            return None
        ent = next((e for e in self.parsed.ents if e.start == first.i), None)
        if ent is None or ent.end >= len(self.parsed) or self.parsed[ent.end].text != ",":
            return None
        return ent.start_char, ent.end_char

    def in_title(self, tok: Any) -> bool:
        """A participle inside a title before a name (``ranking Democrat Elijah Cummings``, ``acting Director``),
        in the refined search (see :meth:`refined`)."""
        if not self.refine or tok.tag_ not in {"VBG", "VBN"} or not tok.is_lower:
            return False
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title and not tok.whitespace_.count("\n")

    def attribute_intro(self, mark: QuoteMark) -> Attribution | None:
        """A quote that opens its paragraph after a paragraph ending in a colon (``The Times reports:``)."""
        text = self.text
        para_start = text.rfind("\n", 0, mark.open) + 1
        if text[para_start : mark.open].strip():
            return None
        prev_end = para_start
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end == 0 or text[prev_end - 1] != ":":
            return None
        prev_start = text.rfind("\n", 0, prev_end) + 1
        lo, hi = token_at(self.parsed, prev_start), token_at(self.parsed, prev_end - 1)
        for i in range(hi, lo - 1, -1):
            tok = self.parsed[i]
            if self.inside[i]:
                break
            if tok.text in {".", "!", "?"} and i < hi:
                break
            cue = self.is_cue(tok)
            if cue is not None and cue != "according to":
                subj = _subject(tok)
                if subj is not None and not self.inside[subj.i]:
                    s, e = np_bounds(subj)
                    return Attribution(cue, i, s, e, True)
        return None

    def is_label(self, mark: QuoteMark, attr: Attribution | None) -> bool:
        """A short quoted noun phrase used as a name (scare quotes), not as speech."""
        parsed = self.parsed
        qi = token_at(parsed, mark.start)
        qj = token_at(parsed, max(mark.end - 1, mark.start))
        toks = [t for t in parsed[qi : qj + 1] if not t.is_punct]
        if not toks or len(toks) > 3:
            return False
        if not any(t.pos_ in {"NOUN", "PROPN", "NUM"} for t in toks):
            return False  # a label is a quoted noun phrase
        root = next((t for t in toks if not (qi <= t.head.i <= qj) or t.head is t), toks[-1])
        if root.pos_ in {"VERB", "AUX", "ADJ", "INTJ"} and root.dep_ not in {"amod", "compound"}:
            return False
        if attr is None or not attr.linked:
            return True
        if attr.cue_i < 0:
            return False
        cue_tok = parsed[attr.cue_i]
        as_phrase = root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.i == cue_tok.i
        named = any(
            t.pos_ == "PROPN"
            for t in parsed[token_at(parsed, attr.speaker_start) : token_at(parsed, attr.speaker_end - 1) + 1]
        )
        if named and ((root.dep_ in {"oprd", "attr"} and root.head.i == cue_tok.i) or as_phrase):
            return False  # a named speaker's words for something: "Clinton described the law as a “crazy system”"
        if cue_tok.lemma_.lower() in self.cues.label_verbs:
            return True
        return root.dep_ in {"dobj", "pobj", "oprd", "compound", "amod", "poss", "appos", "nsubj", "nsubjpass"}


_DASH_AFTER = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*){0,4})")
_DASH_LINE = re.compile(
    r"\s*\n[ \t\u00a0]*[-―—–][ \t\u00a0]*([A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*){0,4})"
    r"(?:,[^\n“”\"]{0,80})?\.?[ \t\u00a0]*(?:\n|$)"
)
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.’' -]{1,40}[A-Z]):\s")


def layout_speaker(text: str, mark: QuoteMark) -> Attribution | None:
    """Speakers shown by layout, not syntax: ``“...” ― Name``, a line of its own after the quote's paragraph
    (``- Name, Place.``) and transcripts ``“PENCE: ...``."""
    m = _DASH_AFTER.match(text, mark.close + 1)
    if m:
        return Attribution("―", -1, m.start(1), m.end(1), True)
    line_end = text.find("\n", mark.close + 1)
    if line_end >= 0 and not text[mark.close + 1 : line_end].strip():
        m = _DASH_LINE.match(text, line_end)
        if m:
            return Attribution("―", -1, m.start(1), m.end(1), True)
    m = _TRANSCRIPT.match(text, mark.start)
    if m:
        return Attribution(":", -1, m.start(1), m.end(1), True)
    return None


def speaker_name(surface: str, start: int, end: int, mentions: MentionIndex) -> str | None:
    if surface.strip().lower() in PRONOUNS_PERSON:
        hit = mentions.person_before(start, gender="f" if surface.strip().lower() in {"she", "her"} else "m")
        return hit[0] if hit else None
    if surface.strip().lower() == "it":
        hit = mentions.person_before(start, window=600, kind="organisation")
        return hit[0] if hit else None
    return mentions.name_at(start, end)
