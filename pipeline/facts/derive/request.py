"""What is requested: the codes on the request, whether MRS is requested, its target (brain or spine), and whether
it repeats a study that failed for technical reasons."""

from __future__ import annotations

import re

from ...contracts import Evidence, Fact, FactStatus, Mention
from ...nlp.icd10cm import is_icd10cm
from ..context import FactContext, best_status, cite_cues, mention_status
from ..cues import Cue, concept_set, cue, value_set
from ..imaging import HEDGED_FINDINGS, cancelled_order, harmless_artifact, is_requested_study, own_stretch
from ..priority import find_priority
from .base import Resolver, derivation, make_fact, not_documented

_DISC_CODES = value_set("codes.disc_mrs")
_MRS_CODES = value_set("codes.mrs")
_DISCOGENIC = cue("request.discogenic_target")
_SPINE_ASIDE_BEFORE = cue("request.spine_aside_before")
_SPINE_ASIDE_AFTER = cue("request.spine_aside_after")
_SPINE_TRAUMA_CARE = cue("request.spine_trauma_care")
_SPINE_ROUTINE_CHECK = cue("request.spine_routine_check")
_SPINE_OTHER_SERVICE = cue("request.spine_other_service")
_SPINE_STUDY_PART = cue("request.spine_study_part")
_BODY_PART_FIELD = cue("request.body_part_field")
_BODY_PART_BRAIN = cue("request.body_part_brain")
FIELD_REACH = 300
BODY_CONCEPT = "BODY_MRS_TARGET"
"""An MRS named with an organ outside the head as its target (target rules `body.*` in nlp/resources/targets.yaml)."""
"""How far (characters) above a body-part field its form may name the study it is for."""
_BRAIN_MRS_AFTER = cue("request.brain_mrs_after")
_BRAIN_MRS_BEFORE = cue("request.brain_mrs_before")
_REPEAT = cue("request.repeat")
_REPEAT_LEAD = cue("request.repeat_lead")
_ASKED_AGAIN = cue("request.asked_again")
_FOLLOW_UP = cue("request.followup_plan")
_YES = cue("request.answer_yes")
_DONE = cue("study.done")
_ANSWERED = cue("request.answered_question")
_TECHNICAL = concept_set("request.technical_reason")
_BECAUSE = cue("request.because")
_REQUEST_WORDS = cue("study.request")
_CANCELLED = cue("study.cancelled_order")
_RENEWED = cue("study.order_renewed")
# what a causal cue may name as the request's reason: a technical failure, or a finding or verdict instead
_REASONS = (*_TECHNICAL.concepts, "IMAGING_INCONCLUSIVE", "IMAGING_CONCLUSIVE", *HEDGED_FINDINGS)
# the body of a radiology report: "several sequences were repeated", "recommend repeat MRI" are the radiologist's
_REPORT_BODY = frozenset({"exam_title", "comparison", "technique", "findings", "impression", "addendum"})
# report sections name codes of the studies they describe, not of the one requested
_NOT_REQUEST_SECTIONS = frozenset({"comparison", "findings", "impression", "technique"})
# sections where an MRS named without a code is the one requested
_REQUESTING_SECTIONS = frozenset({"request", "assessment_plan", "indication", "chief_complaint"})
# an MRI and its MRS are acquired in one session: a failed MRI session is the MRS's failure too
_ONE_SESSION = frozenset({"MRI", "MRS", "unspecified"})


def requested_code_mentions(ctx: FactContext) -> list[Mention]:
    out = []
    for m in ctx.mentions("CPT_CODE"):
        if m.section in _NOT_REQUEST_SECTIONS or _row_cancelled(ctx, m):
            continue
        out.append(m)
    return out


def _row_cancelled(ctx: FactContext, code: Mention) -> bool:
    """The code sits on the row of a study named before it on its line whose order was cancelled, discontinued,
    voided or declined ("NM PET BRAIN FDG  78608  11/02/26  Cancelled 11/09/26"; cue study.cancelled_order): the
    code of an order withdrawn is no code requested."""
    lo, hi = ctx.line_of(code)
    on_line = [o for o in ctx.same_sentence(code, "IMAGING", counted=False) if lo <= o.start < hi]
    named = [o for o in on_line if o.end <= code.start]
    if not named:
        return False
    if cancelled_order(ctx, max(named, key=lambda o: o.start)):
        return True
    # a table's cells ("PET BRAIN 78608 | 10/28/2026 | VOIDED"): the status cell after the code, up to the next study
    rest = min([o.start for o in on_line if o.start >= code.end] + [hi])
    return _CANCELLED.matches(ctx.text[code.end:rest]) and not _RENEWED.matches(ctx.text[code.end:hi])


@derivation("requested_cpt_codes")
def requested_cpt_codes(r: Resolver, name: str) -> Fact:
    mentions = requested_code_mentions(r.ctx)
    codes = sorted({code_of(m) for m in mentions})
    if not codes:
        return not_documented(name, "no CPT code on the request")
    return make_fact(name, FactStatus.PRESENT, [r.ctx.evidence(m) for m in mentions], value=codes, note="CPT codes")


@derivation("request_priority")
def request_priority(r: Resolver, name: str) -> Fact:
    """Expedited or standard, from the request form only: the first page and the request sections."""
    ctx = r.ctx
    requests = ctx.sections("request")

    def on_form(offset: int) -> bool:
        page = ctx.layout.page_of(offset)
        return page in (None, 1) or any(s.start <= offset < s.end for s in requests)

    found = find_priority(ctx.text, in_scope=on_form)
    if found.priority is None:
        return not_documented(name, "the request form states no priority (the standard window applies)")
    evidence = []
    for m in found.matches:
        section = ctx.section_at(m.start)
        evidence.append(Evidence(
            text=m.text, start=m.start, end=m.end, page=ctx.layout.page_of(m.start),
            boxes=ctx.layout.boxes_for(m.start, m.end), section=section.category if section else None,
            concept="REQUEST_PRIORITY", rule_id=m.rule_id, attributes={"priority": m.priority.value},
            assertion=FactStatus.PRESENT.value))
    note = f"{found.priority.value} on the request form"
    if found.conflicting:
        note = "the request form marks both expedited and standard; expedited (the shorter window) applies"
    return make_fact(name, FactStatus.PRESENT, evidence, value=found.priority.value, note=note,
                     attributes={"priority": [found.priority.value]})


def code_of(m: Mention) -> str:
    return m.attrs.get("code") or m.text.strip().upper()


@derivation("diagnosis_codes")
def diagnosis_codes(r: Resolver, name: str) -> Fact:
    # a code-shaped string that is no ICD-10-CM code (a misreading "R96.6" of "R90.0", a typo) is not counted
    mentions: list[Mention] = []
    invalid: list[Mention] = []
    for m in r.ctx.mentions("ICD10_CODE"):
        (mentions if is_icd10cm(code_of(m)) else invalid).append(m)
    codes = sorted({code_of(m) for m in mentions})
    ignored = [r.ctx.evidence(m) for m in invalid]
    if not codes:
        if ignored:
            return make_fact(name, FactStatus.NOT_DOCUMENTED, [], note="no ICD-10-CM code (only strings shaped "
                             "like one that are not ICD-10-CM codes)", ignored=ignored)
        return not_documented(name, "no ICD-10 code")
    return make_fact(name, FactStatus.PRESENT, [r.ctx.evidence(m) for m in mentions], value=codes,
                     note="ICD-10 codes", ignored=ignored)


@derivation("mrs_requested")
def mrs_requested(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    coded = [m for m in ctx.mentions("CPT_CODE") if code_of(m) in _MRS_CODES]
    found = [m for m in ctx.mentions("MRS_REQUEST") if not m.has("negated")]
    # an MRS named on the request or in the plan that is not a prior study ("1. MR spectroscopy with the
    # navigation MRI") is the one requested, even where OCR garbled the code
    prior = {e.start for s in r.studies if s.modality == "MRS" for e in s.evidence}
    found += [m for m in ctx.mentions("IMAGING") if m.attrs.get("modality") == "MRS" and m.start not in prior
              and m.section in _REQUESTING_SECTIONS
              and not m.has("negated")]
    if not coded and not found:
        return not_documented(name, "no MRS request or CPT 76390 found")
    evidence = [ctx.evidence(m, assertion=FactStatus.PRESENT, cues=[_MRS_CODES.id]) for m in coded]
    evidence += [ctx.evidence(m, assertion=FactStatus.PRESENT) for m in found]
    return make_fact(name, FactStatus.PRESENT, evidence, note="MR spectroscopy requested")


@derivation("spine_indication")
def spine_indication(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence = [ctx.evidence(m, assertion=FactStatus.PRESENT, cues=[_DISC_CODES.id])
                for m in requested_code_mentions(ctx) if code_of(m) in _DISC_CODES]
    statuses = [FactStatus.PRESENT] * len(evidence)
    ignored: list[Evidence] = []
    brain = _brain_named(r)
    for m in ctx.mentions("SPINE"):
        if _form_field_value(r, m):
            # "Procedure: MRS 76390" / "Body part: lumbar spine": the MRS form's body-part field names its target
            s = mention_status(m)
            statuses.append(s)
            evidence.append(ctx.evidence(m, assertion=s, cues=[_BODY_PART_FIELD.id]))
            continue
        prior_study_here = any(i.attrs.get("modality") not in {"MRS", None}
                               for i in ctx.same_sentence(m, "IMAGING")) and not ctx.is_mrs_sentence(m)
        if prior_study_here:
            continue  # "MRI brain/C-spine 08/26/2026": where earlier imaging was done, not the MRS target
        own_target = m.attrs.get("target") == "mrs"
        if not own_target and _other_study_part(ctx, m):
            # "MRS brain after brain and spine MRI 10/01": the spine is the other study's body part
            ignored.append(ctx.evidence(m, attributes={"note": "the body part of another study, not the MRS target"},
                                        cues=[_SPINE_STUDY_PART.id]))
            continue
        discogenic = _DISCOGENIC.matches(m.text)
        if not discogenic and not own_target and (aside := _spine_aside(ctx, m)) is not None:
            ignored.append(ctx.evidence(m, attributes={"note": "a symptom or history, not the MRS target"},
                                        cues=[aside]))
            continue
        if not (ctx.in_request_context(m) or discogenic):
            continue
        if brain is not None and not (own_target or _with_the_mrs(ctx, m)):
            # the request names the brain as the MRS target: a spine word in a clause that does not name the MRS
            # ("spine check" in a plan, back pain in an assessment) is not its target
            ignored.append(ctx.evidence(m, attributes={"note": "the request names the brain as the MRS target"},
                                        cues=[brain]))
            continue
        s = mention_status(m)
        statuses.append(s)
        evidence.append(ctx.evidence(m, assertion=s, cues=[_DISCOGENIC.id] if discogenic else []))
    if not statuses:
        return make_fact(name, FactStatus.NOT_DOCUMENTED, [], note="no spine target on the request", ignored=ignored)
    return make_fact(name, best_status(statuses), evidence, ignored=ignored,
                     note="spine or disc named as the MRS target")


@derivation("non_brain_target")
def non_brain_target(r: Resolver, name: str) -> Fact:
    """The MRS's target is not the brain: the spine, the spinal cord or a disc (spine_indication, site `spine`), or
    a lesion of skull-base bone, the sinonasal cavity or the orbit that the packet keeps outside the brain
    (facts/site.py; site `skull_base`, `sinonasal` or `orbit`, citing the cues that kept it there), or another organ
    named with the MRS asked for (site `body`, attribute `organ`: breast, prostate, liver, muscle, limb, kidney,
    neck; `_body_targets`)."""
    ctx = r.ctx
    spine = r.fact("spine_indication")
    evidence = [e.model_copy(update={"attributes": {**e.attributes, "site": "spine"}}) for e in spine.evidence]
    statuses = [spine.status] if spine.status is not FactStatus.NOT_DOCUMENTED else []
    body, set_aside = _body_targets(r)
    for m in body:  # the organ is the target, however open the diagnosis there ("lymphoma versus carcinoma")
        evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT,
                                     attributes={"site": "body", "organ": m.attrs.get("organ", "")}))
        statuses.append(FactStatus.PRESENT)
    ignored = list(spine.ignored) + set_aside
    read = ctx.site
    for m in read.targets if read is not None else []:
        site = m.attrs.get("site", "unstated")
        evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT, attributes={"site": site},
                                     cues=read.cues.get(site, []) if read is not None else []))
        statuses.append(FactStatus.PRESENT)  # the lesion is the target, however open its diagnosis
    note = read.note if read is not None and read.note and not read.targets else ""
    if not statuses:
        return make_fact(name, FactStatus.NOT_DOCUMENTED, [], note=note or "the MRS target is the brain",
                         ignored=ignored)
    sites = sorted({str(e.attributes["site"]) for e in evidence if e.assertion in {"present", "suspected"}})
    organs = sorted({m.attrs["organ"] for m in body if m.attrs.get("organ")})
    attributes: dict[str, list[str]] = {"site": sites} if sites else {}
    if organs:
        attributes["organ"] = organs
    return make_fact(name, best_status(statuses), evidence, ignored=ignored, attributes=attributes or None,
                     note="MRS target outside the brain: " + (", ".join(sites) if sites else spine.note or ""))


def _body_targets(r: Resolver) -> tuple[list[Mention], list[Evidence]]:
    """The MRS asked for now named with an organ outside the head as its target (target rules `body.*`: "breast MRS",
    "prostate MR spectroscopy", "31P-MRS of the right calf muscles", "MRS of the liver"), and the evidence set aside:
    such an MRS told as history or done before (a prior MRS study, "breast MRS 2023 was benign"), negated, in a
    report's findings, impression, comparison or technique, or named while the request names the brain as the MRS target (a brain MRS asked for, the other
    organ's spectroscopy mentioned beside it)."""
    ctx = r.ctx
    found = [m for m in ctx.mentions(BODY_CONCEPT) if not m.has("negated")]
    if not found:
        return [], []
    prior = {e.start for s in r.studies if s.modality == "MRS" for e in s.evidence}
    brain = _brain_named(r)
    kept: list[Mention] = []
    ignored: list[Evidence] = []
    for m in found:
        own = [o for o in ctx.mentions("IMAGING", "MRS_REQUEST", counted=False)
               if m.start <= o.start < m.end and _mrs_mention(o)]
        # a report's title may be the request form's "Procedure:" line; its findings and impression are no request
        if m.has("historical") or m.section in _NOT_REQUEST_SECTIONS or any(o.start in prior for o in own):
            ignored.append(ctx.evidence(m, attributes={"note": "an MRS of another organ told as history or done "
                                                               "before, not the one asked for"}))
        elif brain is not None:
            ignored.append(ctx.evidence(m, attributes={"note": "the request names the brain as the MRS target"},
                                        cues=[brain]))
        else:
            kept.append(m)
    return kept, ignored


def _mrs_mention(m: Mention) -> bool:
    """The MR spectroscopy by name, request or code."""
    return (m.concept == "MRS_REQUEST" or (m.concept == "IMAGING" and m.attrs.get("modality") == "MRS")
            or (m.concept == "CPT_CODE" and code_of(m) in _MRS_CODES))


def _brain_named(r: Resolver) -> str | None:
    """The cue by which the request names the brain as the MRS's target ("MR spectroscopy of the brain", "MRS brain",
    "brain MRS", "76390 - brain"), read right after or before an MRS asked for now (not a prior MRS, not one in a
    report's body); None when no request names it."""
    ctx = r.ctx
    prior = {e.start for s in r.studies if s.modality == "MRS" for e in s.evidence}
    for line in _field_lines(ctx.text, _BODY_PART_BRAIN):
        if _form_study_is_mrs(r, line):
            return _BODY_PART_BRAIN.id  # "Procedure: MRS 76390" / "Body part: brain"
    for m in ctx.mentions("IMAGING", "MRS_REQUEST", "CPT_CODE"):
        if not _mrs_mention(m) or m.start in prior or m.section in _REPORT_BODY or m.has("negated"):
            continue
        lo, hi = ctx.clause_of(m)
        if _BRAIN_MRS_AFTER.matches(ctx.text[m.end:hi]):
            return _BRAIN_MRS_AFTER.id
        if _BRAIN_MRS_BEFORE.matches(ctx.text[lo:m.start]):
            return _BRAIN_MRS_BEFORE.id
    return None


def _field_lines(text: str, field: Cue) -> list[int]:
    """Where the body-part fields of `field` start (the label's offset), one line at a time."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        hit = field.search(line.group())
        if hit is not None:
            out.append(line.start() + hit.start)
    return out


def _form_field_value(r: Resolver, m: Mention) -> bool:
    """The spine mention is the value of a body-part field ("Body part: lumbar spine", "Area to be imaged:" over
    "L-spine") of the MRS's form: the study that its form names nearest before the field is the MRS asked for."""
    text = r.ctx.text
    lo = text.rfind("\n", 0, m.start) + 1
    if not text[lo:m.start].strip() and lo:
        lo = text.rfind("\n", 0, lo - 1) + 1  # the label on the line above its value
    hit = _BODY_PART_FIELD.search(text[lo:m.start])
    return hit is not None and _form_study_is_mrs(r, lo + hit.start)


def _form_study_is_mrs(r: Resolver, at: int) -> bool:
    """The study that a form names nearest before offset `at` (within FIELD_REACH, on its page) is the MRS asked
    for now ("Procedure: MRS 76390", "Study requested: MR spectroscopy"), not another study or a prior MRS."""
    ctx = r.ctx
    lo = max(0, at - FIELD_REACH)
    lo = ctx.text.rfind("\f", lo, at) + 1 or lo
    named = [o for o in ctx.mentions("IMAGING", "MRS_REQUEST", "CPT_CODE", counted=False)
             if lo <= o.start < at and (o.concept != "IMAGING" or o.attrs.get("modality") not in {None, "unspecified"})]
    if not named:
        return False
    last = max(named, key=lambda o: o.start)
    prior = {e.start for s in r.studies if s.modality == "MRS" for e in s.evidence}
    return _mrs_mention(last) and last.start not in prior and not last.has("negated")


def _with_the_mrs(ctx: FactContext, m: Mention) -> bool:
    """The spine mention's clause names the MRS ("MR spectroscopy, lumbar spine", "MRS target: [X] Spine")."""
    lo, hi = ctx.clause_of(m)
    return any(lo <= o.start < hi and _mrs_mention(o) for o in ctx.by_sentence.get(m.sentence_start, []))


def _other_study_part(ctx: FactContext, m: Mention) -> bool:
    """The spine mention is the body part of another (non-MRS) study named next to it in its clause, only body parts
    and joiners between ("brain and spine MRI", "MRI brain/C-spine", "MRI whole spine"): not the MRS target."""
    lo, hi = ctx.clause_of(m)
    studies = [o for o in ctx.same_sentence(m, "IMAGING", counted=False) if lo <= o.start < hi]
    if any(o.start <= m.start and m.end <= o.end and o.attrs.get("modality") != "MRS" for o in studies):
        return True
    before = [o for o in studies if o.end <= m.start]
    after = [o for o in studies if o.start >= m.end]
    near = []
    if before:
        o = max(before, key=lambda o: o.end)
        near.append((m.start - o.end, o, ctx.text[o.end:m.start]))
    if after:
        o = min(after, key=lambda o: o.start)
        near.append((o.start - m.end, o, ctx.text[m.end:o.start]))
    for _, o, gap in sorted(near, key=lambda n: n[0]):
        if _SPINE_STUDY_PART.matches(gap):
            return o.attrs.get("modality") != "MRS"  # the nearest study it is joined to
    return False


def _spine_aside(ctx: FactContext, m: Mention) -> str | None:
    """The cue that makes a back or spine mention a symptom's effect or cause, or history, not the MRS target: words
    in its own part of the clause (between the mentions next to it) before it ("motion from back pain", "prior
    lumbar fusion") or after it ("back pain degraded the prior MRS"); or the object of another procedure or service,
    by the words right after or right before it in its clause ("continue spine PT", "physical therapy for the
    lumbar spine")."""
    lo, hi = ctx.clause_of(m)
    # a technical limitation named just before is part of the aside, not a boundary: "(patient motion from back pain"
    others = [o for o in ctx.by_sentence.get(m.sentence_start, []) if o is not m and lo <= o.start < hi
              and o.concept != "TECHNICAL_LIMITATION"]
    before = max((o.end for o in others if o.end <= m.start), default=lo)
    after = min((o.start for o in others if o.start >= m.end), default=hi)
    if _SPINE_ASIDE_BEFORE.matches(ctx.text[before:m.start]):
        return _SPINE_ASIDE_BEFORE.id
    if _SPINE_ASIDE_AFTER.matches(ctx.text[m.end:after]):
        return _SPINE_ASIDE_AFTER.id
    if _SPINE_TRAUMA_CARE.matches(ctx.text[before:after]):
        return _SPINE_TRAUMA_CARE.id  # "C-spine cleared clinically", "in-line C-spine stabilisation": trauma care
    if _SPINE_ROUTINE_CHECK.matches(ctx.text[m.end:after]):
        return _SPINE_ROUTINE_CHECK.id  # "annual ophthalmology, BP, spine check": surveillance of the patient
    if _SPINE_OTHER_SERVICE.matches(ctx.text[m.end:hi]) or _SPINE_OTHER_SERVICE.matches(ctx.text[lo:m.start]):
        return _SPINE_OTHER_SERVICE.id  # "hold spine injections", "physical therapy for the lumbar spine"
    return None



def _requested_studies(r: Resolver) -> list[tuple[Mention, str, bool]]:
    """Studies asked for now: (mention, modality, named as a repeat in its own part of the clause)."""
    ctx = r.ctx
    out = []
    for m in ctx.mentions("IMAGING", "MRS_REQUEST"):
        if m.has("negated") or m.has("hypothetical") or m.section in _REPORT_BODY:
            continue
        modality = "MRS" if m.concept == "MRS_REQUEST" else m.attrs.get("modality", "unspecified")
        stretch = _line_stretch(ctx, m)
        again = _ASKED_AGAIN.matches(stretch)  # "MRI with MRS re-requested", "rebooked on the wide-bore magnet"
        if m.concept == "IMAGING" and not (is_requested_study(ctx, m) or _asked_as_repeat(ctx, m) or again or
                                           (m.section in _REQUESTING_SECTIONS and ctx.date_of(m) is None)):
            continue
        out.append((m, modality, again or _REPEAT.matches(stretch)))
    return out + _repeats_without_a_name(ctx)


def _request_clause(ctx: FactContext, m: Mention) -> tuple[int, int]:
    """The mention's clause, cut at a line break after (or before) a line that ends in a form question's answer:
    "Repeat study due to technical issues (Y/N): N" above a request is not part of the request's clause."""
    lo, hi = ctx.clause_of(m)
    text = ctx.text
    line_start = text.rfind("\n", lo, m.start)
    while line_start >= lo:
        if _ANSWERED.search(text[text.rfind("\n", lo, line_start) + 1:line_start]):
            lo = line_start + 1
            break
        line_start = text.rfind("\n", lo, line_start)
    line_end = text.find("\n", m.end, hi)
    if line_end >= 0 and _ANSWERED.search(text[text.rfind("\n", 0, m.start) + 1:line_end]):
        hi = line_end
    return lo, hi


def _line_stretch(ctx: FactContext, m: Mention) -> str:
    """The mention's own part of its clause (imaging.own_stretch), in its clause as _request_clause cuts it."""
    lo, hi = _request_clause(ctx, m)
    others = [o for o in ctx.same_sentence(m, "IMAGING", "IMAGING_SEQUENCE", counted=False) if lo <= o.start < hi]
    before = max((o.end for o in others if o.end <= m.start), default=lo)
    after = min((o.start for o in others if o.start >= m.end), default=hi)
    return ctx.text[before:after]


def _asked_as_repeat(ctx: FactContext, m: Mention) -> bool:
    """"Repeat MRS: the prior MRS was non-diagnostic": a study named right after a repeat word, undated and not
    cited as done in its own part of the clause (up to a colon), is asked for even with no request verb."""
    lo, _ = ctx.clause_of(m)
    if not _REPEAT_LEAD.matches(ctx.text[lo:m.start]) or ctx.date_of(m) is not None:
        return False
    stretch = own_stretch(ctx, m)
    tail = stretch[stretch.find(m.text) + len(m.text):] if m.text in stretch else ""
    return not _DONE.matches(tail.split(":", 1)[0])


def _repeat_questions(ctx: FactContext) -> list[list[Mention]]:
    """A form question about a repeat answered yes ("Repeat study due to technical issues (Y/N): Y", "Repeat of a
    prior study? [X] Yes"): the repeat word in its label, the yes right after the label's ":" or "?". The technical
    failures named in its line or the next one are its reasons; with none, it is not a technical repeat."""
    out: list[list[Mention]] = []
    text = ctx.text
    failures = [o for o in ctx.mentions(*_TECHNICAL.concepts) if _counts(ctx, o)]
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        marks = [i for i in (line.find(":"), line.find("?")) if i >= 0]
        if marks and _REPEAT.matches(line[:min(marks)]) and _YES.matches(line[min(marks) + 1:]):
            after = text.find("\n", end + 1)
            reasons = [o for o in failures if start <= o.start < (len(text) if after < 0 else after)]
            if reasons:
                out.append(reasons)
        start = end + 1
    return out


def _repeats_without_a_name(ctx: FactContext) -> list[tuple[Mention, str, bool]]:
    """A repeat asked for in a later clause that names no study ("the MRS could not be completed; repeat
    requested"), or in the next sentence when that one names none ("... not acquired. Re-ordered under sedation."):
    the study named last before it is the one repeated. A study named in its own stated failure ("MRS not
    obtained", "spectroscopy never acquired") is that failed study, not a denied one."""
    out: list[tuple[Mention, str, bool]] = []
    failures = [o for o in ctx.mentions(*_TECHNICAL.concepts) if _counts(ctx, o)]
    for m in ctx.mentions("IMAGING"):
        failed = any(o.start < m.end and m.start < o.end for o in failures)
        if (m.has("negated") and not failed) or m.has("hypothetical") or m.section in _REPORT_BODY:
            continue
        _, hi = ctx.clause_of(m)
        later = [o for o in ctx.same_sentence(m, "IMAGING", counted=False) if o.start > m.start]
        end = min((o.start for o in later), default=m.sentence_end)
        rest = ctx.text[hi:end]
        asked = hi < end and (_ASKED_AGAIN.matches(rest) or (_REPEAT.matches(rest) and _REQUEST_WORDS.matches(rest)))
        if asked or (not later and _asked_again_next(ctx, m)):
            out.append((m, m.attrs.get("modality", "unspecified"), True))
    return out


def _asked_again_next(ctx: FactContext, m: Mention) -> bool:
    """The sentence right after the study's (no blank line between) names no study and asks for it once more
    ("... spectroscopy not acquired. Re-ordered with oral anxiolysis.")."""
    text = ctx.text
    start = m.sentence_end + len(text[m.sentence_end:]) - len(text[m.sentence_end:].lstrip())
    if "\n\n" in text[m.sentence_end:start].replace(" ", "").replace("\t", "") or start >= len(text):
        return False
    ends = [i for i in (text.find(c, start) for c in ".;\n") if i >= 0]
    end = min(ends, default=len(text))
    named = any(start <= o.start < end for o in ctx.mentions("IMAGING", "MRS_REQUEST"))
    return not named and _ASKED_AGAIN.matches(text[start:end])


def _counts(ctx: FactContext, o: Mention) -> bool:
    """A technical failure that is stated: not denied ("no motion artifact"), of adequate quality, conditional, or
    said not to have spoiled the study ("artifact that does not affect the images", "mild motion")."""
    return not (o.has("negated") or o.has("hypothetical") or o.attrs.get("assertion") == "absent"
                or harmless_artifact(ctx, o))


def _technical_reasons(ctx: FactContext, m: Mention, modality: str, *, next_sentence: bool = True
                       ) -> list[Mention]:
    """Technical failures stated in the request's sentence or (`next_sentence`) in the next sentence of the same
    section, or in the sentence just before it in the same section when that one names no study of another
    session ("The patient could not stay still and the study was stopped. MRS requested again."; an MRI and its
    MRS are one session)."""
    here = ctx.same_sentence(m, *_TECHNICAL.concepts)
    starts = sorted(s for s in ctx.by_sentence if s >= m.sentence_end)
    if next_sentence and starts and not ctx.text[m.sentence_end:starts[0]].strip():
        here += [o for o in ctx.by_sentence[starts[0]] if o.concept in _TECHNICAL and o.section == m.section]
    before = [s for s in ctx.by_sentence if s < m.sentence_start]
    if next_sentence and before:
        previous = ctx.by_sentence[max(before)]
        end = max((o.sentence_end for o in previous), default=m.sentence_start)
        session = {modality, *_ONE_SESSION} if modality in _ONE_SESSION else {modality, "unspecified"}
        if end <= m.sentence_start and not ctx.text[end:m.sentence_start].strip() and not any(
                o.concept == "IMAGING" and o.attrs.get("modality", "unspecified") not in session for o in previous):
            here += [o for o in previous if o.concept in _TECHNICAL and o.section == m.section]
    return [o for o in here if _counts(ctx, o)]


def _technical_cause(ctx: FactContext, m: Mention) -> list[Mention]:
    """The technical failure a causal cue in the request's clause gives as its reason ("MRS is requested because
    the MRI was degraded by motion"): the first finding or verdict after the cue, when it is a technical failure.
    A form question's line above is not the request's reason (_request_clause)."""
    lo, hi = _request_clause(ctx, m)
    hit = _BECAUSE.search(ctx.text[lo:hi])
    if hit is None:
        return []
    after = sorted((o for o in ctx.same_sentence(m, *_REASONS, counted=False) if lo + hit.end <= o.start < hi),
                   key=lambda o: o.start)
    first = after[0] if after else None
    return [first] if first is not None and first.concept in _TECHNICAL and _counts(ctx, first) else []


@derivation("technical_repeat")
def technical_repeat(r: Resolver, name: str) -> Fact:
    """The request repeats, or adds imaging because of, a study that failed for technical reasons (motion, an
    incomplete exam, poor contrast, wrong sequences). A repeat (`kind: repeat`): a study asked for as a repeat whose
    request gives a technical failure, or whose earlier study of the same modality was technically limited, or a
    form question about a technical repeat answered yes. A repeat scheduled as follow-up ("repeat MRI in 6 weeks",
    "after treatment") counts only with a failure stated in its own sentence. Additional imaging (`kind:
    additional`): a study asked for because of a technical failure, the reason its own clause gives. An artifact
    named in a prior report, with no such request, is neither; nor is one its sentence calls harmless."""
    ctx = r.ctx
    requests = _requested_studies(r)
    evidence: list[Evidence] = []
    for reasons in _repeat_questions(ctx):
        evidence += [ctx.evidence(o, assertion=FactStatus.PRESENT, attributes={"kind": "repeat"},
                                  cues=[_REPEAT.id, _YES.id, _TECHNICAL.id]) for o in reasons]
    for m, modality, repeat in requests:
        if repeat:
            follow_up = _FOLLOW_UP.matches(_line_stretch(ctx, m))
            reasons = _technical_reasons(ctx, m, modality, next_sentence=not follow_up)
            limited = [] if follow_up else [
                s for s in r.studies if s.modality == modality and s.body_part in (None, "brain")
                and "technically_limited" in s.verdicts]
            kind, cues = "repeat", [_REPEAT.id]
        else:
            reasons, limited = _technical_cause(ctx, m), []
            kind, cues = "additional", [_BECAUSE.id]
        if not reasons and not limited:
            continue
        tag = {"kind": kind}
        evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT, attributes=tag, cues=cues))
        evidence += [ctx.evidence(o, assertion=FactStatus.PRESENT, attributes=tag, cues=[_TECHNICAL.id])
                     for o in reasons]
        evidence += [cite_cues(e.model_copy(update={"assertion": FactStatus.PRESENT.value,
                                                    "attributes": {**e.attributes, **tag}}), _REPEAT.id)
                     for s in limited for e in s.evidence if e.attributes.get("verdict") == "technically_limited"]
    if evidence:
        kinds = sorted({e.attributes["kind"] for e in evidence})
        return make_fact(name, FactStatus.PRESENT, evidence, attributes={"kind": kinds},
                         note=f"imaging requested because a study failed for technical reasons ({', '.join(kinds)})")
    repeats = [m for m, _, repeat in requests if repeat]
    if repeats:
        return make_fact(name, FactStatus.NOT_DOCUMENTED, [ctx.evidence(m, cues=[_REPEAT.id]) for m in repeats],
                         note="a repeat is requested, with no technical failure stated for it")
    return not_documented(name, "no imaging is requested because of a technical failure")
