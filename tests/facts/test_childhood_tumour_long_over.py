"""A brain tumour of childhood, treated and over, is no current brain neoplasm.

Class: brain_neoplasm (and known_brain_tumor) came out PRESENT for a tumour the note tells with a childhood time
("as a kid", "as a youngster", "in grade school", "in her teens", "childhood ...", "at age 7", "when he was 9",
"age 5") and a treatment or an end in the same sentence ("surgery", "resected", "removed", "operated on",
"treated", "radiation", "cured", "discharged", "nothing since", "no recurrence"). "Brain tumor removed at age 9;
released from survivorship clinic at 19" already read absent (hist.treated_lesion, scope.resolved_course); the
other wordings were never made historical, so resolved_course never looked at them.

Rule: context.yaml hist.childhood_tumour_over (quiet; a childhood time in a sentence that names a tumour and tells a
treatment or an end, and nothing current, recurrent, residual or planned) makes the tumour HISTORICAL;
scope.resolved_course then negates it: its patterns now also name "as a kid/youngster/teen/boy", "in grade school",
"in her teens", "childhood"/"pediatric", "nothing since", and remote.age_at a bare "age 4" ("cerebellar tumor age 4
(s/p resection)").

Near misses keep a current reading: a childhood tumour with new enhancement now, one that recurred and is on
chemotherapy, a residual tumour followed on MRI, a child whose tumour is current ("7-year-old ... surgery
scheduled", "found at age 6 last week, resection planned"), a relative's childhood tumour, a childhood tumour now on
surveillance, a childhood brain infection (hist.infection_course_over keeps it: the new cue needs a tumour word).

Limits: a childhood time is read from the words alone (an "age N" under 18, "as a kid"), whatever the patient's age
now: a tumour "resected at age 15" in a 16-year-old with nothing else said is over too. A treatment or end told only
in the next sentence ("Brain tumour as a kid. Had surgery.") does not reach it. A current word anywhere in the
sentence ("now", "currently", "new", "residual", "scheduled") keeps the whole sentence current. A tumour already
historical by another cue with "childhood" or "pediatric" in its stretch is over even without a treatment ("History
of childhood brain tumor" reads absent).
Rows are freshly written; ids starting "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, KNOWN = "brain_neoplasm", "known_brain_tumor"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "youngster-surgery": ("Had a brain tumour as a youngster and had surgery for it.\n", {NEO: A, KNOWN: A}),
    "as-a-kid-operated": ("She was operated on for a cerebellar tumour as a kid.\n", {NEO: A, KNOWN: A}),
    "when-she-was-n": ("Operated on for a posterior fossa tumour when she was 5.\n", {NEO: A, KNOWN: A}),
    "when-he-was-n-radiation": ("Received radiation for a brainstem tumour when he was 11, followed since by his GP.\n",
                                {NEO: A, KNOWN: A}),
    "childhood-adjective-treated": ("Childhood brain tumour, treated at the university hospital, nothing since.\n",
                                    {NEO: A, KNOWN: A}),
    "grade-school-discharged": ("Brain tumor in grade school with surgery and radiation, discharged from clinic at "
                                "20.\n", {NEO: A, KNOWN: A}),
    "pmh-bare-age-sp": ("PMH: cerebellar tumor age 4 (s/p resection).\n", {NEO: A, KNOWN: A}),
    "teenager-removed": ("As a teenager he had a brain tumour removed, no recurrence.\n", {NEO: A, KNOWN: A}),
    "in-her-teens-surgery": ("Brain tumor in her teens, surgery only, never any further treatment.\n", {NEO: A, KNOWN: A}),
    "at-age-n-cured": ("Treated for a brain tumour at age 10 and cured.\n", {NEO: A, KNOWN: A}),
    "as-a-child-surgery": ("Underwent surgery for a pineal tumour as a child.\n", {NEO: A, KNOWN: A}),
    "pediatric-parenthesis": ("Hx pediatric brain tumor (resected).\n", {NEO: A, KNOWN: A}),
    "named-tumour-nothing-since": ("Medulloblastoma at age 5, treated at the children's hospital, nothing since.\n",
                                   {NEO: A, KNOWN: A}),
    "known-form-kid": ("History: brain tumour as a kid, resected, nothing since.\n", {NEO: A, KNOWN: A}),
    # ---------------------------------------------------------------- near misses
    "near-already-absent": ("Brain tumor removed at age 8; released from survivorship clinic at 22.\n", {NEO: A, KNOWN: A}),
    "near-new-enhancement": ("Childhood ependymoma, now a new enhancing focus along the old surgical bed.\n",
                             {NEO: P, KNOWN: P}),
    "near-recurred-chemo": ("Posterior fossa tumour in childhood, recurred this spring, on chemotherapy.\n",
                            {NEO: P, KNOWN: P}),
    "near-residual-followed": ("Pilocytic astrocytoma resected at 9; residual tumour followed on yearly MRI.\n",
                               {NEO: P, KNOWN: P}),
    "near-child-current": ("7-year-old boy with a posterior fossa tumour, surgery scheduled.\n", {NEO: P, KNOWN: P}),
    "near-age-n-planned": ("Brain tumour found at age 6 last week, resection planned.\n", {NEO: P, KNOWN: P}),
    "near-kid-now-enhancing": ("Cerebellar tumour as a kid, resected; now new enhancement lining the cavity.\n",
                               {NEO: P, KNOWN: P}),
    "near-relative": ("His sister had a brain tumour as a child, resected.\n", {NEO: N, KNOWN: N}),
    "near-infection-childhood-age": ("Meningitis at age 6, treated with IV antibiotics, no sequelae.\n",
                                     {"brain_infection": N}),
    "near-no-treatment-told": ("Brain tumour as a child, now on surveillance MRI.\n", {NEO: P, KNOWN: P}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_childhood_tumour_long_over_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
