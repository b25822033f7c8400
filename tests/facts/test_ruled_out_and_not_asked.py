"""Rule-outs that were answered, and what the request says it does not ask, through the real NLP stage.

1. A problem-list or assessment row that names a rule-out and then its own resolution is settled: after a dash
   ("- RESOLVED", neg.row_resolved), a colon or an arrow (": resolved", neg.item_resolved; "-> closed",
   neg.item_answered) or an exclusion ("- ruled out by biopsy"), also after a query mark ("? lymphoma"; scope
   final_verdict, `resolutions`, `hedge_marks`). The diagnosis the row settles on is the read: a backward exclusion
   does not reach a claim before it in its clause ("MRI diagnostic of toxoplasmosis, glioma excluded": scope
   claim_before), and an arrow that leads to the item's answer is no plan branch (hyp.plan_branch_answer). Near
   misses stay suspected: a row still open or awaiting ("- MRI pending": scope pending_subject, "not resolved", "to be
   resolved"), a resolution that affirms the item or tells a course under treatment ("- resolved: confirmed",
   "resolved with dexamethasone").
2. A report's own indication ("r/o mass", "eval for tumor", "rule out SOL") that the same report's findings or
   impression deny ("No intracranial mass", "No mass lesion or abnormal enhancement") is answered (supersession
   `answered`, supersede.report_answer with findings, supersede.no_lesion_answers with BRAIN_LESION). Near misses: an
   impression that finds the mass or leaves a lesion open, an indication with no answer, an epilepsy work-up's lesion
   question a normal read does not settle ("evaluate for an epileptogenic lesion", "focal seizures, r/o lesion":
   supersede.lesion_of_a_kind), a question in a clinic note, a partial read ("no mass effect").
3. A request that says what it is not for raises no suspicion (neg.not_asked): "not ordered to rule out a glioma",
   "the scan is not to look for metastasis". Near misses: "requested to look for a tumour", "not only to look for
   ... but also", "could not rule out", "not requested by oncology; neurology asks us to look for a tumour".
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, find_mention

from pipeline.contracts import FactStatus
from pipeline.facts.context import mention_status

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# ------------------------------------------------------------------ 1. a rule-out its own row resolves
# case, text, {fact: expected status}
ROW_RESOLVED = [
    ("a numbered row, a double dash and RESOLVED, the read names another finding",
     "Problem list:\n1. R/O meningioma (noted 08/2026) -- RESOLVED: MRI 09/14/2026 consistent with dural "
     "calcification, meningioma excluded\n",
     {"brain_neoplasm": A, "conventional_imaging_inconclusive": A}),
    ("a colon and 'resolved', the biopsy in brackets",
     "Assessment and plan:\n- rule out lymphoma: resolved (stereotactic biopsy 10/01/2026 showed demyelination)\n",
     {"cns_lymphoma": A, "brain_neoplasm": A}),
    ("a query mark, an arrow to 'closed' in a plan, the staging studies negative",
     "A/P:\n?metastatic disease -> closed, staging CT and MRI brain 10/20/2026 negative\n",
     {"brain_metastasis": A}),
    ("an em dash and RESOLVED, the MRI's own diagnosis in brackets",
     "Problem list:\n- r/o abscess \u2014 RESOLVED (MRI 10/12/2026 c/w subacute infarct)\n",
     {"brain_infection": A, "conventional_imaging_inconclusive": A}),
    ("'Query' before the item, resolved with a date and a tissue result",
     "Active problems:\n#2 Query glioma - resolved 10/2026 (biopsy: reactive gliosis)\n",
     {"glial_neoplasm": A, "brain_neoplasm": A}),
    ("c/f, a double arrow to 'resolved', the next sentence gives the diagnosis",
     "Assessment:\nc/f CNS lymphoma => resolved. Biopsy 10/05/2026 diagnostic of toxoplasmosis.\n",
     {"cns_lymphoma": A, "brain_infection": P}),
    ("a spaced query mark, excluded on biopsy",
     "Problem list:\n- ? glioblastoma - excluded on biopsy 09/30/2026\n", {"glial_neoplasm": A}),
    ("the read the row settles on is the MRI's diagnosis, not excluded with the glioma",
     "Problem list:\n- r/o high-grade glioma (admission) - RESOLVED: MRI 10/04/2026 diagnostic of cerebral "
     "toxoplasmosis, glioma excluded\n",
     {"glial_neoplasm": A, "brain_infection": P, "conventional_imaging_inconclusive": A,
      "tumor_vs_nontumor_differential": N}),
    # near misses: the row is still open, or its resolution affirms the item or tells a course under treatment
    ("near miss: a study pending after the rule-out",
     "Problem list:\n- R/O glioma - CT head pending\n", {"glial_neoplasm": S}),
    ("near miss: a test pending after a comma", "Problem list:\n- r/o lymphoma, CSF cytology pending\n",
     {"cns_lymphoma": S}),
    ("near miss: a resolution awaited", "Problem list:\n- r/o lymphoma: resolution awaited\n", {"cns_lymphoma": S}),
    ("near miss: not resolved", "Problem list:\n- rule out abscess - not resolved\n", {"brain_infection": S}),
    ("near miss: to be resolved", "Problem list:\n- R/O glioma - to be resolved at tumor board\n",
     {"glial_neoplasm": S}),
    ("near miss: open, with an indeterminate MRI",
     "Problem list:\n- r/o glioma (open) - MRI 10/02/2026 indeterminate, MRS requested\n",
     {"glial_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near miss: resolved as confirmed", "Problem list:\n- r/o metastasis -- resolved: confirmed on biopsy 10/02/2026\n",
     {"brain_metastasis": S}),
    ("near miss: a lesion that resolved with steroids keeps the lymphoma question",
     "Problem list:\n- ?lymphoma -- resolved with dexamethasone\n", {"cns_lymphoma": S}),
    ("near miss: a plan's branches stay hypothetical",
     "Assessment and plan:\nabscess -> aspiration; tumor -> resection\n",
     {"brain_infection": N, "brain_neoplasm": N}),
    ("near miss: a pending work-up of the diagnosis stays pending", "Problem list:\n- lymphoma work-up pending\n",
     {"cns_lymphoma": N}),
    ("near miss: a resolved problem with no rule-out is over", "Problem list:\n- Brain abscess - resolved\n",
     {"brain_infection": A}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROW_RESOLVED, ids=[c[0] for c in ROW_RESOLVED])
def test_a_rule_out_its_row_resolves_is_settled(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 2. a report's own indication it answers
ANSWERED = [
    ("r/o mass, findings and impression deny a mass",
     "MRI BRAIN WITHOUT AND WITH CONTRAST 10/02/2026\nIndication: new confusion in a 70-year-old, r/o mass\n"
     "Findings: No intracranial mass or midline shift. Ventricles normal.\nImpression: No acute intracranial "
     "process.\n", {"brain_lesion": A}),
    ("eval for tumor in the clinical history, denied in the findings only",
     "CT HEAD WITHOUT CONTRAST 10/02/2026\nClinical history: worsening headaches; eval for tumor\nFindings: No mass "
     "lesion or abnormal enhancement. No hemorrhage.\nImpression: Negative noncontrast head CT.\n",
     {"brain_neoplasm": N, "known_brain_tumor": N, "brain_lesion": A}),
    ("rule out SOL, a space-occupying lesion denied",
     "MRI BRAIN 10/02/2026\nReason for exam: morning headaches and vomiting, rule out SOL\nImpression: No "
     "space-occupying lesion. Normal MRI of the brain.\n", {"brain_lesion": A}),
    ("a tumor-versus-abscess question, both sides denied: no differential rests on it",
     "MRI BRAIN 10/02/2026\nClinical indication: headache and fever; r/o tumor vs abscess\nFindings: No mass. No "
     "abscess or abnormal enhancement.\nImpression: Normal MRI.\n",
     {"brain_neoplasm": N, "brain_infection": A, "tumor_vs_nontumor_differential": N}),
    ("eval for metastatic disease, denied in the findings",
     "MRI BRAIN WITH CONTRAST 10/02/2026\nIndication: lung cancer, eval for metastatic disease\nFindings: No "
     "enhancing lesions. No evidence of metastatic disease.\nImpression: No acute abnormality.\n",
     {"brain_metastasis": A}),
    ("r/o intracranial mass, a normal study with no lesion stated",
     "MRI HEAD 10/02/2026\nIndication: papilledema; r/o intracranial mass\nImpression: Normal study.\n",
     {"brain_lesion": N}),
    # near misses: the read finds the mass or leaves a lesion open, no answer, a lesion of a kind, a clinic note
    ("near miss: the impression finds the mass and weighs it",
     "MRI BRAIN 10/02/2026\nIndication: r/o mass\nImpression: 2.1 cm rim-enhancing mass in the left frontal lobe; "
     "differential includes high-grade glioma and abscess.\n",
     {"brain_lesion": P, "glial_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("near miss: the question has no answer in the report",
     "MRI BRAIN 10/02/2026\nIndication: confusion, r/o mass\nFindings: Ventricles and sulci are normal in size.\n",
     {"brain_lesion": S}),
    ("near miss: the findings deny a mass, the impression leaves a neoplasm open",
     "MRI BRAIN 10/02/2026\nIndication: r/o mass\nFindings: No mass.\nImpression: Small focus of enhancement in the "
     "right parietal lobe; early neoplasm cannot be excluded.\n", {"brain_lesion": S, "brain_neoplasm": S}),
    ("near miss: a lesion in the findings keeps the tumor question",
     "MRI BRAIN 10/02/2026\nIndication: r/o tumor\nFindings: No mass. Scattered T2 hyperintense foci in the "
     "periventricular white matter.\nImpression: Nonspecific white matter foci.\n", {"brain_neoplasm": S}),
    ("near miss: an epileptogenic lesion is a lesion of a kind a normal read does not settle",
     "MRI BRAIN 10/02/2026\nIndication: refractory focal seizures; evaluate for an epileptogenic lesion\n"
     "Impression: No epileptogenic lesion. Normal MRI brain.\n", {"brain_lesion": S}),
    ("near miss: an epilepsy work-up's lesion question, a terse 'No lesion.'",
     "MRI BRAIN EPILEPSY PROTOCOL 10/02/2026\nClinical: drug-resistant focal seizures, r/o lesion\nImpression: No "
     "lesion.\n", {"brain_lesion": S}),
    ("near miss: a question in a clinic note is no report's own",
     "Clinic note\nAssessment: headaches; will obtain MRI to rule out mass.\n\nMRI BRAIN 10/02/2026\nIndication: "
     "headaches\nImpression: No mass.\n", {"brain_lesion": S}),
    ("near miss: no mass effect is no read of no mass",
     "MRI BRAIN 10/02/2026\nIndication: r/o mass\nFindings: No mass effect or midline shift.\nImpression: Normal "
     "ventricles.\n", {"brain_lesion": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ANSWERED, ids=[c[0] for c in ANSWERED])
def test_a_report_answers_its_own_rule_out(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


def test_an_answered_rule_out_names_the_answer(fragment_facts) -> None:  # type: ignore[no-untyped-def]
    facts = fragment_facts("MRI BRAIN 10/02/2026\nIndication: dizziness, r/o mass\nFindings: No intracranial mass.\n"
                           "Impression: Unremarkable MRI.\n")
    [e] = [e for e in facts.facts["brain_lesion"].ignored if e.text == "mass"]
    assert e.attributes["superseded_by"] == "answered"
    assert "supersede.no_lesion_answers" in e.attributes["supersession_rule"].split()


# ------------------------------------------------------------------ 3. what the request is not for
# case, text, concept, mention text, expected status of the mention
NOT_ASKED = [
    ("not requested to look for", "Reason for request: chronic daily headache. Not requested to look for a "
     "tumour.\n", "BRAIN_TUMOR", "tumour", A),
    ("not ordered to evaluate for", "MRS ordered for the metabolic question; not ordered to evaluate for stroke.\n",
     "NONTUMOR_DX", "stroke", A),
    ("not being asked to rule out", "The spectroscopy is not being asked to rule out a glioma; the question is "
     "mitochondrial.\n", "GLIOMA", "glioma", A),
    ("did not order this study to exclude", "We did not order this study to exclude a brain tumor.\n",
     "BRAIN_TUMOR", "brain tumor", A),
    ("not asking the radiologist to rule out", "We are not asking the radiologist to rule out lymphoma.\n",
     "CNS_LYMPHOMA", "lymphoma", A),
    ("isn't being requested to screen for", "This MRS isn't being requested to screen for a brain tumour.\n",
     "BRAIN_TUMOR", "brain tumour", A),
    ("the scan is not to look for", "The scan is not to look for metastasis; it is to characterise the white "
     "matter.\n", "BRAIN_METASTASIS", "metastasis", A),
    ("not intended to evaluate for", "MRS not intended to evaluate for recurrent stroke.\n", "NONTUMOR_DX", "stroke", A),
    # near misses: the request asks it, or also asks it; a study that could not exclude it; another clause asks it
    ("near miss: requested to look for", "MRS requested to look for a tumour.\n", "BRAIN_TUMOR", "tumour", S),
    ("near miss: not only to look for ... but also", "MRS requested not only to look for a tumour but also to "
     "assess for mitochondrial disease.\n", "BRAIN_TUMOR", "tumour", S),
    ("near miss: could not rule out", "MRI could not rule out a glioma.\n", "GLIOMA", "glioma", S),
    ("near miss: not requested by one team, asked by another", "Not requested by oncology; neurology asks us to "
     "look for a tumour.\n", "BRAIN_TUMOR", "tumour", S),
    ("near miss: ordered to evaluate for", "Ordered to evaluate for stroke versus tumefactive demyelination.\n",
     "NONTUMOR_DX", "stroke", S),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), NOT_ASKED, ids=[c[0] for c in NOT_ASKED])
def test_what_a_request_is_not_for_is_no_suspicion(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    mention = find_mention(mentions, text, concept, span)
    assert mention_status(mention) is expected, (mention.modifiers, mention.modifier_rules)


NOT_ASKED_FACTS = [
    ("not requested to look for a tumour", "Not requested to look for a tumour.\n", {"brain_neoplasm": A}),
    ("not ordered to rule out a glioma", "MRS not ordered to rule out a glioma.\n", {"glial_neoplasm": A}),
    ("near miss: requested to look for a tumour", "MRS requested to look for a tumour.\n", {"brain_neoplasm": S}),
    ("near miss: not only ... but also", "Requested not only to look for a tumour but also to assess for "
     "mitochondrial disease.\n", {"brain_neoplasm": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), NOT_ASKED_FACTS, ids=[c[0] for c in NOT_ASKED_FACTS])
def test_what_a_request_is_not_for_makes_no_suspected_fact(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
