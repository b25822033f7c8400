"""A lay person's quoted fear, the team's "does not think this is X", and a diagnosis considered then set aside,
through the real NLP stage to the facts.

1. A relative's or the patient's worry, quoted or reported, is no diagnosis: the disease inside it is not
   documented (suspected only where a clinician also weighs it), never present. The clinician's statement after a
   closed quotation and a dash, the patient's own known diagnosis and a worry about a known epilepsy keep theirs.
2. The team's denial after a worry settles it (absent), also in the next sentence after "MS." (the disease's name in
   capitals ends its sentence; "Ms." the title does not); "we cannot yet say this is not a tumour" stays suspected.
3. A diagnosis considered earlier and set aside by another explanation in its sentence, or denied later ("No inborn
   error or mitochondrial disease is suspected" settles the earlier weighing of both), is absent; one considered and
   still possible, or with its work-up pending, stays suspected.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES = [
    # 1. a lay worry is no diagnosis
    ("quoted fear of a tumour", "Her husband is afraid \"it's a brain tumour like his brother had\".",
     {"brain_neoplasm": N}),
    ("quoted fear of epilepsy", 'Nana worries he "has epilepsy like his uncle".', {"epilepsy": N, "seizures": N}),
    ("quoted fear, might have", 'Grandmother is concerned he "might have epilepsy".', {"epilepsy": N}),
    ("quoted question about MS", 'Patient keeps asking whether this could be "early MS".',
     {"multiple_sclerosis": N}),
    ("quoted fear the cancer is back", 'The son wonders if "the cancer is back".', {"brain_neoplasm": N}),
    ("lay worry, then the clinician weighs it", 'Mom worries she "has epilepsy now"; we are evaluating for '
     "epilepsy with a prolonged EEG.", {"epilepsy": S}),
    ("the clinician's read after the quotation", "Wife is scared \"it's cancer like her dad had\" - MRI shows "
     "a left temporal glioblastoma.", {"brain_neoplasm": P, "glial_neoplasm": P}),
    ("near: her own known diagnosis", "Patient reports she has had MS since 2015.", {"multiple_sclerosis": P}),
    ("near: an informant's account", "Mother says he has had epilepsy since infancy.", {"epilepsy": P}),
    ("near: a worry about a known epilepsy", "Mum is worried about his epilepsy getting worse.", {"epilepsy": P}),
    # 2. the team's denial settles the worry
    ("denial after the worry", "Wife anxious about a tumour; reassured her that we do not think this is a tumour.",
     {"brain_neoplasm": A}),
    ("denial in the next sentence after MS.", "Patient fears it is MS. Reassured that we do not think this is MS.",
     {"multiple_sclerosis": A}),
    ("the team does not believe", "Parents are frightened it is encephalitis; we told the family the team does not "
     "believe this is encephalitis.", {"brain_infection": A}),
    ("does not consider this to be", "The team does not consider this to be MS.", {"multiple_sclerosis": A}),
    ("lay question, then the denial", 'Dad asked whether she "has epilepsy"; we explained this does not look like '
     "epilepsy.", {"epilepsy": A}),
    ("left open: cannot yet say this is not", "We explained to the family that we cannot yet say this is not a tumour.",
     {"brain_neoplasm": S}),
    ("left open: can't say it isn't", "We can't say it isn't MS until the CSF results return.",
     {"multiple_sclerosis": S}),
    # 3. considered, then set aside
    ("set aside: the course fits another cause", "A mitochondrial disorder was considered initially given the "
     "lactate peak, but the clinical course fits hypoxic injury.", {"mitochondrial_disorder": A}),
    ("set aside: typical of another cause instead", "A leukodystrophy was raised at first; the diffusion pattern is "
     "typical of toxic exposure instead.", {"leukodystrophy": A}),
    ("set aside: briefly considered, biopsy showed", "We briefly considered lymphoma, but the biopsy showed "
     "demyelination.", {"cns_lymphoma": A, "demyelination": P}),
    ("set aside: better explained by", "MS was entertained early on, but the picture is better explained by "
     "migraine.", {"multiple_sclerosis": A}),
    ("a later denial settles both", "An inborn error of metabolism was initially suspected given the lactate. No "
     "inborn error or mitochondrial disease is suspected.",
     {"inborn_error_of_metabolism": A, "mitochondrial_disorder": A}),
    ("a later denial settles the first item too", "A mitochondrial disorder was considered at presentation. No "
     "inborn error or mitochondrial disease is suspected now.",
     {"mitochondrial_disorder": A, "inborn_error_of_metabolism": A}),
    ("near: considered and remains possible", "A mitochondrial disorder was considered and remains possible.",
     {"mitochondrial_disorder": S}),
    ("near: considered, work-up pending", "A mitochondrial disorder was initially considered and the work-up is "
     "still pending.", {"mitochondrial_disorder": S}),
    ("near: the other explanation hedged", "Leukodystrophy was raised at first, but the course could also fit "
     "hypoxic injury.", {"leukodystrophy": S}),
    ("weighed now", "We considered lymphoma given the periventricular enhancement.", {"cns_lymphoma": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_lay_worry_denial_and_set_aside_facts(analyze, case: str, text: str,  # type: ignore[no-untyped-def]
                                              expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
