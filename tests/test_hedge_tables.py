"""Hedge words have one meaning per language, the same on every run (a form listed under two classes used to change
class with PYTHONHASHSEED)."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

import pytest
import yaml

from newsprism.enrich.claim_window import _cue_file, cue_languages, load_cues


@pytest.mark.parametrize("lang", sorted(cue_languages()))
def test_no_hedge_form_has_two_classes(lang: str) -> None:
    text = _cue_file(lang)
    assert text is not None
    data = yaml.safe_load(text) or {}
    for key in ("hedges", "hedges_after"):
        seen: dict[str, str] = {}
        for cls, forms in (data.get(key) or {}).items():
            for form in forms or []:
                folded = unicodedata.normalize("NFKC", form).casefold()
                assert seen.setdefault(folded, cls) == cls, f"{lang} {key}: {form!r} is both {seen[folded]} and {cls}"


PROBE = (
    "from newsprism.enrich.claim_window import load_cues; print(repr(load_cues('ar').hedges + load_cues('zh').hedges))"
)


def test_hedge_tables_do_not_depend_on_the_hash_seed() -> None:
    tables = set()
    for seed in ("0", "1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        tables.add(
            subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True).stdout
        )
    assert len(tables) == 1
    hedges = dict(load_cues("ar").hedges)
    assert hedges["قرابة"] == "nearly"  # "close to"
    assert dict(load_cues("zh").hedges)["多达"] == "up to"  # "as many as"
