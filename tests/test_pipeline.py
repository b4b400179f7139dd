import itertools
import os
import subprocess
import sys
import textwrap
import time

from newsprism.model import Article, Entity
from newsprism.pipeline import Pipeline
from newsprism.registry import Registry
from newsprism.store.sqlite import SQLiteStore


def caps_stage(*, resources):
    def run(doc):
        body = doc.article.body
        out, pos = [], 0
        for word in body.split():
            start = body.index(word, pos)
            pos = start + len(word)
            if word[:1].isupper():
                out.append(Entity(article_id=doc.article.id, start=start, end=pos, text=word, type="other"))
        return out

    return run


def count_stage(*, resources):
    def run(doc):
        if "EXPLODE" in doc.article.body:
            raise ValueError("cannot count this one")
        doc.article.genre = "reporting" if len(doc.items("entities")) < 3 else "analysis"
        return []

    return run


def make_registry():
    reg = Registry.from_plugins(kinds=("engine",))
    reg.register("caps.v1", "stage", produces=("entities",), order=1)(caps_stage)
    reg.register("count.v1", "stage", requires=("entities",), produces=("article.genre",), order=2)(count_stage)
    return reg


def fill(store, n=5, bad=()):
    for i in range(n):
        body = f"Article {i} says Alpha Beta met Gamma in Almaty." + (" EXPLODE" if i in bad else "")
        store.put_article(Article(id=f"a{i}", title=f"T{i}", body=body))


def test_stages_run_in_order_items_carry_evidence_and_fields_are_set(tmp_path):
    store = SQLiteStore(tmp_path / "p.db")
    fill(store, 3)
    rep = Pipeline(registry=make_registry()).run(store)
    assert rep.articles == 3 and rep.committed == 6 and not rep.failed
    art = store.get_article("a0")
    assert art.genre == "analysis"
    ents = list(store.iter_items("entities", article_id="a0"))
    assert [e.text for e in ents][:2] == ["Article", "Alpha"]
    for e in ents:
        assert art.body[e.start : e.end] == e.text and e.component == "caps.v1"


def test_rerun_skips_finished_work_and_failures_are_recorded(tmp_path):
    store = SQLiteStore(tmp_path / "p.db")
    fill(store, 4, bad={2})
    rep = Pipeline(registry=make_registry()).run(store)
    assert [(a, s) for a, s, _ in rep.failed] == [("a2", "count.v1")]
    fails = store.failures(kind="stage")
    assert len(fails) == 1 and "cannot count" in fails[0].reason and fails[0].article_id == "a2"
    again = Pipeline(registry=make_registry()).run(store)
    assert again.articles == 1  # only the failed article is pending
    assert len(store.failures(kind="stage")) == 1 and store.failures(kind="stage")[0].attempts == 2


def test_a_crash_loses_only_the_article_in_flight(tmp_path):
    db = tmp_path / "crash.db"
    store = SQLiteStore(db)
    fill(store, 6)
    store.close()
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        from test_pipeline import make_registry, caps_stage
        from newsprism.pipeline import Pipeline
        from newsprism.store.sqlite import SQLiteStore
        from newsprism.config import Settings
        calls = []
        def dying(*, resources):
            inner = caps_stage(resources=resources)
            def run(doc):
                calls.append(doc.article.id)
                if len(calls) == 4:
                    os._exit(17)  # the process dies mid-run, no cleanup
                return inner(doc)
            return run
        reg = make_registry()
        reg.register("caps.v1", "stage", produces=("entities",), order=1)(dying)
        Pipeline(registry=reg, settings=Settings(env={{}}, batch_size=1)).run(SQLiteStore({str(db)!r}))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 17, proc.stderr
    store = SQLiteStore(db)
    assert len(store.done_articles("caps.v1")) == 3  # committed before the crash, kept
    rep = Pipeline(registry=make_registry()).run(store)
    assert rep.articles == 3
    assert len(store.done_articles("caps.v1")) == 6 and len(store.done_articles("count.v1")) == 6


def test_rerun_after_reset_replaces_items_instead_of_duplicating(tmp_path):
    store = SQLiteStore(tmp_path / "p.db")
    fill(store, 2)
    Pipeline(registry=make_registry()).run(store)
    n = store.count_items("entities")["entities"]
    store.reset_stage()
    Pipeline(registry=make_registry()).run(store)
    assert store.count_items("entities")["entities"] == n


def _guard_registry():
    reg = make_registry()

    def slow_stage(*, resources):
        def run(doc):
            if "SLOW" in doc.article.body:
                while True:  # only the guard stops it
                    pass
            return []

        return run

    def hungry_stage(*, resources):
        def run(doc):
            if "HUNGRY" in doc.article.body:  # 300 MB touched 10 MB at a time, held a moment, then freed
                blocks = []
                for _ in range(30):
                    block = bytearray(10 * 2**20)
                    block[::4096] = b"x" * len(block[::4096])
                    blocks.append(block)
                    time.sleep(0.01)
            return []

        return run

    reg.register("slow.v1", "stage", order=3)(slow_stage)
    reg.register("hungry.v1", "stage", order=4)(hungry_stage)
    return reg


def test_stage_guards_record_time_memory_and_size_and_the_batch_goes_on(tmp_path):
    from newsprism.config import Settings

    settings = Settings(env={}, stage_timeout=2.0, stage_memory_mb=100, max_parse_chars=5000)
    store = SQLiteStore(tmp_path / "g.db")
    bodies = ("A plain Article about Rivers.", "This SLOW one loops.", "This HUNGRY one eats.", "Long " * 2000)
    for i, body in enumerate(bodies):
        store.put_article(Article(id=f"a{i}", title=None, body=body))
    pipe = Pipeline(["caps.v1", "slow.v1", "hungry.v1"], registry=_guard_registry(), settings=settings)
    report = pipe.run(store, corpus=False)
    by_stage = {(s, r.split(":")[0]) for _, s, r in report.failed}
    reasons = " | ".join(r for _, _, r in report.failed)
    assert ("slow.v1", "StageError") in by_stage and "more than stage_timeout (2 CPU seconds)" in reasons
    assert "over stage_memory_mb (100)" in reasons
    assert reasons.count("over max_parse_chars (5,000)") == 3  # each stage refuses the 10,000-character body
    assert len(report.failed) == 5
    assert [e.text for e in store.iter_items("entities", article_id="a0")] == ["A", "Article", "Rivers."]


def test_long_bodies_are_parsed_in_pieces_whose_offsets_index_the_whole_body():
    from newsprism.config import Settings
    from newsprism.enrich.nlp import CHUNK_CHARS, chunk_spans, parse, sentences
    from newsprism.pipeline import Doc, Resources

    para = "Mara Ilves met the mayor of Tampere on Monday. The council in Gdansk voted to rebuild the bridge."
    body = "\n\n".join(f"{para} Item {i}." for i in range(400)) + "\n\n" + "a/" * 8000 + "\n\nThe end came in Lagos."
    spans = chunk_spans(body)
    assert spans[0][0] == 0 and spans[-1][1] == len(body) and len(spans) > 3
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans)) and all(e - s <= CHUNK_CHARS for s, e in spans)
    assert chunk_spans("x" * 25_000) == [(0, 10_000), (10_000, 20_000), (20_000, 25_000)]
    res = Resources(Settings(env={}))
    doc = Doc(article=Article(id="t", title=None, body=body, language="en"), resources=res)
    parsed = parse(doc)
    if parsed is None:  # no English model installed
        return
    assert parsed.text == body
    places = [e for e in parsed.ents if e.text == "Lagos"]
    assert places and body[places[-1].start_char : places[-1].end_char] == "Lagos"
    assert sum(1 for e in parsed.ents if e.text == "Tampere") == 400
    assert all(body[s:e].strip() for s, e in sentences(doc))
