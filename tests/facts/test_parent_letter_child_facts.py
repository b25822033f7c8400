"""In a letter or portal message written by the patient's parent, "my son/daughter/child has X" is the patient's,
not family history, when the letter itself says that child is the patient (context.yaml: scope parent_writer over
fam.relative_has; "my husband/wife/partner had X" is the family's, fam.spouse_has).

The letter says so in one of these safe forms (anything else keeps "my son has X" a relative's):
- "I am / We are writing about (regarding, on behalf of, in support of) my/our son|daughter|child [Name]" (a name
  given must be the patient's when the packet names the patient);
- "my/our son|daughter|child (the patient)", "..., your patient," right after the child word;
- "my/our son|daughter|child[,] <Name>" where <Name> is the patient's first name from a patient field ("Patient:",
  "Patient name:", "Name:", "Re:", "Member:");
- signed as the parent of the named patient ("Mother of Leo", "Leo's dad"): only "my child", "my baby", "my kid".
Then "my <that word> has/had/'s X" anywhere in the document is the patient's; another child word ("my son also has
epilepsy" in a letter about "my daughter Mia") and the other relatives ("my husband had a brain tumour", "my
brother has MS") stay the family's.

Near misses: a clinician's note "Patient's son has seizures" (family), "my son also has epilepsy" written by an adult
patient (family), a son named in a field that is not the patient's, a letter about a daughter mentioning a son.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\nMR spectroscopy requested.\n\n"

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    # the letter says which child is the patient
    ("writing about my son Leo", R + "Dear Dr. Grant,\nI am writing about my son Leo. My son has had seizures since "
     "March and they are getting worse.\n", {"seizures": P}),
    ("writing on behalf of our daughter", R + "To whom it may concern,\nWe are writing on behalf of our daughter. Our "
     "daughter has epilepsy and the medicines are not working.\n", {"epilepsy": P}),
    ("portal message, regarding my child", R + "Portal message from parent:\nI'm writing regarding my child, Ava "
     "Reyes. My child had a seizure at school yesterday.\n", {"seizures": P}),
    ("son (the patient)", R + "Patient: Theo Blake\n\nDear doctor, my son (the patient) has had seizures since May. "
     "My son's seizures happen at night.\n", {"seizures": P}),
    ("our daughter (the patient), wrapped", R + "Our daughter (the patient) has\nmultiple sclerosis and her walking "
     "is worse.\n", {"multiple_sclerosis": P}),
    ("name field matches my son, Leo,", R + "Patient name: Leo Marsh\nDOB: 03/02/2015\n\nDear Sir or Madam,\nMy "
     "son, Leo, is eight. My son has epilepsy since 2019.\n", {"epilepsy": P}),
    ("Re: line with surname first", R + "RE: MARSH, Leo\n\nMy son Leo is 8. My son has had seizures every week.\n",
     {"seizures": P}),
    ("my daughter's seizures", R + "I am writing about my daughter Mia.\nMy daughter's seizures started in "
     "June.\n", {"seizures": P}),
    ("signed mother of, my child", R + "Patient: Noah Kim\n\nMy child has had seizures for a year now and we are "
     "worried.\nKind regards,\nSun Kim, mother of Noah\n", {"seizures": P}),
    ("writing to you about my baby", R + "I am writing to you about my baby Ella. My baby has had seizures since "
     "birth.\n", {"seizures": P}),
    ("your patient after my son", R + "My son, your patient, has epilepsy and we want the scan done.\n",
     {"epilepsy": P}),
    ("my husband stays family", R + "I am writing about my son Leo. My husband had a brain tumour in 2010.\n",
     {"brain_neoplasm": N}),
    # near misses
    ("husband had, his son has seizures", R + "I am writing about my son Leo, who has seizures. My husband had "
     "a brain tumour when he was young.\n", {"brain_neoplasm": N, "seizures": P}),
    ("near: brother in a parent letter", R + "I am writing about my son Leo. My brother has multiple sclerosis.\n",
     {"multiple_sclerosis": N}),
    ("near: mother in a parent letter", R + "We are writing about our daughter Mia. My mother had a glioma.\n",
     {"glial_neoplasm": N}),
    ("near: clinician's note, patient's son", R + "Patient's son has seizures.\n", {"seizures": N}),
    ("near: adult patient, my son also has", R + "I have had headaches for a year. My son also has epilepsy.\n",
     {"epilepsy": N}),
    ("near: letter about a daughter, my son has", R + "I am writing about my daughter Mia. My son has epilepsy "
     "too.\n", {"epilepsy": N}),
    ("near: writing about my son, another name", R + "Patient name: Ruth Allen\n\nI am writing about my son Jacob. My "
     "son has epilepsy.\n", {"epilepsy": N}),
    ("near: signed mother of, my son", R + "Patient: Noah Kim\n\nMy son has had seizures for a year.\nSun Kim, "
     "mother of Noah\n", {"seizures": N}),
    ("near: adult patient's letter, my daughter had", R + "Dear Doctor, I am the patient. My daughter had a brain "
     "tumour at 12.\n", {"brain_neoplasm": N}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parent_letter_child_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                   expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
