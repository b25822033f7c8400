"""A brain imaging read of no mass documents no neoplasm.

A packet whose only word on a tumour is a brain or head MRI or CT that denies a mass ("FINDINGS: No intracranial
mass or haemorrhage", "Mass lesion: none", "no space-occupying lesion", "No ICSOL", a note's "CT head 10/01: no mass
or mass effect") has brain_neoplasm **absent**, not undocumented: the brain was imaged and no mass was seen (facts.yaml
brain_neoplasm `denied_by_read`, cue neoplasm.mass_denied_on_brain_read; the read found by facts/imaging.py
brain_read_cues: the report's findings, impression or addendum under a brain/head MRI or CT title, or a sentence
that names such a study before the denial). The evidence cites the cue.

Near misses keep their reading: "no mass effect" alone, a chest CT's "no mass in the chest", a spine MRI's "no
intradural mass", "no new mass" beside a known glioblastoma (present), "no mass" beside a FLAIR signal read as a
possible low-grade glioma (suspected), a note's "no mass felt" on abdominal exam, a rule-out of a mass the read leaves
open, a mass found on one study and denied elsewhere on another, a PET's "no hypermetabolic mass", a bare "no focal
lesion" of an epilepsy protocol, a hypothetical "if the MRI shows no mass".

Limits: a read of "normal brain" that names no mass, and a bare "no lesion", stay undocumented; a study named only
as "MRI" with no brain or head word is no brain read. Rows are freshly written (invented patients).
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
CUE = "neoplasm.mass_denied_on_brain_read"


def packet(report: str, note: str, request: str = "Request: MR spectroscopy (CPT 76390), chronic headache.") -> str:
    """A small packet: the request line, a brain imaging report, a clinic note."""
    return f"{request}\n\n{report}\n\n{note}\n"


QUIET_NOTE = "Clinic note 10/20/2026: seen with her husband, headaches a little better on amitriptyline."

# case, text, {fact: expected status}
CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("MRI findings deny an intracranial mass, haemorrhage and infarct",
     packet("MRI BRAIN WITHOUT CONTRAST 10/02/2026\nIndication: daily headaches\nFINDINGS: No intracranial mass, "
            "haemorrhage or territorial infarct. Ventricles normal.\nIMPRESSION: Normal MRI of the brain.",
            QUIET_NOTE), {"brain_neoplasm": A, "glial_neoplasm": N}),
    ("a head CT template line 'Mass lesion: none'",
     packet("CT HEAD WITHOUT CONTRAST 09/28/2026\nFindings: Mass lesion: none. Midline shift: none. Haemorrhage: "
            "none.\nImpression: Negative head CT.", "Neurology note 10/03/2026: dizziness resolved."),
     {"brain_neoplasm": A}),
    ("an impression without a space-occupying lesion",
     packet("MRI HEAD WITH AND WITHOUT CONTRAST 10/11/2026\nFindings: Age-appropriate volume.\nImpression: "
            "Unremarkable examination of the brain; no space-occupying lesion.", QUIET_NOTE),
     {"brain_neoplasm": A}),
    ("a note cites a head CT with no mass or mass effect",
     packet("MRI BRAIN 10/02/2026\nFindings: Ventricles and sulci normal.\nImpression: No acute abnormality.",
            "ED note 10/01/2026: CT head 10/01/2026: no mass or mass effect, no bleed. Discharged."),
     {"brain_neoplasm": A}),
    ("a note cites a brain MRI that showed no masses",
     packet("CT HEAD 09/15/2026\nFindings: No acute haemorrhage.\nImpression: No acute intracranial process.",
            "Neurology follow-up 10/14/2026: MRI brain 10/02/2026 showed no masses and no abnormal enhancement."),
     {"brain_neoplasm": A}),
    ("an ICSOL denied on a CT brain impression",
     packet("CT BRAIN 10/06/2026\nClinical: vomiting and morning headache\nFindings: Mild generalised atrophy.\n"
            "Impression: No ICSOL. Age-related atrophy.", QUIET_NOTE), {"brain_neoplasm": A}),
    ("a posterior fossa mass denied",
     packet("CT HEAD WITH CONTRAST 10/09/2026\nFindings: There is no mass in the posterior fossa. The fourth "
            "ventricle is midline.\nImpression: Unremarkable.", QUIET_NOTE), {"brain_neoplasm": A}),
    ("an addendum adds no enhancing mass on the contrast images",
     packet("MRI BRAIN WITH AND WITHOUT CONTRAST 10/12/2026\nFindings: No restricted diffusion.\nImpression: "
            "No acute infarct.\nADDENDUM: On review of the post-contrast images there is no enhancing mass.",
            QUIET_NOTE), {"brain_neoplasm": A}),
    ("a rule-out of a mass answered no by the findings: absent, not only answered",
     packet("MRI BRAIN 10/02/2026\nIndication: new word-finding difficulty, r/o mass\nFindings: No intracranial "
            "mass or midline shift.\nImpression: No acute intracranial abnormality.", QUIET_NOTE),
     {"brain_neoplasm": A, "brain_lesion": A}),
    ("an impression that says no masses and no hydrocephalus, lower case",
     packet("mri brain wo contrast 10/04/2026\nfindings: normal flow voids.\nimpression: no masses, no "
            "hydrocephalus.", "PCP note 10/18/2026: mood improved."), {"brain_neoplasm": A}),
    ("a tumour denied outright was already absent",
     packet("MRI BRAIN 10/02/2026\nFindings: No intracranial tumour. No haemorrhage.\nImpression: Normal study.",
            QUIET_NOTE), {"brain_neoplasm": A}),
    ("a note's impression citing the brain MRI with no SOL",
     packet("CT HEAD 09/20/2026\nFindings: No acute haemorrhage.\nImpression: Negative.",
            "Clinic note 10/16/2026: brain MRI 10/05/2026 revealed no SOL; plan to continue topiramate."),
     {"brain_neoplasm": A}),
    # near misses: their reading does not change
    ("near miss: no mass effect alone",
     packet("MRI BRAIN 10/02/2026\nFindings: No mass effect or midline shift.\nImpression: Normal ventricles.",
            QUIET_NOTE), {"brain_neoplasm": N}),
    ("near miss: a chest CT with no mass in the chest",
     packet("CT CHEST WITH CONTRAST 10/03/2026\nFindings: No mass in the chest. Lungs clear.\nImpression: "
            "Negative chest CT.", QUIET_NOTE), {"brain_neoplasm": N}),
    ("near miss: a thoracic spine MRI with no intradural mass",
     packet("MRI THORACIC SPINE 10/07/2026\nFindings: No intradural mass. Cord signal normal.\nImpression: "
            "Mild spondylosis.", QUIET_NOTE), {"brain_neoplasm": N}),
    ("near miss: no new mass beside a known glioblastoma",
     packet("MRI BRAIN WITH AND WITHOUT CONTRAST 10/02/2026\nIndication: glioblastoma, status post resection and "
            "chemoradiation\nFindings: Stable resection cavity. No new mass.\nImpression: Stable postoperative "
            "appearance.", "Neuro-oncology note 10/15/2026: known glioblastoma, on adjuvant temozolomide."),
     {"brain_neoplasm": P}),
    ("near miss: no mass, but a FLAIR signal possibly a low-grade glioma",
     packet("MRI BRAIN 10/02/2026\nFindings: No mass. FLAIR signal in the left insula.\nImpression: No mass; "
            "the insular FLAIR signal is possibly a low-grade glioma.", QUIET_NOTE), {"brain_neoplasm": S}),
    ("near miss: a note's no mass felt on abdominal exam",
     packet("MRI BRAIN 10/02/2026\nFindings: Normal ventricles.\nImpression: Normal study.",
            "Clinic note 10/20/2026: abdomen soft, no mass felt on exam."), {"brain_neoplasm": N}),
    ("near miss: a rule-out of a mass the read leaves open",
     packet("MRI BRAIN 10/02/2026\nIndication: r/o mass\nFindings: Tiny focus of enhancement in the right "
            "frontal lobe.\nImpression: Indeterminate focus; a small mass cannot be excluded.", QUIET_NOTE),
     {"brain_neoplasm": N, "brain_lesion": S}),
    ("near miss: a mass found on the CT, none other on the MRI",
     packet("CT HEAD 10/01/2026\nFindings: 2.3 cm right parietal mass with surrounding oedema.\nImpression: Right "
            "parietal mass.", "Clinic note 10/09/2026: MRI brain 10/05/2026 showed no other mass."),
     {"brain_neoplasm": N, "brain_lesion": P}),
    ("near miss: a PET with no hypermetabolic mass",
     packet("CT ABDOMEN 09/01/2026\nFindings: Normal.\nImpression: Normal.",
            "Oncology note 10/10/2026: FDG PET/CT 10/01/2026 showed no hypermetabolic mass."),
     {"brain_neoplasm": N}),
    ("near miss: an epilepsy protocol's bare no focal lesion",
     packet("MRI BRAIN EPILEPSY PROTOCOL 10/02/2026\nFindings: Hippocampi symmetric.\nImpression: No focal "
            "lesion.", "Epilepsy clinic 10/12/2026: focal seizures, on lacosamide."), {"brain_neoplasm": N}),
    ("near miss: a hypothetical read of no mass",
     packet("CT ABDOMEN 09/01/2026\nFindings: Normal.\nImpression: Normal.",
            "Clinic note 10/12/2026: if the MRI brain shows no mass, we will discharge her to primary care."),
     {"brain_neoplasm": N}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_brain_read_of_no_mass_documents_no_neoplasm(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


def test_the_absence_cites_the_rule(fragment_facts) -> None:  # type: ignore[no-untyped-def]
    fact = fragment_facts(CASES[0][1]).facts["brain_neoplasm"]
    assert fact.evidence and all(CUE in str(e.attributes.get("cue", "")).split() for e in fact.evidence)
    assert CUE in fact.note
