"""A small synthetic annotations folder (packets, gold spans, NegEx-format sentences) and hand-made model folders
for the learned-extractor tests. Every sentence here is written for the tests."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.learn.gold import GoldSpan, write_gold
from pipeline.learn.linear import LinearModel

# (sentence with the condition in [brackets], assertion): fresh sentences, a few per class
SENTENCES = [
    ("She reports [dizziness] since Monday.", "present"),
    ("Exam shows [papilledema] on the left.", "present"),
    ("He has [weakness] of the right arm.", "present"),
    ("New [aphasia] noted by nursing staff.", "present"),
    ("The scan demonstrates [edema] around the cavity.", "present"),
    ("[Seizures] occurred twice this week.", "present"),
    ("Persistent [vomiting] overnight.", "present"),
    ("Daughter notes [confusion] in the evenings.", "present"),
    ("She denies [dizziness] today.", "negated"),
    ("No [papilledema] on fundoscopy.", "negated"),
    ("Negative for [weakness] in all limbs.", "negated"),
    ("There is no [aphasia] at present.", "negated"),
    ("Without [edema] of the extremities.", "negated"),
    ("He denies any [seizures] since discharge.", "negated"),
    ("No [vomiting] or nausea reported.", "negated"),
    ("Free of [confusion] on rounds.", "negated"),
    ("History of [dizziness] in 2019.", "historical"),
    ("Remote history of [papilledema] as a child.", "historical"),
    ("Prior history of [weakness] after a fall years ago.", "historical"),
    ("History of [aphasia] in 2015, resolved.", "historical"),
    ("Past history of [edema] during pregnancy.", "historical"),
    ("History of [seizures] as a teenager.", "historical"),
    ("Remote history of [vomiting] with migraines.", "historical"),
    ("History of [confusion] after surgery in 2010.", "historical"),
]
HEADER = "line number\tCondition\tsentence\tnegation\ttemporality\texperiencer\n"

PACKETS = {
    "dev-901": ("dev", "HISTORY OF PRESENT ILLNESS:\nKnown glioblastoma, resected 2024. No hydrocephalus.\n"
                       "MRI brain 09/14/2026 was indeterminate for recurrence.\n"),
    "dev-902": ("dev", "ASSESSMENT:\nSuspected glioma in the left frontal lobe. Mother had a meningioma.\n"
                       "CT head 08/02/2026 showed a mass.\n"),
    "heldout-901": ("heldout", "HISTORY:\nNo glioma. Biopsy planned if the lesion grows.\n"
                               "MRI brain 07/07/2026 was equivocal.\n"),
}
# (packet, word, concept, assertion, verdict)
SPANS = [
    ("dev-901", "glioblastoma", "GLIOMA", "present", None),
    ("dev-901", "hydrocephalus", "BRAIN_LESION", "negated", None),
    ("dev-901", "MRI brain", "IMAGING", "present", "inconclusive"),
    ("dev-902", "glioma", "GLIOMA", "possible", None),
    ("dev-902", "meningioma", "BRAIN_TUMOR", "family", None),
    ("dev-902", "CT head", "IMAGING", "present", "conclusive"),
    ("heldout-901", "glioma", "GLIOMA", "negated", None),
    ("heldout-901", "Biopsy", "BIOPSY", "hypothetical", None),
    ("heldout-901", "MRI brain", "IMAGING", "present", "inconclusive"),
]


def negex_line(i: int, sentence: str, label: str) -> str:
    condition = sentence[sentence.index("[") + 1:sentence.index("]")]
    text = sentence.replace("[", "").replace("]", "")
    negation = "Negated" if label == "negated" else "Affirmed"
    temporality = "Historical" if label == "historical" else "Recent"
    return f"{i}\t{condition.lower()}\t{text}\t{negation}\t{temporality}\tPatient\n"


def write_annotations(root: Path, *, copies: int = 3) -> Path:
    """annotations/ with packets/, spans/ and external/negex/ (each NegEx sentence `copies` times, with distinct
    ids so both halves get some)."""
    packets = root / "packets"
    packets.mkdir(parents=True)
    spans = []
    for pid, (split, text) in PACKETS.items():
        (packets / f"{pid}.txt").write_text(text, encoding="utf-8")
        (packets / f"{pid}.yaml").write_text(f"id: {pid}\nsplit: {split}\ntitle: synthetic\nexpected: {{}}\n",
                                             encoding="utf-8")
        sha = hashlib.sha256(text.encode()).hexdigest()
        for packet, word, concept, assertion, verdict in SPANS:
            if packet == pid:
                start = text.index(word)
                spans.append(GoldSpan(packet=pid, document_sha256=sha, start=start, end=start + len(word),
                                      text=word, concept=concept, assertion=assertion, verdict=verdict))
    write_gold(spans, root / "spans")
    negex = root / "external" / "negex"
    negex.mkdir(parents=True)
    lines = [negex_line(k * len(SENTENCES) + i + 1, s, label)
             for k in range(copies) for i, (s, label) in enumerate(SENTENCES)]
    (negex / "rsAnnotations-1-120-random.txt").write_text(HEADER + "".join(lines), encoding="utf-8")
    return root


def constant_model(folder: Path, *, kind: str, labels: tuple[str, str], favoured: str, threshold: float = 0.9,
                   strength: float = 8.0, version: str = "9.9.9") -> Path:
    """A model folder whose model gives every mention `favoured` (one of two labels) with probability
    1/(1+exp(-strength)) (0.9997 for 8)."""
    sign = 1.0 if favoured == labels[1] else -1.0
    model = LinearModel(labels=labels, vocabulary=("bias",), weights=((sign * strength,),), intercept=(0.0,),
                        calibration=((-1.0, 0.0),))
    folder.mkdir(parents=True, exist_ok=True)
    text = model.to_json()
    (folder / "model.json").write_text(text, encoding="utf-8")
    meta = {"name": kind, "version": version, "kind": kind, "threshold": threshold,
            "model_sha256": hashlib.sha256(text.encode()).hexdigest()}
    (folder / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder
