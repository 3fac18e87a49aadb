"""A worker: a long-lived process that forks one bounded child per job.

    python -m bounded.worker        (started by `bounded.pool.Pool`; speaks frames on stdin/out)

It imports the extraction library once (pdfplumber, pdfminer, PDFium: ~0.5 s) and warms it up
(`bounded.jobs.warm_up`), then for each job
— `(name, path, limits)` on stdin — forks a child that sets its memory limit (RLIMIT_AS) and its
parent-death signal, runs the job (`bounded.jobs`) and writes the pickled result to a pipe. The
worker waits for that result up to `limits.timeout_s` and kills the child at the deadline, then
answers on stdout with how the child ended (exit status or signal, timed out or not, peak RSS
from `wait4`, seconds) followed by the child's bytes, unread: the flow's process unpickles them.

Forking per job keeps every parse's memory its own (nothing a bomb allocated survives it) and
makes its peak RSS exact. The worker is single-threaded, so forking it is safe. It imports no
Prefect. When the flow's process goes away (stdin closes), the worker kills its child and exits.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import pickle
import resource
import select
import signal
import sys
import time
from pathlib import Path

from bounded.jobs import run_job, warm_up
from bounded.limits import Limits
from bounded.wire import read_frame, write_frame

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """SIGKILL this process when the worker dies (Linux prctl; the worker is single-threaded)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _child(name: str, path: Path, limits: Limits, options: dict, write_end: int) -> None:
    """In the forked child: limit, run, send, exit — never return."""
    code = 0
    try:
        _die_with_parent()
        cap = limits.memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        data = pickle.dumps(run_job(name, path, options), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
    except BaseException:  # out of memory while sending, or worse: the worker sees no result
        code = 70
    finally:
        os._exit(code)


def serve(
    name: str, path: Path, limits: Limits, options: dict, requests: int
) -> tuple[dict[str, object], bytes]:
    """Run one job in a forked child; how it ended, and the bytes it sent."""
    read_end, write_end = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(name, path, limits, options, write_end)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = started + limits.timeout_s
    timed_out = parent_gone = False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([read_end, requests], [], [], remaining)
        if read_end in ready:
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        elif requests in ready:  # no request comes while one is served: the flow is gone
            parent_gone = True
            break
    if timed_out or parent_gone:
        os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    os.close(read_end)
    if parent_gone:
        sys.exit(0)
    how: dict[str, object] = {
        "exit_code": os.waitstatus_to_exitcode(status),
        "timed_out": timed_out,
        "peak_rss_kb": usage.ru_maxrss,
        "seconds": time.monotonic() - started,
    }
    return how, b"".join(chunks)


def main() -> None:
    requests = sys.stdin.fileno()
    replies = os.dup(sys.stdout.fileno())
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not break a frame
    logging.basicConfig(level=logging.ERROR)  # pdfminer's warnings about odd files: not here
    warm_up()
    # What the worker imported lives as long as it does: frozen, a child's garbage collections
    # never walk it (nor, by touching it, copy its pages). A parse allocates glyph objects by
    # the hundred thousand, nearly all freed by reference counting: young collections 14x
    # rarer find less to do. Together 0.1-0.2 s of CPU less per document, 4 MB more at peak.
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    while (frame := read_frame(requests)) is not None:
        name, path, limits, options = pickle.loads(frame)
        how, data = serve(name, Path(path), limits, options, requests)
        write_frame(replies, pickle.dumps(how))
        write_frame(replies, data)


if __name__ == "__main__":
    main()
