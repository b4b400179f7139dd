"""Speakers that are not the words next to the cue: a news agency that relays a quote (``X, citado por EFE``,
``sagte X der Nachrichtenagentur dpa``) and a statement standing for its issuer (``外交部发表声明称``). Sentences
written for these tests; each names the speaker newsprism must give and the words of the page that are its
evidence."""

from __future__ import annotations

import pytest

from newsprism.enrich.quotes import extract_quotes
from newsprism.enrich.speakers_lexical import load_speaker_words, speaker_in

#: (language, text, the quote's first words, the speaker's name, the evidence span as written)
CASES = [
    (
        "es",
        "Juan Pérez, citado por EFE, afirmó: «Estamos preparados para reconstruir todo».",
        "Estamos",
        "Juan Pérez",
        "Juan Pérez",
    ),
    (
        "fr",
        "Marie Lefèvre, citée par l’agence Reuters, a affirmé : « Nous sommes prêts à tout reconstruire ».",
        "Nous sommes",
        "Marie Lefèvre",
        "Marie Lefèvre",
    ),
    (
        "de",
        "„Wir werden den Menschen helfen“, sagte Olaf Scholz der Nachrichtenagentur dpa.",
        "Wir werden",
        "Olaf Scholz",
        "Olaf Scholz",
    ),
    (
        "it",
        "Mario Rossi, citato dall’agenzia Reuters, ha detto: «Siamo pronti a ripartire subito».",
        "Siamo",
        "Mario Rossi",
        "Mario Rossi",
    ),
    (
        "pt",
        "João Silva, citado pela agência Lusa, disse: «Estamos prontos para reconstruir a cidade».",
        "Estamos",
        "João Silva",
        "João Silva",
    ),
    (
        "ru",
        "Иван Петров в беседе с ТАСС заявил: «Мы восстановим все дома до зимы».",
        "Мы восстановим",
        "Иван Петров",
        "Иван Петров",
    ),
    ("zh", "外交部发表声明称：“中方坚决反对这一做法。”", "中方", "外交部", "外交部"),
    ("zh", "国防部声明称：“我们将采取一切必要措施。”", "我们", "国防部", "国防部"),
]


@pytest.mark.parametrize(("lang", "text", "said", "speaker", "evidence"), CASES)
def test_the_speaker_is_the_person_not_the_relay(lang: str, text: str, said: str, speaker: str, evidence: str) -> None:
    quotes = [q for q in extract_quotes(text, parsed=None, language=lang) if said in q.text]
    assert len(quotes) == 1, [(q.text, q.speaker) for q in extract_quotes(text, parsed=None, language=lang)]
    (q,) = quotes
    assert q.speaker == speaker
    assert q.speaker_text == evidence
    assert text[q.speaker_start : q.speaker_end] == evidence


def test_an_agency_alone_stays_the_speaker_and_beside_a_person_is_dropped() -> None:
    words = load_speaker_words("es")
    text = "informó la agencia EFE"
    sp = speaker_in(text, 0, len(text), "es", words, [], last=True)
    assert sp is not None and sp[2] == "EFE"
    text = "Ana Ruiz dijo a la agencia EFE"
    sp = speaker_in(text, 0, len(text), "es", words, [], last=True)
    assert sp is not None and sp[2] == "Ana Ruiz"


def test_a_name_before_the_agency_is_kept_and_a_name_alone_is_untouched() -> None:
    words = load_speaker_words("de")
    text = "sagte Olaf Scholz der Nachrichtenagentur dpa"
    sp = speaker_in(text, 6, len(text), "de", words, [], last=False)
    assert sp is not None and text[sp[0] : sp[1]] == "Olaf Scholz"
    text = "sagte Olaf Scholz"
    sp = speaker_in(text, 6, len(text), "de", words, [], last=False)
    assert sp is not None and text[sp[0] : sp[1]] == "Olaf Scholz"


def test_a_government_agency_is_a_speaker() -> None:
    text = "«Los datos son preliminares», dijo la Agencia Espacial Europea."
    (q,) = extract_quotes(text, parsed=None, language="es")
    assert q.speaker_text == "Agencia Espacial Europea"
    text = "Ana Ruiz, citada por la Agencia EFE, dijo: «Los datos son preliminares»."
    (q,) = extract_quotes(text, parsed=None, language="es")
    assert q.speaker == "Ana Ruiz"
