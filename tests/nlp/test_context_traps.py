"""Prior-authorization language traps: suspicion is not negation, family is not the patient, ...

Each row: a sentence, the exact text of a target mention in it, and the ConText assertions it must carry
(an empty set means affirmed). `None` means the text must NOT be matched as that concept at all.
"""

from __future__ import annotations

import pytest

CASES = [
    # suspicion, never negation
    ("evaluate-for", "MRS to evaluate for recurrence.", "RECURRENCE", "recurrence", {"uncertain"}),
    ("r/o", "Ring-enhancing lesion, r/o abscess.", "BRAIN_INFECTION", "abscess", {"uncertain"}),
    ("rule-out", "Rule out toxoplasmosis.", "BRAIN_INFECTION", "toxoplasmosis", {"uncertain"}),
    ("cannot-exclude", "Cannot exclude high-grade component.", "TUMOR_GRADE", "high-grade component", {"uncertain"}),
    ("cannot-rule-out", "Lymphoma cannot be ruled out.", "CNS_LYMPHOMA", "Lymphoma", {"uncertain"}),
    ("concern-for", "New enhancement concerning for recurrence.", "RECURRENCE", "recurrence", {"uncertain"}),
    ("c/f", "Enhancing focus c/f progression.", "RECURRENCE", "progression", {"uncertain"}),
    ("versus-left", "Findings represent recurrence versus radiation necrosis.", "RECURRENCE", "recurrence",
     {"uncertain"}),
    ("versus-right", "Findings represent recurrence versus radiation necrosis.", "TREATMENT_EFFECT",
     "radiation necrosis", {"uncertain"}),
    ("vs.", "GBM vs. lymphoma.", "CNS_LYMPHOMA", "lymphoma", {"uncertain"}),
    ("differential", "Differential includes glioma, metastasis and abscess.", "BRAIN_INFECTION", "abscess",
     {"uncertain"}),
    ("suspicious-for", "Lesion suspicious for high-grade glioma.", "GLIOMA", "high-grade glioma", {"uncertain"}),
    ("question-mark", "?recurrence on last scan.", "RECURRENCE", "recurrence", {"uncertain"}),
    ("cannot-distinguish", "MRI cannot distinguish recurrence from treatment effect.", "TREATMENT_EFFECT",
     "treatment effect", {"uncertain"}),
    # negation
    ("no-evidence", "No evidence of recurrence.", "RECURRENCE", "recurrence", {"negated"}),
    ("denies", "Denies seizures.", "SEIZURE", "seizures", {"negated"}),
    ("negative-after", "HIV negative.", "HIV", "HIV", {"negated"}),
    ("without", "Without hydrocephalus or abscess.", "BRAIN_INFECTION", "abscess", {"negated"}),
    ("rather-than", "Favored to represent radiation necrosis rather than recurrence.", "RECURRENCE",
     "recurrence", {"negated"}),
    ("but-terminates", "No definite evidence of recurrence, but cannot exclude residual tumor.", "RECURRENCE",
     "residual tumor", {"uncertain"}),
    ("but-terminates-left", "No definite evidence of recurrence, but cannot exclude residual tumor.",
     "RECURRENCE", "recurrence", {"negated"}),
    ("no-change-is-not-negation", "No change in the enhancing lesion.", "BRAIN_LESION", "enhancing lesion", set()),
    # historical
    ("s/p", "GBM s/p gross total resection.", "PRIOR_RESECTION", "gross total resection", {"historical"}),
    ("history-of", "History of seizures.", "SEIZURE", "seizures", {"historical"}),
    ("now-terminates-history", "GBM s/p resection and chemoradiation, now with new enhancement.", "BRAIN_LESION",
     "new enhancement", set()),
    # hypothetical
    ("if-recur", "If seizures recur, consider MRS.", "SEIZURE", "seizures", {"hypothetical"}),
    ("prophylaxis", "Keppra for seizure prophylaxis.", "SEIZURE", "seizure", None),  # a treatment, no seizure
    ("return-if", "Return if new seizures occur.", "SEIZURE", "seizures", {"hypothetical"}),
    ("at-risk", "At risk for hepatic encephalopathy.", "ENCEPHALOPATHY", "hepatic encephalopathy", {"hypothetical"}),
    # family, and what is not family
    ("mother-had", "Mother had GBM.", "GLIOMA", "GBM", {"family"}),
    ("in-relative", "GBM in her maternal aunt.", "GLIOMA", "GBM", {"family"}),
    ("fhx", "FHx of epilepsy.", "EPILEPSY", "epilepsy", {"family"}),
    ("brother-has", "Her brother has multiple sclerosis.", "MULTIPLE_SCLEROSIS", "multiple sclerosis", {"family"}),
    ("informant-is-not-family", "Mother reports he had a seizure yesterday.", "SEIZURE", "seizure", set()),
    ("per-mom", "Per mom, two seizures this week.", "SEIZURE", "seizures", set()),
    ("neonate-born-to-mother", "Term male born to a 28 year old mother by emergency C-section, with "
     "hypoxic-ischemic encephalopathy.", "ENCEPHALOPATHY", "hypoxic-ischemic encephalopathy", set()),
    # look-alikes that are not the concept
    ("ms-mental-status", "MS: alert and oriented x3.", "MULTIPLE_SCLEROSIS", "MS", None),
    ("ms-contin", "MS Contin 15 mg twice daily.", "MULTIPLE_SCLEROSIS", "MS", None),
    ("ms-disease", "Hx MS, on ocrelizumab.", "MULTIPLE_SCLEROSIS", "MS", {"historical"}),
    ("icd10-not-icd", "ICD-10: C71.9", "MRI_CONTRAINDICATION", "ICD", None),
    ("ppm-not-pacemaker", "Lactate doublet at 1.3 ppm.", "MRI_CONTRAINDICATION", "ppm", None),
    ("rt-is-right", "Small rt frontal lesion.", "PRIOR_RADIATION", "rt", None),
    ("radiation-in-necrosis", "Radiation necrosis suspected.", "PRIOR_RADIATION", "Radiation", None),
    ("breast-tumor", "History of breast tumor.", "BRAIN_TUMOR", "tumor", None),
    ("tumor-board", "Discussed at tumor board.", "BRAIN_TUMOR", "tumor", None),
    ("scs-not-spine", "Spinal cord stimulator in place.", "SPINE", "Spinal", None),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), CASES, ids=[c[0] for c in CASES])
def test_assertions(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    if expected is None:
        assert not found, f"{span!r} must not be a {concept}: {found}"
        return
    assert found, f"no {concept} {span!r} in {[(m.concept, m.text) for m in mentions(text)]}"
    assertions = set(found[0].modifiers) & {"negated", "uncertain", "historical", "hypothetical", "family"}
    assert assertions == expected


def test_family_history_section_makes_family(analyze):  # type: ignore[no-untyped-def]
    text = "HPI:\nNew seizures.\nFAMILY HISTORY:\nEpilepsy. Glioblastoma.\nPLAN:\nMRS.\n"
    result = analyze(text)
    by_text = {m.text: m for m in result.mentions}
    assert by_text["Glioblastoma"].section == "family_history"
    assert by_text["seizures"].section == "history_of_present_illness"


@pytest.mark.parametrize("text", ["No seizures.", "no seizures today", "Patient has had no seizures."])
def test_bare_no_negates(mentions, text):  # type: ignore[no-untyped-def]
    """Regression: YAML reads a bare `no` as False; the negation trigger must survive loading."""
    found = [m for m in mentions(text) if m.concept == "SEIZURE"]
    assert found and found[0].modifiers == ["negated"]


def test_rule_files_reject_non_string_literals():  # type: ignore[no-untyped-def]
    from pipeline.nlp.rules import RuleFileError, context_rules

    with pytest.raises(RuleFileError, match="quote"):
        context_rules({"rules": [{"id": "x", "category": "NEGATED_EXISTENCE", "direction": "FORWARD",
                                  "literals": [False]}]})


def test_rule_files_reject_boolean_pattern_values():  # type: ignore[no-untyped-def]
    from pipeline.nlp.rules import RuleFileError, target_rules

    with pytest.raises(RuleFileError, match="boolean"):
        target_rules({"rules": [{"id": "x", "concept": "X", "patterns": [[{"LOWER": "started"}, {"LOWER": True}]]}]})


def test_no_literal_in_two_context_rules():  # type: ignore[no-untyped-def]
    """medspaCy keeps one of two identical modifier spans, so a literal in two rules loses one direction (a rule
    marked `shares_words` is matched apart and keeps its span beside the other's: context_scoped.py)."""
    from collections import defaultdict

    from pipeline.nlp.rules import CONTEXT_FILE, read_resource

    owners: dict[str, list[str]] = defaultdict(list)
    for rule in read_resource(CONTEXT_FILE)["rules"]:
        if rule.get("shares_words"):
            continue
        for literal in rule.get("literals") or []:
            owners[literal.lower()].append(rule["id"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Nodular enhancement, indeterminate; residual tumor not excluded.", "residual tumor", {"uncertain"}),
    ("Glioblastoma in remission since 2023.", "Glioblastoma", {"historical", "negated"}),  # over: resolved_course
    ("Abscess not seen.", "Abscess", {"negated"}),
    ("Intracranial abscess (suspected).", "Intracranial abscess", {"uncertain"}),
    ("Diffuse leukoencephalopathy with probable rarefaction.", "leukoencephalopathy", set()),
    ("Imaging favors glioma.", "glioma", {"uncertain"}),
])
def test_direction_of_hedges(mentions, text, span, expected):  # type: ignore[no-untyped-def]
    found = [m for m in mentions(text) if m.text == span]
    assert found and set(found[0].modifiers) & {"negated", "uncertain", "historical"} == expected


@pytest.mark.parametrize(("text", "span", "hypothetical"), [
    ("PLAN:\nabscess -> stereotactic aspiration; tumor -> resection for diagnosis.", "abscess", True),
    ("PLAN:\nabscess -> stereotactic aspiration; tumor -> resection for diagnosis.", "tumor", True),
    ("HPI: 02/2021 seizures -> MRI: left frontal mass.", "seizures", False),
])
def test_plan_branches_are_conditional(mentions, text, span, hypothetical):  # type: ignore[no-untyped-def]
    found = [m for m in mentions(text) if m.text == span]
    assert found and ("hypothetical" in found[0].modifiers) is hypothetical


@pytest.mark.parametrize(("loader", "data", "message"), [
    ("context_rules", {"rules": [{"id": "x", "category": "HYPOTHETICAL", "direction": "FORWARD", "literals": ["if"],
                                  "back_scope": 3}]}, "back_types or back_excluded_types"),
    ("context_rules", {"rules": [{"id": "x", "category": "HYPOTHETICAL", "direction": "FORWARD", "literals": ["if"],
                                  "back_scope": "far", "back_types": ["IMAGING"]}]}, "positive number"),
    ("section_assertion_rules", {"section_assertions": [{"id": "x", "category": "HISTORICAL"}]}, "names no sections"),
    ("scope_rules", {"scopes": {"list_items": {"id": "x", "reach": 3}}}, "unknown keys"),
    ("context_rules", {"rules": [{"id": "x", "category": "HISTORICAL", "direction": "BACKWARD",
                                  "literals": ["resected"], "through_asides": "yes"}]}, "true or false"),
    ("aside_spec", {"asides": {"pairs": ["(]]"], "max_tokens": 16}}, "an opening and a closing mark"),
    ("aside_spec", {"asides": {"pairs": ["()"], "max_tokens": 0}}, "positive max_tokens"),
    ("aside_spec", {"asides": {"pairs": ["()"], "max_tokens": 16, "types": []}}, "a mapping of pairs"),
])
def test_rule_file_extensions_are_checked(loader, data, message):  # type: ignore[no-untyped-def]
    from pipeline.nlp import rules

    with pytest.raises(rules.RuleFileError, match=message):
        getattr(rules, loader)(data)
