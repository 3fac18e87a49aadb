"""`budget serve`: the analyst's site over a data directory (`browse`), served by uvicorn on
127.0.0.1 — units, disclosures and their printed tables, search, CSV/XLSX downloads, the PDFs
under their own names, the reconciliation reports and the Data Docs; so that links in the
Prefect UI open too (a browser refuses file:// links from a web page).

    budget serve --data-dir data            # http://127.0.0.1:8765/
    BUDGET_PUBLIC_URL=http://127.0.0.1:8765/ budget nightly …   # artifacts link there

It binds to loopback unless told otherwise: another address needs `--allow-remote`, and then it
says, every start, that anyone who reaches that address reads the data. It answers only requests
addressed to its own host names (loopback, the bound address, the host of BUDGET_PUBLIC_URL).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING

from browse.app import SiteSettings, allowed_hosts, make_app
from warehouse.settings import WarehouseSettings

if TYPE_CHECKING:
    import uvicorn

DEFAULT_HOST = "127.0.0.1"


class BindRefused(ValueError):
    """A bind the command will not make as asked."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Bound:
    """A listening socket and the site's URL on it."""

    sock: socket.socket
    host: str
    port: int

    @property
    def url(self) -> str:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{shown}:{self.port}/"


def bind(host: str, port: int, *, allow_remote: bool = False) -> Bound:
    """Listen on `host`:`port` (0: any free port). A non-loopback host without `allow_remote`
    is refused; a name is looked up to its first address."""
    if not is_loopback(host) and not allow_remote:
        raise BindRefused(
            f"{host} is not a loopback address: anyone who reaches it would read the data; "
            "pass --allow-remote to serve it there anyway"
        )
    family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    bound_host, bound_port = sock.getsockname()[:2]
    return Bound(sock, str(bound_host), int(bound_port))


def serve(settings: WarehouseSettings, bound: Bound, *, access_log: bool = True) -> None:
    """Serve the site on the bound socket until interrupted (Ctrl-C, SIGTERM)."""
    server(settings, bound, access_log=access_log).run(sockets=[bound.sock])


def server(
    settings: WarehouseSettings,
    bound: Bound,
    *,
    access_log: bool = True,
    read_wait_s: float = SiteSettings.read_wait_s,
) -> uvicorn.Server:
    """The uvicorn server of the site for `settings` on `bound` (not started): it answers the
    Host names of loopback, of the bound address and of `settings.public_url`; a page waits
    up to `read_wait_s` for a load holding the warehouse."""
    import uvicorn

    hosts = allowed_hosts(bound.host, settings.public_url)
    site = SiteSettings(settings, hosts=hosts, read_wait_s=read_wait_s)
    config = uvicorn.Config(
        make_app(site),
        http="h11",
        lifespan="off",
        access_log=access_log,
        log_level="info" if access_log else "warning",
        server_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=5,
    )
    return uvicorn.Server(config)
