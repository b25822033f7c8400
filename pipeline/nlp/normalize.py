"""Normalise document text for matching while keeping a map back to the canonical offsets.

Rules see "radiation necrosis" even when a fax wrapped it as "radia-\\ntion necrosis" or a line break fell
between the words; evidence still points at the characters the provider sent.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..cues import Cue, load_cue_file

_CHAR_MAP = {
    "\u00a0": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ", "\f": "\n", "\r": "\n",
    "\t": " ", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-",
    "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2022": "*", "\u00b7": "*",
}
_EXPANSIONS = {"\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl"}
# a sentence mark ends the line, also before the quote or bracket it closes ("Reason for consult: \"is more
# imaging needed?\"")
_SENTENCE_END = re.compile(r"[.:;!?][\"')\]]*\s*$")
_LIST_START = re.compile(r"^\s*(?:[-*+>]|\d{1,2}[.)]|[a-z][.)]\s|[A-Z][A-Za-z0-9 /&().#-]{0,40}:)")
# A field label opening a line ("Plan:", "MRI 10/02:"), which a period inside it ("Wilson disease. LP 10/31:") is not
_FIELD_LABEL = re.compile(r"^\s*[A-Z](?:[A-Za-z0-9 /&()#-]|\.(?!\s)){0,40}:")
_MARKED_ITEM = re.compile(r"^\s*(?:[-*+>]|\d{1,2}[.)]|[a-z][.)]\s)")
# Header markers of EHR exports and markdown-ish notes (">> Exam", "## PLAN", "** IMPRESSION **", "== HPI ==")
_MARKER = re.compile(r"^\s*(?:>{1,3}|#{1,4}|\*{2,3}|={2,}|\u25a0|\u25cf)\s*(?=[A-Za-z])")
_TRAILING_MARKER = re.compile(r"\s*(?:#{1,4}|\*{2,3}|={2,})\s*$")
# "versus" ending a line or starting the next joins the two sides of a differential across the break.
_VERSUS_END = re.compile(r"(?i)(?:^|\s)(?:versus|vs\.?|v\.s\.)$")
_VERSUS_START = re.compile(r"(?i)^(?:versus|vs\.?|v\.s\.)(?:\s|$)")
# A numbered or bulleted list item; its indented next line is the item's wrapped tail.
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)]|[a-z][.)])\s")
# A capitalised word (not an acronym) starting a line after a line that ended on a content word starts a new
# statement, even when the line before it was long ("No hemorrhage or midline shift is seen" /
# "Ring-enhancing lesion in the right parietal lobe"); after a function word ("history of" / "Glioblastoma") or
# a comma it is the same sentence.
_NEW_STATEMENT = re.compile(r"^[A-Z][a-z]")
_LIST_GOES_ON = re.compile(r"^[A-Z][\w'-]*(?: [a-z][\w'-]*)?,")  # "Lymphoma, and TB": a list wrapped mid-way
# A quoted name that starts the next line of a sentence ("a maternal aunt said to have" / "\"mitochondrial
# disease\". Work-up ..."): after a word that cannot end a sentence, the quote goes on with it.
_OPENING_QUOTES = "\"'\u201c\u2018"
# A line that opens with a dotted diagnosis code is an item of a coded list ("G40.909 epilepsy without status
# epilepticus" / "Z95.0 presence of cardiac pacemaker"), never the wrapped tail of the line before.
_CODED_ITEM = re.compile(r"^\s*[A-TV-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}(?![\w.])")
# A problem-list row that ends on its status after a dash ("Ependymoma (D33.1) -- RESOLVED", "GERD - active (2019)")
# is a row of its own, never wrapped into the next.
_STATUS_END = re.compile(r"(?i)\s-{1,2}\s*(?:resolved|active|inactive|historical|chronic|stable|current)"
                         r"(?:\s*\(?(?:\d{1,2}/)?\d{4}\)?)?\s*$")
# A cell separator of a pipe table's row.
_TABLE_CELL = re.compile(r"\S\s*\|\s*\S")
# An acronym that closes its clause ("GBM)", "GBM.", "MS,") on the line after a line left open ("her mother died of"
# / "GBM) and ..."): the clause's object, not a heading in capitals.
_CLOSING_ACRONYM = re.compile(r"^[A-Z][A-Z0-9/-]{1,5}[).,;]")
# A report title that opens its line with a run of words in capitals and then carries its fields after a column gap
# of two or more spaces or a bar ("CT HEAD WITHOUT CONTRAST     Date of exam: 10/02/2026", "MRI BRAIN W/WO | Acc
# 99812"): a line of its own, never the wrapped tail of the line above.
_COLUMN_TITLE = re.compile(r"^\s*[A-Z][A-Z0-9/&().,'+-]*(?: [A-Z0-9/&().,'+-]+)+(?: {2,}| ?\| ?)\S")
# A line shorter than this is not prose that wrapped at the margin.
_MIN_WRAPPED_LINE = 38
_QUOTES = "\"'"


@cache
def _layout_words(cue_id: str) -> Cue:
    """A word list of layout cues.yaml, matched against one word: layout.continuing_word (a word no sentence ends
    on: "the", "of", "showing", "s/p"), layout.naming_word ("called", "diagnosed": a quoted name follows),
    layout.prose_word ("is", "there", "shows": an all-capitals line with one is dictated prose, not a heading)."""
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue(cue_id)


def _continuing(word: str) -> bool:
    return _layout_words("layout.continuing_word").matches(word)


@cache
def _open_clause_end() -> Cue:
    """The last word of a line that leaves its clause open (cue layout.open_clause_end: "not", "of", "have")."""
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("layout.open_clause_end")


@cache
def _compound_tail() -> Cue:
    """The second half of a hyphenated compound split at its hyphen by a line break (cue layout.compound_tail:
    "radiation-" / "induced"): the hyphen stays."""
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("layout.compound_tail")


@cache
def _leader_status_row() -> Cue:
    """A problem-list row that gives its status after a dot leader (cue layout.leader_status_row: "Glioma .....
    active")."""
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("layout.leader_status_row")


@cache
def _study_row() -> Cue:
    """A results or orders table row that opens with a study's name and its date in a cell of its own (cue
    layout.study_row: "MRI brain w/wo   10/22/2026   no intracranial metastatic disease")."""
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("layout.study_row")


@cache
def _open_negation_end() -> Cue:
    """A negation word ending a line whose object is on the next line (cue layout.open_negation_end: "no",
    "denies")."""
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("layout.open_negation_end")


@cache
def _negation_list_end() -> Cue:
    """A line ending on the open "no" of a negated list after the list's joint (cue layout.negation_list_end: "no
    pacemaker, no ICD, no" / "Neurostimulator.")."""
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("layout.negation_list_end")


@cache
def _negation_list_opener() -> Cue:
    """A negation opening a list in its clause (cue layout.negation_list_opener: "Denies: pacemaker, clips,")."""
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("layout.negation_list_opener")


@cache
def _open_complement_end() -> Cue:
    """A verb of falling ill or dying ending a line whose complement is on the next line (cue
    layout.open_complement_end: "died" / "of glioblastoma", "was diagnosed" / "with MS")."""
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("layout.open_complement_end")


def _leaves_clause_open(line: str) -> bool:
    """The line ends mid-clause on a function word ("... - not", "said to have", "no evidence of"), and is no form
    line answered on itself ("Seizures: no")."""
    from .form_state import answers_in_words

    words = line.split()
    return bool(words) and words[-1][-1:].isalpha() and _open_clause_end().matches(words[-1]) and \
        not answers_in_words(line)


def _negation_goes_on(line: str, next_line: str) -> bool:
    """The line ends on a negation word (or a verb of falling ill or dying, cue layout.open_complement_end: "Her
    mother died" / "of glioblastoma") and its sentence goes on in lower case on the next line ("No steroids, no"
    / "radiation since the MRI", "Denies" / "headache"); a form answer ("Allergies: no", a bare "No"), a next line
    in capitals ("Seizures no" / "Headaches yes") and a next line that ends on its own answer word, a checklist
    row ("seizures no" / "new weakness yes"), do not go on."""
    from .form_state import answers_in_words, is_answer_word

    words, following = line.split(), next_line.split()
    return bool(words) and bool(following) and following[0][:1].islower() and words[-1][-1:].isalpha() and \
        (_open_negation_end().matches(words[-1]) or _open_complement_end().matches(words[-1])) and \
        not is_answer_word(line) and not answers_in_words(line) and not is_answer_word(following[-1])


_CLAUSE_START = re.compile(r".*[.;!?](?:\s|$)")


def _negation_list_goes_on(line: str, next_line: str) -> bool:
    """A negated list that the line break cuts goes on with its next item on the next line, in any case: the line
    ends on the list's open "no" after a joint ("no pacemaker, no ICD, no" / "Neurostimulator.", "no pacemaker and
    no" / "VNS or DBS leads"; cue layout.negation_list_end), or ends on a comma in a clause that a negation opens
    ("Denies: pacemaker, clips," / "neurostimulator.", "No pacemaker," / "AICD or VNS."; cue
    layout.negation_list_opener). A form line answered on itself ("Pacemaker: no,") and a next line that ends on
    its own answer word ("ICD yes") do not go on."""
    from .form_state import answers_in_words, is_answer_word

    words, following = line.split(), next_line.split()
    if not words or not following or not following[0][:1].isalnum() or is_answer_word(following[-1]):
        return False
    if answers_in_words(line):
        return False
    if _negation_list_end().matches(line):
        return True
    if not line.endswith(","):
        return False
    start = _CLAUSE_START.match(line)
    clause = line[start.end():] if start else line
    return _negation_list_opener().matches(clause)


@cache
def _cue(cue_id: str) -> Cue:
    return load_cue_file("pipeline.nlp.resources", "cues.yaml").cue(cue_id)


# separators of an HL7 v2 header segment's fields and components, read as spaces
_HL7_SEPARATORS = "|^~\\&"
# a JSON record's punctuation read as spaces (layout.json_record), and so are the commas between its fields; its
# ":" and the commas inside a quoted value stay
_JSON_PUNCTUATION = "{}[]\""
# how many lines a JSON record printed over several lines may go on for ("json_more"): its lines read as one, so a
# status field on a later line reaches the diagnosis on the first; a blank line or its closing brace ends it sooner
_JSON_MORE_LINES = 12
# how many lines a "key: value" resource dump with one field a line may go on for ("key_value_more"); a blank line,
# the next resourceType line or a line that is no machine field ends it sooner
_KEY_VALUE_MORE_LINES = 12


def _json_opens(line: str, nxt: str | None) -> bool:
    """`line` is a JSON record's bare opening ("{", "[{": layout.json_record_open) with a quoted field on the next
    line (layout.json_field); a "[" alone before it is no part of the record."""
    return ("{" in line and nxt is not None and _cue("layout.json_record_open").matches(line)
            and _cue("layout.json_field").matches(nxt))


def _brackets(line: str) -> int:
    return line.count("{") + line.count("[") - line.count("}") - line.count("]")


def _records(lines: Sequence[str], segments: Sequence[tuple[str, int, int] | None]) -> list[str | None]:
    """Each line's kind of exported record, when it is one: "json" (layout.json_record, or a bare "{" that
    layout.json_record_open finds opening one), "json_more" (a line of a JSON record whose braces a line above left
    open), "key_value" / "key_value_more" (the first and a later line of a "key: value" resource dump with one
    field a line: layout.key_value_resource, layout.key_value_record, layout.key_value_field), "pipe"
    (layout.pipe_record) or "csv" (layout.csv_record); None for any other line and for an HL7 segment."""
    json_cue, pipe, csv = _cue("layout.json_record"), _cue("layout.pipe_record"), _cue("layout.csv_record")
    resource, kv_record, kv_field = (_cue("layout.key_value_resource"), _cue("layout.key_value_record"),
                                     _cue("layout.key_value_field"))
    kinds: list[str | None] = []
    # a JSON record's open brackets at the end of its line, the lines it has gone on for, and the brackets around
    # it ("[" before its first "{"): the record ends when its own braces close, so the next one in a list is its own
    depth = more = base = 0
    kv = 0  # the lines a "key: value" dump has gone on for, from 1 on its first line; 0 outside one
    for i, (line, segment) in enumerate(zip(lines, segments, strict=True)):
        if segment is None and depth > 0 and more < _JSON_MORE_LINES and line.strip():
            kinds.append("json_more")  # the record printed over several lines goes on
            depth += _brackets(line)
            more += 1
            if depth <= base:
                depth = 0
            continue
        depth = more = base = 0
        if (segment is None and 0 < kv <= _KEY_VALUE_MORE_LINES and ":" in line and not resource.matches(line)
                and kv_field.matches(line)):
            kinds.append("key_value_more")  # the "key: value" dump goes on with its next field
            kv += 1
            continue
        kv = 0
        if segment is not None:
            kinds.append(None)
        elif json_cue.matches(line) or _json_opens(line, lines[i + 1] if i + 1 < len(lines) else None):
            kinds.append("json")
            depth, base = _brackets(line), line.split("{", 1)[0].count("[")
            if depth <= base:
                depth = 0  # the record closed on its line ('[{...},')
        elif pipe.matches(line):
            kinds.append("pipe")
        elif csv.matches(line):
            kinds.append("csv")
        elif ":" in line and (resource.matches(line) or kv_record.matches(line)):
            kinds.append("key_value")
            kv = 1
        else:
            kinds.append(None)
    return kinds


def _hl7_segments(lines: Sequence[str]) -> list[tuple[str, int, int] | None]:
    """Each line's HL7 v2 segment kind, when the line is one printed as text: ("text", start, end) with the value
    field's span (cue layout.hl7_text_segment: "OBX|3|TX|RAD^REPORT||<prose>||||||F"), ("person", 0, 0) for a
    segment that names people (layout.hl7_person_segment: PID, NK1, PV1), read as nothing, ("header", 0, len) for
    any other (layout.hl7_header_segment: MSH, OBR, a numeric OBX), read as its fields on a line of its own."""
    kinds: list[tuple[str, int, int] | None] = []
    text_cue, person, header = (_cue("layout.hl7_text_segment"), _cue("layout.hl7_person_segment"),
                                _cue("layout.hl7_header_segment"))
    for line in lines:
        m = text_cue.regex.match(line)
        if m is not None:
            group = "value" if m.group("value") is not None else "nte"
            kinds.append(("text", m.start(group), m.start(group) + len(m.group(group).rstrip())))
        elif person.matches(line):
            kinds.append(("person", 0, 0))
        elif header.matches(line):
            kinds.append(("header", 0, len(line)))
        else:
            kinds.append(None)
    return kinds


def _hl7_messages(lines: Sequence[str], segments: Sequence[tuple[str, int, int] | None]) -> list[tuple[int, int]]:
    """The [start, end) spans of the source text (its `lines`, split at newlines, with their `_hl7_segments`) that
    HL7 v2 messages printed as text take: a run of segment lines (layout.hl7_text_segment, layout.hl7_person_segment,
    layout.hl7_header_segment) up to the line after its last segment. Blank lines, page breaks and page or fax
    headers (layout.hl7_message_gap) between two segments of the message do not end it (a message printed over two
    pages); any other line does, and the next MSH segment starts a new message (layout.hl7_message_end).
    Indentation plays no part (PDF text loses it)."""
    if not any(s is not None for s in segments):
        return []
    gap, new_message = _cue("layout.hl7_message_gap"), _cue("layout.hl7_message_end")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    size = starts[-1] - 1  # the text's length
    out: list[tuple[int, int]] = []
    n, i = len(lines), 0
    while i < n:
        if segments[i] is None:
            i += 1
            continue
        last, j = i, i + 1
        while j < n:
            if segments[j] is not None:
                if new_message.matches(lines[j].lstrip()):
                    break
                last, j = j, j + 1
                continue
            k = j
            while k < n and k - j < _MAX_MESSAGE_GAP and segments[k] is None and gap.matches(lines[k]):
                k += 1
            if k < n and k > j and segments[k] is not None and not new_message.matches(lines[k].lstrip()):
                j = k  # a page break inside the message: its segments go on
                continue
            break
        out.append((starts[i], min(starts[last + 1], size)))
        i = last + 1
    return out


# at most this many lines (blank lines, a page break, a page's fax and page headers) between two segments of a message
_MAX_MESSAGE_GAP = 6


def _in_normalized(offsets: Sequence[int], size: int, spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """[start, end) spans of the source text as spans of a normalised text of `size` characters with these source
    `offsets`: each end moves to the first normalised character at or after it."""
    return tuple((bisect_left(offsets, a, 0, size), bisect_left(offsets, b, 0, size)) for a, b in spans)


def _hl7_soft_break(prev_value: str, next_value: str) -> bool:
    """The report's prose goes on from one text segment's value into the next one's, as a wrapped line does (an
    empty value is a paragraph's end; "Enhancing lesion of the left insula," / "lymphoma versus abscess.")."""
    return bool(prev_value.strip()) and bool(next_value.strip()) and \
        _is_soft_break(prev_value, next_value, continued=True)


def _capitals_heading(line: str) -> bool:
    """A line written entirely in capitals that ends no clause open: a letterhead or a heading ("RIVERBEND REGIONAL
    HOSPITAL - DEPARTMENT OF IMAGING", "ST. ALBAN'S MEDICAL CENTRE, NEURORADIOLOGY SERVICE"), not dictated prose in
    capitals: a field's text after its label ("FINDINGS: THERE IS A LESION IN THE RIGHT PARIETAL"), a line with the
    words of a sentence ("THERE IS", "WAS SEEN") or a line that ends on a word no clause ends on ("... OF", "... THE
    RIGHT")."""
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    if len(words) < 2 or len(letters) < 6 or not all(c.isupper() for c in letters):
        return False
    if _FIELD_LABEL.match(line) or _leaves_clause_open(line):
        return False
    plain = [w.strip(".,;:()'\"-").lower() for w in words]
    return not _continuing(plain[-1]) and not any(_layout_words("layout.prose_word").matches(w) for w in plain)


def _open_bracket(prev_line: str, next_line: str) -> bool:
    """The line leaves a parenthesis open that the next line closes ("Contraindication to MRI (pacemaker, ICD," /
    "neurostimulator) ....... N"): the item goes on, even when the next line carries the item's answer."""
    if prev_line.count("(") <= prev_line.count(")"):
        return False
    close, reopen = next_line.find(")"), next_line.find("(")
    return close >= 0 and (reopen < 0 or close < reopen)


@dataclass(frozen=True)
class NormalizedText:
    """Text for the NLP pipeline plus, for each of its characters, the offset in the canonical text."""

    text: str
    source_offsets: array  # len(text) + 1 entries; the last maps the end of the text
    # the [start, end) spans of `text` that HL7 v2 messages printed as text take (_hl7_messages), in order; the
    # pipeline reads them from the Doc (pipeline/nlp/pipeline.py make_doc, components.py hl7_message_sections)
    hl7_messages: tuple[tuple[int, int], ...] = ()

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the canonical text."""
        src_start = self.source_offsets[start]
        src_end = self.source_offsets[end - 1] + 1 if end > start else src_start
        return src_start, src_end


def _is_soft_break(prev_line: str, next_line: str, *, continued: bool = False) -> bool:
    """A newline inside a wrapped sentence (prose that hit the margin), not a structural break.

    `continued`: the previous line was itself the tail of a wrapped sentence, so a short one is an orphan
    ("... FET-PET 10/14/2026" / "was" / "equivocal.") and may continue too.
    """
    prev = prev_line.rstrip()
    nxt = next_line.lstrip()
    if not prev or not nxt:
        return False
    if _TABLE_CELL.search(prev) and _TABLE_CELL.search(nxt):
        return False  # two rows of a pipe table ("Meningioma | Resolved | 2014" / "GERD | Active | 2020")
    if _CODED_ITEM.match(nxt):
        return False  # the next item of a coded list
    if _STATUS_END.search(prev) or _leader_status_row().matches(prev):
        return False  # a problem-list row closed by its status
    if (_VERSUS_END.search(prev) or _VERSUS_START.match(nxt)) and not _LIST_START.match(next_line):
        return True  # "recurrent tumor" / "versus radiation necrosis": the two sides of one question
    item_tail = bool(_ITEM.match(prev_line)) and next_line[:1] in " \t" and nxt[0].isalnum()
    # a line that ends mid-clause ("... - not" / "Wilson disease.", "Denies" / "headache") goes on however short
    # ... and so does a negated list that the break cuts ("no pacemaker, no" / "ICD", "Denies: pacemaker, clips," /
    # "neurostimulator"), whatever the case of its next item
    negated_list = _negation_list_goes_on(prev, nxt)
    open_clause = _leaves_clause_open(prev) or _negation_goes_on(prev, nxt) or negated_list
    if not open_clause and _study_row().matches(nxt):
        return False  # the next row of a results or orders table: each row is its own study and read
    if len(prev) < _MIN_WRAPPED_LINE and not (continued or item_tail or open_clause):
        return False
    if _SENTENCE_END.search(prev):
        return False
    if not open_clause and not item_tail and (_capitals_heading(prev) or _COLUMN_TITLE.match(next_line)):
        return False  # a letterhead in capitals, or a report title with its fields in columns, is a line of its own
    if (_MARKED_ITEM.match(next_line) or _FIELD_LABEL.match(next_line)) if open_clause else _LIST_START.match(next_line):
        return False
    letters = [c for c in nxt if c.isalpha()]
    # dictated prose in capitals goes on in capitals: after a word no clause ends on ("... IN THE RIGHT" /
    # "PARIETAL LOBE WITH SURROUNDING EDEMA.") or up to the sentence's end, a short line in capitals is its tail
    prev_letters = [c for c in prev if c.isalpha()]
    capitals_prose = bool(prev_letters) and all(c.isupper() for c in prev_letters) and \
        (open_clause or _continuing(prev.split()[-1].strip(",")) or bool(_SENTENCE_END.search(nxt)))
    if len(nxt) < 40 and letters and all(c.isupper() for c in letters) and not capitals_prose and \
            not negated_list and not (open_clause and _CLOSING_ACRONYM.match(nxt)):
        return False  # a heading in capitals ("IMPRESSION", "MRI BRAIN W/WO")
    if len(nxt.split()) <= 3 and not re.search(r"[.,;]", nxt) and nxt[0].isupper() and not open_clause:
        return False  # a short title line ("Exam", "Assessment and Plan")
    if not item_tail and not negated_list and _NEW_STATEMENT.match(nxt) and not _LIST_GOES_ON.match(nxt) and \
            prev[-1].isalnum() and not _continuing(prev.split()[-1]):
        return False  # "No hemorrhage is seen" / "Ring-enhancing lesion ...": one finding per line
    if nxt[0] in _OPENING_QUOTES and nxt[1:2].isalpha() and prev[-1].isalpha() \
            and (_continuing(prev.split()[-1]) or _layout_words("layout.naming_word").matches(prev.split()[-1])):
        return True
    return nxt[0].isalnum() or nxt[0] in "(," or (open_clause and nxt[0] in _QUOTES)


def normalize(text: str, *, ocr_spans: Sequence[tuple[int, int]] = ()) -> NormalizedText:
    """The NLP text: the layout normalisation, the punctuation an uncorrected dictation spoke (dictation.py), the
    numbers said in words that a rule reads (spoken_numbers.py), then, in the [start, end) ranges of `text` that
    OCR read (`ocr_spans`), OCR repairs toward the rule vocabulary (ocr_repair.py). Text not read by OCR is never
    repaired."""
    from .dictation import spoken_punctuation
    from .ocr_repair import repair
    from .spoken_numbers import spoken_numbers

    layout, messages = _layout(text)
    spoken, spoken_offsets = spoken_punctuation(layout.text, layout.source_offsets, text)
    spoken, spoken_offsets = spoken_numbers(spoken, spoken_offsets)
    repaired, offsets = repair(spoken, spoken_offsets, ocr_spans)
    return NormalizedText(repaired, offsets, _in_normalized(offsets, len(repaired), messages))


def normalize_layout(text: str) -> NormalizedText:
    """Unify look-alike characters, collapse runs of spaces, drop header markers, join wrapped lines and
    hyphenated line breaks. Every output character comes from the source character it maps to."""
    layout, messages = _layout(text)
    return NormalizedText(layout.text, layout.source_offsets,
                          _in_normalized(layout.source_offsets, len(layout.text), messages))


def _layout(text: str) -> tuple[NormalizedText, list[tuple[int, int]]]:
    """normalize_layout's text (without its HL7 messages), and the [start, end) spans of `text` that HL7 v2 messages
    take (_hl7_messages, from the same split into segment lines)."""
    from .form_state import answer_column_blocks, answers_in_words, holds_option_mark, tab_cells

    out: list[str] = []
    offsets = array("i")
    lines = text.split("\n")
    # answer columns laid out with spaces ("MRI SCREEN     Y    N" / "  Pacemaker          X"): the column an X sits
    # under is the answer, so these lines keep their spacing and their breaks
    columns: set[int] = set()
    # tab-separated cells are laid out as columns ("Device<TAB>Y<TAB>N" / "Pacemaker<TAB><TAB>X"): on answer-column
    # lines each tab becomes the spaces to the next cell, so the X sits under its column here too
    width = tab_cells(lines) if "\t" in text else 0
    laid = [line.expandtabs(width) if width and "\t" in line else line for line in lines]
    if "  " in text or width:
        for header, rows in answer_column_blocks(laid).items():
            columns.update([header, *rows])
    keep_spaces = False

    def emit(ch: str, src: int) -> None:
        if ch == " " and out and out[-1] == " " and not keep_spaces:
            return  # runs of spaces become one, so multi-word phrases match across alignment padding
        out.append(ch)
        offsets.append(src)

    segments = _hl7_segments(lines) if "|" in text else [None] * len(lines)
    records = _records(lines, segments) if any(c in text for c in "|,{:") else [None] * len(lines)
    row_comment = _cue("layout.row_comment")
    line_start = 0
    skip = 0  # characters to skip at the start of this line (a continuation's indentation)
    continued = False  # this line is the tail of a wrapped sentence
    for i, line in enumerate(lines):
        a, b = skip, len(line)
        skip = 0
        keep_spaces = i in columns
        segment = segments[i]
        record = {"json_more": "json", "key_value_more": "key_value"}.get(records[i] or "", records[i])
        quoted = False  # inside a quoted field of a CSV row
        if segment is not None:
            a, b = segment[1], segment[2]  # an HL7 segment: its value field, or its fields, or nothing
        marker = (_MARKER.match(line) if a == 0 and not keep_spaces and segment is None and record is None
                  else None)
        if marker:
            a = marker.end()
            trailing = _TRAILING_MARKER.search(line, a)
            if trailing:
                b = trailing.start()
        body = line[a:b]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        stripped = body.rstrip()
        hyphen = (nxt is not None and not keep_spaces and i + 1 not in columns and stripped.endswith("-")
                  and len(stripped) > 1 and stripped[-2].isalpha() and nxt.lstrip()[:1].islower())
        if hyphen and not _compound_tail().matches((nxt or "").lstrip()):
            b = a + len(stripped) - 1  # "radia-" / "tion": one word; "radiation-" / "induced" keeps its hyphen
        for j in range(a, b):
            ch = line[j]
            if ch == "\t" and keep_spaces and width:
                for _ in range(width - len(line[:j].expandtabs(width)) % width):
                    emit(" ", line_start + j)
                continue
            if segment is not None and segment[0] == "header" and ch in _HL7_SEPARATORS:
                emit(" ", line_start + j)
                continue
            if record in ("json", "csv") and ch == '"':
                quoted = not quoted
            if record == "json" and (ch in _JSON_PUNCTUATION or (ch == "," and not quoted)):
                emit(" ", line_start + j)
                continue
            if (record == "pipe" and ch == "|") or (record == "csv" and ch == "," and not quoted):
                for r in " | ":  # an exported row's field separator reads as a table's cell separator
                    emit(r, line_start + j)
                continue
            rep = _EXPANSIONS.get(ch)
            if rep is not None:
                for r in rep:
                    out.append(r)
                    offsets.append(line_start + j)
            else:
                emit(_CHAR_MAP.get(ch, ch), line_start + j)
        newline = line_start + len(line)
        line_start = newline + 1
        if nxt is None:
            break
        indent = len(nxt) - len(nxt.lstrip(" \t"))
        bracket = _open_bracket(body, nxt)
        following = segments[i + 1]
        if segment is not None or following is not None:
            # an HL7 segment printed as text: the prose of consecutive text segments goes on as a wrapped report's
            # does; a header segment is a line of its own, never joined to the prose around it
            joined = segment is not None and following is not None and segment[0] == following[0] == "text" and \
                _hl7_soft_break(body, nxt[following[1]:following[2]])
            out.append(" " if joined else "\n")
            offsets.append(newline)
            continued = joined
        elif records[i + 1] == "json_more":
            out.append(" ")  # a JSON record printed over several lines reads as one line
            offsets.append(newline)
            skip = indent
            continued = False
        elif records[i + 1] == "key_value_more":
            for r in " | ":  # a "key: value" dump's next field, as on a dump printed on one line
                emit(r, newline)
            skip = indent
            continued = False
        elif records[i] is not None or records[i + 1] is not None:
            out.append("\n")  # an exported record is a line of its own
            offsets.append(newline)
            continued = False
        elif hyphen:
            skip = indent  # "radia-" + "tion": nothing between the halves
            continued = True
        elif _TABLE_CELL.search(body) and row_comment.matches(nxt) and i not in columns and i + 1 not in columns:
            # a pipe table's comment row ("|   comment: provisional, not confirmed |") goes with the row above
            emit(" ", newline)
            skip = indent
            continued = False
        elif (i not in columns and i + 1 not in columns
              and _is_soft_break(body, nxt, continued=continued or bracket)
              and not (holds_option_mark(body) or holds_option_mark(nxt)
                       or (answers_in_words(nxt) and not bracket and not _leaves_clause_open(body.rstrip())))):
            # (a line of form options is never prose that wrapped: "[X] No" / "Treatment since...? [ ] Y"; nor is
            # a question answered in words: "...radiation necrosis" / "PET in last 90 days?  Y / N  -> N", unless
            # the line above left a parenthesis open that this line closes: the item's list goes on, or ended on a
            # word no clause ends on: "Asked whether ... or whether a" / "different diagnosis ...: \"No.\"")
            emit(" ", newline)
            skip = indent
            continued = True
        else:
            out.append("\n")
            offsets.append(newline)
            continued = False
    offsets.append(len(text))
    return NormalizedText("".join(out), offsets), _hl7_messages(lines, segments)
