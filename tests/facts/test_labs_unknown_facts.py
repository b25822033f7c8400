"""A test named with a value that is not known, not on file or not available ("Her last CD4 count is not known",
"No previous HIV viral load on file", "Hemoglobin A1c: not available", "Creatine kinase was never checked") is no
lab result (fact labs_documented; cue labs.value_unknown in facts/resources/cues.yaml), also where the name wraps
onto the next line ("Last CD4\n   count unknown").

Near misses keep their reading: a value written for the test with something else unknown ("CD4 count 58 (date
unknown)", "Ammonia 96, etiology unknown"), a value on file ("B12 on file: 188"), a status unknown and then a
result ("HIV status previously unknown; HIV Ag/Ab nonreactive today"), a read ("Lactate was not elevated").

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HIV = "HPI: 44-year-old man with advanced HIV off therapy, two weeks of headache and a right basal ganglia lesion.\n"
META = "HPI: 9-year-old boy with episodic ataxia, lethargy after meals and a T2-bright lesion in the globus pallidus.\n"
DIAB = "HPI: 67-year-old woman with type 2 diabetes, subacute left hemiparesis and an enhancing right parietal mass.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. the value is unknown or not known
    "last-cd4-not-known": (HIV + "His last CD4 count is not known.", N),
    "cd4-unknown-to-patient": (HIV + "Most recent CD4 unknown to the patient; he thinks it was low.", N),
    "b12-level-unknown-semicolon": (DIAB + "Vitamin B12 level unknown; she reports numbness of both feet.", N),
    "tsh-label-unknown": (DIAB + "TSH: unknown.", N),
    "prior-ammonia-unknown-family": (META + "Previous ammonia levels unknown to the family.", N),
    "viral-load-is-unknown": (HIV + "Viral load is unknown at this time.", N),
    "wrapped-last-cd4-unknown": (HIV + "Last CD4\n   count unknown\nPlan: MRI with contrast.", N),
    # 2. not on file, not on record
    "no-previous-viral-load-on-file": (HIV + "No previous HIV viral load on file at this clinic.", N),
    "ammonia-not-on-record": (META + "Serum ammonia not on record from the outside emergency department.", N),
    "no-recent-hba1c-on-file": (DIAB + "No recent HbA1c on file here.", N),
    "inr-not-in-chart": (DIAB + "INR not in our chart.", N),
    "lactate-none-on-file": (META + "Lactate - none on file.", N),
    # 3. not available, unavailable
    "hba1c-label-not-available": (DIAB + "Hemoglobin A1c: not available.", N),
    "viral-load-unavailable": (HIV + "Most recent viral load unavailable to us.", N),
    "cd4-not-available-outside": (HIV + "CD4 count from the outside hospital not available.", N),
    # 4. never checked, never measured
    "ck-label-never-checked": (META + "CK: never checked.", N),
    "tsh-never-measured": (DIAB + "TSH never measured.", N),
    "b12-has-never-been-checked": (DIAB + "Her B12 has never been checked.", N),
    "cd4-never-done": (HIV + "A CD4 count was never done.", N),
    # near misses: a result is written
    "near-cd4-value-date-unknown": (HIV + "CD4 count 58 (date unknown).", P),
    "near-ammonia-value-etiology-unknown": (META + "Ammonia 96, etiology unknown.", P),
    "near-b12-on-file-value": (DIAB + "B12 on file: 188.", P),
    "near-hiv-status-unknown-then-result": (HIV + "HIV status previously unknown; HIV test nonreactive today.", P),
    "near-lactate-not-elevated": (META + "Lactate was not elevated.", P),
    "near-viral-load-adherence-unknown": (HIV + "Viral load 41,000 copies/mL; adherence unknown.", P),
    "near-ck-value-peak-unknown": (META + "CK 2400 on admission, peak unknown.", P),
    "near-hba1c-value-prior-not-on-file": (DIAB + "HbA1c 7.9 today; earlier values not on file.", P),
    "near-tsh-normal-cause-unknown": (DIAB + "TSH normal; cause of the tremor unknown.", P),
    "near-cd4-unknown-viral-load-given": (HIV + "CD4 count unknown; viral load 40,000 copies/mL.", P),
    "near-wrapped-last-cd4-value": (HIV + "Last CD4\n   count 210\nPlan: MRI with contrast.", P),
    "near-sodium-value-duration-unknown": (DIAB + "Serum sodium 128, duration of hyponatremia unknown.", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_labs_unknown(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
