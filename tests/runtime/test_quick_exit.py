"""runtime.quick_exit: a finished command leaves at once, yet as the interpreter would have left."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def _run(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "command.py"
    script.write_text(
        textwrap.dedent(
            """
            import atexit, logging, sys, threading, time
            from pathlib import Path
            from runtime.quick_exit import quick_exit

            out = Path(sys.argv[1])
            with quick_exit():
                # what a command registers while it runs (the temporary server's stop, …)
                atexit.register(lambda: (out / "handler-ran").write_text("yes"))
            """
        )
        + textwrap.indent(textwrap.dedent(body), " " * 4)
    )
    return subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_exit_code_handlers_threads_and_buffered_output_survive(tmp_path: Path) -> None:
    done = _run(
        tmp_path,
        """
        def slow_writer():
            time.sleep(0.3)
            (out / "thread-finished").write_text("yes")
        threading.Thread(target=slow_writer).start()  # not a daemon: joined before exit
        logging.basicConfig(stream=sys.stderr)
        logging.getLogger("command").warning("a last log line")
        sys.stdout.write("summary without a newline")  # still in the buffer
        sys.exit(3)
        """,
    )
    assert done.returncode == 3
    assert done.stdout == "summary without a newline"
    assert "a last log line" in done.stderr
    assert (tmp_path / "handler-ran").read_text() == "yes"
    assert (tmp_path / "thread-finished").read_text() == "yes"


def test_a_message_exits_1_and_is_printed(tmp_path: Path) -> None:
    done = _run(tmp_path, 'sys.exit("warehouse busy")\n')
    assert done.returncode == 1
    assert done.stderr.strip() == "warehouse busy"
    assert (tmp_path / "handler-ran").exists()


def test_a_crash_leaves_the_normal_way_with_its_traceback(tmp_path: Path) -> None:
    done = _run(tmp_path, 'raise RuntimeError("parser exploded")\n')
    assert done.returncode == 1
    assert "Traceback" in done.stderr and "RuntimeError: parser exploded" in done.stderr
    assert (tmp_path / "handler-ran").exists()
