"""Assemble prior imaging studies (modality, date, verdicts) from reports and from notes that cite them.

A radiology report is a run of report sections (exam title, indication, comparison, technique, findings,
impression) opened by an exam title naming a modality; its verdict comes from its findings and impression.
Outside reports, a sentence that mentions a modality with a date, a verdict or a past-tense cue is a study
citation ("MRI brain 10/02/2026 showed an indeterminate lesion"). Requests ("MRS is requested") are not studies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..contracts import Evidence, ImagingStudy, Mention
from .context import FactContext, within
from .dates import parse_date

REPORT_SECTIONS = frozenset({"exam_title", "indication", "comparison", "technique", "findings", "impression"})
VERDICT_SECTIONS = frozenset({"findings", "impression"})
CONVENTIONAL = frozenset({"MRI", "CT", "unspecified"})
# Clinical findings whose hedging in an impression means the study did not settle the question.
HEDGED_FINDINGS = ("GLIOMA", "BRAIN_METASTASIS", "CNS_LYMPHOMA", "BRAIN_TUMOR", "BRAIN_LESION", "RECURRENCE",
                   "TREATMENT_EFFECT", "BRAIN_INFECTION", "DEMYELINATION", "MULTIPLE_SCLEROSIS", "NONTUMOR_DX",
                   "LEUKODYSTROPHY", "INBORN_ERROR", "MITOCHONDRIAL", "TUMOR_GRADE", "ENCEPHALOPATHY")
# Findings that are diagnoses: stated plainly (or plainly negated) in an impression, they settle the question.
_DIAGNOSES = frozenset(HEDGED_FINDINGS) - {"BRAIN_LESION", "TUMOR_GRADE", "NONTUMOR_DX"}
_PAST_CUE = re.compile(
    r"\b(showed|shows|demonstrat\w*|reveal\w*|was|were|performed|done|obtained|noted|dated|prior|previous|"
    r"recent|last|on|from|compared|comparison|report\w*|read|interpreted|found|identified|seen)\b", re.I)
# Cues strong enough to make a sentence about a study already done even when it also mentions a request.
_DONE_CUE = re.compile(
    r"\b(showed|shows|demonstrat\w*|reveal\w*|performed|done|obtained|dated|prior|previous|compared|"
    r"was (read|interpreted|reported))\b", re.I)
_REQUEST_CUE = re.compile(
    r"\b(request\w*|order\w*|schedul\w*|authoriz\w*|recommend\w*|plan\w*|will obtain|to obtain|would like|"
    r"propose\w*|pending approval|pre-?cert\w*|precertification)\b", re.I)


@dataclass
class _Draft:
    modality: str
    body_part: str | None = None
    date: date | None = None
    verdicts: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    anchor: int = 0

    def study(self) -> ImagingStudy:
        return ImagingStudy(
            modality=self.modality,
            body_part=self.body_part,
            date=self.date.isoformat() if self.date else None,
            verdicts=sorted(self.verdicts),
            evidence=sorted(self.evidence, key=lambda e: e.start),
        )


def _modality(m: Mention) -> str:
    return m.attrs.get("modality", "unspecified")


def _body_part(ctx: FactContext, m: Mention) -> str | None:
    if m.attrs.get("body_part"):
        return m.attrs["body_part"]  # the rule named the study's target ("CT chest", "MRI C-spine")
    sentence = ctx.sentence_text(m).lower()
    if re.search(r"\b(brain|head|cranial|intracranial|cerebr\w*)\b", sentence):
        return "brain"
    if re.search(r"\b(spine|lumbar|cervical spine|thoracic spine|disc)\b", sentence):
        return "spine"
    return None


def _verdict_cues(ctx: FactContext, mentions: list[Mention], *, in_report: bool) -> tuple[set[str], list[Evidence]]:
    verdicts: set[str] = set()
    evidence: list[Evidence] = []
    for m in mentions:
        if m.has("hypothetical") or m.has("family"):
            continue
        if m.concept == "TECHNICAL_LIMITATION" and (m.has("negated") or m.attrs.get("assertion") == "absent"):
            verdicts.add("technically_adequate")  # "no motion artifact", "not limited by motion"
            evidence.append(ctx.evidence(m, attributes={"verdict": "technically_adequate"}))
            continue
        if m.has("negated") and m.concept not in _DIAGNOSES:
            continue  # "no equivocal findings" is not a verdict either way
        if m.concept == "IMAGING_INCONCLUSIVE":
            verdict = "inconclusive"
        elif m.concept == "IMAGING_CONCLUSIVE":
            verdict = "conclusive"
        elif m.concept == "TECHNICAL_LIMITATION":
            verdict = "technically_limited"
        elif m.concept in HEDGED_FINDINGS and (not in_report or m.section == "impression"):
            if m.has("uncertain"):
                verdict = "inconclusive"
            elif m.concept in _DIAGNOSES:
                verdict = "conclusive"  # "No evidence of recurrent tumor.", "Recurrent glioblastoma."
            else:
                continue  # a lesion described without a diagnosis says nothing about characterisation
        else:
            continue
        verdicts.add(verdict)
        evidence.append(ctx.evidence(m, attributes={"verdict": verdict}))
    return verdicts, evidence


def _report_drafts(ctx: FactContext) -> tuple[list[_Draft], set[int]]:
    """Drafts for radiology reports, and the offsets of the IMAGING mentions they consumed.

    A report is a run of report sections that includes findings or an impression. Its modality and date come
    from its exam title, or else from the text just before the run (a title the sectionizer did not know).
    """
    drafts: list[_Draft] = []
    used: set[int] = set()
    sections = ctx.nlp.sections
    all_imaging = ctx.mentions("IMAGING")
    all_body = sorted(ctx.nlp.mentions, key=lambda m: (m.start, m.end))
    dobs = [(b.start, b.end) for b in ctx.mentions("DOB", counted=False)]
    all_dates = [d for d in ctx.mentions("DATE", counted=False)
                 if d.attrs.get("precision") not in {"relative", "month_day", "year"}
                 and not any(s <= d.start < e for s, e in dobs)]  # a DOB sits in report headers too
    i = 0
    while i < len(sections):
        if sections[i].category not in REPORT_SECTIONS:
            i += 1
            continue
        j = i
        while j + 1 < len(sections) and sections[j + 1].category in REPORT_SECTIONS:
            j += 1
        run = sections[i:j + 1]
        i = j + 1
        if not any(s.category in VERDICT_SECTIONS for s in run):
            continue  # a title without findings or an impression (e.g. the service line of a request form)
        start, end = run[0].start, run[-1].end
        titles = [s for s in run if s.category == "exam_title"]
        head_zone = titles or [run[0]]
        lead_in = max(0, start - 300)
        imaging = [m for m in within(all_imaging, lead_in, end) if _modality(m) != "unspecified"
                   and (any(t.start <= m.start < t.end for t in titles)
                        or ((m.start in range(lead_in, start) or any(t.start <= m.start < t.end for t in head_zone))
                            and not _is_request(ctx, m)))]
        if not imaging:
            continue
        head = min(imaging, key=lambda m: (not any(t.start <= m.start < t.end for t in titles), m.start))
        draft = _Draft(modality=_modality(head), anchor=head.start, body_part=_body_part(ctx, head))
        draft.evidence.append(ctx.evidence(head))
        dates = within(all_dates, lead_in, end)
        # the report's own title lines first; else the date nearest before the report (an unrecognised title)
        in_title = [d for d in dates if any(t.start <= d.start < t.end for t in head_zone)]
        lead = sorted((d for d in dates if lead_in <= d.start < start), key=lambda d: -d.start)
        for d in in_title + lead:
            parsed = parse_date(d.text, reference=ctx.reference_date)
            if parsed is not None:
                draft.date = parsed
                draft.evidence.append(ctx.evidence(d))
                break
        body = [m for m in within(all_body, start, end)
                if m.section in VERDICT_SECTIONS or m.concept == "TECHNICAL_LIMITATION"]
        verdicts, evidence = _verdict_cues(ctx, body, in_report=True)
        draft.verdicts |= verdicts
        draft.evidence.extend(evidence)
        drafts.append(draft)
        used.update(m.start for m in imaging if m.start >= lead_in)
        used.update(m.start for m in within(all_imaging, start, end) if m.section != "comparison")
    return drafts, used


def is_requested_study(ctx: FactContext, m: Mention) -> bool:
    """The mention names a study being requested now, not one already done (no date, no done-cue)."""
    sentence = ctx.sentence_text(m)
    if ctx.date_of(m) is not None or _DONE_CUE.search(sentence):
        return False
    return m.section == "request" or bool(_REQUEST_CUE.search(sentence))


def _is_request(ctx: FactContext, m: Mention) -> bool:
    sentence = ctx.sentence_text(m)
    if m.section == "request" and ctx.date_of(m) is None and not _DONE_CUE.search(sentence):
        return True
    if _modality(m) == "MRS" and any(_is_mrs_code(c) for c in ctx.same_sentence(m, "CPT_CODE", counted=False)):
        return True
    if any(o.concept == "MRS_REQUEST" for o in ctx.same_sentence(m, "MRS_REQUEST", counted=False)):
        return _modality(m) in {"MRS", "unspecified"}
    return bool(_REQUEST_CUE.search(sentence)) and not _DONE_CUE.search(sentence)


def _is_mrs_code(m: Mention) -> bool:
    return m.attrs.get("code") == "76390" or m.text.strip() == "76390"


def _citation_drafts(ctx: FactContext, used: set[int]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for m in ctx.mentions("IMAGING"):
        if m.start in used or m.has("hypothetical") or _is_request(ctx, m):
            continue
        if m.section in VERDICT_SECTIONS and _modality(m) == "unspecified":
            continue  # "imaging" inside a report body refers to the report itself
        when = ctx.date_of(m)
        sentence = ctx.sentence_text(m)
        if _modality(m) == "MRS" and when is None and not _DONE_CUE.search(sentence):
            continue  # the MRS being requested, not a prior one
        cues = ctx.same_sentence(m, "IMAGING_INCONCLUSIVE", "IMAGING_CONCLUSIVE", "TECHNICAL_LIMITATION",
                                 *HEDGED_FINDINGS)
        verdicts, evidence = _verdict_cues(ctx, cues, in_report=False)
        if when is None and not verdicts and not _PAST_CUE.search(sentence):
            continue
        if _modality(m) == "unspecified" and not verdicts:
            continue  # the bare word "imaging" is a study only when the text says what it showed
        draft = _Draft(modality=_modality(m), date=when, verdicts=verdicts, anchor=m.start,
                       body_part=_body_part(ctx, m))
        draft.evidence.append(ctx.evidence(m))
        draft.evidence.extend(evidence)
        drafts.append(draft)
    return drafts


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One study per modality and date; undated citations join the latest dated study of their modality."""
    merged: dict[tuple[str, date | None], _Draft] = {}
    for d in sorted(drafts, key=lambda d: (d.date is None, d.anchor)):
        key = (d.modality, d.date)
        if d.date is None:
            same = [k for k in merged if k[0] == d.modality and k[1] is not None]
            if d.modality == "unspecified" and not same:
                same = [k for k in merged if k[0] in {"MRI", "CT"} and k[1] is not None]
            if same:
                key = max(same, key=lambda k: k[1] or date.min)
        target = merged.get(key)
        if target is None:
            merged[key] = d
            continue
        target.verdicts |= d.verdicts
        target.evidence.extend(d.evidence)
        target.body_part = target.body_part or d.body_part
    return sorted(merged.values(), key=lambda d: (d.date or date.min, d.modality))


def build_studies(ctx: FactContext) -> list[ImagingStudy]:
    reports, used = _report_drafts(ctx)
    drafts = reports + _citation_drafts(ctx, used)
    return [d.study() for d in _merge(drafts)]
