"""Bounded parsing: every parse in a child of a worker process, with a memory limit and a time
limit it is killed at; a file that reaches one is an outcome with the figure, never a crash of
the run — and the workers import nothing of Prefect."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import bounded.pool
from bounded.limits import CRASHED, RESOURCE_LIMIT, TIMEOUT, Limits
from bounded.pool import Pool, start_early
from disclosure.model import Disclosure
from disclosure.pdf import Peek

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED = SAMPLES / "2024_010_湖南省信访局.pdf"
LONG = SAMPLES / "2024_116_湖南省农业农村厅.pdf"  # 50 pages: seconds to parse

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pool() -> Iterator[Pool]:
    with Pool(2, Limits()) as running:  # the defaults: 1,024 MB, 120 s
        yield running


def test_a_good_file_is_peeked_and_extracted(pool: Pool) -> None:
    peeked = pool.run("peek", SEED)
    assert peeked.ok and isinstance(peeked.value, Peek)
    assert (peeked.value.page_count, peeked.value.cover.unit_code) == (20, "010")
    done = pool.run("extract", SEED)
    assert done.ok and isinstance(done.value, Disclosure)
    assert (done.value.unit_code, done.value.year, done.value.cell_count) == ("010", 2024, 1437)
    assert done.value.parser == "playa"  # the default
    assert done.peak_rss_mb > 0


def test_the_parser_chosen_reaches_the_child(pool: Pool) -> None:
    by_pdfminer = pool.run("extract", SEED, parser="pdfminer")
    assert by_pdfminer.ok and by_pdfminer.value.parser == "pdfminer"
    by_playa = pool.run("extract", SEED, parser="playa")
    assert by_playa.ok and by_playa.value.tables == by_pdfminer.value.tables


def test_a_decompression_bomb_stops_at_the_memory_limit(pool: Pool, bomb_pdf: Path) -> None:
    for job in ("peek", "extract"):  # PDFium dies at the limit; pdfminer's inflate raises
        done = pool.run(job, bomb_pdf)
        assert done.reason == RESOURCE_LIMIT, (job, done)
        assert "reached the memory limit of 1,024 MB" in (done.detail or "")
        assert done.peak_rss_mb <= 1024
    # The pool goes on: the next file is parsed as usual.
    assert pool.run("extract", SEED).ok


def test_a_parse_over_the_time_limit_is_killed() -> None:
    with Pool(1, Limits(timeout_s=0.5)) as impatient:
        done = impatient.run("extract", LONG)
    assert done.reason == TIMEOUT
    assert done.detail is not None and done.detail.startswith(
        "still parsing after 0.5 s, the time limit; stopped"
    )


def test_bad_input_is_said_in_the_parser_s_words(pool: Pool, tmp_path: Path) -> None:
    html = tmp_path / "login.pdf"
    html.write_text("<!DOCTYPE html><html>请登录</html>")
    done = pool.run("extract", html)
    assert done.reason == "not_a_pdf" and "an HTML page" in (done.detail or "")


def test_a_worker_that_dies_is_replaced_and_its_job_reported() -> None:
    with Pool(1, Limits()) as pool:
        (worker,) = pool._started
        os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.wait()
        lost = pool.run("extract", SEED)
        assert lost.reason == CRASHED and "worker" in (lost.detail or "")
        assert pool.run("extract", SEED).ok  # its replacement


def test_workers_started_early_are_the_pool_s_and_a_surplus_is_stopped() -> None:
    start_early(3)  # as `budget ingest` does before importing its flow
    early = [worker.process for worker in bounded.pool._early]
    with Pool(2, Limits()) as pool:
        assert [w.process for w in pool._started] == early[:2]
        assert early[2].wait(timeout=10) == 0  # not needed: told to stop, and gone
        assert pool.run("extract", SEED).ok
    assert all(process.poll() is not None for process in early)
    with Pool(1, Limits()) as later:  # none left early: a pool starts its own
        assert later._started[0].process.pid not in {p.pid for p in early}


def test_a_worker_started_early_that_died_is_replaced() -> None:
    start_early(1)
    (dead,) = [worker.process for worker in bounded.pool._early]
    os.kill(dead.pid, signal.SIGKILL)
    dead.wait()
    with Pool(1, Limits()) as pool:
        assert pool._started[0].process.pid != dead.pid
        assert pool.run("extract", SEED).ok


def test_workers_import_no_prefect() -> None:
    # A worker imports its library, then exits at the end of its (empty) input.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bounded.worker"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "pdfplumber" in imported
    assert not {m for m in imported if m.split(".")[0] in ("prefect", "great_expectations")}
