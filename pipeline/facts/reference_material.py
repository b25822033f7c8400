"""Reference material in a packet: parts of the document that are not the patient's record (rules:
resources/documents.yaml `reference_material`).

A reference page (a patient-education leaflet, a protocol, order-set or monograph page, a page with a publisher's
copyright footer and no note of its own), a write-up's literature sections (Introduction, Discussion after a case
presentation, Learning points, References) and numbered citation lines review diseases in general and other
patients. The mapper sets their mentions aside like another patient's page's: they count for no fact and stay as
ignored evidence citing the rule id.

Limits: a reference page is only recognised by a mark (its heading in its first lines, or a copyright or publisher
footer); generic text pasted into a clinical note without such a mark or heading is read as the note; a literature
section runs to the next section header (a write-up's "Discussion" to the next header, or to the next note's opening).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..contracts import SectionSpan
from .context import Layout


@dataclass(frozen=True)
class _Mark:
    id: str
    kind: str  # "title" (in the page's first lines) or "footer" (anywhere, on a page with no note section)
    regex: re.Pattern[str]


@dataclass(frozen=True)
class ReferenceRules:
    title_lines: int
    marks: tuple[_Mark, ...]
    patient_field: re.Pattern[str]
    clinical_sections: frozenset[str]
    report_sections: frozenset[str]
    kept_lines: tuple[tuple[str, re.Pattern[str]], ...]
    sections: frozenset[str]
    write_up_opened_by: frozenset[str]
    write_up_until: frozenset[str]
    write_up_id: str
    write_up_headers: frozenset[str]
    citation_id: str
    citation: re.Pattern[str]


@cache
def reference_rules() -> ReferenceRules:
    raw = yaml.safe_load(resources.files("pipeline.facts.resources").joinpath("documents.yaml")
                         .read_text(encoding="utf-8"))["reference_material"]
    marks = tuple(_Mark(str(r["id"]), str(r["kind"]), re.compile(str(r["regex"]))) for r in raw["page_marks"])
    if any(m.kind not in {"title", "footer"} for m in marks):
        raise ValueError("documents.yaml: reference_material page mark kind must be title or footer")
    write_up, citation = raw["write_up_headers"], raw["citation_lines"]
    return ReferenceRules(
        int(raw["title_lines"]), marks, re.compile(str(raw["patient_field"])),
        frozenset(raw["clinical_sections"]), frozenset(raw["report_sections"]),
        tuple((str(r["id"]), re.compile(str(r["regex"]))) for r in raw["kept_lines"]),
        frozenset(raw["sections"]), frozenset(raw["write_up_opened_by"]), frozenset(raw["write_up_until"]),
        str(write_up["id"]), frozenset(str(h).lower() for h in write_up["headers"]),
        str(citation["id"]), re.compile(str(citation["regex"])))


def _lines(text: str) -> list[tuple[int, int]]:
    """The lines of the text (a form feed ends a line too: the page after it starts a new one)."""
    out, offset = [], 0
    for line in re.split(r"[\n\f]", text):
        out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out


def _page_mark(rules: ReferenceRules, lines: list[str], page_text: str, note_page: bool, report_page: bool
               ) -> str | None:
    """The id of the first mark that makes this page reference material, else None."""
    if rules.patient_field.search(page_text):
        return None
    first = [ln for ln in lines if ln.strip()][:rules.title_lines]
    for mark in rules.marks:
        if mark.kind == "title" and not report_page and any(mark.regex.search(ln.strip()) for ln in first):
            return mark.id
        if mark.kind == "footer" and not note_page and any(mark.regex.search(ln) for ln in lines):
            return mark.id
    return None


def _header_words(header: str) -> str:
    return re.sub(r"[\s:–—-]+$", "", re.sub(r"\s+", " ", header.strip().lower()))


def reference_spans(text: str, sections: Iterable[SectionSpan], layout: Layout) -> list[tuple[int, int, str]]:
    """The stretches of the text that are reference material, each with the rule id that found it."""
    rules = reference_rules()
    ordered = sorted(sections, key=lambda s: s.start)
    note_pages = {layout.page_of(s.start) for s in ordered if s.category in rules.clinical_sections}
    report_pages = {layout.page_of(s.start) for s in ordered if s.category in rules.report_sections}
    spans: list[tuple[int, int, str]] = []
    # pages
    by_page: dict[int | None, list[tuple[int, int]]] = {}
    for lo, hi in _lines(text):
        by_page.setdefault(layout.page_of(lo), []).append((lo, hi))
    for page, lines in by_page.items():
        if page is None:
            continue
        texts = [text[lo:hi] for lo, hi in lines]
        mark = _page_mark(rules, texts, "\n".join(texts), page in note_pages, page in report_pages)
        if mark is None:
            continue
        for (lo, hi), line in zip(lines, texts, strict=True):
            if not any(rx.search(line) for _id, rx in rules.kept_lines):
                spans.append((lo, hi + 1, mark))
    # a write-up's literature sections
    in_write_up = False
    for s in ordered:
        if s.category in rules.write_up_opened_by:
            in_write_up = True
        elif s.category in rules.write_up_until:
            in_write_up = False
        if s.category in rules.sections:
            spans.append((s.start, s.end, s.rule_id or "sec.literature"))
        elif in_write_up and _header_words(s.header) in rules.write_up_headers:
            spans.append((s.start, s.end, rules.write_up_id))
    # numbered citation lines
    for lo, hi in _lines(text):
        if rules.citation.search(text[lo:hi]):
            spans.append((lo, hi + 1, rules.citation_id))
    return sorted(spans)


def reference_rule_at(spans: list[tuple[int, int, str]], offset: int) -> str | None:
    """The rule id of the reference span holding `offset`, else None."""
    return next((rule for lo, hi, rule in spans if lo <= offset < hi), None)
