"""The site as an ASGI application (Starlette): the pages of `browse.pages`, their downloads, the
PDFs under their own names, the reconciliation reports and the Data Docs — read-only, GET and
HEAD only.

    app = make_app(SiteSettings(WarehouseSettings(Path("data")), hosts=("127.0.0.1",)))

What it refuses, before any page is looked for:
- a request whose `Host` is not one of `hosts` (a web page elsewhere cannot reach it through a
  name that resolves to this machine: DNS rebinding) — 400;
- a malformed path: bytes that are not UTF-8, a control character (`/raw/%00`), a backslash,
  a `.` or `..` segment, a broken %-escape — 400;
- a file outside its folder, whatever links lead there, and from `raw/` anything the warehouse
  does not know as a PDF — 404.

Each request opens the warehouse read-only and closes it before answering, so a nightly load
waits for a page at most, never for an idle browser. While a load holds the file, a page waits up
to `read_wait_s`, then answers 503 (try again).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from typing import Any
from urllib.parse import quote, unquote_to_bytes

import duckdb
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from browse import pages
from browse.downloads import CSV_TYPE, XLSX_TYPE, file_name, section_csv, sections_xlsx
from browse.files import inside, kept_pdf
from browse.printed import format_amount
from browse.queries import first
from warehouse.catalog import open_reader
from warehouse.lock import WarehouseBusy
from warehouse.settings import WarehouseSettings

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
# The site's own pages: no script at all, its one stylesheet, nothing from elsewhere.
SITE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# A reconciliation report: one file with its own inline stylesheet and SVG, no script.
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
_BROKEN_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")


@dataclasses.dataclass(frozen=True)
class SiteSettings:
    warehouse: WarehouseSettings
    hosts: tuple[str, ...] = LOOPBACK_HOSTS  # the Host headers answered (no port)
    read_wait_s: float = 10.0  # how long a page waits for a load holding the warehouse


def make_app(site: SiteSettings) -> Starlette:
    settings = site.warehouse
    reader = dataclasses.replace(settings, lock_timeout_s=site.read_wait_s)

    @contextmanager
    def reading() -> Iterator[duckdb.DuckDBPyConnection | None]:
        con = open_reader(reader)
        try:
            yield con
        finally:
            if con is not None:
                con.close()

    def show(request: Request, page: pages.Page) -> Response:
        download = request.query_params.get("download")
        if download == "xlsx":
            return _attachment(
                sections_xlsx(page.sections), file_name(page.title, suffix="xlsx"), XLSX_TYPE
            )
        if download == "csv":
            chosen = page.section(request.query_params.get("section", ""))
            if chosen is None:
                raise HTTPException(404, "no such section on this page")
            name = file_name(page.title, chosen.title, suffix="csv")
            return _attachment(section_csv(chosen), name, CSV_TYPE)
        if download is not None:
            raise HTTPException(400, "download=csv or download=xlsx")
        html = (
            _environment()
            .get_template(page.template)
            .render(page=page, path=request.url.path, **page.context)
        )
        return HTMLResponse(html, headers={"Content-Security-Policy": SITE_POLICY})

    def home(request: Request) -> Response:
        with reading() as con:
            page = pages.home(con, settings)
        return show(request, page)

    def unit(request: Request) -> Response:
        with reading() as con:
            page = pages.unit(_warehouse(con), request.path_params["unit_code"])
        return show(request, page)

    def disclosure(request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        with reading() as con:
            page = pages.disclosure(_warehouse(con), doc_id)
        return show(request, page)

    def search(request: Request) -> Response:
        with reading() as con:
            page = pages.search(con, request.query_params.get("q", ""))
        return show(request, page)

    def pdf(request: Request) -> Response:
        doc_id = request.path_params["name"].removesuffix(".pdf")
        with reading() as con:
            known = first(con, "pdf", doc_id) if con is not None else None
        path = kept_pdf(settings, doc_id) if known is not None else None
        if path is None or known is None:
            raise HTTPException(404, "no such PDF")
        disposition = "attachment" if request.query_params.get("download") else "inline"
        return FileResponse(
            path,
            media_type="application/pdf",
            filename=known["file_name"] or f"{doc_id}.pdf",
            content_disposition_type=disposition,
        )

    def reports(request: Request) -> Response:
        found = sorted((settings.data_dir / "reports").glob("reconcile-*.html"), reverse=True)
        listed = [
            {
                "name": p.name,
                "when": _run_time(p.name),
                "csv": csv.name if (csv := p.with_suffix(".findings.csv")).is_file() else None,
            }
            for p in found
        ]
        html = (
            _environment()
            .get_template("reports.html")
            .render(
                page=pages.Page("reports.html", "对账报告 Reconciliation reports"),
                path=request.url.path,
                reports=listed,
            )
        )
        return HTMLResponse(html, headers={"Content-Security-Policy": SITE_POLICY})

    def latest_report(request: Request) -> Response:
        report = pages.latest_report(settings)
        if report is None:
            raise HTTPException(404, "no reconciliation report yet (run budget reconcile)")
        return RedirectResponse(f"/reports/{quote(report.name)}", status_code=302)

    def report_file(request: Request) -> Response:
        path = inside(settings.data_dir / "reports", request.path_params["name"])
        if path is None:
            raise HTTPException(404, "no such report")
        headers = {"Content-Security-Policy": REPORT_POLICY} if path.suffix == ".html" else {}
        return FileResponse(path, headers=headers, content_disposition_type="inline")

    def data_docs(request: Request) -> Response:
        relative = request.path_params.get("path", "") or "index.html"
        if relative.endswith("/"):
            relative += "index.html"
        path = inside(settings.docs_dir, relative)
        if path is None:
            raise HTTPException(404, "no such page of the Data Docs")
        return FileResponse(path)

    routes = [
        Route("/", home),
        Route("/units/{unit_code}", unit),
        Route("/disclosures/{doc_id}", disclosure),
        Route("/search", search),
        Route("/raw/{name}", pdf),
        Route("/reports/", reports),
        Route("/reports/latest", latest_report),
        Route("/reports/{name}", report_file),
        Route("/docs/", data_docs),
        Route("/docs/{path:path}", data_docs),
        Mount("/static", StaticFiles(packages=[("browse", "static")]), name="static"),
    ]
    return Starlette(
        routes=routes,
        middleware=[
            Middleware(PathGuard),
            Middleware(TrustedHostMiddleware, allowed_hosts=list(site.hosts), www_redirect=False),
            Middleware(PlainHeaders),
        ],
        exception_handlers={
            HTTPException: _error_page,
            pages.NotFound: _not_found,
            WarehouseBusy: _busy,
        },
    )


def allowed_hosts(bind_host: str, public_url: str | None = None) -> tuple[str, ...]:
    """The Host names a server bound to `bind_host` answers: loopback names, the address it is
    bound to (unless a wildcard), and the host of its public URL."""
    from urllib.parse import urlsplit

    hosts = list(LOOPBACK_HOSTS)
    if bind_host not in ("0.0.0.0", "::", ""):
        hosts.append(f"[{bind_host}]" if ":" in bind_host else bind_host)
    if public_url:
        found = urlsplit(public_url).hostname
        if found:
            hosts.append(f"[{found}]" if ":" in found else found)
    return tuple(dict.fromkeys(h.lower() for h in hosts))


class PathGuard:
    """Answers 400 to a malformed path before anything looks at it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not well_formed(scope.get("raw_path") or b""):
            response = PlainTextResponse("400 Bad Request: malformed path", status_code=400)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def well_formed(raw_path: bytes) -> bool:
    """Whether a request's path is %-escaped UTF-8 with no control character, no backslash and
    no `.` or `..` segment."""
    if _BROKEN_ESCAPE.search(raw_path):
        return False
    try:
        text = unquote_to_bytes(raw_path).decode("utf-8")
    except UnicodeDecodeError:
        return False
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text) or "\\" in text:
        return False
    return not any(segment in (".", "..") for segment in text.split("/"))


class PlainHeaders:
    """Every response says what it is and nothing else may guess (nosniff), and sends no
    referrer elsewhere."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"same-origin"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def _warehouse(con: duckdb.DuckDBPyConnection | None) -> duckdb.DuckDBPyConnection:
    if con is None:
        raise pages.NotFound("no warehouse here yet (run budget ingest)")
    return con


def _attachment(data: bytes, name: str, media_type: str) -> Response:
    disposition = f"attachment; filename*=utf-8''{quote(name, safe='')}"
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


def _run_time(report_name: str) -> str:
    """`reconcile-20261207T052819.269790Z-82126f6a.html` → `2026-12-07 05:28:19 UTC`."""
    found = re.match(r"reconcile-(\d{8}T\d{6})", report_name)
    if not found:
        return ""
    at = datetime.strptime(found.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    return f"{at:%Y-%m-%d %H:%M:%S} UTC"


async def _error_page(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return _error(error.status_code, str(error.detail))


async def _not_found(request: Request, error: Exception) -> Response:
    return _error(404, str(error))


async def _busy(request: Request, error: Exception) -> Response:
    response = _error(503, f"正在写入数据，请稍后再试。The warehouse is being written: {error}")
    response.headers["Retry-After"] = "30"
    return response


def _error(status: int, detail: str) -> Response:
    titles = {400: "请求有误 Bad request", 404: "没有找到 Not found", 405: "不支持 Not allowed"}
    title = titles.get(status, "出错了 Error")
    html = (
        _environment()
        .get_template("error.html")
        .render(page=pages.Page("error.html", title), path="", status=status, detail=detail)
    )
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": SITE_POLICY})


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("browse", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["amount"] = lambda v: format_amount(v) if isinstance(v, Decimal) else ""
    env.filters["value"] = _value
    env.filters["href_with"] = _href_with
    return env


def _value(value: object) -> str:
    """A cell's value as the site shows it."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_amount(value)
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return str(value)


def _href_with(path: str, **params: str) -> str:
    """`path` with these query parameters (a download of the page)."""
    from urllib.parse import urlencode

    return f"{path}?{urlencode(params)}"
