"""A screening questionnaire laid out as answer columns is answered by the column its mark sits under, also when
the header brackets its answer words or ends on a free-text column (through the real NLP stage to the facts).

Class: a questionnaire table whose header line names its answer columns ("Y   N   Comment", "Yes  No  Unsure
Notes", "[Y]  [N]", "(Y)  (N)") and whose rows are answered by a mark ("X", "x", a check mark) placed under one
column by its horizontal position ("6.  Pacemaker / heart device?          X" with the X under N). Rules
(pipeline/nlp/resources/forms.yaml `columns`, read by pipeline/nlp/form_state.py; statements cite
`form.mark.column_tick` under "via"):

1. A header may end on a free-text column (`columns.note_headers`: Comment, Notes, Details, "If yes, ...") after
   its answer words: the answers are still the columns; a mark under N/No negates the row
   (`form.question.answered_no`), under Y/Yes affirms it; a row with no mark is unanswered (says nothing, not a
   suspicion); what the row writes under the free-text column is its note, read by the other rules.
2. A header's answer words may stand in brackets (`columns.brackets`: "[Y]  [N]", "[ Yes ]  [ No ]", "(Y)  (N)").
3. The mark may drift a character or two from the centre of its column.

Near misses that keep their reading: an X under Y (present); inline answers ("Pacemaker? N", "Pacemaker: Yes");
a "[X] Pacemaker   [ ] None" box form; a question mark in free text ("? pacemaker - pt unsure", suspected); rows
with no answer header above them (the mark is not placed: the item keeps its plain reading); a header whose columns
run "N  Y" (the columns, not their order, decide).

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import re

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MRI = "mri_contraindication"


def grid(header: str, *rows: tuple[str, str | None] | tuple[str, str | None, str] | tuple[str, str | None, str, str],
         drift: int = 0) -> str:
    """The header line, then each row: its label, the header cell its mark sits under (None: no mark), the mark
    ("X" unless given) and a note written under the header's last column (none unless given)."""
    lines = [header]
    last = list(re.finditer(r"\S+", header))[-1].start()
    for label, cell, *rest in rows:
        mark = rest[0] if rest else "X"
        note = rest[1] if len(rest) > 1 else ""
        line = label
        if cell is not None:
            found = list(re.finditer(rf"(?<!\S){re.escape(cell)}(?!\S)", header))[-1]
            at = found.start() + (len(cell) - 1) // 2 - (len(mark) - 1) // 2 + drift
            assert len(label) <= at - 2, (label, cell)
            line = label.ljust(at) + mark
        if note:
            line = line.ljust(max(last, len(line) + 2)) + note
        lines.append(line)
    return "\n".join(lines) + "\n"


SAFETY = "MRI SAFETY SCREEN                   Y   N   Comment"
NEURO = "Neurological history                Yes   No   Comments"
BRACKETS = "Implant checklist                  [Y]  [N]"

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    # 1. a header ending on a free-text column: the mark under N negates, under Y affirms, none leaves it open
    ("comment column, numbered device question under N", grid(SAFETY, ("6.  Pacemaker / heart device?", "N")),
     {MRI: A}),
    ("comment column, aneurysm clip under N", grid(SAFETY, ("Aneurysm clip", "N")), {MRI: A}),
    ("comment column, lower-case x under N", grid(SAFETY, ("cochlear implant", "N", "x")), {MRI: A}),
    ("comment column, check mark under N", grid(SAFETY, ("Neurostimulator (DBS / VNS)", "N", "\u2713")), {MRI: A}),
    ("comment column, heavy check under N", grid(SAFETY, ("Intracranial stent", "N", "\u2714")), {MRI: A}),
    ("comment column, all devices under N", grid(SAFETY, ("1. Cardiac pacemaker / ICD", "N"), ("2. Aneurysm clip",
     "N"), ("3. Cochlear implant", "N"), ("4. Neurostimulator", "N")), {MRI: A}),
    ("Comments column, Yes No header", grid("Implanted devices                   Yes   No   Comments",
                                            ("PACEMAKER", "No")), {MRI: A}),
    ("Notes column, Yes No Unsure header", grid("Screening question           Yes  No  Unsure  Notes",
                                                ("Deep brain stimulator", "No")), {MRI: A}),
    ("Details column, numbered with a bracket", grid("Metal / implant screen          Y    N    Details",
                                                     ("Q4) Programmable VP shunt", "N")), {MRI: A}),
    ("If yes column", grid("Implants                        Y    N    If yes, type and date",
                           ("Vagus nerve stimulator", "N")), {MRI: A}),
    ("Remarks column, wide spacing", grid("Device screen                       Y        N        Remarks",
                                          ("Coronary stent", "N")), {MRI: A}),
    ("drift of one to the right", grid(SAFETY, ("Implanted defibrillator (ICD)", "N"), drift=1), {MRI: A}),
    ("drift of one to the left", grid(SAFETY, ("Cochlear implant", "N"), drift=-1), {MRI: A}),
    ("seizure history under No", grid(NEURO, ("Seizure history", "No")), {"seizures": A}),
    ("seizures under N, comment column", grid("Neuro review                        Y   N   Comment",
                                              ("Seizures / convulsions", "N")), {"seizures": A}),
    ("brain tumour under No", grid(NEURO, ("Known brain tumour", "No")), {"brain_neoplasm": A}),
    ("prior radiation under N", grid("Treatment history                   Y   N   Details",
                                     ("Prior brain radiation", "N")), {"prior_radiation": A}),
    ("multiple sclerosis under No", grid(NEURO, ("Multiple sclerosis (MS)", "No")), {"multiple_sclerosis": A}),
    ("an unanswered device row says nothing", grid(SAFETY, ("Pacemaker", None), ("Aneurysm clip", "N")), {MRI: A}),
    ("no mark in any row", grid(SAFETY, ("Pacemaker", None), ("Cochlear implant", None)), {MRI: N}),
    ("no mark, seizure row", grid(NEURO, ("Seizure history", None)), {"seizures": N}),
    ("unanswered row with a note only", grid(SAFETY, ("Neurostimulator", None, "X", "see cardiology letter"),
                                        ("Seizure history", "N")), {MRI: N, "seizures": A}),
    ("mark under the comment column answers nothing", grid(SAFETY, ("Pacemaker", "Comment")), {MRI: N}),
    ("one device under Y among Ns", grid(SAFETY, ("Pacemaker", "N"), ("Aneurysm clip", "Y"), ("Cochlear implant",
     "N")), {MRI: P}),
    ("tab-separated with a comment column", "Device\tY\tN\tComment\nPacemaker\t\tX\n", {MRI: A}),
    # the comment is the row's note: the other rules read it, the column's answer does not reach it
    ("comment names a symptom, not negated", grid("Neuro review                        Y   N   Comment",
                                                  ("Seizure history", "N", "X", "headaches worse since May")),
     {"seizures": A, "new_or_worsening_symptoms": P}),
    ("comment under a Y row", grid("Neuro review                        Y   N   Comment",
                                   ("Seizure history", "Y", "X", "last seizure 10/2026")), {"seizures": P}),
    # 2. answer words in brackets
    ("bracketed Y N, cochlear implant under N", grid(BRACKETS, ("Cochlear implant", "[N]")), {MRI: A}),
    ("bracketed Y N, pacemaker under N", grid(BRACKETS, ("Pacemaker (PPM)", "[N]")), {MRI: A}),
    ("bracketed Y N, lower-case x", grid(BRACKETS, ("aneurysm clip", "[N]", "x")), {MRI: A}),
    ("bracketed Y N, check mark", grid(BRACKETS, ("Neurostimulator", "[N]", "\u2713")), {MRI: A}),
    ("bracketed Y N with a comment column", grid("Implant checklist                  [Y]  [N]   Comment",
                                                 ("Stent (intracranial)", "[N]")), {MRI: A}),
    ("spaced brackets, under No", grid("Implants                      [ Yes ]  [ No ]", ("Cochlear implant", "No")),
     {MRI: A}),
    ("spaced brackets, hand-aligned", "Implants                      [ Yes ]  [ No ]\nCochlear implant"
     "                         X\n", {MRI: A}),
    ("parenthesised Y N", grid("Implants                        (Y)  (N)", ("Neurostimulator", "(N)")), {MRI: A}),
    ("bracketed, seizure history", grid("History                            [Y]  [N]", ("Seizure history", "[N]")),
     {"seizures": A}),
    ("bracketed, no mark", grid(BRACKETS, ("Pacemaker", None), ("Cochlear implant", None)), {MRI: N}),
    # near misses: they keep their reading
    ("near: X under Y, comment column", grid(SAFETY, ("Pacemaker", "Y")), {MRI: P}),
    ("near: x under Yes, Comments column", grid(NEURO, ("Seizure history", "Yes", "x")), {"seizures": P}),
    ("near: X under bracketed Y", grid(BRACKETS, ("Cochlear implant", "[Y]")), {MRI: P}),
    ("near: plain Y N header, X under N", grid("MRI SCREEN                          Y   N",
                                               ("Aneurysm clip", "N")), {MRI: A}),
    ("near: inline answer N", "Pacemaker? N\n", {MRI: A}),
    ("near: inline answer Yes", "Pacemaker: Yes\n", {MRI: P}),
    ("near: ticked box form", "[X] Pacemaker   [ ] None\n", {MRI: P}),
    ("near: question mark in free text", "? pacemaker - pt unsure\n", {MRI: S}),
    ("near: no header, X at the right", "Pacemaker                            X\n", {MRI: P}),
    ("near: header without answer words", "Device                      Status\nPacemaker                     X\n",
     {MRI: P}),
    ("near: N Y order, X under N", grid("MRI SCREEN                          N   Y", ("Pacemaker", "N")), {MRI: A}),
    ("near: N Y order, X under Y", grid("MRI SCREEN                          N   Y", ("Pacemaker", "Y")), {MRI: P}),
    ("near: N Y order with a comment column, X under Y", grid("Device screen                       N   Y   Comment",
                                                              ("Cochlear implant", "Y")), {MRI: P}),
    ("near: prose ending on 'notes' is no header", "Discussed the yes  no  notes\nPacemaker            X\n",
     {MRI: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_yn_mark_columns(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
