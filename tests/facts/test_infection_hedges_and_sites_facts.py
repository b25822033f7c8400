"""An infection hedged, treated as possible, coded with a trailing hedge, at a body site, or sent for: the facts.

Class: brain_infection came out PRESENT where a careful reader says SUSPECTED (or nothing), in wordings the tumour
side already handled. The mention-level readings are tabled in tests/nlp/test_infection_hedges_and_sites.py.

1. A read's leading diagnosis is suspected for an infection as for a tumour ("most likely a pyogenic abscess",
   "best fits neurocysticercosis", "most compatible with toxoplasmosis": context.yaml poss.leading_read, now also
   for BRAIN_INFECTION).
2. An infection named as what a treatment is expected to answer or as the object of a treatment still to start is
   treated as possible, not proven: "we would have expected a clearer response for toxoplasmosis by now"
   (poss.expected_response), "toxo treatment to begin at the receiving facility" (poss.treatment_to_start),
   "Plan: start toxo therapy" (poss.treatment_start_planned).
3. A code line's trailing hedge reaches the whole code description: "G06.0 Intracranial abscess and granuloma
   (r/o)" (scope.reach_back `coded_stops`: a conjunction inside the description no longer stops it),
   "B58.2 Toxoplasma encephalitis - r/o" (poss.coded_rule_out_after, a dash or comma before "r/o" at the line's end).
4. An abscess at a named body site outside the brain is no brain infection: "tooth #30 abscess" (targets.yaml
   look.extracranial_finding, a tooth number), "right thigh abscess", "abscess of the left thigh", "forearm
   abscess", "submandibular abscess" (extracranial_site now names limbs, jaw and gums).
5. An organism named only as what a culture is sent or held for is no infection: "send for Nocardia and fungal
   culture", "hold for Nocardia" (targets.yaml look.culture_sent_for).

Near misses keep their reading: a culture-proven or PCR-confirmed infection, "cultures grew Nocardia", a treated
calcified neurocysticercosis, a plain "consistent with" read, a pathology read, a code line without a hedge or whose parenthesis names another diagnosis, a
spinal epidural abscess (not documented, as before), an intracranial epidural abscess. A treatment under way
without the empiric word ("On toxo treatment") is a suspicion since context.yaml poss.treatment_named_by_agent.

Limits: "We favor X" (a person's "favor") stays read as a treatment preference and hedges no diagnosis (tumours
alike); an abscess whose site follows after a comma ("Abscess, right axilla") or an "injection site abscess" stays
a brain infection; a response expected "if this were toxoplasmosis" is a condition read by other rules.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INF = "brain_infection"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ---------------------------------------------------------------- 1. the read's leading diagnosis
    "lead-most-likely-abscess": ("MRI brain: ring-enhancing cerebellar lesion, most likely a pyogenic abscess.\n",
                                 {INF: S}),
    "lead-best-fits-ncc": ("Several small cystic foci; the pattern best fits neurocysticercosis.\n", {INF: S}),
    "lead-most-compatible-toxo": ("Multiple basal ganglia lesions, most compatible with toxoplasmosis.\n", {INF: S}),
    "lead-most-consistent-tuberculomas": ("Conglomerate enhancing nodules most consistent with tuberculomas.\n",
                                          {INF: S}),
    "lead-most-likely-represents": ("This most likely represents early cerebritis.\n", {INF: S}),
    "lead-presumed-tuberculoma": ("Presumed tuberculoma of the left frontal lobe.\n", {INF: S}),
    "lead-favor-fungal": ("Favor fungal abscess over necrotic metastasis.\n", {INF: S}),
    # ---------------------------------------------------------------- 2. treated as possible
    "tx-expected-response": ("We would have expected a clearer radiographic response for toxoplasmosis by now.\n",
                             {INF: S}),
    "tx-expect-improvement-of": ("One would expect some improvement of a toxoplasmosis after 3 weeks.\n", {INF: S}),
    "tx-to-begin": ("Toxo treatment to begin on arrival at the accepting facility.\n", {INF: S}),
    "tx-to-be-started": ("Cryptococcal induction therapy to be started tonight.\n", {INF: S}),
    "tx-plan-start": ("Plan: start toxo therapy once the transfer is accepted.\n", {INF: S}),
    "tx-empiric-anti-tb": ("Started empiric anti-TB therapy on 11/02.\n", {INF: S}),
    "tx-empiric-for-toxo": ("Remains on empiric treatment for toxo.\n", {INF: S}),
    # ---------------------------------------------------------------- 3. a code line's trailing hedge
    "code-and-ro": ("Dx: G06.0 Intracranial abscess and granuloma (r/o)\n", {INF: S}),
    "code-and-ro-brackets": ("G06.0 Intracranial abscess and granuloma [rule out]\n", {INF: S}),
    "code-dash-ro": ("B58.2 Toxoplasma encephalitis - r/o\n", {INF: S}),
    "code-comma-rule-out": ("B69.0 Cysticercosis of central nervous system, rule out\n", {INF: S}),
    "code-suspected": ("A17.81 Tuberculoma of brain (suspected)\n", {INF: S}),
    # ---------------------------------------------------------------- 4. a named site outside the brain
    "site-tooth-number": ("Tooth #30 abscess, seen by dental on 11/03.\n", {INF: N}),
    "site-thigh": ("Right thigh abscess, I&D in the ED.\n", {INF: N}),
    "site-of-the-thigh": ("Abscess of the left thigh, on doxycycline.\n", {INF: N}),
    "site-forearm": ("Forearm abscess from an old injection.\n", {INF: N}),
    "site-submandibular": ("Submandibular abscess drained in 2024.\n", {INF: N}),
    "site-periodontal": ("Periodontal abscess, to see the dentist.\n", {INF: N}),
    "site-perianal": ("Perianal abscess s/p I&D 2021.\n", {INF: N}),
    "site-liver": ("Liver abscess on CT abdomen, on metronidazole.\n", {INF: N}),
    # ---------------------------------------------------------------- 5. sent or held for
    "culture-send-for": ("Send for Nocardia and fungal culture.\n", {INF: N}),
    "culture-hold-for": ("Aspirate cultures: aerobic, anaerobic, fungal, AFB; hold for Nocardia.\n", {INF: N}),
    "culture-hold-the-cultures": ("Please hold the cultures for Nocardia (extended incubation).\n", {INF: N}),
    "culture-list-sent": ("Cultures (bacterial, fungal, AFB, hold for Nocardia) sent.\n", {INF: N}),
    # ---------------------------------------------------------------- near misses
    "near-culture-proven": ("Culture-proven Streptococcus intermedius brain abscess.\n", {INF: P}),
    "near-cultures-grew": ("Abscess drained 10/12, cultures grew Nocardia.\n", {INF: P}),
    "near-ncc-treated": ("Neurocysticercosis, calcified, treated 2019.\n", {INF: P}),
    "near-toxo-pcr": ("Toxoplasma encephalitis confirmed by PCR.\n", {INF: P}),
    "near-plain-consistent": ("Ring-enhancing lesion consistent with a pyogenic abscess.\n", {INF: P}),
    "near-pathology-most-consistent": ("Aspirate pathology most consistent with fungal abscess.\n", {INF: P}),
    # (a treatment under way named by the agent is a suspicion since context.yaml poss.treatment_named_by_agent:
    # tests/facts/test_disease_naming_treatment_or_test_facts.py)
    "on-toxo-treatment": ("On toxo treatment, lesion smaller.\n", {INF: S}),
    "near-nocardia-culture-positive": ("Nocardia culture positive from the brain aspirate.\n", {INF: P}),
    "near-code-no-hedge": ("G06.0 Intracranial abscess and granuloma\n", {INF: P}),
    "near-code-ro-other": ("G06.0 Intracranial abscess (r/o glioma)\n", {INF: P}),
    "near-spinal-epidural": ("Thoracic epidural abscess, s/p laminectomy.\n", {INF: N}),
    "near-intracranial-epidural": ("Intracranial epidural abscess after craniotomy.\n", {INF: P}),
    "near-response-read": ("Clear response to toxo therapy, consistent with toxoplasmosis.\n", {INF: P}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_infection_hedges_and_sites_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
