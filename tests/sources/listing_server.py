"""A real HTTP server on 127.0.0.1 that serves a listing page and its PDFs, for tests.

It answers conditional GETs the way publishing sites do (ETag → 304 on If-None-Match,
Last-Modified → 304 on If-Modified-Since), can fail a path a few times first (503, for retries)
and logs every request, so tests can tell what was fetched again and what was not.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote, urlsplit


@dataclass
class Resource:
    body: bytes
    content_type: str = "application/pdf"
    etag: bool = True  # send an ETag
    last_modified: datetime | None = None  # send Last-Modified
    failures: int = 0  # answer 503 this many times first
    status: int = 200


@dataclass(frozen=True)
class Request:
    path: str  # decoded
    status: int
    if_none_match: str | None
    if_modified_since: str | None


@dataclass
class ListingServer:
    resources: dict[str, Resource] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    port: int = 0

    def add(self, path: str, body: bytes | str, **options: object) -> str:
        """Serve `body` at `path` (decoded, e.g. '/files/预算.pdf'); returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.resources[path] = Resource(data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{quote(path)}"

    def fetches(self, path: str) -> list[int]:
        """The statuses this path was answered with, in order."""
        return [r.status for r in self.requests if r.path == path]


def _handler(server: ListingServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            self._answer(server.resources.get(self._path()))

        def _path(self) -> str:
            return unquote(urlsplit(self.path).path)

        def _answer(self, resource: Resource | None) -> int:
            if resource is None:
                return self._send(404, b"not found", "text/plain")
            if resource.failures > 0:
                resource.failures -= 1
                return self._send(503, b"busy", "text/plain")
            if resource.status != 200:
                return self._send(resource.status, b"", "text/plain")
            etag = f'"{hashlib.sha256(resource.body).hexdigest()[:16]}"'
            headers = {}
            if resource.etag:
                headers["ETag"] = etag
            if resource.last_modified:
                headers["Last-Modified"] = format_datetime(resource.last_modified, usegmt=True)
            if self._not_modified(resource, etag):
                return self._send(304, b"", None, headers)
            return self._send(200, resource.body, resource.content_type, headers)

        def _not_modified(self, resource: Resource, etag: str) -> bool:
            if resource.etag and self.headers.get("If-None-Match"):
                return self.headers["If-None-Match"] == etag
            since = self.headers.get("If-Modified-Since")
            if resource.last_modified and since:
                return resource.last_modified <= parsedate_to_datetime(since)
            return False

        def _send(
            self,
            status: int,
            body: bytes,
            content_type: str | None,
            headers: dict[str, str] | None = None,
        ) -> int:
            # Recorded before the answer goes out: the client may act on the answer (and the test
            # ask what was answered) before this thread runs again.
            server.requests.append(
                Request(
                    self._path(),
                    status,
                    self.headers.get("If-None-Match"),
                    self.headers.get("If-Modified-Since"),
                )
            )
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
            return status

    return Handler


@contextmanager
def serve() -> Iterator[ListingServer]:
    """A ListingServer on a free loopback port, stopped on exit."""
    state = ListingServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.port = httpd.server_address[1]
    thread = threading.Thread(
        target=httpd.serve_forever, args=(0.05,), name="listing-server", daemon=True
    )
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def publish_date(day: int) -> datetime:
    return datetime(2024, 3, day, 8, 0, tzinfo=UTC)


def listing_html(links: list[tuple[str, str]], charset: str = "utf-8") -> bytes:
    """A listing page: (href, text) pairs as written in the page's HTML."""
    items = "\n".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    page = (
        f'<!doctype html><html><head><meta charset="{charset}"><title>部门预算公开</title>'
        f"</head><body><h1>2024年部门预算公开</h1><ul>\n{items}\n</ul></body></html>"
    )
    return page.encode(charset)
