"""A problem-list entry's status column, after a dot leader or aligned spaces (or a pipe), through the real NLP stage.

A problem list may give each entry's status in a column: after a dot leader ("r/o lymphoma ...... resolved 2023",
"Possible MELAS ........ ruled out"), after spaces that line the column up (which the text normalisation runs
together: "Seizure disorder      inactive"), or in a pipe table's cell ("?glioma | Historical | 2019"). A resolved,
ruled-out or inactive status ends a hedged entry's hedge: the question is closed, so the entry is **absent**
(context neg.leader_resolved, hist.leader_status, hist.status_column, hist.status_cell_end as `resolutions` of
scope.final_verdict, and a "resolved" that ends its row but for a date: `status_words`). An entry with no hedge is
read by the problem-list row rules: "resolved" negates it, "inactive"/"historical" make it historical, and a tumor
that is historical and long over is over (scope.resolved_course). "active", "current" and "ongoing" keep an entry
current. Near misses: one row's status never reaches the next line (a row that ends on its leader's status is a row
of its own, cue layout.leader_status_row); a dot leader with nothing after it says nothing; an inactive entry still
on treatment ("inactive, on levetiracetam") keeps its hedge; "Glioma ...... active, on temozolomide" is present.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

R = "Request date: 11/20/2026\nHPI: 40-year-old with chronic daily headaches.\n"

# case, text, {fact: expected status}
CLOSED = [
    ("a rule-out after a dot leader, resolved with a year", R + "Problem list:\nr/o lymphoma ...... resolved 2023\n"
     "Hypertension ...... active\n", {"cns_lymphoma": A, "brain_neoplasm": A}),
    ("a queried lesion, resolved with a month and a note", R + "Problem list:\nFrontal lesion (query neoplasm) ..... "
     "resolved 06/2022, not a tumor\nAsthma ..... active\n", {"brain_neoplasm": A, "brain_lesion": A}),
    ("a possible disorder ruled out after a long leader", R + "Problems:\nPossible MELAS ........ ruled out\n"
     "GERD ........ active\n", {"mitochondrial_disorder": A}),
    ("a possible disorder marked inactive after a leader", R + "Problem list:\nPossible mitochondrial disorder "
     "........ inactive\nMigraine ........ active\n", {"mitochondrial_disorder": A}),
    ("a suspected disorder, spaced dots, resolved", R + "Past problems:\nSuspected seizure disorder . . . . . "
     "resolved 2020\nAsthma . . . . . active\n", {"seizures": A}),
    ("a probable tumor marked historical with a note", R + "Problem list:\nProbable low-grade glioma ...... "
     "historical, not confirmed\nAsthma ...... active\n", {"glial_neoplasm": A, "brain_neoplasm": A}),
    ("'concern for' before an ellipsis character", R + "Problem list:\nConcern for metastatic disease \u2026 "
     "resolved 08/2024\n", {"brain_metastasis": A, "brain_neoplasm": A}),
    ("a rule-out with the status in aligned columns", R + "PROBLEM LIST\nr/o lymphoma            resolved      2023\n"
     "Hypertension            active        2018\n", {"cns_lymphoma": A}),
    ("a possible disorder in tab-aligned columns, inactive", R + "Problem\tStatus\tDate\nPossible MELAS\tInactive\t"
     "2021\nMigraine\tActive\t2019\n", {"mitochondrial_disorder": A}),
    ("a queried glioma in a pipe table, historical", R + "Problem list:\n?glioma | Historical | 2019\n"
     "Asthma | Active | 2010\n", {"glial_neoplasm": A, "brain_neoplasm": A}),
    ("a rule-out in a pipe table, resolved with a year", R + "Problems:\n| r/o CNS lymphoma | resolved 2023 |\n"
     "| Hypertension | active |\n", {"cns_lymphoma": A}),
    ("'?' before a lymphoma with its year, ruled out", R + "Problem list:\n?CNS lymphoma (2022) ..... ruled out\n"
     "Hypertension ..... active\n", {"cns_lymphoma": A}),
    ("'possible' seizures in aligned columns, historical", R + "Problem list:\nPossible seizures       Historical\n"
     "Depression              Current\n", {"seizures": A}),
]

KEPT = [
    ("near miss: an entry with no hedge, inactive in aligned columns", R + "Problem list:\nSeizure disorder      "
     "inactive\nGERD      active\n", {"seizures": P}),
    ("near miss: a treated tumor after a leader, active", R + "Problem list:\nGlioma, s/p resection ..... active\n"
     "GERD ..... resolved\n", {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: an old resection still active does not take the next row's status", R + "Problem list:\n"
     "Glioma, s/p resection 2009 ..... active\nGERD ..... resolved\n", {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: active, on temozolomide", R + "Problem list:\nGlioma ...... active, on temozolomide\n",
     {"brain_neoplasm": P, "glial_neoplasm": P}),
    ("near miss: a hedged entry marked active stays suspected", R + "Problem list:\nPossible glioma ...... active\n"
     "Asthma ...... resolved\n", {"brain_neoplasm": S}),
    ("near miss: current and ongoing keep their entries", R + "Problem list:\nEpilepsy ...... ongoing, on "
     "lamotrigine\nPossible MELAS ...... current\n", {"seizures": P, "mitochondrial_disorder": S}),
    ("near miss: the next row's status never reaches a bare rule-out", R + "Problem list:\nr/o lymphoma\n"
     "Hypertension ...... resolved 2023\n", {"cns_lymphoma": S}),
    ("near miss: a leader with nothing after it says nothing", R + "Problem list:\nr/o glioma ......\n"
     "Hypertension ...... resolved 2023\n", {"brain_neoplasm": N}),
    ("near miss: inactive but on treatment keeps the hedge", R + "Problem list:\n?seizures ...... inactive, on "
     "levetiracetam\n", {"seizures": S}),
    ("near miss: an unhedged entry resolved after a leader is negated", R + "Problem list:\nBrain abscess ...... "
     "resolved 2021\nAsthma ...... active\n", {"brain_infection": A}),
    ("near miss: a remote resected tumor marked inactive is over", R + "Problem list:\nMeningioma s/p resection 2008 "
     "...... inactive\nMigraine ...... active\n", {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("near miss: a resolved entry does not settle the hedged row above it", R + "Problem list:\n?metastatic disease "
     "(2025) ...... under evaluation\nSubdural hematoma ...... resolved 2024\n", {"brain_metastasis": S}),
    ("near miss: a resolved item in prose keeps the hedge it does not end", R + "Assessment: r/o lymphoma; the "
     "headaches resolved with rest last month.\n", {"cns_lymphoma": S}),
]

ROWS = CLOSED + KEPT


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_status_column_ends_the_entry_hedge(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
