"""A plan told per alternative is hypothetical: the diagnosis it is told of is one hypothesis, not the patient's.

The class: a clinician explains why a test matters by saying what each possible diagnosis would need ("an abscess
needs aspiration; a necrotic glioma needs resection", "toxo gets empiric therapy, lymphoma gets a biopsy"). The
diagnosis that is the subject of such a generic branch read affirmed, even a known tumour with a treatment. Now a
verb of management ("needs", "requires", "gets", "goes to", "calls for", "is treated with") after a bare or
indefinite diagnosis that opens its clause, in a sentence with two such branches, is hypothetical, and so is the
plan after it (`hyp.plan_per_alternative`, `hyp.plan_per_alternative_passive`). Other shapes of the class were
already read: "would need"/"would go to" (hyp.would_subject, hyp.kind_rule), "if X, ..." (hyp.conditional),
"whereas a X requires" (hyp.contrast_of_kinds, hyp.kind_contrast).

Near misses keep their reading: a definite, known tumour ("the glioma needs re-resection", "her glioblastoma
requires repeat resection"), a plan already done ("the abscess needs drainage - done"), a tumour status post
treatment, a condition on a symptom, a treatment told in the past, a known diagnosis beside a symptom's plan.

Limits known: a gapped second branch with no verb of its own ("metastasis goes to radiosurgery, abscess to
drainage") is no second branch; a branch whose subject is not a listed diagnosis word ("a tumefactive lesion")
counts only as the lesion word; two real diagnoses of the patient with bare subjects and a plan each ("lymphoma
needs methotrexate; toxoplasmosis needs prophylaxis") would read hypothetical.

Rows: id -> (text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite or
None). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts, facts_of, find_mention

from pipeline.contracts import FactStatus, Mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family", "historical"}
H, HIST, NONE = {"hypothetical"}, {"historical"}, set[str]()
PLAN, PASSIVE = "hyp.plan_per_alternative", "hyp.plan_per_alternative_passive"

CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ------------------------------------------------ dictated
    "dictated-needs-semicolon-first": (
        "Spectroscopy matters here because a pyogenic abscess needs aspiration and IV antibiotics; a necrotic "
        "glioblastoma needs debulking and tissue first.", "BRAIN_INFECTION", "pyogenic abscess", H, PLAN),
    "dictated-needs-semicolon-second": (
        "Spectroscopy matters here because a pyogenic abscess needs aspiration and IV antibiotics; a necrotic "
        "glioblastoma needs debulking and tissue first.", "GLIOMA", "glioblastoma", H, PLAN),
    "dictated-treatment-in-branch": (
        "Spectroscopy matters here because a pyogenic abscess needs aspiration and IV antibiotics; a necrotic "
        "glioblastoma needs debulking and tissue first.", "TREATMENT", "aspiration", H, PLAN),
    "dictated-requires-both": (
        "Why it matters for the plan: a metastasis requires radiosurgery, and an abscess requires drainage.",
        "BRAIN_METASTASIS", "metastasis", H, PLAN),
    "dictated-passive-while": (
        "This matters since a lymphoma is treated with chemotherapy, while a glioblastoma goes to the operating "
        "room.", "CNS_LYMPHOMA", "lymphoma", H, PASSIVE),
    # ------------------------------------------------ terse shorthand
    "terse-gets-comma-first": ("Toxo gets empiric pyrimethamine, PCNSL gets a stereotactic bx.", "BRAIN_INFECTION",
                               "Toxo", H, PLAN),
    "terse-gets-comma-second": ("Toxoplasmosis gets empiric treatment, lymphoma gets a biopsy.", "CNS_LYMPHOMA",
                                "lymphoma", H, PLAN),
    "terse-needs-plus": ("Tx differs: GBM needs resection + chemoRT; lymphoma needs bx then MTX.", "GLIOMA", "GBM", H,
                         PLAN),
    "terse-needs-plus-second": ("Tx differs: GBM needs resection + chemoRT; lymphoma needs bx then MTX.",
                                "CNS_LYMPHOMA", "lymphoma", H, PLAN),
    "terse-goes-to": ("Mets go to SRS; abscess goes to drainage.", "BRAIN_INFECTION", "abscess", H, PLAN),
    "terse-radiosurgery-in-branch": ("Metastasis goes to radiosurgery, abscess goes to the OR.", "PRIOR_RADIATION",
                                     "radiosurgery", H, PLAN),
    # ------------------------------------------------ EHR export / assessment line
    "ehr-management-differs": ("Assessment: management differs - a glioma needs tissue, an abscess needs aspiration.",
                               "GLIOMA", "glioma", H, PLAN),
    "ehr-calls-for": ("A/P: lymphoma calls for biopsy before steroids; toxoplasmosis calls for a 2-week trial.",
                      "CNS_LYMPHOMA", "lymphoma", H, PLAN),
    "ehr-warrants": ("Impression: a metastasis warrants systemic staging, a glioma warrants resection.", "GLIOMA",
                     "glioma", H, None),
    # ------------------------------------------------ letter
    "letter-cyst-tumour": ("As we discussed, a simple cyst needs nothing more than observation, whereas a cystic "
                           "tumour requires excision.", "PRIOR_RESECTION", "excision", H, PLAN),
    "letter-glioma-vs-plaque": ("In plain terms, a demyelinating plaque gets steroids, and a glioma gets an "
                                "operation.", "GLIOMA", "glioma", H, PLAN),
    # ------------------------------------------------ already read before (other shapes of the class)
    "kept-would-go-to": ("If lymphoma, biopsy comes before any steroids; a glioma would go to maximal resection.",
                         "GLIOMA", "glioma", H, None),
    "kept-if-branch": ("If a metastasis, radiosurgery; if an abscess, drainage.", "BRAIN_METASTASIS", "metastasis", H,
                       None),
    "kept-whereas-requires": ("A tumefactive plaque is managed medically, whereas a neoplasm requires surgery.",
                              "BRAIN_TUMOR", "neoplasm", H, None),
    # ------------------------------------------------ near misses
    "near-the-glioma-needs": ("The glioma needs re-resection.", "GLIOMA", "glioma", NONE, None),
    "near-the-glioma-and-seizures": ("The glioma needs re-resection; seizures need levetiracetam.", "GLIOMA",
                                     "glioma", NONE, None),
    "near-her-glioblastoma": ("Her glioblastoma requires repeat resection.", "GLIOMA", "glioblastoma", NONE, None),
    "near-abscess-done": ("The abscess needs drainage - done 11/04.", "BRAIN_INFECTION", "abscess", NONE, None),
    "near-status-post": ("Glioblastoma s/p resection 2025.", "GLIOMA", "Glioblastoma", HIST, None),
    "near-if-seizures": ("If seizures return, consider MRS.", "SEIZURE", "seizures", H, None),
    "near-treated-past": ("The lymphoma was treated with methotrexate.", "CNS_LYMPHOMA", "lymphoma", HIST, None),
    "near-proven-and-seizures": ("Biopsy-proven lymphoma gets methotrexate, and the seizures get levetiracetam.",
                                 "CNS_LYMPHOMA", "lymphoma", NONE, None),
    "near-bare-and-symptom": ("Glioma needs resection, headaches need analgesia.", "GLIOMA", "Glioma", NONE, None),
    "near-past-and-plan": ("Lymphoma was treated with methotrexate, and glioma needs resection.", "GLIOMA", "glioma",
                           NONE, None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_plan_per_alternative(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                              expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules


P, ND = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

FACT_CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "facts-branches": ("Assessment: ring-enhancing right frontal lesion. MRS matters: an abscess needs aspiration; a "
                       "necrotic glioma needs resection and pathology first.",
                       {"glial_neoplasm": ND, "known_brain_tumor": ND, "brain_infection": ND, "prior_resection": ND}),
    "facts-terse": ("Plan: MRS. Toxo gets empiric therapy, lymphoma gets a biopsy.",
                    {"cns_lymphoma": ND, "known_brain_tumor": ND, "brain_infection": ND}),
    "near-facts-her-glioma": ("Her glioblastoma requires repeat resection; MRS requested.",
                              {"glial_neoplasm": P, "known_brain_tumor": P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_CASES.values(), ids=FACT_CASES.keys())
def test_plan_per_alternative_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                    expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
