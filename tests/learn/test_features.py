"""Features of a mention for the learned extractors: tables of fresh sentences, near misses included."""

from __future__ import annotations

import pytest

from pipeline.learn.dataset import process_with_targets, rules_label, to_normalized
from pipeline.learn.features import assertion_features, bucket, rule_assertion, verdict_features
from pipeline.nlp import normalize


def _span(nlp, text: str, word: str, concept: str = "GLIOMA"):  # type: ignore[no-untyped-def]
    start = text.index(word)
    doc, placed = process_with_targets(nlp, text, [(start, start + len(word), concept)])
    return doc, placed[(start, start + len(word))]


@pytest.mark.parametrize("distance, expected", [(0, "0"), (1, "1"), (2, "2-3"), (3, "2-3"), (4, "4-6"), (6, "4-6"),
                                                (7, "7+"), (40, "7+")])
def test_distance_buckets(distance: int, expected: str) -> None:
    assert bucket(distance) == expected


@pytest.mark.parametrize("modifiers, expected", [
    ([], "present"),
    (["historical"], "historical"),
    (["uncertain", "historical"], "possible"),
    (["negated", "uncertain"], "negated"),
    (["hypothetical", "negated"], "hypothetical"),
    (["family", "hypothetical", "negated"], "family"),
])
def test_one_assertion_by_precedence(modifiers: list[str], expected: str) -> None:
    assert rule_assertion(modifiers) == expected


@pytest.mark.parametrize("text, word, present, absent", [
    # the window words with their distance bucket, and as bags
    ("Biopsy shows a grade 4 glioma in the left lobe.", "glioma",
     {"pre:1:0", "pre:2-3:grade", "pre:2-3:a", "post:1:in", "post_bag:lobe", "pre_bag:biopsy", "no_cue"},
     {"cat=negated"}),
    # a negation cue before the mention: its rule, category, direction and distance bucket
    ("There is no glioma on the current study.", "glioma",
     {"cat=negated", "cat=negated:pre:1", "pre:1:no"}, {"no_cue"}),
    # near miss: the same words after the mention are not a cue before it
    ("Glioma, no change since the prior study.", "Glioma", {"post:2-3:no"}, {"pre:1:no"}),
    # a hedge
    ("Findings are concerning for glioma.", "glioma", {"cat=uncertain"}, {"cat=negated"}),
    # a section that makes what is under it historical: the section and the scope rule
    ("PAST MEDICAL HISTORY:\nGlioma, left parietal.\nHypertension.\n", "Glioma",
     {"section=past_medical_history", "cat=historical", "cue=hist.section"}, {"cat=negated"}),
    # a relative with a verb: family
    ("Her mother had a glioma at age 50.", "glioma", {"cat=family"}, {"cat=negated"}),
    # the words of another sentence are not in the window
    ("No headache today.\nGlioma is stable.", "Glioma", {"no_cue"}, {"pre_bag:no", "pre_bag:headache"}),
    # a list item under a heading that reaches the items below it
    ("Differential diagnosis:\n1. glioma\n2. abscess\n", "glioma",
     {"list_item", "cat=uncertain", "scope=scope.list_items", "scope_cat=uncertain"}, {"no_cue"}),
])
def test_assertion_features(nlp, text: str, word: str, present: set[str], absent: set[str]) -> None:  # type: ignore[no-untyped-def]
    _, span = _span(nlp, text, word)
    features = assertion_features(span)
    assert present <= set(features), sorted(features)
    assert not absent & set(features)
    assert features["concept=GLIOMA"] == 1.0 and all(v == 1.0 for v in features.values())


def test_cue_features_name_the_rule_that_fired(nlp) -> None:  # type: ignore[no-untyped-def]
    _, span = _span(nlp, "The patient denies any glioma symptoms.", "glioma")
    rule_ids = [(m.rule.metadata or {}).get("id") for m in span._.modifiers]
    features = assertion_features(span)
    assert rule_ids and all(f"cue={rid}" in features for rid in rule_ids if rid)
    assert rules_label(span) == "negated"


@pytest.mark.parametrize("text, present, absent", [
    ("MRI brain 09/14/2026 was indeterminate. It could not separate tumor from necrosis.\n",
     {"sent:indeterminate", "next:necrosis", "section=none"}, set()),
    # another section's sentences are not "next", but a report's impression is read for its head and findings
    ("FINDINGS:\nMRI brain 09/14/2026 was reviewed.\nIMPRESSION:\nEquivocal.\n",
     {"section=findings", "sent:reviewed", "has_impression", "impr:equivocal"}, {"next:equivocal"}),
    ("TECHNIQUE:\nMRI brain with contrast.\nFINDINGS:\nA mass.\nIMPRESSION:\nIndeterminate enhancement.\n",
     {"section=technique", "impr:indeterminate", "impr_concept=IMAGING_INCONCLUSIVE"}, {"next:mass"}),
    # near miss: another report's title comes first, so this impression is not the mention's
    ("TECHNIQUE:\nMRI brain with contrast.\nEXAM: CT HEAD WITHOUT CONTRAST\nIMPRESSION:\nIndeterminate.\n",
     {"section=technique"}, {"has_impression", "impr:indeterminate"}),
    # outside a report no impression is looked for
    ("HISTORY:\nMRI brain in May.\nIMPRESSION:\nIndeterminate.\n", {"sent:may"}, {"has_impression"}),
])
def test_verdict_features(nlp, text: str, present: set[str], absent: set[str]) -> None:  # type: ignore[no-untyped-def]
    doc, span = _span(nlp, text, "MRI brain", "IMAGING")
    features = verdict_features(span, list(doc.spans["targets"]))
    assert present <= set(features), sorted(features)
    assert not absent & set(features)


@pytest.mark.parametrize("text", [
    "plain text without changes",
    "FINDINGS:\nline that wraps in the\nmiddle of a sentence here and continues on the next line of text.\n",
    "a hyphen-\nated word and a form feed\n\f\npage two",
])
def test_offsets_map_back_and_forth(text: str) -> None:
    norm = normalize(text)
    for start in range(0, len(text) - 3, 5):
        n_start, n_end = to_normalized(norm, start, start + 3)
        src = norm.to_source(n_start, n_end)
        assert src[0] <= start and src[1] >= start + 3 - 1
