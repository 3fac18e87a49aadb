"""Extraction speed and memory: the library against a naive `page.extract_tables()` loop.

    .venv/bin/python benchmarks/extraction.py                 # samples/*.pdf, 3 rounds
    .venv/bin/python benchmarks/extraction.py --pdf a.pdf --pdf b.pdf --rounds 5

Each mode runs in its own fresh process (so peak RSS is that mode's own) over the same PDFs,
interleaved round by round so that machine noise hits every mode alike. Reported: pages/second
(best round), the ratio to the naive loop measured in this same run, and peak RSS.
No assertion here: the README records the numbers.
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
    "library, 1 process": "library-1",
    "library, 2 processes": "library-2",
}


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
    else:
        workers = int(mode.split("-")[1])
        for pdf_path in pdfs:
            pages += extract_disclosure(pdf_path, workers=workers).page_count
    seconds = time.perf_counter() - started
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return {"pages": pages, "seconds": seconds, "peak_mb": peak_kb / 1024}


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
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    pdfs = args.pdf or [str(p) for p in sorted((ROOT / "samples").glob("*.pdf"))]
    if args.child:
        print(json.dumps(_run_mode(args.child, pdfs)))
        return
    if not pdfs:
        sys.exit("no PDFs: pass --pdf or render samples/ first")

    best: dict[str, dict] = {}
    for _ in range(args.rounds):
        for label, mode in MODES.items():
            result = _spawn(mode, pdfs)
            result["pages_per_second"] = result["pages"] / result["seconds"]
            if label not in best or result["pages_per_second"] > best[label]["pages_per_second"]:
                best[label] = result
    baseline = best["naive extract_tables()"]["pages_per_second"]
    pages = best["naive extract_tables()"]["pages"]
    print(f"{len(pdfs)} PDFs, {pages} pages, best of {args.rounds} rounds")
    print(f"{'mode':28} {'pages/s':>8} {'ratio':>7} {'peak RSS':>10}")
    for label, result in best.items():
        ratio = result["pages_per_second"] / baseline
        print(
            f"{label:28} {result['pages_per_second']:8.1f} {ratio:6.2f}x "
            f"{result['peak_mb']:8.0f} MB"
        )


if __name__ == "__main__":
    main()
