"""A journal-style case write-up's sections (sections.yaml sec.case_presentation, sec.literature).

The case presentation is the patient; Introduction / Literature review / Learning points / Take-home points /
References review diseases in general and other patients (category `literature`, set aside by the fact mapper:
documents.yaml reference_material). "Discussion" stays an assessment header (a clinic note's discussion is about its
patient; in a write-up the mapper sets it aside after a case presentation). Rows: id, text, the mention's start,
the expected section category.
"""

from __future__ import annotations

import pytest

ROWS: dict[str, tuple[str, str, str]] = {
    "case-presentation": ("Case presentation\nA 50-year-old man with a glioblastoma.\n", "glioblastoma",
                          "case_presentation"),
    "case-report-colon": ("CASE REPORT: a 9-year-old boy with seizures.\n", "seizures", "case_presentation"),
    "introduction": ("INTRODUCTION\nGliomas are the commonest primary brain tumours.\n", "Gliomas", "literature"),
    "learning-points": ("Learning points\n- Abscess can mimic metastasis.\n", "Abscess", "literature"),
    "take-home-messages": ("Take-home messages:\n1. Lymphoma is often periventricular.\n", "Lymphoma", "literature"),
    "teaching-points-caps": ("TEACHING POINTS\n- Glioblastoma can cross the corpus callosum.\n", "Glioblastoma",
                             "literature"),
    "clinical-pearls-colon": ("Clinical pearls:\nAbscess restricts diffusion centrally.\n", "Abscess", "literature"),
    "literature-review": ("Review of the literature\nMeningioma is usually benign.\n", "Meningioma", "literature"),
    "references": ("REFERENCES\n1. Lee K. MR spectroscopy in glioblastoma. J Neurooncol. 2019;141:315-22.\n",
                   "glioblastoma", "literature"),
    # near misses: a clinic note's own headers keep their category
    "near_discussion": ("Discussion: her MRI shows an enhancing mass, likely glioblastoma.\n", "glioblastoma",
                        "assessment_plan"),
    "near_assessment": ("Assessment: seizures, MRI ordered.\n", "seizures", "assessment_plan"),
    # a lesson label with its one sentence on the same line heads no section: the patient's record goes on after it
    # (the sentence itself reads general: context.yaml hyp.teaching_point)
    "near_inline_teaching_point": ("Teaching point: advanced imaging suits the atypical case.\nMRI brain 10/04/2026: "
                                   "a nonenhancing insular lesion.\n", "nonenhancing", None),
    "near_inline_take_home": ("Take-home message: watch small meningiomas.\nExam: left pronator drift, new "
                              "seizures.\n", "seizures", "physical_exam"),
    "near_introduction_in_prose": ("HPI: introduction of levetiracetam stopped her seizures.\n", "seizures",
                                   "history_of_present_illness"),
}


@pytest.mark.parametrize(("text", "target", "category"), ROWS.values(), ids=ROWS.keys())
def test_write_up_section_of_mention(analyze, text, target, category):  # type: ignore[no-untyped-def]
    found = [m for m in analyze(text).mentions if m.text.startswith(target)]
    assert found, [(m.concept, m.text) for m in analyze(text).mentions]
    assert found[0].section == category
