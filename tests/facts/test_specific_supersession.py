"""What a later statement supersedes, and what reopens or adds to the packet, read narrowly, through the real NLP stage.

1. Only a reported tissue or lab result supersedes: a sentence that lists tests sent, ordered or pending, or a
   branch of a plan on the MRS result, is no result (supersede.tissue_result); a test's analyte is not the disease
   (look.test_analyte).
2. A withdrawal names what it withdraws: of a family of diseases, a named one ends that disease only
   (supersede.subtyped), a generic one every disease of the family.
3. A remote, cured tumor is reopened only by something about a tumor (resolved_course: reopened_about_tumor).
4. A device word in a list of treatment options is not an implant (safety.device_option).

Rows are freshly written fragments in several styles (EHR export, dictation, terse fax form, letter). Rows marked
"near miss" must keep (or get) the reading a real result, a named device or a tumor question gives.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


# ------------------------------------------------------------------ 1. only a reported result supersedes
_MRI = ("MRI BRAIN W/WO 10/01/2026\nIMPRESSION: Indeterminate enhancing periventricular lesion, primary CNS lymphoma "
        "versus PML versus tumefactive demyelination.\n\n")
_OPEN = {"cns_lymphoma": S, "conventional_imaging_inconclusive": P}
RESULTS = [
    ("tests sent, an agent among the PCRs",
     _MRI + "LP 10/04: CSF sent for cytology, flow cytometry and viral PCRs (HSV, VZV, JC virus).\n",
     {**_OPEN, "brain_infection": S}),
    ("agent and another PCR sent (terse)",
     _MRI + "Cytology and flow pending. JC virus and HSV PCR also sent.\n", {**_OPEN, "brain_infection": S}),
    ("agents' PCRs sent (dictation)",
     _MRI + "We have sent CSF for cytology and HSV/JC virus PCRs.\n", {**_OPEN, "brain_infection": S}),
    ("antibody index with cytology awaited",
     _MRI + "Serum JCV antibody index drawn; awaiting CSF cytology.\n", {**_OPEN, "brain_infection": S}),
    ("a plan branch under a plan heading with biopsy words",
     _MRI + "Plan: MRS. Demyelinating profile -> plasma exchange, avoid biopsy; tumour-like -> stereotactic "
     "biopsy.\n", _OPEN),
    ("a treatment begun, CSF tests sent",
     _MRI + "Tumefactive demyelination treated with plasma exchange; CSF cytology and flow sent.\n", _OPEN),
    ("a working diagnosis, biopsy held (terse)",
     _MRI + "Demyelinating disease, treated with steroids, with biopsy held.\n", _OPEN),
    ("a heading diagnosis, then cytology sent",
     _MRI + "Tumefactive demyelination: steroids started, CSF sent for cytology and flow.\n", _OPEN),
    ("a repeat LP ordered in view of the diagnosis (letter)",
     _MRI + "A repeat LP for cytology and flow has been ordered in view of tumefactive demyelination.\n", _OPEN),
    ("the agent's test alone is no infection",
     "Assessment: enhancing lesion, lymphoma versus glioma.\nJC virus PCR sent. HSV PCR pending.\n",
     {"brain_infection": N, "cns_lymphoma": S}),
    ("the agent's negative result negates the infection",
     "Assessment: enhancing lesion, possible lymphoma.\nCSF: JCV negative.\n", {"brain_infection": A, "cns_lymphoma": S}),
    # near misses: a result that is reported
    ("near miss: pathology heads its result",
     _MRI + "Pathology: demyelinating lesion, no neoplasm.\n", {"cns_lymphoma": N, "demyelination": P}),
    ("near miss: cytology positive",
     _MRI + "CSF cytology positive for lymphoma cells.\n", {"cns_lymphoma": P}),
    ("near miss: the biopsy showed a tumor, and no demyelination",
     "MRI 10/01/2026: left frontal mass, glioblastoma versus tumefactive demyelination.\nStereotactic biopsy "
     "showed glioblastoma; no demyelination.\n", {"glial_neoplasm": P, "demyelination": A}),
    ("near miss: a biopsy result sentence with its date",
     _MRI + "Brain biopsy 10/20/2026 revealed a demyelinating process; negative for lymphoma.\n",
     {"cns_lymphoma": A, "conventional_imaging_inconclusive": A}),
    ("near miss: the agent's DNA found in CSF",
     "Assessment: lymphoma versus PML.\nCSF positive for JC virus DNA.\n", {"brain_infection": P}),
    ("near miss: the infection proven on CSF",
     "Assessment: lymphoma versus PML.\nCSF PCR returned positive; consistent with PML on cytology.\n",
     {"cns_lymphoma": N, "brain_infection": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), RESULTS, ids=[c[0] for c in RESULTS])
def test_only_a_reported_result_supersedes(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 2. a withdrawal names what it withdraws
WITHDRAWALS = [
    ("Krabbe withdrawn, MLD stays",
     "Assessment: suspected metachromatic leukodystrophy versus Krabbe disease.\nGenetics 10/12/2026: Krabbe "
     "disease not supported (GALC activity normal).\n", {"leukodystrophy": S}),
    ("cryptococcoma withdrawn, toxoplasmosis stays",
     "Impression: ring-enhancing lesions, possible toxoplasmosis or cryptococcoma.\nID second opinion: "
     "cryptococcoma is not supported; CrAg negative.\n", {"brain_infection": S}),
    ("PML no longer favoured, toxoplasmosis stays (British)",
     "Differential: cerebral toxoplasmosis v PML.\nNeuroradiology re-review: PML is no longer favoured.\n",
     {"brain_infection": S}),
    ("an abscess ruled out, encephalitis stays",
     "Concern for herpes encephalitis versus early cerebritis/abscess.\nThe abscess was subsequently ruled out.\n",
     {"brain_infection": S}),
    ("X-ALD does not meet criteria, Alexander stays",
     "Leukodystrophy panel sent for possible Alexander disease or X-ALD.\nSecond opinion: does not meet criteria "
     "for X-ALD (VLCFA normal).\n", {"leukodystrophy": S}),
    ("lymphoma unlikely after biopsy ends lymphoma only",
     "Assessment: possible lymphoma versus glioma.\nLymphoma unlikely after biopsy.\n",
     {"cns_lymphoma": A, "glial_neoplasm": S}),
    # near misses: a generic withdrawal ends the family; a named one ends itself
    ("near miss: no leukodystrophy ends every leukodystrophy",
     "Assessment: suspected MLD versus Krabbe disease.\nNeurogenetics re-evaluation: no leukodystrophy.\n",
     {"leukodystrophy": A}),
    ("near miss: MLD not supported ends MLD",
     "Assessment: suspected metachromatic leukodystrophy.\nGenetics: MLD not supported.\n", {"leukodystrophy": A}),
    ("near miss: no infection ends every infection",
     "Impression: possible toxoplasmosis versus cryptococcoma.\nID second opinion: no infection.\n",
     {"brain_infection": A}),
    ("near miss: tumor was ruled out ends every tumor",
     "Assessment: possible lymphoma versus glioma.\nBiopsy 10/10/2026: tumor was ruled out.\n",
     {"cns_lymphoma": N, "glial_neoplasm": N}),
    ("near miss: the same agent in other words",
     "Impression: possible cryptococcoma.\nSecond opinion: cryptococcal infection not supported.\n",
     {"brain_infection": A}),
]


@pytest.mark.parametrize(("case", "text", "expected"), WITHDRAWALS, ids=[c[0] for c in WITHDRAWALS])
def test_a_withdrawal_ends_what_it_names(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 3. only a tumor question reopens a remote tumor
_REMOTE = "Request date: 11/20/2026\nPMH: cerebellar pilocytic astrocytoma resected at age 7 (1998), cured.\n"
_OVER = {"brain_neoplasm": A, "known_brain_tumor": A}
_OPEN_AGAIN = {"brain_neoplasm": P, "known_brain_tumor": P}
REOPENED = [
    ("disc desiccation with interval progression", _REMOTE + "MRI C-spine 10/2026: disc desiccation at C5-6 with "
     "interval progression.\n", _OVER),
    ("white matter disease shows progression", _REMOTE + "Periventricular white matter disease shows mild "
     "progression since 2022.\n", _OVER),
    ("progression of neuropathy after a gait decline", _REMOTE + "Gait: progressive decline over the past year; "
     "progression of neuropathy.\n", _OVER),
    ("progression of atrophy", _REMOTE + "Progression of cerebral atrophy and white matter changes.\n", _OVER),
    ("remote postoperative changes, no recurrent tumor", _REMOTE + "MRI brain: remote postoperative changes of the "
     "posterior fossa, no recurrent tumor.\n", _OVER),
    ("expected post-surgical change of the bed", _REMOTE + "MRI 10/2026: expected post-surgical changes in the "
     "resection bed; otherwise normal.\n", _OVER),
    ("a relapse of MS", _REMOTE + "Neurology: MS relapse in 09/2026, treated with steroids; white matter plaques.\n",
     {"known_brain_tumor": A}),
    # near misses: something about a tumor
    ("near miss: new enhancement in the resection cavity", _REMOTE + "MRI brain: new enhancement in the resection "
     "cavity.\n", _OPEN_AGAIN),
    ("near miss: recurrence vs radiation necrosis", _REMOTE + "MRI brain: recurrence vs radiation necrosis.\n",
     _OPEN_AGAIN),
    ("near miss: interval growth of the residual tumor", _REMOTE + "MRI brain: interval growth of the residual "
     "tumor.\n", _OPEN_AGAIN),
    ("near miss: a bare progression with nothing else named", _REMOTE + "MRI 10/2026: interval progression, "
     "enhancing nodule at the surgical bed.\n", _OPEN_AGAIN),
]


@pytest.mark.parametrize(("case", "text", "expected"), REOPENED, ids=[c[0] for c in REOPENED])
def test_only_a_tumor_question_reopens_a_remote_tumor(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 4. a device in a list of options is no implant
_SAFETY = "MRI safety: TIPS stent placed 07/2026, MR conditional per IR.\n"
OPTIONS = [
    ("stent constriction vs transplant", _SAFETY + "Hepatology: stent constriction vs transplant.\n", A),
    ("options: stent reduction or listing", _SAFETY + "Options: stent reduction or transplant listing.\n", A),
    ("a stent revision or a transplant (letter)", _SAFETY + "We discussed a stent revision or referral for liver "
     "transplant.\n", A),
    ("alternatives after the stent procedure", _SAFETY + "Stent downsizing is one alternative to lactulose "
     "escalation.\n", A),
    ("programmable shunt revision versus ETV", "Devices: none.\nNeurosurgery: programmable shunt revision versus "
     "ETV.\n", A),
    ("options with a pacemaker upgrade", "Pacemaker: MR-conditional system (letter 10/2026).\nEP: options are "
     "pacemaker upgrade or observation.\n", A),
    ("shunt revision vs transplant listing", _SAFETY + "Options: shunt revision vs transplant listing.\n", A),
    # near misses: the device is in the patient
    ("near miss: a programmable VP shunt", _SAFETY + "Has a VP shunt (programmable).\n", P),
    ("near miss: a stent placed two weeks ago", _SAFETY + "Stent placed 2 weeks ago.\n", P),
    ("near miss: a programmable valve named with its maker", "Hydrocephalus: programmable shunt valve, Codman, "
     "set at 120.\n", P),
    ("near miss: a stent or a coil, placed", "Aneurysm treated with a stent, placed 11/10/2026.\n", P),
]


@pytest.mark.parametrize(("case", "text", "expected"), OPTIONS, ids=[c[0] for c in OPTIONS])
def test_a_device_among_options_is_no_implant(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), {"mri_contraindication": expected})
