"""A disease or organism that only names a treatment, a test, a monitoring protocol, a team or a work-up is not the
patient's affirmed diagnosis: the facts.

The NLP readings are tabled in tests/nlp/test_disease_naming_treatment_or_test.py. A treatment under way named by
the agent ("day 11 of anti-cryptococcal induction", "week 5 of toxo therapy", "nocardia coverage") shows at most a
suspicion (context.yaml poss.treatment_named_by_agent); an evaluation named by the infection is a question
(poss.infection_evaluation); a negative test named by the disease answers it (neg.negative_test_named); a
monitoring protocol, "NCC" as the neurocritical care team and "METs" as metabolic equivalents name no disease
(targets.yaml look.infection_monitoring_protocol, look.ncc_neurocritical_care, look.metabolic_equivalents).
Serum antibodies (exposure), tests named without a result and a negative test of toxoplasma, JC virus or
cryptococcus keep their existing readings (look.seropositive, look.test_analyte, inf.agent_test_result_*).
Near misses keep their reading: a confirmed infection under treatment, a confirmation elsewhere in the packet (a
fact takes its best counted mention), a negated treatment, a completed treatment's fixed name, "Neurocysticercosis
(NCC)", "consistent with NCC", "brain mets s/p SRS", "3 mets". Two near misses of the brief read no fact today
and keep it ("CSF PCR positive for HSV-1", "AFB seen; on TB therapy": "HSV-1" and "TB" alone are no target).
Limits: only the agents' own words hedge a treatment ("TB therapy", "histo", "cocci" are no targets); a treatment
told after a negation anywhere earlier in its sentence keeps today's reading; "neg" before the disease is another
cue's; a negative toxoplasma or cryptococcal test without a result mark after it stays a test (no fact).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INF, MET = "brain_infection", "brain_metastasis"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ---------------------------------------------------------------- a treatment named by the disease: suspected
    "day n of anti-fungal induction": ("Day 11 of anti-cryptococcal induction; tolerating it, creatinine stable.\n",
                                       {INF: S}),
    "week n of toxo therapy": ("Now in week 5 of toxo therapy, appetite improving.\n", {INF: S}),
    "continue the histoplasmosis regimen": ("Plan: continue the histoplasmosis regimen, recheck LFTs Friday.\n",
                                            {INF: S}),
    "ART after crypto treatment": ("ART to begin after three weeks of crypto treatment.\n", {INF: S}),
    "nocardia coverage, no empiric word": ("Nocardia coverage switched to oral TMP-SMX on 04/02.\n", {INF: S}),
    "empiric nocardia coverage started": ("Empiric nocardia coverage started 03/14 (TMP-SMX).\n", {INF: S}),
    "toxo therapy day": ("Toxoplasma therapy day 8, no rash.\n", {INF: S}),
    "cryptococcal consolidation": ("Cryptococcal consolidation with fluconazole 400 mg daily.\n", {INF: S}),
    # ---------------------------------------------------------------- tests: negative answers, pending asks
    "antigen negative, label first": ("Cryptococcal antigen (serum): negative.\n", {INF: A}),
    "JC PCR not detected": ("CSF JC virus PCR: not detected.\n", {INF: A}),
    "negative cocci serology": ("Negative coccidioidomycosis serology last month.\n", {INF: A}),
    "negative nocardia PCR": ("Negative nocardia PCR on the BAL.\n", {INF: A}),
    "urine antigen pending": ("Histoplasmosis urine antigen pending.\n", {INF: N}),
    # ---------------------------------------------------------------- serum antibody: exposure, no fact
    "toxocara IgG positive": ("Toxocara IgG positive.\n", {INF: N}),
    "JCV antibody index positive": ("JCV antibody index 2.6 (positive) on the last draw.\n", {INF: N}),
    "donor toxo IgG+": ("Donor Toxoplasma IgG+, recipient negative; on prophylaxis.\n", {INF: N}),
    "strongyloides IgG reactive": ("Strongyloides IgG reactive before steroids; ivermectin given.\n", {INF: N}),
    # ---------------------------------------------------------------- protocols, evaluations and teams
    "MRI under a PML screening protocol": ("MRI brain (natalizumab PML-screening protocol) 02/2026.\n", {INF: N}),
    "PML monitoring interval": ("PML monitoring every 6 months while on natalizumab.\n", {INF: N}),
    "infusion held pending PML evaluation": ("Infusion held pending PML evaluation.\n", {INF: S}),
    "neuro-ID team following": ("Neuro-ID team following; appreciate recs.\n", {INF: N}),
    "transplant ID consult": ("Transplant ID consulted for peri-operative prophylaxis.\n", {INF: N}),
    # ---------------------------------------------------------------- abbreviation collisions
    "NCC fellow signs": ("Seen and examined with the NCC fellow.\n", {INF: N}),
    "paged the NCC attending": ("Paged the NCC attending re: BP goals overnight.\n", {INF: N}),
    "discussed with NCC": ("Discussed with NCC, who will accept in transfer.\n", {INF: N}),
    "METs exercise tolerance": ("Functional capacity: 4 METs, climbs one flight.\n", {MET: N}),
    "METs tilde": ("Exercise tolerance METs ~5, no angina.\n", {MET: N}),
    # ---------------------------------------------------------------- near misses
    "near: crypto meningitis culture positive": ("Cryptococcal meningitis, CSF culture positive; day 5 of "
                                                "induction.\n", {INF: P}),
    "near: HSV PCR positive (no HSV target today)": ("CSF PCR positive for HSV-1.\n", {INF: N}),
    "near: biopsy AFB, on TB therapy (no TB target today)": ("Brain biopsy: caseating granulomas, AFB seen; on TB "
                                                            "therapy.\n", {INF: N}),
    "near: toxo PCR positive, on therapy": ("CSF toxoplasma PCR positive; day 3 of toxo therapy.\n", {INF: P}),
    "near: culture-proven nocardiosis": ("Nocardiosis, culture-proven from the aspirate; nocardia therapy week 2.\n",
                                         {INF: P}),
    "near: NCC with calcified cysts": ("Neurocysticercosis (NCC) with three calcified cysts.\n", {INF: P}),
    "near: brain mets s/p SRS": ("Brain mets s/p SRS to two lesions.\n", {MET: P}),
    "near: completed toxo treatment": ("Completed 6 weeks of toxoplasmosis treatment in 2018.\n", {INF: N}),
    "near: no toxo therapy given": ("No toxo therapy given.\n", {INF: A}),
    "near: NCC on albendazole": ("k/c/o NCC on albendazole.\n", {INF: P}),
    "near: consistent with NCC": ("Ring lesion with a scolex, consistent with NCC.\n", {INF: P}),
    "near: three mets": ("3 mets, the largest 9 mm in the left cerebellum.\n", {MET: P}),
    "near: confirmed diagnosis elsewhere": ("Week 2 of TB therapy.\nCSF: AFB culture grew M. tuberculosis; "
                                            "tuberculous meningitis.\n", {INF: P}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_disease_naming_treatment_or_test_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
