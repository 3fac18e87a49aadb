"""`budget serve`: the data directory's reports, Data Docs and kept PDFs, read-only over HTTP on
127.0.0.1 — so that links in the Prefect UI open (a browser refuses file:// links from a web
page) and a report's page links open the PDF at the page (`raw/<doc_id>.pdf#page=7`).

    budget serve --data-dir data            # http://127.0.0.1:8765/
    BUDGET_PUBLIC_URL=http://127.0.0.1:8765/ budget nightly …   # artifacts link there

Only `reports/`, `docs/` and `raw/` are served (not the Parquet, the DuckDB file or the
quarantine records), by GET and HEAD only; `/` leads to `reports/`. The standard library's
file handler does the work (paths are resolved inside the data directory, directories listed).
"""

from __future__ import annotations

from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

HOST = "127.0.0.1"
SERVED = ("reports", "docs", "raw")


class ReadOnlyHandler(SimpleHTTPRequestHandler):
    """GET/HEAD of files under reports/, docs/ and raw/ of one data directory."""

    server_version = "budget-serve"

    def do_GET(self) -> None:
        if self._allowed():
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._allowed():
            super().do_HEAD()

    def _allowed(self) -> bool:
        path = unquote(urlsplit(self.path).path)
        if path in ("", "/"):
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/reports/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return False
        top = path.lstrip("/").split("/", 1)[0]
        if top not in SERVED or ".." in path.split("/"):
            self.send_error(HTTPStatus.NOT_FOUND, "only reports/, docs/ and raw/ are served")
            return False
        return True

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    verbose = True


def make_server(data_dir: Path, port: int = 0, *, verbose: bool = True) -> Server:
    """A server for `data_dir` on 127.0.0.1:`port` (0: any free port), not yet serving."""
    handler = partial(ReadOnlyHandler, directory=str(Path(data_dir).resolve()))
    server = Server((HOST, port), handler)
    server.verbose = verbose
    return server


def base_url(server: Server) -> str:
    return f"http://{HOST}:{server.server_address[1]}/"
