"""The mapper: NLP mentions -> typed, evidence-linked clinical facts (the recipe a newcomer reads first).

1. Fix the reference date (the request date) that relative dates and "within N days" rules use.
2. Assemble prior imaging studies.
3. Resolve every fact in the catalogue: concept facts aggregate mention statuses, `any_of` facts take the best
   member, derived facts call their registered function (facts/derive/, one module per clinical question).
   Resolution is lazy, so derivations may use each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ..contracts import (
    ClinicalFacts,
    Evidence,
    Fact,
    FactStatus,
    ImagingStudy,
    Mention,
    NlpResult,
    TransmissionLine,
)
from ..cues import load_cue_file
from ..nlp.ocr_repair import misread_icd10_codes
from .catalogue import FactSpec, Requirement, Restatement, Veto, load_catalogue
from .context import FactContext, Layout, best_status, cap_evidence, cite_cues, mention_status
from .cues import concept_set, cue
from .date_order import document_day_first, read_date_order, transmission_date
from .dates import mention_date
from .derive import DERIVATIONS
from .documents import (
    administrative_spans,
    code_line_spans,
    form_field_spans,
    is_form_line,
    request_field_spans,
    request_form_pages,
)
from .episode import episode_before_study, told_before_latest_study, told_before_prior_study
from .imaging import build_studies, planned_service_date
from .imaging_only import rests_on_imaging
from .patient_pages import other_patient_pages
from .planned import dated_ahead
from .purpose import is_response, mrs_purpose_cues, response_purpose, therapy_of
from .reference_material import reference_rule_at, reference_spans
from .stopped import stopped_set_aside

_PLAUSIBLE_AFTER_LATEST = timedelta(days=400)
_NO_NEW_ANSWER = "supersede.study_answer_no_new"
"""The rule of a rule-out of recurrence answered by the latest study's read of no new finding (supersession.py)."""
_NO_NEW_ANSWERS = load_cue_file("pipeline.facts.resources", "supersession.yaml").concept_set(
    "supersede.study_answer_concepts")
"""The concepts such a read negates (a recurrence), not the neoplasm named inside the question."""
_SCREENED = concept_set("screen.screened_disorders")
_SCREENED_BEFORE = cue("screen.screened_for_before")
_SCREENED_AFTER = cue("screen.screened_for_after")
_RESULTS_NORMAL = cue("screen.results_normal")
_RESULTS_OPEN = cue("screen.results_open")


def _reference_date(ctx: FactContext, transmission: list[TransmissionLine]) -> tuple[date | None, str]:
    """The request date: from the form or the letter (also written in words), else the fax header (read in the
    document's date order), else the latest day-precise date in the packet that is no planned date of the requested
    study ("Scheduled DOS: 12/01/2026"); a month and a year only if there is none. A date of service is never the
    request date (target rule req.date).

    A form date far after every other date in the packet (an OCR slip such as "2626") is not trusted.
    """
    for m in ctx.mentions("REQUEST_DATE", counted=False):
        d = mention_date(m)
        if d is None:
            continue
        others = [o for o in (mention_date(x) for x in ctx.mentions("DATE", counted=False)
                              if x.attrs.get("precision") not in {"relative", "month_day", "year"}
                              and not (m.start <= x.start < m.end)) if o is not None]
        latest_other = max(others, default=None)
        if latest_other is not None and d > latest_other + _PLAUSIBLE_AFTER_LATEST:
            continue
        return d, f"request date on the form ({m.text.strip()})"
    day_first = bool(transmission) and document_day_first(ctx.text, ctx.layout, ctx.nlp.sections)
    fax_dates = sorted(d for d in (transmission_date(t, day_first) for t in transmission) if d is not None)
    if fax_dates:
        return fax_dates[-1], "fax transmission date"
    dobs = {mention_date(m) for m in ctx.mentions("DOB", counted=False)}
    candidates = [m for m in ctx.mentions("DATE", counted=False)
                  if m.attrs.get("precision") not in {"relative", "month_day", "year"} and not planned_service_date(ctx, m)]
    # a month and a year ("tentative SEEG 12/2026") only when the packet has no day-precise date
    for coarse in (False, True):
        dates = (mention_date(m) for m in candidates if (m.attrs.get("precision") == "month") == coarse)
        usable = sorted(d for d in dates if d is not None and d not in dobs)
        if usable:
            return usable[-1], "latest date in the packet (no request date found)"
    return None, "no request date found"


class FactResolver:
    """Resolves catalogue facts on demand (each once), so derivations may ask for each other."""

    def __init__(self, ctx: FactContext, studies: list[ImagingStudy], *, given: dict[str, Fact] | None = None
                 ) -> None:
        """`given`: facts taken as they are instead of resolved here."""
        self.ctx = ctx
        self.studies = studies
        self._specs = load_catalogue()
        self._done: dict[str, Fact] = dict(given or {})
        self._busy: set[str] = set()

    def fact(self, name: str) -> Fact:
        if name in self._done:
            return self._done[name]
        spec = self._specs.get(name)
        if spec is None:
            raise KeyError(f"unknown fact {name!r}")
        if name in self._busy:
            raise RuntimeError(f"fact {name!r} depends on itself")
        self._busy.add(name)
        fact = self._resolve(spec)
        self._busy.discard(name)
        self._done[name] = fact
        return fact

    def _resolve(self, spec: FactSpec) -> Fact:
        if spec.derive is not None:
            return DERIVATIONS[spec.derive](self, spec.name)
        if spec.any_of:
            members = [self.fact(n) for n in spec.any_of]
            status = best_status(f.status for f in members)
            evidence = [e for f in members if f.status is status for e in f.evidence]
            return Fact(name=spec.name, status=status, evidence=cap_evidence(evidence),
                        note="best of " + ", ".join(spec.any_of))
        return self._concept_fact(spec)

    def _concept_fact(self, spec: FactSpec) -> Fact:
        ctx = self.ctx
        wanted = dict(spec.where)
        counted, statuses = [], []
        counted_mentions: list[Mention] = []
        unsupported: list[Mention] = []
        told_again: list[Mention] = []
        planned: list[Evidence] = []
        done_cue = cue(spec.dated_ahead) if spec.dated_ahead is not None else None
        # the cue of a bare word that, in a packet naming the disease otherwise, tells that disease again
        other = spec.named_otherwise
        told_cue = cue(other.cue) if other is not None and any(
            mention_status(o) is FactStatus.PRESENT for o in ctx.mentions(*other.concepts)) else None
        for m in ctx.mentions(*spec.concepts):
            if any(m.attrs.get(k) not in v for k, v in wanted.items()):
                continue
            if spec.requires is not None and spec.requires.applies_to(m.attrs) and not m.has("negated") \
                    and not self._supported(spec.requires):
                # "relapse" in a packet without a tumor: not a tumor recurrence ("no recurrence" is an absence
                # whatever it would have been of: a resected tumor with no recurrence has no current tumor either)
                unsupported.append(m)
                continue
            if told_cue is not None and m.has("historical") and \
                    mention_status(m) is FactStatus.PRESENT and told_cue.matches(m.text):
                # "Hx lymphoma" in a packet whose lymphoma is systemic ("follicular lymphoma of the inguinal nodes")
                told_again.append(m)
                continue
            if not spec.count_historical and m.has("historical"):
                continue
            if done_cue is not None and not m.has("negated"):
                ahead = dated_ahead(ctx, m, done_cue)
                if ahead is not None:
                    # "Gamma Knife 12/04/2026" in a request of 11/20/2026: planned, not given (facts/planned.py)
                    planned.append(ctx.evidence(m, attributes={"dated_ahead": ahead.isoformat()}))
                    continue
            cues: list[str] = []
            extra: dict[str, str] = {}
            if spec.context == "request_or_mrs":
                found = mrs_purpose_cues(ctx, m)
                if found is None:
                    continue
                cues = found
                if is_response(m):
                    # a response followed is the tumour's treatment planning only on a tumour's therapy; on
                    # another disease's it is that disease's monitoring (facts/purpose.py response_purpose)
                    purpose, therapy, therapy_cue = response_purpose(ctx, m)
                    extra["purpose"] = purpose
                    if purpose == "treatment_planning" or therapy != "unspecified":
                        extra["therapy_of"] = therapy
                    if therapy_cue is not None:
                        cues = [*cues, therapy_cue]
                elif m.attrs.get("purpose") == "treatment_planning":
                    # what the planned therapy treats (facts/purpose.py therapy_of): "before antifungals" is no
                    # tumour's treatment planning
                    extra["therapy_of"], therapy_cue = therapy_of(ctx, m)
                    if therapy_cue is not None:
                        cues = [*cues, therapy_cue]
            s = mention_status(m)
            if s is not FactStatus.ABSENT:
                screened = _screened_normal(ctx, m)
                if screened:
                    s, cues = FactStatus.ABSENT, [*cues, *screened]
            if s is FactStatus.SUSPECTED and not spec.hedging_counts:
                s = FactStatus.PRESENT  # a purpose is stated, however tentatively the sentence is phrased
            e = ctx.evidence(m, assertion=s, attributes=extra or None, cues=cues)
            if spec.restated is not None and s is FactStatus.PRESENT:
                e = _stated_here(ctx, spec.restated, m, e)
            counted.append(e)
            statuses.append(s)
            counted_mentions.append(m)
        stopped: list[Evidence] = []
        if spec.stopped_since is not None:
            # "No seizures since 2014" beside the old record's "GTCS x2 (2012)": over, not current (facts/stopped.py)
            counted_mentions, counted, statuses, stopped = stopped_set_aside(
                ctx, counted_mentions, counted, statuses, cue(spec.stopped_since))
        episodes: list[Evidence] = []
        if spec.before_study:
            counted, statuses, episodes = _episodes_set_aside(ctx, counted_mentions, counted, statuses,
                                                               self.studies)
        if spec.restated is not None:
            counted = _restate(spec.restated, counted)
        if spec.vetoed is not None:
            counted, statuses = _vetoed(ctx, spec.vetoed, counted_mentions, counted, statuses)
        imaging_only = False
        if spec.rests_on_imaging is not None:
            # "glioma, never biopsied" in the note: the report's "typical for a glioma" is that tumour, suspected too
            counted, statuses, imaging_only = rests_on_imaging(
                ctx, spec.rests_on_imaging, counted_mentions, counted, statuses,
                self.fact("prior_tumor_treatment").status is FactStatus.PRESENT)
        status = best_status(statuses)
        if status is FactStatus.PRESENT and _coded_only(counted):
            # a diagnosis code's description on the form does not override hedging in the clinical notes
            status = FactStatus.SUSPECTED
        attributes: dict[str, list[str]] = {}
        for key in spec.carry:
            values = {e.attributes[key] for e in counted
                      if key in e.attributes and e.assertion in {"present", "suspected"}}
            if values:
                attributes[key] = sorted(values)
        ignored = [ctx.evidence(m) for m in ctx.ignored(*spec.concepts)
                   if all(m.attrs.get(k) in v for k, v in wanted.items())]
        ignored += [ctx.evidence(m) for m in ctx.other_patient_mentions(*spec.concepts)
                    if all(m.attrs.get(k) in v for k, v in wanted.items())]
        ignored += [ctx.evidence(m) for m in ctx.reference_mentions(*spec.concepts)
                    if all(m.attrs.get(k) in v for k, v in wanted.items())]
        ignored += [ctx.evidence(m) for m in unsupported]
        ignored += episodes
        ignored += stopped
        ignored += planned
        ignored += [ctx.evidence(m, cues=[told_cue.id]) for m in told_again if told_cue is not None]
        note = {FactStatus.PRESENT: "affirmed", FactStatus.SUSPECTED: "suspected (hedged)",
                FactStatus.ABSENT: "negated", FactStatus.NOT_DOCUMENTED: "not mentioned"}[status]
        if imaging_only and status is FactStatus.SUSPECTED:
            note = "suspected: the packet states the tumour's diagnosis rests on imaging, without tissue or treatment"
        if stopped and status is FactStatus.ABSENT:
            note = "negated: stopped years ago (the older mentions are that history)"
        if ignored and status is FactStatus.NOT_DOCUMENTED:
            note = "mentioned only as family history or hypothetically"
            if any(e.attributes.get("superseded_by") for e in ignored):
                note = "mentioned only in readings a later read superseded"
            if any(_NO_NEW_ANSWER in str(e.attributes.get("supersession_rule", "")).split()
                   and e.concept in _NO_NEW_ANSWERS.concepts for e in ignored):
                # a rule-out the latest study answered with a read of no new finding ("stable post-operative
                # changes, no new enhancement"; facts/supersession.py _answered_by_study): the answer is a negation
                status, note = FactStatus.ABSENT, "asked on a rule-out line the latest study's read of no new finding answered"
            if any(e.attributes.get("outside_brain") for e in ignored):
                note = "mentioned only as a lesion outside the brain (skull-base bone, sinonasal cavity or orbit)"
            if any(e.attributes.get("outside_brain") == "body" for e in ignored):
                note = "mentioned only in a pathology table of a body site outside the brain"
            if unsupported and spec.requires is not None:
                note = "mentioned without " + " or ".join(spec.requires.any_fact).replace("_", " ")
            if told_again:
                note = "mentioned only as the history of a disease the packet names otherwise"
            if planned and len(planned) == len(ignored):
                note = "mentioned only as a treatment dated after the request date (planned)"
            if all(e.attributes.get("other_patient") for e in ignored):
                note = "mentioned only on another patient's page"
            if all(e.attributes.get("reference_material") for e in ignored):
                note = "mentioned only in reference material (a leaflet, protocol, literature section or citation)"
            if all("retracted" in e.modifiers for e in ignored):  # nlp/retraction.py
                note = "mentioned only in statements a correction retracted (" + " ".join(sorted(
                    {r for e in ignored for r in e.modifier_rules if r.startswith("retract.")})) + ")"
        return Fact(name=spec.name, status=status, evidence=cap_evidence(counted), ignored=cap_evidence(ignored),
                    attributes=attributes, note=note)

    def _supported(self, requirement: Requirement) -> bool:
        """One of the facts a `requires` names is present or suspected."""
        live = {FactStatus.PRESENT, FactStatus.SUSPECTED}
        return any(self.fact(name).status in live for name in requirement.any_fact)


def _episodes_set_aside(ctx: FactContext, mentions: list[Mention], counted: list[Evidence],
                        statuses: list[FactStatus], studies: list[ImagingStudy]
                        ) -> tuple[list[Evidence], list[FactStatus], list[Evidence]]:
    """The affirmed mentions that are the episode that led to a prior brain study (facts/episode.py), when a
    counted negated mention follows them ("no new symptoms since the September admission"), set aside as ignored
    evidence citing the episode cues. The presenting complaint told before the latest prior study (a prior
    report's indication, dated before it or in its month, a features list) is set aside with a counted negated
    mention anywhere, unless it is dated before that study (facts/episode.py told_before_latest_study): the report's
    page often comes after the note that says "stable since the MRS"."""
    absent_at = [m.start for m, s in zip(mentions, statuses, strict=True) if s is FactStatus.ABSENT]
    if not absent_at:
        return counted, statuses, []
    since = any(s is FactStatus.ABSENT and not told_before_latest_study(ctx, m, studies)
                for m, s in zip(mentions, statuses, strict=True))
    kept_e, kept_s, aside = [], [], []
    for m, e, s in zip(mentions, counted, statuses, strict=True):
        cues = episode_before_study(ctx, m) if s is FactStatus.PRESENT and max(absent_at) > m.end else None
        if cues is None and s is FactStatus.PRESENT and (since or max(absent_at) > m.end):
            cues = told_before_prior_study(ctx, m, studies)  # the presenting complaint, before the latest study
        if cues is not None:
            aside.append(cite_cues(e, *cues))
            continue
        kept_e.append(e)
        kept_s.append(s)
    return kept_e, kept_s, aside


def _vetoed(ctx: FactContext, rule: Veto, mentions: list[Mention], counted: list[Evidence],
            statuses: list[FactStatus]) -> tuple[list[Evidence], list[FactStatus]]:
    """An explicit negation outranks an inferred reading (catalogue `vetoed`): the counted affirmed or hedged
    mentions that only infer the fact ("MRS to lateralize") become absent when nothing else affirms it and a counted
    negated explicit mention ("he is not a surgical candidate", not "not yet a surgical candidate") or a refusal in
    their own sentence ("declined surgery; MRS to help lateralize") says plainly there is no work-up. Their evidence
    stays, read absent, citing the rule's cue (and the negation's text and rule)."""
    inferred, refused, pending = cue(rule.inferred), cue(rule.refused), cue(rule.unless)
    live = {FactStatus.PRESENT, FactStatus.SUSPECTED}
    rows = list(zip(mentions, counted, statuses, strict=True))
    if any(s in live and not inferred.matches(m.text) for m, _, s in rows):
        return counted, statuses  # the work-up told affirmatively
    negations = [m for m, _, s in rows if s is FactStatus.ABSENT and not inferred.matches(m.text)
                 and not pending.matches(ctx.sentence_text(m))]
    out_e, out_s = [], []
    for m, e, s in rows:
        if s in live and inferred.matches(m.text):
            extra: dict[str, str] = {}
            cues: list[str] = []
            if negations:
                extra["vetoed_by"] = negations[0].text
                cues = [inferred.id, *negations[0].modifier_rules]
            elif refused.matches(ctx.sentence_text(m)):
                cues = [inferred.id, refused.id]
            if cues:
                e = cite_cues(e.model_copy(update={"assertion": FactStatus.ABSENT.value,
                                                   "attributes": {**e.attributes, **extra}}), *cues)
                s = FactStatus.ABSENT
        out_e.append(e)
        out_s.append(s)
    return out_e, out_s


def _screened_normal(ctx: FactContext, m: Mention) -> list[str]:
    """The cue ids by which the disorder was screened or tested for and the rest of its sentence states the screen's
    results normal ("an inborn error was screened for because of the lactate - ammonia 41, plasma amino acids and
    urine organic acids normal"), with nothing pending or abnormal there; else []."""
    if m.concept not in _SCREENED.concepts:
        return []
    lo, hi = ctx.clause_of(m)
    before, after = ctx.text[lo:m.start], ctx.text[m.end:hi]
    how = _SCREENED_BEFORE if _SCREENED_BEFORE.matches(before) else \
        _SCREENED_AFTER if _SCREENED_AFTER.matches(after) else None
    results = ctx.text[m.end:m.sentence_end]  # "tested for X; lactate and pyruvate normal"
    if how is None or not _RESULTS_NORMAL.matches(results) or _RESULTS_OPEN.matches(results):
        return []
    return [how.id, _RESULTS_NORMAL.id]


_ICD10 = re.compile(r"\b[A-TV-Z][0-9][0-9AB]\.[0-9A-Z]{1,4}\b")


def _stated_here(ctx: FactContext, rule: Restatement, m: Mention, e: Evidence) -> Evidence:
    """An affirmed mention the restatement's cue matches ("leukoencephalopathy") takes the value when the rest of its
    sentence states it (`stated_by`: "..., imaging pattern of methotrexate toxicity"), or the next sentence of its
    paragraph does when it refers back to it (`refers`: "This is attributed to her intrathecal methotrexate")."""
    if rule.stated_by is None or m.attrs.get(rule.attr) not in rule.over or not cue(rule.cue).matches(m.text):
        return e
    stated = cue(rule.stated_by)
    rest = ctx.text[m.end:m.sentence_end]
    if not stated.matches(rest) and rule.refers is not None:
        later = sorted(s for s in ctx.by_sentence if s >= m.sentence_end)
        if later and not ctx.text[m.sentence_end:later[0]].strip() and "\n\n" not in ctx.text[m.sentence_end:later[0]]:
            nxt = ctx.by_sentence[later[0]][0]
            following = ctx.text[nxt.sentence_start:nxt.sentence_end]
            rest = following if cue(rule.refers).matches(following) else ""
    if not stated.matches(rest):
        return e
    return cite_cues(e.model_copy(update={"attributes": {**e.attributes, rule.attr: rule.value}}), stated.id)


def _restate(rule: Restatement, counted: list[Evidence]) -> list[Evidence]:
    """The same condition told again: once a counted mention states `rule.value` ("methotrexate
    leukoencephalopathy": acquired), a counted mention whose value is one of `rule.over` and whose text the cue
    matches (a bare "leukoencephalopathy" elsewhere) takes it, citing the cue."""
    live = {"present", "suspected"}
    if not any(e.attributes.get(rule.attr) == rule.value and e.assertion in live for e in counted):
        return counted
    told = cue(rule.cue)
    out = []
    for e in counted:
        if e.attributes.get(rule.attr) in rule.over and told.matches(e.text):
            e = cite_cues(e.model_copy(update={"attributes": {**e.attributes, rule.attr: rule.value}}), told.id)
        out.append(e)
    return out


_SUBSTRATE = concept_set("diagnosis.imaging_substrate")


def _coded_only(evidence: list[Evidence]) -> bool:
    """Every affirmed mention is a diagnosis code's description while the notes mention the concept hedged. A hedged
    imaging substrate ("equivocal for mesial temporal sclerosis") is doubt about the image, not about the disease."""
    def coded(e: Evidence) -> bool:
        sentence = e.sentence or ""
        return e.section == "diagnosis" or bool(_ICD10.search(sentence) or misread_icd10_codes(sentence))

    def substrate(e: Evidence) -> bool:
        return e.concept is not None and _SUBSTRATE.member_for(e.concept, e.attributes) is not None

    present = [e for e in evidence if e.assertion == "present"]
    hedged_notes = [e for e in evidence if e.assertion == "suspected" and not coded(e) and not substrate(e)]
    return bool(present) and all(coded(e) for e in present) and bool(hedged_notes)


_SetAside = dict[tuple[int, int, str], tuple[Mention, str]]


def _set_aside(nlp: NlpResult, rule_at: Callable[[int], str | None]) -> tuple[NlpResult, _SetAside]:
    """The NLP result without the mentions and sections at offsets `rule_at` gives a rule id for, and those mentions
    with that rule id (kept as ignored evidence)."""
    kept: list[Mention] = []
    aside: _SetAside = {}
    for m in nlp.mentions:
        rule = rule_at(m.start)
        if rule is not None:
            aside[(m.start, m.end, m.concept)] = (m, rule)
        else:
            kept.append(m)
    sections = [s for s in nlp.sections if rule_at(s.start) is None]
    return NlpResult(mentions=kept, sections=sections), aside


def _set_aside_other_patient(nlp: NlpResult, layout: Layout, pages: dict[int, str]) -> tuple[NlpResult, _SetAside]:
    """The NLP result without the mentions and sections of another patient's pages (facts/patient_pages.py), and
    those mentions with the rule id that found their page (kept as ignored evidence)."""
    if not pages:
        return nlp, {}
    return _set_aside(nlp, lambda start: None if (page := layout.page_of(start)) is None else pages.get(page))


def _set_aside_reference(nlp: NlpResult, spans: list[tuple[int, int, str]]) -> tuple[NlpResult, _SetAside]:
    """The NLP result without the mentions and sections of reference material (facts/reference_material.py), and
    those mentions with the rule id that found their stretch (kept as ignored evidence)."""
    if not spans:
        return nlp, {}
    return _set_aside(nlp, lambda start: reference_rule_at(spans, start))


def map_facts(nlp: NlpResult, *, text: str, layout: Layout,
              transmission_lines: list[TransmissionLine] | None = None,
              low_confidence_pages: list[int] | None = None, ocr_pages: list[int] | None = None) -> ClinicalFacts:
    """All catalogue facts for one document, each with its evidence.

    `low_confidence_pages`: pages whose text came from OCR of low confidence; evidence found only there
    never approves a request on its own. `ocr_pages`: every page whose text came from OCR (a patient field read
    there may be misread, so it never marks the page as another patient's).
    """
    nlp = NlpResult(mentions=read_date_order(nlp.mentions, text, layout, nlp.sections), sections=nlp.sections)
    form_pages = request_form_pages(text, nlp.sections, layout)
    nlp, aside = _set_aside_other_patient(nlp, layout, other_patient_pages(text, nlp.mentions, layout, form_pages,
                                                                          set(ocr_pages or [])))
    nlp, reference = _set_aside_reference(nlp, reference_spans(text, nlp.sections, layout))
    ctx = FactContext(nlp=nlp, text=text, layout=layout, other_patient=aside, reference=reference)
    ctx.reference_date, ctx.reference_note = _reference_date(ctx, transmission_lines or [])
    ctx.apply_supersession()
    ctx.apply_site()
    studies = build_studies(ctx)
    resolver = FactResolver(ctx, studies)
    catalogue = load_catalogue()
    facts = {name: resolver.fact(name) for name in sorted(catalogue)}

    # The same facts from clinical documentation alone (what an approval must rest on): without the request
    # form's pages and fields, without the request's own fields on other pages (codes submitted, fields filled by
    # office staff, the request's typed reason), without its code lines outside a note's sections, without coding
    # or CDI records (administrative too), and without pages OCR read with low confidence; request facts stay as
    # read.
    excluded = form_pages | set(low_confidence_pages or [])
    fields = form_field_spans(nlp.sections, layout)
    coding = administrative_spans(nlp.sections, layout, len(text))
    administrative = (coding + [(lo, hi) for lo, hi, _rule in request_field_spans(text)]
                      + code_line_spans(text, nlp.sections, layout))
    kept = [m for m in nlp.mentions if layout.page_of(m.start) not in excluded
            and not (any(lo <= m.start < hi for lo, hi in fields) and is_form_line(text, m.start))
            and not any(lo <= m.start < hi for lo, hi in administrative)]
    clinical_ctx = FactContext(nlp=NlpResult(mentions=kept, sections=nlp.sections), text=text, layout=layout,
                               other_patient=aside, reference=reference)
    clinical_ctx.reference_date, clinical_ctx.reference_note = ctx.reference_date, ctx.reference_note
    clinical_ctx.apply_supersession()
    clinical_ctx.apply_site(ctx.site)
    clinical_resolver = FactResolver(clinical_ctx, build_studies(clinical_ctx),
                                  given={n: f for n, f in facts.items() if catalogue[n].source == "request"})
    documented = {name: clinical_resolver.fact(name) for name in sorted(catalogue)}
    return ClinicalFacts(
        facts=facts,
        documented=documented,
        imaging=studies,
        reference_date=ctx.reference_date.isoformat() if ctx.reference_date else None,
        low_confidence_pages=sorted(low_confidence_pages or []),
        request_form_pages=sorted(p for p in excluded if p not in set(low_confidence_pages or [])),
    )
