"""Options of a choice list that nobody marked are no mention (pipeline/nlp/form_state.py, forms.yaml
choice_lists): a "(circle one)" line whose chosen option is in parentheses, and "check one" lists of fill-in blanks
beside a marked one. Near misses: the chosen option is read; a line with no instruction and no blanks is read as
written; fill-in blanks with no list around them are no boxes.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of, find_mention

from pipeline.contracts import FactStatus

H = {"hypothetical"}
LIST = "form.mark.choice_list"
BLANK = "form.mark.blank"

CASES = [
    ("circled-other-bare", "Study purpose (circle one): initial diagnosis  (treatment planning)  glioma surveillance",
     "GLIOMA", "glioma", H, LIST),
    ("circled-chosen-read", "Study purpose (circle one): initial diagnosis  treatment planning  (glioma surveillance)",
     "GLIOMA", "glioma", set(), None),
    ("circled-slashes", "Clinical question (please circle one): metastasis / (demyelination) / infection",
     "BRAIN_METASTASIS", "metastasis", H, LIST),
    ("circled-next-line", "Primary concern (circle one):\n lymphoma   (MS)   abscess", "CNS_LYMPHOMA", "lymphoma", H,
     LIST),
    ("circled-next-line-chosen", "Primary concern (circle one):\n lymphoma   (MS)   abscess", "MULTIPLE_SCLEROSIS",
     "MS", set(), None),
    ("select-one-nothing-circled", "Category (select one): brain tumor  /  leukodystrophy  /  other",
     "LEUKODYSTROPHY", "leukodystrophy", H, LIST),
    ("blank-list-unmarked", "Indication (check one):\n   ___ Suspected glioma\n   _X_ Epilepsy work-up\n   ___ Other",
     "GLIOMA", "glioma", H, BLANK),
    ("blank-list-marked", "Indication (check one):\n   _X_ Suspected lymphoma\n   ___ Epilepsy work-up",
     "CNS_LYMPHOMA", "lymphoma", {"uncertain"}, None),
    ("blank-list-no-instruction", "___ Metastatic disease\n_x_ Mitochondrial disorder", "BRAIN_METASTASIS",
     "Metastatic disease", H, BLANK),
    ("blank-list-all-blank-under-instruction", "Reason (check all that apply):\n ____ brain tumor\n ____ abscess",
     "BRAIN_TUMOR", "brain tumor", H, BLANK),
    ("box-list-unmarked", "Reason:  [ ] glioma follow-up  [x] seizure disorder", "GLIOMA", "glioma", H,
     "form.mark.unticked"),
    # near misses
    ("no-instruction-read", "Indication: glioma follow-up", "GLIOMA", "glioma", set(), None),
    ("no-instruction-parenthesis", "Diagnosis: glioma  (grade 2)  stable", "GLIOMA", "glioma", set(), None),
    ("single-option-written", "Indication (check one): glioblastoma", "GLIOMA", "glioblastoma", set(), None),
    ("signature-blank", "Ordering MD: ______  Dx: glioblastoma", "GLIOMA", "glioblastoma", set(), None),
    ("blank-lines-without-list", "____ Signature\nHistory: glioblastoma resected 2025", "GLIOMA", "glioblastoma",
     {"historical"}, None),
]


@pytest.mark.parametrize(("text", "concept", "phrase", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_unmarked_option_names_nothing(mentions, text: str, concept: str, phrase: str,  # type: ignore[no-untyped-def]
                                       expected: set[str], rule: str | None) -> None:
    m = find_mention(mentions, text, concept, phrase)
    assert set(m.modifiers) == expected, m.modifier_rules
    cited = {r for r in m.modifier_rules if r.startswith("form.")}
    if rule is None:
        assert not cited
    else:
        assert rule in cited and "form.option.unticked" in cited


FACTS = [
    ("circled-metabolic", "Indication (circle one): tumor follow-up  (metabolic)  other", FactStatus.NOT_DOCUMENTED),
    ("circled-tumor", "Indication (circle one): (tumor follow-up)  metabolic  other", FactStatus.PRESENT),
    ("blank-list", "Indication category (check one):\n  ___ Tumor evaluation\n  _X_ Metabolic",
     FactStatus.NOT_DOCUMENTED),
    ("plain-line", "Indication: tumor follow-up", FactStatus.PRESENT),
]


@pytest.mark.parametrize(("case", "text", "expected"), FACTS, ids=[c[0] for c in FACTS])
def test_the_chosen_option_decides(analyze, case: str, text: str,  # type: ignore[no-untyped-def]
                                   expected: FactStatus) -> None:
    assert facts_of(analyze, text).facts["brain_neoplasm"].status is expected
