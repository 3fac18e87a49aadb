"""Headless Chromium driven as a person would drive it, over the DevTools protocol: open a page,
click a link by its text, type into a field and press Enter, save a download — with every host
but 127.0.0.1 unresolvable, and every request the page makes recorded.

    with Browser(tmp_path) as browser:
        browser.open("http://127.0.0.1:8765/")
        browser.click_link("湖南省信访局")
        saved = browser.download_by_link("下载 CSV")

One websocket to the browser, the page attached to it as a flattened session (Chromium's own
`--remote-debugging-port`, the `websockets` client Prefect already installs).
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from websockets.sync.client import ClientConnection, connect

from tests.e2e.browser import chromium

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # the network is off
    "--window-size=1400,1000",
)


class DevToolsError(RuntimeError):
    pass


class Browser:
    """A fresh Chromium profile with one page; downloads go to `folder/downloads`."""

    def __init__(self, folder: Path, timeout_s: float = 60) -> None:
        self.profile = folder / "profile"
        self.downloads = folder / "downloads"
        self.timeout_s = timeout_s
        self.requests: list[str] = []  # every URL the page asked for
        self._events: list[dict[str, Any]] = []
        self._next_id = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._socket: ClientConnection | None = None
        self._session = ""

    # --- life ---------------------------------------------------------------------------------

    def __enter__(self) -> Browser:
        self.profile.mkdir(parents=True)
        self.downloads.mkdir(parents=True)
        self._process = subprocess.Popen(
            [
                chromium(),
                *FLAGS,
                f"--user-data-dir={self.profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        port, path = self._endpoint()
        self._socket = connect(f"ws://127.0.0.1:{port}{path}", max_size=None, proxy=None)
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=None)
        attached = self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, None
        )
        self._session = attached["sessionId"]
        self.send(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": str(self.downloads), "eventsEnabled": True},
            session=None,
        )
        for domain in ("Page", "Runtime", "Network"):
            self.send(f"{domain}.enable")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._socket is not None:
            self._socket.close()
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=15)

    def _endpoint(self) -> tuple[str, str]:
        """The port and browser path Chromium writes to DevToolsActivePort once it listens."""
        active = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout_s
        while time.monotonic() < deadline:
            if active.is_file():
                lines = active.read_text().split()
                if len(lines) >= 2:
                    return lines[0], lines[1]
            if self._process is not None and self._process.poll() is not None:
                raise DevToolsError(f"chromium exited with {self._process.returncode}")
            time.sleep(0.1)
        raise DevToolsError("chromium did not open its DevTools port")

    # --- the protocol ---------------------------------------------------------------------------

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = ""
    ) -> dict[str, Any]:
        """Call a DevTools method (on the page's session by default; None: the browser's) and
        return its result; events that arrive meanwhile are kept for `wait_for`."""
        assert self._socket is not None
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session or self._session
        self._socket.send(json.dumps(message))
        deadline = time.monotonic() + self.timeout_s
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise DevToolsError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))

    def _receive(self, deadline: float) -> dict[str, Any]:
        assert self._socket is not None
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no answer from chromium")
        message = json.loads(self._socket.recv(timeout=left))
        if "method" in message:
            self._events.append(message)
            if message["method"] == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
        return dict(message)

    def wait_for(self, method: str, matches: Callable[[dict[str, Any]], bool] = bool) -> Any:
        """The params of the first kept or coming event `method` whose params match."""
        deadline = time.monotonic() + self.timeout_s
        while True:
            for i, event in enumerate(self._events):
                if event["method"] == method and matches(event.get("params", {})):
                    del self._events[: i + 1]
                    return event.get("params", {})
            self._receive(deadline)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    # --- what a person does ---------------------------------------------------------------------

    def open(self, url: str) -> None:
        self._events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    @property
    def url(self) -> str:
        return str(self.evaluate("location.href"))

    def texts(self, selector: str) -> list[str]:
        """The text of every element the CSS selector finds."""
        return list(
            self.evaluate(
                f"[...document.querySelectorAll({json.dumps(selector)})]"
                ".map(e => e.textContent.trim())"
            )
        )

    def links(self) -> list[tuple[str, str]]:
        """Every link of the page: (text, href)."""
        return [
            (text, href)
            for text, href in self.evaluate(
                "[...document.querySelectorAll('a')].map(a => [a.textContent.trim(), a.href])"
            )
        ]

    def click_link(self, text: str, *, navigates: bool = True) -> None:
        """Click, with the mouse, the first link whose text is `text`."""
        self._click(
            f"[...document.querySelectorAll('a')].find(a => a.textContent.trim() === "
            f"{json.dumps(text)})",
            navigates=navigates,
        )

    def click(self, selector: str, *, navigates: bool = False) -> None:
        self._click(f"document.querySelector({json.dumps(selector)})", navigates=navigates)

    def _click(self, element: str, *, navigates: bool) -> None:
        point = self.evaluate(
            f"(() => {{ const e = {element}; if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        if point is None:
            raise DevToolsError(f"nothing to click: {element}")
        if navigates:
            self._events.clear()
        x, y = point
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
            )
        if navigates:
            self.wait_for("Page.loadEventFired")

    def type_and_enter(self, selector: str, text: str) -> None:
        """Click into a field, type `text`, press Enter (a form submits: wait for the page)."""
        self.click(selector)
        self.send("Input.insertText", {"text": text})
        self._events.clear()
        enter = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", "text": "\r", **enter})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **enter})
        self.wait_for("Page.loadEventFired")

    def download_by_link(self, text: str) -> Path:
        """Click the link whose text is `text` and return the file the browser saved, under the
        name the server gave it."""
        self.click_link(text, navigates=False)
        begun = self.wait_for("Browser.downloadWillBegin")
        self.wait_for(
            "Browser.downloadProgress",
            lambda p: p.get("guid") == begun["guid"] and p.get("state") == "completed",
        )
        return self.downloads / begun["suggestedFilename"]
