"""Derived facts: each is a named function registered here and referenced from facts.yaml by name."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Protocol

from ..contracts import Evidence, Fact, FactStatus, ImagingStudy, Mention
from .context import FactContext, best_status, cap_evidence, is_ignored, mention_status
from .dates import parse_age_days, parse_date
from .imaging import is_requested_study


class Resolver(Protocol):
    """What a derivation may ask for besides the text: other facts and the imaging studies."""

    ctx: FactContext
    studies: list[ImagingStudy]

    def fact(self, name: str) -> Fact: ...


Derivation = Callable[[Resolver, str], Fact]
DERIVATIONS: dict[str, Derivation] = {}

NEOPLASM = ("GLIOMA", "BRAIN_METASTASIS", "CNS_LYMPHOMA", "BRAIN_TUMOR")
NONTUMOR = ("BRAIN_INFECTION", "DEMYELINATION", "MULTIPLE_SCLEROSIS", "NONTUMOR_DX")
TREATMENTS = ("PRIOR_RADIATION", "PRIOR_RESECTION", "PRIOR_CHEMOTHERAPY", "STEROIDS", "TREATMENT", "BIOPSY")
ADVANCED = frozenset({"MRI", "CT", "PET", "MRS"})
_RELATIVE_WORDS = re.compile(r"^\W*(mother|father|mom|dad|sister|brother|parent|aunt|uncle|grand\w*|sibling|"
                             r"cousin|wife|husband|spouse|son|daughter)\b", re.I)
_SINCE = re.compile(r"\b(since|after|following|subsequent to|status post|s/p)\b", re.I)
_RECENT_STENT = re.compile(r"\b(recent(ly)?|new(ly)?|last week|this month|(\d+|one|two|three|four|five|six)\s*"
                           r"(days?|d|weeks?|wks?)\s*ago)\b", re.I)
_DISC_CODES = {"0609T", "0610T", "0611T", "0612T"}
_PET_CODES = re.compile(r"^(7860[89]|7881[1-6])$")


def derivation(name: str) -> Callable[[Derivation], Derivation]:
    def register(fn: Derivation) -> Derivation:
        DERIVATIONS[name] = fn
        return fn

    return register


def _fact(name: str, status: FactStatus, evidence: list[Evidence], *, note: str,
          value: str | int | float | list[str] | None = None, attributes: dict[str, list[str]] | None = None, ignored: list[Evidence] | None = None) -> Fact:
    return Fact(name=name, status=status, evidence=cap_evidence(evidence), note=note, value=value,
                attributes=attributes or {}, ignored=cap_evidence(ignored or []))


def _none(name: str, note: str) -> Fact:
    return Fact(name=name, status=FactStatus.NOT_DOCUMENTED, note=note)


def _present_if(ctx: FactContext, name: str, mentions: list[Mention], *, note: str, otherwise: str) -> Fact:
    """Present with these mentions as evidence, or not documented when there are none."""
    if not mentions:
        return _none(name, otherwise)
    return _fact(name, FactStatus.PRESENT, [ctx.evidence(m, assertion=FactStatus.PRESENT) for m in mentions],
                 note=note)


def _hedged(m: Mention) -> bool:
    return m.has("uncertain")


def _differential_cue(ctx: FactContext, m: Mention) -> bool:
    """The sentence weighs alternatives ("versus", "differential", "cannot distinguish")."""
    cues = ctx.same_sentence(m, "IMAGING_INCONCLUSIVE", counted=False)
    return any(c.text.lower().startswith(("vs", "versus", "differential", "ddx", "cannot", "unable", "indisting",
                                          "considerations")) for c in cues)


# ---------------------------------------------------------------- patient and request
@derivation("patient_age")
def patient_age(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    for dob in ctx.mentions("DOB"):
        born = parse_date(dob.text)
        if born is not None and ctx.reference_date is not None and born <= ctx.reference_date:
            days = (ctx.reference_date - born).days
            return _fact(name, FactStatus.PRESENT, [ctx.evidence(dob)], value=round(days / 365.25, 3),
                         attributes={"days": [str(days)]}, note="date of birth and request date")
    for m in ctx.mentions("AGE"):
        if _RELATIVE_WORDS.search(ctx.text[m.end:m.end + 20]):
            continue  # "born to a 28 year old mother"
        stated = parse_age_days(m.text)
        if stated is not None:
            return _fact(name, FactStatus.PRESENT, [ctx.evidence(m)], value=round(stated / 365.25, 3),
                         attributes={"days": [str(stated)]}, note="stated age")
    return _none(name, "no age or date of birth")


@derivation("neonate")
def neonate(r: Resolver, name: str) -> Fact:
    age = r.fact("patient_age")
    if age.status is FactStatus.PRESENT and age.attributes.get("days"):
        days = int(age.attributes["days"][0])
        status = FactStatus.PRESENT if days <= 28 else FactStatus.ABSENT
        return _fact(name, status, list(age.evidence), note=f"age {days} days (neonate: 28 days or younger)")
    words = r.ctx.mentions("NEONATE")
    if words:
        statuses = [mention_status(m) for m in words]
        return _fact(name, best_status(statuses), [r.ctx.evidence(m, assertion=s) for m, s in zip(words, statuses, strict=False)],
                     note="described as a newborn (age not documented)")
    return _none(name, "age not documented")


def _requested_code_mentions(ctx: FactContext) -> list[Mention]:
    out = []
    for m in ctx.mentions("CPT_CODE"):
        if m.section in {"comparison", "findings", "impression", "technique"}:
            continue
        out.append(m)
    return out


@derivation("requested_cpt_codes")
def requested_cpt_codes(r: Resolver, name: str) -> Fact:
    mentions = _requested_code_mentions(r.ctx)
    codes = sorted({_code(m) for m in mentions})
    if not codes:
        return _none(name, "no CPT code on the request")
    return _fact(name, FactStatus.PRESENT, [r.ctx.evidence(m) for m in mentions], value=codes, note="CPT codes")


def _code(m: Mention) -> str:
    return m.attrs.get("code") or m.text.strip().upper()


@derivation("diagnosis_codes")
def diagnosis_codes(r: Resolver, name: str) -> Fact:
    mentions = r.ctx.mentions("ICD10_CODE")
    codes = sorted({m.text.strip().upper() for m in mentions})
    if not codes:
        return _none(name, "no ICD-10 code")
    return _fact(name, FactStatus.PRESENT, [r.ctx.evidence(m) for m in mentions], value=codes, note="ICD-10 codes")


@derivation("mrs_requested")
def mrs_requested(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    found = [m for m in ctx.mentions("CPT_CODE") if _code(m) == "76390"]
    found += [m for m in ctx.mentions("MRS_REQUEST") if not m.has("negated")]
    # an MRS named on the request or in the plan that is not a prior study ("1. MR spectroscopy with the
    # navigation MRI") is the one requested, even where OCR garbled the code
    prior = {e.start for s in r.studies if s.modality == "MRS" for e in s.evidence}
    found += [m for m in ctx.mentions("IMAGING") if m.attrs.get("modality") == "MRS" and m.start not in prior
              and m.section in {"request", "assessment_plan", "indication", "chief_complaint"}
              and not m.has("negated")]
    return _present_if(ctx, name, found, note="MR spectroscopy requested",
                       otherwise="no MRS request or CPT 76390 found")


@derivation("spine_indication")
def spine_indication(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence = [ctx.evidence(m, assertion=FactStatus.PRESENT) for m in _requested_code_mentions(ctx)
                if _code(m) in _DISC_CODES]
    statuses = [FactStatus.PRESENT] * len(evidence)
    for m in ctx.mentions("SPINE"):
        prior_study_here = any(i.attrs.get("modality") not in {"MRS", None}
                               for i in ctx.same_sentence(m, "IMAGING")) and not ctx.is_mrs_sentence(m)
        if prior_study_here:
            continue  # "MRI brain/C-spine 08/26/2026": where earlier imaging was done, not the MRS target
        if ctx.in_request_context(m) or "discogenic" in m.text.lower():
            s = mention_status(m)
            statuses.append(s)
            evidence.append(ctx.evidence(m, assertion=s))
    if not statuses:
        return _none(name, "no spine target on the request")
    return _fact(name, best_status(statuses), evidence, note="spine or disc named as the MRS target")


# ---------------------------------------------------------------- tumor questions
@derivation("known_brain_tumor")
def known_brain_tumor(r: Resolver, name: str) -> Fact:
    tumor, lesion = r.fact("brain_neoplasm"), r.fact("brain_lesion")
    if tumor.status is FactStatus.PRESENT:
        return _fact(name, FactStatus.PRESENT, list(tumor.evidence), note="a brain neoplasm is documented")
    if lesion.status is FactStatus.PRESENT and tumor.status is FactStatus.SUSPECTED:
        return _fact(name, FactStatus.PRESENT, list(lesion.evidence) + list(tumor.evidence),
                     note="a documented brain mass whose neoplastic nature is suspected")
    if tumor.status is FactStatus.SUSPECTED:
        return _fact(name, FactStatus.SUSPECTED, list(tumor.evidence), note="neoplasm suspected, no mass documented")
    if tumor.status is FactStatus.ABSENT:
        return _fact(name, FactStatus.ABSENT, list(tumor.evidence), note="a brain neoplasm is negated")
    return _none(name, "no brain tumor documented")


@derivation("grading_question")
def grading_question(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence = [ctx.evidence(m, assertion=FactStatus.PRESENT) for m in ctx.mentions("PURPOSE")
                if m.attrs.get("purpose") == "grading" and ctx.in_request_context(m)]
    for m in ctx.mentions("TUMOR_GRADE"):
        grades = {o.attrs.get("grade") for o in ctx.same_sentence(m, "TUMOR_GRADE")}
        if _hedged(m) or (grades - {m.attrs.get("grade")}):
            evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT))
    if evidence:
        return _fact(name, FactStatus.PRESENT, evidence, note="tumor grade is the question")
    return _none(name, "no grading question")


@derivation("recurrence_vs_treatment_effect")
def recurrence_vs_treatment_effect(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence: list[Evidence] = []
    for effect in ctx.mentions("TREATMENT_EFFECT"):
        if effect.has("negated"):
            continue
        rivals = [m for m in ctx.same_sentence(effect, "RECURRENCE", *NEOPLASM) if not m.has("negated")]
        if rivals and (_hedged(effect) or any(_hedged(m) for m in rivals) or _differential_cue(ctx, effect)):
            evidence.append(ctx.evidence(effect, assertion=FactStatus.PRESENT))
            evidence.extend(ctx.evidence(m, assertion=FactStatus.PRESENT) for m in rivals)
    if evidence:
        return _fact(name, FactStatus.PRESENT, evidence, note="recurrence weighed against treatment effect in one sentence")
    rec, eff = r.fact("recurrent_or_residual_tumor"), r.fact("treatment_effect")
    live = {FactStatus.PRESENT, FactStatus.SUSPECTED}
    if rec.status in live and eff.status in live and FactStatus.SUSPECTED in {rec.status, eff.status}:
        return _fact(name, FactStatus.PRESENT, list(rec.evidence) + list(eff.evidence),
                     note="recurrence and treatment effect both raised, at least one hedged")
    if rec.status is FactStatus.PRESENT and eff.status in {FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED}:
        return _fact(name, FactStatus.ABSENT, list(rec.evidence),
                     note="recurrence stated plainly; treatment effect is not in question")
    if rec.status is FactStatus.ABSENT:
        return _fact(name, FactStatus.ABSENT, list(rec.evidence), note="recurrence is negated")
    return _none(name, "recurrence and treatment effect are not weighed against each other")


@derivation("tumor_vs_nontumor_differential")
def tumor_vs_nontumor_differential(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence: list[Evidence] = []
    alternatives: set[str] = set()
    for tumor in ctx.mentions(*NEOPLASM):
        if tumor.has("negated"):
            continue
        others = [m for m in ctx.same_sentence(tumor, *NONTUMOR) if not m.has("negated")]
        if others and (_hedged(tumor) or any(_hedged(m) for m in others) or _differential_cue(ctx, tumor)):
            evidence.append(ctx.evidence(tumor, assertion=FactStatus.PRESENT))
            for m in others:
                evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT))
                alternatives.add(m.attrs.get("kind") or m.concept.lower())
    if evidence:
        return _fact(name, FactStatus.PRESENT, evidence, attributes={"alternative": sorted(alternatives)},
                     note="tumor weighed against a non-tumor diagnosis")
    return _none(name, "no tumor versus non-tumor differential")


_GLIOMA_ALTERNATIVES = {
    "DEMYELINATION": "demyelination", "MULTIPLE_SCLEROSIS": "demyelination", "BRAIN_INFECTION": "infection",
    "TUMOR_GRADE": "grade", "CNS_LYMPHOMA": "lymphoma", "BRAIN_METASTASIS": "metastasis",
    "TREATMENT_EFFECT": "necrosis",
}


@derivation("glioma_differential")
def glioma_differential(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence: list[Evidence] = []
    found: set[str] = set()
    for glioma in ctx.mentions("GLIOMA"):
        if glioma.has("negated"):
            continue
        for other in ctx.same_sentence(glioma, *_GLIOMA_ALTERNATIVES, "NONTUMOR_DX"):
            if other.has("negated"):
                continue
            if other.concept == "NONTUMOR_DX":
                if other.attrs.get("kind") != "edema":
                    continue
                alt = "edema"
            else:
                alt = _GLIOMA_ALTERNATIVES[other.concept]
            if alt == "grade":
                grades = {o.attrs.get("grade") for o in ctx.same_sentence(glioma, "TUMOR_GRADE")}
                if len(grades) < 2 and not _hedged(other):
                    continue
            elif not (_hedged(glioma) or _hedged(other) or _differential_cue(ctx, glioma)):
                continue
            found.add(alt)
            evidence.append(ctx.evidence(glioma, assertion=FactStatus.PRESENT))
            evidence.append(ctx.evidence(other, assertion=FactStatus.PRESENT, attributes={"alternative": alt}))
    if evidence:
        return _fact(name, FactStatus.PRESENT, evidence, attributes={"alternative": sorted(found)},
                     note="glioma weighed against an alternative")
    return _none(name, "no glioma differential")


# ---------------------------------------------------------------- imaging
def _study_fact(r: Resolver, name: str, modalities: frozenset[str] | None, verdict: str, *,
                absent_on: str | None) -> Fact:
    studies = [s for s in r.studies if (modalities is None or s.modality in modalities)
               and s.body_part in (None, "brain")]  # a CT chest or an MRI C-spine is not brain imaging
    hit = [s for s in studies if verdict in s.verdicts]
    if hit:
        ev = [e for s in hit for e in s.evidence
              if e.attributes.get("verdict") == verdict or (e.concept == "IMAGING" and e.section == "exam_title")]
        ev = ev or [e for s in hit for e in s.evidence if e.attributes.get("verdict") == verdict]
        return _fact(name, FactStatus.PRESENT, [e.model_copy(update={"assertion": "present"}) for e in ev],
                     note=f"{len(hit)} prior stud{'y' if len(hit) == 1 else 'ies'} {verdict.replace('_', ' ')}")
    if absent_on:
        settled = [s for s in studies if absent_on in s.verdicts]
        if settled:
            ev = [e for s in settled for e in s.evidence if e.attributes.get("verdict") == absent_on]
            return _fact(name, FactStatus.ABSENT, [e.model_copy(update={"assertion": "absent"}) for e in ev],
                         note=f"prior imaging was {absent_on.replace('_', ' ')}")
    if studies:
        return _fact(name, FactStatus.NOT_DOCUMENTED, [e for s in studies for e in s.evidence],
                     note="prior imaging documented without a verdict")
    return _none(name, "no prior imaging of that kind documented")


@derivation("conventional_imaging_inconclusive")
def conventional_imaging_inconclusive(r: Resolver, name: str) -> Fact:
    return _study_fact(r, name, frozenset({"MRI", "CT", "unspecified"}), "inconclusive", absent_on="conclusive")


@derivation("mri_nondiagnostic")
def mri_nondiagnostic(r: Resolver, name: str) -> Fact:
    return _study_fact(r, name, frozenset({"MRI", "unspecified"}), "inconclusive", absent_on="conclusive")


@derivation("prior_imaging_indeterminate")
def prior_imaging_indeterminate(r: Resolver, name: str) -> Fact:
    return _study_fact(r, name, None, "inconclusive", absent_on="conclusive")


@derivation("prior_imaging_technically_limited")
def prior_imaging_technically_limited(r: Resolver, name: str) -> Fact:
    return _study_fact(r, name, None, "technically_limited", absent_on="technically_adequate")


@derivation("prior_imaging_documented")
def prior_imaging_documented(r: Resolver, name: str) -> Fact:
    brain = [s for s in r.studies if s.body_part in (None, "brain")]
    if not brain:
        return _none(name, "no prior brain imaging described")
    ev = [e for s in brain for e in s.evidence if e.concept == "IMAGING"]
    return _fact(name, FactStatus.PRESENT, ev, note=f"{len(brain)} prior brain stud{'y' if len(brain) == 1 else 'ies'}")


@derivation("prior_mrs")
def prior_mrs(r: Resolver, name: str) -> Fact:
    mrs = [s for s in r.studies if s.modality == "MRS"]
    if not mrs:
        return _none(name, "no prior MRS")
    return _fact(name, FactStatus.PRESENT, [e for s in mrs for e in s.evidence], note="a prior MRS is documented")


@derivation("pet_same_workup")
def pet_same_workup(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence = [ctx.evidence(m, assertion=FactStatus.PRESENT) for m in _requested_code_mentions(ctx)
                if _PET_CODES.match(_code(m))]
    for m in ctx.mentions("IMAGING"):
        if m.attrs.get("modality") == "PET" and not m.attrs.get("body_part") and not m.has("negated") \
                and is_requested_study(ctx, m):
            evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT))
    if ctx.reference_date is not None:
        for s in r.studies:
            if s.modality == "PET" and s.body_part in (None, "brain") and s.date \
                    and 0 <= (ctx.reference_date - date.fromisoformat(s.date)).days <= 90:
                evidence.extend(e.model_copy(update={"assertion": "present"}) for e in s.evidence)
    if evidence:
        return _fact(name, FactStatus.PRESENT, evidence, note="PET requested with the MRS or done within 90 days")
    pets = [m for m in ctx.mentions("IMAGING") if m.attrs.get("modality") == "PET"]
    if pets:
        return _fact(name, FactStatus.ABSENT, [ctx.evidence(m, assertion=FactStatus.ABSENT) for m in pets],
                     note="PET mentioned, but not requested and not done within 90 days")
    return _none(name, "no PET for the same question")


def latest_study_date(r: Resolver) -> date | None:
    dates = [date.fromisoformat(s.date) for s in r.studies if s.date and s.modality in ADVANCED]
    if r.ctx.reference_date is not None:
        dates = [d for d in dates if d <= r.ctx.reference_date]
    return max(dates, default=None)


@derivation("treatment_since_imaging")
def treatment_since_imaging(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    last = latest_study_date(r)
    evidence: list[Evidence] = []
    negated: list[Evidence] = []
    for m in ctx.mentions(*TREATMENTS):
        if m.has("hypothetical"):
            continue
        sentence = ctx.sentence_text(m)
        imaging_here = ctx.same_sentence(m, "IMAGING")
        since = bool(imaging_here) and bool(_SINCE.search(sentence))
        when = ctx.date_of(m)
        dated_after = last is not None and when is not None and when > last
        if not (since or dated_after):
            continue
        if mention_status(m) is FactStatus.ABSENT:
            negated.append(ctx.evidence(m, assertion=FactStatus.ABSENT))
        else:
            evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT))
    if evidence:
        return _fact(name, FactStatus.PRESENT, evidence, note="treatment after the latest prior imaging")
    if negated:
        return _fact(name, FactStatus.ABSENT, negated, note="no treatment since the latest prior imaging")
    return _none(name, "no treatment documented after the latest prior imaging")


# ---------------------------------------------------------------- MRI safety
@derivation("mri_contraindication")
def mri_contraindication(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence: list[Evidence] = []
    statuses: list[FactStatus] = []
    devices: set[str] = set()
    cleared = [m for m in ctx.mentions("DEVICE_CLEARED") if not m.has("negated")]
    unsafe = [m for m in ctx.mentions("DEVICE_UNSAFE") if not m.has("negated")]
    devices_all = ctx.mentions("MRI_CONTRAINDICATION")

    def near(m: Mention, cues: list[Mention]) -> bool:
        return any(c.sentence_start == m.sentence_start or 0 <= c.start - m.end <= 160 for c in cues)

    def cleared_here(m: Mention) -> bool:
        return near(m, cleared) and not near(m, unsafe)

    # a device documented MR-conditional (or removed) anywhere is the same device wherever else it is named,
    # unless the packet also calls that device MR-unsafe
    unsafe_types = {m.attrs.get("device") for m in devices_all if near(m, unsafe)}
    cleared_types = {m.attrs.get("device") for m in devices_all if cleared_here(m)} - unsafe_types - {
        "intravascular_stent", None}
    for m in devices_all:
        device = m.attrs.get("device", "unspecified")
        status = mention_status(m)
        note = ""
        if status is not FactStatus.ABSENT:
            if near(m, unsafe) or device in unsafe_types:
                status, note = FactStatus.PRESENT, "documented as not MR-conditional"
            elif cleared_here(m):
                status, note = FactStatus.ABSENT, "documented MR-conditional or removed"
            elif device in cleared_types:
                status, note = FactStatus.ABSENT, "the same device is documented MR-conditional in the packet"
            elif device == "intravascular_stent":
                status, note = _stent_recency(ctx, m)
            elif device == "unspecified":
                status, note = FactStatus.SUSPECTED, "device type not stated"
        statuses.append(status)
        evidence.append(ctx.evidence(m, assertion=status, attributes={"note": note} if note else None))
        if status in {FactStatus.PRESENT, FactStatus.SUSPECTED}:
            devices.add(device)
    if not statuses:
        return _none(name, "no implanted device or MRI safety issue documented")
    return _fact(name, best_status(statuses), evidence, attributes={"device": sorted(devices)},
                 ignored=[ctx.evidence(m) for m in ctx.ignored("MRI_CONTRAINDICATION")],
                 note="MRI safety screen")


def _stent_recency(ctx: FactContext, m: Mention) -> tuple[FactStatus, str]:
    when = ctx.date_of(m, window=60, relative=False)
    if when is not None and ctx.reference_date is not None:
        age = (ctx.reference_date - when).days
        if age <= 42:
            return FactStatus.PRESENT, f"stent placed {age} days before the request"
        return FactStatus.ABSENT, f"stent placed {age} days before the request (over 6 weeks)"
    if _RECENT_STENT.search(ctx.sentence_text(m)):
        return FactStatus.PRESENT, "stent described as recent"
    return FactStatus.SUSPECTED, "stent date not documented"


# ---------------------------------------------------------------- documentation
def _section_fact(r: Resolver, name: str, categories: tuple[str, ...], what: str) -> Fact:
    found = r.ctx.sections(*categories)
    if not found:
        return _none(name, f"no {what} section")
    return _fact(name, FactStatus.PRESENT, [r.ctx.section_evidence(s) for s in found], note=f"{what} section present")


_NARRATIVE = ("SEIZURE", "EPILEPSY", "NEW_SYMPTOM", "STABLE_SYMPTOMS", "ENCEPHALOPATHY", "PRIOR_RADIATION",
              "PRIOR_RESECTION", "PRIOR_CHEMOTHERAPY", "TREATMENT")


@derivation("history_documented")
def history_documented(r: Resolver, name: str) -> Fact:
    """A history section, or a narrative (a letter) telling the clinical course in several sentences."""
    fact = _section_fact(r, name, ("history_of_present_illness", "chief_complaint", "assessment_plan"), "history")
    if fact.status is FactStatus.PRESENT:
        return fact
    ctx = r.ctx
    report = {"exam_title", "indication", "comparison", "technique", "findings", "impression", "diagnosis"}
    story = {m.sentence_start: m for m in ctx.mentions(*_NARRATIVE) if m.section not in report}
    if len(story) >= 3:
        return _fact(name, FactStatus.PRESENT, [ctx.evidence(m) for m in story.values()],
                     note=f"narrative history in {len(story)} sentences (no history header)")
    return fact


@derivation("physical_exam_documented")
def physical_exam_documented(r: Resolver, name: str) -> Fact:
    return _section_fact(r, name, ("physical_exam",), "physical examination")


_PENDING = re.compile(r"\b(pending|sent( out)?|ordered|awaiting|awaited|to be (drawn|sent|obtained)|"
                      r"will (check|obtain|send|draw)|not yet (resulted|back))\b", re.I)
_RESULT = re.compile(r"\d|\b(normal|unremarkable|wnl|within normal limits|elevated|low|high|negative|positive|"
                     r"abnormal|detected|confirmed|showed|revealed|homozygous|heterozygous|pathogenic|variant)\b", re.I)
_GENERIC_LAB = {"labs", "laboratory", "lab results", "laboratory results", "lab work", "bloodwork", "blood work"}


@derivation("labs_documented")
def labs_documented(r: Resolver, name: str) -> Fact:
    """Reported results: a test with a result, not a test that is pending or a bare "Labs:" header."""
    ctx = r.ctx
    labs = []
    for m in ctx.mentions("LAB"):
        if mention_status(m) is FactStatus.ABSENT or ctx.is_mrs_sentence(m):
            continue  # lactate or NAA in a sentence about the MRS is a spectroscopy finding, not a lab
        lo, hi = ctx.clause_of(m)
        clause = ctx.text[lo:hi]
        if _PENDING.search(clause) and not re.search(r"\b(resulted|showed|revealed|returned)\b", clause, re.I):
            continue
        if m.text.lower() in _GENERIC_LAB and not _RESULT.search(clause.replace(m.text, "", 1)):
            continue
        labs.append(m)
    return _present_if(ctx, name, labs, note="laboratory results reported",
                       otherwise="no laboratory results reported (pending tests do not count)")


@derivation("treatment_history_documented")
def treatment_history_documented(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    found = [m for m in ctx.mentions(*TREATMENTS) if not m.has("hypothetical")]
    if not found:
        return _section_fact(r, name, ("treatment_history",), "treatment history")
    return _present_if(ctx, name, found, note="previous treatments described (or stated to be none)", otherwise="")


def is_counted(m: Mention) -> bool:
    return not is_ignored(m)


__all__ = ["DERIVATIONS", "Resolver", "derivation", "is_counted", "latest_study_date", "timedelta"]
