"""A "vs" between two measurements compares them; it weighs no differential (targets.yaml look.measure_versus).

A "vs", "vs." or "versus" that joins two values - sizes with or without their units, with an approximation or a
qualifier ("~1.6 cm vs ~0.9 cm", "approx. 2 cm vs 1.4 cm", "<5 mm vs 7 mm", "2.1 cm vs previously 1.5 cm"), a
time aside after the first ("1.6 cm (now) vs 0.9 cm"), two dimensions, a ratio or an uptake without units ("rCBV 3.1
vs 1.2", "Cho/NAA 2.4 versus 1.1"), a count of things ("6 vs 2 lesions") or a rate ("3 seizures/month vs 10
before") - is claimed by look.measure_versus: the inconclusive verdict word (targets.yaml img.inconclusive) is not
read there and the "versus" cue (context.yaml poss.versus) hedges nothing around it. A "vs" between diagnoses stays
a differential even when a size stands near it ("1.6 cm lesion: recurrence vs necrosis", "GBM vs lymphoma (2
lesions)").

Rows: id, text, a target concept, its text, whether that target is hedged (uncertain), whether a "vs" verdict word
(IMAGING_INCONCLUSIVE) is read. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

VS_WORDS = {"vs", "vs.", "versus", "v.s."}

CASES: list[tuple[str, str, str, str, bool, bool]] = [
    ("tilde on both values, in parentheses", "MRI 10/02/2026: enlarging left frontal glioma (my estimate ~1.6 cm vs "
     "~0.9 cm).", "GLIOMA", "glioma", False, False),
    ("tilde, size label", "MRI 10/02/2026: right parietal metastasis, size ~14 mm vs ~9 mm.", "BRAIN_METASTASIS",
     "metastasis", False, False),
    ("approx. before the first value", "MRI 10/03/2026: convexity meningioma, approx. 2 cm vs 1.4 cm.",
     "BRAIN_TUMOR", "meningioma", False, False),
    ("about before the first value", "MRI 10/03/2026: Left occipital metastasis about 12 mm vs 8 mm.",
     "BRAIN_METASTASIS", "metastasis", False, False),
    ("approximately sign, unit after the second", "MRI 10/04/2026: cerebellar metastasis \u22481.6 vs 0.9 cm.",
     "BRAIN_METASTASIS", "cerebellar metastasis", False, False),
    ("less-than sign", "MRI 10/04/2026: new metastasis of the pons, <5 mm vs 7 mm.", "BRAIN_METASTASIS",
     "metastasis", False, False),
    ("time asides after each value", "MRI 10/05/2026: the metastasis measures 1.6 cm (now) vs 0.9 cm (07/2026).",
     "BRAIN_METASTASIS", "metastasis", False, False),
    ("time aside, other units", "MRI 10/05/2026: glioblastoma, enhancing part 22 mm (today) vs 15 mm (prior).",
     "GLIOMA", "glioblastoma", False, False),
    ("no space before the unit, vs.", "MRI 10/05/2026: Metastasis 1.6cm vs. 0.9cm.", "BRAIN_METASTASIS",
     "Metastasis", False, False),
    ("two dimensions each", "MRI 10/05/2026: right frontal metastasis 16 x 12 mm vs 9 x 8 mm.", "BRAIN_METASTASIS",
     "metastasis", False, False),
    ("rCBV ratio, no unit", "MR perfusion 10/06/2026: left temporal glioma, rCBV 3.1 vs 1.2.", "GLIOMA", "glioma",
     False, False),
    ("metabolite ratio, versus", "MRS 10/06/2026: insular glioma with Cho/NAA 2.4 versus 1.1 contralaterally.",
     "GLIOMA", "glioma", False, False),
    ("seizure rate then and now", "MRI 10/06/2026: known left temporal glioma; 3 seizures/month vs 10 before.",
     "GLIOMA", "glioma", False, False),
    ("seizure rate, per month", "Low-grade glioma, MRI 10/06/2026. Now 2 seizures per month versus 8 last year.",
     "GLIOMA", "Low-grade glioma", False, False),
    ("count of lesions", "MRI 10/07/2026: metastases, 6 vs 2 lesions.", "BRAIN_METASTASIS", "metastases", False,
     False),
    ("count, the counted word kept", "MRI 10/07/2026: 6 vs 2 lesions, multiple metastases.", "BRAIN_LESION",
     "lesions", False, False),
    ("count of foci, capitals", "MRI 10/07/2026: METASTATIC MELANOMA, 5 VS 3 ENHANCING FOCI.", "BRAIN_LESION",
     "ENHANCING FOCI", False, False),
    ("volume in mL", "MRI 10/07/2026: glioblastoma, enhancing volume 4.2 mL vs 2.0 mL.", "GLIOMA", "glioblastoma",
     False, False),
    ("SUV, no unit", "FDG-PET 10/08/2026: recurrent glioma, SUV 8.1 vs 3.0.", "GLIOMA", "glioma", False, False),
    ("previously after vs", "MRI 10/08/2026: Right frontal metastasis 2.1 cm vs previously 1.5 cm.",
     "BRAIN_METASTASIS", "metastasis", False, False),
    ("prior after vs, line wrap", "MRI 10/08/2026: enlarging tumour of the left parietal lobe, 31 mm\nvs prior "
     "24 mm.", "BRAIN_TUMOR", "tumour", False, False),
    ("measuring, unit after the second", "MRI 10/08/2026: Cerebellar metastasis measuring 1.6 vs 0.9 cm.",
     "BRAIN_METASTASIS", "Cerebellar metastasis", False, False),
    ("about after vs, form field", "Findings: Glioma of the right insula, now 3.4 cm vs about 2.6 cm\nMRI date: "
     "10/09/2026", "GLIOMA", "Glioma", False, False),
    ("approx. after vs, British", "MRI 10/09/2026: the tumour has grown, 18 mm vs approx. 11 mm.", "BRAIN_TUMOR",
     "tumour", False, False),
    # near misses: a "vs" between diagnoses stays a differential, whatever size stands near it
    ("near: tumour vs radiation necrosis", "MRI 10/02/2026: tumour vs radiation necrosis.", "BRAIN_TUMOR", "tumour",
     True, True),
    ("near: abscess vs necrotic metastasis", "MRI 10/02/2026: abscess vs necrotic metastasis.", "BRAIN_METASTASIS",
     "metastasis", True, True),
    ("near: size then recurrence vs necrosis", "MRI 10/02/2026: 1.6 cm lesion: recurrence vs necrosis.",
     "RECURRENCE", "recurrence", True, True),
    ("near: size then progression vs pseudoprogression", "MRI 10/02/2026: enlarging 14 mm focus - progression vs "
     "pseudoprogression.", "TREATMENT_EFFECT", "pseudoprogression", True, True),
    ("near: GBM vs lymphoma with a count", "MRI 10/02/2026: GBM vs lymphoma (2 lesions).", "CNS_LYMPHOMA",
     "lymphoma", True, True),
    ("near: demyelination vs low-grade glioma", "MRI 10/02/2026: T2 hyperintensity, demyelination vs low-grade "
     "glioma.", "GLIOMA", "low-grade glioma", True, True),
    ("near: size after the differential", "MRI 10/02/2026: glioma vs metastasis, 2.1 cm vs 1.5 cm before.",
     "GLIOMA", "glioma", True, True),
]


@pytest.mark.parametrize(("text", "concept", "span", "hedged", "verdict"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_versus_between_measurements(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                     hedged: bool, verdict: bool) -> None:
    found = mentions(text)
    mention = find_mention(mentions, text, concept, span)
    assert ("uncertain" in mention.modifiers) is hedged, (mention.modifiers, mention.modifier_rules)
    verdicts = [m.text for m in found if m.concept == "IMAGING_INCONCLUSIVE" and m.text.lower() in VS_WORDS]
    assert bool(verdicts) is verdict, [(m.concept, m.text) for m in found]
