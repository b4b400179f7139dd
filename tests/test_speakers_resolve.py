"""Speakers that are not the words next to the cue: a Chinese statement standing for its issuer (``外交部发表声明称``,
``国防部声明称``). Sentences written for these tests; each names the speaker newsprism must give and the words of the
page that are its evidence."""

from __future__ import annotations

import pytest

from newsprism.enrich.quotes import extract_quotes

#: (language, text, the quote's first words, the speaker's name, the evidence span as written)
CASES = [
    ("zh", "外交部发表声明称：“中方坚决反对这一做法。”", "中方", "外交部", "外交部"),
    ("zh", "国防部声明称：“我们将采取一切必要措施。”", "我们", "国防部", "国防部"),
    ("zh", "应急管理部发布通报称：“救援工作仍在进行。”", "救援", "应急管理部", "应急管理部"),
]


@pytest.mark.parametrize(("lang", "text", "said", "speaker", "evidence"), CASES)
def test_the_issuer_not_its_statement_is_the_speaker(
    lang: str, text: str, said: str, speaker: str, evidence: str
) -> None:
    quotes = [q for q in extract_quotes(text, parsed=None, language=lang) if said in q.text]
    assert len(quotes) == 1, [(q.text, q.speaker) for q in extract_quotes(text, parsed=None, language=lang)]
    (q,) = quotes
    assert q.speaker == speaker
    assert q.speaker_text == evidence
    assert text[q.speaker_start : q.speaker_end] == evidence


def test_a_speaker_with_no_statement_word_is_kept_whole() -> None:
    text = "国防部发言人张晓刚表示：“中方坚决反对这一做法。”"
    (q,) = extract_quotes(text, parsed=None, language="zh")
    assert q.speaker_text == "国防部发言人张晓刚"
