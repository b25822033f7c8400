"""A wrapped form row keeps its item's date and its answer, through the real NLP stage to the MRI safety fact.

In a checkbox/answer row whose item is answered Yes with a note that wraps onto the next line ("coronary stent  Y
DES x2" / "LAD 04/2023 | cochlear implant N"), the next field's answer is not the wrapped item's (forms.yaml
written_answers stem_stops, form_state._written), and a date at the continuation line's start, up to its first
field separator, is the item's date (facts cues dates.form_note_wraps and dates.form_note_wrap_end, read by
FactContext.date_of), so a stent on such a row is dated (recent: present; older than 6 weeks: absent) instead of
"date not documented" or negated.

Near misses: "Stent N | pacemaker N" and "Aneurysm clip: N" stay absent; "stent Y - placed 10/20/2026" stays
recent; "coronary stent N" / "(none)" absent; a Y item whose next field is Y keeps both present; a date on the next
line that is another field's ("Date of last MRI: 06/2020"), or under a blank line, is not the stent's; an undated
stent stays suspected.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, S, A = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT
HEAD = ("PRIOR AUTHORIZATION REQUEST\nDate of request: 11/24/2026\nService: MR spectroscopy, brain (76390)\n\n"
        "MRI SAFETY SCREEN\n")

# id: (form rows, expected mri_contraindication status, devices that must be among the fact's devices)
CASES: dict[str, tuple[str, FactStatus, set[str]]] = {
    "old-stent-dash-note": ("intravascular stent Y - carotid\nstent (Wallstent), placed 09/2024 | orthopedic "
                            "hardware N", A, set()),
    "old-stent-date-only-on-continuation": ("coronary stent  Y  DES x2\nLAD 04/2023 | cochlear implant N | other N",
                                            A, set()),
    "recent-stent-date-on-continuation": ("Coronary stent Y - DES to the\nLAD 11/02/2026 | pacemaker N", P,
                                          {"intravascular_stent"}),
    "recent-stent-colon-yes-word": ("Vascular stent: Yes - carotid, self-expanding\nplaced 10/30/2026 | ICD: No", P,
                                    {"intravascular_stent"}),
    "old-stent-bracket-note": ("stent Y  (femoral, bare metal\n2018) | cochlear implant N", A, set()),
    "clip-bracket-wrapped": ("Aneurysm clip: Y  (Yasargil,\n titanium, 2019) | Pacemaker: N", P, {"aneurysm_clip"}),
    "pump-leader-spaces": ("Insulin pump ..... Y (Omnipod,\nplaced 2021)   Cochlear implant ..... N", P,
                           {"insulin_pump"}),
    "old-stent-leader-spaces": ("Cardiac stent ..... Y - RCA\nstent 02/2020   Pacemaker ..... N", A, set()),
    "old-stent-month-in-words": ("Coronary stent Y - drug-eluting, two stents\nto the LAD, March 2021 | ICD N", A,
                                 set()),
    "recent-stent-indented": ("Peripheral stent  Y  iliac\n    stented 11/15/2026 | defibrillator N", P,
                              {"intravascular_stent"}),
    # ------------------------------------------------ near misses
    "near-both-no": ("Stent N | pacemaker N", A, set()),
    "near-recent-same-line": ("stent Y - placed 10/20/2026", P, {"intravascular_stent"}),
    "near-clip-no": ("Aneurysm clip: N", A, set()),
    "near-no-then-none": ("coronary stent N\n(none)", A, set()),
    "near-both-yes": ("Aneurysm clip Y | pacemaker Y", P, {"aneurysm_clip", "pacemaker"}),
    "near-next-line-other-field": ("coronary stent Y - DES\nDate of last MRI: 06/2020", S, {"intravascular_stent"}),
    "near-blank-line-between": ("coronary stent Y - DES\n\nMRI 06/2020 unremarkable.", S, {"intravascular_stent"}),
    "near-undated": ("coronary stent Y - DES, date unknown", S, {"intravascular_stent"}),
}


# rows whose stent is dated only by the wrapped note: the stent's evidence cites the cue
WRAP_DATED = {"old-stent-dash-note", "old-stent-date-only-on-continuation", "recent-stent-date-on-continuation",
              "recent-stent-colon-yes-word", "old-stent-leader-spaces", "old-stent-month-in-words",
              "recent-stent-indented"}


@pytest.mark.parametrize(("case", "rows", "status", "devices"), [(k, *v) for k, v in CASES.items()],
                         ids=CASES.keys())
def test_wrapped_form_row_answer_facts(analyze: object, case: str, rows: str, status: FactStatus,
                                       devices: set[str]) -> None:
    fact = facts_of(analyze, HEAD + rows + "\n").facts["mri_contraindication"]
    found = [(e.text, e.assertion, e.attributes) for e in fact.evidence]
    assert fact.status is status, found
    assert devices <= set(fact.attributes.get("device") or []), found
    cited = any("dates.form_note_wraps" in (e.attributes.get("cue") or "").split() for e in fact.evidence)
    assert cited is (case in WRAP_DATED), found
