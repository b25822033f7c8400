"""The output folder: one batch run at a time, no foreign results file, clear one-line refusals (exit 2) for
configuration and I/O failures, report files that any file name can have."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.batch.outdir import LOCK, claim_output
from pipeline.cli import app
from pipeline.errors import PipelineError, printable
from pipeline.report.html import MAX_STEM_CHARS, report_name

REPO = Path(__file__).resolve().parents[2]
PACKET = REPO / "annotations" / "packets" / "dev-001.txt"
NO_WRITE_OVERRIDE = ["setpriv", "--inh-caps=-dac_override", "--bounding-set=-dac_override"]


def _cli(*args: str, prefix: list[str] | None = None, preexec=None, timeout: float = 240  # type: ignore[no-untyped-def]
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(prefix or []), sys.executable, "-m", "pipeline.cli", *args], capture_output=True,
                          text=True, cwd=REPO, timeout=timeout, preexec_fn=preexec)


def _one_line_usage_error(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("prescreen: ") and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    for needle in needles:
        assert needle in done.stderr, done.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PACKET, folder / "a.txt")
    return folder


# -- one run at a time ---------------------------------------------------------------------------------------------


def test_a_second_run_on_the_same_folder_is_refused(tmp_path: Path, folder: Path) -> None:
    out = tmp_path / "out"
    with claim_output(out):  # another run holds the folder
        done = _cli("batch", str(folder), "--out", str(out), "--store", "none", "--progress", "none")
        _one_line_usage_error(done, "E301", "in use by another batch run", f"pid {os.getpid()}")
    assert not (out / "results.jsonl").exists()
    with claim_output(out):  # released: it can be taken again
        pass


def test_a_killed_run_leaves_no_stale_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom pathlib import Path\n"
                               "from pipeline.batch.outdir import claim_output\n"
                               "with claim_output(Path(sys.argv[1])):\n    print('held', flush=True)\n"
                               "    time.sleep(600)\n", str(out)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    with pytest.raises(PipelineError) as caught, claim_output(out):
        pass
    assert caught.value.code.value == "E301"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert (out / LOCK).exists()  # the file stays; the kernel released the lock with the process
    with claim_output(out):
        pass


# -- results files of other commands --------------------------------------------------------------------------------


@pytest.mark.slow
def test_screen_refuses_a_batch_folder_and_batch_refuses_screen_output(tmp_path: Path, folder: Path) -> None:
    out = tmp_path / "out"
    first = _cli("batch", str(folder), "--out", str(out), "--store", "none", "--progress", "none")
    assert first.returncode == 0, first.stderr
    before = (out / "results.jsonl").read_bytes()
    refused = _cli("screen", str(folder / "a.txt"), "--format", "json", "--out", str(out))
    _one_line_usage_error(refused, "holds a batch run's results")
    assert (out / "results.jsonl").read_bytes() == before

    other = tmp_path / "screened"
    assert _cli("screen", str(folder / "a.txt"), "--format", "json", "--out", str(other)).returncode == 0
    foreign = _cli("batch", str(folder), "--out", str(other), "--store", "none", "--progress", "none")
    _one_line_usage_error(foreign, "E303", "not written by prescreen batch")


# -- configuration and I/O failures: one line, exit 2 ---------------------------------------------------------------


def _fsize_limit() -> None:  # a disk that fills up: writes past 64 KB fail with EFBIG
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


@pytest.mark.parametrize("case", ["out is a file", "out is read-only", "bad store url", "unknown store driver",
                                  "unreachable store", "disk full"])
def test_configuration_and_io_failures_are_one_line(tmp_path: Path, folder: Path, case: str) -> None:
    out = tmp_path / "out"
    args = ["batch", str(folder), "--out", str(out), "--progress", "none", "--workers", "1"]
    prefix, preexec, needles = None, None, []
    if case == "out is a file":
        out.write_text("not a folder", encoding="utf-8")
        needles = ["E302", "a file of that name exists"]
    elif case == "out is read-only":
        out.mkdir()
        out.chmod(0o555)
        prefix = NO_WRITE_OVERRIDE if os.geteuid() == 0 else None
        needles = ["E302"]
    elif case == "bad store url":
        args += ["--store", "not a url at all"]
        needles = ["E305", "check --store"]
    elif case == "unknown store driver":
        args += ["--store", "nosuchdb://user:secret-pw@host/db"]
        needles = ["E305"]
    elif case == "unreachable store":
        args += ["--store", "postgresql+psycopg://user:secret-pw@127.0.0.1:9/db"]
        needles = ["E305", "***"]
    else:
        for i in range(4):  # enough records to pass 64 KB
            shutil.copy(PACKET, folder / f"copy-{i}.txt")
        args += ["--store", "none"]
        preexec, needles = _fsize_limit, ["cannot write to", "run the same command again"]
    done = _cli(*args, prefix=prefix, preexec=preexec)
    _one_line_usage_error(done, *needles)
    assert "secret-pw" not in done.stderr


def test_screen_out_is_a_file_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["screen", str(PACKET), "--format", "json", "--out", str(out)])
    assert result.exit_code == 2 and "a file of that name exists" in result.output


# -- report file names ---------------------------------------------------------------------------------------------

NAMES = {
    "250 bytes": "a" * 246 + ".txt",
    "250 bytes of UTF-8": "\u00e9" * 123 + ".txt",
    "newline and escape": "evil\n\x1b[31mname.txt",
    "bidi override": "report\u202etxt.exe.txt",
    "only symbols": "%%%.txt",
}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_report_names_are_capped_printable_and_unique(name: str) -> None:
    first = report_name(f"/a/{name}", "0" * 64)
    assert len(first.encode()) <= MAX_STEM_CHARS + 20 and first.endswith(".html")
    assert first.isprintable() and first.isascii() and "/" not in first
    assert report_name(f"/b/{name}", "0" * 64) != first  # same name, another folder
    assert report_name(f"/a/{name}", "1" * 64) != first  # same path, another version


@pytest.mark.slow
def test_long_names_screen_and_batch_with_html(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "x").mkdir(parents=True)
    long_name = "packet-" + "n" * 239 + ".txt"  # 250 bytes: the most a file system allows
    shutil.copy(PACKET, folder / long_name)
    shutil.copy(PACKET, folder / "x" / long_name)  # the same name in another folder
    screened = _cli("screen", str(folder / long_name), "--format", "html", "--out", str(tmp_path / "html"))
    assert screened.returncode == 0, screened.stderr
    assert len(list((tmp_path / "html").glob("*.html"))) == 1
    out = tmp_path / "out"
    done = _cli("batch", str(folder), "--out", str(out), "--html", "--store", "none", "--progress", "none")
    assert done.returncode == 0, done.stderr
    assert len(list((out / "reports").glob("*.html"))) == 2


@pytest.mark.slow
def test_a_report_that_cannot_be_written_is_an_error_record(tmp_path: Path, folder: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "reports").write_text("a file where the reports folder should be", encoding="utf-8")
    done = _cli("batch", str(folder), "--out", str(out), "--html", "--store", "none", "--progress", "none")
    assert done.returncode == 1, done.stderr
    (record,) = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (record["kind"], record["code"], record["stage"]) == ("error", "E304", "report")
    (out / "reports").unlink()  # fixed: the next run retries it
    again = _cli("batch", str(folder), "--out", str(out), "--html", "--store", "none", "--progress", "none")
    assert again.returncode == 0, again.stderr
    assert len(list((out / "reports").glob("*.html"))) == 1


# -- names printed to the terminal ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [NAMES["newline and escape"], NAMES["bidi override"], "tab\there.txt",
                                  "bell\x07.txt", "zero\u200bwidth.txt"],
                         ids=["newline-escape", "bidi", "tab", "bell", "zero-width"])
def test_file_names_are_escaped_on_the_terminal(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(PACKET, path)
    missing = tmp_path / ("missing-" + name)
    for fmt in ("text", "html"):
        result = CliRunner().invoke(app, ["screen", str(path), str(missing), "--format", fmt, "--out",
                                          str(tmp_path / fmt)])
        assert result.exit_code == 1
        printed = result.output
        assert name not in printed and printable(name) in printed, repr(printed)
        hidden = [c for c in name if (not c.isprintable() or c in "\u202e\u200b") and c not in "\n\t"]
        assert not any(c in printed for c in hidden), repr(printed)


def test_terminal_escapes_are_distinguishable() -> None:
    assert printable("a\nb") == "a\\nb" and printable("x\x1b[31m") == "x\\x1b[31m"
    assert printable("r\u202eevil") == "r\\u202eevil" and printable("plain name.pdf") == "plain name.pdf"
    assert printable("M\u00fcller \u2116 2") == "M\u00fcller \u2116 2"  # letters of any alphabet stay
