"""A treatment named as a planned option is not treatment given.

A treatment word in a plan or a list of options names what may be done, not what was done, and must not read as
past treatment (facts prior_resection, prior_radiation, prior_tumor_treatment), which would make an imaging-only
tumour known. Three wordings:

- alternatives with an aside between the first treatment and "vs"/"or": with "or" ("resection (if feasible) or
  LITT") cue `hyp.treatment_alternatives_past_aside` reads both sides as hypothetical (an aside with a year, or a
  done-word, is a past treatment's: not this cue's); with "vs" ("craniotomy (awake) vs stereotactic biopsy") cue
  `poss.versus_past_aside`, whose types now include treatments, reads them as weighed (uncertain), as poss.versus
  reads "craniotomy vs biopsy";
- a plan told with "plan" ("will plan resection", "plan for craniotomy", "planning re-resection"): cue
  `hyp.treatment_planned`, the treatment right after the plan word (only its qualifiers between);
- a list of options under a label with a dash or a verb after the people it was discussed with ("Options discussed
  with family - SRS, WBRT", "Treatment options reviewed with the patient include ..."): cue
  `hyp.treatment_options_label` (the colon forms are `hyp.treatment_options`').

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"hypothetical", "uncertain", "negated", "historical"}
H, U, HIST, NONE = {"hypothetical"}, {"uncertain"}, {"historical"}, set()
VS_ASIDE = "poss.versus_past_aside"
ASIDE, PLANNED, LABEL = ("hyp.treatment_alternatives_past_aside", "hyp.treatment_planned",
                         "hyp.treatment_options_label")

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # alternatives with an aside before "vs" / "or"
    ("aside vs, first side", "Craniotomy (awake) vs stereotactic biopsy first.", "PRIOR_RESECTION", "Craniotomy", U,
     VS_ASIDE),
    ("aside vs, second side", "Craniotomy (awake) vs stereotactic radiosurgery.", "PRIOR_RADIATION",
     "stereotactic radiosurgery", U, None),
    ("aside or, first side", "Resection (if feasible) or LITT.", "PRIOR_RESECTION", "Resection", H, ASIDE),
    ("aside or, second side", "Resection (if feasible) or LITT.", "PRIOR_RESECTION", "LITT", H, ASIDE),
    ("two-word aside, versus", "Gross total resection (awake, with mapping) versus biopsy alone.", "PRIOR_RESECTION",
     "Gross total resection", U, VS_ASIDE),
    ("debulking or SRS, first", "Debulking (if feasible) or SRS, per neurosurgery.", "PRIOR_RESECTION", "Debulking",
     H, ASIDE),
    ("debulking or SRS, second", "Debulking (if feasible) or SRS, per neurosurgery.", "PRIOR_RADIATION", "SRS", H,
     ASIDE),
    ("bracket aside", "Radiosurgery [Gamma Knife] or craniotomy - tumour board to decide.", "PRIOR_RADIATION",
     "Radiosurgery", H, ASIDE),
    ("bracket aside, second side", "Radiosurgery [Gamma Knife] or craniotomy - tumour board to decide.",
     "PRIOR_RESECTION", "craniotomy", H, ASIDE),
    ("v.s. abbreviation", "SRS (single fraction) v.s. WBRT for the new lesions.", "PRIOR_RADIATION", "SRS", U,
     VS_ASIDE),
    ("capitals", "RESECTION (AWAKE) OR SRS", "PRIOR_RESECTION", "RESECTION", H, ASIDE),
    ("vs. with a full stop", "Craniotomy (given the size) vs. laser ablation", "PRIOR_RESECTION",
     "Craniotomy", U, VS_ASIDE),
    # a plan told with "plan"
    ("will plan", "Will plan resection next month pending MRS.", "PRIOR_RESECTION", "resection", H, None),
    ("we will plan", "We will plan craniotomy after the MRS.", "PRIOR_RESECTION", "craniotomy", H, PLANNED),
    ("plan for", "Plan for resection in January.", "PRIOR_RESECTION", "resection", H, PLANNED),
    ("planning", "Planning resection after the spectroscopy.", "PRIOR_RESECTION", "resection", H, PLANNED),
    ("plans for, qualifiers", "Neurosurgery plans for a gross total resection once the MRS is back.",
     "PRIOR_RESECTION", "gross total resection", H, PLANNED),
    ("planning for re-", "Tumour board: planning for re-resection in the new year.", "PRIOR_RESECTION",
     "re-resection", H, PLANNED),
    ("will plan radiosurgery", "will plan SRS to the residual nodule", "PRIOR_RADIATION", "SRS", H, PLANNED),
    ("are planning", "We are planning radiotherapy (IMRT) after the biopsy.", "PRIOR_RADIATION", "radiotherapy", H,
     PLANNED),
    ("plan for, capitals", "PLAN FOR AWAKE CRANIOTOMY (LEFT) NEXT MONTH.", "PRIOR_RESECTION", "AWAKE CRANIOTOMY", H,
     PLANNED),
    # a list of options under a label
    ("options with family, dash", "Options discussed with family - SRS, WBRT or re-resection.", "PRIOR_RADIATION",
     "SRS", H, LABEL),
    ("options reviewed include", "Treatment options reviewed with the patient include radiosurgery and craniotomy.",
     "PRIOR_RADIATION", "radiosurgery", H, LABEL),
    ("options reviewed, double dash", "Options reviewed with her husband -- resection vs SRS.", "PRIOR_RESECTION",
     "resection", H | U, LABEL),
    ("alternatives offered, colon", "Alternatives offered: craniotomy or radiosurgery.", "PRIOR_RESECTION",
     "craniotomy", H, LABEL),
    ("options presented at board", "Options presented at tumour board: re-resection or lomustine.",
     "PRIOR_RESECTION", "re-resection", H, LABEL),
    ("choices with an em dash", "Choices discussed with the parents \u2014 debulking or radiotherapy.",
     "PRIOR_RESECTION", "debulking", H, LABEL),
    ("options discussed, colon", "Options discussed: Gamma Knife, observation, or open surgery.", "PRIOR_RADIATION",
     "Gamma Knife", H, None),
    ("surgical options, aside", "Surgical options: craniotomy (awake) vs stereotactic biopsy first.",
     "PRIOR_RESECTION", "craniotomy", H | U, None),
    # near misses: treatment given keeps its reading
    ("near: s/p with an aside", "s/p resection (GTR) 2024, now for MRS.", "PRIOR_RESECTION", "resection", HIST,
     None),
    ("near: resected with an aside", "Right frontal glioma resected (awake) in 2023.", "PRIOR_RESECTION",
     "resected", NONE, None),
    ("near: her resected glioma", "Her resected glioma is stable.", "PRIOR_RESECTION", "resected", NONE, None),
    ("near: resection cavity", "Resection cavity is clean.", "PRIOR_RESECTION", "Resection cavity", NONE, None),
    ("near: status post and now on", "Status post craniotomy and radiation, now on TMZ.", "PRIOR_CHEMOTHERAPY",
     "TMZ", NONE, None),
    ("near: status post", "Status post craniotomy and radiation, now on TMZ.", "PRIOR_RESECTION", "craniotomy", HIST,
     None),
    ("near: underwent", "Underwent Gamma Knife 03/2025.", "PRIOR_RADIATION", "Gamma Knife", NONE, None),
    ("near: proceed to stays hypothetical", "Proceed to resection 12/15", "PRIOR_RESECTION", "resection", H, None),
    ("near: a dated aside before or", "Craniotomy (2019) or so the family recall.", "PRIOR_RESECTION", "Craniotomy",
     NONE, None),
    ("near: a done-word in the aside", "Resection (performed elsewhere) or biopsy, records unclear.",
     "PRIOR_RESECTION", "Resection", NONE, None),
    ("near: options then given", "Options were discussed and she underwent resection in May.", "PRIOR_RESECTION",
     "resection", NONE, None),
    ("near: a planning scan, then radiation given", "Radiation planning MRI done; radiation delivered in 2024.",
     "PRIOR_RADIATION", "radiation", NONE, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_planned_treatment_options(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                   expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
