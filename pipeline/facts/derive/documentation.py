"""Documentation completeness: history, examination, laboratory results and treatment history."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...contracts import Evidence, Fact, FactStatus, Mention, SectionSpan
from ...cues import one_spaced
from ..context import FactContext, mention_status
from ..cues import Cue, concept_set, cue
from .base import Resolver, derivation, make_fact, not_documented, present_if

_TREATMENTS = concept_set("treatment.any")
_NARRATIVE = concept_set("history.narrative")
_PENDING = cue("labs.pending")
_RESULTED = cue("labs.resulted")
_RESULT = cue("labs.result_value")
_RESULT_FOLLOWS = cue("labs.result_follows")
_GENERIC_LAB = cue("labs.generic_name")
_STATED_AFTER = cue("labs.stated_after")
_STATED_BEFORE = cue("labs.stated_before")
_SELF_RESULTED = cue("labs.self_resulted")
_NONE = cue("labs.none")
_ENCLOSURE = cue("labs.enclosure_header")
_ENCLOSURE_ITEM = cue("labs.enclosure_item")
_INDEX_ENTRY = cue("labs.index_entry")
_RECORDS_REQUESTED = cue("labs.records_requested")
_TRACKING_STATUS = cue("labs.tracking_status")
_LIST_HEADER = cue("labs.list_header")
_OWN_LABEL = cue("labs.own_label")
_TEMPLATE = cue("text.template_placeholder")
_VALUE_UNKNOWN = cue("labs.value_unknown")
_NO_RESULTS = cue("labs.no_results_marker")
_CANCELLED = cue("labs.order_cancelled")
ENCLOSURE_MAX_LINES = 40
"""How far up an enclosure list's items its heading line is looked for."""
_ORDER_SECTIONS = frozenset({"assessment_plan", "request"})  # where a test named alone is one to be done
_HISTORY_SECTIONS = ("history_of_present_illness", "chief_complaint", "assessment_plan")
# a radiology report or the diagnosis list does not tell the clinical course
_NOT_NARRATIVE_SECTIONS = frozenset({"exam_title", "indication", "comparison", "technique", "findings",
                                     "impression", "diagnosis"})
_DEFERRED = cue("documentation.deferred")
_PLACEHOLDER = cue("documentation.placeholder")
_FIELD_LABEL = cue("documentation.field_label")
_REFERS_ELSEWHERE = cue("documentation.refers_elsewhere")
_POINTER_AVAILABILITY = cue("documentation.pointer_availability")
_NOT_DONE_ANSWER = cue("documentation.not_done_answer")
_DEFERRAL_CLAUSE_END = cue("documentation.deferral_clause_end")
_DEFERRAL_CONTRAST = cue("documentation.deferral_contrast")
_EXAM_FINDINGS = cue("exam.findings")
_EXAM_REPORTED = cue("documentation.exam_reported")
_EXAM_BASELINE = cue("documentation.exam_baseline")
_EXAM_ATTRIBUTED = cue("documentation.exam_attributed")
_EXAM_EARLIER = cue("documentation.exam_earlier")
_EXAM_NAMED = cue("documentation.exam_named")
_EXAM_FIRSTHAND = cue("documentation.exam_firsthand")
_EXAM_PLANNED = cue("documentation.exam_planned")
_EXAM_PART = cue("documentation.exam_part")
_REMOTE_VISIT = cue("documentation.remote_visit")
_PRESENTATION = cue("history.presentation")
# a radiology report's body does not examine the patient or tell the presenting illness
_REPORT_SECTIONS = frozenset({"exam_title", "indication", "comparison", "technique", "findings", "impression",
                              "addendum", "diagnosis", "request"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# a stop inside a word or a number ("T 36.8", "e.g.,") does not end the sentence
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?!\s|$))+(?:[.!?](?=\s|$)|\n|$)")
NARRATIVE_MIN_SENTENCES = 3
"""A letter without a history header documents the history when this many sentences tell the course."""


def _body(ctx: FactContext, s: SectionSpan) -> tuple[int, str]:
    """A section's content after its header: (offset, text)."""
    start = s.start
    if ctx.text[start:start + len(s.header)].lower() == s.header.lower():
        start += len(s.header)
    else:  # a header known only by its category: up to its colon or the end of its line
        head = re.match(r"[^:\n]{0,40}[:\n]", ctx.text[start:s.end])
        start += head.end() if head else 0
    start += len(ctx.text[start:s.end]) - len(ctx.text[start:s.end].lstrip(" \t:-"))
    return start, ctx.text[start:s.end]


def _first_sentence(body: str) -> str:
    found = _SENTENCE.search(body.strip())
    return found.group(0) if found else ""


DEFERRAL_MAX_WORDS = 12
"""A deferral is a short statement ("Deferred.", "Not performed - telephone visit."); a longer first sentence is
content that happens to name a later step."""


def _deferred(sentence: str, *, pointer_is_empty: bool = False) -> bool:
    """A short first sentence that says the element was not done ("Deferred.", "none - phone encounter") or, with
    `pointer_is_empty`, only points to another document ("see attached neurology note"); a longer one whose first
    clause says so, followed by its reason or plan ("not done - record review only; full exam at the visit next
    week": documentation.deferral_clause_end). A contrast that goes on to give content ("Not examined formally, but
    alert, oriented") is no deferral (documentation.deferral_contrast)."""
    contrast = _DEFERRAL_CONTRAST.search(sentence)
    if contrast is not None:
        tail = sentence[contrast.end:]
        if re.search(r"\w", tail) and not _DEFERRED.matches(tail):
            return False
        sentence = sentence[:contrast.start]
    if len(sentence.split()) > DEFERRAL_MAX_WORDS:
        end = _DEFERRAL_CLAUSE_END.search(sentence.strip())
        if end is None or end.start == 0:
            return False
        sentence = sentence.strip()[:end.start]
        if len(sentence.split()) > DEFERRAL_MAX_WORDS:
            return False
    return _DEFERRED.matches(sentence) or _NOT_DONE_ANSWER.matches(sentence.strip()) \
        or (pointer_is_empty and _points_elsewhere(sentence))


def _points_elsewhere(sentence: str) -> bool:
    """A sentence that only points to another document ("see attached neurology note"), with or without a note of
    that document's whereabouts in free words closing it ("per the discharging physician's note, which we do not
    have", "see consult note; unavailable when this request was sent": documentation.pointer_availability)."""
    sentence = sentence.strip()
    if _REFERS_ELSEWHERE.matches(sentence):
        return True
    note = _POINTER_AVAILABILITY.search(sentence)
    return note is not None and note.start > 0 and _REFERS_ELSEWHERE.matches(sentence[:note.start].strip())


_QUALIFIER = re.compile(r"\(([^()\n]*)\)")


def _qualifier_deferred(header: str, *, pointer_is_empty: bool = False) -> bool:
    """A header whose qualifier in parentheses says the element was not done ("Exam (deferred):", "Neuro exam (not
    performed - sedated):"): the header's own deferral, as a first sentence's would be."""
    return any(_deferred(q.group(1), pointer_is_empty=pointer_is_empty) for q in _QUALIFIER.finditer(header))


def _unfilled(body: str) -> bool:
    """A template nobody filled: the body's first paragraph holds placeholders ("***", "___", "[ ]", "{exam}",
    "@EXAM@", ".neuroexam") and, without them and the fields' labels, nothing ("Vitals: ***\nGeneral: ___")."""
    first = _PARAGRAPH_BREAK.split(body.strip(), maxsplit=1)[0]
    if not _PLACEHOLDER.matches(first):
        return False
    rest = _FIELD_LABEL.regex.sub("", _PLACEHOLDER.regex.sub("", first))
    return re.search(r"\w", rest) is None


_CLAUSE = re.compile(r"[^;]+")


def _secondhand(clause: str, *, not_done: bool) -> bool:
    """Findings told as the patient's or family's report ("she says her pupils looked equal") or as the patient's
    usual state ("usually oriented to self", documentation.exam_baseline), or, in a packet that
    says the examination was not done (`not_done`), credited to another clinician at an earlier time ("fundi
    normal per the eye clinic in 2024"): no examination of the note."""
    if _EXAM_FIRSTHAND.matches(clause):
        return False  # "she describes ... on examination there is a mild aphasia": the note's own examination
    return _EXAM_REPORTED.matches(clause) or _EXAM_BASELINE.matches(clause) or (
        not_done and _EXAM_ATTRIBUTED.matches(clause) and _EXAM_EARLIER.matches(clause))


def _planned(clause: str) -> bool:
    """An examination planned, scheduled or promised ("will see him next week for fundoscopy", "optometry to check
    the fundi on 12/09", "recheck fundi at the next visit"), not one of the note's own ("on examination ...")."""
    return _EXAM_PLANNED.matches(clause) and not _EXAM_FIRSTHAND.matches(clause)


def _firsthand(content: Cue, text: str, *, not_done: bool, planned: bool = False) -> bool:
    """`content` matches in a clause of `text` that is not secondhand (`planned`: nor a planned examination)."""
    return _firsthand_clause(content, text, not_done=not_done, planned=planned) is not None


def _firsthand_clause(content: Cue, text: str, *, not_done: bool, planned: bool = False,
                      beside: tuple[str, int, bool] | None = None) -> tuple[int, str] | None:
    """The first clause of `text` (offset, text) where `content` matches and that is not secondhand (`planned`:
    nor a planned examination; `beside`, the whole text, `text`'s offset in it and whether it is an examination
    section's: nor what a remote visit let be seen beside a deferral of the examination, `_beside_deferral`), else
    None."""
    for sentence in _SENTENCE.finditer(text):
        for c in _CLAUSE.finditer(sentence.group(0)):
            clause = c.group(0)
            if content.matches(clause) and not _secondhand(clause, not_done=not_done) and \
                    not (planned and _planned(clause)) and not (beside is not None and _beside_deferral(
                        beside[0], beside[1] + sentence.start() + c.start(), clause, in_exam_section=beside[2])):
                return sentence.start() + c.start(), clause
    return None


def _content_sections(r: Resolver, categories: tuple[str, ...], content: Cue | None, *,
                      pointer_is_empty: bool = False, secondhand: bool = False, planned: bool = False
                      ) -> tuple[list[SectionSpan], list[SectionSpan]]:
    """The sections that hold the element (content after the header), and those that are empty, say it was not
    done ("Exam: deferred", "virtual visit, no exam") or is elsewhere ("see attached note"), or hold only unfilled
    template fields ("Neuro: ***"). A section whose `content` cue matches counts even so, unless (`secondhand`)
    its first sentence says it was not done and the content is only told secondhand ("Exam: not performed (video
    visit). Reflexes brisk per Dr Alvarez in March 2025.") or (`planned`) only as an examination to be done
    ("Exam: none - phone visit. Fundi to be checked by optometry on 12/02."), or (`secondhand`, the examination)
    only on a line that defers the examination without opening the note's own examination ("Exam: not performed
    (video visit). Seemed at ease, speech fluent.": `_beside_deferral`; content on the lines after keeps
    counting). A qualifier in the header's parentheses that says it was not done ("Exam (deferred):") is such a
    deferral too, and then only first-hand content counts.
    `pointer_is_empty`: a section that only points to another document ("see attached neurology note") is empty too
    (examination)."""
    ctx = r.ctx
    kept, empty = [], []
    for s in ctx.sections(*categories):
        at, body = _body(ctx, s)
        first_deferred = _deferred(_first_sentence(body), pointer_is_empty=pointer_is_empty)
        head_deferred = _qualifier_deferred(s.header, pointer_is_empty=pointer_is_empty)
        deferred = first_deferred or head_deferred
        if content is not None and content.matches(body) and ((secondhand and first_deferred) or head_deferred) and \
                _firsthand_clause(content, body, not_done=True, planned=planned,
                                  beside=(ctx.text, at, True) if secondhand else None) is None:
            empty.append(s)
        elif content is not None and content.matches(body):
            kept.append(s)
        elif not re.search(r"\w", body) or deferred or _unfilled(body):
            empty.append(s)
        else:
            kept.append(s)
    return kept, empty


def _said_not_done(ctx: FactContext, skip: list[SectionSpan]) -> bool:
    """The packet says the examination was not done: an examination section that is empty or deferred (`skip`),
    or a sentence with a deferral that names the examination ("Telephone visit, no exam.")."""
    return bool(skip) or any(_DEFERRED.matches(f.group(0)) and _EXAM_NAMED.matches(f.group(0))
                             for f in _SENTENCE.finditer(ctx.text))


DEFERRAL_LEAD_MAX_WORDS = 6
"""A line defers the examination when its deferral comes first: at most this many words before it ("Physical exam
today: not done", "Virtual visit, exam deferred"); a longer lead is content that goes on to defer a part."""


def _deferral_on_line(text: str, at: int, *, in_exam_section: bool = False) -> bool:
    """The line that holds offset `at` says the examination as a whole was not done ("Exam: not performed - video
    visit. ...", "PHYSICAL EXAM: Not done - telehealth. ...", "Examination: none, phone call; ..."): a deferral
    (documentation.deferred) that is more than the name of a remote visit (documentation.remote_visit: "Exam (video
    visit): alert ..." is a video examination), or a bare answer after the line's label
    (documentation.not_done_answer: "none", "unable"); before it a short lead (DEFERRAL_LEAD_MAX_WORDS) that names no part of the
    examination (documentation.exam_part: "Fundi not examined", "gait not assessed") and gives no finding
    (exam.findings: "A&O x3, speech fluent; video visit so gait not tested"); and, outside an examination section
    (`in_exam_section`), the examination named on the line (documentation.exam_named). The one test of "deferred on
    this line" of the section and the prose readers (`_beside_deferral`)."""
    end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]
    masked = _REMOTE_VISIT.regex.sub(lambda m: " " * len(m.group(0)), line)
    found = _DEFERRED.regex.search(masked)
    starts = [found.start()] if found is not None else []
    label = _FIELD_LABEL.regex.match(line)
    answer_at = label.end() if label is not None else 0
    if _NOT_DONE_ANSWER.matches(line[answer_at:].strip()):
        starts.append(answer_at)
    if not starts:
        return False
    lead = line[:min(starts)]
    return len(lead.split()) <= DEFERRAL_LEAD_MAX_WORDS and not _EXAM_PART.matches(lead) and \
        not _EXAM_FINDINGS.matches(lead) and (in_exam_section or _EXAM_NAMED.matches(line))


def _beside_deferral(text: str, at: int, clause: str, *, in_exam_section: bool = False) -> bool:
    """A findings clause at offset `at` on a line that says the examination was not done (`_deferral_on_line`) and
    that does not open the note's own examination (documentation.exam_firsthand: "on examination", "on my exam"):
    what a video, telephone or chart-review visit let be seen or heard ("Exam: not performed (video visit). Appeared
    comfortable, speech fluent."), no examination."""
    return not _EXAM_FIRSTHAND.matches(clause) and _deferral_on_line(text, at, in_exam_section=in_exam_section)


def _plan_section(section: SectionSpan | None) -> bool:
    """A section headed as a plan ("Plan:", "Follow-up:", "Next steps:"): what it names is to be done."""
    return section is not None and _EXAM_PLANNED.matches(section.header.strip().rstrip(":") + ":")


def _prose(ctx: FactContext, content: Cue, skip: list[SectionSpan], *, secondhand: bool = False,
           planned: bool = False) -> list[Evidence]:
    """Sentences outside report bodies and request sections (and the `skip` sections) where `content` matches
    and the sentence does not say the element was not done: the element written in prose, with no header.
    `secondhand`: not where the content is only told secondhand (`_secondhand`); `planned`: not where it is only
    an examination planned, scheduled or promised (`_planned`, or a clause in a plan section), and a clause that
    plans an examination for "the next visit" does not make its sentence a deferral ("today the fundi showed
    papilloedema; recheck fundi at the next visit"). Where the packet says the examination was not done
    (`_said_not_done`), a clause on the line of that deferral counts only when it opens the note's own examination
    ("on examination ...": `_beside_deferral`, the section reader's test too): "Exam: not performed - video visit.
    Seemed at ease, speech fluent" is no examination."""
    out: list[Evidence] = []
    not_done = secondhand and _said_not_done(ctx, skip)
    for found in _SENTENCE.finditer(ctx.text):
        lo, sentence = found.start(), found.group(0)
        if content.search(sentence) is None:
            continue
        if planned:
            deferred = any(_DEFERRED.matches(c.group(0)) and not _planned(c.group(0))
                           for c in _CLAUSE.finditer(sentence))
        else:
            deferred = _DEFERRED.matches(sentence)
        if deferred:
            continue
        clause = _firsthand_clause(content, sentence, not_done=not_done, planned=planned,
                                   beside=(ctx.text, lo, False) if not_done else None) \
            if secondhand or planned else (0, sentence)
        if clause is None:
            continue
        hit = content.search(clause[1])
        if hit is None:
            continue
        start, end = lo + clause[0] + hit.start, lo + clause[0] + hit.end
        section = ctx.section_at(start)
        if (section is not None and section.category in _REPORT_SECTIONS) or any(
                s.start <= start < s.end for s in skip):
            continue
        if planned and _plan_section(section) and not _EXAM_FIRSTHAND.matches(clause[1]):
            continue
        out.append(Evidence(text=ctx.text[start:end], start=start, end=end, page=ctx.layout.page_of(start),
                            boxes=ctx.layout.boxes_for(start, end), section=section.category if section else None,
                            concept="SECTION", rule_id=content.id, assertion=FactStatus.PRESENT.value,
                            attributes={"cue": content.id}))
    return out


def _element_fact(r: Resolver, name: str, categories: tuple[str, ...], what: str,
                  content: Cue | None = None, *, prose: bool = True, pointer_is_empty: bool = False,
                  secondhand: bool = False, planned: bool = False) -> Fact:
    """Present with the sections that hold the element, or (`content`) with the sentences that give it in prose;
    an empty or deferred section (`pointer_is_empty`: also one that only points to another document) is not the
    element (kept as ignored evidence); `secondhand`: content told only as the patient's report or as another
    clinician's earlier findings is not the element; `planned`: nor is an examination planned, scheduled or
    promised."""
    ctx = r.ctx
    kept, empty = _content_sections(r, categories, content, pointer_is_empty=pointer_is_empty,
                                    secondhand=secondhand, planned=planned)
    ignored = [ctx.section_evidence(s, assertion=FactStatus.ABSENT) for s in empty]
    if kept:
        return make_fact(name, FactStatus.PRESENT, [ctx.section_evidence(s) for s in kept],
                         note=f"{what} section present", ignored=ignored)
    sentences = _prose(ctx, content, empty, secondhand=secondhand, planned=planned) if content is not None and prose else []
    if sentences:
        return make_fact(name, FactStatus.PRESENT, sentences, note=f"{what} given in prose (no {what} section)",
                         ignored=ignored)
    if empty:
        return make_fact(name, FactStatus.NOT_DOCUMENTED, [], ignored=ignored,
                         note=f"the {what} section is empty or says it was not done")
    return not_documented(name, f"no {what} section")


def _section_fact(r: Resolver, name: str, categories: tuple[str, ...], what: str) -> Fact:
    return _element_fact(r, name, categories, what)


@derivation("history_documented")
def history_documented(r: Resolver, name: str) -> Fact:
    """A history section with content, a sentence telling the presenting illness in prose ("a two-month history of
    headaches"), or a narrative (a letter) telling the clinical course in several sentences."""
    fact = _element_fact(r, name, _HISTORY_SECTIONS, "history", _PRESENTATION)
    if fact.status is FactStatus.PRESENT:
        return fact
    ctx = r.ctx
    story = {m.sentence_start: m for m in ctx.mentions(*_NARRATIVE.concepts)
             if m.section not in _NOT_NARRATIVE_SECTIONS}
    if len(story) >= NARRATIVE_MIN_SENTENCES:
        evidence = [ctx.evidence(m, cues=[_NARRATIVE.id]) for m in story.values()]
        return make_fact(name, FactStatus.PRESENT, evidence,
                         note=f"narrative history in {len(story)} sentences (no history header)")
    return fact


@derivation("physical_exam_documented")
def physical_exam_documented(r: Resolver, name: str) -> Fact:
    """An examination section with content, or sentences that give an examination with no header ("On examination
    she was alert, pupils equal"); a section that is empty or says the exam was not done is not one, nor are
    findings told only as the patient's report or, where the exam was not done, another clinician's earlier one,
    nor an examination planned, scheduled or promised ("will see her next week for fundoscopy")."""
    return _element_fact(r, name, ("physical_exam",), "physical examination", _EXAM_FINDINGS, pointer_is_empty=True,
                         secondhand=True, planned=True)


@derivation("labs_documented")
def labs_documented(r: Resolver, name: str) -> Fact:
    """Reported results: a test with a result, not a test that is pending or ordered, a bare "Labs:" header, or a
    test named in a plan or an order without its result. A result written right after the name counts also where
    ConText read it as a negation ("hCG neg", "LFTs unremarkable"); a "Labs:" header takes the result its line
    gives ("LABS: within normal limits"). A test only named as a document, in an enclosure list, a document index
    or a request for outside records, is no result unless its result is written next to its name (`_named_only`);
    such mentions stay as ignored evidence citing the cue. An unexpanded template token (text.template_placeholder:
    "@RECENTLABS(72)@", "***", "{Labs last 24h:40112}") is no value: it is blanked where a value is looked for, and
    a test named only inside one, or whose field holds only one ("CBC: ***"), has no result; so does an EHR's "no
    results found" marker (labs.no_results_marker), blanked the same way. A test whose order-status row says it was
    cancelled or discontinued (labs.order_cancelled) is, like a pending one, no result. A clause a line break cuts
    is read whole, its whitespace as one space (`_wrapped_clause`: "Serum ammonia drawn this morning,\nresulted 88",
    "CSF protein\n  64 mg/dL", "Ammonia sent\nout, pending"), and a test sent or drawn whose next clause opens with
    its result ("Pyruvate sent to the reference lab;\n   returned 0.21 mmol/L": labs.result_follows) is resulted."""
    ctx = r.ctx
    blank = _TEMPLATE.regex.sub(lambda t: " " * len(t.group(0)), ctx.text)  # same offsets, tokens blanked
    text = _NO_RESULTS.regex.sub(lambda t: " " * len(t.group(0)), blank)
    labs: list[Evidence] = []
    named: list[Evidence] = []
    for m in ctx.mentions("LAB"):
        if ctx.is_mrs_sentence(m):
            continue  # lactate or NAA in a sentence about the MRS is a spectroscopy finding, not a lab
        if not text[m.start:m.end].strip():
            # "<<insert 24 hr labs>>", "{CBC (last 48 hours):29871}": the token's name, not a test
            named.append(ctx.evidence(m, assertion=FactStatus.ABSENT, cues=[_TEMPLATE.id]))
            continue
        lo, hi = ctx.clause_of(m)
        wrapped_lo, wrapped_hi = _wrapped_clause(ctx, m, lo, hi)
        clause = one_spaced(text[wrapped_lo:wrapped_hi])
        stated = _stated_result(ctx, m, lo, wrapped_hi, text)
        follows = _result_follows(text, wrapped_hi)
        only_named = _named_only(ctx, m) or _value_unknown(ctx, m, hi) or _cancelled(ctx, m)
        if only_named is not None and stated is None:
            # "Enclosed: 3. Metabolic labs 10/29", "Newborn screen: records requested", "last CD4 unknown": a
            # document or a value not known, not a result
            named.append(ctx.evidence(m, assertion=FactStatus.ABSENT, cues=[only_named]))
            continue
        cues: list[str] = []
        if mention_status(m) is FactStatus.ABSENT:
            if stated is None:
                continue
            cues.append(stated)  # "LFTs unremarkable", "tox screen negative": the result, not an absence
        if _PENDING.matches(clause) and not _RESULTED.matches(clause) and follows:
            cues.append(_RESULT_FOLLOWS.id)  # "sent to the reference lab;\n returned 0.21 mmol/L"
        elif (_PENDING.matches(clause) and not _RESULTED.matches(clause)) or _under_pending_header(ctx, m):
            if stated is None:
                continue
            cues.append(stated)
        elif _PENDING.matches(clause):
            cues.append(_RESULTED.id)
        if _GENERIC_LAB.matches(m.text):
            body = _header_line(ctx, m, text)
            if body is not None:
                if _NONE.matches(body) or not (_RESULT.matches(body) or _STATED_AFTER.matches(" " + body)):
                    continue
                cues = [_GENERIC_LAB.id, _RESULT.id]
            elif stated is None and not _RESULT.matches(clause.replace(m.text, "", 1)):
                continue
            else:
                cues = [_GENERIC_LAB.id, stated or _RESULT.id]
        elif stated is None and (unfilled := _unfilled_field(ctx, m, hi, text)) is not None:
            # "CBC: ***", "CMP (last 24 h): @CMPRESULT(24)@", "BMP: .RECENTLABS [no results found]": a field left
            # as its template token or the EHR's "no results" marker
            named.append(ctx.evidence(m, assertion=FactStatus.ABSENT, cues=[unfilled]))
            continue
        elif m.section in _ORDER_SECTIONS and not _RESULTED.matches(clause) and not follows:
            if stated is None:
                continue  # "Plan: CBC, CMP, ammonia prior to sedation" names tests to do, not their results
            cues.append(stated)
        labs.append(ctx.evidence(m, assertion=FactStatus.PRESENT, cues=sorted(set(cues))))
    if not labs:
        return make_fact(name, FactStatus.NOT_DOCUMENTED, [], ignored=named,
                         note="no laboratory results reported (pending or planned tests, tests only listed as "
                              "enclosures, records requested and unexpanded template fields do not count)")
    return make_fact(name, FactStatus.PRESENT, labs, note="laboratory results reported", ignored=named)


_LINE_WRAP = re.compile(r"[ \t]*\n[ \t]*(?=\S)")  # one line break (no blank line) and its indentation
_NEXT_CLAUSE = re.compile(r"[^;|\n]*?(?:[.!?](?=\s|$)|(?=[;|\n])|$)")  # up to its clause or sentence end
_CLAUSE_BREAK = re.compile(r"[ \t]*(?:;[ \t]*\n?|\n)[ \t]*(?=\S)")  # a semicolon or one line break
_LIST_MARK = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|[-*\u2022\u00b7])\s")


def _wrapped_clause(ctx: FactContext, m: Mention, lo: int, hi: int) -> tuple[int, int]:
    """The test's clause [lo, hi) (`FactContext.clause_of`) read over the line break a faxed note put inside it:
    where the clause ends its sentence at the end of a line with no sentence mark ("Serum ammonia drawn this
    morning,", "CSF protein", "Ammonia sent"), on to the first clause of the next line ("resulted 88 umol/L",
    "64 mg/dL", "out, pending"); where it opens a line, back from the last clause of the line above that ends with
    no mark ("Will check\nlactate next visit"). A line goes on only into a line that is no label of its own
    (labs.own_label, "Pyruvate: 0.2") nor a list item, and that opens with no capital unless the line above ends
    with a comma or a colon ("Ammonia 45\nLactate 2.1" are two rows); a blank line ends it. Matched with its
    whitespace as one space (`one_spaced`, the mechanism of the wrap-proof cues)."""
    text = ctx.text
    body = text[m.sentence_start:m.sentence_end].rstrip()
    end = m.sentence_start + len(body)
    if hi >= end and body[-1:] not in ".!?;|":
        wrap = _LINE_WRAP.match(text, end)
        line_end = text.find("\n", wrap.end()) if wrap is not None else -1
        if wrap is not None and _lines_go_on(body, text[wrap.end():line_end if line_end >= 0 else len(text)]):
            nxt = _NEXT_CLAUSE.match(text, wrap.end())
            hi = nxt.end() if nxt is not None else hi
    line_start = text.rfind("\n", 0, lo) + 1
    if lo == m.sentence_start and not text[line_start:lo].strip() and line_start > 0:
        above = text.rfind("\n", 0, line_start - 1) + 1
        previous = text[above:line_start - 1].rstrip()
        line_end = text.find("\n", lo)
        if previous and previous[-1] not in ".!?;:|" and \
                _lines_go_on(previous, text[line_start:line_end if line_end >= 0 else len(text)]):
            cut = max(previous.rfind(";"), previous.rfind("|"), previous.rfind(". "))
            lo = above + cut + 1
    return lo, hi


def _lines_go_on(line: str, next_line: str) -> bool:
    """`next_line` goes on with the clause that ends `line` (`_wrapped_clause`)."""
    nxt = next_line.strip()
    if not nxt or _OWN_LABEL.matches(next_line) or _LIST_MARK.match(next_line):
        return False
    return not nxt[0].isupper() or line.rstrip()[-1:] in ",:"


def _result_follows(text: str, hi: int) -> bool:
    """The clause after the test's clause, past the semicolon or the line break that ends it, opens with the verb
    that reports a result and gives a value or a read (labs.result_follows, labs.result_value: "sent to the
    reference lab;\n   returned 0.21 mmol/L"); a clause closed by a sentence mark or a pipe has none."""
    after = _CLAUSE_BREAK.match(text, hi)
    if after is None:
        return False
    nxt = _NEXT_CLAUSE.match(text, after.end())
    following = one_spaced(nxt.group(0)) if nxt is not None else ""
    return bool(following.strip()) and _RESULT_FOLLOWS.matches(following) and \
        _RESULT.matches(_RESULT_FOLLOWS.regex.sub("", following, count=1))


def _unfilled_field(ctx: FactContext, m: Mention, hi: int, text: str) -> str | None:
    """The id of the cue whose token alone fills the field the test heads, else None: an unexpanded template token
    (text.template_placeholder: "CBC: ***", "CBC with diff: {CBC (last 48 hours):29871}", "Ammonia - @LASTNH3@",
    "CMP: .CMPLAST") or the EHR's "no results" marker (labs.no_results_marker: "Creatinine: (no results returned)").
    After its label (documentation.field_label, "CBC (last 24 h):"; or, where the label has words or units that
    cue does not take, "Ammonia, plasma / umol/L:" or "Lactate (arterial, mmol/L)   ", its line up to the first
    colon or wide gap) the rest of its clause is nothing once the tokens are blanked in `text`."""
    after = ctx.text[m.end:hi]
    found = _TEMPLATE.id if _TEMPLATE.matches(after) else _NO_RESULTS.id if _NO_RESULTS.matches(after) else None
    if found is None:
        return None
    lo = ctx.line_of(m)[0]
    label = _FIELD_LABEL.regex.match(text, lo)
    start = min(max(m.end, label.end()), hi) if label is not None else m.end
    if re.search(r"\w", text[start:hi]) is None:
        return found
    gap = re.compile(r"[ \t]*(?::|\t|[ ]{2,})").search(text, m.end, hi)  # a longer label's end: "..., mmol/L:"
    return found if gap is not None and re.search(r"\w", text[gap.end():hi]) is None else None


def _named_only(ctx: FactContext, m: Mention) -> str | None:
    """The id of the cue that makes the test's mention a document named, not a result: a line of a document index
    (labs.index_entry), an enclosure list's heading line or one of its items (labs.enclosure_header), or a
    sentence that requests the outside records or results (labs.records_requested), or a records-tracking row
    whose status after the test says it is not in hand (labs.tracking_status); else None."""
    lo, hi = ctx.line_of(m)
    if _INDEX_ENTRY.matches(ctx.text[lo:hi]):
        return _INDEX_ENTRY.id
    if _in_enclosure_list(ctx.text, lo):
        return _ENCLOSURE.id
    if _RECORDS_REQUESTED.matches(ctx.text[m.sentence_start:m.sentence_end]):
        return _RECORDS_REQUESTED.id
    if _TRACKING_STATUS.matches(ctx.text[m.end:hi]):
        return _TRACKING_STATUS.id  # "10/30 | Outside hospital | all labs | not rec'd": a document asked for
    return None


def _cancelled(ctx: FactContext, m: Mention) -> str | None:
    """labs.order_cancelled when the rest of the test's line after its name says the order was cancelled or
    discontinued ("HSV PCR, CSF    Canceled (no LP)    11/04", "Ammonia   Discontinued", "CK | cancelled |"); else
    None."""
    return _CANCELLED.id if _CANCELLED.matches(ctx.text[m.end:ctx.line_of(m)[1]]) else None


def _value_unknown(ctx: FactContext, m: Mention, hi: int) -> str | None:
    """labs.value_unknown when the text after the test's name in its clause says its value is not known, not on
    file or not available, or that it was never done ("last CD4 count unknown", "ammonia not on record"); where the
    name ends its line and nothing follows it in the clause, the text of the next line when that line is indented,
    the name wrapped onto it ("Last CD4\n   count unknown"); else None."""
    after = ctx.text[m.end:hi]
    if not after.strip():
        wrapped = re.match(r"[ \t]*\n([ \t]+\S[^\n]*)", ctx.text[m.end:])
        after = wrapped.group(1) if wrapped is not None else after
    return _VALUE_UNKNOWN.id if _VALUE_UNKNOWN.matches(after) else None


def _under_pending_header(ctx: FactContext, m: Mention) -> bool:
    """The test is an item below a header line that ends in a colon and says the tests are pending ("Drawn today,
    results pending:\n lactate, pyruvate, CK", "Outstanding labs:\n - VLCFA"): the header governs the lines below
    it up to a blank line or the next header (labs.list_header), also where the lead-in is the last clause of a
    longer line ("Labs: see below. Metabolic screen ordered, results to follow:"); a line with a label of its own
    ("Resulted: lactate 2.1") heads only itself (labs.own_label)."""
    lo, _ = ctx.line_of(m)
    if _OWN_LABEL.matches(ctx.text[lo:m.start]):
        return False
    for _, line in _lines_above(ctx.text, lo):
        header = _LIST_HEADER.search(line)  # the whole line, or the lead-in that closes it
        if header is not None:
            return _PENDING.matches(header.text) and not _RESULTED.matches(header.text)
        if _OWN_LABEL.matches(line):
            return False  # another header's own items
    return False


def _in_enclosure_list(text: str, lo: int) -> bool:
    """The line that starts at `lo` opens an enclosure list ("Enclosed: clinic note; labs 10/29") or is one of the
    items or wrapped lines under such a heading, with no blank line between ("Enclosed:\n1. ...\n3. Metabolic
    labs")."""
    end = text.find("\n", lo)
    line = text[lo:len(text) if end < 0 else end]
    if _ENCLOSURE.matches(line):
        return True
    for _, previous in _lines_above(text, lo, ENCLOSURE_MAX_LINES - 1):
        if not (_ENCLOSURE_ITEM.matches(line) or previous.rstrip().endswith((",", ";", "("))):
            return False
        if _ENCLOSURE.matches(previous):
            return True
        line = previous
    return False


def _lines_above(text: str, lo: int, limit: int = ENCLOSURE_MAX_LINES) -> Iterator[tuple[int, str]]:
    """The lines above the line that starts at `lo`, nearest first, each with its start, up to a blank line (which
    ends a list), the start of the text or `limit` lines: the walk of the two list readers above
    (`_under_pending_header`, `_in_enclosure_list`)."""
    for _ in range(limit):
        if lo == 0:
            return
        above = text.rfind("\n", 0, lo - 1) + 1
        line = text[above:lo - 1]
        if not line.strip():
            return
        yield above, line
        lo = above


def _stated_result(ctx: FactContext, m: Mention, lo: int, hi: int, text: str) -> str | None:
    """The id of the cue that finds the test's result next to its name ("ammonia 45", "hCG neg", "elevated
    ammonia", "IDH-wildtype"), else None; `text` is the packet's text with its template tokens blanked."""
    if _SELF_RESULTED.matches(m.text):
        return _SELF_RESULTED.id
    if _STATED_AFTER.matches(one_spaced(text[m.end:hi])):
        return _STATED_AFTER.id
    if _STATED_BEFORE.matches(text[lo:m.start]):
        return _STATED_BEFORE.id
    return None


def _header_line(ctx: FactContext, m: Mention, text: str) -> str | None:
    """For a generic lab name that heads its labs section ("LABS:"), the rest of the section's first line after
    it in `text` (the packet's text with its template tokens blanked: "LABS: @RECENTLABS(72)@" has none, and the
    next line's values are read); else None."""
    section = ctx.section_at(m.start)
    if section is None or section.category != "labs" or m.start - section.start > 2:
        return None
    end = text.find("\n", m.end)
    end = section.end if end < 0 else min(end, section.end)
    line = text[m.end:end].strip(" \t:-")
    if not line:  # the header alone on its line: its first line of content
        nxt = text.find("\n", end + 1)
        line = text[end:section.end if nxt < 0 else min(nxt, section.end)].strip(" \t\n:-")
    return line


@derivation("treatment_history_documented")
def treatment_history_documented(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    found = [m for m in ctx.mentions(*_TREATMENTS.concepts) if not m.has("hypothetical")]
    if not found:
        return _section_fact(r, name, ("treatment_history",), "treatment history")
    return present_if(ctx, name, found, note="previous treatments described (or stated to be none)", otherwise="")

