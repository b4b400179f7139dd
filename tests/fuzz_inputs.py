"""A bounded fuzzer over every loader, the row reader, decoding and the stages (used by ``tests/test_fuzz.py`` and
``benchmarks/fuzz.py``).

Inputs are made from small seed documents written here (a text page, an HTML page, RSS and Atom feeds, JSONL and
CSV exports), mutated with a fixed seed: bytes flipped, cut, repeated; hostile pieces inserted (terminal escapes,
NUL and control bytes, invalid UTF-8, BOMs, entity declarations, deep nesting, ``a/a/a…``, huge numbers); JSON
values swapped for values of other types. An *uncaught* exception is anything other than a newsprism error escaping
a loader or the row reader, or any exception escaping the pipeline's core (a stage's own exception is recorded by the
pipeline as that stage's failure, and counted here as a recorded failure with its type). An input is *over its
bounds* when it takes more than ``seconds`` of CPU time or grows the resident memory by more than ``memory_mb``.
"""

from __future__ import annotations

import json
import random
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.ingest import FORMATS, iter_load
from newsprism.ingest.base import RawInput, decode_text
from newsprism.ingest.rows import RowReader
from newsprism.model import Article
from newsprism.pipeline import Resources, _rss_bytes, run_stages

TEXT_PAGE = """THE HARBOUR GAZETTE
Strike closes the port of Valdora
By Mara Ilves and Tomas Berg
12 March 2024

Dock workers in Valdora walked out on Monday, halting about 40 ships, the port authority said.
"We will not return until the contracts are signed," union leader Ana Quiroga told reporters.
Police said 1,200 people marched to the town hall; organisers put the figure at 3,500.

Mara Ilves is a reporter at the Gazette.
"""

HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Strike closes the port | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette"><meta name="author" content="Mara Ilves">
<meta property="article:published_time" content="2024-03-12T08:00:00Z"></head><body><nav>Home | World</nav>
<article><h1>Strike closes the port of Valdora</h1><p class="byline">By Mara Ilves</p>
<p>Dock workers in Valdora walked out on Monday, halting about 40 ships, the port authority said.</p>
<p>"We will not return until the contracts are signed," union leader Ana Quiroga told reporters.</p>
<p>Police said 1,200 people marched to the town hall; organisers put the figure at 3,500.</p></article>
<footer>View all posts by Mara Ilves</footer></body></html>"""

RSS_FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Gazette</title>
<link>https://gazette.example/</link><item><title>Strike closes the port</title>
<link>https://gazette.example/strike</link><pubDate>Tue, 12 Mar 2024 08:00:00 +0000</pubDate>
<author>Mara Ilves</author><description>Dock workers in Valdora walked out on Monday, halting about 40 ships,
the port authority said. Police said 1,200 people marched to the town hall.</description></item></channel></rss>"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title>
<entry><title>Strike closes the port</title><link href="https://gazette.example/strike"/>
<updated>2024-03-12T08:00:00Z</updated><author><name>Mara Ilves</name></author><content type="html">&lt;p&gt;Dock
workers in Valdora walked out on Monday, halting about 40 ships.&lt;/p&gt;</content></entry></feed>"""

ROW = {
    "title": "Strike closes the port",
    "body": "Dock workers in Valdora walked out on Monday, halting about 40 ships. Police said 1,200 people marched.",
    "authors": "Mara Ilves, Tomas Berg",
    "date": "2024-03-12",
    "url": "https://gazette.example/strike",
    "source": "Harbour Gazette",
}

HOSTILE = [
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\x9b31m",
    "\x00",
    "\x07\x08\x0b",
    "\ufeff",
    "\u202e",
    "\ud7ff",
    "\U0001f600",
    "a/" * 3000,
    "<" * 500,
    "<div>" * 2000,
    "&amp;" * 500,
    "&#x0;",
    "]]>",
    '<!ENTITY x "y">',
    "&x;",
    "201,852202,965",
    "1e309",
    "-0",
    "9" * 400,
    "“",
    "«",
    "„",
    "\n\n" * 200,
    " " * 5000,
    "\t" * 100,
    "ǅ",
    "İ",
    "By By By",
    "Published Monday",
    "| Site",
    "-->",
    "<![CDATA[",
    "<script>alert(1)</script>",
    "%s%n",
    "{{x}}",
]
HOSTILE_BYTES = [b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xc3", b"\xe2\x82", b"\x80\x81", b"\x1f\x8b", b"\x00\x00"]
JSON_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1.5e308,
    "",
    "x",
    [],
    ["a", 1],
    {},
    {"text": "x"},
    [[[[]]]],
    "\x1b]0;x\x07",
    {"name": None},
    [{"name": 3}],
]


@dataclass
class FuzzReport:
    tried: int = 0
    recorded: int = 0  # inputs or stages that ended in a recorded failure (a newsprism error, a stage failure)
    uncaught: list[str] = field(default_factory=list)
    over_bounds: list[str] = field(default_factory=list)
    stage_errors: dict[str, int] = field(default_factory=dict)  # exception type -> count, recorded by the pipeline
    slowest: tuple[float, str] = (0.0, "")
    seconds: float = 0.0

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.stage_errors.items())) or "none"
        return (
            f"{self.tried} inputs tried in {self.seconds:.0f} s, {self.recorded} recorded failures "
            f"(stage exceptions: {kinds}), {len(self.uncaught)} uncaught, {len(self.over_bounds)} over bounds; "
            f"slowest {self.slowest[0]:.2f} s ({self.slowest[1]})"
        )


def _mutate_text(rnd: random.Random, text: str) -> str:
    for _ in range(rnd.randint(1, 4)):
        op = rnd.randrange(6)
        pos = rnd.randrange(len(text) + 1)
        if op == 0:
            text = text[:pos] + rnd.choice(HOSTILE) + text[pos:]
        elif op == 1:
            text = text[:pos]
        elif op == 2 and text:
            a = rnd.randrange(len(text))
            piece = text[a : a + rnd.randint(1, 200)]
            text = text[:pos] + piece * rnd.randint(2, 50) + text[pos:]
        elif op == 3:
            text = text[:pos] + "".join(chr(rnd.randrange(1, 0x3000)) for _ in range(rnd.randint(1, 40))) + text[pos:]
        elif op == 4:
            text = text.replace(rnd.choice(["\n", " ", "<", '"', ","]), rnd.choice(HOSTILE[:12]))
        else:
            text = text[pos:] + text[:pos]
    return text


def _mutate_bytes(rnd: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rnd.randint(1, 6)):
        if not buf:
            break
        op = rnd.randrange(3)
        pos = rnd.randrange(len(buf))
        if op == 0:
            buf[pos] = rnd.randrange(256)
        elif op == 1:
            buf[pos:pos] = rnd.choice(HOSTILE_BYTES)
        else:
            del buf[pos : pos + rnd.randint(1, 20)]
    return bytes(buf)


def _row(rnd: random.Random) -> dict[str, Any]:
    row: dict[str, Any] = dict(ROW)
    for _ in range(rnd.randint(0, 3)):
        key = rnd.choice([*ROW, "content_original", "maintext", "meta", "footnotes", "id", "source", "extra"])
        row[key] = rnd.choice(JSON_VALUES) if rnd.random() < 0.7 else _mutate_text(rnd, str(row.get(key, "x")))
    return row


def _jsonl(rnd: random.Random) -> str:
    lines = []
    for _ in range(rnd.randint(1, 5)):
        roll = rnd.random()
        if roll < 0.1:
            lines.append("[" * rnd.randint(1, 100_000))  # nesting deeper than any parser's recursion
        elif roll < 0.2:
            lines.append(json.dumps(rnd.choice(JSON_VALUES)))
        else:
            lines.append(json.dumps(_row(rnd), ensure_ascii=rnd.random() < 0.5))
    return "\n".join(lines) + "\n"


def _csv(rnd: random.Random) -> str:
    head = "title,body,authors,date,url,source\n"
    rows = []
    for _ in range(rnd.randint(1, 4)):
        vals = [str(v) for v in ROW.values()]
        rows.append(",".join('"' + _mutate_text(rnd, v).replace('"', '""') + '"' for v in vals))
    return _mutate_text(rnd, head + "\n".join(rows)) if rnd.random() < 0.3 else head + "\n".join(rows)


def inputs(seed: int) -> Iterator[tuple[str, str, RawInput]]:
    """Endless ``(what, format, raw input)`` made from the seed documents, reproducible from ``seed``."""
    rnd = random.Random(seed)
    makers: list[tuple[str, str, Callable[[], str]]] = [
        ("text", ".txt", lambda: _mutate_text(rnd, TEXT_PAGE)),
        ("html", ".html", lambda: _mutate_text(rnd, HTML_PAGE)),
        ("feed", ".xml", lambda: _mutate_text(rnd, rnd.choice([RSS_FEED, ATOM_FEED]))),
        ("jsonl", ".jsonl", lambda: _jsonl(rnd)),
        ("csv", ".csv", lambda: _csv(rnd)),
    ]
    n = 0
    while True:
        kind, suffix, make = rnd.choice(makers)
        text = make()
        encoding = rnd.choice(["utf-8", "utf-8", "utf-8", "cp1251", "utf-16", "latin-1"])
        data = text.encode(encoding, errors="replace")
        if rnd.random() < 0.3:
            data = _mutate_bytes(rnd, data)
        fmt = kind if rnd.random() < 0.6 else "auto"
        n += 1
        yield f"#{n} {kind}/{encoding} as {fmt}", fmt, RawInput(f"fuzz-{n}{suffix}", data, name=f"fuzz-{n}{suffix}")


def articles(seed: int) -> Iterator[Article]:
    """Endless hostile articles for the stages (bodies from the mutated seed texts, any language code)."""
    rnd = random.Random(seed)
    n = 0
    while True:
        base = rnd.choice([TEXT_PAGE, ROW["body"], HTML_PAGE, "Токаев заявил, что 164 человека погибли в Алматы."])
        body = _mutate_text(rnd, base) or "x"
        n += 1
        yield Article(
            id=f"fuzz{n}",
            title=_mutate_text(rnd, "Strike closes the port")[:300],
            body=body,
            language=rnd.choice(["en", "ru", "fr", "zh", "kk", "de", None, "xx"]),
        )


def _timed(report: FuzzReport, what: str, seconds: float, memory_mb: int, call: Callable[[], None]) -> None:
    rss0 = _rss_bytes()
    t0 = time.process_time()  # CPU time: the bound holds on a machine shared with other work
    try:
        call()
    except NewsprismError:
        report.recorded += 1
    except Exception as exc:  # the finding: an exception that is not one of ours
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        report.uncaught.append(f"{what}: {type(exc).__name__}: {str(exc)[:120]} (at {tb.filename}:{tb.lineno})")
    spent = time.process_time() - t0
    grown = (_rss_bytes() - rss0) / 2**20
    report.tried += 1
    if spent > report.slowest[0]:
        report.slowest = (spent, what)
    if spent > seconds or grown > memory_mb:
        report.over_bounds.append(f"{what}: {spent:.1f} s, +{grown:.0f} MB")


def fuzz_loaders(report: FuzzReport, *, seed: int, budget: float, seconds: float = 20, memory_mb: int = 500) -> None:
    """Every loader (and auto-detection) over mutated inputs until ``budget`` seconds are spent."""
    settings = Settings(env={})
    reader = RowReader()
    rnd = random.Random(seed + 1)
    for fmt, doc in (("text", TEXT_PAGE), ("html", HTML_PAGE), ("feed", RSS_FEED), ("jsonl", json.dumps(ROW))):
        list(iter_load(RawInput(f"warm.{fmt}", doc.encode()), format=fmt, settings=settings))  # imports, outside bounds
    reader.article({**ROW, "date": "12 наурыз 2024"}, "warm")
    deadline = time.perf_counter() + budget
    for what, fmt, raw in inputs(seed):
        if time.perf_counter() > deadline:
            return

        def load(raw: RawInput = raw, fmt: str = fmt) -> None:
            for item in iter_load(raw, format=fmt, settings=settings):
                if isinstance(item, NewsprismError):
                    report.recorded += 1
            decode_text(RawInput(raw.location, raw.data))

        _timed(report, what, seconds, memory_mb, load)
        row = _row(rnd)
        _timed(report, f"row {json.dumps(row)[:80]}", seconds, memory_mb, lambda row=row: _read_row(reader, row))
    assert set(FORMATS) == {"text", "html", "feed", "jsonl", "csv"}  # every loader is covered


def _read_row(reader: RowReader, row: dict[str, Any]) -> None:
    reader.article(row, "fuzz:1")


def fuzz_stages(
    report: FuzzReport,
    *,
    seed: int,
    budget: float,
    stages: list[str] | None = None,
    seconds: float = 60,
    memory_mb: int = 800,
    min_inputs: int = 3,
) -> None:
    """The registered stages over hostile articles, four at a time, until ``budget`` seconds are spent (and at least
    ``min_inputs`` batches have run), after the models are loaded."""
    from newsprism.registry import default_registry

    reg = default_registry()
    specs = reg.plan(stages)
    resources = Resources(Settings(env={}), reg)
    gen = articles(seed)
    for lang in ("en", "ru", "fr", "zh", "kk"):  # models load first, outside any input's bounds
        run_stages([Article(id=f"warm-{lang}", title=None, body=TEXT_PAGE, language=lang)], specs, resources)
    deadline = time.perf_counter() + budget
    tried = 0
    while time.perf_counter() < deadline or tried < min_inputs:
        tried += 1
        batch = [next(gen) for _ in range(4)]

        def run(batch: list[Article] = batch) -> None:
            for res in run_stages(batch, specs, resources):
                for out in res.outputs:
                    if out.error is not None:
                        report.recorded += 1
                        kind = out.error.split(":", 1)[0]
                        report.stage_errors[kind] = report.stage_errors.get(kind, 0) + 1

        _timed(report, f"stages on {[a.id for a in batch]}", seconds, memory_mb, run)
