"""The README's SQL examples: a ```sql block followed by the ```text block of what the duckdb
CLI printed for it. Each README section is checked by the test that can build its warehouse."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
QUERY = re.compile(
    r"```sql\n(?P<sql>(?:(?!```).)*?)```\n\n```text\n(?P<output>(?:(?!```).)*?)```", re.DOTALL
)


def _section(text: str, heading: str) -> tuple[int, int]:
    """Where the `## heading` section starts and ends (at the next `## ` heading)."""
    start = text.index(f"\n## {heading}")
    following = text.find("\n## ", start + 1)
    return start, len(text) if following < 0 else following


def documented_queries(heading: str) -> list[re.Match[str]]:
    text = README.read_text("utf-8")
    start, end = _section(text, heading)
    return list(QUERY.finditer(text, start, end))


def section_text(heading: str) -> str:
    text = README.read_text("utf-8")
    start, end = _section(text, heading)
    return text[start:end]


def rewrite_outputs(heading: str, run: Callable[[str], str]) -> None:
    """Replace every documented output of the section with what `run(sql)` prints now."""
    text = README.read_text("utf-8")
    start, end = _section(text, heading)
    section = QUERY.sub(
        lambda m: f"```sql\n{m['sql']}```\n\n```text\n{run(m['sql'])}```", text[start:end]
    )
    README.write_text(text[:start] + section + text[end:], "utf-8")
