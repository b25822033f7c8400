"""Reviewer corrections exported as span annotations (prescreen-spans/1, brat, Label Studio), and the users
and audit commands."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner
from workbench_fixtures import PASSWORDS, TEXT_PACKET, Bench

from pipeline.cli import app
from pipeline.learn.spans import FORMAT, read_jsonl

PAYER = "cohere"


@pytest.fixture
def corrected(bench: Bench) -> tuple[Bench, dict, str]:  # type: ignore[type-arg]
    """The text packet with one override (of a criterion that cites evidence) and one added span."""
    record = next(r for r in bench.records.values() if r["document"]["path"].endswith(TEXT_PACKET.name))
    det = next(d for d in record["determinations"] if d["payer"] == PAYER)
    cited = next(c for c in det["criteria"] if c["evidence"])
    url = bench.case_url(record, PAYER)
    client = bench.client("rita")
    client.get(url)
    status = "unknown" if cited["status"] != "unknown" else "met"
    assert client.post(url + "criteria", {"criterion": cited["id"], "action": "override", "status": status,
                                          "reason": "negated in the HPI", "version": "1"}, page=url).status_code == 302
    text = TEXT_PACKET.read_text(encoding="utf-8")
    start = text.index("failed PT and injections.")
    end = text.index("MRI lumbar spine") + len("MRI lumbar spine")
    assert "\n" in text[start:end]
    assert client.post(url + "evidence", {"criterion": cited["id"], "start": str(start), "end": str(end),
                                          "assertion": "present", "note": "spans a line", "version": "2"},
                       page=url).status_code == 302
    return bench, cited, text


def test_spans_jsonl_has_overrides_and_added_evidence(corrected) -> None:  # type: ignore[no-untyped-def]
    bench, cited, text = corrected
    out = bench.tmp / "spans.jsonl"
    result = CliRunner().invoke(app, ["learn", "export", "--store", bench.url, "--out", str(out)])
    assert result.exit_code == 0, result.output
    spans = read_jsonl(out)
    added = [s for s in spans if s["kind"] == "added_evidence"]
    overrides = [s for s in spans if s["kind"] == "criterion_override"]
    assert len(added) == 1 and len(overrides) == len({(e["start"], e["end"]) for e in cited["evidence"]})
    a = added[0]
    assert a["format"] == FORMAT and a["source"] == "reviewer" and a["reviewer"] == "rita" and a["at"]
    assert text[a["start"]:a["end"]] == a["text"] and a["criterion_id"] == cited["id"] and a["verdict"] == "added"
    for o in overrides:
        assert o["verdict"] == "rejected" and o["machine_status"] == cited["status"] and o["note"] == "negated in the HPI"
        assert text[o["start"]:o["end"]] == o["text"]


def test_a_later_confirmation_replaces_the_override(corrected) -> None:  # type: ignore[no-untyped-def]
    from pipeline.learn.spans import reviewer_spans

    bench, cited, _text = corrected
    record = next(r for r in bench.records.values() if r["document"]["path"].endswith(TEXT_PACKET.name))
    url = bench.case_url(record, PAYER)
    bench.client("rob").post(url + "criteria", {"criterion": cited["id"], "action": "confirm", "version": "3"},
                             page=url)
    assert [s["kind"] for s in reviewer_spans(bench.engine)] == ["added_evidence"]


def test_brat_and_label_studio_exports(corrected) -> None:  # type: ignore[no-untyped-def]
    bench, cited, text = corrected
    brat = bench.tmp / "brat"
    result = CliRunner().invoke(app, ["learn", "export", "--store", bench.url, "--format", "brat", "--out", str(brat)])
    assert result.exit_code == 0, result.output
    [ann] = list(brat.glob("*.ann"))
    doc = (brat / f"{ann.stem}.txt").read_text(encoding="utf-8")
    assert doc == text
    entities = [line.split("\t") for line in ann.read_text(encoding="utf-8").splitlines() if line.startswith("T")]
    assert entities
    for _tid, label_where, shown in entities:
        label, where = label_where.split(" ", 1)
        pieces = [tuple(map(int, frag.split())) for frag in where.split(";")]
        assert " ".join(doc[a:b] for a, b in pieces) == shown and "\n" not in shown
    assert any(";" in e[1] for e in entities)  # the span across a line break became two fragments
    assert "Assertion Arg:<ENTITY>" in (brat / "annotation.conf").read_text()

    ls = bench.tmp / "ls"
    result = CliRunner().invoke(app, ["learn", "export", "--store", bench.url, "--format", "label-studio",
                                      "--out", str(ls)])
    assert result.exit_code == 0, result.output
    [task] = json.loads((ls / "tasks.json").read_text())
    assert task["data"]["text"] == text
    labels = [r for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    for r in labels:
        assert text[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
        assert f'<Label value="{r["value"]["labels"][0]}"/>' in (ls / "labeling-config.xml").read_text()


def test_users_commands(make_bench) -> None:  # type: ignore[no-untyped-def]
    bench = make_bench(users=False)
    runner = CliRunner()
    weak = runner.invoke(app, ["users", "add", "nina", "--role", "reviewer", "--password-stdin", "--store", bench.url],
                         input="short\n")
    assert weak.exit_code == 2 and "at least 12 characters" in weak.output
    bad_role = runner.invoke(app, ["users", "add", "nina", "--role", "root", "--password-stdin", "--store",
                                   bench.url], input="long enough password\n")
    assert bad_role.exit_code == 2 and "role must be one of" in bad_role.output
    ok = runner.invoke(app, ["users", "add", "nina", "--role", "reviewer", "--name", "Nina N.", "--password-stdin",
                             "--store", bench.url], input="long enough password\n")
    assert ok.exit_code == 0 and "added nina (reviewer)" in ok.output
    again = runner.invoke(app, ["users", "add", "nina", "--role", "reviewer", "--password-stdin", "--store",
                                bench.url], input="long enough password\n")
    assert again.exit_code == 2 and "already exists" in again.output
    listed = runner.invoke(app, ["users", "list", "--store", bench.url])
    assert "nina" in listed.output and "Nina N." in listed.output
    assert bench.client().login("nina", "long enough password").status_code == 302
    changed = runner.invoke(app, ["users", "password", "nina", "--password-stdin", "--store", bench.url],
                            input="another long password\n")
    assert changed.exit_code == 0
    assert bench.client().login("nina", "long enough password").status_code == 401
    assert runner.invoke(app, ["users", "disable", "nina", "--store", bench.url]).exit_code == 0
    assert bench.client().login("nina", "another long password").status_code == 401
    exported = bench.tmp / "audit.csv"
    assert runner.invoke(app, ["audit", "export", "--store", bench.url, "--out", str(exported)]).exit_code == 0
    actions = [line.split(",")[5] for line in exported.read_text().splitlines()[1:]]
    assert actions[:1] == ["user_add"] and "user_password" in actions and "user_disable" in actions


def test_password_change_ends_other_sessions(bench: Bench) -> None:
    from pipeline.review.accounts import set_password

    client = bench.client("rita")
    assert client.get("/queue").status_code == 200
    set_password(bench.engine, username="rita", password=PASSWORDS["rita"] + "-new")
    assert client.get("/queue").status_code == 302
