"""A webhook receiver on 127.0.0.1: a real HTTP server that keeps every JSON body POSTed to it."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Receiver:
    url: str = ""
    messages: list[dict[str, Any]] = field(default_factory=list)
    _arrived: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, predicate: Any, timeout_s: float = 60.0) -> dict[str, Any]:
        """The first message for which `predicate(message)` holds, waiting up to `timeout_s`."""
        deadline = time.monotonic() + timeout_s
        with self._arrived:
            while True:
                for message in self.messages:
                    if predicate(message):
                        return message
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"no matching webhook call in {timeout_s} s: {self.messages}"
                    )
                self._arrived.wait(left)

    def _keep(self, message: dict[str, Any]) -> None:
        with self._arrived:
            self.messages.append(message)
            self._arrived.notify_all()


@contextmanager
def receive() -> Iterator[Receiver]:
    receiver = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                receiver._keep(json.loads(body))
            finally:
                self.send_response(204)
                self.end_headers()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{httpd.server_address[1]}/hooks/budget"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
