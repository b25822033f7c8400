"""A read that describes a finding definitely and leaves its cause open is inconclusive; a nonspecific incidental
finding beside a read that answers the question is not (through the real NLP stage to the facts).

1. The impression (or the citing sentence) affirms a pattern, a signal change or an enhancing focus and then says
   its cause is not settled: "of uncertain aetiology", "cause undetermined", "nature undetermined", "the underlying
   cause cannot be determined on imaging", "cannot be further characterised", "the appearance does not allow
   distinction between ...", "a toxic aetiology is also possible" (targets.yaml img.inconclusive_cause_open), or
   calls it nonspecific with a differential of its cause: the study is inconclusive (conventional_imaging_inconclusive
   and mri_nondiagnostic present), even when the finding itself is a diagnosis read plainly ("Leukoencephalopathy,
   cause undetermined").
2. Near misses keep a conclusive read: a nonspecific incidental finding ("scattered nonspecific white-matter
   hyperintensities, likely chronic small-vessel ischemic change") in another sentence of an impression that answers
   the question ("No intracranial mass", "No evidence of tumour", "diagnostic of abscess"; cue
   verdict.incidental_nonspecific, the nonspecific verdict kept as evidence `superseded_by: incidental_finding`);
   "consistent with X; no further imaging needed"; "diagnostic of X". A nonspecific word that refers back to the
   finding ("The pattern is nonspecific", verdict.refers_back) or a differential beside the answer keeps the study
   inconclusive.

Rows: id, text, expected conventional_imaging_inconclusive, expected mri_nondiagnostic.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MRI = "MRI BRAIN WITHOUT AND WITH CONTRAST 10/12/2026\n"
CT = "CT HEAD WITHOUT CONTRAST 10/12/2026\n"

CASES: list[tuple[str, str, FactStatus, FactStatus]] = [
    # 1. a definite finding whose cause the read leaves open
    ("uncertain aetiology, British", MRI + "IMPRESSION: Confluent periventricular leukoencephalopathy of uncertain "
     "aetiology.\n", P, P),
    ("cannot be further characterised", CT + "IMPRESSION: Ill-defined hypodense lesion in the right frontal lobe, "
     "cannot be further characterised.\n", P, N),
    ("nature undetermined", MRI + "IMPRESSION: 5 mm enhancing focus in the right parietal white matter, nature "
     "undetermined.\n", P, P),
    ("cause is not clear from imaging", MRI + "IMPRESSION: Periventricular white matter signal abnormality. The "
     "cause is not clear from imaging alone.\n", P, P),
    ("diagnosis read plainly, cause undetermined", MRI + "IMPRESSION: Leukoencephalopathy, cause undetermined.\n",
     P, P),
    ("consistent with, cause cannot be determined", MRI + "IMPRESSION: Diffuse white matter signal abnormality "
     "consistent with a leukoencephalopathy; the underlying cause cannot be determined on imaging.\n", P, P),
    ("does not allow distinction between", MRI + "IMPRESSION: Leukoencephalopathy. The imaging appearance does not "
     "allow distinction between an inherited leukodystrophy and an acquired process.\n", P, P),
    ("toxic aetiology also possible", MRI + "IMPRESSION: Abnormal signal in the bilateral basal ganglia, likely "
     "metabolic, though a toxic or hypoxic aetiology is also possible.\n", P, P),
    ("list item, wrapped, differential, cannot distinguish", MRI + "IMPRESSION:\n1. Symmetric confluent "
     "periventricular white-matter signal abnormality,\n   non-specific. Differential includes an inherited "
     "leukodystrophy or a toxic\n   leukoencephalopathy. MRI cannot reliably\n   distinguish these.\n", P, P),
    ("etiology unclear, lower case, citation", "Assessment: MRI brain 10/12/2026 shows a confluent "
     "leukoencephalopathy of unclear cause (inherited vs acquired).\n", P, P),
    ("aetiology remains uncertain", MRI + "IMPRESSION: Bilateral symmetric T2 hyperintensity of the dentate nuclei. "
     "Aetiology remains uncertain.\n", P, P),
    ("cause cannot be established, wrapped", MRI + "IMPRESSION: Solitary enhancing focus in the left centrum "
     "semiovale; its cause\ncannot be established on this examination.\n", P, P),
    ("not fully characterised (British)", MRI + "IMPRESSION: Small cystic focus in the left thalamus, not fully "
     "characterised.\n", P, P),
    ("nonspecific with a differential beside no mass", MRI + "IMPRESSION:\n1. Symmetric periventricular white "
     "matter signal abnormality, nonspecific. Differential includes a leukodystrophy or demyelination.\n2. No "
     "mass.\n", P, P),
    ("pattern refers back, beside no mass", MRI + "IMPRESSION: Bilateral pallidal T2 hyperintensity. The pattern is "
     "nonspecific. No mass or haemorrhage.\n", P, P),
    ("form field, etiology undetermined", "Prior imaging: MRI brain 10/12/2026\nResult: periventricular white "
     "matter T2 hyperintensity, etiology undetermined\n", P, P),
    # 2. near misses: an incidental nonspecific finding beside an answer, or a definite read
    ("near: nonspecific WMH beside no mass", MRI + "IMPRESSION: 1. No intracranial mass or abnormal enhancement. "
     "2. Scattered nonspecific white-matter hyperintensities, likely chronic small-vessel ischemic change.\n", A, A),
    ("near: no evidence of tumour, nonspecific foci", MRI + "IMPRESSION: No evidence of tumour. Scattered "
     "nonspecific white matter hyperintensities, likely chronic small vessel disease.\n", A, A),
    ("near: diagnostic of glioma, incidental foci", MRI + "IMPRESSION: Findings diagnostic of a left frontal "
     "glioma. Incidental non-specific white matter foci.\n", A, A),
    ("near: diagnostic of abscess", MRI + "IMPRESSION: Ring-enhancing lesion, diagnostic of abscess. A few "
     "nonspecific white matter foci.\n", A, A),
    ("near: consistent with, no further imaging", MRI + "IMPRESSION: Symmetric periventricular white matter signal "
     "abnormality, consistent with X-linked adrenoleukodystrophy; no further imaging needed.\n", A, A),
    ("near: diagnostic of, plain", MRI + "IMPRESSION: Restricted diffusion in the dorsal brainstem, diagnostic of "
     "maple syrup urine disease.\n", A, A),
    ("near: seizures of unknown cause, not the study's", "Seizures of unknown cause since July. MRI brain "
     "10/12/2026 was normal.\n", A, A),
]


@pytest.mark.parametrize(("case", "text", "inconclusive", "nondiagnostic"), CASES, ids=[c[0] for c in CASES])
def test_a_finding_whose_cause_is_left_open(analyze, case, text, inconclusive, nondiagnostic):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text + REQUEST_TAIL)
    for name, expected in (("conventional_imaging_inconclusive", inconclusive), ("mri_nondiagnostic", nondiagnostic)):
        f = facts.facts[name]
        assert f.status is expected, (name, f.note, [(e.text, e.attributes) for e in f.evidence])


def test_the_incidental_verdict_stays_as_evidence(analyze):  # type: ignore[no-untyped-def]
    text = MRI + "IMPRESSION: No evidence of tumour. Scattered nonspecific white matter foci.\n" + REQUEST_TAIL
    study = facts_of(analyze, text).imaging[0]
    kept = [e for e in study.evidence if e.attributes.get("superseded_by") == "incidental_finding"]
    assert kept and "verdict.incidental_nonspecific" in kept[0].attributes["cue"].split()
