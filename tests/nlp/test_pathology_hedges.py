"""A pathology or molecular read that hedges its diagnosis, with the hedge interrupted or trailed, leaves the diagnosis
suspected (context.yaml poss.short_of_diagnostic, poss.hedge_after, poss.unconfirmed_on_sample,
poss.classifier_no_match, poss.classifier_no_match_after).

Neuropathology reports qualify a diagnosis in ways the forward hedges missed:
- a clause set inside or after the hedge that says it falls short ("suggestive of, but not diagnostic for, an
  infiltrating glioma", "compatible with, yet not conclusive for, lymphoma", "raise the possibility of, without
  establishing, a glioma", "suggest, but do not establish, a diagnosis of lymphoma"): its "not"/"without" negated the
  diagnosis or ended the forward hedge before it, so it read negated or affirmed. The rule: "(but|though|...) not
  (entirely|strictly|...) diagnostic / definitive / conclusive / confirmatory / specific / sufficient of|for",
  "non-diagnostic for", "without establishing / confirming / proving", "(but|though|...) do(es) not establish /
  confirm / prove" are a suspicion cue themselves (the longer cue wins over neg.no's "not"/"without");
- a preference written after the diagnosis and carried on by a conjunction ("Infiltrating glioma favored but cannot
  be confirmed on this material", "favoured although sampling is limited"), or ending its line: poss.hedge_after;
- a diagnosis the sample cannot confirm ("glioma cannot be confirmed on this limited sample"): suspected;
- a methylation classifier result below its threshold: "no match (calibrated score 0.41); closest class diffuse
  midline glioma, below threshold", "best match glioblastoma (calibrated score 0.52)", "low-confidence match to",
  "sub-threshold match to": the class named is the leading candidate, not a diagnosis (a calibrated score under
  0.9 is no match; a class with a score of 0.9 or more keeps its reading).

Near misses keep their reading: "diagnostic of glioblastoma, IDH-wildtype, CNS WHO grade 4", "consistent with a
metastasis", "favor glioma over gliosis; final diagnosis: diffuse astrocytoma, IDH-mutant" (the final diagnosis is
affirmed), "methylation class: glioblastoma, RTK II (calibrated score 0.97)", "closest class ... (calibrated score
0.96)", a tumour beside an MGMT promoter "below the threshold", "best match"/"top class" in a sentence that is not
about a classifier, "Lymphoma could not be confirmed" (a withdrawal, negated), "without evidence of glioma"
(negated).

Limits: a low score after the class is read only as a "calibrated score" ("(score 0.41)" alone is not); a classifier's "closest class" told in another sentence than its "no match" and score needs one of
them in its own sentence; "favoured pending molecular studies" stays hypothetical (hyp.backward); a denied verb with
no conjunction before it ("the biopsy did not confirm lymphoma") keeps today's reading.

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain, whether the evidence
must cite one of this class's rules. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}
RULES = {"poss.short_of_diagnostic", "poss.hedge_after", "poss.unconfirmed_on_sample", "poss.classifier_no_match",
         "poss.classifier_no_match_after"}

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ a hedge interrupted by what it falls short of
    "suggestive-not-diagnostic-for": ("The findings are suggestive of, but not diagnostic for, an infiltrating "
                                      "glioma.", "GLIOMA", "glioma", HEDGE, True),
    "suggestive-not-diagnostic-for-no-commas": ("Sections suggestive of but not diagnostic for lymphoma.",
                                                "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "highly-suggestive-not-entirely": ("Highly suggestive of, although not entirely diagnostic of, a metastasis.",
                                       "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    "compatible-not-conclusive": ("The smear is compatible with, yet not conclusive for, lymphoma.", "CNS_LYMPHOMA",
                                  "lymphoma", HEDGE, True),
    "suspicious-not-definitive": ("Atypical glial cells, worrisome for though not definitive of a glioma.",
                                  "GLIOMA", "glioma", HEDGE, True),
    "not-strictly-diagnostic": ("Hypercellular glial tissue, not strictly diagnostic for glioma.", "GLIOMA",
                                "glioma", HEDGE, True),
    "non-diagnostic-for": ("Stereotactic cores non-diagnostic for lymphoma; flow cytometry to follow.",
                           "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "not-sufficient-for": ("Material not sufficient for a diagnosis of glioma.", "GLIOMA", "glioma", HEDGE, True),
    # ------------------------------------------------ "without establishing", "but do not establish"
    "without-establishing": ("These features raise the possibility of, without establishing, an infiltrating "
                             "glioma.", "GLIOMA", "glioma", HEDGE, True),
    "without-confirming": ("Appearances favour, without confirming, a diffuse glioma.", "GLIOMA", "glioma", HEDGE,
                           True),
    "but-do-not-establish": ("The histologic features suggest, but do not establish, a diagnosis of lymphoma.",
                             "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "though-does-not-prove": ("The pattern points to, though it does not prove, a metastasis.", "BRAIN_METASTASIS",
                              "metastasis", HEDGE, True),
    # ------------------------------------------------ a preference after the diagnosis, carried on
    "favored-but-cannot-confirm": ("Infiltrating glioma favored but cannot be confirmed on this material.", "GLIOMA",
                                   "glioma", HEDGE, True),
    "favoured-although": ("Diffuse glioma favoured although sampling is limited.", "GLIOMA", "glioma", HEDGE, True),
    "favored-line-end": ("FINAL DIAGNOSIS: infiltrating glioma favored\nSee comment.", "GLIOMA", "glioma", HEDGE,
                         True),
    "cannot-be-confirmed-on-sample": ("Glioma cannot be confirmed on this limited sample.", "GLIOMA", "Glioma",
                                      HEDGE, True),
    "cannot-be-established-in-fragments": ("Lymphoma cannot be established in these crushed fragments.",
                                           "CNS_LYMPHOMA", "Lymphoma", HEDGE, True),
    # ------------------------------------------------ a methylation class below the classifier's threshold
    "methylation-closest-class": ("Methylation profiling: no match (calibrated score 0.41); closest class diffuse "
                                  "midline glioma, below threshold.", "GLIOMA", "diffuse midline glioma", HEDGE,
                                  True),
    "methylation-best-match-score": ("Classifier v12.8: best match glioblastoma, RTK I (calibrated score 0.52).",
                                     "GLIOMA", "glioblastoma", HEDGE, True),
    "methylation-below-classifier-threshold": ("Methylation class pilocytic astrocytoma, below the classifier "
                                               "threshold.", "GLIOMA", "pilocytic astrocytoma", HEDGE, True),
    "methylation-subthreshold-match": ("Sub-threshold match to diffuse midline glioma (calibrated score 0.38).",
                                       "GLIOMA", "diffuse midline glioma", HEDGE, True),
    "methylation-low-confidence": ("Low-confidence match to astrocytoma, IDH-mutant (calibrated score 0.61).",
                                   "GLIOMA", "astrocytoma", HEDGE, True),
    "methylation-low-calibrated-score": ("Methylation class: glioblastoma, mesenchymal (calibrated score 0.44).",
                                         "GLIOMA", "glioblastoma", HEDGE, True),
    "methylation-no-match-caps": ("METHYLATION: NO MATCH; NEAREST CLASS EPENDYMOMA, PF-A.", "GLIOMA", "EPENDYMOMA",
                                  HEDGE, True),
    # ------------------------------------------------ already read uncertain (kept)
    "non-diagnostic-cannot-exclude": ("NON-DIAGNOSTIC; gliosis, cannot exclude sampling of a glioma.", "GLIOMA",
                                      "glioma", HEDGE, False),
    "consistent-not-diagnostic-of": ("Consistent with, though not diagnostic of, an infiltrating glioma.", "GLIOMA",
                                     "glioma", HEDGE, False),
    "is-favored-but": ("An infiltrating glioma is favored but cannot be confirmed on this material.", "GLIOMA",
                       "glioma", HEDGE, False),
    # ------------------------------------------------ near misses
    "near-diagnostic-of": ("Diagnostic of glioblastoma, IDH-wildtype, CNS WHO grade 4.", "GLIOMA", "glioblastoma",
                           NONE, False),
    "near-consistent-with": ("Consistent with a metastasis.", "BRAIN_METASTASIS", "metastasis", NONE, False),
    "near-favor-then-final": ("Favor glioma over gliosis; final diagnosis: diffuse astrocytoma, IDH-mutant.",
                              "GLIOMA", "diffuse astrocytoma", NONE, False),
    "near-methylation-match": ("Methylation class: glioblastoma, RTK II (calibrated score 0.97).", "GLIOMA",
                               "glioblastoma", NONE, False),
    "near-closest-class-high-score": ("Closest class: glioblastoma, RTK II (calibrated score 0.96).", "GLIOMA",
                                      "glioblastoma", NONE, False),
    "near-mgmt-below-threshold": ("Glioblastoma, IDH-wildtype, CNS WHO grade 4; MGMT promoter methylation below the "
                                  "threshold.", "GLIOMA", "Glioblastoma", NONE, False),
    "near-mgmt-low-score": ("Glioblastoma, IDH-wildtype. MGMT methylation score 0.12 (unmethylated).", "GLIOMA",
                            "Glioblastoma", NONE, False),
    "near-best-match-not-classifier": ("Best match for her symptoms is MS.", "MULTIPLE_SCLEROSIS", "MS", NONE, False),
    "near-top-class-no-classifier": ("The top class was glioblastoma.", "GLIOMA", "glioblastoma", NONE, False),
    "near-could-not-be-confirmed": ("Lymphoma could not be confirmed.", "CNS_LYMPHOMA", "Lymphoma", NEG, False),
    "near-without-evidence": ("Sections without evidence of glioma.", "GLIOMA", "glioma", NEG, False),
    "near-not-consistent": ("The smear is not consistent with lymphoma.", "CNS_LYMPHOMA", "lymphoma", NEG, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_pathology_hedges(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                          expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules
