"""Which pages write numeric dates day first ("02/09/2026" is 2 September on a British letter).

Numeric dates are month first (US) unless the page says or shows otherwise; each page is read on its own, so a
British letter in a US packet does not turn the request form's dates around. A page is read day first when it
states the convention (`dates.day_first_stated`: "dates are dd/mm/yyyy"), or, with no statement, when its dates
show it (a first number above 12: `dates.day_above_twelve`; a date with its month in words beside it:
`dates.month_in_words_beside`) and none of them shows month first (a second number above 12, or the words). The
cues are in resources/cues.yaml.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..contracts import Mention
from .context import Layout
from .cues import cue
from .dates import DAY_FIRST, month_number

_STATED_DAY_FIRST = cue("dates.day_first_stated")
_STATED_MONTH_FIRST = cue("dates.month_first_stated")
_WORDS_BESIDE = cue("dates.month_in_words_beside")
_DAY_ABOVE_TWELVE = cue("dates.day_above_twelve")
_SECOND_ABOVE_TWELVE = cue("dates.second_above_twelve")
DATE_CONCEPTS = frozenset({"DATE", "REQUEST_DATE", "DOB"})


def day_first_pages(text: str, layout: Layout) -> dict[int | None, str]:
    """The pages that write dates day first, each with the id of the cue that shows it."""
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
    for page, cue_ids in shown.items():
        if page not in stated and page not in month_first:
            day_first[page] = cue_ids[0]
    return day_first


def read_date_order(mentions: Iterable[Mention], text: str, layout: Layout) -> list[Mention]:
    """The mentions, the dates on day-first pages marked `day_first` (the cue id) for mention_date."""
    pages = day_first_pages(text, layout)
    if not pages:
        return list(mentions)
    return [m.model_copy(update={"attrs": {**m.attrs, DAY_FIRST: pages[page]}})
            if m.concept in DATE_CONCEPTS and (page := layout.page_of(m.start)) in pages else m
            for m in mentions]
