"""The loader's throughput with extraction excluded: what the single writer can take.

    .venv/bin/python benchmarks/loader.py [--corpus DIR] [--rounds 3]

The disclosures of a corpus (default: the seed-13 corpus `benchmarks/ingest.py` generates, else
samples/) are extracted once, untimed, and kept as a pickle beside the corpus. Each round then
does what an ingest's flow process does with them, in one process, into a fresh warehouse: the
Great Expectations gate in batches of 8 (`Gate.validate_many`, as `tasks.validate`) and each
document's load (`warehouse.store.load_disclosure`: cells to Parquet, the catalog, the ledger,
one writer lock each), then Data Docs once. Without Prefect: its task runs add ~0.1 s a document
on the flow's side and their recording on the server's (docs/performance.md).

Reported: documents/s and cells/s of validation + load, and of each alone; the median round;
the CPU seconds of each (the flow's process is one thread of work: on a loaded machine its CPU
time says what it costs better than the wall clock).
Results go to stdout and benchmarks/results/loader.json. A benchmark: nothing is asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from disclosure.model import Disclosure  # noqa: E402

BATCH = 8  # flows.ingest.VALIDATION_BATCH


def extracted(corpus: Path) -> list[tuple[Path, Disclosure]]:
    """Every PDF of `corpus` with its disclosure, extracted once and kept beside it."""
    kept = corpus / "disclosures.pickle"
    pdfs = sorted(corpus.glob("*.pdf"))
    if kept.is_file():
        found: list[tuple[Path, Disclosure]] = pickle.loads(kept.read_bytes())
        if [p for p, _ in found] == pdfs:
            return found
    from disclosure.extract import extract_disclosure

    found = [(pdf, extract_disclosure(pdf)) for pdf in pdfs]
    kept.write_bytes(pickle.dumps(found))
    return found


def one_round(items: list[tuple[Path, Disclosure]], work: Path) -> dict[str, float]:
    from expectations.gate import Gate, GateSettings
    from warehouse import store
    from warehouse.documents import Document
    from warehouse.raw import keep_raw, sha256_of
    from warehouse.settings import WarehouseSettings

    settings = WarehouseSettings(work / "data")
    documents = []
    for pdf, _ in items:
        doc = Document(pdf.resolve(), sha256_of(pdf), pdf.stat().st_size)
        documents.append(dataclasses.replace(doc, kept_at=keep_raw(pdf, doc.sha256, settings)))
    gate = Gate(GateSettings(docs_dir=settings.docs_dir))
    validating = loading = 0.0
    cpu_validating = cpu_loading = 0.0
    for start in range(0, len(items), BATCH):
        batch = list(
            zip(documents[start : start + BATCH], items[start : start + BATCH], strict=True)
        )
        began, cpu = time.perf_counter(), time.process_time()
        results = gate.validate_many([(d, doc.docs_label) for doc, (_, d) in batch])
        validating += time.perf_counter() - began
        cpu_validating += time.process_time() - cpu
        began, cpu = time.perf_counter(), time.process_time()
        for (doc, (_, disclosure)), result in zip(batch, results, strict=True):
            store.load_disclosure(settings, doc, disclosure, validation=result)
        loading += time.perf_counter() - began
        cpu_loading += time.process_time() - cpu
    began, cpu = time.perf_counter(), time.process_time()
    gate.build_docs()
    docs = time.perf_counter() - began
    return {
        "validate_s": validating,
        "load_s": loading,
        "data_docs_s": docs,
        "validate_cpu_s": cpu_validating,
        "load_cpu_s": cpu_loading,
        "data_docs_cpu_s": time.process_time() - cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = REPO / "benchmarks" / "results" / "work" / "corpus-13"
    parser.add_argument("--corpus", type=Path, default=default if default.is_dir() else None)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpus = args.corpus or REPO / "samples"
    items = extracted(corpus)
    documents = len(items)
    cells = sum(d.cell_count for _, d in items)
    pages = sum(d.page_count for _, d in items)
    rounds = []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="loader-") as work:
            rounds.append(one_round(items, Path(work)))
        print(json.dumps({k: round(v, 2) for k, v in rounds[-1].items()}), flush=True)
    median = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    total = median["validate_s"] + median["load_s"] + median["data_docs_s"]
    result = {
        "corpus": str(corpus),
        "documents": documents,
        "pages": pages,
        "cells": cells,
        "rounds": rounds,
        "median": median,
        "documents_per_s": round(documents / total, 2),
        "cells_per_s": round(cells / total),
        "pages_per_s": round(pages / total, 1),
        "validate_documents_per_s": round(documents / median["validate_s"], 2),
        "cpu_s": round(
            median["validate_cpu_s"] + median["load_cpu_s"] + median["data_docs_cpu_s"], 2
        ),
        "load_documents_per_s": round(documents / median["load_s"], 2),
    }
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "loader.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{documents} disclosures, {pages} pages, {cells:,} cells: validation + load + Data Docs "
        f"{total:.1f} s = {result['documents_per_s']} documents/s, {result['cells_per_s']:,} "
        f"cells/s (validation {median['validate_s']:.1f} s, load {median['load_s']:.1f} s, "
        f"Data Docs {median['data_docs_s']:.1f} s)"
    )
    print(
        f"CPU: validation {median['validate_cpu_s']:.1f} s, load {median['load_cpu_s']:.1f} s, "
        f"Data Docs {median['data_docs_cpu_s']:.1f} s: {documents / result['cpu_s']:.2f} "
        f"documents and {cells / result['cpu_s']:,.0f} cells per CPU second"
    )


if __name__ == "__main__":
    main()
