"""`learned_extractors`: the spaCy component that runs the shipped models over the target mentions.

It runs after ConText and the scopes, reads each target's features (pipeline/learn/features.py), and records
each model's label and probability per target (`predictions(doc)`): the assertion model for every target, the
verdict model for imaging-study targets. Whether a label replaces the rules' is decided here from the mode and
the model's threshold (`ModelOutput.applied`); pipeline/nlp/extract.py applies assertions to the mentions and
pipeline/facts/imaging.py applies verdicts to the studies.
"""

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..contracts import ModelOutput
from ..nlp.components import TARGET_GROUP
from .features import assertion_features, verdict_features
from .registry import ShippedModel, load_model

USER_DATA_KEY = "learned_extractor_outputs"
IMAGING_CONCEPTS = frozenset({"IMAGING", "IMAGING_SEQUENCE"})


def predictions(doc: Doc) -> dict[tuple[int, int], list[ModelOutput]]:
    """(start token, end token) of a target -> the models' outputs for it (empty without the component)."""
    out: dict[tuple[int, int], list[ModelOutput]] = doc.user_data.get(USER_DATA_KEY, {})
    return out


class LearnedExtractors:
    """Runs the assertion and verdict models configured for `mode` (model or rules+model)."""

    def __init__(self, name: str, mode: str, assertion: str, verdict: str) -> None:
        self.name = name
        self.mode = mode
        self.assertion: ShippedModel | None = load_model(assertion) if assertion else None
        self.verdict: ShippedModel | None = load_model(verdict) if verdict else None

    def _outputs(self, shipped: ShippedModel, features: list[dict[str, float]]) -> list[ModelOutput]:
        out = []
        for label, probability in shipped.model.predict(features):
            applied = self.mode == "model" or probability >= shipped.threshold
            out.append(ModelOutput(model=shipped.id, kind=shipped.kind, label=label,
                                   probability=round(probability, 4), applied=applied))
        return out

    def __call__(self, doc: Doc) -> Doc:
        targets = list(doc.spans[TARGET_GROUP])
        # one prediction per distinct token span (ConText results are shared by spans with the same tokens)
        unique = list({(s.start, s.end): s for s in targets}.values())
        found: dict[tuple[int, int], list[ModelOutput]] = {}
        if self.assertion is not None and unique:
            outputs = self._outputs(self.assertion, [assertion_features(s) for s in unique])
            for span, output in zip(unique, outputs, strict=True):
                found.setdefault((span.start, span.end), []).append(output)
        imaging = [s for s in unique if s.label_ in IMAGING_CONCEPTS]
        if self.verdict is not None and imaging:
            outputs = self._outputs(self.verdict, [verdict_features(s, targets) for s in imaging])
            for span, output in zip(imaging, outputs, strict=True):
                found.setdefault((span.start, span.end), []).append(output)
        doc.user_data[USER_DATA_KEY] = found
        return doc


@Language.factory("learned_extractors", default_config={"mode": "rules+model", "assertion": "", "verdict": ""})
def make_learned_extractors(nlp: Language, name: str, mode: str, assertion: str, verdict: str) -> Any:
    return LearnedExtractors(name, mode, assertion, verdict)
