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
from .context import Layout


@dataclass(frozen=True)
class DocumentRules:
    clinical_sections: frozenset[str]
    form_lines: tuple[tuple[str, re.Pattern[str]], ...]
    form_share: float


@cache
def document_rules() -> DocumentRules:
    raw = yaml.safe_load(resources.files("pipeline.facts.resources").joinpath("documents.yaml")
                         .read_text(encoding="utf-8"))
    lines = tuple((str(r["id"]), re.compile(str(r["regex"]))) for r in raw["form_lines"])
    share = float(raw["form_share"])
    if not 0 < share <= 1:
        raise ValueError("documents.yaml: form_share must be in (0, 1]")
    return DocumentRules(frozenset(raw["clinical_sections"]), lines, share)


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


def is_form_line(text: str, offset: int) -> bool:
    """Whether the line holding `offset` is a form field or a checkbox (not a short line: that needs its page)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)].replace("\f", "")
    return any(p.search(line) for rule_id, p in document_rules().form_lines if rule_id != "form.short_line")
