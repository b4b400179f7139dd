"""A figure an article repeats (headline and body, body and quote) is one claim with every mention as evidence."""

from __future__ import annotations

from newsprism.enrich.claims import extract_claims


def test_headline_and_body_mentions_are_one_claim_with_both_spans() -> None:
    text_de = (
        "340 Tote nach Hochwasser im Süden\n\n"
        "Nach Angaben der Regierung sind mindestens 340 Menschen ums Leben gekommen. Weitere 900 Menschen wurden "
        "verletzt."
    )
    claims = extract_claims(text_de, lang="de")
    killed = [c for c in claims if c.type == "killed"]
    assert len(killed) == 1
    c = killed[0]
    assert (c.number, c.hedge, c.claimant) == (340, "at least", "Regierung")
    assert [text_de[m.start : m.end] for m in c.mentions] == ["340 Menschen", "340 Tote"]
    assert [x.number for x in claims if x.type == "wounded"] == [900]


def test_equal_counts_of_one_sentence_and_disagreeing_hedges_stay_apart() -> None:
    text = "Selon la police, 12 manifestants et 12 policiers ont été blessés. Plus de 40 morts. Près de 40 morts."
    claims = extract_claims(text, lang="fr")
    assert [(c.type, c.number, c.hedge) for c in claims] == [
        ("wounded", 12, None),
        ("wounded", 12, None),
        ("killed", 40, "more than"),
        ("killed", 40, "nearly"),
    ]
    assert all(not c.mentions for c in claims)
