"""The gold span format: reading, writing, validation errors (file and line, never the text)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from pipeline.learn.gold import (
    FORMAT,
    GoldError,
    GoldSpan,
    assertion_of,
    canonical_text,
    gold_digest,
    load_gold,
    write_gold,
)

TEXT = "Héadache.\r\nMother had glioblastoma; no seizures.\nMRI brain 1/2/2026 was equivocal.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, str]:
    packets = tmp_path / "packets"
    packets.mkdir()
    (packets / "dev-900.txt").write_bytes(TEXT.encode("utf-8"))
    return tmp_path / "spans", packets, hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


def _span(text: str, sha: str, word: str, concept: str, assertion: str, verdict: str | None = None,
          **kw: object) -> GoldSpan:
    start = text.index(word)
    return GoldSpan(packet="dev-900", document_sha256=sha, start=start, end=start + len(word), text=word,
                    concept=concept, assertion=assertion, verdict=verdict, **kw)  # type: ignore[arg-type]


def test_canonical_text_normalises_newlines(corpus: tuple[Path, Path, str]) -> None:
    _, packets, _ = corpus
    assert canonical_text(packets / "dev-900.txt") == TEXT.replace("\r\n", "\n")


def test_write_then_load_round_trip(corpus: tuple[Path, Path, str]) -> None:
    spans_dir, packets, sha = corpus
    text = canonical_text(packets / "dev-900.txt")
    spans = [_span(text, sha, "MRI brain", "IMAGING", "historical", "inconclusive", rule_id="img.mri"),
             _span(text, sha, "glioblastoma", "GLIOMA", "family", origin="corrected", note="relative"),
             _span(text, sha, "seizures", "SEIZURE", "negated", origin="added")]
    write_gold(spans, spans_dir)
    loaded = load_gold(spans_dir)
    assert loaded == sorted(spans, key=lambda s: s.key)
    first = json.loads((spans_dir / "dev-900.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert list(first) == ["format", "packet", "document_sha256", "start", "end", "text", "concept", "assertion",
                           "verdict", "origin", "rule_id", "note"]
    assert first["format"] == FORMAT and first["concept"] == "GLIOMA"


def test_digest_changes_with_content(corpus: tuple[Path, Path, str]) -> None:
    spans_dir, packets, sha = corpus
    text = canonical_text(packets / "dev-900.txt")
    write_gold([_span(text, sha, "seizures", "SEIZURE", "negated")], spans_dir)
    before = gold_digest(spans_dir)
    assert before == gold_digest(spans_dir)
    write_gold([_span(text, sha, "seizures", "SEIZURE", "present")], spans_dir)
    assert gold_digest(spans_dir) != before


@pytest.mark.parametrize(("modifiers", "expected"), [
    ([], "present"),
    (["historical"], "historical"),
    (["uncertain"], "possible"),
    (["uncertain", "historical"], "possible"),
    (["negated", "uncertain"], "negated"),
    (["negated", "hypothetical"], "hypothetical"),
    (["hypothetical", "family"], "family"),
    (["family", "negated", "uncertain", "historical", "hypothetical"], "family"),
])
def test_assertion_precedence(modifiers: list[str], expected: str) -> None:
    assert assertion_of(modifiers) == expected


BAD_FIELDS = [
    ({"assertion": "absent"}, "assertion"),
    ({"verdict": "inconclusive"}, "verdict"),  # SEIZURE is not an imaging study
    ({"concept": "LOOKALIKE"}, "concept"),
    ({"origin": "model"}, "origin"),
    ({"format": "prescreen-spans/1"}, "format"),
    ({"start": 5, "end": 5, "text": ""}, "start/end"),
    ({"document_sha256": "ABC"}, "document_sha256"),
    ({"extra_field": 1}, "extra_field"),
    ({"text": "seizure "}, "white space"),
]


@pytest.mark.parametrize(("change", "field"), BAD_FIELDS)
def test_invalid_labels_name_file_line_and_field(corpus: tuple[Path, Path, str], change: dict[str, object],
                                                 field: str) -> None:
    spans_dir, packets, sha = corpus
    text = canonical_text(packets / "dev-900.txt")
    good = _span(text, sha, "seizures", "SEIZURE", "negated").model_dump()
    spans_dir.mkdir()
    lines = [json.dumps(_span(text, sha, "Héadache", "NEW_SYMPTOM", "present").model_dump()),
             json.dumps({**good, **change})]
    (spans_dir / "dev-900.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold(spans_dir)
    message = str(err.value)
    assert message.startswith("dev-900.jsonl line 2:") and field in message
    assert "seizures" not in message


@pytest.mark.parametrize(("change", "fragment"), [
    ({"document_sha256": "0" * 64}, "document_sha256 does not match"),
    ({"start": 0, "end": 8, "text": "Headache"}, "not the slice"),
    ({"start": len(TEXT), "end": len(TEXT) + 3, "text": "abc"}, "past the end"),
    ({"packet": "dev-901"}, "file name"),
])
def test_text_checks(corpus: tuple[Path, Path, str], change: dict[str, object], fragment: str) -> None:
    spans_dir, packets, sha = corpus
    text = canonical_text(packets / "dev-900.txt")
    good = _span(text, sha, "seizures", "SEIZURE", "negated").model_dump()
    spans_dir.mkdir()
    (spans_dir / "dev-900.jsonl").write_text(json.dumps({**good, **change}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=fragment) as err:
        load_gold(spans_dir)
    assert "line 1" in str(err.value)
    # without the texts only the shape is checked
    if "packet" not in change:
        assert len(load_gold(spans_dir, check_text=False)) == 1


def test_unsorted_duplicates_and_bad_json_are_refused(corpus: tuple[Path, Path, str]) -> None:
    spans_dir, packets, sha = corpus
    text = canonical_text(packets / "dev-900.txt")
    a = _span(text, sha, "Héadache", "NEW_SYMPTOM", "present").to_json()
    b = _span(text, sha, "seizures", "SEIZURE", "negated").to_json()
    spans_dir.mkdir()
    path = spans_dir / "dev-900.jsonl"
    for content, fragment in [(b + "\n" + a + "\n", "line 2: spans must be sorted"),
                              (a + "\n" + a + "\n", "line 2: spans must be sorted"),
                              (a + "\n{not json\n", "line 2: not JSON"),
                              ("[1, 2]\n", "line 1: not a JSON object")]:
        path.write_text(content, encoding="utf-8")
        with pytest.raises(GoldError, match=fragment):
            load_gold(spans_dir)
    with pytest.raises(GoldError, match="two spans"):
        write_gold([GoldSpan.model_validate_json(a), GoldSpan.model_validate_json(a)], spans_dir)


def test_missing_packet_text_and_directory(corpus: tuple[Path, Path, str], tmp_path: Path) -> None:
    spans_dir, packets, sha = corpus
    text = canonical_text(packets / "dev-900.txt")
    write_gold([_span(text, sha, "seizures", "SEIZURE", "negated")], spans_dir)
    (packets / "dev-900.txt").unlink()
    with pytest.raises(GoldError, match="no packet text"):
        load_gold(spans_dir)
    with pytest.raises(GoldError, match="no such gold directory"):
        load_gold(tmp_path / "nowhere")


def test_ids_select_packets_and_empty_files_are_written(corpus: tuple[Path, Path, str]) -> None:
    spans_dir, packets, sha = corpus
    (packets / "dev-901.txt").write_text("nothing here\n", encoding="utf-8")
    text = canonical_text(packets / "dev-900.txt")
    written = write_gold([_span(text, sha, "seizures", "SEIZURE", "negated")], spans_dir, packets=["dev-901"])
    assert [p.name for p in written] == ["dev-900.jsonl", "dev-901.jsonl"]
    assert load_gold(spans_dir, ids=["dev-901"]) == []
    assert len(load_gold(spans_dir)) == 1
