"""A confirming test named in the sentence after the clinician's hedge leaves a characteristic MRI conclusive.

Class (verdict.confirmation_awaited, imaging.py confirmation_awaited): the imaging report reads a diagnosis plainly
("characteristic of", "typical of", "diagnostic of"), the clinician hedges it again ("probable X", "suspected X"),
and the test that is to confirm it is named as awaited (sent, ordered, pending, to confirm) in the hedge's own
sentence or in the sentence right after it, in the same paragraph and section. The hedge is on the diagnosis, not
on the imaging: conventional_imaging_inconclusive and mri_nondiagnostic are not present.

Near misses stay limited: the report hedges its own read; the sentence after the hedge is another topic, or
another paragraph (a blank line) or another section ("Plan:" on its own line); the study awaited is an imaging
study (a repeat MRI, a follow-up scan, an MRS); the clinician's hedge is the only read.
"""

from __future__ import annotations

import pytest

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INCONCLUSIVE = "conventional_imaging_inconclusive"
NONDIAGNOSTIC = "mri_nondiagnostic"
NOT_LIMITED = {INCONCLUSIVE: (A, N), NONDIAGNOSTIC: (A, N)}
LIMITED = {INCONCLUSIVE: (P,), NONDIAGNOSTIC: (P,)}

# case, text, {fact: allowed statuses}
CASES = [
    ("dictated: probable Wilson, copper studies sent in the next sentence",
     "MRI BRAIN 09/14/2026\nIMPRESSION: Midbrain and tectal T2 signal in a giant panda configuration, "
     "characteristic of Wilson disease.\n\nNEUROLOGY 09/20/2026\nImpression: probable Wilson disease. Serum "
     "ceruloplasmin and 24-hour urine copper were sent today.\n", NOT_LIMITED),
    ("EHR: suspected Alexander disease, GFAP ordered next sentence",
     "Imaging result | MRI brain | 08/03/2026\nImpression: Frontal-predominant leukoencephalopathy with a "
     "periventricular rim, typical of Alexander disease.\n\nImpression: suspected Alexander disease. GFAP gene "
     "sequencing has been ordered.\n", NOT_LIMITED),
    ("letter: we suspect MLD, enzyme result awaited next sentence",
     "Dear Dr Haddad,\nThe MRI brain of 07/19/2026 shows periventricular white matter change with a tigroid "
     "pattern, diagnostic of metachromatic leukodystrophy.\nWe think this is likely metachromatic "
     "leukodystrophy. The arylsulfatase A activity is still awaited.\nKind regards,\nDr R. Mendez\n",
     NOT_LIMITED),
    ("terse shorthand: ?Krabbe then GALC pending",
     "MRI 06/30/2026: posterior white matter and corticospinal tract signal, classic for Krabbe disease.\n"
     "Imp: ?Krabbe disease. GALC enzyme assay pending.\n", NOT_LIMITED),
    ("Canavan suspected, then the test to confirm",
     "MRI HEAD 05/11/2026\nIMPRESSION: Diffuse subcortical white matter and pallidal involvement, classic for "
     "Canavan disease.\n\nImpression 05/16/2026: Canavan disease is suspected. Urine NAA will confirm.\n",
     NOT_LIMITED),
    ("Leigh syndrome likely, mitochondrial panel outstanding",
     "MR BRAIN 04/22/2026\nIMPRESSION: Symmetric basal ganglia and periaqueductal T2 signal, characteristic of "
     "Leigh syndrome.\n\nClinical impression: Leigh syndrome is likely. The mitochondrial genome panel is "
     "outstanding.\n", NOT_LIMITED),
    ("provisional X-ALD, VLCFA sent off next sentence, one line",
     "Brain MRI (10/02/2026): parieto-occipital white matter disease with an enhancing leading edge, typical of "
     "cerebral adrenoleukodystrophy. Provisional diagnosis of adrenoleukodystrophy. Plasma VLCFA sent off "
     "10/03.\n", NOT_LIMITED),
    ("MELAS presumed, mtDNA requested next sentence",
     "MRI BRAIN 09/01/2026\nIMPRESSION: Stroke-like cortical lesions not confined to a vascular territory, "
     "characteristic of MELAS.\n\nImpression: presumed MELAS. mtDNA sequencing requested from the reference "
     "lab.\n", NOT_LIMITED),
    ("probable PKAN, PANK2 sent with a date and a turnaround",
     "MR head 03/09/2026\nIMPRESSION: Pallidal T2 hypointensity with a central hyperintense focus, diagnostic "
     "of pantothenate kinase-associated neurodegeneration.\n\nImpression: probable pantothenate "
     "kinase-associated neurodegeneration. PANK2 sequencing was sent on 03/12; results expected in six weeks.\n",
     NOT_LIMITED),
    ("Wilson suspected, then 'awaiting' the genetics",
     "MRI BRAIN 02/14/2026\nIMPRESSION: Putaminal and thalamic signal, typical of Wilson disease.\n\nImpression: Wilson "
     "disease suspected. Awaiting ATP7B genetic testing.\n", NOT_LIMITED),
    ("Alexander disease probable, genetic confirmation pending next sentence",
     "MRI BRAIN 01/28/2026\nIMPRESSION: Findings characteristic of Alexander disease.\n\nClinical impression: "
     "Alexander disease, probable. Genetic confirmation is pending.\n", NOT_LIMITED),
    ("hedge sentence already names the test awaited (unchanged)",
     "MRI BRAIN 10/04/2026\nIMPRESSION: Pattern characteristic of Krabbe disease.\n\nImpression: suspected "
     "Krabbe disease; GALC activity pending.\n", NOT_LIMITED),
    # near misses: the study stays limited
    ("near miss: the report hedges its own read, test sent next sentence",
     "MRI BRAIN 09/05/2026\nIMPRESSION: Findings could represent Wilson disease; correlate clinically.\n\n"
     "Impression: probable Wilson disease. Ceruloplasmin sent.\n", LIMITED),
    ("near miss: next sentence another topic",
     "MRI BRAIN 09/05/2026\nIMPRESSION: Nonspecific white matter signal.\n\nImpression: probable Alexander "
     "disease. Seizures are controlled on levetiracetam.\n", LIMITED),
    ("near miss: test in another paragraph after a blank line",
     "MRI BRAIN 08/15/2026\nIMPRESSION: Pallidal signal, characteristic of PKAN.\n\nImpression: probable PKAN.\n\n"
     "PANK2 sequencing ordered.\n", LIMITED),
    ("near miss: the awaited study is a repeat MRI",
     "MRI BRAIN 07/10/2026\nIMPRESSION: Symmetric basal ganglia signal, possibly Leigh syndrome.\n\n"
     "Impression: probable Leigh syndrome. Repeat MRI ordered in three months.\n", LIMITED),
    ("near miss: hedge is the only read, test next sentence",
     "Impression: probable metachromatic leukodystrophy. Arylsulfatase A ordered.\n\n"
     "MRI brain 05/30/2026: equivocal white matter signal.\n", LIMITED),
    ("near miss: characteristic read, but the repeat MRI is what is awaited",
     "MRI BRAIN 07/10/2026\nIMPRESSION: Symmetric basal ganglia T2 signal, characteristic of Leigh syndrome.\n\n"
     "Impression: probable Leigh syndrome. Follow-up MRI has been ordered for January.\n", LIMITED),
    ("near miss: characteristic read, the MRS awaited next sentence",
     "MRI BRAIN 07/10/2026\nIMPRESSION: Diffuse white matter signal, typical of Canavan disease.\n\n"
     "Impression: Canavan disease suspected. MR spectroscopy requested.\n", LIMITED),
    ("near miss: characteristic read, the test is in the next section",
     "MRI BRAIN 07/10/2026\nIMPRESSION: Frontal white matter disease, characteristic of Alexander disease.\n\n"
     "Impression: Probable Alexander disease.\nPLAN: GFAP sequencing ordered.\n", LIMITED),
    ("near miss: characteristic read, next sentence another topic",
     "MRI BRAIN 07/10/2026\nIMPRESSION: Midbrain signal characteristic of Wilson disease.\n\nImpression: "
     "probable Wilson disease. Tremor is worse in the mornings.\n", LIMITED),
    ("near miss: characteristic read, a repeat MRI awaited in the hedge's own sentence",
     "MRI BRAIN 07/10/2026\nIMPRESSION: Bilateral pallidal T2 signal, typical of Leigh syndrome.\n\n"
     "Impression: probable Leigh syndrome; repeat MRI brain ordered for March.\n", LIMITED),
    ("near miss: characteristic read, the next sentence awaits a CT",
     "MRI BRAIN 07/10/2026\nIMPRESSION: Pallidal and dentate signal, characteristic of Wilson disease.\n\n"
     "Impression: probable Wilson disease. CT head pending to exclude calcification.\n", LIMITED),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_confirming_test_in_next_sentence(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    facts = fragment_facts(text)
    for name, allowed in expected.items():
        f = facts.facts[name]
        assert f.status in allowed, (name, f.status, f.note, [(e.text, e.assertion, e.modifier_rules)
                                                              for e in f.evidence])
