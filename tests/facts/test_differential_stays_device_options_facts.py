"""A diagnosis kept on the differential is suspected, and a device talked of as a future option is no implant, end to
end (text -> NLP -> facts).

1. "PCNSL must stay on the list pending flow cytology", "toxoplasmosis cannot come off the differential yet"
   (poss.kept_on_differential, poss.kept_on_list): suspected; "lymphoma came off the differential" stays absent, a
   diagnosis confirmed on biopsy present. A presumptive diagnosis that leads stays suspected.
2. A device raised as a fallback, a later or next step, or one the patient would be a candidate for ("VNS kept as a
   fallback", "RNS would be the next step", "would be a VNS candidate") is a plan (cue safety.device_planned_after):
   it makes no MRI contraindication. Near misses: a device implanted or placed, in situ, stays one.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# id: (text, fact, status)
CASES: dict[str, tuple[str, str, FactStatus]] = {
    # ------------------------------------------------ kept on the differential
    "must-stay-on-list-pending": ("Assessment: PCNSL must stay on the list pending flow cytology.\n", "cns_lymphoma",
                                  S),
    "cannot-come-off-yet": ("Impression: toxoplasmosis cannot come off the differential yet.\n", "brain_infection", S),
    "stays-in-the-ddx": ("Plan: anaplastic astrocytoma stays in the ddx until the biopsy.\n", "glial_neoplasm", S),
    "kept-on-list-for-now": ("Metastasis is kept on the list for now.\n", "brain_neoplasm", S),
    "presumptive-leading": ("Presumptive cerebral toxoplasmosis remains the leading diagnosis; pyrimethamine "
                            "started.\n", "brain_infection", S),
    # ------------------------------------------------ near misses
    "came-off": ("Lymphoma came off the differential after flow cytology.\n", "cns_lymphoma", A),
    "confirmed-on-biopsy": ("Diffuse large B-cell lymphoma of the CNS, confirmed on stereotactic biopsy.\n",
                            "cns_lymphoma", P),
    # ------------------------------------------------ a device as a future option
    "kept-as-a-fallback": ("Epilepsy surgery first; VNS kept as a fallback should he not be a resection candidate.\n",
                           "mri_contraindication", N),
    "discussed-as-later-step": ("DBS was discussed at conference as a possible later step.\n",
                                "mri_contraindication", N),
    "would-be-a-candidate": ("He would be a good VNS candidate if medications fail.\n", "mri_contraindication", N),
    "remains-the-next-step": ("Responsive neurostimulation remains the next step if the second drug fails.\n",
                              "mri_contraindication", N),
    "raised-as-backup-with-family": ("VNS was raised with the family as a backup.\n", "mri_contraindication", N),
    # ------------------------------------------------ near misses: the device is in the patient
    "implanted-clearance-unconfirmed": ("VNS implanted 2017; MR-conditional labelling not yet confirmed.\n",
                                        "mri_contraindication", P),
    "placed-in-year": ("Vagus nerve stimulator placed in 2021.\n", "mri_contraindication", P),
    "in-situ-battery": ("RNS system in situ since 2020; battery check due.\n", "mri_contraindication", P),
}


@pytest.mark.parametrize(("text", "name", "status"), CASES.values(), ids=CASES.keys())
def test_differential_stays_and_device_options(analyze, text: str, name: str,  # type: ignore[no-untyped-def]
                                               status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts[name]
    assert fact.status is status, f"{name}: {fact.status.value} ({fact.note}); {[e.text for e in fact.evidence]}"
