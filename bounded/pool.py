"""The flow's side of bounded parsing: a pool of worker processes (`bounded.worker`), each
running one job at a time in a child it forks, killed at the job's limits.

    with Pool(workers=2, limits=Limits(memory_mb=1024, timeout_s=120)) as pool:
        done = pool.run("extract", path)     # from any thread; blocks for a free worker

`run` is thread-safe: as many threads as workers can each run a job at once (the flow submits
one task per document to a thread pool of that size). A worker that dies or stops answering is
replaced, and its job is reported as crashed. Workers are started with `sys.executable -m
bounded.worker`: a fresh interpreter that imports the extraction library and nothing of Prefect.

A command that will run a pool can start its workers ahead of it (`start_early(2)`), so that
they import the library (~1 s of CPU each) while the command waits for Prefect's server to
boot, rather than after the flow began; the next pool of this process adopts them.
"""

from __future__ import annotations

import atexit
import os
import pickle
import queue
import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from bounded.limits import CRASHED, RESOURCE_LIMIT, TIMEOUT, Bounded, Limits
from bounded.wire import read_frame, write_frame

# How much longer than a job's own limit the flow waits for its worker's answer.
_GRACE_S = 30.0
# Signals a parser dies of when an allocation fails under its memory limit (PDFium aborts).
_MEMORY_SIGNALS = {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGKILL}


class WorkerLost(RuntimeError):
    """A worker died, or did not answer in time."""


class _Worker:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bounded.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._requests = self.process.stdin.fileno()
        self._replies = self.process.stdout.fileno()

    def ask(
        self, job: str, path: Path, limits: Limits, options: dict[str, Any]
    ) -> tuple[dict, bytes]:
        try:
            write_frame(self._requests, pickle.dumps((job, str(path), limits, options)))
        except OSError as error:
            raise WorkerLost(f"worker {self.process.pid} is gone: {error}") from error
        ready, _, _ = select.select([self._replies], [], [], limits.timeout_s + _GRACE_S)
        if not ready:
            raise WorkerLost(f"worker {self.process.pid} did not answer in time")
        how, data = read_frame(self._replies), read_frame(self._replies)
        if how is None or data is None:
            raise WorkerLost(f"worker {self.process.pid} died")
        return pickle.loads(how), data

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()  # the worker's end of file: it exits
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


# Workers started ahead of their pool (`start_early`), waiting to be adopted by one.
_early: list[_Worker] = []


def start_early(workers: int) -> None:
    """Start `workers` worker processes now, for the next `Pool` of this process to adopt;
    any it does not need are stopped with it, or at exit."""
    if not _early:
        atexit.register(_stop_early)
    _early.extend(_Worker() for _ in range(max(1, workers)))


def _stop_early() -> None:
    while _early:
        _early.pop().stop()


class Pool:
    """`workers` worker processes; see the module docstring."""

    def __init__(self, workers: int, limits: Limits) -> None:
        self.workers = max(1, workers)
        self.limits = limits
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._started: list[_Worker] = []
        self.peaks_mb: list[float] = []  # every child's peak RSS, for benchmarks and logs

    def __enter__(self) -> Pool:
        for _ in range(self.workers):  # they import in parallel while the run goes on
            self._add(_early.pop(0) if _early else None)
        _stop_early()  # started for a larger pool: not needed
        return self

    def __exit__(self, *exc: object) -> None:
        for worker in self._started:
            worker.stop()
        self._started.clear()

    def _add(self, worker: _Worker | None = None) -> None:
        if worker is not None and worker.process.poll() is not None:  # started early, died
            worker.stop()
            worker = None
        worker = worker or _Worker()
        self._started.append(worker)
        self._idle.put(worker)

    def run(self, job: str, path: str | os.PathLike[str], **options: Any) -> Bounded:
        """Run `job` ('peek', 'extract'; `bounded.jobs`) on the file at `path`, within the
        limits; `options` go to the job."""
        worker = self._idle.get()
        try:
            how, data = worker.ask(job, Path(path), self.limits, options)
        except WorkerLost as lost:
            worker.process.kill()
            self._started.remove(worker)
            self._add()
            return Bounded(reason=CRASHED, detail=str(lost))
        self._idle.put(worker)
        done = self.verdict(how, data)
        self.peaks_mb.append(done.peak_rss_mb)
        return done

    def verdict(self, how: dict, data: bytes) -> Bounded:
        """What a child's end (exit status, deadline, peak RSS) and bytes say."""
        peak = how["peak_rss_kb"] / 1024
        figures = {"peak_rss_mb": round(peak, 1), "seconds": round(how["seconds"], 2)}
        limit = self.limits
        if how["timed_out"]:
            return Bounded(
                reason=TIMEOUT,
                detail=f"still parsing after {limit.timeout_s:g} s, the time limit; stopped "
                f"(peak memory {peak:,.0f} MB)",
                **figures,
            )
        code = how["exit_code"]
        if code == 0 and data:
            status, value = pickle.loads(data)
            if status == "ok":
                return Bounded(value=value, **figures)
            if status == "refused":
                reason, detail = value
                return Bounded(reason=reason, detail=detail, **figures)
            if status == "memory":
                return Bounded(reason=RESOURCE_LIMIT, detail=self._memory(peak, value), **figures)
            return Bounded(reason=CRASHED, detail=f"the parser failed: {value}", **figures)
        if code < 0 and -code in _MEMORY_SIGNALS and peak >= limit.memory_mb / 2:
            died = signal.Signals(-code).name
            return Bounded(
                reason=RESOURCE_LIMIT,
                detail=self._memory(peak, f"the parser died ({died})"),
                **figures,
            )
        ended = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        return Bounded(reason=CRASHED, detail=f"the parser died ({ended})", **figures)

    def _memory(self, peak: float, what: str) -> str:
        return (
            f"reached the memory limit of {self.limits.memory_mb:,} MB "
            f"(peak resident {peak:,.0f} MB): {what}"
        )
