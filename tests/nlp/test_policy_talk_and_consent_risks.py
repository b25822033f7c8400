"""Words about coverage rules and procedure risks name diseases without saying the patient has them.

1. Policy and category talk (context.yaml hyp.policy_category, hyp.policy_list, hyp.policy_list_after,
   hyp.policy_covers): a disease named as the payer's category ("under its tumor indications", "the glioma
   indication"), listed as the payer's categories ("the payer's list (glioma, abscess, ...)", "... are the covered
   diagnoses") or as what a payer's rule covers ("her insurer covers MRS only for tumors") is HYPOTHETICAL.
   Near misses: a diagnosis of the patient's before the category ("her glioblastoma falls under the plan's tumor
   indication"), the patient meeting criteria, a tumour board, diagnostic criteria, a grade category.
2. Consent and procedure-risk lists (hyp.consent_risks, hyp.consent_risks_of, hyp.consent_complications): the
   risks listed ("Risks discussed: ...", "(risks: ...)", "the risks, which include ...", "complications such as ...
   were explained") are HYPOTHETICAL. Near misses: a complication that happened, a risk list that ended before
   the patient's own disease, the risk of leaving her disease untreated, risk factors.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

H, NEG, HIST = "hypothetical", "negated", "historical"
MINE = {"hyp.policy_category", "hyp.policy_list", "hyp.policy_list_after", "hyp.policy_covers",
        "hyp.consent_risks", "hyp.consent_risks_of", "hyp.consent_complications"}

# (id, text, concept, phrase, expected modifiers, the rule that must make it hypothetical or None for a near miss)
CASES = [
    # ---- a disease named as the payer's category
    ("under-its-indications", "I gather the insurer reviews spectroscopy under its tumor and metabolic indications.",
     "BRAIN_TUMOR", "tumor", {H}, "hyp.policy_category"),
    ("not-under-the-indication", "This request does not fall under the glioma indication.",
     "GLIOMA", "glioma", {H, NEG}, "hyp.policy_category"),
    ("not-asking-under-criteria", "We are not asking under the brain tumor criteria; the question is metabolic.",
     "BRAIN_TUMOR", "brain tumor", {H, NEG}, "hyp.policy_category"),
    ("plans-indication-opening", "Under the plan's brain tumor indication, MRS is covered after an equivocal MRI.",
     "BRAIN_TUMOR", "brain tumor", {H}, "hyp.policy_category"),
    ("filed-under-category", "The portal filed the request under the tumor category by default.",
     "BRAIN_TUMOR", "tumor", {H}, "hyp.policy_category"),
    ("carriers-criteria", "The carrier's abscess criteria do not apply to this child.",
     "BRAIN_INFECTION", "abscess", {H}, "hyp.policy_category"),
    ("outside-its-indications", "Leukodystrophy sits outside its lymphoma indications.",
     "CNS_LYMPHOMA", "lymphoma", {H}, "hyp.policy_category"),
    # ---- the payer's list of categories
    ("payers-list-parens", "The payer's list (glioma, abscess, metabolic disease) leaves out Huntington disease.",
     "GLIOMA", "glioma", {H}, "hyp.policy_list"),
    ("covered-indications-are", "The plan's covered indications are brain tumour, brain abscess and inborn errors.",
     "BRAIN_INFECTION", "brain abscess", {H}, "hyp.policy_list"),
    ("coverage-categories-on-form", "Coverage categories on the request form: tumor, infection, metabolic, other.",
     "BRAIN_INFECTION", "infection", {H}, "hyp.policy_list"),
    ("approved-indications-colon", "Insurer's approved indications: metastasis, lymphoma, abscess.",
     "BRAIN_METASTASIS", "metastasis", {H}, "hyp.policy_list"),
    ("are-the-covered-diagnoses", "Glioblastoma and abscess are the covered diagnoses for this benefit.",
     "GLIOMA", "Glioblastoma", {H}, "hyp.policy_list_after"),
    ("one-of-listed-conditions", "Meningitis is one of the payer's listed conditions.",
     "BRAIN_INFECTION", "Meningitis", {H}, "hyp.policy_list_after"),
    # ---- the payer's rule told with its verb
    ("insurer-covers-only", "Her insurer covers MRS only for tumors and infections.",
     "BRAIN_TUMOR", "tumors", {H}, "hyp.policy_covers"),
    ("plan-groups-as", "The health plan groups spectroscopy requests as tumour, infection or metabolic.",
     "BRAIN_INFECTION", "infection", {H}, "hyp.policy_covers"),
    ("medicaid-reimburses", "Medicaid reimburses spectroscopy for metastases and abscess only.",
     "BRAIN_METASTASIS", "metastases", {H}, "hyp.policy_covers"),
    # ---- near misses: the patient's own disease
    ("nm-tumor-board", "Tumor board reviewed his oligodendroglioma on Tuesday.",
     "GLIOMA", "oligodendroglioma", set(), None),
    ("nm-covered-by-plan", "The metastasis is covered by the plan.", "BRAIN_METASTASIS", "metastasis", set(), None),
    ("nm-meets-criteria", "He meets the insurer's criteria: known glioblastoma, new enhancement.",
     "GLIOMA", "glioblastoma", set(), None),
    ("nm-falls-under", "Her glioblastoma falls under the plan's tumor indication.",
     "GLIOMA", "glioblastoma", set(), None),
    ("nm-grade-category", "Her tumor falls in the high-grade category.", "TUMOR_GRADE", "high-grade", set(), None),
    ("nm-indication-header", "Indication: brain abscess, rule out tumor.",
     "BRAIN_INFECTION", "brain abscess", set(), None),
    ("nm-criteria-met", "Criteria met: recurrent glioblastoma after chemoradiation.",
     "GLIOMA", "glioblastoma", set(), None),
    ("nm-mcdonald", "MS diagnosed under the 2017 McDonald criteria.", "MULTIPLE_SCLEROSIS", "MS", set(), None),
    ("nm-her-covered-diagnosis", "Her glioma is a covered diagnosis.", "GLIOMA", "glioma", set(), None),
    ("nm-covers-her", "The plan covers MRS for her glioblastoma.", "GLIOMA", "glioblastoma", set(), None),
    # ---- consent and procedure-risk lists
    ("risks-reviewed-colon", "Risks reviewed with the patient: infection, bleeding, seizure, death.",
     "SEIZURE", "seizure", {H}, "hyp.consent_risks"),
    ("consent-parens-risks", "Contrast consent signed (risks: allergic reaction, infection at the IV site).",
     "BRAIN_INFECTION", "infection", {H}, "hyp.consent_risks"),
    ("risks-which-include", "We discussed the risks, which include infection, bleeding and seizures.",
     "SEIZURE", "seizures", {H}, "hyp.consent_risks"),
    ("risks-in-parens-outlined", "Biopsy consent: the risks (haemorrhage, infection, new deficit) were outlined.",
     "BRAIN_INFECTION", "infection", {H}, "hyp.consent_risks"),
    ("risks-benefits-including", "Risks, benefits and alternatives reviewed, including infection and seizures.",
     "BRAIN_INFECTION", "infection", {H}, "hyp.consent_risks"),
    ("risks-include", "Consent obtained; risks include bleeding and meningitis.",
     "BRAIN_INFECTION", "meningitis", {H}, "hyp.consent_risks"),
    ("risks-such-as", "Lumbar puncture consent: risks such as headache, infection and bleeding were explained.",
     "BRAIN_INFECTION", "infection", {H}, "hyp.consent_risks"),
    ("risks-list-lines", "Risks discussed:\n- infection\n- seizure\n- allergic reaction\n",
     "SEIZURE", "seizure", {H}, "hyp.consent_risks"),
    ("risks-of-discussed", "Informed consent: risks of haemorrhage, ventriculitis and stroke were discussed.",
     "BRAIN_INFECTION", "ventriculitis", {H}, "hyp.consent_risks_of"),
    ("potential-complications", "Potential complications, including meningitis and abscess, were explained to the "
     "family.", "BRAIN_INFECTION", "abscess", {H}, "hyp.consent_complications"),
    ("complications-such-as", "Possible complications such as stroke or seizures were reviewed.",
     "SEIZURE", "seizures", {H}, "hyp.consent_complications"),
    ("side-effects-discussed", "Side effects discussed: headache, seizure, allergic reaction.",
     "SEIZURE", "seizure", {H}, "hyp.consent_complications"),
    # ---- near misses: what happened, or the patient's own disease after the list
    ("nm-complicated-by", "Postoperative course complicated by meningitis on day 5.",
     "BRAIN_INFECTION", "meningitis", set(), None),
    ("nm-had-complications", "She had complications including meningitis after her shunt placement.",
     "BRAIN_INFECTION", "meningitis", set(), None),
    ("nm-risks-then-own", "Risks reviewed; he had a brain abscess drained last month.",
     "BRAIN_INFECTION", "brain abscess", set(), None),
    ("nm-risk-factors", "Risk factors: prior cranial radiation, known meningioma.",
     "BRAIN_TUMOR", "meningioma", {HIST}, None),
    ("nm-risk-of-recurrence", "The risk of seizure recurrence is high.", "SEIZURE", "seizure", {H}, None),
    ("nm-risks-of-untreated", "We explained the risks of leaving her abscess untreated.",
     "BRAIN_INFECTION", "abscess", set(), None),
    ("nm-complications-heading", "Complications: ventriculitis after shunt revision in 2025.",
     "BRAIN_INFECTION", "ventriculitis", set(), None),
    ("nm-seizure-risk-parens", "Seizure risk (prior seizures, left temporal glioma) remains high.",
     "GLIOMA", "glioma", {HIST}, None),
    ("nm-fall-risk", "Fall risk: high given her epilepsy.", "EPILEPSY", "epilepsy", set(), None),
    ("nm-risks-heading-factors", "Risks: smoking, prior cranial radiation, known meningioma.",
     "BRAIN_TUMOR", "meningioma", {HIST}, None),
]


@pytest.mark.parametrize(("text", "concept", "phrase", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_policy_talk_and_consent_risks(mentions, text: str, concept: str, phrase: str,  # type: ignore[no-untyped-def]
                                       expected: set[str], rule: str | None) -> None:
    m = find_mention(mentions, text, concept, phrase)
    assert set(m.modifiers) == expected, m.modifier_rules
    if rule is None:
        assert not MINE & set(m.modifier_rules), m.modifier_rules
    else:
        assert rule in m.modifier_rules, m.modifier_rules
