"""Validation cost: the Great Expectations gate per document, against extraction of the same file.

    .venv/bin/python benchmarks/validation.py                    # samples/*.pdf, 3 rounds
    .venv/bin/python benchmarks/validation.py --pdf a.pdf --rounds 5

One process, one gate (one GX context, as one ingest run builds), rounds interleaved so that
machine noise hits extraction and validation alike. Per round: the gate's screen (page counts)
of all the files in one go, as a run does, its cost shared out; then per document extraction
(`extract_disclosure`) and the gate's three suites. Reported per document: the median of each,
and validation (screen share + suites) as a share of extraction (target ≤ 10%). Then the same
documents validated as the ingest flow does, in one batch (`Gate.validate_many`).

Also measured once per round: the same disclosure with a subject code broken (4 digits), which
costs the detailed second pass that collects unexpected values; and the Data Docs build at the
end of the run. Results go to stdout and to benchmarks/results/validation.json.
No assertion here: the numbers are for the README.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

started = time.perf_counter()
from expectations.gate import Gate, GateSettings  # noqa: E402

GX_IMPORT_S = time.perf_counter() - started

from disclosure.extract import extract_disclosure  # noqa: E402
from disclosure.model import Disclosure  # noqa: E402
from disclosure.pdf import peek  # noqa: E402


def drifted(disclosure: Disclosure) -> Disclosure:
    """The disclosure with a subject code cut to 4 digits in its first table of subjects: a
    critical failure (a reworded header is a warning now, read by template_paths)."""
    for t_no, table in enumerate(disclosure.tables):
        subjects = [i for i, c in enumerate(table.cells) if c.subject_code]
        if subjects:
            cells = list(table.cells)
            cells[subjects[0]] = dataclasses.replace(cells[subjects[0]], subject_code="2010")
            tables = list(disclosure.tables)
            tables[t_no] = dataclasses.replace(table, cells=cells)
            return dataclasses.replace(disclosure, tables=tables)
    raise ValueError(f"{disclosure.path}: no subject rows to break")


def measure(pdfs: list[Path], rounds: int, docs_dir: Path) -> dict:
    t0 = time.perf_counter()
    gate = Gate(GateSettings(docs_dir=docs_dir))
    gate_s = time.perf_counter() - t0
    timings: dict[str, dict[str, list[float]]] = {
        p.name: {"extract": [], "validate": [], "drift": []} for p in pdfs
    }
    pages: dict[str, int] = {}
    for round_no in range(rounds):
        # As a run does: one screen for the whole batch, its cost shared by the documents.
        t0 = time.perf_counter()
        gate.screen({f"{pdf.stem}-{round_no}": peek(pdf).page_count for pdf in pdfs})
        screen_s = (time.perf_counter() - t0) / len(pdfs)
        for pdf in pdfs:
            label = f"{pdf.stem}-{round_no}"
            t0 = time.perf_counter()
            disclosure = extract_disclosure(pdf)
            timings[pdf.name]["extract"].append(time.perf_counter() - t0)
            pages[pdf.name] = disclosure.page_count
            t0 = time.perf_counter()
            result = gate.validate(disclosure, label)
            timings[pdf.name]["validate"].append(time.perf_counter() - t0 + screen_s)
            assert result.passed, result.message
            t0 = time.perf_counter()
            failed = gate.validate(drifted(disclosure), f"{label}-drift")
            timings[pdf.name]["drift"].append(time.perf_counter() - t0)
            assert failed.reason == "bad_subject_code", failed.reason
    # As the ingest flow validates: the documents of a round in one batch (Gate.validate_many).
    batched: list[float] = []
    disclosures = [extract_disclosure(pdf) for pdf in pdfs]
    for round_no in range(rounds):
        labels = [f"{pdf.stem}-batch-{round_no}" for pdf in pdfs]
        t0 = time.perf_counter()
        gate.screen({label: peek(pdf).page_count for label, pdf in zip(labels, pdfs, strict=True)})
        results = gate.validate_many(list(zip(disclosures, labels, strict=True)))
        batched.append(time.perf_counter() - t0)
        assert all(r.passed for r in results)
    t0 = time.perf_counter()
    gate.build_docs()
    docs_s = time.perf_counter() - t0

    documents = []
    for name, t in timings.items():
        extract, validate, drift = (statistics.median(t[k]) for k in t)
        documents.append(
            {
                "file": name,
                "pages": pages[name],
                "extract_s": round(extract, 3),
                "validate_s": round(validate, 3),
                "validate_failing_s": round(drift, 3),
                "ratio": round(validate / extract, 3),
            }
        )
    total_extract = sum(d["extract_s"] for d in documents)
    total_validate = sum(d["validate_s"] for d in documents)
    total_batched = statistics.median(batched)
    return {
        "batch_validate_s": round(total_batched, 3),
        "batch_ratio": round(total_batched / total_extract, 3),
        "rounds": rounds,
        "gx_import_s": round(GX_IMPORT_S, 2),
        "gate_setup_s": round(gate_s, 3),
        "data_docs_build_s": round(docs_s, 2),
        "data_docs_validations": 2 * rounds * len(pdfs),
        "documents": documents,
        "total_extract_s": round(total_extract, 3),
        "total_validate_s": round(total_validate, 3),
        "ratio": round(total_validate / total_extract, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdf", action="append", type=Path, help="PDF to measure (repeatable)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks/results/validation.json")
    args = parser.parse_args()
    pdfs = args.pdf or sorted((REPO / "samples").glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(pdfs, args.rounds, Path(tmp) / "docs")

    print(f"{'file':<34} {'pages':>5} {'extract':>9} {'validate':>9} {'ratio':>6} {'failing':>9}")
    for d in results["documents"]:
        print(
            f"{d['file']:<34} {d['pages']:>5} {d['extract_s']:>8.3f}s {d['validate_s']:>8.3f}s "
            f"{d['ratio']:>6.1%} {d['validate_failing_s']:>8.3f}s"
        )
    print(
        f"total: extract {results['total_extract_s']:.2f} s, validate "
        f"{results['total_validate_s']:.2f} s → validation is {results['ratio']:.1%} of extraction"
        f" (target ≤ 10%)"
    )
    print(
        f"batched, as the ingest flow validates ({len(results['documents'])} documents in one "
        f"validation per suite): {results['batch_validate_s']:.2f} s → "
        f"{results['batch_ratio']:.1%} of extraction"
    )
    print(
        f"once per run: GX import {results['gx_import_s']} s, gate setup "
        f"{results['gate_setup_s']} s, Data Docs for {results['data_docs_validations']} "
        f"validations {results['data_docs_build_s']} s"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
