"""Extraction speed and memory: the library against a naive `page.extract_tables()` loop.

    .venv/bin/python benchmarks/extraction.py                 # samples/*.pdf, 3 rounds
    .venv/bin/python benchmarks/extraction.py --pdf a.pdf --pdf b.pdf --rounds 5
    .venv/bin/python benchmarks/extraction.py --folder ../shared/real/national

Each mode runs in its own fresh process (so peak RSS is that mode's own, its children's
included) over the same PDFs, interleaved round by round so that machine noise hits every mode
alike. The modes: the naive loop; the library with pdfminer beneath pdfplumber and with PLAYA
(`disclosure.extract`, parser pdfminer | playa), in one process and with each document's pages
split over 2 processes (`extract_disclosure(workers=2)`); and PLAYA's own page workers
(`playa.open(path, max_workers=2)`, each page read in a worker). Reported: pages/second (best
round), CPU seconds per page of the process and its children, the ratio to the naive loop
measured in this same run, and peak RSS. No assertion here: docs/performance.md records them.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODES = {
    "naive extract_tables()": "naive",
    "library pdfminer, 1 process": "pdfminer-1",
    "library playa, 1 process": "playa-1",
    "library pdfminer, 2 processes": "pdfminer-2",
    "library playa, 2 processes": "playa-2",
    "PLAYA page workers, 2": "playa_workers-2",
}


def _page_content(page: object) -> object:
    """In a PLAYA page worker: one page read as the library reads it."""
    from disclosure.page import page_to_content
    from disclosure.playa_pages import FontReadings, NotExact, PlayaPage

    global _FONTS
    if "_FONTS" not in globals():
        _FONTS = FontReadings()
    number = page.page_idx + 1  # type: ignore[attr-defined]
    try:
        plumbed = PlayaPage(page, number, _FONTS)  # type: ignore[arg-type]
    except NotExact:  # the library reads such a page with pdfminer; not measured here
        return None
    return page_to_content(plumbed, number, parser="playa")


def _with_page_workers(pdf_path: str, workers: int) -> int:
    import playa

    with playa.open(pdf_path, space="page", max_workers=workers) as document:
        return sum(1 for _ in document.pages.map(_page_content))


def _run_mode(mode: str, pdfs: list[str]) -> dict:
    """Run inside the child process: extract every PDF once, report pages and seconds."""
    import pdfplumber

    from disclosure.extract import extract_disclosure

    pages = 0
    started = time.perf_counter()
    if mode == "naive":
        for pdf_path in pdfs:
            with pdfplumber.open(pdf_path) as pdf:
                for page in pdf.pages:
                    page.extract_tables()
                    page.close()
                    pages += 1
    elif mode.startswith("playa_workers"):
        workers = int(mode.split("-")[1])
        for pdf_path in pdfs:
            pages += _with_page_workers(pdf_path, workers)
    else:
        from disclosure.errors import ExtractionError
        from disclosure.pdf import count_pages

        parser, workers = mode.split("-")[0], int(mode.split("-")[1])
        for pdf_path in pdfs:
            try:
                pages += extract_disclosure(pdf_path, workers=workers, parser=parser).page_count
            except ExtractionError:  # read in full, then refused (a narrative with no table)
                pages += count_pages(pdf_path) or 0
    seconds = time.perf_counter() - started
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    if mode.endswith("-2") and not mode.startswith("playa_workers"):
        # extract_disclosure(workers=2) forks from a forkserver: its processes are not this
        # one's children, and their CPU time is not counted here
        cpu = float("nan")
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return {"pages": pages, "seconds": seconds, "cpu_s": cpu, "peak_mb": peak_kb / 1024}


def _spawn(mode: str, pdfs: list[str]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, *[f"--pdf={p}" for p in pdfs]],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", action="append", help="PDF to extract (default samples/*.pdf)")
    parser.add_argument("--folder", type=Path, help="every PDF under this folder")
    parser.add_argument("--modes", help="comma-separated modes to run (default: all)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    pdfs = args.pdf or [str(p) for p in sorted((args.folder or ROOT / "samples").rglob("*.pdf"))]
    modes = {k: v for k, v in MODES.items() if not args.modes or v in args.modes.split(",")}
    if args.child:
        print(json.dumps(_run_mode(args.child, pdfs)))
        return
    if not pdfs:
        sys.exit("no PDFs: pass --pdf or render samples/ first")

    best: dict[str, dict] = {}
    for _ in range(args.rounds):
        for label, mode in modes.items():
            result = _spawn(mode, pdfs)
            result["pages_per_second"] = result["pages"] / result["seconds"]
            if label not in best or result["pages_per_second"] > best[label]["pages_per_second"]:
                best[label] = result
    first = next(iter(best.values()))
    baseline = best.get("naive extract_tables()", first)["pages_per_second"]
    pages = first["pages"]
    print(f"{len(pdfs)} PDFs, {pages} pages, best of {args.rounds} rounds")
    print(f"{'mode':30} {'pages/s':>8} {'CPU ms/page':>12} {'speed':>7} {'peak RSS':>10}")
    for label, result in best.items():
        ratio = result["pages_per_second"] / baseline
        print(
            f"{label:30} {result['pages_per_second']:8.1f} "
            f"{1000 * result['cpu_s'] / result['pages']:12.1f} {ratio:6.2f}x "
            f"{result['peak_mb']:8.0f} MB"
        )


if __name__ == "__main__":
    main()
