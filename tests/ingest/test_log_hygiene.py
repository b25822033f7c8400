"""No document content on stderr or in any file but the result records, at any log level, in every process.

The PDF library logs every token of a page at DEBUG and quotes content-stream operands in its warnings; the
database driver quotes statement parameters in its errors. Canary identifiers in the packets must never
surface there.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_files import build_pdf, stream
from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError, StatementError

from pipeline.logs import WITHHELD, WithholdForeign, configure_logging, parse_level
from pipeline.store import ResultStore
from pipeline.store.models import cases

REPO = Path(__file__).resolve().parents[2]
CANARY = "CANARY-ZEBRA-4417"
RESULT_FILES = {"results.jsonl", "results.db"}  # the records themselves carry the text, by design


def _pdf(content: bytes) -> bytes:
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content), b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


WELL_FORMED = _pdf(b"BT /F1 12 Tf 72 720 Td (Patient " + CANARY.encode() + b" seen for MRS) Tj ET")
# string operands where a matrix needs numbers: pdfminer warns, quoting the operands
MALFORMED = _pdf(b"BT /F1 12 Tf 72 720 Td (Patient " + CANARY.encode() + b") Tj ET ("
                 + CANARY.encode() + b" dob) (x) 1 0 0 1 cm")


def _run(args: list[str], level: str | None, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    if level:
        env["PRESCREEN_LOG_LEVEL"] = level
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=300)


def _leaks(out: Path) -> list[str]:
    return [str(p.relative_to(out)) for p in out.rglob("*")
            if p.is_file() and p.name not in RESULT_FILES and CANARY.encode() in p.read_bytes()]


@pytest.mark.slow
@pytest.mark.parametrize("command, level", [
    ("screen", "DEBUG"), ("screen", None), ("batch", "DEBUG"), ("batch", None),
], ids=["screen-debug", "screen-default", "batch-debug", "batch-default"])
def test_canaries_stay_out_of_logs(tmp_path: Path, command: str, level: str | None) -> None:
    packets = tmp_path / "in"
    packets.mkdir()
    (packets / "well-formed.pdf").write_bytes(WELL_FORMED)
    (packets / "malformed.pdf").write_bytes(MALFORMED)
    out = tmp_path / "out"
    if command == "screen":
        args = ["screen", str(packets / "well-formed.pdf"), str(packets / "malformed.pdf"), "--format", "json",
                "--out", str(out)]
    else:
        args = ["batch", str(packets), "--out", str(out), "--workers", "1", "--progress", "none"]
    done = _run(args, level, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    records = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["kind"] for r in records) == ["screening", "screening"]
    assert all(r["document"]["n_chars"] > len(CANARY) for r in records)  # the canaries were read
    assert CANARY not in done.stderr
    assert _leaks(out) == []


LIBRARY_RECORDS = [
    # logger, level, message, args, exception: what reaches the handler (None: nothing)
    ("pipeline.screen", logging.INFO, "screened %s", ("packet.pdf",), None, "screened packet.pdf"),
    ("pipeline.batch.local", logging.DEBUG, "key %s", ("abc",), None, "key abc"),
    ("pdfminer.psparser", logging.DEBUG, "nexttoken: %r", (CANARY,), None, None),
    ("sqlalchemy.engine", logging.INFO, "[params] %r", ((CANARY,),), None, None),
    ("pdfminer.pdfinterp", logging.WARNING, "values in %r", ((CANARY, 1),), None, WITHHELD),
    ("some.library", logging.ERROR, "failed on %s", (CANARY,), ValueError(CANARY), WITHHELD + " (ValueError)"),
    ("pipelines_of_others", logging.WARNING, "%s", (CANARY,), None, WITHHELD),
]


@pytest.mark.parametrize("name, level, msg, args, exc, shown", LIBRARY_RECORDS,
                         ids=[f"{r[0]}-{logging.getLevelName(r[1])}" for r in LIBRARY_RECORDS])
def test_handler_withholds_other_libraries_messages(name: str, level: int, msg: str, args: tuple[object, ...],
                                                    exc: Exception | None, shown: str | None) -> None:
    exc_info = (type(exc), exc, None) if exc else None
    record = logging.LogRecord(name, level, __file__, 1, msg, args, exc_info)
    passed = WithholdForeign().filter(record)
    assert (record.getMessage() if passed else None) == shown
    if passed:
        assert CANARY not in logging.Formatter("%(message)s").format(record)


def test_reader_libraries_are_silenced_even_when_the_application_logs_everything() -> None:
    configure_logging("DEBUG")
    try:
        for name in ("pdfminer.psparser", "pdfplumber.page", "PIL.PngImagePlugin", "pypdfium2._helpers.page"):
            assert not logging.getLogger(name).isEnabledFor(logging.CRITICAL), name
    finally:
        configure_logging("WARNING")


@pytest.mark.parametrize("value, level", [("debug", logging.DEBUG), ("Info", logging.INFO), (None, logging.WARNING),
                                          (" ERROR ", logging.ERROR)])
def test_log_level_names_in_any_case(value: str | None, level: int) -> None:
    assert parse_level(value) == level


@pytest.mark.parametrize("value", ["verbose", "10", "", "WARN ING"])
def test_bad_log_level_is_a_one_line_usage_error(value: str, tmp_path: Path) -> None:
    done = _run(["version"], value or " ", tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("prescreen: PRESCREEN_LOG_LEVEL=") and done.stderr.count("\n") == 1


def test_database_errors_do_not_quote_record_content(tmp_path: Path) -> None:
    store = ResultStore(f"sqlite:///{tmp_path / 'r.db'}")
    store.migrate()
    with pytest.raises((StatementError, DBAPIError)) as caught, store.engine.begin() as conn:
        conn.execute(insert(cases), [{"key": "k", "path": f"/packets/{CANARY}.pdf"}])  # NOT NULL columns missing
    assert CANARY not in str(caught.value)
    store.close()
