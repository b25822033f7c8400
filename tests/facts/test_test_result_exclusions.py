"""A later test result that excludes a disease closes the earlier suspicions of it, through the real NLP stage to
the facts (facts/supersession.py; facts/resources/supersession.yaml supersede.settling_rules, which now lists
context.yaml neg.subject_excludes).

Class: an older imaging report's differential ("differential includes Tay-Sachs disease"), a study's indication
("r/o CNS lymphoma"), a read's query ("?adrenoleukodystrophy") or an order "to evaluate for X", and later a result
that excludes X, told with a subject and the bare verb ("the CSF flow cytometry and the cytology rule out lymphoma":
neg.subject_excludes) or as a test for X whose measured value is normal ("VLCFA (for X-ALD): C26:0 0.58, normal":
scope.test_purpose_aside). The earlier hedged mentions stop counting and the disease reads absent.

Near misses keep their reading: an exclusion dated before the suspicion, the exclusion of another disease, a test
sent with "results to follow", "less likely after the normal test ... but not excluded", "cannot exclude", "if
negative, this would exclude", "sent to rule out".

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("older MRI differential, later enzyme and sequencing exclude",
     "MRI BRAIN 03/02/2026\nIMPRESSION: Symmetric T2 signal in the thalami and deep white matter; "
     "differential includes Tay-Sachs disease or another gangliosidosis.\n\nGenetics 05/10/2026: "
     "normal hexosaminidase A activity and a negative HEXA sequencing result exclude Tay-Sachs "
     "disease.\n",
     {"inborn_error_of_metabolism": A}),
    ("r/o in the indication, later CSF and cytology rule out",
     "MRI BRAIN WITH AND WITHOUT CONTRAST 08/14/2026\nIndication: r/o CNS lymphoma.\nIMPRESSION: "
     "Periventricular enhancing lesion.\n\nOncology note 09/20/2026: the CSF flow cytometry and the "
     "cytology rule out lymphoma.\n",
     {"cns_lymphoma": A}),
    ("order to evaluate for, later findings effectively exclude",
     "Order 06/01/2026: lactate, pyruvate and mtDNA sequencing to evaluate for mitochondrial "
     "disease.\n\nGenetics follow-up 07/15/2026: these results effectively exclude a mitochondrial "
     "disorder.\n",
     {"mitochondrial_disorder": A}),
    ("older read ?leukodystrophy, later VLCFA normal with a value",
     "MRI 2025: confluent parieto-occipital white matter signal, ?adrenoleukodystrophy.\n\nLabs "
     "02/2026: VLCFA (for X-ALD): C26:0 0.58, normal.\n",
     {"leukodystrophy": A}),
    ("possible abscess on CT, later studies exclude",
     "CT head 10/01/2026: ring-enhancing lesion, possible abscess.\n\nMRI and MRS 10/09/2026 with "
     "DWI: the normal diffusion and the spectrum exclude an abscess.\n",
     {"brain_infection": A}),
    ("suspected MLD, later levels exclude, British spelling",
     "Clinic letter 01/2026: ?metachromatic leukodystrophy; ARSA requested.\n\nClinic letter "
     "03/2026: the normal ARSA activity and urinary sulphatide levels exclude MLD.\n",
     {"leukodystrophy": A}),
    ("differential of infection, later serologies exclude",
     "MRI 07/2026 impression: ring lesion, toxoplasmosis versus lymphoma.\n\n08/2026: serologies "
     "(toxoplasma IgG, cryptococcal antigen) exclude toxoplasmosis.\n",
     {"brain_infection": A, "cns_lymphoma": S}),
    ("evaluate for Krabbe, later rules out",
     "Plan 02/2026: GALC enzyme assay to evaluate for Krabbe disease.\n\nGenetics 03/2026: normal "
     "GALC activity rules out Krabbe disease.\n",
     {"leukodystrophy": A}),
    # near misses
    ("near: exclusion dated before the suspicion",
     "Genetics 01/2025: normal hexosaminidase A activity and HEXA sequencing exclude Tay-Sachs "
     "disease.\n\nMRI BRAIN 06/02/2026\nIMPRESSION: New thalamic signal; differential includes "
     "Tay-Sachs disease.\n",
     {"inborn_error_of_metabolism": S}),
    ("near: exclusion of another disease",
     "MRI 07/2026 impression: ring lesion, lymphoma versus toxoplasmosis.\n\n08/2026: serologies "
     "exclude toxoplasmosis.\n",
     {"cns_lymphoma": S}),
    ("near: a pending test closes nothing",
     "MRI 05/2026: periventricular lesion, r/o CNS lymphoma.\n\n06/2026: CSF cytology and flow "
     "cytometry sent, results to follow.\n",
     {"cns_lymphoma": S}),
    ("near: less likely after the normal test",
     "MRI 05/2026: deep white matter signal, ?mitochondrial disease.\n\n06/2026: mitochondrial "
     "disease less likely after the normal lactate, but not excluded.\n",
     {"mitochondrial_disorder": S}),
    ("near: the later test cannot exclude",
     "CT 09/2026: ring-enhancing lesion, possible abscess.\n\nMRI 10/2026: these findings cannot "
     "exclude an abscess.\n",
     {"brain_infection": S}),
    ("near: a would-exclude plan",
     "MRI 09/2026: ?CNS lymphoma.\n\nPlan: CSF cytology; if negative, this would exclude lymphoma.\n",
     {"cns_lymphoma": S}),
    ("near: sent to rule out",
     "MRI 09/2026: periventricular enhancement, possible lymphoma.\n\n10/2026: CSF sent to rule out "
     "lymphoma.\n",
     {"cns_lymphoma": S}),
]

@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_test_result_exclusions(fragment_facts, text: str, expected: dict[str, FactStatus]) -> None:  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
