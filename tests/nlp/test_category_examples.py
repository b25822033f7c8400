"""A diagnosis named as an example or a member of a list, a category, a handout, a registry or a programme's
criteria is not the patient's diagnosis.

`hyp.category_examples` reads "the presumptive list includes several cancers, e.g. glioblastoma", "the handout lists
brain cancer and MS", "the registry covers tumours such as medulloblastoma": a word that introduces members or
examples ("includes", "lists", "covers", "such as", "e.g.", "for example", "including") after a list, category,
handout, registry, programme or criteria noun in its clause makes the diseases after it hypothetical, up to the end
of the clause (";", ")", the sentence's end). `hyp.category_examples_listed` reads the examples before the list they are
on: "conditions such as glioblastoma are on the presumptive list". The patient's own lists keep their reading: "Problem list includes
glioblastoma" (present), "his diagnoses include glioma", "several comorbidities, e.g. MS", "history of malignancy
(e.g. ...)", "differential includes glioma" (suspected), and criteria the patient meets ("meets medical
necessity criteria, including suspected recurrent glioma").

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, U = {"hypothetical"}, {"uncertain"}
RULE = "hyp.category_examples"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    ("presumptive list e.g.", "Reviewed the VA presumptive conditions list (it includes several cancers, e.g. "
     "glioblastoma and lymphoma); he has none.", "GLIOMA", "glioblastoma", H, RULE),
    ("presumptive list e.g. second item", "Reviewed the VA presumptive conditions list (it includes several cancers, "
     "e.g. glioblastoma and lymphoma); he has none.", "CNS_LYMPHOMA", "lymphoma", H, RULE),
    ("handout lists e.g.", "Gave him the handout on exposure-related illnesses, which lists e.g. brain cancer and MS.",
     "BRAIN_TUMOR", "brain cancer", H, RULE),
    ("handout lists e.g. abbreviation", "Gave him the handout on exposure-related illnesses, which lists e.g. brain "
     "cancer and MS.", "MULTIPLE_SCLEROSIS", "MS", H, RULE),
    ("registry such as", "The registry covers rare tumours such as medulloblastoma and ependymoma.", "GLIOMA",
     "ependymoma", H, RULE),
    ("programme list for example", "Eligible conditions on the programme's list include, for example, glioma and "
     "leukodystrophy.", "LEUKODYSTROPHY", "leukodystrophy", H, RULE),
    ("presumptives in parentheses", "Discussed the Agent Orange presumptives (e.g. Parkinson's disease, brain "
     "cancer).", "BRAIN_TUMOR", "brain cancer", H, RULE),
    ("leaflet capitalised E.g.", "Leaflet given: 'Conditions linked to burn pits' - E.g., Glioblastoma, MS.",
     "MULTIPLE_SCLEROSIS", "MS", H, RULE),
    ("category including", "The category of rare brain diseases, including leukodystrophy and CNS lymphoma, was "
     "explained to the family.", "CNS_LYMPHOMA", "CNS lymphoma", H, RULE),
    ("criteria for instance", "The benefit programme's criteria list, for instance, multiple sclerosis and glioma.",
     "MULTIPLE_SCLEROSIS", "multiple sclerosis", H, RULE),
    ("program American spelling", "Per the program criteria, covered diagnoses include brain metastases and "
     "lymphoma; patient was counselled.", "BRAIN_METASTASIS", "brain metastases", H, RULE),
    ("brochure line wrap", "We went through the brochure, which names conditions such\nas multiple sclerosis and "
     "leukodystrophy.", "MULTIPLE_SCLEROSIS", "multiple sclerosis", H, RULE),
    ("regulation e.g.", "The regulation lists certain cancers (e.g. glioblastoma) as service-connected.", "GLIOMA",
     "glioblastoma", H, RULE),
    ("fact sheet British", "Fact sheet on the registry: it includes tumours such as astrocytoma and lymphoma.",
     "CNS_LYMPHOMA", "lymphoma", H, RULE),
    ("examples before the list", "Conditions such as glioblastoma are on the presumptive list.", "GLIOMA",
     "glioblastoma", H, "hyp.category_examples_listed"),
    ("examples before the registry", "Rare cancers, e.g. CNS lymphoma, are among the registry's categories.",
     "CNS_LYMPHOMA", "CNS lymphoma", H, "hyp.category_examples_listed"),
    ("near: her conditions on the problem list", "Her conditions such as glioblastoma are on the problem list.",
     "GLIOMA", "glioblastoma", set(), None),
    ("near: comorbidities e.g.", "She has several comorbidities, e.g. epilepsy and MS.", "MULTIPLE_SCLEROSIS", "MS",
     set(), None),
    ("near: comorbidities e.g. epilepsy", "She has several comorbidities, e.g. epilepsy and MS.", "EPILEPSY",
     "epilepsy", set(), None),
    ("near: problem list includes", "Problem list includes glioblastoma, s/p resection.", "GLIOMA", "glioblastoma",
     set(), None),
    ("near: problem list plain", "Problem list includes glioblastoma and epilepsy.", "GLIOMA", "glioblastoma", set(),
     None),
    ("near: his diagnoses include", "His diagnoses include glioma and epilepsy.", "GLIOMA", "glioma", set(), None),
    ("near: differential includes", "Differential includes glioma.", "GLIOMA", "glioma", U, None),
    ("near: after the clause", "Reviewed the presumptive list (e.g. brain cancer); he has MS.", "MULTIPLE_SCLEROSIS",
     "MS", set(), None),
    ("near: after the parenthesis", "Reviewed the handout (e.g. brain cancer) with him as he has glioblastoma.",
     "GLIOMA", "glioblastoma", set(), None),
    ("near: her own list", "Her list of diagnoses includes glioblastoma and epilepsy.", "GLIOMA", "glioblastoma",
     set(), None),
    ("near: meets the criteria", "Meets medical necessity criteria, including suspected recurrent glioma.", "GLIOMA",
     "glioma", U, None),
    ("near: fulfils the criteria", "Fulfils the programme criteria such as enhancing glioma on MRI.", "GLIOMA",
     "glioma", set(), None),
    ("near: enrolled for her own", "Enrolled in the tumour registry, which includes her glioblastoma.", "GLIOMA",
     "glioblastoma", set(), None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_category_examples(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                           expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
