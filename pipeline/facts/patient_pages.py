"""Pages about another patient: a misfaxed or mis-scanned page in the member's packet (rules: resources/documents.yaml
`patient_pages`).

The member is the patient of the request form's patient field (else of the packet's first patient field), with the
date of birth on or just under that field. A page is another patient's when a patient field of its own names a
different patient and none names the member (`page.patient_field`, `page.name_field`), or when a note on it says
it was received in error or belongs to another patient (`page.received_in_error`; a note naming pages marks those).
A case report's, family study's or research page's subject field ("Index case:", "Proband:", "Subject:", "Affected
relative:"; `page.subject_field`) is a patient field too; a value of initials only is compared with the member's
initials (`page.subject_initials`) and DOB or birth year (`page.subject_birth_year`), and "the member" names the member.
A field whose name is only de-identification placeholders ("[**Known lastname 12**]", "<PERSON>", "XXXX",
"██████"; `deid.*` in `patient_pages.placeholders`) names nobody: neither the member nor another patient. When the
member's own field is one, a real name elsewhere cannot be compared with it (only a real date of birth can).
The mapper sets the mentions of such pages aside: they count for no fact and stay as ignored evidence that says
"another patient's page" and cites the rule. Names never leave this module (PHI): only page numbers and rule ids do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

import yaml

from ..contracts import Mention
from .context import Layout
from .dates import mention_date

_SAME_NAME_RATIO = 0.8
"""Two name words this alike (difflib ratio) are the same word read or typed once differently."""


@dataclass(frozen=True)
class _FieldRule:
    id: str
    regex: re.Pattern[str]
    needs: re.Pattern[str] | None
    heading: re.Pattern[str] | None
    itself: re.Pattern[str] | None  # a value that names the member without a name ("the member", "self")


@dataclass(frozen=True)
class _NoteRule:
    id: str
    regex: re.Pattern[str]
    unless_before: re.Pattern[str]
    pages: re.Pattern[str]


@dataclass(frozen=True)
class PatientPageRules:
    fields: tuple[_FieldRule, ...]
    name_end: re.Pattern[str]
    not_a_name: frozenset[str]
    clinician: re.Pattern[str]
    dob_field: re.Pattern[str]
    relative: re.Pattern[str]
    notes: tuple[_NoteRule, ...]
    initials: re.Pattern[str]
    birth_year: re.Pattern[str]
    placeholders: tuple[tuple[str, re.Pattern[str]], ...] = ()


@cache
def patient_page_rules() -> PatientPageRules:
    raw = yaml.safe_load(resources.files("pipeline.facts.resources").joinpath("documents.yaml")
                         .read_text(encoding="utf-8"))["patient_pages"]

    def opt(r: dict[str, str], key: str) -> re.Pattern[str] | None:
        return re.compile(r[key]) if key in r else None

    fields = tuple(_FieldRule(str(r["id"]), re.compile(r["regex"]), opt(r, "needs"), opt(r, "heading"),
                              opt(r, "itself")) for r in raw["fields"])
    notes = tuple(_NoteRule(str(r["id"]), re.compile(r["regex"]), re.compile(r["unless_before"]),
                            re.compile(r["pages"])) for r in raw["error_notes"])
    placeholders = tuple((str(r["id"]), re.compile(r["regex"])) for r in raw.get("placeholders", []))
    return PatientPageRules(fields, re.compile(raw["name_end"]), frozenset(str(w) for w in raw["not_a_name"]),
                            re.compile(raw["clinician"]), re.compile(raw["dob_field"]), re.compile(raw["relative"]),
                            notes, re.compile(raw["initials"]["regex"]), re.compile(raw["birth_year"]["regex"]),
                            placeholders)


@dataclass(frozen=True)
class _Name:
    surname: tuple[str, ...]  # the surname's words (a hyphenated surname split), lower case
    words: tuple[str, ...]    # every word of two letters or more
    squeezed: str             # all letters, no spaces: "brennanharoldj"
    initials: frozenset[str] = frozenset()  # the first letter of every word, initials included: {"b", "h", "j"}


@dataclass(frozen=True)
class _Field:
    page: int
    rule: str
    name: _Name | None
    dob: date | None
    member_label: bool
    initials: str | None = None   # an initials-only value ("A. N."), lower case letters: "an"
    birth_year: int | None = None  # "born 1979" on the field's line
    itself: bool = False          # the value names the member without a name ("Index case: the member")
    placeholder: bool = False  # the name is a de-identification placeholder: nobody known (`deid.*`)


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _read_name(value: str, rules: PatientPageRules) -> _Name | None:
    """The name at the start of a field's value; None when the value is no patient's name (a clinician, a word such
    as "Yes" or "none", prose)."""
    if rules.clinician.search(value[:60]):
        return None
    cut = rules.name_end.search(value)
    raw = (value[:cut.start()] if cut else value).strip(" ,.:-")
    if not raw or len(raw) > 60:
        return None
    words = [w for w in re.split(r"[\s,]+", raw) if w]
    if len(words) > 5 or any(not w[0].isupper() for w in words if w[0].isalpha()):
        return None  # prose ("Pt: tolerated the procedure")
    comma = "," in raw
    parts = raw.split(",", 1)[0] if comma else None
    tokens = [t.lower() for t in _WORD.findall(raw) if t.lower() not in rules.not_a_name]
    long_tokens = tuple(t for t in tokens if len(t) >= 2)
    if not long_tokens:
        return None
    if parts is not None:
        surname = tuple(t.lower() for t in _WORD.findall(parts) if len(t) >= 2 and t.lower() not in rules.not_a_name)
    else:
        surname = ()
        last = next((w for w in reversed(raw.split()) if len(_WORD.findall(w)) and
                     any(len(t) >= 2 and t.lower() not in rules.not_a_name for t in _WORD.findall(w))), "")
        surname = tuple(t.lower() for t in _WORD.findall(last) if len(t) >= 2)
    if not surname:
        return None
    return _Name(surname, long_tokens, "".join(tokens), frozenset(t[0] for t in tokens))


def _read_initials(value: str, rules: PatientPageRules) -> str | None:
    """The initials at the start of a field's value ("A. N.", "T.K.", "DF,"), lower case letters; None when the value
    starts with no initials."""
    hit = rules.initials.match(value)
    if hit is None:
        return None
    letters = "".join(c for c in hit["initials"] if c.isalpha()).lower()
    return None if letters in rules.not_a_name else letters


_PLACEHOLDER_GAP = re.compile(r"[\s,.;:-]*")


def _placeholder_end(value: str, rules: PatientPageRules) -> int:
    """Where the run of de-identification placeholders at the start of a field's value ends ("[**Known lastname
    12**], [**Known firstname 3**]", "<PERSON>", "XXXX XXXX", "██████ ██"); 0 when it opens with none."""
    end, pos = 0, 0
    while True:
        gap = _PLACEHOLDER_GAP.match(value, pos)
        at = gap.end() if gap else pos
        hit = next((m for _, r in rules.placeholders if (m := r.match(value, at)) and m.end() > at), None)
        if hit is None:
            return end
        end = pos = hit.end()


def _alike(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= _SAME_NAME_RATIO)


def same_person(a: _Name, b: _Name) -> bool:
    """Whether two names may be the same person: a surname word of one is a word of the other (name order, initials,
    a middle name, one half of a hyphenated surname, case), also read once differently, or its letters run inside
    the other's (spacing)."""
    for x, y in ((a, b), (b, a)):
        if any(_alike(s, w) for s in x.surname for w in y.words):
            return True
        if any(len(s) >= 3 and s in y.squeezed for s in x.surname):
            return True
    return False


def _misread_dob(a: date, b: date) -> bool:
    """Two dates of birth one digit apart, or the same with day and month swapped: one DOB read twice."""
    x, y = a.strftime("%Y%m%d"), b.strftime("%Y%m%d")
    return sum(1 for p, q in zip(x, y, strict=True) if p != q) <= 1 or (a.year == b.year and a.month == b.day
                                                                       and a.day == b.month)


def _lines(text: str, layout: Layout) -> list[tuple[int, int, int | None]]:
    out = []
    offset = 0
    for line in text.split("\n"):
        out.append((offset, offset + len(line), layout.page_of(offset) if line.strip() else None))
        offset += len(line) + 1
    return out


def _fields(text: str, lines: list[tuple[int, int, int | None]], dobs: list[Mention],
            rules: PatientPageRules) -> list[_Field]:
    def dob_in(lo: int, hi: int, *, leading: bool) -> date | None:
        for m in dobs:
            if lo <= m.start < hi and (not leading or not text[lo:m.start].strip(" \t\f")):
                return mention_date(m)
        return None

    out: list[_Field] = []
    for k, (lo, hi, page) in enumerate(lines):
        if page is None:
            continue
        line = text[lo:hi].replace("\f", "")
        nxt = next(((a, b) for a, b, p in lines[k + 1:k + 3] if p is not None), None)
        found = False
        for rule in rules.fields:
            hit = rule.regex.search(line)
            if hit is None:
                continue
            before = line[:hit.start()]
            if rules.relative.search(before[-30:]) and "|" not in before[-30:]:
                continue  # "Referring physician    Name: ..."
            if rule.needs is not None and not rule.needs.search(line[hit.start("value"):]):
                above = next((text[a:b] for a, b, p in reversed(lines[max(0, k - 2):k]) if p is not None), "")
                if rule.heading is None or not rule.heading.match(above.replace("\f", "")):
                    continue
            born = dob_in(lo, hi, leading=False)
            if born is None and nxt is not None:
                born = dob_in(nxt[0], nxt[1], leading=True)
            if rule.itself is not None and rule.itself.match(hit["value"]):
                out.append(_Field(page, rule.id, None, None, False, itself=True))
                found = True
                break
            value = hit["value"]
            placeholder = False
            if cut := _placeholder_end(value, rules):
                rest = value[cut:]
                placeholder = not rest.strip(" ,.:;-") or rules.name_end.match(rest) is not None
                value = rest
            initials = None if placeholder else _read_initials(value, rules)
            name = None if placeholder or initials else _read_name(value, rules)
            year = rules.birth_year.search(hit["value"])
            if name is None and initials is None and not placeholder and (rule.itself is None or born is None):
                continue  # a subject field with neither name nor initials counts only by its DOB
            member = "member" in hit.group(0).lower()
            out.append(_Field(page, rule.id, name, born, member, initials, int(year[1]) if year else None,
                              placeholder=placeholder))
            found = True
            break
        if not found and rules.dob_field.match(line) and not rules.relative.search(line):
            born = dob_in(lo, hi, leading=True)
            if born is not None:
                out.append(_Field(page, "page.patient_field", None, born, False))
    return out


def _member(fields: list[_Field], form_pages: set[int]) -> tuple[_Name | None, date | None, int | None]:
    """The member's name, date of birth and the page that names them."""
    named = [f for f in fields if f.name is not None or f.placeholder]
    first = next((f for f in named if f.page in form_pages or f.member_label), named[0] if named else None)
    if first is None:
        dated = next((f for f in fields if f.dob is not None), None)
        return None, dated.dob if dated else None, dated.page if dated else None
    born = first.dob or next((f.dob for f in fields if f.page == first.page and f.dob is not None), None)
    member = first.name
    if member is None:  # a de-identified member: nobody's name to compare, only a real date of birth
        return None, born, first.page
    if born is None:  # the DOB of a later field that names the member
        born = next((f.dob for f in named if f.dob is not None and f.name is not None
                     and same_person(f.name, member)), None)
    return member, born, first.page


def _verdict(f: _Field, name: _Name | None, born: date | None) -> bool | None:
    """True: the field names another patient; False: it names the member; None: it cannot tell."""
    if f.itself:
        return False
    if f.initials is not None and name is not None:
        # initials: the member's when each is an initial of the member's name, one of them the surname's
        if not (set(f.initials) <= name.initials and any(s[0] in f.initials for s in name.surname)):
            return True
        if f.dob is not None and born is not None:
            return f.dob != born and not _misread_dob(f.dob, born)
        if f.birth_year is not None and born is not None:
            return f.birth_year != born.year
        return None  # initials alone: may be the member
    if f.name is not None and name is not None:
        if same_person(f.name, name):
            return f.dob is not None and born is not None and f.dob != born and not _misread_dob(f.dob, born)
        return not (f.dob is not None and born is not None and f.dob == born)  # a changed or misread name
    if f.dob is not None and born is not None:
        return f.dob != born
    return None


def other_patient_pages(text: str, mentions: Iterable[Mention], layout: Layout,
                        form_pages: set[int] | None = None, ocr_pages: set[int] | None = None) -> dict[int, str]:
    """The pages about another patient than the member, each with the id of the rule that found it. A page whose
    text OCR read (`ocr_pages`) is never set aside by its patient field, whose name or date of birth may be misread;
    only a note that it was received in error sets it aside."""
    rules = patient_page_rules()
    lines = _lines(text, layout)
    dobs = sorted((m for m in mentions if m.concept == "DOB"), key=lambda m: m.start)
    fields = _fields(text, lines, dobs, rules)
    name, born, member_page = _member(fields, form_pages or set())
    out: dict[int, str] = {}
    pages = sorted({f.page for f in fields})
    for page in pages:
        if page == member_page or page in (ocr_pages or set()):
            continue
        verdicts = [(_verdict(f, name, born), f.rule) for f in fields if f.page == page]
        if any(v is False for v, _ in verdicts):
            continue
        other = next((r for v, r in verdicts if v), None)
        if other is not None:
            out[page] = other
    for rule in rules.notes:
        for hit in rule.regex.finditer(text):
            if rule.unless_before.search(text[max(0, hit.start() - 160):hit.start()]):
                continue  # "If you have received this fax in error, ..."
            lo = max(text.rfind("\n", 0, hit.start()), text.rfind(".", 0, hit.start())) + 1
            hi = min(i for i in (text.find("\n", hit.end()), text.find(".", hit.end()), len(text)) if i >= 0)
            named = [n for p in rule.pages.finditer(text[lo:hi])
                     for n in range(int(p[1]), int(p[2] or p[1]) + 1)][:50]  # "page 3", "pages 3-4"
            if named:
                out.update({n: rule.id for n in named if n != member_page and n not in out})
                continue
            at = layout.page_of(hit.start())
            if at is not None and at != member_page and at not in out:
                out[at] = rule.id
    return out
