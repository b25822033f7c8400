"""Imaging reports and verdicts, through the real NLP stage (fresh fragments in several styles: dictated report,
EHR export, terse fax, letter). Rows marked "near miss" must keep today's reading.

1. A report's own question answered by its own impression (supersede.report_answer, supersede.no_lesion_answers,
   supersede.cause_answers): a hedged mention in the report's title lines or indication is settled when the same
   report's impression negates it, reads no lesion, or names the disease with its acquired cause.
2. "Not typical of X", "atypical for X", "not characteristic of X", "does not fit X" argue against X
   (neg.argues_against), as "not consistent with" does.
3. The verdict words of a genetic, biochemical or tissue result are not a study's verdict (verdict.other_test,
   verdict.other_test_after), and a diagnosis such a result settles leaves the imaging inconclusive.
4. The acquired cause of a leukoencephalopathy stated in its sentence in other words holds for it
   (leukodystrophy.cause_stated, leukodystrophy.cause_refers).
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


# ------------------------------------------------------------------ 1. the report's question, its own answer
ANSWERED = [
    ("surveillance for metastases, answered by 'no evidence of intracranial metastatic disease'",
     "MRI BRAIN W/WO CONTRAST 10/02/2026\nIndication: Stage IV lung adenocarcinoma, surveillance for brain "
     "metastases.\nFindings: No abnormal enhancement. Ventricles normal in size.\nImpression: No evidence of "
     "intracranial metastatic disease. Normal study.\n",
     {"brain_metastasis": A, "brain_neoplasm": A}),
    # a read of no lesion answers a tumor or MTS question; the lesion question of an epilepsy work-up keeps
    # dev-045's adjudicated reading (suspected beside "No epileptogenic lesion"; supersede.lesion_of_a_kind)
    ("r/o MTS under the title, answered by 'No lesion.' (the lesion question kept)",
     "MRI BRAIN SEIZURE PROTOCOL 09/14/2026\nClinical: refractory focal seizures, r/o MTS, r/o lesion\nFindings: "
     "Hippocampi symmetric in size and signal. Cortex normal.\nImpression: No lesion. Hippocampi symmetric.\n",
     {"temporal_lobe_epilepsy": N, "brain_lesion": S}),
    ("r/o MTS answered by a normal study (terse)",
     "CLINICAL HISTORY: intractable epilepsy; r/o mesial temporal sclerosis.\nFINDINGS: Normal hippocampal volume "
     "and signal.\nIMPRESSION: Normal MRI.\n",
     {"temporal_lobe_epilepsy": N}),
    ("r/o tumor answered by 'no mass'",
     "CT HEAD WITHOUT CONTRAST 08/20/2026\nReason for exam: new headache, r/o tumor\nFindings: No mass, "
     "hemorrhage or hydrocephalus.\nImpression: No mass.\n",
     {"brain_neoplasm": N}),
    ("r/o relapse and r/o leukodystrophy, answered by no relapse and an acquired leukoencephalopathy",
     "MRI BRAIN 10/02/2026\nIndication: ALL on maintenance methotrexate; r/o relapse, r/o leukodystrophy.\nFindings: "
     "Symmetric deep white matter T2 hyperintensity.\nImpression: Symmetric deep white matter leukoencephalopathy: "
     "imaging pattern of methotrexate-related leukoencephalopathy. No evidence of CNS relapse.\n",
     {"leukodystrophy": P, "recurrent_or_residual_tumor": A}),
    ("evaluate for demyelination, answered by 'no demyelinating lesions'",
     "MRI BRAIN W/WO 07/11/2026\nIndication: optic neuritis, evaluate for demyelinating disease.\nImpression: No "
     "demyelinating lesions. Normal MRI of the brain.\n",
     {"demyelination": A}),
    # near misses
    ("near miss: the impression answers another question and leaves the lesion open",
     "MRI BRAIN 09/14/2026\nIndication: melanoma, r/o metastasis, r/o lesion\nImpression: No metastasis. Nonspecific "
     "white matter foci; a small lesion cannot be excluded.\n",
     {"brain_lesion": S, "brain_metastasis": A}),
    ("near miss: a question in a clinic note stays a question",
     "Clinic note 10/01/2026\nAssessment: new focal seizures, r/o lesion.\nPlan: MRI brain with epilepsy protocol.\n",
     {"brain_lesion": S}),
    ("near miss: a partial normal read does not answer the lesion",
     "MRI BRAIN 09/14/2026\nIndication: seizures, r/o lesion\nImpression: No enhancing lesion. Otherwise normal "
     "study.\n",
     {"brain_lesion": S}),
    ("near miss: a named leukodystrophy negated does not answer the generic question",
     "MRI BRAIN 10/02/2026\nIndication: developmental regression, r/o leukodystrophy\nImpression: Diffuse "
     "hypomyelination. No features of Krabbe disease.\n",
     {"leukodystrophy": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ANSWERED, ids=[c[0] for c in ANSWERED])
def test_a_reports_own_question_is_answered_by_its_impression(fragment_facts, case, text, expected
                                                               ):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


def test_an_answered_question_names_its_answer(fragment_facts) -> None:  # type: ignore[no-untyped-def]
    facts = fragment_facts(ANSWERED[0][1])
    [e] = [e for e in facts.facts["brain_metastasis"].ignored if e.text == "brain metastases"]
    assert e.attributes["superseded_by"] == "answered"
    assert "supersede.report_answer" in e.attributes["cue"].split()


# ------------------------------------------------------------------ 2. a read that argues against a diagnosis
AGAINST = [
    ("not typical of", "Impression: the enhancement pattern is not typical of a high-grade glioma.\n",
     {"glial_neoplasm": A}),
    ("atypical for", "Assessment: the lesion is atypical for primary CNS lymphoma.\n", {"cns_lymphoma": A}),
    ("not characteristic of", "The ring enhancement is not characteristic of a metastasis.\n",
     {"brain_metastasis": A}),
    ("does not fit", "The distribution does not fit multiple sclerosis.\n", {"multiple_sclerosis": A}),
    ("doesn't fit with (dictation)", "Honestly the picture doesn't fit with an abscess.\n", {"brain_infection": A}),
    ("atypical of, then a new claim", "Findings atypical of demyelination, consistent with a glioma.\n",
     {"demyelination": A, "glial_neoplasm": P}),
    # near misses
    ("near miss: typical of", "Appearance typical of a meningioma.\n", {"brain_neoplasm": P}),
    ("near miss: not atypical for", "The perfusion is not atypical for glioblastoma.\n", {"glial_neoplasm": S}),
    # a yardstick, not negated (hyp.reference_expectation: no diagnosis of the patient; was suspected)
    ("near miss: lower than typical for", "The rCBV is lower than typical for a high-grade glioma.\n",
     {"glial_neoplasm": N}),
]


@pytest.mark.parametrize(("case", "text", "expected"), AGAINST, ids=[c[0] for c in AGAINST])
def test_a_read_against_a_diagnosis_negates_it(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 3. a test's verdict is not the study's
_IC = "conventional_imaging_inconclusive"
TESTS = [
    ("a gene panel's 'consistent with' after the report (no new header)",
     "MRI BRAIN 08/03/2026\nFindings: Confluent periventricular white matter T2 hyperintensity; MRI cannot "
     "distinguish a leukodystrophy from acquired injury; indeterminate.\nImpression: Symmetric white matter "
     "disease.\n\nLeukodystrophy gene panel 09/10/2026: two pathogenic ARSA variants, consistent with metachromatic "
     "leukodystrophy.\n", {_IC: P, "leukodystrophy": P}),
    ("genetically and biochemically confirmed, in the next sentence",
     "MRI brain 08/03/2026: diffuse white matter abnormality, indeterminate. It was subsequently genetically and "
     "biochemically confirmed as Krabbe disease.\n", {_IC: P, "leukodystrophy": P}),
    ("an addendum reporting the genetic result",
     "MRI BRAIN 06/12/2026\nImpression: Leukodystrophy versus hypomyelination. MRI cannot distinguish these; "
     "indeterminate.\nAddendum: genetic testing has since returned consistent with Pelizaeus-Merzbacher disease.\n",
     {_IC: P}),
    ("a genetic result that withdraws one side of the differential",
     "MRI brain 08/03/2026 showed confluent white matter change, MLD versus Krabbe disease; MRI cannot distinguish "
     "these; indeterminate.\nGenetics 09/10/2026: Krabbe disease not supported; consistent with metachromatic "
     "leukodystrophy.\n", {_IC: P}),
    ("confirmed by enzyme assay (letter)",
     "Her MRI of 05/02/2026 was indeterminate for a leukodystrophy. The diagnosis of MLD was confirmed by enzyme "
     "assay in June.\n", {_IC: P}),
    # near misses
    ("near miss: the report itself reads 'consistent with'",
     "MRI BRAIN 08/03/2026\nImpression: Symmetric periventricular white matter abnormality with tigroid pattern, "
     "consistent with metachromatic leukodystrophy.\n", {_IC: A}),
    ("near miss: a later MRI is diagnostic after an exclusion",
     "MRI brain 04/11/2025: right parietal lesion, low-grade glioma versus subacute infarct.\nFollow-up MRI "
     "07/02/2025 showed evolution typical of infarct. Neoplasm was ruled out.\n", {_IC: A}),
]


@pytest.mark.parametrize(("case", "text", "expected"), TESTS, ids=[c[0] for c in TESTS])
def test_a_tests_verdict_is_not_the_studys(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 4. the cause stated once holds
def _cause(facts) -> list[str]:  # type: ignore[no-untyped-def]
    return facts.facts["leukodystrophy"].attributes.get("cause", [])


CAUSES = [
    ("an imaging pattern of methotrexate toxicity",
     "Impression: Symmetric deep white matter leukoencephalopathy, imaging pattern of methotrexate toxicity.\n",
     ["acquired"]),
    ("typical of neurotoxicity after a semicolon",
     "IMPRESSION: Confluent leukoencephalopathy; the pattern is typical of methotrexate neurotoxicity.\n",
     ["acquired"]),
    ("in keeping with treatment-related injury",
     "Bilateral symmetric leukoencephalopathy, in keeping with treatment-related white matter injury after "
     "intrathecal methotrexate.\n", ["acquired"]),
    ("the next sentence refers back",
     "Assessment: 9-year-old with ALL. MRI: diffuse leukoencephalopathy. This is attributed to her intrathecal "
     "methotrexate.\n", ["acquired"]),
    ("the cause named as a leukoencephalopathy after a colon",
     "Impression: Symmetric deep white matter leukoencephalopathy sparing the U-fibers: imaging pattern of "
     "methotrexate-related leukoencephalopathy.\n", ["acquired"]),
    # near misses
    ("near miss: a toxin weighed against an inherited disease",
     "Impression: Diffuse leukoencephalopathy, consistent with methotrexate toxicity or an inherited "
     "leukodystrophy.\n", ["unstated"]),
    ("near miss: an inherited disease named for the patient keeps its cause",
     "Known metachromatic leukodystrophy. MRI: progressive leukoencephalopathy.\n", ["inherited", "unstated"]),
    ("near miss: a relative's leukodystrophy stays the relative's",
     "Impression: diffuse leukoencephalopathy of unknown cause. Her brother has X-linked adrenoleukodystrophy.\n",
     ["unstated"]),
]


@pytest.mark.parametrize(("case", "text", "expected"), CAUSES, ids=[c[0] for c in CAUSES])
def test_the_stated_cause_holds(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    assert _cause(fragment_facts(text)) == expected
