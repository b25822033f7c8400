"""A diagnosis raised, queried, floated, flagged or brought up is offered for consideration, not made: facts.

Class: a study, a report, a reader or a service that raises, queries, floats, flags, questions or brings up a
diagnosis puts it forward as a possibility; the diagnosis is suspected, not present. "The neuroradiologist queried a
low-grade astrocytoma", "neuro-oncology floated primary CNS lymphoma", "ID brought up a tuberculoma", "the
preliminary report flags a solitary metastasis as one option" read the disease present (or not at all where the
fact's own reading hung on another cue); "raised concern for", "raised the question of" already read suspected.

Rule (pipeline/nlp/resources/context.yaml): poss.raised_by_reader, a quiet forward hedge on the verbs (raised,
queried, floated, flagged, questioned, mooted, brought up, in their tenses) that holds only with a study, report,
reader or service (or "Dr X", "we") as the subject before it in its clause, a few words between and none of them a
verb of showing, a "with", a copula or a measured quantity, and not before a preposition, "as" or a denial; and
poss.queried_entry, "queried X" / "questioned X" opening an item, a line, a label's value or a "?".

Near misses keep their reading: "raised intracranial pressure" / "raised ICP" (a finding, no hedge), "the lesion was
raised", "the family raised concerns about cost", "raised on a farm", "the biopsy settled the question:
glioblastoma", "her prior oligodendroglioma was queried for IDH status" (a known tumour queried for a marker),
"flagged as abnormal: sodium 129", "the CT raised no concern for a tumour" (negated), "pathology confirmed the
lymphoma the MRI had raised" (confirmed), "MRI shows choline raised within the known glioma" (a metabolite raised).

Limits: the subject must be one of the listed study, report, reader or service words within a few words of the verb
("the CT of the head raised ..." with "of the" just before the verb and a subject named by a pronoun, "she queried
a glioma", are not read); a diagnosis before the verb ("a glioma was queried on the CT", passive) is not hedged
unless it opens an entry; the verb's reach ends at ";" or "." (not at commas), so a confirmation later in the same
clause is left to the other rules.

Rows: id, text, the expected statuses. Rows whose id starts with "near" keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, INF = "brain_neoplasm", "brain_infection"

FACTS: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "ct-raised-abscess": ("The outside head CT raised a ring-enhancing abscess in the left frontal lobe.\n",
                          {INF: S}),
    "reader-queried-astrocytoma": ("The neuroradiologist queried a low-grade astrocytoma in the right insula.\n",
                                   {NEO: S}),
    "service-floated-lymphoma": ("Neuro-oncology floated primary CNS lymphoma at the tumour board.\n", {NEO: S}),
    "id-brought-up-tuberculoma": ("ID brought up a tuberculoma given the travel history.\n", {INF: S}),
    "report-flags-metastasis": ("The preliminary report flags a solitary metastasis as one option.\n", {NEO: S}),
    "read-has-also-raised": ("The wet read has also raised an oligodendroglioma.\n", {NEO: S}),
    "doctor-queried-toxo": ("Dr. Okafor queried toxoplasmosis in view of the CD4 count.\n", {INF: S}),
    "resident-floated": ("The pathology resident floated a pilocytic astrocytoma.\n", {NEO: S}),
    "outside-read-queried": ("Outside read queried neurocysticercosis.\n", {INF: S}),
    "scan-raises": ("The scan raises a glioblastoma.\n", {NEO: S}),
    "mri-questioned": ("The MRI questioned a metastatic deposit in the cerebellum.\n", {NEO: S}),
    "team-mooted": ("The stroke team mooted a septic embolic abscess.\n", {INF: S}),
    "queried-entry": ("Queried glioma on CT 10/26.\n", {NEO: S}),
    "queried-after-question-mark": ("?queried abscess, right parietal.\n", {INF: S}),
    "query-entry": ("?query ependymoma on CT.\n", {NEO: S}),
    # ------------------------------------------------ near misses
    "near_raised_icp_finding": ("Known glioblastoma with raised intracranial pressure.\n", {NEO: P}),
    "near_raised_icp_opening": ("Raised ICP secondary to the known right frontal glioblastoma.\n", {NEO: P}),
    "near_lesion_was_raised": ("The lesion was raised on the scalp; glioblastoma resected 2024.\n", {NEO: P}),
    "near_family_concerns_cost": ("The family raised concerns about cost of treatment for his glioblastoma.\n",
                                  {NEO: P}),
    "near_question_settled": ("The biopsy settled the question: glioblastoma.\n", {NEO: P}),
    "near_known_tumour_marker": ("Her prior oligodendroglioma was queried for IDH status.\n", {NEO: P}),
    "near_lab_flag": ("Flagged as abnormal: sodium 129. Known anaplastic astrocytoma.\n", {NEO: P}),
    "near_raised_on_farm": ("He was raised on a farm; glioblastoma diagnosed 2025.\n", {NEO: P}),
    "near_raised_no_concern": ("The CT raised no concern for a tumour.\n", {NEO: A}),
    "near_confirmed_what_was_raised": ("Pathology confirmed the lymphoma the MRI had raised.\n", {NEO: P}),
    "near_metabolite_raised": ("MRI shows choline raised within the known glioma.\n", {NEO: P}),
    "near_raised_then_biopsy_confirmed": ("The MRI raised a glioma; stereotactic biopsy confirmed glioblastoma.\n",
                                          {NEO: P}),
    "near_known_tumour_flagged": ("The report flagged her known glioma for the tumour board.\n", {NEO: P}),
    "near_study_names_raised_icp": ("The MRI has raised ICP concern; glioblastoma resected 2025.\n", {NEO: P}),
}


@pytest.mark.parametrize(("text", "expected"), FACTS.values(), ids=FACTS.keys())
def test_diagnosis_raised_is_not_made(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                      expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
