"""A sentence whose subject is a disease or a group of patients in general is nobody's here.

Class: text in the voice of a textbook, a review, a slide or a leaflet (statements about a disease in general, about
other patients or about published series) was read as the patient's present disease. These are hypothetical, the
same not-the-patient path as the older generic rules hyp.generic_* (hypothetical mentions count for no fact), with
new or extended rules in pipeline/nlp/resources/context.yaml:

- `hyp.generic_plural_verb`: a bare plural disease class opening its sentence or clause, with a verb in the present
  that tells what the class does or has ("show", "have", "arise", "account for", "present with", "occur in",
  "affect adults"); the clause names no side, lobe, size, time of a read nor the patient;
- `hyp.generic_plural_property`: the same subject with "are" and a property of the class (an intensity, restricted,
  avid, extra-axial, slow-growing, rare/common, the most common);
- `hyp.generic_population_habit` now reads "may/might", "are (more) likely / prone / at risk" and "develop/present/
  have" after "patients/children/adults/infants with X", and reaches seizures and epilepsy;
  `hyp.generic_population_in`: "In children/adults/patients with X, ..." opening the sentence;
- `hyp.reference_citation` now also takes "in a/the/their series (cohort, review) of", "case reports describe",
  "reported cases", "cases ... are reported"; `hyp.reference_reported`: "has been / is reported (described) in" a
  population or the literature;
- `hyp.generic_trait` now also takes "a well-known / common / classic mimic (cause, source, pitfall)".

Near misses keep their reading: the patient's own disease ("she has a glioma", "the patient's lymphoma was treated in
2019", "Patient with glioblastoma, here for follow-up"), a report's findings ("Metastases seen in the left frontal
lobe", "Gliomas involve the right temporal lobe", "Multiple metastases are present"), a hedge ("Abscess likely"), the
patient named ("In this patient, seizures began at age 3", "Her seizures typically occur at night", "a 54-year-old
woman with metastases presents with ..."), a report of the patient's ("lymphoma has been reported on her MRI",
"seizures are reported by the mother", "no seizures have been reported"), the patient's own case report ("Case
report: a 45-year-old man with glioblastoma").

Rows: id -> (text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite or
None). Rows whose id starts with "near" must keep their reading. Rows are invented.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family", "historical"}
H, U, HIST, NONE = {"hypothetical"}, {"uncertain"}, {"historical"}, set[str]()
VERB, PROP, POP_H, POP_IN = ("hyp.generic_plural_verb", "hyp.generic_plural_property",
                             "hyp.generic_population_habit", "hyp.generic_population_in")
CITE, REPORTED, TRAIT = "hyp.reference_citation", "hyp.reference_reported", "hyp.generic_trait"

CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ---------------------------------------------- 1. a plural disease class with a verb of the class
    "plural-show-mrs": ("Oligodendrogliomas show calcification and a raised choline peak.", "GLIOMA",
                        "Oligodendrogliomas", H, VERB),
    "plural-have": ("Meningiomas have a dural tail and an alanine peak.", "BRAIN_TUMOR", "Meningiomas", H, VERB),
    "plural-arise": ("Metastases arise at the grey-white junction.", "BRAIN_METASTASIS", "Metastases", H, VERB),
    "plural-present-with": ("Lymphomas present with periventricular enhancing masses.", "CNS_LYMPHOMA", "Lymphomas",
                            H, VERB),
    "plural-account-for": ("Metastases account for about half of adult intracranial tumours.", "BRAIN_METASTASIS",
                           "Metastases", H, VERB),
    "plural-account-for-object": ("Metastases account for about half of adult intracranial tumours.", "BRAIN_TUMOR",
                                  "tumours", H, VERB),
    "plural-after-semicolon": ("MRS was discussed; glioblastomas show lactate and lipid.", "GLIOMA",
                               "glioblastomas", H, VERB),
    "plural-occur-in": ("Tuberculomas occur mainly in endemic regions.", "BRAIN_INFECTION", "Tuberculomas", H, VERB),
    "plural-are-intensity": ("Gliomas are hyperintense on FLAIR.", "GLIOMA", "Gliomas", H, PROP),
    "plural-are-restricted": ("Abscesses are restricted on diffusion-weighted imaging.", "BRAIN_INFECTION",
                              "Abscesses", H, PROP),
    "plural-are-rare": ("Metastases are rare in young children.", "BRAIN_METASTASIS", "Metastases", H, None),
    # ---------------------------------------------- 2. a population with a disease, in general
    "children-with-may-develop": ("Children with neurofibromatosis type 1 may develop optic pathway gliomas.",
                                  "GLIOMA", "gliomas", H, POP_H),
    "patients-with-often-seizures": ("Patients with tuberous sclerosis often have subependymal nodules and "
                                     "seizures.", "SEIZURE", "seizures", H, POP_H),
    "patients-with-syndrome-seizures": ("Patients with this syndrome commonly have seizures.", "SEIZURE", "seizures",
                                        H, POP_H),
    "adults-with-are-at-risk": ("Adults with HIV are at increased risk of cerebral toxoplasmosis.",
                                "BRAIN_INFECTION", "cerebral toxoplasmosis", H, POP_H),
    "in-adults-with-seizures-common": ("In adults with this syndrome, seizures are common.", "SEIZURE", "seizures",
                                       H, POP_IN),
    "in-children-with-gliomas": ("In children with NF1, optic gliomas are usually indolent.", "GLIOMA", "gliomas",
                                 H, None),
    # ---------------------------------------------- 3. other patients and published series
    "et-al": ("Jones et al. described 35 patients with cerebral toxoplasmosis.", "BRAIN_INFECTION",
              "cerebral toxoplasmosis", H, CITE),
    "in-a-series-of": ("In a series of 80 glioblastomas, lactate was found in most.", "GLIOMA", "glioblastomas", H,
                       CITE),
    "in-their-series-of": ("In their series of 50 abscesses, succinate was present in half.", "BRAIN_INFECTION",
                           "abscesses", H, CITE),
    "in-a-cohort-of": ("In a large retrospective cohort of patients with lymphoma, MRS was rarely diagnostic.",
                       "CNS_LYMPHOMA", "lymphoma", H, CITE),
    "case-reports-describe": ("Case reports describe lymphoma presenting as a single ring lesion.", "CNS_LYMPHOMA",
                              "lymphoma", H, CITE),
    "has-been-reported-in": ("Ring-enhancing lymphoma has been reported in immunocompetent hosts.", "CNS_LYMPHOMA",
                             "lymphoma", H, REPORTED),
    "cases-are-reported": ("Cases of tumefactive demyelination mimicking glioma are reported.", "DEMYELINATION",
                           "tumefactive demyelination", H, REPORTED),
    "described-in-up-to": ("Demyelination has been described in up to 10% of cases.", "DEMYELINATION",
                           "Demyelination", H, REPORTED),
    # ---------------------------------------------- 4. a rank or a role of the class
    "commonest-mimic": ("Toxoplasmosis is the commonest mimic of lymphoma in AIDS.", "CNS_LYMPHOMA", "lymphoma", H,
                        TRAIT),
    "most-common-cause": ("Metastasis is the most common cause of a ring-enhancing lesion in adults.",
                          "BRAIN_METASTASIS", "Metastasis", H, TRAIT),
    "well-known-mimic": ("Demyelination is a well-known mimic of high-grade glioma.", "DEMYELINATION",
                         "Demyelination", H, TRAIT),
    "frequent-source": ("Lymphoma is a frequent source of diagnostic error.", "CNS_LYMPHOMA", "Lymphoma", H, TRAIT),
    "classically-described": ("Pilocytic astrocytoma is classically described as a cyst with a mural nodule.",
                              "GLIOMA", "Pilocytic astrocytoma", H, "hyp.generic_habit"),
    # ---------------------------------------------- near misses: this patient's
    "near-she-has": ("She has a glioma.", "GLIOMA", "glioma", NONE, None),
    "near-patients-lymphoma-treated": ("The patient's lymphoma was treated in 2019.", "CNS_LYMPHOMA", "lymphoma",
                                       HIST, None),
    "near-one-line-summary": ("Patient with glioblastoma, here for follow-up.", "GLIOMA", "glioblastoma", NONE,
                              None),
    "near-findings-seen": ("Metastases seen in the left frontal lobe and the right cerebellum.", "BRAIN_METASTASIS",
                           "Metastases", NONE, None),
    "near-findings-involve": ("Gliomas involve the right temporal lobe.", "GLIOMA", "Gliomas", NONE, None),
    "near-findings-show-side": ("Metastases show surrounding oedema in the left hemisphere.", "BRAIN_METASTASIS",
                                "Metastases", NONE, None),
    "near-findings-again": ("Metastases again show restricted diffusion.", "BRAIN_METASTASIS", "Metastases", NONE,
                            None),
    # a report's or reader's plural noun as the subject ("Findings favour", "Appearances show") is no disease class
    "near-findings-favour": ("Findings favour demyelination over lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    "near-appearances-favour": ("Appearances favour a cerebral abscess.", "BRAIN_INFECTION", "cerebral abscess", NONE,
                                None),
    "near-imaging-features-show": ("Imaging features show a ring-enhancing glioma.", "GLIOMA", "glioma", NONE, None),
    "near-serial-scans-show": ("Serial scans show a growing meningioma.", "BRAIN_TUMOR", "meningioma", NONE, None),
    "near-results-demonstrate": ("Results demonstrate a low-grade glioma.", "GLIOMA", "low-grade glioma", NONE,
                                None),
    "near-multiple-are-present": ("Multiple metastases are present in both hemispheres.", "BRAIN_METASTASIS",
                                  "metastases", NONE, None),
    "near-the-abscesses-are": ("The abscesses are restricted on DWI.", "BRAIN_INFECTION", "abscesses", NONE, None),
    "near-hedged": ("Abscess likely.", "BRAIN_INFECTION", "Abscess", U, None),
    "near-in-this-patient": ("In this patient, seizures began at age 3.", "SEIZURE", "seizures", NONE, None),
    "near-her-seizures-typically": ("Her seizures typically occur at night.", "SEIZURE", "seizures", NONE, None),
    "near-vignette-man-with": ("A 61-year-old man with metastases presents with confusion.", "BRAIN_METASTASIS",
                               "metastases", NONE, None),
    "near-reported-on-her-mri": ("Lymphoma has been reported on her MRI.", "CNS_LYMPHOMA", "Lymphoma", NONE, None),
    "near-reported-by-mother": ("Seizures are reported by the mother.", "SEIZURE", "Seizures", NONE, None),
    "near-none-reported": ("No seizures have been reported.", "SEIZURE", "seizures", {"negated"}, None),
    "near-own-case-report": ("Case report: a 45-year-old man with glioblastoma.", "GLIOMA", "glioblastoma", NONE,
                             None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), list(CASES.values()), ids=list(CASES))
def test_generic_subject_statement(mentions, text: str, concept: str,  # type: ignore[no-untyped-def]
                                   span: str, expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
