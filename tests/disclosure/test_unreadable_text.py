"""A text layer whose glyphs map to no character — `(cid:NN)` codes, a font without a ToUnicode
map — is unreadable text, its own reason, not a disclosure of an unknown format."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure.errors import UnreadableText
from disclosure.extract import extract_disclosure
from tests.hostile import without_unicode_map

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "2024_010_湖南省信访局.pdf"


def test_glyphs_without_characters_are_unreadable_text(tmp_path: Path) -> None:
    pdf = without_unicode_map(SAMPLE, tmp_path / "glyphs.pdf")
    with pytest.raises(UnreadableText) as unreadable:
        extract_disclosure(pdf)
    assert unreadable.value.reason == "unreadable_text"
    assert str(unreadable.value).startswith(f"{pdf}: its text cannot be read: ")
    assert "(cid:NN) codes, no ToUnicode map" in str(unreadable.value)
    assert "\n" not in str(unreadable.value)
