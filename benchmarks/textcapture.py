"""Render every benchmark page in headless Chromium and save ``document.body.innerText``.

    apt-get update && apt-get install -y chromium      # once, as root (Debian)
    python -m benchmarks.textcapture [--sets aeb,...] [--limit N] [--js on|off]
                                     [--out benchmarks/data/text] [--chromium PATH]

The captures are what a person or a headless browser copies off the rendered
page; ``benchmarks.textbench`` scores ``cleanpage.clean_text`` on them. Output:
``<out>/<set>/<id>.txt`` (UTF-8) and ``<out>/manifest.json``.

How a page is rendered (no network is used or needed):

- one Chromium for all pages, driven over the DevTools protocol on a pipe
  (``--remote-debugging-pipe``, NUL-delimited JSON; standard library only);
  each page gets a fresh tab, closed afterwards;
- the tab loads the page at its *original* URL, but every request is paused
  by ``Fetch``: the page's own URL is answered with the saved HTML
  (``text/html; charset=utf-8``), any other navigation with HTTP 204 (so a
  script redirect leaves the page in place), and every other request
  (scripts, styles, images, iframes' resources) fails at once;
  ``--host-resolver-rules`` maps every host to NOTFOUND as a second wall;
- after the load event (or the per-page timeout) and a short settle time,
  ``document.body.innerText`` is read; a page whose tab fails or times out
  with JavaScript on is retried once with JavaScript off.

External style sheets are not available offline, so elements hidden only by
them (menus, dialogs) show in the captures; inline ``<style>`` applies.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import queue
import subprocess
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .datasets import DATA, SETS, Page, load_set

OUT = DATA / "text"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--window-size=1366,900",
    "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
READ_TEXT = "document.body ? document.body.innerText : ''"


class CdpError(RuntimeError):
    """A DevTools command failed, or its answer did not come in time."""


class Browser:
    """One headless Chromium driven over ``--remote-debugging-pipe``."""

    def __init__(self, executable: str, profile: str) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        script = f'exec "$@" 3<&{to_chrome_r} 4>&{from_chrome_w}'
        args = [executable, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"]
        self._proc = subprocess.Popen(
            ["/bin/sh", "-c", script, "sh", *args],
            pass_fds=(to_chrome_r, from_chrome_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._lock = threading.Lock()
        self._next = 0
        self._waiting: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._tabs: dict[str, Tab] = {}
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        timeout: float = 30.0,
    ) -> dict[str, Any]:
        """Send one command and wait for its result."""
        box = self._post(method, params, session)
        try:
            reply = box.get(timeout=timeout)
        except queue.Empty:
            raise CdpError(f"{method}: no answer in {timeout:.0f}s") from None
        if "error" in reply:
            raise CdpError(f"{method}: {reply['error'].get('message')}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def post(self, method: str, params: dict[str, Any], session: str) -> None:
        """Send one command without waiting (used from the reader thread)."""
        self._post(method, params, session)

    def _post(
        self, method: str, params: dict[str, Any] | None, session: str | None
    ) -> queue.Queue[dict[str, Any]]:
        box: queue.Queue[dict[str, Any]] = queue.Queue(maxsize=1)
        with self._lock:
            self._next += 1
            message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            self._waiting[self._next] = box
            os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        return box

    def _read_loop(self) -> None:
        buffer = b""
        while chunk := os.read(self._from_chrome, 1 << 20):
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                self._dispatch(json.loads(raw))
        os.close(self._from_chrome)

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message:
            with self._lock:
                box = self._waiting.pop(message["id"], None)
            if box is not None:
                box.put(message)
            return
        session = message.get("sessionId", "")
        tab = self._tabs.get(session)
        if tab is None:
            return
        if message.get("method") == "Fetch.requestPaused":
            tab.answer(message["params"])
        else:
            tab.events.put(message)

    @contextmanager
    def tab(self, url: str, html: bytes) -> Iterator[Tab]:
        """A fresh tab that answers ``url`` with ``html`` and blocks everything else."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        try:
            session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
            tab = Tab(self, session["sessionId"], url, html)
            self._tabs[tab.session] = tab
            try:
                yield tab
            finally:
                self._tabs.pop(tab.session, None)
        finally:
            with suppress(CdpError):
                self.send("Target.closeTarget", {"targetId": target}, timeout=10)

    def alive(self) -> bool:
        return self._proc.poll() is None and self._reader.is_alive()

    def version(self) -> str:
        return str(self.send("Browser.getVersion")["product"])

    def close(self) -> None:
        with suppress(CdpError, OSError):
            self.send("Browser.close", timeout=5)
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        with suppress(OSError):
            os.close(self._to_chrome)


@dataclass
class Tab:
    """One attached tab; answers its paused requests from the reader thread."""

    browser: Browser
    session: str
    url: str
    html: bytes
    served: int = 0

    def __post_init__(self) -> None:
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()

    def answer(self, params: dict[str, Any]) -> None:
        request_id, request = params["requestId"], params["request"]
        if params.get("resourceType") == "Document":
            same = _bare(request["url"]) == _bare(self.url)
            if same and self.served < 3:
                self.served += 1
                self._fulfil(request_id, 200, self.html)
            else:  # any other navigation: 204 keeps the current document
                self._fulfil(request_id, 204, b"")
            return
        self.browser.post(
            "Fetch.failRequest",
            {"requestId": request_id, "errorReason": "BlockedByClient"},
            self.session,
        )

    def _fulfil(self, request_id: str, status: int, body: bytes) -> None:
        headers = [{"name": "Content-Type", "value": "text/html; charset=utf-8"}]
        params = {
            "requestId": request_id,
            "responseCode": status,
            "responseHeaders": headers,
            "body": base64.b64encode(body).decode("ascii"),
        }
        self.browser.post("Fetch.fulfillRequest", params, self.session)

    def send(
        self, method: str, params: dict[str, Any] | None = None, timeout: float = 30.0
    ) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def wait_load(self, deadline: float) -> bool:
        """True when the page loaded (or stopped loading) before ``deadline`` (monotonic).

        A script navigation answered by 204 cancels the load event, so the main
        frame's ``frameStoppedLoading`` after it committed our page counts too.
        """
        main = ""
        while (left := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                return False
            method, params = event.get("method"), event.get("params", {})
            if method == "Page.loadEventFired":
                return True
            if method == "Page.frameNavigated" and not params["frame"].get("parentId"):
                main = params["frame"]["id"]
            elif method == "Page.frameStoppedLoading" and params.get("frameId") == main:
                return True
        return False


def _bare(url: str) -> str:
    """``url`` without its scheme and fragment (Chromium may upgrade http to https)."""
    return urllib.parse.unquote(url.split("#", maxsplit=1)[0].split("://", 1)[-1])


@dataclass(frozen=True, slots=True)
class Settings:
    """How pages are rendered."""

    js: bool = True
    timeout: float = 10.0
    settle: float = 0.5
    executable: str = "/usr/bin/chromium"


DEFAULT = Settings()


@dataclass(frozen=True, slots=True)
class Capture:
    """What rendering one page gave: its innerText, or an error, and how."""

    text: str
    js: bool
    loaded: bool
    error: str = ""


def render(browser: Browser, page: Page, *, js: bool, settings: Settings) -> Capture:
    """Load one saved page in a fresh tab and read ``document.body.innerText``."""
    url = page.url or f"https://capture.invalid/{page.id}.html"
    with browser.tab(url, page.html.encode("utf-8")) as tab:
        tab.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        tab.send("Page.enable")
        if not js:
            tab.send("Emulation.setScriptExecutionDisabled", {"value": True})
        deadline = time.monotonic() + settings.timeout
        tab.send("Page.navigate", {"url": url}, timeout=settings.timeout)
        loaded = tab.wait_load(deadline)
        if js and settings.settle:
            time.sleep(settings.settle)
        params = {"expression": READ_TEXT, "returnByValue": True, "timeout": 5000}
        result = tab.send("Runtime.evaluate", params, timeout=10)
        value = result.get("result", {}).get("value")
        if not isinstance(value, str):
            raise CdpError(f"innerText not a string: {result.get('exceptionDetails')}")
        return Capture(value, js, loaded)


def capture(browser: Browser, page: Page, settings: Settings) -> Capture:
    """``render`` with JavaScript as asked, retried once without it if that fails."""
    error = ""
    for js in (True, False) if settings.js else (False,):
        try:
            return render(browser, page, js=js, settings=settings)
        except CdpError as exc:
            error = f"js={'on' if js else 'off'}: {exc}"
    return Capture("", js=False, loaded=False, error=error)


def _save(page: Page, shot: Capture, path: Path) -> dict[str, Any]:
    """Write (or, on failure, remove) one capture; its manifest entry."""
    if shot.error:
        path.unlink(missing_ok=True)
    else:
        path.write_text(shot.text, encoding="utf-8")
    size = 0 if shot.error else path.stat().st_size
    return {
        "set": page.set,
        "id": page.id,
        "url": page.url,
        "js": shot.js,
        "loaded": shot.loaded,
        "bytes": size,
        "error": shot.error,
    }


def run(sets: list[str], out: Path, settings: Settings, limit: int | None) -> dict[str, Any]:
    """Render every page of ``sets`` into ``out``; the manifest."""
    entries: list[dict[str, Any]] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="textcapture-") as profile:
        browser = Browser(settings.executable, profile)
        version = browser.version()
        try:
            for name in sets:
                (out / name).mkdir(parents=True, exist_ok=True)
                for page in load_set(name, limit=limit):
                    if not browser.alive():  # crashed: start a new one
                        browser.close()
                        browser = Browser(settings.executable, profile)
                    shot = capture(browser, page, settings)
                    entries.append(_save(page, shot, out / name / f"{page.id}.txt"))
                    _progress(len(entries), shot, page, started)
        finally:
            browser.close()
    return {
        "chromium": version,
        "flags": [*FLAGS, "--user-data-dir=<temporary directory>", "--remote-debugging-pipe"],
        "javascript": "on (retried off when a page fails)" if settings.js else "off",
        "settle_seconds": settings.settle,
        "timeout_seconds": settings.timeout,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "property": "document.body.innerText",
        "pages": entries,
    }


def _progress(done: int, shot: Capture, page: Page, started: float) -> None:
    if shot.error:
        print(f"  FAILED {page.set}/{page.id}: {shot.error}", flush=True)
    if done % 50 == 0:
        print(f"  {done} pages, {time.monotonic() - started:.0f}s", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.textcapture",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--js", choices=("on", "off"), default="on")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--chromium", default=DEFAULT.executable)
    parser.add_argument("--timeout", type=float, default=DEFAULT.timeout, help="s per page")
    parser.add_argument("--settle", type=float, default=DEFAULT.settle, help="s after load")
    args = parser.parse_args(argv)
    settings = Settings(args.js == "on", args.timeout, args.settle, args.chromium)
    sets = [s for s in args.sets.split(",") if s]
    manifest = run(sets, args.out, settings, args.limit)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    failed = sum(1 for e in manifest["pages"] if e["error"])
    print(f"{len(manifest['pages'])} pages, {failed} failed; {manifest['chromium']}")


if __name__ == "__main__":
    main()
