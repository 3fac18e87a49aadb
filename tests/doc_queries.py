"""The documentation's SQL examples: a ```sql block followed by the ```text block of what the
duckdb CLI printed for it. Each page is checked by the test that can build its warehouse."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
QUERY = re.compile(
    r"```sql\n(?P<sql>(?:(?!```).)*?)```\n\n```text\n(?P<output>(?:(?!```).)*?)```", re.DOTALL
)


def doc_path(page: str) -> Path:
    """`docs/<page>.md`; `README` is the README."""
    return DOCS.parent / "README.md" if page == "README" else DOCS / f"{page}.md"


def documented_queries(page: str) -> list[re.Match[str]]:
    return list(QUERY.finditer(doc_text(page)))


def doc_text(page: str) -> str:
    return doc_path(page).read_text("utf-8")


def rewrite_outputs(page: str, run: Callable[[str], str]) -> None:
    """Replace every documented output of the page with what `run(sql)` prints now."""
    path = doc_path(page)
    text = QUERY.sub(
        lambda m: f"```sql\n{m['sql']}```\n\n```text\n{run(m['sql'])}```", path.read_text("utf-8")
    )
    path.write_text(text, "utf-8")
