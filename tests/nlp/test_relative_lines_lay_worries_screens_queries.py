"""Four classes, each a table of fresh short texts (rows marked "near miss" must keep their reading).

1. A relative named as the label of a line ("Brother (Luka, 12 y): NF1; ...", "Sister - MS ...", "Mat. aunt: ...",
   "Father (deceased): ...") owns the whole line, past the relative cue's own reach and the line's semicolons
   (fam.relative_has, scope scope.relative_line), up to the patient named again; a line that only names a relative,
   the patient's own label and the next line are read as written.
2. A lay person's worry told with a verb of worrying or asking ("Nana worries all the bumps are tumours", "parents
   asked whether it could be a brain tumour", "Dad keeps asking if this is a glioma") is no suspicion
   (hyp.lay_worry); the clinician's worry told the same way ("we worry this is a glioma", "I fear it is ...") is
   suspicion (poss.worried_clause), and "worrisome for" stays suspicion.
3. A screen item with a one-letter answer followed by a free lower-case item with its colon ("insulin pump N other
   metal: copper IUD"), or by an item whose words a slash joins ("insulin pump ...... N  shrapnel / metal ...... N"),
   keeps its own answer (forms.yaml `spaced_next_fields`, next_fields); "insulin pump Y other metal: none" is Yes.
4. A "?" glued to the diagnosis after it is a hedge, not a sentence end ("?cerebral toxoplasmosis ?PCNSL": both
   suspected through poss.versus); a real question's "?" after its last word still ends its sentence.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\nMR spectroscopy requested.\n"

RELATIVE_LINES = [
    ("a sibling's pedigree line with a parenthesis", R + "Brother (Luka, 12 y): NF1; R optic nerve glioma dx 2020, "
     "treated with carboplatin 2020-2021, stable since.\n", {"glial_neoplasm": N, "prior_chemotherapy": N}),
    ("a dash label, the disease after 'since'", R + "Sister - relapsing MS dx age 30, on ocrelizumab since 2021, "
     "with new enhancing demyelinating lesions on her 2024 MRI\n", {"multiple_sclerosis": N, "demyelination": N}),
    ("an abbreviated maternal aunt", R + "Mat. aunt: breast ca 2010; later GBM at 52, resected, died 2015.\n",
     {"glial_neoplasm": N, "brain_neoplasm": N}),
    ("a deceased father", R + "Father (deceased): colon ca; brain metastases 2019, whole-brain radiation.\n",
     {"brain_metastasis": N, "prior_radiation": N}),
    ("under a wrong header, a bulleted line", R + "Past medical history:\n- Paternal grandmother (d. 70): "
     "hypertension, stroke 2001; meningioma resected 1998\n- Asthma\n", {"brain_neoplasm": N, "prior_resection": N}),
    ("a numbered older brother", R + "1. Older brother - epilepsy since age 4; pilocytic astrocytoma of the "
     "cerebellum resected 2019\n", {"glial_neoplasm": N}),
    ("a maternal uncle, the disease after 'then'", R + "Uncle (maternal, d. 2020): heavy smoker, COPD, then lung "
     "cancer 2018 with cerebellar metastases\n", {"brain_metastasis": N}),
    ("near miss: a relative named, not a label", R + "Brother visiting today; patient's glioma stable.\n",
     {"glial_neoplasm": P}),
    ("near miss: the patient's own label", R + "Patient (Luka, 12 y): NF1; R optic nerve glioma, on carboplatin.\n",
     {"glial_neoplasm": P}),
    ("near miss: the patient named again on the line", R + "Sister: MS; patient: low-grade glioma on MRI "
     "10/2026.\n", {"glial_neoplasm": P}),
    ("near miss: the next line", R + "Sister: MS dx age 30\nRight frontal glioma on MRI 10/2026, biopsy pending.\n",
     {"glial_neoplasm": P}),
    ("near miss: a mother's line names the infant", R + "Mother: 31 y G1P1, GBS neg, chorioamnionitis; infant "
     "delivered by emergency C-section, cord pH 6.9, HIE with seizures on day 1\n",
     {"hypoxic_ischemic_encephalopathy": P, "seizures": P}),
    ("near miss: a relative who tells", R + "Mother: reports he is more tired; MRI shows a left frontal "
     "glioma.\n", {"glial_neoplasm": P}),
]

LAY_WORRIES = [
    ("worries, then a clause", R + "Nana worries all the bumps in his brain are tumours; the neurologist explained "
     "they are tubers.\n", {"brain_neoplasm": N}),
    ("a grandad's worry", R + "Grandad worries the spots on his scan are brain metastases.\n",
     {"brain_metastasis": N}),
    ("parents asked whether", R + "Parents asked whether it could be a brain tumour.\n", {"brain_neoplasm": N}),
    ("keeps asking if", R + "Dad keeps asking if this is a glioma.\n", {"glial_neoplasm": N}),
    ("the patient wondered if", R + "The patient wondered if the numbness might be MS.\n",
     {"multiple_sclerosis": N}),
    ("a daughter enquired whether", R + "Her daughter enquired whether these could be brain metastases.\n",
     {"brain_metastasis": N}),
    ("frightened, no conjunction", R + "His wife is frightened the lump is a brain tumour.\n", {"brain_neoplasm": N}),
    ("mum fears it is", R + "Mum fears it is a lymphoma like her sister's.\n", {"cns_lymphoma": N}),
    ("near miss: we worry this is", R + "We worry this is a glioma.\n", {"glial_neoplasm": S}),
    ("near miss: I fear it is", R + "I fear it is a high-grade glioma given the enhancement.\n",
     {"glial_neoplasm": S}),
    ("near miss: the radiologist fears", R + "The radiologist fears this represents a lymphoma.\n",
     {"cns_lymphoma": S}),
    ("near miss: I am worried about", R + "I am worried about a high-grade glioma.\n", {"glial_neoplasm": S}),
    ("near miss: worrisome for", R + "MRI: worrisome for tumour.\n", {"brain_neoplasm": S}),
    ("near miss: an informant, then a finding", R + "Mother reports he had a seizure; glioma confirmed on biopsy.\n",
     {"glial_neoplasm": P}),
    ("near miss: a doctor's question told with 'she'", R + "Dr Lee called; she asked whether this could be a "
     "lymphoma.\n", {"cns_lymphoma": S}),
    ("near miss: the family asked about the test", R + "The family asked about the MRS; biopsy-proven "
     "glioblastoma.\n", {"glial_neoplasm": P}),
]

SCREENS = [
    ("letters, then other metal", R + "MRI screen: pacemaker N ICD N insulin pump N other metal: copper IUD\n",
     {"mri_contraindication": A}),
    ("leaders, then a slashed item", R + "insulin pump ...... N   shrapnel / metal ...... N\n",
     {"mri_contraindication": A}),
    ("letters, then other implants", R + "Safety: pacemaker N  cochlear implant N  neurostimulator N  other "
     "implants: L hip prosthesis 2019\n", {"mri_contraindication": A}),
    ("leaders, foreign body / shrapnel", R + "ICD ..... N   foreign body / shrapnel ..... N\n",
     {"mri_contraindication": A}),
    ("a letter, then other", R + "VNS N other: dental bridge\n", {"mri_contraindication": A}),
    ("brackets, then a slashed item", R + "Pacemaker (N)  insulin pump (N)  shrapnel / metal (N)\n",
     {"mri_contraindication": A}),
    ("a letter, then a slashed free item", R + "insulin pump N tattoos/piercings: ears\n",
     {"mri_contraindication": A}),
    ("near miss: Y, then other metal none", R + "insulin pump Y other metal: none\n", {"mri_contraindication": P}),
    ("near miss: leaders, Y then N", R + "pacemaker ...... Y   shrapnel ...... N\n", {"mri_contraindication": P}),
    ("near miss: Y, then other", R + "VNS Y other: dental bridge\n", {"mri_contraindication": P}),
    ("near miss: a written no goes on", R + "ICD: no shocks since 2022\n", {"mri_contraindication": P}),
    ("near miss: a slashed item answered Y", R + "cochlear implant ...... N   neurostimulator / VNS ...... Y\n",
     {"mri_contraindication": P}),
]

QUERIES = [
    ("two queried diagnoses after a dash", R + "Solitary ring-enhancing lesion L basal ganglia - ?cerebral "
     "toxoplasmosis ?PCNSL\n", {"cns_lymphoma": S, "brain_infection": S}),
    ("capitalised queries after a mass", R + "Enhancing R frontal mass ?GBM ?Metastasis\n",
     {"glial_neoplasm": S, "brain_metastasis": S}),
    ("queried MS after ADEM", R + "Periventricular lesions ?ADEM ?MS\n", {"multiple_sclerosis": S}),
    ("r/o, then a queried lymphoma", R + "r/o abscess ?CNS lymphoma\n", {"cns_lymphoma": S}),
    ("after an impression label", R + "Imp: ?Glioma ?Abscess\n", {"glial_neoplasm": S, "brain_infection": S}),
    ("after a comma", R + "Impression: thalamic lesion, ?Lymphoma\n", {"cns_lymphoma": S}),
    ("near miss: a real question, then a result", R + "Is this a glioma? Biopsy showed PCNSL.\n",
     {"cns_lymphoma": P}),
    ("near miss: a question answered no", R + "Tumour? No.\n", {"brain_neoplasm": A}),
    ("near miss: a question on its line", R + "Could this be a glioma?\nBiopsy 10/2026: PCNSL\n",
     {"cns_lymphoma": P}),
    ("near miss: a question mark glued to both words", R + "Any seizures?No. MRI: glioblastoma.\n",
     {"glial_neoplasm": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), RELATIVE_LINES, ids=[c[0] for c in RELATIVE_LINES])
def test_a_relative_as_a_line_label_owns_the_line(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


@pytest.mark.parametrize(("case", "text", "expected"), LAY_WORRIES, ids=[c[0] for c in LAY_WORRIES])
def test_a_lay_worry_told_with_a_verb(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


@pytest.mark.parametrize(("case", "text", "expected"), SCREENS, ids=[c[0] for c in SCREENS])
def test_a_screen_item_before_a_free_item(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


@pytest.mark.parametrize(("case", "text", "expected"), QUERIES, ids=[c[0] for c in QUERIES])
def test_a_question_mark_before_a_diagnosis(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
