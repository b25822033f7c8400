"""A treatment or recurrence field whose value says none is a treatment (or a recurrence) denied.

Class: cancer-registry abstracts (NAACCR-style coded fields, where code 00 means none / no treatment /
disease-free), tumour-board forms and oncology intake sheets list each first-course treatment and the recurrence
status as a field and its value: "Radiation therapy ........ 00 None", "XRT: 00 (none)", "Radiation none | Status:
active surveillance", "Prior RT - never", "Recurrence ....... 00 Disease-free". The value right after the label says
the treatment was not given, yet it was read as prior radiation / chemotherapy / resection present, or the
recurrence field left unread.

Rule `neg.field_none_value` (pipeline/nlp/resources/context.yaml, next to `neg.field_no`): a value "none", "00",
"00 (none)", "disease-free" ("not done" was read already: neg.backward) right after a treatment or recurrence label
(with or without a separator ":", "-", "=", or a dot leader; a field word "type", "status", "code" may stand
between) negates that label only (`needs_between`: nothing else between them), and only when the value ends its
field (`needs_after`: the line's end, a punctuation mark, a bracket, a pipe or the next capitalised field). One
field, one value: the next field on the line keeps its own reading ("RT none; Chemo temozolomide x 6 cycles").
A field answered "never" ("Prior RT - never", "Chemotherapy: never") is a written answer No: "never" joins the no
answers of pipeline/nlp/resources/forms.yaml (form.answer.no; form.question.answered_no).

Near misses keep their reading: a value that gives a dose, a drug or a date ("RT: 59.4 Gy in 33 fractions,
completed 04/2025", "Chemo: temozolomide x 6 cycles"), a residual tumour described ("Residual tumour: small
nodular, stable"), a none that belongs to another field ("RT 54 Gy. Complications: none", "RT 54 Gy | Complications:
none"), a field for one organ ("RT dose to brain: none; RT to left breast 50 Gy": no brain radiation from this line, the
breast radiation is another organ's), a recurrence answered yes ("Recurrence: yes, 09/2026 (local)").

Limits: a label that is no target ("Hormone tx 00", "Systemic tx - 00 (none)", "Surgery of primary site: 00") stays
unread; a label with an aside between it and its value ("Radiation (beam): 00") is not reached; "RT 54 Gy,
complications: none" still reads radiation absent (neg.field_no's ": none" reaches back over the comma: an older
misreading of the same class, left as it is); a bare "no" value without a separator ("RT no") is not read.
Request date 11/20/2026 (the fixture's tail).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
GBM = "MRI brain 11/10/2026: 2.7 cm enhancing left insular mass, in keeping with a high-grade glioma.\n"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------------------ radiation
    "rad leader code 00 None": (GBM + "Radiation therapy ........ 00 None\n", {"prior_radiation": A}),
    "rad bare none between pipes": (GBM + "First course summary: Radiation none | Status: active surveillance\n",
                                    {"prior_radiation": A}),
    "rad colon code in brackets": (GBM + "XRT: 00 (none)\n", {"prior_radiation": A}),
    "rad dash never": (GBM + "Prior RT - never\n", {"prior_radiation": A}),
    "rad leader not done": (GBM + "Radiotherapy .... not done\n", {"prior_radiation": A}),
    "rad none then chemo given": (GBM + "RT none; Chemo temozolomide x 6 cycles\n",
                                  {"prior_radiation": A, "prior_chemotherapy": P}),
    "surgery given then rad none": (GBM + "Surgery: subtotal resection 02/2024; RT none\n",
                                    {"prior_resection": P, "prior_radiation": A}),
    "rad and chemo code only": (GBM + "Radiation 00 | Chemo 00\n", {"prior_radiation": A, "prior_chemotherapy": A}),
    "rad year then chemo none": (GBM + "RT 2023 | Chemo none\n", {"prior_radiation": P, "prior_chemotherapy": A}),
    # ------------------------------------------------------------ chemotherapy
    "chemo leader code 00 None": (GBM + "Chemotherapy ...... 00 None\n", {"prior_chemotherapy": A}),
    "chemo double dash code": (GBM + "Chemo -- 00\n", {"prior_chemotherapy": A}),
    "chemo colon never": (GBM + "Chemotherapy: never\n", {"prior_chemotherapy": A}),
    # ------------------------------------------------------------ resection
    "resection code in brackets": (GBM + "Resection: 00 (none)\n", {"prior_resection": A}),
    "resection equals never": (GBM + "Craniotomy = never\n", {"prior_resection": A}),
    # ------------------------------------------------------------ recurrence
    "recurrence leader disease-free": (GBM + "Recurrence ....... 00 Disease-free\n",
                                       {"recurrent_or_residual_tumor": A}),
    "recurrence code disease free": (GBM + "Recurrence status: 00 disease free\n",
                                     {"recurrent_or_residual_tumor": A}),
    "recurrence dash never": (GBM + "Recurrence - never\n", {"recurrent_or_residual_tumor": A}),
    "residual leader none": (GBM + "Residual tumour ..... none\n", {"recurrent_or_residual_tumor": A}),
    # ------------------------------------------------------------ near misses
    "near_rt_dose_completed": (GBM + "RT: 59.4 Gy in 33 fractions, completed 04/2025\n", {"prior_radiation": P}),
    "near_chemo_cycles": (GBM + "Chemo: temozolomide x 6 cycles\n", {"prior_chemotherapy": P}),
    "near_residual_described": (GBM + "Residual tumour: small nodular, stable\n",
                                {"recurrent_or_residual_tumor": P}),
    "near_brain_none_breast_dose": (GBM + "RT dose to brain: none; RT to left breast 50 Gy\n",
                                    {"prior_radiation": A}),
    "near_complications_none_next_sentence": (GBM + "RT 54 Gy. Complications: none\n", {"prior_radiation": P}),
    "near_complications_none_next_field": (GBM + "RT 54 Gy | Complications: none\n", {"prior_radiation": P}),
    "near_recurrence_yes": (GBM + "Recurrence: yes, 09/2026 (local)\n", {"recurrent_or_residual_tumor": P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_form_field_says_none(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
