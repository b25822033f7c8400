"""A verdict label heading a list, a topic row settled by another diagnosis, an old CT question answered, through the
real NLP stage.

1. A verdict label before a list denies every item (neg.ruled_out_heading): "Excluded during the admission:
   neoplasm (...), seizures (...)", "Ruled out by the inpatient team: abscess, lymphoma", "Not supported by work-up:
   ...", "Negative evaluation for: ...". Near misses: "Excluded: nothing yet" (no item), "Still to exclude:
   lymphoma" (suspected), "Confirmed: glioblastoma" (present).
2. A topic row that raises its topic ("Tumor: queried on the outside CT", "Mass: raised on the ED CT") and settles it
   in the same row with another diagnosis or a negation of the finding: the topic is absent (scope.topic_settled).
   Near misses: the row keeps the question open (suspected), or finds the topic's own finding (present).
3. An old CT's question answered by a later MRI (neg.question_closed): the tumour is absent, the imaging no longer
   inconclusive, no differential is left. Near miss: the later MRI itself equivocal.

Rows are fresh fragments in varied styles; each names the facts it checks.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# case, text, {fact: expected status}
CASES = [
    # ------------------------------------------------ 1. a verdict label heading a list
    ("excluded during the admission, items with their tests",
     "Excluded during the admission: neoplasm (CT and MRI 10/03), seizures (EEG 10/04 normal), cardioembolism (TTE "
     "normal)\n", {"brain_neoplasm": A, "known_brain_tumor": A, "seizures": A}),
    ("ruled out by the team", "Ruled out by the inpatient team: abscess, lymphoma\n",
     {"brain_neoplasm": A, "brain_infection": A}),
    ("not supported by work-up", "Not supported by work-up: vasculitis, tumour, demyelination\n",
     {"brain_neoplasm": A, "demyelination": A}),
    ("negative evaluation for", "Negative evaluation for: seizure, toxic-metabolic cause\n", {"seizures": A}),
    ("negative work-up for", "Negative work-up for: glioma, metastatic disease\n", {"brain_neoplasm": A}),
    ("disproven on biopsy", "Disproven on biopsy: lymphoma\n", {"brain_neoplasm": A}),
    ("near miss: excluded, nothing yet", "Excluded: nothing yet.\nNew right frontal lesion.\n",
     {"brain_neoplasm": N, "brain_lesion": P}),
    ("near miss: still to exclude", "Still to exclude: lymphoma\n", {"brain_neoplasm": S}),
    ("near miss: confirmed", "Confirmed: glioblastoma, IDH-wildtype\n", {"brain_neoplasm": P}),
    # ------------------------------------------------ 2. a topic row settled by another diagnosis
    ("tumor queried, abscess and an exclusion",
     "Tumor: queried on the outside CT 09/30; MRI 10/02 is diagnostic of a pyogenic abscess, and neuroradiology "
     "excludes neoplasm.\n", {"brain_neoplasm": A, "known_brain_tumor": A, "brain_infection": P}),
    ("mass raised, infarct, no tumour", "Mass: raised on the ED CT, the final MRI shows a subacute infarct, no "
     "tumour.\n", {"brain_lesion": A, "brain_neoplasm": A}),
    ("glioma questioned, demyelination", "Glioma: questioned on CT 08/11; MRI shows tumefactive demyelination\n",
     {"brain_neoplasm": A, "demyelination": P}),
    ("metastasis flagged, MRI rules it out", "Metastasis: flagged on the staging CT; MRI 10/20 rules out metastatic "
     "disease.\n", {"brain_neoplasm": A}),
    ("lesion flagged, cavernoma", "Lesion: flagged on the CT, the MRI shows a cavernoma, no tumour\n",
     {"brain_lesion": A, "brain_neoplasm": A}),
    ("near miss: cannot exclude it", "Tumour: raised on CT; MRI still cannot exclude it\n", {"brain_neoplasm": S}),
    ("near miss: biopsy-proven", "Tumour: biopsy-proven glioma\n", {"brain_neoplasm": P}),
    ("near miss: the topic's own finding", "Mass: queried on CT; MRI shows an enhancing glioblastoma\n",
     {"brain_neoplasm": P}),
    ("near miss: still a differential", "Lesion: raised on CT; MRI shows abscess versus necrotic metastasis\n",
     {"brain_lesion": S, "brain_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    # ------------------------------------------------ 3. an old CT question answered by a later MRI
    ("the question of a neoplasm answered",
     "The question of a neoplasm from the CT 10/12 was answered by the MRI 10/14, which shows an acute infarct.\n",
     {"brain_neoplasm": A, "conventional_imaging_inconclusive": A, "tumor_vs_nontumor_differential": N}),
    ("the CT's question settled", "The CT's question of a glioma was settled by the MRI 11/02: tumefactive "
     "demyelination.\n", {"brain_neoplasm": A, "conventional_imaging_inconclusive": A,
                          "tumor_vs_nontumor_differential": N}),
    ("near miss: the MRI itself equivocal",
     "The CT question of a tumour was answered by the MRI 10/15, which is itself equivocal: infarct versus tumour.\n",
     {"conventional_imaging_inconclusive": P, "brain_neoplasm": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_verdict_lists_and_settled_rows(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
