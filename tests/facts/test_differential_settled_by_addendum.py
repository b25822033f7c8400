"""A later addendum, result or final-diagnosis line that settles a two-item differential excludes the other item.

An impression weighing "X versus Y" (or "favor X; Y less likely") is settled when a later statement in the packet
affirms one alternative and excludes the other ("Final diagnosis abscess; neoplasm excluded", "biopsy -
demyelination, no tumour", "the glioma question is closed"): the excluded alternative is absent and the
tumour-versus-non-tumour differential is no longer present. Near misses keep today's reading: an addendum that only
adds a finding, a later "less likely" or "not excluded", an exclusion before the differential, and the exclusion of
a third diagnosis.

Rows are fresh multi-line mini-packets in varied styles; each names the facts it checks.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

MRI = "MRI BRAIN W/WO CONTRAST 08/14/2026\nFINDINGS: {findings}\nIMPRESSION: {impression}\n\n{later}\n"
RING = "2.1 cm ring-enhancing right parietal lesion with surrounding edema."
WM = "1.8 cm T2 hyperintense left frontal white matter lesion with incomplete rim enhancement."

# case, text, {fact: expected status}
ROWS = [
    ("addendum: aspiration grew bacteria, neoplasm excluded",
     MRI.format(findings=RING, impression="Abscess versus necrotic neoplasm.",
                later="ADDENDUM 08/20/2026: CT-guided aspiration cultured Staphylococcus aureus; cytology negative "
                      "for malignant cells. Final diagnosis: cerebral abscess. Neoplasm excluded."),
     {"brain_neoplasm": A, "tumor_vs_nontumor_differential": N}),
    ("update line: biopsy demyelination, no tumor",
     MRI.format(findings=WM, impression="Tumefactive demyelination vs low-grade glioma.",
                later="Update 08/30/2026: stereotactic biopsy shows demyelination; no tumor. The glioma question "
                      "is closed."),
     {"glial_neoplasm": A, "tumor_vs_nontumor_differential": N}),
    ("favor / less likely, then pathology rules out",
     MRI.format(findings=RING, impression="Favor pyogenic abscess; cystic metastasis less likely.",
                later="PATHOLOGY 08/22/2026: Final diagnosis - brain abscess, organisms identified. Metastasis "
                      "ruled out."),
     {"brain_metastasis": A, "tumor_vs_nontumor_differential": N}),
    ("tumour board line, British spelling",
     MRI.format(findings=WM, impression="Differential: demyelinating lesion versus glioma.",
                later="Neuro-oncology MDT 02/09/2026: biopsy confirms demyelination. Not tumour; glioma excluded."),
     {"glial_neoplasm": A, "tumor_vs_nontumor_differential": N}),
    ("terse shorthand addendum",
     MRI.format(findings=RING, impression="abscess vs GBM.",
                later="ADDENDUM: asp 8/21 - strep grown, no malig cells. final dx abscess, GBM r/o."),
     {"glial_neoplasm": A, "tumor_vs_nontumor_differential": N}),
    ("letter style: lymphoma excluded after biopsy",
     MRI.format(findings=WM, impression="Primary CNS lymphoma versus tumefactive demyelination.",
                later="Dear Dr Hale, the biopsy of 08/25/2026 showed an active demyelinating lesion. The final "
                      "diagnosis is demyelination; lymphoma has been excluded."),
     {"cns_lymphoma": A, "tumor_vs_nontumor_differential": N}),
    ("EHR export: result row settles",
     MRI.format(findings=RING, impression="Ring-enhancing lesion, metastasis versus abscess.",
                later="RESULT | 08/19/2026 | Brain aspirate culture | Nocardia species. Final diagnosis: nocardial "
                      "abscess | metastasis excluded"),
     {"brain_metastasis": A, "tumor_vs_nontumor_differential": N}),
    ("the neoplasm question is closed",
     MRI.format(findings=WM, impression="Neoplasm versus subacute infarct.",
                later="Addendum 08/28/2026: follow-up MRI and DWI confirm subacute infarct. The neoplasm question "
                      "is closed."),
     {"brain_neoplasm": A, "tumor_vs_nontumor_differential": N}),
    ("tumour board line: not tumour",
     MRI.format(findings=WM, impression="Tumefactive demyelination versus glioma.",
                later="Tumour board 09/02/2026: demyelinating lesion on biopsy review, not tumour."),
     {"brain_neoplasm": A, "glial_neoplasm": N, "tumor_vs_nontumor_differential": N}),
    ("tumor board line, US spelling, no tumor",
     MRI.format(findings=RING, impression="Favor abscess; necrotic tumor less likely.",
                later="TUMOR BOARD 08/27/2026: abscess, drained; not a tumor."),
     {"brain_neoplasm": A, "tumor_vs_nontumor_differential": N}),
    ("neuro-oncology MDT: not a neoplasm",
     MRI.format(findings=WM, impression="Glioma vs tumefactive MS.",
                later="Neuro-oncology MDT 08/29/2026: tumefactive MS with CSF bands; not a neoplasm."),
     {"brain_neoplasm": A, "tumor_vs_nontumor_differential": N}),
    ("multidisciplinary meeting: lymphoma not the diagnosis",
     MRI.format(findings=WM, impression="Lymphoma versus demyelination.",
                later="Multidisciplinary meeting 09/01/2026: active demyelination, no lymphoma."),
     {"cns_lymphoma": A, "tumor_vs_nontumor_differential": N}),
    ("case conference, shorthand",
     MRI.format(findings=RING, impression="mets vs abscess",
                later="case conference 8/30: abscess - not mets."),
     {"brain_metastasis": A, "tumor_vs_nontumor_differential": N}),
    # near misses: today's reading stays
    ("near miss: tumour board keeps the tumour open",
     MRI.format(findings=WM, impression="Tumefactive demyelination versus glioma.",
                later="Tumour board 09/02/2026: demyelination favoured, tumour not excluded."),
     {"glial_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("near miss: tumour board only plans a biopsy",
     MRI.format(findings=WM, impression="Tumefactive demyelination versus glioma.",
                later="Tumor board 09/02/2026: plan stereotactic biopsy to exclude tumor."),
     {"glial_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("near miss: tumour board excludes a third diagnosis",
     MRI.format(findings=WM, impression="Tumefactive demyelination versus glioma.",
                later="MDT 09/02/2026: no abscess; glioma versus demyelination stands."),
     {"glial_neoplasm": S, "brain_infection": A, "tumor_vs_nontumor_differential": P}),
    ("near miss: tumour board finds glioma less likely",
     MRI.format(findings=WM, impression="Tumefactive demyelination versus glioma.",
                later="Tumor board: glioma less likely; repeat MRI in 6 weeks."),
     {"glial_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("near miss: addendum only adds a finding",
     MRI.format(findings=RING, impression="Abscess versus necrotic neoplasm.",
                later="ADDENDUM 08/15/2026: also a small left frontal developmental venous anomaly."),
     {"brain_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("near miss: later tumour less likely",
     MRI.format(findings=WM, impression="Tumefactive demyelination versus glioma.",
                later="Addendum 08/20/2026: on review, glioma less likely."),
     {"glial_neoplasm": S}),
    ("near miss: neoplasm not excluded",
     MRI.format(findings=RING, impression="Abscess versus necrotic neoplasm.",
                later="ADDENDUM 08/21/2026: aspiration grew no organisms; neoplasm not excluded."),
     {"brain_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("near miss: exclusion earlier, differential later",
     "NEUROLOGY NOTE 03/02/2026: metastasis ruled out on prior work-up.\n\n"
     + MRI.format(findings=RING, impression="New lesion: metastasis versus abscess.", later=""),
     {"brain_metastasis": S, "tumor_vs_nontumor_differential": P}),
    ("near miss: third diagnosis excluded",
     MRI.format(findings=RING, impression="Abscess versus necrotic neoplasm.",
                later="ADDENDUM 08/20/2026: toxoplasmosis excluded by serology."),
     {"brain_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("near miss: final diagnosis pending",
     MRI.format(findings=RING, impression="Metastasis versus abscess.",
                later="Addendum 08/20/2026: aspiration performed; final diagnosis pending."),
     {"brain_metastasis": S, "tumor_vs_nontumor_differential": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_later_line_settles_the_differential(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
