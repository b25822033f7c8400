"""An infection or a neoplasm of another organ, or a brain infection treated and over long ago, is no current brain one.

Class: brain_infection or brain_neoplasm came out PRESENT for a disease the note places outside the brain, or for a
brain infection the note tells as over.

1. An infection of another organ named by an organism that otherwise names a brain infection (targets.yaml
   look.extracranial_finding): the organism with the disease of another organ or of the blood ("Nocardia
   bacteremia", "cryptococcal fungemia", "tuberculous lymphadenitis"), found in a body sample ("Cryptococcus in the
   sputum", "sputum grew Nocardia"), the organism's disease of an organ ("histoplasmosis of the lung", "lung
   aspergilloma", "nocardiosis of the right upper lobe": `finding_head` now names these diseases, and a lung lobe
   is a site). An infection of the urinary tract or of a joint prosthesis ("knee prosthesis infection":
   inf.generic unless_prev) is no brain infection either.
2. A neoplasm of another organ in an ICD description (look.extracranial_neoplasm): "of unspecified site of left
   female breast", "of sigmoid colon", the eye's parts ("ciliary body", "choroid" but not the choroid plexus);
   the lacrimal gland and the eye's adnexa are sites outside the brain as the orbit is ("lacrimal gland lymphoma";
   extracranial_site).
3. A brain infection whose course is told as over is history, which brain_infection ignores (context.yaml
   hist.infection_course_over, after it: a treatment finished or stopped, "treated" standing alone between
   commas, a syphilis test since non-reactive, a childhood age; hist.treated_for_dated: "treated for X in <year>").
   Told "resolved", it stays absent (neg.backward), as before.

Near misses keep their reading: a brain abscess beside a lung infection, septic emboli to the brain, meningitis,
ventriculitis, cerebritis, a relapse last month, an infection told as current again after its treatment ("now on
maintenance", "relapse this year"), "being treated for", meningitis at an adult age, a brain metastasis of a body
cancer, the brain's ICD codes (C79.31, D33.0), a neoplasm of the choroid plexus, a brain abscess-versus-tumour
differential after a pneumonia.

Limits: the history cue does not compute how long ago a year is ("Toxoplasmosis 10/2026, treated, no relapse" is
history too, as "treated in 2026" already was by hist.treated_lesion); a test told negative after a ";"
("Neurosyphilis 2016; CSF VDRL since non-reactive") is in another sentence and does not reach the infection; "PML
2013, no progression since" and a relapse denied alone ("Cryptococcal meningitis 2011, no relapse": its words are
neg.no's on the RECURRENCE) stay current; a childhood age is one under 18 whatever the patient's age now; an organism
told with a body site only after a comma ("Nocardia, lung") stays a brain infection.
Rows are freshly written; ids starting "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, check_mention, facts_of

from pipeline.contracts import FactStatus, Mention

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INF, NEO = "brain_infection", "brain_neoplasm"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ---------------------------------------------------------------- 1. an infection of another organ
    "organism-bacteremia": ("Nocardia bacteremia on two sets of blood cultures, on imipenem.\n", {INF: N}),
    "organism-pneumonia-dx": ("Nocardia pneumonia confirmed by bronchoscopy in September; TMP-SMX continued.\n",
                              {INF: N}),
    "organism-fungemia": ("Cryptococcal fungemia, liposomal amphotericin day 5.\n", {INF: N}),
    "organism-in-sputum": ("Cryptococcus in the sputum; lumbar puncture opening pressure normal.\n", {INF: N}),
    "sample-grew-organism": ("Expectorated sputum grew Nocardia after 6 days.\n", {INF: N}),
    "disease-of-the-lung": ("Histoplasmosis of the lung, itraconazole for 12 weeks.\n", {INF: N}),
    "nocardiosis-of-lung": ("Nocardiosis of the lung diagnosed on wedge biopsy.\n", {INF: N}),
    "aspergillosis-of-lungs": ("Invasive aspergillosis of both lungs during induction chemotherapy.\n", {INF: N}),
    "lung-lobe": ("Nocardiosis of the left lower lobe, improving on CT chest.\n", {INF: N}),
    "aspergilloma-in-lobe-cavity": ("Aspergilloma in a right upper lobe cavity, followed by pulmonology.\n",
                                    {INF: N}),
    "urinary-tract": ("Infection of the urinary tract last week delayed the dexamethasone wean.\n", {INF: N}),
    "knee-prosthesis": ("Left knee prosthesis infection; washout and liner exchange done.\n", {INF: N}),
    "tuberculous-lymphadenitis": ("Tuberculous lymphadenitis of the neck, on four-drug therapy.\n", {INF: N}),
    "toxo-eye-code": ("B58.01 Toxoplasma chorioretinitis\n", {INF: N}),
    # ---------------------------------------------------------------- 2. a neoplasm of another organ
    "icd-female-breast": ("Dx: C50.412 Malignant neoplasm of upper-outer quadrant of left female breast\n",
                          {NEO: N}),
    "icd-unspecified-site-breast": ("C50.911 Malignant neoplasm of unspecified site of right female breast\n",
                                    {NEO: N}),
    "icd-sigmoid": ("Problem: C18.7 Malignant neoplasm of sigmoid colon\n", {NEO: N}),
    "icd-transverse-colon": ("C18.4 Malignant neoplasm of transverse colon\n", {NEO: N}),
    "icd-ciliary-body": ("C69.42 Malignant neoplasm of left ciliary body\n", {NEO: N}),
    "icd-choroid-of-eye": ("C69.31 Malignant neoplasm of right choroid\n", {NEO: N}),
    "lacrimal-gland-lymphoma": ("Right lacrimal gland lymphoma, radiated in March.\n", {NEO: N}),
    # ---------------------------------------------------------------- 3. a brain infection over long ago
    "over-completed-no-relapse": ("Cryptococcal meningitis in 2013, completed fluconazole, no relapse.\n",
                                  {INF: N}),
    "over-treated-alone": ("Toxoplasma encephalitis 2012, treated, no relapse since.\n", {INF: N}),
    "over-childhood-age": ("Pneumococcal meningitis at age 5, no sequelae.\n", {INF: N}),
    "over-at-the-age-of": ("Meningitis at the age of 2; developmentally normal.\n", {INF: N}),
    "over-treated-for-dated": ("Treated for neurosyphilis in 2018, CSF VDRL since non-reactive.\n", {INF: N}),
    "over-off-maintenance": ("Cerebral toxoplasmosis 2014, completed therapy, off secondary prophylaxis since 2016.\n",
                             {INF: N}),
    "over-completed-weeks-of": ("Toxoplasmosis, completed six weeks of pyrimethamine in 2011.\n", {INF: N}),
    # ---------------------------------------------------------------- near misses
    "near-nocardial-brain-abscess": ("Pulmonary nocardiosis with a nocardial brain abscess in the right parietal "
                                     "lobe.\n", {INF: P}),
    "near-lung-and-frontal-abscess": ("Nocardiosis of the lung and a nocardial abscess of the left frontal lobe.\n",
                                      {INF: P}),
    "near-septic-emboli": ("Staphylococcal endocarditis with septic emboli to the brain.\n", {INF: P}),
    "near-meningitis-now": ("Meningitis now, CSF with 900 neutrophils.\n", {INF: P}),
    "near-ventriculitis": ("Ventriculitis after external drain placement.\n", {INF: P}),
    "near-sinusitis-cerebritis": ("Invasive fungal sinusitis with frontal cerebritis.\n", {INF: P}),
    "near-relapse-last-month": ("Recurrent toxoplasmosis, relapse last month, back on pyrimethamine.\n", {INF: P}),
    "near-completed-now-maintenance": ("Cryptococcal meningitis, completed induction, now on maintenance "
                                       "fluconazole.\n", {INF: P}),
    "near-treated-relapse-this-year": ("Treated for toxoplasmosis in 2014, relapse this year.\n", {INF: P}),
    "near-being-treated": ("Being treated for toxoplasmosis since October.\n", {INF: P}),
    "near-adult-age": ("Bacterial meningitis at age 46, on ceftriaxone.\n", {INF: P}),
    "near-treated-then-relapse": ("Toxoplasmosis 2015, treated, relapse in October.\n", {INF: P}),
    "near-lung-with-brain-mets": ("Lung adenocarcinoma with three brain metastases.\n", {NEO: P}),
    "near-c79-31": ("C79.31 Secondary malignant neoplasm of brain\n", {NEO: P}),
    "near-d33-0": ("D33.0 Benign neoplasm of brain, supratentorial\n", {NEO: P}),
    "near-breast-metastatic-to-brain": ("Breast carcinoma metastatic to the brain, on capecitabine.\n", {NEO: P}),
    "near-pneumonia-then-differential": ("Pneumonia 10 days ago; now drowsy with a ring-enhancing lesion, abscess "
                                         "versus tumour.\n", {INF: S, NEO: S}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_disease_at_another_site_or_long_ago_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)


HISTORY = {"historical", "negated", "uncertain"}

MENTION_ROWS: dict[str, tuple[str, str, str, set[str] | None]] = {
    # text, concept, span, modifiers among HISTORY (None: no such mention)
    "m-organism-bacteremia": ("Nocardia bacteremia, on imipenem.", "BRAIN_INFECTION", "Nocardia", None),
    "m-sputum-grew": ("Sputum grew Nocardia.", "BRAIN_INFECTION", "Nocardia", None),
    "m-lacrimal": ("Lacrimal gland lymphoma.", "CNS_LYMPHOMA", "lymphoma", None),
    "m-over-treated": ("Cryptococcal meningitis 2010, treated, no relapse.", "BRAIN_INFECTION", "meningitis",
                       {"historical"}),
    "m-over-age": ("Bacterial meningitis at age 7.", "BRAIN_INFECTION", "Bacterial meningitis", {"historical"}),
    "m-treated-for-dated": ("Treated for neurosyphilis in 2015.", "BRAIN_INFECTION", "neurosyphilis",
                            {"historical"}),
    "near-m-now-maintenance": ("Cryptococcal meningitis, completed induction, now on maintenance.",
                               "BRAIN_INFECTION", "meningitis", set()),
    "near-m-brain-abscess": ("Nocardia pneumonia and a nocardial brain abscess.", "BRAIN_INFECTION",
                             "brain abscess", set()),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), MENTION_ROWS.values(), ids=MENTION_ROWS.keys())
def test_disease_at_another_site_or_long_ago_mentions(mentions: Callable[[str], list[Mention]], text: str,
                                                       concept: str, span: str, expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=HISTORY)
