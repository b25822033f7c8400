"""A parenthetical or bracketed aside between a tumor and what dates or ends it is read as if absent, through the
real NLP stage.

A remote tumor is over ("removed at age 5", "excised in 2006", "discharged from clinic"); so it stays when an aside
stands between the tumor and its removal, date or end of care: a grade, a size, a site, molecular markers, a WHO
label, a code ("a left frontal meningioma (WHO grade I, 2.4 cm) excised in 2005", "ependymoma [posterior fossa]
resected 2004; ... discharged from clinic"). The history cues that link the two (context hist.treated_lesion,
hist.backward, `through_asides`) do not count the aside's tokens, nor stop at its words (context.yaml `asides`), and
the removal of a tumor told with "removed"/"excised" after such an aside is a prior resection (target tx.removal).

Near misses keep today's reading: an aside that makes the tumor current itself ("(regrowing on the 2026 MRI)",
"(recurred 2025)", "(residual, on surveillance)"), a recent removal ("resected 03/2026"), a tumor with no removal or
date, an aside that names a different tumor, and a childhood removal only a few years before the patient's age now.

Rows are freshly written in several styles; the patient's age and the request date are given where the rule needs
them. Rows marked "near miss" must keep today's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
R = "Request date: 11/20/2026\n"
OVER = {"brain_neoplasm": A, "known_brain_tumor": A}
RESECTED = {**OVER, "prior_resection": P}
KNOWN = {"brain_neoplasm": P, "known_brain_tumor": P}

ROWS = [
    # ------------------------------------------------------------ the aside is read through: the tumor is over
    ("grade and size, excised in a year", R + "HPI: 52-year-old woman with new memory complaints. She had a left "
     "frontal meningioma (WHO grade I, 2.4 cm) excised in 2005.\n", RESECTED),
    ("site and fusion, removed at a childhood age", R + "HPI: 29-year-old man with migraine. Pilocytic astrocytoma "
     "(cerebellar, KIAA1549-BRAF fusion) removed at age 6.\n", RESECTED),
    ("brackets, care ended after the semicolon", R + "HPI: 38-year-old with episodic vertigo. Ependymoma [posterior "
     "fossa, WHO grade 2] resected 2004; surveillance completed and discharged from clinic in 2014.\n", RESECTED),
    ("molecular markers, no recurrence since", R + "HPI: 47-year-old with word-finding pauses. Oligodendroglioma "
     "(IDH-mutant, 1p/19q-codeleted, WHO grade 2) was resected in 2008, no recurrence since.\n", RESECTED),
    ("brackets, an age told with when", R + "HPI: 34-year-old woman with headaches. Craniopharyngioma "
     "[adamantinomatous type] excised when she was 7.\n", RESECTED),
    ("a diagnosis code in the aside, PMH line", R + "PMH: meningioma (D32.0) excised 2009.\n"
     "HPI: 61-year-old with cognitive decline.\n", RESECTED),
    ("side and size, removed and discharged", R + "HPI: 58-year-old with dizziness. Vestibular schwannoma (right, "
     "14 mm) was removed in 2002 and she was discharged from follow-up.\n", RESECTED),
    ("subtype in the aside, treated in childhood", R + "HPI: 31-year-old with seizures. Medulloblastoma "
     "(SHH-activated, desmoplastic) treated in childhood.\n", OVER),
    ("a semicolon inside the aside, age of", R + "HPI: 40-year-old with seizures. Ganglioglioma (left temporal; "
     "CD34-positive) resected at the age of 11.\n", OVER),
    ("care ended in the same sentence, a recent year", R + "HPI: 66-year-old with dizziness. Right convexity "
     "meningioma (WHO grade 1, 3 cm) excised 2019; no further imaging is needed.\n", RESECTED),
    ("care ended in the next sentence", R + "HPI: 59-year-old with headaches. Atypical meningioma (WHO grade 2) "
     "resected in 2020. Neurosurgery has discharged her from follow-up.\n", OVER),
    ("grade and site, treated at an age", R + "HPI: 22-year-old with fatigue. Astrocytoma (grade 1, optic pathway) "
     "treated at age 4.\n", OVER),
    ("years ago after the aside", R + "HPI: 70-year-old with gait decline. Meningioma (parasagittal, 3 cm) removed 15 "
     "years ago.\n", RESECTED),
    ("two asides in a row", R + "HPI: 57-year-old with dizziness. Meningioma (WHO grade I) (2.1 cm) excised in "
     "2007.\n", OVER),
    ("a WHO label without a removal word of tx.removal", R + "HPI: 45-year-old with headaches. Ganglioglioma (WHO "
     "CNS5 grade 1) was removed in 2004.\n", OVER),
    ("brackets with a size, no residual", R + "HPI: 50-year-old with tremor. Hemangioblastoma [cerebellar, 1.8 cm] "
     "resected 2005, no residual.\n", OVER),
    ("the edition year of a WHO label dates nothing", R + "HPI: 57-year-old with dizziness. Meningioma (WHO 2021 CNS "
     "grade 1) excised in 2005.\n", RESECTED),
    ("a lowercase note, age in years old", R + "hpi: 48 yo with new headaches. hx of a tumor (2 cm, right "
     "parietal, WHO grade 1) removed at 9 years old.\n", RESECTED),
    ("a marker in the aside, in remission", R + "HPI: 55-year-old with new tremor. Her glioma (left frontal, IDH1 "
     "R132H-positive, MGMT methylated) was resected in 2003 and has been in remission.\n", RESECTED),
    # ------------------------------------------------------------ near misses: today's reading stays
    ("near miss: the aside says it is regrowing on a recent MRI", R + "HPI: 44-year-old with migraine. Meningioma "
     "(regrowing on the 2026 MRI) resected 2006.\n", KNOWN),
    # not a near miss: today "regrowing" is no word of a current tumor, and the old removal's year ends it
    ("the aside says it is regrowing", R + "HPI: 44-year-old with migraine. Meningioma (slowly regrowing) resected "
     "2006.\n", KNOWN),
    ("near miss: the aside says it recurred", R + "HPI: 44-year-old with migraine. Meningioma (recurred 2025) "
     "resected in 2006.\n", KNOWN),
    ("near miss: residual tumor on surveillance", R + "HPI: 44-year-old with migraine. Meningioma (residual, on "
     "surveillance) resected 2006.\n", KNOWN),
    ("near miss: progressing on surveillance", R + "HPI: 44-year-old with migraine. Oligodendroglioma (grade 2, "
     "progressing on surveillance MRI) resected in 2004.\n", KNOWN),
    ("near miss: a recent removal", R + "HPI: 44-year-old with migraine. Glioma (grade 2) resected 03/2026.\n",
     KNOWN),
    ("near miss: removed five years ago", R + "HPI: 44-year-old with migraine. Meningioma (WHO grade I) excised in "
     "2021.\n", KNOWN),
    ("near miss: a recent removal under treatment", R + "HPI: 44-year-old with migraine. Anaplastic astrocytoma "
     "(IDH-mutant, WHO grade 3) resected 10/2025, now on adjuvant temozolomide.\n", KNOWN),
    ("near miss: no removal and no date", R + "HPI: 44-year-old with migraine. Meningioma (WHO grade I, 3 cm) seen "
     "on MRI last month.\n", KNOWN),
    ("near miss: a known tumor followed clinically", R + "HPI: 44-year-old with migraine. Known meningioma (left "
     "sphenoid wing, 2.8 cm), followed clinically.\n", KNOWN),
    ("near miss: the aside names another tumor", R + "HPI: 44-year-old with migraine. Meningioma (along with a "
     "right vestibular schwannoma) excised in 2004.\n", KNOWN),
    ("near miss: the aside names a current tumor", R + "HPI: 44-year-old with migraine. Meningioma (and a left "
     "temporal glioblastoma now on chemoradiation) excised in 2004.\n", KNOWN),
    ("near miss: a childhood removal four years ago", R + "HPI: 19-year-old with migraine. Pilocytic astrocytoma "
     "(cerebellar) resected at age 15.\n", KNOWN),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[c[0] for c in ROWS])
def test_an_aside_between_a_tumor_and_its_removal(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


def test_the_evidence_names_the_cue_and_the_scope(analyze):  # type: ignore[no-untyped-def]
    """The tumor read through the aside is over by the removal cue and the resolved-course scope, as without it."""
    facts = facts_of(analyze, ROWS[0][1])
    rules = {r for e in facts.facts["brain_neoplasm"].evidence for r in e.modifier_rules}
    assert {"hist.treated_lesion", "scope.resolved_course"} <= rules, rules
