"""A read's leading diagnosis is suspected, not established (context.yaml poss.leading_read, term.new_claim_leading_read).

An imaging impression that names its most likely diagnosis ("most consistent with a low-grade glial neoplasm;
ganglioglioma is the main alternative", "best fits a DNET", "most likely a glioblastoma", "most compatible with
lymphoma") ranks the diagnosis first without proving it: without tissue the tumour is suspected (the annotation
guidelines read "known tumour" as pathology, prior tumour treatment or a diagnosis stated as such). The superlative
is the hedge: "most consistent with / most compatible with / most in keeping with / best fits / best fit is / most
likely / most probably" hedge the tumour after them ("favoured to represent" and "most suggestive of" were hedged
already, by poss.evaluate_for).

Near misses keep their reading: plain "consistent with glioblastoma" is a definite read of conventional imaging
(docs/annotation-guidelines.md); a pathology or biopsy read "most consistent with GBM" is tissue; a non-tumour
finding so read ("most consistent with chronic small-vessel ischaemic change") is no diagnosis question; "the
seizures are most likely from the tumour" names a cause; "metastasis is most likely" stays poss.most_likely_after's;
the known tumour a recurrence is read against stays known; a negation before ", most consistent with" ends there.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading. FACT_CASES take a few of them through the facts.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of, find_mention

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
U, NEG = {"uncertain"}, {"negated"}
LEAD = "poss.leading_read"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # ------------------------------------------- most consistent / compatible / in keeping with
    ("most consistent with, main alternative", "Impression: most consistent with a low-grade glial neoplasm; "
     "ganglioglioma is the main alternative.", "GLIOMA", "glial neoplasm", U, LEAD),
    ("findings most consistent with", "Findings most consistent with glioblastoma.", "GLIOMA", "glioblastoma", U,
     LEAD),
    ("capitalised, impression field", "IMPRESSION: Most Consistent With high-grade glioma.", "GLIOMA",
     "high-grade glioma", U, LEAD),
    ("after a comma", "MRI brain 10/01/2026: nonenhancing left insular lesion, most consistent with a diffuse "
     "glioma.", "GLIOMA", "glioma", U, LEAD),
    ("line wrap inside the phrase", "Solitary ring-enhancing lesion, most consistent\nwith metastatic disease.",
     "BRAIN_METASTASIS", "metastatic disease", U, LEAD),
    ("most compatible with, abbreviation", "Periventricular enhancing mass most compatible with PCNSL.",
     "CNS_LYMPHOMA", "PCNSL", U, LEAD),
    ("most in keeping with, British", "Appearances most in keeping with a tumour; biopsy advised.", "BRAIN_TUMOR",
     "tumour", U, LEAD),
    ("parenthesised read", "Right temporal lesion (most consistent with a DNET).", "BRAIN_TUMOR", "DNET", U, LEAD),
    ("recurrence of her resected glioma", "New enhancement most consistent with recurrence of her resected "
     "glioblastoma.", "RECURRENCE", "recurrence", U, LEAD),
    # ------------------------------------------- best fits / best fit
    ("best fits, alternative less likely", "Impression: best fits a DNET; pleomorphic xanthoastrocytoma less likely.",
     "BRAIN_TUMOR", "DNET", U, LEAD),
    ("best fit is", "Best fit is metastatic disease.", "BRAIN_METASTASIS", "metastatic disease", U, LEAD),
    ("best fit with", "Overall the pattern is a best fit with lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, LEAD),
    ("appearance best fits", "The appearance best fits an oligodendroglioma.", "GLIOMA", "oligodendroglioma", U,
     LEAD),
    ("best fits, mets", "Multiple ring-enhancing foci; best fits mets.", "BRAIN_METASTASIS", "mets", U, LEAD),
    ("best characterised as, British", "Lesion best characterised as a low-grade glioma.", "GLIOMA",
     "low-grade glioma", U, LEAD),
    ("best fits, wrapped line", "Radiology read: this best fits a\nganglioglioma.", "BRAIN_TUMOR", "ganglioglioma",
     U, LEAD),
    ("best fits a glioma, lower case field", "impression - best fits glioma.", "GLIOMA", "glioma", U, LEAD),
    ("best fits, GBM", "Best fits GBM.", "GLIOMA", "GBM", U, LEAD),
    # ------------------------------------------- most likely / most probably before the diagnosis
    ("most likely a glioblastoma", "Impression: most likely a glioblastoma.", "GLIOMA", "glioblastoma", U, LEAD),
    ("most likely, lower case, abbreviation", "enhancing mass, most likely a GBM.", "GLIOMA", "GBM", U, LEAD),
    ("most likely represents", "This most likely represents a metastasis.", "BRAIN_METASTASIS", "metastasis", U,
     LEAD),
    ("most likely to represent", "The lesion is most likely to represent lymphoma.", "CNS_LYMPHOMA", "lymphoma",
     U, LEAD),
    ("most probably", "Most probably a pilocytic astrocytoma.", "GLIOMA", "pilocytic astrocytoma", U, LEAD),
    ("most likely, parenthesis", "Cerebellar cystic mass (most likely a haemangioblastoma).", "BRAIN_TUMOR",
     "haemangioblastoma", U, LEAD),
    ("most likely, form field", "Radiologist's impression: Most likely a metastasis.", "BRAIN_METASTASIS",
     "metastasis", U, LEAD),
    ("most likely to be", "Felt most likely to be a meningioma.", "BRAIN_TUMOR", "meningioma", U, LEAD),
    # ------------------------------------------- hedged already (poss.evaluate_for)
    ("favoured to represent", "Favoured to represent metastasis over abscess.", "BRAIN_METASTASIS", "metastasis", U,
     None),
    ("favored to represent, the alternative too", "Favored to represent metastasis over abscess.",
     "BRAIN_INFECTION", "abscess", U, None),
    ("most suggestive of", "Most suggestive of lymphoma, GBM a consideration.", "CNS_LYMPHOMA", "lymphoma", U, None),
    # ------------------------------------------- near misses
    ("near: plain consistent with", "Impression: consistent with glioblastoma.", "GLIOMA", "glioblastoma", set(),
     None),
    ("near: consistent with after a comma", "Enhancing right frontal mass, consistent with a high-grade glioma.",
     "GLIOMA", "high-grade glioma", set(), None),
    ("near: compatible with", "Findings compatible with a meningioma.", "BRAIN_TUMOR", "meningioma", set(), None),
    ("near: pathology most consistent with", "Pathology most consistent with GBM after stereotactic biopsy.",
     "GLIOMA", "GBM", set(), None),
    ("near: final pathology label", "Final pathology: most consistent with glioblastoma, WHO grade 4.", "GLIOMA",
     "glioblastoma", set(), None),
    ("near: biopsy most likely", "Biopsy 09/2026: most likely a diffuse astrocytoma, IDH-mutant.", "GLIOMA",
     "diffuse astrocytoma", set(), None),
    ("near: frozen section", "Frozen section most consistent with lymphoma.", "CNS_LYMPHOMA", "lymphoma", set(),
     None),
    ("near: non-tumour finding", "Impression: most consistent with chronic microvascular ischemic change.",
     "NONTUMOR_DX", "ischemic change", set(), None),
    ("near: non-tumour finding, gliosis", "Signal change most consistent with gliosis.", "NONTUMOR_DX", "gliosis",
     set(), None),
    ("near: a cause, not a diagnosis", "The seizures are most likely from the tumor.", "BRAIN_TUMOR", "tumor",
     set(), None),
    ("near: most likely due to", "Headaches most likely due to the known meningioma.", "BRAIN_TUMOR", "meningioma",
     set(), None),
    ("near: ranked after the term", "Metastasis is most likely.", "BRAIN_METASTASIS", "Metastasis", U,
     "poss.most_likely_after"),
    ("near: ranked after the term, bare", "Lymphoma most likely.", "CNS_LYMPHOMA", "Lymphoma", U,
     "poss.most_likely_after"),
    ("near: ranked in a parenthesis", "DDx: lymphoma (most likely), glioma.", "CNS_LYMPHOMA", "lymphoma", U,
     "poss.most_likely_after"),
    ("near: her resected glioma stays known", "New enhancement most consistent with recurrence of her resected "
     "glioblastoma.", "GLIOMA", "glioblastoma", set(), None),
    ("near: negation ends at the read", "Negative for metastasis, most consistent with a primary glioma.",
     "BRAIN_METASTASIS", "metastasis", NEG, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_leading_diagnosis_hedge(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                 expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules


# Through the facts: the tumour is suspected, not known, and a lone leading read stays the study's definite read
# (facts/resources/cues.yaml verdict.leading_read_hedges); an alternative left open makes the study inconclusive.
# Rows: id, text, {fact: expected status}.
FACT_CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("leading read with its alternative", "MRI brain 10/01/2026 impression: most consistent with a low-grade glial "
     "neoplasm; ganglioglioma is the main alternative.",
     {"brain_neoplasm": S, "known_brain_tumor": S, "conventional_imaging_inconclusive": P}),
    ("lone leading read, study conclusive", "MRI brain 10/01/2026 impression: most consistent with a high-grade "
     "glioma.", {"glial_neoplasm": S, "known_brain_tumor": S, "conventional_imaging_inconclusive": A}),
    ("most likely, study conclusive", "MRI brain 10/01/2026 impression: most likely a glioblastoma.",
     {"glial_neoplasm": S, "known_brain_tumor": S, "conventional_imaging_inconclusive": A}),
    ("best fits, alternative less likely", "MRI brain 10/01/2026 impression: best fits a DNET; pleomorphic "
     "xanthoastrocytoma less likely.", {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: plain consistent with", "MRI brain 10/01/2026 impression: consistent with glioblastoma.",
     {"glial_neoplasm": P, "known_brain_tumor": S, "conventional_imaging_inconclusive": A}),
    ("near: pathology after biopsy", "Stereotactic biopsy 09/2026: pathology most consistent with GBM.",
     {"glial_neoplasm": P, "known_brain_tumor": P}),
    ("near: treated tumour, recurrence read", "Glioblastoma s/p chemoradiation 2025. MRI 10/01/2026: new "
     "enhancement most consistent with recurrent glioblastoma.", {"known_brain_tumor": P}),
    ("near: non-tumour read", "MRI brain 10/01/2026 impression: most consistent with chronic small vessel ischemic "
     "change.", {"brain_neoplasm": N, "conventional_imaging_inconclusive": A}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FACT_CASES], ids=[c[0] for c in FACT_CASES])
def test_leading_diagnosis_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                 expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
