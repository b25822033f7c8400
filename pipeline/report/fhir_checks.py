"""The PAS / CRD invariants our Bundles must keep, as FHIRPath expressions evaluated offline with fhirpathpy.

fhir.resources validates structure (types, cardinalities of base FHIR R4); it knows no implementation-guide
profile. The rules that matter to a payer's system are written here as FHIRPath, the language the guides
state their own invariants in (crd-ci-q* are copied from the CRD guide). fhirpathpy needs its R4 model to
resolve choice elements such as `value[x]`; without it a violating Bundle passes. Extensions are selected with
`extension.where(url = ...)`: fhirpathpy 2.2's `extension(url)` returns only the first match per element, so a
count through it cannot see a duplicate.

    check_bundle(bundle_dict)   # -> [] or the violated invariants, each with where it failed
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .fhir import (
    ADJUDICATION,
    ATTACHMENT_PAGES,
    CS_OUTCOME,
    EXT_COVERAGE_INFORMATION,
    EXT_EVIDENCE,
    EXT_NOTE_KIND,
    EXT_REVIEW_ACTION,
    EXT_REVIEW_ACTION_CODE,
    POLICY_URI,
    SID_POLICY_FILE,
    X12_306,
)

COVERAGE_INFORMATION = "coverage-information"
"""Context of the CRD invariants: each coverage-information extension (on the ServiceRequest)."""
_RA = f"extension.where(url = '{EXT_REVIEW_ACTION}').extension.where(url = '{EXT_REVIEW_ACTION_CODE}').value.coding"
_OUTCOMES = "('meets_criteria' | 'not_medically_necessary' | 'investigational' | 'contraindicated' | " \
            "'insufficient_documentation' | 'criteria_not_met')"


@dataclass(frozen=True)
class Invariant:
    id: str
    context: str
    """Bundle, a resource type (every such resource of the Bundle), or COVERAGE_INFORMATION."""
    expression: str
    description: str


INVARIANTS: tuple[Invariant, ...] = (
    # ---------------------------------------------------------------- the Bundle
    Invariant("bundle-collection", "Bundle",
              "type = 'collection' and entry.all(fullUrl = 'urn:uuid:' + resource.id)",
              "A collection Bundle; every entry's fullUrl is urn:uuid:<resource id>."),
    Invariant("bundle-references-resolve", "Bundle",
              "entry.resource.descendants().select(reference).where(startsWith('urn:uuid:'))"
              ".all($this in %resource.entry.fullUrl)",
              "Every urn:uuid reference points to an entry of the Bundle."),
    Invariant("bundle-one-response-per-payer", "Bundle",
              "entry.resource.ofType(ClaimResponse).insurer.identifier.value.isDistinct() and "
              "entry.resource.ofType(ClaimResponse).count() = entry.resource.ofType(Provenance).count() and "
              f"entry.resource.ofType(ServiceRequest).extension.where(url = '{EXT_COVERAGE_INFORMATION}').count()"
              " = entry.resource.ofType(ClaimResponse).count()",
              "One ClaimResponse, one Provenance and one coverage-information per payer."),
    Invariant("bundle-device-names-pipeline-and-rules", "Bundle",
              "entry.resource.ofType(Device).version.where(type.text = 'pipeline').value.exists() and "
              "entry.resource.ofType(Device).version.where(type.text = 'rules-digest').value"
              ".all(matches('^sha256:[0-9a-f]{64}$'))",
              "The Device names the pipeline version and the rules digest."),
    Invariant("document-hash-and-pages", "DocumentReference",
              "masterIdentifier.value.matches('^[0-9a-f]{64}$') and "
              f"content.attachment.extension.where(url = '{ATTACHMENT_PAGES}').value.all($this > 0)",
              "The packet's sha256 and its page count."),
    # ---------------------------------------------------------------- PAS ClaimResponse
    Invariant("pas-use-status-outcome", "ClaimResponse",
              "use = 'preauthorization' and status = 'active' and outcome = 'complete'",
              "PAS: use preauthorization, status active; a screened request is complete."),
    Invariant("pas-required-elements", "ClaimResponse",
              "type.coding.exists() and patient.exists() and insurer.identifier.value.exists() and "
              "request.exists() and created.exists() and item.exists()",
              "Elements PAS (and base R4) require: type, patient, insurer, request, created, item."),
    Invariant("pas-adjudication-submitted", "ClaimResponse",
              "item.all(adjudication.exists() and adjudication.all(category.coding.where("
              f"system = '{ADJUDICATION}' and code = 'submitted').exists()))",
              "PAS fixes each item adjudication's category to 'submitted'."),
    Invariant("pas-one-review-action", "ClaimResponse",
              f"item.adjudication.all(extension.where(url = '{EXT_REVIEW_ACTION}').count() = 1 and "
              f"{_RA}.where(system = '{X12_306}').count() = 1)",
              "Every item adjudication carries one reviewAction with one X12 306 action code."),
    Invariant("pas-a1-or-a4-only", "ClaimResponse",
              f"item.adjudication.{_RA}.all(system = '{X12_306}' and (code = 'A1' or code = 'A4'))",
              "Action codes are A1 (certified in total) or A4 (pended); never A3 (not certified)."),
    Invariant("pas-action-matches-outcome", "ClaimResponse",
              f"item.adjudication.all(({_RA}.code = 'A1') = "
              f"(reason.coding.where(system = '{CS_OUTCOME}').code = 'meets_criteria'))",
              "A1 exactly when the policy outcome is meets_criteria."),
    Invariant("pas-reason-code", "ClaimResponse",
              f"item.adjudication.all(reason.coding.where(system = '{CS_OUTCOME}').code.count() = 1 and "
              f"reason.coding.where(system = '{CS_OUTCOME}').code.all($this in {_OUTCOMES}))",
              "Each adjudication names the policy outcome as its reason code."),
    Invariant("pas-pend-explained", "ClaimResponse",
              f"item.where(adjudication.{_RA}.code = 'A4').all(noteNumber.exists()) and "
              "item.noteNumber.all($this in %resource.processNote.number) and "
              f"processNote.all(text.exists() and type = 'display' and extension.where(url = '{EXT_NOTE_KIND}').value"
              ".all($this = 'reason' or $this = 'missing-documentation'))",
              "A pended item cites process notes that exist; each note has text and a kind (reason or the "
              "documentation that would resolve the pend)."),
    # ---------------------------------------------------------------- Provenance
    Invariant("provenance-names-policy-and-pipeline", "Provenance",
              f"policy.where(startsWith('{POLICY_URI}/') and contains('|')).count() = 1 and "
              f"entity.where(role = 'derivation' and what.identifier.system = '{SID_POLICY_FILE}').count() = 1 "
              "and entity.where(role = 'source').what.reference.exists() and agent.who.reference.exists() and "
              "target.count() >= 1",
              "The policy id|version and file hash, the packet, and the pipeline Device."),
    Invariant("provenance-evidence-spans", "Provenance",
              f"entity.where(role = 'quotation').all(extension.where(url = '{EXT_EVIDENCE}').count() = 1 and "
              f"extension.where(url = '{EXT_EVIDENCE}').extension.where(url = 'criterion').exists() and "
              f"extension.where(url = '{EXT_EVIDENCE}').extension.where(url = 'text').value.exists() and "
              f"extension.where(url = '{EXT_EVIDENCE}').extension.where(url = 'start').value <= "
              f"extension.where(url = '{EXT_EVIDENCE}').extension.where(url = 'end').value)",
              "Each quoted piece of evidence names its criteria, text and offsets."),
    # ---------------------------------------------------------------- CRD coverage-information
    Invariant("crd-ci-required", COVERAGE_INFORMATION,
              "extension.where(url = 'coverage').count() = 1 and extension.where(url = 'covered').count() = 1 and "
              "extension.where(url = 'date').count() = 1 and extension.where(url = 'coverage-assertion-id').count() = 1 and "
              "extension.where(url = 'pa-needed').count() <= 1",
              "CRD: coverage, covered, date and coverage-assertion-id are 1..1, pa-needed 0..1."),
    Invariant("crd-ci-codes", COVERAGE_INFORMATION,
              "extension.where(url = 'covered').value.all($this in ('covered' | 'not-covered' | 'conditional')) and "
              "extension.where(url = 'pa-needed').value.all($this in ('no-auth' | 'auth-needed' | 'satisfied' | 'performpa' "
              "| 'conditional')) and extension.where(url = 'doc-needed').value.all($this in ('clinical' | 'admin' | 'patient' "
              "| 'conditional')) and extension.where(url = 'doc-purpose').value.all($this in ('withpa' | 'withclaim' | "
              "'withorder' | 'retain-doc' | 'OTH')) and extension.where(url = 'info-needed').value.all($this in "
              "('performer' | 'location' | 'timeframe' | 'contract-window' | 'detail-code' | 'OTH'))",
              "CRD: codes from the guide's value sets."),
    Invariant("crd-never-not-covered", COVERAGE_INFORMATION,
              "extension.where(url = 'covered' and value = 'not-covered').empty()",
              "The pre-screen never asserts not-covered (it never denies)."),
    Invariant("crd-ci-q1", COVERAGE_INFORMATION,
              "extension.where(url='questionnaire').exists() implies extension.where(url = 'doc-needed').exists()",
              "CRD crd-ci-q1: Questionnaire is only allowed when doc-needed exists."),
    Invariant("crd-ci-q2", COVERAGE_INFORMATION,
              "extension.where(url = 'covered' and value = 'not-covered').exists() implies "
              "extension.where(url = 'pa-needed').exists().not()",
              "CRD crd-ci-q2: if covered is not-covered, pa-needed must not exist."),
    Invariant("crd-ci-q3", COVERAGE_INFORMATION,
              "extension.where((url = 'covered' or url = 'pa-needed' or url = 'doc-needed') and "
              "value = 'conditional').count() >= 1 implies extension.where(url = 'info-needed').exists()",
              "CRD crd-ci-q3: info-needed exists when covered, pa-needed or doc-needed is conditional."),
    Invariant("crd-ci-q4", COVERAGE_INFORMATION,
              "extension.where(url = 'pa-needed' and (value = 'satisfied' or value = 'noauth' or "
              "value = 'not-covered')).exists() and extension.where(url = 'doc-purpose').exists() implies "
              "extension.where(url = 'doc-purpose').all(value != 'withpa')",
              "CRD crd-ci-q4: no doc-purpose withpa when prior auth is satisfied or not needed (the guide's "
              "expression with .exists() on its first operand: fhirpathpy does not read a one-item "
              "collection as true)."),
    Invariant("crd-ci-q5", COVERAGE_INFORMATION,
              "extension.where(url = 'pa-needed' and value = 'satisfied').exists() = "
              "extension.where(url = 'satisfied-pa-id').exists()",
              "CRD crd-ci-q5: satisfied-pa-id exactly when pa-needed is satisfied."),
    Invariant("crd-ci-q6", COVERAGE_INFORMATION,
              "extension.where(url = 'info-needed' and value = 'OTH').exists() implies "
              "extension.where(url = 'reason').exists()",
              "CRD crd-ci-q6: info-needed OTH needs a reason."),
    Invariant("crd-ci-q7-text", COVERAGE_INFORMATION,
              "extension.where(url = 'reason').all(value.text.exists())",
              "CRD crd-ci-q7 (offline form): our reason codes are not from the CRD value set, so each reason "
              "has text."),
    Invariant("crd-ci-q8", COVERAGE_INFORMATION,
              "extension.where(url = 'doc-purpose' and value != 'conditional').exists() implies "
              "extension.where(url = 'reason').exists()",
              "CRD crd-ci-q8: a doc-purpose other than conditional needs a reason."),
)


@dataclass(frozen=True)
class Violation:
    invariant: Invariant
    where: str
    """Bundle, or the resource (type/id) the invariant failed on."""
    result: Any


def contexts(bundle: dict[str, Any], context: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The nodes of the Bundle an invariant of `context` is evaluated on, with where they are."""
    if context == "Bundle":
        yield "Bundle", bundle
        return
    for entry in bundle.get("entry") or []:
        resource = entry.get("resource") or {}
        where = f"{resource.get('resourceType')}/{resource.get('id')}"
        if context == COVERAGE_INFORMATION and resource.get("resourceType") == "ServiceRequest":
            for i, ext in enumerate(resource.get("extension") or []):
                if ext.get("url") == EXT_COVERAGE_INFORMATION:
                    yield f"{where} coverage-information[{i}]", ext
        elif resource.get("resourceType") == context:
            yield where, resource


def evaluate(invariant: Invariant, node: dict[str, Any]) -> Any:
    """The invariant's value on one node (True when it holds), with fhirpathpy's R4 model."""
    from fhirpathpy import evaluate as fhirpath
    from fhirpathpy.models import models

    return fhirpath(node, invariant.expression, {"resource": node}, models["r4"])


def check_bundle(bundle: dict[str, Any], invariants: tuple[Invariant, ...] = INVARIANTS) -> list[Violation]:
    """Every invariant on every node of its context; the ones that do not evaluate to [True]."""
    violations = []
    for invariant in invariants:
        for where, node in contexts(bundle, invariant.context):
            try:
                result = evaluate(invariant, node)
            except Exception as exc:  # an expression that cannot be evaluated on this node fails it
                result = f"not evaluable: {type(exc).__name__}: {exc}"
            if result != [True]:
                violations.append(Violation(invariant, where, result))
    return violations


__all__ = ["COVERAGE_INFORMATION", "INVARIANTS", "Invariant", "Violation", "check_bundle", "contexts", "evaluate"]
