"""A wrapped form row's next-field answer does not negate the continued item.

A checkbox/answer row whose first item is answered Yes with a note that wraps onto a second line ("intravascular
stent Y - carotid" / "stent (Wallstent), placed 09/2024 | orthopedic hardware N"): the next field's answer after a
field separator ("|", a run of spaces, a dot leader) is that field's, never an item's before the separator
(forms.yaml written_answers stem_stops: "|" ends a question's words like "." and ";"), and the wrapped note's tail
at the continuation line's start, up to the line's next field (written_answers next_fields), is no part of the
next question (form_state._written; statements form.answer.no / form.question.answered_no no longer reach it).

Near misses: "Stent N | pacemaker N" keeps both negated; "Aneurysm clip: N" and "coronary stent N" / "(none)" stay
negated; a Y item whose next field is Y keeps both; a continuation line that is a row of its own answers its own
item; the next field after the pipe keeps its No.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HYP, NONE = {"negated"}, {"hypothetical"}, set[str]()
AMONG = {"hypothetical", "uncertain", "negated"}
DEVICE = "MRI_CONTRAINDICATION"

# id: (text, mention text, expected modifiers among AMONG)
CASES: dict[str, tuple[str, str, set[str]]] = {
    # ------------------------------------------------ the wrapped note's item is not answered by the next field
    "dash-note-pipe": ("intravascular stent Y - carotid\nstent (Wallstent), placed 09/2024 | orthopedic hardware N\n",
                       "stent", NONE),
    "colon-yes-pipe-capital": ("Coronary stent: Y - drug-eluting\nstent to the LAD, 03/2022 | Pacemaker N\n",
                               "stent", NONE),
    "next-field-keeps-no": ("Coronary stent: Y - drug-eluting\nstent to the LAD, 03/2022 | Pacemaker N\n",
                            "Pacemaker", NEG),
    "clip-on-continuation": ("Intracranial clip Y - left MCA\naneurysm clip (2015) | cochlear implant N\n",
                             "aneurysm clip", NONE),
    "vns-abbreviation": ("Neurostimulator Y - left chest\nVNS, implanted 2018 | pacemaker N\n", "VNS", NONE),
    "pump-lower-case": ("Insulin pump Y - Omnipod\ninsulin pump on the upper arm | cochlear implant N\n",
                        "insulin pump", NONE),
    "two-fields-after": ("Stent Y - coronary\nstents x2 | Pacemaker N | ICD N\n", "stents", NONE),
    "leader-row-wrapped": ("Cardiac stent ..... Y - LAD\nstent 2021 | pacemaker ..... N\n", "stent", NONE),
    "indented-continuation": ("Implants  Y  right ICA\n   stent, placed 2020 | defibrillator N\n",
                              "stent", NONE),
    "british-spelling": ("Neurostimulator Y - spinal cord\nstimulator, titanium, implanted 2017 | cochlear implant N\n",
                         "cochlear implant", NEG),
    "same-line-pipe": ("intravascular stent (placed 2019) | cochlear implant N\n", "intravascular stent", NONE),
    "same-line-pipe-yes-first": ("Aneurysm clip: Y (2019) | Pacemaker: N\n", "Aneurysm clip", NONE),
    # ------------------------------------------------ near misses
    "near-both-no": ("Stent N | pacemaker N\n", "Stent", NEG),
    "near-both-no-second": ("Stent N | pacemaker N\n", "pacemaker", NEG),
    "near-clip-no": ("Aneurysm clip: N\n", "Aneurysm clip", NEG),
    "near-no-then-none": ("coronary stent N\n(none)\n", "coronary stent", NEG),
    "near-both-yes": ("Stent Y | pacemaker Y\n", "pacemaker", NONE),
    "near-both-yes-first": ("Stent Y | pacemaker Y\n", "Stent", NONE),
    "near-next-line-own-row": ("Stent Y - coronary\nPacemaker N\n", "Pacemaker", NEG),
    "near-no-note-next-row": ("pacemaker N\nICD N\n", "ICD", NEG),
    "near-same-line-pipe-no": ("Aneurysm clip: Y (2019) | Pacemaker: N\n", "Pacemaker", NEG),
}


@pytest.mark.parametrize(("text", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_wrapped_form_row_answers(mentions: Callable[[str], list[Mention]], text: str, span: str,
                                  expected: set[str]) -> None:
    check_mention(mentions, text, DEVICE, span, expected, among=AMONG)
