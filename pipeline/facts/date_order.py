"""Which pages write numeric dates day first ("02/09/2026" is 2 September on a British letter).

Numeric dates are month first (US) unless the document says or shows otherwise. A page shows its own order: it
states the convention (`dates.day_first_stated`: "dates are dd/mm/yyyy"), or, with no statement, its dates show it
(a first number above 12: `dates.day_above_twelve`; a date with its month in words beside it:
`dates.month_in_words_beside`; the letter's or request's own date written day first in words, "Date of referral:
05 November 2026": `dates.request_date_in_words`) and none of them shows month first (a second number above 12,
or the words). The order is then a decision for the whole document: a page that shows neither order takes the
day-first order of another page (cue `dates.document_day_first`), unless a clinical page shows month first, or it
is a request-form page (a US form in front of a British letter keeps its own month-first dates). The cues are in
resources/cues.yaml.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from ..contracts import Mention, SectionSpan, TransmissionLine
from .context import Layout
from .cues import cue
from .dates import DAY_FIRST, month_number, parse_date
from .documents import request_form_pages

_STATED_DAY_FIRST = cue("dates.day_first_stated")
_STATED_MONTH_FIRST = cue("dates.month_first_stated")
_WORDS_BESIDE = cue("dates.month_in_words_beside")
_DAY_ABOVE_TWELVE = cue("dates.day_above_twelve")
_SECOND_ABOVE_TWELVE = cue("dates.second_above_twelve")
_REQUEST_IN_WORDS = cue("dates.request_date_in_words")
_DOCUMENT = cue("dates.document_day_first")
DATE_CONCEPTS = frozenset({"DATE", "REQUEST_DATE", "DOB"})
_NUMERIC = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{2,4}(?![\d/])"
                      r"|(?<![\w./])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\d|\.\d)")


def _page_orders(text: str, layout: Layout) -> tuple[dict[int | None, str], set[int | None]]:
    """Each page's own order: the pages that show day first (with the cue that shows it), and those that show
    month first."""
    day_first: dict[int | None, str] = {}
    month_first: set[int | None] = set()
    stated: dict[int | None, bool] = {}
    for found in _STATED_DAY_FIRST.regex.finditer(text):
        stated.setdefault(layout.page_of(found.start()), True)
    for found in _STATED_MONTH_FIRST.regex.finditer(text):
        stated[layout.page_of(found.start())] = False
    shown: dict[int | None, list[str]] = defaultdict(list)
    for found in _DAY_ABOVE_TWELVE.regex.finditer(text):
        shown[layout.page_of(found.start())].append(_DAY_ABOVE_TWELVE.id)
    for found in _REQUEST_IN_WORDS.regex.finditer(text):
        shown[layout.page_of(found.start())].append(_REQUEST_IN_WORDS.id)
    for found in _SECOND_ABOVE_TWELVE.regex.finditer(text):
        month_first.add(layout.page_of(found.start()))
    for found in _WORDS_BESIDE.regex.finditer(text):
        a, b = int(found["a"]), int(found["b"])
        day = int(found["day"] or found["day2"])
        month = month_number(found["month"] or found["month2"] or "")
        if month is None or a == b:
            continue
        page = layout.page_of(found.start())
        if (a, b) == (day, month):
            shown[page].append(_WORDS_BESIDE.id)
        elif (a, b) == (month, day):
            month_first.add(page)
    for page, says_day_first in stated.items():
        if says_day_first:
            day_first[page] = _STATED_DAY_FIRST.id
        else:
            month_first.add(page)
    for page, cue_ids in shown.items():
        if page not in stated and page not in month_first:
            day_first[page] = cue_ids[0]
    return day_first, month_first


def document_day_first(text: str, layout: Layout, sections: Iterable[SectionSpan] = ()) -> bool:
    """Some page shows day first and no clinical (non-form) page shows month first."""
    day_first, month_first = _page_orders(text, layout)
    return bool(day_first) and not month_first - request_form_pages(text, sections, layout)


def day_first_pages(text: str, layout: Layout, sections: Iterable[SectionSpan] = ()) -> dict[int | None, str]:
    """The pages that read dates day first, each with the id of the cue that shows it (see the module
    docstring)."""
    day_first, month_first = _page_orders(text, layout)
    if not day_first:
        return day_first
    forms = request_form_pages(text, sections, layout)
    if month_first - forms:
        return day_first
    pages = {layout.page_of(found.start()) for found in _NUMERIC.finditer(text)}
    for page in pages - forms - month_first - set(day_first):
        day_first[page] = _DOCUMENT.id
    return day_first


def read_date_order(mentions: Iterable[Mention], text: str, layout: Layout,
                    sections: Iterable[SectionSpan] = ()) -> list[Mention]:
    """The mentions, the dates on day-first pages marked `day_first` (the cue id) for mention_date."""
    pages = day_first_pages(text, layout, sections)
    if not pages:
        return list(mentions)
    return [m.model_copy(update={"attrs": {**m.attrs, DAY_FIRST: pages[page]}})
            if m.concept in DATE_CONCEPTS and (page := layout.page_of(m.start)) in pages else m
            for m in mentions]


def transmission_date(line: TransmissionLine, day_first: bool) -> date | None:
    """A fax header's date, read day first in a document that reads dates day first ("05/11/2026 10:14 FROM ..."
    on a British packet is 5 November)."""
    if day_first and (found := _NUMERIC.search(line.text)):
        return parse_date(found[0], day_first=True)
    return parse_date(line.date) if line.date else None
