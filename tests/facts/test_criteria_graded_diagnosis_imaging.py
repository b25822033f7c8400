"""A diagnosis graded by named diagnostic criteria that lists the imaging among the criteria met is no inconclusive read.

Class: an assessment grades a diagnosis by diagnostic criteria and names the MRI (or CT) among the criteria met
("Probable sCJD by CDC criteria (met: dementia, myoclonus, MRI DWI ribboning)", "possible autoimmune encephalitis
per Graus criteria - subacute onset, MRI medial temporal FLAIR signal, CSF pleocytosis"). The grade word qualifies
the diagnosis, not the study; the study listed as met is a characteristic read. Rule: cues
`verdict.criteria_graded` and `verdict.criteria_not_graded` (facts/resources/cues.yaml), applied in imaging.py
(`criteria_graded`, `_verdict_cues`): such a hedged diagnosis gives the study no verdict.

Near misses stay inconclusive: the study's own verdict words ("MRI inconclusive", "nondiagnostic for",
"equivocal", "unable to distinguish"), criteria unmet or only perhaps met ("does not yet meet McDonald criteria",
"may fulfil"), criteria that are not diagnostic (RANO, a payer's), a report's own hedge; criteria not met beside a
negative MRI gives no read either way.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INCONCLUSIVE = "conventional_imaging_inconclusive"
NONDIAGNOSTIC = "mri_nondiagnostic"

# case, text, expected status of both verdict facts
CASES = [
    ("numbered plan, CDC criteria with a met list in parentheses",
     "NEUROLOGY CONSULT 10/14/2026\nHPI: 67M, 8 weeks of cognitive decline.\nA/P:\n1. Probable sCJD by CDC 2018 "
     "criteria (met: rapidly progressive dementia, startle myoclonus, MRI DWI cortical and caudate restriction).\n"
     "2. RT-QuIC sent.\n", N),
    ("Graus criteria after a dash, dictated",
     "Impression: possible autoimmune encephalitis per Graus 2016 criteria -- subacute working memory deficits, "
     "MRI bilateral medial temporal T2/FLAIR signal, CSF 24 WBC.\nPlan: IVIG.\n", N),
    ("letter, revised McDonald criteria with the MRI showing DIS and DIT",
     "Dear Dr Patel,\nThank you for seeing Ms R. We feel she has probable relapsing-remitting MS according to the "
     "revised McDonald criteria, with MRI showing dissemination in space and time.\nKind regards\n", N),
    ("terse shorthand, McDonald year and a colon list",
     "DX: probable MS (McDonald 2017: DIS on MRI + CSF-specific OCB)\nPLAN: start ocrelizumab\n", N),
    ("Bernier criteria for a mitochondrial disorder",
     "Assessment\nProbable mitochondrial disease (Bernier criteria: 2 major - stroke-like episode, MRI basal "
     "ganglia lesions; elevated CSF lactate).\n", N),
    ("problem list, criteria fulfilled before the list",
     "PROBLEM LIST\n- Possible limbic encephalitis, Graus criteria fulfilled: subacute onset, seizures, MRI "
     "mesial temporal hyperintensity\n", N),
    ("grounds listed first, criteria met after the MRI",
     "Clinical summary: rapidly progressive dementia, akinetic mutism, MRI ribboning on DWI, 14-3-3 positive -> "
     "WHO criteria met, probable CJD.\n", N),
    ("meets criteria for possible CJD, plus signs",
     "Pt meets criteria for possible CJD: progressive dementia + myoclonus + MRI cortical ribboning. EEG "
     "pending.\n", N),
    ("EHR export with pipes",
     "Diagnosis | Probable multiple sclerosis | McDonald criteria met: two clinical attacks, MRI periventricular "
     "and juxtacortical lesions\n", N),
    ("consensus criteria and a CT",
     "Assessment: probable neurocysticercosis by the revised diagnostic criteria (cystic lesion with scolex on CT, "
     "positive serology).\n", N),
    ("criteria named after the diagnosis, MRI with a line wrap",
     "Impression: Possible anti-NMDAR encephalitis per Graus criteria: psychiatric onset, dyskinesias,\nMRI "
     "with medial temporal FLAIR change.\n", N),
    ("a characteristic report, then the graded diagnosis",
     "MRI BRAIN 10/01/2026\nIMPRESSION: Restricted diffusion of the bilateral caudate and cortical ribbon, pattern "
     "characteristic of prion disease.\n\nNEUROLOGY 10/03/2026\nAssessment: Probable CJD per UK NCJDRSU criteria "
     "(met: dementia, myoclonus, MRI high signal in caudate/putamen).\n", A),
    ("a typical report, then diagnostic criteria for probable MS",
     "MRI BRAIN W/WO 09/20/2026\nIMPRESSION: Periventricular, juxtacortical and infratentorial lesions, one "
     "enhancing; findings typical of demyelinating disease.\n\nMS CLINIC 09/25/2026\nImpression: Probable MS - "
     "meets diagnostic criteria for probable MS with MRI dissemination in space and time.\n", A),
    ("a definite grade is conclusive",
     "IMPRESSION: Definite multiple sclerosis by 2017 McDonald criteria; MRI dissemination in space and time "
     "fulfilled.\n", A),
    # near misses: the study's own verdict, unmet or hedged criteria, other criteria, the report's own hedge
    ("near miss: MRI inconclusive, diagnosis possible",
     "NEURO NOTE\nMRI brain 10/05/2026 inconclusive; autoimmune encephalitis possible.\n", P),
    ("near miss: MRI nondiagnostic for prion disease",
     "Brain MRI (10/05/2026): nondiagnostic for prion disease.\n", P),
    ("near miss: MRI equivocal, possible demyelination",
     "MRI brain 10/05/2026: equivocal, possible early demyelination.\n", P),
    ("near miss: possible on MRI, unable to distinguish",
     "MRI 10/05/2026 showed possible demyelination, unable to distinguish from small vessel ischemic change.\n", P),
    ("near miss: MRI indeterminate beside criteria pending",
     "MRI brain 10/05/2026 indeterminate; possible CJD per WHO criteria pending EEG.\n", P),
    ("near miss: criteria not met, MRI negative - no read invented",
     "A/P: Possible CJD; WHO criteria not met - MRI negative, EEG without periodic complexes.\n", N),
    ("near miss: does not yet meet McDonald criteria",
     "A/P: Possible MS; does not yet meet McDonald criteria, MRI shows a single periventricular lesion.\n", P),
    ("near miss: the report's hedge, may fulfil criteria",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Probable demyelination; may fulfil McDonald criteria for DIS on MRI, "
     "clinical correlation.\n", P),
    ("near miss: RANO response criteria",
     "Possible tumor recurrence per RANO criteria - MRI shows new enhancement at the resection margin.\n", P),
    ("near miss: a payer's criteria",
     "Probable radiation necrosis vs recurrence; payer criteria met as prior MRI showed enhancing lesion.\n", P),
    ("near miss: criteria aren't met, shorthand",
     "Imp: possible MS; McDonald criteria aren't met yet, MRI 10/05/2026 one juxtacortical lesion only.\n", P),
    ("near miss: doesn't meet criteria, in the same clause",
     "Impression: possible MS in a patient who doesn't meet McDonald criteria yet, MRI 10/05/2026 showing one "
     "juxtacortical lesion.\n", P),
    ("near miss: trial eligibility criteria",
     "Possible recurrence - clinical trial eligibility criteria met given MRI 10/05/2026 enhancement.\n", P),
    ("near miss: the imaging still to come",
     "Possible autoimmune encephalitis by Graus criteria, repeat MRI brain next week.\n", P),
    ("near miss: the report's own hedge",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Possible demyelination.\n", P),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_criteria_grade_is_no_inconclusive_read(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), {INCONCLUSIVE: expected, NONDIAGNOSTIC: expected})
