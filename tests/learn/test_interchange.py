"""Label Studio, brat and DocBin interchange of the span gold: round trips, and what an import makes of edits."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.learn.gold import GoldSpan, load_gold, write_gold
from pipeline.learn.interchange import (
    label_studio_config,
    label_studio_tasks,
    read_brat,
    read_docbin,
    read_label_studio,
    spans_from_label_studio,
    write_brat,
    write_docbin,
)

# non-ASCII text, a page break, a span across a line break, overlapping spans, spans at 0 and at the end
TEXT = ("Glioblastoma, IDH-wildtype, résection partielle.\n\f\nMRI brain 3/4: tumor\nprogression versus "
        "radiation necrosis; Mutter hatte GBM.\nNo seizures. 脳腫瘍 suspected")
SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


def _s(phrase: str, concept: str, assertion: str, verdict: str | None = None, *, nth: int = 0,
       origin: str = "pipeline", rule_id: str | None = "r.x", note: str | None = None) -> GoldSpan:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return GoldSpan(packet="dev-900", document_sha256=SHA, start=start, end=start + len(phrase), text=phrase,
                    concept=concept, assertion=assertion, verdict=verdict, origin=origin,  # type: ignore[arg-type]
                    rule_id=rule_id, note=note)


GOLD = sorted([
    _s("Glioblastoma", "GLIOMA", "present"),                                   # at offset 0
    _s("résection partielle", "PRIOR_RESECTION", "historical", origin="added", rule_id=None,
       note="completed\nsurgery\twith a tab \\ and a backslash"),
    _s("MRI brain", "IMAGING", "present", "inconclusive", origin="corrected", note="the study was done"),
    _s("tumor\nprogression", "RECURRENCE", "possible"),                        # across a line break
    _s("tumor", "BRAIN_TUMOR", "possible", nth=0),                               # overlaps the span above
    _s("radiation necrosis", "TREATMENT_EFFECT", "possible"),
    _s("GBM", "GLIOMA", "family"),
    _s("seizures", "SEIZURE", "negated"),
    _s("脳腫瘍 suspected", "BRAIN_TUMOR", "possible", origin="added", rule_id=None),  # at the end of the text
], key=lambda s: s.key)
PREDICTIONS = [_s("Glioblastoma", "GLIOMA", "present"), _s("MRI brain", "IMAGING", "historical", "not_stated"),
               _s("seizures", "SEIZURE", "negated")]


@pytest.fixture
def packets(tmp_path: Path) -> Path:
    folder = tmp_path / "packets"
    folder.mkdir()
    (folder / "dev-900.txt").write_bytes(TEXT.encode("utf-8"))
    return folder


def test_fixture_spans_are_valid_gold(tmp_path: Path, packets: Path) -> None:
    write_gold(GOLD, tmp_path / "spans")
    assert load_gold(tmp_path / "spans", packets=packets) == GOLD
    assert GOLD[0].start == 0 and GOLD[-1].end == len(TEXT)


def _label_studio(tmp: Path, packets: Path) -> list[GoldSpan]:
    tasks = label_studio_tasks({"dev-900": TEXT}, GOLD, PREDICTIONS, shas={"dev-900": SHA}, model_version="m@1")
    (tmp / "export.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    spans, ids, texts = read_label_studio(tmp / "export.json")
    assert ids == ["dev-900"] and texts == {"dev-900": TEXT}
    return spans


def _brat(tmp: Path, packets: Path) -> list[GoldSpan]:
    assert write_brat({"dev-900": TEXT}, GOLD, tmp / "brat") == len(GOLD)
    spans, ids = read_brat(tmp / "brat", packets)
    assert ids == ["dev-900"]
    return spans


def _docbin(tmp: Path, packets: Path) -> list[GoldSpan]:
    written, _ = write_docbin({"dev-900": TEXT}, GOLD, tmp / "docbin")
    assert written == len(GOLD)
    return read_docbin(tmp / "docbin" / "gold.spacy")


@pytest.mark.parametrize("round_trip", [_label_studio, _brat, _docbin], ids=["label-studio", "brat", "docbin"])
def test_export_then_import_gives_identical_gold(round_trip, tmp_path: Path, packets: Path) -> None:  # type: ignore[no-untyped-def]
    assert sorted(round_trip(tmp_path, packets), key=lambda s: s.key) == GOLD


def test_label_studio_task_shape_and_config() -> None:
    [task] = label_studio_tasks({"dev-900": TEXT}, GOLD, PREDICTIONS, shas={"dev-900": SHA}, model_version="m@1")
    assert task["data"]["text"] == TEXT and task["data"]["document_sha256"] == SHA
    pred = task["predictions"][0]
    assert pred["model_version"] == "m@1"
    labels = [r for r in pred["result"] if r["type"] == "labels"]
    assert [(r["value"]["start"], r["value"]["labels"]) for r in labels] == [
        (s.start, [s.concept]) for s in PREDICTIONS]
    choices = {(r["id"], r["from_name"]): r["value"]["choices"] for r in pred["result"] if r["type"] == "choices"}
    assert choices[("p2", "verdict")] == ["not_stated"] and choices[("p2", "assertion")] == ["historical"]
    assert task["annotations"][0]["ground_truth"] is True
    config = label_studio_config()
    assert '<Label value="GLIOMA"/>' in config and 'name="assertion"' in config and 'perRegion="true"' in config
    assert 'whenLabelValue="IMAGING,IMAGING_SEQUENCE"' in config


def _region(result: list[dict], rid: str, name: str) -> dict:  # type: ignore[type-arg]
    return next(r for r in result if r["id"] == rid and r["from_name"] == name)


def test_label_studio_import_tells_kept_corrected_added_and_dropped() -> None:
    [task] = label_studio_tasks({"dev-900": TEXT}, [], PREDICTIONS, shas={"dev-900": SHA}, model_version="m@1")
    result = json.loads(json.dumps(task["predictions"][0]["result"]))  # the annotator starts from predictions
    _region(result, "p2", "assertion")["value"]["choices"] = ["present"]
    _region(result, "p2", "verdict")["value"]["choices"] = ["inconclusive"]
    result = [r for r in result if r["id"] != "p3"]  # not a mention: deleted
    start = TEXT.index("radiation necrosis")
    where = {"start": start, "end": start + len("radiation necrosis")}
    result += [{"id": "new1", "from_name": "concept", "to_name": "text", "type": "labels",
                "value": {**where, "labels": ["TREATMENT_EFFECT"]}},
               {"id": "new1", "from_name": "assertion", "to_name": "text", "type": "choices",
                "value": {**where, "choices": ["possible"]}},
               {"id": "new1", "from_name": "note", "to_name": "text", "type": "textarea",
                "value": {**where, "text": ["missed"]}}]
    task["annotations"] = [{"result": [], "was_cancelled": True},
                           {"result": result, "updated_at": "2026-12-03T00:00:00Z"}]
    spans = spans_from_label_studio(task, where="t")
    assert spans is not None
    got = [(s.text, s.assertion, s.verdict, s.origin, s.rule_id, s.note) for s in spans]
    assert got == [("Glioblastoma", "present", None, "pipeline", "r.x", None),
                   ("MRI brain", "present", "inconclusive", "corrected", "r.x", None),
                   ("radiation necrosis", "possible", None, "added", None, "missed")]


def test_label_studio_task_without_annotation_is_skipped_and_bad_regions_fail() -> None:
    [task] = label_studio_tasks({"dev-900": TEXT}, [], PREDICTIONS, shas={"dev-900": SHA}, model_version="m@1")
    assert spans_from_label_studio(task, where="t") is None
    task["annotations"] = [{"result": [{"id": "x", "from_name": "assertion", "to_name": "text", "type": "choices",
                                        "value": {"start": 0, "end": 3, "choices": ["present"]}}]}]
    with pytest.raises(ValueError, match="region x has no concept"):
        spans_from_label_studio(task, where="t")
    task["annotations"][0]["result"].append({"id": "x", "from_name": "concept", "to_name": "text",
                                             "type": "labels", "value": {"start": 0, "end": 3, "labels": ["GLIOMA"]}})
    task["annotations"][0]["result"][0]["value"]["choices"] = ["absent"]
    with pytest.raises(ValueError, match="assertion") as err:
        spans_from_label_studio(task, where="t")
    assert "Gli" not in str(err.value)


@pytest.mark.parametrize(("ann", "fragment"), [
    ("T1\tGLIOMA 0 x\tGlioblastoma\n", "offsets"),
    ("T1\tGLIOMA 0 12\tGlioblastoma\nA1\tAssertion T9 present\n", "T line above"),
    ("T1\tGLIOMA 0 12\tGlioblastoma\nA1\tAssertion T1 absent\n", "assertion"),
    ("T1\tGLIOMA 0 9999\tGlioblastoma\nA1\tAssertion T1 present\n", "outside the text"),
])
def test_brat_errors_name_the_file_and_line(tmp_path: Path, packets: Path, ann: str, fragment: str) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "dev-900.txt").write_bytes(TEXT.encode("utf-8"))
    (folder / "dev-900.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(ValueError, match=fragment) as err:
        read_brat(folder, packets)
    assert str(err.value).startswith("dev-900.ann")


def test_brat_import_refuses_a_changed_text(tmp_path: Path, packets: Path) -> None:
    write_brat({"dev-900": TEXT}, GOLD, tmp_path / "brat")
    (tmp_path / "brat" / "dev-900.txt").write_text(TEXT.upper(), encoding="utf-8")
    with pytest.raises(ValueError, match="differs"):
        read_brat(tmp_path / "brat", packets)


def test_export_and_import_commands_round_trip(tmp_path: Path, packets: Path) -> None:
    gold, preds = tmp_path / "spans", tmp_path / "boot"
    write_gold(GOLD, gold)
    write_gold(PREDICTIONS, preds)
    runner = CliRunner()
    for fmt in ("label-studio", "brat", "docbin"):
        result = runner.invoke(app, ["annotations", "export", "--to", fmt, "--out", str(tmp_path / fmt),
                                     "--gold", str(gold), "--predictions", str(preds), "--packets", str(packets),
                                     "all"])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "label-studio" / "labeling_config.xml").is_file()
    for fmt, source in (("label-studio", tmp_path / "label-studio" / "tasks.json"), ("brat", tmp_path / "brat")):
        out = tmp_path / f"in-{fmt}"
        result = runner.invoke(app, ["annotations", "import", str(source), "--from", fmt, "--out", str(out),
                                     "--packets", str(packets)])
        assert result.exit_code == 0, result.output
        assert load_gold(out, packets=packets) == GOLD
    result = runner.invoke(app, ["annotations", "import", str(tmp_path / "nothing.json"), "--from", "label-studio",
                                 "--out", str(tmp_path / "x"), "--packets", str(packets)])
    assert result.exit_code == 2
