"""Prior imaging: what the studies concluded, which were done, PET in the same work-up, treatment since."""

from __future__ import annotations

from datetime import date

from ...contracts import Evidence, Fact, FactStatus, ImagingStudy, Mention
from ..context import CUE_ATTRIBUTE, FactContext, mention_status, next_sentence
from ..cues import concept_set, cue, value_set
from ..imaging import (
    DISCUSSED_REFUSED,
    REPORT_UNAVAILABLE,
    REPORT_UNAVAILABLE_CUE,
    cancelled_order,
    discussed_then_ordered,
    is_requested_study,
    joined_items_after,
    only_discussed,
    own_stretch,
    own_stretch_after,
    pet_coverage,
    prior_row_denied,
    requested_study_cues,
)
from .base import Resolver, derivation, make_fact, not_documented
from .request import code_of, requested_code_mentions

TREATMENTS = concept_set("treatment.any").concepts
ADVANCED = value_set("modality.advanced").values
_SINCE = cue("course.since_imaging")
_SINCE_OBJECT = cue("course.since_object")
_ONGOING = cue("course.ongoing")
_SETTLING_READ = cue("study.settling_read")
ONGOING_TREATMENTS = concept_set("treatment.ongoing").concepts
CLAIMS_BETWEEN = concept_set("course.claim_between").concepts
_STOPPED = cue("course.stopped")
_SINCE_THEN = cue("course.since_then")
_NEW_FINDING_DASH = cue("course.new_finding_dash")
_GIVEN_NEWLY = cue("course.given_newly")
_ON_STATE = cue("course.on_state")
_ADMINISTRATION = cue("course.administration_word")
_HELD = cue("course.therapy_held")
_PRIOR_ROW_DENIED = cue("study.prior_row_denied").id
_LAST_GIVEN = cue("course.last_given")
_NOTHING_GIVEN = cue("course.nothing_given_since")
_PET_CODES = value_set("codes.pet")
_NOT_DONE = cue("study.alternative_not_done")
_ANSWERED_NO_NOTE = cue("study.answered_no_note")
_OR = cue("study.alternative_or")
_TO_MRS = cue("study.alternative_to_mrs")
_ROW_LABEL = cue("study.row_label")
_REQUESTED = cue("study.request")
_DISC_TARGET = frozenset({value_set("codes.disc_mrs").id, cue("request.discogenic_target").id})
"""The cues by which spine_indication names a disc as the MRS target (spine studies then answer)."""
_NOT_REQUESTED = cue("study.not_requested_after")
_CONDITIONAL = cue("study.conditional_or_later")
_RECENT_WINDOW = cue("study.recent_window")
_JOINED_ITEM = cue("study.joined_item")
_CANCELLED = cue("study.cancelled_order")
_MODALITY_SCOPE = cue("study.modality_scope")
_MODALITY_LIST_LINE = cue("study.modality_list_line")
_REFUSED_NEXT = cue("study.refused_next_clause")
_REFUSAL_OPENS = cue("study.refusal_opens")
_REFUSED_AGAIN = cue("study.refused_again")
_OTHER_OF_KIND = cue("study.other_of_kind")
_PENDING = cue("study.pending")
_RENEWED = cue("study.order_renewed")
_ORDER_STATUS = cue("study.order_status")
_DONE = cue("study.done")
_ASKED_OPENER = cue("study.pet_asked_opener")
_ASKED_CONFIRM = cue("study.pet_asked_confirm")
_ASKED_ROW = cue("study.pet_asked_row")
_ASKED_ROW_TAIL = cue("study.pet_asked_row_tail")
_ASKED_STATUS = cue("study.pet_asked_status")
_ASKED_YES = cue("study.pet_asked_answered_yes")
CONVENTIONAL = value_set("modality.conventional").values
MRI_OR_UNNAMED = value_set("modality.mri").values
STUDY_NAMES = ("IMAGING", "IMAGING_SEQUENCE")  # the concepts that name a study (a modality, or MRI sequences)
BRAIN = (None, "brain")  # studies of the brain, or of a body part the packet does not state
PET_WINDOW_DAYS = 90
"""A PET done this many days before the request belongs to the same work-up."""


def _target_body_parts(r: Resolver) -> tuple[str | None, ...]:
    """The studies that answer for the MRS's target: of the brain or of an unstated part, and of the spine when
    a disc is the target (disc codes, discogenic pain). A chest or abdominal study never is, nor a spine study for
    an MRS of a spinal cord lesion: the brain is the target of every brain indication."""
    spine = r.fact("spine_indication")
    if spine.status is FactStatus.PRESENT and any(
            set(e.attributes.get(CUE_ATTRIBUTE, "").split()) & _DISC_TARGET for e in spine.evidence):
        return (*BRAIN, "spine")
    return BRAIN


def _states(e: Evidence, verdict: str) -> bool:
    """The evidence states this verdict (or this read: `nonlesional`)."""
    return verdict in (e.attributes.get("verdict"), e.attributes.get("read"))


def _settled_later(study: ImagingStudy, studies: list[ImagingStudy], settled: str) -> bool:
    """A later-dated study of the same body part, of the same modality or MRI, whose only verdict is `settled`
    and whose read names what the lesion is (study.settling_read), answers this dated study's question (a CT's
    "cyst vs cystic neoplasm" answered by the MRI after it, "diagnostic of neurocysticercosis"); a CT does not
    answer an MRI's question."""
    return study.date is not None and any(
        o.date is not None and o.date > study.date and o.body_part == study.body_part
        and o.modality in (study.modality, "MRI") and o.verdicts == [settled]
        and any(e.attributes.get("verdict") == settled and _SETTLING_READ.matches(e.sentence or e.text)
                for e in o.evidence)
        for o in studies)


def _study_fact(r: Resolver, name: str, modalities: frozenset[str] | None, verdict: str, *,
                absent_on: str | None) -> Fact:
    parts = _target_body_parts(r)
    studies = [s for s in r.studies if (modalities is None or s.modality in modalities) and s.body_part in parts]
    hit = [s for s in studies if verdict in s.verdicts]
    if absent_on:
        hit = [s for s in hit if not _settled_later(s, studies, absent_on)]
    if hit:
        ev = [e for s in hit for e in s.evidence
              if _states(e, verdict) or (e.concept == "IMAGING" and e.section == "exam_title")]
        ev = ev or [e for s in hit for e in s.evidence if _states(e, verdict)]
        return make_fact(name, FactStatus.PRESENT, [e.model_copy(update={"assertion": "present"}) for e in ev],
                         note=f"{len(hit)} prior stud{'y' if len(hit) == 1 else 'ies'} {verdict.replace('_', ' ')}")
    if absent_on:
        settled = [s for s in studies if absent_on in s.verdicts]
        if settled:
            ev = [e for s in settled for e in s.evidence if e.attributes.get("verdict") == absent_on]
            return make_fact(name, FactStatus.ABSENT, [e.model_copy(update={"assertion": "absent"}) for e in ev],
                             note=f"prior imaging was {absent_on.replace('_', ' ')}")
    if studies:
        evidence = [e for s in studies for e in s.evidence]
        secondhand = any(e.attributes.get("superseded_by") == REPORT_UNAVAILABLE
                         or REPORT_UNAVAILABLE_CUE in e.attributes.get(CUE_ATTRIBUTE, "").split() for e in evidence)
        return make_fact(name, FactStatus.NOT_DOCUMENTED, evidence,
                         note="prior imaging known only from a read whose written report is not in the packet"
                         if secondhand else "prior imaging documented without a verdict")
    return not_documented(name, "no prior imaging of that kind documented")


@derivation("conventional_imaging_inconclusive")
def conventional_imaging_inconclusive(r: Resolver, name: str) -> Fact:
    return _study_fact(r, name, CONVENTIONAL, "inconclusive", absent_on="conclusive")


@derivation("mri_nondiagnostic")
def mri_nondiagnostic(r: Resolver, name: str) -> Fact:
    return _study_fact(r, name, MRI_OR_UNNAMED, "inconclusive", absent_on="conclusive")


@derivation("prior_imaging_indeterminate")
def prior_imaging_indeterminate(r: Resolver, name: str) -> Fact:
    return _study_fact(r, name, None, "inconclusive", absent_on="conclusive")


@derivation("prior_imaging_technically_limited")
def prior_imaging_technically_limited(r: Resolver, name: str) -> Fact:
    return _study_fact(r, name, None, "technically_limited", absent_on="technically_adequate")


@derivation("prior_imaging_nonlesional")
def prior_imaging_nonlesional(r: Resolver, name: str) -> Fact:
    """A prior MRI read as normal or as showing no lesion, with no lesion in its summary."""
    return _study_fact(r, name, MRI_OR_UNNAMED, "nonlesional", absent_on=None)


@derivation("prior_imaging_documented")
def prior_imaging_documented(r: Resolver, name: str) -> Fact:
    brain = [s for s in r.studies if s.body_part in (None, "brain")]
    if not brain:
        return not_documented(name, "no prior brain imaging described")
    ev = [e for s in brain for e in s.evidence if e.concept in STUDY_NAMES]
    return make_fact(name, FactStatus.PRESENT, ev,
                     note=f"{len(brain)} prior brain stud{'y' if len(brain) == 1 else 'ies'}")


@derivation("prior_mrs")
def prior_mrs(r: Resolver, name: str) -> Fact:
    """Present when a prior MRS is told as done; absent when one is denied ("no prior MRS", "MRS has never been
    done", a form's "Prior MRS: N", a "Prior MRS" row answered "never": cue study.prior_row_denied) or when the packet documents its prior imaging and no MRS is among it (the
    imaging history as documented); not documented when the packet names no prior study at all."""
    mrs = [s for s in r.studies if s.modality == "MRS"]
    if mrs:
        return make_fact(name, FactStatus.PRESENT, [e for s in mrs for e in s.evidence],
                         note="a prior MRS is documented")
    ctx = r.ctx
    denied: list[tuple[Mention, list[str]]] = [
        (m, []) for m in ctx.mentions("IMAGING") if m.attrs.get("modality") == "MRS" and m.has("negated")]
    denied += [(m, [_PRIOR_ROW_DENIED]) for m in ctx.mentions("IMAGING")
               if m.attrs.get("modality") == "MRS" and not m.has("negated") and prior_row_denied(ctx, m)]
    if denied:
        return make_fact(name, FactStatus.ABSENT,
                         [ctx.evidence(m, assertion=FactStatus.ABSENT, cues=cues) for m, cues in denied],
                         note="a prior MRS is denied")
    if r.studies:
        return make_fact(name, FactStatus.ABSENT, [s.evidence[0] for s in r.studies if s.evidence],
                         note=f"the documented prior imaging ({len(r.studies)} studies) includes no MRS")
    return not_documented(name, "no prior imaging documented")


def _offered_as_choice(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which the study is offered with the study named next to it in its clause as a choice
    ("MRS or PET": study.alternative_or), or, that study being the MR spectroscopy, in its place ("MRS and/or PET",
    "MRS / FET-PET", "MRS vs PET", "MRS or, failing that, PET": study.alternative_to_mrs); else None."""
    lo, hi = ctx.clause_of(m)
    others = [o for o in ctx.same_sentence(m, "IMAGING", counted=False) if lo <= o.start and o.end <= hi]
    before = max((o for o in others if o.end <= m.start), key=lambda o: o.end, default=None)
    after = min((o for o in others if o.start >= m.end), key=lambda o: o.start, default=None)
    between = [(o, ctx.text[o.end:m.start]) for o in (before,) if o is not None] + \
        [(o, ctx.text[m.end:o.start]) for o in (after,) if o is not None]
    for o, words in between:
        if _OR.matches(words):
            return _OR.id
        if o.attrs.get("modality") == "MRS" and _TO_MRS.matches(words):
            return _TO_MRS.id
    return None


def _labels_next(ctx: FactContext, m: Mention) -> bool:
    """The PET's name only labels the PET named right after it in its clause ("PET: FDG-PET discussed 11/18, not
    ordered"): that one's reading is the row's."""
    _, hi = ctx.clause_of(m)
    nxt = min((o for o in ctx.same_sentence(m, "IMAGING", counted=False) if m.end <= o.start < hi),
              key=lambda o: o.start, default=None)
    return nxt is not None and nxt.attrs.get("modality") == "PET" and _ROW_LABEL.matches(ctx.text[m.end:nxt.start])


def _in_modality_scope(ctx: FactContext, m: Mention) -> bool:
    """The mention's line names the modalities a form handles or the services that need authorization
    (study.modality_scope); also when the line opens with a list of modality names that holds the mention
    (study.modality_list_line) and reads as such a line together with the line above it, the list wrapped to a line
    of its own ("Precertification required for advanced imaging" over "(MRI, CT, PET, MRS) - call 555-0100")."""
    lo, hi = ctx.line_of(m)
    if _MODALITY_SCOPE.matches(ctx.text[lo:hi]):
        return True
    listed = _MODALITY_LIST_LINE.search(ctx.text[lo:hi])
    if lo == 0 or listed is None or lo + listed.end < m.end:
        return False
    above = ctx.text[ctx.text.rfind("\n", 0, lo - 1) + 1:lo - 1]
    return bool(above.strip()) and _MODALITY_SCOPE.matches(above.rstrip() + " " + ctx.text[lo:hi])


def _brain_pet(ctx: FactContext, m: Mention) -> bool:
    """A PET of the brain, or of a body part the packet does not state (a body PET that imaged the brain too)."""
    return m.attrs.get("modality") == "PET" and (pet_coverage(ctx, m)[0] or m.attrs.get("body_part")) in BRAIN


def _after_own_clause(ctx: FactContext, m: Mention) -> tuple[int, int] | None:
    """The clause after the mention's own (past the ";" or "|" that ends it, up to the next one) or, when its
    clause ends its sentence, the next sentence of its paragraph; None when a study is named after the mention in
    its clause, or in its sentence for the next sentence (a refusal after it would be that study's)."""
    _, hi = ctx.clause_of(m)
    after = [o.start for o in ctx.same_sentence(m, *STUDY_NAMES, counted=False) if o.start >= m.end]
    if any(start < hi for start in after):
        return None
    if hi < m.sentence_end:
        ends = [i for i in (ctx.text.find(";", hi + 1, m.sentence_end), ctx.text.find("|", hi + 1, m.sentence_end))
                if i >= 0]
        return hi + 1, min(ends, default=m.sentence_end)
    return None if after else next_sentence(ctx.text, m.sentence_end)


def _pet_asked_about(ctx: FactContext, m: Mention) -> bool:
    """The PET is named inside a question about whether it is planned, asked for or done, or a request to confirm
    that, which asserts nothing ("Reviewer comment: Is a PET planned in addition to the MRS?", "Q: PET ordered for
    the same question? ____", "Please confirm whether an amino-acid PET is planned."): the words before its name,
    from its sentence's or line's start, open a question that a "?" after the name on its line closes
    (study.pet_asked_opener; or a row opens with the name, a few plain words before its "?": study.pet_asked_row,
    study.pet_asked_row_tail), with no Yes right after the "?" ("Is a PET planned? Yes - FDG-PET 11/20" tells the
    PET: study.pet_asked_answered_yes), or ask to confirm whether (study.pet_asked_confirm, up to the sentence's
    end); and the question asks for the PET's status (study.pet_asked_status)."""
    line_lo, line_hi = ctx.line_of(m)
    before = ctx.text[max(m.sentence_start, line_lo):m.start]
    rest = ctx.text[m.end:line_hi]
    stop = min((i for i in (rest.find(c) for c in ".;!|") if i >= 0), default=len(rest))
    mark = rest.find("?", 0, stop)
    if mark >= 0 and (_ASKED_OPENER.matches(before)
                      or (_ASKED_ROW.matches(before) and _ASKED_ROW_TAIL.matches(rest[:mark]))):
        if _ASKED_YES.matches(ctx.text[m.end + mark + 1:]):
            return False  # answered yes: the question tells the PET
        return _ASKED_STATUS.matches(before + m.text + rest[:mark])
    return _ASKED_CONFIRM.matches(before) and _ASKED_STATUS.matches(before + m.text + rest[:stop])


def _in_answered_no_note(ctx: FactContext, m: Mention) -> bool:
    """The PET is named in the note after the No answer of its line's question about a study, which the NLP stage
    read as answered No (the question's own study negated): "PET done?  Y [ ]  N [X]  (amino-acid PET is not
    offered in our region)" (cue study.answered_no_note)."""
    line_lo, _ = ctx.line_of(m)
    before = ctx.text[line_lo:m.start]
    mark = before.rfind("?")
    if mark < 0 or not _ANSWERED_NO_NOTE.matches(before):
        return False
    return any(o.has("negated") and line_lo <= o.start and o.end <= line_lo + mark
               for o in ctx.mentions("IMAGING", counted=False))


def refused_after(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which a PET advised, raised or named in passing is refused right after its clause, else
    None: the clause or sentence after its own opens with a refusal without a subject of its own or by the patient
    or the team ("Radiology recommended an FDG-PET; not ordered given the wait", "... Not pursued.", "... The
    patient declined.": study.refusal_opens), or refuses it by a pronoun ("... We have not ordered it.":
    study.refused_next_clause), up to the first study named there; or the next brain PET named after it, in its
    sentence or the next, is refused ("Neurology raised amyloid PET; no PET ordered", "... PET was not requested":
    study.refused_again), unless that one is another PET ("no repeat PET ordered", "no prior PET":
    study.other_of_kind)."""
    span = _after_own_clause(ctx, m)
    named = ctx.mentions(*STUDY_NAMES, counted=False)
    if span is not None:
        lo, hi = span
        hi = min((o.start for o in named if lo <= o.start < hi), default=hi)
        for c in (_REFUSAL_OPENS, _REFUSED_NEXT):
            if c.matches(ctx.text[lo:hi]):
                return c.id
    nxt = next_sentence(ctx.text, m.sentence_end)
    reach = nxt[1] if nxt is not None else m.sentence_end
    again = next((o for o in named if m.end <= o.start < reach and o.concept == "IMAGING"
                  and o.attrs.get("modality") == "PET"), None)
    if again is None or not _brain_pet(ctx, again):
        return None
    stretch = own_stretch(ctx, again)
    if _OTHER_OF_KIND.matches(stretch) and not _OTHER_OF_KIND.matches(own_stretch(ctx, m)):
        return None  # "No repeat PET ordered": another PET
    if again.has("negated"):
        refused = _REFUSED_AGAIN.matches(stretch)
    else:
        refused = _NOT_REQUESTED.matches(own_stretch_after(ctx, again)) or _NOT_DONE.matches(stretch)
    return _REFUSED_AGAIN.id if refused else None


@derivation("pet_same_workup")
def pet_same_workup(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence = [ctx.evidence(m, assertion=FactStatus.PRESENT, cues=[_PET_CODES.id])
                for m in requested_code_mentions(ctx) if code_of(m) in _PET_CODES]
    # PET named as an alternative not done ("PET not covered; MRS instead"), or not asked for now: negated, made
    # conditional or left for later by the words after it ("repeat PET is not planned", "PET only if the biopsy
    # shows metastasis", "PET may be ordered later")
    alternatives: dict[int, str] = {}
    silent: set[int] = set()  # PETs named without being told: a form's scope, a question about one
    for m in ctx.mentions("IMAGING"):
        if m.has("negated") or not _brain_pet(ctx, m):
            continue  # a body PET (staging) is not a PET for the brain question, unless brain views were part of it
        if cancelled_order(ctx, m):
            alternatives[m.start] = _CANCELLED.id  # "PET order discontinued": neither done nor asked for
            continue
        if _in_modality_scope(ctx, m):
            silent.add(m.start)  # "IMAGING PRECERTIFICATION (MR / CT / PET)": the form's scope names no PET
            continue
        if _pet_asked_about(ctx, m):
            silent.add(m.start)  # "Reviewer: is a PET planned as well?": the question asserts no PET
            continue
        if _labels_next(ctx, m):
            alternatives[m.start] = _ROW_LABEL.id  # "PET: FDG-PET ...": the labelled PET decides
            continue
        if _in_answered_no_note(ctx, m):
            alternatives[m.start] = _ANSWERED_NO_NOTE.id  # "PET done?  Y [ ]  N [X]  (FET-PET needs travel)"
            continue
        after = own_stretch_after(ctx, m)
        if _CANCELLED.matches(after) and _RENEWED.matches(after):
            # "FDG-PET cancelled by the plan, resubmitted 11/20": the order placed again is asked for
            evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT, cues=[_RENEWED.id]))
            continue
        reason = only_discussed(ctx, m)
        if reason == DISCUSSED_REFUSED and _NOT_DONE.matches(own_stretch(ctx, m)):
            reason = _NOT_DONE.id  # "discussed with the family but not ordered": an alternative not done
        reason = reason or \
            next((c.id for c, text in ((_NOT_DONE, own_stretch(ctx, m)), (_NOT_REQUESTED, after),
                                       (_CONDITIONAL, after)) if c.matches(text)), None) or refused_after(ctx, m)
        if reason is not None:
            alternatives[m.start] = reason
            continue
        cues = requested_study_cues(ctx, m)
        choice = _offered_as_choice(ctx, m) if cues is not None else None
        if choice is not None:
            # "Recommend MRS or FET PET", "MRS and/or FET-PET", "MRS / FDG-PET": one or the other, not both
            alternatives[m.start] = choice
            continue
        if cues is None and discussed_then_ordered(ctx, m):
            cues = [_REQUESTED.id]  # "FDG-PET discussed on 11/18, ordered for 11/25": the date is the talk's
        if cues is None and _ORDER_STATUS.matches(after) and not _DONE.matches(after) \
                and not is_cited_study(r, m):
            # an order row's status ("FDG PET brain - Signed 11/18", "PET ordered 11/18, pending"): the date is the
            # order's, and the PET is asked for, not a result
            cues = [_ORDER_STATUS.id]
        if cues is None and mention_status(m) is FactStatus.PRESENT and (
                _RECENT_WINDOW.matches(after) or _RECENT_WINDOW.matches(joined_items_after(ctx, m))):
            # "PET in the last 90 days?  Y / N  -> Y": done within the window; also when the row asks of the PET
            # and another study together ("PET or MRS in the last 90 days? yes / no")
            cues = [_RECENT_WINDOW.id] + ([] if _RECENT_WINDOW.matches(after) else [_JOINED_ITEM.id])
        if cues is not None:
            evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT, cues=cues))
    for m in ctx.ignored("IMAGING"):
        # "PET ordered 11/02, pending": the pending order ConText reads as hypothetical is a PET asked for; not one
        # deferred, held or left for later ("FDG-PET deferred pending the MRS result": the PET waits on the MRS)
        if m.attrs.get("modality") != "PET" or (pet_coverage(ctx, m)[0] or m.attrs.get("body_part")) not in BRAIN \
                or m.modifiers != ["hypothetical"] \
                or set(m.modifier_rules) != {"hyp.backward"} or ctx.supersession_of(m) is not None \
                or m.section == "family_history":
            continue
        after = own_stretch_after(ctx, m)
        if _PENDING.matches(after) and not cancelled_order(ctx, m) and not _NOT_DONE.matches(own_stretch(ctx, m)) \
                and not any(c.matches(after) for c in (_NOT_DONE, _NOT_REQUESTED, _CONDITIONAL)) \
                and refused_after(ctx, m) is None and not _pet_asked_about(ctx, m):
            evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT, cues=[_PENDING.id]))
    if ctx.reference_date is not None:
        for s in r.studies:
            if s.modality == "PET" and s.body_part in (None, "brain") and s.date and \
                    0 <= (ctx.reference_date - date.fromisoformat(s.date)).days <= PET_WINDOW_DAYS:
                evidence.extend(e.model_copy(update={"assertion": "present"}) for e in s.evidence)
    if evidence:
        return make_fact(name, FactStatus.PRESENT, evidence,
                         note=f"PET requested with the MRS or done within {PET_WINDOW_DAYS} days")
    pets = [m for m in ctx.mentions("IMAGING") if m.attrs.get("modality") == "PET" and m.start not in silent]
    if pets:
        return make_fact(name, FactStatus.ABSENT, [ctx.evidence(m, assertion=FactStatus.ABSENT,
                                                             cues=[alternatives[m.start]] if m.start in alternatives else [])
                                                for m in pets],
                         note=f"PET mentioned, but not requested and not done within {PET_WINDOW_DAYS} days")
    return not_documented(name, "no PET for the same question")


def is_cited_study(r: Resolver, m: Mention) -> bool:
    """The mention is evidence of a prior study the packet cites (a study done, not an order)."""
    return any(e.start == m.start for s in r.studies for e in s.evidence)


def latest_study_date(r: Resolver) -> date | None:
    dates = [date.fromisoformat(s.date) for s in r.studies if s.date and s.modality in ADVANCED]
    if r.ctx.reference_date is not None:
        dates = [d for d in dates if d <= r.ctx.reference_date]
    return max(dates, default=None)


def _prior_study_just_before(ctx: FactContext, m: Mention) -> bool:
    """The sentence just before the mention's names a prior study (not the requested one)."""
    return any(not is_requested_study(ctx, o) and o.sentence_end <= m.sentence_start
               and not ctx.text[o.sentence_end:m.sentence_start].strip()
               for o in ctx.mentions("IMAGING"))


def _since_link(ctx: FactContext, m: Mention) -> str | None:
    """A since-cue in the treatment's clause whose object is a prior study ("started bevacizumab after the 09/22
    MRS", "Since the MRI, ..."), not something else ("on observation since completing nivolumab"), and that is the
    treatment's: a read or lesion after a comma between the treatment and a later cue gives the cue another subject
    ("s/p GTR + TMZ, with a nodule still indeterminate after MRI"). "after" when the cue follows the treatment (the
    treatment is its subject), "before" when the cue and its study come before the treatment, else None."""
    lo, hi = ctx.clause_of(m)
    text = ctx.text
    studies = [o for o in ctx.same_sentence(m, "IMAGING") if lo <= o.start and o.end <= hi
               and not is_requested_study(ctx, o)]
    if not studies:
        return None
    treatments = [t.start for t in ctx.same_sentence(m, *TREATMENTS, counted=False)]
    claims = ctx.same_sentence(m, *CLAIMS_BETWEEN, counted=False)
    for hit in _SINCE.regex.finditer(text, lo, hi):
        cue_start, cue_end = hit.start(), hit.end()
        study = min((o for o in studies if o.start >= cue_end), key=lambda o: o.start, default=None)
        if study is None or not _SINCE_OBJECT.matches(text[cue_end:study.start]) or \
                any(cue_end <= t < study.start for t in treatments):
            continue
        if study.end <= m.start:
            return "before"
        if cue_start >= m.end:
            comma = text.find(",", m.end, cue_start)
            if comma < 0 or not any(comma < c.start < cue_start for c in claims):
                return "after"
    return None


def _nothing_since(ctx: FactContext, treatments: list[Mention]) -> set[int]:
    """The sentences (by start) that state no treatment since a prior study in so many words, the statement's own
    since-cue following it ("He has had no treatment since the October scan - ...")."""
    return {m.sentence_start for m in treatments
            if mention_status(m) is FactStatus.ABSENT and not m.has("hypothetical") and _since_link(ctx, m) == "after"}


def _finding_dates(ctx: FactContext, m: Mention) -> list[tuple[int, int]]:
    """The rest of the treatment's clause after a spaced dash that opens a new finding (a read or a lesion after
    the dash: "... adjuvant TMZ x6 - new enhancing nodule 10/2026"): its dates are the finding's."""
    lo, hi = ctx.clause_of(m)
    dash = _NEW_FINDING_DASH.regex.search(ctx.text, m.end, hi)
    if dash is None:
        return []
    claims = [c for c in ctx.same_sentence(m, *CLAIMS_BETWEEN, counted=False) if dash.end() <= c.start < hi]
    return [(dash.start(), hi)] if claims else []


def _stretch(ctx: FactContext, treatments: list[Mention], k: int) -> tuple[int, int]:
    """The k-th treatment's own stretch: its clause, cut at the treatments named next to it."""
    m = treatments[k]
    lo, hi = ctx.clause_of(m)
    if k and treatments[k - 1].end <= m.start:
        lo = max(lo, treatments[k - 1].end)
    if k + 1 < len(treatments) and treatments[k + 1].start >= m.end:
        hi = min(hi, treatments[k + 1].start)
    return lo, hi


def _not_given_since(ctx: FactContext, treatments: list[Mention], k: int, last: date | None,
                     nothing_since: str | None, named: list[Mention]) -> str | None:
    """For a drug the patient is only said to be "on" (a state: "B cells 0 (depleted, on ocrelizumab)"), the id of
    the cue by which the packet says it was not given since the latest prior study: nothing has been given since
    (`nothing_since`), the same drug or a dose of it is held, paused, stopped or declined ("the 10/2026 infusion was
    held", "natalizumab on hold since August"), or its last dose came before the study ("last infusion 04/2026");
    None when the packet says neither (the state keeps its reading). `named`: every treatment mention, also those
    that count for no fact (a hold pending something is hypothetical too)."""
    m = treatments[k]
    lo, hi = _stretch(ctx, treatments, k)
    before = ctx.text[lo:m.start]
    if not _ON_STATE.matches(before) or _GIVEN_NEWLY.matches(before):
        return None
    if nothing_since is not None:
        return nothing_since
    drug = m.text.lower()
    for j, o in enumerate(named):
        if o.start == m.start or (o.has("hypothetical") and not o.has("negated")) or \
                o.section == "family_history" or (o.text.lower() != drug and not _ADMINISTRATION.matches(o.text)):
            continue  # (a hold pending something is still a hold: "infusion deferred pending the MRS")
        olo, ohi = _stretch(ctx, named, j)
        if j + 1 < len(named) and _ADMINISTRATION.matches(named[j + 1].text):
            ohi = max(ohi, _stretch(ctx, named, j + 1)[1])  # "Ocrelizumab infusions deferred": the drug's dose
        stretch = ctx.text[olo:ohi]
        if _HELD.matches(stretch):
            return _HELD.id
        when = ctx.date_of(o)
        if last is not None and when is not None and when < last and _LAST_GIVEN.matches(stretch):
            return _LAST_GIVEN.id
    return None


@derivation("treatment_since_imaging")
def treatment_since_imaging(r: Resolver, name: str) -> Fact:
    """A treatment given after the latest prior study: dated after it, linked to a prior study (not the requested
    one) by a since-cue in its clause, or a tumor treatment or steroid the patient is still on. Planned treatments
    (hypothetical), held, deferred or declined ones (negated) and ones stopped in their own stretch are not given
    since; one dated before the study is history; a drug the patient is only said to be "on" is a state, not a dose
    given since, where the packet says it is held, was last given before the study or that nothing was given since
    (`_not_given_since`)."""
    ctx = r.ctx
    last = latest_study_date(r)
    evidence: list[Evidence] = []
    negated: list[Evidence] = []
    treatments = ctx.mentions(*TREATMENTS)
    studied = any(s.body_part in BRAIN for s in r.studies)
    governed = _nothing_since(ctx, treatments)
    named = ctx.mentions(*TREATMENTS, counted=False)
    nothing_since = _NOTHING_GIVEN.id if _NOTHING_GIVEN.matches(ctx.text) else \
        next((_SINCE.id for _ in governed), None)
    for k, m in enumerate(treatments):
        if m.has("hypothetical"):
            continue
        sentence = ctx.sentence_text(m)
        link = _since_link(ctx, m)
        since = [_SINCE.id] if link else []
        if not since and m.attrs.get("assertion") == "absent" and _SINCE_THEN.matches(sentence) \
                and _prior_study_just_before(ctx, m):
            since = [_SINCE_THEN.id]
        when = ctx.date_of(m, skip=_finding_dates(ctx, m))
        if last is not None and when is not None and when < last:
            continue  # "s/p chemoradiation 2024" beside a 2026 study: history before it
        dated_after = last is not None and when is not None and when > last
        lo, hi = _stretch(ctx, treatments, k)
        if not (since or dated_after) and when is None and studied and m.concept in ONGOING_TREATMENTS \
                and not m.has("historical") and _ONGOING.matches(ctx.text[lo:hi]):
            since = [_ONGOING.id]  # "continues adjuvant TMZ": on it now, so given after the prior study
        if not (since or dated_after):
            continue
        state = None if link is not None or mention_status(m) is FactStatus.ABSENT else \
            _not_given_since(ctx, treatments, k, last, nothing_since, named)
        if state is not None:  # "(depleted, on ocrelizumab)" beside "the 10/2026 infusion was held": a state
            negated.append(ctx.evidence(m, assertion=FactStatus.ABSENT, cues=[*since, _ON_STATE.id, state]))
            continue
        if m.sentence_start in governed and link != "after" and not dated_after \
                and mention_status(m) is not FactStatus.ABSENT and not _GIVEN_NEWLY.matches(ctx.text[lo:hi]):
            continue  # "no treatment since the October scan - his levetiracetam is unchanged": the statement governs
        if mention_status(m) is FactStatus.ABSENT:
            negated.append(ctx.evidence(m, assertion=FactStatus.ABSENT, cues=since))
        elif _STOPPED.matches(ctx.text[lo:hi]):
            negated.append(ctx.evidence(m, assertion=FactStatus.ABSENT, cues=[*since, _STOPPED.id]))
        else:
            evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT, cues=since))
    if evidence:
        return make_fact(name, FactStatus.PRESENT, evidence, note="treatment after the latest prior imaging")
    if negated:
        return make_fact(name, FactStatus.ABSENT, negated, note="no treatment since the latest prior imaging")
    return not_documented(name, "no treatment documented after the latest prior imaging")
