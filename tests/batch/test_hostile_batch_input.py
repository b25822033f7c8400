"""Batch input a careless or hostile user gives: pipes, devices and sockets named like packets, unreadable
files and folders, broken manifests. Each costs a record or a one-line refusal, never a hang or a silent gap."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch.items import iter_manifest
from pipeline.errors import PipelineError

REPO = Path(__file__).resolve().parents[2]
PACKET = REPO / "annotations" / "packets" / "dev-001.txt"
NO_READ_OVERRIDE = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
                    "--bounding-set=-dac_override,-dac_read_search"]


def _cli(*args: str, drop_read_override: bool = False, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess with a deadline: a hang fails the test instead of hanging the suite."""
    prefix = NO_READ_OVERRIDE if drop_read_override and os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=timeout)


def _records(out: Path) -> dict[str, dict[str, object]]:
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    return {Path(str(r.get("path") or r["document"]["path"])).name: r for r in records}  # type: ignore[index]


@pytest.fixture
def special_files(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PACKET, folder / "good.txt")
    os.mkfifo(folder / "fifo.pdf")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("/dev/null", folder / "null.pdf")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.txt"))
    yield folder
    sock.close()


@pytest.mark.slow
def test_pipes_devices_and_sockets_in_a_folder_are_error_records(special_files: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = _cli("batch", str(special_files), "--out", str(out), "--workers", "1", "--progress", "none",
                "--store", "none")
    assert done.returncode == 1, done.stderr
    records = _records(out)
    assert records["good.txt"]["kind"] == "screening"
    for name in ("fifo.pdf", "zero.txt", "null.pdf", "socket.txt"):
        assert (records[name]["kind"], records[name]["code"]) == ("error", "E102"), name
        assert "pipe, device or socket" in str(records[name]["message"])


@pytest.mark.slow
def test_pipes_and_devices_in_a_manifest_are_error_records(special_files: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,payer,request_id\n"
                        f"{special_files / 'good.txt'},cohere,R1\n{special_files / 'fifo.pdf'},cohere,R2\n"
                        "/dev/zero,cohere,R3\n/dev/urandom,cohere,R4\n", encoding="utf-8")
    out = tmp_path / "out"
    done = _cli("batch", str(manifest), "--out", str(out), "--workers", "1", "--progress", "none",
                "--store", "none")
    assert done.returncode == 1, done.stderr
    codes = {name: r.get("code") for name, r in _records(out).items()}
    assert codes == {"good.txt": None, "fifo.pdf": "E102", "zero": "E102", "urandom": "E102"}


@pytest.mark.slow
def test_unreadable_folder_and_file_are_recorded_then_retired(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(PACKET, folder / "good.txt")
    shutil.copy(PACKET, folder / "secret.txt")
    shutil.copy(PACKET, folder / "locked" / "inside.txt")
    (folder / "secret.txt").chmod(0)
    (folder / "locked").chmod(0)
    out = tmp_path / "out"
    args = ("batch", str(folder), "--out", str(out), "--workers", "1", "--progress", "none")
    try:
        done = _cli(*args, drop_read_override=True)
        assert done.returncode == 1, done.stderr
        records = _records(out)
        assert (records["secret.txt"]["code"], records["locked"]["code"]) == ("E102", "E102")
        assert records["locked"]["stage"] == "listing" and "cannot be listed" in str(records["locked"]["message"])
    finally:
        (folder / "locked").chmod(0o755)
        (folder / "secret.txt").chmod(0o644)
    again = _cli(*args)  # readable now: the packets are screened, the folder error no longer counts
    assert again.returncode == 0, again.stdout + again.stderr
    assert {name: r["kind"] for name, r in _records(out).items()} == {
        "good.txt": "screening", "secret.txt": "screening", "inside.txt": "screening"}


@pytest.mark.slow
def test_screen_records_an_unreadable_file_and_screens_the_others(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    shutil.copy(PACKET, secret)
    secret.chmod(0)
    done = _cli("screen", str(secret), str(PACKET), "--format", "json", drop_read_override=True)
    assert done.returncode == 1, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["kind"] for r in records] == ["error", "screening"]
    assert records[0]["code"] == "E102" and "Permission denied" in records[0]["message"]


MANIFESTS = {
    # content, the line the error names, a word of its message
    "stray quote swallows later rows": (b'path,payer\na.txt,cohere\n"b.txt,cohere\nc.txt,cohere\nd.txt,cohere\n',
                                        3, "quote"),
    "latin-1 file name": ("path,payer\na.txt,cohere\nM\u00fcller.txt,cohere\n".encode("latin-1"), 3, "UTF-8"),
    "latin-1 header": ("pa\u00e9th,payer\n".encode("latin-1"), 1, "UTF-8"),
    "more fields than columns": (b"path,payer\na.txt,cohere,R1,2026-11-01,extra\n", 2, "fields"),
    "NUL byte": (b"path,payer\na.txt,coh\x00ere\n", 2, "NUL"),
    "no path column": (b"file,payer\na.txt,cohere\n", None, "lacks column"),
}


@pytest.mark.parametrize("content, line, word", MANIFESTS.values(), ids=MANIFESTS.keys())
def test_a_broken_manifest_is_refused_with_its_line(tmp_path: Path, content: bytes, line: int | None,
                                                    word: str) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_bytes(content)
    with pytest.raises(PipelineError) as caught:
        list(iter_manifest(manifest))
    message = caught.value.message
    assert word in message
    if line is not None:
        assert f"manifest.csv line {line}" in message


WELL_FORMED = {
    "bom and crlf": (b"\xef\xbb\xbfpath,payer,request_id\r\na.txt,cohere,R1\r\n", [("a.txt", "R1")]),
    "quoted comma and blank lines": (b'path,payer,request_id\n\n"a, b.txt",cohere,R1\n,,\n', [("a, b.txt", "R1")]),
    "utf-8 names": ("path,payer,request_id\nM\u00fcller \u2116 2.txt,cohere,\u00c4-1\n".encode(),
                    [("M\u00fcller \u2116 2.txt", "\u00c4-1")]),
    "a quote inside a name is literal": (b'path,payer,request_id\nb"x.txt,cohere,R1\n', [('b"x.txt', "R1")]),
    "fewer fields than columns": (b"path,payer,request_id,received_at\na.txt,cohere\n", [("a.txt", None)]),
}


@pytest.mark.parametrize("content, rows", WELL_FORMED.values(), ids=WELL_FORMED.keys())
def test_well_formed_manifests_still_read(tmp_path: Path, content: bytes, rows: list[tuple[str, str | None]]) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_bytes(content)
    assert [(Path(i.path).name, i.request_id) for i in iter_manifest(manifest)] == rows


def test_a_broken_manifest_is_a_one_line_usage_error(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_bytes(MANIFESTS["stray quote swallows later rows"][0])
    done = _cli("batch", str(manifest), "--out", str(tmp_path / "out"), "--store", "none", "--progress", "none")
    assert done.returncode == 2
    assert done.stderr.startswith("prescreen: ") and done.stderr.count("\n") == 1
    assert "line 3" in done.stderr and "Traceback" not in done.stderr
