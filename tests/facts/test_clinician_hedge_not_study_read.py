"""A clinician's hedged diagnosis that cites the imaging among its grounds is not the study's inconclusive read.

Class: an assessment names a suspected diagnosis and gives the imaging pattern as one of its grounds ("ichthyosis,
spasticity and the MRI appearance -> suspect Refsum disease", "Given the clinical picture and MRI findings, MELAS is
likely", "Combined with the typical MRI, we suspect X-ALD", "Clinical features plus MR pattern favour Alexander
disease"). The hedge is the clinician's, weighing the study together with other findings; it is no read of the
study, whose verdict comes from its own report ("pattern characteristic of ...", "diagnostic of ...") or from
statements about the study itself. Rule: cue `verdict.clinician_grounds` (facts/resources/cues.yaml), applied in
imaging.py (`clinician_grounds`, `_verdict_cues`): such a hedged diagnosis gives the study no verdict; the diagnosis
itself stays suspected.

Near misses stay inconclusive: the report's own hedge ("MRI: findings may represent X or Y"), a study called
indeterminate ("MRI indeterminate; X suspected"), a study that cannot distinguish ("MRI cannot distinguish X from
Y"), a study that itself raises the possibility ("The MRI raises the possibility of X"), a pattern called
nonspecific ("MRI pattern nonspecific - X vs Y"), two studies joined ("CT and MRI: ... possibly abscess").
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INCONCLUSIVE = "conventional_imaging_inconclusive"

REFSUM = ("MRI BRAIN 10/05/2026\nIMPRESSION: Symmetric dentate and corticospinal tract signal, pattern "
          "characteristic of a peroxisomal disorder such as Refsum disease.\n\n")
MELAS = ("MRI BRAIN WITHOUT CONTRAST 09/28/2026\nIMPRESSION: Stroke-like cortical lesions crossing vascular "
         "territories, diagnostic of MELAS.\n\n")
XALD = ("MR BRAIN W/WO 10/02/2026\nIMPRESSION: Symmetric parieto-occipital white matter disease with an enhancing "
        "leading edge, characteristic of X-linked adrenoleukodystrophy.\n\n")
ALEXANDER = ("MRI HEAD 08/19/2026\nIMPRESSION: Frontal-predominant white matter disease with periventricular rim, "
             "pattern diagnostic of Alexander disease.\n\n")
MLD = ("MRI BRAIN 10/07/2026\nIMPRESSION: Confluent periventricular white matter signal with tigroid pattern and "
       "U-fibre sparing, characteristic of metachromatic leukodystrophy.\n\n")

# case, text, {fact: expected status}
CASES = [
    ("arrow after listed grounds",
     REFSUM + "NEUROLOGY CLINIC 10/12/2026\nAssessment: ichthyosis, spasticity and the MRI appearance -> suspect "
     "Refsum disease; send phytanic acid.\n", {INCONCLUSIVE: A}),
    ("given the clinical picture and MRI findings",
     MELAS + "Assessment:\nGiven the clinical picture and MRI findings, MELAS is likely; genetic testing sent.\n",
     {INCONCLUSIVE: A, "mitochondrial_disorder": P}),
    ("combined with the typical MRI",
     XALD + "Impression and plan: Combined with the typical MRI, we suspect X-ALD; VLCFA pending.\n",
     {INCONCLUSIVE: A}),
    ("clinical features plus MR pattern, British spelling",
     ALEXANDER + "A/P: Clinical features plus MR pattern favour Alexander disease; GFAP sequencing ordered.\n",
     {INCONCLUSIVE: A}),
    ("plus signs and a line wrap inside the grounds",
     MLD + "Assessment: regression + peripheral neuropathy + the\nMRI pattern -> MLD strongly suspected; ARSA "
     "activity sent.\n", {INCONCLUSIVE: A}),
    ("in view of, capitals and parentheses",
     XALD + "ASSESSMENT: In view of the clinical presentation (school decline, adrenal insufficiency) and the "
     "MRI, X-ALD is probable.\n", {INCONCLUSIVE: A}),
    ("together with the brain MRI, suspected",
     MLD + "Plan: Together with the brain MRI, the gait regression makes metachromatic leukodystrophy likely; "
     "enzyme assay ordered.\n", {INCONCLUSIVE: A}),
    ("grounds after the hedge",
     MELAS + "Impression/Plan: MELAS is suspected given the history of stroke-like episodes and the MRI "
     "findings.\n", {INCONCLUSIVE: A}),
    ("citation of a definite read, then the clinician's hedge",
     "MRI brain 10/05/2026 showed a pattern characteristic of Alexander disease.\nAssessment: macrocephaly, "
     "seizures and the MRI appearance -> possible Alexander disease; GFAP testing sent.\n", {INCONCLUSIVE: A}),
    ("abbreviation in a form field",
     MELAS + "Clinical impression: episodic vomiting + lactic acidosis + MRI -> ? MELAS\n", {INCONCLUSIVE: A}),
    ("a note alone gives no read of the study",
     "Assessment: Given the clinical picture and the MRI findings, MELAS is likely; genetic testing sent.\n",
     {INCONCLUSIVE: N}),
    # near misses: the study's own hedge or a statement about the study itself keeps it inconclusive
    ("near miss: the report's own hedge",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Findings may represent MELAS or a vasculitis.\n", {INCONCLUSIVE: P}),
    ("near miss: a citation with the report's hedge",
     "MRI 10/05/2026: findings may represent X-ALD or an inflammatory leukoencephalopathy.\n",
     {INCONCLUSIVE: P}),
    ("near miss: MRI indeterminate, diagnosis suspected",
     "MRI brain 10/05/2026 indeterminate; Alexander disease suspected.\n", {INCONCLUSIVE: P}),
    ("near miss: MRI cannot distinguish",
     "MRI brain 10/05/2026 cannot distinguish MELAS from a vasculitis.\n", {INCONCLUSIVE: P}),
    ("near miss: the MRI raises the possibility",
     "The MRI of 10/05/2026 raises the possibility of metachromatic leukodystrophy.\n", {INCONCLUSIVE: P}),
    ("near miss: pattern nonspecific, differential",
     "MRI 10/05/2026 pattern nonspecific - X-ALD vs Krabbe disease.\n", {INCONCLUSIVE: P}),
    ("near miss: two studies joined, the read's own hedge",
     "CT and MRI brain 10/05/2026: ring-enhancing lesion, possibly an abscess.\n", {INCONCLUSIVE: P}),
    ("near miss: report hedge beside a clinician's grounds",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Findings may represent MELAS or a vasculitis.\n\nAssessment: given the "
     "clinical picture and MRI findings, MELAS is likely.\n", {INCONCLUSIVE: P}),
    ("near miss: the report hedges and advises clinical correlation and follow-up MRI",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Possible low-grade glioma, clinical correlation and follow-up MRI "
     "recommended.\n", {INCONCLUSIVE: P}),
    ("near miss: the report hedges and advises clinical and MRI follow-up",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Probable demyelination, clinical and MRI surveillance advised.\n",
     {INCONCLUSIVE: P}),
    ("near miss: a lesion with features suggestive of abscess",
     "MRI brain lesion 10/05/2026 with features suggestive of an abscess.\n", {INCONCLUSIVE: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_clinicians_hedge_is_no_read_of_the_study(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
