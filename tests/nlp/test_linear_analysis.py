"""Analysis in time linear in the text: the same sentences and ConText edges as the quadratic originals, a
number of comparisons that grows with the text rather than its square, and a time budget per document."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from medspacy.context import ConTextModifier
from medspacy.context.context_graph import ConTextGraph

from pipeline.contracts import ErrorRecord, ScreeningResult
from pipeline.ingest import IngestLimits
from pipeline.nlp import analyse, build_nlp, normalize
from pipeline.nlp.components import _ABBREVIATIONS

REPO = Path(__file__).resolve().parents[2]
DEV = sorted((REPO / "annotations" / "packets").glob("dev-0[0-2]*.txt"))

SENTENCES = [
    "No evidence of recurrent glioblastoma. Mother had GBM, but no seizures.",
    "Differential diagnosis includes abscess versus metastasis; cannot exclude lymphoma.",
    "If seizures recur, consider MRS. No mass effect, but there is enhancement concerning for tumor.",
    "IMPRESSION:\n1. Indeterminate enhancing lesion, r/o recurrence.\n2. No hydrocephalus.\n",
    "Pt denies headache, nausea or vision change; history of radiation necrosis, resolved.",
    "Family history: brother with Leigh syndrome. Patient negative for MELAS on genetic testing.",
    "",
]


def _edges(doc: Any) -> list[tuple[int, int, str, tuple[tuple[str, int, int], ...]]]:
    return [(t.start, t.end, t.label_, tuple(sorted((m.category, *m.modifier_span) for m in t._.modifiers)))
            for t in doc.spans["targets"]]


@pytest.fixture(scope="module")
def both() -> tuple[Any, Any]:
    """Our pipeline, and the same pipeline with medspaCy's own ConTextGraph (its quadratic scope and modifier loops)
    and the same rules. Our component keeps a quiet cue only where its words hold (context.yaml `quiet`), so the
    reference shares our component and swaps only the graph."""
    ours = build_nlp()
    theirs = build_nlp()
    theirs.get_pipe("prior_auth_context").graph_class = ConTextGraph
    return ours, theirs


def test_our_context_is_medspacys_without_quiet_cues() -> None:
    """With no quiet rule, our component reads the matches as medspaCy's ConText does: its edges are medspaCy's."""
    ours = build_nlp()
    rules = [r for r in ours.get_pipe("prior_auth_context").rules if not (r.metadata or {}).get("quiet")]
    mine, theirs = build_nlp(), build_nlp()
    config = dict(theirs.get_pipe_config("prior_auth_context"))
    config.pop("factory", None)
    for nlp, factory in ((mine, "prior_auth_context"), (theirs, "medspacy_context")):
        nlp.replace_pipe("prior_auth_context", factory, config=config)
        nlp.get_pipe("prior_auth_context").add(rules)
    for text in SENTENCES + [p.read_text(encoding="utf-8") for p in DEV[:3]]:
        norm = normalize(text)
        assert _edges(analyse(mine, norm)) == _edges(analyse(theirs, norm))


@pytest.mark.parametrize("text", SENTENCES + [p.read_text(encoding="utf-8") for p in DEV],
                         ids=[f"sentence-{i}" for i in range(len(SENTENCES))] + [p.stem for p in DEV])
def test_scoped_context_gives_medspacys_edges(both: tuple[Any, Any], text: str) -> None:
    ours, theirs = both
    norm = normalize(text)
    assert _edges(analyse(ours, norm)) == _edges(analyse(theirs, norm))


def test_context_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch, both: tuple[Any, Any]) -> None:
    ours, _ = both
    calls = {"n": 0}
    original_modifies, original_limit = ConTextModifier.modifies, ConTextModifier.limit_scope

    def modifies(self: Any, target: Any) -> bool:
        calls["n"] += 1
        return original_modifies(self, target)

    def limit_scope(self: Any, other: Any) -> bool:
        calls["n"] += 1
        return original_limit(self, other)

    monkeypatch.setattr(ConTextModifier, "modifies", modifies)
    monkeypatch.setattr(ConTextModifier, "limit_scope", limit_scope)
    text = normalize(DEV[0].read_text(encoding="utf-8")).text
    counts = []
    for copies in (1, 8):
        calls["n"] = 0
        ours("\n\n".join([text] * copies))
        counts.append(calls["n"])
    assert counts[0] > 0
    assert counts[1] <= 8 * counts[0] * 1.1, counts  # medspaCy's own graph: about 64 times


def _reference_sentence_starts(doc: Any) -> list[bool]:
    """The token-by-token definition of clinical_sentences (quadratic in spaCy 3.7), as an oracle."""
    out, start_next, last_item, closer, prev_text = [], True, 0, -1, ""
    for i, token in enumerate(doc):
        if token.is_space:
            out.append(start_next and i == 0)
            if "\n" in token.text:
                start_next, last_item = True, 0
            continue
        number = (len(token.text) <= 2 and token.text.isdigit() and i + 2 < len(doc)
                  and doc[i + 1].text in {".", ")"} and doc[i + 1].whitespace_ != "" and not doc[i + 2].is_space)
        if number and ((start_next or i == 0) or (last_item and int(token.text) == last_item + 1)
                       or (token.text == "1" and prev_text == ":")):
            start_next, last_item, closer = True, int(token.text), i + 1
        out.append(start_next or i == 0)
        start_next = "\n" in token.whitespace_
        if token.text in {".", "!", "?"} and i + 1 < len(doc) and i != closer:
            prev = doc[i - 1].lower_.rstrip(".") if i > 0 else ""
            nxt = doc[i + 1]
            if prev not in _ABBREVIATIONS and (nxt.is_space or nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
                start_next = True
        prev_text = token.text
    return out


@pytest.mark.parametrize("text", SENTENCES[:-1] + ["Dr. Smith saw pt. on 11/2. Next visit in 3 wks.\n\nPLAN:  MRS",
                                                   "DDx: 1. GBM 2. abscess 3) lymphoma. Grade 2. Then 4. x 3) y"],
                         ids=[f"text-{i}" for i in range(len(SENTENCES) + 1)])
def test_bulk_sentence_starts_match_the_definition(both: tuple[Any, Any], text: str) -> None:
    ours, _ = both
    doc = ours.make_doc(text)
    expected = _reference_sentence_starts(doc)
    ours.get_pipe("clinical_sentences")(doc)
    assert [bool(t.is_sent_start) for t in doc] == expected


class SlowNlp:
    """The screener's NLP, sleeping (in Python, as a slow component would) on texts that contain `marker`; other
    texts are analysed once and then answered from memory, so a fine document's time under the budget does not
    depend on how loaded the machine is."""

    def __init__(self, nlp: Any, marker: str) -> None:
        self.nlp, self.marker, self.max_length = nlp, marker, nlp.max_length
        self.memory: dict[str, Any] = {}

    def make_doc(self, text: str) -> Any:
        return self.nlp.make_doc(text)

    def __call__(self, doc: Any) -> Any:
        text = doc if isinstance(doc, str) else doc.text
        if self.marker in text:
            time.sleep(30)
        if text not in self.memory:
            self.memory[text] = self.nlp(doc)
        return self.memory[text]


def test_analysis_over_budget_is_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.screen import Screener

    screener = Screener(policy_dir=REPO / "policies", isolate=False, limits=IngestLimits(analysis_seconds=5))
    monkeypatch.setattr(screener, "nlp", SlowNlp(screener.nlp, "SLOW-MARKER"))
    slow, fine = tmp_path / "slow.txt", tmp_path / "fine.txt"
    slow.write_text(DEV[0].read_text(encoding="utf-8") + "\nSLOW-MARKER\n", encoding="utf-8")
    fine.write_text(DEV[0].read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(screener, "limits", IngestLimits(analysis_seconds=3600))  # analyse the fine one once, unhurried
    assert isinstance(next(screener.screen([fine])), ScreeningResult)
    monkeypatch.setattr(screener, "limits", IngestLimits(analysis_seconds=5))
    first, second = screener.screen([slow, fine])
    assert isinstance(first, ErrorRecord) and (first.code, first.stage) == ("E111", "nlp")
    assert "slow.txt" in first.message and "SLOW-MARKER" not in first.message
    assert isinstance(second, ScreeningResult)
