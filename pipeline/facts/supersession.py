"""Later reads that supersede earlier ones: an addendum, a pathology result, a second opinion, a withdrawal.

A superseding statement is a counted mention that stands in a superseding source (an addendum or corrected
report section; a sentence or paragraph that reports pathology or gives a second opinion) or whose negation is
itself a withdrawal ("the previous diagnosis of MS is not supported"), and that settles a concept:

- it negates the concept: every other counted mention of it is superseded, hedged or affirmed (a generic
  neoplasm also supersedes the hedged mentions of every tumor concept); of a family of diseases, a named one ends
  only that disease ("Krabbe disease not supported" leaves a suspected MLD), a generic one all of them;
- it affirms a non-tumor diagnosis (abscess, demyelination, treatment effect, infarct) that an earlier
  differential weighed, with a definite read ("diagnostic of", "consistent with") or as a pathology result (under
  a pathology heading, or a sentence naming the test with its result: not tests sent, ordered or pending), and
  with no tumor live in its sentence: the hedged tumor mentions are superseded (an affirmed, established tumor
  stays). A tumor proven on pathology settles nothing here: the biopsy of a known tumor does not answer a later
  question about it (recurrence or necrosis). Nor does a non-diagnostic tissue result (non-diagnostic, insufficient
  for diagnosis, non-representative, a repeat biopsy recommended: supersede.nondiagnostic_tissue): it is no pathology
  result, and the gliosis it names answers no differential.

A pathology's margin or extent statement ("Dural margin free of tumor", "Resection bed biopsies: no residual tumor",
"Bone flap: no tumour identified": supersede.margin_statement) is no negative diagnosis: it tells the tumour was
removed, and its negated tumour settles only a suspected residual or recurrent one (supersede.margin_reach), never the
report's own "MENINGIOMA, WHO grade 1" or another tumour mention. A dated pathology reaches only its own lesion's
episode (supersede.pathology_own_lesion): not a mention of a lesion at another side or region told as new or dated
after it ("Right frontal mass, resected 04/05/2022: ..." beside "new 1.6 cm left parietal meningioma").

A settled differential (source `settled`) is weaker: a negation by an exclusion ("tumor was ruled out", "biopsy
excluded lymphoma"), a hedge a verdict settled ("lymphoma was considered and is not supported") or any negation
after a conclusion in its clause ("the team concluded a venous anomaly - no tumour": supersede.concluded) or in a
sentence that answers an earlier question ("this answers the ED's question: no tumour", "I asked neuroradiology
...; they feel a metastasis is not a consideration": supersede.answered_question) ends only the hedged mentions
of the concept written before it, also in an earlier clause of its own sentence.

A later study's read settles too (source `settled`, rule supersede.later_study): a negation ("MRI 2016 showed no
tumour", "no mass on the MRIs since") or an alternative the old read weighed ("MRI 2019 showed a chronic contusion")
in a clause that names a study ends the hedges an older study raised before it in the paragraph ("head CT 2015
raised 'r/o low-grade neoplasm'"), when the later study is dated after the old one or a word says it is later or
that the question was closed ("since", "follow-up", "question closed"), and its sentence keeps nothing open.

A report's own question answered by its own read (source `answered`) is settled too: a hedged mention in the
report's title lines or indication ("Indication: surveillance for brain metastases", "Clinical: r/o MTS", "confusion,
r/o mass", "headache; eval for tumor") stops counting when the same report's findings or impression negate that
concept ("No evidence of intracranial metastatic disease"), read no lesion at all where the question is a tumor, a
lesion or MTS ("No lesion.", "No intracranial mass", "Normal study."), or name the patient's disease of that family
with its cause ("methotrexate-related leukoencephalopathy" over "r/o leukodystrophy"); not when the read leaves it
open ("a small lesion cannot be excluded") or finds a lesion, nor a lesion question of a kind a read of no lesion does
not settle (an epilepsy work-up's "evaluate for an epileptogenic lesion"), nor a question in a clinic note.

An attending's statement settles the trainee's text before it in the same note (source `attending`, rule
supersede.attending_overrules_trainee; teaching-hospital notes): a study the attending drops ("agree with the plan
except that the PET is not needed", "I would skip the PET") or leaves out of a final plan that lists studies ends the
trainee's plan mentions of that modality; a disagreement ("I disagree; this is a typical meningioma") ends the
trainee's hedged diagnoses (`settled` when the attending only rules one out). Agreement changes nothing.

Never superseded: another superseding statement, a mention dated after the statement (a mention with no date of
its own has its imaging report's title date: an older pathology report's addendum never supersedes a later MRI's
read), a mention in another imaging report than an addendum's own. An addendum set apart from an imaging report
belongs to it only when no other document's section stands between them (supersede.report_boundaries); the addendum
of a pathology report is a pathology result. Superseded mentions stop counting for every fact (`FactContext`) and are
kept as ignored evidence that names the statement that superseded them. The words and concept groups are data:
resources/supersession.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..contracts import FactStatus, Mention, SectionSpan
from ..cues import ConceptSet, CueBook, load_cue_file
from .context import first_lines_end, is_ignored, next_sentence
from .context import mention_status as _status
from .cues import concept_set, cue
from .dates import mention_date

RESOURCE_PACKAGE = "pipeline.facts.resources"
SUPERSESSION_FILE = "supersession.yaml"
PARAGRAPH_REACH = 600
"""How far back (characters, within the paragraph) a pathology or second-opinion heading still marks a sentence."""
HEADING_LENGTH = 70
"""The longest line read as a paragraph's heading."""
_REPORT_SECTIONS = frozenset({"exam_title", "indication", "comparison", "technique", "findings", "impression",
                              "addendum"})
_READ_SECTIONS = frozenset({"findings", "impression"})
_JOINING = frozenset({"signature"})
HEAD_LINES = 2
"""The lines of a section (its heading and the line after it) whose date is the date of what the section states."""
QUALIFIER_REACH = 30
"""How far (characters) before a finding a word that narrows it is read (supersede.finding_qualifier)."""
STUDY_ANSWER_DAYS = 365
"""How old (days before the request) the latest brain study may be and still answer a rule-out of recurrence."""
STUDY_DATE_REACH = 12
"""How far (characters) after a study's name its date is written ("CT head 02/01/2026", "MRI of 02/01/2026")."""


@dataclass(frozen=True)
class Supersession:
    """Why a mention no longer counts: the statement that superseded it, its source and the rule."""

    by: Mention
    source: str  # addendum | pathology | second_opinion | withdrawal | settled | answered
    rule: str  # the ids in resources/supersession.yaml that made the statement, space-separated

    def rule_ids(self) -> list[str]:
        return self.rule.split()

    def attributes(self) -> dict[str, str]:
        """Evidence attributes of the superseded mention (what a reviewer sees)."""
        return {"superseded_by": self.source, "superseded_by_text": self.by.text,
                "superseded_by_span": f"{self.by.start}-{self.by.end}", "supersession_rule": self.rule}


def _book() -> CueBook:
    return load_cue_file(RESOURCE_PACKAGE, SUPERSESSION_FILE)


def _key(m: Mention) -> tuple[int, int, str]:
    return m.start, m.end, m.concept


class _Reader:
    """The packet's text, sections and dated mentions, as the supersession rules read them."""

    def __init__(self, text: str, mentions: list[Mention], sections: list[SectionSpan],
                 reference: date | None) -> None:
        self.text = text
        self.sections = sections
        self.reference = reference
        self.dates = [d for d in mentions if d.concept == "DATE"
                      and d.attrs.get("precision") not in {"relative", "month_day", "year"}]
        self.imaging = [m for m in mentions if m.concept == "IMAGING" and not is_ignored(m)]
        self.reports = _report_extents(sections, self._names_report)
        self.report_dates = [self.first_date([(s.start, s.end) for s in sections if lo <= s.start < hi
                                              and s.category == "exam_title"]) for lo, hi in self.reports]
        self.studies = [m for m in mentions if m.concept == "IMAGING"]
        self.loose_dates = [d for d in mentions if d.concept == "DATE"
                            and d.attrs.get("precision") not in {"relative", "month_day"}]
        self.inline: list[tuple[int, int, int]] = []  # (paragraph start, addendum start, paragraph end)

    def find_inline(self, book: CueBook) -> None:
        """The addenda written inside a paragraph (supersede.inline_addendum): each reaches its paragraph's end."""
        for hit in book.cue("supersede.inline_addendum").regex.finditer(self.text):
            lo = max(self.text.rfind("\n\n", 0, hit.start()), self.text.rfind("\f", 0, hit.start())) + 1
            hi = min((k for k in (self.text.find("\n\n", hit.end()), self.text.find("\f", hit.end())) if k >= 0),
                     default=len(self.text))
            self.inline.append((lo, hit.start(), hi))

    def inline_addendum(self, m: Mention) -> tuple[int, int, int] | None:
        """The inline addendum the mention stands in, if any."""
        return next((a for a in self.inline if a[1] <= m.start < a[2]), None)

    def section_of(self, m: Mention) -> SectionSpan | None:
        for s in self.sections:
            if s.start <= m.start < s.end:
                return s
        return None

    def heading(self, m: Mention) -> str:
        """The first line of the mention's paragraph when the sentence is below it and it is short ("SURGICAL
        PATHOLOGY 10/20/2026"); "" when the paragraph starts more than PARAGRAPH_REACH characters back."""
        span = self.heading_span(m)
        return self.text[span[0]:span[1]] if span else ""

    def heading_span(self, m: Mention) -> tuple[int, int] | None:
        """[start, end) of the mention's paragraph heading (see heading)."""
        lo = max(0, m.sentence_start - PARAGRAPH_REACH)
        before = self.text[lo:m.sentence_start]
        cut = max(before.rfind("\n\n"), before.rfind("\f"))
        if cut < 0 and lo > 0:
            return None
        rest = before[cut + 1:]
        start = lo + cut + 1 + (len(rest) - len(rest.lstrip("\n\f")))
        lines = rest.lstrip("\n\f").split("\n")
        if len(lines) < 2 or len(lines[0].strip()) > HEADING_LENGTH:
            return None  # the sentence is on the paragraph's first line, or that line is prose
        return start, start + len(lines[0])

    def date_near(self, m: Mention) -> date | None:
        """A full date in the mention's sentence, else on its section's heading line."""
        lo, hi = m.sentence_start, m.sentence_end
        section = self.section_of(m)
        head_lo = head_hi = -1
        if section is not None:
            line_end = self.text.find("\n", section.start)
            head_lo, head_hi = section.start, line_end if line_end >= 0 else len(self.text)
        for d in self.dates:
            if lo <= d.start < hi or head_lo <= d.start < head_hi:
                parsed = mention_date(d, reference=self.reference)
                if parsed is not None and (self.reference is None or parsed <= self.reference):
                    return parsed
        return None

    def first_date(self, spans: list[tuple[int, int]], lines: int = 0) -> date | None:
        """The first full date in the [start, end) spans (in the first `lines` lines of each, when given)."""
        for lo, hi in spans:
            end = first_lines_end(self.text, lo, hi, lines) if lines else hi
            for d in self.dates:
                if lo <= d.start < end:
                    parsed = mention_date(d, reference=self.reference)
                    if parsed is not None and (self.reference is None or parsed <= self.reference):
                        return parsed
        return None

    def _head(self, section: SectionSpan) -> tuple[int, int]:
        """[start, end) of the section's first HEAD_LINES lines."""
        return section.start, first_lines_end(self.text, section.start, section.end, HEAD_LINES)

    def _names_report(self, addendum: SectionSpan, report: tuple[int, int]) -> bool:
        """An addendum's first lines name an imaging study ("RADIOLOGY ADDENDUM 11/12/2026 / Re: MRI brain
        11/02/2026"), with no date or with the report's own title date among their dates."""
        lo, hi = self._head(addendum)
        if not any(lo <= m.start < hi for m in self.imaging):
            return False
        said = {d for d in (mention_date(m, reference=self.reference) for m in self.dates if lo <= m.start < hi)
                if d is not None}
        own = self.first_date([(s.start, s.end) for s in self.sections
                               if report[0] <= s.start < report[1] and s.category == "exam_title"])
        return not said or own is None or own in said

    def stated_on(self, m: Mention) -> date | None:
        """The date of a superseding statement: a date in its sentence or on its section's heading line, else on the
        first lines of its section ("ADDENDUM (01/27/2026) - MOLECULAR", "Addendum:" over "Date: 01/27/2026"), else on
        its paragraph's heading ("SURGICAL PATHOLOGY REPORT 03/10/2026")."""
        section = self.section_of(m)
        heading = self.heading_span(m)
        return self.date_near(m) or (self.first_date([(section.start, section.end)], HEAD_LINES) if section else None) \
            or (self.first_date([heading]) if heading else None)

    def written_on(self, m: Mention) -> date | None:
        """The date of a mention that a statement may supersede: a date in its sentence or on its section's heading
        line, else its imaging report's own date (the title's, "DATE OF SERVICE: 10/22/2026", "Exam date:")."""
        report = self.report_of(m)
        return self.date_near(m) or (self.report_dates[report] if report is not None else None)

    def report_of(self, m: Mention) -> int | None:
        """The index of the imaging report (with its addenda) the mention stands in."""
        for i, (lo, hi) in enumerate(self.reports):
            if lo <= m.start < hi:
                return i
        return None


def another_document(sections: list[SectionSpan], lo: int, hi: int) -> bool:
    """Whether a section of another document (supersede.report_boundaries: not an imaging report's section nor one
    that may stand between a report and its addendum) starts in [lo, hi)."""
    between = _book().value_set("supersede.report_boundaries").values
    return any(lo <= s.start < hi and s.category not in _REPORT_SECTIONS and s.category not in between
               for s in sections)


def addendum_owner(sections: list[SectionSpan], section: SectionSpan) -> str | None:
    """The category of the section an addendum section is appended to: the nearest section before it that is no
    addendum and may not stand between a report and its addendum ("pathology" for a pathology report's addendum)."""
    between = _book().value_set("supersede.report_boundaries").values
    before = [s for s in sections if s.start < section.start and s.category != "addendum" and s.category not in between]
    return before[-1].category if before else None


def _report_extents(sections: list[SectionSpan],
                    names_report: Callable[[SectionSpan, tuple[int, int]], bool] = lambda a, r: False
                    ) -> list[tuple[int, int]]:
    """[start, end) of each imaging report: a run of report sections with findings or an impression; a run of
    addenda only (a later page) belongs to the report before it, unless another document's section stands between
    them (supersede.report_boundaries: a pathology report's addendum amends the pathology report) and the addendum
    does not name the report's study in its first lines (`names_report`)."""
    extents: list[tuple[int, int]] = []
    between = _book().value_set("supersede.report_boundaries").values
    apart = False  # another document's section since the last report
    i = 0
    while i < len(sections):
        if sections[i].category not in _REPORT_SECTIONS:
            apart = apart or sections[i].category not in between
            i += 1
            continue
        j = i
        while j + 1 < len(sections) and (sections[j + 1].category in _REPORT_SECTIONS
                                         or (sections[j + 1].category in _JOINING and j + 2 < len(sections)
                                             and sections[j + 2].category == "addendum")):
            j += 1
        run = sections[i:j + 1]
        if any(s.category in _READ_SECTIONS for s in run):
            extents.append((run[0].start, run[-1].end))
        elif extents and all(s.category == "addendum" for s in run) \
                and (not apart or names_report(run[0], extents[-1])):
            extents[-1] = (extents[-1][0], run[-1].end)  # the addendum's report reaches it
        apart = False
        i = j + 1
    return extents


def _source(r: _Reader, m: Mention, book: CueBook) -> tuple[str, str] | None:
    """(source, rule id) when the mention stands where a later read is written."""
    if m.section in book.value_set("supersede.source_sections").values:
        section = r.section_of(m)
        if m.section == "addendum" and section is not None \
                and addendum_owner(r.sections, section) in book.value_set("supersede.source_sections").values - {"addendum"}:
            # a pathology report's addendum is a pathology result (supersede.report_boundaries)
            owner = str(addendum_owner(r.sections, section))
            if owner != "pathology" or not _nondiagnostic(r, m, book, section.start):
                return owner, "supersede.source_sections supersede.report_boundaries"
        elif m.section != "pathology" or not _nondiagnostic(r, m, book, section.start if section else m.sentence_start):
            return str(m.section), "supersede.source_sections"
    if r.inline_addendum(m) is not None:
        return "addendum", "supersede.inline_addendum"
    withdrawal = book.value_set("supersede.withdrawal_rules").values
    for rule in m.modifier_rules:
        if rule in withdrawal and m.has("negated"):
            if _answers_question(r, m, book):
                # the reply to a question put in its sentence ("I asked neuroradiology whether this could be a
                # metastasis; they feel a metastasis is not a consideration") settles the hedges before it, that
                # question's too
                answer = _settling(r, m, book)
                if answer is not None:
                    return answer
            return "withdrawal", "supersede.withdrawal_rules"
    sentence = r.text[m.sentence_start:m.sentence_end]
    if book.cue("supersede.not_a_result").matches(sentence):
        # "a glioma requires tissue diagnosis", "biopsy is planned if ..."; a settling clause after a weighing one
        # ("glioma was considered; tumor was ruled out") still settles
        return _settling(r, m, book)
    section = r.section_of(m)
    heading = r.heading_span(m)
    headings = ((section.header, section.start) if section else ("", m.sentence_start),
                (r.text[heading[0]:heading[1]], heading[0]) if heading else ("", m.sentence_start))
    pathology, result = book.cue("supersede.pathology"), book.cue("supersede.tissue_result")
    if any(pathology.matches(h) and not _opens_option_not_taken(h, sentence, book)
           and not _nondiagnostic(r, m, book, lo) for h, lo in headings):
        return "pathology", pathology.id
    tested = _options_not_taken_masked(sentence, book)
    if pathology.matches(tested) and result.matches(tested) and not _nondiagnostic(r, m, book, None):
        # a test named with its result; not one listed as sent, ordered or pending, nor a branch of a plan, nor an
        # option rejected, declined or deferred (supersede.option_not_taken), nor a non-diagnostic result
        return "pathology", f"{pathology.id} {result.id}"
    opinion = book.cue("supersede.second_opinion")
    if opinion.matches(sentence) or any(opinion.matches(h) for h, _ in headings):
        return "second_opinion", opinion.id
    return _settling(r, m, book)


def _nondiagnostic(r: _Reader, m: Mention, book: CueBook, start: int | None) -> bool:
    """Whether the tissue result the mention stands in says it settles nothing (supersede.nondiagnostic_tissue:
    "DIAGNOSIS: NON-DIAGNOSTIC. Gliotic brain tissue", "Reactive gliosis; insufficient for diagnosis", "recommend
    repeat biopsy"): read from `start` (its pathology heading or section) to the end of the mention's paragraph, or,
    for a result named in its sentence (`start` None), over that sentence and the next one of its paragraph."""
    cue = book.cue("supersede.nondiagnostic_tissue")
    if start is None:
        after = next_sentence(r.text, m.sentence_end)
        return cue.matches(r.text[m.sentence_start:after[1] if after else m.sentence_end])
    ends = [k for k in (r.text.find("\n\n", m.end), r.text.find("\f", m.end)) if k >= 0]
    return cue.matches(r.text[min(start, m.sentence_start):min(ends, default=len(r.text))])


def _margin_statement(r: _Reader, m: Mention, book: CueBook) -> bool:
    """The negated mention's clause (its sentence up to a ";" on either side) or its paragraph's heading tells a margin
    or the extent of a resection (supersede.margin_statement: "Dural margin free of tumor", "Resection bed biopsies:
    no residual tumor", "SURGICAL PATHOLOGY - MARGINS" over "Negative for tumor.")."""
    start = _clause_start(r, m)
    semi = r.text.find(";", m.end, m.sentence_end)
    margin = book.cue("supersede.margin_statement")
    return margin.matches(r.text[start:semi if semi >= 0 else m.sentence_end]) or margin.matches(r.heading(m))


def _sites(book: CueBook, text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The sides and the regions a text names (supersede.lesion_side, supersede.lesion_region; "bilateral" is both
    sides)."""
    sides: set[str] = set()
    for hit in book.cue("supersede.lesion_side").regex.finditer(text):
        sides |= {"left", "right"} if hit.lastgroup == "both" else {str(hit.lastgroup)}
    regions = {str(hit.lastgroup) for hit in book.cue("supersede.lesion_region").regex.finditer(text)}
    return frozenset(sides), frozenset(regions)


def _other_lesion(r: _Reader, book: CueBook, m: Mention, o: Mention, when: date) -> bool:
    """A dated pathology statement `m` does not reach `o`, a lesion at another site in a later episode
    (supersede.pathology_own_lesion): the two name sides that differ or regions that differ (the statement's sentence,
    else the specimen text before it in its paragraph; `o`'s sentence), and `o` is told new (supersede.new_lesion)
    or its sentence is dated after the statement (a month or a bare year counts)."""
    sentence = r.text[o.sentence_start:o.sentence_end]
    dated = (_when(r, d.start, d.end) for d in r.loose_dates if o.sentence_start <= d.start < o.sentence_end)
    later = book.cue("supersede.new_lesion").matches(sentence) \
        or any(_later((when.year, when.toordinal()), on) for on in dated)
    if not later:
        return False
    theirs = _sites(book, sentence)
    mine = _sites(book, r.text[m.sentence_start:m.sentence_end])
    if not any(mine):
        lo = max(0, m.sentence_start - PARAGRAPH_REACH)
        cut = max(r.text.rfind("\n\n", lo, m.sentence_start), r.text.rfind("\f", lo, m.sentence_start))
        mine = _sites(book, r.text[max(lo, cut + 1):m.sentence_start])
    return any(a and b and not a & b for a, b in zip(mine, theirs, strict=True))


def _options_not_taken_masked(text: str, book: CueBook) -> str:
    """The text with each tissue sampling named as an option not taken blanked out ("stereotactic biopsy -
    rejected", "decided against biopsy": supersede.option_not_taken), so that only a test actually done can be named
    with its result; offsets are kept."""
    return book.cue("supersede.option_not_taken").regex.sub(lambda hit: " " * len(hit.group(0)), text)


def _opens_option_not_taken(heading: str, sentence: str, book: CueBook) -> bool:
    """Whether a heading that names a test heads an option not taken: the sentence under it opens with the verdict
    ("BIOPSY" over "Not pursued - deep lesion, haematoma likely"; supersede.option_not_taken)."""
    joined = f"{heading.strip().rstrip(':')}: {sentence.lstrip()}"
    hit = book.cue("supersede.option_not_taken").search(joined)
    return hit is not None and hit.start < len(heading.strip()) < hit.end


def _settling(r: _Reader, m: Mention, book: CueBook) -> tuple[str, str] | None:
    """("settled", rule id) when an exclusion or a settled hedge negates the mention, or any negation follows a
    conclusion in its clause ("the team concluded a venous anomaly - no tumour"), in a clause that reports, not
    plans ("tumor was ruled out"; not "biopsy to exclude tumor")."""
    if not m.has("negated"):
        return None
    settling = book.value_set("supersede.settling_rules").values
    concluded = book.cue("supersede.concluded")
    start = _clause_start(r, m)
    if any(rule in settling for rule in m.modifier_rules):
        rule = "supersede.settling_rules"
        if _answers_question(r, m, book):
            rule += " supersede.answered_question"  # an answer: of another item only, it leaves a tumour open
    elif concluded.matches(r.text[start:m.start]):
        rule = concluded.id
    elif _answers_question(r, m, book):
        # the question before the answer weighs ("whether this could be a metastasis; they feel ..."): only the
        # answer's own words up to the negated finding may plan
        if book.cue("supersede.not_a_result").matches(r.text[_answer_start(r, m):m.end]):
            return None
        return "settled", "supersede.answered_question"
    else:
        return None
    end = r.text.find(";", m.end, m.sentence_end)
    if book.cue("supersede.not_a_result").matches(r.text[start:end if end >= 0 else m.sentence_end]):
        return None
    return "settled", rule


def _exclusion_answers(r: _Reader, m: Mention, book: CueBook) -> bool:
    """Whether the negated mention is excluded in plain words right before or after its name in its clause ("OTC
    deficiency excluded", "No evidence of cysticercosis", "Mitochondrial disorder ruled out: ..."), with nothing in
    the clause that plans or keeps it open (supersede.exclusion_answers_question): the answer to an earlier question
    about it, wherever that was asked."""
    start = _clause_start(r, m)
    semi = r.text.find(";", m.end, m.sentence_end)
    end = semi if semi >= 0 else m.sentence_end
    if not (book.cue("supersede.exclusion_answers_question").matches(r.text[start:m.start])
            or book.cue("supersede.exclusion_after").matches(r.text[m.end:end])):
        return False
    clause = r.text[start:end]
    return not (book.cue("supersede.not_a_result").matches(clause) or book.cue("supersede.left_open").matches(clause))


def _answers_question(r: _Reader, m: Mention, book: CueBook) -> bool:
    """Whether the negation stands in a sentence that answers an earlier question or differential, or gives the
    answer of the reader it was put to (supersede.answered_question), and does not keep it open
    (supersede.left_open)."""
    sentence = r.text[m.sentence_start:m.sentence_end]
    return book.cue("supersede.answered_question").matches(sentence) \
        and not book.cue("supersede.left_open").matches(sentence)


def _answer_start(r: _Reader, m: Mention, book: CueBook | None = None) -> int:
    """Where the answer of the mention's sentence starts: after the last ";", ":" or "?" before it (the question put
    before it, "I asked neuroradiology whether this could be a metastasis;", is answered with the earlier hedges).
    With the cue book, a "(" or a spaced dash also opens the answer when the words before it already answer a
    question (supersede.answered_question: "the repeat CT settles the lymphoma question (toxoplasmosis, no
    lymphoma)", "answers the tumour question - old infarct, no tumour"): the question it answers is settled with the
    earlier hedges."""
    start = max(r.text.rfind(c, m.sentence_start, m.start) for c in ";:?") + 1 or m.sentence_start
    if book is None:
        return start
    answered = book.cue("supersede.answered_question")
    for opener in reversed(list(_ANSWER_OPENER.finditer(r.text, start, m.start))):
        if answered.matches(r.text[m.sentence_start:opener.start()]):
            return max(start, opener.end())
    return start


_ANSWER_OPENER = re.compile(r"\(|\s[-\u2013\u2014]{1,2}\s")
"""What opens an answer given after the question it answers, besides ";", ":" and "?" (_answer_start)."""


def _clause_start(r: _Reader, m: Mention) -> int:
    """Where the mention's clause starts: after the last ";" of its sentence before it."""
    return r.text.rfind(";", m.sentence_start, m.start) + 1 or m.sentence_start


@dataclass(frozen=True)
class _LaterStudy:
    """A later study's read that may close the suspicions an older study raised (supersede.later_study)."""

    limit: int  # the hedges that end before it are the older ones
    when: tuple[int, int] | None  # the later study's date: (year, day of the year or 0 for a bare year)
    cue: bool  # a word tells it is later, or that the question was closed
    rule: str


def _when(r: _Reader, lo: int, hi: int, *, last: bool = False) -> tuple[int, int] | None:
    """The first (or last) date written in [lo, hi), year precision kept: (year, ordinal day or 0 for a year)."""
    found = [d for d in r.loose_dates if lo <= d.start < hi]
    for d in (reversed(found) if last else found):
        parsed = mention_date(d, reference=r.reference)
        if parsed is None or (r.reference is not None and parsed > r.reference):
            continue
        return parsed.year, 0 if d.attrs.get("precision") == "year" else parsed.toordinal()
    return None


def _later(then: tuple[int, int] | None, now: tuple[int, int] | None) -> bool | None:
    """Whether `now` is after `then` (None: unknown); a bare year compares by its year only."""
    if then is None or now is None:
        return None
    if then[1] == 0 or now[1] == 0:
        return now[0] > then[0] if now[0] != then[0] else None
    return now[1] > then[1] if now[1] != then[1] else None


def _later_study(r: _Reader, m: Mention, book: CueBook, live: list[Mention], covers: frozenset[str] | None
                 ) -> _LaterStudy | None:
    """A statement in a clause that names a study (the later study), with nothing in its sentence that keeps the
    question open (supersede.left_open, a hedge of what it closes) and nothing planned (supersede.not_a_result). An
    affirmed alternative (covers None) needs the study named before it with a read word between
    (supersede.later_study): "MRI 2016 showed an old contusion"."""
    start = _clause_start(r, m)
    semi = r.text.find(";", m.end, m.sentence_end)
    end = semi if semi >= 0 else m.sentence_end
    before = [s for s in r.studies if start <= s.start < m.start]
    after = [s for s in r.studies if m.end <= s.start < end]
    anchor = before[-1] if before else (after[0] if after and covers is not None else None)
    if anchor is None:
        return None
    lo = min(anchor.start, m.start)
    if book.cue("supersede.not_a_result").matches(r.text[lo:end]):
        return None
    sentence = r.text[m.sentence_start:m.sentence_end]
    if book.cue("supersede.left_open").matches(sentence):
        return None
    kept = (covers or frozenset(book.concept_set("supersede.neoplasm").concepts)) | {"BRAIN_LESION"}
    if any(o.sentence_start == m.sentence_start and o.start > lo and o.concept in kept
           and _status(o) is FactStatus.SUSPECTED for o in live):
        return None  # "no mass seen, but a small tumour cannot be excluded"
    if covers is None and not book.cue("supersede.later_study").matches(r.text[anchor.end:m.start]):
        return None
    rule = "supersede.later_study"
    cue_ids = [c for c in ("supersede.later_cue", "supersede.question_closed") if book.cue(c).matches(sentence)]
    return _LaterStudy(limit=lo, when=_when(r, lo, end), cue=bool(cue_ids), rule=" ".join([rule, *cue_ids]))


def _older_study_hedge(r: _Reader, later: _LaterStudy, m: Mention, o: Mention) -> bool:
    """The hedge `o` was raised by an older study than the later study of statement `m`: it ends before that study,
    in the same paragraph, in a sentence that names a study; the later study is dated after it or a word says so
    (and the old study is not dated after it)."""
    if o.end > later.limit:
        return False
    between = r.text[o.end:m.start]
    if "\n\n" in between or "\f" in between:
        return False
    if not any(o.sentence_start <= s.start < o.sentence_end and s.start < later.limit for s in r.studies):
        return False
    order = _later(_when(r, o.sentence_start, min(o.sentence_end, later.limit), last=True), later.when)
    return bool(order) or (order is None and later.cue)


def _subtypes(book: CueBook, m: Mention) -> dict[str, str]:
    """The specific disease a mention of a subtyped concept names: attribute -> value, generic values left out."""
    generic = book.value_set("supersede.generic_subtypes").values
    return {a: str(m.attrs[a]) for a in book.value_set("supersede.subtype_attributes").values
            if m.attrs.get(a) and m.attrs[a] not in generic}


def _named_family(book: CueBook, m: Mention) -> tuple[int, str | None] | None:
    """The family a mention's name belongs to (supersede.named_families): (its index, None for the family's own
    name, else the member's first name), or None for a name in no family."""
    return _family_index(book.value_set("supersede.named_families").values).get(" ".join(m.text.lower().split()))


@lru_cache(maxsize=8)
def _family_index(values: frozenset[str]) -> dict[str, tuple[int, str | None]]:
    """Each name of supersede.named_families ("family|alias: member=alias|member") -> (its family's index, None for
    the family's own names, else the member's first name). A family's own name wins over a member's."""
    index: dict[str, tuple[int, str | None]] = {}
    for i, value in enumerate(sorted(values)):
        family, _, members = value.partition(":")
        for member in members.split("|"):
            names = [n.strip() for n in member.split("=")]
            for n in names:
                index.setdefault(n, (i, names[0]))
        for n in family.split("|"):
            index[n.strip()] = (i, None)
    return index


def _other_disease(book: CueBook, m: Mention, o: Mention) -> bool:
    """The two mentions name different diseases of one family: a subtype attribute with two specific values, or
    names of two families or of two members of one (supersede.named_families)."""
    if m.concept not in book.concept_set("supersede.subtyped"):
        return False
    mine, other = _subtypes(book, m), _subtypes(book, o)
    if any(a in other and other[a] != v for a, v in mine.items()):
        return True
    named, theirs = _named_family(book, m), _named_family(book, o)
    if named is None or theirs is None:
        return False
    return named[0] != theirs[0] or (named[1] is not None and theirs[1] is not None and named[1] != theirs[1])


def _narrower(book: CueBook, m: Mention, o: Mention) -> bool:
    """The statement names one disease of a family and the other mention only the family ("Krabbe disease: normal
    GALC" beside "suggestive of a leukodystrophy", "OTC deficiency excluded" beside "r/o urea cycle disorder"): a
    named disease ends that one, not the family's question."""
    if m.concept not in book.concept_set("supersede.subtyped"):
        return False
    if bool(_subtypes(book, m)) and not _subtypes(book, o):
        return True
    named, theirs = _named_family(book, m), _named_family(book, o)
    return named is not None and theirs is not None and named[0] == theirs[0] and named[1] is not None \
        and theirs[1] is None


def _other_finding(book: CueBook, m: Mention, o: Mention) -> bool:
    """The statement names an imaging finding of its disease (supersede.finding_attributes) and the other mention is
    not that finding (the disease itself, or another finding)."""
    keys = book.value_set("supersede.finding_attributes").values
    return any(m.attrs.get(k) and o.attrs.get(k) != m.attrs.get(k) for k in keys)


def _in(concepts: ConceptSet, m: Mention) -> bool:
    return concepts.member_for(m.concept, m.attrs) is not None


def _report_parts(r: _Reader, questions: frozenset[str]) -> list[tuple[int, int]]:
    """[start, end) of each report with its own question: a report extent cut where a question section (a title, an
    indication) follows a read (a second report written right after the first)."""
    parts: list[tuple[int, int]] = []
    for lo, hi in r.reports:
        start, read = lo, False
        for s in r.sections:
            if not lo <= s.start < hi:
                continue
            if s.category in questions and read:
                parts.append((start, s.start))
                start, read = s.start, False
            read = read or s.category in _READ_SECTIONS or s.category == "addendum"
        parts.append((start, hi))
    return parts


def _answered(r: _Reader, live: list[Mention], book: CueBook, finding: Callable[[Mention], str]
              ) -> dict[tuple[int, int, str], Supersession]:
    """The hedged mentions of a report's own question (supersede.report_question) that the same report's impression
    answers (supersede.report_answer): a negation of the concept, a read of no lesion (supersede.no_lesion_answers) or
    the disease named with its cause (supersede.cause_answers); not a question the impression leaves open."""
    questions = book.value_set("supersede.report_question")
    answers = book.value_set("supersede.report_answer")
    neoplasm, generic = book.concept_set("supersede.neoplasm"), book.concept_set("supersede.generic_neoplasm")
    negatable, subtyped = book.concept_set("supersede.negatable"), book.concept_set("supersede.subtyped")
    no_lesion, bare = book.concept_set("supersede.no_lesion_answers"), book.cue("supersede.bare_lesion")
    lesion_q, of_a_kind = book.concept_set("supersede.lesion_questions"), book.cue("supersede.lesion_of_a_kind")
    cause_q, cause_a = book.concept_set("supersede.cause_questions"), book.concept_set("supersede.cause_answers")
    lesional, partial = concept_set("verdict.lesional_findings"), cue("verdict.partial_read")
    out: dict[tuple[int, int, str], Supersession] = {}
    for lo, hi in _report_parts(r, questions.values):
        inside = [m for m in live if lo <= m.start < hi]
        asked = [m for m in inside if m.section in questions.values and _status(m) is FactStatus.SUSPECTED]
        said = [m for m in inside if m.section in answers.values]
        if not asked or not said:
            continue
        open_ = {finding(m) for m in said if _status(m) is FactStatus.SUSPECTED}
        lesion_live = any(_in(lesional, m) and _status(m) is not FactStatus.ABSENT for m in said)

        def sentence(m: Mention) -> str:
            return r.text[m.sentence_start:m.sentence_end]

        no_lesion_reads = [] if lesion_live else [
            m for m in said if not partial.matches(sentence(m)) and (
                (m.concept == "BRAIN_LESION" and _status(m) is FactStatus.ABSENT and bare.matches(m.text))
                or (m.concept == "IMAGING_CONCLUSIVE" and m.attrs.get("verdict") == "nonlesional"
                    and _status(m) is FactStatus.PRESENT))]
        for q in asked:
            if finding(q) in open_:
                continue  # "a small lesion cannot be excluded": the impression leaves the question open
            by: Mention | None = None
            rule = answers.id
            for a in said:
                if _status(a) is not FactStatus.ABSENT or a.concept not in negatable:
                    continue
                covers = set(neoplasm.concepts) if a.concept in generic else {a.concept}
                if q.concept not in covers and finding(q) != finding(a):
                    continue
                if q.concept == a.concept and q.concept in subtyped and _named(book, a) \
                        and (_other_disease(book, a, q) or not _named(book, q)):
                    continue  # "no MLD" does not answer "r/o leukodystrophy", nor "r/o Krabbe"
                by = a
                break
            if by is None and _in(no_lesion, q) and no_lesion_reads \
                    and not (_in(lesion_q, q) and of_a_kind.matches(r.text[q.sentence_start:q.end])):
                by, rule = no_lesion_reads[0], f"{answers.id} {no_lesion.id}"
            if by is None and _in(cause_q, q):
                by = next((a for a in said if a.concept == q.concept and _in(cause_a, a)
                           and _status(a) is FactStatus.PRESENT), None)
                rule = f"{answers.id} {cause_a.id}"
            if by is not None:
                out[_key(q)] = Supersession(by=by, source="answered", rule=rule)
    return out


@dataclass(frozen=True)
class _StudyRead:
    """A dated brain study's read: a report's findings and impression, or the clause after a study named with a
    date in a sentence outside any report ("MRI brain 08/12/2026 showed ... no evidence of recurrence")."""

    when: date
    spans: tuple[tuple[int, int], ...]


def _study_reads(r: _Reader, book: CueBook) -> list[_StudyRead]:
    """The dated reads of brain MRIs and CTs (supersede.study_answer_modalities), dated on or before the request."""
    modalities = book.value_set("supersede.study_answer_modalities").values

    def brain(m: Mention) -> bool:
        return m.attrs.get("modality") in modalities and str(m.attrs.get("body_part") or "brain") == "brain"

    reads: list[_StudyRead] = []
    for i, (lo, hi) in enumerate(r.reports):
        when = r.report_dates[i]
        titles = [s for s in r.sections if lo <= s.start < hi and s.category == "exam_title"]
        named = [m for m in r.studies if any(t.start <= m.start < t.end for t in titles)]
        if when is None or not named or not all(brain(m) for m in named):
            continue
        spans = tuple((s.start, _paragraph_end(r.text, s.start, s.end)) for s in r.sections
                      if lo <= s.start < hi and (s.category in _READ_SECTIONS or s.category == "addendum"))
        if spans:
            reads.append(_StudyRead(when, spans))
    for m in r.studies:
        if r.report_of(m) is not None or not brain(m):
            continue
        dated = [mention_date(d, reference=r.reference) for d in r.dates
                 if m.sentence_start <= d.start < m.sentence_end]
        when = next((d for d in dated if d is not None), None)
        if when is not None:
            reads.append(_StudyRead(when, ((m.start, m.sentence_end),)))
    return [s for s in reads if r.reference is None or s.when <= r.reference]


def _paragraph_end(text: str, lo: int, hi: int) -> int:
    """The end of a read section's first paragraph: a line set apart after it ("MRS requested to exclude recurrent
    disease.") is the request's, not the read's."""
    body = re.search(r"\S", text[lo:hi])
    start = lo if body is None else lo + body.start()
    line = text.find("\n", start, hi)
    if line >= 0 and not text[start:line].rstrip().endswith(":"):
        line = start  # the heading's line holds the read ("Impression: No recurrent tumor.")
    rest = re.search(r"\S", text[max(line, start):hi]) if line > start else None
    blank = text.find("\n\n", max(line, start) + (rest.start() if rest else 0), hi)
    return hi if blank < 0 else blank


def _masked(text: str, no_new: re.Pattern[str]) -> str:
    """The text with its denials of a new finding blanked ("no new enhancement", "no new or enlarging lesion")."""
    return no_new.sub(lambda hit: " " * len(hit.group()), text)


def _answered_by_study(r: _Reader, live: list[Mention], book: CueBook) -> dict[tuple[int, int, str], Supersession]:
    """A rule-out of recurrence on a line outside the study's read ("r/o recurrence", "eval for recurrence",
    "? recurrence": supersede.study_answer_question) that the packet's latest brain MRI or CT, dated on or before the
    request and at most STUDY_ANSWER_DAYS before it, answers: its read negates the recurrence ("no evidence of
    recurrence") or denies a new finding ("stable post-operative changes, no new enhancement":
    supersede.study_answer_no_new), keeps nothing hedged and tells nothing new or growing (tumor.new_finding), and
    nothing in the packet tells a new or growing lesion or affirms a recurrence (supersede.study_answer_open). The
    question, and a neoplasm hedged inside it ("rule out recurrent tumor"), stop counting (source `answered`)."""
    if r.reference is None:
        return {}
    reads = _study_reads(r, book)
    if not reads:
        return {}
    latest = max(s.when for s in reads)
    if (r.reference - latest).days > STUDY_ANSWER_DAYS:
        return {}  # a year-old study does not answer today's question
    current = [s for s in reads if s.when == latest]
    asked, open_ = book.concept_set("supersede.study_answer_concepts"), book.concept_set("supersede.study_answer_open")
    neoplasm = book.concept_set("supersede.neoplasm")
    before, after = book.cue("supersede.study_answer_question"), book.cue("supersede.study_answer_question_after")
    no_new = book.cue("supersede.study_answer_no_new")
    new_finding = cue("tumor.new_finding")

    def in_read(m: Mention) -> bool:
        return any(lo <= m.start < hi for s in current for lo, hi in s.spans)

    def sentence(m: Mention) -> str:
        return _masked(r.text[m.sentence_start:m.sentence_end], no_new.regex)

    questions = [m for m in live if m.concept in asked and _status(m) is FactStatus.SUSPECTED
                 and not in_read(m)
                 and (before.matches(r.text[_clause_start(r, m):m.start]) or after.matches(r.text[m.end:m.end + 3]))]
    if not questions:
        return {}
    # what the question names with it: another recurrence or a neoplasm hedged in the same words
    # ("assess for residual/recurrent tumour", "rule out recurrent tumor")
    asked_too = [m for m in live if (m.concept in asked or m.concept in neoplasm.concepts)
                 and _status(m) is FactStatus.SUSPECTED
                 and any(q.start < m.end and m.start < q.end for q in questions)]
    keys = {_key(m) for m in (*questions, *asked_too)}
    rule = [before.id, "supersede.study_answer_modalities"]
    answer: Mention | None = None
    for lo, hi in (span for s in current for span in s.spans):
        if new_finding.matches(_masked(r.text[lo:hi], no_new.regex)):
            return {}  # "slowly enlarging FLAIR signal": the read tells something growing
    for m in live:
        if not in_read(m) or _key(m) in keys:
            continue
        status = _status(m)
        if m.concept in open_ and status is FactStatus.SUSPECTED:
            return {}  # "cannot exclude early recurrence": the read leaves the question open
        if answer is None and status is FactStatus.ABSENT and m.concept in asked:
            answer = m
        elif answer is None and status is FactStatus.ABSENT and m.concept == "BRAIN_LESION" \
                and no_new.matches(r.text[m.sentence_start:m.sentence_end]):
            answer, rule = m, [*rule, no_new.id]
    if answer is None:
        return {}
    for m in live:
        if m.concept not in open_ or _key(m) in keys or in_read(m) or _status(m) is FactStatus.ABSENT:
            continue
        if m.concept in asked and _status(m) is FactStatus.PRESENT and not m.has("historical"):
            return {}  # a recurrence affirmed
        if new_finding.matches(sentence(m)):
            return {}  # "new enhancing nodule at the resection margin" in a later note
    return {key: Supersession(by=answer, source="answered", rule=" ".join(rule)) for key in keys}


def _named(book: CueBook, m: Mention) -> bool:
    """The mention names one disease of its family (a specific subtype attribute), not the family."""
    generic = book.value_set("supersede.generic_subtypes").values
    return any(v and v not in generic for v in (m.attrs.get(k)
                                                 for k in book.value_set("supersede.subtype_attributes").values))


def find_supersessions(text: str, mentions: list[Mention], sections: list[SectionSpan],
                       reference: date | None) -> dict[tuple[int, int, str], Supersession]:
    """(start, end, concept) of every superseded mention -> what superseded it."""
    book = _book()
    r = _Reader(text, mentions, sections, reference)
    r.find_inline(book)
    neoplasm, generic = book.concept_set("supersede.neoplasm"), book.concept_set("supersede.generic_neoplasm")
    nontumor = book.concept_set("supersede.nontumor")
    same_finding = book.concept_set("supersede.same_finding")
    negatable = book.concept_set("supersede.negatable")
    definite = book.cue("supersede.definite")
    live = [m for m in mentions if not is_ignored(m)]
    by_sentence: dict[int, list[Mention]] = {}
    for m in live:
        by_sentence.setdefault(m.sentence_start, []).append(m)
    def finding(m: Mention) -> str:
        return same_finding.id if m.concept in same_finding else m.concept

    weighed = {finding(m) for m in live if _status(m) is FactStatus.SUSPECTED}  # what a differential raised

    no_lesion, bare = book.concept_set("supersede.lesion_questions"), book.cue("supersede.bare_lesion")
    margin_reach = book.concept_set("supersede.margin_reach")
    own_lesion = book.value_set("supersede.pathology_own_lesion")
    # (statement, source, rule ids, the concepts it negates: None for a settled differential)
    statements: list[tuple[Mention, str, str, frozenset[str] | None]] = []
    laters: dict[tuple[int, int, str], _LaterStudy] = {}  # statements of a later study (supersede.later_study)
    answers_only: set[tuple[int, int, str]] = set()  # exclusions that settle only questions before them
    for m in live:
        status = _status(m)
        if status is FactStatus.SUSPECTED:
            continue
        if status is FactStatus.ABSENT and (m.concept in negatable
                                            or (m.concept in no_lesion and bare.matches(m.text))):
            if m.concept in negatable:
                negated = frozenset(neoplasm.concepts) if m.concept in generic else frozenset({m.concept})
            else:  # "MRI 2016 showed no mass": a read of no lesion closes the tumour and lesion questions
                negated = frozenset(neoplasm.concepts) | {m.concept}
            found = _source(r, m, book) if m.concept in negatable else None
            if found is not None and found[0] == "pathology" and m.concept in neoplasm \
                    and m.concept not in margin_reach and _margin_statement(r, m, book):
                # "Dural margin free of tumor": the tumour was removed, no negative diagnosis; it settles only a
                # suspected residual or recurrent tumour (supersede.margin_statement, supersede.margin_reach)
                negated = frozenset(margin_reach.concepts)
                found = (found[0], f"{found[1]} supersede.margin_statement")
            if found is None or found[0] == "settled":
                # a settled negation ("no tumour - question closed") may also be a later study's read, which settles
                # the hedges of the older study in its own clause
                later = _later_study(r, m, book, live, negated)
                if later is not None:
                    laters[_key(m)] = later
                    found = ("settled", later.rule) if found is None else (found[0], f"{found[1]} {later.rule}")
            later_only = found is None or (_key(m) in laters and found[1] == laters[_key(m)].rule)
            if later_only and _exclusion_answers(r, m, book):
                # a plain exclusion answers the questions asked about it before (also beside a later study's read)
                rule = "supersede.exclusion_answers_question"
                found = ("settled", rule if found is None else f"{found[1]} {rule}")
                answers_only.add(_key(m))
            if found is None:
                continue
            statements.append((m, *found, negated))
            continue
        if status is not FactStatus.PRESENT or not _in(nontumor, m) or finding(m) not in weighed:
            continue
        found = None if m.has("historical") else _source(r, m, book)
        if found is None:
            later = _later_study(r, m, book, live, None)
            if later is None:
                continue  # an incidental finding ("an old infarct") settles no differential
            found, laters[_key(m)] = ("settled", later.rule), later
            rivals = [o for o in by_sentence.get(m.sentence_start, []) if _in(neoplasm, o) and o.start > later.limit
                      and _status(o) is not FactStatus.ABSENT]
            if not rivals:
                statements.append((m, *found, None))
            continue
        read = [definite.id] if definite.matches(text[m.sentence_start:m.sentence_end]) else []
        if found[0] != "pathology" and not read:
            continue
        rivals = [o for o in by_sentence.get(m.sentence_start, []) if _in(neoplasm, o)
                  and _status(o) is not FactStatus.ABSENT]
        if rivals:
            continue  # "consistent with abscess or necrotic tumor": still a differential
        statements.append((m, found[0], " ".join([found[1], *read]), None))

    out: dict[tuple[int, int, str], Supersession] = {}
    stated = {_key(s[0]) for s in statements}
    # a statement of its own (an exclusion, a withdrawal, pathology) names what settled a hedge before a later study's
    # read alone does
    statements.sort(key=lambda s: s[2].startswith("supersede.later_study"))
    questions = book.value_set("supersede.question_hedges").values
    for m, source, rule, covers in statements:
        when = r.stated_on(m)
        own_report = r.report_of(m) if source == "addendum" else None
        settled = source == "settled"  # ends only the hedges written before it, also earlier in its sentence
        clause = _answer_start(r, m, book) if rule == "supersede.answered_question" else _clause_start(r, m)
        later = laters.get(_key(m))
        for o in live:
            if _key(o) in stated or _key(o) in out:
                continue
            if settled:
                # an exclusion settles the hedges before its clause; a later study's read (alone) an older study's
                by_clause = o.end <= clause and (later is None or rule != later.rule)
                if by_clause and _key(m) in answers_only and not any(x in questions for x in o.modifier_rules):
                    by_clause = False  # a plain exclusion answers a question asked, not a differential weighed
                if _status(o) is not FactStatus.SUSPECTED \
                        or not (by_clause or (later is not None and _older_study_hedge(r, later, m, o))):
                    continue
            elif o.sentence_start == m.sentence_start:
                continue
            if covers is not None:
                if o.concept not in covers or _status(o) is FactStatus.ABSENT:
                    continue
                if o.concept != m.concept and ((o.has("historical") and later is None)
                                               or _status(o) is not FactStatus.SUSPECTED):
                    continue  # "no recurrent tumor" ends a suspected recurrence, not the known tumor's diagnosis
                    # (an old study's hedge told in a history paragraph is closed by a later study's read)
                if o.concept == m.concept and (_other_disease(book, m, o) or (settled and _narrower(book, m, o))):
                    continue  # "Krabbe disease not supported" does not end a suspected MLD; a settled one (a
                    # normal GALC) does not end the family's question either ("suggestive of a leukodystrophy")
                if o.concept == m.concept and _other_finding(book, m, o):
                    continue  # "no hippocampal sclerosis" ends the imaging finding, not the epilepsy
            elif not _in(neoplasm, o) or _status(o) is not FactStatus.SUSPECTED:
                continue
            if _other_body_part(r, m, o):
                continue  # "MRI CERVICAL SPINE: neoplasm excluded" does not settle a brain report's hedge
            if source == "addendum":
                report = r.report_of(o)
                if report is not None and report != own_report:
                    continue  # another study's report
                inline = r.inline_addendum(m)
                if inline is not None and own_report is None and text[inline[0]:inline[1]].strip() \
                        and not inline[0] <= o.start < m.start:
                    continue  # an addendum inside a paragraph amends that paragraph's read, before it
                    # (an addendum that opens its paragraph is one under its own heading)
            if when is not None:
                then = r.written_on(o)
                if then is not None and then > when:
                    continue  # written after the statement (a report dated after it: the report's own date)
                if source in own_lesion.values and _other_lesion(r, book, m, o, when):
                    continue  # a 2022 resection's pathology does not read a new lesion at another site
            out[_key(o)] = Supersession(by=m, source=source, rule=rule)
    # a diagnosis set aside for a later one is a settled hedge: a later exclusion settles it too, as it settles the
    # hedges before it ("... initially considered (glioma vs infarct); imaging confirmed an infarct; tumor was ruled
    # out": the glioma stops counting)
    aside_id = "supersede.set_aside_rules"
    aside = book.value_set(aside_id).values
    for m, source, rule, covers in statements:
        if source != "settled" or covers is None:
            continue
        clause = _clause_start(r, m)
        for o in live:
            if o is not m and _key(o) not in out and o.end <= clause and o.concept in covers \
                    and _status(o) is FactStatus.ABSENT and any(x in aside for x in o.modifier_rules):
                out[_key(o)] = Supersession(by=m, source=source, rule=f"{rule} {aside_id}")
    for key, answered in _answered(r, live, book, finding).items():
        if key not in out and key not in stated:
            out[key] = answered
    for key, answered in _answered_by_study(r, live, book).items():
        if key not in out and key not in stated:
            out[key] = answered
    for key, withdrawn in _later_reports(r, live, book).items():
        if key not in out and key not in stated:
            out[key] = withdrawn
    for key, amended in _amended(r, live, book).items():
        if key not in out and key not in stated:
            out[key] = amended
    for key, overruled in _attending_overrides(r, live, book).items():
        if key not in out and key not in stated:
            out[key] = overruled
    return out


def _report_title(r: _Reader, m: Mention) -> SectionSpan | None:
    """The title section of the imaging report a mention of a report section stands in: the nearest exam title
    before it with only report sections (or a signature) between; None outside a report."""
    if m.section not in _REPORT_SECTIONS:
        return None
    for s in reversed([s for s in r.sections if s.start <= m.start]):
        if s.category == "exam_title":
            return s
        if s.category not in _REPORT_SECTIONS and s.category not in _JOINING:
            return None
    return None


def _title_parts(r: _Reader, title: SectionSpan) -> frozenset[str]:
    """The body parts of the studies a report's title names (a study with no body part of its own is the brain's)."""
    return frozenset(str(s.attrs.get("body_part") or "brain") for s in r.studies if title.start <= s.start < title.end)


def _other_body_part(r: _Reader, m: Mention, o: Mention) -> bool:
    """The two mentions stand in the reports of two studies of different body parts (supersede.later_report)."""
    mine, other = _report_title(r, m), _report_title(r, o)
    if mine is None or other is None or mine.start == other.start:
        return False
    parts, others = _title_parts(r, mine), _title_parts(r, other)
    return bool(parts) and bool(others) and parts != others


def _sentence_and_next(r: _Reader, m: Mention) -> str:
    """The mention's sentence and the sentence after it in the same paragraph."""
    nxt = _SENTENCE_END.search(r.text, m.sentence_end + 1)
    end = nxt.end() if nxt else len(r.text)
    cut = [k for k in (r.text.find("\n\n", m.sentence_end), r.text.find("\f", m.sentence_end)) if k >= 0]
    return r.text[m.sentence_start:min([end, *cut])]


_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)")


def _later_reports(r: _Reader, live: list[Mention], book: CueBook) -> dict[tuple[int, int, str], Supersession]:
    """The hedged mentions of an imaging report that a later-dated report of the same body part excludes or
    withdraws (supersede.later_report): a negation of the concept in the later report's read by an exclusion or a
    withdrawal, or beside words that retract the earlier finding (supersede.later_report_retraction), with nothing
    planned or left open in its clause; the two reports' title dates decide, not their order in the packet."""
    rule = book.value_set("supersede.later_report")
    retraction = book.cue("supersede.later_report_retraction")
    explicit = book.value_set("supersede.settling_rules").values | book.value_set("supersede.withdrawal_rules").values
    negatable, neoplasm = book.concept_set("supersede.negatable"), book.concept_set("supersede.neoplasm")
    generic = book.concept_set("supersede.generic_neoplasm")
    planned, left_open = book.cue("supersede.not_a_result"), book.cue("supersede.left_open")
    hedges = [o for o in live if _status(o) is FactStatus.SUSPECTED and _report_title(r, o) is not None]
    out: dict[tuple[int, int, str], Supersession] = {}
    for m in live:
        if m.section not in rule.values or m.concept not in negatable or _status(m) is not FactStatus.ABSENT:
            continue
        title = _report_title(r, m)
        when = r.first_date([(title.start, title.end)]) if title is not None else None
        if title is None or when is None:
            continue
        cited = []
        if not any(x in explicit for x in m.modifier_rules):
            if not retraction.matches(_sentence_and_next(r, m)):
                continue
            cited = [retraction.id]
        start = _clause_start(r, m)
        semi = r.text.find(";", m.end, m.sentence_end)
        end = semi if semi >= 0 else m.sentence_end
        covers = frozenset(neoplasm.concepts) if m.concept in generic else frozenset({m.concept})
        if planned.matches(r.text[start:end]) or left_open.matches(r.text[m.sentence_start:m.sentence_end]) \
                or any(start <= o.start < end and o.concept in covers for o in hedges):
            continue
        for o in hedges:
            if o.concept not in covers or _key(o) in out:
                continue
            if o.concept == m.concept and (_other_disease(book, m, o) or _narrower(book, m, o)
                                           or _other_finding(book, m, o)):
                continue
            other = _report_title(r, o)
            if other is None or other.start == title.start or _other_body_part(r, m, o):
                continue
            then = r.first_date([(other.start, other.end)])
            if then is None or then >= when:
                continue  # an undated report, or one dated with or after the exclusion
            out[_key(o)] = Supersession(by=m, source="settled", rule=" ".join([rule.id, *cited]))
    return out


def _amended(r: _Reader, live: list[Mention], book: CueBook) -> dict[tuple[int, int, str], Supersession]:
    """The hedged findings of a report's earlier read (supersede.amended_reads: its findings, its impression or
    preliminary read) that an addendum or final read after it settles:

    - a conclusive read (supersede.conclusive_addendum), in a sentence that affirms one of the diagnoses the earlier
      read weighed, with nothing open in the addendum: every hedged finding of the earlier read ("PRELIMINARY:
      metastasis versus subacute infarct" under "ADDENDUM: appearance characteristic of metastasis; infarct
      excluded"); not an addendum that confirms an incidental finding;
    - an exclusion of one item of the earlier read (supersede.addendum_excludes: "Subacute infarct is excluded",
      "Not an infarct", "a metastasis rather than an infarct", "infarct is no longer a consideration"), that the
      addendum does not also hedge: the earlier read's hedges of that item only (the other items keep their hedge).

    A copy of that preliminary read outside the report (supersede.preliminary_cited) is settled with it."""
    conclusive, open_ = book.concept_set("supersede.conclusive_addendum"), book.concept_set("supersede.open_read")
    excludes = book.concept_set("supersede.addendum_excludes")
    reads = book.value_set("supersede.amended_reads").values
    out: dict[tuple[int, int, str], Supersession] = {}
    # each amended report's statement, the dates of its first read, its settled hedges with the exclusion that
    # settled each (None: the whole read), and the report's index
    amended: list[tuple[Mention, set[date], list[tuple[Mention, Mention]] | None, int | None]] = []
    for lo, hi in r.reports:
        addendum = [m for m in live if lo <= m.start < hi and m.section == "addendum"
                    and not (m.has("hypothetical") or m.has("family"))]
        if not addendum:
            continue
        first = min(m.start for m in addendum)
        report = r.report_of(addendum[0])
        own = r.section_of(min(addendum, key=lambda m: m.start))
        when = r.first_date([(own.start, own.end)], HEAD_LINES) if own is not None else None  # the addendum heading's date
        if when is not None and report is not None and (then := r.report_dates[report]) is not None and when < then:
            continue  # an addendum dated before the report is another document's (an older pathology report's)
        hedged = [o for o in live if lo <= o.start < first and o.section in reads and o.concept in open_
                  and _status(o) is FactStatus.SUSPECTED]
        dates = {d for d in (mention_date(m, reference=r.reference) for m in r.dates if lo <= m.start < first)
                 if d is not None}
        left_open = [m for m in addendum if m.concept in open_ and _status(m) is FactStatus.SUSPECTED]
        read = {m.sentence_start for m in addendum if m.concept in conclusive and _status(m) is FactStatus.PRESENT}
        if read and not left_open and not any(m.concept == "IMAGING_INCONCLUSIVE" and _status(m) is FactStatus.PRESENT
                                              for m in addendum):
            # the conclusive read names a diagnosis the earlier read weighed (not an incidental "old infarct")
            weighed = {o.concept for o in hedged}
            answer = next((m for m in addendum if m.sentence_start in read and m.concept in weighed
                           and _status(m) is FactStatus.PRESENT and not m.has("historical")), None)
            if answer is not None:
                for o in hedged:
                    out[_key(o)] = Supersession(by=answer, source="addendum", rule=conclusive.id)
                amended.append((answer, dates, None, report))
                continue
        # an item the addendum excludes, and does not also hedge ("no acute infarct; a subacute infarct cannot be
        # excluded" keeps it)
        excluded = [m for m in addendum if m.concept in excludes and _status(m) is FactStatus.ABSENT
                    and not m.has("historical") and not any(_same_item(book, r, m, h) for h in left_open)]
        settled = [(o, x) for o in hedged for x in excluded if _same_item(book, r, x, o)]
        for o, x in settled:
            out.setdefault(_key(o), Supersession(by=x, source="addendum", rule=excludes.id))
        if settled:
            amended.append((settled[0][1], dates, settled, report))
    if not amended:
        return out
    # a copy of the preliminary read outside the report ("MRI 10/01/2026 preliminary read: ... versus ...", "the
    # preliminary read this morning says metastasis versus infarct"; not a preliminary pathology report)
    cited, named = book.cue("supersede.preliminary_cited"), book.cue("supersede.preliminary_read_named")
    pathology = book.cue("supersede.pathology")
    studies = {m.sentence_start for m in live if m.concept == "IMAGING"}
    for o in live:
        if r.report_of(o) is not None or o.concept not in open_ or _status(o) is not FactStatus.SUSPECTED:
            continue
        sentence = r.text[o.sentence_start:o.sentence_end]
        by_name = named.search(sentence) if not pathology.matches(sentence) else None
        hit = by_name or (cited.search(sentence) if o.sentence_start in studies else None)
        if hit is None:
            continue  # "the overnight read says ..." names a preliminary read by itself; "preliminary" needs a study
        in_sentence = [m for m in r.dates if o.sentence_start <= m.start < o.sentence_end]
        # the date written with the study's name, when there is one ("Clinic 03/11/2026: the preliminary read of the
        # CT head 02/01/2026 says ..." cites the CT's)
        of_study = [d for d in in_sentence if any(s.sentence_start == o.sentence_start and s.end <= d.start
                                                  <= s.end + STUDY_DATE_REACH for s in r.studies)]
        said = {d for d in (mention_date(m, reference=r.reference) for m in of_study or in_sentence) if d is not None}
        # the study of the same date
        same = [a for a in amended if said & a[1]]
        cue_at = o.sentence_start + hit.start
        if not same and not of_study and not any(m.start >= cue_at for m in in_sentence):
            # no date of the study: the note's own date ("ID CLINIC 07/10/2026 / Per the wet read, ...", "the
            # overnight read says ..." under "CLINIC 11/04/2026") makes the cited read the latest report's up to that
            # date (supersede.preliminary_read_named; not an older study's, whose final read came before); an undated
            # copy, the packet's only amended report
            before = [m for m in in_sentence if m.start < cue_at]
            note_date = mention_date(before[-1], reference=r.reference) if before else r.stated_on(o)
            latest = _latest_report(r, note_date) if note_date is not None else None
            same = ([a for a in amended if a[3] == latest] if latest is not None
                    else amended[:1] if len(amended) == 1 else [])
        if not same:
            continue
        by, _, pairs, _ = same[0]
        if pairs is None:
            out[_key(o)] = Supersession(by=by, source="addendum", rule=f"{conclusive.id} {cited.id}")
            continue
        # the copy names a settled item in its own words ("infarct" for the preliminary's "subacute infarct")
        exclusion = next((x for p, x in pairs if _same_item(book, r, p, o) or _same_item(book, r, o, p)), None)
        if exclusion is not None:
            out[_key(o)] = Supersession(by=exclusion, source="addendum", rule=f"{excludes.id} {cited.id}")
    return out


def _latest_report(r: _Reader, on: date) -> int | None:
    """The index of the packet's latest dated imaging report dated on or before `on`, if any."""
    dated = [(d, i) for i, d in enumerate(r.report_dates) if d is not None and d <= on]
    return max(dated)[1] if dated else None


def _same_item(book: CueBook, r: _Reader, excluded: Mention, o: Mention) -> bool:
    """Whether an addendum's excluded finding names the item of the earlier differential: the same concept (or one
    finding: supersede.same_finding; a generic tumour every tumour concept), not another disease of its family; of a
    catch-all concept (supersede.named_findings) the same name or a narrower one ("infarct excluded" covers "subacute
    infarct"; "no acute infarct" does not cover "infarct"; synonyms: supersede.finding_synonyms)."""
    same, generic = book.concept_set("supersede.same_finding"), book.concept_set("supersede.generic_neoplasm")
    neoplasm = book.concept_set("supersede.neoplasm")
    if excluded.concept in generic and o.concept in neoplasm:
        return True
    if excluded.concept != o.concept and not (excluded.concept in same and o.concept in same):
        return False
    if _other_disease(book, excluded, o):
        return False
    if excluded.concept in book.concept_set("supersede.named_findings"):
        if excluded.attrs.get("kind") != o.attrs.get("kind"):
            return False
        mine, theirs = _finding_name(book, r, excluded), _finding_name(book, r, o)
        return len(mine) <= len(theirs) and theirs[len(theirs) - len(mine):] == mine
    return True


def _finding_name(book: CueBook, r: _Reader, m: Mention) -> tuple[str, ...]:
    """A finding's name as words compared across reports, with a word right before it that narrows it
    (supersede.finding_qualifier: "no acute infarct"): lower case, one spelling ("haemorrhage" as "hemorrhage"), one
    number ("infarcts" as "infarct"), a synonym's ending as its group's first name (supersede.finding_synonyms)."""
    hit = book.cue("supersede.finding_qualifier").search(r.text[max(m.sentence_start, m.start - QUALIFIER_REACH):m.start])
    text = f"{hit.text.strip()} {m.text}" if hit is not None else m.text
    words = tuple(_singular(w) for w in re.findall(r"[a-z0-9]+", text.lower().replace("ae", "e").replace("oe", "e")))
    for group in book.value_set("supersede.finding_synonyms").values:
        names = [tuple(_singular(w) for w in n.split()) for n in group.split("|")]
        for name in names[1:]:
            if name and words[len(words) - len(name):] == name:
                return words[:len(words) - len(name)] + names[0]
    return words


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us")) else word


@dataclass(frozen=True)
class _Statement:
    """An attending's statement: its label's start, its text's end, the start of its note (the trainee's text lies in
    [note, start)), and whether it is a final plan."""

    start: int
    end: int
    note: int
    final_plan: bool


def _attending_statements(r: _Reader, book: CueBook) -> list[_Statement]:
    """The attending's statements of the packet (supersede.attending_statement, supersede.attending_final_plan; not a
    field that names the attending: supersede.attending_field), each reaching the end of its paragraph or the next
    one, with the start of its note (supersede.attending_overrules_trainee)."""
    labels = sorted({(h.start(), h.end(), cid == "supersede.attending_final_plan")
                     for cid in ("supersede.attending_statement", "supersede.attending_final_plan")
                     for h in book.cue(cid).regex.finditer(r.text)})
    starts: list[tuple[int, int, bool]] = []
    field = book.cue("supersede.attending_field")
    for lo, hi, final in labels:  # one label per line: a final plan's wins over the bare "Attending ..." it holds
        line_end = r.text.find("\n", hi)
        if field.matches(r.text[hi:line_end if line_end >= 0 else len(r.text)]):
            continue  # "Attending: P. Rhee, MD   NPI ...": a field that names the attending
        if starts and lo < starts[-1][1]:
            if final:
                starts[-1] = (starts[-1][0], hi, True)
            continue
        starts.append((lo, hi, final))
    bounds = book.value_set("supersede.attending_overrules_trainee").values
    headings = [h.end() for h in book.cue("supersede.note_heading").regex.finditer(r.text)]
    out: list[_Statement] = []
    for i, (lo, _, final) in enumerate(starts):
        ends = [k for k in (r.text.find("\n\n", lo), r.text.find("\f", lo)) if k >= 0]
        if i + 1 < len(starts):
            ends.append(starts[i + 1][0])
        note = max([0, *(s.start for s in r.sections if s.category in bounds and s.start < lo),
                    *(h for h in headings if h <= lo), *(o.end for o in out if o.end <= lo)])
        out.append(_Statement(start=lo, end=min(ends, default=len(r.text)), note=note, final_plan=final))
    return out


def _trainee_text(r: _Reader, book: CueBook, st: _Statement, m: Mention) -> bool:
    """The mention stands in the trainee's text the statement overrules: in its note before it, not in another
    document's section (an imaging or pathology report, a request form) that reaches into the note."""
    if not st.note <= m.start < st.start:
        return False
    bounds = book.value_set("supersede.attending_overrules_trainee").values - {"note_start"}
    return not any(s.category in bounds and s.start <= m.start < s.end for s in r.sections)


def _plan_item(r: _Reader, book: CueBook, m: Mention) -> bool:
    """A study of the trainee's plan (supersede.trainee_plan: plan words before it on its line, or a plan section)."""
    if m.section == "assessment_plan":
        return True
    line = r.text.rfind("\n", 0, m.start) + 1
    return book.cue("supersede.trainee_plan").matches(r.text[line:m.start])


def _same_study(m: Mention, o: Mention) -> bool:
    """Two study mentions of one modality (and one body part, when both name one)."""
    if m.attrs.get("modality") != o.attrs.get("modality") or m.attrs.get("modality") in (None, "unspecified"):
        return False
    a, b = m.attrs.get("body_part"), o.attrs.get("body_part")
    return a is None or b is None or a == b


def _attending_overrides(r: _Reader, live: list[Mention], book: CueBook) -> dict[tuple[int, int, str], Supersession]:
    """The trainee's plan items and hedged diagnoses that an attending's statement after them in the same note
    overrules (supersede.attending_overrules_trainee): a study it drops (supersede.attending_drops) or leaves out of
    a final plan that lists studies (supersede.attending_final_plan); a differential it disagrees with
    (supersede.attending_disagrees), settled by the diagnosis it affirms (source `attending`) or, for a diagnosis it
    only rules out, of that diagnosis (source `settled`). Agreement ("agree with the plan as above", "also add
    perfusion", "I agree the differential includes lymphoma") changes nothing."""
    rule = book.value_set("supersede.attending_overrules_trainee").id
    drops = book.cue("supersede.attending_drops")
    disagrees, settles = book.cue("supersede.attending_disagrees"), book.concept_set("supersede.attending_settles")
    plan_subject = book.concept_set("supersede.attending_plan_subject")
    neoplasm, generic = book.concept_set("supersede.neoplasm"), book.concept_set("supersede.generic_neoplasm")
    out: dict[tuple[int, int, str], Supersession] = {}
    studies = [m for m in r.studies if not is_ignored(m)]
    for st in _attending_statements(r, book):
        own = [m for m in live if st.start <= m.start < st.end]
        trainee = [m for m in live if _trainee_text(r, book, st, m)]
        if not own or not trainee:
            continue
        plan = [m for m in studies if _trainee_text(r, book, st, m) and _plan_item(r, book, m)]
        # 1. a study the attending drops, or leaves out of a final plan that lists studies
        dropped: list[tuple[Mention, str]] = []
        for a in (m for m in studies if st.start <= m.start < st.end):
            lo = max(r.text.rfind(c, a.sentence_start, a.start) for c in ";,") + 1 or a.sentence_start
            lo = max(lo, a.sentence_start, st.start)
            semi = r.text.find(";", a.end, a.sentence_end)
            hi = semi if semi >= 0 else a.sentence_end
            if drops.regex.search(r.text[lo:a.start]) is not None or drops.regex.search(r.text[a.end:hi]) is not None:
                dropped.append((a, f"{rule} {drops.id}"))  # its words override by themselves ("no need for")
        if st.final_plan:
            listed = [m for m in studies if st.start <= m.start < st.end]
            if listed:
                final = book.cue("supersede.attending_final_plan").id
                dropped += [(o, f"{rule} {final}") for o in plan if not any(_same_study(o, m) for m in listed)
                            and not any(_same_study(o, d) for d, _ in dropped)]
        for by, why in dropped:
            for o in plan:
                if (o is by or _same_study(o, by)) and _key(o) not in out:
                    out[_key(o)] = Supersession(by=by, source="attending", rule=why)
        # 2. a differential the attending disagrees with
        for cue_hit in disagrees.regex.finditer(r.text, st.start, st.end):
            at = cue_hit.start()
            sentence = next((m for m in own if m.sentence_start <= at < m.sentence_end), None)
            s_start = sentence.sentence_start if sentence is not None else at
            s_end = sentence.sentence_end if sentence is not None else st.end
            semi = r.text.find(";", cue_hit.end(), s_end)
            clause_end = semi if semi >= 0 else s_end
            if any(_in(plan_subject, m) and cue_hit.end() <= m.start < clause_end for m in own):
                continue  # "I disagree with holding temozolomide": the plan, not the differential
            nxt = _SENTENCE_END.search(r.text, s_end + 1)
            reach = min(st.end, nxt.end() if nxt else st.end)
            said = [m for m in own if max(s_start, at) <= m.start < reach and _in(settles, m)]
            affirmed = [m for m in said if _status(m) is FactStatus.PRESENT and not m.has("historical")]
            negated = [m for m in said if _status(m) is FactStatus.ABSENT]
            for o in trainee:
                if _status(o) is not FactStatus.SUSPECTED or not _in(settles, o) or _key(o) in out:
                    continue
                if affirmed:
                    out[_key(o)] = Supersession(by=affirmed[0], source="attending", rule=f"{rule} {disagrees.id}")
                    continue
                ruled_out = next((n for n in negated if o.concept == n.concept
                                  or (n.concept in generic and o.concept in neoplasm)), None)
                if ruled_out is not None:
                    out[_key(o)] = Supersession(by=ruled_out, source="settled", rule=f"{rule} {disagrees.id}")
    return out
