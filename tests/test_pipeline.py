import os
import subprocess
import sys
import textwrap

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
