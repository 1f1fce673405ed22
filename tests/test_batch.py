"""Batch cleaning without loss: discovery, error records, resuming, parallel order."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanpage import _batch
from cleanpage._batch import Capture, ReadFailure, Render, clean_capture, expand, gunzip, read_done
from cleanpage._cli import main
from cleanpage._parallel import _start_method, clean_ordered

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_09f60b50350baf07.txt"


def page(n: int) -> str:
    body = " ".join(f"Paragraph {n} sentence {i} on yields and the dollar." for i in range(10))
    head = f"<html><head><title>Story {n}</title></head>"
    return f"{head}<body><h1>Story {n}</h1><p>{body}</p></body></html>"


@pytest.fixture
def captures(tmp_path: Path) -> Path:
    """Eleven captures: pages, the seed, and two that fail."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(8):
        (folder / f"p{n:02d}.html").write_text(page(n), encoding="utf-8")
    shutil.copy(SEED, folder / "p08_seed.txt")
    (folder / "p09_empty.txt").write_text("")
    (folder / "p10_binary.html").write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff" * 50)
    return folder


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_expand_walks_folders_sorted_and_keeps_files_as_given(tmp_path: Path) -> None:
    for name in ["b.html", "a.txt", "c.html.gz", "d.warc.gz", "e.json", "f.png", ".g.html"]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "h.htm").write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "i.html").write_bytes(b"x")
    found = expand([str(tmp_path), "-", str(tmp_path / "e.json")])
    names = [Path(p).relative_to(tmp_path).as_posix() if p != "-" else p for p in found]
    assert names == ["a.txt", "b.html", "c.html.gz", "d.warc.gz", "z/h.htm", "-", "e.json"]


def test_failures_become_error_records_and_the_rest_is_cleaned(
    captures: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    assert main([str(captures), "-o", str(out), "-w", "1", "-q"]) == 1
    records = [json.loads(line) for line in lines(out)]
    assert [Path(r["input"]).name for r in records] == sorted(p.name for p in captures.iterdir())
    errors = {Path(r["input"]).name: r["error"]["type"] for r in records if "error" in r}
    assert set(errors) == {"p09_empty.txt", "p10_binary.html"}
    assert errors["p09_empty.txt"] == "EmptyInputError"
    assert all(r["blocks"] for r in records if "error" not in r)


def test_an_unexpected_exception_is_an_error_record_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(_batch, "clean", broken)
    outcome = clean_capture(Capture("x.html", data=b"<p>x</p>"), Render("jsonl"))
    assert json.loads(outcome.output)["error"]["type"] == "RuntimeError"
    assert outcome.error is not None
    assert "internal error" in outcome.error


def test_a_read_failure_keeps_the_warc_record_and_url() -> None:
    capture = Capture(
        "c.warc.gz", record="<urn:1>", url="https://x/", failure=ReadFailure("E", "m")
    )
    record = json.loads(clean_capture(capture, Render("jsonl")).output)
    assert record == {
        "input": "c.warc.gz",
        "record": "<urn:1>",
        "url": "https://x/",
        "error": {"type": "E", "message": "m"},
    }


@pytest.mark.parametrize("cut", [0, 1, 37])
def test_resume_finishes_an_interrupted_run_without_duplicates(
    captures: Path, tmp_path: Path, cut: int, capsys: pytest.CaptureFixture[str]
) -> None:
    full = tmp_path / "full.jsonl"
    main([str(captures), "-o", str(full), "-w", "1", "-q"])
    part = tmp_path / "part.jsonl"
    kept = lines(full)[:3]
    torn = lines(full)[3][:cut]  # the run died while writing the fourth record
    part.write_text("".join(line + "\n" for line in kept) + torn, encoding="utf-8")
    capsys.readouterr()
    assert main([str(captures), "-o", str(part), "--resume", "-w", "1"]) == 1
    assert part.read_bytes() == full.read_bytes()
    assert "3 already done" in capsys.readouterr().err


def test_resume_of_a_finished_run_does_nothing(captures: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    main([str(captures), "-o", str(out), "-q", "-w", "1"])
    before = out.read_bytes()
    main([str(captures), "-o", str(out), "-q", "--resume", "-w", "1"])
    assert out.read_bytes() == before


def test_read_done_cuts_a_torn_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"input": "a"}\n{"input": "w", "record": "<r>"}\n{"input": "b", "ti', "utf-8")
    assert read_done(str(out)) == {("a", None), ("w", "<r>")}
    assert out.read_text("utf-8").endswith('<r>"}\n')
    assert read_done(str(tmp_path / "absent.jsonl")) == frozenset()


def test_two_workers_write_the_same_output_as_one(captures: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for n in range(20):  # enough pages for more than one chunk per worker
        (captures / f"q{n:02d}.html").write_text(page(100 + n), encoding="utf-8")
    main([str(captures), "-o", str(one), "-w", "1", "-q"])
    main([str(captures), "-o", str(two), "-w", "2", "-q"])
    assert len(lines(one)) == 31
    assert two.read_bytes() == one.read_bytes()


@given(st.binary(max_size=2000), st.integers(min_value=0, max_value=3000))
def test_gunzip_never_returns_more_than_one_byte_past_the_limit(data: bytes, limit: int) -> None:
    assert gunzip(gzip.compress(data), limit, "x.gz") == data[: limit + 1]


def test_gunzip_stops_a_gzip_bomb() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)
    assert len(gunzip(bomb, 1000, "bomb.gz")) == 1001


def test_a_page_that_kills_its_worker_becomes_an_error_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_clean = _batch.clean

    def deadly(capture: bytes, *args: object, **kwargs: object) -> object:
        if b"CRASH" in capture:
            os._exit(1)  # what an out-of-memory kill or a native crash looks like
        return real_clean(capture, *args, **kwargs)

    assert _start_method() == "fork", "forked workers inherit the patched cleaner"
    monkeypatch.setattr(_batch, "clean", deadly)
    pages = [page(n).encode() for n in range(20)]
    pages[9] = b"<html><body><p>CRASH</p></body></html>"
    captures = [Capture(f"p{n}.html", data=data) for n, data in enumerate(pages)]
    outcomes = list(clean_ordered(captures, Render("jsonl"), workers=2))
    assert [o.input for o in outcomes] == [c.input for c in captures]
    failed = [o.input for o in outcomes if o.error is not None]
    assert failed == ["p9.html"]
    assert json.loads(outcomes[9].output)["error"]["type"] == "WorkerCrashError"
