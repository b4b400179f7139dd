import json

import pytest

from newsprism.errors import UnknownComponentError
from newsprism.model import (
    RECORD_TYPES,
    Article,
    Claim,
    Footnote,
    Frame,
    Outlet,
    OutletLabel,
    Provenance,
    Span,
    content_hash,
    record_from_dict,
)


def test_article_round_trips_through_json_with_nested_records():
    a = Article(
        id="a1",
        title="T",
        body="Body text.",
        authors=["A B"],
        footnotes=[Footnote("[1]", "note")],
        source=Provenance(kind="text", location="x.txt", part="article 1"),
    )
    back = Article.from_dict(json.loads(json.dumps(a.to_dict())))
    assert back == a
    assert isinstance(back.footnotes[0], Footnote)
    assert isinstance(back.source, Provenance)


def test_content_hash_ignores_whitespace_case_and_unicode_forms():
    assert content_hash("Hello  World\n") == content_hash("hello world")
    assert content_hash("ﬁle") == content_hash("file")
    assert content_hash("a") != content_hash("b")


def test_every_item_kind_round_trips_and_frames_keep_evidence_spans():
    f = Frame(article_id="a", start=1, end=5, text="x", frame="terrorism", evidence=[Span("a", 1, 5, "x")])
    back = record_from_dict("frames", json.loads(json.dumps(f.to_dict())))
    assert back == f and isinstance(back.evidence[0], Span)
    for kind, cls in RECORD_TYPES.items():
        item = cls(article_id="a", start=0, end=1, text="t")
        assert record_from_dict(kind, item.to_dict()) == item


def test_unknown_record_kind_lists_valid_kinds():
    with pytest.raises(UnknownComponentError, match="claims"):
        record_from_dict("nope", {})


def test_outlet_labels_nest():
    o = Outlet(id="spectator.co.uk", name="The Spectator", labels=[OutletLabel("lean", "right", "page:x", "page")])
    assert Outlet.from_dict(o.to_dict()).labels[0].value == "right"


def test_claim_defaults_are_unknown_not_invented():
    c = Claim(article_id="a", start=0, end=3, text="100")
    assert c.claimant is None and c.hedge is None and c.type == "other"
