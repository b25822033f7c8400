"""A technical repeat needs a study that failed, and a request that repeats it because of that (technical_repeat).

Florida Blue's and Cohere's exclusions apply to re-imaging because an earlier study failed for technical reasons.
A technical-sounding phrase somewhere and a "repeat" somewhere else are not that: a spectroscopy sequence only not
run today, a follow-up re-scan timed in days or by a course of treatment (cue request.followup_plan), an artifact
whose sentence says the lesion itself is well seen or spared (cue technical.harmless), and a laboratory test or other
test repeated ("repeat lactate 12/03": cue request.repeat) read as no technical repeat. Near misses that must not
change: a non-diagnostic, stopped or aborted study asked for again, however the request is worded ("please repeat",
"repeat requested under sedation": cue request.asked_again; "the patient moved too much": target rule
img.technical_variants), and packets with no repeat at all.

Cues: pipeline/facts/resources/cues.yaml (request.repeat, request.asked_again, request.followup_plan,
technical.harmless), pipeline/nlp/resources/targets.yaml (img.technical_variants, img.technical_tolerance). Rows are
freshly written.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

ROWS = [
    # --- a sequence only not run today, then a follow-up repeat
    ("spectroscopy not acquired today, repeat MRI in ten days",
     "MRI brain 11/03/2026: contrast study completed. MR spectroscopy not acquired today.\n"
     "Plan: MRS with sedation and a repeat post-contrast MRI in ten days.\n", N),
    ("MRS not obtained at this time, repeat scan in seven days",
     "Report 11/05/2026: MRS was not obtained at this time. Repeat MRI in seven days; spectroscopy requested.\n", N),
    # --- a follow-up re-scan timed by treatment, beside an artifact that spares the target
    ("re-scan after the dexamethasone course, lesion itself well seen",
     "MRI brain 10/28/2026: Orthodontic-brace artefact degrades the orbits; the lesion itself is well seen.\n"
     "Plan: repeat MRI with MRS in about six weeks, after the dexamethasone course.\n", N),
    ("artifact spares the tumour, repeat MRI asked",
     "MRI brain 10/30/2026: susceptibility artefact from a shunt valve, sparing the left temporal tumour.\n"
     "Request: repeat MRI brain with spectroscopy.\n", N),
    ("artifact remote from the mass, repeat imaging",
     "MRI 10/22/2026: motion artifact in the posterior fossa, remote from the frontal mass.\n"
     "Plan: repeat MRI with MR spectroscopy.\n", N),
    ("near miss: mass clearly visualised despite dental artifact, rescan",
     "CT head 10/18/2026: streak artifact from dental fillings; the mass is clearly visualised.\n"
     "Plan: rescan with MRI and MRS.\n", N),
    ("near miss: re-scan after the second cycle",
     "Re-scan after the second cycle of temozolomide. MR spectroscopy requested for the right parietal lesion.\n", N),
    # --- a laboratory or other test repeated
    ("repeat lactate beside an artifact sentence",
     "MRI brain 11/01/2026: motion artefact on the diffusion images.\n"
     "Plan: repeat lactate 12/03 and MRI with MRS.\n", N),
    ("repeat labs and artifact on the CT",
     "MR spectroscopy requested for the thalamic lesion; repeat labs tomorrow, artifact on the CT noted.\n", N),
    ("near miss: repeat EEG, motion on the old MRI",
     "Prior MRI 09/12/2026 with some motion artifact. Repeat EEG ordered. MRI with MRS requested.\n", N),
    ("near miss: repeat serum ammonia, artefact",
     "Assessment: dental artefact on the prior CT. Plan: repeat serum ammonia and request MR spectroscopy.\n", N),
    # --- failed studies asked for again, in wordings that were missed
    ("near miss: MRS non-diagnostic for motion, repeat under anaesthesia",
     "MR spectroscopy 10/20/2026 non-diagnostic because of motion; repeat under general anaesthesia is "
     "requested.\n", P),
    ("spectroscopy ended early, could not lie still, ask for a repeat",
     "The earlier spectroscopy ended early - he could not lie still; we ask for a repeat with sedation.\n", P),
    ("spectroscopy not done, moved too much, please repeat",
     "MR spectroscopy not performed: the child moved too much. Please repeat.\n", P),
    ("spectroscopy not acquired today because the patient kept moving",
     "Spectroscopy not acquired today as the patient kept moving. Repeat requested with oral sedation.\n", P),
    ("aborted scan, re-attempt under sedation requested",
     "MRI with MRS 10/25/2026 was aborted for claustrophobia. Re-attempt under sedation requested.\n", P),
    ("near miss: motion-degraded MRI, repeat MRI with MRS because of it",
     "A repeat MRI with MRS is requested because the 10/15/2026 MRI was degraded by motion.\n", P),
    ("technically inadequate MRS, needs to be redone",
     "MRS 10/11/2026 technically inadequate (poor shim); the spectroscopy needs to be redone.\n", P),
    # --- near misses: failed studies asked for again (stay present)
    ("near miss: MRS incomplete after failed sedation, repeat MRS requested",
     "MRS 10/07/2026 incomplete - sedation failed. Repeat MRS under general anaesthesia requested.\n", P),
    ("near miss: motion-limited MRI, repeat MRI with MRS requested",
     "MRI brain 10/03/2026 technically limited by patient motion. Repeat MRI with MRS requested.\n", P),
    ("near miss: prior spectroscopy halted, we request a repeat",
     "Her previous spectroscopy was halted early because she could not stay still; we request a repeat under "
     "sedation.\n", P),
    # --- near misses: no repeat at all
    ("near miss: artifact, first MRS requested",
     "MRI brain 10/09/2026: motion artefact limits the study. MR spectroscopy requested for the cingulate "
     "lesion.\n", N),
    ("near miss: no repeat, no failure",
     "MRI brain 10/02/2026 shows a ring-enhancing lesion. MR spectroscopy requested to characterise it.\n", N),
    ("near miss: follow-up repeat only",
     "MRI 09/30/2026 unremarkable apart from a small meningioma. Repeat MRI in 6 months to monitor.\n", N),
]


@pytest.mark.parametrize(("case", "text", "status"), ROWS, ids=[c[0] for c in ROWS])
def test_technical_repeat_needs_a_failure(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"technical_repeat": status})
