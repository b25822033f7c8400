"""A later read that settles one item of an imaging differential leaves the read open while two or more items stay
live (facts/imaging.py, _settled_read; supersession rules in facts/resources/supersession.yaml).

"Differential includes an inherited leukodystrophy, a toxic leukoencephalopathy, or less likely demyelination"
followed in a later note by "demyelination is not supported" still leaves a leukodystrophy against a toxic cause:
the conventional imaging stays inconclusive. When the later read leaves one item or none ("glioma versus
demyelination", then "tumor was ruled out on biopsy"), the differential is settled and the read is no longer open,
and so is one a later read answers with a diagnosis (a biopsy that revealed one item), as before (no verdict is left: the fact is not documented unless another read gives one).

Rows: id, text, expected conventional_imaging_inconclusive.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

MRI = ("MRI BRAIN WITHOUT AND WITH CONTRAST  10/02/2026\n"
       "FINDINGS: Confluent symmetric periventricular white matter T2 hyperintensity. No mass.\n"
       "IMPRESSION:\n{impression}\n\n"
       "NEUROLOGY NOTE 10/20/2026\nAssessment: {later}\n")

CASES = [
    # one of three items withdrawn: two stay live, the read stays open
    ("three items, demyelination not supported",
     "Leukoencephalopathy, nonspecific. Differential includes an inherited leukodystrophy, a toxic "
     "leukoencephalopathy, or less likely demyelination.", "Demyelination is not supported (OCB negative).", P),
    ("three items, MS excluded by CSF",
     "Differential: metachromatic leukodystrophy versus toxic leukoencephalopathy versus multiple sclerosis.",
     "MS has been excluded - CSF without oligoclonal bands.", P),
    ("three items, abscess ruled out",
     "Ring-enhancing right frontal lesion: glioblastoma versus metastasis versus abscess.",
     "Abscess ruled out (afebrile, normal CRP, no restricted diffusion on review).", P),
    ("three items, lymphoma not supported, British spelling",
     "Enhancing periventricular lesion; differential includes lymphoma, glioma or tumefactive demyelination.",
     "Lymphoma is not supported - CSF cytology and flow cytometry negative.", P),
    ("three items, infection excluded, line wrap",
     "Differential includes a low-grade glioma, an infection\nsuch as toxoplasmosis, or a subacute infarct.",
     "Toxoplasmosis excluded: serology negative.", P),
    ("four items, two withdrawn",
     "Differential: lymphoma, glioblastoma, metastasis or abscess.",
     "Abscess excluded. Metastasis not supported by body CT.", P),
    # the later read leaves one item or none: the differential is settled
    ("two items, tumour ruled out on biopsy",
     "Left frontal lesion: glioma versus tumefactive demyelination.",
     "Tumor was ruled out on biopsy.", N),
    ("two items, abscess excluded by aspiration",
     "Ring-enhancing lesion: metastasis versus abscess.",
     "Abscess excluded on aspiration; pathology pending.", N),
    ("three items, two withdrawn in one sentence",
     "Differential includes glioma, lymphoma or demyelination.",
     "Lymphoma and demyelination were excluded on biopsy.", N),
    ("three items, a biopsy affirms one",
     "Enhancing lesion: lymphoma versus toxoplasmosis versus tumefactive demyelination.",
     "Brain biopsy 10/15/2026 revealed a demyelinating process; negative for lymphoma.", N),
]


@pytest.mark.parametrize(("case", "impression", "later", "inconclusive"), CASES, ids=[c[0] for c in CASES])
def test_a_partly_settled_differential_stays_open(analyze, case, impression, later, inconclusive):  # type: ignore[no-untyped-def]
    text = MRI.format(impression=impression, later=later) + "\n" + REQUEST_TAIL
    f = facts_of(analyze, text).facts["conventional_imaging_inconclusive"]
    assert f.status is inconclusive, (f.note, [(e.text, e.attributes) for e in f.evidence])
