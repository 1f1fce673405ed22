"""WARC input on the command line (the ``warc`` extra, FastWARC)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cleanpage import _batch, _cli
from cleanpage._cli import main

DATE = "2024-05-01T10:00:00Z"


def warc_record(
    url: str,
    body: bytes,
    *,
    rid: str,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    kind: str = "response",
) -> bytes:
    """One gzipped WARC record holding an HTTP response."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"WARC-Date: {DATE}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Identified-Payload-Type: {content_type.split(';', maxsplit=1)[0]}\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + http + b"\r\n\r\n")


def article(n: int) -> bytes:
    body = "".join(
        f"<p>Paragraph {i} of story {n}: the central bank held rates while traders"
        f" priced in two cuts before the end of the year, analysts said.</p>"
        for i in range(4)
    )
    return (
        f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
        f"{body}</article></body></html>"
    ).encode()


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """Five HTML pages among a PNG, a 404, a redirect and a request record."""
    parts = [
        warc_record("https://news.example/1", article(1), rid="page-01"),
        warc_record(
            "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", rid="p", content_type="image/png"
        ),
        warc_record(
            "https://news.example/2",
            article(2),
            rid="page-02",
            content_type="text/html; charset=gbk",
        ),
        warc_record(
            "https://news.example/gone", b"<p>Not found</p>", rid="g", status="404 Not Found"
        ),
        warc_record("https://news.example/1", b"GET / HTTP/1.1\r\n\r\n", rid="q", kind="request"),
        warc_record("https://news.example/3", article(3), rid="page-03"),
        warc_record("https://news.example/old", b"", rid="r", status="301 Moved Permanently"),
        warc_record(
            "https://news.example/4",
            article(4),
            rid="page-04",
            content_type="application/xhtml+xml",
        ),
        warc_record("https://news.example/5", b"<html><body></body></html>", rid="page-05"),
    ]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(parts))
    return path


def records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def test_every_html_response_is_cleaned_and_the_rest_skipped_and_counted(
    crawl: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([str(crawl), "-w", "1"])
    out, err = capsys.readouterr()
    got = records(out)
    assert [r["record"][-3:-1] for r in got] == ["01", "02", "03", "04", "05"]
    assert all(r["input"] == str(crawl) for r in got)
    assert [r["url"] for r in got[:4]] == [f"https://news.example/{n}" for n in range(1, 5)]
    assert all(r["blocks"] for r in got[:4])
    assert got[4]["error"]["type"] == "NoArticleError", "an empty page is an error record"
    assert got[4]["url"] == "https://news.example/5"
    assert code == 1
    assert "4 cleaned, 1 failed, 3 skipped (not HTML pages)" in err


def test_url_charset_and_date_reach_the_cleaner(
    crawl: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[object, ...]] = []
    real_clean = _batch.clean

    def spy(capture: bytes, url: str | None = None, **kwargs: Any) -> Any:
        calls.append((url, kwargs["content_type"], kwargs["now"], capture[:6]))
        return real_clean(capture, url, **kwargs)

    monkeypatch.setattr(_batch, "clean", spy)
    main([str(crawl), "-w", "1"])  # one worker: cleaned in this process
    when = datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert calls[1] == ("https://news.example/2", "text/html; charset=gbk", when, b"<html>")
    assert [c[0] for c in calls] == [f"https://news.example/{n}" for n in range(1, 6)]


def test_two_workers_give_the_same_records_in_the_same_order(crawl: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    main([str(crawl), "-w", "1", "-q", "-o", str(one)])
    main([str(crawl), "-w", "2", "-q", "-o", str(two)])
    assert two.read_bytes() == one.read_bytes()


def test_resume_inside_a_warc_file(crawl: Path, tmp_path: Path) -> None:
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    main([str(crawl), "-w", "1", "-q", "-o", str(full)])
    text = full.read_text("utf-8")
    part.write_text(text[: text.index("\n", text.index("\n") + 1) + 20], "utf-8")
    main([str(crawl), "-w", "1", "-q", "-o", str(part), "--resume"])
    assert part.read_bytes() == full.read_bytes()


def test_a_corrupt_warc_keeps_what_was_read_and_reports_the_rest(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = crawl.read_bytes()
    cut = data.index(gzip.compress(b"")[:3], len(data) // 2)  # inside the file, at a member start
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[:cut] + b"\x1f\x8b\x08garbage" + data[cut:])
    code, (out, _) = main([str(broken), "-w", "1"]), capsys.readouterr()
    got = records(out)
    assert code == 1
    assert "blocks" in got[0], "records before the damage are cleaned"
    assert got[-1]["input"] == str(broken)
    assert "record" not in got[-1]
    assert got[-1]["error"]["type"] == "OSError"


def test_a_warc_without_the_extra_is_a_usage_error(
    crawl: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_cli, "warc_available", lambda: False)
    with pytest.raises(SystemExit) as exit_info:
        main([str(crawl)])
    assert exit_info.value.code == 2
    assert "pip install 'cleanpage[warc]'" in capsys.readouterr().err


def test_importing_cleanpage_imports_no_extra() -> None:
    code = (
        "import sys, cleanpage, cleanpage._cli; "
        "print(sorted(m for m in ('fastwarc', 'datatrove') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
