"""From a policy's evaluated criteria to a determination: approve or pend, never deny.

Order (docs/annotation-guidelines.md): contraindication > exclusion > indications met (with documentation and
nothing unresolved: approve) > indications unknown (insufficient documentation) > the policy's `otherwise`.
"""

from __future__ import annotations

from ..contracts import (
    ClinicalFacts,
    CriterionResult,
    Decision,
    Determination,
    Fact,
    FactStatus,
    Outcome,
    PolicyRef,
    TriState,
)
from .evaluate import MET, NOT_MET, UNKNOWN, Evaluation
from .loader import LoadedPolicy, iter_nodes, policy_roots
from .schema import Node, Policy

LOW_CONFIDENCE_REASON = (
    "Evidence for {criterion} comes only from OCR text of low confidence (page {pages}); a reviewer must read it."
)
# Both reasons say "OCR" and "confidence", which is how reviewers (and tests) find them.


def _unresolved(trace: list[CriterionResult], root: str, nodes: dict[str, Node]) -> list[str]:
    """`missing` texts of the deepest unknown nodes under root (what documentation would resolve them)."""
    children: dict[str | None, list[CriterionResult]] = {}
    for r in trace:
        children.setdefault(r.parent, []).append(r)
    out: list[str] = []

    def walk(result: CriterionResult) -> None:
        unknown_kids = [c for c in children.get(result.id, []) if c.status is UNKNOWN]
        node = nodes[result.id]
        if node.missing and (not unknown_kids or node.op == "not"):
            out.append(node.missing)
            return
        if not unknown_kids:
            out.append(node.missing or f"{node.label or node.id} ({result.explanation})")
            return
        for c in unknown_kids:
            walk(c)

    for r in trace:
        if r.id == root and r.status is UNKNOWN:
            walk(r)
    return list(dict.fromkeys(out))


def _met_branches(trace: list[CriterionResult], root: str, nodes: dict[str, Node]) -> list[str]:
    """Labels of the deepest met nodes that quote the policy (what approved the request)."""
    children: dict[str | None, list[CriterionResult]] = {}
    for r in trace:
        children.setdefault(r.parent, []).append(r)

    def walk(node_id: str) -> list[str]:
        found: list[str] = []
        for child in children.get(node_id, []):
            if child.status is MET:
                found.extend(walk(child.id))
        node = nodes[node_id]
        if not found and node.quote and node_id != root:
            return [node.label or node_id]
        return found

    return list(dict.fromkeys(walk(root)))


def _undocumented_criteria(policy: Policy, facts: ClinicalFacts, trace: list[CriterionResult],
                           nodes: dict[str, Node]) -> list[str]:
    """The approval guard: the one rule every approval passes.

    An approval needs, for each criterion it rests on, affirmative evidence in the clinical documentation: the
    indications (and the documentation requirements) must also be met when the facts are read from clinical
    documentation alone (`facts.documented`: not the request form's pages or fields, not pages OCR read with low
    confidence; what is asked, such as codes and the purpose, may come from the form). Returns the ids of the
    met criteria that are not met that way (empty: the approval stands). Facts built without a documented view
    (by hand) get one from their evidence: a fact whose evidence lies only on excluded pages is not documented."""
    documented = Evaluation(facts.model_copy(update={"facts": facts.documented or _documented_from_pages(facts)}))
    roots = [policy.indications] + ([policy.documentation] if policy.documentation is not None else [])
    results = [documented.run(root, role="indication" if root is policy.indications else "documentation")
               for root in roots]
    if all(r is MET for r in results):
        return []
    again = {r.id: r.status for r in documented.trace()}
    full = {r.id: r for r in trace}
    leaves = [n for root in roots for n in iter_nodes(root)
              if n.op not in {"all", "any", "not"} and full[n.id].status is MET and again.get(n.id) is not MET]
    return [n.id for n in leaves]


def _documented_from_pages(facts: ClinicalFacts) -> dict[str, Fact]:
    excluded = set(facts.low_confidence_pages) | set(facts.request_form_pages)
    out = {}
    for name, fact in facts.facts.items():
        if excluded and fact.evidence and all(e.page in excluded for e in fact.evidence):
            fact = fact.model_copy(update={"status": FactStatus.NOT_DOCUMENTED, "evidence": []})
        out[name] = fact
    return out


def _approval_guard_reasons(undocumented: list[str], trace: list[CriterionResult], facts: ClinicalFacts
                            ) -> tuple[list[str], list[str]]:
    by_id = {r.id: r for r in trace}
    pages = sorted({e.page for i in undocumented for e in by_id[i].evidence if e.page is not None})
    low = set(facts.low_confidence_pages)
    labels = "; ".join(dict.fromkeys(by_id[i].explanation for i in undocumented))
    if pages and set(pages) <= low:
        shown = ", ".join(str(p) for p in pages)
        return ([LOW_CONFIDENCE_REASON.format(criterion="the indication", pages=shown)],
                ["A legible copy of the pages that support the indication."])
    return ([f"The criteria are met only on the request form or on pages read with low confidence ({labels}); an "
             "approval rests on clinical documentation."],
            [f"Clinical notes or reports that document: {labels}."])


def determine(
    loaded: LoadedPolicy, facts: ClinicalFacts, *, document_sha256: str, pipeline_version: str
) -> Determination:
    policy = loaded.policy
    nodes = {n.id: n for _, root in policy_roots(policy) for n in iter_nodes(root)}
    ev = Evaluation(facts)
    contra = ev.run(policy.contraindications, role="contraindication") if policy.contraindications else NOT_MET
    exclusions = [(e, ev.run(e.criterion, role="exclusion")) for e in policy.exclusions]
    docs = ev.run(policy.documentation, role="documentation") if policy.documentation else MET
    indications = ev.run(policy.indications, role="indication")
    trace = ev.trace()
    by_id = {r.id: r for r in trace}

    reasons: list[str] = []
    missing: list[str] = []
    outcome: Outcome
    if contra is MET:
        outcome = Outcome.CONTRAINDICATED
        met = [by_id[r.id] for r in trace if r.role == "contraindication" and r.status is MET and nodes[r.id].quote
               and r.id != policy.contraindications.id] if policy.contraindications else []
        for r in met or [by_id[policy.contraindications.id]] if policy.contraindications else []:
            reasons.append(f"MRI contraindication: {r.explanation}. A clinician must confirm MRI safety.")
    elif any(status is MET for _, status in exclusions):
        excl, _ = next((e, s) for e, s in exclusions if s is MET)
        outcome = excl.outcome
        for e, s in exclusions:
            if s is MET:
                node = e.criterion
                reasons.append(f"{by_id[node.id].explanation}. Policy: \"{node.quote}\"")
    elif indications is MET:
        blocking = [(e.criterion.id, s) for e, s in exclusions if s is UNKNOWN]
        if contra is UNKNOWN and policy.contraindications:
            blocking.append((policy.contraindications.id, contra))
        if docs is MET and not blocking:
            outcome = Outcome.MEETS_CRITERIA
            reasons.append("Criteria met: " + "; ".join(_met_branches(trace, policy.indications.id, nodes) or
                                                         [policy.indications.label or policy.indications.id]) + ".")
        else:
            outcome = Outcome.INSUFFICIENT_DOCUMENTATION
            reasons.append("The clinical criteria are met, but the packet leaves something unresolved.")
            for node_id, _ in blocking:
                missing.extend(_unresolved(trace, node_id, nodes))
            if policy.documentation is not None and docs is not MET:
                if docs is UNKNOWN:
                    missing.extend(_unresolved(trace, policy.documentation.id, nodes))
                else:
                    missing.extend(nodes[r.id].missing or nodes[r.id].label or r.id for r in trace
                                   if r.role == "documentation" and r.status is NOT_MET and nodes[r.id].missing)
    elif indications is UNKNOWN:
        outcome = Outcome.INSUFFICIENT_DOCUMENTATION
        reasons.append("A covered indication may apply, but the packet does not document everything it requires.")
        missing.extend(_unresolved(trace, policy.indications.id, nodes))
    else:
        outcome = policy.otherwise.outcome
        reasons.append(f"No covered indication is documented. Policy: \"{policy.otherwise.quote}\"")
        branches = [nodes[r.id].label or r.id for r in trace if r.parent == policy.indications.id]
        if branches:
            missing.append("Documentation of a covered indication: " + "; ".join(branches) + ".")

    if outcome is Outcome.MEETS_CRITERIA:
        undocumented = _undocumented_criteria(policy, facts, trace, nodes)
        if undocumented:
            outcome = Outcome.INSUFFICIENT_DOCUMENTATION
            reasons, needs = _approval_guard_reasons(undocumented, trace, facts)
            missing.extend(needs)

    if facts.low_confidence_pages and outcome is not Outcome.MEETS_CRITERIA and not any("OCR" in r for r in reasons):
        pages = ", ".join(str(p) for p in facts.low_confidence_pages)
        reasons.append(f"Page(s) {pages} were read by OCR with low confidence; findings there may be missed or "
                       "misread, so a reviewer should read those pages.")
    decision = Decision.APPROVE if outcome is Outcome.MEETS_CRITERIA else Decision.PEND
    if decision is Decision.PEND and not reasons:
        reasons.append("A clinician must review this request.")
    return Determination(
        payer=policy.payer,
        decision=decision,
        outcome=outcome,
        reasons=reasons,
        missing_documentation=list(dict.fromkeys(missing)),
        policy=PolicyRef(
            id=policy.policy.id, payer=policy.payer, title=policy.policy.title, number=policy.policy.number,
            version=policy.policy.version, effective_date=policy.policy.effective_date,
            source_file=policy.policy.source_file, sha256=loaded.sha256,
        ),
        pipeline_version=pipeline_version,
        document_sha256=document_sha256,
        criteria=trace,
    )


__all__ = ["TriState", "determine"]
