"""Target concepts on clinical phrasing: synonyms, abbreviations, misspellings, and the near misses at each
concept's boundary.

Each row: a sentence, the mentions it must contain as (concept, exact text, attributes that must be set), and the
concepts it must not contain anywhere. The vocabulary is also checked code by code against ICD-10-CM
(test_icd10cm_checklist.py); this table is for the way clinicians write.
"""

from __future__ import annotations

from typing import Any

import pytest

Has = tuple[str, str, dict[str, str]]


def case(case_id: str, text: str, has: list[Has] | None = None, lacks: list[str] | None = None) -> Any:
    return pytest.param(text, has or [], lacks or [], id=case_id)


TUMOR = ["GLIOMA", "BRAIN_METASTASIS", "CNS_LYMPHOMA", "BRAIN_TUMOR", "BRAIN_LESION"]

VOCABULARY = [
    # sellar, skull-base and other primary tumors
    case("pituitary-adenoma", "MRI shows a 1.4 cm pituitary adenoma abutting the chiasm.",
         [("BRAIN_TUMOR", "pituitary adenoma", {"kind": "primary"})]),
    case("macroadenoma", "Known nonfunctioning macroadenoma, followed by endocrinology.",
         [("BRAIN_TUMOR", "macroadenoma", {})]),
    case("prolactinoma", "Prolactinoma on cabergoline since 2019.", [("BRAIN_TUMOR", "Prolactinoma", {})]),
    case("craniopharyngioma", "Cystic suprasellar craniopharyngioma in a 9 year old.",
         [("BRAIN_TUMOR", "craniopharyngioma", {})]),
    case("chordoma", "Recurrent clival chordoma after proton therapy.", [("BRAIN_TUMOR", "clival chordoma", {})]),
    case("chordoma-bare", "Pathology: chordoma, brachyury positive.", [("BRAIN_TUMOR", "chordoma", {})]),
    case("meningioma-misspelled", "Parafalcine menigioma, stable.", [("BRAIN_TUMOR", "menigioma", {})]),
    case("meningeoma-misspelled", "Left sphenoid wing meningeoma.", [("BRAIN_TUMOR", "meningeoma", {})]),
    case("pineocytoma", "Pineal region mass, pineocytoma versus germinoma.", [("BRAIN_TUMOR", "pineocytoma", {})]),
    case("sega", "Enlarging SEGA at the foramen of Monro.", [("GLIOMA", "SEGA", {"histology": "astrocytoma"})]),
    case("gliobastoma-misspelled", "Right temporal gliobastoma s/p resection.",
         [("GLIOMA", "gliobastoma", {"histology": "glioblastoma"})]),
    case("dipg", "Diffuse intrinsic pontine glioma diagnosed on imaging.",
         [("GLIOMA", "Diffuse intrinsic pontine glioma", {})]),
    case("anaplastic-ependymoma", "Posterior fossa anaplastic ependymoma.", [("GLIOMA", "anaplastic ependymoma", {})]),
    case("secondary-malignant-neoplasm-brain", "Secondary malignant neoplasm of brain, on the problem list.",
         [("BRAIN_METASTASIS", "Secondary malignant neoplasm of brain", {})], ["BRAIN_TUMOR"]),
    # metastatic disease
    case("metastatic-disease", "Known metastatic disease from lung adenocarcinoma; new cerebellar lesion.",
         [("BRAIN_METASTASIS", "metastatic disease", {"kind": "secondary"})]),
    case("metastic-misspelled", "Concern for metastic disease given melanoma history.",
         [("BRAIN_METASTASIS", "metastic disease", {})]),
    case("brain-and-bone-mets", "Brain and bone metastases on staging.",
         [("BRAIN_METASTASIS", "Brain and bone metastases", {})]),
    case("mets-to-lung-and-brain", "Metastases to the lung and brain at diagnosis.",
         [("BRAIN_METASTASIS", "Metastases to the lung and brain", {})]),
    case("leptomeningeal-carcinomatosis", "Leptomeningeal carcinomatosis from breast cancer.",
         [("BRAIN_METASTASIS", "Leptomeningeal carcinomatosis", {})], ["BRAIN_INFECTION"]),
    # infections
    case("pml", "Biopsy-proven PML in a patient on natalizumab.", [("BRAIN_INFECTION", "PML", {"kind": "opportunistic"})],
         ["LEUKODYSTROPHY", "INBORN_ERROR"]),
    case("pml-spelled-out", "Findings favor progressive multifocal leukoencephalopathy.",
         [("BRAIN_INFECTION", "progressive multifocal leukoencephalopathy", {})], ["LEUKODYSTROPHY", "INBORN_ERROR"]),
    case("jc-virus", "CSF positive for JC virus DNA.", [("BRAIN_INFECTION", "JC virus", {})]),
    case("jcv", "JCV DNA detected in CSF on natalizumab.", [("BRAIN_INFECTION", "JCV", {})]),
    # the JC virus antibody index is serostatus, a drug's PML risk, no infection (look.seropositive)
    case("jcv-index", "JCV index 3.1 on natalizumab.", [("LOOKALIKE", "JCV index", {"kind": "seropositivity"})],
         ["BRAIN_INFECTION"]),
    case("cryptococcus", "Cryptococcus neoformans grew from CSF.", [("BRAIN_INFECTION", "Cryptococcus", {})]),
    case("cryptococcosis", "Cerebral cryptococcosis with gelatinous pseudocysts.",
         [("BRAIN_INFECTION", "Cerebral cryptococcosis", {})]),
    case("cryptoccocal-misspelled", "Prior cryptoccocal meningitis in 2022.", [("BRAIN_INFECTION", "cryptoccocal", {})]),
    case("crytococcus-misspelled", "Treated for crytococcus with amphotericin.", [("BRAIN_INFECTION", "crytococcus", {})]),
    case("cjd", "Rapidly progressive dementia, concern for CJD.", [("BRAIN_INFECTION", "CJD", {"kind": "prion"})]),
    case("creutzfeldt-jakob", "Creutzfeldt-Jakob disease is in the differential.",
         [("BRAIN_INFECTION", "Creutzfeldt-Jakob disease", {"kind": "prion"})]),
    case("creutzfeld-misspelled", "Possible Creutzfeld-Jakob disease per neurology.",
         [("BRAIN_INFECTION", "Creutzfeld-Jakob disease", {})]),
    case("prion", "EEG with periodic sharp waves; prion disease suspected.", [("BRAIN_INFECTION", "prion disease", {})]),
    case("abcess-misspelled", "Ring-enhancing lesion, likely abcess.", [("BRAIN_INFECTION", "abcess", {})]),
    case("neurosyphilis", "RPR reactive, neurosyphilis being treated.", [("BRAIN_INFECTION", "neurosyphilis", {})]),
    case("tuberculoma", "Multiple tuberculomas in the posterior fossa.", [("BRAIN_INFECTION", "tuberculomas", {})]),
    case("mucormycosis", "Rhinocerebral mucormycosis extending intracranially.",
         [("BRAIN_INFECTION", "Rhinocerebral mucormycosis", {})]),
    # seizures
    case("psychomotor-seizures", "Psychomotor seizures since adolescence.", [("SEIZURE", "Psychomotor seizures", {})]),
    case("psychomotor-epilepsy", "Longstanding psychomotor epilepsy, refractory to three drugs.",
         [("EPILEPSY", "psychomotor epilepsy", {"kind": "temporal_lobe"})]),
    case("siezure-misspelled", "Had a siezure at work last week.", [("SEIZURE", "siezure", {})]),
    case("grand-mal", "Witnessed grand mal seizure this morning.", [("SEIZURE", "grand mal seizure", {})]),
    case("infantile-spasms", "Infantile spasms with hypsarrhythmia on EEG.", [("EPILEPSY", "Infantile spasms", {})]),
    case("lennox-gastaut", "Lennox-Gastaut syndrome on clobazam.", [("EPILEPSY", "Lennox-Gastaut syndrome", {})]),
    case("dee", "Developmental and epileptic encephalopathy, SCN2A.",
         [("EPILEPSY", "Developmental and epileptic encephalopathy", {})], ["ENCEPHALOPATHY"]),
    # encephalopathy
    case("hie-british", "Moderate hypoxic-ischaemic encephalopathy, cooled for 72 hours.",
         [("ENCEPHALOPATHY", "hypoxic-ischaemic encephalopathy", {"kind": "hypoxic_ischemic"})]),
    case("anoxic-brain-damage", "Anoxic brain damage after cardiac arrest.",
         [("ENCEPHALOPATHY", "Anoxic brain damage", {"kind": "hypoxic_ischemic"})]),
    case("portal-systemic", "Portal-systemic encephalopathy on lactulose.",
         [("ENCEPHALOPATHY", "Portal-systemic encephalopathy", {"kind": "hepatic"})]),
    case("hepatic-coma", "Admitted in hepatic coma.", [("ENCEPHALOPATHY", "hepatic coma", {"kind": "hepatic"})]),
    case("icans", "Grade 3 ICANS after CAR-T infusion.", [("ENCEPHALOPATHY", "ICANS", {"kind": "toxic"})],
         ["TUMOR_GRADE"]),
    case("encephelopathy-misspelled", "Worsening encephelopathy overnight.", [("ENCEPHALOPATHY", "encephelopathy", {})]),
    # leukodystrophies, inborn errors, mitochondrial disease
    case("leucodystrophy-british", "Suspected leucodystrophy in a 3 year old.",
         [("LEUKODYSTROPHY", "leucodystrophy", {})]),
    case("cerebral-ald", "Boy with cerebral ALD, Loes score 4.",
         [("LEUKODYSTROPHY", "cerebral ALD", {"disease": "x_linked_adrenoleukodystrophy"})]),
    case("aicardi-goutieres", "Aicardi-Goutieres syndrome with calcifications.",
         [("LEUKODYSTROPHY", "Aicardi-Goutieres syndrome", {})]),
    case("nbia", "NBIA suspected from the eye-of-the-tiger sign.", [("INBORN_ERROR", "NBIA", {"disease": "nbia"})]),
    case("pkan", "PKAN confirmed by PANK2 sequencing.", [("INBORN_ERROR", "PKAN", {"disease": "nbia"})]),
    case("hallervorden-spatz", "Older records say Hallervorden-Spatz disease.",
         [("INBORN_ERROR", "Hallervorden-Spatz disease", {})]),
    case("wilson", "Wilson's disease with basal ganglia signal change.", [("INBORN_ERROR", "Wilson's disease", {})]),
    case("mcad", "MCAD deficiency on newborn screen.", [("INBORN_ERROR", "MCAD deficiency", {})]),
    case("acyl-coa", "Very long chain acyl-CoA dehydrogenase deficiency.",
         [("INBORN_ERROR", "Very long chain acyl-CoA dehydrogenase deficiency", {})]),
    case("glut1", "GLUT1 deficiency, on ketogenic diet.", [("INBORN_ERROR", "GLUT1 deficiency", {})]),
    case("urea-cycle", "Urea cycle defect suspected with ammonia of 310.", [("INBORN_ERROR", "Urea cycle defect", {})]),
    case("msud-hyphenated", "Maple-syrup-urine disease, decompensated.", [("INBORN_ERROR", "Maple-syrup-urine disease", {"disease": "msud"})]),
    case("tay-sachs", "Infantile Tay-Sachs disease with cherry-red spot.", [("INBORN_ERROR", "Tay-Sachs disease", {})]),
    case("batten", "Batten disease (CLN3).", [("INBORN_ERROR", "Batten disease", {})]),
    case("leigh-disease", "Leigh's disease with bilateral putaminal lesions.",
         [("MITOCHONDRIAL", "Leigh's disease", {"disease": "leigh"})]),
    case("alpers", "Alpers-Huttenlocher syndrome, POLG variants.", [("MITOCHONDRIAL", "Alpers-Huttenlocher syndrome", {})]),
    case("melas-spelled-out", "Mitochondrial encephalomyopathy, lactic acidosis, and stroke-like episodes.",
         [("MITOCHONDRIAL", "Mitochondrial encephalomyopathy, lactic acidosis, and stroke-like episodes",
           {"disease": "melas"})], ["NONTUMOR_DX"]),
    case("mitochrondrial-misspelled", "Workup for mitochrondrial disease.",
         [("MITOCHONDRIAL", "mitochrondrial disease", {})]),
    # demyelinating and other non-tumor diagnoses
    case("devic", "Devic's disease, AQP4 positive.", [("DEMYELINATION", "Devic's disease", {})]),
    case("osmotic-demyelination", "Osmotic demyelination syndrome after rapid sodium correction.",
         [("DEMYELINATION", "Osmotic demyelination syndrome", {})]),
    case("tuberous-sclerosis", "Tuberous sclerosis complex with multiple cortical tubers.",
         [("NONTUMOR_DX", "Tuberous sclerosis complex", {"kind": "phakomatosis"}),
          ("NONTUMOR_DX", "cortical tubers", {})]),
    case("tsc", "TSC with infantile spasms.", [("NONTUMOR_DX", "TSC", {})]),
    # resection said otherwise
    case("tumor-removed", "The tumor was surgically removed in 2021.", [("PRIOR_RESECTION", "tumor was surgically removed", {})]),
    case("removal-of", "Underwent surgical removal of the right frontal mass.",
         [("PRIOR_RESECTION", "surgical removal of the right frontal mass", {})]),
    case("meningioma-excised", "Meningioma excised 2015, WHO grade 1.", [("PRIOR_RESECTION", "Meningioma excised", {})]),
    case("resection-cavity", "Nodular enhancement along the resection cavity.", [("PRIOR_RESECTION", "resection cavity", {})]),
    case("craniectomy", "Suboccipital craniectomy as a child.", [("PRIOR_RESECTION", "craniectomy", {})]),
    # recurrence said of the tumor
    case("tumor-is-recurrent", "The tumor is recurrent along the cavity margin.",
         [("RECURRENCE", "tumor is recurrent", {"tumor": "named"})]),
    case("recurrent-or-residual", "Findings of recurrent or residual glioma.",
         [("RECURRENCE", "recurrent or residual glioma", {"tumor": "named"})]),
    case("bare-relapse-unstated", "Relapse in March, treated with steroids.",
         [("RECURRENCE", "Relapse", {"tumor": "unstated"})]),
    # imaging names
    case("hct", "HCT on arrival negative for hemorrhage.", [("IMAGING", "HCT", {"modality": "CT"})]),
    case("nchct", "NCHCT 10/02/2026 showed a hypodense lesion.", [("IMAGING", "NCHCT", {"modality": "CT"})]),
    case("mris-plural", "Serial MRIs show slow growth.", [("IMAGING", "MRIs", {"modality": "MRI"})]),
    case("temozolamide-misspelled", "Completed six cycles of temozolamide.", [("PRIOR_CHEMOTHERAPY", "temozolamide", {})]),
    case("carboplatin", "Carboplatin and vincristine for the optic pathway glioma.",
         [("PRIOR_CHEMOTHERAPY", "Carboplatin", {}), ("PRIOR_CHEMOTHERAPY", "vincristine", {})]),
    # an exam that failed for technical reasons
    case("exam-aborted", "The MRS on 10/01/2026 was aborted after the first sequence.",
         [("TECHNICAL_LIMITATION", "was aborted", {})]),
    case("not-completed", "Spectroscopy could not be completed because of claustrophobia.",
         [("TECHNICAL_LIMITATION", "could not be completed", {})]),
    case("wrong-protocol", "The outside MRI used the wrong protocol for spectroscopy.",
         [("TECHNICAL_LIMITATION", "wrong protocol", {})]),
    case("near miss: a completed course", "She completed six cycles of temozolomide.", [],
         ["TECHNICAL_LIMITATION"]),
]

BOUNDARIES = [
    # orbit and eye are not brain
    case("orbital-pseudotumor", "Orbital pseudotumor treated with prednisone.", [], TUMOR),
    case("pseudotumor-cerebri", "Headaches and papilledema; pseudotumor cerebri suspected.",
         [("NONTUMOR_DX", "pseudotumor cerebri", {"kind": "intracranial_hypertension"})], TUMOR),
    case("iih", "IIH on acetazolamide.", [("NONTUMOR_DX", "IIH", {})], TUMOR),
    case("orbital-mass", "Right orbital mass displacing the globe.", [], TUMOR),
    case("ocular-lymphoma", "History of ocular lymphoma, treated.", [], ["CNS_LYMPHOMA"]),
    case("choroidal-lesion", "Small choroidal lesion on fundoscopy.", [], TUMOR),
    case("ocular-toxoplasmosis", "Ocular toxoplasmosis with retinochoroiditis.", [], ["BRAIN_INFECTION"]),
    case("toxoplasma-chorioretinitis", "Toxoplasma chorioretinitis in the left eye.", [], ["BRAIN_INFECTION"]),
    case("orbital-abscess", "Orbital abscess drained by ENT.", [], ["BRAIN_INFECTION"]),
    # other organs are not brain
    case("liver-mets", "Liver metastases from colon cancer.", [], ["BRAIN_METASTASIS"]),
    case("metastatic-melanoma-systemic", "Metastatic melanoma on nivolumab.", [], ["BRAIN_METASTASIS"]),
    case("mets-to-bone", "Metastases to the spine and ribs.", [], ["BRAIN_METASTASIS"]),
    case("metastatic-disease-to-liver", "Metastatic disease to the liver only.", [], ["BRAIN_METASTASIS"]),
    case("spinal-cord-tumor", "Intramedullary spinal cord tumor at T4.", [], TUMOR),
    case("tumor-of-the-cord", "Neoplasm of uncertain behavior of spinal cord.", [], TUMOR),
    case("lung-nodule-mass", "Lung mass on chest imaging.", [], TUMOR),
    case("secondary-neoplasm-of-bone", "Secondary malignant neoplasm of bone.", [], TUMOR),
    case("head-and-neck-tumor", "Head and neck tumor board reviewed the case.", [], TUMOR),
    case("tumor-lysis", "Tumor lysis syndrome after induction.", [], TUMOR),
    case("tnf", "Started on a tumor necrosis factor inhibitor for Crohn disease.", [], TUMOR),
    case("dental-abscess", "Dental abscess last month.", [], ["BRAIN_INFECTION"]),
    case("uti", "Recent urinary tract infection, treated.", [], ["BRAIN_INFECTION"]),
    case("hiv-infection-not-brain", "Well-controlled HIV infection, CD4 650.", [("HIV", "HIV infection", {})],
         ["BRAIN_INFECTION"]),
    case("pulmonary-cryptococcosis", "Pulmonary cryptococcosis, CSF clear.", [], ["BRAIN_INFECTION"]),
    case("spinal-epidural-abscess", "Spinal epidural abscess at L3.", [], ["BRAIN_INFECTION"]),
    # immune-mediated, not infectious
    case("autoimmune-encephalitis", "Autoimmune encephalitis is the leading consideration.",
         [("NONTUMOR_DX", "Autoimmune encephalitis", {"kind": "autoimmune"})], ["BRAIN_INFECTION"]),
    case("limbic-encephalitis", "Paraneoplastic limbic encephalitis with anti-Hu antibodies.",
         [("NONTUMOR_DX", "Paraneoplastic limbic encephalitis", {})], ["BRAIN_INFECTION"]),
    case("nmdar", "Anti-NMDA receptor encephalitis with ovarian teratoma.", [], ["BRAIN_INFECTION"]),
    case("lupus-cerebritis", "Lupus cerebritis in 2020.", [("NONTUMOR_DX", "Lupus cerebritis", {})], ["BRAIN_INFECTION"]),
    case("adem", "Post-infectious encephalomyelitis after influenza.", [("DEMYELINATION", "Post-infectious encephalomyelitis", {})],
         ["BRAIN_INFECTION"]),
    case("carcinomatous-meningitis", "Carcinomatous meningitis on CSF cytology.",
         [("BRAIN_METASTASIS", "Carcinomatous meningitis", {})], ["BRAIN_INFECTION"]),
    case("lymphomatous-meningitis", "Lymphomatous meningitis at relapse.", [("CNS_LYMPHOMA", "Lymphomatous meningitis", {})],
         ["BRAIN_INFECTION"]),
    case("toxic-encephalitis", "Toxic encephalitis after solvent exposure.", [("ENCEPHALOPATHY", "Toxic encephalitis", {})],
         ["BRAIN_INFECTION"]),
    # metabolic words that are not inborn errors
    case("metabolic-acidosis", "Metabolic acidosis with a bicarbonate of 14.", [], ["INBORN_ERROR"]),
    case("metabolic-disorders-alone", "Past history: metabolic disorders, hypertension.", [], ["INBORN_ERROR"]),
    case("metabolic-syndrome", "Metabolic syndrome and obesity.", [], ["INBORN_ERROR"]),
    case("hyperlipidemia", "Familial hypercholesterolemia on a statin.", [], ["INBORN_ERROR"]),
    case("hyperammonemia-cirrhosis", "Hyperammonemia in the setting of cirrhosis.", [], ["INBORN_ERROR"]),
    case("calcium-metabolism", "Disorder of calcium metabolism after thyroidectomy.", [], ["INBORN_ERROR"]),
    case("albinism", "Oculocutaneous albinism with nystagmus.", [], ["INBORN_ERROR"]),
    case("inherited-metabolic-disorder", "Suspected inherited metabolic disorder in a floppy infant.",
         [("INBORN_ERROR", "inherited metabolic disorder", {})]),
    # white matter disease that is not a leukodystrophy; a leukoencephalopathy of an acquired cause is one with
    # `cause: acquired` (the inborn-error criteria take none)
    case("small-vessel-leukoencephalopathy", "Chronic microvascular ischemic leukoencephalopathy, age appropriate.",
         [], ["LEUKODYSTROPHY"]),
    case("pvl", "Periventricular leukomalacia in a former 28 weeker.", [], ["LEUKODYSTROPHY"]),
    case("toxic-leukoencephalopathy", "Toxic leukoencephalopathy from inhaled heroin.",
         [("ENCEPHALOPATHY", "Toxic leukoencephalopathy", {"kind": "toxic"}),
          ("LEUKODYSTROPHY", "Toxic leukoencephalopathy", {"cause": "acquired"})]),
    case("radiation-leukoencephalopathy", "Radiation-induced leukoencephalopathy after whole brain radiation.",
         [("TREATMENT_EFFECT", "Radiation-induced leukoencephalopathy", {}),
          ("LEUKODYSTROPHY", "Radiation-induced leukoencephalopathy", {"cause": "acquired"})]),
    case("pres", "Reversible posterior leukoencephalopathy syndrome on tacrolimus.",
         [("LEUKODYSTROPHY", "Reversible posterior leukoencephalopathy syndrome", {"cause": "acquired"})]),
    case("neonatal-ald-is-not-xald", "Neonatal adrenoleukodystrophy (Zellweger spectrum).",
         [("LEUKODYSTROPHY", "Neonatal adrenoleukodystrophy", {"disease": "peroxisomal"})]),
    case("ald-alcoholic-liver", "ALD cirrhosis, MELD 19, admitted with confusion.", [], ["LEUKODYSTROPHY"]),
    case("pmd-primary-doctor", "Seen by her PMD last week for headaches.", [], ["LEUKODYSTROPHY"]),
    # grades that are not tumor grades
    case("papilledema-grade", "Grade 1 papilledema on the right.", [], ["TUMOR_GRADE"]),
    case("frisen-grade", "Papilledema, Frisen grade 2, both eyes.", [], ["TUMOR_GRADE"]),
    case("ivh-grade", "Grade III IVH in a preterm infant.", [], ["TUMOR_GRADE"]),
    case("fisher-grade", "Fisher grade 3 subarachnoid hemorrhage.", [], ["TUMOR_GRADE"]),
    case("hepatic-encephalopathy-grade", "Grade 2 hepatic encephalopathy.", [], ["TUMOR_GRADE"]),
    case("west-haven", "West Haven grade 1 encephalopathy.", [], ["TUMOR_GRADE"]),
    case("low-grade-fever", "Low-grade fever for two days.", [], ["TUMOR_GRADE"]),
    case("high-grade-stenosis", "High-grade stenosis of the left ICA.", [], ["TUMOR_GRADE"]),
    case("gleason", "Prostate cancer, Gleason grade group 2.", [], ["TUMOR_GRADE"]),
    case("ctcae-grade", "Grade 2 neuropathy from oxaliplatin.", [], ["TUMOR_GRADE"]),
    case("tumor-grade-kept", "WHO grade 2 oligodendroglioma.", [("TUMOR_GRADE", "WHO grade 2", {"grade": "low"})]),
    case("grade-question-kept", "Low-grade versus high-grade glioma.",
         [("TUMOR_GRADE", "Low-grade", {"grade": "low"}), ("TUMOR_GRADE", "high-grade", {"grade": "high"})]),
    # immunosuppressants for non-tumor disease are not chemotherapy
    case("tacrolimus-lupus", "Tacrolimus for lupus nephritis.", [], ["PRIOR_CHEMOTHERAPY"]),
    case("mtx-ra", "Methotrexate 20 mg weekly for rheumatoid arthritis.", [], ["PRIOR_CHEMOTHERAPY"]),
    case("ra-on-mtx", "Rheumatoid arthritis on methotrexate.", [], ["PRIOR_CHEMOTHERAPY"]),
    case("cyclophosphamide-vasculitis", "Cyclophosphamide for ANCA vasculitis in 2018.", [], ["PRIOR_CHEMOTHERAPY"]),
    case("rituximab-nmosd", "NMOSD treated with rituximab.", [], ["PRIOR_CHEMOTHERAPY"]),
    case("allergy-immunotherapy", "Allergy immunotherapy for ragweed.", [], ["PRIOR_CHEMOTHERAPY"]),
    case("mtx-ectopic", "Methotrexate for ectopic pregnancy in 2016.", [], ["PRIOR_CHEMOTHERAPY"]),
    case("ae-immunotherapy", "Autoimmune encephalitis treated with immunotherapy and IVIG.", [],
         ["PRIOR_CHEMOTHERAPY", "BRAIN_INFECTION"]),
    case("chemo-for-cancer-in-lupus", "Lupus; now on chemotherapy for breast cancer brain metastases.",
         [("PRIOR_CHEMOTHERAPY", "chemotherapy", {})]),
    case("hd-mtx-pcnsl", "High-dose methotrexate for PCNSL, 6 cycles.",
         [("PRIOR_CHEMOTHERAPY", "High-dose methotrexate", {})]),
    # non-epileptic events
    case("pnes", "Psychogenic non-epileptic seizures on video EEG.", [], ["SEIZURE", "EPILEPSY"]),
    case("pseudoseizures", "History of pseudoseizures.", [], ["SEIZURE", "EPILEPSY"]),
    # progression that is not tumor progression
    case("symptom-progression", "Progression of her left leg weakness over months.", [], ["RECURRENCE"]),
    # removal that is not resection
    case("staples-removed", "Staples removed at the 2 week visit.", [], ["PRIOR_RESECTION"]),
    case("removal-of-sutures", "Removal of sutures today.", [], ["PRIOR_RESECTION"]),
    case("lung-lobectomy", "Right upper lobectomy for lung cancer in 2019.", [], ["PRIOR_RESECTION"]),
    # HCT is also a lab value and a transplant
    case("hct-lab", "Hgb 11.9, HCT 35.8, platelets 201.", [], ["IMAGING"]),
    case("hct-transplant", "Day +100 after allogeneic HCT.", [], ["IMAGING"]),
    case("wernicke-aphasia", "Wernicke's aphasia after left MCA stroke.", [], ["ENCEPHALOPATHY"]),
]

# Studies of other body parts, and the spectroscopy's own target
STUDIES = [
    case("ct-chest", "CT chest 10/01/2026 showed an indeterminate nodule.",
         [("IMAGING", "CT chest", {"modality": "CT", "body_part": "body"})]),
    case("ct-cap", "CT C/A/P negative for metastatic disease.", [("IMAGING", "CT C/A/P", {"body_part": "body"})]),
    case("chest-ct", "Chest CT in June was clear.", [("IMAGING", "Chest CT", {"body_part": "body"})]),
    case("ct-abdomen-pelvis", "CT of the abdomen and pelvis with contrast.",
         [("IMAGING", "CT of the abdomen", {"body_part": "body"})]),
    case("mri-c-spine", "MRI C-spine showed a syrinx.", [("IMAGING", "MRI C-spine", {"modality": "MRI", "body_part": "spine"})]),
    case("lumbar-mri", "Lumbar spine MRI 2024 with a disc bulge.", [("IMAGING", "Lumbar spine MRI", {"body_part": "spine"})]),
    case("pet-ct-body", "PET/CT chest showed avid hilar nodes.", [("IMAGING", "PET/CT chest", {"modality": "PET", "body_part": "body"})]),
    case("mri-brain-stays-brain", "MRI brain and C-spine on 9/1/2026.", [("IMAGING", "MRI brain and C-spine", {"modality": "MRI"})]),
    case("cta-head-neck-stays-brain", "CTA head and neck without stenosis.", [("IMAGING", "CTA head and neck", {"modality": "CT"})]),
    case("spinal-cord-mrs", "Spinal cord MRS requested for the cervical lesion.",
         [("SPINE", "Spinal cord MRS", {"target": "mrs"})]),
    case("mrs-of-the-disc", "MR spectroscopy of the L4-L5 disc to localize the pain generator.",
         [("SPINE", "spectroscopy of the L4-L5 disc", {"target": "mrs"})]),
    case("brain-mrs-not-spine", "MRS of the brain requested for the thalamic lesion.", [], ["SPINE"]),
]


@pytest.mark.parametrize(("text", "has", "lacks"), VOCABULARY + BOUNDARIES + STUDIES)
def test_concepts(mentions, text: str, has: list[Has], lacks: list[str]) -> None:  # type: ignore[no-untyped-def]
    found = mentions(text)
    for concept, span, attrs in has:
        hits = [m for m in found if m.concept == concept and m.text == span]
        assert hits, f"{span!r} is not a {concept}: {[(m.concept, m.text) for m in found]}"
        assert any(attrs.items() <= m.attrs.items() for m in hits), f"{span!r}: {[m.attrs for m in hits]}"
    for concept in lacks:
        wrong = [m.text for m in found if m.concept == concept]
        assert not wrong, f"{text!r} must not contain {concept}: {wrong}"
