"""An MRS purpose told as branches from the spectral result to an action is the MRS's purpose.

Class: the plan states what the MRS is for only as branches from its result to what will be done ("1. MR
spectroscopy of the lesion." / "- raised choline, low NAA -> re-resection" / "- lipid-lactate only -> steroids"), with
metabolites or ratios instead of diagnoses ("Cho/NAA > 2", "2HG peak"), as "if <result> on MRS: <action>", or by
naming the MRS the test that decides ("the deciding test between surgery and observation", "the tie-breaker", "the
decider"); mrs_purpose read nothing, so payers that need a stated purpose or an impact on management pended.

Rule (targets.yaml purpose.result_branch, PURPOSE treatment_planning, and purpose.result_branch_diagnosis, PURPOSE
diagnosis, both attrs branch: list): a spectral marker, an arrow or a colon, and within three words a treatment or
procedure (treatment planning) or a diagnosis only (diagnosis); "if ... on MRS/spectroscopy" then the action; a
decider word ("decider", "tie-breaker", "arbiter", "deciding test", "decisive study", "casting vote") and within five
words the action. Such a branch counts (facts/purpose.py _branch_of_mrs) only when its own line names the MRS or it
hangs under the MRS item, the lines between being branch lines (cues.yaml purpose.branch_line), and its line tells no
result found (purpose.branch_found: "showed", "was", "performed", a date; purpose.branch_condition keeps a line led by
"if").

Near misses keep their reading: a plan arrow about no spectrum ("seizure recurs -> raise levetiracetam"), a serum
lactate branch ("lactate > 4 -> broaden antibiotics") with no MRS above, an MRS done with its results and what
followed (a timeline, not a purpose), another test's branch ("if PET hot -> biopsy"), "MRS -> not needed now", a
deciding factor told in the past, a branch list separated from the MRS item by a blank line, a wrapped item that
is not the MRS's. A wrapped continuation of the MRS item (an indented line that starts no bullet:
purpose.item_continuation) keeps the branches below it the MRS's.

Limits known: a branch list more than six lines below its MRS item, or under an item that names the MRS only by a
pronoun ("1. Spectroscopy as above"), is not tied; the therapy a branch plans is read from its own line only ("lipid
only -> steroids" plans an unspecified therapy even under a tumour's MRS item); a diagnosis branch needs one of the
listed diagnosis words within three words of the arrow; "the deciding factor for surgery is cost" in a plan under the
MRS item would be read as treatment planning.

Rows: id -> (text, the set of purposes the mrs_purpose fact carries, "treatment_planning:<therapy_of>" for a
treatment-planning one; the empty set where no purpose is read). Rows whose id starts with "near" must keep their
reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

HEAD = "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/20/2026\nCPT 76390\n"
NOTE = HEAD + "\nCLINIC NOTE\n"
PLAN = NOTE + "Plan:\n"
TP_TUMOR, TP_UNSPEC = "treatment_planning:tumor", "treatment_planning:unspecified"

CASES: dict[str, tuple[str, set[str]]] = {
    # ---------------------------------------------------------------- sub-bullets under the MRS item
    "item wrapped over two lines": (PLAN + "1. Multivoxel MRS of the left parietal mass - asked for as the decider after\n"
                                    "   the borderline perfusion; no repeat PET.\n"
                                    "   - Cho/NAA up (recurrence) -> re-resection\n"
                                    "   - lipid peak only (necrosis) -> steroids and watch\n", {TP_TUMOR, TP_UNSPEC}),
    "item wrapped, indentation lost (PDF text)": (PLAN + "1. Single-voxel MRS of the right thalamic mass - wanted as the\n"
                                                  "decider after the borderline PET; no repeat PET.\n"
                                                  "- Cho/NAA up (glioma) -> stereotactic biopsy\n"
                                                  "- lipid peak only (necrosis) -> steroids and watch\n",
                                                  {TP_TUMOR, TP_UNSPEC}),
    "near wrapped item that is not the MRS": (PLAN + "1. MR spectroscopy requested.\n2. Lactate and pyruvate with the\n"
                                              "   next blood draw.\n   - lactate > 4 -> broaden antibiotics\n",
                                              set()),
    "arrow bullets under numbered item": (PLAN + "1. MR spectroscopy of the right temporal mass.\n"
                                          "   - raised choline, depressed NAA (glioma) -> re-resection\n"
                                          "   - lipid-lactate only (necrosis) -> dexamethasone and watch\n",
                                          {TP_TUMOR, TP_UNSPEC}),
    "colon bullets, paren colon token": (PLAN + "2. Single-voxel MRS of the cavity margin.\n"
                                         "   - high Cho/NAA (recurrence): gamma knife\n"
                                         "   - low choline, lipid peak (treatment effect): bevacizumab\n",
                                         {TP_TUMOR}),
    "ratio thresholds": (PLAN + "MRS of the left insular lesion.\n- Cho/Cr > 2.5 -> stereotactic biopsy\n"
                         "- Cho/Cr < 1.5 -> repeat MRI in 3 months\n", {TP_UNSPEC}),
    "ratio thresholds, clinic note, not plan": (NOTE + "Brain MR spectroscopy ordered.\n"
                                                "* Cho/NAA above 2 -> re-resect\n"
                                                "* Cho/NAA below 1.5 -> continue temozolomide\n", {TP_TUMOR}),
    "myo-inositol and 2HG peaks": (PLAN + "3. Proton MRS, long and short TE.\n"
                                   "   * myo-inositol peak (low-grade astrocytoma) -> surveillance\n"
                                   "   * 2HG peak -> start vorasidenib\n", {TP_TUMOR}),
    "unicode arrows": (PLAN + "Multivoxel spectroscopy of the occipital rim.\n"
                       "• choline rise at the rim → re-irradiation\n• flat spectrum → observe\n", {TP_TUMOR, TP_UNSPEC}),
    "double arrow, leukodystrophy": (PLAN + "1. Brain MRS (76390).\n   - NAA drop in the frontal white matter => "
                                     "HSCT referral\n", {"treatment_planning:leukodystrophy"}),
    "lactate peak to antibiotics": (PLAN + "MRS of the ring lesion.\n- succinate and acetate peaks -> drainage and "
                                    "antibiotics\n- choline peak -> biopsy\n", {"treatment_planning:infection", TP_UNSPEC}),
    # ---------------------------------------------------------------- diagnoses only
    "diagnosis-only bullets": (PLAN + "1. MRS of the ring-enhancing lesion.\n"
                               "   - amino acids and lactate -> abscess\n   - raised choline -> lymphoma\n",
                               {"diagnosis"}),
    "diagnosis ratio arrow": (PLAN + "Spectroscopy of the periventricular mass.\n- Cho/NAA > 3 -> high-grade "
                              "glioma\n", {"diagnosis"}),
    # ---------------------------------------------------------------- "if ... on MRS"
    "if result on MRS, colon, over lines": (PLAN + "MR spectroscopy (76390).\n"
                                            "If a choline peak on MRS: refer for stereotactic biopsy.\n"
                                            "If flat metabolites: clinical follow-up only.\n", {TP_UNSPEC}),
    "if result on spectroscopy, comma": (NOTE + "If tumour-type metabolites on spectroscopy, we will proceed to "
                                         "resection.\n", {TP_UNSPEC}),
    "if result on MRS, diagnosis": (NOTE + "If lactate and lipids on MRS -> consistent with abscess.\n",
                                    {"diagnosis"}),
    # ---------------------------------------------------------------- the test that decides
    "deciding test between surgery and observation": (PLAN + "Spectroscopy as the deciding test between surgery "
                                                      "and observation.\n", {TP_UNSPEC}),
    "tie-breaker": (NOTE + "MRS is requested as the tie-breaker between re-operation and continued "
                          "surveillance.\n", {TP_UNSPEC, "monitoring"}),
    "decider colon": (NOTE + "The MR spectroscopy will be the decider: craniotomy versus watchful waiting for the "
                             "meningioma.\n", {TP_TUMOR}),
    "arbiter": (NOTE + "We need the MRS as the arbiter on whether we re-irradiate the glioma.\n", {TP_TUMOR}),
    "tie-breaker, diagnosis": (NOTE + "MRS (76390) would be the tie-breaker between lymphoma and toxoplasmosis.\n",
                               {"diagnosis"}),
    "decisive study, diagnosis": (NOTE + "Spectroscopy is the decisive study: demyelination or tumour.\n",
                                  {"diagnosis"}),
    # ---------------------------------------------------------------- near misses: readings kept
    "near: seizure arrow, not about MRS": (PLAN + "Seizure recurs -> raise levetiracetam.\nMRS for grading.\n",
                                           {"grading"}),
    "near: serum lactate branch, no MRS above": (PLAN + "1. Sepsis work-up.\n   - lactate > 4 -> broaden "
                                                 "antibiotics\n", set()),
    "near: MRS done, results listed": (NOTE + "MRS performed 10/02: choline elevated, NAA reduced, Cho/NAA 2.4 -> "
                                       "consistent with high-grade glioma.\n", set()),
    "near: MRS done, timeline to resection": (NOTE + "MRS 03/2025: Cho/NAA 2.8 -> resection 04/2025.\n", set()),
    "near: PET branch": (PLAN + "MRS for grading.\nIf PET hot -> biopsy.\n", {"grading"}),
    "near: MRS not needed": (PLAN + "MRS -> not needed now.\n", set()),
    "near: deciding factor in the past": (PLAN + "The deciding factor for the 2024 surgery was the size. MRS for "
                                          "grading.\n", {"grading"}),
    "near: blank line between item and branches": (PLAN + "1. MRS of the left frontal lesion.\n\n"
                                                   "Steroid plan:\n- glucose > 12 -> insulin sliding scale\n", set()),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_plan_told_as_result_branches(analyze: Any, text: str, expected: set[str]) -> None:
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    read = {f"{e.attributes['purpose']}:{e.attributes['therapy_of']}" if e.attributes.get("therapy_of")
            else str(e.attributes.get("purpose")) for e in fact.evidence}
    assert read == expected, [(e.text, e.attributes.get("purpose"), e.attributes.get("therapy_of"),
                               e.attributes.get("cue")) for e in fact.evidence]
