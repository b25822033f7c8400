"""FHIR output: one Bundle per screened packet, shaped as a Da Vinci PAS response, with CRD coverage information.

    bundle_json(record)                  # -> the Bundle as JSON text (validated with fhir.resources' R4B models)
    write_bundle(record, Path("out"))    # -> out/<stem>-<sha8>.json
    summarize_bundle(text)               # -> the text table, read back from the Bundle alone

The Bundle (type collection; docs/fhir.md has an annotated example and the mapping) holds:

- a DocumentReference for the packet (sha256, media type, page count);
- a Device naming the pipeline version and the rules digest (pipeline.about.rules_digest);
- a ServiceRequest for the requested MR spectroscopy, carrying the request date (authoredOn), the priority,
  the decision clock when the received time is known, and one CRD coverage-information extension per payer;
- per payer, a ClaimResponse (use preauthorization, outcome complete) whose item adjudication carries the PAS
  reviewAction with X12 306 code A1 (certified in total) for approve and A4 (pended) for pend, never A3 (not
  certified: the screen never denies), the outcome as reason code, and process notes with the reasons and the
  documentation that would resolve a pend; and a Provenance for it: the pipeline Device, the policy id, version
  and file hash, the packet, and per met criterion each piece of evidence quoted with its page and offsets.

Same record, same bytes: ids are UUIDs derived (uuid5) from the document hash, the payer and the resource's
role; no time is read from the clock (times come from the record: the request date and the received time).
fhir.resources and fhirpathpy are imported only here and only when a Bundle is built or read.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from ..about import rules_digest
from ..clock import DecisionClock, parse_received_at, record_priority
from ..contracts import Decision, Determination, Evidence, ScreeningResult, TriState
from .text import TableRow, decision_table

# ---------------------------------------------------------------- published identifiers (HL7, X12, AMA)
PAS_SD = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition"
EXT_REVIEW_ACTION = f"{PAS_SD}/extension-reviewAction"
EXT_REVIEW_ACTION_CODE = f"{PAS_SD}/extension-reviewActionCode"
X12_306 = "https://codesystem.x12.org/005010/306"
"""X12 306 Action Code (the PAS reviewActionCode binding): A1 certified in total, A3 not certified, A4 pended."""
REVIEW_ACTION = {Decision.APPROVE: ("A1", "Certified in total"), Decision.PEND: ("A4", "Pended")}
DECISION_OF_ACTION = {code: decision for decision, (code, _) in REVIEW_ACTION.items()}
EXT_COVERAGE_INFORMATION = "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information"
DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
ATTACHMENT_PAGES = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Attachment.pages"
"""The R5 element Attachment.pages as a cross-version extension (R4 has no page count)."""
CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type"
ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication"
PROVENANCE_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
CPT = "http://www.ama-assn.org/go/cpt"
MRS_CPT = "76390"

# ---------------------------------------------------------------- this project's (documented in docs/fhir.md)
CANONICAL = "http://mrs-prescreen.example.org/fhir"
"""Base of this project's extensions, code systems and identifier systems; nothing is fetched from it. A
deployment may publish them under its own base: change this one constant."""
EXT_EVIDENCE = f"{CANONICAL}/StructureDefinition/evidence-span"
EXT_NOTE_KIND = f"{CANONICAL}/StructureDefinition/note-kind"
EXT_DECISION_CLOCK = f"{CANONICAL}/StructureDefinition/decision-clock"
CS_OUTCOME = f"{CANONICAL}/CodeSystem/outcome"
SID_DOCUMENT = f"{CANONICAL}/sid/document-sha256"
SID_PAYER = f"{CANONICAL}/sid/payer"
SID_POLICY_FILE = f"{CANONICAL}/sid/policy-sha256"
SID_RESPONSE = f"{CANONICAL}/sid/claim-response"
SID_BUNDLE = f"{CANONICAL}/sid/bundle"
POLICY_URI = f"{CANONICAL}/policy"
"""Provenance.policy is `<POLICY_URI>/<policy id>|<policy version>`, both percent-encoded (see policy_uri)."""
NOTE_REASON, NOTE_MISSING = "reason", "missing-documentation"
PRIORITY_TO_FHIR = {"expedited": "urgent", "standard": "routine"}
"""Our priority -> ServiceRequest.priority (request-priority codes)."""
PATIENT = {"display": "Patient of the screened packet (identity not extracted)"}
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, CANONICAL)


class FhirFormatError(ValueError):
    """A Bundle that this module cannot read back (not ours, or damaged); the message names what is missing."""


def _uid(seed: str, *parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join((seed, *parts))))


def _url(uid: str) -> str:
    return f"urn:uuid:{uid}"


def _absent(code: str = "unknown") -> dict[str, Any]:
    return {"extension": [{"url": DATA_ABSENT_REASON, "valueCode": code}]}


def policy_uri(policy_id: str, version: str) -> str:
    """The policy as a versioned canonical-style URI (versions such as "revised 2025-05-15" have spaces)."""
    return f"{POLICY_URI}/{quote(policy_id, safe='')}|{quote(version, safe='')}"


def _outcome_coding(d: Determination) -> dict[str, Any]:
    return {"system": CS_OUTCOME, "code": d.outcome.value, "display": d.outcome.value.replace("_", " ")}


# ---------------------------------------------------------------- building
def _document_reference(record: ScreeningResult, uid: str) -> dict[str, Any]:
    doc = record.document
    attachment: dict[str, Any] = {"contentType": doc.media_type, "title": doc.path}
    if doc.n_pages >= 1:
        attachment["extension"] = [{"url": ATTACHMENT_PAGES, "valuePositiveInt": doc.n_pages}]
    return {"resourceType": "DocumentReference", "id": uid,
            "masterIdentifier": {"system": SID_DOCUMENT, "value": doc.sha256},
            "status": "current", "type": {"text": "Prior-authorization request packet"}, "subject": PATIENT,
            "content": [{"attachment": attachment}]}


def _device(uid: str, *, version: str, digest: str, extractors: str = "rules",
            models: dict[str, str] | None = None) -> dict[str, Any]:
    """The software that screened: pipeline version, rules digest and, when learned extractors screened, each
    model (`assertion@1.1.0`) with the sha256 of its model file."""
    kind = ("rule-based extraction, no trained model" if not models
            else f"rule-based extraction with learned extractors ({extractors})")
    return {"resourceType": "Device", "id": uid, "status": "active",
            "deviceName": [{"name": "mrs-prescreen", "type": "manufacturer-name"}],
            "type": {"text": f"Software: prior-authorization pre-screen ({kind})"},
            "version": [{"type": {"text": "pipeline"}, "value": version},
                        {"type": {"text": "rules-digest"}, "value": digest}]
            + [{"type": {"text": f"model {model}"}, "value": f"sha256:{sha}"}
               for model, sha in sorted((models or {}).items())]}


def _requested_codes(record: ScreeningResult) -> list[str]:
    fact = next((f for f in record.facts if f.name == "requested_cpt_codes"), None)
    value = fact.value if fact is not None else None
    return [str(v) for v in value] if isinstance(value, list) else []


def _coverage_information(record: ScreeningResult, d: Determination) -> dict[str, Any]:
    """The CRD coverage-information values a CRD client reads, derived from the determination: approve ->
    covered, prior auth needed; pend -> conditional (never not-covered: the screen never denies), clinical
    documentation needed with the prior-auth request, more information needed (OTH, with the reason)."""
    approve = d.decision is Decision.APPROVE
    ext: list[dict[str, Any]] = [
        {"url": "coverage", "valueReference": {
            "type": "Coverage", "identifier": {"system": SID_PAYER, "value": d.payer},
            "display": f"{d.payer} coverage of the patient (member not identified by the pre-screen)"}},
        {"url": "covered", "valueCode": "covered" if approve else "conditional"},
        {"url": "pa-needed", "valueCode": "auth-needed"},
    ]
    if not approve:
        ext += [{"url": "doc-needed", "valueCode": "clinical"}, {"url": "doc-purpose", "valueCode": "withpa"},
                {"url": "info-needed", "valueCode": "OTH"}]
    reason_text = " ".join(d.reasons) or d.outcome.value.replace("_", " ")
    ext.append({"url": "reason", "valueCodeableConcept": {"coding": [_outcome_coding(d)], "text": reason_text}})
    if record.reference_date:
        ext.append({"url": "date", "valueDate": record.reference_date})
    else:
        # R4 has no primitive extension on a sub-extension's value[x]: the reason sits on the "date" extension itself
        ext.append({"url": "date", **_absent()})
    ext.append({"url": "coverage-assertion-id", "valueString": f"{record.document.sha256[:16]}-{d.payer}"})
    return {"url": EXT_COVERAGE_INFORMATION, "extension": ext}


def _service_request(record: ScreeningResult, uid: str, clock: DecisionClock | None) -> dict[str, Any]:
    code: dict[str, Any] = {"text": "MR spectroscopy"}
    if MRS_CPT in _requested_codes(record):
        code["coding"] = [{"system": CPT, "code": MRS_CPT}]
    sr: dict[str, Any] = {"resourceType": "ServiceRequest", "id": uid, "status": "active", "intent": "order",
                          "code": code, "subject": PATIENT}
    priority = clock.priority if clock is not None and clock.priority else record_priority(record)
    if priority is not None:
        sr["priority"] = PRIORITY_TO_FHIR[priority.value]
    if record.reference_date:
        sr["authoredOn"] = record.reference_date
    extensions = []
    received = parse_received_at(clock.received_at) if clock is not None and clock.received_at else None
    if clock is not None and received is not None and clock.due_at:
        extensions.append({"url": EXT_DECISION_CLOCK, "extension": [
            {"url": "received", "valueDateTime": received.isoformat()},
            {"url": "receivedSource", "valueCode": clock.received_source or "manifest"},
            {"url": "due", "valueDateTime": clock.due_at}]})
    extensions += [_coverage_information(record, d) for d in record.determinations]
    if extensions:
        sr["extension"] = extensions
    return sr


def _claim_response(record: ScreeningResult, d: Determination, uid: str) -> dict[str, Any]:
    code, display = REVIEW_ACTION[d.decision]
    notes = [(NOTE_REASON, text) for text in d.reasons] + [(NOTE_MISSING, text) for text in d.missing_documentation]
    process_notes = [{"extension": [{"url": EXT_NOTE_KIND, "valueCode": kind}], "number": i, "type": "display",
                      "text": text} for i, (kind, text) in enumerate(notes, start=1)]
    item: dict[str, Any] = {"itemSequence": 1, "adjudication": [{
        "extension": [{"url": EXT_REVIEW_ACTION, "extension": [
            {"url": EXT_REVIEW_ACTION_CODE,
             "valueCodeableConcept": {"coding": [{"system": X12_306, "code": code, "display": display}]}}]}],
        "category": {"coding": [{"system": ADJUDICATION, "code": "submitted"}]},
        "reason": {"coding": [_outcome_coding(d)]}}]}
    if process_notes:
        item["noteNumber"] = [n["number"] for n in process_notes]
    cr: dict[str, Any] = {
        "resourceType": "ClaimResponse", "id": uid,
        "identifier": [{"system": SID_RESPONSE, "value": f"{record.document.sha256}-{d.payer}"}],
        "status": "active", "type": {"coding": [{"system": CLAIM_TYPE, "code": "professional"}]},
        "use": "preauthorization", "patient": PATIENT,
        "insurer": {"identifier": {"system": SID_PAYER, "value": d.payer}, "display": d.policy.payer},
        "request": _absent("not-applicable"), "outcome": "complete",
        "disposition": ("Pre-screen: criteria met, with evidence" if d.decision is Decision.APPROVE
                        else "Pre-screen: pended for clinical review"),
        "item": [item]}
    if record.reference_date:
        cr["created"] = record.reference_date
    else:
        cr["_created"] = _absent()
    if process_notes:
        cr["processNote"] = process_notes
    return cr


def _evidence_entities(d: Determination, document_url: str) -> Iterator[dict[str, Any]]:
    """One quotation entity per evidence span of the met criteria (in order of first citation), naming every
    met criterion that cites it (a parent criterion cites its children's evidence too)."""
    spans: dict[tuple[int, int], tuple[Evidence, list[str]]] = {}
    for c in d.criteria:
        if c.status is not TriState.MET:
            continue
        for e in c.evidence:
            _, cited_by = spans.setdefault((e.start, e.end), (e, []))
            if c.id not in cited_by:
                cited_by.append(c.id)
    for e, cited_by in spans.values():
        span: list[dict[str, Any]] = [{"url": "criterion", "valueString": c} for c in cited_by]
        span += [{"url": "text", "valueString": e.text}, {"url": "start", "valueInteger": e.start},
                 {"url": "end", "valueInteger": e.end}]
        if e.page is not None and e.page >= 1:
            span.append({"url": "page", "valuePositiveInt": e.page})
        if e.rule_id:
            span.append({"url": "rule", "valueString": e.rule_id})
        yield {"extension": [{"url": EXT_EVIDENCE, "extension": span}], "role": "quotation",
               "what": {"reference": document_url}}


def _provenance(d: Determination, uid: str, *, targets: list[str], device_url: str, document_url: str
                ) -> dict[str, Any]:
    policy = d.policy
    return {"resourceType": "Provenance", "id": uid, "target": [{"reference": t} for t in targets],
            "_recorded": _absent(), "policy": [policy_uri(policy.id, policy.version)],
            "activity": {"coding": [{"system": DATA_OPERATION, "code": "CREATE"}]},
            "agent": [{"type": {"coding": [{"system": PROVENANCE_PARTICIPANT, "code": "performer"}]},
                       "who": {"reference": device_url, "display": f"mrs-prescreen {d.pipeline_version}"}}],
            "entity": [{"role": "source", "what": {"reference": document_url, "display": "the screened packet"}},
                       {"role": "derivation", "what": {
                           "identifier": {"system": SID_POLICY_FILE, "value": policy.sha256},
                           "display": f"{policy.title} ({policy.id}, version {policy.version})"}},
                       *_evidence_entities(d, document_url)]}


def _extensions_first(resource: dict[str, Any]) -> dict[str, Any]:
    """resourceType, id and extension first, as FHIR's own examples order them (readability only)."""
    head = [k for k in ("resourceType", "id", "extension") if k in resource]
    return {k: resource[k] for k in [*head, *(k for k in resource if k not in head)]}


def build_bundle(record: ScreeningResult, *, clock: DecisionClock | None = None, seed: str | None = None,
                 digest: str | None = None) -> dict[str, Any]:
    """The Bundle of one screening record, as a dict that fhir.resources' R4B models validate (the dict is what
    is written: the models' own serialisation is slower and changes nothing but formatting).

    `clock`: the request's decision clock (batch records carry one; `screen` derives it from the fax header);
    `seed`: what ids are derived from besides the document hash (a batch passes the intake, so two intakes of
    the same bytes get distinct ids); `digest`: the rules digest the record was produced with (default: the one
    the record carries, else this installation's, pipeline.about.rules_digest())."""
    from fhir.resources.R4B.bundle import Bundle

    base = record.document.sha256 if seed is None else f"{record.document.sha256}/{seed}"
    digest = digest or record.rules_digest or rules_digest()
    digest = digest if digest.startswith("sha256:") else f"sha256:{digest}"
    doc_uid, sr_uid = _uid(base, "document"), _uid(base, "request")
    device_uid = _uid(base, "device", record.pipeline_version, digest, *sorted(record.models.values()))
    entries = [_document_reference(record, doc_uid),
               _device(device_uid, version=record.pipeline_version, digest=digest, extractors=record.extractors,
                       models=record.models),
               _service_request(record, sr_uid, clock)]
    for d in record.determinations:
        cr_uid = _uid(base, "claim-response", d.payer)
        entries.append(_claim_response(record, d, cr_uid))
        entries.append(_provenance(d, _uid(base, "provenance", d.payer), targets=[_url(cr_uid), _url(sr_uid)],
                                   device_url=_url(device_uid), document_url=_url(doc_uid)))
    bundle_uid = _uid(base, "bundle")
    data = {"resourceType": "Bundle", "id": bundle_uid, "identifier": {"system": SID_BUNDLE, "value": bundle_uid},
            "type": "collection", "entry": [{"fullUrl": _url(r["id"]), "resource": _extensions_first(r)}
                                            for r in entries]}
    Bundle.model_validate(data)  # raises pydantic.ValidationError on anything the R4B models reject
    return data


def bundle_json(record: ScreeningResult, *, clock: DecisionClock | None = None, seed: str | None = None,
                digest: str | None = None) -> str:
    """The Bundle as JSON text (2-space indent, keys in the model's order): same record, same bytes."""
    return json.dumps(build_bundle(record, clock=clock, seed=seed, digest=digest), indent=2, ensure_ascii=False) + "\n"


def bundle_name(record: ScreeningResult, *, suffix: str | None = None) -> str:
    """`<stem>-<sha256[:8]>[-suffix].json`, the file name of a record's Bundle."""
    stem = Path(record.document.path).stem or "packet"
    return f"{stem}-{record.document.sha256[:8]}{'-' + suffix if suffix else ''}.json"


def write_bundle(record: ScreeningResult, out_dir: Path, *, clock: DecisionClock | None = None,
                 seed: str | None = None, suffix: str | None = None) -> Path:
    """Write the record's Bundle into out_dir (created if needed) and return its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / bundle_name(record, suffix=suffix)
    target.write_bytes(bundle_json(record, clock=clock, seed=seed).encode("utf-8"))
    return target


def write_batch_bundles(results: Path, out_dir: Path) -> tuple[int, int]:
    """One Bundle per current screening record of a batch's results.jsonl (streamed), named
    `<stem>-<sha8>-<intake[:8]>.json` and carrying the record's decision clock; returns how many were written and
    how many records could not be (one that fails does not stop the others)."""
    from ..batch.results import iter_latest
    from ..facts.priority import Priority

    written = failed = 0
    for data in iter_latest(results):
        if data.get("kind") != "screening":
            continue
        batch = data.get("batch") or {}
        record = ScreeningResult.model_validate({k: v for k, v in data.items() if k != "batch"})
        clock = DecisionClock(received_at=batch.get("received_at"), received_source=batch.get("received_source"),
                              priority=Priority(batch["priority"]) if batch.get("priority") else None,
                              due_at=batch.get("due_at"))
        intake = str(batch.get("intake") or batch.get("key") or "")
        try:
            write_bundle(record, out_dir, clock=clock, seed=intake, suffix=intake[:8] or None)
        except Exception:  # counted, never quoted: a validation error echoes the record's content
            failed += 1
            continue
        written += 1
    return written, failed


# ---------------------------------------------------------------- reading back
def _resources(bundle: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(str(e.get("fullUrl", "")), e["resource"]) for e in bundle.get("entry") or [] if "resource" in e]


def _ext(element: dict[str, Any], url: str) -> list[dict[str, Any]]:
    return [x for x in element.get("extension") or [] if x.get("url") == url]


def _one(items: list[dict[str, Any]], what: str) -> dict[str, Any]:
    if len(items) != 1:
        raise FhirFormatError(f"expected one {what}, found {len(items)}")
    return items[0]


def read_bundle(text: str | bytes) -> dict[str, Any]:
    """Parse and validate a Bundle with fhir.resources (R4B); FhirFormatError when it is not a valid Bundle."""
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        Bundle.model_validate_json(text)
        data: dict[str, Any] = json.loads(text)
        return data
    except (ValidationError, ValueError) as exc:
        raise FhirFormatError(f"not a valid FHIR R4 Bundle: {str(exc).splitlines()[0]}") from None


def table_rows(bundle: dict[str, Any]) -> tuple[dict[str, Any], list[TableRow]]:
    """The packet's identity (path, sha256, n_pages, reference_date) and one row per ClaimResponse, from the
    Bundle alone: decision from the PAS review action (A1 approve, A4 pend; anything else is an error), outcome
    from the adjudication reason, policy from the Provenance that targets the response."""
    resources = _resources(bundle)
    by_type: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for url, r in resources:
        by_type.setdefault(r["resourceType"], []).append((url, r))
    doc = _one([r for _, r in by_type.get("DocumentReference", [])], "DocumentReference")
    attachment = doc["content"][0]["attachment"]
    pages = _ext(attachment, ATTACHMENT_PAGES)
    request = _one([r for _, r in by_type.get("ServiceRequest", [])], "ServiceRequest")
    identity = {"path": attachment.get("title", ""), "sha256": doc["masterIdentifier"]["value"],
                "n_pages": pages[0]["valuePositiveInt"] if pages else 0,
                "reference_date": request.get("authoredOn")}
    provenance = {t["reference"]: r for _, r in by_type.get("Provenance", []) for t in r.get("target") or []}
    rows = []
    for url, cr in by_type.get("ClaimResponse", []):
        adjudication = _one([a for item in cr.get("item") or [] for a in item.get("adjudication") or []],
                            "item adjudication")
        review = _one(_ext(adjudication, EXT_REVIEW_ACTION), "reviewAction")
        codings = [c for x in _ext(review, EXT_REVIEW_ACTION_CODE)
                   for c in x["valueCodeableConcept"].get("coding") or [] if c.get("system") == X12_306]
        action = _one(codings, "X12 306 review action code")["code"]
        if action not in DECISION_OF_ACTION:
            raise FhirFormatError(f"review action {action!r}: a pre-screen only certifies (A1) or pends (A4)")
        outcome = _one([c for c in adjudication["reason"]["coding"] if c.get("system") == CS_OUTCOME], "outcome")
        prov = provenance.get(url)
        if prov is None:
            raise FhirFormatError(f"no Provenance targets {url}")
        policies = [str(p) for p in prov.get("policy") or [] if str(p).startswith(POLICY_URI + "/")]
        if len(policies) != 1:
            raise FhirFormatError(f"expected one policy in the Provenance of {url}, found {len(policies)}")
        quoted_id, _, quoted_version = policies[0][len(POLICY_URI) + 1:].rpartition("|")
        policy_id, policy_version = unquote(quoted_id), unquote(quoted_version)
        notes = sorted(cr.get("processNote") or [], key=lambda n: n.get("number", 0))
        kinds = [(_one(_ext(n, EXT_NOTE_KIND), "note kind")["valueCode"], n.get("text", "")) for n in notes]
        rows.append(TableRow(payer=cr["insurer"]["identifier"]["value"], decision=DECISION_OF_ACTION[action].value,
                             outcome=outcome["code"], policy_id=policy_id, policy_version=policy_version,
                             reasons=[t for k, t in kinds if k == NOTE_REASON],
                             missing_documentation=[t for k, t in kinds if k == NOTE_MISSING]))
    return identity, rows


def summarize_bundle(text: str | bytes, *, width: int = 100) -> str:
    """The text table (pipeline.report.text) of a Bundle, read from the Bundle alone, then its decision clock."""
    bundle = read_bundle(text)
    try:
        identity, rows = table_rows(bundle)
        out = decision_table(rows=rows, width=width, **identity)
        request = next(r for _, r in _resources(bundle) if r["resourceType"] == "ServiceRequest")
        for clock in _ext(request, EXT_DECISION_CLOCK):
            parts = {x["url"]: next(v for k, v in x.items() if k.startswith("value")) for x in clock["extension"]}
            out += (f"  decision clock: {request.get('priority', '?')} request received {parts.get('received')} "
                    f"({parts.get('receivedSource')}), decision due {parts.get('due')}\n")
    except (KeyError, IndexError, TypeError, StopIteration) as exc:
        raise FhirFormatError(f"not a pre-screen Bundle: missing {exc}") from None
    return out


__all__ = ["CANONICAL", "FhirFormatError", "build_bundle", "bundle_json", "bundle_name", "policy_uri", "read_bundle",
           "summarize_bundle", "table_rows", "write_batch_bundles", "write_bundle"]
