"""What an MRS result would mean, or what would follow if a diagnosis were true, is no diagnosis today.

A diagnosis named only as the consequence of a result ("a high-grade tumour pattern on MRS would push us to
resection", "a choline peak would keep tumour at the front of the list"), as the subject of what would follow ("a GBM
in her situation would lead to comfort care", "CNS lymphoma would shift us away from surgery"), in the clause after a
condition's comma ("If he is irradiated later, this MRS would be a baseline for any recurrence vs necrosis
question"), or in a generic statement about two disease classes ("necrotic metastases and abscesses both
ring-enhance") is hypothetical (context.yaml):

- `hyp.would_subject`: the "would" after a bare or indefinite disease that opens its clause;
- `hyp.would_rank`: a result that "would keep/put/move" a disease at the top of / on the list;
- `scope.conditional_clause` (its `consequence`): a condition reaches past its comma into a clause that holds
  "would"/"could"/"might", except a target right after an owner word ("her glioblastoma");
- `scope.within_cue`: a diagnosis between an expected result's word and its "would" ("a lipid peak typical of
  lymphoma would prompt biopsy") takes hyp.anticipated_result's assertion;
- `hyp.generic_pair_after`: "X and Y both ..." with a property of the class (and `hyp.generic_pair` now reads
  "ring enhance"); already read: `hyp.anticipated_result`, `hyp.would`, `hyp.conditional_should_opening`.

Near misses keep their reading: the patient's own disease ("her lymphoma is steroid-sensitive", "her GBM would lead
to comfort care", "the glioblastoma would have been resected had she been fit"), a statement followed by its
consequence ("this is a GBM; resection would follow"), the patient's differential ("abscess vs metastasis, both
ring-enhancing", "both abscess and metastasis are in the differential"), a hedge told with "would" ("lymphoma would be
my leading diagnosis").

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS (hypothetical rows: at least
"hypothetical" and never "negated"; near rows: exactly), a rule id it must cite (None: any).
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, U, NONE = {"hypothetical"}, {"uncertain"}, set[str]()
SUBJ, RANK, COND, PAIR_AFTER, PAIR = ("hyp.would_subject", "hyp.would_rank", "scope.conditional_clause",
                                      "hyp.generic_pair_after", "hyp.generic_pair")
WITHIN = "scope.within_cue"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # 1. what an MRS result would mean
    ("pattern would push", "A high-grade tumour pattern on MRS would push us to resection.", "BRAIN_TUMOR",
     "tumour", H, None),
    ("glioma pattern would push", "A high grade glioma pattern on spectroscopy would push us toward surgery.",
     "GLIOMA", "high grade glioma", H, None),
    ("signature would steer", "A high-grade tumor signature would steer us to resection.", "BRAIN_TUMOR", "tumor",
     H, None),
    ("lactate would make", "A lactate doublet would make abscess more likely.", "BRAIN_INFECTION", "abscess", H, None),
    ("lymphoma-type spectrum", "A lymphoma-type spectrum would send us to biopsy.", "CNS_LYMPHOMA", "lymphoma", H,
     None),
    ("abscess profile would mean", "An abscess profile on MRS would mean drainage rather than resection.",
     "BRAIN_INFECTION", "abscess", H, None),
    ("peak typical of lymphoma", "A lipid peak typical of lymphoma would prompt a stereotactic biopsy.",
     "CNS_LYMPHOMA", "lymphoma", H, WITHIN),
    ("spectrum typical of, US spelling", "A spectrum typical of lymphoma would favor biopsy.", "CNS_LYMPHOMA",
     "lymphoma", H, WITHIN),
    ("metastasis-like spectrum", "A metastasis-like spectrum would trigger a body CT.", "BRAIN_METASTASIS",
     "metastasis", H, None),
    ("baseline after if", "If he later gets radiation, this MRS would be a baseline for any recurrence vs necrosis "
     "question (not applicable now).", "RECURRENCE", "recurrence", H, None),
    # 2. a diagnosis as the subject of what would follow
    ("GBM would lead", "A GBM in her situation would lead to comfort care.", "GLIOMA", "GBM", H, None),
    ("glioblastoma would lead", "A glioblastoma in his case would lead to palliative care only.", "GLIOMA",
     "glioblastoma", H, None),
    ("bare lymphoma would shift", "CNS lymphoma would shift us away from surgery.", "CNS_LYMPHOMA", "CNS lymphoma",
     H, SUBJ),
    ("abscess would go", "An abscess at this site would go to neurosurgery for drainage.", "BRAIN_INFECTION",
     "abscess", H, SUBJ),
    ("any metastasis would alter", "Any metastasis found would alter her staging.", "BRAIN_METASTASIS", "metastasis",
     H, SUBJ),
    ("tumour would be inoperable", "A tumour in this location would be inoperable.", "BRAIN_TUMOR", "tumour", H,
     SUBJ),
    ("metastatic disease would mean", "Metastatic disease at his age would mean a search for a primary.",
     "BRAIN_METASTASIS", "Metastatic disease", H, None),
    ("capitals, lymphoma would alter", "PRIMARY CNS LYMPHOMA WOULD ALTER THE SURGICAL PLAN.", "CNS_LYMPHOMA",
     "PRIMARY CNS LYMPHOMA", H, SUBJ),
    ("after semicolon, British", "MRS is requested; a metastasis in this patient would alter the radiotherapy "
     "plan.", "BRAIN_METASTASIS", "metastasis", H, SUBJ),
    ("line wrap", "A glioblastoma at\nher age would be managed with best supportive care.", "GLIOMA", "glioblastoma",
     H, None),
    ("recurrence would prompt", "A recurrence would prompt a tumour-board review.", "RECURRENCE", "recurrence", H,
     None),
    # 3. a result that would rank a disease
    ("choline keeps tumour", "A choline peak would keep tumour at the front of the list.", "BRAIN_TUMOR", "tumour",
     H, RANK),
    ("raised choline places glioma", "A raised choline would place (high-grade) glioma at the top of our list.",
     "GLIOMA", "glioma", H, RANK),
    ("elevated choline puts glioma", "Elevated choline would put glioma at the top of the list.", "GLIOMA", "glioma",
     H, RANK),
    ("ratio puts glioma first", "A choline:NAA ratio above 2 would put glioma first on the list.", "GLIOMA",
     "glioma", H, RANK),
    ("moves lymphoma higher", "Increased choline would move lymphoma higher on our list.", "CNS_LYMPHOMA",
     "lymphoma", H, None),
    ("lactate puts abscess", "Lactate would put abscess at the head of the differential.", "BRAIN_INFECTION",
     "abscess", H, RANK),
    ("capitalised, no stop", "A high choline peak would keep Tumour at the front of the list", "BRAIN_TUMOR",
     "Tumour", H, RANK),
    ("neoplasm at the top", "Raised choline with low NAA would keep a neoplasm at the top of the differential.",
     "BRAIN_TUMOR", "neoplasm", H, RANK),
    # 4. a condition's consequence past its comma
    ("radiotherapy later", "If she later needs radiotherapy, this spectroscopy would serve as a baseline for "
     "recurrence versus necrosis.", "RECURRENCE", "recurrence", H, COND),
    ("irradiated, tumour recurrence", "If he is irradiated, this study would become the baseline for any tumour "
     "recurrence.", "RECURRENCE", "tumour recurrence", H, COND),
    ("resected, later scan", "If the lesion is resected, a later scan would be compared for recurrence.",
     "RECURRENCE", "recurrence", H, COND),
    ("in future, radionecrosis", "If radiation is given in future, the MRS would be our baseline for a later "
     "recurrence vs radionecrosis question.", "TREATMENT_EFFECT", "radionecrosis", H, None),
    ("should, could", "Should she be irradiated next year, this scan could serve as a reference for any later "
     "recurrence.", "RECURRENCE", "recurrence", H, COND),
    ("were to, might", "Were he to need radiotherapy, the spectrum might act as a reference for treatment-related "
     "necrosis.", "TREATMENT_EFFECT", "treatment-related necrosis", H, None),
    ("uppercase IF", "IF SRS IS GIVEN, THIS MRS WOULD BE A BASELINE FOR RECURRENCE.", "RECURRENCE", "RECURRENCE", H,
     None),
    ("in case of", "In case of later radiotherapy, the present spectrum would serve as a baseline for "
     "recurrence.", "RECURRENCE", "recurrence", H, None),
    # 5. should it prove to be ...
    ("should it prove lymphoma", "Should it prove to be a lymphoma, steroids would follow.", "CNS_LYMPHOMA",
     "lymphoma", H, None),
    ("should this turn out", "Should this turn out to be lymphoma, high-dose methotrexate would follow.",
     "CNS_LYMPHOMA", "lymphoma", H, None),
    ("should the lesion prove GBM", "Should the lesion prove to be a glioblastoma, resection would follow.", "GLIOMA",
     "glioblastoma", H, None),
    ("if it proves metastasis", "If it proves to be a metastasis, radiosurgery would follow.", "BRAIN_METASTASIS",
     "metastasis", H, None),
    ("if this is lymphoma", "If this is a lymphoma, steroids would be held.", "CNS_LYMPHOMA", "lymphoma", H, None),
    ("if biopsy shows glioma", "If the biopsy shows glioma, she would go to surgery.", "GLIOMA", "glioma", H, None),
    ("should it be an abscess", "Should it be an abscess, drainage and antibiotics would follow.", "BRAIN_INFECTION",
     "abscess", H, None),
    ("list item should", "2. Should histology show a metastasis, SRS would be offered.", "BRAIN_METASTASIS",
     "metastasis", H, None),
    # 6. generic statements about two classes
    ("both with modifier", "Both abscess and squamous-cell metastasis are FDG-avid.", "BRAIN_METASTASIS",
     "metastasis", H, PAIR),
    ("pair before both", "Necrotic metastases and abscesses both ring-enhance.", "BRAIN_METASTASIS", "metastases", H,
     PAIR_AFTER),
    ("pair before both, second", "Necrotic metastases and abscesses both ring-enhance.", "BRAIN_INFECTION",
     "abscesses", H, PAIR_AFTER),
    ("restrict diffusion", "Cystic metastases and abscesses both restrict diffusion.", "BRAIN_METASTASIS",
     "metastases", H, PAIR_AFTER),
    ("can both", "Necrotic metastases and pyogenic abscesses can both ring-enhance.", "BRAIN_INFECTION", "abscesses",
     H, PAIR_AFTER),
    ("are both FDG-avid", "Lymphoma and toxoplasmosis are both FDG-avid.", "CNS_LYMPHOMA", "Lymphoma", H,
     PAIR_AFTER),
    ("ring enhance two words", "Both necrotic metastasis and abscess can ring enhance.", "BRAIN_METASTASIS",
     "metastasis", H, PAIR),
    ("after because", "PET adds little here because a metastasis and an abscess both take up FDG.",
     "BRAIN_METASTASIS", "metastasis", H, PAIR_AFTER),
    ("ring-enhancing", "Both pyogenic abscess and necrotic glioblastoma are ring-enhancing.", "GLIOMA",
     "glioblastoma", H, PAIR),
    # near misses
    ("near: her lymphoma", "Her lymphoma is steroid-sensitive.", "CNS_LYMPHOMA", "lymphoma", NONE, None),
    ("near: counterfactual past", "The glioblastoma would have been resected had she been fit.", "GLIOMA",
     "glioblastoma", NONE, None),
    ("near: if seizures recur", "If seizures recur, consider MRS.", "SEIZURE", "seizures", H, None),
    ("near: statement then consequence", "This is a GBM; resection would follow.", "GLIOMA", "GBM", NONE, None),
    ("near: the lesion is a GBM", "The lesion is a GBM; resection would follow.", "GLIOMA", "GBM", NONE, None),
    ("near: versus, both", "Abscess vs metastasis, both ring-enhancing.", "BRAIN_METASTASIS", "metastasis", U, None),
    ("near: pair in differential", "Both abscess and metastasis are in the differential.", "BRAIN_INFECTION",
     "abscess", U, None),
    ("near: her GBM would", "Her GBM would lead to comfort care.", "GLIOMA", "GBM", NONE, None),
    ("near: the GBM would need", "The GBM would need re-resection.", "GLIOMA", "GBM", NONE, None),
    ("near: her glioblastoma after if", "If the MRI is stable, her glioblastoma would be followed with serial scans.",
     "GLIOMA", "glioblastoma", NONE, None),
    ("near: owned pair", "Her abscess and the metastasis both enhance.", "BRAIN_INFECTION", "abscess", NONE, None),
    ("near: both hemispheres", "Metastases are seen in both hemispheres.", "BRAIN_METASTASIS", "Metastases", NONE,
     None),
    ("near: would be leading", "Lymphoma would be my leading diagnosis.", "CNS_LYMPHOMA", "Lymphoma", U, None),
    ("near: if, no would", "If the patient agrees, biopsy next week; the glioblastoma is enlarging.", "GLIOMA",
     "glioblastoma", NONE, None),
    ("near: study showed, which would", "MRS showed a lipid peak typical of lymphoma, which would favour biopsy.",
     "CNS_LYMPHOMA", "lymphoma", NONE, None),
    ("near: if clause then statement", "If symptoms worsen, call us. MRI shows a glioma.", "GLIOMA", "glioma", NONE,
     None),
    # a spectrum pattern named by a diagnosis in a plan's branches (hyp.result_pattern_branch)
    ("branch: tumor pattern, aside, arrow", "Plan: tumor pattern (choline up, no amino acids) -> staging CT and "
     "biopsy.", "BRAIN_TUMOR", "tumor", H, "hyp.result_pattern_branch"),
    ("branch: abscess pattern first", "Abscess pattern -> aspiration; tumour pattern -> biopsy.", "BRAIN_INFECTION",
     "Abscess", H, "hyp.result_pattern_branch"),
    ("branch: tumour pattern second", "Abscess pattern -> aspiration; tumour pattern -> biopsy.", "BRAIN_TUMOR",
     "tumour", H, "hyp.result_pattern_branch"),
    ("branch: lymphoma profile, unicode arrow", "Lymphoma profile \u2192 hold steroids and biopsy.", "CNS_LYMPHOMA",
     "Lymphoma", H, "hyp.result_pattern_branch"),
    ("branch: double arrow", "Glioma spectrum => resection.", "GLIOMA", "Glioma", H, "hyp.result_pattern_branch"),
    ("branch: metastasis pattern, long dash arrow", "Metastasis pattern --> PET/CT staging.", "BRAIN_METASTASIS",
     "Metastasis", H, "hyp.result_pattern_branch"),
    ("branch: capitals", "TUMOR PATTERN (HIGH CHOLINE) -> BIOPSY", "BRAIN_TUMOR", "TUMOR", H,
     "hyp.result_pattern_branch"),
    ("branch: infection signature", "If MRS done: abscess signature (succinate) -> drain.", "BRAIN_INFECTION",
     "abscess", H, "hyp.result_pattern_branch"),
    ("near: pattern favours, no branch", "Imaging pattern favours abscess; drained 11/02, pus.", "BRAIN_INFECTION",
     "abscess", U, None),
    ("near: a found pattern", "MRS 11/02 showed a tumour pattern with high choline.", "BRAIN_TUMOR", "tumour", NONE,
     None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_conditional_expected_results(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                      expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    carried = set(mention.modifiers) & ASSERTIONS
    if expected == H:
        assert "hypothetical" in carried and "negated" not in carried, (mention.modifiers, mention.modifier_rules)
    else:
        assert carried == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules
