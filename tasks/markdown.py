"""Markdown for artifacts: text that came from a PDF or a file name, shown as itself.

The Prefect UI renders an artifact's markdown. A file named `<img src=x onerror=…>.pdf`, or one
with `|`, `[…](…)`, `*` or a newline in its name, must read as that name: on one line, with what
would open markup, a link, a code span, emphasis or a new table cell backslash-escaped
(CommonMark shows `\\<` as `<`). Other punctuation stays as it is, so the markdown reads well.
"""

from __future__ import annotations

import re

_ACTIVE = re.compile(r"([\\`*\[\]|<>])")


def markdown_text(text: object) -> str:
    """`text` on one line, markup, links, code, emphasis and cell breaks escaped."""
    return _ACTIVE.sub(r"\\\1", " ".join(str(text).split()))
