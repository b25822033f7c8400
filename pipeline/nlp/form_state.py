"""The state of request-form options, as ConText modifiers (rules: resources/forms.yaml).

A form lists every option, ticked or not ("[X] Brain  [ ] Spine", "Pacemaker/ICD  [ ] Y  [X] N"). After ConText
and the scopes, each line with marks is read as options: the text after each mark is its label (or, when the line
ends with a mark, the text before it: "Yes ☐ No ☒"); a label that is an answer word (Y, No, Unknown) answers the
question before it on the line (or on the line above, when the line holds only answers). Then:

- an unticked option says nothing: its targets carry only the `unticked` statement (HYPOTHETICAL);
- a ticked option keeps its meaning; cues in the line's other options no longer reach it;
- a question answered No is negated (`answered_no`), answered Yes is affirmed (the question's "?" hedges
  nothing), unanswered or answered Unknown says nothing (`unanswered`);
- a line without marks may answer a question in words ("Aneurysm clip: No", "Prior MRS? No", "PET ordered?
  Y / N  -> N"), a one-letter answer also after a space alone ("pacemaker N, cochlear implant N"); the answer
  ends at the line's next field ("Insulin pump: No  Wt 70 kg", "pacemaker N   cochlear implant Y"); options
  side by side with nothing chosen ("Cochlear implant   Y   N", "Cochlear implant?  Y / N") leave the item
  unanswered; a dash after the answer opens its note ("Insulin pump: No - removed 2023"); an answer that is a
  sentence of denial is a No when it denies by itself or names the item again ("Insulin pump: she has none",
  "Stents: no intravascular stent"; not "ICD: no shocks since 2022");
- when the first box follows an answer word ("Y [X] N [ ]  left chest"), labels precede their boxes and the words
  after the last box are no box's label (nor negated by the row's "No");
- a pipe table whose header row names answers ("| Item | Y | N |") answers each row by the column it ticks, and
  an answer circled in parentheses beside its alternatives ("(circle one) Y  (N)") is the ticked one;
- a dot leader separates an item from its answer ("Cardiac pacemaker ...... N"); with nothing after it the item
  is unanswered; an answer in brackets right after its item answers it ("pacemaker (N) neurostimulator (N)");
- a row that asks two things or more at once and answers each in order ("Prior MRS / PET ....... none / none",
  "PET or MRS in the last 90 days? yes / no", "none / 10/02/2026": a date answers that the item was done) gives
  each item its own answer; answers that all mean the same answer every item; a printed "Y / N" answers nothing;
- a questionnaire's question alone on its line, closed by its "?" ("Is there a known or suspected brain tumor?",
  "3. New or worsening symptoms since the last study?") is unanswered unless an answer word starts the next line
  ("No", "Yes - left frontal glioma"); a rhetorical question, a differential or a stated clinical question is left
  as ConText read it; an answer may be quoted ('...: "No."', with no separator too: "prior MRS 'unknown'") and two
  dots may lead to it ("PET .. No");
- a header line of answers laid out with spaces ("MRI SCREEN     Y    N") answers each row below it by the column
  its X sits under ("  Pacemaker           X"), also when the row's label runs on under the column it leaves blank
  or a note follows the X; the header's answer words may stand in brackets ("[Y]  [N]") and a free-text column
  may follow them ("Y   N   Comment": the row's words under it are its note); normalize keeps the spacing of these
  lines.
- a heading alone on its line that names a finding ("SEIZURES" in an EEG report, "TUMOR" in a template) heads its
  section: a finding named in the content under it is the mention (the heading says nothing), a bare denial under
  it ("None", "None captured.") answers it No, and a heading of a run of headings with nothing under it says nothing.

Each statement names its rule (`form.*` id) and, under "via", the mark or answer rule that made it.
"""


import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from medspacy.context import ConTextModifier, ConTextRule
from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import TARGET_GROUP
from .rules import RuleFileError, read_resource

FORMS_FILE = "forms.yaml"
_STATES = ("ticked", "unticked")
_MEANINGS = ("yes", "no", "unknown")
_STATEMENTS = ("unticked", "answered_no", "unanswered")
_HEDGES = frozenset({"POSSIBLE_EXISTENCE"})
_SAYS_NOTHING = frozenset({"POSSIBLE_EXISTENCE", "HYPOTHETICAL", "NEGATED_EXISTENCE"})
_BOUNDARY = re.compile(r"[.;:?!](?=\s|$)|\s[-=]+\s")  # where a header or an earlier clause ends
_CIRCLED_OPTION = re.compile(r"(?<![^\s/|:])\([^()\n]*[^\W\d_][^()\n]*\)(?![^\s/|,;.])")  # "(biopsy planning)"
_WORD = re.compile(r"[^\W\d_][\w'-]*")  # "Y/N" is two answer words
_HEADING_CONTENT_LINES = 8  # the most lines of a heading's content read for a finding named there


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    ticked: bool
    rule_id: str


@dataclass(frozen=True)
class _Item:
    """A piece of a form line: a question stem, an answer option, or a choice option (char offsets)."""

    kind: str  # stem | answer | choice
    start: int
    end: int
    mark: _Mark | None = None
    meaning: str | None = None
    answer_id: str | None = None


@dataclass(frozen=True)
class FormRules:
    marks: tuple[tuple[str, bool, bool, re.Pattern[str]], ...]  # id, ticked, needs_company, regex
    answers: dict[str, tuple[str, str]]  # lower-case word -> (meaning, answer rule id)
    statements: dict[str, tuple[str, str]]  # statement -> (rule id, ConText category)
    answer_start: re.Pattern[str]
    answer_end: re.Pattern[str]
    written: re.Pattern[str]
    max_question: int
    table_id: str
    table_tick: re.Pattern[str]  # a table cell that holds only a tick (fullmatch, stripped)
    circled_id: str
    circled_run: re.Pattern[str]  # answers side by side, some in parentheses: "Y  (N)", "(Yes) / No"
    circled_answer: re.Pattern[str]  # one answer of such a run: group 1 circled, group 2 bare
    circle_instruction: re.Pattern[str]  # "(circle one)" at the end of the question
    column_id: str  # an X under a "Y  N" header line (answer columns laid out with spaces)
    column_unplaced_id: str  # an X in a row under a "Y  N" header that sits under no column: the row is unanswered
    column_cell: re.Pattern[str]  # a header cell: a bracketed word ("[Y]", its word in a group) or any other token
    column_note: re.Pattern[str]  # a free-text column after the answer columns ("Y   N   Comment"), to the line's end
    blank_leader_id: str  # a dot leader with no answer after it ("Pacemaker .........")
    printed_choice_id: str  # printed answers side by side, none chosen ("Pacemaker   Y   N")
    unknown_qualifies: frozenset[str]  # "type unknown": the label's words, not a printed option
    blank_leader: re.Pattern[str]
    choice_id: str
    choice_instruction: re.Pattern[str]  # "(circle one)", "check one:", "(select all that apply)"
    choice_separator: re.Pattern[str]  # between the options of one line
    question_id: str = ""  # a questionnaire's question alone on its line ("Is there a known brain tumor?")
    question_item: re.Pattern[str] = re.compile("(?!)")  # its item label ("3.", "Q2:")
    question_opener: re.Pattern[str] = re.compile("(?!)")
    question_rhetorical: re.Pattern[str] = re.compile("(?!)")
    question_differential: re.Pattern[str] = re.compile("(?!)")
    question_clinical_head: re.Pattern[str] = re.compile("(?!)")
    denial_id: str = ""  # a sentence of denial as the answer ("Insulin pump: she has none")
    denial: re.Pattern[str] = re.compile("(?!)")  # group `whole` (denies by itself) or `restating` (names the item)
    denial_gap: int = 3  # the most words between a restating denial and the item it names again
    denial_prose: re.Pattern[str] = re.compile("(?!)")  # a stem that is prose telling it answers a question
    heading_id: str = ""  # a heading alone on its line that names a finding ("SEIZURES" / "No ... seizures.")
    heading_content_id: str = ""
    heading_none_id: str = ""
    heading_empty_id: str = ""
    heading_max_words: int = 5
    heading_concepts: frozenset[str] = frozenset()
    heading_negations: frozenset[str] = frozenset()
    heading_none: re.Pattern[str] = re.compile("(?!)")  # a bare denial under it ("None", "None captured.")
    heading_list_sections: frozenset[str] = frozenset()
    heading_item: re.Pattern[str] = re.compile("(?!)")  # a list label before it ("1.", "-")
    next_item: re.Pattern[str] = re.compile("(?!)")  # the line's next field after an answer (written_answers)
    stem_stops: tuple[str, ...] = (".", ";")  # a question's words start after the last of these before its answer
    stem_aside: re.Pattern[str] = re.compile("(?!)")  # ... outside these asides ("(e.g. VNS, DBS)")
    query_chain: re.Pattern[str] = re.compile("(?!)")  # a queried item in the stem ("? NCC ? tuberculoma")
    query_next: re.Pattern[str] = re.compile("(?!)")  # ... and the next queried item right after the "?"
    query_ahead: re.Pattern[str] = re.compile("(?!)")  # a "?" that opens a chain "? X ? Y" itself
    option_named_id: str = ""  # a Yes whose note names one of the item's bracketed options ("(VNS / DBS) .. Y - VNS")
    clearance_subjects: frozenset[str] = frozenset()  # "pacemaker MRI compatibility: unknown": the clearance's answer
    option_separator: re.Pattern[str] = re.compile("(?!)")  # between the options in the item's brackets
    option_lead: re.Pattern[str] = re.compile("(?!)")  # "e.g." before the first option
    pair_id: str = ""  # a row that asks two things at once and answers each in order ("MRS / PET: none / none")
    paired: re.Pattern[str] = re.compile("(?!)")  # its answers (group `pair`) after the separator, to their end
    pair_piece: re.Pattern[str] = re.compile("(?!)")  # one answer of them: group `word`, else a date
    item_joiner: re.Pattern[str] = re.compile("(?!)")  # between the row's items ("Prior MRS / PET", "PET or MRS")


def _strings(key: str, values: Any) -> list[str]:
    if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
        raise RuleFileError(f"{FORMS_FILE}: {key} must be a non-empty list of strings")
    return values


def form_rules(data: dict[str, Any] | None = None) -> FormRules:
    """Validate and compile forms.yaml; a malformed entry fails with the file and the entry id."""
    data = data if data is not None else read_resource(FORMS_FILE)
    marks = []
    for raw in data.get("marks", []):
        rule_id = str(raw.get("id", ""))
        if raw.get("state") not in _STATES:
            raise RuleFileError(f"{FORMS_FILE}: mark {rule_id!r}: state must be one of {_STATES}")
        try:
            body = "|".join(f"(?:{p})" for p in _strings(f"mark {rule_id!r} patterns", raw.get("patterns")))
            # a mark stands alone: no word, bracket or parenthesis touches it before, no closing one after
            regex = re.compile(rf"(?<![\w\[(])(?:{body})(?![\])])", re.IGNORECASE)
        except re.error as exc:
            raise RuleFileError(f"{FORMS_FILE}: mark {rule_id!r}: a pattern does not compile: {exc}") from exc
        marks.append((rule_id, raw["state"] == "ticked", bool(raw.get("needs_company", False)), regex))
    answers: dict[str, tuple[str, str]] = {}
    for raw in data.get("answers", []):
        rule_id = str(raw.get("id", ""))
        if raw.get("meaning") not in _MEANINGS:
            raise RuleFileError(f"{FORMS_FILE}: answer {rule_id!r}: meaning must be one of {_MEANINGS}")
        for word in _strings(f"answer {rule_id!r} words", raw.get("words")):
            answers[word.lower()] = (raw["meaning"], rule_id)
    statements: dict[str, tuple[str, str]] = {}
    for name in _STATEMENTS:
        raw = (data.get("statements") or {}).get(name)
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("category"):
            raise RuleFileError(f"{FORMS_FILE}: statement {name!r} needs an id and a category")
        statements[name] = (str(raw["id"]), str(raw["category"]))
    written = data.get("written_answers") or {}
    words = "|".join(re.escape(w) for w in sorted(answers, key=len, reverse=True))
    seps = "|".join(re.escape(s) if s in {":", "?"} else rf"\s{re.escape(s)}" for s in
                    _strings("written_answers separators", written.get("separators")))
    closers = "".join(re.escape(c) for c in _strings("written_answers closers", written.get("closers")))
    spaced = "|".join(re.escape(w) for w in _strings("written_answers spaced_words", written.get("spaced_words")))
    try:
        leaders = "|".join(f"(?:{p})" for p in _strings("written_answers leaders", written.get("leaders")))
        re.compile(leaders)
    except re.error as exc:
        raise RuleFileError(f"{FORMS_FILE}: a written_answers leader does not compile: {exc}") from exc
    next_field = "|".join(f"(?:{p})" for p in _strings("written_answers next_fields", written.get("next_fields")))
    # after a one-letter answer only: its lower-case next item ("insulin pump N other metal: copper IUD")
    letters = _strings("written_answers spaced_words", written.get("spaced_words"))
    after_letter = "|".join(rf"(?<=(?<![\w/]){re.escape(w.lower())})|(?<=(?<![\w/]){re.escape(w.upper())})"
                            for w in letters)
    spaced_fields = written.get("spaced_next_fields") or []
    letter_field = (rf"(?:{after_letter})[ \t]+(?:" + "|".join(
        f"(?:{p})" for p in _strings("written_answers spaced_next_fields", spaced_fields)) + ")"
                    if spaced_fields else "(?!)")
    try:
        # a spaced slash before the line's next field or its end, not before an answer word ("Pacemaker N / cochlear N")
        # (there a lower-case item with its colon is the next field too: "ICD: N / VNS: N / stents: Y")
        lower_fields = "".join(f"|(?:{p})" for p in _strings("written_answers spaced_next_fields", spaced_fields))
        slash_field = (rf"(?:{written['field_slash']})(?!(?i:{words})(?![\w]))(?:(?:{next_field}){lower_fields}|$)"
                       if written.get("field_slash") else "(?!)")
        re.compile(slash_field)
    except re.error as exc:
        raise RuleFileError(f"{FORMS_FILE}: written_answers field_slash does not compile: {exc}") from exc
    quotes = "".join(re.escape(q) for q in (written.get("quotes") or []))
    quote = f"[{quotes}]?" if quotes else ""
    # a quoted answer right after its item, with no separator ("the intake form says prior MRS 'unknown'"): the quotes
    # set the answer apart as a colon would
    quoted = (rf"|(?<=[^\W\d_])[ \t]+(?=[{quotes}](?i:{words})[{quotes}])" if quotes else "")
    # ... and its closing quote ends it, whatever follows ("prior MRS 'unsure' and no outside records")
    closed = rf"|(?<=[{quotes}])" if quotes else ""
    notes = "|".join(f"(?:{p})" for p in _strings("written_answers note_openers", written.get("note_openers")))
    bracket = written.get("bracketed")
    if bracket is not None and (not isinstance(bracket, dict) or not all(
            isinstance(bracket.get(k), str) and bracket.get(k) for k in ("open", "close"))):
        raise RuleFileError(f"{FORMS_FILE}: written_answers bracketed needs an open and a close pattern")
    try:
        opener, closer = (bracket["open"], bracket["close"]) if bracket else ("(?!)", "(?!)")
        re.compile(f"{opener}|{closer}")
    except re.error as exc:
        raise RuleFileError(f"{FORMS_FILE}: a written_answers bracket does not compile: {exc}") from exc
    tables = data.get("tables") or {}
    circled = data.get("circled") or {}
    columns = data.get("columns") or {}
    choices = data.get("choice_lists") or {}
    for key, raw in (("tables", tables), ("circled", circled), ("columns", columns), ("choice_lists", choices)):
        if not isinstance(raw, dict) or not raw.get("id"):
            raise RuleFileError(f"{FORMS_FILE}: {key} needs an id")
    try:
        ticks = "|".join(f"(?:{t})" for t in _strings("tables ticks", tables.get("ticks")))
        table_tick = re.compile(rf"(?:{ticks})", re.IGNORECASE)
        instructions = "|".join(f"(?:{t})" for t in _strings("circled instructions", circled.get("instructions")))
        circle_instruction = re.compile(rf"(?:{instructions})[ \t]*$", re.IGNORECASE)
        choice_instruction = re.compile("|".join(
            f"(?:{t})" for t in _strings("choice_lists instructions", choices.get("instructions"))), re.IGNORECASE)
        choice_separator = re.compile("|".join(
            f"(?:{t})" for t in _strings("choice_lists separators", choices.get("separators"))))
    except re.error as exc:
        raise RuleFileError(f"{FORMS_FILE}: a tables tick, circled or choice instruction does not compile: {exc}"
                            ) from exc
    questions = data.get("questions") or {}
    asked: dict[str, Any] = {}
    if questions:
        if not isinstance(questions, dict) or not questions.get("id"):
            raise RuleFileError(f"{FORMS_FILE}: questions needs an id")
        try:
            openers = "|".join(f"(?:{o})" for o in _strings("questions openers", questions.get("openers")))
            rhetorical = "|".join(f"(?:{o})" for o in _strings("questions rhetorical", questions.get("rhetorical")))
            asked = dict(
                question_id=str(questions["id"]),
                question_item=re.compile(rf"[ \t]*(?:{questions.get('item') or '(?!)'})[ \t]+", re.IGNORECASE),
                question_opener=re.compile(rf"(?:{openers})(?![\w'])", re.IGNORECASE),
                question_rhetorical=re.compile(rf"(?:{rhetorical})(?![\w'])", re.IGNORECASE),
                question_differential=re.compile(str(questions.get("differential") or "(?!)"), re.IGNORECASE),
                question_clinical_head=re.compile(str(questions.get("clinical_heads") or "(?!)"), re.IGNORECASE))
        except re.error as exc:
            raise RuleFileError(f"{FORMS_FILE}: a questions pattern does not compile: {exc}") from exc
    chain: dict[str, Any] = {}
    query_chain = written.get("query_chain")
    if query_chain is not None:
        if not isinstance(query_chain, dict) or not all(
                isinstance(query_chain.get(k), str) and query_chain.get(k) for k in ("stem", "next", "ahead")):
            raise RuleFileError(f"{FORMS_FILE}: written_answers query_chain needs a stem, a next and an ahead pattern")
        try:
            chain = dict(query_chain=re.compile(query_chain["stem"]), query_next=re.compile(query_chain["next"]),
                         query_ahead=re.compile(query_chain["ahead"]))
        except re.error as exc:
            raise RuleFileError(f"{FORMS_FILE}: written_answers query_chain does not compile: {exc}") from exc
    denials = written.get("denials") or {}
    denied: dict[str, Any] = {}
    if denials:
        if not isinstance(denials, dict) or not denials.get("id"):
            raise RuleFileError(f"{FORMS_FILE}: written_answers denials needs an id")
        try:
            whole = "|".join(f"(?:{p})" for p in _strings("written_answers denials whole", denials.get("whole")))
            restating = "|".join(f"(?:{p})" for p in _strings("written_answers denials restating",
                                                             denials.get("restating")))
            # the separator (or a leader), an optional subject, then a denial that ends the answer or names the item
            subject = denials.get("subject") or ""
            denial = re.compile(
                rf"(?:(?:[:?][ \t]*|[ \t])?(?:{leaders})[ \t]*|(?:{seps})[ \t]*)(?i:{subject})"
                rf"(?:(?P<whole>(?i:{whole}))(?=[ \t]*$|[ \t]*[{closers}]|[ \t]+(?:{next_field})|{notes})"
                rf"|(?P<restating>(?i:{restating}))(?![\w']))", re.MULTILINE)
            denied = dict(denial_id=str(denials["id"]), denial_gap=int(denials.get("max_gap_words", 3)),
                          denial=denial, denial_prose=re.compile(str(denials.get("prose_stem") or "(?!)"),
                                                                 re.IGNORECASE))
        except re.error as exc:
            raise RuleFileError(f"{FORMS_FILE}: a written_answers denials pattern does not compile: {exc}") from exc
    headings = data.get("headings") or {}
    headed: dict[str, Any] = {}
    if headings:
        if not isinstance(headings, dict) or not all(headings.get(k) for k in (
                "id", "content_id", "none_id", "empty_id", "concepts", "none")):
            raise RuleFileError(f"{FORMS_FILE}: headings needs an id, content_id, none_id, empty_id, concepts and none")
        try:
            bare = "|".join(f"(?:{p})" for p in _strings("headings none", headings.get("none")))
            headed = dict(
                heading_id=str(headings["id"]), heading_content_id=str(headings["content_id"]),
                heading_none_id=str(headings["none_id"]), heading_empty_id=str(headings["empty_id"]),
                heading_max_words=int(headings.get("max_words", 5)),
                heading_concepts=frozenset(_strings("headings concepts", headings.get("concepts"))),
                heading_negations=frozenset(w.lower() for w in headings.get("negations") or []),
                heading_none=re.compile(rf"[ \t]*(?:{bare})[ \t]*[.;]?[ \t]*", re.IGNORECASE),
                heading_list_sections=frozenset(map(str, headings.get("list_sections") or [])),
                heading_item=re.compile(rf"[ \t]*(?:{headings.get('item') or '(?!)'})"))
        except re.error as exc:
            raise RuleFileError(f"{FORMS_FILE}: a headings pattern does not compile: {exc}") from exc
        statements["heading"] = (str(headings["id"]), "HYPOTHETICAL")
    named = written.get("named_option") or {}
    options: dict[str, Any] = {}
    if named:
        if not isinstance(named, dict) or not named.get("id"):
            raise RuleFileError(f"{FORMS_FILE}: written_answers named_option needs an id")
        try:
            options = dict(
                option_named_id=str(named["id"]),
                option_separator=re.compile("|".join(
                    f"(?:{p})" for p in _strings("named_option separators", named.get("separators"))), re.IGNORECASE),
                option_lead=re.compile("|".join(
                    f"(?:{p})" for p in _strings("named_option leads", named.get("leads"))), re.IGNORECASE))
        except re.error as exc:
            raise RuleFileError(f"{FORMS_FILE}: a written_answers named_option pattern does not compile: {exc}") \
                from exc
    paired = written.get("paired") or {}
    pairs: dict[str, Any] = {}
    if paired:
        if not isinstance(paired, dict) or not paired.get("id") or not isinstance(paired.get("answer_joiner"), str):
            raise RuleFileError(f"{FORMS_FILE}: written_answers paired needs an id and an answer_joiner")
        try:
            dates = "|".join(f"(?:{p})" for p in _strings("written_answers paired dates", paired.get("dates")))
            joiners = "|".join(f"(?:{p})" for p in _strings("written_answers paired item_joiners",
                                                           paired.get("item_joiners")))
            piece = rf"(?:(?P<word>(?i:{words}))(?![\w])|(?<!\d)(?:{dates})(?![\w]))"
            plain = rf"(?:(?i:{words})(?![\w])|(?<!\d)(?:{dates})(?![\w]))"
            # the separator, a leader, or a space before a one-letter first answer ("Pacemaker / ICD N / N")
            pairs = dict(
                pair_id=str(paired["id"]), pair_piece=re.compile(piece), item_joiner=re.compile(joiners),
                paired=re.compile(
                    rf"(?:(?:[:?][ \t]*|[ \t])?(?:{leaders})[ \t]*|(?:{seps})[ \t]*"
                    rf"|(?<=[^\W\d_])[ \t]+(?=(?i:{spaced}){paired['answer_joiner']}))"
                    rf"{quote}(?P<pair>{plain}(?:{paired['answer_joiner']}{plain})+){quote}"
                    rf"(?=[ \t]*$|[ \t]*[{closers}]|[ \t]+(?:{next_field})|{letter_field}|{notes})", re.MULTILINE))
        except re.error as exc:
            raise RuleFileError(f"{FORMS_FILE}: a written_answers paired pattern does not compile: {exc}") from exc
    try:
        pairs_of = [str(b) for b in columns.get("brackets") or []]
        if any(len(b) != 2 for b in pairs_of):
            raise RuleFileError(f"{FORMS_FILE}: columns brackets must each be an open and a close character")
        cells = [rf"{re.escape(b[0])}[ \t]*([^\s{re.escape(b)}]+)[ \t]*{re.escape(b[1])}" for b in pairs_of]
        column_cell = re.compile("|".join([*cells, r"\S+"]))
        notes_heads = "|".join(f"(?:{p})" for p in columns.get("note_headers") or ["(?!)"])
        column_note = re.compile(rf"(?<=\S)[ \t]{{2,}}(?P<note>(?:{notes_heads})[ \t]*:?)[ \t]*$", re.IGNORECASE)
    except re.error as exc:
        raise RuleFileError(f"{FORMS_FILE}: a columns bracket or note header does not compile: {exc}") from exc
    try:
        asides = re.compile("|".join(f"(?:{p})" for p in written.get("stem_stop_asides") or ["(?!)"]))
    except re.error as exc:
        raise RuleFileError(f"{FORMS_FILE}: a written_answers stem_stop_asides pattern does not compile: {exc}") \
            from exc
    one = rf"(?:\([ \t]*(?i:({words}))[ \t]*\)|(?<![\w(/])(?i:({words}))(?![\w/)]))"
    any_one = rf"(?:\([ \t]*(?i:{words})[ \t]*\)|(?<![\w(/])(?i:{words})(?![\w/)]))"
    return FormRules(
        table_id=str(tables["id"]), table_tick=table_tick, circled_id=str(circled["id"]), column_id=str(columns["id"]),
        column_unplaced_id=str(columns.get("unplaced_id") or columns["id"]),
        column_cell=column_cell, column_note=column_note,
        blank_leader_id=str(written.get("blank_leader_id") or ""),
        printed_choice_id=str(written.get("printed_choice_id") or written.get("blank_leader_id") or ""),
        unknown_qualifies=frozenset(w.lower() for w in written.get("unknown_qualifies") or []),
        clearance_subjects=frozenset(str(t) for t in written.get("clearance_subjects") or []),
        blank_leader=re.compile(rf"[ \t]*[:?]?[ \t]*(?:{leaders})[ \t]*$", re.MULTILINE),
        circled_run=re.compile(rf"{any_one}(?:(?:[ \t]*/[ \t]*|[ \t]+){any_one})+(?=[ \t]*$|[ \t]{{2,}}|[ \t]*[.;,|])",
                               re.MULTILINE),
        circled_answer=re.compile(one), circle_instruction=circle_instruction,
        choice_id=str(choices["id"]), choice_instruction=choice_instruction, choice_separator=choice_separator,
        marks=tuple(marks), answers=answers, statements=statements,
        answer_start=re.compile(rf"\s*(?i:({words}))(?![\w/])"),  # used with match(): anchored at pos
        answer_end=re.compile(rf"(?<![\w/])(?i:({words}))\s*[:.]?\s*$"),
        # the question's separator, the answer, then the line's end, a closer, the line's next field or a note
        # ... or the answer in brackets right after its item ("pacemaker (N)", "neurostimulator (yes)")
        written=re.compile(rf"(?:(?:[:?][ \t]*|[ \t])?(?:{leaders})[ \t]*|(?:{seps})[ \t]*|(?<=[^\W\d_])[ \t]+(?=(?i:{spaced})(?![\w/]))"
                           rf"|(?<=[^\W\d_])[ \t]*(?P<open>{opener})[ \t]*(?=(?i:{words})[ \t]*(?:{closer})){quoted})"
                           rf"{quote}(?i:(?P<answer>{words}))(?(open)[ \t]*(?:{closer})){quote}"
                           rf"(?=[ \t]*$|[ \t]*[{closers}]|[ \t]+(?:{next_field})|{letter_field}|{notes}|{slash_field}{closed})",
                           re.MULTILINE),
        max_question=int(written.get("max_question_chars", 80)),
        next_item=re.compile(rf"(?:{next_field})", re.MULTILINE),
        stem_stops=tuple(_strings("written_answers stem_stops", written.get("stem_stops") or [".", ";"])),
        stem_aside=asides,
        **chain,
        **asked,
        **denied,
        **headed,
        **options,
        **pairs,
    )


@cache
def _option_marks() -> tuple[re.Pattern[str], ...]:
    return tuple(regex for _, _, needs_company, regex in form_rules().marks if not needs_company)


def holds_option_mark(line: str) -> bool:
    """The line holds an option's box, ticked or not (a bare fill-in blank does not count): a form line."""
    return any(regex.search(line) for regex in _option_marks())


def option_line_starts(text: str) -> frozenset[int]:
    """The start offsets of the lines that are form options (ticked or not, a listed fill-in blank included), as
    the form_state component reads them."""
    return frozenset(_option_reader()._marks(text))


@cache
def _option_reader() -> "FormState":
    return FormState(None, "option_lines")  # type: ignore[arg-type]  # reads text only: no pipeline needed


def answers_in_words(line: str) -> bool:
    """The line answers a question in words ("Prior MRS?  Y / N  -> N", "Pacemaker: No", "Prior MRS / PET .....
    none / none"): a form line, never the wrapped tail of the line above it (whose words would join its question)."""
    return form_rules_cached().written.search(line) is not None or bool(_option_reader()._pair_rows(line))


def is_answer_word(text: str) -> bool:
    """The text is one answer word and nothing else ("No", "N/A", "Yes"): an answer on its own line."""
    return text.strip().lower() in form_rules_cached().answers


@dataclass(frozen=True)
class _Column:
    start: int  # offsets in the line
    end: int
    meaning: str
    answer_id: str


_TOKEN = re.compile(r"\S+")


def _column_note(line: str) -> int | None:
    """Where a header line's free-text column starts, after its answer columns ("Y   N   Comment"), or None."""
    note = form_rules_cached().column_note.search(line)
    return note.start("note") if note else None


def _column_header(line: str) -> list[_Column] | None:
    """The answer columns of a header line ("MRI SCREEN            Y    N", "      Yes   No", "Device   [Y]  [N]"):
    the line ends with answer words of at least two meanings (each may stand in brackets), apart from any title
    before them by two spaces or more; a free-text column may follow them ("Y   N   Comment")."""
    rules = form_rules_cached()
    note = _column_note(line)
    tokens = list(rules.column_cell.finditer(line, 0, len(line) if note is None else note))

    def word(t: re.Match[str]) -> str:
        return next((g for g in t.groups() if g), t.group()).lower()

    k = len(tokens)
    while k and word(tokens[k - 1]) in rules.answers:
        k -= 1
    columns = [_Column(t.start(), t.end(), *rules.answers[word(t)]) for t in tokens[k:]]
    if len({c.meaning for c in columns}) < 2 or (k and columns[0].start - tokens[k - 1].end() < 2):
        return None
    return columns


UNPLACED = -1
"""The column index of a row's tick that sits under no answer column (the row's one tick: it answers nothing)."""


def _column_row(line: str, columns: list[_Column], note: int | None = None
                ) -> tuple[tuple[int, int], list[tuple[int, int, int]]] | None:
    """A row under answer columns: its label (letters before the ticks) and its ticks as (start, end, column index);
    None for a line that is no such row (blank, or words reaching into the columns with no tick after them). A label
    may run on under a column that its row leaves unticked ("Cardiac pacemaker / ICD / defibrillator    X" with the
    X under N), two spaces or more before its tick; a note may follow the last tick ("X    (never)"), and under the
    header's free-text column (starting at `note`) it may stand with no tick before it. A row's one tick that sits
    under no column has the column index UNPLACED: the row is there, its answer cannot be placed."""
    rules = form_rules_cached()
    region = columns[0].start - 2
    tokens = list(_TOKEN.finditer(line))
    centres = [(c.start + c.end - 1) / 2 for c in columns]
    reach = max(2.0, min((b - a for a, b in zip(centres, centres[1:], strict=False)), default=4.0) / 2)

    def column_of(t: re.Match[str]) -> int | None:
        if t.start() < region or not rules.table_tick.fullmatch(t.group()):
            return None
        centre = (t.start() + t.end() - 1) / 2
        k = min(range(len(columns)), key=lambda i: abs(centres[i] - centre))
        return k if abs(centres[k] - centre) <= reach else UNPLACED  # a tick under no column

    first = next((i for i, t in enumerate(tokens) if i and column_of(t) is not None
                  and t.start() - tokens[i - 1].end() >= 2), None)
    label = tokens[:first] if first is not None else [t for t in tokens if t.end() <= region]
    if not label or not re.search(r"[^\W\d_]", line[label[0].start():label[-1].end()]):
        return None
    ticks: list[tuple[int, int, int]] = []
    for t in tokens[len(label):]:
        k = column_of(t)
        if note is not None and t.start() >= note - 2 and (k is None or k == UNPLACED):
            break  # the row's words under the header's free-text column: its note, left to the other rules
        if k is None or (ticks and (k <= ticks[-1][2] or k == UNPLACED)):
            if ticks and t.start() - ticks[-1][1] >= 2 and not rules.table_tick.fullmatch(t.group()):
                break  # the row's note after its last tick: "X    (never)"
            return None
        ticks.append((t.start(), t.end(), k))
    return (label[0].start(), label[-1].end()), ticks


def tab_cells(lines: list[str]) -> int:
    """The cell width that lays tab-separated lines out as columns ("Device<TAB>Y<TAB>N" over
    "Pacemaker<TAB><TAB>X": the X is in the N cell): every tab moves to the next multiple of it, so the k-th cell of
    each line starts at the same place. It is the longest cell before a line's last one, plus two."""
    cells = [len(c) for line in lines if "\t" in line for c in line.split("\t")[:-1]]
    return max(8, max(cells, default=0) + 2)


def answer_column_blocks(lines: list[str]) -> dict[int, list[int]]:
    """Header line index -> its row line indexes, for answer columns laid out with spaces ("MRI SCREEN   Y    N" /
    "  Pacemaker            X"): the rows run to the first line that is no row; a header needs at least one row.
    The column an X sits under decides the answer, so these lines keep their spacing."""
    out: dict[int, list[int]] = {}
    i = 0
    while i < len(lines):
        columns = _column_header(lines[i]) if lines[i].strip() else None
        if columns is None:
            i += 1
            continue
        rows = []
        note = _column_note(lines[i])
        j = i + 1
        if j + 1 < len(lines) and not lines[j].strip():
            j += 1 if _column_row(lines[j + 1], columns, note) is not None else 0  # a blank line under the header
        while j < len(lines) and (row := _column_row(lines[j], columns, note)) is not None:
            rows.append((j, row))
            j += 1
        if rows:
            out[i] = [j for j, _ in rows]
        i = max(j, i + 1)
    return out


@cache
def form_rules_cached() -> FormRules:
    return form_rules()


class FormState:
    """Reads the option state of form lines and adds (or replaces) the targets' ConText modifiers."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._rules = form_rules()
        self._context_rules: dict[tuple[str, str], ConTextRule] = {}
        self._text = ""
        self._token_starts: list[int] = []
        self._written_ends: list[int] = []  # where the written answers of the document end
        self._answer_rows: list[tuple[int, int]] = []  # the answers of paired rows, each item answered in order

    # ------------------------------------------------------------------ reading the lines
    def _marks(self, text: str) -> dict[int, list[_Mark]]:
        """The marks of the text by line start; overlapping matches keep the earlier rule's."""
        found: list[tuple[_Mark, bool]] = []
        taken = bytearray(len(text))  # characters already in a mark (linear in the text, however many marks)
        for rule_id, ticked, needs_company, regex in self._rules.marks:
            for m in regex.finditer(text):
                if any(taken[m.start():m.end()]):
                    continue
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                found.append((_Mark(m.start(), m.end(), ticked, rule_id), needs_company))
        lines: dict[int, list[tuple[_Mark, bool]]] = {}
        for mark, needs in found:
            lines.setdefault(text.rfind("\n", 0, mark.start) + 1, []).append((mark, needs))
        out: dict[int, list[_Mark]] = {}
        for start, marks in lines.items():
            if all(needs for _, needs in marks) and not self._listed(text, start, lines):
                continue  # fill-in blanks alone ("Signature: ______") are no options
            out[start] = sorted((m for m, _ in marks), key=lambda m: m.start)
        return out

    def _answer(self, word: str) -> tuple[str, str]:
        return self._rules.answers[" ".join(word.lower().split())]

    def _listed(self, text: str, line_start: int, lines: dict[int, list[tuple[_Mark, bool]]]) -> bool:
        """A line led by a fill-in blank is a list's unticked option when the lines led by marks around it hold a
        mark of another kind ("___ Tumor evaluation" / "_X_ Metabolic") or follow a choice instruction."""

        def led(start: int) -> bool:
            marks = lines.get(start) or []
            return bool(marks) and not text[start:min(m.start for m, _ in marks)].strip()

        if not led(line_start):
            return False
        block = [line_start]
        for step in (-1, 1):  # the run of mark-led lines above and below
            at = line_start
            while True:
                if step < 0:
                    if at == 0:
                        break
                    nxt = text.rfind("\n", 0, at - 1) + 1
                else:
                    end = text.find("\n", at)
                    if end < 0:
                        break
                    nxt = end + 1
                if not led(nxt):
                    break
                block.append(nxt)
                at = nxt
        if any(not needs for start in block for _, needs in lines[start]):
            return True
        first = min(block)
        if first == 0:
            return False
        head = text[text.rfind("\n", 0, first - 1) + 1:first - 1]
        return self._rules.choice_instruction.search(head) is not None

    def _choice_lines(self, text: str, taken: Any) -> dict[int, list[_Item]]:
        """Lines of options after a choice instruction, with no box ("Purpose (circle one): diagnosis  (biopsy
        planning)  tumor follow-up"): line start -> its options, the circled one ticked, the bare ones not."""
        out: dict[int, list[_Item]] = {}
        for hit in self._rules.choice_instruction.finditer(text):
            lo = hit.end()
            hi = text.find("\n", lo)
            hi = len(text) if hi < 0 else hi
            if not text[lo:hi].strip() and hi < len(text):  # the options on the next line
                lo = hi + 1
                hi = text.find("\n", lo)
                hi = len(text) if hi < 0 else hi
            line_start = text.rfind("\n", 0, lo) + 1
            if line_start in taken or line_start in out:
                continue
            options = self._options(text, lo, hi)
            circled = [o for o in options if o.mark is not None and o.mark.ticked]
            if len(options) >= 2 and len(circled) < len(options):
                out[line_start] = options
        return out

    def _options(self, text: str, lo: int, hi: int) -> list[_Item]:
        """The options of [lo, hi): one wholly in parentheses, standing apart, is circled (ticked); the text
        between circled ones is split at the separators into bare options (a space alone parts nothing: the
        text's spacing may be collapsed)."""
        spans: list[tuple[int, int, bool]] = []
        pos = lo
        for hit in _CIRCLED_OPTION.finditer(text, lo, hi):
            spans += self._bare(text, pos, hit.start())
            spans.append((hit.start(), hit.end(), True))
            pos = hit.end()
        spans += self._bare(text, pos, hi)
        return [_Item("choice", a, b, _Mark(a, b, ticked, self._rules.choice_id)) for a, b, ticked in spans]

    def _bare(self, text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
        out = []
        cuts = [lo, *(x for m in self._rules.choice_separator.finditer(text, lo, hi) for x in m.span()), hi]
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            piece = text[a:b]
            if re.search(r"[^\W\d_]", piece):
                out.append((a + len(piece) - len(piece.lstrip()), b - len(piece) + len(piece.rstrip()), False))
        return out

    def _items(self, text: str, line_start: int, line_end: int, marks: list[_Mark]) -> list[_Item]:
        """The stems, answers and choices of one line of marks, in order."""
        items: list[_Item] = []
        has = re.compile(r"[^\W\d_]")
        # "[X] Brain  [ ] Spine": the label follows its mark, unless the first mark follows an answer word ("Y [X]
        # N [ ]  left chest": there the text after the last mark is no mark's label)
        label_first = self._rules.answer_end.search(text, line_start, marks[0].start) is not None
        if has.search(text[marks[-1].end:line_end]) and not label_first:
            if has.search(text[line_start:marks[0].start]):
                items.append(_Item("stem", line_start, marks[0].start))
            for k, mark in enumerate(marks):
                lo, hi = mark.end, marks[k + 1].start if k + 1 < len(marks) else line_end
                hit = self._rules.answer_start.match(text, lo, hi)
                if hit is None:
                    items.append(_Item("choice", lo, hi, mark))
                    continue
                meaning, answer_id = self._answer(hit.group(1))
                items.append(_Item("answer", hit.start(1), hit.end(1), mark, meaning, answer_id))
                if has.search(text[hit.end():hi]):
                    items.append(_Item("stem", hit.end(), hi))  # "N  Aneurysm clip [X] Y": the next question
            return items
        for k, mark in enumerate(marks):  # "Yes ☐ No ☒", "Y [X] N [ ]": the label precedes its mark
            lo, hi = marks[k - 1].end if k else line_start, mark.start
            hit = self._rules.answer_end.search(text, lo, hi)
            if hit is None:
                colon = text.rfind(":", lo, hi) if not k else -1
                if colon >= 0:
                    items.append(_Item("stem", lo, colon + 1))
                    lo = colon + 1
                items.append(_Item("choice", lo, hi, mark))
                continue
            if has.search(text[lo:hit.start(1)]):
                items.append(_Item("stem", lo, hit.start(1)))
            meaning, answer_id = self._answer(hit.group(1))
            items.append(_Item("answer", hit.start(1), hit.end(1), mark, meaning, answer_id))
        return items

    def _tables(self, text: str) -> dict[int, list[tuple[_Item, list[_Item]]]]:
        """Rows of pipe tables whose header row names answers ("| Study | Y | N |" / "| PET requested |   | X |"):
        line start -> [(question, its answers)]; the header and separator rows map to no question."""
        out: dict[int, list[tuple[_Item, list[_Item]]]] = {}
        if "|" not in text:
            return out
        columns: dict[int, tuple[str, str]] | None = None  # answer columns of the current table
        pos = 0
        while pos <= len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            cells = self._cells(text, pos, end)
            if len(cells) < 2:
                columns = None
            elif all(re.fullmatch(r"\s*:?-{2,}:?\s*", text[lo:hi]) or not text[lo:hi].strip() for lo, hi in cells):
                if columns is not None:
                    out[pos] = []
            else:
                header = {k: self._rules.answers[w] for k, (lo, hi) in enumerate(cells)
                          if (w := " ".join(text[lo:hi].lower().split())) in self._rules.answers}
                if len({meaning for meaning, _ in header.values()}) > 1:
                    columns, out[pos] = header, []
                elif columns is not None:
                    row = self._table_row(text, cells, columns)
                    out[pos] = [row] if row is not None else []
            pos = end + 1
        return out

    @staticmethod
    def _cells(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """The cells of a pipe-table line ("| a | b |" or "a | b"), as character ranges; none for other lines."""
        bars = [lo + m.start() for m in re.finditer(r"\|", text[lo:hi])]
        if len(bars) < 2 and not (bars and text[lo:hi].strip().startswith("|")):
            return []
        edges = [lo - 1, *bars, hi]
        cells = [(a + 1, b) for a, b in zip(edges, edges[1:], strict=False)]
        if not text[cells[0][0]:cells[0][1]].strip():
            cells = cells[1:]
        if cells and not text[cells[-1][0]:cells[-1][1]].strip() and cells[-1][1] == hi:
            cells = cells[:-1]
        return cells

    def _table_row(self, text: str, cells: list[tuple[int, int]],
                   columns: dict[int, tuple[str, str]]) -> tuple[_Item, list[_Item]] | None:
        stem = next(((lo, hi) for k, (lo, hi) in enumerate(cells) if k not in columns
                     and re.search(r"[^\W\d_]", text[lo:hi])), None)
        if stem is None:
            return None
        answers = []
        for k, (meaning, answer_id) in columns.items():
            if k >= len(cells):
                continue
            lo, hi = cells[k]
            content = text[lo:hi].strip()
            marks = [(ticked, regex) for _, ticked, _, regex in self._rules.marks]
            if not content or any(not ticked and regex.fullmatch(content) for ticked, regex in marks):
                ticked = False
            elif self._rules.table_tick.fullmatch(content) or any(
                    ticked and regex.fullmatch(content) for ticked, regex in marks):
                ticked = True
            else:
                continue  # words in an answer column answer nothing
            answers.append(_Item("answer", lo, hi, _Mark(lo, hi, ticked, self._rules.table_id), meaning, answer_id))
        return (_Item("stem", *stem), answers) if answers else None

    def _circled(self, text: str, marked: dict[int, list[_Mark]]) -> dict[int, list[tuple[_Item, list[_Item]]]]:
        """Answers circled in parentheses beside their bare alternatives ("PET done? (circle one) Y  (N)"): line
        start -> [(question, its answers)]; a run with no circled answer, or only circled ones, is no such line,
        except a printed choice "Y / N" that ends its line: nothing was chosen ("Cochlear implant?  Y / N")."""
        out: dict[int, list[tuple[_Item, list[_Item]]]] = {}
        for run in self._rules.circled_run.finditer(text):
            line_start = text.rfind("\n", 0, run.start()) + 1
            answers = []
            for hit in self._rules.circled_answer.finditer(text, run.start(), run.end()):
                circled = hit.group(1) is not None
                group = 1 if circled else 2
                meaning, answer_id = self._answer(hit.group(group))
                answers.append(_Item("answer", hit.start(group), hit.end(group),
                                     _Mark(hit.start(), hit.end(), circled, self._rules.circled_id),
                                     meaning, answer_id))
            circled_count = sum(1 for a in answers if a.mark is not None and a.mark.ticked)
            line_end = text.find("\n", run.end())
            printed = (not circled_count and "/" in run.group() and len({a.meaning for a in answers}) > 1
                       and not text[run.end():len(text) if line_end < 0 else line_end].strip())
            if printed and any(a < run.end() and run.start() < b for a, b in self._answer_rows):
                continue  # "Prior MRS / PET: yes / no": each item answered in order, no printed choice
            if (circled_count != 1 and not printed) or circled_count == len(answers) or line_start in marked:
                continue  # (a printed "Y / N" that ends its line with nothing chosen: the question is unanswered)
            questions = out.setdefault(line_start, [])
            lo = questions[-1][1][-1].end if questions else line_start
            instruction = self._rules.circle_instruction.search(text, lo, run.start())
            hi = instruction.start() if instruction is not None else run.start()
            stem: _Item | None = _Item("stem", lo, hi)
            if not re.search(r"[^\W\d_]", text[lo:hi]):
                stem = self._question_above(text, line_start, marked)
            if stem is not None:
                questions.append((stem, answers))
        return out

    def _columns(self, text: str) -> dict[int, list[tuple[_Item, list[_Item]]]]:
        """Rows under a header line of answer columns ("MRI SCREEN    Y    N" / "  Pacemaker         X"): line start
        -> [(question, its answers)], the answer by the column the tick sits under; the header maps to none."""
        out: dict[int, list[tuple[_Item, list[_Item]]]] = {}
        if not re.search(r"[ \t]{2}", text):
            return out
        lines = text.split("\n")
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        for header, rows in answer_column_blocks(lines).items():
            columns = _column_header(lines[header])
            assert columns is not None
            questions: list[tuple[_Item, list[_Item]]] = []
            for j in rows:
                row = _column_row(lines[j], columns, _column_note(lines[header]))
                assert row is not None
                (lo, hi), ticks = row
                base, end = starts[j], starts[j] + len(lines[j])
                mark_id = self._rules.column_unplaced_id if any(t[2] == UNPLACED for t in ticks) \
                    else self._rules.column_id
                answers = []
                for k, column in enumerate(columns):
                    tick = next((t for t in ticks if t[2] == k), None)
                    a, b = (base + tick[0], base + tick[1]) if tick else (min(base + column.start, end),
                                                                        min(base + column.end, end))
                    answers.append(_Item("answer", a, b, _Mark(a, b, tick is not None, mark_id),
                                         column.meaning, column.answer_id))
                out[starts[j]] = [(_Item("stem", base + lo, base + hi), answers)]
                questions.append(out[starts[j]][0])
            out[starts[header]] = []
            title = lines[header][:columns[0].start]
            if title.strip() and not any(a.mark is not None and a.mark.ticked for _, answers in questions
                                         for a in answers):
                # nothing ticked anywhere: the header may itself be an item ("Pacemaker   Y   N"), unanswered too
                base = starts[header]
                out[base] = [(_Item("stem", base, base + len(title.rstrip())), [
                    _Item("answer", base + c.start, base + c.end, _Mark(base + c.start, base + c.end, False,
                                                                        self._rules.column_id), c.meaning, c.answer_id)
                    for c in columns])]
        return out

    def _question_above(self, text: str, line_start: int, marked: dict[int, list[_Mark]]) -> _Item | None:
        """The line above a line of answers only, when it is a question ("Prior MRS?" / "[ ] Yes [X] No")."""
        if line_start == 0:
            return None
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above:line_start - 1]
        if above in marked or not line.strip() or line.rstrip()[-1:] not in {"?", ":"}:
            return None
        return _Item("stem", above, line_start - 1)

    # ------------------------------------------------------------------ stating
    def __call__(self, doc: Doc) -> Doc:
        targets = sorted(doc.spans[TARGET_GROUP], key=lambda t: t.start_char) if TARGET_GROUP in doc.spans else []
        if not targets:
            return doc
        starts = [t.start_char for t in targets]
        text = self._text = doc.text  # (Doc.text joins the tokens on every call: read it once)
        self._token_starts = [t.idx for t in doc]

        def inside(lo: int, hi: int) -> list[Span]:
            return [t for t in targets[bisect_left(starts, lo):bisect_left(starts, hi)] if t.end_char <= hi]

        marked = self._marks(text)
        self._answer_rows = self._paired_rows(text, inside)
        laid_out = self._tables(text) | self._circled(text, marked) | self._columns(text)  # line start -> its questions
        for options in self._choice_lines(text, marked.keys() | laid_out.keys()).values():
            for option in options:
                self._choice(doc, option, options, inside(option.start, option.end))
        for questions in laid_out.values():
            for question, replies in questions:
                self._question(doc, question, replies, inside(question.start, question.end))
        for line_start, marks in marked.items():
            if line_start in laid_out:
                continue
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            items = self._items(text, line_start, line_end, marks)
            if items and items[0].kind == "answer":
                above = self._question_above(text, line_start, marked)
                if above is not None:
                    items.insert(0, above)
            options = [i for i in items if i.kind != "stem"]
            for option in options:
                if option.kind == "choice":
                    self._choice(doc, option, options, inside(option.start, option.end))
            stem: _Item | None = None
            answers: list[_Item] = []
            for item in [*items, None]:
                if item is None or item.kind == "stem":
                    if stem is not None and answers:
                        self._question(doc, stem, answers, inside(stem.start, stem.end))
                    stem, answers = item, []
                elif item.kind == "answer":
                    answers.append(item)
            if items and max(i.end for i in items) <= marks[-1].start:  # labels before their boxes
                self._after_answers(doc, items, inside(marks[-1].end, line_end))
        answered = self._written(doc, text, marked, inside, laid_out)
        answered |= self._denied(doc, text, marked, inside, laid_out)
        self._asked(doc, text, marked.keys() | laid_out.keys() | answered, inside)
        self._headed(doc, text, marked.keys() | laid_out.keys() | answered, targets)
        return doc

    def _after_answers(self, doc: Doc, items: list[_Item], targets: list[Span]) -> None:
        """Words after the last box of a line whose labels precede their boxes ("Y [X] N [ ]  implanted 2019 for
        back pain"): an answer word of the line ("N", "No") is no negation of them."""
        answers = [(a.start, a.end) for a in items if a.kind == "answer"]
        for target in targets:
            kept = tuple(m for m in target._.modifiers if not any(
                lo <= doc[m.modifier_span[0]].idx < hi for lo, hi in answers))
            if len(kept) != len(target._.modifiers):
                target._.modifiers = kept

    def _written(self, doc: Doc, text: str, marked: dict[int, list[_Mark]], inside: Any,
                 laid_out: dict[int, Any]) -> set[int]:
        """Questions answered in words ("Aneurysm clip: No"), after the last mark of their line if it has any; the
        starts of the lines that hold such an answer."""
        previous_end = -1
        answered: set[int] = set()
        self._written_ends = []
        hits = sorted([*((h, False) for h in self._rules.written.finditer(text)),
                       *((h, True) for h in self._pair_rows(text))], key=lambda h: h[0].start())
        for hit, paired in hits:
            line_start = text.rfind("\n", 0, hit.start()) + 1
            if line_start in laid_out or hit.start() < previous_end:
                continue
            if not paired and hit.group("answer") == "?" and (
                    (self._rules.query_chain.search(text, max(line_start, previous_end), hit.start())
                     and self._rules.query_next.match(text, hit.end()))
                    or self._rules.query_ahead.match(text, hit.start("answer"))):
                # "? NCC ? tuberculoma", "ring lesion, ? granuloma ? abscess": the "?" opens the next item of a
                # queried differential, it answers nothing
                continue
            answered.add(line_start)
            self._written_ends.append(hit.end())
            marks_before = [m.end for m in marked.get(line_start, ()) if m.end <= hit.start()]
            if previous_end >= line_start:
                # the line's next field after the previous answer ("Y - VNS, implanted 03/2021   Insulin pump ......
                # N"): the previous answer's note is no part of this question
                field = self._rules.next_item.search(text, previous_end, hit.end())
                previous_end = field.start() if field is not None and field.start() < hit.start() else previous_end
            elif previous_end >= 0 and text.rfind("\n", 0, line_start - 1) < previous_end \
                    and text[previous_end:line_start - 1].strip():
                # a row whose answer's note wrapped onto this line ("stent Y - carotid" / "stent (Wallstent), placed
                # 09/2024 | orthopedic hardware N"): the note's tail, up to this line's first field, is no part of
                # the next question
                field = self._rules.next_item.search(text, line_start, hit.end())
                if field is not None and field.start() < hit.start():
                    previous_end = field.start()
            floor = max(line_start, previous_end if previous_end >= line_start else line_start, *marks_before)
            lo = max(floor, hit.start() - self._rules.max_question)
            close = text.rfind(")", floor, hit.start())
            opener = text.rfind("(", floor, close) if close >= 0 and not text[close + 1:hit.start()].strip() else -1
            if opener >= 0 and text.find(")", opener, close) < 0:
                # an item that ends on its list in brackets is as long as the words before the list ("Contraindication
                # to MRI/gadolinium (pacemaker, ICD, aneurysm clip, neurostimulator) ....... N"): the list is its
                # examples, not its words
                lo = max(floor, min(lo, opener - self._rules.max_question))
            if marks_before and lo == max(marks_before):
                label = self._rules.answer_start.match(text, lo, hit.start())
                lo = label.end() if label is not None else lo  # "[X] No  Symptoms?: N": past the box's answer
            stop = self._stem_stop(text, lo, hit.start())
            lo = stop + 1 if stop >= 0 else lo
            previous_end = hit.end()
            if paired:
                self._paired(doc, _Item("stem", lo, hit.start()), hit, inside)
                continue
            meaning, answer_id = self._answer(hit.group("answer"))
            stem = _Item("stem", lo, hit.start())
            answer = _Item("answer", hit.start("answer"), hit.end("answer"), None, meaning, answer_id)
            last = next(reversed(list(_WORD.finditer(text, lo, hit.start()))), None)
            if (last is not None and not text[hit.start():hit.start("answer")].strip()
                    and last.group().lower() in self._rules.answers and self._answer(last.group())[0] != meaning
                    and self._listed_option(text, lo, last)):
                # "Pacemaker   Y   N": the options listed side by side with only spaces, none chosen
                stem = _Item("stem", lo, last.start())
                at, to = hit.span("answer")
                answer = _Item("answer", at, to, _Mark(at, to, False, self._rules.printed_choice_id), meaning,
                               answer_id)
            self._question(doc, stem, [answer], inside(stem.start, hit.end()))
            if opener >= 0 and meaning == "yes" and self._rules.option_named_id:
                self._named_option(doc, text, opener, close, answer, inside)
        for hit in self._rules.blank_leader.finditer(text):  # "Pacemaker .........": asked, not answered
            line_start = text.rfind("\n", 0, hit.start()) + 1
            if line_start in laid_out or line_start in marked:
                continue
            lo = max(line_start, hit.start() - self._rules.max_question)
            if not re.search(r"[^\W\d_]", text[lo:hit.start()]):
                continue
            blank = _Mark(hit.start(), hit.end(), False, self._rules.blank_leader_id)
            stem = _Item("stem", lo, hit.start())
            cause = _Item("answer", hit.start(), hit.end(), blank, "unknown", self._rules.blank_leader_id)
            self._question(doc, stem, [cause], inside(stem.start, hit.start()))
        return answered

    def _stem_stop(self, text: str, lo: int, hi: int) -> int:
        """The last stop in [lo, hi) before which a question's words cannot reach (a sentence's ".", a ";", a field
        separator "|": forms.yaml written_answers stem_stops), or -1. A stop inside a bracketed aside of the item
        (`stem_stop_asides`: "Neurostimulator (e.g. VNS, DBS) N", "(VNS; RNS; DBS)") ends no question."""
        asides = [a.span() for a in self._rules.stem_aside.finditer(text, lo, hi)]
        best = -1
        for stop in self._rules.stem_stops:
            at = text.rfind(stop, lo, hi)
            while at >= 0 and any(a < at < b for a, b in asides):
                at = text.rfind(stop, lo, at)
            best = max(best, at)
        return best

    def _named_option(self, doc: Doc, text: str, opener: int, close: int, answer: _Item, inside: Any) -> None:
        """An item that lists its options in brackets, answered Yes with a note that names some of them
        ("Neurostimulator (VNS / DBS / RNS / SCS) ...... Y - VNS, implanted 03/2021", "Implant (clip / coil / stent)
        ...... Y (coil 2019)"): the options the note names are the answer; the others are options not chosen and
        say nothing (`unticked`). With no option named, the line keeps its reading."""
        line_end = text.find("\n", answer.end)
        line_end = len(text) if line_end < 0 else line_end
        field = self._rules.next_item.search(text, answer.end, line_end)
        note = text[answer.end:field.start() if field is not None else line_end]
        spans: list[tuple[int, int]] = []
        at = opener + 1
        for cut in [*self._rules.option_separator.finditer(text, opener + 1, close), None]:
            end = cut.start() if cut is not None else close
            lead = self._rules.option_lead.match(text, at, end)
            lo = lead.end() if lead is not None else at
            option = text[lo:end].strip()
            if option:
                lo += text[lo:end].index(option)
                spans.append((lo, lo + len(option)))
            at = cut.end() if cut is not None else close
        named = [(lo, hi) for lo, hi in spans
                 if re.search(rf"(?<![\w-]){re.escape(text[lo:hi])}(?![\w-])", note, re.IGNORECASE)]
        if not named:
            return
        scope = _Item("stem", opener, close + 1)
        for target in inside(opener + 1, close):
            if not any(lo <= target.start_char and target.end_char <= hi for lo, hi in named):
                target._.modifiers = (self._modifier(doc, "unticked", self._rules.option_named_id, answer, scope),)

    def _pair_rows(self, text: str) -> list[re.Match[str]]:
        """The answers of rows that ask two things or more at once, joined by a slash ("Prior MRS / PET ........
        none / none", "Pacemaker / ICD: N / N"): at least one answer word, and not a printed choice ("Y / N")."""
        return [hit for hit in self._rules.paired.finditer(text) if self._pieces(hit) is not None]

    def _pieces(self, hit: re.Match[str]) -> list[_Item] | None:
        """The answers of a paired row in order (a date answers that the item was done: meaning yes); None for a
        row of dates only or a printed choice: answer words each capitalised in the printed order ("Yes / No")."""
        rules = self._rules
        pieces: list[_Item] = []
        for piece in rules.pair_piece.finditer(hit.string, hit.start("pair"), hit.end("pair")):
            word = piece.group("word")
            meaning = self._answer(word)[0] if word is not None else "yes"
            pieces.append(_Item("answer", piece.start(), piece.end(), None, meaning,
                                rules.pair_id if word is not None else None))
        words = [p for p in pieces if p.answer_id is not None]
        if not words:
            return None
        order = [_MEANINGS.index(p.meaning or "") for p in pieces]
        printed = len(words) == len(pieces) and order == sorted(set(order)) and all(
            hit.string[p.start].isupper() for p in pieces)
        return None if printed else pieces

    def _pair_items(self, lo: int, hi: int, targets: list[Span]) -> list[tuple[int, int]]:
        """The items of a paired row's question [lo, hi): split at the item joiners outside its targets ("PET/CT"
        is one), each item with a letter; the joiners between them are returned as the odd entries."""
        text = self._text
        cuts = [(m.start(), m.end()) for m in self._rules.item_joiner.finditer(text, lo, hi)
                if m.end() > m.start() and not any(t.start_char < m.end() and m.start() < t.end_char for t in targets)]
        spans: list[tuple[int, int]] = []
        pos = lo
        for a, b in cuts:
            if re.search(r"[^\W\d_]", text[pos:a]):
                if spans:
                    spans.append((spans[-1][1], pos))  # the joiner(s) since the previous item
                spans.append((pos, a))
            pos = b
        if re.search(r"[^\W\d_]", text[pos:hi]):
            if spans:
                spans.append((spans[-1][1], pos))
            spans.append((pos, hi))
        return spans

    def _paired_rows(self, text: str, inside: Any) -> list[tuple[int, int]]:
        """The answers of the paired rows with as many items as answers (the answers of "Prior MRS / PET: yes /
        no" are no printed choice, unlike those of "Pacemaker: yes / no")."""
        out = []
        for hit in self._pair_rows(text):
            line_start = text.rfind("\n", 0, hit.start()) + 1
            lo = max(line_start, hit.start() - self._rules.max_question)
            stop = self._stem_stop(text, lo, hit.start())
            start = self._question_start(stop + 1 if stop >= 0 else lo, hit.start())
            pieces = self._pieces(hit)
            if pieces is not None and len(self._pair_items(start, hit.start(), inside(start, hit.start()))[::2]) \
                    == len(pieces):
                out.append(hit.span("pair"))
        return out

    def _paired(self, doc: Doc, stem: _Item, hit: re.Match[str], inside: Any) -> None:
        """A row that asks two things or more at once and answers each in order ("Prior MRS / PET ....... none /
        none", "PET or MRS in the last 90 days? no / yes", "Prior MRS / PET: none / 10/02/2026"): with as many items
        as answers each item takes its own; answers that all mean the same answer every item; else the row is left
        as ConText read it."""
        pieces = self._pieces(hit)
        assert pieces is not None
        start = self._question_start(stem.start, stem.end)
        stem = _Item("stem", start, stem.end)
        targets = inside(start, stem.end)
        spans = self._pair_items(start, stem.end, targets)
        items, joiners = spans[::2], spans[1::2]
        if len(items) != len(pieces):
            if len({p.meaning for p in pieces}) == 1 and all(p.answer_id for p in pieces):
                self._question(doc, stem, pieces[:1], targets)  # "Pacemaker / ICD / clips: N / N": no to each
            return
        for (lo, hi), piece in zip(items, pieces, strict=True):
            apart = [*joiners, *((p.start, p.end) for p in pieces if p is not piece)]
            own = [t for t in targets if lo <= t.start_char < hi]
            for target in own:  # the joiners and the other items' answers say nothing of this item (": none")
                kept = tuple(m for m in target._.modifiers if not any(
                    a < doc[m.modifier_span[1] - 1].idx + len(doc[m.modifier_span[1] - 1])
                    and doc[m.modifier_span[0]].idx < b for a, b in apart))
                if len(kept) != len(target._.modifiers):
                    target._.modifiers = kept
            self._question(doc, stem, [piece], own)

    def _denied(self, doc: Doc, text: str, marked: dict[int, list[_Mark]], inside: Any,
                laid_out: dict[int, Any]) -> set[int]:
        """Questions answered by a sentence of denial ("Insulin pump: she has none", "Intravascular stents: patient
        has no stents", "Aneurysm clip: never had any"): answered No when the denial stands by itself or names the
        item again (a target of the item's concept); the starts of the lines that hold such an answer. A denial of
        something else ("ICD: no shocks since 2022") and a line of boxes or a table are left alone."""
        rules = self._rules
        answered: set[int] = set()
        if not rules.denial_id:
            return answered
        ends = sorted(self._written_ends)
        for hit in rules.denial.finditer(text):
            line_start = text.rfind("\n", 0, hit.start()) + 1
            if line_start in laid_out or line_start in marked:
                continue
            k = bisect_right(ends, hit.start())  # not past an earlier answer of the line ("Pacemaker: N - ...")
            floor = max(line_start, ends[k - 1] if k else line_start)
            lo = max(floor, hit.start() - rules.max_question)
            stop = self._stem_stop(text, lo, hit.start())
            lo = stop + 1 if stop >= 0 else lo
            items = inside(lo, hit.start())
            if not items or rules.denial_prose.search(text, lo, hit.start()):
                continue  # "The MRI answers the tumour question: no tumour" is a sentence, not a form's item
            end = hit.end()
            if hit.group("restating") is not None:
                line_end = text.find("\n", end)
                line_end = len(text) if line_end < 0 else line_end
                after = inside(end, line_end)
                if not after:
                    continue
                first = after[0]
                at = [t for t in after if t.start_char == first.start_char]
                named = max(at, key=lambda t: t.end_char)  # the longest target there is what is named
                gap = text[end:first.start_char]
                if (named.label_ not in {t.label_ for t in items} or len(gap.split()) > rules.denial_gap
                        or not re.fullmatch(r"[ \t]*(?:[^\W\d_][\w'-]*[ \t]+)*", gap)):
                    continue  # "ICD: no shocks since 2022": a denial of something else
                end = named.end_char
            group = "whole" if hit.group("whole") is not None else "restating"
            answer = _Item("answer", hit.start(group), end, None, "no", rules.denial_id)
            self._question(doc, _Item("stem", lo, hit.start()), [answer], items)
            answered.add(line_start)
        return answered

    def _asked(self, doc: Doc, text: str, taken: set[int], inside: Any) -> None:
        """A questionnaire's question alone on its line, closed by its "?" ("Is there a known or suspected brain
        tumor?", "3. New or worsening symptoms since the last study?"): answered by an answer word that starts the
        next line ("Yes - left frontal glioma", "No"), else it states nothing (unanswered). A rhetorical question
        ("Could this be a glioma?"), a differential ("... vs ...?") and a question under a clinical-question heading
        keep ConText's reading."""
        rules = self._rules
        if not rules.question_id or "?" not in text:
            return
        for line in re.finditer(r"(?m)^[^\n]*\?[ \t]*$", text):
            start, end = line.span()
            next_start = end + 1
            if start in taken or (next_start < len(text) and next_start in taken):
                continue
            item = rules.question_item.match(text, start, end)
            lo = item.end() if item is not None else start + len(line.group()) - len(line.group().lstrip())
            if rules.question_opener.match(text, lo, end) is None and (
                    item is None or rules.question_rhetorical.match(text, lo, end) is not None):
                continue
            above = text[text.rfind("\n", 0, start - 1) + 1:start - 1] if start else ""
            if rules.question_differential.search(text, lo, end) or rules.question_clinical_head.search(above):
                continue
            mark = text.rfind("?", lo, end)
            stem = _Item("stem", lo, mark + 1)
            targets = inside(lo, mark + 1)
            if not targets:
                continue
            next_end = text.find("\n", next_start) if next_start < len(text) else -1
            next_end = len(text) if next_end < 0 else next_end
            hit = rules.answer_start.match(text, next_start, next_end) if next_start < len(text) else None
            if hit is not None and re.match(r"[ \t]*(?:$|[-.,;:(])", text[hit.end():next_end]):
                meaning, answer_id = self._answer(hit.group(1))
                self._question(doc, stem, [_Item("answer", hit.start(1), hit.end(1), None, meaning, answer_id)],
                               targets)
                continue
            asked = _Mark(mark, mark + 1, False, rules.question_id)
            self._question(doc, stem, [_Item("answer", mark, mark + 1, asked, "unknown", rules.question_id)], targets)

    # ------------------------------------------------------------------ headings
    def _title(self, line: str, *, any_case: bool = False) -> tuple[int, int, bool] | None:
        """The heading a line is, as (start, end) in the line and whether its colon closes it: at most a few words,
        no digit and no denial, in capitals or closed by its colon ("SEIZURES", "PERIODIC DISCHARGES", "Tumor:"; in
        any case with `any_case`), with no list label before it."""
        rules = self._rules
        body = line.strip()
        colon = body.endswith(":")
        title = body[:-1].rstrip() if colon else body
        if not title or rules.heading_item.match(line) is not None \
                or not re.fullmatch(r"[^\W\d_][^\W\d_ \t/&,()'-]*(?:[ \t/&,()'-]+[^\W\d_]+)*[)]?", title):
            return None
        words = _WORD.findall(title)
        if not words or len(words) > rules.heading_max_words \
                or any(w.lower() in rules.heading_negations for w in words):
            return None
        if not colon and ((title.upper() != title and not any_case) or sum(c.isalpha() for c in title) < 2):
            return None
        start = line.find(title)
        return start, start + len(title), colon

    def _headed(self, doc: Doc, text: str, taken: Any, targets: list[Span]) -> None:
        """A heading alone on its line that names a finding (forms.yaml `headings`): a finding named in the content
        under it is the mention and the heading says nothing; a bare denial under it answers it No; with nothing
        under it, in a run of headings or closed by its colon, it says nothing; other content leaves it as read."""
        rules = self._rules
        if not rules.heading_id:
            return
        lines: dict[int, list[Span]] = {}
        for t in targets:
            if t.label_ in rules.heading_concepts:
                lines.setdefault(text.rfind("\n", 0, t.start_char) + 1, []).append(t)
        if not lines:
            return
        section_starts = {doc[s.title_span[0]].idx for s in doc._.sections
                          if s.category is not None and s.title_span[0] < len(doc)}

        def line_at(start: int) -> tuple[int, int]:
            end = text.find("\n", start)
            return start, len(text) if end < 0 else end

        def next_line(end: int) -> tuple[int, int] | None:
            """The next line with words after the line ending at `end`."""
            while end < len(text):
                lo, hi = line_at(end + 1)
                if text[lo:hi].strip():
                    return lo, hi
                end = hi
            return None

        def previous_line(start: int) -> tuple[int, int] | None:
            while start > 0:
                lo = text.rfind("\n", 0, start - 1) + 1
                if text[lo:start - 1].strip():
                    return lo, start - 1
                start = lo
            return None

        def heading(lo: int, hi: int) -> bool:
            return lo in section_starts or self._title(text[lo:hi]) is not None

        def bare_denial(lo: int, hi: int) -> bool:
            return rules.heading_none.fullmatch(text, lo, hi) is not None

        for line_start, heads in lines.items():
            if line_start in taken:
                continue
            lo, hi = line_at(line_start)
            below = next_line(hi)
            title = self._title(text[lo:hi])
            if title is None and below is not None and bare_denial(*below):
                title = self._title(text[lo:hi], any_case=True)  # "Seizures" / "None captured."
            if title is None:
                continue
            section = heads[0][0]._.section
            if section is not None and section.category in rules.heading_list_sections:
                continue  # "Problem list:" / "SEIZURES" / "HYPERTENSION": the entries of a list
            t_lo, t_hi = lo + title[0], lo + title[1]
            heads = [t for t in heads if t_lo <= t.start_char and t.end_char <= t_hi]
            if not heads:
                continue
            stem = _Item("stem", t_lo, t_hi)
            if below is not None and bare_denial(*below):
                word = text[below[0]:below[1]].strip().rstrip(".;").strip()
                at = text.find(word, below[0])
                self._question(doc, stem, [_Item("answer", at, at + len(word), None, "no", rules.heading_none_id)],
                               heads)
                continue
            if below is None or heading(*below):
                above = previous_line(lo)
                after = below is not None and below[0] in lines and self._title(text[below[0]:below[1]]) is not None
                run = title[2] or after or (above is not None and above[0] not in section_starts and (
                    self._title(text[above[0]:above[1]]) is not None or bare_denial(*above)))
                if run:
                    for t in heads:
                        t._.modifiers = (self._modifier(doc, "heading", rules.heading_empty_id, stem, stem),)
                continue
            # the content: its lines up to a blank line or the next heading (a few lines at most)
            named, (c_lo, c_hi) = False, below
            for _ in range(_HEADING_CONTENT_LINES):
                named = c_lo in lines
                if named or c_hi >= len(text):
                    break
                c_lo, c_hi = line_at(c_hi + 1)
                if not text[c_lo:c_hi].strip() or heading(c_lo, c_hi):
                    break
            if named:
                for t in heads:
                    t._.modifiers = (self._modifier(doc, "heading", rules.heading_content_id, stem, stem),)

    def _listed_option(self, text: str, lo: int, word: re.Match[str]) -> bool:
        """An answer word before the answer is a printed option of its own ("Pacemaker   Y   N"), unless it is an
        "unknown" that qualifies the item's last word ("Cardiac device, type unknown  Y": the label says the type
        is unknown; the item is answered Y)."""
        if self._answer(word.group())[0] != "unknown":
            return True
        before = text[lo:word.start()].rstrip()
        previous = next(reversed(list(_WORD.finditer(before))), None)
        return not (previous is not None and previous.end() == len(before)
                    and previous.group().lower() in self._rules.unknown_qualifies)

    def _choice(self, doc: Doc, item: _Item, options: list[_Item], targets: list[Span]) -> None:
        assert item.mark is not None
        if not item.mark.ticked:
            for target in targets:
                target._.modifiers = (self._modifier(doc, "unticked", item.mark.rule_id, item, item),)
            return
        others = [(o.start, o.end) for o in options if o is not item]
        for target in targets:  # a ticked option keeps its meaning: cues in the other options do not reach it
            kept = tuple(m for m in target._.modifiers if not any(
                lo <= doc[m.modifier_span[0]].idx < hi for lo, hi in others))
            if len(kept) != len(target._.modifiers):
                target._.modifiers = kept

    def _question_start(self, lo: int, hi: int) -> int:
        """Where the question in [lo, hi) starts: after the last header or clause boundary before it ("MRI safety:
        Pacemaker/ICD", "MRI 10/01/2026 - enhancement"), unless only answer words follow it ("symptoms?  Y / N");
        never inside a bracketed aside of the item ("Neurostimulator (e.g. VNS) N": forms.yaml stem_stop_asides)."""
        text = self._text
        asides = [a.span() for a in self._rules.stem_aside.finditer(text, lo, hi)]
        for cut in reversed([m.end() for m in _BOUNDARY.finditer(text, lo, hi)
                             if not any(a < m.start() < b for a, b in asides)]):
            if any(w.lower() not in self._rules.answers for w in _WORD.findall(text, cut, hi)):
                return cut
        return lo

    def _question(self, doc: Doc, stem: _Item, answers: list[_Item], targets: list[Span]) -> None:
        start = self._question_start(stem.start, stem.end)
        stem = _Item("stem", start, stem.end)
        targets = [t for t in targets if t.start_char >= start]
        ticked = [a for a in answers if a.mark is None or a.mark.ticked]
        meanings = {a.meaning for a in ticked}
        if len(meanings) > 1:
            return  # conflicting answers: the line is left as ConText read it
        if not meanings or meanings == {"unknown"}:
            cause = ticked[0] if ticked else answers[0]
            via = cause.answer_id if ticked else (cause.mark.rule_id if cause.mark else cause.answer_id)
            if meanings:
                # "pacemaker MRI compatibility: unknown": what is unknown is the clearance named after the device;
                # the device before it keeps its own reading
                clearance = next((t for t in targets if t.label_ in self._rules.clearance_subjects), None)
                if clearance is not None:
                    targets = [t for t in targets if t.end > clearance.start]
            for target in targets:
                target._.modifiers = (self._modifier(doc, "unanswered", via or "", cause, stem),)
            return
        answer = ticked[0]
        after = max(a.end for a in answers)
        if meanings == {"no"}:
            # "ICD - cleared for MRI: no", "VNS, approved for MRI? No.": what is denied is the clearance named after
            # the device; the device before it keeps its own reading (table tests/facts/test_clearance_not_given_facts.py)
            clearance = next((t for t in targets if t.label_ in self._rules.clearance_subjects), None)
            if clearance is not None:
                targets = [t for t in targets if t.end > clearance.start]
        text = self._text
        line_start = text.rfind("\n", 0, stem.start) + 1
        line_end = text.find("\n", after)
        line_end = len(text) if line_end < 0 else line_end

        def elsewhere(m: ConTextModifier) -> bool:
            """The cue belongs to another question of the line ("Pacemaker: No  Aneurysm clip: Yes")."""
            at = doc[m.modifier_span[0]].idx
            return line_start <= at < line_end and not stem.start <= at < after

        for target in targets:
            if meanings == {"yes"}:  # answered: the question's own "?" or "Y / N" hedges nothing
                kept = tuple(m for m in target._.modifiers if not elsewhere(m) and not (
                    m.category in _HEDGES and target.end_char <= doc[m.modifier_span[0]].idx < after))
            else:
                kept = tuple(m for m in target._.modifiers if m.category not in _SAYS_NOTHING and not elsewhere(m))
                kept += (self._modifier(doc, "answered_no", answer.answer_id or "", answer, stem),)
            if kept != target._.modifiers:
                target._.modifiers = kept

    def _modifier(self, doc: Doc, statement: str, via: str, cue: _Item, scope: _Item) -> ConTextModifier:
        rule_id, category = self._rules.statements[statement]
        key = (statement, via)
        if key not in self._context_rules:
            self._context_rules[key] = ConTextRule(literal=rule_id, category=category, direction="BIDIRECTIONAL",
                                                   metadata={"id": rule_id, "via": via})
        start, end = self._tokens(cue.mark.start if cue.mark else cue.start, cue.mark.end if cue.mark else cue.end)
        scope_start, scope_end = self._tokens(min(scope.start, cue.start), max(scope.end, cue.end))
        return ConTextModifier(self._context_rules[key], start, end, doc, scope_start=scope_start,
                               scope_end=scope_end)

    def _tokens(self, lo: int, hi: int) -> tuple[int, int]:
        """The tokens that cover the characters [lo, hi) (binary search over the token offsets)."""
        first = max(0, bisect_right(self._token_starts, lo) - 1)
        return first, max(first + 1, bisect_left(self._token_starts, hi))


@Language.factory("form_state", assigns=["span._.modifiers"])
def make_form_state(nlp: Language, name: str) -> FormState:
    return FormState(nlp, name)


__all__ = ["FORMS_FILE", "FormRules", "FormState", "form_rules"]
