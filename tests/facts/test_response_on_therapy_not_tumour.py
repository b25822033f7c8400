"""A response to a therapy that treats something other than a tumour is that disease's monitoring, not the tumour's
treatment planning and response.

Class: an MRS purpose of measuring response to a therapy (targets.yaml purpose.response_on_therapy) counted as
HealthHelp item 1d ("Treatment planning and response", hh.known_tumor.treatment: mrs_purpose treatment_planning with
therapy_of tumor or unspecified) when the therapy followed treats something else: a supplement, detox or peptide
protocol, chelation, a diet, hyperbaric oxygen, an antibiotic or antifungal course, an anti-seizure drug, a cofactor
or enzyme therapy for a metabolic disease. Therapies the vocabulary did not know left therapy_of unspecified, which
meets 1d; wordings of improvement ("to track improvement", "to see whether the diet has lowered lactate") read no
purpose at all.

Rules:
1. facts cues.yaml purpose.therapy_other names the supplement, detox, peptide, diet, hyperbaric-oxygen and cofactor
   therapies (glutathione or NAD+ infusions, CoQ10, carnitine, biotin, thiamine, sapropterin, creatine
   supplementation, ...); purpose.therapy_infection more antibiotics; purpose.therapy_tumor the tumour therapies a
   non-tumour word could be mistaken for (PRRT, peptide or dendritic-cell vaccines) and osimertinib and other
   brain-metastasis drugs.
2. targets.yaml purpose.response_improvement: an improvement followed ("to track improvement", "document any
   metabolic improvement") or asked of a therapy ("to see whether the ketogenic diet has lowered lactate"): a
   monitoring purpose.
3. A response purpose (cues.yaml value set purpose.response_rules; facts/purpose.py response_purpose) reads its
   therapy from the clause as any treatment-planning purpose does, except that a tumour the clause names comes
   before another disease's therapy ("response of the glioma to the ketogenic diet" is the tumour's); a tumour's
   therapy or a tumour makes it treatment planning of the tumour, another disease's therapy or disease
   (purpose.response_monitoring_of: infection, other) makes it a monitoring purpose carrying therapy_of (so
   Cohere's "established need for monitoring" reads it, HealthHelp 1d does not); no therapy and no disease keeps
   the rule's own purpose (treatment planning unspecified for "to document response").

Near misses keep their reading: the response to osimertinib of brain metastases, to temozolomide, to the trial drug,
to bevacizumab (treatment planning of the tumour), "to document metabolic response" with no therapy (unspecified),
a response told as a finding ("good response to the chelation"), and a known tumour in another sentence does not make
a detox-protocol response the tumour's.

Limits known: hyperbaric oxygen for radiation necrosis reads other (monitoring) unless the clause names the tumour
("radiation necrosis of the treated metastasis" reads the tumour's); "immunotherapy", "trial drug" and methotrexate
are in neither list (autoimmune and non-tumour trials), so with no disease named they stay unspecified;
steroids are named by neither list (both tumour and non-tumour treatment); a therapy named only in an earlier
sentence ("She began the chelation protocol in May. MRS to document response.") is not read (the clause decides,
so this reads unspecified); "improvement" wordings not listed ("to see if things are better") are not read.

Rows: id -> (text, the set of "purpose:therapy_of" (or bare purpose) readings of the mrs_purpose fact).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import evaluate_node, facts_of

from pipeline.contracts import TriState

HEAD = "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/20/2026\nCPT 76390\n"
NOTE = HEAD + "\nCLINIC NOTE\n"
TP_TUMOR, TP_UNSPEC = "treatment_planning:tumor", "treatment_planning:unspecified"
MON_OTHER, MON_INF = "monitoring:other", "monitoring:infection"

CASES: dict[str, tuple[str, set[str]]] = {
    # ---------------------------------------------------------------- another disease's therapy followed
    "chelation protocol, document response": (NOTE + "Spectroscopy to be repeated once the ten-week chelation course "
                                              "is done, to document response.\n", {MON_OTHER}),
    "glutathione infusions, track improvement": (NOTE + "MR spectroscopy before and after the series of IV "
                                                 "glutathione infusions to track improvement.\n", {MON_OTHER}),
    "ketogenic diet lowered lactate": (NOTE + "MRS to see whether the ketogenic diet has lowered the lactate "
                                       "peak.\n", {MON_OTHER}),
    "ceftriaxone, response of the abscess": (NOTE + "After four weeks of IV ceftriaxone, spectroscopy to confirm "
                                             "response of the abscess.\n", {MON_INF}),
    "detox protocol response": (NOTE + "MRS (76390) to assess response to the heavy-metal detox protocol.\n",
                                {MON_OTHER}),
    "hyperbaric oxygen response": (NOTE + "Spectroscopy to evaluate response to 40 sessions of hyperbaric oxygen.\n",
                                   {MON_OTHER}),
    "peptide protocol response": (NOTE + "MRS to gauge response to the peptide protocol (thymosin beta-4).\n",
                                  {MON_OTHER}),
    "NAD infusions response": (NOTE + "Spectroscopy to measure response to the NAD infusions.\n", {MON_OTHER}),
    "supplement stack response": (NOTE + "MRS to document response to the supplement regimen (CoQ10, carnitine, "
                                  "riboflavin).\n", {MON_OTHER}),
    "sapropterin response": (NOTE + "Spectroscopy to assess metabolic response to sapropterin.\n", {MON_OTHER}),
    "creatine supplementation response": (NOTE + "MRS to quantify response to creatine supplementation in GAMT "
                                          "deficiency.\n", {MON_OTHER}),
    "biotin and thiamine response": (NOTE + "MRS to judge response to high-dose biotin and thiamine.\n",
                                     {MON_OTHER}),
    "anti-seizure drug response": (NOTE + "MRS to assess response to levetiracetam.\n", {MON_OTHER}),
    "voriconazole response": (NOTE + "Spectroscopy to evaluate response to voriconazole.\n", {MON_INF}),
    "metronidazole response": (NOTE + "MRS to assess response to metronidazole.\n", {MON_INF}),
    "modified Atkins diet improvement": (NOTE + "MRS to document metabolic improvement on the modified Atkins "
                                         "diet.\n", {MON_OTHER}),
    "detox response with a known meningioma elsewhere": (HEAD + "\nAssessment: incidental convexity meningioma, "
                                                         "stable since 2023.\nPlan: MRS to assess response to the "
                                                         "detox protocol.\n", {MON_OTHER}),
    "dietary therapy lowered lactate, whether it has": (NOTE + "MRS to check whether the dietary therapy has reduced "
                                                        "brain lactate.\n", {MON_OTHER}),
    # ---------------------------------------------------------------- the tumour's therapy, or the tumour named
    "tumour: osimertinib alone": (NOTE + "MRS to assess response to osimertinib.\n", {TP_TUMOR}),
    "tumour: glioma on the ketogenic diet": (NOTE + "MRS to assess response of the glioblastoma to the "
                                             "ketogenic diet.\n", {TP_TUMOR}),
    "tumour: peptide vaccine": (NOTE + "MRS to assess response to the peptide vaccine.\n", {TP_TUMOR}),
    "tumour: PRRT": (NOTE + "Spectroscopy to assess response to PRRT.\n", {TP_TUMOR}),
    "tumour: improvement after radiotherapy": (NOTE + "MRS to track improvement after radiotherapy.\n", {TP_TUMOR}),
    # ---------------------------------------------------------------- near misses: readings kept
    "near: osimertinib of the metastases": (NOTE + "MRS to assess response to osimertinib of the brain "
                                            "metastases.\n", {TP_TUMOR}),
    "near: two cycles of temozolomide": (NOTE + "Spectroscopy after three cycles of temozolomide to judge "
                                         "response.\n", {TP_TUMOR}),
    "near: the glioma and the trial drug": (NOTE + "MRS to assess response of the glioma to the trial drug.\n",
                                            {TP_TUMOR}),
    "near: bevacizumab": (NOTE + "Spectroscopy to evaluate response to bevacizumab.\n", {TP_TUMOR}),
    "near: document metabolic response, no therapy": (NOTE + "MRS to document metabolic response and serve as a "
                                                      "baseline.\n", {TP_UNSPEC}),
    "near: response told as a finding": (HEAD + "\nAssessment: Wilson disease, good response to the chelation.\n",
                                         set()),
    "near: antifungal decision stays planning": (NOTE + "MRS requested to guide antifungal therapy.\n",
                                                 {"treatment_planning:infection"}),
    "near: monitoring stays bare": (NOTE + "MRS for monitoring of the MELAS.\n", {"monitoring"}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_response_on_therapy_not_tumour(analyze: Any, text: str, expected: set[str]) -> None:
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    read = {f"{e.attributes['purpose']}:{e.attributes['therapy_of']}" if e.attributes.get("therapy_of")
            else str(e.attributes.get("purpose")) for e in fact.evidence}
    assert read == expected, [(e.text, e.attributes.get("purpose"), e.attributes.get("therapy_of"),
                               e.attributes.get("cue"), e.rule_id) for e in fact.evidence]


MET, NOT = TriState.MET, TriState.NOT_MET
HH_D, COH_MON = "hh.known_tumor.treatment", "coh.repeat.monitoring"
MENINGIOMA = "History: incidental right frontal convexity meningioma, unchanged for 5 years.\n"
METS = "Assessment: EGFR-mutant lung adenocarcinoma with two small brain metastases.\n"

# the criteria-facing reading, end to end: node -> expected result
CRITERIA: dict[str, tuple[str, str, TriState]] = {
    "detox protocol, known meningioma: not 1d": (MENINGIOMA + "MRS (76390) to assess response to the detox "
                                                "protocol.", HH_D, NOT),
    "glutathione infusions, known meningioma: not 1d": (MENINGIOMA + "MR spectroscopy after the glutathione "
                                                       "infusions to track improvement.", HH_D, NOT),
    "chelation response, known meningioma: not 1d": (MENINGIOMA + "Spectroscopy to document response to the "
                                                     "chelation course.", HH_D, NOT),
    "detox protocol: Cohere monitoring": (MENINGIOMA + "MRS (76390) to assess response to the detox protocol.",
                                          COH_MON, MET),
    "near: osimertinib of the metastases meets 1d": (METS + "MRS (76390) to assess response to osimertinib of the "
                                                    "brain metastases.", HH_D, MET),
    "near: response with no therapy meets 1d": (METS + "MRS (76390) to document metabolic response.", HH_D, MET),
}


@pytest.mark.parametrize(("text", "node", "expected"), list(CRITERIA.values()), ids=list(CRITERIA))
def test_response_on_therapy_not_tumour_criteria(analyze: Any, text: str, node: str, expected: TriState) -> None:
    assert evaluate_node(analyze, text, "healthhelp" if node.startswith("hh.") else "cohere", node) == expected
