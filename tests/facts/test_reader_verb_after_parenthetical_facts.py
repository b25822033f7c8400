"""A study that raised or queried a diagnosis, with a parenthetical between the study and its verb: facts.

Class: "a 2016 CT queried a ganglioglioma" is suspected (poss.raised_by_reader) and "...; it was set aside after the
MRI" then negates it (neg.set_aside_named, a settling rule), but a short parenthetical or bracketed aside between the
study and its verb ("the outside CT (walk-in clinic, after a fall) queried ...", "the MRI [3T, 04/2021] raised ...")
hid the subject, so the diagnosis read present, and the set-aside after it had no hedge to settle; a parenthetical
between a diagnosis and its set-aside verb ("the DNET (queried on the 2019 CT) was set aside") hid the verb.

Rules (pipeline/nlp/resources/context.yaml): poss.raised_by_reader's `needs_before` passes over one short "(...)" or
"[...]" (at most 60 characters, no sentence end, ";" or other bracket inside; "Dr. X" allowed) after the subject
and its few words; neg.set_aside_named's `needs_between` allows one such aside between the diagnosis and the verb
(and its `max_scope` reaches over it).

Near misses keep their reading: a heading study with a dated parenthetical and a colon, a study that "showed" a
disease after a parenthetical (a finding), a normal study followed by a confirming one, a verb inside the
parenthetical ("(queried by the ED as a stroke)"), a raised pressure after an aside, a known tumour flagged, a
treatment set aside after a disease, a denial after the aside.

Limits: one aside only, of at most 60 characters; a study that "suggested" a diagnosis reads as the other verbs do
(tests/nlp/test_reader_flagged_suggested.py; "since resected" keeps it present); a subject named only inside the parenthetical ("the first scan (a CT) queried ...") is read through the
words before it.

Rows: id -> (text, {fact: expected status}). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, INF, DEMY = "brain_neoplasm", "brain_infection", "demyelination"

FACTS: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "ct-aside-commas-queried": ("A 2014 head CT (walk-in clinic, after a fall from a horse) queried a "
                                "ganglioglioma in the left temporal lobe.\n", {NEO: S}),
    "mri-bracket-raised": ("The outside MRI [Harbour Imaging, 3T, 04/2021] raised a low-grade oligodendroglioma.\n",
                           {NEO: S}),
    "mri-aside-decimal-brought-up": ("The outside MRI (Northgate, 1.5T) brought up a solitary cerebellar "
                                     "metastasis.\n", {NEO: S}),
    "scan-aside-doctor-floated": ("The first scan (read by Dr. Lindqvist, overnight) floated primary CNS "
                                  "lymphoma.\n", {NEO: S}),
    "report-aside-then-had": ("The preliminary report (faxed from the district hospital, unsigned) had queried "
                              "a pleomorphic xanthoastrocytoma.\n", {NEO: S}),
    "radiologist-aside-questioned": ("The radiologist (locum, weekend cover) questioned a diffuse midline "
                                     "glioma.\n", {NEO: S}),
    "ct-aside-abscess": ("The admission CT (non-contrast, motion degraded) raised a frontal abscess.\n", {INF: S}),
    "ct-aside-tumefactive": ("Her 2019 MRI (done for migraine, at another centre) queried a tumefactive "
                             "demyelinating lesion.\n", {DEMY: S}),
    "ct-aside-then-set-aside-it": ("A 2013 CT (A&E, after a seizure at work) queried an ependymoma; it was set "
                                   "aside after the 2015 MRI.\n", {NEO: A}),
    "mri-bracket-then-abandoned": ("An MRI [outside, 2018] raised a central neurocytoma; the neurocytoma was "
                                   "abandoned once the contrast study was normal.\n", {NEO: A}),
    "named-aside-set-aside": ("The hemangioblastoma (queried on the 2017 CT, at the regional hospital) was set "
                              "aside after angiography.\n", {NEO: A}),
    "named-bracket-no-longer-entertained": ("Lymphoma [raised by the first read] is no longer entertained.\n",
                                            {NEO: A}),
    "named-aside-not-pursued": ("The medulloblastoma (first queried in 2016) was not pursued further.\n",
                                {NEO: A}),
    # ------------------------------------------------ near misses
    "near_heading_dated_colon": ("MRI (2018): astrocytoma, resected; stable since.\n", {NEO: P}),
    "near_showed_after_aside": ("CT (referring hospital) showed a parafalcine meningioma, excised 2021.\n",
                                {NEO: P}),
    "near_normal_then_confirmed": ("A 2017 MRI (unremarkable) was followed by a PET that confirmed an "
                                   "oligodendroglioma.\n", {NEO: P}),
    "near_verb_inside_aside": ("The MRI (questioned by triage as a bleed) demonstrated a glioblastoma.\n",
                               {NEO: P}),
    "near_raised_icp_after_aside": ("The MRI (contrast, 3T) raised ICP concern; ependymoma resected 2024.\n",
                                    {NEO: P}),
    "near_known_tumour_flagged_after_aside": ("The report (final, signed) flagged her known glioblastoma for the "
                                              "tumour board.\n", {NEO: P}),
    "near_treatment_set_aside_after_disease": ("Glioblastoma: radiotherapy (second course) was set aside.\n",
                                               {NEO: P}),
    "near_denial_after_aside": ("The CT (portable, bedside) raised no concern for a tumour.\n", {NEO: A}),
    "near_suggested_after_aside": ("The outside CT (urgent care, 2022) suggested a craniopharyngioma, since "
                                   "resected.\n", {NEO: P}),
    "near_raised_then_biopsy_confirmed": ("The MRI (outside, 2023) raised a glioma; stereotactic biopsy "
                                          "confirmed an anaplastic astrocytoma.\n", {NEO: P}),
    "near_family_raised_after_aside": ("His parents (both at the visit, with his sister) raised concerns about "
                                       "cost of treatment for his medulloblastoma.\n", {NEO: P}),
}


@pytest.mark.parametrize(("text", "expected"), FACTS.values(), ids=FACTS.keys())
def test_reader_verb_after_parenthetical(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                         expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
