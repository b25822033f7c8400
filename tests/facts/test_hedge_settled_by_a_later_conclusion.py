"""An old hedge settled by a later conclusion across sentences, with quotes and dashes, through the real NLP stage.

A hedge quoted from an old report ('MRI 2011: "glioma cannot be excluded"') is settled when a later work-up states
its conclusion and, in the same clause, a negation of that diagnosis, also a plain "no"
(`supersede.concluded`: "the team concluded a developmental venous anomaly - no tumour", "neurology concluded old
contusion, not a glioma"), as an exclusion already settles it ("... - metastasis ruled out"). The old study is then
no current inconclusive read. Near misses stay suspected: "not excluded", a conclusion with no negation before a new
concern, the negation of another diagnosis, a conclusion that is only planned, a hedge after the conclusion, and
another finding hedged in between.

Rows are fresh fragments in varied styles; each names the facts it checks.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# case, text, {fact: expected status}
CONCLUDED = [
    ("concluded a venous anomaly - no tumour",
     'MRI 2018: "low-grade tumour cannot be excluded". Biopsy deferred; the 2019 and 2021 MRIs were unchanged, so '
     "the team concluded a developmental venous anomaly - no tumour.\n",
     {"brain_neoplasm": A, "prior_imaging_indeterminate": A, "mri_nondiagnostic": A}),
    ("curly quotes and an en dash, no glioma",
     "MRI 03/2014: \u201cpossible infiltrative glioma\u201d. Repeat MRI 2015 and 2017 stable; epilepsy conference "
     "concluded focal cortical dysplasia \u2013 no glioma.\n",
     {"glial_neoplasm": A, "conventional_imaging_inconclusive": A}),
    ("a conclusion, then not a glioma after a comma",
     "MRI 2012 report: 'glioma not excluded'. Follow-up MRIs 2013-2016 unchanged; neurology concluded old "
     "contusion, not a glioma.\n", {"glial_neoplasm": A, "prior_imaging_indeterminate": A}),
    ("final conclusion: sarcoid, no lymphoma",
     'CT 2017: "lymphoma cannot be excluded". Repeat imaging in 2018 unchanged. Final conclusion: neurosarcoidosis, '
     "no lymphoma.\n", {"cns_lymphoma": A}),
    ("consensus after a semicolon: no metastatic disease",
     "MRI 2019: small enhancing focus, 'metastasis is possible'. MRI 2020 and 2022 stable; consensus at tumour "
     "board - capillary telangiectasia, no metastatic disease.\n", {"brain_metastasis": A}),
    ("a conclusion settles both sides of a differential",
     'MRI 2010: "demyelination versus low-grade glioma". Serial MRIs through 2013 unchanged; neurology concluded a '
     "perivascular space -- no glioma and no demyelination.\n",
     {"glial_neoplasm": A, "demyelination": A, "conventional_imaging_inconclusive": A}),
    ("the example of the brief with an exclusion still settles",
     'CT 2016: ring lesion - "metastasis cannot be excluded". Follow-up CT 2017 and MRI 2018 stable; the tumour '
     "board concluded a calcified granuloma - metastasis ruled out.\n",
     {"brain_metastasis": A, "prior_imaging_indeterminate": A}),
    # near misses: nothing settles the hedge
    ("near miss: concluded, then not excluded",
     'MRI 2011: "underlying glioma cannot be excluded". MRI 2012 and 2014 unchanged; neurology concluded old '
     "contusion, glioma not excluded.\n", {"glial_neoplasm": S}),
    ("near miss: a conclusion, then a new concern",
     'MRI 2011: "underlying glioma cannot be excluded". MRI 2012 and 2014 unchanged; neurology concluded gliosis; '
     "new enhancement in 2026 raises recurrence.\n", {"glial_neoplasm": S}),
    ("near miss: the conclusion negates another diagnosis",
     'MRI 2011: "underlying glioma cannot be excluded". MRI 2013 unchanged; neurology concluded old contusion - '
     "no abscess.\n", {"glial_neoplasm": S, "brain_infection": A}),
    ("near miss: a conclusion only planned",
     'MRI 2020: "lymphoma cannot be excluded". The board will review the 2021 MRI before a conclusion; no lymphoma '
     "treatment until then.\n", {"cns_lymphoma": S}),
    ("near miss: a hedge after the conclusion",
     "Board concluded DVA - no tumour in 2019. MRI 10/2026: new enhancing mass, glioma cannot be excluded.\n",
     {"glial_neoplasm": S}),
    ("near miss: another finding hedged in between stays",
     'MRI 2011: "glioma cannot be excluded". MRI 2013: "possible demyelination". In 2015 neurology concluded old '
     "contusion - no glioma.\n", {"glial_neoplasm": A, "demyelination": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CONCLUDED, ids=[c[0] for c in CONCLUDED])
def test_a_later_conclusion_settles_the_old_hedge(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


def test_the_settled_hedge_names_the_conclusion(fragment_facts) -> None:  # type: ignore[no-untyped-def]
    facts = fragment_facts('MRI 2018: "glioma cannot be excluded". In 2020 the team concluded a cavernoma - no '
                           "glioma.\n")
    [ignored] = [e for e in facts.facts["glial_neoplasm"].ignored if e.attributes.get("superseded_by")]
    assert ignored.attributes["supersession_rule"] == "supersede.concluded"
