"""Which pages of a packet are request forms (what is asked) and which are clinical documentation.

The rules are data: resources/documents.yaml. Used by the mapper to resolve the facts a second time from
clinical documentation alone, which the approval guard in pipeline/criteria/decide.py compares with.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..contracts import SectionSpan
from ..nlp.icd10cm import is_icd10cm
from .context import Layout


@dataclass(frozen=True)
class DocumentRules:
    clinical_sections: frozenset[str]
    form_lines: tuple[tuple[str, re.Pattern[str]], ...]
    form_share: float
    administrative_sections: frozenset[str]
    administrative_until: frozenset[str]
    request_label: re.Pattern[str]
    request_continuation: re.Pattern[str]
    request_fields: tuple[tuple[str, re.Pattern[str]], ...]
    code_line: re.Pattern[str]
    code_line_kept: re.Pattern[str]


@cache
def document_rules() -> DocumentRules:
    raw = yaml.safe_load(resources.files("pipeline.facts.resources").joinpath("documents.yaml")
                         .read_text(encoding="utf-8"))
    lines = tuple((str(r["id"]), re.compile(str(r["regex"]))) for r in raw["form_lines"])
    share = float(raw["form_share"])
    if not 0 < share <= 1:
        raise ValueError("documents.yaml: form_share must be in (0, 1]")
    fields = raw["request_fields"]
    return DocumentRules(frozenset(raw["clinical_sections"]), lines, share,
                         frozenset(raw.get("administrative_sections") or ()),
                         frozenset(raw.get("administrative_until") or ()),
                         re.compile(str(fields["label"])), re.compile(str(fields["continuation"])),
                         tuple((str(r["id"]), re.compile(str(r["regex"]))) for r in fields["rules"]),
                         re.compile(str(raw["code_lines"]["regex"])), re.compile(str(raw["code_lines"]["kept_headers"])))


def request_form_pages(text: str, sections: Iterable[SectionSpan], layout: Layout) -> set[int]:
    """Pages with no clinical section whose non-blank lines are mostly form fields (see documents.yaml)."""
    rules = document_rules()
    clinical = {layout.page_of(s.start) for s in sections if s.category in rules.clinical_sections}
    lines: dict[int, list[str]] = defaultdict(list)
    offset = 0
    for line in text.split("\n"):
        page = layout.page_of(offset) if line.strip() else None
        if page is not None:
            lines[page].append(line.replace("\f", ""))
        offset += len(line) + 1
    forms = set()
    for page, page_lines in lines.items():
        if page in clinical:
            continue
        fields = sum(1 for line in page_lines if any(p.search(line) for _, p in rules.form_lines))
        if fields >= rules.form_share * len(page_lines):
            forms.add(page)
    return forms


def administrative_spans(sections: Iterable[SectionSpan], layout: Layout, text_length: int
                         ) -> list[tuple[int, int]]:
    """The stretches of a coding or CDI record (documents.yaml `administrative_sections`): from its heading to the
    next letter's or note's opening (`administrative_until`) or the end of its page, whichever comes first."""
    rules = document_rules()
    ordered = sorted(sections, key=lambda s: s.start)
    out: list[tuple[int, int]] = []
    for i, s in enumerate(ordered):
        if s.category not in rules.administrative_sections or (out and out[-1][0] <= s.start < out[-1][1]):
            continue
        page = layout.page_of(s.start)
        end = next((o.start for o in ordered[i + 1:] if o.category in rules.administrative_until), text_length)
        out.append((s.start, _page_end(layout, page, s.start, end)))
    return out


def _page_end(layout: Layout, page: int | None, start: int, end: int) -> int:
    """The first offset after `start` (before `end`) on another page than `page` (else `end`)."""
    lo, hi = start, end
    if layout.page_of(max(hi - 1, lo)) == page:
        return end
    while lo < hi:  # the page of an offset never decreases: the first offset past the page
        mid = (lo + hi) // 2
        if layout.page_of(mid) == page:
            lo = mid + 1
        else:
            hi = mid
    return lo


def request_field_spans(text: str) -> list[tuple[int, int, str]]:
    """The request's own fields on any page (documents.yaml `request_fields`): a field whose label says it holds the
    codes submitted with the request or that non-clinical staff filled it, from its label to its line's end, and the
    code or checkbox lines right under a label with no value. Each span carries the id of the rule that found it."""
    rules = document_rules()
    out: list[tuple[int, int, str]] = []
    for m in rules.request_label.finditer(text):
        rule_id = next((rid for rid, p in rules.request_fields if p.search(m.group("label"))), None)
        if rule_id is None:
            continue
        end = m.end()
        if not m.group("value").strip():
            while end < len(text):
                nxt = text.find("\n", end + 1)
                line = text[end + 1:nxt if nxt >= 0 else len(text)].replace("\f", "")
                if not rules.request_continuation.search(line):
                    break
                end = nxt if nxt >= 0 else len(text)
        out.append((m.start("label"), end, rule_id))
    return out


FORM_SECTIONS = frozenset({"request", "diagnosis"})
"""Sections whose field and checkbox lines are the request form's (a diagnosis line only where it is the form's: see
`form_field_spans`)."""


def form_field_spans(sections: Iterable[SectionSpan], layout: Layout) -> list[tuple[int, int]]:
    """The sections whose field lines are the request form's: request sections, and diagnosis sections unless the
    section before them on their page is a clinical one or a letter's or note's opening (documents.yaml
    `clinical_sections`): "Progress note ... HPI: ... Dx: glioblastoma" is the note's own diagnosis line."""
    clinical = document_rules().clinical_sections
    out: list[tuple[int, int]] = []
    before: SectionSpan | None = None  # the last section that is not a diagnosis list
    for s in sorted(sections, key=lambda s: s.start):
        if s.category == "diagnosis":
            in_note = (before is not None and before.category in clinical
                       and layout.page_of(before.start) == layout.page_of(s.start))
            if not in_note:
                out.append((s.start, s.end))
            continue
        before = s
        if s.category in FORM_SECTIONS:
            out.append((s.start, s.end))
    return out


def code_line_spans(text: str, sections: Iterable[SectionSpan], layout: Layout) -> list[tuple[int, int]]:
    """The lines that are an ICD-10-CM code with its description (documents.yaml `code_lines`) outside a note's own
    sections: not in a clinical section, nor in a diagnosis list that is the note's (`form_field_spans`) or a problem
    list. They are the request's or order's codes."""
    rules = document_rules()
    ordered = sorted(sections, key=lambda s: s.start)
    forms = form_field_spans(ordered, layout)
    out: list[tuple[int, int]] = []
    for m in rules.code_line.finditer(text):
        if not is_icd10cm(m.group("code")):
            continue
        section = next((s for s in reversed(ordered) if s.start <= m.start() < s.end), None)
        if section is not None and (section.category in rules.clinical_sections
                                    or (section.category == "diagnosis"
                                        and (rules.code_line_kept.search(section.header)
                                             or not any(lo <= m.start() < hi for lo, hi in forms)))):
            continue
        out.append((m.start(), m.end()))
    return out


def is_form_line(text: str, offset: int) -> bool:
    """Whether the line holding `offset` is a form field or a checkbox (not a short line: that needs its page)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)].replace("\f", "")
    return any(p.search(line) for rule_id, p in document_rules().form_lines if rule_id != "form.short_line")
