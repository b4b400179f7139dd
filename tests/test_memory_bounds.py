"""Memory over a long run stays bounded: spaCy's string store does not grow with the text it reads (memory zones
per batch), and the C heap's free memory goes back to the system after each batch (``malloc_trim``)."""

from __future__ import annotations

import random
import string

import pytest

from newsprism.enrich.nlp import PIPE_CHARS, load_nlp, parse, pipe_batch
from newsprism.heap import _malloc_trim, release_free_memory
from newsprism.model import Article, Item
from newsprism.pipeline import Doc, Resources, run_stages
from newsprism.registry import ComponentSpec

glibc = pytest.mark.skipif(_malloc_trim() is None, reason="malloc_trim is glibc's")


def _rss_mb() -> float:
    with open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def _invented_words(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(string.ascii_lowercase) for _ in range(9)).capitalize() for _ in range(n)]


def _article(i: int) -> Article:
    words = _invented_words(30, i)  # names spaCy has never seen, different in every article
    body = " ".join(f"{a} {b} met {c} in the town of {d}." for a, b, c, d in zip(*[iter(words)] * 4, strict=False))
    return Article(id=f"m{i}", title=None, body=body, language="en")


def _parse_stage(resources: Resources) -> object:
    def stage(doc: Doc) -> list[Item]:
        parsed = parse(doc)
        assert parsed is None or len(parsed) > 10
        return []

    return stage


PARSE = ComponentSpec(name="test.parse.v1", kind="stage", factory=_parse_stage)


def test_the_string_store_does_not_grow_with_the_names_it_reads() -> None:
    res = Resources()
    nlp = load_nlp(res, "en")
    if nlp is None:
        pytest.skip("no English spaCy model installed")
    run_stages([_article(0)], [PARSE], res)  # loads everything once
    before = len(nlp.vocab.strings)
    for batch in range(6):  # 6 batches of 8 articles, each with 30 names never seen before: 1,440 new strings
        run_stages([_article(100 + batch * 8 + k) for k in range(8)], [PARSE], res)
    assert len(nlp.vocab.strings) <= before + 50


def _fragmenting_burst(kept: list[bytes]) -> list[bytes]:
    """180 MB in 60 kB blocks (from the heap: below mmap's threshold) with one block in 100 kept: once the others
    are freed, the heap holds them as free memory between blocks still in use (what a batch of parses leaves)."""
    burst = []
    for i in range(3_000):
        burst.append(b"x" * 60_000)
        if i % 100 == 99:
            kept.append(b"y" * 60_000)
    return burst


def test_one_parse_batch_holds_a_bounded_amount_of_text() -> None:
    nlp = load_nlp(Resources(), "en")
    if nlp is None:
        pytest.skip("no English spaCy model installed")
    paragraph = "The council met on Tuesday and voted to extend the library's hours. " * 90  # 6,120 characters
    long_pieces = [nlp.make_doc(paragraph) for _ in range(64)]
    n = pipe_batch(long_pieces)
    assert n >= 1 and n * len(paragraph) <= PIPE_CHARS  # 6 of 64: a batch of 32 news articles took 550 MB
    short = [nlp.make_doc("A short note.") for _ in range(64)]
    assert pipe_batch(short) == 32  # short texts are still parsed 32 at a time
    huge = [nlp.make_doc(paragraph * 10)]
    assert pipe_batch(huge) == 1
    assert pipe_batch([]) == 32


def _burst_stage(resources: Resources) -> object:
    kept: list[bytes] = resources.get("test.kept", lambda r: [])

    def stage(doc: Doc) -> list[Item]:
        burst = _fragmenting_burst(kept)
        del burst
        return []

    return stage


@glibc
def test_release_returns_the_free_heap_to_the_system() -> None:
    kept: list[bytes] = []
    burst = _fragmenting_burst(kept)
    held = _rss_mb()
    del burst
    assert _rss_mb() > held - 20  # freed, but held by the heap between the blocks still in use
    assert release_free_memory()
    assert _rss_mb() < held - 100  # at least 100 of the 180 MB freed are no longer resident


@glibc
def test_a_batch_leaves_no_free_memory_resident() -> None:
    res = Resources()
    spec = ComponentSpec(name="test.burst.v1", kind="stage", factory=_burst_stage)
    before = _rss_mb()
    for batch in range(3):  # each article allocates 180 MB and frees it
        run_stages([Article(id=f"b{batch}{k}", title=None, body="Text.") for k in range(2)], [spec], res)
    assert _rss_mb() < before + 60
