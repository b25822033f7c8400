"""Turn processed spaCy Docs into plain-data Mentions in canonical-text offsets."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..contracts import Mention, ModelOutput, NlpResult, SectionSpan
from ..cues import load_cue_file
from .components import TARGET_GROUP, target_info
from .normalize import NormalizedText
from .retraction import RETRACTED, retraction_of, retractions
from .scopes import PATIENT_NEGATED, section_category
from .spoken_numbers import says_number

# In a plan, "abscess -> aspiration; tumor -> resection" lists conditional branches: the term before an arrow is
# hypothetical there (in a history the same arrow is a timeline: "headaches -> MRI"). The arrows are a cue.
PLAN_SECTIONS = frozenset({"assessment_plan"})
PLAN_BRANCH_RULE = "hyp.plan_branch"
_NLP_CUES = load_cue_file("pipeline.nlp.resources", "cues.yaml")
BRANCH_ARROW = _NLP_CUES.cue(PLAN_BRANCH_RULE)
BRANCH_ANSWER = _NLP_CUES.cue("hyp.plan_branch_answer")
BRANCH_RESULT = _NLP_CUES.cue("hyp.plan_branch_result")
BRANCH_FOUND = _NLP_CUES.cue("hyp.plan_branch_found")
BRANCH_CONDITION = _NLP_CUES.cue("hyp.plan_branch_condition")
SYNTHESIS_JOINT = _NLP_CUES.cue("hyp.plan_synthesis_joint")
BRANCH_TEST_NAME = _NLP_CUES.cue("hyp.plan_branch_test_name")
PLAN_BRANCH_RESULT_RULE = "hyp.plan_branch_result"
# A plan item that sets out a radiation or chemotherapy regimen with nothing told given or under way names a treatment
# to come ("1. RT 60 Gy / 30 fx with concurrent TMZ; start 12/02"); "1. Continue TMZ, cycle 3" keeps it given. A plan
# item is a list item of a plan section, a line after a plan label or in a section headed as a plan, or a clause that
# tells the regimen proposed, or a clause of a paragraph opened by a consensus label; a start or simulation date on the
# item is no given-word ("1. RT 60 Gy / 30 fx with TMZ; start 11/18/2026") (tests/facts/
# test_treatment_still_to_come_facts.py).
PLAN_REGIMEN_RULE = "hyp.plan_regimen"
PLAN_ITEM = _NLP_CUES.cue("hyp.plan_regimen_item")
PLAN_REGIMEN = _NLP_CUES.cue(PLAN_REGIMEN_RULE)
PLAN_REGIMEN_GIVEN = _NLP_CUES.cue("hyp.plan_regimen_given")
PLAN_LABEL = _NLP_CUES.cue("hyp.plan_regimen_label")
PLAN_HEADER = _NLP_CUES.cue("hyp.plan_regimen_header")
PLAN_PROPOSED = _NLP_CUES.cue("hyp.plan_regimen_proposed")
PLAN_CONSENSUS = _NLP_CUES.cue("hyp.plan_regimen_consensus")
PLAN_SCHEDULED = _NLP_CUES.cue("hyp.plan_regimen_scheduled")
_OTHER_LABEL = re.compile(r"[ \t]*[^\W\d_][^:\n]{0,40}:")
"""A line opened by a label ("History:", "MRI brain 11/09/2026:"), which ends a consensus paragraph read upward."""
_REGIMEN_CONCEPTS = frozenset({"PRIOR_RADIATION", "PRIOR_CHEMOTHERAPY"})
_ANSWER_REACH = 4
"""How many tokens after the arrow the item's own answer may be read ("-> closed", "-> question now closed")."""
_CONSEQUENT_GAP = 3
"""How many words may stand between a result's arrow and the term it points to ("-> treat as abscess")."""
_CLAUSE_START = re.compile(r"[;\n]|\.\s")


def _is_plan_branch(span: Span) -> bool:
    """A term before an arrow in a plan, unless the arrow leads to the item's own answer ("r/o metastasis ->
    closed")."""
    section = span[0]._.section
    if section is None or section.category not in PLAN_SECTIONS:
        return False
    doc = span.doc
    i = span.end
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    tail = "".join(t.text for t in doc[i:i + 3])
    match = BRANCH_ARROW.search(tail)
    if match is None:
        return False
    arrow_end = doc[i].idx + match.end
    line_end = doc.text.find("\n", arrow_end)
    after = doc.text[arrow_end:line_end if line_end >= 0 else len(doc)].lstrip(" \t:")
    return not BRANCH_ANSWER.matches(" ".join(after.split()[:_ANSWER_REACH]))


def _is_result_consequent(span: Span) -> bool:
    """A term right after an arrow in a plan whose left side names a result not yet known: what that result would
    mean ("high choline -> metastasis, stage as IV", "Cho/NAA > 2 -> high-grade glioma"), unless the left side tells
    findings in hand, a synthesis ("MRS 2025 showed high choline -> biopsy-proven glioblastoma", "elevated choline on
    the 2024 MRS + new enhancement -> recurrence favoured"); a left side led by a condition is always a branch."""
    section = span[0]._.section
    if section is None or section.category not in PLAN_SECTIONS:
        return False
    text = span.doc.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    before = text[line_start:span.start_char]
    arrow = next(((i, m.end + i) for i in range(len(before) - 1, -1, -1) if before[i] in "-=\u2192"
                  and (m := BRANCH_ARROW.search(before[i:])) is not None), None)  # the last arrow on the line
    if arrow is None:
        return False
    gap = before[arrow[1]:]
    if len(gap.split()) > _CONSEQUENT_GAP or any(c in gap for c in ";,.:()"):
        return False
    left = before[:arrow[0]]
    starts = [m.end() for m in _CLAUSE_START.finditer(left)]
    left = left[starts[-1] if starts else 0:]
    if not BRANCH_RESULT.matches(left):
        return False
    if BRANCH_CONDITION.matches(left):
        return True  # "if MRS shows high choline -> ...": a result not yet in hand, whatever its verb
    return not BRANCH_FOUND.matches(left) and not _lists_signs(left)


def _is_plan_regimen(span: Span, concept: str) -> bool:
    """A radiation or chemotherapy on a plan item (`_plan_item`) that sets out a regimen (a dose, fractions,
    "concurrent", "adjuvant", "then", a start or simulation) and tells nothing given or under way anywhere on the item
    ("s/p", "completed", "continue", "on TMZ", "cycle 3", a year), a start or simulation date set aside ("start
    11/18/2026" schedules the regimen; "started 10/05/2026" tells it under way)."""
    if concept not in _REGIMEN_CONCEPTS:
        return False
    item = _plan_item(span)
    if item is None or not PLAN_REGIMEN.matches(item):
        return False
    return not PLAN_REGIMEN_GIVEN.matches(PLAN_SCHEDULED.regex.sub(" ", item))


def _plan_item(span: Span) -> str | None:
    """The plan item the span stands on, or None: in a plan section, the rest of a line opened by a list marker
    ("1.", "2)", "-", ...) or any line of a section whose header names a plan ("PLAN:", not "Assessment:"); in any
    section, the rest of a line opened by a plan label ("Plan:", "Rx:", "Proposed:"); anywhere, the span's clause (its
    sentence cut at ";", after the label) when its line or a line right above it (up to a blank line or another
    label's line) opens with a consensus label ("CONSENSUS: ..." / "Not resectable. Standard chemoradiation with TMZ,
    then adjuvant TMZ"; read before a plan header's whole line), or the span's sentence
    when its clause tells the regimen proposed ("... in 30 fractions proposed"; "recommended SRS 20 Gy; delivered
    10/2026" is told given in its sentence)."""
    text = span.doc.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    section = span[0]._.section
    in_plan = section is not None and section.category in PLAN_SECTIONS
    if in_plan:
        marker = PLAN_ITEM.search(line)
        if marker is not None and line_start + marker.end <= span.start_char:
            return line[marker.end:]
    label = PLAN_LABEL.search(line)
    if label is not None and line_start + label.end <= span.start_char:
        return line[label.end:]
    sent = span.sent
    lo = max(text.rfind(";", sent.start_char, span.start_char) + 1, sent.start_char)
    hi = text.find(";", span.end_char, sent.end_char)
    clause = text[lo:hi if hi >= 0 else sent.end_char]
    consensus_end = _consensus_label_end(text, line_start)
    if consensus_end is not None and consensus_end <= span.start_char:  # the clause, after the label
        return text[max(lo, consensus_end):hi if hi >= 0 else sent.end_char]
    if in_plan:
        h_start, h_end = section.title_span
        header = span.doc[h_start:h_end]
        if header.end_char <= line_start and PLAN_HEADER.matches(header.text):
            return line
    return sent.text if PLAN_PROPOSED.matches(clause) else None  # the sentence is read for a given-word


def _consensus_label_end(text: str, line_start: int) -> int | None:
    """Where the consensus label ends that opens the line at `line_start` or one of the lines right above it (up to a
    blank line or a line opened by another label), or None."""
    start = line_start
    while True:
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)]
        if not line.strip():
            return None
        label = PLAN_CONSENSUS.search(line)
        if label is not None:
            return start + label.end
        if _OTHER_LABEL.match(line) or start == 0:
            return None
        start = text.rfind("\n", 0, start - 1) + 1


def _lists_signs(left: str) -> bool:
    """A plan arrow's left side that joins findings in hand ("Ataxia + ichthyosis + MRI white-matter pattern",
    "fever & raised lactate"): at least one joined item names no result and is no bare test name (a synthesis, not one
    future test's results: "high choline + low NAA")."""
    label = left.rfind(":")
    items = SYNTHESIS_JOINT.regex.split(left[label + 1:])
    if len(items) < 2:
        return False
    items = [part for item in items for part in item.split(",")]  # with "+", "&" or "and" in it commas join too
    return any(item.strip(" \t()[]-*.") and not BRANCH_RESULT.matches(item) and not BRANCH_TEST_NAME.matches(item)
               for item in items)


# medspaCy ConText categories -> the assertion names used throughout the product
MODIFIER_NAMES = {
    "NEGATED_EXISTENCE": "negated",
    "POSSIBLE_EXISTENCE": "uncertain",
    "HISTORICAL": "historical",
    "HYPOTHETICAL": "hypothetical",
    "FAMILY": "family",
}


# an assertion label of the learned extractors -> the modifier it stands for (present: none)
_ASSERTION_MODIFIER = {"negated": "negated", "possible": "uncertain", "historical": "historical",
                       "hypothetical": "hypothetical", "family": "family"}
_LEARNED = "learned_extractor_outputs"  # doc.user_data key of pipeline.learn.component


def apply_assertion(modifiers: list[str], modifier_rules: list[str], outputs: list[ModelOutput]
                    ) -> tuple[list[str], list[str]]:
    """The modifiers after an applied assertion-model output: the model's label replaces the rules' modifiers and
    the model's id (`model:assertion@1.1.0`) replaces their rule ids; otherwise they are unchanged."""
    for output in outputs:
        if output.kind == "assertion" and output.applied:
            modifier = _ASSERTION_MODIFIER.get(output.label)
            return ([modifier] if modifier else []), [f"model:{output.model}"]
    return modifiers, modifier_rules


def mentions_from_doc(doc: Doc, norm: NormalizedText, source_text: str) -> list[Mention]:
    """Every target span of the doc as a Mention with section, sentence and ConText modifiers (and the learned
    extractors' outputs, when the pipeline runs them)."""
    out: list[Mention] = []
    learned: dict[tuple[int, int], list[ModelOutput]] = doc.user_data.get(_LEARNED, {})
    retracted = retractions(doc.text)  # what a clinician's correction calls wrong (retraction.py)
    for span in doc.spans[TARGET_GROUP]:
        info = target_info(span)
        start, end = norm.to_source(span.start_char, span.end_char)
        sent = span.sent
        s_start, s_end = norm.to_source(sent.start_char, sent.end_char)
        modifiers: list[str] = []
        modifier_rules: list[str] = []
        for mod in span._.modifiers:
            name = MODIFIER_NAMES.get(mod.category)
            if name is None:
                continue
            if name not in modifiers:
                modifiers.append(name)
            metadata = mod.rule.metadata or {}
            for rule_id in (metadata.get("id"), metadata.get("via")):
                if rule_id and rule_id not in modifier_rules:
                    modifier_rules.append(rule_id)
        if _is_plan_branch(span):
            modifiers.append("hypothetical")
            modifier_rules.append(PLAN_BRANCH_RULE)
        elif "hypothetical" not in modifiers and _is_result_consequent(span):
            modifiers.append("hypothetical")
            modifier_rules.append(PLAN_BRANCH_RESULT_RULE)
        elif not modifiers and _is_plan_regimen(span, info.concept):
            modifiers.append("hypothetical")
            modifier_rules.append(PLAN_REGIMEN_RULE)
        outputs = learned.get((span.start, span.end), [])
        if outputs:
            outputs = [o for o in outputs if o.kind != "verdict" or info.concept in ("IMAGING", "IMAGING_SEQUENCE")]
            outputs = [_relative(o, modifiers) for o in outputs]
            modifiers, modifier_rules = apply_assertion(modifiers, modifier_rules, outputs)
        retraction = retraction_of(retracted, span.start_char, span.end_char) if retracted else None
        if retraction is not None:  # counts for no fact; the rule says why (facts/context.is_ignored)
            modifiers = [*modifiers, RETRACTED]
            modifier_rules = [*modifier_rules, retraction.rule_id]
        mention = Mention(
            concept=info.concept,
            text=source_text[start:end],
            start=start,
            end=end,
            rule_id=info.rule_id,
            attrs=_read_as(info.concept, _code_attrs(info.concept, info.attrs, span.text, source_text[start:end]),
                           span.text, source_text[start:end]),
            section=section_category(span),
            sentence_start=s_start,
            sentence_end=s_end,
            modifiers=sorted(modifiers),
            modifier_rules=sorted(modifier_rules),
            model_outputs=outputs,
        )
        out.append(mention)
        patient = next((mod for mod in span._.modifiers if mod.category == PATIENT_NEGATED), None)
        if patient is not None and retraction is None:  # a relative's disorder the patient's own test rules out: the patient's, negated
            out.append(mention.model_copy(update={
                "modifiers": ["negated"], "modifier_rules": [(patient.rule.metadata or {}).get("id", "")],
                "model_outputs": []}))
    out.sort(key=lambda m: (m.start, m.end, m.concept, m.rule_id))
    return out


def _code_attrs(concept: str, attrs: dict[str, str], matched: str, source: str) -> dict[str, str]:
    """A code's attributes, with `code` set to the code as matched where OCR repair changed what was read
    ("R9O.0" read, "R90.0" matched)."""
    if concept.endswith("_CODE") and "code" not in attrs and matched.strip() != source.strip():
        return {**attrs, "code": matched.strip().upper()}
    return attrs


NUMBER_CONCEPTS = frozenset({"DATE", "AGE", "DOB", "REQUEST_DATE"})
READ_AS = "read_as"
"""The mention attribute that holds a date's or an age's text as the rules read it where it was said in words
("twenty nineteen" read as "2019", spoken_numbers.py); the facts parse it instead of the words."""


def _read_as(concept: str, attrs: dict[str, str], matched: str, source: str) -> dict[str, str]:
    """A date's or an age's attributes, with `read_as` set to the digits the rule matched where the words sent said
    the number ("in twenty nineteen", "a twenty nine year old")."""
    if concept in NUMBER_CONCEPTS and says_number(source) and matched.split() != source.split():
        return {**attrs, READ_AS: " ".join(matched.split())}
    return attrs


def _relative(output: ModelOutput, modifiers: list[str]) -> ModelOutput:
    """An assertion output that agrees with the rules changes nothing: it is not applied."""
    if output.kind != "assertion" or not output.applied:
        return output
    rules = next((label for label, modifier in _PRECEDENCE if modifier in modifiers), "present")
    return output.model_copy(update={"applied": False}) if output.label == rules else output


_PRECEDENCE = (("family", "family"), ("hypothetical", "hypothetical"), ("negated", "negated"),
               ("possible", "uncertain"), ("historical", "historical"))


def sections_from_doc(doc: Doc, norm: NormalizedText, source_text: str) -> list[SectionSpan]:
    """The sectionizer's sections with a category (text before the first header is not a section)."""
    out: list[SectionSpan] = []
    for section in doc._.sections:
        if section.category is None:
            continue
        h_start, h_end = section.title_span
        b_start, b_end = section.section_span
        if b_end <= h_start:
            continue
        start, _ = norm.to_source(doc[h_start].idx, doc[h_start].idx + 1)
        end_tok = doc[b_end - 1]
        _, end = norm.to_source(end_tok.idx, end_tok.idx + len(end_tok.text))
        header_end = doc[h_end - 1].idx + len(doc[h_end - 1].text) if h_end > h_start else doc[h_start].idx
        hs, he = norm.to_source(doc[h_start].idx, max(header_end, doc[h_start].idx + 1))
        rule = section.rule
        rule_id = rule.metadata.get("id") if rule is not None and rule.metadata else None
        out.append(
            SectionSpan(category=section.category, start=start, end=end,
                        header=source_text[hs:he].strip() if h_end > h_start else "",  # resumed: no header
                        rule_id=rule_id)
        )
    return out


def nlp_result(doc: Doc, norm: NormalizedText, source_text: str) -> NlpResult:
    return NlpResult(mentions=mentions_from_doc(doc, norm, source_text), sections=sections_from_doc(doc, norm, source_text))
