"""New or worsening symptoms told in other shapes (new_or_worsening_symptoms; nlp rules course.new_or_worsening,
course.new_since_header, course.worse_overall, course.function_decline, look.symptom_daily_pattern in
pipeline/nlp/resources/targets.yaml).

Class: a change in the patient's symptoms was read only as a change word right before a listed symptom noun ("new
aphasia", "worsening headaches") or a listed symptom noun before a change verb ("headaches have worsened"). It was
missed (new_or_worsening_symptoms not documented) when
- the symptom word was missing from the symptom lexicon (`symptom`): auras, hallucinations, blackouts,
  stumbling, pins and needles, dysmetria, deja vu ...;
- a header carried the change and a list the symptoms: "New since the July clinic: right leg dragging and slurred
  words", "Worse since discharge: unsteady, two near-falls" (course.new_since_header);
- the change word came after a subject that is no symptom noun, or after a degree adverb: "Symptoms slightly worse:
  now trips on the stairs", "Overall worse over the last six weeks", "Things are a bit worse", "Gait has deteriorated
  further", "His memory is clearly declining", "Her balance has declined" (course.new_or_worsening with the
  lexicon `function_word`, course.worse_overall);
- a loss of function was told as a change from before: "now needs help with bathing", "needs a walker now", "can no
  longer climb stairs", "stopped driving because of the spells", "had to give up cooking" (course.function_decline).

Near misses must not read new or worsening: a new patient or a new consultation ("New patient consultation for
seizures", which read present before this change: the three free words of the change-word pattern reached
"seizures"; they no longer cross a visit word), a daily pattern or a provoking factor ("headache worse in the
evening", "headaches worse with Valsalva", which read present before: look.symptom_daily_pattern now holds them), an
imaging finding ("new nodular enhancement", "no new findings"), a new medication, "more frequent follow-up", a stable
interval ("no new symptoms", "symptoms unchanged since May", "Since August: no new complaints"), an empty header
("New since last visit: nil"), an improvement ("no longer needs a walker"), counselling ("advised to stop driving"),
a refusal ("has declined surgery"), a prognosis ("overall worse prognosis"), a stopped drug ("no longer taking
topiramate") and an imaging loss's course ("volume loss, slightly more conspicuous"). Rows are freshly written.

Limits: the function verbs and aids are lists (function_verb, function_aid); a loss told with another verb ("she
has had to hand over the finances") is missed. "Now needs"/"needs ... now" reads a change even when the need is
old and merely restated. A header reads its list only when a symptom word stands within six words of the
separator; "had to stop driving" reads as a loss even when it reports counselling ("he was told he had to stop
driving"). A daily pattern is recognised by its time-of-day and provoking words (symptom_pattern_time,
symptom_pattern_trigger); "worse in the mornings since March" or "since discharge the confusion is worse in the
evenings" (a pattern that is itself new) reads as no change.
A loss of function dated long ago ("gave up driving in 2015 after his stroke") still reads present, as a dated "new
weakness in 2015" does. Known and left alone: "headaches worse in the past two weeks" is read historical
(hist.backward on "past").
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NW = "new_or_worsening_symptoms"

CASES: dict[str, tuple[str, FactStatus]] = {
    # 1. a symptom word the lexicon lacked
    "more frequent auras": ("He reports more frequent olfactory auras since the summer.\n", P),
    "new deja vu": ("Describes new deja vu sensations, several a day.\n", P),
    "increasing stumbling": ("Increasing stumbling on stairs over the past month.\n", P),
    "new pins and needles": ("New pins and needles in both hands since October.\n", P),
    "worsening dysmetria": ("Worsening dysmetria of the left arm on review today.\n", P),
    "new hallucinations": ("New hallucinations at night, per her daughter.\n", P),
    "more frequent blackouts": ("More frequent blackouts at work.\n", P),
    "more frequent fits": ("Mum says the fits are back and more frequent fits at night since half-term.\n", P),
    # 2. a header and its list
    "header new since a clinic, colon": ("New since the July clinic: right leg dragging and slurred words.\n", P),
    "header new since a review, dash": ("New since last review - pauses mid-sentence, dropping keys.\n", P),
    "header since a month, more headaches": ("Since September: more headaches, now most mornings.\n", P),
    "header worse since discharge, a state": ("Worse since discharge: unsteady, two near-falls.\n", P),
    # 3. the change word after a subject or an adverb
    "things a bit worse": ("Things are a bit worse: now spills drinks.\n", P),
    "symptoms slightly worse": ("Symptoms somewhat worse: now trips on the stairs.\n", P),
    "overall worse over weeks": ("Overall worse over the last six weeks: fell twice, now uses a stick.\n", P),
    "gait deteriorated further": ("Gait has deteriorated further since spring.\n", P),
    "memory clearly declining": ("His memory is clearly declining.\n", P),
    "balance declined": ("Her balance has declined noticeably.\n", P),
    "speech deteriorated": ("Speech has deteriorated over two months.\n", P),
    # 4. a loss of function told as a change
    "now needs help bathing": ("She now needs help with bathing.\n", P),
    "needs a walker now": ("He needs a walker now.\n", P),
    "can no longer climb stairs": ("She can no longer climb stairs.\n", P),
    "no longer able to button": ("He is no longer able to button his shirt.\n", P),
    "stopped driving for spells": ("Stopped driving because of the spells.\n", P),
    "had to give up cooking": ("She had to give up cooking after the falls.\n", P),
    "cannot walk anymore": ("He cannot walk anymore without holding the furniture.\n", P),
    "can't dress any longer": ("She can't dress herself any longer.\n", P),
    # near misses
    "near new patient consultation": ("New patient consultation for seizures.\n", N),
    "near no new symptoms": ("No new symptoms since the MRI.\n", A),
    "near headache worse in the evening": ("Headache worse in the evening.\n", N),
    "near headaches worse with Valsalva": ("Headaches worse with Valsalva and coughing.\n", N),
    "near pain typically worse lying down": ("Her headaches are typically worse on lying down.\n", N),
    "near new nodular enhancement": ("MRI: new nodular enhancement in the left frontal lobe.\n", N),
    "near no new findings": ("MRI brain: no new findings.\n", N),
    "near symptoms unchanged since May": ("Symptoms unchanged since May.\n", A),
    "near new medication": ("New medication: levetiracetam 500 mg bid.\n", N),
    "near more frequent follow-up": ("Plan: more frequent follow-up.\n", N),
    "near empty header": ("New since last visit: nil.\n", N),
    "near nothing new since, header": ("Nothing new since last visit: headaches stable.\n", N),
    "near balance worse with eyes closed": ("Exam: balance worse with eyes closed, Romberg positive.\n", N),
    "near a verb fits": ("The new appearance fits with radiation necrosis.\n", N),
    "near imaging volume loss, slightly more": (
        "MRI: mild cerebellar volume loss, slightly more conspicuous than in 2024.\n", N),
    "near header with no complaints": ("Since August: no new complaints.\n", A),
    "near no longer needs a walker": ("He no longer needs a walker.\n", N),
    "near advised to stop driving": ("Advised to stop driving for six months.\n", N),
    "near declined surgery": ("He has declined surgery.\n", N),
    "near overall worse prognosis": ("Overall worse prognosis given the MGMT status.\n", N),
    "near no longer taking a drug": ("She is no longer taking topiramate.\n", N),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_new_or_worsening_other_shapes(fragment_facts, text: str,  # type: ignore[no-untyped-def]
                                       expected: FactStatus) -> None:
    check_facts(fragment_facts(text), {NW: expected})
