"""Request-form option state (pipeline/nlp/form_state.py, rules in nlp/resources/forms.yaml).

Each row: a form line (or two), a target in it, and the assertions it must carry afterwards (an empty set means
affirmed) with the form rule that must be cited (None: no form rule may touch it). Styles: bracket boxes, ballot
boxes, parentheses, underscores, Y/N columns, written answers, several questions on one line, the question on the
line above its answers; near misses: a ticked box, prose, fill-in blanks, answers that are not answers.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import find_mention

from pipeline.nlp.form_state import form_rules
from pipeline.nlp.normalize import normalize_layout
from pipeline.nlp.rules import RuleFileError

H, N = {"hypothetical"}, {"negated"}
UNTICKED, NO, BLANK = "form.option.unticked", "form.question.answered_no", "form.question.unanswered"

CASES = [
    # unticked options say nothing; ticked ones keep their meaning
    ("target-spine-unticked", "MRS target: [X] Brain  [ ] Spine", "SPINE", "Spine", H, UNTICKED),
    ("target-spine-ticked", "MRS target: [ ] Brain  [X] Spine", "SPINE", "Spine", set(), None),
    ("ballot-spine-unticked", "Region  \u2611 Brain  \u2610 Spine / cord", "SPINE", "Spine", H, UNTICKED),
    ("ballot-x-ticked", "Region  \u2612 Cervical spine  \u2610 Head", "SPINE", "Cervical spine", set(), None),
    ("parens-unticked", "Body part: (x) brain ( ) spine", "SPINE", "spine", H, UNTICKED),
    ("underscore-unticked", "_X_ Brain   ___ Lumbar spine", "SPINE", "Lumbar spine", H, UNTICKED),
    ("pet-unticked", "Studies requested:  [ ] FDG-PET   [X] MR spectroscopy", "IMAGING", "FDG-PET", H, UNTICKED),
    ("pet-ticked", "Studies requested:  [x] FDG-PET   [x] MR spectroscopy", "IMAGING", "FDG-PET", set(), None),
    ("cpt-unticked", "CPT  [ ] 78608 PET brain metabolic   [X] 76390 MR spectroscopy", "CPT_CODE", "78608", H,
     UNTICKED),
    ("cpt-ticked", "CPT  [ ] 78608 PET brain metabolic   [X] 76390 MR spectroscopy", "CPT_CODE", "76390", set(),
     None),
    ("label-before-box", "Indication:  Seizures \u2610   Tumour follow-up \u2612", "SEIZURE", "Seizures", H, UNTICKED),
    ("device-list-unticked", "Implants: [ ] Pacemaker  [ ] Cochlear implant  [X] None", "MRI_CONTRAINDICATION",
     "Cochlear implant", H, UNTICKED),
    ("tick-mark", "\u2713 Ring-enhancing lesion   \u2610 Abscess", "BRAIN_INFECTION", "Abscess", H, UNTICKED),
    # a cue in another option of the line does not reach a ticked option
    ("cue-stays-in-its-option", "Question:  [ ] rule out abscess   [X] recurrence", "RECURRENCE", "recurrence",
     set(), None),
    ("header-cue-reaches-options", "Rule out: [X] recurrence [ ] abscess", "RECURRENCE", "recurrence",
     {"uncertain"}, None),
    # Y/N columns: answered No is negated, Yes affirmed, neither says nothing
    ("yn-no", "Pacemaker/ICD    [ ] Y   [X] N", "MRI_CONTRAINDICATION", "Pacemaker", N, NO),
    ("yn-yes", "Pacemaker/ICD    [X] Y   [ ] N", "MRI_CONTRAINDICATION", "Pacemaker", set(), None),
    ("yn-none-ticked", "Neurostimulator  [ ] Y   [ ] N", "MRI_CONTRAINDICATION", "Neurostimulator", H, BLANK),
    ("yn-unknown", "Aneurysm clip  [ ] Yes  [ ] No  [X] Unknown", "MRI_CONTRAINDICATION", "Aneurysm clip", H, BLANK),
    ("prior-mrs-no", "Prior MRS?  [ ] Yes  [X] No", "IMAGING", "MRS", {"negated", "historical"}, NO),
    ("question-yes-drops-its-mark", "Seizures this month?  [X] Yes  [ ] No", "SEIZURE", "Seizures", set(), None),
    ("ballot-after-label-no", "Cochlear implant   Yes \u2610  No \u2612", "MRI_CONTRAINDICATION", "Cochlear implant", N,
     NO),
    ("two-questions-one-line", "Pacemaker [ ] Y [X] N    Aneurysm clip [X] Y [ ] N", "MRI_CONTRAINDICATION",
     "Aneurysm clip", set(), None),
    ("two-questions-first-no", "Pacemaker [ ] Y [X] N    Aneurysm clip [X] Y [ ] N", "MRI_CONTRAINDICATION",
     "Pacemaker", N, NO),
    ("question-on-the-line-above", "Has the patient had MR spectroscopy before?\n[ ] Yes   [X] No", "IMAGING",
     "MR spectroscopy", N, NO),
    ("header-before-the-question", "MRI safety: Pacemaker/ICD  [ ] Y  [X] N", "IMAGING", "MRI", set(), None),
    ("question-after-its-header", "MRI safety: Pacemaker/ICD  [ ] Y  [X] N", "MRI_CONTRAINDICATION", "ICD", N, NO),
    # written answers
    ("written-after-a-box-line", "Prior MRS?  [X] Yes  [ ] No\n  New or worsening symptoms?   Y / N:  Y",
     "NEW_SYMPTOM", "New or worsening symptoms", set(), None),
    ("written-after-a-box-line-no", "Prior MRS?  [ ] Yes  [X] No\n  New or worsening symptoms?   Y / N:  N",
     "NEW_SYMPTOM", "New or worsening symptoms", N, NO),
    ("written-yn-hint", "New or worsening symptoms?   Y / N:   N", "NEW_SYMPTOM", "New or worsening symptoms",
     N, NO),
    ("written-no", "Aneurysm clip: No", "MRI_CONTRAINDICATION", "Aneurysm clip", N, NO),
    ("written-question-no", "Any previous MR spectroscopy? No.", "IMAGING", "MR spectroscopy", {"negated", "historical"},
     NO),
    ("written-several", "Pacemaker: No   Aneurysm clip: Yes   Cochlear implant: No", "MRI_CONTRAINDICATION",
     "Aneurysm clip", set(), None),
    ("written-several-no", "Pacemaker: No   Aneurysm clip: Yes   Cochlear implant: No", "MRI_CONTRAINDICATION",
     "Cochlear implant", N, NO),
    ("written-unknown", "Prior MRS: unknown", "IMAGING", "MRS", H, BLANK),
    # near misses: not an answer, not an option
    ("prose-no-is-a-cue", "Seizures: no new events since the summer.", "SEIZURE", "Seizures", set(), None),
    ("fill-in-blanks-alone", "Date of last MRI brain: ________   Signature: ________", "IMAGING", "MRI brain", set(),
     None),
    ("name-initial", "Referring: Dr N. Okafor  MRI brain 10/02/2026 equivocal", "IMAGING", "MRI brain", set(), None),
    ("yes-in-prose", "She asked whether the tumour had grown; yes, it had.", "BRAIN_TUMOR", "tumour",
     {"uncertain"}, None),
]


@pytest.mark.parametrize(("text", "concept", "phrase", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_form_state(mentions, text: str, concept: str, phrase: str, expected: set[str],  # type: ignore[no-untyped-def]
                    rule: str | None) -> None:
    m = find_mention(mentions, text, concept, phrase)
    assert set(m.modifiers) == expected
    form_rules_cited = {r for r in m.modifier_rules if r.startswith("form.")}
    if rule is None:
        assert not form_rules_cited
    else:
        assert rule in form_rules_cited


def _data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "marks": [{"id": "form.mark.t", "state": "ticked", "patterns": [r"\[x\]"]}],
        "answers": [{"id": "form.answer.n", "meaning": "no", "words": ["no"]}],
        "statements": {"unticked": {"id": "a.b", "category": "HYPOTHETICAL"},
                       "answered_no": {"id": "a.c", "category": "NEGATED_EXISTENCE"},
                       "unanswered": {"id": "a.d", "category": "HYPOTHETICAL"}},
        "written_answers": {"separators": [":"], "closers": ["."]},
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("change", [
    {"marks": [{"id": "form.mark.t", "state": "maybe", "patterns": [r"\[x\]"]}]},
    {"marks": [{"id": "form.mark.t", "state": "ticked", "patterns": [r"(x"]}]},
    {"answers": [{"id": "form.answer.n", "meaning": "perhaps", "words": ["no"]}]},
    {"statements": {"unticked": {"id": "a.b"}}},
    {"written_answers": {"separators": [], "closers": ["."]}},
], ids=["bad-state", "bad-pattern", "bad-meaning", "statement-without-category", "no-separators"])
def test_malformed_form_rules_fail_at_load(change: dict[str, Any]) -> None:
    with pytest.raises(RuleFileError, match="forms.yaml"):
        form_rules(_data(**change))


def test_shipped_form_rules_load() -> None:
    rules = form_rules()
    assert {meaning for meaning, _ in rules.answers.values()} == {"yes", "no", "unknown"}


@pytest.mark.parametrize(("text", "lines"), [
    # a line of options never continues onto the next line, nor does a prose line onto a line of options
    ("New or worsening symptoms since the last scan?  [ ] Yes  [X] No\nTreatment since the last scan?  [ ] Yes  "
     "[X] No", 2),
    ("The patient was counselled regarding the risks and benefits of the\n\u2610 Yes   \u2612 No", 2),
    # near miss: prose that wrapped at the margin is still joined
    ("The patient was counselled regarding the risks and benefits of the\nprocedure and agreed to proceed.", 1),
], ids=["options-then-question", "prose-then-options", "wrapped-prose"])
def test_form_lines_are_never_joined(text: str, lines: int) -> None:
    assert len(normalize_layout(text).text.split("\n")) == lines
