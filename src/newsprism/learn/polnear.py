"""PolNeAR's attribution annotations read for training and evaluation (Newell et al., LREC 2018).

Each article of a split folder (``train/``, ``dev/``) has its text in ``text/<name>.txt`` and brat annotations in
``attributions/<name>_*.ann``: an attribution event ties a ``Content`` span (possibly in several pieces) to a
``Source`` span. Every content is given a kind by its quotation marks: ``direct`` (wholly inside quotation marks),
``mixed`` (partly quoted) or ``indirect`` (reported speech). The test split is never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["KINDS", "GoldQuote", "gold_kind", "load_polnear"]

KINDS = ("direct", "mixed", "indirect")
_DQ = re.compile(r"[\"“”]|''")
_PRONOUNS = frozenset(
    [
        "i",
        "me",
        "we",
        "us",
        "you",
        "he",
        "him",
        "she",
        "her",
        "they",
        "them",
        "it",
        "this",
        "that",
        "who",
        "which",
        "one",
        "my",
        "our",
        "his",
        "their",
        "its",
        "someone",
    ]
)
_TRAIL = " \t\n.,;:!?)—–-"


def gold_kind(pieces: Sequence[str]) -> str:
    """``direct``, ``mixed`` or ``indirect`` for a content given as the text of its fragments."""
    if not any(_DQ.search(p) for p in pieces):
        return "indirect"
    for p in pieces:
        s = p.strip().rstrip(_TRAIL)
        opened = 2 if s[:2] in ("''", "``") else 1 if s[:1] in '"“' else 0
        closed = 2 if s[-2:] == "''" else 1 if s[-1:] in '"”' else 0
        if not opened or not closed or _DQ.search(s[opened : len(s) - closed]):
            return "mixed"
    return "direct"


@dataclass(slots=True)
class GoldQuote:
    ranges: list[tuple[int, int]]
    source: tuple[int, int] | None
    source_text: str
    kind: str = "direct"

    @property
    def source_kind(self) -> str:
        """``none``, ``pronoun`` or ``name`` (a name or a description)."""
        words = re.findall(r"[\w’'-]+", self.source_text.casefold())
        if not words:
            return "none"
        return "pronoun" if len(words) <= 2 and words[-1] in _PRONOUNS else "name"


def _parse_ann(text: str) -> list[GoldQuote]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T") and len(parts) >= 3:
            label, _, ranges = parts[1].partition(" ")
            rr = []
            for piece in ranges.split(";"):
                a, b = piece.split()
                rr.append((int(a), int(b)))
            spans[parts[0]] = (label, rr, parts[2])
        elif parts[0].startswith("E"):
            roles = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            events.append(roles)
    out: list[GoldQuote] = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None:
            continue
        src = spans.get(ev.get("Source", ""))
        source = (src[1][0][0], src[1][-1][1]) if src else None
        out.append(GoldQuote(content[1], source, src[2] if src else "", "indirect"))
    return out


def load_polnear(
    root: Path | str, split: str = "dev", *, kinds: Iterable[str] = ("direct", "mixed")
) -> Iterator[tuple[str, str, list[GoldQuote]]]:
    """(name, text, gold quotes of ``kinds``) for each article of a PolNeAR split (``train``, ``dev``)."""
    if split == "test":
        raise ValueError("the PolNeAR test split is kept back for independent evaluation; use train or dev")
    wanted = set(kinds)
    base = Path(root) / split
    anns: dict[str, list[Path]] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], []).append(p)
    for name in sorted(anns):
        text_path = base / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        gold = _parse_ann(anns[name][0].read_text(encoding="utf-8"))
        for g in gold:
            g.kind = gold_kind([text[a:b] for a, b in g.ranges])
        yield name, text, [g for g in gold if g.kind in wanted]
