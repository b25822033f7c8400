"""A form's option named by its label speaks of the form, not of the patient (context.yaml hyp.form_option_label,
hyp.form_option_label_after, hyp.form_option_box; retraction.yaml retract.rejected_after).

Class: a clinical sentence names an option of a form by its label, in quotes ("the 'known tumor' box", "ticked
'brain cancer'", "the intake field 'MS'") or as "the X box / checkbox" - and the disease it names was read as the
patient's. Such a mention is HYPOTHETICAL (kept as ignored evidence) with the rule id; a quoted box said to be
ticked, checked or selected in error or by mistake is retracted (retract.quoted_rejected).

Near misses keep their reading: a quoted diagnosis that is no form option ("Known glioblastoma ('GBM' on the
problem list)", 'Dx: "RRMS" per neurology'), the patient's own description told after the ticked option ("ticked
'seizures' and describes three seizures this month": the second mention), a box checked with no quote and no
"the" before it ("Meningioma box checked; MRI ... confirmed a meningioma"), a form field answered ("Diagnosis
field: glioblastoma"), a disease before a field or category that is no form's ("within the radiation field").

Limits known: only a label quoted right before a form noun (box, checkbox, tick box, option, category, field,
selection) or right after a form verb or noun ("ticked 'X'", "the field 'X'", "box labelled 'X'"), and the
unquoted "the X box / checkbox"; a form told of in other words ("she wrote glioma on the questionnaire") is read
as written. Whether the box was right is not weighed: a ticked box that the rest of the note confirms is present
from the confirming words, not from the box.

Rows: id -> (text, concept, mention text, which occurrence (0 first), expected: "form" HYPOTHETICAL by a form rule,
"retracted", "kept" none of hypothetical / negated / retracted). Rows whose id starts with "near" must keep their
reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

FORM_RULES = {"hyp.form_option_label", "hyp.form_option_label_after", "hyp.form_option_box"}
OFF = {"hypothetical", "negated", "retracted"}

CASES: dict[str, tuple[str, str, str, int, str]] = {
    # ------------------------------------------------ a quoted label before a form noun
    "quoted-box-left-blank": ("The 'prior glioma' box on the intake sheet was left blank.", "GLIOMA", "glioma", 0,
                              "form"),
    "quoted-checkbox-prefilled": ('The "multiple sclerosis" checkbox is pre-filled on every neurology referral.',
                                  "MULTIPLE_SCLEROSIS", "multiple sclerosis", 0, "form"),
    "quoted-category-disputed": ("Scheduling chose the 'epilepsy' category; neurology does not agree.", "EPILEPSY",
                                 "epilepsy", 0, "form"),
    "quoted-option-default": ("The portal has the \u201cbrain tumor\u201d option selected by default.", "BRAIN_TUMOR",
                              "brain tumor", 0, "form"),
    "quoted-field-curly-single": ("Her \u2018lymphoma\u2019 field on the template is blank.", "CNS_LYMPHOMA",
                                  "lymphoma", 0, "form"),
    "quoted-tick-box": ("The 'brain metastases' tick box was greyed out.", "BRAIN_METASTASIS", "brain metastases", 0,
                        "form"),
    # ------------------------------------------------ a form verb or noun before the quoted label
    "ticked-quote": ("At check-in the mother ticked 'encephalitis' on the questionnaire.", "BRAIN_INFECTION",
                     "encephalitis", 0, "form"),
    "selected-quote": ('The referring office selected "meningioma" from the drop-down.', "BRAIN_TUMOR", "meningioma",
                       0, "form"),
    "field-then-quote": ("The registration field 'MS' is filled in automatically for all new patients.",
                         "MULTIPLE_SCLEROSIS", "MS", 0, "form"),
    "box-labelled-quote": ("The box labelled 'seizure disorder' was not answered.", "EPILEPSY", "seizure disorder",
                           0, "form"),
    # ------------------------------------------------ the unquoted "the X box / checkbox"
    "the-checkbox-unquoted": ("The prior brain abscess checkbox was never completed.", "BRAIN_INFECTION",
                              "brain abscess", 0, "form"),
    "the-box-unquoted": ("Nobody filled in the leukodystrophy box on the genetics form.", "LEUKODYSTROPHY",
                         "leukodystrophy", 0, "form"),
    # ------------------------------------------------ ticked in error: retracted
    "box-ticked-by-mistake": ("No tissue, no tumour diagnosis - the 'glioblastoma' box on the request was ticked by "
                              "mistake.", "GLIOMA", "glioblastoma", 0, "retracted"),
    "checkbox-checked-in-error": ('The "epilepsy" checkbox was checked in error; she has had one provoked seizure.',
                                  "EPILEPSY", "epilepsy", 0, "retracted"),
    "option-selected-erroneously": ("The 'CNS lymphoma' option was selected erroneously by the clerk.",
                                    "CNS_LYMPHOMA", "CNS lymphoma", 0, "retracted"),
    # ------------------------------------------------ near misses
    "near-problem-list-quote": ("Known anaplastic astrocytoma ('AA' on the problem list), resected 2023.", "GLIOMA",
                                "anaplastic astrocytoma", 0, "kept"),
    "near-dx-quoted-per-neurology": ('Dx: "relapsing MS" per neurology, on ocrelizumab.', "MULTIPLE_SCLEROSIS",
                                     "relapsing MS", 0, "kept"),
    "near-ticked-then-described": ("He ticked 'seizures' and reports two generalized seizures since May.",
                                   "SEIZURE", "seizures", 1, "kept"),
    "near-box-checked-confirmed": ("Glioma box checked; the 2024 biopsy confirmed a grade 2 glioma.", "GLIOMA",
                                   "glioma", 0, "kept"),
    "near-box-unquoted-no-the": ("Meningioma box checked on intake.", "BRAIN_TUMOR", "Meningioma", 0, "kept"),
    "near-diagnosis-field-answer": ("Diagnosis field: glioblastoma, IDH-wildtype.", "GLIOMA", "glioblastoma", 0,
                                    "kept"),
    "near-radiation-field": ("Known glioblastoma treated within the radiation field in 2025.", "GLIOMA",
                             "glioblastoma", 0, "kept"),
    "near-quoted-report-read": ("The MRI impression reads 'ring-enhancing lesion, likely abscess' and we agree.",
                                "BRAIN_INFECTION", "abscess", 0, "kept"),
    "near-quote-then-field-later": ("She has epilepsy on levetiracetam; the 'allergies' field is empty.",
                                    "EPILEPSY", "epilepsy", 0, "kept"),
    "near-box-after-established": ("Established multiple sclerosis since 2015 (see the DMT box below).",
                                   "MULTIPLE_SCLEROSIS", "multiple sclerosis", 0, "kept"),
}


@pytest.mark.parametrize(("text", "concept", "span", "nth", "expected"), list(CASES.values()), ids=list(CASES))
def test_quoted_form_option(mentions: Callable[..., list[Mention]], text: str, concept: str, span: str, nth: int,
                            expected: str) -> None:
    mention = find_mention(mentions, text, concept, span, nth)
    carried = set(mention.modifiers)
    if expected == "form":
        assert "hypothetical" in carried and FORM_RULES & set(mention.modifier_rules), (mention.modifiers,
                                                                                         mention.modifier_rules)
    elif expected == "retracted":
        assert "retracted" in carried, (mention.modifiers, mention.modifier_rules)
    else:
        assert not carried & OFF, (mention.modifiers, mention.modifier_rules)
