"""A tumour named only in what a result would mean, or what would follow if it were there, is no tumour found.

The class: a brain tumour read affirmed (brain_neoplasm / known_brain_tumor present, so that HealthHelp's "Brain
tumors are known" is met) where the sentence only tells what would follow if it were there, what a result would do
to its place on the list, or what two disease classes share. The rules (context.yaml), extending
tests/nlp/test_non_assertive_tumour.py and tests/nlp/test_conditional_expected_results.py:

- `hyp.would_subject`: a consequence whose verb is "lead" with a person and "to" after it is one ("a glioblastoma in
  a patient this frail would lead the family to choose comfort care", "a meningioma would lead us to watch"); only
  "would lead the differential/list" stays outside, now read as a ranking (`poss.ranked`: "lead the differential",
  "head/top/lead the list" -> uncertain);
- `hyp.would_subject_change`: also where hyp.if's longer "would move us", "would result in", "would proceed to"
  took the "would" ("a high-grade glioma would move us to surgery sooner", "a metastasis would result in
  upstaging");
- `hyp.would_rank`: more places on the list ("in front", "ahead of", "in the lead", "to the front", "lower",
  "down", "off the list") and more verbs of ranking ("bump", "shift", "drop", "nudge", "tip");
- `hyp.generic_pair` without a modal before the shared property ("both lymphoma and toxoplasmosis take up
  thallium"); `hyp.generic_pair_after` also after "alike" ("gliomas and lymphomas alike show high choline");
  `hyp.generic_pair_as_well` a pair joined by "as well as" ("abscess as well as metastasis can ring-enhance");
- `hyp.kind_for_would`: "For a metastasis, radiosurgery would be offered; for an abscess, drainage" (a kind after
  "for a/an" opening its clause, a "would" later in the clause).
Already read and kept here as rows (`kept-`): the brief's other wordings (lay questions and worries, "a metastasis
would be treated with radiosurgery; an abscess with drainage", "any feature of a high-grade tumour on the
spectroscopy would push us ...", "both abscess and brain metastasis are FDG-avid, so PET would not separate them").

Near misses keep their reading: the patient's own tumour told outright ("the glioblastoma has progressed and the
family chose comfort care", "her known meningioma would be unaffected by the planned surgery", "the lymphoma
responded to methotrexate"), a tumour asserted in its own clause before a "would" ("MRI: enhancing mass consistent
with metastasis; surgery would follow staging"), "her glioma would lead us to operate" (the patient's), "the
glioma would lead the family to ..." (definite: the patient's), the patient's lesion ranked without "would"
("choline kept tumour in front on the last study"), a differential with "both" ("both abscess and metastasis
are in the differential"), a pair told as the patient's ("both the abscess and the metastasis show restricted
diffusion", "... on today's MRI"), "for a second opinion, the glioma slides would be sent" (the disease after the
comma), "the tumour would result in mass effect" (definite).

Limits known: "a glioma would argue for resection" stays affirmed (poss.backward's "would argue for" is a longer
cue that reaches forward only; a result as subject, "restriction would argue for lymphoma", must keep its hedge);
"a glioblastoma would lead the differential in a patient this age" stays affirmed (poss.ranked's needs_after
does not take "in"); a yardstick inside a subject ("glioblastoma, like lymphoma, can cross the corpus callosum") is not read; a subject
longer than eight words before "would" is not reached.

Rows: id -> (text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite or
None). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of, find_mention

from pipeline.contracts import FactStatus, Mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, U, NONE = {"hypothetical"}, {"uncertain"}, set[str]()
WOULD, CHANGE, RANK = "hyp.would_subject", "hyp.would_subject_change", "hyp.would_rank"
PAIR, PAIR_AFTER, AS_WELL, FOR = ("hyp.generic_pair", "hyp.generic_pair_after", "hyp.generic_pair_as_well",
                                  "hyp.kind_for_would")

CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ------------------------------------------------ a consequence: the tumour as subject of "would"
    "lead-family-to": ("A glioblastoma in a patient this frail would lead the family to choose comfort care.",
                       "GLIOMA", "glioblastoma", H, WOULD),
    "lead-us-to": ("A meningioma would lead us to watch rather than operate.", "BRAIN_TUMOR", "meningioma", H, WOULD),
    "lead-oncology-to": ("Metastatic disease to the brain would lead oncology to stop the trial drug.",
                         "BRAIN_METASTASIS", "Metastatic disease to the brain", H, WOULD),
    "lead-her-to-decline": ("A recurrent glioma would lead her to decline further surgery.", "GLIOMA", "glioma", H,
                            WOULD),
    "move-us": ("A high-grade glioma would move us to surgery sooner.", "GLIOMA", "high-grade glioma", H, CHANGE),
    "result-in": ("A metastasis would result in upstaging of her lung cancer.", "BRAIN_METASTASIS", "metastasis", H,
                  CHANGE),
    "any-sign-of-move-us": ("Any sign of a high-grade glioma would move us toward resection.", "GLIOMA",
                            "high-grade glioma", H, CHANGE),
    "after-semicolon-move-us": ("MRS was discussed; lymphoma would move us away from craniotomy.", "CNS_LYMPHOMA",
                                "lymphoma", H, CHANGE),
    # ------------------------------------------------ a result that would rank the tumour
    "rank-in-front": ("An elevated choline peak would keep tumour in front.", "BRAIN_TUMOR", "tumour", H, RANK),
    "rank-ahead-of": ("A choline peak would keep neoplasm ahead of demyelination.", "BRAIN_TUMOR", "neoplasm", H,
                      RANK),
    "rank-in-the-lead": ("A raised choline/NAA ratio would keep glioma in the lead.", "GLIOMA", "glioma", H, RANK),
    "rank-drop-lower": ("A high lactate would drop metastasis lower on the list.", "BRAIN_METASTASIS", "metastasis",
                        H, RANK),
    "rank-bump-up": ("Marked choline elevation would bump glioma up the differential.", "GLIOMA", "glioma", H, RANK),
    "rank-shift-to-front": ("A lipid peak would shift lymphoma to the front.", "CNS_LYMPHOMA", "lymphoma", H, RANK),
    "rank-off-the-list": ("A normal spectrum would keep tumour off the list.", "BRAIN_TUMOR", "tumour", H, RANK),
    "ranked-lead-the-differential": ("Lymphoma would lead the differential.", "CNS_LYMPHOMA", "Lymphoma", U, None),
    "ranked-top-the-list": ("A high-grade glioma would top the list.", "GLIOMA", "high-grade glioma", U, None),
    # ------------------------------------------------ what two disease classes share
    "pair-no-modal": ("Both lymphoma and toxoplasmosis take up thallium.", "CNS_LYMPHOMA", "lymphoma", H, PAIR),
    "pair-alike": ("Gliomas and lymphomas alike show high choline.", "GLIOMA", "Gliomas", H, PAIR_AFTER),
    "pair-as-well-as": ("Abscess as well as metastasis can ring-enhance.", "BRAIN_METASTASIS", "metastasis", H,
                        AS_WELL),
    "pair-as-well-as-first": ("Metastases as well as gliomas can show a lipid peak.", "BRAIN_METASTASIS",
                              "Metastases", H, AS_WELL),
    # ------------------------------------------------ what would be done for each kind
    "for-a-kind": ("For a metastasis, radiosurgery would be offered; for an abscess, drainage.", "BRAIN_METASTASIS",
                   "metastasis", H, FOR),
    "for-a-kind-glioma": ("For a low-grade glioma, surveillance would be reasonable.", "GLIOMA", "low-grade glioma",
                          H, FOR),
    # ------------------------------------------------ already read, kept
    "kept-would-keep-top": ("An elevated choline peak with lipid would keep lymphoma at the top of the list.",
                            "CNS_LYMPHOMA", "lymphoma", {"hypothetical", "uncertain"}, RANK),
    "kept-any-feature-spectroscopy": ("Any feature of a high-grade tumour on the spectroscopy would push us toward "
                                      "resection now.", "BRAIN_TUMOR", "tumour", H, None),
    "kept-both-fdg-avid": ("Both abscess and brain metastasis are FDG-avid, so PET would not separate them.",
                           "BRAIN_METASTASIS", "brain metastasis", H, PAIR),
    "kept-lay-old-tumour": ("The family asked whether this could be the old tumour coming back.", "BRAIN_TUMOR",
                            "tumour", {"hypothetical", "uncertain"}, None),
    "kept-lay-worried-returning": ("Her husband is worried it is the meningioma returning.", "BRAIN_TUMOR",
                                   "meningioma", H, None),
    "kept-kind-rule": ("A metastasis would be treated with radiosurgery; an abscess with drainage.",
                       "BRAIN_METASTASIS", "metastasis", H, None),
    # ------------------------------------------------ near misses
    "near-progressed-family-chose": ("The glioblastoma has progressed and the family chose comfort care.", "GLIOMA",
                                     "glioblastoma", NONE, None),
    "near-known-would-be-unaffected": ("Her known meningioma would be unaffected by the planned surgery.",
                                       "BRAIN_TUMOR", "meningioma", NONE, None),
    "near-lymphoma-responded": ("The lymphoma responded to methotrexate.", "CNS_LYMPHOMA", "lymphoma", NONE, None),
    "near-asserted-own-clause": ("MRI: enhancing mass consistent with metastasis; surgery would follow staging.",
                                 "BRAIN_METASTASIS", "metastasis", NONE, None),
    "near-her-glioma-lead-us": ("Her glioma would lead us to operate early.", "GLIOMA", "glioma", NONE, None),
    "near-the-glioma-lead-family": ("The glioblastoma would lead the family to choose comfort care.", "GLIOMA",
                                    "glioblastoma", NONE, None),
    "near-kept-in-front-past": ("Choline kept tumour in front on the last study.", "BRAIN_TUMOR", "tumour", NONE,
                                None),
    "near-her-metastasis-move-us": ("Her metastasis would move us to radiosurgery.", "BRAIN_METASTASIS",
                                    "metastasis", NONE, None),
    "near-both-in-differential": ("Both abscess and metastasis are in the differential.", "BRAIN_METASTASIS",
                                  "metastasis", U, None),
    "near-as-well-as-her": ("Her metastasis as well as the abscess can enhance after contrast.", "BRAIN_METASTASIS",
                            "metastasis", NONE, None),
    "near-for-her-glioma": ("For her glioma, radiotherapy would follow surgery.", "GLIOMA", "glioma", NONE, None),
    "near-both-the-pair-show": ("Both the abscess and the metastasis show restricted diffusion.", "BRAIN_METASTASIS",
                                "metastasis", NONE, None),
    "near-pair-on-todays-mri": ("Both metastasis and abscess show rim enhancement on today's MRI.",
                                "BRAIN_METASTASIS", "metastasis", NONE, None),
    "near-for-a-second-opinion": ("For a second opinion, the glioma slides would be sent to Mayo.", "GLIOMA",
                                  "glioma", NONE, None),
    "near-the-tumour-result-in": ("The tumour would result in mass effect.", "BRAIN_TUMOR", "tumour", NONE, None),
    "near-for-a-glioma-past": ("For a glioblastoma, she underwent resection in 2023.", "GLIOMA", "glioblastoma",
                               NONE, None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_tumour_in_what_a_result_would_mean(mentions: Callable[[str], list[Mention]], text: str, concept: str,
                                            span: str, expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules


P, S, ND = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
KNOWN = "known_brain_tumor"

# the packet's only other tumour mentions are a differential: known_brain_tumor is at most suspected
FACT_CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "facts-ddx-then-lead-family": ("Assessment: ring-enhancing right frontal lesion. DDx: metastasis vs abscess.\n"
                                   "A metastasis in a patient this frail would lead the family to choose comfort "
                                   "care.\n", {KNOWN: S}),
    "facts-ddx-then-rank": ("DDx: glioma vs demyelination.\nAn elevated choline peak would keep glioma in front.\n",
                            {KNOWN: S}),
    "facts-ddx-then-move-us": ("Impression: metastasis vs abscess.\nA metastasis would move us to staging CT.\n",
                               {KNOWN: S}),
    "facts-no-ddx-lead-us": ("Oncology note: lung adenocarcinoma on osimertinib. A brain metastasis would lead us to "
                             "stop the trial drug.\n", {KNOWN: ND}),
    "near-facts-biopsy-then-would": ("Biopsy 2024: glioblastoma, IDH-wildtype.\nThe glioblastoma has progressed and "
                                     "the family chose comfort care.\n", {KNOWN: P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_CASES.values(), ids=FACT_CASES.keys())
def test_tumour_in_what_a_result_would_mean_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
