"""Oedema named as the grounds for a reading is no alternative diagnosis, through the real NLP stage to the facts.

An oedema is a non-tumour diagnosis a tumour may be weighed against ("glioma versus vasogenic oedema": targets.yaml
ddx.edema, concept set tumor.nontumor_alternatives). When the differential weighs tumour against tumour and the
oedema is only the finding that tips it - named after a word of grounds ("given", "in view of", "because of",
"on account of", "supported by": cues.yaml differential.grounds_before) or as the subject of a word of support
("the oedema would favour", "is more in keeping with", "points toward": differential.grounds_after) - it is no
alternative (concept set differential.grounds_findings): tumor_vs_nontumor_differential stays not documented and
glioma_differential does not list an oedema alternative.

Near misses keep their reading: an oedema weighed itself ("glioma versus vasogenic oedema from a venous infarct",
"possible glioma versus cytotoxic oedema given the acute onset": cues.yaml differential.finding_weighed_before /
_after), a real non-tumour alternative beside the grounds ("metastasis vs abscess; the oedema favours metastasis", whose
alternatives no longer list the oedema), an oedema merely noted beside a non-tumour alternative, tumour versus tumour with no oedema, and "metastasis versus
radiation necrosis" (a recurrence question, not this fact).

Limits: only oedema is read as grounds (a haemorrhage or necrosis given as the reason still counts where it is a
NONTUMOR_DX mention); the grounds must be told in the oedema's clause, right before or right after it; an oedema told
as a course ("dexamethasone given, oedema improved") beside a differential is not this class.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

PRESENT, ND = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

GROUNDS = [
    # case, text, tumor_vs_nontumor_differential, its alternatives when present
    ("dictated: latter favoured given the oedema", "Falcine extra-axial lesion, meningioma versus hemangiopericytoma, "
     "the second favored given the marked vasogenic edema.", ND, None),
    ("report: oedema would favour, next sentence", "IMPRESSION: Cerebellopontine angle mass, vestibular schwannoma vs "
     "metastasis. Disproportionate edema would favour metastasis.", ND, None),
    ("shorthand: oedema would favor in brackets", "CPA mass - schwannoma vs met (the edema would favor met).", ND,
     None),
    ("EHR: more in keeping with", "Assessment: PCNSL or glioblastoma; the edema is more in keeping with "
     "glioblastoma.", ND, None),
    ("terse: in view of the amount of oedema", "Ddx: GBM vs solitary met, in view of the amount of edema.", ND, None),
    ("dictated: because of the disproportionate oedema", "Right occipital lesion, metastasis versus high grade glioma, "
     "favouring metastasis because of the disproportionate oedema.", ND, None),
    ("report: the extent of oedema favours", "Impression: lymphoma vs. glioma. The extent of edema favors glioma.", ND,
     None),
    ("letter: on account of the oedema", "Dear Dr Okafor, the MRI shows a left frontal mass; the radiologist weighs "
     "an oligodendroglioma against a metastasis, leaning toward metastasis on account of the oedema.", ND, None),
    ("shorthand: oedema favours met", "mass R temporal ?GBM ?met - edema favours met", ND, None),
    ("dictated: considering the oedema", "Differential: ependymoma versus medulloblastoma; considering the edema, "
     "ependymoma is less likely.", ND, None),
    ("report: based on, out of proportion", "Lesion favors metastasis over glioma based on the vasogenic edema out of "
     "proportion to its size.", ND, None),
    ("EHR: oedema suggests, next sentence", "Meningioma or dural metastasis? Edema suggests metastasis.", ND, None),
    ("terse: oedema points toward", "Hemangioblastoma vs pilocytic astrocytoma; oedema points toward "
     "hemangioblastoma.", ND, None),
    ("shorthand: oedema argues for", "DDx glioblastoma/lymphoma - the edema argues for glioblastoma.", ND, None),
    ("dictated: supported by the oedema", "Metastasis vs primary glial neoplasm, the former supported by the "
     "disproportionate edema.", ND, None),
    ("report: in light of", "Enhancing lesion: glioblastoma versus metastasis in light of the vasogenic oedema.", ND,
     None),
    ("letter: grounds first", "In view of the striking perilesional and vasogenic oedema, we think a metastasis more "
     "likely than a meningioma.", ND, None),
    ("EHR: oedema typical of", "Posterior fossa mass, medulloblastoma or metastasis; the cerebral edema is typical of "
     "metastasis.", ND, None),
    # near misses: right today, must not change
    ("near miss: oedema from an infarct weighed", "Left thalamic lesion: glioma versus vasogenic edema from a venous "
     "infarct.", PRESENT, ["edema", "other"]),
    ("near miss: cerebritis or abscess", "Temporal lesion, high-grade glioma vs cerebritis/early abscess.", PRESENT,
     ["abscess"]),
    ("near miss: radiation necrosis is another fact", "Metastasis versus radiation necrosis at the treated site.", ND,
     None),
    ("near miss: oedema noted beside demyelination", "Tumour versus tumefactive demyelination; mild oedema noted.",
     PRESENT, ["demyelination", "edema"]),
    ("near miss: tumour versus tumour alone", "Extra-axial lesion: meningioma versus dural metastasis.", ND, None),
    ("near miss: oedema weighed, then a reading", "Glioma vs edema, favoring glioma.", PRESENT, ["edema"]),
    ("near miss: oedema weighed, grounds given after", "Possible glioma versus cytotoxic edema given the acute onset.",
     PRESENT, ["edema"]),
    ("abscess kept, the oedema as grounds dropped", "Metastasis vs abscess; the edema favors metastasis.", PRESENT,
     ["abscess"]),
    ("near miss: infarct, grounds a DWI finding", "Mass with edema, tumor vs infarct, given DWI restriction.", PRESENT,
     ["other"]),
    ("near miss: oedema weighed, then suggesting", "Differential: low-grade glioma versus edema suggesting venous "
     "congestion.", PRESENT, ["edema"]),
    ("near miss: given, oedema weighed after", "MRS requested given the edema vs infiltrating tumor question.",
     PRESENT, ["edema"]),
]


@pytest.mark.parametrize(("case", "text", "expected", "alternatives"), GROUNDS, ids=[c[0] for c in GROUNDS])
def test_oedema_named_as_grounds_is_no_alternative(fragment_facts, case, text, expected, alternatives):  # type: ignore[no-untyped-def]
    facts = fragment_facts(text)
    check_facts(facts, {"tumor_vs_nontumor_differential": expected})
    if alternatives is not None:
        assert facts.facts["tumor_vs_nontumor_differential"].attributes.get("alternative") == alternatives


GLIOMA_ALTERNATIVES = [
    # case, text, glioma_differential's alternatives
    ("lymphoma, oedema as grounds", "Assessment: PCNSL or glioblastoma; the edema is more in keeping with "
     "glioblastoma.", ["lymphoma"]),
    ("metastasis, oedema as grounds", "Ring-enhancing mass, GBM vs metastasis given the disproportionate edema.",
     ["metastasis"]),
    ("near miss: oedema weighed", "FLAIR change around the cavity: astrocytoma versus vasogenic edema.", ["edema"]),
]


@pytest.mark.parametrize(("case", "text", "alternatives"), GLIOMA_ALTERNATIVES,
                         ids=[c[0] for c in GLIOMA_ALTERNATIVES])
def test_oedema_named_as_grounds_is_no_glioma_alternative(fragment_facts, case, text, alternatives):  # type: ignore[no-untyped-def]
    facts = fragment_facts(text)
    check_facts(facts, {"glioma_differential": PRESENT})
    assert facts.facts["glioma_differential"].attributes.get("alternative") == alternatives
