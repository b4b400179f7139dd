"""Events against gold: the PLOVER gold standard records and the seed page's must-find events.

PLOVER (``evaluate_plover``; ``PLOVER_GSR_CAMEO.json``: one coded sentence per record with ``event`` (type),
``source``/``target`` actor lists and ``text``): each sentence is parsed and run alone.

* type accuracy: records whose gold type is among the predicted types;
* precision / recall / F1 over (record, type) pairs: a predicted type is right when it is the record's gold type;
* main-event precision / recall / F1: the same over the types of each sentence's top-scored events only (the
  gold codes one event per sentence; a trigger that is the root verb, or its subject or object, scores higher);
* actor match, over records whose type was found: an event of that type names one of the gold source actors
  (same last word, or one name contains the other); recipient match likewise against the gold targets, over such
  records that have a target.

PETRARCH validation records (``read_petrarch``, ``evaluate_petrarch``; the XML of PETRARCH's unit tests, e.g.
``PETR.UnitTest.records.xml``, parsed with defusedxml): each ``<Sentence>`` with its ``<Text>`` and
``<EventCoding eventcode=...>`` codes; each CAMEO code becomes a PLOVER type through the table in
``resources/plover.yaml`` (longest prefix). Records whose codes map to no PLOVER type (CAMEO 01/02, PETRARCH's own
test codes, ``noevents`` and ``error`` records) are left out and counted. The split is fixed: a record is in the
``tune`` half when the first 8 hex digits of the SHA-1 of its id are even, else in the ``held-out`` half; the
triggers were tuned on the ``tune`` half only and the figure to quote is the ``held-out`` half's. Type accuracy is
the share of records one of whose gold types is among the predicted types; precision counts the predicted types
that are gold; main accuracy counts records whose top-scored event has a gold type.

Seed (``score_seed_events``): each ``events_must`` item is found when an event of its article holds every name it
gives (``where``, ``who``, ``whom``) in its fields, or names it by the last word.

``python -m newsprism.evaluate.events --plover FILE`` / ``--petrarch FILE [--split held-out]`` /
``--seed PAGE --gold GOLD``; ``newsprism evaluate --task events --data FILE`` picks the reader by the file's content
(XML: PETRARCH, JSON: PLOVER).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .metrics import Report, ratio
from .quotes import SeedScore, _norm, names_match, read_export, run_seed, seed_article_ids
from .seed import seed_gold_path, seed_split, seed_text_path

__all__ = [
    "PetrRecord",
    "PloverScores",
    "cameo_to_plover",
    "evaluate_petrarch",
    "evaluate_plover",
    "main",
    "read_petrarch",
    "score_seed_events",
]


@dataclass(slots=True)
class PloverScores:
    records: int = 0
    predicted: int = 0
    correct: int = 0
    type_found: int = 0
    actor_ok: int = 0
    recipient_total: int = 0
    recipient_ok: int = 0
    seconds: float = 0.0
    main_predicted: int = 0
    main_correct: int = 0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def report(self) -> Report:
        """Every coded event type against the records' gold types."""
        return Report.matched(self.correct, self.predicted, self.records)

    @property
    def main_report(self) -> Report:
        """The top-scored event of each record alone."""
        return Report.matched(self.main_correct, self.main_predicted, self.records)

    @property
    def main_f1(self) -> float:
        return self.main_report.f1

    @property
    def precision(self) -> float:
        return self.report.precision

    @property
    def recall(self) -> float:
        return self.report.recall

    @property
    def f1(self) -> float:
        return self.report.f1

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "predicted": self.predicted,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "type_accuracy": round(self.type_found / self.records, 4) if self.records else 0.0,
            "actor_match": round(self.actor_ok / self.type_found, 4) if self.type_found else 0.0,
            "recipient_match": round(self.recipient_ok / self.recipient_total, 4) if self.recipient_total else 0.0,
            "main_precision": round(self.main_report.precision, 4),
            "main_recall": round(self.main_report.recall, 4),
            "main_f1": round(self.main_f1, 4),
            "seconds": round(self.seconds, 2),
        }


def _same_actor(pred: str | None, gold: str) -> bool:
    p, g = _norm(pred), _norm(gold)
    if not p or not g:
        return False
    if p in g or g in p:
        return True
    pw, gw = re.findall(r"\w+", p), re.findall(r"\w+", g)
    return bool(pw and gw and pw[-1] == gw[-1])


def _actor_texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [a.get("actorText", "") if isinstance(a, dict) else str(a) for a in value or []]


def evaluate_plover(path: Path | str, *, limit: int | None = None) -> PloverScores:
    from ..enrich.events import extract_events, load_triggers
    from ..enrich.nlp import load_nlp
    from ..pipeline import Resources

    records = [
        r for r in json.loads(Path(path).read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"
    ]
    records = records[:limit]
    resources = Resources()
    nlp = load_nlp(resources, "en")
    trig = load_triggers(resources)
    scores = PloverScores(records=len(records))
    t0 = time.perf_counter()
    for rec, parsed in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        events = extract_events(rec["text"], parsed=parsed, triggers=trig)
        types = {e.type for e in events}
        gold = rec["event"]
        scores.predicted += len(types)
        if events:
            top = max(e.score for e in events)
            main = {e.type for e in events if e.score == top}
            scores.main_predicted += len(main)
            scores.main_correct += gold in main
        row = scores.confusion.setdefault(gold, {})
        for t in types or {"(none)"}:
            row[t] = row.get(t, 0) + 1
        if gold not in types:
            continue
        scores.correct += 1
        scores.type_found += 1
        mine = [e for e in events if e.type == gold]
        sources = _actor_texts(rec.get("source"))
        targets = _actor_texts(rec.get("target"))
        scores.actor_ok += any(_same_actor(e.actor, s) for e in mine for s in sources)
        if targets:
            scores.recipient_total += 1
            scores.recipient_ok += any(_same_actor(e.recipient, t) for e in mine for t in targets)
    scores.seconds = time.perf_counter() - t0
    return scores


@dataclass(frozen=True, slots=True)
class PetrRecord:
    id: str
    text: str
    codes: tuple[str, ...]  # CAMEO event codes as given
    types: frozenset[str]  # their PLOVER types (empty: not codable in PLOVER)
    split: str  # tune | held-out


def cameo_to_plover(code: str, table: dict[str, str] | None = None) -> str | None:
    """The PLOVER type of a CAMEO code (longest prefix in the table of ``resources/plover.yaml``), or None."""
    if table is None:
        from ..enrich.events import cameo_table

        table = cameo_table()
    code = code.strip()
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit:
            return hit
    return None


def petr_split(record_id: str) -> str:
    """``tune`` or ``held-out``: the fixed half of a record, by the SHA-1 of its id (see the module docstring)."""
    return "tune" if int(hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "held-out"


def read_petrarch(path: Path | str) -> tuple[list[PetrRecord], list[str]]:
    """The records of a PETRARCH validation XML file and the problems met (records left out, with why)."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    from ..errors import InputError

    try:
        root = SafeET.parse(str(path)).getroot()
    except (OSError, SafeET.ParseError, DefusedXmlException) as exc:
        raise InputError(str(path), f"not a readable PETRARCH XML file: {exc}") from None
    records: list[PetrRecord] = []
    problems: list[str] = []
    for n, sent in enumerate(root.iter("Sentence"), start=1):
        rid = (sent.get("id") or f"#{n}").strip()
        text_el = sent.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        codes = tuple(c.get("eventcode", "").strip() for c in sent.iter("EventCoding") if c.get("eventcode"))
        if not text:
            problems.append(f"{path}: record {rid}: no <Text>")
            continue
        if not codes:
            problems.append(f"{path}: record {rid}: no event code (noevents or error record)")
            continue
        types = frozenset(t for t in (cameo_to_plover(c) for c in codes) if t)
        if not types:
            problems.append(f"{path}: record {rid}: codes {', '.join(codes)} have no PLOVER type")
            continue
        records.append(PetrRecord(rid, text, codes, types, petr_split(rid)))
    return records, problems


def evaluate_petrarch(path: Path | str, *, split: str = "held-out") -> dict[str, Any]:
    """Type accuracy, precision and main-event accuracy on one half (``tune``, ``held-out``) or ``all`` records."""
    from ..enrich.events import extract_events, load_triggers
    from ..enrich.nlp import load_nlp
    from ..pipeline import Resources

    records, problems = read_petrarch(path)
    chosen = [r for r in records if split == "all" or r.split == split]
    resources = Resources()
    nlp = load_nlp(resources, "en")
    trig = load_triggers(resources)
    found = predicted = right = main_right = 0
    misses: list[str] = []
    t0 = time.perf_counter()
    for rec, parsed in zip(chosen, nlp.pipe(r.text for r in chosen), strict=True):
        events = extract_events(rec.text, parsed=parsed, triggers=trig)
        types = {e.type for e in events}
        predicted += len(types)
        right += len(types & rec.types)
        ok = bool(types & rec.types)
        found += ok
        if events:
            top = max(events, key=lambda e: e.score)
            main_right += top.type in rec.types
        if not ok:
            misses.append(f"{rec.id}: gold {'/'.join(sorted(rec.types))}, got {'/'.join(sorted(types)) or '-'}")
    n = len(chosen)
    return {
        "dataset": "petrarch",
        "split": split,
        "records": n,
        "left_out": len(problems),
        "type_accuracy": round(ratio(found, n), 4),
        "precision": round(Report(right, predicted).precision, 4),
        "main_accuracy": round(ratio(main_right, n), 4),
        "seconds": round(time.perf_counter() - t0, 2),
        "misses": misses,
    }


def _sniff(path: Path) -> str:
    """``petrarch`` (XML) or ``plover`` (JSON), by the first non-blank character of the file."""
    with path.open("rb") as fh:
        head = fh.read(512).lstrip()
    return "petrarch" if head.startswith(b"<") else "plover"


def score_seed_events(out: Path | str, gold: dict[str, Any]) -> SeedScore:
    ids = seed_article_ids(out)
    events = read_export(out, "events")
    score = SeedScore()
    for ga in gold["articles"]:
        aid = ids.get(_norm(ga["title"]))
        mine = [e for e in events if e["article_id"] == aid]
        for g in ga.get("events_must", []):
            keys = [g[k] for k in ("where", "who", "whom") if k in g]
            ok = any(
                all(_norm(k) in _norm(json.dumps(e, ensure_ascii=False)) or names_match(e.get("text"), k) for k in keys)
                for e in mine
            )
            score.must(ok, f"event {g['what']} {keys}")
    return score


def main(argv: Sequence[str] | None = None) -> int:
    import argparse
    import tempfile

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.events", description=__doc__.split("\n")[0])
    ap.add_argument(
        "paths", nargs="*", help="a gold file (PETRARCH XML or PLOVER JSON); a second path is the seed gold"
    )
    ap.add_argument("--plover", help="PLOVER_GSR_CAMEO.json")
    ap.add_argument("--petrarch", help="PETRARCH validation records (XML)")
    ap.add_argument("--split", default="held-out", choices=("tune", "held-out", "all"), help="PETRARCH half to score")
    ap.add_argument("--misses", action="store_true", help="list the PETRARCH records whose type was missed")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--seed", default=str(seed_text_path()), help="the seed page (default: the bundled example)")
    ap.add_argument("--gold", default=str(seed_gold_path()), help="the seed gold JSON (default: ../shared/seed)")
    ap.add_argument("--out", default=None, help="folder for the seed run's export (default: a temporary folder)")
    ap.add_argument("--json", action="store_true", help="print every report as JSON (one object a line)")
    args = ap.parse_args(argv)
    status = 0
    for p in args.paths[:1]:
        if not Path(p).is_file():
            ap.error(f"{p}: not a file")
        if _sniff(Path(p)) == "petrarch":
            args.petrarch = p
        elif p.endswith(".txt"):
            args.seed = p
            if len(args.paths) > 1:
                args.gold = args.paths[1]
        else:
            args.plover = p
    if args.plover:
        s = evaluate_plover(args.plover, limit=args.limit)
        split = f"PLOVER gold records, all ({s.records} records) from {args.plover}"
        if not args.json:
            print(f"split: {split}")
        print(json.dumps({"dataset": "plover-gsr", **s.to_dict(), **({"split": split} if args.json else {})}))
    if args.petrarch:
        r = evaluate_petrarch(args.petrarch, split=args.split)
        misses = r.pop("misses")
        if args.misses and not args.json:
            for m in misses:
                print(m)
        if not args.json:
            print(f"split: {r['split']} ({r['records']} records) from {args.petrarch}")
        print(json.dumps(r))
    if args.paths and (args.plover or args.petrarch):
        return status  # a gold file was named: score it alone
    if args.seed and args.gold and Path(args.gold).exists():
        out = run_seed(args.seed, args.out or tempfile.mkdtemp(prefix="newsprism-seed-"))
        seed = score_seed_events(out, json.loads(Path(args.gold).read_text(encoding="utf-8")))
        split = seed_split(args.seed, args.gold)
        if args.json:
            print(json.dumps({"dataset": "seed", "split": split, **seed.to_dict()}, ensure_ascii=False))
        else:
            print(f"split: {split}")
            for m in seed.misses:
                print(m)
            print(seed.line("events"))
        status = 0 if seed.found == seed.total else 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
