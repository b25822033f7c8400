"""Short fresh texts end to end for table tests: text -> NLP -> facts -> one policy node.

`analyze` is the conftest fixture that runs the NLP stage on a text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.contracts import Box, ClinicalFacts, Evidence, Fact, FactStatus, Mention, TriState
from pipeline.criteria import Evaluation, load_policy
from pipeline.criteria.schema import Node
from pipeline.facts import map_facts

REPO = Path(__file__).resolve().parents[1]


class OnePageLayout:
    """A text with no geometry: every offset on page 1, no boxes."""

    def page_of(self, offset: int) -> int | None:
        return 1

    def boxes_for(self, start: int, end: int) -> list[Box]:
        return []


class FormFeedLayout:
    """A text with no geometry whose pages are separated by form feeds ("\\f")."""

    def __init__(self, text: str) -> None:
        self.text = text

    def page_of(self, offset: int) -> int | None:
        return self.text.count("\f", 0, offset) + 1

    def boxes_for(self, start: int, end: int) -> list[Box]:
        return []


def facts_of(analyze: Any, text: str) -> ClinicalFacts:
    return map_facts(analyze(text), text=text, layout=OnePageLayout())


def paged_facts_of(analyze: Any, text: str) -> ClinicalFacts:
    """The facts of a text whose pages are separated by form feeds."""
    return map_facts(analyze(text), text=text, layout=FormFeedLayout(text))


def policy_node(payer: str, node_id: str) -> tuple[Node, str]:
    """The node `node_id` of the payer's policy file and its role (indication, exclusion or documentation)."""
    policy = load_policy(REPO / "policies" / f"{payer}.yaml").policy
    roots: list[tuple[Node, str]] = [(e.criterion, "exclusion") for e in policy.exclusions]
    roots.append((policy.indications, "indication"))
    documentation = getattr(policy, "documentation", None)
    if documentation is not None:
        roots.append((documentation, "indication"))
    for root, role in roots:
        stack: list[Node] = [root]
        while stack:
            node = stack.pop()
            if node.id == node_id:
                return node, role
            of = getattr(node, "of", None)
            stack.extend(of if isinstance(of, list) else [of] if of is not None else [])
    raise KeyError(node_id)


def evaluate_node(analyze: Any, text: str, payer: str, node_id: str) -> TriState:
    node, role = policy_node(payer, node_id)
    return Evaluation(facts_of(analyze, text)).run(node, role=role)


REQUEST_TAIL = "\n\nDate of request: 11/20/2026\n"
"""Appended to a fragment so that dated rules have a request date to count from."""


def check_facts(facts: ClinicalFacts, expected: dict[str, Any]) -> None:
    """Each named fact has the expected status (FactStatus); the message shows the evidence and what was ignored."""
    for name, status in expected.items():
        f = facts.facts[name]
        assert f.status is status, (name, f.note, [(e.text, e.assertion, e.modifier_rules) for e in f.evidence],
                                    [(e.text, e.attributes.get("superseded_by")) for e in f.ignored])


def check_device_fact(fact: Fact, status: FactStatus, devices: list[str] | None) -> None:
    """The mri_contraindication fact has the expected status and, unless `devices` is None, exactly these devices;
    the message shows the note, the evidence and what was ignored."""
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.assertion, e.attributes) for e in fact.evidence]}; ignored "
                                   f"{[(e.text, e.attributes) for e in fact.ignored]}")
    if devices is not None:
        assert fact.attributes.get("device", []) == devices


SECONDHAND_PLAN = "Plan: MR spectroscopy (CPT 76390).\n"
"""The plan line the second-hand-read tables append after each fragment."""


def check_secondhand_read(analyze: Any, text: str, inconclusive: Any, nondiagnostic: Any,
                          told: tuple[str, Any] | None) -> list[Evidence]:
    """A fragment's imaging verdict facts (conventional_imaging_inconclusive, mri_nondiagnostic) have the expected
    statuses, and `told` (a fact and its status) holds; when the read is not documented, the fact's note says the
    report is not in the packet and every read set aside cites a second-hand cue. Returns those reads."""
    facts = facts_of(analyze, text + SECONDHAND_PLAN + REQUEST_TAIL)
    fact = facts.facts["conventional_imaging_inconclusive"]
    got = (fact.status, facts.facts["mri_nondiagnostic"].status)
    assert got == (inconclusive, nondiagnostic), (fact.note, [(e.text, e.attributes.get("cue")) for e in fact.evidence])
    if told is not None:
        name, status = told
        assert facts.facts[name].status is status, (name, facts.facts[name].note)
    if inconclusive is not FactStatus.NOT_DOCUMENTED:
        return []
    assert "not in the packet" in (fact.note or "")
    read = [e for e in fact.evidence if e.attributes.get("superseded_by") == "report_unavailable"]
    assert all("study.hearsay_read" in e.attributes.get("cue", "") or "study.report_unavailable"
               in e.attributes.get("cue", "") for e in read)
    return read


def find_mention(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str, nth: int = 0
                 ) -> Mention:
    """The `nth` mention (0: the first) of `concept` with exactly the text `span`; the test fails when there is
    none."""
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    assert len(found) > nth, f"no {concept} {span!r} #{nth} in {[(m.concept, m.text) for m in mentions(text)]}"
    return found[nth]


def check_mention(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                  expected: set[str] | None, *, among: set[str] | None = None, nth: int = 0) -> None:
    """The `nth` mention (0: the first) of `concept` with exactly the text `span` carries the `expected` modifiers
    (compared within `among` when given, else all of them); None: no such mention at all."""
    if expected is None:
        found = [m for m in mentions(text) if m.concept == concept and m.text == span]
        assert not found, f"{span!r} must not be a {concept}: {found}"
        return
    mention = find_mention(mentions, text, concept, span, nth)
    carried = set(mention.modifiers)
    assert (carried & among if among is not None else carried) == expected, (mention.modifiers,
                                                                            mention.modifier_rules)
