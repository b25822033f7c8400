"""An MRI read as characteristic or typical of a disease is no limited study while the diagnosis awaits confirmation.

Class: a report calls its pattern characteristic, typical or diagnostic of a disease, or says the study is not
equivocal / not indeterminate, and the clinical note keeps the disease "suspected" while genetic, metabolic or
tissue confirmation is pending ("VLCFA sent", "GFAP sequencing pending", "genetics to confirm"). The hedge is on the
diagnosis, not on the imaging: conventional_imaging_inconclusive and mri_nondiagnostic are not present.

Near misses stay limited: a pattern called nonspecific with a differential, an indeterminate study that cannot
distinguish two diagnoses, an equivocal examination, a pattern suggestive of a disease but not diagnostic of it.
A characteristic pattern that was not seen is no conclusive read either.
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
    ("dictated report, typical of ALD and not equivocal, VLCFA sent",
     "MRI BRAIN W/WO CONTRAST 10/03/2026\nIMPRESSION: Symmetric T2 hyperintensity of the dentate nuclei and "
     "splenium, typical of X-linked adrenoleukodystrophy. This is not an equivocal examination.\n\n"
     "NEUROLOGY NOTE 10/09/2026\nAssessment: suspected X-ALD; very long chain fatty acids sent.\n", NOT_LIMITED),
    ("EHR export, pattern characteristic of Alexander disease, GFAP pending",
     "Imaging result | MRI brain | 09/21/2026\nImpression: Frontal white matter disease with periventricular "
     "rim; pattern characteristic of Alexander disease.\n\nProblem list:\n1. Alexander disease, suspected - GFAP "
     "gene sequencing pending.\n", NOT_LIMITED),
    ("terse shorthand, diagnostic of PKAN, genetics to confirm",
     "MRI 08/30/2026: eye-of-the-tiger sign in the globus pallidus, diagnostic of PKAN.\nA/P: ?PKAN - PANK2 "
     "genetics to confirm.\n", NOT_LIMITED),
    ("letter, typical appearance of MLD, enzyme awaited",
     "Dear Dr Osei,\nThank you for seeing Amira. Her MRI brain of 10/11/2026 shows confluent periventricular "
     "white matter change with a tigroid pattern, typical of metachromatic leukodystrophy. We suspect MLD and "
     "arylsulfatase A activity is awaited.\nYours sincerely,\nDr P. Lang\n", NOT_LIMITED),
    ("not indeterminate, with a metabolic screen pending",
     "MR BRAIN 10/01/2026\nIMPRESSION:\n1. Bilateral symmetric basal ganglia and brainstem T2 signal, "
     "characteristic of Leigh syndrome.\n2. The study is not indeterminate.\n\nPlan: suspected Leigh syndrome; "
     "lactate, pyruvate and mitochondrial panel pending.\n", NOT_LIMITED),
    ("classic for Canavan, confirmation by urine NAA pending",
     "MRI HEAD 07/14/2026\nIMPRESSION: Diffuse subcortical U-fibre involvement with globus pallidus signal, "
     "classic for Canavan disease.\n\nClinic 07/20/2026: Canavan disease suspected; urine organic acids and ASPA "
     "sequencing sent.\n", NOT_LIMITED),
    ("characteristic of Krabbe, pathology and enzyme awaited, British spelling",
     "MRI brain 06/02/2026 - IMPRESSION: Posterior-predominant white matter and corticospinal tract signal, "
     "characteristic of globoid cell leukodystrophy (Krabbe).\nAssessment: probable Krabbe disease; "
     "galactocerebrosidase assay and nerve biopsy pending.\n", NOT_LIMITED),
    ("pathognomonic, tissue to confirm",
     "MRI BRAIN 05/17/2026\nIMPRESSION: Pontine T2 signal with a trident shape sparing the corticospinal tracts, "
     "pathognomonic of osmotic demyelination.\n\nNote: osmotic demyelination is suspected clinically; "
     "confirmation awaited.\n", NOT_LIMITED),
    ("typical of ALD in a single line, VLCFA result awaited",
     "Brain MRI (09/12/2026): parieto-occipital white matter disease with an enhancing leading edge, typical of "
     "cerebral ALD. Suspected X-ALD, VLCFA result awaited.\n", NOT_LIMITED),
    ("report says not equivocal, diagnosis still provisional",
     "MRI BRAIN 10/04/2026\nFINDINGS: Swollen frontal white matter with periventricular garland.\n"
     "IMPRESSION: Findings characteristic of Alexander disease; not an equivocal study.\n\nImpression: "
     "provisional diagnosis of Alexander disease pending genetic testing.\n", NOT_LIMITED),
    ("characteristic MRI alone",
     "MRI BRAIN 10/04/2026\nIMPRESSION: Pattern characteristic of Alexander disease.\n", NOT_LIMITED),
    ("diagnostic of MELAS, mtDNA sequencing pending",
     "MRI BRAIN 09/28/2026\nIMPRESSION: Stroke-like cortical lesions crossing vascular territories, consistent "
     "with and characteristic of MELAS.\n\nA/P: MELAS suspected; mtDNA sequencing pending.\n", NOT_LIMITED),
    ("dictated impression, typical of X-ALD, 'awaiting confirmation'",
     "MRI of the brain dated 10/06/2026. Impression: the appearance is typical of X-linked "
     "adrenoleukodystrophy. Clinical impression: suspected ALD, awaiting biochemical confirmation.\n",
     NOT_LIMITED),
    ("shorthand, 'c/w and characteristic', Wilson, copper studies pending",
     "MRI brain 08/02/2026: face of the giant panda in the midbrain, characteristic of Wilson disease.\n"
     "Imp: ? Wilson disease - ceruloplasmin and 24h urine copper pending.\n", NOT_LIMITED),
    ("report line then a clinic line, same report, VLCFA sent",
     "MRI BRAIN 09/02/2026\nIMPRESSION: Posterior white matter disease with contrast at the leading edge, "
     "diagnostic of adrenoleukodystrophy.\n\nSeen in clinic 09/09/2026: adrenoleukodystrophy suspected, plasma "
     "VLCFA sent.\n", NOT_LIMITED),
    ("terse, probable diagnosis with genetics ordered",
     "MR head 06/25/2026\nIMPRESSION: Bilateral pallidal T2 hypointensity with central hyperintensity, classic "
     "for pantothenate kinase-associated neurodegeneration.\nImpression: probable pantothenate kinase-associated "
     "neurodegeneration, PANK2 genetic testing ordered.\n", NOT_LIMITED),
    # near misses: the study itself is limited
    ("near miss: report hedges its own read, confirmation pending",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Possible Canavan disease.\n\nPlan: ASPA sequencing sent.\n", LIMITED),
    ("near miss: characteristic of one, another still open, tests sent",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Pattern characteristic of metachromatic leukodystrophy; Krabbe disease "
     "remains possible.\n\nA/P: MLD versus Krabbe disease - enzyme assays sent.\n", LIMITED),
    ("near miss: nonspecific pattern with a differential",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Nonspecific bilateral white matter signal; differential includes a "
     "mitochondrial disorder or a leukodystrophy.\n\nPlan: metabolic workup pending.\n", LIMITED),
    ("near miss: indeterminate, cannot distinguish",
     "MRI brain 09/15/2026 indeterminate - cannot distinguish Krabbe disease from MLD.\nPlan: enzyme assays "
     "sent.\n", LIMITED),
    ("near miss: an equivocal examination",
     "MRI BRAIN 10/02/2026\nIMPRESSION: An equivocal examination for X-linked adrenoleukodystrophy.\n\n"
     "Assessment: suspected ALD; VLCFA sent.\n", LIMITED),
    ("near miss: suggestive but not diagnostic",
     "MRI 10/08/2026: basal ganglia signal suggestive of Leigh syndrome but not diagnostic.\nPlan: genetic "
     "panel pending.\n", LIMITED),
    ("near miss: nondiagnostic study, genetics pending",
     "MRI BRAIN 08/11/2026\nIMPRESSION: Nondiagnostic study; leukodystrophy cannot be excluded.\n\nA/P: "
     "suspected leukodystrophy - genetic panel sent.\n", LIMITED),
    ("near miss: characteristic pattern not seen",
     "MRI BRAIN 10/09/2026\nIMPRESSION: Mild nonspecific white matter signal; the characteristic pattern of "
     "Alexander disease is not seen.\n", {INCONCLUSIVE: (P, A, N), NONDIAGNOSTIC: (P, A, N)}),
    ("near miss: may represent one of two, confirmation pending",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Findings may represent MLD or Krabbe disease.\n\nPlan: suspected "
     "leukodystrophy, enzyme assays pending.\n", LIMITED),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_characteristic_mri_is_not_limited(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    facts = fragment_facts(text)
    for name, allowed in expected.items():
        f = facts.facts[name]
        assert f.status in allowed, (name, f.status, f.note, [(e.text, e.assertion, e.modifier_rules)
                                                              for e in f.evidence])
