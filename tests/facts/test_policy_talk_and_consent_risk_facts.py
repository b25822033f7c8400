"""Coverage talk and procedure-risk lists make no fact, through the real NLP stage (the mention table is
tests/nlp/test_policy_talk_and_consent_risks.py).

A disease named as the payer's category or in its list ("the plan reviews MRS under its tumour or abscess
indications", "the insurer's covered diagnoses: glioma, abscess, epilepsy surgery") is not documented, and it does
not make a study inconclusive; the risks of a consent ("complications such as stroke, seizure or meningitis were
explained") are not documented. Near misses keep the patient's own disease, and a study's own differential.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
INCONCLUSIVE = "conventional_imaging_inconclusive"
STUDY = "MRI brain 10/01/2026: ring-enhancing lesion in the right frontal lobe"

FACTS = [
    ("category-with-study", f"{STUDY}. The plan reviews MRS under its tumour or abscess indications.",
     {"brain_neoplasm": N, "brain_infection": N, INCONCLUSIVE: N}),
    ("payer-list-with-study", f"{STUDY}. The insurer's covered diagnoses: glioma, abscess, epilepsy surgery.",
     {"brain_neoplasm": N, "brain_infection": N, "epilepsy": N, INCONCLUSIVE: N}),
    ("insurer-covers", "Her insurer covers MRS only for gliomas and brain abscesses.",
     {"brain_neoplasm": N, "brain_infection": N}),
    ("complications-explained", "Complications such as stroke, seizure or meningitis were explained before the "
     "biopsy.", {"brain_infection": N, "seizures": N}),
    ("consent-risks-parens", "Gadolinium consent signed (risks: infection, nephrogenic fibrosis).",
     {"brain_infection": N}),
    ("review-verb-bare-under", "Parkinsonism with falls. Spectroscopy is generally assessed under tumour and "
     "infection criteria; we ask for it to support the diagnosis.", {"brain_neoplasm": N, "brain_infection": N}),
    ("passive-usually-approved", "MR spectroscopy is usually approved for brain tumours and abscesses; this is a "
     "movement-disorder question.", {"brain_neoplasm": N, "brain_infection": N}),
    ("passive-only-covered", "Spectroscopy is only covered for gliomas, as we understand it.", {"brain_neoplasm": N}),
    # near misses
    ("nm-approved-for-her", "MRS is usually approved for her glioma surveillance.", {"brain_neoplasm": P}),
    ("nm-was-approved", "MRS was approved for tumour evaluation last year.", {"brain_neoplasm": P}),
    ("nm-falls-under", "Her glioblastoma falls under the plan's tumor indication.", {"brain_neoplasm": P}),
    ("nm-meets-criteria", "He meets the payer's criteria: known glioblastoma, new enhancement.",
     {"brain_neoplasm": P}),
    ("nm-own-abscess", "Risks reviewed; she already has a brain abscess on antibiotics.", {"brain_infection": P}),
    ("nm-meningitis-happened", "Meningitis developed on day 3 after the shunt revision.", {"brain_infection": P}),
    ("nm-study-differential", f"{STUDY}, glioma versus abscess. The plan reviews MRS under its tumour indication.",
     {INCONCLUSIVE: P}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FACTS], ids=[c[0] for c in FACTS])
def test_policy_talk_and_consent_risk_facts(fragment_facts, text: str,  # type: ignore[no-untyped-def]
                                            expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
