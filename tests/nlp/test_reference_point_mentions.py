"""A disease named as a yardstick is not asserted of the patient.

A diagnosis that a sentence names only as a point of comparison ("unlike a glioblastoma, the rim is thin", "lower
than one usually sees with lymphoma", "different from an MS relapse") or in a statement of what is known in general
("raised choline is described in high-grade glioma", "lactate peaks are reported in mitochondrial disease", "the
classic appearance of a toxoplasma abscess is ...") is hypothetical: it counts for no fact (hyp.reference_comparison,
hyp.reference_expectation, hyp.reference_general, hyp.reference_known; a comparison ends at its clause's comma,
term.clause_comma). A hedge elsewhere in the sentence still hedges the patient's own diagnosis.

Near misses keep their reading: a read ("consistent with a glioblastoma", "typical MS plaques"), the patient's own
disease as the yardstick ("resembles her prior metastases", "different from her known MS plaques"), a comparison
with time ("unlike last year, the glioma now enhances"), a hedge ("less likely lymphoma") and a negation.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    # ---- a comparison with a disease
    ("unlike a", "The spells are quite unlike a demyelinating relapse of MS.\n", {"multiple_sclerosis": N}),
    ("different from an", "Clinically the episodes are different from an MS relapse.\n", {"multiple_sclerosis": N}),
    ("differ from the classic", "These attacks differ from the classic picture of multiple sclerosis.\n",
     {"multiple_sclerosis": N}),
    ("unlike a, comma", "Unlike a glioblastoma, the wall is thin and smooth.\n", {"glial_neoplasm": N}),
    ("unlike, bare", "Unlike glioblastoma, the rim does not enhance nodularly.\n", {"glial_neoplasm": N}),
    ("in contrast to", "In contrast to a high-grade glioma, there is no mass effect.\n", {"glial_neoplasm": N}),
    ("as opposed to", "As opposed to a metastasis, the lesion is solitary and infiltrative.\n",
     {"brain_metastasis": N}),
    ("compared with a typical", "Compared with a typical toxoplasma abscess, the ring is irregular.\n",
     {"brain_infection": N}),
    ("distinct from that of", "The pattern is distinct from that of demyelination.\n", {"demyelination": N}),
    ("than one usually sees", "FDG uptake is lower than one usually sees with lymphoma.\n", {"cns_lymphoma": N}),
    ("than would be expected", "The lesion is less avid than would be expected for metastatic disease.\n",
     {"brain_metastasis": N}),
    ("than we would expect", "The rCBV is much lower than we would expect in a glioblastoma.\n",
     {"glial_neoplasm": N}),
    ("than is typically seen", "Choline is less elevated than is typically seen in high-grade glioma.\n",
     {"glial_neoplasm": N}),
    ("than that of", "The enhancing rim is thinner than that of an abscess.\n", {"brain_infection": N}),
    ("than in a", "Perfusion is lower than in a typical lymphoma.\n", {"cns_lymphoma": N}),
    ("not the picture of", "This is not the picture of an abscess.\n", {"brain_infection": A}),
    ("comparison, then a hedge", "Unlike a glioblastoma, the rim is thin and smooth; an abscess is suspected.\n",
     {"glial_neoplasm": N, "brain_infection": S}),
    ("comparison ends at its comma", "Unlike a metastasis, her glioblastoma is solitary.\n",
     {"brain_metastasis": N, "glial_neoplasm": P}),
    # ---- what is known in general
    ("described in ... as well as in",
     "Raised choline is described in high-grade glioma as well as in active demyelination.\n",
     {"glial_neoplasm": N, "demyelination": N}),
    ("reported in", "Lactate peaks are reported in mitochondrial disease.\n", {"mitochondrial_disorder": N}),
    ("has been reported in", "Elevated lipid-lactate has been reported in primary CNS lymphoma.\n",
     {"cns_lymphoma": N}),
    ("well described in", "A lactate doublet is well described in MELAS.\n", {"mitochondrial_disorder": N}),
    ("in the literature", "In the literature, loss of NAA is noted in both demyelination and glioma.\n",
     {"demyelination": N, "glial_neoplasm": N}),
    ("overlaps with that of", "This spectrum overlaps with that of lymphoma.\n", {"cns_lymphoma": N}),
    ("similar to those reported", "The profile is similar to those seen in tumefactive demyelination.\n",
     {"demyelination": N}),
    ("the classic appearance of", "The classic appearance of a toxoplasma abscess is an eccentric target.\n",
     {"brain_infection": N}),
    ("the typical pattern of", "The typical MRS pattern of a glioblastoma includes a lipid peak.\n",
     {"glial_neoplasm": N}),
    ("classically elevated in", "Myo-inositol is classically elevated in low-grade glioma.\n", {"glial_neoplasm": N}),
    ("characteristically seen in", "Amino acid peaks are characteristically seen in pyogenic abscess.\n",
     {"brain_infection": N}),
    ("general, then a hedge", "Lipid peaks are described in lymphoma; lymphoma is possible here.\n",
     {"cns_lymphoma": S}),
    ("general, then the patient's", "Lactate is reported in mitochondrial disease, so we suspect MELAS.\n",
     {"mitochondrial_disorder": S}),
    # ---- near misses: a read, the patient's own disease, a comparison with time, a hedge, a negation
    ("near miss: consistent with", "Findings consistent with a glioblastoma.\n", {"glial_neoplasm": P}),
    ("near miss: resembles her prior", "The lesion resembles her prior metastases.\n", {"brain_metastasis": P}),
    ("near miss: typical MS plaques", "Typical MS plaques in the periventricular white matter.\n",
     {"multiple_sclerosis": P}),
    ("near miss: less likely", "Less likely lymphoma.\n", {"cns_lymphoma": S}),
    ("near miss: unlike last year", "Unlike last year, the glioma now enhances.\n", {"glial_neoplasm": P}),
    ("near miss: no features of", "No features of lymphoma.\n", {"cns_lymphoma": A}),
    ("near miss: unlike the prior MRI", "Unlike the prior MRI, the metastasis now restricts diffusion.\n",
     {"brain_metastasis": P}),
    ("near miss: in contrast to a year", "In contrast to 2024, the glioblastoma has grown.\n", {"glial_neoplasm": P}),
    ("near miss: compared with a year ago", "Compared with a year ago, the lymphoma is larger.\n",
     {"cns_lymphoma": P}),
    ("near miss: different from her known", "The new spell is different from her known MS relapses.\n",
     {"multiple_sclerosis": P}),
    ("near miss: reported in a date", "Her MS was reported in 2019 by neurology.\n", {"multiple_sclerosis": P}),
    ("near miss: described in the report", "The mass was described in the outside report as a glioblastoma.\n",
     {"glial_neoplasm": P}),
    ("near miss: reported in the MRS", "A lactate peak was reported in the MRS, consistent with mitochondrial "
     "disease.\n", {"mitochondrial_disorder": P}),
    ("near miss: elevated in the glioma", "Choline is elevated in the glioma.\n", {"glial_neoplasm": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_disease_named_as_a_yardstick_is_not_the_patients(analyze: Any, case: str, text: str,
                                                          expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
