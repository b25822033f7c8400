"""A diagnosis the note names as provisional is a suspicion: not established, not negated, not hypothetical.

1. A working, provisional or presumptive diagnosis is suspected, also under a "Working diagnosis:" heading with the
   diagnosis on the same line (context.yaml poss.leading, reaching the heading's own line through
   scope.list_items `title_rules`), "Working dx: ...", and one the note goes on to settle is settled ("working
   diagnosis was abscess, now excluded": scope.final_verdict `hedges`).
2. A treatment given while the diagnosis waits for its proof is current, and the diagnosis suspected: "on
   presumptive TB therapy pending cultures" (the cultures are what is pending: poss.pending_confirmation), "treating
   as toxoplasmosis until proven otherwise", "PCNSL is assumed until shown otherwise" (poss.until_disproven).
3. A read that "neither confirms nor excludes" a diagnosis leaves it suspected and the study inconclusive
   (poss.confirm_nor_exclude, poss.confirm_nor_exclude_after; targets.yaml img.inconclusive_confirm_nor_exclude,
   which claims the "confirms" inside it).
4. A device whose MR safety or MRI compatibility is unknown or not yet confirmed is in the patient with its clearance
   pending (an MRI contraindication), with or without a dash between them: targets.yaml mri_ci.clearance_topic (a
   clearance named as a topic, which clears only when its clause states it: cue safety.clearance_topic_stated), the
   hedge after it is the clearance's (scope.clearance_owner), an answer "unknown" after it is the clearance's
   (forms.yaml clearance_subjects).

Near misses keep their reading: a final or biopsy-confirmed diagnosis, "presumed resolved", a study that excludes or
confirms, a conditional plan to treat, a working diagnosis later excluded, "working group" and "presumably" in other
text, a clearance verified with the manufacturer, no devices, a safety screen.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INF, LYM, GLI, MET = "brain_infection", "cns_lymphoma", "glial_neoplasm", "brain_metastasis"
NEO, REC, INC = "brain_neoplasm", "recurrent_or_residual_tumor", "conventional_imaging_inconclusive"
CI = "mri_contraindication"

# id: (text, {fact: expected status})
CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ a working, provisional or presumed diagnosis
    "working-diagnosis-heading-inline": ("Working diagnosis: primary CNS lymphoma; biopsy booked.\n", {LYM: S}),
    "working-dx-colon": ("Working dx: low-grade glioma of the left insula.\n", {GLI: S}),
    "working-diagnosis-heading-list": ("Working diagnosis:\n1. Cerebral toxoplasmosis\n", {INF: S}),
    "provisional-dx-dash": ("Provisional dx - right frontal astrocytoma\n", {GLI: S}),
    "presumptive-diagnosis-of": ("Presumptive diagnosis of neurocysticercosis, on albendazole.\n", {INF: S}),
    "presumed-metastasis-no-tissue": ("Presumed metastasis from her melanoma (no tissue yet).\n", {MET: S}),
    # ------------------------------------------------ a treatment given while the proof is awaited
    "presumptive-tb-pending-cultures": ("Started presumptive TB therapy pending CSF cultures.\n", {INF: S}),
    "remains-on-presumptive-pending": ("Remains on presumptive TB therapy pending cultures; repeat LP next week.\n",
                                       {INF: S}),
    "meningitis-pending-culture-results": ("Tuberculous meningitis pending culture results; RIPE continues.\n",
                                           {INF: S}),
    "treating-as-until-proven": ("Treating as toxoplasmosis until proven otherwise.\n", {INF: S}),
    "treating-this-as-abscess": ("We are treating this as a pyogenic abscess until proven otherwise.\n", {INF: S}),
    "manage-as-unless-proven": ("Manage as CNS lymphoma unless proven otherwise; steroids withheld.\n", {LYM: S}),
    "lymphoma-until-shown-otherwise": ("PCNSL is assumed until shown otherwise.\n", {LYM: S}),
    # ------------------------------------------------ neither confirmed nor excluded: the study is inconclusive
    "neither-confirms-nor-excludes": ("MRI brain 10/02/2026: the study neither confirms nor excludes a tumour.\n",
                                      {NEO: S, INC: P}),
    "can-neither-confirm-nor-exclude": ("Brain MRI 09/30/2026 can neither confirm nor exclude recurrent "
                                        "glioblastoma.\n", {REC: S, INC: P}),
    "does-not-establish-or-rule-out": ("CT head 10/01/2026 does not establish or rule out a metastasis.\n",
                                       {MET: S, INC: P}),
    "neither-confirmed-nor-excluded": ("MRI brain 10/05/2026: an abscess is neither confirmed nor excluded.\n",
                                       {INF: S, INC: P}),
    "could-not-be-confirmed-or-excluded": ("MRI 10/05/2026: lymphoma could not be confirmed or excluded.\n",
                                           {LYM: S, INC: P}),
    "neither-proves-nor-disproves": ("MRI brain 10/04/2026 neither proves nor disproves metastatic disease.\n",
                                     {MET: S, INC: P}),
    # ------------------------------------------------ a device's clearance pending, with or without a dash
    "dbs-colon-query-not-verified": ("DBS: MR conditional? not yet verified\n", {CI: P}),
    "vns-dash-mr-safety": ("VNS - MR safety not yet confirmed\n", {CI: P}),
    "vns-mr-safety-no-dash": ("VNS MR safety not yet confirmed with the manufacturer\n", {CI: P}),
    "pacemaker-compatibility-unknown": ("pacemaker MRI compatibility: unknown, awaiting rep\n", {CI: P}),
    "cochlear-compatibility-to-confirm": ("Cochlear implant - MRI compatibility to be confirmed by audiology\n",
                                          {CI: P}),
    "shunt-mr-safety-unknown": ("Programmable shunt MR safety status unknown.\n", {CI: P}),
    # ------------------------------------------------ near misses
    "final-diagnosis-pathology": ("Final diagnosis: glioblastoma, IDH-wildtype (pathology 10/2026).\n", {GLI: P}),
    "diagnosis-confirmed-on-biopsy": ("Diagnosis: PCNSL, confirmed on stereotactic biopsy.\n", {LYM: P}),
    "presumed-resolved": ("Abscess presumed resolved on the follow-up scan.\n", {INF: A}),
    "mri-excludes": ("MRI brain 10/01/2026 excludes a tumour.\n", {NEO: A}),
    "mri-confirms-recurrence": ("MRI brain 10/01/2026 confirms recurrence of the glioblastoma.\n", {REC: P, INC: A}),
    "if-cultures-positive": ("If CSF cultures are positive, start TB therapy.\n", {INF: N}),
    "working-diagnosis-then-excluded": ("Working diagnosis was abscess, now excluded by aspiration.\n", {INF: A}),
    "working-heading-then-excluded": ("Working diagnosis: lymphoma, since excluded on biopsy.\n", {LYM: A}),
    "working-heading-negated-kept": ("Working diagnosis: glioblastoma, no abscess.\n", {GLI: S, INF: A}),
    "managed-as-outpatient": ("Managed as an outpatient; known glioblastoma on temozolomide.\n", {GLI: P}),
    "working-group": ("Presented at the neuro-oncology working group: glioblastoma, resected 10/2026.\n", {GLI: P}),
    "presumably-elsewhere": ("Presumably she missed a dose. Known glioblastoma on temozolomide.\n", {GLI: P}),
    "treated-with-not-as": ("Toxoplasmosis confirmed by PCR, treated with pyrimethamine.\n", {INF: P}),
    "vns-verified": ("VNS: MR conditional, verified with manufacturer 11/02\n", {CI: A}),
    "no-implanted-devices": ("No implanted devices.\n", {CI: A}),
    "safety-screen-heading": ("MRI SAFETY SCREEN\nPacemaker: no\nCochlear implant: no\n", {CI: A}),
    "safety-officer-cleared": ("MR safety officer reviewed: pacemaker MR conditional (SureScan), cleared.\n",
                               {CI: A}),
    "compatibility-confirmed": ("Pacemaker MRI compatibility confirmed by cardiology 11/01.\n", {CI: A}),
    "unknown-device-answer": ("Pacemaker: unknown\n", {CI: S}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_provisional_diagnoses(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)


def test_the_rule_ids_are_cited(fragment_facts: Any) -> None:
    """Evidence names the cue or the scope that read it."""
    facts = fragment_facts("Working diagnosis: primary CNS lymphoma.\n")
    [e] = facts.facts[LYM].evidence
    assert {"poss.leading", "scope.list_items"} <= set(e.modifier_rules)
    facts = fragment_facts("MRI brain 10/02/2026: neither confirms nor excludes a tumour.\n")
    assert "poss.confirm_nor_exclude" in facts.facts[NEO].evidence[0].modifier_rules
    facts = fragment_facts("VNS - MR safety not yet confirmed\n")
    assert any(e.attributes.get("cue") == "safety.clearance_unestablished_after" for e in facts.facts[CI].ignored)
