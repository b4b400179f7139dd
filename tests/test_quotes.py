"""Quotes: quotation-mark pairing, attribution, speakers, and the seed page's must-find quotes (no shared data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.enrich.quote_model import load_quote_model
from newsprism.enrich.quotes import extract_quotes, find_quote_marks, load_cues
from newsprism.enrich.speakers import Attributor
from newsprism.evaluate.quotes import names_match, read_export, run_seed, score_seed_quotes
from newsprism.evaluate.seed import seed_articles
from newsprism.model import Entity

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "kazakhstan-2022-01-12.txt"

#: the seed gold's must-find quotes (facts from the seed gold, written out here so the test needs no shared data)
SEED_GOLD: dict[str, Any] = {
    "articles": [
        {"title": "Why Kazakhstan's Crisis Matters to China", "quotes_must": []},
        {
            "title": "Was the Kazakhstan uprising an attempted Jihadi takeover?",
            "quotes_must": [
                {"speaker": "Vladimir Putin", "text_contains": "colour revolution scenario to play out"},
                {"speaker": "Xi Jinping", "text_contains": "being highly responsible for your country and your people"},
                {"speaker": "Jen Psaki", "text_contains": "crazy"},
                {
                    "speaker": "Kassym-Jomart Tokayev",
                    "text_contains": "foreign militants from Afghanistan and the Mideast countries",
                },
                {
                    "speaker": "Central Asian Caucasus Institute",
                    "text_contains": "no longer limited to in-country malcontents",
                },
            ],
        },
    ]
}


def quotes_of(nlp: Any, text: str, **kw: Any) -> list[Any]:
    return extract_quotes(text, parsed=nlp(text), **kw)


@pytest.fixture(scope="module")
def quote_model() -> Any:
    model = load_quote_model(path=Path("/nonexistent/quotes.json"))  # the shipped model, not a user's
    assert model is not None and set(model.weights) == {"none", "rules", "marks"}
    return model


# ---------------------------------------------------------------------------------------------- marks
def test_apostrophes_are_not_single_quotes() -> None:
    text = "Kazakhstan’s leader and the protesters’ anger: ‘crazy’, she said. Don't 'worry' now."
    contents = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert contents == ["crazy", "worry"]


def test_unbalanced_mark_does_not_swallow_the_article() -> None:
    text = "He said “this never closes.\n\nLater, she said: “Short and sweet,” and left.\n\nEnd ‘here’."
    contents = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert contents == ["Short and sweet,", "here"]


def test_straight_double_quotes_with_odd_count_stay_local() -> None:
    text = 'A stray " mark here.\n"One," he said. "Two."'
    contents = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert contents == ["One,", "Two."]


def test_quote_over_paragraphs_and_doubled_apostrophes() -> None:
    text = "“First part of a long quote.\n\n“Second part,” she said.\n''It works,'' he added."
    contents = [text[m.start : m.end] for m in find_quote_marks(text)]
    assert contents == ["First part of a long quote.", "Second part,", "It works,"]


# ---------------------------------------------------------------------------------------------- attribution
def test_quote_interrupted_by_its_attribution_is_one_quote(nlp: Any) -> None:
    text = "“We will not leave,” said Maria Lopez, a nurse, “until the ward reopens.”\n\nThe rally ended at noon."
    (q,) = quotes_of(nlp, text)
    assert [p.text for p in q.parts] == ["We will not leave,", "until the ward reopens."]
    assert (q.speaker, q.kind, q.component) == ("Maria Lopez", "direct", "quotes.rules.v1")
    assert text[q.start : q.end] == q.text and all(text[p.start : p.end] == p.text for p in q.parts)
    assert text[q.speaker_start : q.speaker_end] == q.speaker_text and 0 <= q.score <= 1


def test_mixed_quote_is_the_whole_paraphrase(nlp: Any, quote_model: Any) -> None:
    text = "The minister said that the new tax was “a disaster for families” and would be repealed."
    for model in (None, quote_model):
        (q,) = quotes_of(nlp, text, model=model)
        assert q.kind == "mixed" and q.speaker == "minister"
        assert q.text == "the new tax was “a disaster for families” and would be repealed"


def test_titles_and_scare_quotes_are_not_quotes(nlp: Any, quote_model: Any) -> None:
    text = "The senator appeared on “Meet the Press” on Sunday with the ‘experts’ of the panel."
    for model in (None, quote_model):
        assert quotes_of(nlp, text, model=model) == []


def test_every_quote_has_a_kind(nlp: Any, quote_model: Any) -> None:
    text = (
        "“The plant stays open,” the mayor said.\n\n"
        "Union leaders said the deal was “a good start” for the workers.\n\n"
        "Officials said that the strike had ended after three long weeks."
    )
    kinds = [q.kind for q in quotes_of(nlp, text, model=quote_model)]
    assert kinds == ["direct", "mixed", "indirect"]


def test_speaker_named_after_the_quote_and_by_role(nlp: Any) -> None:
    text = (
        "“The deal is done,” the company said in a statement. “We are pleased.” — Howard Kurtz, Fox News\n\n"
        "“We will not back down from this fight, not now and not ever,” a senior official said."
    )
    qs = quotes_of(nlp, text)
    assert [(q.text, q.speaker) for q in qs] == [
        ("The deal is done,", "company"),
        ("We are pleased.", "Howard Kurtz"),
        ("We will not back down from this fight, not now and not ever,", "a senior official"),
    ]


def test_pronoun_speaker_resolved_or_kept_with_a_lower_score(nlp: Any) -> None:
    text = "Mary Smith met the workers on Monday. She said the factory would “stay open for as long as I am here.”"
    (q,) = quotes_of(nlp, text)
    assert (q.speaker, q.speaker_text) == ("Mary Smith", "She")
    text = "He said the factory would “stay open for as long as I am here.”"
    (q,) = quotes_of(nlp, text)
    assert (q.speaker, q.speaker_text) == ("He", "He") and q.score < 0.9


def test_markup_and_headlines_are_never_speakers(nlp: Any) -> None:
    text = "<tweet id=8812> said: “We will win this state by a landslide next week.”"
    (q,) = quotes_of(nlp, text)
    assert q.speaker is None and q.speaker_text is None
    text = "STORM HITS THE COAST AGAIN said: “The roads are closed until the water goes down.”"
    assert all(q.speaker is None for q in quotes_of(nlp, text))


def test_a_complement_of_one_stray_mark_does_not_break_indirect_quotes(nlp: Any) -> None:
    # the shape of AllSides line 62: a cue whose clausal complement the parser makes of a lone hyphen
    text = "“We never thought the board would break from” the old plan, adds Mayor Reed, who co-founded the group."
    parsed = nlp(text)
    assert any(t.dep_ == "ccomp" and t.is_punct and len(list(t.subtree)) == 1 for t in parsed)
    (q,) = extract_quotes(text, parsed=parsed)
    assert q.kind == "mixed" and q.speaker == "Reed"


def test_according_to_and_pronoun_speaker(nlp: Any) -> None:
    text = (
        "According to Senator Anna Berg, “the bill is dead.”\n\n"
        "Prime Minister John Carter spoke on Monday. He said the plan was “a disaster for families”."
    )
    qs = {q.text: q for q in quotes_of(nlp, text)}
    assert names_match(qs["the bill is dead."].speaker, "Anna Berg") and qs["the bill is dead."].kind == "direct"
    q = qs["the plan was “a disaster for families”"]
    assert (q.speaker, q.speaker_text, q.kind) == ("John Carter", "He", "mixed")


def speakers(nlp: Any, text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_text) for q in quotes_of(nlp, text, indirect=False)]


def test_according_to_in_the_quotes_sentence_names_the_source(nlp: Any) -> None:
    text = "“The bridge will stay closed,” the mayor said on Tuesday, according to the Daily Ledger."
    assert speakers(nlp, text) == [("Daily Ledger", "the Daily Ledger")]
    # in the next sentence it does not
    text = "“The bridge will stay closed,” the mayor said. The cost, according to the Daily Ledger, is high."
    assert speakers(nlp, text) == [("mayor", "the mayor")]


def test_a_participle_hung_inside_the_reported_clause_is_the_reporters(nlp: Any) -> None:
    text = "Governor Anna Berg argued that the new tax would hurt farmers, saying it was “a burden nobody asked for.”"
    assert speakers(nlp, text) == [("Anna Berg", "Governor Anna Berg")]


def test_a_pronoun_inside_what_someone_reports_gives_way_to_the_reporter(nlp: Any) -> None:
    text = "Critics say he had promised to “fix every road by June” and failed."
    assert speakers(nlp, text) == [("Critics", "he")]


def test_speaker_phrase_keeps_what_describes_it_after_the_head(nlp: Any) -> None:
    text = "A report released Monday said the agency had been “badly run for years.”"
    assert speakers(nlp, text) == [("A report", "A report released Monday")]
    text = "Senator Ruiz herself said the bill was “going nowhere this year.”"
    assert speakers(nlp, text) == [("Ruiz", "Senator Ruiz herself")]
    text = "“We were never told about the plan,” said one official familiar with the talks."
    assert speakers(nlp, text)[0][1] == "one official familiar with the talks"


def test_a_rank_cut_at_its_period_joins_the_name(nlp: Any) -> None:
    assert speakers(nlp, "“We hold the line here,” said Army Capt. Mark Doyle.") == [
        ("Mark Doyle", "Army Capt. Mark Doyle")
    ]


def test_a_hyphenated_title_after_the_cue_stays_whole(nlp: Any) -> None:
    assert speakers(nlp, "“Imagine the crowds,” mused Canyon co-host Lena Marsh.") == [
        ("Lena Marsh", "Canyon co-host Lena Marsh")
    ]


def test_a_name_on_its_own_line_after_the_quote(nlp: Any) -> None:
    text = (
        "The school burned down in March.\n\n“We will rebuild every school in this county.”\n\n- Maria Lopez, Tucson."
        "\n\nThe council meets again next week."
    )
    assert speakers(nlp, text) == [("Maria Lopez", "Maria Lopez")]


def test_issuing_a_statement_and_chanting_are_cues(nlp: Any) -> None:
    qs = quotes_of(nlp, "The union issued a statement: “Our members will not accept this offer.”", indirect=False)
    assert [(q.text, q.speaker, q.kind) for q in qs] == [("Our members will not accept this offer.", "union", "direct")]
    text = "Outside the hall, the protesters chanted “No more cuts for our schools!”"
    assert speakers(nlp, text) == [("protesters", "the protesters")]


def test_scare_quotes_are_not_speech(nlp: Any) -> None:
    text = "The Kremlin has accused ‘terrorists’ of acting with foreign agents. Note the words ‘our home’ here."
    qs = quotes_of(nlp, text)
    assert [q for q in qs if q.kind == "direct"] == []
    assert [(q.kind, q.text) for q in qs] == [("mixed", "‘terrorists’ of acting with foreign agents")]


def test_entities_give_canonical_speakers(nlp: Any) -> None:
    text = "Tokayev made it clear that he was blaming ‘foreign militants from abroad and elsewhere’."
    ent = Entity(article_id="a", start=0, end=7, text="Tokayev", type="person", canonical="Kassym-Jomart Tokayev")
    (q,) = quotes_of(nlp, text, entities=[ent])
    assert q.speaker == "Kassym-Jomart Tokayev"


def test_indirect_quotes(nlp: Any) -> None:
    text = "Officials said that 100 businesses and banks were destroyed in the unrest."
    (q,) = quotes_of(nlp, text)
    assert q.kind == "indirect" and q.speaker == "Officials"
    assert q.text == "100 businesses and banks were destroyed in the unrest"


def test_without_a_parse_the_lexical_path_attributes() -> None:
    qs = extract_quotes("«Ситуация стабилизирована», заявил Токаев.", parsed=None, language="ru")
    assert [(q.text, q.speaker) for q in qs] == [("Ситуация стабилизирована", "Токаев")]
    qs = extract_quotes("“We stay,” said Putin.", parsed=None)
    assert [(q.text, q.speaker) for q in qs] == [("We stay,", "Putin")]


# ---------------------------------------------------------------------------------------------- the seed page
def test_seed_articles_come_from_the_text_loader_with_the_pull_quote_once() -> None:
    first, second = seed_articles(SEED)
    assert first.body.startswith("Scarcely two years") and first.body.endswith("worthy of being pursued.")
    assert second.body.endswith("may actually be telling the truth.")
    assert second.body.count("The Kremlin and Tokayev have accused ‘terrorists’") == 1


@pytest.fixture(scope="module")
def seed_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_seed(SEED, tmp_path_factory.mktemp("seed"))


def test_seed_quotes_all_found_with_evidence(seed_export: Path) -> None:
    score = score_seed_quotes(seed_export, SEED_GOLD)
    assert score.found == score.total == 5, score.misses
    bodies = {a["id"]: a["body"] for a in read_export(seed_export, "articles")}
    quotes = read_export(seed_export, "quotes")
    for q in quotes:
        assert bodies[q["article_id"]][q["start"] : q["end"]] == q["text"]
    # scare-quoted terms are never a quote on their own; an accusation that holds one is a mixed quote, whole
    texts = [q["text"].strip("‘’“” ") for q in quotes]
    assert not {"terrorists", "our home", "palace coup", "peacekeeping"} & set(texts)
    assert all(q["kind"] in {"direct", "mixed", "indirect"} for q in quotes)


# ---------------------------------------------------------------------------------------------- training
def _brat(folder: Path, name: str, text: str, contents: list[tuple[str, str, str]]) -> None:
    """One annotated article in PolNeAR's layout: (source, cue, content) found by their text."""
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    (folder / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    lines = []
    for n, (source, cue, content) in enumerate(contents):
        ids = []
        for k, (label, piece) in enumerate((("Source", source), ("Cue", cue), ("Content", content))):
            start = text.index(piece)
            tid = f"T{n * 3 + k + 1}"
            lines.append(f"{tid}\t{label} {start} {start + len(piece)}\t{piece}")
            ids.append(tid)
        lines.append(f"E{n + 1}\tAttribution:{ids[1]} Content:{ids[2]} Cue:{ids[1]} Source:{ids[0]}")
    (folder / "attributions" / f"{name}_ab12.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_train_quotes_on_your_own_annotations(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsprism.cli import _load_commands, cli

    _load_commands()
    data = tmp_path / "mine"
    for i, (who, town) in enumerate([("Ana Ruiz", "Leon"), ("Tom Berg", "Kiel"), ("Eva Lind", "Umea")]):
        text = (
            f"“The bridge will reopen in May,” {who} said on Monday.\n\n"
            f"The mayor of {town} called the plan a “sensible step” for the region.\n\n"
            f"Residents watched “The Evening Show” on the town square."
        )
        contents = [
            (who, "said", "“The bridge will reopen in May,”"),
            ("The mayor of " + town, "called", "the plan a “sensible step”"),
        ]
        _brat(data, f"article{i}", text, contents)
    out = tmp_path / "models"
    res = CliRunner().invoke(cli, ["train", "--task", "quotes", str(data), "--models", str(out)])
    assert res.exit_code == 0, res.output
    assert "trained quotes: 3 article(s)" in res.output
    model = load_quote_model(path=out / "quotes.json")
    assert model is not None and model.meta["articles"] == 3 and {"none", "rules"} <= set(model.weights)


def test_quote_run_on_into_the_next_paragraph_without_reopening() -> None:
    # Turkish pages often break a long statement into two paragraphs and close it only at the end
    text = (
        "Vali Ayşe Demir, “Kurtarma çalışmaları sürüyor, ekipler bölgede.\n"
        "Yarın sabah yeni bir açıklama yapacağız.” dedi.\nHava soğuk."
    )
    (m,) = find_quote_marks(text)
    said = "Kurtarma çalışmaları sürüyor, ekipler bölgede.\nYarın sabah yeni bir açıklama yapacağız."
    assert text[m.start : m.end] == said
    # a next paragraph that opens its own quote first leaves the open mark stray
    text = "He said “this never closes.\nShe said “short,” and left."
    assert [text[m.start : m.end] for m in find_quote_marks(text)] == ["short,"]


def test_a_quote_opening_a_sentence_with_no_cue_is_the_previous_sentences_subject(nlp: Any) -> None:
    text = "Mayor Lena Ortiz defended the budget on Monday. “We cut nothing that matters to families in this city.”"
    assert speakers(nlp, text) == [("Lena Ortiz", "Mayor Lena Ortiz")]
    text = "The council voted the plan down on Monday. Ortiz was furious. “We cut nothing that matters to families.”"
    assert speakers(nlp, text) == [("Ortiz", "Ortiz")]


def test_an_apposition_is_one_speaker_named_by_its_name(nlp: Any) -> None:
    text = "In a statement, her senior policy adviser, Jake Sullivan, said: “The senator will vote against the bill.”"
    assert speakers(nlp, text) == [("Jake Sullivan", "her senior policy adviser, Jake Sullivan")]
    text = "One of the company’s top lawyers, Michael Sexton, testified that “none of the papers were ever signed.”"
    assert speakers(nlp, text) == [("Michael Sexton", "One of the company’s top lawyers, Michael Sexton")]
    # "who" after a description in apposition to a name stands for the name
    text = "The vote was delayed, said Bob Mulholland, a county delegate who accused the board of “playing games.”"
    assert speakers(nlp, text) == [("Bob Mulholland", "who")]


def test_coordinated_speakers_and_the_subject_beyond_a_statement_or_a_preposition(nlp: Any) -> None:
    text = "Lena Ortiz and Mark Hale issued a statement describing the merger as “a very good day for the town.”"
    assert speakers(nlp, text) == [("Lena Ortiz", "Lena Ortiz and Mark Hale")]
    text = "Senator Ted Cruz of Texas and Senator Rand Paul of Kentucky do it by proposing a “flat tax for all.”"
    assert speakers(nlp, text) == [("Ted Cruz", "Senator Ted Cruz of Texas and Senator Rand Paul of Kentucky")]


def test_a_label_before_a_colon_a_title_with_a_participle_and_a_possessive_pronoun(nlp: Any) -> None:
    text = "The hearing went on for hours.\n\nSen. Tom Hale of Ohio: “We learned that from the budget office itself.”\n"
    assert speakers(nlp, text) == [("Tom Hale", "Sen. Tom Hale of Ohio")]
    text = "“The board is frozen by its own rules,” said Finance ranking Democrat Paula Reyes."
    assert speakers(nlp, text) == [("Paula Reyes", "Finance ranking Democrat Paula Reyes")]
    text = "Mayor Hale tried to defend his remarks calling the new stadium “a gift to the whole city” on Monday."
    assert speakers(nlp, text) == [("Hale", "his")]


def test_a_poll_or_a_share_of_people_as_the_source(nlp: Any) -> None:
    text = "In a March Gallup poll, 61 percent of voters said the tax was “too high for anyone to pay.”"
    assert speakers(nlp, text) == [("a March Gallup poll", "a March Gallup poll")]
    text = "Of those asked, 14 percent said the plan was “not at all likely to pass this year or next.”"
    assert speakers(nlp, text) == [("14 percent", "14 percent")]


def test_a_name_inside_what_someone_reports_gives_way_to_the_reporter(nlp: Any) -> None:
    text = "Governor Hale told reporters that Mayor Ortiz had called the plan “a gift to the richest families in town.”"
    assert speakers(nlp, text) == [("Hale", "Governor Hale")]


def test_a_pronoun_resolves_to_a_person_of_its_gender(nlp: Any) -> None:
    text = "Jason Hale met Mary Ortiz on Monday. She said the plan was “a fair deal for every family in the county.”"
    assert speakers(nlp, text) == [("Mary Ortiz", "She")]
    text = "Mary Ortiz met Jason Hale on Monday. He said the plan was “a fair deal for every family in the county.”"
    assert speakers(nlp, text) == [("Jason Hale", "He")]
    # no person of that gender before it: the pronoun stays, with a lower score
    text = "Jason Hale spoke on Monday. She said the plan was “a fair deal for every family in the county.”"
    (q,) = quotes_of(nlp, text, indirect=False)
    assert (q.speaker, q.speaker_text) == ("She", "She") and q.score < 0.9


def test_they_stands_for_a_group_subject_before_it(nlp: Any) -> None:
    text = "The Hale campaign is contrasting its tax plan with what they call the mayor’s “reckless spending spree.”"
    assert speakers(nlp, text) == [("Hale campaign", "they")]


def test_a_participle_after_a_comma_closed_inside_the_quote_is_the_reporters(nlp: Any) -> None:
    text = "Hale told the Ledger that Mayor Ortiz “had a plan for the roads which was foolish,” adding, “She lost.”"
    assert [s for s, _ in speakers(nlp, text)] == ["Hale", "Hale"]


def test_the_name_before_a_description_between_commas_not_a_name_inside_it(nlp: Any) -> None:
    text = "“I think voters can follow the argument,” Gene Hart, a top outside Ortiz adviser, said at a recent event."
    assert speakers(nlp, text) == [("Gene Hart", "Gene Hart")]
    # when the parse gives the cue no subject, the name before the description is taken, not the one inside it
    doc = nlp(text)
    att = Attributor(text, doc, load_cues(), find_quote_marks(text))
    said = next(t.i for t in doc if t.text == "said")
    assert att.entity_before(said, 0) is not None
    att.refine = True
    s, e = att.entity_before(said, 0) or (0, 0)
    assert text[s:e] == "Gene Hart"


def test_a_retort_with_back_is_a_cue(nlp: Any) -> None:
    text = (
        "When Hale asked about the tax, Ortiz fired back: “If they sue us in a court in Miami, they are going to lose.”"
    )
    assert speakers(nlp, text) == [("Ortiz", "Ortiz")]
    text = "Hale interrupted her twice. “You want to be a tough guy tonight,” Ortiz shot back. “Let me talk.”"
    assert speakers(nlp, text)[0][0] == "Ortiz"


def test_a_reporting_aside_between_subject_and_cue_names_the_reporter(nlp: Any) -> None:
    text = "The Ledger, Ortiz said, called the announcement “highly significant for the whole county.”"
    assert speakers(nlp, text) == [("Ortiz", "Ortiz")]
