"""Assemble prior imaging studies (modality, date, verdicts) from reports and from notes that cite them.

A radiology report is a run of report sections (exam title, indication, comparison, technique, findings,
impression, addendum) that includes findings or an impression; a new report's title after a read ("PET/CT BRAIN"
after the MRI's impression) starts the next report, a later page's running header does not. Its modality and date
come from its exam title,
else from the text just before it or its technique, else from its findings (an MRI described only by sequences);
its verdict comes from its findings and impression (the impression's read of what the study showed replaces a
findings sentence's), and an addendum's verdict replaces the earlier read of the same kind (what the study showed;
whether it was technically adequate), also from a later page: it amends the report of the study it names.

Outside reports, a sentence that names a modality with a date, a verdict or a past-tense cue is a study
citation ("MRI brain 10/02/2026 showed an indeterminate lesion"); its verdict may also come from the sentences
that follow it in the same paragraph and go on about it ("It was indeterminate."). A sentence that describes
imaging only by sequence or signal ("T2/FLAIR hyperintensity") cites an MRI. Requests ("MRS is requested") and
recommendations ("CT would be of benefit") are not studies. Every evidence item of a study names its source:
a report in the packet, or a note's citation (`study_source`). The cues are data in resources/cues.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..contracts import Evidence, ImagingStudy, Mention, SectionSpan
from ..cues import load_cue_file, spaced_text
from .context import QUESTION_YES_CUE, FactContext, cite_cues, first_lines_end, next_sentence, within
from .cues import concept_set, cue, value_set
from .dates import mention_date
from .supersession import another_document

if TYPE_CHECKING:
    from .supersession import Supersession

REPORT_SECTIONS = frozenset({"exam_title", "indication", "comparison", "technique", "findings", "impression",
                             "addendum"})
READ_SECTIONS = frozenset({"findings", "impression"})
"""A run of report sections with one of these is a report (an addendum alone is not)."""
VERDICT_SECTIONS = READ_SECTIONS | {"addendum"}
_SUMMARY_SECTIONS = frozenset({"impression", "addendum"})  # where a plainly stated diagnosis is the verdict
_JOINING_SECTIONS = frozenset({"signature"})  # a signature between a report and its addendum
_SEPARATE_ADDENDUM = frozenset({"addendum", "signature", "exam_title"})  # a run that is an addendum on its own
_HEAD_SECTIONS = frozenset({"technique"})  # where an untitled report names its modality
# Clinical findings whose hedging in an impression means the study did not settle the question.
HEDGED_FINDINGS = concept_set("verdict.hedged_findings").concepts
# Findings that are diagnoses: stated plainly (or plainly negated) in an impression, they settle the question.
_DIAGNOSES = frozenset(concept_set("verdict.diagnoses").concepts)
_VERDICT_CONCEPTS = ("IMAGING_INCONCLUSIVE", "IMAGING_CONCLUSIVE", "TECHNICAL_LIMITATION")
# Findings that keep a study read as normal from being non-lesional.
_LESIONAL = concept_set("verdict.lesional_findings")
_PARTIAL_READ = cue("verdict.partial_read")
_REMAINDER_NORMAL = cue("verdict.remainder_normal")
_REMAINDER_LESION = concept_set("verdict.remainder_lesion")
_NOT_SHOWN_BEFORE = cue("verdict.not_shown_before")
_NOT_SHOWN_AFTER = cue("verdict.not_shown_after")
_QUOTED_QUESTION = cue("verdict.quoted_question")
_DIFFERENTIAL_HEADING = cue("verdict.differential_heading")
_DIFFERENTIAL_CONCLUDED = cue("verdict.differential_concluded")
_DIFFERENTIAL_LEFT_OPEN = cue("verdict.differential_left_open")
_OTHER_TEST = cue("verdict.other_test")
_TEST_RESULT_RULES = frozenset(value_set("verdict.test_result_rules").values)
_QUESTION_RULES = frozenset(value_set("verdict.question_rules").values)
_LAY_ANSWER_RULES = frozenset(value_set("verdict.lay_answer_rules").values)
_TISSUE_TEST = cue("verdict.tissue_test")
_TISSUE_LABEL = cue("verdict.tissue_label")
_OTHER_TEST_AFTER = cue("verdict.other_test_after")
_VERDICT_WORDS = ("IMAGING_INCONCLUSIVE", "IMAGING_CONCLUSIVE")
_CANNOT_DISTINGUISH = cue("verdict.cannot_distinguish")
_INCIDENTAL = cue("verdict.incidental_nonspecific")
_REFERS_BACK = cue("verdict.refers_back")
INCIDENTAL_FINDING = "incidental_finding"
"""`superseded_by` of an inconclusive verdict that only called an incidental finding nonspecific beside a read
that answers the question (_incidental_nonspecific)."""
_NO_TISSUE = cue("verdict.no_tissue")
_CLINICIAN_GROUNDS = cue("verdict.clinician_grounds")
_CRITERIA_GRADED = cue("verdict.criteria_graded")
_CRITERIA_NOT_GRADED = cue("verdict.criteria_not_graded")
_CONFIRMATION_AWAITED = cue("verdict.confirmation_awaited")
_CONFIRMATION_BY_IMAGING = cue("verdict.confirmation_by_imaging")
_UNTESTED_HEDGES = value_set("verdict.untested_hedges")
_TISSUE_STATED_BY = value_set("verdict.tissue_stated_by")
_LEADING_READ_HEDGES = value_set("verdict.leading_read_hedges")
_HEDGE_RULE_PREFIX = "poss."  # the ids of context.yaml's suspicion (POSSIBLE_EXISTENCE) rules
_HARMLESS = cue("technical.harmless")
_MINOR_DEGREE = cue("technical.minor_degree")
MINOR_DEGREE_REACH = 20
"""How far (characters) before an artifact its degree ("mild", "minimal") may be written."""
# The two questions a verdict answers; an addendum's answer to one replaces the earlier read's answer to it.
VERDICT_KINDS = (frozenset({"inconclusive", "conclusive", "nonlesional"}),
                 frozenset({"technically_limited", "technically_adequate"}))
_PAST_CUE = cue("study.past")
_DONE_VERB = cue("study.done_verb")
_TOLD_PAST = cue("study.told_past")
_TOLD_PAST_NOT = cue("study.told_past_not")
_OTHER_ORGAN = cue("study.spectroscopy_other_organ")
# Cues strong enough to make a sentence about a study already done even when it also mentions a request.
_DONE_CUE = cue("study.done")
_REQUEST_CUE = cue("study.request")
_RECOMMENDATION = cue("study.recommendation")
_PENDING = cue("study.pending")
_PLANNED_BEFORE = cue("study.planned_before")
_PLANNED_AFTER = cue("study.planned_after")
_REQUEST_NAMED_AFTER = cue("study.request_named_after")
_CHOSEN_AFTER = cue("study.chosen_after")
_CHOSEN_BEFORE = cue("study.chosen_before")
_PROSPECT_AFTER = cue("study.prospect_after")
_COVERAGE_AFTER = cue("study.coverage_after")
_SUBJECT_LINE = cue("study.subject_line")
_REQUEST_TITLE = cue("study.request_title")
_SERVICE_LINE = cue("study.service_line")
_SERVICE_DATE_FIELD = cue("study.service_date_field")
_DONE_AHEAD_AFTER = cue("study.done_ahead_after")
_WISHED_DONE_AFTER = cue("study.wished_done_after")
_JOINED_ITEM = cue("study.joined_item")
_REQUEST_LOG = cue("study.request_log")
_QUESTION_ABOUT = cue("study.question_about")
_QUESTION_DIRECT = cue("study.question_direct")
_QUESTION_RESULT = cue("study.question_result")
_QUOTED_WORDS = cue("study.quoted_words")
_OWN_DATE_AFTER = cue("study.own_date_after")
_DENIED_BEFORE = cue("study.denied_before")
_DENIED_AFTER = cue("study.denied_after")
_SINCE_AFTER = cue("study.since_after")
_PREPROCEDURE_TITLE = cue("study.preprocedure_title")
_REASON_LABEL = cue("study.reason_label")
_HELD_AFTER = cue("study.held_until_after")
_HELD_BEFORE = cue("study.held_until_before")
_HELD_EVENT = cue("study.held_event")
_OTHER_PERSON = cue("study.other_person")
_OTHER_OPENER = cue("study.other_person_opener")
_PLANNING_TITLE = cue("study.planning_title")
_ADVISED_AFTER = cue("study.advised_after")
_MEETING_ITEM = cue("study.meeting_item_before")
_REFERRAL_FOR = cue("study.referral_for_before")
_LITERATURE = cue("study.literature")
_PROTOCOL_GENERAL = cue("study.protocol_general")
_LABEL_SEPARATOR = cue("study.label_separator")
_PRIOR_ROW_LABEL = cue("study.prior_row_label")
_PRIOR_ROW_DENIED = cue("study.prior_row_denied")
NEAREST_READING_DAYS = 183
"""A month/day date without a year is read as its occurrence nearest the request date (within this many days after
it) when asking whether a study is dated on or after the request: a plan's "navigation MRI 12/01" in a request of
11/30 is next month, not last December."""
_CONTINUATION = cue("study.continuation")
_CHOICE_OPTION = concept_set("study.choice_option")
_DISCUSSED_BEFORE = cue("study.discussed_before")
_DISCUSSED_AFTER = cue("study.discussed_after")
_DISCUSSED_DONE = cue("study.discussed_done")
_DATED_BY_NAME = cue("study.dated_by_name")
_DISCUSSED_REFUSED = cue("study.discussed_refused")
DISCUSSED_REFUSED = _DISCUSSED_REFUSED.id
_CANCELLED = cue("study.cancelled_order")
_RENEWED = cue("study.order_renewed")
_ORDER_ROW_OPEN = cue("study.order_row_open")
_ROW_DONE_STATUS = cue("study.row_done_status")
_FORM_ANSWERED_NO = value_set("study.form_answered_no")
_ROW_ANSWERED_NO = cue("study.row_answered_no")
CANCEL_REACH = (40, 80)
"""How far (characters before, after) from a study's name, in its own part of the clause, a cancelled order may be
told ("the cancelled PET order", "FDG-PET order from 10/30 was CANCELLED by ordering provider")."""
_BODY_PARTS = (("brain", cue("body_part.brain")), ("spine", cue("body_part.spine")),
               ("chest", cue("body_part.chest")), ("abdomen", cue("body_part.abdomen")))
_PET_BRAIN_NOT_IMAGED = cue("study.pet_brain_not_imaged")
_PET_BRAIN_IMAGED = cue("study.pet_brain_imaged")
_PET_BODY_RANGE = cue("study.pet_body_range")
_PET_BRAIN_FINDING = cue("study.pet_brain_finding")
_PLANNED_SERVICE_DATE = cue("request.planned_service_date")
PLANNED_LABEL_REACH = 40
"""How far (characters, on its line) before a date its planned-service label ("Requested DOS:") may be written."""
_SENTENCE_BODY_PARTS = frozenset({"brain", "spine"})  # the parts a study's whole sentence may name
BODY_PART_REACH = (12, 24)
"""How far (characters before, after) from a study's name a body part is its own ("chest CT", "MRI of the L-spine")."""
_MRS_CODES = value_set("codes.mrs")
FOLLOW_ON_SENTENCES = 3
"""How many sentences after a citation may still give its verdict."""
REPORT_LEAD_IN = 300
"""How far (characters) before a report's first section its untitled heading (modality, date) may be."""
_OTHER_SUBJECTS = ("LAB", "EEG")
_REPORT_CONTINUED = cue("report.continued")
_HEADING_LINE = cue("report.heading_line")
_COMBINED_EXAM = cue("study.combined_exam")
_SPECTRUM_READ = cue("study.spectrum_read")
_SPECTRUM_RESULT = cue("study.spectrum_result")
_SESSION_JOIN = cue("study.session_join")
_DONE_FUTURE = cue("study.done_future")
_REGION_PAIR = cue("study.region_pair")
_REGION_SPINE = cue("study.region_spine")
_REGION_BRAIN = cue("study.region_brain")
_APART_PARTS = frozenset({"brain", "spine", "chest", "abdomen"})
"""Body parts whose studies stay apart on one date: a brain MRI and a spine MRI of the same day are two studies."""
_CONVENTIONAL_READ = cue("study.conventional_read")
_REPORT_UNAVAILABLE = cue("study.report_unavailable")
_REPORT_IN_HAND = cue("study.report_in_hand")
_NOT_ENCLOSED = cue("study.report_not_enclosed")
PARAGRAPH_REACH = 4
"""How many sentences after a citation (in its paragraph, up to one naming a study) may say its report is lacking."""
_OTHER_REPORT = cue("study.report_of_other_test")
_OUTSIDE = cue("study.outside_source")
_NAMED_AFTER = cue("study.named_source_after")
_GENERIC_SOURCE = value_set("study.generic_source_words")
NAMED_SOURCE_REACH = 40
"""How far (characters) after a study's name, in its clause, the facility it was done at may be named."""
_HEARSAY = cue("study.hearsay_read")
_STATEMENT_DATE_BEFORE = cue("study.statement_date_before")
_STATEMENT_DATE_AFTER = cue("study.statement_date_after")
_QUOTED_READ = cue("study.quoted_reader_read")
_SPOKEN_READ = cue("study.spoken_read")
_QUOTED_BELOW = cue("study.quoted_read_below")
_QUOTE_READER = cue("study.quoted_read_reader")
_QUOTE_OTHER_SOURCE = cue("study.quoted_read_other_source")
_CLAUSE_END = re.compile(r"[;!?]|(?<=\w{3})\.(?=\s)")
_CLOSING_QUOTE = {'"': '"', "\u201c": "\u201d"}
OTHER_REPORT_REACH = 30
"""How far (characters) before a missing-report statement another test may be named as its subject."""
REPORT_UNAVAILABLE_CUE = _REPORT_UNAVAILABLE.id
REPORT_UNAVAILABLE = "report_unavailable"
"""`superseded_by` of a verdict read second-hand from a study whose written report the packet says it lacks."""
TITLE_HEAD_LINES = 2
"""The lines of a report title (its heading and the date line after it) that name its study and date."""  # a sentence about these is not about the study cited before it


@dataclass
class _Draft:
    modality: str
    body_part: str | None = None
    date: date | None = None
    verdicts: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    anchor: int = 0
    unreported: list[str] = field(default_factory=list)  # cue ids: the packet says it lacks the written report
    in_hand: bool = False  # a report of the study is in the packet, or the packet says it is attached
    report: bool = False  # read from the study's own report in the packet, not from a note citing it
    source: str | None = None  # the facility named with it ("CT at Lakeside"), lower case
    outside: bool = False  # said done at another facility ("outside CT", "OSH MRI")
    citing: bool = False  # a note's citation, or a note's impression found as an untitled report: not a report's own
    said_in_hand: bool = False  # the citation's own text says the report is in the packet ("report attached")

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


def pet_coverage(ctx: FactContext, m: Mention) -> tuple[str | None, str | None]:
    """What a PET's sentence says it covered, in its own stretch (up to the study of another modality named before
    or after it): ("body", cue) when the brain was left out ("no brain views", "torso only") or the coverage starts
    below it ("neck to thigh", "skull base to mid-thigh") with no brain views told; ("brain", cue) when brain views
    or a dedicated head acquisition were part of it ("including dedicated brain images", "skull to thigh with brain
    views"), or, after its name, a brain lesion read on it with neither of those ("whole-body FDG PET/CT 11/04 to look
    for a primary; the frontal lesion has rim uptake": study.pet_brain_finding); (None, None) when it says neither or
    the mention is no PET."""
    if m.attrs.get("modality") != "PET":
        return None, None
    others = [o for o in ctx.same_sentence(m, "IMAGING", counted=False) if o.attrs.get("modality") != "PET"]
    lo = max((o.end for o in others if o.end <= m.start), default=m.sentence_start)
    hi = min((o.start for o in others if o.start >= m.end), default=m.sentence_end)
    stretch = ctx.text[lo:hi]
    for part, words in (("body", _PET_BRAIN_NOT_IMAGED), ("brain", _PET_BRAIN_IMAGED), ("body", _PET_BODY_RANGE)):
        if words.matches(stretch):
            return part, words.id
    if _PET_BRAIN_FINDING.matches(ctx.text[m.end:hi]):
        return "brain", _PET_BRAIN_FINDING.id
    return None, None


def _body_part(ctx: FactContext, m: Mention) -> tuple[str | None, list[str]]:
    """The body part the study names, and the id of the cue that names it: what a PET's sentence says it covered
    first (pet_coverage), then next to its name ("CT of the chest", "spine MRI"), else brain or spine anywhere in
    its sentence."""
    covered, covered_cue = pet_coverage(ctx, m)
    if covered is not None and covered_cue is not None:
        return covered, [covered_cue]
    lo, hi = ctx.clause_of(m)
    near = ctx.text[max(lo, m.start - BODY_PART_REACH[0]):min(hi, m.end + BODY_PART_REACH[1])]
    sentence = ctx.sentence_text(m)
    for part, words in _BODY_PARTS:
        if words.matches(near):
            return part, [words.id]
    if m.attrs.get("body_part"):
        return m.attrs["body_part"], [m.rule_id]  # the rule named a target outside the head ("CT chest")
    for part, words in _BODY_PARTS:
        if part in _SENTENCE_BODY_PARTS and words.matches(sentence):
            return part, [words.id]
    return None, []


def planned_service_date(ctx: FactContext, m: Mention) -> bool:
    """The date is labelled, on its line, as the planned date of the requested study ("Requested DOS: 12/01/2026",
    "Scheduled DOS 12/01/2026"; cue request.planned_service_date): no prior study's date, and no request date."""
    line_start = ctx.text.rfind("\n", 0, m.start) + 1
    return _PLANNED_SERVICE_DATE.matches(ctx.text[max(line_start, m.start - PLANNED_LABEL_REACH):m.start])


def _summary(mentions: list[Mention], *, in_report: bool) -> list[Mention]:
    """The mentions that state a study's overall read: a report's impression or addendum; a citation's sentences."""
    return [m for m in mentions if not in_report or m.section in _SUMMARY_SECTIONS]


def _lesional(mentions: list[Mention], *, in_report: bool) -> bool:
    """A lesion is affirmed or suspected in the study's summary."""
    return any(_LESIONAL.member_for(m.concept, m.attrs) is not None
               and not (m.has("negated") or m.has("hypothetical") or m.has("family"))
               for m in _summary(mentions, in_report=in_report))


def _describes_lesion(mentions: list[Mention]) -> bool:
    """A lesion whose nature is open is described anywhere among the mentions (a report's findings or impression):
    a lesion named as such (verdict.remainder_lesion: "3 cm non-enhancing lesion", "hypodense mass") or a lesional
    finding hedged ("glioma versus gliosis"); not a finding read plainly ("small vessel ischemic change")."""
    return any(not (m.has("negated") or m.has("hypothetical") or m.has("family"))
               and (_REMAINDER_LESION.member_for(m.concept, m.attrs) is not None
                    or (m.has("uncertain") and _LESIONAL.member_for(m.concept, m.attrs) is not None))
               for m in mentions)


def _remainder_normal(ctx: FactContext, m: Mention, lesion: bool) -> bool:
    """A normal read of the rest of the brain, in a report that describes a lesion ("Remainder of the brain
    parenchyma is normal", "Otherwise normal MRI of the brain": verdict.remainder_normal in its clause): no verdict
    on the lesion."""
    if not lesion or m.concept != "IMAGING_CONCLUSIVE" or m.attrs.get("verdict") not in ("normal", "nonlesional"):
        return False
    lo, hi = ctx.clause_of(m)
    return _REMAINDER_NORMAL.matches(ctx.text[lo:hi])


def _verdict_cues(ctx: FactContext, mentions: list[Mention], *, in_report: bool, lesion: bool | None = None
                  ) -> tuple[set[str], list[Evidence]]:
    """The verdicts the mentions state, with their evidence. A study read as normal as a whole, or as showing no
    lesion, in its summary and with no lesion there, is also `nonlesional` (evidence attribute `read`). A normal
    read of the rest of the brain beside a lesion (`lesion`: the report describes one; by default, one of the
    mentions does) is no verdict."""
    verdicts: set[str] = set()
    evidence: list[Evidence] = []
    read: list[tuple[Mention, str]] = []  # each verdict mention with its verdict (as `evidence`, in its order)
    summary = {id(m) for m in _summary(mentions, in_report=in_report)}
    lesional = _lesional(mentions, in_report=in_report)
    described = _describes_lesion(mentions) if lesion is None else lesion
    weighed = _weighed_diagnoses(ctx, mentions)
    plain_reads = _plain_reads(mentions, in_report=in_report)
    for m in mentions:
        if m.has("hypothetical") or m.has("family"):
            continue
        if _LAY_ANSWER_RULES.intersection(m.modifier_rules):
            continue  # "Son asked whether it could be MS - discussed, not consistent": the family's answer, no read
        if other_test_verdict(ctx, m) is not None:
            continue  # "gene panel: ..., consistent with MLD", "genetically confirmed": another test's verdict
        if in_quoted_question(ctx, m):
            continue  # "Question from Dr Lee: 'meningioma - needs surgery or further workup?'": it asks, reads nothing
        if m.concept == "IMAGING_INCONCLUSIVE" and differential_section_concluded(ctx, m):
            continue  # "DIFFERENTIAL DIAGNOSIS / ... excluded ... Diagnosis: X": the write-up's heading, no read
        if m.concept == "TECHNICAL_LIMITATION" and (m.has("negated") or m.attrs.get("assertion") == "absent"
                                                    or harmless_artifact(ctx, m)):
            # "no motion artifact", "not limited by motion", "artifact that does not affect the images"
            verdicts.add("technically_adequate")
            cues = [c.id for c in (_HARMLESS, _MINOR_DEGREE) if c.id in harmless_cues(ctx, m)]
            evidence.append(ctx.evidence(m, attributes={"verdict": "technically_adequate"}, cues=cues))
            continue
        if m.has("negated") and m.concept not in _DIAGNOSES:
            continue  # "no equivocal findings" is not a verdict either way
        if _remainder_normal(ctx, m, described):
            continue  # "Left insular lesion ... Remainder of the brain parenchyma is normal": no read of the lesion
        if m.concept == "IMAGING_INCONCLUSIVE":
            verdict = "inconclusive"
        elif m.concept == "IMAGING_CONCLUSIVE":
            verdict = "conclusive"
        elif m.concept == "TECHNICAL_LIMITATION":
            verdict = "technically_limited"
        elif m.concept in HEDGED_FINDINGS and (not in_report or m.section in _SUMMARY_SECTIONS):
            if m.has("uncertain") and _QUESTION_RULES & set(m.modifier_rules):
                continue  # "Question: metabolic mimics (GA1, Menkes)": a consult question reads no study
            if m.has("uncertain") and untested_presumption(ctx, m):
                continue  # "presumed metastasis, no tissue": the clinician's presumption, not the study's read
            if m.has("uncertain") and clinician_grounds(ctx, m):
                continue  # "clinical picture and MRI findings -> MELAS likely": the clinician's hedge, not the read
            if m.has("uncertain") and criteria_graded(ctx, m):
                continue  # "probable CJD per CDC criteria (met: ..., MRI ribboning)": the diagnosis's grade
            if m.has("uncertain") and id(m) not in weighed and confirmation_awaited(ctx, m, plain_reads):
                continue  # "characteristic of Canavan disease" ... "Canavan suspected; ASPA sent": the diagnosis awaits
            if m.has("uncertain") and not leading_read_only(m):
                verdict = "inconclusive"
            elif id(m) in weighed:
                verdict = "inconclusive"  # "Abscess or necrotic tumour. Imaging cannot distinguish these."
            elif m.concept in _DIAGNOSES:
                verdict = "conclusive"  # "No evidence of recurrent tumor.", "Recurrent glioblastoma."
            else:
                continue  # a lesion described without a diagnosis says nothing about characterisation
        else:
            continue
        attributes = {"verdict": verdict}
        if verdict == "conclusive" and m.attrs.get("verdict") == "nonlesional" and id(m) in summary \
                and not lesional and not _PARTIAL_READ.matches(ctx.sentence_text(m)):
            verdicts.add("nonlesional")
            attributes["read"] = "nonlesional"
        verdicts.add(verdict)
        cited = [_CANNOT_DISTINGUISH.id] if id(m) in weighed and not m.has("uncertain") else []
        evidence.append(ctx.evidence(m, attributes=attributes, cues=cited))
        read.append((m, verdict))
    if "inconclusive" in verdicts:
        verdicts, evidence = _incidental_nonspecific(ctx, mentions, summary, read, verdicts, evidence)
    settled = [s for s in (ctx.supersession_of(m) for m in mentions if id(m) in summary)
               if s is not None and not settled_by_test(ctx, s)]
    if settled and "inconclusive" in verdicts \
            and not _still_open(ctx, settled, [m for m in mentions if id(m) in summary]):
        # the read was open on a differential that a later read settled (pathology, a second opinion)
        verdicts.discard("inconclusive")
        evidence = [_superseded(e, by=settled[0].source) if e.attributes.get("verdict") == "inconclusive" else e
                    for e in evidence]
    return verdicts, evidence


_RULING_OUT = frozenset({"withdrawal", "settled"})
"""Supersession sources that only rule a diagnosis out (facts/supersession.py); the others may affirm one."""
_LATER_STUDY = "supersede.later_study"
"""The rule of a later study's read that closed an older study's suspicion (facts/resources/supersession.yaml)."""
_ANSWERED = "supersede.answered_question"
"""The rule of a later answer to the question a read left open (facts/resources/supersession.yaml)."""
_NEOPLASM = frozenset(load_cue_file("pipeline.facts.resources", "supersession.yaml")
                      .concept_set("supersede.neoplasm").concepts)
"""The tumour side of a differential: while a hedge of it stays live, a later study has not closed the old read."""


def _still_open(ctx: FactContext, settled: list[Supersession], weighed: list[Mention]) -> bool:
    """Whether a differential that later reads only ruled items out of (withdrawals, exclusions: no diagnosis
    affirmed) still weighs two or more diagnoses: hedged diagnoses (`verdict.diagnoses`) that no later read
    superseded, one per concept and named disease (a family's generic name counts only beside none of its named
    members). "leukodystrophy vs toxic leukoencephalopathy vs demyelination", then "demyelination is not supported",
    is still open; "glioma versus demyelination", then "tumor was ruled out", is settled, as is any differential a
    later read answers with a diagnosis (a biopsy that "revealed a demyelinating process")."""
    if any(s.source not in _RULING_OUT for s in settled):
        return False
    if all(_LATER_STUDY in s.rule_ids() or _ANSWERED in s.rule_ids() for s in settled) and any(
            m.concept in _NEOPLASM and m.has("uncertain") and ctx.supersession_of(m) is None for m in weighed):
        return True  # a later study or answer closed another item only ("no abscess"): the old read's tumour
        # question stays
    live = {(m.concept, str(m.attrs.get("disease") or m.attrs.get("kind") or "unspecified")) for m in weighed
            if m.concept in _DIAGNOSES and m.has("uncertain") and ctx.supersession_of(m) is None}
    named = {concept for concept, disease in live if disease != "unspecified"}
    return len({(c, d) for c, d in live if d != "unspecified" or c not in named}) >= 2


def _incidental_nonspecific(ctx: FactContext, mentions: list[Mention], summary: set[int],
                            read: list[tuple[Mention, str]], verdicts: set[str], evidence: list[Evidence]
                            ) -> tuple[set[str], list[Evidence]]:
    """A finding only called nonspecific beside a read that answers the question is incidental, not an open read
    ("1. No intracranial mass. 2. Scattered nonspecific white-matter hyperintensities, likely chronic small-vessel
    ischemic change."; cue verdict.incidental_nonspecific). Every inconclusive verdict must lie in the summary, in a
    sentence whose verdict words only say nonspecific, that names no diagnosis of the question (verdict.diagnoses)
    unless to deny it, and that does not go on about a finding named before it ("The pattern is nonspecific":
    verdict.refers_back); and another sentence of the summary must answer the question: a diagnosis read plainly
    or denied ("diagnostic of abscess", "No evidence of tumour"), or a lesion denied ("No mass"). Then those
    verdicts stay as evidence marked `superseded_by: incidental_finding` and the study is conclusive. A differential,
    a cause left open ("of uncertain aetiology") or a nonspecific finding with nothing that answers the question
    keeps the study inconclusive."""
    open_sentences: set[int] = set()
    for m, verdict in read:
        if verdict != "inconclusive":
            continue
        if id(m) not in summary:
            return verdicts, evidence
        open_sentences.add(m.sentence_start)
    for start in open_sentences:
        around = ctx.by_sentence.get(start, [])
        words = [o for o in around if o.concept == "IMAGING_INCONCLUSIVE" and not o.has("hypothetical")]
        if not words or not all(_INCIDENTAL.matches(o.text) for o in words) \
                or any(o.concept in _DIAGNOSES and not o.has("negated") for o in around) \
                or _REFERS_BACK.matches(ctx.text[start:max(o.sentence_end for o in around)]):
            return verdicts, evidence
    answers = [m for m, verdict in read if verdict == "conclusive" and m.concept in _DIAGNOSES
               and m.sentence_start not in open_sentences]
    denied = [m for m in mentions if id(m) in summary and m.concept == "BRAIN_LESION" and m.has("negated")
              and not (m.has("hypothetical") or m.has("family")) and m.sentence_start not in open_sentences]
    if not answers and not denied:
        return verdicts, evidence
    evidence = [cite_cues(_superseded(e, by=INCIDENTAL_FINDING), _INCIDENTAL.id)
                if e.attributes.get("verdict") == "inconclusive" else e for e in evidence]
    if not answers:
        evidence += [ctx.evidence(m, attributes={"verdict": "conclusive"}, cues=[_INCIDENTAL.id]) for m in denied]
    return (verdicts - {"inconclusive"}) | {"conclusive"}, evidence


def in_quoted_question(ctx: FactContext, m: Mention) -> bool:
    """The mention lies inside a question quoted around it (cue verdict.quoted_question: "Reason for
    consult: 'is the CT equivocal?'", "Question from Dr Lee: 'incidental meningioma - needs surgery?'"): a referring
    doctor's, a consult request's or the family's question asks; it is no read of a study. A quotation may wrap,
    so the search spans the mention's sentence and the lines before and after the mention's line."""
    line_start = ctx.text.rfind("\n", 0, m.start)
    lo = min(m.sentence_start, ctx.text.rfind("\n", 0, max(line_start, 0)) + 1)
    line_end = ctx.text.find("\n", m.end)
    next_end = -1 if line_end < 0 else ctx.text.find("\n", line_end + 1)
    hi = max(m.sentence_end, len(ctx.text) if next_end < 0 else next_end)
    return any(lo + q.start() <= m.start and m.end <= lo + q.end()
               for q in _QUOTED_QUESTION.regex.finditer(ctx.text[lo:hi]))


def differential_section_concluded(ctx: FactContext, m: Mention) -> bool:
    """The mention is the heading of a differential-diagnosis section (cue verdict.differential_heading: at the start
    of its line, alone or before a colon) that reaches a stated diagnosis (verdict.differential_concluded: "Final
    diagnosis: X", "we therefore concluded ...") and does not end open after it (verdict.differential_left_open:
    "lymphoma cannot be excluded", "biopsy planned"). The section runs from the heading to the end of the section
    the heading lies in (the next recognised heading). Such a heading names the clinician's weighing, not an
    inconclusive read of a study; a heading whose section states no diagnosis stays a verdict word."""
    line_start = ctx.text.rfind("\n", 0, m.start) + 1
    heading = _DIFFERENTIAL_HEADING.search(ctx.text[line_start:])
    if heading is None or line_start + heading.end < m.end:
        return False
    section = ctx.section_at(m.start)
    end = section.end if section is not None else len(ctx.text)
    body = ctx.text[m.end:end]
    concluded = list(_DIFFERENTIAL_CONCLUDED.regex.finditer(body))
    if not concluded:
        return False
    return _DIFFERENTIAL_LEFT_OPEN.regex.search(body, concluded[-1].end()) is None


def leading_read_only(m: Mention) -> bool:
    """The finding's only suspicion rules name the read's leading diagnosis ("most consistent with a high-grade
    glioma", "best fits a DNET"; verdict.leading_read_hedges): the diagnosis is suspected, but the read is a definite
    one, as "consistent with" is ("most consistent with a glioma; ganglioglioma is the main alternative" hedges the
    alternative by another rule, and the study is inconclusive through it)."""
    hedges = {r for r in m.modifier_rules if r.startswith(_HEDGE_RULE_PREFIX)}
    return bool(hedges) and hedges <= _LEADING_READ_HEDGES.values


def untested_presumption(ctx: FactContext, m: Mention) -> list[str]:
    """The ids of the rules and cues by which a hedged finding is a diagnosis presumed for want of tissue ("presumed
    metastasis, no tissue", "presumptive metastasis (no biopsy)", "metastasis, not biopsy-proven"), not a read of
    the imaging: every suspicion rule on it is a presumption or a want of proof (verdict.untested_hedges), and its
    sentence says there is no tissue (verdict.no_tissue), or the rule says so itself. [] otherwise ("presumed
    metastasis versus abscess" is still weighed; "probable metastasis" is the read's doubt)."""
    hedges = {r for r in m.modifier_rules if r.startswith(_HEDGE_RULE_PREFIX)}
    if not hedges or not hedges <= _UNTESTED_HEDGES.values:
        return []
    if hedges & _TISSUE_STATED_BY.values:
        return sorted(hedges)
    if _NO_TISSUE.matches(ctx.sentence_text(m)):
        return [*sorted(hedges), _NO_TISSUE.id]
    return []


def clinician_grounds(ctx: FactContext, m: Mention) -> bool:
    """A hedged diagnosis whose clause cites the imaging joined with other grounds (verdict.clinician_grounds:
    "ichthyosis, spasticity and the MRI appearance -> suspect Refsum disease", "Given the clinical picture and MRI
    findings, MELAS is likely", "Combined with the typical MRI, we suspect X-ALD") is the clinician's weighing of the
    study with the rest, not a read of the study: the study's verdict comes from its report or from words about the
    study itself ("MRI indeterminate", "The MRI raises the possibility of X", still read by the verdict words)."""
    lo, hi = ctx.clause_of(m)
    return _CLINICIAN_GROUNDS.matches(ctx.text[lo:hi])


def criteria_graded(ctx: FactContext, m: Mention) -> bool:
    """A hedged diagnosis whose sentence grades it by diagnostic criteria that list the imaging among those met
    (verdict.criteria_graded: "Probable CJD per CDC criteria (met: myoclonus, MRI cortical ribboning)"): the grade
    word qualifies the diagnosis, not the study. Not when the criteria are unmet, only perhaps met or not diagnostic
    ones (verdict.criteria_not_graded: "criteria not met: MRI negative", "meets payer criteria")."""
    sentence = ctx.sentence_text(m)
    return _CRITERIA_GRADED.matches(sentence) and not _CRITERIA_NOT_GRADED.matches(sentence)


def _plain_reads(mentions: list[Mention], *, in_report: bool) -> set[tuple[str, str]]:
    """The diagnoses (concept, casefolded words) the study reads plainly: stated unhedged and unnegated in its
    summary ("pattern characteristic of Alexander disease", "diagnostic of PKAN")."""
    return {(m.concept, m.text.casefold()) for m in mentions
            if m.concept in _DIAGNOSES and (not in_report or m.section in _SUMMARY_SECTIONS)
            and not any(m.has(x) for x in ("uncertain", "negated", "hypothetical", "family"))}


def confirmation_awaited(ctx: FactContext, m: Mention, plain_reads: set[tuple[str, str]]) -> bool:
    """A hedged diagnosis that the study itself reads plainly (`plain_reads`), whose sentence says a confirming test
    is awaited (verdict.confirmation_awaited: "Canavan disease suspected; ASPA sequencing sent", "provisional
    diagnosis of Alexander disease pending genetic testing"), or the next sentence of its paragraph and section
    ("Impression: probable PKAN. PANK2 sequencing sent."), is a hedge on the diagnosis, not on the imaging. An
    imaging study awaited ("repeat MRI ordered", "MRS requested": verdict.confirmation_by_imaging) is no such test."""
    if (m.concept, m.text.casefold()) not in plain_reads:
        return False
    if _awaits_test(ctx.sentence_text(m)):
        return True
    end = m.sentence_start + len(ctx.sentence_text(m).rstrip())  # its blank line after it ends the paragraph
    nxt = next_sentence(ctx.text, end)
    if nxt is None:
        return False
    lo, hi = nxt
    if ctx.section_at(lo) != ctx.section_at(m.start):
        return False  # "Impression: probable X.\nPlan: ...": another section's sentence
    return _awaits_test(ctx.text[lo:hi])


def _awaits_test(text: str) -> bool:
    """The text says a confirming test is awaited (verdict.confirmation_awaited), an imaging study still to come
    (verdict.confirmation_by_imaging) taken out first."""
    rest = _CONFIRMATION_BY_IMAGING.regex.sub(" ", spaced_text(text, _CONFIRMATION_BY_IMAGING.spaced))
    return _CONFIRMATION_AWAITED.matches(rest)


def _test_subject(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which the mention's subject is a laboratory, genetic or tissue test: written before it
    in its part of the clause, after any study named there ("Gene panel: two ARSA variants, consistent with",
    "genetically and biochemically confirmed"), or right after it ("confirmed by genetic testing")."""
    lo, hi = ctx.clause_of(m)
    studies = [o for o in ctx.same_sentence(m, "IMAGING", "IMAGING_SEQUENCE", counted=False)
               if lo <= o.start and o.end <= m.start]
    lo = max((o.end for o in studies), default=lo)
    if _SPECTRUM_READ.matches(ctx.text[lo:m.start]):
        return None  # "lactate and lipid peaks non-diagnostic": the spectrum's metabolites, not a laboratory's
    if any(lo <= o.start < m.start for o in ctx.same_sentence(m, "LAB", counted=False)) \
            or _OTHER_TEST.matches(ctx.text[lo:m.start]):
        return _OTHER_TEST.id
    return _OTHER_TEST_AFTER.id if _OTHER_TEST_AFTER.matches(ctx.text[m.end:hi]) else None


def other_test_verdict(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which a verdict word, or a diagnosis read as one, is another test's verdict, not the
    study's: a verdict word whose subject is a laboratory, genetic or tissue test; a diagnosis that names such a test
    ("leukodystrophy gene panel"), whose subject is one, or all of whose clause's verdict words are a test's
    ("Krabbe disease was genetically and biochemically confirmed"), or whose line opens with the label of a
    pathology report's part ("FROZEN SECTION: glial versus metastatic carcinoma", "IHC: GFAP+; glioma versus
    gliosis"; not past a study named after the label on the line: "Pathology: GBM. MRI 10/01 showed recurrence
    versus necrosis"). None for the study's own read."""
    lo, _ = ctx.line_of(m)
    if _TISSUE_LABEL.matches(ctx.text[lo:m.start]) \
            and not within(ctx.mentions("IMAGING", "IMAGING_SEQUENCE", counted=False), lo, m.start):
        return _TISSUE_LABEL.id
    if m.concept in _VERDICT_WORDS:
        return _test_subject(ctx, m)
    if m.concept not in HEDGED_FINDINGS:
        return None
    labs = ctx.same_sentence(m, "LAB", counted=False)
    if any(o.start >= m.end and not ctx.text[m.end:o.start].strip() for o in labs):
        return _OTHER_TEST.id  # the disease names the test: "leukodystrophy gene panel"
    found = _test_subject(ctx, m)
    if found is not None:
        return found
    lo, hi = ctx.clause_of(m)
    words = [o for o in ctx.same_sentence(m, *_VERDICT_WORDS, counted=False) if lo <= o.start < hi]
    tests = [_test_subject(ctx, o) for o in words]
    return tests[0] if words and all(tests) else None


def settled_by_test(ctx: FactContext, s: Supersession) -> bool:
    """The statement that settled a differential is a laboratory, genetic or biochemical result (a sentence naming
    such a test): the diagnosis is proven, but the imaging was still inconclusive. A tissue diagnosis of the lesion
    (a pathology source, a biopsy) answers the question the study left open, so it does settle the read."""
    if s.source == "pathology":
        return False
    by = s.by
    sentence = ctx.text[by.sentence_start:by.sentence_end]
    if _TISSUE_TEST.matches(sentence):
        return False
    if any(rule in _TEST_RESULT_RULES for rule in by.modifier_rules):
        return True
    return any(o.concept == "LAB" for o in ctx.by_sentence.get(by.sentence_start, [])) \
        or _OTHER_TEST.matches(sentence)


def harmless_cues(ctx: FactContext, m: Mention) -> list[str]:
    """The ids of the cues that say a stated artifact did not spoil its study: its degree just before it ("mild
    motion"), or its sentence, from the study named before it to the study named after it ("artifact from dental
    hardware does not affect the images", "motion on one sequence; remainder diagnostic")."""
    if m.concept != "TECHNICAL_LIMITATION":
        return []
    found = []
    if _MINOR_DEGREE.matches(ctx.text[max(m.sentence_start, m.start - MINOR_DEGREE_REACH):m.start]):
        found.append(_MINOR_DEGREE.id)
    studies = ctx.same_sentence(m, "IMAGING", counted=False)
    lo = max((o.end for o in studies if o.end <= m.start), default=m.sentence_start)
    hi = min((o.start for o in studies if o.start >= m.end), default=m.sentence_end)
    if _HARMLESS.matches(ctx.text[lo:hi]):
        found.append(_HARMLESS.id)
    return found


def harmless_artifact(ctx: FactContext, m: Mention) -> bool:
    """A technical limitation its own sentence says did not spoil the study (see harmless_cues)."""
    return bool(harmless_cues(ctx, m))


def _runs(ctx: FactContext) -> list[list[SectionSpan]]:
    """Runs of consecutive report sections (a signature followed by an addendum stays in the run); a new report's
    title after a read starts a new run (see _starts_new_report)."""
    sections = ctx.nlp.sections
    all_imaging = ctx.mentions("IMAGING")
    all_dates = [d for d in ctx.mentions("DATE", counted=False) if d.attrs.get("precision") != "relative"
                 and not planned_service_date(ctx, d)]
    runs: list[list[SectionSpan]] = []
    i = 0
    while i < len(sections):
        if sections[i].category not in REPORT_SECTIONS:
            i += 1
            continue
        j = i
        while j + 1 < len(sections) and (
                sections[j + 1].category in REPORT_SECTIONS
                or (sections[j + 1].category in _JOINING_SECTIONS and j + 2 < len(sections)
                    and sections[j + 2].category == "addendum")):
            if _starts_new_report(ctx, sections[i:j + 1], sections[j + 1], all_imaging, all_dates):
                break
            j += 1
        runs.append(sections[i:j + 1])
        i = j + 1
    return runs


def _title_head(ctx: FactContext, section: SectionSpan, all_imaging: list[Mention], all_dates: list[Mention]
                ) -> tuple[str | None, set[date], bool]:
    """What a report title says in its first lines: the modality it names first, the dates it gives, and whether
    it says the report goes on from an earlier page ("MRI BRAIN (continued)")."""
    end = first_lines_end(ctx.text, section.start, section.end, TITLE_HEAD_LINES)
    named = [m for m in within(all_imaging, section.start, end) if _modality(m) != "unspecified"
             and not m.has("hypothetical") and not is_requested_study(ctx, m)]
    dates = {d for d in (mention_date(m, reference=ctx.reference_date)
                         for m in within(all_dates, section.start, end)) if d is not None}
    head = ctx.text[section.start:end]
    return (_modality(named[0]) if named else None), dates, _REPORT_CONTINUED.matches(head)


def _title_region(ctx: FactContext, section: SectionSpan) -> str | None:
    """The body region a report title's first line names first ("MRI CERVICAL SPINE W/WO": spine), or None."""
    nl = ctx.text.find("\n", section.start + 1)
    line = ctx.text[section.start:section.end if nl < 0 else min(nl, section.end)]
    hits = [(h.start(), part) for part, words in _BODY_PARTS for h in [words.regex.search(line)] if h is not None]
    return min(hits)[1] if hits else None


def _starts_new_report(ctx: FactContext, run: list[SectionSpan], section: SectionSpan,
                       all_imaging: list[Mention], all_dates: list[Mention]) -> bool:
    """A report title that names a study, after a run that has already given its read (findings or an
    impression), starts the next report ("PET/CT BRAIN" after the MRI's impression and signature): unless it says
    the report goes on ("(continued)"), or repeats the run's own title (the same modality, and no date of its
    own that the run's title does not give: a second page's running header). Before any read, a title that names
    another study than the run's titles ("PET: not requested" on a request form, then "MRI BRAIN W/WO 10/30/2026"
    heading a report pages later) starts the report too: the form's field heads no report."""
    if section.category != "exam_title":
        return False
    modality, dates, continued = _title_head(ctx, section, all_imaging, all_dates)
    if modality is None or continued:
        return False
    own: tuple[str | None, set[date]] = (None, set())
    for s in run:
        if s.category == "exam_title":
            m, d, _ = _title_head(ctx, s, all_imaging, all_dates)
            own = (own[0] or m, own[1] | d)
    if not any(s.category in READ_SECTIONS for s in run):
        return own[0] is not None and (modality != own[0] or bool(dates - own[1]))
    if own[0] is None:
        return True  # an untitled report's findings and impression, then a titled one
    # a title of another body region ("MRI CERVICAL SPINE" after the brain MRI's impression, the same day)
    region = _title_region(ctx, section)
    regions = {r for t in run if t.category == "exam_title" for r in [_title_region(ctx, t)] if r is not None}
    return modality != own[0] or bool(dates - own[1]) or (region is not None and bool(regions)
                                                            and region not in regions)


def _report_drafts(ctx: FactContext) -> tuple[list[_Draft], set[int]]:
    """Drafts for radiology reports, and the offsets of the study-naming mentions they consumed.

    A report is a run of report sections that includes findings or an impression. Its modality and date come
    from its exam title, or else from the text just before the run (a title the sectionizer did not know) or its
    technique, or else from a modality or sequence named in its body. The text just before the run reaches back
    neither across a page break nor above a heading line of its own, and a study planned there heads no report
    (_lead_in_start, _heading_cut); nor does the run's head reach back to a section that began pages before the read
    (_from_read_page).
    """
    drafts: list[_Draft] = []
    used: set[int] = set()
    all_imaging = ctx.mentions("IMAGING")
    all_sequences = ctx.mentions("IMAGING_SEQUENCE")
    all_body = sorted(ctx.nlp.mentions, key=lambda m: (m.start, m.end))
    dobs = [(b.start, b.end) for b in ctx.mentions("DOB", counted=False)]
    all_dates = [d for d in ctx.mentions("DATE", counted=False)
                 if d.attrs.get("precision") not in {"relative", "month_day", "year"}
                 and not any(s <= d.start < e for s, e in dobs)  # a DOB sits in report headers too
                 and not planned_service_date(ctx, d)]  # "Requested DOS: 12/01/2026": the requested study's plan
    reads: list[tuple[_Draft, Mention, list[Mention], int]] = []  # draft, head, body, evidence before the read
    last_end = 0  # the end of the last report
    for run in _runs(ctx):
        if not any(s.category in READ_SECTIONS for s in run):
            if any(s.category == "addendum" for s in run) and all(s.category in _SEPARATE_ADDENDUM for s in run):
                apart = another_document(ctx.nlp.sections, last_end, run[0].start)
                _attach_addendum(ctx, run, reads, all_body, all_imaging, all_dates, used, apart=apart)
            continue  # a title without findings or an impression (e.g. the service line of a request form)
        last_end = run[-1].end
        run = _from_read_page(ctx, run, all_imaging)
        start, end = run[0].start, run[-1].end
        titles = [s for s in run if s.category == "exam_title"]
        head_zone = titles or [s for s in run if (s is run[0] and s.category != "comparison")
                               or s.category in _HEAD_SECTIONS]
        lead_in = _lead_in_start(ctx, start)

        def in_zone(m: Mention, zone: list[SectionSpan]) -> bool:
            return any(t.start <= m.start < t.end for t in zone)

        imaging = [m for m in within(all_imaging, lead_in, end) if _modality(m) != "unspecified"
                   and (in_zone(m, titles)
                        or ((m.start in range(lead_in, start) or in_zone(m, head_zone)) and not is_requested_study(ctx, m)))]
        lead_in = _heading_cut(ctx, imaging, lead_in, start)
        imaging = [m for m in imaging if m.start >= lead_in and not (m.start < start and is_planned(ctx, m))]
        if not imaging:  # an untitled report: a modality named in its body, else the MRI sequences it describes
            read = [s for s in run if s.category in VERDICT_SECTIONS]
            imaging = [m for m in within(all_imaging, start, end) if _modality(m) != "unspecified"
                       and in_zone(m, read) and not m.has("hypothetical") and not is_requested_study(ctx, m)]
            imaging = imaging or [m for m in within(all_sequences, start, end) if in_zone(m, read)]
        if not imaging:
            continue
        # the title's study first, and of the titles one that names no study asked for (a request form's "Exam: MR
        # spectroscopy (76390)" line just before the report's own title)
        head = min(imaging, key=lambda m: (not in_zone(m, titles), in_zone(m, titles) and is_requested_study(ctx, m),
                                           m.start))
        body_part, part_cues = _body_part(ctx, head)
        draft = _Draft(modality=_modality(head), anchor=head.start, body_part=body_part, in_hand=True, report=True)
        told: list[str] = []
        if not titles:
            # an untitled "report" found from a modality in its body is a note's impression citing a study; when it
            # says the study's written report is lacking ("outside MRI (verbal read only; report pending)"), also
            # after the read it gives ("Prelim read: ring lesion, toxoplasmosis versus lymphoma. Final report
            # pending."), the read is second-hand as in a citation
            read_end = max((o.sentence_end for o in within(all_body, start, end) if o.section in VERDICT_SECTIONS
                            and (o.concept in _VERDICT_CONCEPTS or o.concept in HEDGED_FINDINGS)), default=0)
            in_hand, told = _report_told(ctx, head, sorted(ctx.by_sentence), through=read_end,
                                         below=_quoted_read_below(ctx, head))
            draft.citing, draft.said_in_hand = True, in_hand
            draft.source, draft.outside = _source_of(ctx, head)
            if told and not in_hand:
                draft.in_hand = False
                draft.unreported.extend(told)
        elif not any(s.category == "addendum" for s in run):
            # a titled report whose own read says it is a verbal or preliminary read only, its final report to
            # follow ("IMPRESSION: ... Verbal preliminary read only; formal report to follow.", "Prelim (wet read) -
            # final pending"), with no final read or addendum of its own, is no final read: as a preliminary read
            # cited in a note, what it showed rests on a report the packet lacks (a final report later merges in)
            told = _own_read_unfinished(ctx, [s for s in run if s.category in VERDICT_SECTIONS])
            if told:
                draft.in_hand = False
                draft.unreported.extend(told)
        draft.evidence.append(ctx.evidence(head, cues=part_cues + told))
        dates = within(all_dates, lead_in, end)
        # the report's own title lines first; else, for a title the sectionizer did not know, the dates after it
        # up to the report (its "DATE:" line); else the date nearest before the report
        own_title = [t for t in head_zone if t.start <= head.start < t.end]
        in_title = [d for d in dates if in_zone(d, own_title)] + [d for d in dates if in_zone(d, head_zone)
                                                                   and not in_zone(d, own_title)]
        after_head = [d for d in dates if head.start <= d.start < start] if not titles else []
        lead = sorted((d for d in dates if lead_in <= d.start < start), key=lambda d: -d.start)
        for d in after_head + in_title + lead:
            parsed = mention_date(d, reference=ctx.reference_date)
            if parsed is not None:
                draft.date = parsed
                draft.evidence.append(ctx.evidence(d))
                break
        other = _foreign_addenda(ctx, run, draft.modality, all_imaging, draft.date, all_dates)
        body = [m for m in within(all_body, start, end)
                if (m.section in VERDICT_SECTIONS or m.concept == "TECHNICAL_LIMITATION")
                and not any(lo <= m.start < hi for lo, hi in other)]  # another study's addendum
        if not titles:  # a note's impression citing a brain study: its clauses about the cord read no brain study
            body = [m for m in body if not _reads_other_region(ctx, m, body_part)]
        part = _spectroscopy_part(ctx, head, imaging)
        if part is not None:  # "MRI brain with MR spectroscopy": the MRS's own limitations are the MRS's
            mrs_body, body, own = _split_combined(ctx, body)
            mrs = _Draft(modality="MRS", anchor=part.start, body_part=body_part, date=draft.date, in_hand=True,
                         report=True)
            mrs.evidence.append(ctx.evidence(part, cues=[_COMBINED_EXAM.id]))
            mrs.evidence.extend(draft.evidence[1:])
            verdicts, evidence = _report_verdicts(ctx, mrs_body)
            mrs.verdicts |= verdicts
            mrs.evidence.extend(cite_cues(e, _SPECTRUM_READ.id) if e.start in own else e for e in evidence)
            drafts.append(mrs)
        if body_part == "brain" and _REGION_PAIR.matches(ctx.text[slice(*ctx.line_of(head))]):
            # "MRI BRAIN AND TOTAL SPINE W/WO": the spine's read is a spine study's of the same date
            spine_body, body = _split_regions(ctx, body)
            spine = _Draft(modality=draft.modality, anchor=head.start, body_part="spine", date=draft.date,
                           in_hand=True, report=True)
            spine.evidence.append(ctx.evidence(head, cues=[_REGION_PAIR.id]))
            spine.evidence.extend(draft.evidence[1:])
            verdicts, evidence = _report_verdicts(ctx, spine_body)
            spine.verdicts |= verdicts
            spine.evidence.extend(evidence)
            drafts.append(spine)
        reads.append((draft, head, body, len(draft.evidence)))
        verdicts, evidence = _model_verdict(ctx, head, *_report_verdicts(ctx, body))
        draft.verdicts |= verdicts
        draft.evidence.extend(evidence)
        drafts.append(draft)
        used.update(m.start for m in imaging if m.start >= lead_in)
        used.update(m.start for m in within(all_imaging, start, end) if m.section != "comparison")
        used.update(m.start for m in within(all_sequences, start, end))
    return drafts, used


def _lead_in_start(ctx: FactContext, start: int) -> int:
    """Where the lead-in of a report starting at `start` begins: REPORT_LEAD_IN characters before it, but never
    before a page break (the page before ends what may name or date the report: "plan to be decided after MRS and
    genetics." at the foot of a note is not the study of the report on the next page)."""
    lo = max(0, start - REPORT_LEAD_IN)
    return ctx.text.rfind("\f", lo, start) + 1 or lo


def _page_headings(ctx: FactContext, all_imaging: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The studies named on heading lines (cue report.heading_line) between `lo` and `hi`: "RIVERBEND RADIOLOGY - MR
    SPECTROSCOPY REPORT", not a study planned or asked for, nor a line that says the report goes on ("(continued)")."""
    found = []
    for m in within(all_imaging, lo, hi):
        line, eol = ctx.text.rfind("\n", 0, m.start) + 1, ctx.text.find("\n", m.start)
        if _modality(m) != "unspecified" and not m.has("hypothetical") and not is_requested_study(ctx, m) \
                and not is_planned(ctx, m) and _HEADING_LINE.matches(ctx.text[line:m.start]) \
                and not _REPORT_CONTINUED.matches(ctx.text[line:eol if eol >= 0 else len(ctx.text)]):
            found.append(m)
    return found


def _from_read_page(ctx: FactContext, run: list[SectionSpan], all_imaging: list[Mention]) -> list[SectionSpan]:
    """The run of a report from the sections that head its read: not the sections before it that began on an earlier
    page with a whole page between them and the next section ("Indication: ..." on a request form, then a nurse's
    summary and a chronology table the sectionizer does not know, then the report's technique, findings and impression
    on page 4), nor, when no exam title is among them, those that end at a page break whose next page opens with its
    own heading line naming another study than the heading lines before the break ("RIVERBEND RADIOLOGY - MR
    SPECTROSCOPY REPORT" above the technique). A title page followed by its findings page, findings going on over
    pages and a running header that repeats the report's title keep the run whole (as _lead_in_start, the head of a
    report reaches back across no page break that ends another document's text)."""
    first_read = next(i for i, s in enumerate(run) if s.category in READ_SECTIONS)
    cut = 0
    for k in range(1, first_read + 1):
        before, section = run[k - 1], run[k]
        breaks = ctx.text.count("\f", before.start, section.start)
        if breaks >= 2:
            cut = k
        elif breaks == 1 and not any(s.category == "exam_title" for s in run[cut:k]):
            page = ctx.text.rfind("\f", before.start, section.start) + 1
            new = {_modality(m) for m in _page_headings(ctx, all_imaging, page, section.start)}
            old = {_modality(m) for m in _page_headings(ctx, all_imaging, _lead_in_start(ctx, run[cut].start), page)}
            if new - old:
                cut = k
    return run[cut:]


def _heading_cut(ctx: FactContext, imaging: list[Mention], lead_in: int, start: int) -> int:
    """Where the lead-in of a report starting at `start` begins once a report heading in it is read: at the last line
    of the lead-in that opens with a study's name (cue report.heading_line: "Brain MRI 10/14/2026" under "MRS
    10/02/2026: elevated choline."), or at `lead_in`. The studies and dates above that line are not the report's."""
    cut = lead_in
    for m in imaging:
        line = ctx.text.rfind("\n", 0, m.start) + 1
        if lead_in <= m.start < start and line >= lead_in and not is_planned(ctx, m) \
                and _HEADING_LINE.matches(ctx.text[line:m.start]):
            cut = max(cut, line)
    return cut


def _spectrum_side(ctx: FactContext, m: Mention) -> str:
    """Whose read a verdict of a combined MRI and MRS report is: "mrs" when its clause reads the spectrum only
    ("the creatine peak appears reduced, indeterminate"), "both" when it reads the spectrum and a conventional
    finding ("enhancing mass with elevated choline, consistent with glioma"), else "mri"."""
    lo, hi = ctx.clause_of(m)
    clause = ctx.text[lo:hi]
    if not _SPECTRUM_READ.matches(clause):
        return "mri"
    return "both" if _CONVENTIONAL_READ.matches(clause) else "mrs"


def _split_combined(ctx: FactContext, body: list[Mention]) -> tuple[list[Mention], list[Mention], set[int]]:
    """A combined MRI and MRS report's body as the MRS's and the MRI's, and the offsets of the MRS's own verdicts.

    A technical limitation in a sentence that names the MRS is the MRS's, any other the MRI's. A verdict about the
    spectrum (`study.spectrum_read`) is the MRS's only; a verdict about conventional findings is the MRI's, and also
    the MRS's when the report reads the spectrum nowhere ("Equivocal for recurrence")."""
    def verdict_bearing(m: Mention) -> bool:
        return m.concept in ("IMAGING_INCONCLUSIVE", "IMAGING_CONCLUSIVE") or m.concept in HEDGED_FINDINGS

    side = {id(m): _spectrum_side(ctx, m) for m in body if verdict_bearing(m)}
    mri = [m for m in body if (m.concept != "TECHNICAL_LIMITATION" or not ctx.is_mrs_sentence(m))
           and side.get(id(m)) != "mrs"]
    own = [m for m in body if side.get(id(m)) in ("mrs", "both")]
    read, _ = _verdict_cues(ctx, own, in_report=True)
    mrs = [m for m in body if (m.concept != "TECHNICAL_LIMITATION" or ctx.is_mrs_sentence(m))
           and (id(m) not in side or not read & VERDICT_KINDS[0] or side[id(m)] != "mri")]
    return mrs, mri, ({m.start for m in own} if read & VERDICT_KINDS[0] else set())


def _reads_other_region(ctx: FactContext, o: Mention, cited_part: str | None) -> bool:
    """A verdict word in a clause that reads the spinal cord, not the brain ("Intramedullary cord lesion C3-C5,
    ependymoma favored over myelitis; ...", beside "normal brain MRI"): no read of a cited brain study
    (`study.region_spine` against `study.region_brain`, within the clause between semicolons)."""
    if cited_part != "brain":
        return False
    lo = max(o.sentence_start, ctx.text.rfind(";", o.sentence_start, o.start) + 1)
    hi = ctx.text.find(";", o.end, o.sentence_end)
    clause = ctx.text[lo:o.sentence_end if hi < 0 else hi]
    return _REGION_SPINE.matches(clause) and not _REGION_BRAIN.matches(clause)


def _split_regions(ctx: FactContext, body: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """A brain-and-spine report's body as the spine's and the brain's: a sentence (a numbered impression item) that
    names the spine, the cord or a vertebral level is the spine's (`study.region_spine`), one that names the brain
    the brain's (`study.region_brain`), one that names both is both's ("No lesion of the brain or cord"), and one
    that names neither goes on about the region of the sentence before it in its section (the brain's at first)."""
    spine: list[Mention] = []
    brain: list[Mention] = []
    regions: dict[int, tuple[bool, bool]] = {}
    carried: dict[str | None, tuple[bool, bool]] = {}
    for m in sorted(body, key=lambda m: m.start):
        if m.sentence_start not in regions:
            text = ctx.text[m.sentence_start:m.sentence_end]
            named = (_REGION_SPINE.matches(text), _REGION_BRAIN.matches(text))
            regions[m.sentence_start] = named if any(named) else carried.get(m.section, (False, True))
            carried[m.section] = regions[m.sentence_start]
        in_spine, in_brain = regions[m.sentence_start]
        if in_spine:
            spine.append(m)
        if in_brain:
            brain.append(m)
    return spine, brain


def _spectroscopy_part(ctx: FactContext, head: Mention, imaging: list[Mention]) -> Mention | None:
    """The MR spectroscopy an MRI report's title names as part of its exam ("MRI brain with and without contrast
    with MR spectroscopy", "MRI brain + single-voxel MRS"): an MRS mention on the title's line after the MRI, joined
    to it by a combining word (`study.combined_exam`); not one it recommends or compares with."""
    if _modality(head) != "MRI":
        return None
    line_end = ctx.text.find("\n", head.end)
    line_end = len(ctx.text) if line_end < 0 else line_end
    for m in imaging:
        if _modality(m) != "MRS" or not head.end <= m.start < line_end or m.section == "comparison":
            continue
        if m.has("hypothetical") or is_requested_study(ctx, m) or _is_recommended(ctx, m):
            continue
        if _COMBINED_EXAM.matches(ctx.text[head.end:m.start]):
            return m
    return None


ADDENDUM_HEAD_LINES = 2
"""The lines of an addendum (its heading and the line after it, "Re: MRI brain 11/02/2026") that name its study."""


def _addendum_names(ctx: FactContext, section: SectionSpan, all_imaging: list[Mention]) -> set[str]:
    """The modalities an addendum names as its study, in its first lines (not a study it requests)."""
    end = first_lines_end(ctx.text, section.start, section.end, ADDENDUM_HEAD_LINES)
    return {_modality(m) for m in within(all_imaging, section.start, end)
            if _modality(m) != "unspecified" and not m.has("hypothetical") and not is_requested_study(ctx, m)}


def _addendum_date(ctx: FactContext, section: SectionSpan, all_dates: list[Mention]) -> date | None:
    """The date an addendum gives in its first lines ("ADDENDUM (01/27/2026) - MOLECULAR")."""
    end = first_lines_end(ctx.text, section.start, section.end, ADDENDUM_HEAD_LINES)
    return next((d for d in (mention_date(m, reference=ctx.reference_date) for m in within(all_dates, section.start, end))
                 if d is not None), None)


def _foreign_addenda(ctx: FactContext, run: list[SectionSpan], modality: str, all_imaging: list[Mention],
                     study_date: date | None = None, all_dates: list[Mention] | None = None
                     ) -> list[tuple[int, int]]:
    """The spans of a run's addenda that name another study than the report's, or that are dated before the
    report's study (another document's: supersede.report_boundaries) (an addendum's heading followed by its
    "Addendum:" body is one addendum)."""
    out: list[tuple[int, int]] = []
    foreign = False
    previous = None
    for section in run:
        if section.category == "addendum":
            names = _addendum_names(ctx, section, all_imaging)
            foreign = bool(names - {modality}) if names else (foreign and previous == "addendum")
            if study_date is not None and all_dates is not None:
                dated = _addendum_date(ctx, section, all_dates)
                foreign = foreign or (dated is not None and dated < study_date)
            if foreign:
                out.append((section.start, section.end))
        previous = section.category
    return out


def _attach_addendum(ctx: FactContext, run: list[SectionSpan], reads: list[tuple[_Draft, Mention, list[Mention], int]],
                     all_body: list[Mention], all_imaging: list[Mention], all_dates: list[Mention],
                     used: set[int], *, apart: bool = False) -> None:
    """An addendum standing apart from its report (a later page): it amends the report of the study it names
    (modality, and date when it gives one), else the report just before it unless another document stands between
    them (`apart`: a pathology report's addendum); an addendum that names another study than any report before it,
    or that is dated before the report's study, amends nothing (supersede.report_boundaries)."""
    start, end = run[0].start, run[-1].end
    if not reads:
        return
    named = [m for m in within(all_imaging, start, end) if _modality(m) != "unspecified"
             and any(_modality(m) in _addendum_names(ctx, a, all_imaging) for a in run if a.category == "addendum")]
    dates = [d for d in (mention_date(m, reference=ctx.reference_date) for m in within(all_dates, start, end))
             if d is not None]
    target = reads[-1]
    if named:
        modalities = {_modality(m) for m in named}
        same = [r for r in reads if r[0].modality in modalities
                and (not dates or r[0].date is None or r[0].date in dates)]
        if not same:
            return  # the addendum of a study whose report is not in the packet
        target = same[-1]
    elif apart:
        return  # another document's addendum (a pathology report's after the MRI report)
    draft, head, body, kept = target
    dated = next((d for d in (_addendum_date(ctx, a, all_dates) for a in run if a.category == "addendum")
                  if d is not None), None)
    if dated is not None and draft.date is not None and dated < draft.date:
        return  # an addendum dated before the study is not its report's
    addendum = [m for m in within(all_body, start, end) if m.section == "addendum"]
    body = body + addendum
    reads[reads.index(target)] = (draft, head, body, kept)
    verdicts, evidence = _model_verdict(ctx, head, *_report_verdicts(ctx, body))
    draft.verdicts = verdicts
    draft.evidence = draft.evidence[:kept] + evidence
    used.update(m.start for m in named)


def _weighed_diagnoses(ctx: FactContext, mentions: list[Mention]) -> set[int]:
    """The ids of the affirmed diagnoses that a verdict "cannot distinguish" weighs against each other: those
    before it in its sentence or in the sentence just before it, in its section ("High-grade glioma or metastasis.
    Imaging alone cannot distinguish these."). They are the read's differential, not its conclusion."""
    weighed: set[int] = set()
    for v in mentions:
        if v.concept != "IMAGING_INCONCLUSIVE" or v.has("negated") or v.has("hypothetical") \
                or not _CANNOT_DISTINGUISH.matches(v.text):
            continue
        earlier = [s for s in ctx.by_sentence if s < v.sentence_start]
        since = max(earlier) if earlier else v.sentence_start
        for m in mentions:
            if m.concept in _DIAGNOSES and m.section == v.section and since <= m.start < v.start \
                    and not m.has("negated"):
                weighed.add(id(m))
    return weighed


def _report_verdicts(ctx: FactContext, body: list[Mention]) -> tuple[set[str], list[Evidence]]:
    """The report's verdicts: the impression's verdict of what the study showed replaces a findings sentence's
    ("a few foci are nonspecific" under "consistent with demyelinating disease"), and an addendum's verdict of a
    kind replaces the earlier read's verdicts of that kind; the replaced ones stay as evidence marked
    `superseded_verdict`."""
    lesion = _describes_lesion(body)
    verdicts, evidence = _verdict_cues(ctx, [m for m in body if m.section != "addendum"], in_report=True,
                                       lesion=lesion)
    stated, _ = _verdict_cues(ctx, [m for m in body if m.section == "impression"], in_report=True, lesion=lesion)
    shown = VERDICT_KINDS[0]
    if stated & shown:
        verdicts = (verdicts - shown) | (stated & shown)
        evidence = [_superseded(e, by="impression") if e.attributes.get("verdict") in shown
                    and e.section != "impression" else e for e in evidence]
    addendum = [m for m in body if m.section == "addendum"]
    amended, added = _verdict_cues(ctx, addendum, in_report=True, lesion=lesion)
    if _lesional(addendum, in_report=True):
        amended.add("lesional")  # a lesion the addendum finds ends an earlier normal read
    if "lesional" in amended and "nonlesional" in verdicts:
        verdicts.discard("nonlesional")
        evidence = [_superseded(e, "read") if e.attributes.get("read") == "nonlesional" else e for e in evidence]
    amended.discard("lesional")
    for kind in VERDICT_KINDS:
        if amended & kind:
            verdicts -= kind
            evidence = [_superseded(e) if e.attributes.get("verdict") in kind else e for e in evidence]
    return verdicts | amended, evidence + added


def _superseded(e: Evidence, key: str = "verdict", by: str = "addendum") -> Evidence:
    attrs = dict(e.attributes)
    attrs[f"superseded_{key}"] = attrs.pop(key)
    attrs["superseded_by"] = by
    return e.model_copy(update={"attributes": attrs})


def _model_verdict(ctx: FactContext, m: Mention, verdicts: set[str], evidence: list[Evidence]
                   ) -> tuple[set[str], list[Evidence]]:
    """A verdict-model label applied to the study's mention (pipeline/learn/registry.py says when) replaces the
    rules' inconclusive/conclusive verdict (not_stated removes it); the rules' evidence for it stays, marked
    `superseded_verdict` by the model. Whether the mention is a study at all stays the rules' call."""
    output = next((o for o in m.model_outputs if o.kind == "verdict" and o.applied), None)
    if output is None:
        return verdicts, evidence
    kind = VERDICT_KINDS[0]
    new = {output.label} & kind
    if verdicts & kind == new:
        return verdicts, evidence
    evidence = [_superseded(e, by=output.model) if e.attributes.get("verdict") in kind else e for e in evidence]
    if new:
        evidence.append(ctx.evidence(m, attributes={"verdict": output.label, "model": output.model,
                                                    "probability": f"{output.probability:.4f}"}))
    return (verdicts - kind) | new, evidence


def requested_study_cues(ctx: FactContext, m: Mention) -> list[str] | None:
    """None unless the mention names a study being requested now, not one already done (no date, no done-cue);
    else the ids of the cues that say so ([] when it is named in the request section)."""
    sentence = ctx.sentence_text(m)
    if ctx.date_of(m) is not None or _DONE_CUE.matches(sentence):
        return None
    if _REQUEST_CUE.matches(sentence):
        return [_REQUEST_CUE.id]
    return [] if m.section == "request" else None


def is_requested_study(ctx: FactContext, m: Mention) -> bool:
    """The mention names a study asked for or advised, not one done."""
    sentence = ctx.sentence_text(m)
    if _done_verb(ctx, m):
        return False
    if m.section == "request" and ctx.date_of(m) is None and not _DONE_CUE.matches(sentence):
        return True
    if _modality(m) == "MRS" and any(_is_mrs_code(c) for c in ctx.same_sentence(m, "CPT_CODE", counted=False)):
        return True
    lo, hi = ctx.clause_of(m)
    if any(lo <= o.start < hi for o in ctx.same_sentence(m, "MRS_REQUEST", counted=False)):
        # the request's own clause ("repeat MRS requested; prior MRS 08/2026 showed ...": the second is a study)
        return _modality(m) in {"MRS", "unspecified"}
    if _is_recommended(ctx, m) or _is_pending(ctx, m):
        return True
    return bool(_REQUEST_CUE.matches(sentence)) and not _DONE_CUE.matches(sentence)


def own_stretch(ctx: FactContext, m: Mention) -> str:
    """The mention's part of its clause: from the imaging named before it to the imaging named after it."""
    lo, hi = ctx.clause_of(m)
    others = [o for o in ctx.same_sentence(m, "IMAGING", "IMAGING_SEQUENCE", counted=False) if lo <= o.start < hi]
    before = max((o.end for o in others if o.end <= m.start), default=lo)
    after = min((o.start for o in others if o.start >= m.end), default=hi)
    return ctx.text[before:after]


def joined_items_after(ctx: FactContext, m: Mention) -> str:
    """The words after the last study joined to the mention as an item of one row ("PET or MRS in the last 90
    days?", "PET / MRS within 3 months:", "MRI / MRS / PET PRIOR AUTHORIZATION FORM"; cue study.joined_item): what
    the row says of that study it says of each; "" when none is."""
    _, hi = ctx.clause_of(m)
    last = m
    for o in sorted((o for o in ctx.same_sentence(m, "IMAGING", counted=False) if m.end <= o.start < hi),
                    key=lambda o: o.start):
        if o.start < last.end or not _JOINED_ITEM.matches(ctx.text[last.end:o.start]):
            break
        last = o
    return own_stretch_after(ctx, last) if last is not m else ""


def own_stretch_after(ctx: FactContext, m: Mention) -> str:
    """The words after the mention in its own part of the clause, up to the imaging named after it."""
    _, hi = ctx.clause_of(m)
    after = min((o.start for o in ctx.same_sentence(m, "IMAGING", "IMAGING_SEQUENCE", counted=False)
                 if m.end <= o.start < hi), default=hi)
    return ctx.text[m.end:after]


def _talk(ctx: FactContext, m: Mention) -> tuple[str | None, str, str]:
    """The id of the cue by which the study is talked about in its own part of the clause (None if it is not, or
    if that part names its results or its own date or reads it), the rest of that part outside the talk, and that
    rest with the words a refusal denies blanked."""
    lo, hi = ctx.clause_of(m)
    others = [o for o in ctx.same_sentence(m, "IMAGING", "IMAGING_SEQUENCE", counted=False) if lo <= o.start < hi]
    lo = max((o.end for o in others if o.end <= m.start), default=lo)
    hi = min((o.start for o in others if o.start >= m.end), default=hi)
    before, after = ctx.text[lo:m.start], ctx.text[m.end:hi]
    talk_before, talk_after = _DISCUSSED_BEFORE.search(before), _DISCUSSED_AFTER.search(after)
    if talk_before is None and talk_after is None:
        return None, "", ""
    if _DATED_BY_NAME.matches(after) or _DISCUSSED_DONE.matches(before + " " + after) or \
            any(lo <= o.start < hi for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
        return None, "", ""
    rest = (before[:talk_before.start] if talk_before else before) + " " + \
        (after[talk_after.end:] if talk_after else after)
    # a refusal denies the order or done word it holds ("discussed 11/18, not ordered", "discussed on 11/02 - not
    # done"): the refused words show neither an order nor a study done
    refused = _DISCUSSED_REFUSED.regex.sub(lambda hit: " " * len(hit.group()), rest)
    return (_DISCUSSED_BEFORE if talk_before else _DISCUSSED_AFTER).id, rest, refused


def only_discussed(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which the study was only talked about in its own part of the clause ("PET was
    discussed", "we considered an amino-acid PET but chose MRS", "PET weighed against MRS"), else None. Not when
    that part also says, outside the talk, that it was done or asked for ("the previous PET was discussed", "PET
    discussed and ordered"), names its results or its own date ("the PET of 10/02/2026 was discussed"), or reads it
    ("PET was considered nondiagnostic"); a refusal after the talk ("discussed 11/18, not ordered", "not done")
    denies the order or done word it holds (`study.discussed_refused`)."""
    talk, rest, refused = _talk(ctx, m)
    if talk is None or any(c.matches(refused) for c in (_DONE_CUE, _REQUEST_CUE, _PENDING)):
        return None
    if any(c.matches(rest) for c in (_DONE_CUE, _REQUEST_CUE, _PENDING)):
        return DISCUSSED_REFUSED  # only the refusal's words named an order or a study done
    return talk


def discussed_then_ordered(ctx: FactContext, m: Mention) -> bool:
    """The study was talked about and then asked for in its own part of the clause ("FDG-PET discussed on 11/18,
    ordered for 11/25"): a date there is the talk's, not a study's."""
    talk, _, refused = _talk(ctx, m)
    return talk is not None and _REQUEST_CUE.matches(refused) and not _DONE_CUE.matches(refused)


def cancelled_order(ctx: FactContext, m: Mention) -> bool:
    """The study's order was cancelled, discontinued, voided or declined, in its own part of the clause ("PET order
    discontinued", "NM PET BRAIN FDG  Cancelled  11/03/2026", an orders row's status cell "... 78608  D/C'd"): not
    done, and not asked for; unless the order was placed again (`study.order_renewed`: "cancelled by the plan,
    resubmitted 11/20")."""
    lo, hi = ctx.clause_of(m)
    others = [o for o in ctx.same_sentence(m, "IMAGING", "IMAGING_SEQUENCE", counted=False) if lo <= o.start < hi]
    lo = max([o.end for o in others if o.end <= m.start] + [lo, m.start - CANCEL_REACH[0]])
    own_hi = min([o.start for o in others if o.start >= m.end] + [hi])
    hi = min(own_hi, m.end + CANCEL_REACH[1])
    if _RENEWED.matches(ctx.text[m.end:own_hi]):
        return False  # "PET cancelled by the plan, resubmitted 11/20": asked for again
    if _CANCELLED.matches(ctx.text[lo:m.start]) or _CANCELLED.matches(ctx.text[m.end:hi]):
        return True
    # a pipe table's row ("| FDG PET brain | 11/02/2026 | Cancelled |"): its cells after the study's, up to the
    # next study named on the line, are the row's status
    line_lo, line_hi = ctx.line_of(m)
    if "|" not in ctx.text[line_lo:line_hi]:
        return False
    row_hi = min([o.start for o in ctx.same_sentence(m, "IMAGING", "IMAGING_SEQUENCE", counted=False)
                  if m.end <= o.start < line_hi] + [line_hi])
    row = ctx.text[m.end:row_hi]
    return _CANCELLED.matches(row) and not _RENEWED.matches(row)


def in_open_order_row(ctx: FactContext, m: Mention) -> bool:
    """The study is named on an orders table row whose status cell says the order is pending, scheduled or
    cancelled (cue study.order_row_open: "MRI CERVICAL SPINE W WO   11/17/2026   Pending   with MRS"), and no cell
    says it was done (study.row_done_status): neither the row's study nor one its comment names ("with MRS") is a
    study done."""
    line_lo, line_hi = ctx.line_of(m)
    row = ctx.text[line_lo:line_hi]
    return _ORDER_ROW_OPEN.matches(row) and not _ROW_DONE_STATUS.matches(row)


def is_choice_option(ctx: FactContext, m: Mention) -> bool:
    """The study is named inside a management option weighed against another ("yearly MRI vs radiotherapy",
    "an MRI in 6 months vs change to rituximab"; facts cue study.choice_option): a plan, not a study done."""
    return any(o.start <= m.start and m.end <= o.end
               for o in ctx.same_sentence(m, *_CHOICE_OPTION.concepts, counted=False))


def _joined_first(ctx: FactContext, m: Mention) -> Mention:
    """The first study of the items joined to the mention before it in its clause ("MRI/MRS", "CT or MRS";
    cue study.joined_item): what the words before that one say, they say of each item."""
    lo, _ = ctx.clause_of(m)
    first = m
    for o in sorted((o for o in ctx.same_sentence(m, "IMAGING", counted=False) if lo <= o.start and o.end <= m.start),
                    key=lambda o: -o.start):
        if o.end > first.start or not _JOINED_ITEM.matches(ctx.text[o.end:first.start]):
            break
        first = o
    return first


def is_planned(ctx: FactContext, m: Mention) -> bool:
    """"family meeting after the MRS", "MRS to be scheduled", "once the MRS is done": the words next to the study's
    name in its clause place it in the future; the words before the first of the items joined to it place each
    item ("date TBD once MRI/MRS done")."""
    lo, hi = ctx.clause_of(m)
    return _PLANNED_BEFORE.matches(ctx.text[lo:m.start]) or _PLANNED_AFTER.matches(ctx.text[m.end:hi]) or \
        _PLANNED_BEFORE.matches(ctx.text[lo:_joined_first(ctx, m).start])


def reason_label(ctx: FactContext, m: Mention) -> bool:
    """The study is named in a form field's label that asks why it is wanted ("Why MRS / how it changes management:
    MRI 11/11 is indeterminate.", "Medical necessity (MRS): ..."; cues study.reason_label, study.label_separator):
    the request's study, and the date and read of the field's answer are another study's. Not when the label
    itself tells a study done ("Reason the prior MRS was repeated:")."""
    # the label's sentence: a label may wrap a line ("Justification for MR\nspectroscopy: ...")
    before = ctx.text[m.sentence_start:m.start].replace("\n", " ")
    after = ctx.text[m.end:m.sentence_end].replace("\n", " ")
    separator = _LABEL_SEPARATOR.search(after)
    return bool(_REASON_LABEL.matches(before) and separator is not None
                and not _DONE_CUE.matches(before + " " + after[:separator.end]))


def prior_row_denied(ctx: FactContext, m: Mention) -> bool:
    """The study labels a "Prior MRS" row answered with a word of denial ("Prior MRS: never.", "Prior MRS of this
    region   No", "Prior MRS - not done"; cues study.prior_row_label, study.prior_row_denied): none was done."""
    line_lo, line_hi = ctx.line_of(m)
    return bool(_PRIOR_ROW_LABEL.matches(ctx.text[line_lo:m.start])
                and _PRIOR_ROW_DENIED.matches(ctx.text[m.end:line_hi]))


def _date_ahead(ctx: FactContext, m: Mention, skip: list[tuple[int, int]]) -> date | None:
    """The date written nearest the study's name in its clause (after it first), when it falls on or after the
    request date; a month/day date is read as its occurrence nearest the request date. None otherwise, and for a
    year, a month and year or a relative date (those name no day)."""
    parsed = ctx.clause_date(m, month_day_ahead=NEAREST_READING_DAYS, skip=skip)
    return parsed if parsed is not None and ctx.reference_date is not None and parsed >= ctx.reference_date else None


def asked_for(ctx: FactContext, m: Mention, sentence: str, skip: list[tuple[int, int]]) -> bool:
    """The study named is the one asked for or planned, not a prior one: its name is the request's ("Re: MRS
    request dated 11/30/2026", study.request_named_after), or it is dated on or after the request date and the
    words around its name plan it ("MRS scheduled 12/03 if approved": study.planned_before, study.planned_after),
    or dated after the request date in a sentence that tells nothing done ("MRS with the navigation MRI 12/01 to
    define the active tumour": no study.done). "MRS 09/24/2026: raised choline" is a prior MRS."""
    if _REQUEST_NAMED_AFTER.matches(own_stretch_after(ctx, m)):
        return True
    ahead = _date_ahead(ctx, m, skip)
    if ahead is None or ctx.reference_date is None:
        return False
    return is_planned(ctx, m) or (ahead > ctx.reference_date and not _DONE_CUE.matches(sentence))


def _is_recommended(ctx: FactContext, m: Mention) -> bool:
    """"CT would be of benefit", "consider MRI": advised in its own part of the clause, with nothing done there."""
    stretch = own_stretch(ctx, m)
    return _RECOMMENDATION.matches(stretch) and not _DONE_CUE.matches(stretch)


def _is_pending(ctx: FactContext, m: Mention) -> bool:
    """"CT chest is pending": ordered or awaited in its own part of the clause, undated, nothing done there."""
    stretch = own_stretch(ctx, m)
    return _PENDING.matches(stretch) and not _DONE_CUE.matches(stretch) and ctx.date_of(m) is None


def _done_verb(ctx: FactContext, m: Mention) -> bool:
    """"underwent CT", "has had an MRI of": the study is named right after a verb of having had it."""
    lo, _ = ctx.clause_of(m)
    return _DONE_VERB.matches(ctx.text[lo:m.start])


def told_done_plainly(ctx: FactContext, m: Mention, clause: str) -> str | None:
    """The id of the cue by which an undated MRS with no done word (study.done) is told done on the patient before
    the request all the same: a past verb of having it right before its name ("She had an MRS at the outside
    hospital last year", "got a spectroscopy study in Tulsa": study.done_verb), or a relative past time or a place
    elsewhere in its clause `clause` ("MRS at an outside facility 2 yrs ago", "spectroscopy elsewhere last fall":
    study.told_past). None when the clause plans, asks for, advises or calls it off ("will have MRS at the outside
    hospital next week", "the outside hospital recommended an MRS last year", "was supposed to have an MRS last
    spring but it was cancelled": study.told_past_not), or names the spectroscopy of another organ ("had MR
    spectroscopy of the prostate last year": study.spectroscopy_other_organ)."""
    if _TOLD_PAST_NOT.matches(clause) or _OTHER_ORGAN.matches(clause):
        return None
    if _done_verb(ctx, m):
        return _DONE_VERB.id
    return _TOLD_PAST.id if _TOLD_PAST.matches(clause) else None


def _is_mrs_code(m: Mention) -> bool:
    return m.attrs.get("code") in _MRS_CODES or m.text.strip() in _MRS_CODES


def _named_elsewhere(ctx: FactContext, m: Mention) -> bool:
    """A sequence mention in a sentence that names the imaging itself (the named mention is the citation)."""
    return bool(ctx.same_sentence(m, "IMAGING", counted=False))


def _study_modality(ctx: FactContext, m: Mention) -> str:
    """The modality a citation names; "imaging" described by MRI sequences in its sentence is an MRI."""
    modality = _modality(m)
    if modality == "unspecified" and ctx.same_sentence(m, "IMAGING_SEQUENCE"):
        return "MRI"
    return modality


def _follow_on(ctx: FactContext, m: Mention, starts: list[int]) -> list[Mention]:
    """Verdict mentions in the sentences right after the mention's sentence that go on about it: the same
    paragraph and section, each opening with a continuation cue ("It", "The findings") or with the verdict itself,
    up to a sentence that names another study or another subject (labs, EEG) or says something else."""
    out: list[Mention] = []
    start, end = m.sentence_start, m.sentence_end
    for _ in range(FOLLOW_ON_SENTENCES):
        k = bisect_left(starts, end)
        if k == len(starts):
            break
        nxt = starts[k]
        between = ctx.text[end:nxt]
        tail = ctx.text[start:nxt]
        gap = tail[len(tail.rstrip()):]
        if between.strip() or gap.count("\n") > 1 or "\f" in gap:
            break  # a sentence without findings, or a new paragraph, between them
        here = ctx.by_sentence[nxt]
        if any(o.section != m.section for o in here):
            break
        if any((o.concept == "IMAGING" and _modality(o) != "unspecified") or o.concept in _OTHER_SUBJECTS
               for o in here):
            break
        sentence = ctx.text[nxt:here[0].sentence_end]
        verdicts = [o for o in here if o.concept in _VERDICT_CONCEPTS]
        opens_with_verdict = any(not ctx.text[nxt:o.start].strip(" \t\n-*:") for o in verdicts)
        if not (_CONTINUATION.matches(sentence) or opens_with_verdict):
            break
        out.extend(o for o in here if o.concept in _VERDICT_CONCEPTS or o.concept in HEDGED_FINDINGS)
        start, end = nxt, here[0].sentence_end
    return out


_ASIDE = re.compile(r"\([^()]*\)")


def _other_study_asides(ctx: FactContext, m: Mention) -> list[tuple[int, int]]:
    """The parentheses of the mention's sentence that name another study and leave the mention outside
    ("standalone MRS session (MRI done 10/12/2026)"): their dates and done-words are that study's."""
    lo, hi = m.sentence_start, m.sentence_end
    others = [o.start for o in ctx.same_sentence(m, "IMAGING", counted=False) if o.start != m.start]
    return [(lo + a.start(), lo + a.end()) for a in _ASIDE.finditer(ctx.text[lo:hi])
            if not lo + a.start() <= m.start < lo + a.end()
            and any(lo + a.start() < o < lo + a.end() for o in others)]


def _done_told(text: str) -> bool:
    """The text tells a study done (study.done), a done word of the future set aside ("to be done with the 3T
    epilepsy protocol", "will be performed at 3T": study.done_future)."""
    return _DONE_CUE.matches(_DONE_FUTURE.regex.sub(" ", text))


def _own_words(ctx: FactContext, m: Mention, others: list[Mention], dates: list[Mention]) -> tuple[str, str]:
    """The MRS's own words in its clause: before its name back to the punctuation, date or study before it, and
    after it up to the next study named."""
    lo, _ = ctx.clause_of(m)
    lead_lo = max([lo, *(x.end for x in (*others, *dates) if x.end <= m.start)])
    lead = ctx.text[lead_lo:m.start]
    lead = lead[max(lead.rfind(c) for c in ",:;(-\u2013\u2014") + 1:]
    return lead, own_stretch_after(ctx, m)


def _session_joined(ctx: FactContext, m: Mention, o: Mention, dates: list[Mention]) -> bool:
    """The MRS and the other study are joined as one session by the words between them, dates blanked ("MRI
    09/2026 with spectroscopy", "MRS at the 09/2026 MRI", "MRI + MRS": study.session_join)."""
    a, b = (o.end, m.start) if o.end <= m.start else (m.end, o.start)
    between = ctx.text[a:b]
    for d in dates:
        if a <= d.start and d.end <= b:
            between = between[:d.start - a] + " " * (d.end - d.start) + between[d.end - a:]
    return _SESSION_JOIN.matches(between)


def neighbour_dates(ctx: FactContext, m: Mention) -> list[tuple[int, int]]:
    """The dates of the MRS's clause that are another study's: nearer that study's name than the MRS's, the two not
    joined as one session (study.session_join), when the MRS's own words neither read a spectrum
    (study.spectrum_result), nor give a verdict, nor tell it done (study.done, study.done_verb). "MRI 8/26
    nonspecific, genetics asks for MRS", "MRI 10/02 equivocal, hence MRS", "Request: 1) MR spectroscopy, TE 35/144 -
    MRI 10/02/2026 indeterminate": the date is the MRI's, and the MRS the one asked for. "MRI 10/02/2026, MRS:
    lactate doublet", "MRS at the 09/2026 MRI" keep the date."""
    lo, hi = ctx.clause_of(m)
    others = [o for o in ctx.same_sentence(m, "IMAGING", counted=False) if lo <= o.start < hi and o.start != m.start]
    dates = [d for d in ctx.same_sentence(m, "DATE", counted=False)
             if d.concept == "DATE" and lo <= d.start and d.end <= hi]
    if not others or not dates:
        return []
    lead, after = _own_words(ctx, m, others, dates)
    words = f"{lead} {after}"
    if _done_told(words) or _SPECTRUM_RESULT.matches(words) or _DONE_VERB.matches(lead) or any(
            m.end <= v.start < m.end + len(after) for v in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
        return []

    def gap(d: Mention, x: Mention) -> int:
        return x.start - d.end if d.end <= x.start else d.start - x.end

    spans = []
    for d in dates:
        owner = min(others, key=lambda o: gap(d, o))
        if gap(d, owner) < gap(d, m) and not _session_joined(ctx, m, owner, dates):
            spans.append((d.start, d.end))
    return spans


def _without(ctx: FactContext, m: Mention, spans: list[tuple[int, int]]) -> str:
    """The mention's sentence with the spans blanked (offsets kept)."""
    lo, hi = m.sentence_start, m.sentence_end
    text = ctx.sentence_text(m)
    for a, b in spans:
        a, b = max(a, lo), min(b, hi)
        if a < b:
            text = text[:a - lo] + " " * (b - a) + text[b - lo:]
    return text


def _quotation_of(ctx: FactContext, m: Mention) -> tuple[int, int] | None:
    """The quotation of another's words that holds the mention (study.quoted_words), on its line or in its
    sentence: ('the reviewer wrote "spectroscopy is not expected to add value"')."""
    line_lo, line_hi = ctx.line_of(m)
    lo, hi = min(line_lo, m.sentence_start), max(line_hi, m.sentence_end)
    for q in _QUOTED_WORDS.regex.finditer(ctx.text[lo:hi]):
        if lo + q.start() < m.start and m.end <= lo + q.end():
            return lo + q.start(), lo + q.end()
    return None


def _not_shown(ctx: FactContext, m: Mention) -> list[str]:
    """The cue that names the cited study only as not (yet) showing a disease ("MRS requested to r/o early glioma not
    yet visible on MRI", "an early tumour the CT cannot show yet"): a hedge of that disease in the sentence is the
    request's question, not the study's read (verdict.not_shown_before, verdict.not_shown_after)."""
    lo, hi = ctx.clause_of(m)
    if _NOT_SHOWN_BEFORE.matches(ctx.text[lo:m.start]):
        return [_NOT_SHOWN_BEFORE.id]
    if _NOT_SHOWN_AFTER.matches(ctx.text[m.end:hi]):
        return [_NOT_SHOWN_AFTER.id]
    return []


def _clause(ctx: FactContext, m: Mention, sentence: str) -> str:
    """The mention's clause (its sentence cut at ";") out of its sentence's text `sentence` (offsets kept)."""
    lo, hi = ctx.clause_of(m)
    return sentence[lo - m.sentence_start:hi - m.sentence_start]


def mrs_not_done(ctx: FactContext, m: Mention, sentence: str, dated: bool) -> str | None:
    """The id of the cue by which an MRS named in a note is the request, a prospect or talk about one, not a study
    done (`sentence`: its sentence with the spans of other studies and speakers blanked; `dated`: a date of its
    clause was read as its own): what it may show or is needed for ("spectroscopy could show a lactate peak",
    study.prospect_after), whether it is covered or appropriate ("MRS is appropriate when ...",
    study.coverage_after), the subject line of a letter or fax ("Re: ..., DOB ... - MR spectroscopy",
    study.subject_line), a phone or fax log about the request ("called to check on the MRS fax",
    study.request_log), or a plan around it dated by another event ("labs drawn 11/12/2026 before the MRS",
    study.planned_before). None when its own words tell it done, date it or read it ("MRS done at the outside
    facility in August: NAA reduced", "after the MRS of 10/02/2026")."""
    lo, _ = ctx.clause_of(m)
    clause = _clause(ctx, m, sentence)
    stretch = own_stretch(ctx, m)
    after = own_stretch_after(ctx, m)
    line_lo, line_hi = ctx.line_of(m)
    line = ctx.text[line_lo:line_hi]
    if prior_row_denied(ctx, m):
        return _PRIOR_ROW_DENIED.id  # "Prior MRS: never.", "Prior MRS of this region   No"
    if reason_label(ctx, m):
        return _REASON_LABEL.id  # "Why MRS / how it changes management: MRI 11/11 is indeterminate."
    not_patients = not_done_on_patient(ctx, m)
    if not_patients is not None:
        return not_patients  # "MRS cannot be done until ...", "his cousin's MRS", "SPECTROSCOPY PROTOCOL REVIEW"
    if not _DONE_CUE.matches(line):
        if _SUBJECT_LINE.matches(ctx.text[line_lo:m.start]):
            return _SUBJECT_LINE.id  # the line's date is the letter's
        if _SERVICE_LINE.matches(ctx.text[line_lo:m.start]) and not _SPECTRUM_READ.matches(
                ctx.text[m.end:line_hi]) and not any(
                line_lo <= o.start < line_hi for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
            # "Service: MRI brain w/wo with MR spectroscopy": the study ordered; not "Procedure: MRS 09/2026 -
            # elevated choline", a line that reads the spectrum
            return _SERVICE_LINE.id
        if _REQUEST_TITLE.matches(ctx.text[line_lo:m.start]) and not any(
                line_lo <= o.start < line_hi for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
            return _REQUEST_TITLE.id
        if service_dated_line(ctx, m):
            return _SERVICE_DATE_FIELD.id  # "Date of service: 12/11/2026  Procedure: brain MR spectroscopy"
    if _REQUEST_NAMED_AFTER.matches(joined_items_after(ctx, m)):
        return _REQUEST_NAMED_AFTER.id  # "MRI / MRS / PET PRIOR AUTHORIZATION FORM": each item is the form's
    if _OWN_DATE_AFTER.matches(after):
        return None
    choice = named_as_choice(ctx, m)
    if choice is not None:
        return choice  # "Tumour board 09/30: MRS preferred over PET", "Plan (10/21): spectroscopy": no study done
    talk = advised_or_general(ctx, m, sentence)
    if talk is not None:
        return talk  # "MRS advised at the conference 11/04", "Park et al. (2021) describe MRS markers of ..."
    for words in (_PROSPECT_AFTER, _COVERAGE_AFTER):
        if words.matches(after):
            return words.id  # "may demonstrate" is no study done
    question = asked_about(ctx, m)
    if question is not None:
        return question  # "Father asks whether the MRS can be done before ...": the request asked about
    timing = wished_ahead(ctx, m)
    if timing is not None:
        return timing  # "we would like the MRS done before the implant": the done word is the wish's
    if _DONE_CUE.matches(stretch):
        return None
    if _REQUEST_LOG.matches(sentence) and not _DONE_CUE.matches(sentence) \
            and not _DISCUSSED_DONE.matches(clause):
        return _REQUEST_LOG.id
    if dated and is_planned(ctx, m) and not _DONE_CUE.matches(clause):
        return _PLANNED_BEFORE.id if _PLANNED_BEFORE.matches(ctx.text[lo:m.start]) else _PLANNED_AFTER.id
    return None


def service_dated_line(ctx: FactContext, m: Mention) -> bool:
    """The MRS's own line is a form row that dates the service asked for: a date labelled as the service's, the
    exam's or the procedure's (cue study.service_date_field: "Date of service: 12/11/2026  Procedure: brain MR
    spectroscopy", "Brain MRS - DOS 12/12/2026") falls on or after the request date, and the line neither reads the
    MRS (a verdict, study.spectrum_read) nor tells it done (the caller's study.done test). Without a request date
    the latest date in the packet stands in, and it may be this very date."""
    line_lo, line_hi = ctx.line_of(m)
    if _SPECTRUM_READ.matches(ctx.text[m.end:line_hi]) or any(
            line_lo <= o.start < line_hi for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
        return False
    for d in ctx.mentions("DATE", counted=False):
        if not line_lo <= d.start < line_hi or d.attrs.get("precision") == "relative":
            continue
        if not _SERVICE_DATE_FIELD.matches(ctx.text[max(line_lo, d.start - PLANNED_LABEL_REACH):d.start]):
            continue
        told = mention_date(d, reference=ctx.reference_date)
        if told is not None and (ctx.reference_date is None or told >= ctx.reference_date):
            return True
    return False


def not_done_on_patient(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which an MRS's own words tell it not done on the patient, whatever done word, date or
    read its sentence holds: held until a future event ("MRS cannot be done until cardiology clears the new ICD",
    "spectroscopy deferred until the stent is 6 weeks old": study.held_until_after; "we will not be able to do the
    MRS until ...": study.held_until_before with study.held_event), another person's ("his cousin's MRS was normal",
    "My sister had a spectroscopy": study.other_person; "With her brother they said the spectroscopy showed ...":
    study.other_person_opener), or named on the title line of a planning, feasibility, protocol or scheduling
    document ("SPECTROSCOPY PROTOCOL REVIEW 11/01/2026": study.planning_title). A hold is set aside when the rest
    of its clause tells the MRS done or reads it ("MRS was deferred in 2024 but performed 03/2025: raised
    choline"), and a title when its line does."""
    lo, hi = ctx.clause_of(m)
    after = own_stretch_after(ctx, m)
    before = ctx.text[lo:m.start]
    held = _HELD_AFTER.search(after)
    rest, held_by = (after[held.end:], _HELD_AFTER.id) if held is not None else \
        (after, _HELD_BEFORE.id) if _HELD_BEFORE.matches(before) and _HELD_EVENT.matches(after) else (None, None)
    if rest is not None and held_by is not None and not _done_told(rest) and not _SPECTRUM_RESULT.matches(rest) \
            and not any(m.end <= o.start < hi for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
        return held_by
    if _OTHER_PERSON.matches(before):
        return _OTHER_PERSON.id
    if _OTHER_OPENER.matches(ctx.text[m.sentence_start:m.start]):
        return _OTHER_OPENER.id
    line_lo, line_hi = ctx.line_of(m)
    line = ctx.text[line_lo:line_hi]
    if _PLANNING_TITLE.matches(line) and not _SPECTRUM_RESULT.matches(line) and not any(
            line_lo <= o.start < line_hi for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
        return _PLANNING_TITLE.id
    return None


def named_as_choice(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which the study is named as a choice or a plan's or request's item: chosen after its
    name ("MRS chosen", "MRS preferred over PET": study.chosen_after), chosen before it in its clause ("we decided on
    MR spectroscopy", "chose spectroscopy over PET") or named by a plan or request label opening its sentence
    ("Plan (10/21): spectroscopy": study.chosen_before). None when its clause reads the study (a verdict of it)."""
    lo, hi = ctx.clause_of(m)
    chosen = _CHOSEN_AFTER.search(own_stretch_after(ctx, m))
    words = (m.end, m.end + chosen.end) if chosen is not None else (m.end, m.end)  # "MRS favoured": no read
    if any(lo <= o.start < hi and not words[0] <= o.start < words[1]
           for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
        return None
    if chosen is not None:
        return _CHOSEN_AFTER.id
    if _CHOSEN_BEFORE.matches(ctx.text[lo:m.start]) or _CHOSEN_BEFORE.matches(ctx.text[m.sentence_start:m.start]):
        return _CHOSEN_BEFORE.id
    return None


def advised_or_general(ctx: FactContext, m: Mention, sentence: str) -> str | None:
    """The id of the cue by which the MRS is advised, a meeting's item, what a referral is for, or named in
    literature or a general rule, not a study of the patient: advised after its name ("MRS advised at the
    conference 11/04/2026", study.advised_after), a meeting's item ("MDT 11/11 outcome: MRS to characterise",
    study.meeting_item_before), a referral's object ("Referral dated 11/12 for MR spectroscopy",
    study.referral_for_before), a cited paper ("Park et al. (2021) describe MRS markers ...", study.literature) or a
    programme's rule ("per our programme every presurgical case gets MRS", study.protocol_general). None when the
    rest of its clause tells it done or reads it (a verdict, a spectrum result)."""
    lo, hi = ctx.clause_of(m)
    after = own_stretch_after(ctx, m)
    if _done_told(after) or _SPECTRUM_RESULT.matches(after) or any(
            lo <= o.start < hi for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
        return None
    if _ADVISED_AFTER.matches(after):
        return _ADVISED_AFTER.id
    if _MEETING_ITEM.matches(ctx.text[m.sentence_start:m.start]):
        return _MEETING_ITEM.id
    if _REFERRAL_FOR.matches(ctx.text[lo:m.start]):
        return _REFERRAL_FOR.id
    if _done_told(ctx.text[lo:m.start]) and not _REFERRAL_FOR.matches(ctx.text[lo:m.start]):
        return None  # "the MRS obtained ...", "prior MRS": a study done
    for words in (_LITERATURE, _PROTOCOL_GENERAL):
        if words.matches(sentence):
            return words.id
    return None


def wished_ahead(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which the words around the study's name wish or plan it done ahead of something else:
    "MRS to be done before surgery", "would rather the spectroscopy be done first" (study.done_ahead_after), or a
    wish before its name and the bare participle after it, "we would like the MRS done before the implant",
    "ideally MRS performed first" (study.planned_before with study.wished_done_after). None when its clause reads
    the study (a verdict of it)."""
    lo, hi = ctx.clause_of(m)
    after = own_stretch_after(ctx, m)
    if any(lo <= o.start < hi for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
        return None
    if _DONE_AHEAD_AFTER.matches(after):
        return _DONE_AHEAD_AFTER.id
    if _PLANNED_BEFORE.matches(ctx.text[lo:m.start]) and _WISHED_DONE_AFTER.matches(after):
        return _WISHED_DONE_AFTER.id
    return None


def asked_about(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which the study is named inside a question about it: an indirect one before its name
    ("Father asks whether the MRS can be done before the genetics visit", "pt wants to know if spectroscopy needs
    sedation", study.question_about) or a direct one whose "?" follows its name in its clause ("Family asks: can the
    MRS be done before Christmas?", study.question_direct). None when its own words after it ask what a study done
    showed ("asks whether the MRS showed a tumour", study.question_result) or read it."""
    lo, hi = ctx.clause_of(m)
    before = ctx.text[lo:m.start]
    after = own_stretch_after(ctx, m)
    if _QUESTION_RESULT.matches(after) or any(
            lo <= o.start < hi for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, counted=False)):
        return None
    if _QUESTION_ABOUT.matches(before):
        return _QUESTION_ABOUT.id
    if _QUESTION_DIRECT.matches(before) and "?" in ctx.text[m.end:hi]:
        return _QUESTION_DIRECT.id
    return None


def denied_study(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue by which a negated study's own words deny that it was done: the negation right before its
    name ("no prior spectroscopy", "has never had an MRS": study.denied_before) or the verb after it ("MRS has never
    been done", study.denied_after). Such a study is none whatever date its clause holds ("MRI brain 10/02/2026, no
    prior spectroscopy": the date is the MRI's); not a lapse since the study's own date ("no MRI since 10/02/2026").
    None for a study negated from further away ("no enhancement on the MRI of 10/02/2026")."""
    if not m.has("negated"):
        return None
    lo, _ = ctx.clause_of(m)
    after = own_stretch_after(ctx, m)
    if _SINCE_AFTER.matches(after):
        return None
    if _DENIED_BEFORE.matches(ctx.text[lo:m.start]):
        return _DENIED_BEFORE.id
    return _DENIED_AFTER.id if _DENIED_AFTER.matches(after) else None


def preprocedure_study(ctx: FactContext, m: Mention) -> bool:
    """The study is named, on its line, after the title of an assessment made ahead of it ("PRE-PROCEDURE ASSESSMENT
    (MRI / MRS under GA) Date: 11/03/2026", "Pre-anaesthesia evaluation for MRI/MRS"; study.preprocedure_title): the
    study planned, not one done, and the line's date is the assessment's."""
    line_lo, _ = ctx.line_of(m)
    return _PREPROCEDURE_TITLE.matches(ctx.text[line_lo:m.start])


def _citation_drafts(ctx: FactContext, used: set[int]) -> list[_Draft]:
    drafts: list[_Draft] = []
    starts = sorted(ctx.by_sentence)
    dobs = [(b.start, b.end) for b in ctx.mentions("DOB", counted=False)]  # a date of birth dates no study
    for m in ctx.mentions("IMAGING", "IMAGING_SEQUENCE"):
        if m.start in used or m.has("hypothetical") or is_requested_study(ctx, m):
            continue
        if only_discussed(ctx, m) is not None:
            continue  # "PET was discussed at tumor board on 11/05; MRS preferred": talked about, not done
        if cancelled_order(ctx, m):
            continue  # "FDG-PET order from 10/30 was cancelled by the ordering provider": never done
        if in_open_order_row(ctx, m):
            continue  # "MRI C-SPINE W WO   11/17/2026   Pending   with MRS": an order row, nothing on it done
        if is_choice_option(ctx, m):
            continue  # "we weighed serial MRI every 4 months versus early resection": an option, not a study
        if preprocedure_study(ctx, m):
            continue  # "PRE-PROCEDURE ASSESSMENT (MRI / MRS under GA) Date: 11/03": the study planned, not done
        if m.concept == "IMAGING_SEQUENCE" and _named_elsewhere(ctx, m):
            continue
        modality = _study_modality(ctx, m)
        if m.section in VERDICT_SECTIONS and modality == "unspecified":
            continue  # "imaging" inside a report body refers to the report itself
        asides = _other_study_asides(ctx, m) + dobs
        quoted = _quotation_of(ctx, m) if modality == "MRS" else None
        if quoted is not None:  # another's words: what lies outside the quotation is the speaker's
            asides += [(m.sentence_start, quoted[0]), (quoted[1], m.sentence_end)]
        borrowed = neighbour_dates(ctx, m) if modality == "MRS" else []
        asides += borrowed  # "MRI 8/26 nonspecific, genetics asks for MRS": the date is the MRI's
        when = ctx.date_of(m, skip=asides)
        if m.concept == "IMAGING" and m.has("negated") and (
                when is None or any(r in _FORM_ANSWERED_NO.values for r in m.modifier_rules)
                or denied_study(ctx, m) is not None or _ROW_ANSWERED_NO.matches(own_stretch_after(ctx, m))):
            # "no prior MRI is available", "has never had a CT" (a negated sequence still shows an MRI); a study a
            # form row answers No in order is none, whatever date the row holds ("Prior MRS / PET ... none /
            # 10/02/2026": the date answers the PET), and so is one its own words deny ("MRI brain 10/02/2026, no
            # prior spectroscopy": the date is the MRI's), and so is one a row labelled by it answers No ("Prior MRS:
            # N/A - first request (11/02/2026)": the date is the request's)
            continue
        if m.concept == "IMAGING" and modality == "unspecified" and when is None and m.has("uncertain"):
            continue  # "whether a scan can tell Alzheimer's from small strokes": what imaging might show, no study
        sentence = _without(ctx, m, asides)
        plainly = None
        if modality == "MRS" and when is None:
            clause = _clause(ctx, m, sentence)
            done_said = _done_told(clause)
            # "She had an MRS at the outside hospital last year": done, told with no done word
            plainly = None if done_said else told_done_plainly(ctx, m, clause)
            if borrowed or not (done_said or plainly) or is_planned(ctx, m):
                # the MRS being requested or planned ("after the MRS", "MRS to be scheduled", "to be done with the 3T
                # protocol"), or named beside another study's date with nothing of its own done, not a prior one
                continue
        if modality == "MRS" and mrs_not_done(ctx, m, sentence, when is not None) is not None:
            continue  # "spectroscopy could show a lactate peak", "Re: ... - MR spectroscopy": the request or talk
        if asked_for(ctx, m, sentence, asides):
            continue  # "Re: MRS request dated 11/30", "MRS with the navigation MRI 12/01 to define ...": asked for
        body_part, part_cues = _body_part(ctx, m)
        not_shown = _not_shown(ctx, m)
        verdicts, evidence = _verdict_cues(
            ctx, [o for o in ctx.same_sentence(m, *_VERDICT_CONCEPTS, *HEDGED_FINDINGS, *_LESIONAL.concepts)
                  if not _reads_other_region(ctx, o, body_part)
                  # a hedge beside a study named only as not showing it is the request's question, no read of it
                  and not (not_shown and o.concept in HEDGED_FINDINGS and o.has("uncertain"))], in_report=False)
        going_on = [o for o in _follow_on(ctx, m, starts) if not _reads_other_region(ctx, o, body_part)]
        below = _quoted_read_below(ctx, m)
        if below is not None and below.study == m.start and below.reader and not below.other:
            # the reader's impression quoted over the lines below the attribution is the study's read
            seen = {o.start for o in going_on}
            going_on += [o for o in within(ctx.mentions(*_VERDICT_CONCEPTS, *HEDGED_FINDINGS, counted=False),
                                           below.start, below.end) if o.start not in seen]
        later, later_evidence = _verdict_cues(ctx, going_on, in_report=False)
        verdicts |= later
        evidence += [cite_cues(e, _CONTINUATION.id) for e in later_evidence]
        weighed = ctx.same_sentence(m, *HEDGED_FINDINGS, counted=False)
        settled = [s for s in (ctx.supersession_of(o) for o in weighed) if s is not None and not settled_by_test(ctx, s)]
        if settled and "inconclusive" in verdicts and not _still_open(ctx, settled, weighed):
            # the sentence weighed a differential that a later read settled ("glioma versus demyelination", then
            # "tumor was ruled out"): the citation is no longer an open read
            verdicts.discard("inconclusive")
            evidence = [_superseded(e, by=settled[0].source) if e.attributes.get("verdict") == "inconclusive" else e
                        for e in evidence]
        cited_by: list[str] = []
        if when is None and not verdicts:
            cited_by = [plainly] if plainly is not None else \
                       [c.id for c in (_DONE_VERB,) if _done_verb(ctx, m)] or \
                       [c.id for c in (_PAST_CUE,) if c.matches(sentence)]
            if not cited_by:
                continue
        if modality == "unspecified" and not verdicts:
            continue  # the bare word "imaging" is a study only when the text says what it showed
        verdicts, evidence = _model_verdict(ctx, m, verdicts, evidence)
        draft = _Draft(modality=modality, date=when, verdicts=verdicts, anchor=m.start, body_part=body_part)
        draft.in_hand, told = _report_told(ctx, m, starts, through=max((o.sentence_end for o in going_on), default=0),
                                           below=below)
        draft.citing, draft.said_in_hand = True, draft.in_hand
        draft.source, draft.outside = _source_of(ctx, m)
        if not draft.in_hand:
            draft.unreported.extend(told)
        answered = [QUESTION_YES_CUE] if when is not None and (m.start, m.end, m.concept) in ctx.dated_by_answer \
            else []
        draft.evidence.append(ctx.evidence(m, cues=cited_by + part_cues + told + not_shown + answered))
        draft.evidence.extend(evidence)
        drafts.append(draft)
    return drafts


def _report_told(ctx: FactContext, m: Mention, starts: list[int], *, through: int = 0,
                 below: _QuoteBelow | None) -> tuple[bool, list[str]]:
    """What the citation's sentence says of the study's written report, else the sentences after it up to `through`
    (those that go on about the study and give its read: "MRI brain 11/12/2026. The radiologist gave a verbal
    preliminary read: ..."), else the next sentence of its paragraph after those when that names no study ("... The
    written report has not arrived."): (in the packet, the cue ids that say so). In the packet: `study.report_in_hand`
    ("report attached", "final report 10/05 enclosed"); not in it: `study.report_unavailable` ("the radiologist
    phoned a preliminary; the final report has not arrived", "report to follow", "verbal read only"), or known only
    from someone else's account in the citation's own clause: `study.hearsay_read` ("the outside MRI reportedly
    shows growth", "according to the referring NP, the MRI was equivocal", "family was told the CT showed ...").
    In hand wins over a preliminary told by phone or a hearsay account; the cue ids are given only when the packet
    says it lacks the report or tells the read second-hand. `below`: the quotation laid out under an attribution in
    its paragraph (`_quoted_read_below`, which the caller has read already)."""
    sentence = ctx.sentence_text(m)
    if below is not None and below.other:
        # 'MRI brain 10/02 - per his wife, impression:' over a quotation: her words, not the reader's
        return False, [_QUOTE_OTHER_SOURCE.id]
    if below is not None and below.reader and not below.spoken:
        # 'MRI brain 10/02 - I agree with the read (Dr. A. Lee, radiology), impression:' over a quotation of several
        # lines: the reader's own words, in the packet
        return True, [_QUOTED_BELOW.id]
    if _QUOTED_READ.matches(sentence) and not _SPOKEN_READ.matches(sentence):
        # 'MRI brain 10/12 - impression per Dr. N. Okoro, neuroradiology (report in chart): "..."': the reader's
        # own words quoted are the read, in the packet
        return True, [_QUOTED_READ.id]
    lo, hi = ctx.clause_of(m)
    hearsay = _HEARSAY.matches(ctx.text[lo:hi])
    texts = [sentence]
    if through > m.sentence_end:
        texts.append(ctx.text[m.sentence_end:through])
    nxt = next_sentence(ctx.text, max(m.sentence_end, through))
    for _ in range(PARAGRAPH_REACH):
        # the sentences after it in its paragraph, up to one that names a study ("... Patient stable overnight.
        # Final report pending from the outside hospital.")
        if nxt is None:
            break
        lo, hi = nxt
        k = bisect_left(starts, lo)
        names = [o for s in starts[k:bisect_left(starts, hi)] for o in ctx.by_sentence[s]
                 if o.concept == "IMAGING" and _modality(o) != "unspecified"]
        if names:
            break
        texts.append(ctx.text[lo:hi])
        nxt = next_sentence(ctx.text, hi)
    before = _sentence_before(ctx, m)
    if before is not None:
        texts.append(before)
    for text in texts:
        in_hand = _REPORT_IN_HAND.matches(text)
        lacking = any(not _OTHER_REPORT.matches(text[max(0, hit.start() - OTHER_REPORT_REACH):hit.end()])
                      for hit in _REPORT_UNAVAILABLE.regex.finditer(text))
        if in_hand:
            return True, [_REPORT_IN_HAND.id] if lacking or hearsay else []
        if lacking:
            return False, [_REPORT_UNAVAILABLE.id] + ([_HEARSAY.id] if hearsay else [])
    return False, [_HEARSAY.id] if hearsay else []


@dataclass(frozen=True)
class _QuoteBelow:
    """A quotation laid out on the lines below its attribution (study.quoted_read_below): its span (the quote
    marks included), the offset of the study it reads (the last one named before it in its paragraph; -1: none),
    and whether its attribution clause names a reader, another source or a spoken read."""

    start: int
    end: int
    study: int
    reader: bool
    other: bool
    spoken: bool


def _quoted_read_below(ctx: FactContext, m: Mention) -> _QuoteBelow | None:
    """The quotation laid out below an attribution in the mention's paragraph that reads the mention's study (the
    study named last before it: 'MRI brain 10/02 - ... I agree with the read (Dr. A. Lee, radiology), impression:'
    over '  "... nonspecific ..."'), or that holds the mention (a study named inside the quoted words); None when
    there is none. An earlier study's quotation ("For comparison, CT head 05/2025 (Dr. B, radiology), impression:
    ...") reads that study, not the one named before it."""
    text = ctx.text
    para_lo = max(text.rfind("\n\n", 0, m.start), text.rfind("\f", 0, m.start), -1) + 1
    ends = [i for i in (text.find("\n\n", m.end), text.find("\f", m.end)) if i >= 0]
    para_hi = min(ends) if ends else len(text)
    studies = [o for o in within(ctx.mentions("IMAGING", counted=False), para_lo, para_hi)
               if _modality(o) != "unspecified"]
    for hit in _QUOTED_BELOW.regex.finditer(text, para_lo, para_hi):
        opening = hit.end() - 1
        close = text.find(_CLOSING_QUOTE.get(text[opening], '"'), opening + 1, para_hi)
        if close < 0 and text[opening] != '"':
            close = text.find('"', opening + 1, para_hi)
        if close < 0:
            continue
        before = [o for o in studies if o.end <= hit.start()]
        study = before[-1] if before else None
        if not (opening < m.start < close or (study is not None and study.start == m.start)):
            continue
        lead = text[study.end if study is not None else para_lo:opening]
        clause = lead[max((c.end() for c in _CLAUSE_END.finditer(lead)), default=0):]
        return _QuoteBelow(opening, close + 1, study.start if study is not None else -1,
                           _QUOTE_READER.matches(clause), _QUOTE_OTHER_SOURCE.matches(clause),
                           _SPOKEN_READ.matches(clause))
    return None


def _sentence_before(ctx: FactContext, m: Mention) -> str | None:
    """The sentence just before the mention's in its paragraph ("Outside MRI report not received. Per the call,
    the MRI brain of 11/02 showed ..."), when it names no study of another modality; None otherwise."""
    text = ctx.text
    para = max(text.rfind("\n\n", 0, m.sentence_start), text.rfind("\f", 0, m.sentence_start))
    prev = text[max(para, 0):m.sentence_start].rstrip()
    if not prev or prev[-1] not in ".;!?:":
        return None
    cut = max(prev.rfind(". ", 0, len(prev) - 1), prev.rfind("\n", 0, len(prev) - 1), prev.rfind("; ", 0, len(prev) - 1))
    lo = max(para, 0) + cut + 1
    own = _modality(m)
    if any(o.concept == "IMAGING" and lo <= o.start < m.sentence_start and _modality(o) not in (own, "unspecified")
           for o in ctx.nlp.mentions):
        return None
    return text[lo:m.sentence_start]


@dataclass(frozen=True)
class _Absence:
    """A statement that the packet lacks the written report of a study: of which modality (None: any study done
    at another facility), which date and which named facility (None: not given), and the cue that says so."""

    modality: str | None
    date: date | None
    source: str | None
    cue: str
    precision: str | None = None  # of the date: "month" (10/2026) or "year" (2026) names no day

    def reaches(self, d: _Draft) -> bool:
        """The draft is a study the statement is about: the same modality (or, for a statement naming none, a
        study done outside), and the same date (within the month or year a coarser date names) and facility when
        both give one."""
        if self.modality is None:
            if not (d.outside or d.source):
                return False
        elif d.modality != self.modality:
            return False
        if self.date is not None and d.date is not None and not _same_date(self.date, self.precision, d.date):
            return False
        return self.source is None or d.source is None or self.source == d.source


def _same_date(a: date, precision: str | None, b: date) -> bool:
    if precision == "year":
        return a.year == b.year
    if precision == "month":
        return (a.year, a.month) == (b.year, b.month)
    return a == b


def _study_date_of(ctx: FactContext, o: Mention) -> tuple[date | None, str | None]:
    """The date of the study a missing-report statement names, and its precision: the date nearest its name in
    its clause, but not one that dates the statement itself (the note, fax or call that says the report is lacking:
    "Fax 11/15/2026: outside MRI report not received", "Outside MRI report requested 11/10 - not received",
    "Called the OSH on 11/15 for the MRI report": study.statement_date_before and study.statement_date_after on the
    words between the date and the study's name)."""
    lo, hi = ctx.clause_of(o)
    text = ctx.text
    in_clause = [d for d in ctx.same_sentence(o, "DATE", counted=False) if lo <= d.start and d.end <= hi]
    skip = [(d.start, d.end) for d in in_clause
            if (_STATEMENT_DATE_BEFORE.matches(text[d.end:o.start]) if d.end <= o.start
                else _STATEMENT_DATE_AFTER.matches(text[o.end:d.start]))]
    when = ctx.date_of(o, skip=skip)
    if when is None:
        return None, None
    own = [d for d in in_clause
           if (d.start, d.end) not in skip and mention_date(d, reference=ctx.reference_date) == when]
    return when, (own[0].attrs.get("precision") if own else None)


def _source_of(ctx: FactContext, m: Mention) -> tuple[str | None, bool]:
    """The facility named with the study in its clause (lower case; a capitalised name right before its name,
    "Lakeside CT", or after "at"/"from" near after it, "CT head at Lakeside": cue study.named_source_after; words
    of study.generic_source_words name none), and whether the clause says it was done at another facility
    (study.outside_source)."""
    lo, hi = ctx.clause_of(m)
    names: list[str] = []
    before = re.search(r"(?:^|[\s(])([\w'&.-]+?)(?:'s)?\s+$", ctx.text[lo:m.start])
    if before is not None:
        names.append(before.group(1))
    names.extend(h.group("name") for h in _NAMED_AFTER.regex.finditer(ctx.text[m.end:min(hi, m.end + NAMED_SOURCE_REACH)])
                 if h.groupdict().get("name"))
    source = next((n.lower() for n in names if n[:1].isupper() and n.lower() not in _GENERIC_SOURCE.values
                   and not n[:1].isdigit()), None)
    return source, source is not None or _OUTSIDE.matches(ctx.text[lo:hi])


def _sentence_around(ctx: FactContext, starts: list[int], at: int) -> tuple[int, int]:
    """The [start, end) of the sentence that holds offset `at` (one with mentions), else of its line."""
    k = bisect_right(starts, at) - 1
    if k >= 0:
        lo = starts[k]
        hi = max(o.sentence_end for o in ctx.by_sentence[lo])
        if at < hi:
            return lo, hi
    end = ctx.text.find("\n", at)
    return ctx.text.rfind("\n", 0, at) + 1, len(ctx.text) if end < 0 else end


def _absences(ctx: FactContext) -> list[_Absence]:
    """Every statement in the packet that it lacks a study's written report, wherever it stands: a cover sheet's
    enclosure line ("Outside CT report - NOT ENCLOSED"; study.report_not_enclosed), or a sentence that says the
    report has not arrived ("outside MRI and CT reports requested - not received", "we do not have the written
    report", "outside reports pending"; study.report_unavailable, not another test's report nor one said in hand),
    keyed by each study its clause names (modality, date, facility), or, naming none, by its saying outside."""
    text = ctx.text
    imaging = [o for o in ctx.mentions("IMAGING", counted=False) if _modality(o) != "unspecified"]
    out = [_Absence(_modality(o), when, _source_of(ctx, o)[0], _NOT_ENCLOSED.id, precision) for o in imaging
           if _NOT_ENCLOSED.matches(text[slice(*ctx.line_of(o))]) for when, precision in [_study_date_of(ctx, o)]]
    starts = sorted(ctx.by_sentence)
    for hit in _REPORT_UNAVAILABLE.regex.finditer(text):
        lo, hi = _sentence_around(ctx, starts, hit.start())
        if _OTHER_REPORT.matches(text[max(lo, hit.start() - OTHER_REPORT_REACH):hit.end()]) \
                or _REPORT_IN_HAND.matches(text[lo:hi]):
            continue
        c_lo = max(lo, text.rfind(";", lo, hit.start()) + 1, text.rfind("|", lo, hit.start()) + 1)
        ends = [i for i in (text.find(";", hit.end(), hi), text.find("|", hit.end(), hi)) if i >= 0]
        c_hi = min(ends) if ends else hi
        named = within(imaging, c_lo, c_hi)
        if named:
            out.extend(_Absence(_modality(o), when, _source_of(ctx, o)[0], _REPORT_UNAVAILABLE.id, precision)
                       for o in named for when, precision in [_study_date_of(ctx, o)])
        elif _OUTSIDE.matches(text[c_lo:c_hi]):
            out.append(_Absence(None, None, None, _REPORT_UNAVAILABLE.id))
    return out


def _reach_absences(ctx: FactContext, drafts: list[_Draft]) -> None:
    """Let every statement that the packet lacks a study's report reach every note's citation of that study
    (_Absence.reaches), wherever it stands. A citation that gives no read of its own ("Outside MRI report not
    received") says so of its study, keyed the same way, instead of lending its absence to whatever it merges with."""
    absences = _absences(ctx)
    for d in drafts:
        if d.citing and not d.verdicts and d.unreported and not d.said_in_hand:
            # a second-hand account ("done without incident per mother") speaks of its own clause only
            absences.extend(_Absence(d.modality, d.date, d.source, c) for c in d.unreported
                            if c not in (_HEARSAY.id, _QUOTE_OTHER_SOURCE.id))
            d.unreported = []
    for d in drafts:
        if not d.citing or not d.verdicts or d.said_in_hand:
            continue
        for a in absences:
            if a.reaches(d) and a.cue not in d.unreported and not (
                    a.cue == _NOT_ENCLOSED.id and _REPORT_UNAVAILABLE.id in d.unreported):
                d.unreported.append(a.cue)
                d.in_hand = False


def _own_read_unfinished(ctx: FactContext, reads: list[SectionSpan]) -> list[str]:
    """The cue ids by which a report's own read sections say it is a verbal or preliminary read whose final report
    the packet lacks (`study.report_unavailable`, not another test's report: `study.report_of_other_test`), unless
    they say the report is in hand (`study.report_in_hand`); [] when they do not."""
    for s in reads:
        text = ctx.text[s.start:s.end]
        if _REPORT_IN_HAND.matches(text):
            return []
        if any(not _OTHER_REPORT.matches(text[max(0, hit.start() - OTHER_REPORT_REACH):hit.end()])
               for hit in _REPORT_UNAVAILABLE.regex.finditer(text)):
            return [_REPORT_UNAVAILABLE.id]
    return []


def _without_report(d: _Draft) -> _Draft:
    """A study known only second-hand, whose written report the packet says it lacks (and holds no report of):
    what it showed (inconclusive, conclusive, non-lesional) is not established; the read stays as evidence marked
    `superseded_by: report_unavailable`, citing the cue."""
    if not d.unreported or d.in_hand:
        return d
    shown = VERDICT_KINDS[0]
    d.verdicts -= shown
    d.evidence = [cite_cues(_superseded(e, by=REPORT_UNAVAILABLE), *d.unreported)
                  if e.attributes.get("verdict") in shown else e for e in d.evidence]
    return d


def _region(d: _Draft) -> str | None:
    return d.body_part if d.body_part in _APART_PARTS and d.modality != "PET" else None


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One study per modality, date and body region; undated citations join the latest dated study of their
    modality (a citation naming a region, the latest of that region or of none; else it stays undated). Studies of two named regions stay two even on one date (a brain MRI and a spine MRI of the same day);
    a draft naming no region joins the one of its modality and date that names none, else the brain's, else the
    first; a PET's coverage is a read of one study, not a region."""
    merged: dict[tuple[str, date | None], list[_Draft]] = {}
    for d in sorted(drafts, key=lambda d: (d.date is None, d.anchor)):
        key = (d.modality, d.date)
        region = _region(d)
        if d.date is None:
            same = [k for k in merged if k[0] == d.modality and k[1] is not None]
            if d.modality == "unspecified" and not same:
                same = [k for k in merged if k[0] in {"MRI", "CT"} and k[1] is not None]
            if region is not None:  # an undated brain citation never takes the date of a spine study alone
                same = [k for k in same if any(_region(t) in {region, None} for t in merged[k])]
            if same:
                key = max(same, key=lambda k: k[1] or date.min)
        group = merged.setdefault(key, [])
        if region is None:
            target = next((t for t in group if _region(t) is None), None) \
                or next((t for t in group if _region(t) == "brain"), None) or (group[0] if group else None)
        else:
            target = next((t for t in group if _region(t) == region), None) \
                or next((t for t in group if _region(t) is None), None)
        if target is None:
            group.append(d)
            continue
        _combine(target, d)
    return sorted((d for group in merged.values() for d in group), key=lambda d: (d.date or date.min, d.modality))


def _amended_kinds(d: _Draft) -> set[int]:
    """The verdict kinds (indexes into VERDICT_KINDS) an addendum of the draft's report decided."""
    return {i for i, kind in enumerate(VERDICT_KINDS)
            if any(e.section == "addendum" and e.attributes.get("verdict") in kind for e in d.evidence)}


def _combine(target: _Draft, d: _Draft) -> None:
    """Merge `d` into `target`. A verdict kind that an addendum decided on one side is that side's alone: a note
    citing the study's first read ("the MRI was indeterminate") is superseded by the report's addendum. The body part
    the study's own report names wins over a citing note's ("whole-body PET/CT 11/04: no primary" before the report
    "FDG PET/CT SKULL BASE TO MID-THIGH WITH DEDICATED BRAIN  DOS 11/04/2026" is the brain-covering PET)."""
    for winner, loser in ((target, d), (d, target)):
        for i in _amended_kinds(winner) - _amended_kinds(loser):
            kind = VERDICT_KINDS[i]
            loser.verdicts -= kind
            loser.evidence = [_superseded(e) if e.attributes.get("verdict") in kind else e for e in loser.evidence]
    target.verdicts |= d.verdicts
    target.evidence.extend(d.evidence)
    if d.report and not target.report and d.body_part is not None:
        target.body_part = d.body_part
    else:
        target.body_part = target.body_part or d.body_part
    target.unreported.extend(c for c in d.unreported if c not in target.unreported)
    target.in_hand = target.in_hand or d.in_hand
    target.report = target.report or d.report


STUDY_SOURCE = "study_source"
"""The evidence attribute that says where a study was read: `report` (a radiology report in the packet) or
`citation` (a note that cites the study); policies may filter with `where: {study_source: [report]}`."""


def _sourced(drafts: list[_Draft], source: str) -> list[_Draft]:
    for d in drafts:
        d.evidence = [e.model_copy(update={"attributes": {**e.attributes, STUDY_SOURCE: source}}) for e in d.evidence]
    return drafts


def build_studies(ctx: FactContext) -> list[ImagingStudy]:
    """The prior studies, one per modality and date; each evidence item names its source (`study_source`)."""
    reports, used = _report_drafts(ctx)
    drafts = _sourced(reports, "report") + _sourced(_citation_drafts(ctx, used), "citation")
    _reach_absences(ctx, drafts)
    return [_without_report(d).study() for d in _merge(drafts)]
