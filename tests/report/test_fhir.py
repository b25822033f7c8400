"""FHIR Bundles (Da Vinci PAS response + CRD coverage information) for the dev corpus: they parse with the FHIR
R4 models, keep the PAS / CRD invariants (FHIRPath, fhirpathpy), read back to the text table, and are
byte-identical for identical input."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.batch.items import BatchItem, batch_record, dumps
from pipeline.cli import app
from pipeline.clock import decision_clock
from pipeline.contracts import Decision, ScreeningResult, TriState
from pipeline.corpus.annotations import load_corpus
from pipeline.report.fhir import (
    EXT_COVERAGE_INFORMATION,
    EXT_DECISION_CLOCK,
    EXT_EVIDENCE,
    EXT_REVIEW_ACTION,
    EXT_REVIEW_ACTION_CODE,
    X12_306,
    FhirFormatError,
    bundle_json,
    policy_uri,
    summarize_bundle,
    write_batch_bundles,
)
from pipeline.report.fhir_checks import INVARIANTS, Invariant, check_bundle
from pipeline.report.text import summary_table

REPO = Path(__file__).resolve().parents[2]
DEV = [p for p in load_corpus(REPO / "annotations" / "packets") if p.split == "dev"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def screened(screener) -> dict[str, ScreeningResult]:  # type: ignore[no-untyped-def]
    records = list(screener.screen(p.text_path for p in DEV))
    assert all(isinstance(r, ScreeningResult) for r in records)
    return {p.id: r for p, r in zip(DEV, records, strict=True)}  # type: ignore[misc]


@pytest.fixture(scope="module")
def bundles(screened) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {pid: bundle_json(r, clock=decision_clock(r)) for pid, r in screened.items()}


@pytest.fixture(scope="module")
def parsed(bundles) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    return {pid: json.loads(text) for pid, text in bundles.items()}


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _action(cr: dict[str, Any]) -> str:
    adjudication = cr["item"][0]["adjudication"][0]
    review = next(x for x in adjudication["extension"] if x["url"] == EXT_REVIEW_ACTION)
    code = next(x for x in review["extension"] if x["url"] == EXT_REVIEW_ACTION_CODE)
    return str(code["valueCodeableConcept"]["coding"][0]["code"])


def test_every_dev_bundle_parses_with_the_fhir_models(bundles) -> None:  # type: ignore[no-untyped-def]
    from fhir.resources.R4B.bundle import Bundle

    assert len(bundles) == len(DEV) >= 40
    for pid, text in bundles.items():
        bundle = Bundle.model_validate_json(text)
        kinds = sorted({e.resource.get_resource_type() for e in bundle.entry})
        assert kinds == ["ClaimResponse", "Device", "DocumentReference", "Provenance", "ServiceRequest"], pid


# ---------------------------------------------------------------- the invariant table
def _ci(b: dict[str, Any], covered: str | None = None) -> dict[str, Any] | None:
    for sr in _resources(b, "ServiceRequest"):
        for ext in sr.get("extension", []):
            values = {x["url"]: x for x in ext.get("extension", [])}
            if ext["url"] == EXT_COVERAGE_INFORMATION and (covered is None or
                                                            values["covered"]["valueCode"] == covered):
                return ext
    return None


def _sub(ext: dict[str, Any], url: str) -> dict[str, Any]:
    return next(x for x in ext["extension"] if x["url"] == url)


def _response(b: dict[str, Any], action: str | None = None) -> dict[str, Any] | None:
    return next((cr for cr in _resources(b, "ClaimResponse") if action is None or _action(cr) == action), None)


def _set_action(cr: dict[str, Any], code: str) -> None:
    review = next(x for x in cr["item"][0]["adjudication"][0]["extension"] if x["url"] == EXT_REVIEW_ACTION)
    review["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] = code


def _with(find: Callable[[dict[str, Any]], Any], change: Callable[[Any], object]) -> Callable[[dict[str, Any]], bool]:
    """A breaker: finds what to break in a Bundle (False when the Bundle has none) and breaks it."""
    def breaker(bundle: dict[str, Any]) -> bool:
        target = find(bundle)
        if not target:
            return False
        change(target)
        return True
    return breaker


def _quotation(b: dict[str, Any]) -> dict[str, Any] | None:
    return next((en for p in _resources(b, "Provenance") for en in p["entity"] if en["role"] == "quotation"), None)


def _swap_offsets(entity: dict[str, Any]) -> None:
    span = {x["url"]: x for x in entity["extension"][0]["extension"]}
    span["start"]["valueInteger"], span["end"]["valueInteger"] = span["end"]["valueInteger"] + 1, 0


BREAKERS: dict[str, Callable[[dict[str, Any]], bool]] = {
    "bundle-collection": _with(lambda b: b, lambda b: b.update(type="transaction")),
    "bundle-references-resolve": _with(lambda b: _resources(b, "Provenance"), lambda ps: ps[0]["target"][0].update(
        reference="urn:uuid:00000000-0000-0000-0000-000000000000")),
    "bundle-one-response-per-payer": _with(lambda b: b, lambda b: b["entry"].append(copy.deepcopy(
        next(e for e in b["entry"] if e["resource"]["resourceType"] == "ClaimResponse")))),
    "bundle-device-names-pipeline-and-rules": _with(lambda b: _resources(b, "Device"),
                                                    lambda ds: ds[0]["version"][1].update(value="unknown")),
    "document-hash-and-pages": _with(lambda b: _resources(b, "DocumentReference"),
                                     lambda ds: ds[0]["masterIdentifier"].update(value="not-a-hash")),
    "pas-use-status-outcome": _with(_response, lambda cr: cr.update(use="claim")),
    "pas-required-elements": _with(_response, lambda cr: cr.pop("insurer")),
    "pas-adjudication-submitted": _with(_response, lambda cr: cr["item"][0]["adjudication"][0]["category"][
        "coding"][0].update(code="eligible")),
    "pas-one-review-action": _with(_response, lambda cr: cr["item"][0]["adjudication"][0]["extension"].append(
        copy.deepcopy(cr["item"][0]["adjudication"][0]["extension"][0]))),
    "pas-a1-or-a4-only": _with(_response, lambda cr: _set_action(cr, "A3")),
    "pas-action-matches-outcome": _with(lambda b: _response(b, "A4"), lambda cr: _set_action(cr, "A1")),
    "pas-reason-code": _with(_response, lambda cr: cr["item"][0]["adjudication"][0]["reason"]["coding"][0].update(
        code="denied")),
    "pas-pend-explained": _with(lambda b: _response(b, "A4"), lambda cr: cr.pop("processNote")),
    "provenance-names-policy-and-pipeline": _with(lambda b: _resources(b, "Provenance"),
                                                  lambda ps: ps[0].update(policy=[])),
    "provenance-evidence-spans": _with(_quotation, _swap_offsets),
    "crd-ci-required": _with(_ci, lambda ci: ci["extension"].remove(_sub(ci, "date"))),
    "crd-ci-codes": _with(_ci, lambda ci: _sub(ci, "covered").update(valueCode="maybe")),
    "crd-never-not-covered": _with(_ci, lambda ci: _sub(ci, "covered").update(valueCode="not-covered")),
    "crd-ci-q1": _with(lambda b: _ci(b, "covered"), lambda ci: ci["extension"].append(
        {"url": "questionnaire", "valueCanonical": "http://example.org/Questionnaire/q"})),
    "crd-ci-q2": _with(_ci, lambda ci: _sub(ci, "covered").update(valueCode="not-covered")),
    "crd-ci-q3": _with(lambda b: _ci(b, "conditional"), lambda ci: ci["extension"].remove(_sub(ci, "info-needed"))),
    "crd-ci-q4": _with(lambda b: _ci(b, "conditional"), lambda ci: _sub(ci, "pa-needed").update(valueCode="satisfied")),
    "crd-ci-q5": _with(_ci, lambda ci: _sub(ci, "pa-needed").update(valueCode="satisfied")),
    "crd-ci-q6": _with(lambda b: _ci(b, "conditional"), lambda ci: ci["extension"].remove(_sub(ci, "reason"))),
    "crd-ci-q7-text": _with(_ci, lambda ci: _sub(ci, "reason")["valueCodeableConcept"].pop("text")),
    "crd-ci-q8": _with(lambda b: _ci(b, "conditional"), lambda ci: ci["extension"].remove(_sub(ci, "reason"))),
}


def test_every_invariant_has_a_breaker() -> None:
    assert sorted(BREAKERS) == sorted(i.id for i in INVARIANTS)


@pytest.mark.parametrize("invariant", INVARIANTS, ids=[i.id for i in INVARIANTS])
def test_invariant(invariant: Invariant, parsed) -> None:  # type: ignore[no-untyped-def]
    """Holds on every dev Bundle, and fails on a Bundle broken the way it guards against."""
    for pid, bundle in parsed.items():
        assert check_bundle(bundle, (invariant,)) == [], pid
    for bundle in parsed.values():
        broken = copy.deepcopy(bundle)
        if BREAKERS[invariant.id](broken):
            assert check_bundle(broken, (invariant,)), f"{invariant.id} did not notice the break"
            return
    pytest.fail(f"no dev Bundle has what the breaker of {invariant.id} needs")


# ---------------------------------------------------------------- content
def test_pas_review_action_follows_the_decision(screened, parsed) -> None:  # type: ignore[no-untyped-def]
    seen = set()
    for pid, record in screened.items():
        responses = {cr["insurer"]["identifier"]["value"]: cr for cr in _resources(parsed[pid], "ClaimResponse")}
        for d in record.determinations:
            cr = responses[d.payer]
            assert _action(cr) == ("A1" if d.decision is Decision.APPROVE else "A4")
            notes = [n["text"] for n in cr.get("processNote", [])]
            assert notes == [*d.reasons, *d.missing_documentation]
            seen.add(_action(cr))
    assert seen == {"A1", "A4"}


def test_evidence_quotes_the_packet(screened, parsed) -> None:  # type: ignore[no-untyped-def]
    for pid, record in screened.items():
        text = Path(record.document.path).read_text(encoding="utf-8")
        bundle = parsed[pid]
        doc = _resources(bundle, "DocumentReference")[0]
        assert doc["masterIdentifier"]["value"] == hashlib.sha256(Path(record.document.path).read_bytes()).hexdigest()
        for d, prov in zip(record.determinations, _resources(bundle, "Provenance"), strict=True):
            met = {(e.start, e.end) for c in d.criteria if c.status is TriState.MET for e in c.evidence}
            spans = []
            for entity in prov["entity"]:
                if entity["role"] != "quotation":
                    continue
                span = entity["extension"][0]
                assert span["url"] == EXT_EVIDENCE
                values = {x["url"]: x for x in span["extension"]}
                start, end = values["start"]["valueInteger"], values["end"]["valueInteger"]
                assert text[start:end] == values["text"]["valueString"]
                assert values["page"]["valuePositiveInt"] >= 1
                spans.append((start, end))
            assert sorted(spans) == sorted(met), (pid, d.payer)
            assert prov["policy"] == [policy_uri(d.policy.id, d.policy.version)]
            assert " " not in prov["policy"][0]


def test_expedited_fax_gets_its_clock(parsed) -> None:  # type: ignore[no-untyped-def]
    """dev-035: faxed 11/17/2026 17:20, 'Requested turnaround: expedited' -> due 72 h later."""
    sr = _resources(parsed["dev-035"], "ServiceRequest")[0]
    assert sr["priority"] == "urgent" and sr["authoredOn"] == "2026-11-17"
    clock = next(x for x in sr["extension"] if x["url"] == EXT_DECISION_CLOCK)
    values = {x["url"]: next(v for k, v in x.items() if k.startswith("value")) for x in clock["extension"]}
    assert values == {"received": "2026-11-17T17:20:00+00:00", "receivedSource": "fax_header",
                      "due": "2026-11-20T17:20:00+00:00"}


def test_round_trip_to_the_text_table(screened, bundles) -> None:  # type: ignore[no-untyped-def]
    for pid, record in screened.items():
        table = summary_table(record)
        summary = summarize_bundle(bundles[pid])
        assert summary.startswith(table), pid
        assert all(line.startswith("  decision clock: ") for line in summary[len(table):].splitlines()), pid


def test_same_input_same_bytes(screener, screened, bundles, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for packet in DEV[:3]:
        copy_path = packet.text_path  # screened again from the same path: a fresh record, the same bytes
        again = screener.screen_one(copy_path)
        assert bundle_json(again, clock=decision_clock(again)) == bundles[packet.id]
    other = bundle_json(screened[DEV[0].id], seed="another intake")
    assert json.loads(other)["id"] != json.loads(bundles[DEV[0].id])["id"]


def test_summarize_refuses_what_a_prescreen_cannot_say(bundles) -> None:  # type: ignore[no-untyped-def]
    bundle = json.loads(bundles[DEV[0].id])
    _set_action(_resources(bundle, "ClaimResponse")[0], "A3")
    with pytest.raises(FhirFormatError, match="A3"):
        summarize_bundle(json.dumps(bundle))
    with pytest.raises(FhirFormatError, match="not a valid FHIR R4 Bundle"):
        summarize_bundle('{"resourceType": "Bundle", "entry": []}')  # Bundle.type is required
    with pytest.raises(FhirFormatError, match="expected one DocumentReference"):
        summarize_bundle('{"resourceType": "Bundle", "type": "collection"}')  # valid, but not a screen's
    with pytest.raises(FhirFormatError, match="not a valid FHIR R4 Bundle"):
        summarize_bundle("not json")


def test_batch_bundles_carry_the_manifest_clock(screened, tmp_path) -> None:  # type: ignore[no-untyped-def]
    results = tmp_path / "results.jsonl"
    with results.open("w", encoding="utf-8") as f:
        for i, pid in enumerate(sorted(screened)[:2]):
            record = screened[pid]
            item = BatchItem(path=record.document.path, request_id=f"R{i}", received_at="2026-11-02T09:30:00-05:00")
            f.write(dumps(batch_record(record, item=item, key=f"k{i}")) + "\n")
    assert write_batch_bundles(results, tmp_path / "fhir") == (2, 0)
    files = sorted((tmp_path / "fhir").glob("*.json"))
    assert len(files) == 2
    for file in files:
        summary = summarize_bundle(file.read_bytes())
        assert "received 2026-11-02T09:30:00-05:00 (manifest), decision due 2026-11-" in summary
        assert check_bundle(json.loads(file.read_text(encoding="utf-8"))) == []


# ---------------------------------------------------------------- command line
def test_cli_screen_format_fhir_then_summarize_and_check(tmp_path: Path) -> None:
    runner = CliRunner()
    packets = sorted(str(p) for p in (REPO / "examples").glob("*.txt"))
    out = tmp_path / "fhir"
    result = runner.invoke(app, ["screen", *packets, "--format", "fhir", "--out", str(out),
                                 "--policies", str(REPO / "policies"), "--no-isolate"])
    assert result.exit_code == 0, result.output
    files = sorted(out.glob("*.json"))
    assert len(files) == len(packets)
    checked = runner.invoke(app, ["fhir", "check", *map(str, files)])
    assert checked.exit_code == 0 and checked.output.count("ok ") == len(files), checked.output
    summary = runner.invoke(app, ["fhir", "summarize", str(files[0])])
    assert summary.exit_code == 0 and "payer" in summary.output and "sha256:" in summary.output
    broken = tmp_path / "broken.json"
    bundle = json.loads(files[0].read_text(encoding="utf-8"))
    _set_action(_resources(bundle, "ClaimResponse")[0], "A3")
    broken.write_text(json.dumps(bundle), encoding="utf-8")
    failed = runner.invoke(app, ["fhir", "check", str(broken)])
    assert failed.exit_code == 1 and "pas-a1-or-a4-only" in failed.output
    assert runner.invoke(app, ["fhir", "summarize", str(broken)]).exit_code == 1


def test_fhir_codes_are_the_published_ones() -> None:
    assert X12_306 == "https://codesystem.x12.org/005010/306"
    assert EXT_REVIEW_ACTION == "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction"
    assert EXT_COVERAGE_INFORMATION == \
        "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information"


def test_cli_batch_fhir_and_clock_report(tmp_path: Path) -> None:
    packet = DEV[0].text_path
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"path,payer,request_id,received_at\n{packet},,R1,2026-11-02T09:30:00-05:00\n",
                        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(manifest), "--out", str(out), "--fhir", "--workers", "1",
                                      "--store", "none", "--progress", "none", "--policies", str(REPO / "policies")])
    assert result.exit_code == 0, result.output
    assert "1 FHIR Bundles in" in result.output
    assert re.search(r"decision clock at \S+: \d+ due within 24 h, \d+ overdue", result.output)
    (bundle,) = (out / "fhir").glob("*.json")
    assert "received 2026-11-02T09:30:00-05:00 (manifest)" in summarize_bundle(bundle.read_bytes())
    record = json.loads((out / "results.jsonl").read_text(encoding="utf-8"))
    assert record["batch"]["received_source"] == "manifest" and record["batch"]["priority"] in {"expedited",
                                                                                               "standard"}


UNDATED = [
    ("no-date-at-all", "Request: MR spectroscopy of the brain.\nHistory: new seizures. MRI brain inconclusive.\n"),
    ("only-a-year", "Office note (2019 template)\nRecurrent glioma after radiation; MRS requested.\n"),
    ("impossible-date", "Date of request: 13/45/2026\nKnown GBM, recurrence versus necrosis on MRI.\n"),
]


@pytest.mark.parametrize(("name", "text"), UNDATED, ids=[u[0] for u in UNDATED])
def test_a_packet_without_a_request_date_gives_a_valid_bundle(screener, tmp_path, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    record = next(iter(screener.screen([path])))
    assert isinstance(record, ScreeningResult) and record.reference_date is None
    bundle = json.loads(bundle_json(record, clock=decision_clock(record)))
    assert check_bundle(bundle) == []
    for cr in _resources(bundle, "ClaimResponse"):
        assert "created" not in cr and cr["_created"]["extension"][0]["valueCode"] == "unknown"
    sr = _resources(bundle, "ServiceRequest")[0]
    infos = [x for x in sr["extension"] if x["url"] == EXT_COVERAGE_INFORMATION]
    assert len(infos) == len(record.determinations)
    for info in infos:
        date = _sub(info, "date")
        assert "valueDate" not in date and date["extension"][0]["valueCode"] == "unknown"


CANARY = "Zebulon Quixmarrow 1961-04-05"


def _fail_for(name: str):  # type: ignore[no-untyped-def]
    """write_bundle that raises, quoting a canary, for the record whose file name contains `name`."""
    import pipeline.report.fhir as fhir

    real = fhir.write_bundle

    def write(record, out_dir, **kwargs):  # type: ignore[no-untyped-def]
        if name in record.document.path:
            raise ValueError(f"validation failed on input {CANARY}")
        return real(record, out_dir, **kwargs)
    return write


def test_a_bundle_that_cannot_be_built_costs_its_record_only(screened, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pipeline.report.fhir as fhir

    packets = {p.id: p for p in DEV}
    files = [packets[pid].text_path for pid in sorted(screened)[:2]]
    monkeypatch.setattr(fhir, "write_bundle", _fail_for(files[0].name))
    done = CliRunner().invoke(app, ["screen", *map(str, files), "--format", "fhir", "--out", str(tmp_path / "f")])
    assert done.exit_code == 1, done.output
    assert f"{files[0].name}: E304" in done.output and CANARY not in done.output
    assert "ValueError" in done.output
    assert len(list((tmp_path / "f").glob("*.json"))) == 1

    results = tmp_path / "results.jsonl"
    with results.open("w", encoding="utf-8") as f:
        for i, pid in enumerate(sorted(screened)[:2]):
            item = BatchItem(path=screened[pid].document.path, request_id=f"R{i}")
            f.write(dumps(batch_record(screened[pid], item=item, key=f"k{i}")) + "\n")
    monkeypatch.setattr(fhir, "write_bundle", _fail_for(Path(screened[sorted(screened)[0]].document.path).name))
    assert write_batch_bundles(results, tmp_path / "batch-fhir") == (1, 1)
