"""Narrative frames: the seed page's frames with evidence, holders and stances; Russian, Chinese and Kazakh texts;
user-defined frame files."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.enrich.narratives import detect_narrative_frames, load_frame_definitions, load_narrative_model
from newsprism.errors import ConfigError
from newsprism.evaluate.seed import seed_articles
from newsprism.model import Frame, Quote

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kazakhstan-2022-01-12.txt"


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load_narrative_model(user_dir=ROOT / "no-such-folder")


@pytest.fixture(scope="module")
def seed(model):  # type: ignore[no-untyped-def]
    arts = seed_articles(EXAMPLE)
    return arts, [detect_narrative_frames(a.id, a.body, model=model) for a in arts]


def _check_offsets(body: str, frames: list[Frame]) -> None:
    for f in frames:
        assert body[f.start : f.end] == f.text
        assert 0.0 <= f.score <= 1.0 and f.component == "frames.narrative.v1"
        for ev in f.evidence:
            assert body[ev.start : ev.end] == ev.text


def _by(frames: list[Frame], name: str) -> list[Frame]:
    return [f for f in frames if f.frame == name]


def test_seed_article_1_chinese_terms_and_holder_china(seed) -> None:  # type: ignore[no-untyped-def]
    (a1, _), (f1, _) = seed
    _check_offsets(a1.body, f1)
    terror = _by(f1, "terrorism")
    held = [f for f in terror if "China" in f.holders]
    assert held, [(f.holder, f.terms) for f in terror]
    first = next(f for f in held if "恐怖分子" in f.terms)
    assert "kongbu fenzi" in first.terms and "terrorists" in first.terms
    assert first.stance == "reported" and first.holder_text and "Beijing" in first.holder_text
    colour = [f for f in _by(f1, "colour revolution") if f.holder == "China"]
    assert colour and {"颜色革命", "yanse geming", "colour revolution"} <= set(colour[0].terms)
    peace = _by(f1, "peacekeeping")
    terms = {t for f in peace for t in f.terms}
    assert {"维和", "weihe", "peacekeepers"} <= terms
    assert any(f.holder == "China" and "维和" in f.terms for f in peace)


def test_seed_article_2_frames_holders_and_stances(seed) -> None:  # type: ignore[no-untyped-def]
    (_, a2), (_, f2) = seed
    _check_offsets(a2.body, f2)
    names = {f.frame for f in f2}
    assert {"terrorism", "colour revolution", "jihadist involvement", "palace coup", "fuel price protest"} <= names
    kremlin = [f for f in _by(f2, "terrorism") if "Russia" in f.holders]
    assert kremlin and "Kassym-Jomart Tokayev" in kremlin[0].holders and "terrorists" in kremlin[0].terms
    assert "Kremlin" in (kremlin[0].holder_text or "")
    putin = [f for f in _by(f2, "colour revolution") if f.holder == "Vladimir Putin"]
    assert putin and putin[0].stance == "reported"
    coup = _by(f2, "palace coup")
    assert coup[0].stance == "contested" and "palace coup" in coup[0].terms  # "Some have suggested ... Unlikely."
    jihad = {t for f in _by(f2, "jihadist involvement") for t in f.terms}
    assert {"Jihadi", "Muslim terrorist"} <= jihad
    fuel = {t for f in _by(f2, "fuel price protest") for t in f.terms}
    assert any("fuel-price" in t for t in fuel) and "rising price of petrol" in fuel
    # what the ISPI piece is not about is not reported for it either
    assert "palace coup" not in {f.frame for f in seed[1][0]}


RU = (
    "Протесты в Казахстане начались после резкого роста цен на сжиженный газ.\n"
    "Власти назвали протестующих террористами, а президент Токаев заявил о попытке цветной революции.\n"
    "Миротворцы ОДКБ прибыли в Алматы по просьбе казахстанского руководства."
)
ZH = (
    "哈萨克斯坦总统托卡耶夫称抗议者为恐怖分子。\n"
    "中国官方媒体认为，这是一场颜色革命的企图。\n"
    "集安组织维和部队已抵达阿拉木图。"
)
KK = "Президент Тоқаев наразылық білдірушілерді террористер деп атады. ҰҚШҰ бітімгерлері Алматыға келді."


def test_russian_frames_with_holders(model) -> None:  # type: ignore[no-untyped-def]
    frames = detect_narrative_frames("ru1", RU, model=model)
    _check_offsets(RU, frames)
    terror = _by(frames, "terrorism")
    assert terror and terror[0].holder == "the authorities" and terror[0].terms == ["террористами"]
    colour = _by(frames, "colour revolution")
    assert colour and colour[0].holder == "Kassym-Jomart Tokayev" and colour[0].stance == "reported"
    assert _by(frames, "peacekeeping")[0].terms == ["Миротворцы"]
    assert _by(frames, "fuel price protest")


def test_chinese_and_kazakh_frames(model) -> None:  # type: ignore[no-untyped-def]
    zh = detect_narrative_frames("zh1", ZH, model=model)
    _check_offsets(ZH, zh)
    assert _by(zh, "terrorism")[0].holder == "Kassym-Jomart Tokayev"
    assert _by(zh, "colour revolution")[0].holder == "China"
    assert _by(zh, "peacekeeping")[0].terms == ["维和部队"]
    kk = detect_narrative_frames("kk1", KK, model=model)
    assert _by(kk, "terrorism")[0].holder == "Kassym-Jomart Tokayev"
    assert _by(kk, "peacekeeping")


def test_quote_speaker_is_the_holder(model) -> None:  # type: ignore[no-untyped-def]
    body = "The minister spoke at length. “These were terrorists trained abroad,” Ivanov said on Friday."
    start = body.index("“")
    q = Quote("q1", start, body.index("”") + 1, body[start : body.index("”") + 1], speaker="Pavel Ivanov")
    frames = detect_narrative_frames("q1", body, model=model, quotes=[q])
    assert frames[0].holder == "Pavel Ivanov" and frames[0].stance == "reported"


def test_author_voice_endorsed_and_contested(model) -> None:  # type: ignore[no-untyped-def]
    endorsed = detect_narrative_frames("e1", "Terrorists attacked the airport and terrorism is spreading.", model=model)
    assert endorsed[0].stance == "endorsed" and endorsed[0].holder is None
    contested = detect_narrative_frames("c1", "The so-called peacekeepers are an occupying army.", model=model)
    assert contested[0].frame == "peacekeeping" and contested[0].stance == "contested"


def test_neutral_text_has_no_narrative_frame(model) -> None:  # type: ignore[no-untyped-def]
    text = "The city council approved a new budget for road repairs on Tuesday. Work starts in March."
    assert detect_narrative_frames("n1", text, model=model) == []


def test_user_frame_file_adds_and_replaces(tmp_path: Path) -> None:
    (tmp_path / "bread.yaml").write_text(
        "name: bread riots\ncues:\n  en: [bread price*, {term: bread queue*, weight: 0.7}]\n  ru: [цен* на хлеб]\n",
        encoding="utf-8",
    )
    (tmp_path / "peace.yaml").write_text(
        "name: peacekeeping\nthreshold: 5\ncues:\n  en: [peacekeep*]\n", encoding="utf-8"
    )
    defs = load_frame_definitions(user_dir=tmp_path)
    assert "bread riots" in defs and defs["peacekeeping"].threshold == 5
    model = load_narrative_model(user_dir=tmp_path)
    text = "Bread prices doubled and the peacekeepers left. Цены на хлеб выросли."
    frames = detect_narrative_frames("u1", text, model=model)
    assert {f.frame for f in frames} == {"bread riots"}
    assert {t for f in frames for t in f.terms} == {"Bread prices", "Цены на хлеб"}


def test_bad_user_frame_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("description: no name here\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.yaml"):
        load_frame_definitions(user_dir=tmp_path)
    (tmp_path / "broken.yaml").write_text("name: x\ncues:\n  en: [{pattern: '(unclosed'}]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unclosed"):
        load_narrative_model(user_dir=tmp_path)


def test_every_shipped_frame_file_is_documented() -> None:
    defs = load_frame_definitions(user_dir=ROOT / "no-such-folder")
    for required in (
        "terrorism",
        "colour revolution",
        "peacekeeping",
        "jihadist involvement",
        "palace coup",
        "fuel price protest",
        "nazification",
        "genocide",
        "sovereignty",
        "NATO expansion",
        "separatism",
    ):
        assert required in defs
    for d in defs.values():
        text = (ROOT / "src" / "newsprism" / "enrich" / d.path.replace("resources/", "resources/", 1)).read_text()
        assert text.startswith("#") and "Source:" in text and "Licence:" in text, d.path
        assert d.description


def test_docs_name_every_frame_stage_and_file() -> None:
    doc = (ROOT / "docs" / "frames.md").read_text(encoding="utf-8")
    for stage in ("genre.features.v1", "frames.generic.v1", "frames.narrative.v1", "techniques.lexicon.v1"):
        assert stage in doc
    for name in load_frame_definitions(user_dir=ROOT / "no-such-folder"):
        assert name in doc, name


def test_other_crisis_frames_in_russian_and_english(model) -> None:  # type: ignore[no-untyped-def]
    ru = "Путин заявил, что целью операции является денацификация и демилитаризация Украины."
    nazi = _by(detect_narrative_frames("ru2", ru, model=model), "nazification")
    assert nazi and nazi[0].holder == "Vladimir Putin" and nazi[0].terms == ["денацификация"]
    en = "A neo-Nazi rally was held in the town on Saturday."
    assert detect_narrative_frames("en2", en, model=model) == []  # one passing mention is not the frame
    nato = "Moscow blames NATO expansion for the war and demands security guarantees."
    got = _by(detect_narrative_frames("en3", nato, model=model), "NATO expansion")
    assert got and got[0].holder == "Russia" and got[0].stance == "reported"


def test_entities_stage_names_resolve_holders(model) -> None:  # type: ignore[no-untyped-def]
    from newsprism.model import Entity

    body = "Mr Karimov accused the protesters of terrorism and called them terrorists."
    ent = Entity("e1", 3, 10, "Karimov", type="person", canonical="Islam Karimov", entity_id="Q1")
    frames = detect_narrative_frames("e1", body, model=model, entities=[ent])
    assert frames[0].holder == "Islam Karimov" and frames[0].holder_id == "Q1" and frames[0].holder_text == "Karimov"


@pytest.mark.parametrize(
    ("text", "frame", "holder", "stance"),
    [
        ("According to the Kremlin, the unrest was a colour revolution.", "colour revolution", "Russia", "reported"),
        ("По словам Путина, это была попытка цветной революции.", "colour revolution", "Vladimir Putin", "reported"),
        ("The protesters were described as terrorists by Kazakh officials.", "terrorism", "Kazakhstan", "reported"),
        ("Terrorists, Tokayev said, had attacked the airport.", "terrorism", "Kassym-Jomart Tokayev", "reported"),
        ("“The terrorists must be destroyed,” Tokayev said.", "terrorism", "Kassym-Jomart Tokayev", "reported"),
        ("Chinese state media described the protesters as terrorists.", "terrorism", "China", "reported"),
        (
            "Washington dismissed claims of a colour revolution as absurd.",
            "colour revolution",
            "United States",
            "contested",
        ),
    ],
)
def test_holder_patterns(model, text: str, frame: str, holder: str, stance: str) -> None:  # type: ignore[no-untyped-def]
    got = [(f.frame, f.holder, f.stance) for f in detect_narrative_frames("h", text, model=model)]
    assert got == [(frame, holder, stance)]


def test_two_holders_in_one_sentence_make_two_records(model) -> None:  # type: ignore[no-untyped-def]
    text = "The West calls it an occupation; Moscow calls it a peacekeeping mission and its troops peacekeepers."
    got = {(f.frame, f.holder) for f in detect_narrative_frames("w", text, model=model)}
    assert got == {("peacekeeping", "Russia")}
