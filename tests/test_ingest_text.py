"""loader.text.v1: pasted multi-article pages, in the layouts users paste (blog reposts, digests, exports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.errors import EmptyInputError, UnsupportedInputError
from newsprism.ingest import LoadResult, RawInput, ingest, read_input
from newsprism.ingest.text import NAME, TextLoader
from newsprism.ingest.text_headers import LineReader, load_lexicon
from newsprism.model import Footnote
from newsprism.store import open_store

ROOT = Path(__file__).resolve().parents[1]
PAGES = Path(__file__).resolve().parent / "data" / "pages"
SEED = ROOT / "examples" / "kazakhstan-2022-01-12.txt"


def load(name: str, **options: object) -> LoadResult:
    path = PAGES / name
    return TextLoader().load(RawInput(str(path), path.read_bytes()), Settings(), **options)


def paragraphs(body: str) -> list[str]:
    return body.split("\n\n")


@pytest.fixture(scope="module")
def reader() -> LineReader:
    return LineReader(load_lexicon())


# -- the seed page, through the real ingest into a real SQLite store -------------------------------------------


def test_seed_page_through_ingest_into_sqlite(tmp_path: Path) -> None:
    store = open_store(tmp_path / "seed.db")
    try:
        report = ingest([SEED], store, format="text")
        assert report.failed == []
        assert len(report.stored) == 2
        assert report.labels == 2
        arts = {a.title: a for a in store.iter_articles()}
        assert set(arts) == {
            "Why Kazakhstan's Crisis Matters to China",
            "Was the Kazakhstan uprising an attempted Jihadi takeover?",
        }
        a1 = arts["Why Kazakhstan's Crisis Matters to China"]
        assert a1.authors == ["Giulia Sciorati"]
        assert a1.published == "2022-01-11"
        assert a1.url == "https://www.ispionline.it/en"
        assert a1.outlet_id == "ispionline.it"  # from the URL's domain: the page names no outlet for it
        assert a1.body.startswith("Scarcely two years after protesters redefined")
        assert a1.body.endswith("is still valid and worthy of being pursued.")
        assert a1.footnotes == [
            Footnote(
                mark="[1]",
                text="This tendency is clearly detectable in the documents released after China’s annual academic "
                "conference on the relations with Central Asia.",
            )
        ]
        assert "[1] This tendency" not in a1.body
        assert "through this prism,[1] especially" in a1.body  # the inline mark stays
        assert "China’s Understanding of the Kazakh Protests" in paragraphs(a1.body)  # a section heading
        assert a1.author_bio is None and a1.pull_quotes == []
        assert a1.language == "en"
        assert a1.source is not None
        assert (a1.source.kind, a1.source.part, a1.source.loader) == ("text", "article 1", NAME)
        assert a1.source.location == str(SEED)

        a2 = arts["Was the Kazakhstan uprising an attempted Jihadi takeover?"]
        assert a2.authors == ["Francis Pike"]
        assert a2.published == "2022-01-11"
        assert a2.outlet == "The Spectator"  # the all-caps byline shown as the known outlet's own name
        assert a2.url is None
        assert a2.body.startswith("The Kazakh uprising is over.")
        assert a2.body.endswith("Astonishing as it may seem, a Central Asian despot may actually be telling the truth.")
        assert a2.author_bio is not None and a2.author_bio.startswith("Francis Pike is a historian")
        assert a2.author_bio.endswith("Modern Asia Since World War II.")
        pull = "The Kremlin and Tokayev have accused ‘terrorists’ of acting with unspecified foreign agents"
        assert a2.pull_quotes == [pull]
        assert a2.body.count(pull) == 1
        assert a2.footnotes == []
        assert a2.source is not None and a2.source.part == "article 2"
        for a in (a1, a2):
            for chrome in (
                "Wednesday, January 12, 2022",
                "No comments:",
                "WRITTEN BY",
                "THE SPECTATOR IS A UK RIGHT WING PUBLICATION",
            ):
                assert chrome not in a.body
            assert "\n\n\n" not in a.body and a.body == a.body.strip()

        assert a2.outlet_id is not None
        labels = {(lab.field, lab.value): lab for lab in store.outlet_labels(a2.outlet_id) if lab.source_kind == "page"}
        assert set(labels) == {("lean", "right"), ("country", "GB")}
        lean = labels[("lean", "right")]
        assert lean.source == f"page:{SEED}"
        assert lean.source_kind == "page"
        assert lean.evidence == "THE SPECTATOR IS A UK RIGHT WING PUBLICATION"
        assert lean.date == "2022-01-12"
    finally:
        store.close()


def test_seed_page_meta_and_labels() -> None:
    res = TextLoader().load(RawInput(str(SEED), SEED.read_bytes()), Settings())
    assert res.meta["page_date"] == "2022-01-12"
    assert res.meta["article_count"] == 2
    assert res.errors == []
    assert [(p.outlet, p.label.field, p.label.value, p.article_index) for p in res.labels] == [
        ("THE SPECTATOR", "lean", "right", 1),
        ("THE SPECTATOR", "country", "GB", 1),
    ]
    assert all(a.id == "" and a.language is None for a in res.articles)  # ingest fills these
    assert res.articles[0].outlet is None
    assert len(paragraphs(res.articles[0].body)) == 12
    assert len(paragraphs(res.articles[1].body)) == 20


# -- other layouts -------------------------------------------------------------------------------------------


def test_newsletter_digest() -> None:
    res = load("digest.txt")
    assert res.errors == []
    assert res.meta["page_date"] == "2022-01-10"
    assert res.meta["preamble"] == [
        "Central Asia Morning Brief — Monday, 10 January 2022",
        "Good morning. Five items on the unrest in Kazakhstan and what neighbours make of it.",
    ]
    got = [(a.title, a.outlet, a.published, a.authors, a.url) for a in res.articles]
    assert got == [
        (
            "Kazakhstan says constitutional order is restored",
            "Reuters",
            "2022-01-10",
            [],
            "https://www.reuters.com/world/asia-pacific/kazakhstan-order-restored-2022-01-10/",
        ),
        ("Detentions pass 7,900 after week of unrest", "Associated Press", "2022-01-10", [], None),
        ("Almaty airport to reopen as internet returns", "Eurasianet", "2022-01-11", ["Joanna Lillis"], None),
        ("China offers law-enforcement help to Astana", "Global Times", "2022-01-11", [], None),
        ("Russia frames the CSTO deployment as peacekeeping", "TASS", "2022-01-10", [], None),
    ]
    assert paragraphs(res.articles[0].body) == [
        "President Tokayev told a CSTO video summit that an attempted coup had been defeated.",
        "He said the bloc's troops would leave once their mission was complete.",
    ]
    last = res.articles[4]
    assert paragraphs(last.body) == [
        "The Kremlin said the contingent numbered about 2,000 troops.",
        "Officials stressed the mission would be short.",
    ]
    for a in res.articles:
        assert "•" not in a.body and "Unsubscribe" not in a.body and "GLOBAL TIMES" not in a.body
        assert a.author_bio is None and a.footnotes == [] and a.pull_quotes == []
    assert [(p.outlet, p.label.field, p.label.value, p.article_index) for p in res.labels] == [
        ("GLOBAL TIMES", "state_affiliated", "true", 3),
        ("GLOBAL TIMES", "kind", "newspaper", 3),
        ("GLOBAL TIMES", "country", "CN", 3),
    ]


def test_lexisnexis_export() -> None:
    res = load("lexisnexis.txt")
    assert res.errors == []
    assert res.meta["layout"] == "export"
    assert res.meta["preamble"] == ["Kazakhstan unrest", "Search results: 3 documents"]
    got = [(a.title, a.outlet, a.published, a.authors) for a in res.articles]
    assert got == [
        (
            "Tokayev authorises troops to shoot without warning",
            "The Guardian (London)",
            "2022-01-07",
            ["Andrew Roth", "Naubet Bisenov"],
        ),
        (
            "Tokayev blames militants trained abroad for the riots",
            "The New York Times",
            "2022-01-10",
            ["Andrew Higgins"],
        ),
        (
            "Former security chief Massimov held on treason suspicion",
            "Financial Times (London, England)",
            "2022-01-08",
            ["Henry Foy"],
        ),
    ]
    first = res.articles[0]
    assert paragraphs(first.body) == [
        "Kazakhstan's president has said he authorised security forces to fire without warning on protesters, "
        "as Russian-led troops arrived in the country.",
        "In a televised address, Kassym-Jomart Tokayev described those behind the unrest as terrorists and bandits.",
    ]
    assert first.meta["section"] == "WORLD NEWS; Version:2"
    assert first.meta["word_count"] == 412
    assert first.meta["load_date"] == "January 7, 2022"
    assert res.articles[1].meta["word_count"] == 380
    # header lines that are neither a field nor a name are kept as meta, not dropped
    assert [a.meta["header_lines"] for a in res.articles] == [
        ["Online Edition"],
        ["Late Edition - Final"],
        ["London Edition 1"],
    ]
    assert res.articles[2].body.endswith("former president Nursultan Nazarbayev.")
    for a in res.articles:
        for chrome in ("Load-Date", "End of Document", "Copyright", "Document 1 of 3", "Body", "Length:"):
            assert chrome not in a.body
        assert a.url is None
    assert res.labels == []


def test_factiva_export_with_wrapped_lines() -> None:
    res = load("factiva.txt")
    assert res.errors == []
    assert [(a.title, a.outlet, a.published, a.authors) for a in res.articles] == [
        (
            "Almaty emergency lifted as alliance troops begin to withdraw",
            "Reuters News",
            "2022-01-13",
            ["Olzhas Auyezov"],
        ),
        (
            "Putin vows bloc will block colour revolutions",
            "Reuters News",
            "2022-01-10",
            ["Andrew Osborn", "Tom Balmforth"],
        ),
    ]
    first = res.articles[0]
    assert paragraphs(first.body) == [
        "ALMATY, Jan 13 (Reuters) - Kazakhstan began withdrawing Russian-led troops on Thursday after a week of "
        "unrest, and authorities said the situation in the largest city, Almaty, had stabilised.",
        "The peacekeeping contingent of the Collective Security Treaty Organisation would complete its departure "
        "within ten days, officials said.",
    ]
    assert first.meta["document_id"] == "LBA0000020220113ei1d00abc"
    assert first.meta["source_code"] == "LBA"
    assert first.meta["word_count"] == 412
    assert res.articles[1].meta["document_id"] == "LBA0000020220110ei1a00xyz"
    assert "\n" not in res.articles[1].body  # one wrapped paragraph, joined
    for a in res.articles:
        assert "Copyright" not in a.body and "English" not in a.body and "Document LBA" not in a.body


def test_single_article_without_chrome() -> None:
    res = load("single.txt")
    assert res.errors == [] and res.labels == []
    assert "page_date" not in res.meta
    [a] = res.articles
    assert a.title == "Fuel prices lit the fuse in Zhanaozen"
    assert a.authors == ["Aigerim Seitkali"]
    assert a.published == "2022-01-05"
    assert a.url == "https://example.org/analysis/zhanaozen-fuel-prices"
    assert a.outlet is None
    assert len(paragraphs(a.body)) == 3
    assert a.body.startswith("The protests began on 2 January in Zhanaozen")
    assert a.body.endswith("shaped how residents saw the price rise.")
    assert a.source is not None and a.source.part == "article 1"


def test_five_articles_with_varied_header_orders() -> None:
    res = load("five_articles.txt")
    assert res.errors == []
    assert res.meta["page_date"] == "2022-01-14"
    got = [(a.title, a.authors, a.published, a.outlet, a.url) for a in res.articles]
    assert got == [
        (
            "What the CSTO deployment tells us about Moscow",
            ["Anna Kowalska"],
            "2022-01-12",
            None,
            "https://www.example-institute.org/analysis/csto-deployment",
        ),
        (
            "Tokayev's gamble on the old guard",
            ["Marat Dzhumabaev", "Lena Fischer"],
            "2022-01-13",
            "EURASIA REVIEW",
            None,
        ),
        (
            "Who pays for cheaper gas?",
            ["Dana Omarova"],
            "2022-01-12",
            None,
            "https://www.example-news.kz/economy/gas-prices",
        ),
        ("Beijing watches its western border", ["Sun Wei"], "2022-01-13", "KAZINFORM", None),
        (
            "The view from Tashkent",
            ["Timur Karimov"],
            "2022-01-11",
            "UZBEK DAILY",
            "https://www.example-uz.uz/world/kazakhstan-view",
        ),
    ]
    a1, a2, a3, a4, a5 = res.articles
    assert paragraphs(a1.body)[1] == "A First Test"  # a section heading stays, as its own paragraph
    assert "Tajikistan sent small units, a pattern analysts described as symbolic.[1]" in a1.body
    assert a1.footnotes == [
        Footnote("[1]", "Troop figures come from the alliance's own statements of 7 January."),
        Footnote("[2]", "Armenia's contribution was about 100 soldiers."),
    ]
    assert a1.body.endswith("rather than police the streets.")
    assert a2.pull_quotes == ["A purge of this scale would have been unthinkable a year ago"]
    assert a2.body.count("would have been unthinkable a year ago") == 1
    assert a2.author_bio == (
        "Marat Dzhumabaev is a political analyst based in Almaty who writes on Central Asian elites."
    )
    assert a2.body.endswith("when Nazarbayev still chaired the Security Council.")
    assert len(paragraphs(a2.body)) == 3
    assert paragraphs(a3.body) == [
        "The government capped the price of liquefied gas at 50 tenge a litre for 180 days after the protests.",
        "Economists warned that the cap would shift costs to producers and to the state budget.",
    ]
    assert a4.body.endswith("according to customs data.")
    assert "Kazinform" not in a4.body
    assert a5.author_bio == "Timur Karimov is a journalist in Tashkent who has covered the region since 2015."
    assert a5.body == "Uzbekistan's foreign ministry called for calm and said it was following events closely."
    for a in res.articles:
        for chrome in ("No comments", "Share to Twitter", "Posted by", "Labels:", "WRITTEN BY", "Friday, 14"):
            assert chrome not in a.body
    assert [(p.outlet, p.label.field, p.label.value, p.article_index) for p in res.labels] == [
        ("EURASIA REVIEW", "lean", "centre-left", 1),
        ("EURASIA REVIEW", "country", "US", 1),
        ("Kazinform", "state_affiliated", "true", 3),
        ("Kazinform", "kind", "agency", 3),
        ("Kazinform", "country", "KZ", 3),
    ]
    note = res.labels[4].label
    assert note.evidence == "Note: Kazinform is Kazakhstan's state-run news agency."
    assert note.source == f"page:{PAGES / 'five_articles.txt'}" and note.source_kind == "page"


def test_russian_page() -> None:
    res = load("russian.txt")
    assert res.errors == []
    assert res.meta["page_date"] == "2022-01-12"
    got = [(a.title, a.authors, a.published, a.outlet, a.url) for a in res.articles]
    assert got == [
        (
            "Токаев назвал события в Казахстане попыткой государственного переворота",
            ["Иван Петров"],
            "2022-01-11",
            "ТАСС",
            "https://tass.ru/mezhdunarodnaya-panorama/13400000",
        ),
        (
            "Число задержанных в Казахстане превысило 7900 человек",
            ["Елена Смирнова", "Олег Козлов"],
            "2022-01-11",
            "НОВАЯ ГАЗЕТА",
            None,
        ),
    ]
    assert paragraphs(res.articles[0].body)[1] == (
        "По его словам, миротворческий контингент ОДКБ покинет страну после выполнения своей задачи."
    )
    assert res.articles[1].body.endswith("расследовать гибель мирных жителей в Алматы.")
    for a in res.articles:
        assert "Комментариев нет" not in a.body and "ГОСУДАРСТВЕННОЕ" not in a.body and "ИЗДАНИЕ" not in a.body
    assert [(p.outlet, p.label.field, p.label.value, p.article_index) for p in res.labels] == [
        ("ТАСС", "state_affiliated", "true", 0),
        ("ТАСС", "kind", "agency", 0),
        ("ТАСС", "country", "RU", 0),
        ("НОВАЯ ГАЗЕТА", "lean", "left", 1),
        ("НОВАЯ ГАЗЕТА", "stance", "opposition", 1),
    ]


def test_text_without_structure_is_one_article() -> None:
    path = PAGES / "unstructured.txt"
    res = load("unstructured.txt")
    [a] = res.articles
    assert res.meta["layout"] == "unstructured"
    assert a.title is None and a.authors == [] and a.published is None and a.outlet is None
    expected = "\n\n".join(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    assert a.body == expected


def test_split_false_keeps_the_page_whole() -> None:
    res = load("single.txt", split=False)
    [a] = res.articles
    assert a.title is None
    assert a.body.startswith("Fuel prices lit the fuse in Zhanaozen")


def test_boxed_analysis_inside_a_story_does_not_split_it() -> None:
    running = " ".join(["The talks in Geneva ended without agreement on any of the points raised by either side."] * 8)
    text = f"{running}\n\nActions not words\n\nBy Jonathan Marcus, BBC News diplomatic correspondent\n\n{running}\n"
    res = TextLoader().load(RawInput("boxed.txt", text.encode()), Settings())
    [a] = res.articles
    assert a.title is None
    assert "Actions not words" in paragraphs(a.body)


def test_a_byline_and_outlet_opening_a_story_are_not_a_title() -> None:
    text = "Gregory Korte\n\nUSA TODAY\n\nWASHINGTON — President Trump will sign an executive order on visas.\n"
    [a] = TextLoader().load(RawInput("korte.txt", text.encode()), Settings()).articles
    assert a.title is None
    assert a.body.startswith("Gregory Korte\n\nUSA TODAY\n\nWASHINGTON")


def test_a_memo_quoted_in_a_story_does_not_split_it() -> None:
    text = (
        "Read the full memo below, which the campaign sent to reporters on Thursday evening in Boston.\n\n"
        "From: Beth Myers, Senior Adviser\n\nTo: Interested Parties\n\nDate: September 27, 2012\n\n"
        "In a matter of days, the two candidates will meet on the debate stage for the first time.\n"
    )
    [a] = TextLoader().load(RawInput("memo.txt", text.encode()), Settings()).articles
    assert a.title is None
    assert "To: Interested Parties" in paragraphs(a.body)


def test_running_text_before_the_first_title_is_kept_as_an_article() -> None:
    intro = " ".join(["Here is the long introduction the blogger wrote before reposting the article below."] * 6)
    text = f"{intro}\n\nA reposted story\nBy Jane Doe\n11 January 2022\n\nThe reposted text.\n"
    res = TextLoader().load(RawInput("intro.txt", text.encode()), Settings())
    assert [a.title for a in res.articles] == [None, "A reposted story"]
    assert res.articles[0].body == intro
    assert res.articles[1].authors == ["Jane Doe"] and res.articles[1].body == "The reposted text."


def test_standfirst_between_title_and_byline() -> None:
    text = (
        "Older story\nBy Ann Lee\n10 January 2022\n\nOlder text ends here.\n\n"
        "Tokayev's new cabinet\n"
        "The president named a new government after the old one resigned during the protests last week.\n"
        "By Jane Doe\n11 January 2022\nSource: https://example.org/cabinet\n\nThe new prime minister is "
        "Alikhan Smailov.\n"
    )
    res = TextLoader().load(RawInput("standfirst.txt", text.encode()), Settings())
    assert [a.title for a in res.articles] == ["Older story", "Tokayev's new cabinet"]
    a = res.articles[1]
    assert paragraphs(a.body) == [
        "The president named a new government after the old one resigned during the protests last week.",
        "The new prime minister is Alikhan Smailov.",
    ]
    assert a.authors == ["Jane Doe"] and a.published == "2022-01-11"
    assert a.url == "https://example.org/cabinet" and a.outlet is None
    assert res.articles[0].body == "Older text ends here."


# -- bad input ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", "\ufeff  \n".encode()])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError) as err:
        TextLoader().load(RawInput("blank.txt", data), Settings())
    assert "blank.txt" in str(err.value)


def test_empty_input_through_auto_format_is_reported_as_empty() -> None:
    with pytest.raises(EmptyInputError):
        read_input(RawInput("blank.txt", b"  \n"), format="text")


def test_only_chrome_is_empty() -> None:
    with pytest.raises(EmptyInputError) as err:
        TextLoader().load(RawInput("chrome.txt", b"No comments:\n\nShare to Twitter\n"), Settings())
    assert "chrome" in err.value.reason


def test_binary_is_unsupported() -> None:
    with pytest.raises(UnsupportedInputError):
        TextLoader().load(RawInput("x.pdf", b"%PDF-1.4\n\x00\x01binary"), Settings())


def test_article_without_body_is_an_error_and_the_page_goes_on() -> None:
    text = "A title with no text\nBy Jane Doe\n11 January 2022\n\nSecond title\nBy John Roe\n12 January 2022\n\nText.\n"
    res = TextLoader().load(RawInput("p.txt", text.encode()), Settings())
    assert [a.title for a in res.articles] == ["Second title"]
    [err] = res.errors
    assert err.source == "p.txt#article 1" and "no body text" in err.reason


# -- sniffing and single lines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"Title\nBy Jane Doe\n\nText.", "page.txt", 0.3),
        (b"Title\nBy Jane Doe\n\nText.", "page.dat", 0.2),
        (b"<html><body>x</body></html>", "page.txt", 0.0),
        (b'<?xml version="1.0"?><rss/>', "feed", 0.0),
        (b'{"title": "x"}\n{"title": "y"}\n', "a.jsonl", 0.0),
        (b'[{"title": "x"}]', "a.json", 0.0),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.png", 0.0),
        (b"", "empty.txt", 0.05),
        (b"title,body\nx,y\n", "a.csv", 0.02),
    ],
)
def test_sniff(data: bytes, name: str, expected: float) -> None:
    assert TextLoader().sniff(RawInput(name, data, name=name)) == expected


def test_auto_format_picks_the_text_loader_for_a_text_page() -> None:
    """Among every registered loader, the text loader reads a pasted page (runs once all loaders are merged)."""
    for module in ("newsprism.ingest.html", "newsprism.ingest.feeds", "newsprism.ingest.tables"):
        pytest.importorskip(module)
    res = read_input(RawInput(str(SEED), SEED.read_bytes(), name=SEED.name))
    assert [a.source.loader for a in res.articles if a.source] == [NAME, NAME]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("11 January 2022", "2022-01-11"),
        ("January 11, 2022", "2022-01-11"),
        ("2022-01-11", "2022-01-11"),
        ("11.01.2022", "2022-01-11"),
        ("11 января 2022", "2022-01-11"),
        ("Среда, 12 января 2022 г.", "2022-01-12"),
        ("January 7, 2022 Friday", "2022-01-07"),
        ("Published 11 January 2022", "2022-01-11"),
        ("05/01/2022", "2022-01-05"),
    ],
)
def test_date_lines(reader: LineReader, line: str, iso: str) -> None:
    got = reader.date(line)
    assert got is not None and got[0] == iso


@pytest.mark.parametrize("line", ["Document 1 of 3", "412 words", "1 of 3 2022", "Giulia Sciorati", "In May 2022 the"])
def test_not_date_lines(reader: LineReader, line: str) -> None:
    assert reader.date(line) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Giulia Sciorati", ["Giulia Sciorati"]),
        ("By Andrew Higgins", ["Andrew Higgins"]),
        ("Andrew Roth in Moscow and Naubet Bisenov in Almaty", ["Andrew Roth", "Naubet Bisenov"]),
        ("Anna Smith, Bo Lee and Carl Jung", ["Anna Smith", "Bo Lee", "Carl Jung"]),
        ("Jean-Paul de la Roche", ["Jean-Paul de la Roche"]),
        ("Reuters News", []),
        ("Life is returning to normal.", []),
    ],
)
def test_split_authors(reader: LineReader, text: str, names: list[str]) -> None:
    assert reader.split_authors(text) == names


@pytest.mark.parametrize(
    ("line", "outlet", "labels"),
    [
        ("THE SPECTATOR IS A UK RIGHT WING PUBLICATION", "THE SPECTATOR", [("lean", "right"), ("country", "GB")]),
        ("RT IS A RUSSIAN STATE MEDIA OUTLET", "RT", [("state_affiliated", "true"), ("country", "RU")]),
        ("Note: The Nation is a far-left weekly.", "The Nation", [("lean", "far-left")]),
        ("Jacobin is a left wing magazine", "Jacobin", [("lean", "left"), ("kind", "magazine")]),
        ("BREITBART IS A FAR RIGHT WING WEBSITE", "BREITBART", [("lean", "far-right")]),
        (
            "THE TIMES IS A CENTRE-RIGHT BRITISH NEWSPAPER",
            "THE TIMES",
            [("lean", "centre-right"), ("kind", "newspaper"), ("country", "GB")],
        ),
        (
            "XINHUA IS A PRO-GOVERNMENT CHINESE AGENCY",
            "XINHUA",
            [("stance", "pro-government"), ("kind", "agency"), ("country", "CN")],
        ),
    ],
)
def test_outlet_notes(reader: LineReader, line: str, outlet: str, labels: list[tuple[str, str]]) -> None:
    note = reader.note(line)
    assert note is not None
    assert note.outlet == outlet
    assert sorted((f, v) for f, v, _ in note.labels) == sorted(labels)


@pytest.mark.parametrize(
    "line",
    [
        "The government is a conservative force in the region, analysts say.",  # a body sentence, not a note
        "Putin is right about one thing",
        "THE KAZAKH UPRISING IS OVER",
    ],
)
def test_not_outlet_notes(reader: LineReader, line: str) -> None:
    assert reader.note(line) is None


def test_lexicon_is_packaged_data() -> None:
    lex = load_lexicon()
    assert lex.field_names["byline"] == "authors"
    assert lex.field_names["источник"] == "outlet"
    assert "января" in lex.month_words
    assert {v for f, v, _p, _rx in lex.labels if f == "lean"} == {
        "far-left",
        "left",
        "centre-left",
        "centre",
        "centre-right",
        "right",
        "far-right",
    }


# -- evaluation on real article text (needs ../shared/datasets; skipped when absent) ----------------------------

# the repo's sibling folder "shared" (CI keeps it beside the clone; a worktree may sit one level deeper)
SHARED = next(
    (p for p in (ROOT / ".." / "shared", ROOT / ".." / ".." / "shared") if p.exists()), ROOT / ".." / "shared"
)
ALLSIDES = SHARED / "datasets" / "allsides-articles" / "articles.jsonl.gz"


@pytest.mark.shared
@pytest.mark.skipif(not ALLSIDES.exists(), reason="../shared/datasets is absent")
def test_synthetic_pages_of_real_articles_floors() -> None:
    from newsprism.evaluate.pages import evaluate_pages

    scores = evaluate_pages(ALLSIDES, 400)
    print(" ".join(f"{k}={v:.3f}" for k, v in scores.items()))
    assert scores["articles"] >= 300
    assert scores["split_f1"] >= 0.96
    assert scores["published_accuracy"] >= 0.95
    assert scores["url_accuracy"] >= 0.95
    assert scores["outlet_accuracy"] >= 0.90
    assert scores["authors_accuracy"] >= 0.94  # the gold itself holds roles ("Special To Cnn") as authors
    assert scores["body_start_accuracy"] >= 0.96
    assert scores["body_end_accuracy"] >= 0.96


@pytest.mark.shared
@pytest.mark.skipif(not ALLSIDES.exists(), reason="../shared/datasets is absent")
def test_single_real_articles_are_not_split() -> None:
    from newsprism.evaluate.pages import allsides_sample
    from newsprism.ingest.text import read_page

    reader = LineReader(load_lexicon())
    arts = allsides_sample(ALLSIDES, 500)
    counts = [len(read_page(d["content_original"], location=d["ID"], reader=reader).articles) for d in arts]
    assert len(counts) == 500
    assert sum(c == 1 for c in counts) / len(counts) >= 0.995
