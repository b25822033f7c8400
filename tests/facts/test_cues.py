"""The cue files: loading and validation, the phrase syntax, what each fact cue matches (and what it must not),
and that every cue the files define is one the code asks for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pipeline.cues import (
    CueFileError,
    load_cue_file,
    parse_cue_file,
    phrase_regex,
    read_cue_yaml,
    target_concepts,
)
from pipeline.facts.catalogue import load_catalogue
from pipeline.facts.cues import cue, cue_book

REPO = Path(__file__).resolve().parents[2]
KNOWN = frozenset({"GLIOMA", "IMAGING", "NONTUMOR_DX"})


# ---------------------------------------------------------------------------------------------- validation
@pytest.mark.parametrize(("data", "message"), [
    ("- just a list", "mapping at the top level"),
    ("cues: []\nrules: []", "unknown top-level keys"),
    ("cues: {a.b: {words: [x]}}", "must be a list"),
    ("cues: [{words: [x]}]", "no valid 'id'"),
    ("cues: [{id: NoDots, words: [x]}]", "no valid 'id'"),
    ("cues: [{id: a.b, words: [x]}, {id: a.b, words: [y]}]", "duplicate id 'a.b'"),
    ("cues: [{id: a.b, words: [x]}]\nvalue_sets: [{id: a.b, values: [y]}]", "duplicate id 'a.b'"),
    ("cues: [{id: a.b, word: [x]}]", "'a.b' has unknown keys ['word']"),
    ("cues: [{id: a.b}]", "cue 'a.b' has no words or patterns"),
    ("cues: [{id: a.b, words: [no, maybe]}]", "quote [False]"),
    ("cues: [{id: a.b, words: x}]", "words must be a list"),
    ("cues: [{id: a.b, patterns: ['(unclosed']}]", "cue 'a.b': a pattern does not compile"),
    ("cues: [{id: a.b, words: [x], position: middle}]", "position must be one of"),
    ("concept_sets: [{id: a.b, concepts: [GLIOMA, GLIOMAS]}]", "unknown concept 'GLIOMAS'"),
    ("concept_sets: [{id: a.b, concepts: [glioma]}]", "not an upper-case concept name"),
    ("concept_sets: [{id: a.b}]", "has no concepts or members"),
    ("concept_sets: [{id: a.b, members: [{concept: GLIOMA, lable: x}]}]", "a member must be a mapping"),
    ("value_sets: [{id: a.b, values: [76390]}]", "quote [76390]"),
    ("value_sets: [{id: a.b, values: []}]", "has no values"),
], ids=lambda v: v if len(v) < 40 else v[:40])
def test_a_malformed_cue_file_fails_at_load_naming_the_entry(data: str, message: str) -> None:
    with pytest.raises(CueFileError, match=re.escape(message)):
        parse_cue_file("test.yaml", yaml.safe_load(data), known_concepts=KNOWN)


def test_a_well_formed_cue_file_loads() -> None:
    book = parse_cue_file("test.yaml", yaml.safe_load("""
cues: [{id: a.words, words: [x y]}, {id: a.pattern, patterns: ['\\d+'], position: whole}]
concept_sets: [{id: a.set, members: [{concept: NONTUMOR_DX, where: {kind: [edema]}, label: edema}]}]
value_sets: [{id: a.codes, values: ["76390"]}]
"""), known_concepts=KNOWN)
    assert book.cue("a.words").matches("X   Y") and not book.cue("a.words").matches("xy")
    assert book.cue("a.pattern").matches(" 42 ") and not book.cue("a.pattern").matches("42 mg")
    edema = book.concept_set("a.set")
    assert edema.member_for("NONTUMOR_DX", {"kind": "edema"}) is not None
    assert edema.member_for("NONTUMOR_DX", {"kind": "other"}) is None
    assert "76390" in book.value_set("a.codes")
    with pytest.raises(CueFileError, match="no cue with id 'a.missing'"):
        book.cue("a.missing")


def test_the_shipped_cue_files_load_and_name_only_known_concepts() -> None:
    facts = cue_book()
    assert facts.cues and facts.concept_sets and facts.value_sets
    for s in facts.concept_sets.values():
        assert set(s.concepts) <= target_concepts(), s.id
    assert load_cue_file("pipeline.nlp.resources", "cues.yaml").cue("hyp.plan_branch")


def test_every_cue_in_the_files_is_used_by_the_code() -> None:
    """A cue nobody asks for is dead data (or a typo in the code's lookup). The fact catalogue names cues too
    (`restated: {cue, stated_by, refers}`, `named_otherwise: {cue: ...}`, `vetoed: {inferred, refused, unless}`,
    `dated_ahead: cue`, `stopped_since: cue`, `rests_on_imaging: value set`, checked when it loads)."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "pipeline").rglob("*.py"))
    source += "\n".join(f'"{named}"' for spec in load_catalogue().values() if spec.restated
                        for named in (spec.restated.cue, spec.restated.stated_by, spec.restated.refers) if named)
    source += "\n".join(f'"{spec.named_otherwise.cue}"' for spec in load_catalogue().values()
                         if spec.named_otherwise)
    source += "\n".join(f'"{named}"' for spec in load_catalogue().values() if spec.vetoed
                        for named in (spec.vetoed.inferred, spec.vetoed.refused, spec.vetoed.unless))
    source += "\n".join(f'"{spec.dated_ahead}"' for spec in load_catalogue().values() if spec.dated_ahead)
    source += "\n".join(f'"{spec.stopped_since}"' for spec in load_catalogue().values() if spec.stopped_since)
    source += "\n".join(f'"{spec.rests_on_imaging}"' for spec in load_catalogue().values()
                         if spec.rests_on_imaging)
    books = [cue_book(), load_cue_file("pipeline.nlp.resources", "cues.yaml")]
    unused = sorted(i for b in books for i in b.ids if f'"{i}"' not in source)
    assert unused == []


# ---------------------------------------------------------------------------------------------- phrase syntax
@pytest.mark.parametrize(("phrase", "text", "hit"), [
    ("s/p", "s/p resection", True),
    ("s/p", "xs/p", False),
    ("->", "abscess -> drain", True),
    ("reveal*", "the scan revealed", True),
    ("reveal*", "unrevealing", False),
    ("status post", "status\npost craniotomy", True),
    ("status post", "statuspost", False),
    ("pre-cert*", "pre-certification", True),
    ("on", "done", False),
])
def test_phrase_syntax(phrase: str, text: str, hit: bool) -> None:
    assert bool(re.search(phrase_regex(phrase), text, re.I)) is hit


# ---------------------------------------------------------------------------------------------- fact cues
# Fresh phrases for each cue: what it must match, and near misses it must not.
CUE_CASES = [
    ("patient.relative_after_age", " grandmother with ALS", True),
    ("patient.relative_after_age", ", father of two", True),
    ("patient.relative_after_age", ", her spouse drove", False),
    ("patient.relative_after_age", " male with seizures", False),
    ("patient.relative_after_age", " presenting with his mother", False),  # the relative is not next
    ("request.discogenic_target", "Discogenic low back pain", True),
    ("request.discogenic_target", "lumbar spine", False),
    ("differential.weighing", "versus", True),
    ("differential.weighing", "vs.", True),
    ("differential.weighing", "Differential considerations", True),
    ("differential.weighing", "cannot be distinguished", True),
    ("differential.weighing", "indeterminate", False),
    ("differential.weighing", "favored", False),
    ("course.since_imaging", "Temozolomide was started following the MRI", True),
    ("course.since_imaging", "He is s/p gamma knife since that scan", True),
    ("course.since_imaging", "MRI before radiation", False),
    ("safety.recent_stent", "stent placed 10 days ago", True),
    ("safety.recent_stent", "newly placed carotid stent", True),
    ("safety.recent_stent", "stent placed three wks ago", True),
    ("safety.recent_stent", "stent placed in 2019", False),
    ("safety.recent_stent", "stent, renewed prescription", False),
    ("labs.pending", "CSF cytology is pending", True),
    ("labs.pending", "lactate to be drawn tomorrow", True),
    ("labs.pending", "lactate 1.2", False),
    ("labs.resulted", "sent out last week, returned negative", True),
    ("labs.resulted", "sent out last week", False),
    ("labs.result_value", " CBC: WBC 7.1", True),
    ("labs.result_value", " unremarkable", True),
    ("labs.result_value", " reviewed with the family", False),
    ("labs.generic_name", "Blood work", True),
    ("labs.generic_name", "serum ammonia", False),
    # labs.stated_after is matched on the text after the test's name, labs.stated_before on the text before it
    ("labs.stated_after", " neg", True),
    ("labs.stated_after", " came back unremarkable", True),
    ("labs.stated_after", ": 45 umol/L", True),
    ("labs.stated_after", " prior to sedation", False),
    ("labs.stated_after", " on 3/2", False),
    ("labs.stated_before", "Assessment: elevated ", True),
    ("labs.stated_before", "Plan: repeat ", False),
    ("labs.self_resulted", "IDH1-mutant", True),
    ("labs.self_resulted", "IDH mutation", False),
    ("labs.none", "none available", True),
    ("labs.none", "within normal limits", False),
    ("purpose.agent_link", " will ", True),
    ("purpose.agent_link", " results would help us ", True),
    ("purpose.agent_link", ", monitor disease and ", False),
    ("purpose.agent_link", " peak would ", False),
    ("purpose.coordinated_tests", " and ", True),
    ("purpose.coordinated_tests", " requested; the ", False),
    ("purpose.past_decision", "we decided on resection in 2022", True),
    ("purpose.past_decision", "to decide on resection", False),
    ("purpose.refers_back", "The result will steer us toward biopsy.", True),
    ("purpose.refers_back", "Surgery hinges on it.", True),
    ("purpose.refers_back", "Her sister's transplant planning is underway.", False),
    ("report.continued", "MRI BRAIN (CONTINUED)", True),
    ("report.continued", "Page 2 of 3", True),
    ("report.continued", "PET/CT BRAIN 02/10/2026", False),
    ("study.past", "MRI obtained at the outside hospital", True),
    ("study.past", "MRI brain with and without contrast", False),
    ("study.done", "CT head demonstrated hemorrhage", True),
    ("study.done", "CT head requested", False),
    ("study.request", "Requesting MR spectroscopy", True),
    ("study.request", "scheduled for PET next week", True),
    ("study.request", "PET showed hypometabolism", False),
    ("body_part.brain", "MRI of the head", True),
    ("body_part.brain", "CT cerebral angiogram", True),
    ("body_part.brain", "MRI of the lumbar spine", False),
    ("body_part.spine", "MRI lumbar spine", True),
    ("body_part.spine", "MRI brain", False),
    ("body_part.chest", "CT of the chest with contrast", True),
    ("body_part.chest", "CT head for chest pain", True),  # sentence-level: brain is checked first
    ("body_part.abdomen", "CT abdomen and pelvis", True),
    ("body_part.abdomen", "CT head", False),
    # study.done_verb is matched on the text just before the study's name
    ("study.done_verb", "He underwent ", True),
    ("study.done_verb", "She has had an urgent ", True),
    ("study.done_verb", "She had recurrent seizures and a ", False),
    ("study.done_verb", "She will undergo a ", False),
    ("study.recommendation", "A CT of the head would be of benefit", True),
    ("study.recommendation", "Consider", True),
    ("study.recommendation", "was considered nondiagnostic", False),
    ("study.recommendation", "was of benefit", False),
    ("study.pending", "CT of the chest is pending", True),
    ("study.pending", "MRI has not been performed", True),
    ("study.pending", "MRI was performed", False),
    ("study.continuation", "It was read as indeterminate.", True),
    ("study.continuation", "The findings were equivocal.", True),
    ("study.continuation", "Her neurologist suspects glioma.", False),
    ("study.continuation", "Itching resolved.", False),
]


@pytest.mark.parametrize(("cue_id", "text", "hit"), CUE_CASES, ids=[f"{c}:{t.strip()}" for c, t, _ in CUE_CASES])
def test_fact_cue(cue_id: str, text: str, hit: bool) -> None:
    assert cue(cue_id).matches(text) is hit


@pytest.mark.parametrize("text", [
    "cues: []\nconcept_sets: []\ncues: []\n",
    "cues:\n  - {id: a.b, words: [x], words: [y]}\n",
], ids=["a-section-twice", "a-field-twice"])
def test_a_key_given_twice_fails_at_load(text: str) -> None:
    with pytest.raises(CueFileError, match="given twice"):
        read_cue_yaml("test.yaml", text)


def test_a_cue_file_without_repeated_keys_reads() -> None:
    assert read_cue_yaml("test.yaml", "cues:\n  - {id: a.b, words: [x]}\n") == {"cues": [{"id": "a.b", "words": ["x"]}]}
