"""Text from outside — a file name, a unit's name, a label printed in a PDF — in the Prefect
artifacts: shown as written, never read as markup.

The Prefect UI renders markdown artifacts, and the cells of table artifacts, as markdown (a
findings table links its pages that way), which passes HTML through. So such text is written
on one line (`sources.names.printable`), its HTML characters as entities and every character
markdown gives a meaning to escaped with a backslash: `<img src=x onerror=…>` shows as that.
"""

from __future__ import annotations

import html
import re

from sources.names import printable

# What inline markdown (CommonMark, GFM tables and strikethrough) reads as markup; an
# underscore inside a word (`2024_010_湖南省信访局`) never is, and stays as it is.
_MARKUP = re.compile(r"([\\`*\[\]()!|~#{}]|(?<!\w)_|_(?!\w))")


def markdown_text(value: object) -> str:
    """`value` as markdown text that renders as exactly its characters."""
    text = html.escape(printable(str(value)), quote=False)
    return _MARKUP.sub(r"\\\1", text)
