"""Whether a purpose mention is the purpose of the requested MRS.

A purpose counts where the request is made or explained (request, indication, assessment/plan sections), in a
sentence about the MRS, or in the sentence right after one, when it refers back to it ("MRS requested. The result
will steer us toward biopsy or watchful waiting.") or tells what a spectral result would lead to ("A lactate doublet
would spare him a muscle biopsy."). It does not count when its clause gives it to another test or
procedure ("the PET will decide between ...", "biopsy to guide chemotherapy") or names the test it is the
purpose of right after it ("SRS planning MRI", "radiotherapy planning CT"), follows a denied request ("we are not
asked to grade the tumour") or tells a decision already taken
("the decision for resection was made in 2022"), gives the MRS as a routine protocol's step for every patient
of a kind ("per our pre-operative protocol, MRS is done for all SOLs before surgery") or asks it as someone's question ("the family asks about
prognosis"), unless that clause names the MRS as its subject too. A branch of the plan told from a spectral
result to an action ("- Cho/NAA > 2 -> re-resection", "the tie-breaker between surgery and observation": targets.yaml
purpose.result_branch, attrs branch: list) counts instead only on the MRS's own line or under its item, the lines
between being branch lines, and never on a line that tells a result found (_branch_of_mrs). A step the result spares,
keeps on the table or has taken instead of another ("spares her a lumbar puncture", "keeps the biopsy on the table",
"mtDNA testing rather than the muscle biopsy": purpose.step_spared_or_kept, purpose.step_instead, attrs told_of:
mrs_result) counts only in a clause that names the MRS or tells a spectral result, never from its section alone. The
cues are data in resources/cues.yaml.

A treatment-planning purpose plans some disease's therapy (`therapy_of`): a tumour's ("to plan re-irradiation"), an
infection's ("to decide on antifungal duration"), a leukodystrophy's ("before HSCT") or another disease's ("before
anti-amyloid antibody therapy", "to plan the epilepsy surgery"), read in the purpose's clause; unspecified when the
clause names neither a therapy nor a disease ("MRS to guide therapy").
"""

from __future__ import annotations

from ..contracts import Mention
from .context import FactContext
from .cues import concept_set, cue, value_set

_OTHER_TESTS = concept_set("purpose.other_tests")
_AGENT_LINK = cue("purpose.agent_link")
_CHOSEN_GAP = cue("purpose.chosen_step_gap")
_NAMES_TEST_AFTER = cue("purpose.names_test_after")
_ASKED = cue("purpose.asked_by_others")
_NOT_ASKED = cue("purpose.not_asked")
_COORDINATED = cue("purpose.coordinated_tests")
_PAST_DECISION = cue("purpose.past_decision")
_REFERS_BACK = cue("purpose.refers_back")
_ROUTINE = cue("purpose.routine_protocol")
_THERAPY_TUMOR = cue("purpose.therapy_tumor")
_THERAPY_OTHERS = (("infection", cue("purpose.therapy_infection")), ("other", cue("purpose.therapy_other")))
_THERAPY_LEUKODYSTROPHY = cue("purpose.therapy_leukodystrophy")
_THERAPY_DISEASE = concept_set("purpose.therapy_disease")
_DISEASE_ORDER = ("tumor", "leukodystrophy", "infection", "other")
_BRANCH_LINE = cue("purpose.branch_line")
_BRANCH_FOUND = cue("purpose.branch_found")
_BRANCH_CONDITION = cue("purpose.branch_condition")
_ITEM_CONTINUATION = cue("purpose.item_continuation")
_LINE_RUNS_ON = cue("purpose.line_runs_on")
_NO_BULLET = cue("purpose.no_bullet")
_BRANCH_REACH = 6
"""How many lines above a branch its MRS item may stand (the lines between are branch lines)."""
_RESPONSE_RULES = value_set("purpose.response_rules").values
_RESPONSE_MONITORING_OF = value_set("purpose.response_monitoring_of").values


def _is_mrs(m: Mention) -> bool:
    return (m.concept == "MRS_REQUEST" or (m.concept == "IMAGING" and m.attrs.get("modality") == "MRS")
            or (m.concept == "CPT_CODE" and "76390" in m.text))


def _subject_test(ctx: FactContext, m: Mention) -> Mention | None:
    """The test or procedure its clause makes the purpose's subject: the nearest named before it and joined to it
    by linking words only ("PET will", "biopsy to", "genetic testing would help"); None when there is none or the
    MRS is among the tests so joined ("MRS and PET will decide")."""
    lo, _ = ctx.clause_of(m)
    spectroscopy = ctx.is_mrs_sentence(m)  # where lactate or NAA is what the MRS measures, not a lab test

    def test(o: Mention) -> bool:
        return _is_mrs(o) or (_OTHER_TESTS.member_for(o.concept, o.attrs) is not None
                              and not (spectroscopy and o.concept == "LAB"))

    before = sorted((o for o in ctx.by_sentence.get(m.sentence_start, [])
                     if lo <= o.start and o.end <= m.start and test(o)), key=lambda o: o.end)
    until = m.start
    if m.attrs.get("chosen") == "before" and before and not _is_mrs(before[-1]) \
            and _CHOSEN_GAP.matches(ctx.text[before[-1].end:m.start]):
        # "exome sequencing in lieu of a muscle biopsy": the test right before is the step chosen instead
        until = before[-1].start
        before = [o for o in before if o.end <= until]
    if not before or _is_mrs(before[-1]) or not _AGENT_LINK.matches(ctx.text[before[-1].end:until]):
        return None
    agent = before[-1]
    for o in reversed(before[:-1]):  # tests coordinated with the subject: "MRS and PET", "PET/CT or MRS"
        if not _COORDINATED.matches(ctx.text[o.end:agent.start]):
            break
        if _is_mrs(o):
            return None
        agent = o
    return before[-1]


def _test_named_after(ctx: FactContext, m: Mention) -> Mention | None:
    """Another test the purpose is written as a modifier of, named right after it ("SRS planning MRI",
    "radiotherapy planning CT (70553)"); None when the next test is the MRS ("treatment-planning MRS") or is not
    joined to the purpose so."""
    spectroscopy = ctx.is_mrs_sentence(m)
    after = sorted((o for o in ctx.by_sentence.get(m.sentence_start, []) if o.start >= m.end
                    and (_is_mrs(o) or (_OTHER_TESTS.member_for(o.concept, o.attrs) is not None
                                        and not (spectroscopy and o.concept == "LAB")))), key=lambda o: o.start)
    if not after or _is_mrs(after[0]) or not _NAMES_TEST_AFTER.matches(ctx.text[m.end:after[0].start]):
        return None
    return after[0]


def _names_mrs(ctx: FactContext, m: Mention) -> bool:
    lo, hi = ctx.clause_of(m)
    return any(_is_mrs(o) and lo <= o.start < hi for o in ctx.by_sentence.get(m.sentence_start, []))


def _refers_back(ctx: FactContext, m: Mention) -> bool:
    """The sentence refers back to the MRS named in the sentence just before it ("The result will ...",
    "This informs ...", "... hinges on it")."""
    if not _REFERS_BACK.matches(ctx.sentence_text(m)):
        return False
    earlier = [s for s in ctx.by_sentence if s < m.sentence_start]
    if not earlier:
        return False
    previous = ctx.by_sentence[max(earlier)]
    gap = ctx.text[previous[0].sentence_end:m.sentence_start]
    if gap.strip() or gap.count("\n") > 1 or "\f" in gap:
        return False  # another sentence, or a new paragraph, between them
    return any(_is_mrs(o) for o in previous)


def _branch_of_mrs(ctx: FactContext, m: Mention) -> str | None:
    """A branch of a plan told from a spectral result to an action (targets.yaml purpose.result_branch, attrs branch:
    list) is the MRS's when its line names the MRS or hangs under a line that does, every line between being a
    branch line or a wrapped continuation of the item (purpose.item_continuation) ("1. MR spectroscopy of the lesion."
    / "- high choline -> re-resection" / "- lipid only -> steroids"),
    and its line tells no result found ("MRS 10/02: Cho/NAA 2.4 -> resection 10/15"); the id of the cue that tied it
    ("" for its own line), or None."""
    text = ctx.text
    start = text.rfind("\n", 0, m.start) + 1
    line = text[start:m.end]
    if _BRANCH_FOUND.matches(line) and not _BRANCH_CONDITION.matches(line):
        return None
    mrs = [o for ms in ctx.by_sentence.values() for o in ms if _is_mrs(o) and o.start < m.end]
    if any(start <= o.start for o in mrs):
        return ""  # the MRS named on the branch's own line
    for _ in range(_BRANCH_REACH):
        if start == 0:
            return None
        above = text.rfind("\n", 0, start - 1) + 1
        if not text[above:start].strip():
            return None  # a blank line: another paragraph
        if any(above <= o.start < start for o in mrs):
            return _BRANCH_LINE.id
        line_above = text[above:start]
        higher = text[text.rfind("\n", 0, above - 1) + 1:above] if above else ""
        continues = _NO_BULLET.matches(line_above) and (  # the item wrapped: indented, or under a line left open
            _ITEM_CONTINUATION.matches(line_above) or _LINE_RUNS_ON.matches(higher))
        if not (_BRANCH_LINE.matches(line_above) or continues):
            return None
        start = above
    return None


def mrs_purpose_cues(ctx: FactContext, m: Mention) -> list[str] | None:
    """None unless the purpose mention is the MRS's purpose (see the module docstring); else the ids of the cues
    that made it so ([] for a request section or a sentence about the MRS)."""
    cues: list[str] = []
    if m.attrs.get("branch") == "list":
        tie = _branch_of_mrs(ctx, m)
        if tie is None:
            return None
        if tie:
            cues.append(tie)
    elif m.attrs.get("told_of") == "mrs_result" and not _names_mrs(ctx, m):
        # a step spared, kept or taken instead (targets.yaml purpose.step_spared_or_kept, purpose.step_instead) is
        # the MRS's only in a clause that names it, or one that tells a spectral result in a request section or
        # right after the MRS's sentence ("biopsy 2023 rather than resection; MRS requested" is none)
        told = _REFERS_BACK.matches(ctx.text[slice(*ctx.clause_of(m))]) or _REFERS_BACK.matches(ctx.sentence_text(m))
        if not ((ctx.in_request_context(m) and told) or _refers_back(ctx, m)):
            return None
        cues.append(_REFERS_BACK.id)
    elif not ctx.in_request_context(m):
        if not _refers_back(ctx, m):
            return None
        cues.append(_REFERS_BACK.id)
    if _subject_test(ctx, m) is not None or _test_named_after(ctx, m) is not None:
        return None
    if _ROUTINE.matches(ctx.text[slice(*ctx.clause_of(m))]):
        return None  # "per our pre-operative protocol, MRS is done for all SOLs before surgery": no reason of its own
    if not _names_mrs(ctx, m) and _PAST_DECISION.matches(ctx.text[slice(*ctx.clause_of(m))]):
        return None
    if not _names_mrs(ctx, m) and _ASKED.matches(ctx.text[ctx.clause_of(m)[0]:m.start]):
        return None  # the family's question, not the MRS's purpose
    if _NOT_ASKED.matches(ctx.text[ctx.clause_of(m)[0]:m.start]):
        return None  # "we are not asked to grade the tumour": a question the MRS is not asked
    return cues


def is_mrs_purpose(ctx: FactContext, m: Mention) -> bool:
    return mrs_purpose_cues(ctx, m) is not None


def therapy_of(ctx: FactContext, m: Mention, *, tumour_first: bool = False) -> tuple[str, str | None]:
    """What a treatment-planning purpose plans the therapy of, and the id of the cue or concept set that said so
    (None for unspecified): a tumour's therapy named in its clause; else another disease's therapy named there
    (an infection's first); else the disease the clause names (a tumour first, a negated one not counted); else a
    leukodystrophy's therapy (HSCT, gene therapy); else unspecified. With `tumour_first` (a response followed), a
    tumour the clause names comes before another disease's therapy ("response of the glioma to the diet")."""
    lo, hi = ctx.clause_of(m)
    clause = ctx.text[lo:hi]
    if _THERAPY_TUMOR.matches(clause):
        return "tumor", _THERAPY_TUMOR.id
    named = set()
    for o in ctx.same_sentence(m, *_THERAPY_DISEASE.concepts):
        member = _THERAPY_DISEASE.member_for(o.concept, o.attrs)
        if member is not None and member.label and lo <= o.start and o.end <= hi and not o.has("negated"):
            named.add(member.label)
    if tumour_first and "tumor" in named:
        return "tumor", _THERAPY_DISEASE.id
    for value, therapy in _THERAPY_OTHERS:
        if therapy.matches(clause):
            return value, therapy.id
    for value in _DISEASE_ORDER:
        if value in named:
            return value, _THERAPY_DISEASE.id
    if _THERAPY_LEUKODYSTROPHY.matches(clause):
        return "leukodystrophy", _THERAPY_LEUKODYSTROPHY.id
    return "unspecified", None


def is_response(m: Mention) -> bool:
    """The purpose follows a response to a therapy (cues.yaml value set purpose.response_rules)."""
    return m.rule_id in _RESPONSE_RULES


def response_purpose(ctx: FactContext, m: Mention) -> tuple[str, str, str | None]:
    """A response purpose's reading: (purpose, therapy_of, the cue that said what the therapy treats). The
    response to a tumour's therapy, or of a tumour, is the tumour's treatment planning and response; the response
    to another disease's therapy ("to the chelation protocol", "to IV ceftriaxone") is that disease's monitoring
    (therapy_of kept: cues.yaml purpose.response_monitoring_of); with neither, the rule's own purpose stays."""
    therapy, therapy_cue = therapy_of(ctx, m, tumour_first=True)
    if therapy == "tumor":
        return "treatment_planning", therapy, therapy_cue
    if therapy in _RESPONSE_MONITORING_OF:
        return "monitoring", therapy, therapy_cue
    return str(m.attrs.get("purpose")), therapy, therapy_cue
