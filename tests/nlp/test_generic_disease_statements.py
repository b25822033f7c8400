"""A generic statement about a disease class is no mention of the patient's disease.

What a disease does in general ("lymphoma is typically steroid-sensitive", "metastases usually enhance",
"abscesses classically restrict diffusion", "gliomas can mimic demyelination", "both abscess and metastasis are
FDG-avid, so PET would not separate them") names the class, not this patient's lesion: the disease is hypothetical
(context.yaml):

- `hyp.generic_habit`: a word of habit after a bare disease that opens its clause ("typically", "usually",
  "classically", "characteristically", "commonly", "generally", "tend to");
- `hyp.generic_likeness`: a disease that "can"/"may" mimic, resemble or look like another (both are kinds);
- `hyp.generic_pair`: "both X and Y are/can/may" with a property of the class after it ("FDG-avid",
  "steroid-responsive", "enhance", "restrict diffusion").

Near misses stay the patient's: a plain statement of a finding ("metastases are seen in both hemispheres"), the
disease with a determiner or possessive ("the abscess is FDG-avid", "her lymphoma is steroid-sensitive", "this
glioma enhances"), a hedge ("metastasis is favored"), a read of the patient's lesion ("findings typical of an
abscess"), a pair that is the patient's differential ("both abscess and metastasis are in the differential"), the
patient named in the clause ("... typically enhances in her case").

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, U, NONE = {"hypothetical"}, {"uncertain"}, set[str]()
HABIT, LIKENESS, PAIR = "hyp.generic_habit", "hyp.generic_likeness", "hyp.generic_pair"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # 1. a word of habit after a bare disease
    ("lymphoma is typically", "Lymphoma is typically steroid-sensitive.", "CNS_LYMPHOMA", "Lymphoma", H, HABIT),
    ("metastases usually enhance", "Metastases usually enhance.", "BRAIN_METASTASIS", "Metastases", H, HABIT),
    ("abscesses classically restrict", "Abscesses classically restrict diffusion.", "BRAIN_INFECTION", "Abscesses",
     H, HABIT),
    ("lowercase after a comma, tend to", "In general, lymphomas tend to show restricted diffusion.", "CNS_LYMPHOMA",
     "lymphomas", H, HABIT),
    ("British spelling, characteristically", "Glioblastomas characteristically show a necrotic centre and an "
     "enhancing rim.", "GLIOMA", "Glioblastomas", H, HABIT),
    ("abbreviation, commonly", "PCNSL commonly shows marked restricted diffusion.", "CNS_LYMPHOMA", "PCNSL", H,
     HABIT),
    ("article a, are generally", "A cerebral abscess is generally hyperintense on DWI.", "BRAIN_INFECTION",
     "cerebral abscess", H, HABIT),
    ("after a semicolon", "MRS was discussed; metastatic disease typically lacks an infiltrative margin.",
     "BRAIN_METASTASIS", "metastatic disease", H, HABIT),
    ("line wrap inside the phrase", "In immunocompromised hosts with a very low CD4 count, cerebral toxoplasmosis\n"
     "usually produces multiple ring lesions in the basal ganglia.", "BRAIN_INFECTION", "cerebral toxoplasmosis", H,
     HABIT),
    ("parenthesis after the disease", "Lymphoma (PCNSL) is usually homogeneously enhancing.", "CNS_LYMPHOMA",
     "Lymphoma", H, HABIT),
    # 2. a disease that can mimic another
    ("gliomas can mimic demyelination", "Gliomas can mimic demyelination.", "GLIOMA", "Gliomas", H, LIKENESS),
    ("the mimicked disease too", "Gliomas can mimic demyelination.", "DEMYELINATION", "demyelination", H, LIKENESS),
    ("may look like", "Tumefactive demyelination may look like a high-grade glioma on conventional MRI.", "GLIOMA",
     "high-grade glioma", H, LIKENESS),
    ("can masquerade as", "Lymphoma can masquerade as demyelinating disease on MRI.", "CNS_LYMPHOMA", "Lymphoma", H,
     LIKENESS),
    ("metastases may resemble", "Metastases may resemble abscesses, both ring-enhancing.", "BRAIN_INFECTION",
     "abscesses", H, LIKENESS),
    ("can sometimes simulate", "Toxoplasmosis can sometimes simulate lymphoma.", "CNS_LYMPHOMA", "lymphoma", H,
     LIKENESS),
    # 3. a pair with a property of the class
    ("both FDG-avid, so PET would not separate", "Both abscess and metastasis are FDG-avid, so PET would not "
     "separate them.", "BRAIN_METASTASIS", "metastasis", H, PAIR),
    ("both FDG-avid, the abscess", "Both abscess and metastasis are FDG-avid, so PET would not separate them.",
     "BRAIN_INFECTION", "abscess", H, PAIR),
    ("because both, hypermetabolic", "PET was not pursued because both lymphoma and toxoplasmosis can be "
     "hypermetabolic.", "CNS_LYMPHOMA", "lymphoma", H, PAIR),
    ("both with articles, steroid-responsive", "Both a lymphoma and a demyelinating lesion are steroid-responsive.",
     "CNS_LYMPHOMA", "lymphoma", H, PAIR),
    ("both can enhance", "Both glioblastoma and metastases can enhance in a ring.", "GLIOMA", "glioblastoma", H,
     PAIR),
    # near misses: the patient's own disease
    ("near: metastases are seen", "Metastases are seen in both hemispheres.", "BRAIN_METASTASIS", "Metastases",
     NONE, None),
    ("near: the abscess is FDG-avid", "The abscess is FDG-avid.", "BRAIN_INFECTION", "abscess", NONE, None),
    ("near: her lymphoma is steroid-sensitive", "Her lymphoma is steroid-sensitive.", "CNS_LYMPHOMA", "lymphoma",
     NONE, None),
    ("near: this glioma enhances", "This glioma enhances.", "GLIOMA", "glioma", NONE, None),
    ("near: metastasis is favored", "Metastasis is favored.", "BRAIN_METASTASIS", "Metastasis", U, None),
    ("near: findings typical of an abscess", "Findings typical of an abscess.", "BRAIN_INFECTION", "abscess", NONE,
     None),
    ("near: both in the differential", "Both abscess and metastasis are in the differential.", "BRAIN_METASTASIS",
     "metastasis", U, None),
    ("near: her glioma typically", "Her glioma typically enhances after each cycle.", "GLIOMA", "glioma", NONE,
     None),
    ("near: in her case", "In her case, lymphoma typically flares when steroids are tapered.", "CNS_LYMPHOMA",
     "lymphoma", NONE, None),
    ("near: the lesion can mimic", "The mass can mimic a glioma but biopsy showed lymphoma.", "CNS_LYMPHOMA",
     "lymphoma", NONE, None),
    ("near: known glioma usually", "Known glioblastoma usually enhancing at the margin on prior scans.", "GLIOMA",
     "glioblastoma", NONE, None),
    ("near: metastases in both", "Both metastases enhance avidly.", "BRAIN_METASTASIS", "metastases", NONE, None),
    # 4. a finding a disease class shows now and then (hyp.generic_seen_in)
    ("seen in: occasionally, aside", "(central restricted diffusion is occasionally seen in necrotic metastases)",
     "BRAIN_METASTASIS", "metastases", H, "hyp.generic_seen_in"),
    ("seen in: also commonly found", "Ring enhancement is also commonly found in abscesses.", "BRAIN_INFECTION",
     "abscesses", H, "hyp.generic_seen_in"),
    ("seen in: can be seen", "Such a lipid peak can sometimes be seen in lymphomas.", "CNS_LYMPHOMA", "lymphomas", H,
     "hyp.generic_seen_in"),
    ("seen in: typically described", "This pattern is typically described in high-grade gliomas.", "GLIOMA",
     "gliomas", H, None),
    ("seen in: frequently observed", "Perilesional oedema is frequently observed in metastases.", "BRAIN_METASTASIS",
     "metastases", H, None),
    ("seen in: rarely reported, capitals", "CALCIFICATION IS RARELY REPORTED IN LYMPHOMAS.", "CNS_LYMPHOMA",
     "LYMPHOMAS", H, "hyp.generic_seen_in"),
    ("seen in: often present", "Restricted diffusion is often present in pyogenic abscesses.", "BRAIN_INFECTION",
     "abscesses", H, None),
    ("seen in: usually encountered", "This appearance is usually encountered in tuberculomas.", "BRAIN_INFECTION",
     "tuberculomas", H, None),
    ("near seen in: the patient's metastasis", "Restricted diffusion is seen in the metastasis.", "BRAIN_METASTASIS",
     "metastasis", NONE, None),
    ("near seen in: her glioma", "Enhancement is also seen in her glioma.", "GLIOMA", "glioma", NONE, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_generic_disease_statement(mentions, text: str, concept: str,  # type: ignore[no-untyped-def]
                                   span: str, expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
