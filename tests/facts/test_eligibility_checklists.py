"""An inclusion/exclusion checklist row is answered by its status column (through the real NLP stage).

The form rules (pipeline/nlp/resources/forms.yaml, read by pipeline/nlp/form_state.py) answer a checklist row:
"N" (also with a note in its own column after it: "N     no tissue yet", `written_answers.note_openers`) negates
the criterion (`form.question.answered_no`), "Y" affirms it, "?" is the screener's unknown (`form.answer.unknown`:
the row says nothing), "N/A" negates; an X under the "No" column of a "Y  N  ?" or "Yes  No" header does the same
(`form.mark.column_tick`; "?" is an answer word of the header). An exclusion row that ends on its list of device
contraindications in brackets is answered by the column after the bracket (`written_answers.leaders`):
"MRI contraindication (pacemaker, ICD, neurostimulator)     N" is no device, no contraindication.

Near misses: a row answered Y affirms; the patient's diagnosis told in the note counts; a screen failure for no
tissue leaves the tumour suspected from the notes.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

ROW = "Histologically confirmed grade 2 IDH-mutant glioma"
HEAD = "INCLUSION CRITERIA" + " " * 40 + "Y    N    ?\n"


def under(column: str, label: str = ROW) -> str:
    """The row `label` with its X under the header's `column`."""
    return label.ljust(HEAD.index(column, len("INCLUSION CRITERIA"))) + "X\n"

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("N with a note column", f"{ROW}     N     no tissue yet\n", {"glial_neoplasm": A}),
    ("n with a note in brackets", "histologically confirmed glioblastoma   N   (awaiting surgery)\n",
     {"glial_neoplasm": A}),
    ("N with a dashed note", "Tissue-confirmed WHO grade 3 astrocytoma     N - biopsy not yet done\n",
     {"glial_neoplasm": A}),
    ("numbered row, N, note", f"2. {ROW}     N     no tissue yet\n", {"glial_neoplasm": A}),
    ("N/A", "Histologically confirmed oligodendroglioma     N/A\n", {"glial_neoplasm": A}),
    ("question mark, unknown", f"{ROW}     ?\n", {"glial_neoplasm": N}),
    ("question mark with a note", f"{ROW}     ?     path review outstanding\n", {"glial_neoplasm": N}),
    ("X under N of a Y N ? header", HEAD + under("N"), {"glial_neoplasm": A}),
    ("X under ? of a Y N ? header", HEAD + under("?"), {"glial_neoplasm": N}),
    ("X under No of a Yes No header", "Eligibility checklist                         Yes   No\n"
     "Confirmed grade 2 oligodendroglioma                  X\n", {"glial_neoplasm": A}),
    ("device exclusion, boxes", "MRI contraindication (pacemaker, ICD, neurostimulator, cochlear implant)   "
     "[ ] Yes [X] No\n", {"mri_contraindication": A}),
    ("device exclusion, N column", "MRI contraindication (pacemaker, ICD, neurostimulator, cochlear implant)     "
     "N\n", {"mri_contraindication": A}),
    ("device exclusion labelled, N", "Exclusion: MRI contraindication (pacemaker, ICD)     N\n",
     {"mri_contraindication": A}),
    ("device exclusion, implanted devices, N", "Implanted device contraindicating MRI (DBS, VNS, cochlear "
     "implant)   N\n", {"mri_contraindication": A}),
    ("device exclusion, X under No", "EXCLUSION CRITERIA                               Yes   No\n"
     "MRI contraindication (pacemaker, ICD)                   X\n", {"mri_contraindication": A}),
    ("device exclusion, N/A", "MRI contraindication (pacemaker, cochlear implant)   N/A\n",
     {"mri_contraindication": A}),
    # near misses
    ("near: row answered Y", f"{ROW}     Y\n", {"glial_neoplasm": P}),
    ("near: X under Y", HEAD + under("Y"), {"glial_neoplasm": P}),
    ("near: device exclusion answered Y", "MRI contraindication (pacemaker, ICD)     Y\n",
     {"mri_contraindication": P}),
    ("near: patient's diagnosis in the note beside a title", "Trial: phase 2 study of an oral MEK inhibitor in "
     "recurrent low-grade glioma.\nHer low-grade glioma, diagnosed 2025, has progressed.\n",
     {"glial_neoplasm": P}),
    ("near: screen-failed, suspected from the notes", "Screen-failed because no tissue diagnosis.\nMRI: "
     "infiltrative lesion suspicious for glioma.\n", {"glial_neoplasm": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_eligibility_checklist(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
