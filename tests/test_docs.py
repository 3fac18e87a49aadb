"""The documentation as a newcomer meets it: a short README, and no dead link anywhere."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"```.*?```", re.DOTALL)


def anchors(page: Path) -> set[str]:
    """GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces → '-'."""
    found = set()
    for heading in re.findall(r"^#{1,6} (.+)$", FENCE.sub("", page.read_text("utf-8")), re.M):
        text = heading.strip().lower()
        text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in ("L", "N"))
        found.add(text.replace(" ", "-"))
    return found


def links(page: Path) -> list[str]:
    return LINK.findall(FENCE.sub("", page.read_text("utf-8")))


def test_the_readme_fits_on_a_few_screens() -> None:
    assert len((REPO / "README.md").read_text("utf-8").splitlines()) <= 200


def test_every_page_is_linked_from_the_readme() -> None:
    linked = {target.split("#")[0] for target in links(REPO / "README.md")}
    assert {f"docs/{p.name}" for p in PAGES[1:]} <= linked


def test_no_link_is_dead() -> None:
    dead = []
    for page in PAGES:
        for target in links(page):
            if re.match(r"^[a-z]+://", target) or target.startswith("mailto:"):
                continue
            path_text, _, anchor = target.partition("#")
            path = (page.parent / path_text).resolve() if path_text else page
            if not path.exists():
                dead.append(f"{page.relative_to(REPO)}: {target} (no such file)")
            elif anchor and path.suffix == ".md" and anchor not in anchors(path):
                dead.append(f"{page.relative_to(REPO)}: {target} (no such heading)")
    assert dead == []
