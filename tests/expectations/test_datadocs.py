"""Data Docs: what a PDF or a file name holds shows as text and never runs, and a site that is
missing or incomplete is built again — by a run that validated nothing new too."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from urllib.parse import quote

from disclosure.model import Disclosure
from expectations.datadocs.escaping import escaped, gx_name
from expectations.datadocs.site import MANIFEST, results_fingerprint, site_current
from expectations.gate import Gate, GateSettings
from tests.conftest import HUNAN_2024
from tests.e2e.browser import dump_dom

# What an attacker names a file, and prints in a PDF: each runs a script if shown as markup.
FILE_NAME = "<img src=x onerror=this.id='PWNED'></script><script>document.title='PWNED'</script>"
CELL_TEXT = "<img src=x onerror=this.id='PWNED2'><script>document.title='PWNED2'</script>"


def test_a_run_name_keeps_its_words_and_loses_its_markup() -> None:
    assert gx_name("2024_010_湖南省信访局-1a2b3c4d") == "2024_010_湖南省信访局-1a2b3c4d"
    assert gx_name(FILE_NAME + "-1a2b3c4d") == (
        "＜img src=x onerror=this.id=＇PWNED＇＞＜／script＞＜script＞document.title=＇PWNED＇"
        "＜／script＞-1a2b3c4d"
    )
    assert gx_name("a\nb\x1b[2Jc\u202e.pdf") == "a b [2Jc .pdf"
    assert escaped({"values": ["<b>", 3, ("&",)]}) == {"values": ["&lt;b&gt;", 3, ("&amp;",)]}


def hostile(disclosure: Disclosure) -> Disclosure:
    """The seed, its first table's title and first amounts replaced by markup (so they fail
    their checks and show as unexpected values), its unit code too."""
    first = disclosure.tables[0]
    cells = [
        dataclasses.replace(c, text=CELL_TEXT, amount=None) if c.amount is not None and n < 3 else c
        for n, c in enumerate(first.cells)
    ]
    first = dataclasses.replace(first, title=CELL_TEXT, table_code=None, cells=cells)
    return dataclasses.replace(
        disclosure, unit_code=CELL_TEXT, tables=[first, *disclosure.tables[1:]]
    )


def _uri(page: Path) -> str:
    return "file://" + quote(str(page))


def test_data_docs_show_a_hostile_file_name_and_cell_text_without_running_them(
    tmp_path: Path, sample_disclosures: dict[str, Disclosure]
) -> None:
    gate = Gate(GateSettings(docs_dir=tmp_path / "docs"))
    label = f"{FILE_NAME}-1a2b3c4d"
    result = gate.validate(hostile(sample_disclosures[HUNAN_2024]), label)
    assert not result.passed  # its unit code and amounts fail: shown as unexpected values
    index = gate.build_docs()
    assert index is not None

    pages = [index, *sorted((index.parent / "validations").rglob("*.html"))]
    assert len(pages) == 5  # the index, then screen, documents, tables, cells
    for page in pages:
        dom = dump_dom(_uri(page), offline=True, budget_ms=5000)
        if "/screen/" not in page.as_posix():  # the page count's run passed, nothing to show
            assert "PWNED" in dom, page  # the page shows the name or the values …
        assert not re.search(r'\bid="PWNED', dom), page  # … and no script of theirs ran
        assert "<title>PWNED" not in dom, page
    index_dom = dump_dom(_uri(index), offline=True, budget_ms=5000)
    # The name reads as it was given, its markup characters swapped for look-alikes.
    assert "＜img src=x onerror=this.id=＇PWNED＇＞" in index_dom
    documents = next(p for p in pages if "/documents/" in str(p))
    # A value printed in the PDF is written as text: escaped once, shown as printed.
    assert "&lt;img src=x onerror=this.id='PWNED2'&gt;" in dump_dom(
        _uri(documents), offline=True, budget_ms=5000
    )


def test_a_missing_or_incomplete_site_is_built_again_by_a_run_that_validated_nothing(
    tmp_path: Path, sample_disclosures: dict[str, Disclosure]
) -> None:
    docs = tmp_path / "docs"
    first = Gate(GateSettings(docs_dir=docs))
    first.validate(sample_disclosures[HUNAN_2024], "2024_010_湖南省信访局-1a2b3c4d")
    index = first.build_docs()
    assert index == docs / "index.html"
    built = sorted(p.relative_to(docs) for p in docs.rglob("*") if p.is_file())
    assert site_current(docs, results_fingerprint(tmp_path / "gx"))

    # What a full disk left with the previous code: a few pages, no index, no manifest.
    index.unlink()
    for page in sorted((docs / "validations").rglob("*.html"))[1:]:
        page.unlink()
    assert not site_current(docs, results_fingerprint(tmp_path / "gx"))

    later = Gate(GateSettings(docs_dir=docs))  # the next run: nothing new to validate
    assert later.build_docs() == index
    assert sorted(p.relative_to(docs) for p in docs.rglob("*") if p.is_file()) == built
    assert site_current(docs, results_fingerprint(tmp_path / "gx"))

    # Gone altogether: built again as well; a current site is left as it is.
    shutil.rmtree(docs)
    assert Gate(GateSettings(docs_dir=docs)).build_docs() == index and index.is_file()
    stamp = (docs / MANIFEST).stat().st_mtime_ns
    assert Gate(GateSettings(docs_dir=docs)).build_docs() == index
    assert (docs / MANIFEST).stat().st_mtime_ns == stamp
    # Nothing ever validated: no site, and nothing to build one from.
    assert Gate(GateSettings(docs_dir=tmp_path / "other" / "docs")).build_docs() is None


def test_a_run_s_data_docs_show_that_run_s_validations(
    tmp_path: Path, sample_disclosures: dict[str, Disclosure]
) -> None:
    docs = tmp_path / "docs"
    for label in ("first-1a2b3c4d", "second-5e6f7a8b"):
        gate = Gate(GateSettings(docs_dir=docs))
        gate.validate(sample_disclosures[HUNAN_2024], label)
        gate.build_docs()
    runs = {p.name for p in (docs / "validations" / "documents").iterdir()}
    assert runs == {"second-5e6f7a8b"}
