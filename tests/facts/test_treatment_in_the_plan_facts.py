"""A treatment only referred to, tied to a later event, named as a request's purpose or set out in a plan is not given.

Class: radiation or chemotherapy still to come was read as given (prior_radiation / prior_chemotherapy /
prior_tumor_treatment present), which makes "recurrent/residual tumour after treatment" and treatment-response nodes
met for an untreated tumour. Wordings that the earlier round (hyp.treatment_preference*, hyp.treatment_needed_*,
hyp.treatment_followup_after, tests/facts/test_treatment_not_yet_given_facts.py) did not reach: a referral with a
place's proper name between the verb and the treatment ("Referred to Harbourview Gamma Knife"), a later event tied to
the treatment's end or a matter put off until it ("Cortisol to be rechecked once radiation is complete", "Optune to
be discussed after radiotherapy", "medical oncology to follow for temozolomide"), the treatment as a request's
purpose in reported speech ('caller states "this is for the Gamma Knife"', "they want the scan before they start the
radiation"), and a numbered or bulleted PLAN / RECOMMENDATIONS item that sets out a regimen ("1. RT 59.4 Gy / 33 fx
with concurrent TMZ ...; simulation 11/24; start 12/07", "1. Standard chemoradiotherapy with temozolomide, followed by adjuvant temozolomide").
Request date 11/20/2026 (the fixture's tail).

Rules:
- pipeline/nlp/resources/context.yaml: `hyp.treatment_referred_to_named` (refer/referral [sent/faxed ...] to, then
  only capitalised name words before the treatment: `needs_between`); `hyp.treatment_followup_once` ("once / when /
  until" the treatment, a follow-up to come before it) and hyp.treatment_followup_after's follow-up words now with
  "to be discussed / considered / decided ..." (`&followup_to_come`); `hyp.treatment_to_be_discussed` (a short
  clause "Optune to be discussed"); `hyp.treatment_team_to_follow` ("to follow / will follow for" a treatment);
  `hyp.treatment_request_purpose` ("it is for the Gamma Knife", "before they start the radiation");
- pipeline/nlp/resources/cues.yaml + pipeline/nlp/extract.py: `hyp.plan_regimen` (with hyp.plan_regimen_item and
  hyp.plan_regimen_given): a radiation or chemotherapy on a list item of an assessment_plan section that sets out a
  regimen (dose, fractions, concurrent, adjuvant, standard, then, start, simulation) and tells nothing given or under
  way anywhere on its line (s/p, completed, continue, "on TMZ", cycle n, C2D1, recurrent, after, a year).

Near misses keep their reading: "s/p SRS 02/2025", "Completed RT 60 Gy/30 fx with concurrent TMZ in 2024", "On
adjuvant TMZ, cycle 4 day 1 today", "Plan: continue TMZ cycle 6", a numbered plan item that continues, is on, is
told completed or s/p, or is a recurrence after chemoradiation, "Post-radiation changes" (treatment_effect), "After
Gamma Knife in 2020 the tumour grew", "Received proton therapy at Northgate Proton Institute in 2018", a referral
after a treatment or told past ("Previously referred to ..., treated 2021"), a team that continues to follow or
follows a drug's toxicity, "Prior radiation history to be discussed", "once radiation was completed", "this is for
the Gamma Knife follow-up", "before they started the radiation in 2023", and a numbered history item.

Limits: the plan rule reads only the item's own line (a wrapped item's second line is not read) and only under a
PLAN / RECOMMENDATIONS header the sections find; any given-word anywhere on the line keeps every treatment on it
given ("1. s/p resection; start RT 60 Gy 12/01" keeps the RT); an item with no regimen word ("1. Gamma Knife") keeps
its reading; "after" on the item keeps it too ("1. Adjuvant TMZ after RT" stays given). A referral names a place only
when its words are capitalised ("referred to bayside gamma knife" in lower case is not read). Reported speech is read
only as "it / this / the scan is for" or "before they start / begin" the treatment; "they want it before they treat
him" names no treatment.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
VS = ("MRI brain 11/10/2026: 1.8 cm enhancing right cerebellopontine angle mass, consistent with a vestibular "
      "schwannoma.\n")
GBM = ("MRI brain 11/09/2026: 4.2 cm ring-enhancing right temporal mass. Stereotactic biopsy 11/12/2026: "
       "glioblastoma, IDH-wildtype.\n")
METS = "MRI brain 11/11/2026: two enhancing lesions, consistent with brain metastases.\n"

NO_RT = {"prior_radiation": N, "prior_tumor_treatment": N}
NO_CHEMO = {"prior_chemotherapy": N, "prior_tumor_treatment": N}
NO_CRT = {"prior_radiation": N, "prior_chemotherapy": N, "prior_tumor_treatment": N}
RT = {"prior_radiation": P, "prior_tumor_treatment": P}
CHEMO = {"prior_chemotherapy": P, "prior_tumor_treatment": P}
CRT = {"prior_radiation": P, "prior_chemotherapy": P, "prior_tumor_treatment": P}

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------------------ referred, a proper name between
    "referred to a named Gamma Knife": (VS + "Referred to Harbourview Gamma Knife.\n", NO_RT),
    "referral sent to a named centre for protons": (
        GBM + "Referral sent to Northgate Proton Institute for proton beam therapy.\n", NO_RT),
    "referred to a saint's CyberKnife program": (VS + "Referred to St. Brigid's CyberKnife program.\n", NO_RT),
    "referral faxed to a named radiosurgery": (
        METS + "Referral faxed to Pinecrest Radiosurgery today.\n", NO_RT),
    "referral sent to a Mount CyberKnife": (VS + "Referral sent to Mount Carmel CyberKnife.\n", NO_RT),
    # ------------------------------------------------------------ a later event tied to the treatment
    "candidacy to be revisited after SRS": (
        VS + "Cochlear implant candidacy to be revisited after radiosurgery.\n", NO_RT),
    "labs repeated once radiation is complete": (
        VS + "Cortisol and TSH to be rechecked once radiation is complete.\n", NO_RT),
    "TTFields to be discussed after RT": (GBM + "Optune to be discussed after radiotherapy.\n", NO_RT),
    "neuro-oncology to follow for TMZ": (GBM + "Medical oncology to follow for temozolomide.\n", NO_CHEMO),
    "to be readdressed when radiotherapy finishes": (
        GBM + "Driving to be readdressed when radiotherapy finishes.\n", NO_RT),
    "to be decided once chemoradiation is finished": (
        GBM + "Trial enrolment to be decided once chemoradiation is finished.\n", NO_RT),
    "team will follow for adjuvant TMZ": (GBM + "Neuro-oncology will follow for adjuvant TMZ.\n", NO_CHEMO),
    # ------------------------------------------------------------ the treatment as the request's purpose
    "caller: it is for the Gamma Knife": (
        VS + 'Phone note: caller states "this is for the Gamma Knife, they need it before they treat her".\n',
        NO_RT),
    "the radiation team needs this before treatment": (
        METS + "Per the office, the radiosurgery team needs this before treatment.\n", NO_RT),
    "wife: it's for the radiation": (
        GBM + "Wife says \"it's for the radiation, they need it first\".\n", NO_RT),
    "wants it before they start radiation": (
        GBM + "Daughter reports they want the scan before they start the radiation.\n", NO_RT),
    # ------------------------------------------------------------ a numbered plan with a regimen to come
    "plan item: RT with concurrent TMZ, simulation, start": (
        GBM + "PLAN:\n1. RT 59.4 Gy / 33 fx with concurrent TMZ 75 mg/m2 daily; simulation 11/24; start 12/07\n"
        "2. Dexamethasone taper\n", NO_CRT),
    "recommendation item: standard chemoradiation": (
        GBM + "RECOMMENDATIONS:\n1. Standard chemoradiotherapy with temozolomide, followed by adjuvant temozolomide x 6 cycles\n"
        "2. MR spectroscopy of the right temporal lesion\n", NO_CRT),
    "plan item: hypofractionated RT with temozolomide": (
        GBM + "Plan:\n1) Hypofractionated RT 40 Gy in 15 fractions with temozolomide\n2) Follow up in 4 weeks\n",
        NO_CRT),
    "bulleted plan item: WBRT with a start": (METS + "Plan:\n- WBRT 30 Gy in 10 fractions, start 12/03\n", NO_RT),
    # ------------------------------------------------------------ near misses keep their reading
    "near: s/p SRS dated": (VS + "s/p SRS 02/2025\n", RT),
    "near: completed chemoradiation in a year": (
        GBM + "Completed RT 60 Gy/30 fx with concurrent TMZ in 2024.\n", CRT),
    "near: on adjuvant TMZ, cycle today": (GBM + "On adjuvant TMZ, cycle 4 day 1 today.\n", CHEMO),
    "near: plan continue TMZ cycle": (GBM + "Plan: continue TMZ cycle 6.\n", CHEMO),
    "near: numbered plan, continue TMZ": (
        GBM + "PLAN:\n1. Continue temozolomide, cycle 3 due 12/01\n2. MR spectroscopy\n", CHEMO),
    "near: post-radiation changes": (GBM + "Post-radiation changes in the right temporal lobe.\n",
                                     {"treatment_effect": P}),
    "near: after Gamma Knife the tumour grew": (VS + "After Gamma Knife in 2020 the tumour grew.\n", RT),
    "near: received protons at a named centre": (
        GBM + "Received proton therapy at Northgate Proton Institute in 2018.\n", CRT | {"prior_chemotherapy": N}),
    "near: referred back after SRS": (VS + "Referred to Harbourview after Gamma Knife in 2022 for growth.\n", RT),
    "near: plan item told completed": (
        GBM + "PLAN:\n1. RT 60 Gy / 30 fx with concurrent TMZ, completed 03/2025\n2. MR spectroscopy\n", CRT),
    "near: plan item on adjuvant TMZ": (
        GBM + "PLAN:\n1. On adjuvant temozolomide 150 mg/m2, C2D1 today\n", CHEMO),
    "near: plan item s/p chemoradiation": (
        GBM + "PLAN:\n1. s/p RT 60 Gy with concurrent TMZ; MRS for progression vs necrosis\n", CRT),
    "near: plan item, recurrent after chemoradiation": (
        GBM + "Impression/Plan:\n1. Recurrent GBM after standard chemoradiation; MRS to assess\n", RT),
    "near: referral told in the past": (
        VS + "Previously referred to Harbourview Gamma Knife, treated 2021.\n", RT),
    "near: team continues to follow": (GBM + "Neuro-oncology continues to follow for temozolomide.\n", CHEMO),
    "near: to follow for toxicity": (GBM + "Oncology to follow for TMZ-related thrombocytopenia.\n", CHEMO),
    "near: radiation history to be discussed": (
        VS + "Prior radiation history to be discussed at tumour board.\n", RT),
    "near: repeated once radiation was completed": (
        GBM + "MRI was repeated once radiation was completed.\n", RT),
    "near: this is for the Gamma Knife follow-up": (
        VS + 'Caller states "this is for the Gamma Knife follow-up".\n', RT),
    "near: before they started radiation": (
        GBM + "Headaches began before they started the radiation in 2023.\n", RT),
    "near: numbered history item": (
        GBM + "HISTORY:\n1. RT 60 Gy / 30 fx with concurrent TMZ, completed 03/2025\n", CRT),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_treatment_in_the_plan(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
