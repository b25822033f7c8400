"""The symptom episode that led to the prior study is history, not a symptom since it: a one-liner or a dated
episode whose symptom is dated at or before a brain study told after it ("58M with new aphasia on 10/03/2026 (MRI
10/04: ...)", "admitted 09/12 for worsening headache; MRI 09/13 ...", "Index event: new-onset seizure 09/30/2026;
MRS 10/02/2026 equivocal"), with the current visit stating no new symptoms or stability, leaves
new_or_worsening_symptoms absent. A symptom dated after the latest prior study, worsening "since the MRI", an
undated new symptom today, or a dated episode with no study after it and no statement of stability stays present.

Extends tests/facts/test_presenting_symptom_history.py. Rows are freshly written.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES = [
    ("one-liner: toddler, episode month then MRI",
     "3-year-old with an acute febrile-triggered ataxia in 08/2026, thalamic lesions on MRI 08/25/2026.\n"
     "Today: no new symptoms since the August admission.\n", A),
    ("one-liner: age-sex with dated aphasia, MRI in parentheses",
     "64F with new dysarthria on 10/06/2026 (MRI 10/07: left frontal enhancing lesion).\n"
     "Interval: stable since discharge.\n", A),
    ("developed ..., which prompted the MRI",
     "He developed a new right hemiparesis in late September, which prompted the MRI of 09/29/2026.\n"
     "Clinic today: denies new or worsening symptoms.\n", A),
    ("index event label, MRS after it",
     "Index event: new-onset seizure 10/01/2026; MRS 10/04/2026 equivocal.\n"
     "Today no new symptoms since the October admission.\n", A),
    ("admitted for worsening, MRI the next day",
     "Admitted 09/14 for worsening headache; MRI 09/15 showed a ring-enhancing mass.\n"
     "Seen today, stable since discharge.\n", A),
    ("presenting event, then CT and MRI",
     "Presenting event: new left facial droop on 09/02/2026. CT head and MRI brain 09/03/2026 showed a lesion.\n"
     "Currently asymptomatic, no new symptoms since the September admission.\n", A),
    ("hospitalised for a first seizure, MRI the same day",
     "Hospitalized on 10/10/2026 for a first generalized seizure; brain MRI the same day showed a cortical mass.\n"
     "Today: no new or worsening symptoms.\n", A),
    ("episode sentence, study in the next sentence",
     "On 09/21/2026 she had new-onset diplopia. MRI brain 09/22/2026 revealed a pontine lesion.\n"
     "Since then stable, denies new symptoms.\n", A),
    ("worsening gait in a month, MRI later that month",
     "Progressive worsening gait in October 2026 led to an MRI on 10/20/2026 showing white matter disease.\n"
     "Today: stable since the MRI, no new symptoms.\n", A),
    ("ED visit with a new headache, MRI next day",
     "ED visit 10/11/2026 for new severe headache; MRI 10/12/2026 with a right temporal mass.\n"
     "Follow-up: no new symptoms since discharge.\n", A),
    ("lower-case dictation, admitted for new confusion",
     "pt admitted 09/05/2026 with new confusion, mri brain 09/06/2026 multiple lesions\n"
     "today denies new symptoms, stable since discharge\n", A),
    ("one-liner with weakness dated on the MRI day",
     "47M with new left leg weakness on 10/15/2026 and MRI 10/15/2026 showing a parasagittal mass.\n"
     "He reports no new symptoms since.\n", A),
    # near misses
    ("near miss: seizures after the MRI",
     "MRI 10/15/2026: stable. New seizures on 11/02/2026, after the MRI of 10/15.\n", P),
    ("near miss: worsening since the October MRI",
     "MRI 10/12/2026 stable. Worsening headaches since the October MRI.\n", P),
    ("near miss: undated new symptom today",
     "MRI 10/01/2026: stable. Today reports new word-finding difficulty.\n", P),
    ("near miss: dated episode, no study after it, no stability",
     "58M with new aphasia on 11/03/2026. MRI 10/01/2026 was stable.\n", P),
    ("near miss: one-liner without any stability statement",
     "2-year-old with an acute febrile-triggered ataxia in 09/2026, thalamic lesions on MRI 09/20/2026.\n", P),
    ("near miss: episode before the MRI, new symptom after it",
     "Admitted 09/12/2026 for worsening headache; MRI 09/13/2026 showed a mass. Now new right arm weakness since "
     "the MRI.\n", P),
    ("near miss: dated episode after the latest of two studies",
     "MRI 09/10/2026 showed a lesion. New aphasia on 10/20/2026; repeat MRI pending.\n"
     "Stable since discharge.\n", P),
    ("near miss: new seizure today after an old episode",
     "Index event: headache 09/01/2026; MRI 09/02/2026 mass. Today reports a new seizure this morning.\n", P),
    ("near miss: developed after the MRI",
     "MRI of 10/08/2026 showed a lesion. She developed a new left hemiparesis on 10/30/2026.\n", P),
    ("near miss: stable statement alone",
     "MRI 10/01/2026 stable. No new symptoms since the September admission.\n", A),
    ("near miss: one-liner episode, then worse since the study",
     "61F with new dizziness on 09/30/2026 (MRI 10/01: cerebellar lesion); dizziness worsening since the MRI.\n", P),
    ("near miss: the date is the earlier study's",
     "New word-finding difficulty since the September MRI; MRI 10/05/2026 stable.\nToday denies new symptoms.\n", P),
    ("near miss: the study after the episode is still to come",
     "New aphasia on 11/10/2026; MRI 12/01/2026 is scheduled.\nOtherwise stable since discharge.\n", P),
    ("near miss: the study after the episode is of the spine",
     "New leg weakness on 10/01/2026; MRI lumbar spine 10/02/2026 unremarkable.\nNo new symptoms since.\n", P),
    ("near miss: dated episode with a study but no stability statement",
     "He presented on 11/10/2026 with a first seizure. MRI 11/12/2026 showed a mass.\n", P),
]


@pytest.mark.parametrize(("case", "text", "status"), CASES, ids=[c[0] for c in CASES])
def test_new_or_worsening_symptoms(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"new_or_worsening_symptoms": status})
