"""The ``cleanpage`` command line: inputs, formats, errors and exit codes."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cleanpage
from cleanpage._cli import main
from cleanpage._progress import Progress

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "000_09f60b50350baf07.txt"
BODY = " ".join(
    f"Sentence {i} of the made-up article says something about bond markets and rates."
    for i in range(12)
)
PAGE = (
    "<html><head><title>Rates rise again</title></head><body>"
    f"<article><h1>Rates rise again</h1><p>{BODY}</p><p>{BODY.upper()}</p></article>"
    "</body></html>"
)


def seed_article() -> dict[str, object]:
    return cleanpage.clean(SEED.read_bytes()).to_dict()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of captures: the seed, a page (gzipped, in a subfolder), junk and non-captures."""
    shutil.copy(SEED, tmp_path / "b_seed.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a_page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "c_empty.html").write_text("   \n")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / ".hidden.html").write_text(PAGE)
    return tmp_path


def test_one_capture_prints_the_article_as_pretty_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SEEDS))
    assert code == 0
    assert out.startswith("{\n  ")
    assert json.loads(out) == seed_article()
    assert err == ""


def test_many_captures_stream_tagged_jsonl_in_sorted_order(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, err = run(capsys, str(folder), "--workers", "1")
    records = [json.loads(line) for line in out.splitlines()]
    inputs = [r["input"] for r in records]
    assert inputs == [str(folder / n) for n in ("b_seed.txt", "c_empty.html", "sub/a_page.html.gz")]
    assert {k: v for k, v in records[0].items() if k != "input"} == seed_article()
    assert records[2]["blocks"], "the gzipped page is cleaned"
    assert records[1]["error"]["type"] == "EmptyInputError"
    assert code == 1
    assert f"cleanpage: {folder / 'c_empty.html'}: EmptyInputError:" in err
    assert "2 cleaned, 1 failed" in err


def test_unreadable_input_is_reported_and_the_rest_still_cleaned(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad_gzip = tmp_path / "broken.html.gz"
    bad_gzip.write_bytes(b"not gzip at all")
    missing = tmp_path / "missing.html"
    code, out, err = run(capsys, str(missing), str(SEED), str(bad_gzip))
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("error", {}).get("type") for r in records] == [
        "FileNotFoundError",
        None,
        "DecodeError",
    ]
    assert code == 1
    messages = [line for line in err.splitlines() if ": " in line and "cleaned" not in line]
    assert len(messages) == 2
    assert all(line.startswith("cleanpage: ") for line in messages)


def test_json_with_many_captures_is_one_array(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    _, out, _ = run(capsys, str(folder), "--format", "json", "-w", "1")
    records = json.loads(out)
    assert [type(r) for r in records] == [dict, dict, dict]
    assert all("input" in r for r in records)


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_text_formats(capsys: pytest.CaptureFixture[str], folder: Path, fmt: str) -> None:
    _, single, _ = run(capsys, str(SEED), "--format", fmt)
    article = cleanpage.clean(SEED.read_bytes())
    assert single == (article.to_markdown() if fmt == "markdown" else article.text + "\n")
    code, many, err = run(capsys, str(folder), "--format", fmt, "-w", "1")
    assert code == 1, "the empty capture fails"
    assert str(folder / "b_seed.txt") in many
    assert str(folder / "c_empty.html") not in many, "failures go to stderr only"
    assert str(folder / "c_empty.html") in err


def test_explain_names_the_rule_behind_every_cut(capsys: pytest.CaptureFixture[str]) -> None:
    _, plain, _ = run(capsys, str(SEED))
    _, explained, _ = run(capsys, str(SEED), "--explain")
    removed_plain = json.loads(plain)["removed"]
    removed = json.loads(explained)["removed"]
    assert removed, "the seed has chrome to cut"
    assert all("rule" not in r for r in removed_plain)
    assert all(isinstance(r["rule"], str) for r in removed)


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, str(SEED), "--output", str(target))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8")) == seed_article()


@pytest.mark.parametrize(
    "args",
    [
        ["--resume", "x.html"],
        ["--resume", "--output", "o.json", "--format", "json", "x.html"],
        ["--workers", "0", "x.html"],
        ["--explain", "--format", "text", "x.html"],
        ["--format", "xml", "x.html"],
        [],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert "usage: cleanpage" in capsys.readouterr().err


def test_empty_folder_is_not_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(tmp_path))
    assert (code, out) == (0, "")
    assert "no captures found" in err


def test_stdin_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cleanpage", "-"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == seed_article()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"cleanpage {cleanpage.__version__}"


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    _, _, err = run(capsys, str(folder), "-w", "1")
    assert "\r" not in err


def test_progress_bar_shows_rate_and_eta() -> None:
    ticks = iter([0.0, 10.0, 10.05, 20.0])
    stream = io.StringIO()
    bar = Progress(stream, total=1000, enabled=True, clock=lambda: next(ticks))
    bar.update(50, 250)  # at 10 s: 50 pages, a quarter of the input
    assert "50 pages" in stream.getvalue()
    assert "5.0 pages/s" in stream.getvalue()
    assert "25%" in stream.getvalue()
    assert "ETA 0:00:30" in stream.getvalue()
    bar.update(51, 260)  # 0.05 s later: not redrawn
    assert "51 pages" not in stream.getvalue()
    bar.message("cleanpage: x: NoArticleError: none")  # at 20 s
    lines = stream.getvalue().split("\r")
    assert any(line.startswith("cleanpage: x:") for line in lines)
    assert lines[-1].startswith("51 pages")
