"""A clinician's consult, letter or note impression is no imaging report's read, through the real NLP stage to the
facts, in small multi-page packets (form feed between pages).

Class: after an imaging report whose impression hedges ("nonspecific; differential includes ..."), a later page holds
a clinician's document titled by its service ("GENETICS CONSULT 10/05/2026", "Metabolic clinic letter",
"Paediatric neurology follow-up note", "Discharge summary") whose "Impression:" restates the patient's problems and
lab exclusions ("urea-cycle defects are ruled out by the amino acids"). Its impression was read as a section of the
imaging report before it (study_source=report, verdict=conclusive) and, coming later, settled the study. Rule: such a
heading is a note's start (section `sec.note_start`, pipeline/nlp/resources/sections.yaml), which ends the report's
run of sections (pipeline/facts/imaging.py `_runs`): the clinician's impression gives no imaging verdict unless it
names the study itself, and then it is read as a note's impression citing the study.

Near misses must not change: a radiology report's own conclusive impression ("consistent with ...; no further
imaging needed"), a report continued on its next page, a consult that states an imaging verdict itself ("the MRI is
diagnostic of X", "MRI inconclusive per neuroradiology"), and an addendum to the imaging report that overrides its
earlier read.

Rows: id, packet (a request date is appended; "\\f" between pages), {fact: expected status}. Rows whose id starts
with "near" keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, paged_facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INC = "conventional_imaging_inconclusive"

FORM = "MR SPECTROSCOPY REQUEST\nMember: J. Doe\nClinical question: inborn error of metabolism?\n\f\n"
BASAL = ("MRI BRAIN WITHOUT CONTRAST 10/01/2026\nFINDINGS: Symmetric T2 hyperintensity of both putamina.\n"
         "IMPRESSION: Nonspecific symmetric signal change; the list of possibilities covers a mitochondrial cause "
         "and a toxic-metabolic insult.\n")
DENTATE = ("MR BRAIN W/WO 08/12/2026\nFINDINGS: Bilateral dentate and brainstem T2 signal.\nIMPRESSION: Indeterminate "
           "pattern; differential includes Leigh syndrome versus post-infectious change.\n")
WHITE = ("MRI HEAD 06/03/2026\nFINDINGS: Confluent periventricular white matter signal.\nIMPRESSION: Nonspecific "
         "leukoencephalopathy; a leukodystrophy cannot be distinguished from an acquired demyelinating process.\n")
CT = ("CT HEAD WITHOUT CONTRAST 07/22/2026\nFINDINGS: Low attenuation of both globi pallidi.\nIMPRESSION: "
      "Nonspecific bilateral pallidal hypodensity; differential includes a metabolic or hypoxic cause.\n")
LEIGH = ("MRI BRAIN WITHOUT CONTRAST 09/09/2026\nFINDINGS: Symmetric necrotising lesions of the putamina and "
         "periaqueductal grey.\nIMPRESSION: Findings consistent with Leigh syndrome; no further imaging needed.\n")

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("genetics consult restates the problems, capitals title with date",
     FORM + BASAL + "\f\nGENETICS CONSULT 10/05/2026\nImpression: 4-year-old boy with an encephalopathy after a "
     "febrile illness, high lactate and bilateral putaminal lesions. Urea-cycle disorders are ruled out by the "
     "plasma amino acids.\n", {INC: P}),
    ("biochemical genetics consultation with a dash and a date",
     FORM + DENTATE + "\f\nBiochemical genetics consultation - 08/20/2026\nImpression: 6-year-old girl, "
     "episodic ataxia and dystonia with raised CSF lactate. Organic acidaemias excluded by urine organic acids.\n",
     {INC: P}),
    ("metabolic clinic letter",
     FORM + WHITE + "\f\nMetabolic clinic letter\nIMPRESSION: Toddler with regression and spasticity. Krabbe "
     "disease is excluded by normal galactocerebrosidase activity.\n", {INC: P}),
    ("paediatric neurology follow-up note",
     FORM + BASAL + "\f\nPaediatric neurology follow-up note 10/09/2026\nImpression: Improving dystonia; "
     "biotin-thiamine-responsive basal ganglia disease is ruled out by SLC19A3 sequencing.\n", {INC: P}),
    ("discharge summary",
     FORM + DENTATE + "\f\nDischarge summary\nImpression: Acute encephalopathy with brainstem signs, now "
     "resolved; pyruvate dehydrogenase deficiency excluded by enzyme studies.\n", {INC: P}),
    ("inherited metabolic disease consult, impression/plan form",
     FORM + WHITE + "\f\nInherited metabolic disease consult 06/10/2026\nImpression: Metachromatic "
     "leukodystrophy ruled out by arylsulfatase A activity; adrenoleukodystrophy excluded by VLCFA.\n", {INC: P}),
    ("mitochondrial clinic note after a CT report",
     FORM + CT + "\f\nMitochondrial clinic note\nImpression: 9-year-old with exercise intolerance and a "
     "lactate of 5.2. Carbon monoxide exposure excluded by history and carboxyhaemoglobin.\n", {INC: P}),
    ("neurogenetics consult note, the impression a plain diagnosis",
     FORM + DENTATE + "\f\nNEUROGENETICS CONSULT NOTE\nIMPRESSION: Mitochondrial encephalomyopathy with "
     "lactic acidosis. Urea cycle defect excluded by ammonia and amino acids.\n", {INC: P}),
    ("neuromuscular clinic letter dated on its line",
     FORM + BASAL + "\f\nNeuromuscular clinic letter dated 10/07/2026\nImpression: Hypotonia and raised CK; "
     "Pompe disease excluded by enzyme assay. Overall picture of a mitochondrial myopathy.\n", {INC: P}),
    ("genetics consult on the same page as the report",
     FORM + WHITE + "\nGenetics consult\nImpression: Boy of 3 with macrocephaly and seizures; Canavan disease is "
     "ruled out by urine NAA.\n", {INC: P}),
    ("consult after a conclusive report hedges its own diagnosis",
     FORM + LEIGH + "\f\nMetabolic medicine consultation 09/15/2026\nImpression: Possibly a SURF1-related "
     "disorder or a pyruvate dehydrogenase defect; genetic panel pending.\n", {INC: A}),
    ("consult alone with no report gives no imaging read",
     FORM + "GENETICS CONSULT 10/05/2026\nImpression: Encephalopathy with raised lactate; urea-cycle defects "
     "ruled out by the amino acids.\n", {INC: N}),
    # a consult's own imaging verdict, under a request form's requested-study title: the note's read, not
    # the requested study's report (it was read as that study's impression and then lost)
    ("a consult that itself calls the MRI diagnostic",
     FORM + "Metabolic clinic letter\nImpression: The brain MRI of 09/09/2026 is diagnostic of Leigh syndrome.\n",
     {INC: A}),
    ("a consult that calls the MRI inconclusive per neuroradiology",
     FORM + "GENETICS CONSULT 10/05/2026\nImpression: MRI brain 10/01/2026 inconclusive per neuroradiology; "
     "lactate raised.\n", {INC: P}),
    # near misses: a report's own read, a report continued on its next page, a consult citing the read,
    # an addendum to the report
    ("near: the radiology report's own conclusive impression",
     FORM + LEIGH, {INC: A}),
    ("near: conclusive report then a genetics consult restating it",
     FORM + LEIGH + "\f\nGENETICS CONSULT 09/20/2026\nImpression: Leigh syndrome on imaging; exome ordered.\n",
     {INC: A}),
    ("near: the report's own nonspecific read alone",
     FORM + DENTATE, {INC: P}),
    ("near: the report's impression continued on its next page",
     FORM + "MRI BRAIN WITHOUT CONTRAST 10/01/2026\nFINDINGS: Symmetric T2 hyperintensity of both putamina.\n\f\n"
     "IMPRESSION: Nonspecific basal ganglia signal; differential includes a mitochondrial or a toxic cause.\n",
     {INC: P}),
    ("near: an addendum to the report overrides its nonspecific read",
     FORM + DENTATE + "ADDENDUM: On second review, the findings are diagnostic of Leigh syndrome.\n", {INC: A}),
    ("near: a dated addendum on the next page overrides the read",
     FORM + DENTATE + "\f\nADDENDUM 08/14/2026: After neuroradiology conference the appearance is characteristic "
     "of Leigh syndrome.\n", {INC: A}),
    ("near: the report's running header on its next page",
     FORM + "MRI BRAIN W/WO 08/12/2026\nFINDINGS: Bilateral dentate T2 signal.\n\f\nMRI BRAIN W/WO 08/12/2026 "
     "(continued)\nIMPRESSION: Nonspecific dentate signal; differential includes a metabolic or toxic cause.\n",
     {INC: P}),
    ("near: a consult citing the radiology read as indeterminate",
     FORM + DENTATE + "\f\nGenetics consultation\nImpression: Per radiology, MRI brain 08/12/2026 was "
     "indeterminate. CDG excluded by transferrin isoforms.\n", {INC: P}),
    ("near: nonspecific report then a consult calling the MRI inconclusive",
     FORM + BASAL + "\f\nNeurology consult note\nImpression: The MRI brain was inconclusive per neuroradiology; "
     "genetic testing sent.\n", {INC: P}),
    ("near: a CT report's own nonspecific read",
     FORM + CT, {INC: P}),
    ("near: a report titled as a radiology report with a conclusive impression",
     FORM + "RADIOLOGY REPORT\nExam: MRI brain 05/05/2026\nFINDINGS: Diffuse symmetric white matter signal sparing "
     "U-fibres.\nIMPRESSION: Pattern diagnostic of metachromatic leukodystrophy.\n", {INC: A}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_consult_impression_is_no_imaging_read(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(paged_facts_of(analyze, text + REQUEST_TAIL), expected)
