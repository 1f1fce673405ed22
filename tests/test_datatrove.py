"""The datatrove step, in a real LocalPipelineExecutor: WarcReader → cleanpage → JsonlWriter."""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

import cleanpage
from cleanpage._cli import main
from cleanpage.datatrove import METADATA_FIELDS, CleanpageExtractor

TOPICS = ["bond yields", "the yen carry trade", "bitcoin ETF flows"]


def paragraphs(n: int) -> list[str]:
    return [
        f"Paragraph {i} about {TOPICS[n]}: desks in London and New York said the move"
        f" caught many funds off guard, and volumes were twice the monthly average."
        for i in range(5)
    ]


def page(n: int) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in paragraphs(n))
    return (
        f"<html><head><title>Markets: {TOPICS[n]}</title></head><body>"
        f"<article><h1>Markets: {TOPICS[n]}</h1>{body}</article></body></html>"
    ).encode()


def warc_record(url: str, body: bytes, rid: str, content_type: str = "text/html") -> bytes:
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    head = (
        f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"WARC-Date: 2025-03-0{len(rid) % 9 + 1}T08:30:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Identified-Payload-Type: {content_type}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + http + b"\r\n\r\n")


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """A WARC folder: three articles, an image, and a page with no article."""
    folder = tmp_path / "warc"
    folder.mkdir()
    records = [warc_record(f"https://markets.example/{n}", page(n), f"a{n}") for n in range(3)]
    records.insert(
        1,
        warc_record("https://markets.example/chart.png", b"\x89PNG\r\n\x1a\n", "img", "image/png"),
    )
    records.append(
        warc_record("https://markets.example/empty", b"<html><body></body></html>", "empty")
    )
    (folder / "crawl.warc.gz").write_bytes(b"".join(records))
    return folder


def read_jsonl(folder: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]


def run_pipeline(crawl: Path, tmp_path: Path, **step: Any) -> list[dict[str, Any]]:
    out, dropped = tmp_path / "out", tmp_path / "dropped"
    extractor = CleanpageExtractor(
        exclusion_writer=JsonlWriter(str(dropped), compression=None), **step
    )
    LocalPipelineExecutor(
        pipeline=[WarcReader(str(crawl)), extractor, JsonlWriter(str(out), compression=None)],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    return read_jsonl(out)


def test_every_article_arrives_intact(crawl: Path, tmp_path: Path) -> None:
    docs = run_pipeline(crawl, tmp_path)
    assert [d["id"] for d in docs] == [f"<urn:uuid:a{n}>" for n in range(3)]
    for n, doc in enumerate(docs):
        text = doc["text"]
        positions = [text.index(p) for p in paragraphs(n)]
        assert positions == sorted(positions), "every paragraph, in order"
        assert set(METADATA_FIELDS) <= set(doc["metadata"])
        assert doc["metadata"]["url"] == f"https://markets.example/{n}"
    dropped = read_jsonl(tmp_path / "dropped")
    assert [d["id"] for d in dropped] == ["<urn:uuid:empty>"]
    assert dropped[0]["metadata"]["cleanpage_error"]["type"] == "NoArticleError"


def test_the_pipeline_gives_the_command_lines_output_page_for_page(
    crawl: Path, tmp_path: Path
) -> None:
    docs = run_pipeline(crawl, tmp_path, full=True)
    cli_out = tmp_path / "cli.jsonl"
    main([str(crawl), "-o", str(cli_out), "-w", "1", "-q"])
    cli = [json.loads(line) for line in cli_out.read_text("utf-8").splitlines()]
    cleaned = [r for r in cli if "error" not in r]
    assert [d["id"] for d in docs] == [r["record"] for r in cleaned]
    for doc, record in zip(docs, cleaned, strict=True):
        article = {k: v for k, v in record.items() if k not in ("input", "record")}
        assert doc["text"] == cleanpage.Article.from_dict(article).text
        assert {k: doc["metadata"][k] for k in article} == article


def test_the_step_alone_and_pickled() -> None:
    step = pickle.loads(pickle.dumps(CleanpageExtractor()))  # as Slurm and Ray executors ship it
    docs = [
        Document(
            text=page(0).decode(),
            id="a",
            metadata={"url": "https://m.example/a", "date": "2025-03-01T08:30:00Z"},
        ),
        Document(text="", id="b"),
    ]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["a"]
    assert set(out[0].metadata) == {"date", *METADATA_FIELDS}
    assert out[0].text == cleanpage.clean(page(0), "https://m.example/a").text
    assert step.stats["EmptyInputError"].total == 1
    assert step.extract(page(1).decode()) == cleanpage.clean(page(1)).text
