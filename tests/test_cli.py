"""The `prescreen` command: contract of the JSON Lines output, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKET = """PRIOR AUTHORIZATION REQUEST
Date of request: 11/10/2026
Procedure requested: MR spectroscopy of the brain, CPT 76390
Diagnosis: D49.6 Neoplasm of unspecified behavior of brain

HPI: 44-year-old woman with new seizures. MRI brain 10/30/2026 showed a nonenhancing left temporal mass,
indeterminate, low-grade glioma versus high-grade glioma. Mother had GBM.
EXAM: Nonfocal. MS: alert.
PLAN: MRS for grading before biopsy.
"""


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


@pytest.fixture(scope="module")
def packet(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("cli") / "packet.txt"
    path.write_text(PACKET, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def json_run(packet):  # type: ignore[no-untyped-def]
    return run("screen", str(packet), "--format", "json")


def test_json_lines_contract(json_run, packet):  # type: ignore[no-untyped-def]
    assert json_run.returncode == 0, json_run.stderr
    lines = json_run.stdout.strip().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["document"]["path"] == str(packet)
    assert len(rec["document"]["sha256"]) == 64
    assert {d["payer"] for d in rec["determinations"]} == {"highmark-wv", "excellus", "healthhelp",
                                                           "florida-blue", "cohere"}
    for d in rec["determinations"]:
        assert d["decision"] in {"approve", "pend"}
        assert d["outcome"] and d["reasons"]
        assert d["policy"]["version"] and d["pipeline_version"] and d["document_sha256"] == rec["document"]["sha256"]
        for c in d["criteria"]:
            assert {"id", "status", "evidence"} <= set(c)
            for e in c["evidence"]:
                assert {"text", "start", "end", "page"} <= set(e)
                assert PACKET[e["start"]:e["end"]] == e["text"]
    names = {f["name"]: f for f in rec["facts"]}
    assert names["glial_neoplasm"]["status"] in {"present", "suspected"}
    assert all({"name", "status", "evidence"} <= set(f) for f in rec["facts"])


def test_same_input_byte_identical_output(json_run, packet):  # type: ignore[no-untyped-def]
    assert run("screen", str(packet), "--format", "json").stdout == json_run.stdout


def test_payer_filter_and_text_table(packet):  # type: ignore[no-untyped-def]
    res = run("screen", str(packet), "--payer", "excellus", "--payer", "cohere", "--format", "text")
    assert res.returncode == 0
    assert "excellus" in res.stdout and "cohere" in res.stdout and "highmark-wv" not in res.stdout
    assert "decision" in res.stdout and "outcome" in res.stdout


@pytest.mark.parametrize(("args", "code", "needle"), [
    (["screen", "/no/such/file.pdf"], 1, "E101"),
    (["screen", "{packet}", "--payer", "nobody"], 2, "unknown payer nobody"),
    (["screen", "{packet}", "--policies", "/no/such/dir"], 2, "policy directory not found"),
    (["policies", "show", "nobody"], 2, "unknown payer"),
])
def test_errors_are_one_line_without_traceback(packet, args, code, needle):  # type: ignore[no-untyped-def]
    res = run(*[a.replace("{packet}", str(packet)) for a in args])
    assert res.returncode == code
    assert needle in res.stderr
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout


def test_bad_file_among_good_ones_still_screens_the_rest(packet, tmp_path):  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is not a pdf")
    res = run("screen", str(junk), str(packet), "--format", "json")
    assert res.returncode == 1
    kinds = [json.loads(line)["kind"] for line in res.stdout.strip().splitlines()]
    assert kinds == ["error", "screening"]
    assert "junk.pdf" in res.stderr and "Traceback" not in res.stderr


def test_policies_validate_and_show():  # type: ignore[no-untyped-def]
    res = run("policies", "validate")
    assert res.returncode == 0 and res.stdout.count("ok ") == 5
    res = run("policies", "show", "healthhelp")
    assert res.returncode == 0
    assert "hh.leukodystrophy" in res.stdout and "pelizaeus_merzbacher" in res.stdout


def test_invalid_policy_dir_reports_file_and_criterion(tmp_path):  # type: ignore[no-untyped-def]
    bad = (REPO / "policies" / "excellus.yaml").read_text(encoding="utf-8").replace(
        "fact: brain_infection", "fact: brain_infections")
    (tmp_path / "excellus.yaml").write_text(bad, encoding="utf-8")
    res = run("policies", "validate", "--policies", str(tmp_path))
    assert res.returncode == 2  # a configuration error
    assert "excellus.yaml" in res.stderr and "exc.infection" in res.stderr and "brain_infections" in res.stderr


def test_out_dir_json_written(packet, tmp_path):  # type: ignore[no-untyped-def]
    res = run("screen", str(packet), "--format", "json", "--out", str(tmp_path / "o"))
    assert res.returncode == 0
    assert (tmp_path / "o" / "results.jsonl").read_text(encoding="utf-8") == res.stdout


def test_explain_shows_facts_with_evidence(packet):  # type: ignore[no-untyped-def]
    res = run("explain", str(packet), "glial_neoplasm", "seizures")
    assert res.returncode == 0, res.stderr
    assert "glial_neoplasm: " in res.stdout and "seizures: present" in res.stdout
    assert "request date: 2026-11-10" in res.stdout
