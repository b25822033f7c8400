"""Four scope classes, each a table of fresh short texts (rows marked "near miss" keep today's reading).

- `neg.alternative`, scope `alternative_clause`: "rather than" / "instead of" name the alternative not taken; their
  negation ends with that alternative (a semicolon or colon, a comma before a new clause, "and" before a clause),
  so a later clause keeps its own reading. The alternative itself stays negated, also a list of them.
- `neg.question_closed`, `neg.item_answered`: a hedged item that its own list line closes or answers ("r/o X -
  question closed", "?abscess -> answered: no", "r/o X: settled (biopsy: ...)") is absent; a line that leaves the
  question open stays suspected.
- `fam.relative_has`: a relative named with a reported-speech verb ("an aunt said to have", "a cousin reportedly
  with", "an uncle who was told he had") has the disorder, also when a quoted disease name starts the next line of
  the same sentence; the patient told, or a relative telling about the patient, stays the patient's.
- `look.cord_lesion_again`: a generic lesion or mass later in a sentence whose subject is a spinal-cord lesion is
  that cord lesion, not a brain lesion; one named with a brain site, or in a later sentence, stays the brain's.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\nMR spectroscopy requested.\n"

ALTERNATIVES = [
    ("comma then a coordinated clause", R + "It lets us start the ketogenic diet now instead of waiting for the "
     "gene panel, and provides a baseline to monitor response.\n", {"mrs_purpose": P}),
    ("comma then a new subject", R + "Rather than a glioma, this is an abscess.\n",
     {"glial_neoplasm": A, "brain_infection": P}),
    ("comma then a pronoun subject", R + "Steroids were held rather than started empirically, she then had a "
     "seizure yesterday.\n", {"seizures": P}),
    ("comma then 'and' then a new subject", R + "Steroids were held rather than given empirically, and she had a "
     "new seizure yesterday.\n", {"seizures": P}),
    ("'and' before an auxiliary", R + "MRS now instead of waiting for the panel and it will also give a baseline to "
     "monitor response.\n", {"mrs_purpose": P}),
    ("comma then 'we'", R + "Instead of repeat biopsy, we will use MRS to monitor response.\n",
     {"mrs_purpose": P}),
    # after a verb of preference both diagnoses are weighed, neither taken (context.yaml poss.favoured_over)
    ("a preference weighs both", R + "Findings favour demyelination rather than lymphoma.\n",
     {"cns_lymphoma": S}),
    ("near miss: a clause before the cue", R + "Rather than a tumor, this is an infarct.\n", {"brain_neoplasm": A}),
    ("near miss: a list of alternatives", R + "This is demyelination rather than lymphoma, glioma, or "
     "metastasis.\n", {"cns_lymphoma": A, "glial_neoplasm": A, "brain_metastasis": A}),
    ("near miss: two alternatives joined by and", R + "Treated as an abscess instead of lymphoma and metastasis.\n",
     {"cns_lymphoma": A, "brain_metastasis": A}),
]

L = "Request date: 11/20/2026\nProblem list:\n"
ANSWERS = [
    ("question closed", L + "1. r/o oligodendroglioma L temporal - question closed, MRI 2025 no tumor\n"
     "2. Migraine\n", {"glial_neoplasm": A}),
    ("question now closed after a dash", L + "1. Concern for lymphoma -- question now closed\n2. HTN\n",
     {"cns_lymphoma": A}),
    ("settled with the biopsy after it", L + "1. r/o lymphoma: settled (biopsy: demyelination)\n2. HTN\n",
     {"cns_lymphoma": A}),
    ("answered no after an arrow", L + "1. ?cerebral abscess -> answered: no, aspirate sterile\n2. HTN\n",
     {"brain_infection": A}),
    ("answered, negative", L + "1. Query metastasis - answered, negative on PET\n2. HTN\n",
     {"brain_metastasis": A}),
    ("no longer a concern", L + "1. c/f glioma - no longer a concern\n2. HTN\n", {"glial_neoplasm": A}),
    ("near miss: question remains open", L + "1. r/o glioma - question remains open\n2. HTN\n",
     {"glial_neoplasm": S}),
    ("near miss: to be discussed", L + "1. r/o glioma - to be discussed at tumor board\n2. HTN\n",
     {"glial_neoplasm": S}),
    ("near miss: not yet answered", L + "1. r/o lymphoma - not yet answered\n2. HTN\n", {"cns_lymphoma": S}),
    ("near miss: answered yes", L + "1. ?abscess -> answered: yes, aspirate grew strep\n2. HTN\n",
     {"brain_infection": S}),
    # the pending MRI is the MRI's, not the question's (scope pending_subject): the rule-out stays suspected
    ("near miss: a pending test", L + "1. r/o lymphoma - MRI pending\n2. HTN\n", {"cns_lymphoma": S}),
    ("answered as the disease itself", L + "1. r/o lymphoma - answered as lymphoma by biopsy\n2. HTN\n",
     {"cns_lymphoma": P}),
]

F = "Request date: 11/20/2026\n"
RELATIVES = [
    ("said to have, the quoted name on the next line", F + "Referred for fatigue and exercise intolerance, and a "
     "maternal aunt said to have\n\"mitochondrial disease\". Work-up is ongoing.\n", {"mitochondrial_disorder": N}),
    ("reportedly with", F + "Exercise intolerance. A cousin reportedly with MELAS.\n", {"mitochondrial_disorder": N}),
    ("who was told he had", F + "Headaches. An uncle who was told he had a brain tumour died young.\n",
     {"brain_neoplasm": N}),
    ("is said to have had", F + "Ataxia. Her grandmother is said to have had a leukodystrophy.\n",
     {"leukodystrophy": N}),
    ("thought to have", F + "Developmental regression; an older sister thought to have Leigh syndrome.\n",
     {"mitochondrial_disorder": N}),
    ("near miss: the patient told", F + "She was told she has MELAS.\n", {"mitochondrial_disorder": P}),
    ("near miss: a relative telling about the patient", F + "Aunt said the patient has seizures.\n",
     {"seizures": P}),
    ("near miss: a parent told about the child", F + "His mother, who was told he had a seizure at school, brought "
     "him in.\n", {"seizures": P}),
    ("near miss: the patient's quoted disease on the next line", F + "Seen for fatigue; the patient herself was "
     "told years ago that she has\n\"mitochondrial disease\". No records.\n", {"mitochondrial_disorder": P}),
]

CORD = [
    ("a lesion after a semicolon", F + "Intramedullary cervical cord lesion C3-C5, ependymoma favoured over "
     "myelitis; the radiologist cannot exclude an inflammatory lesion.\n", {"brain_lesion": N}),
    ("conus mass, lesion remains possible", F + "Conus mass, likely ependymoma; an inflammatory lesion remains "
     "possible.\n", {"brain_lesion": N}),
    ("cord lesion, then a mass", F + "Enhancing lesion within the thoracic cord at T7, and the radiologist "
     "describes the mass as expansile.\n", {"brain_lesion": N}),
    ("near miss: a brain site for the second lesion", F + "Cord lesion at C4 and a new right frontal lesion.\n",
     {"brain_lesion": P}),
    ("near miss: a later sentence about the brain", F + "Conus mass, likely ependymoma. An enhancing lesion is "
     "also seen.\n", {"brain_lesion": P}),
    ("near miss: a brain word between", F + "Cord lesion at C4; brain MRI shows an enhancing lesion.\n",
     {"brain_lesion": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ALTERNATIVES, ids=[c[0] for c in ALTERNATIVES])
def test_an_alternative_not_taken_ends_its_negation(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


@pytest.mark.parametrize(("case", "text", "expected"), ANSWERS, ids=[c[0] for c in ANSWERS])
def test_a_hedged_item_answered_on_its_line(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


@pytest.mark.parametrize(("case", "text", "expected"), RELATIVES, ids=[c[0] for c in RELATIVES])
def test_a_relative_named_with_reported_speech(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


@pytest.mark.parametrize(("case", "text", "expected"), CORD, ids=[c[0] for c in CORD])
def test_a_generic_lesion_after_a_cord_lesion(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
