"""MODEL_CARD.md of a model folder, written from its metadata.json and (when given) its evaluation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .registry import CARD_FILE

_USE = {
    "assertion": "Assigns one assertion (present, negated, possible, historical, hypothetical, family) to each "
                 "target mention the rules find in a prior-authorization packet, from the mention's context "
                 "window, section, the ConText cue hits on it and the scopes that reach it.",
    "verdict": "Says whether the text about a cited brain imaging study (its sentence and the sentences after it "
               "in the same section) calls the study inconclusive or conclusive, or states no verdict.",
}


def _table(modes: dict[str, Any]) -> list[str]:
    names = list(modes)
    labels = [k for k in next(iter(modes.values())) if k != "macro"]
    out = ["| class | " + " | ".join(f"{n} F1" for n in names) + " | support |",
           "|---|" + "---|" * len(names) + "---|"]
    for label in labels:
        support = next(iter(modes.values()))[label]["support"]
        out.append(f"| {label} | " + " | ".join(f"{modes[n][label]['f1']:.3f}" for n in names) + f" | {support} |")
    out.append("| macro F1 (classes with support) | " + " | ".join(f"{modes[n]['macro']['f1']:.3f}" for n in names)
               + " | |")
    out.append("| accuracy | " + " | ".join(f"{modes[n]['macro']['accuracy']:.3f}" for n in names) + " | |")
    return out


def render_card(meta: dict[str, Any], evaluation: dict[str, Any] | None) -> str:
    kind = meta["kind"]
    data = meta["training_data"]
    hp = meta["hyperparameters"]
    lines = [
        f"# Model card: {meta['name']}@{meta['version']}",
        "",
        "## Intended use",
        "",
        _USE.get(kind, ""),
        "It runs inside the screening pipeline (`learned_extractors`, after ConText) when models/extractors.yaml or "
        "`PRESCREEN_EXTRACTORS` selects `model` or `rules+model`; a label it gives is named in the mention and its "
        f"evidence (`model: {meta['name']}@{meta['version']}`, probability). In `rules+model` it replaces the "
        f"rules' label only at a probability of {meta['threshold']} or more. It never decides a case alone: the "
        "criteria still approve only with evidence and otherwise pend.",
        "",
        "## Training data",
        "",
        f"- Sets: {', '.join(data['sets'])} ({data['examples']} examples; dev packets: {data['dev_packets']}). "
        "Held-out packets and the NegEx test half are never used for training or for choosing anything.",
        f"- Label counts: {', '.join(f'{k} {v}' for k, v in data['label_counts'].items())}.",
    ]
    for name, digest in data["digests"].items():
        lines.append(f"- Digest of {name}: `{digest}`")
    lines += [
        f"- Model file digest (sha256 of model.json): `{meta['model_sha256']}`",
        f"- Code version: mrs-prescreen {meta['code_version']}",
        "",
        "## Model and features",
        "",
        f"Multinomial logistic regression (scikit-learn, lbfgs, class_weight=balanced, C={hp['C']} chosen by "
        "grouped 5-fold cross-validation on the training set, macro F1), calibrated by Platt scaling one-vs-rest "
        "on out-of-fold scores (CalibratedClassifierCV, sigmoid, ensemble=False). Stored as JSON (weights per "
        "feature name, intercepts, calibrators); prediction needs numpy only. Seed "
        f"{hp['seed']}: the same data gives the same bytes.",
        "",
    ]
    if hp.get("dropped_classes"):
        lines += [f"Classes with too few training examples to calibrate, left out: {', '.join(hp['dropped_classes'])}.",
                  ""]
    if kind == "assertion":
        lines.append(f"Features: concept; section; the {meta['features']['window_tokens']} words before and after "
                     "the mention in its sentence with distance buckets (1, 2-3, 4-6) and as bags; each ConText cue "
                     "on the mention (rule id, category, direction, distance bucket); the scope rule that carried a "
                     "cue (section, list, rule extension); the plan-branch arrow; list-item sentences. Vocabulary: "
                     f"{meta['features']['vocabulary']} feature names.")
    else:
        lines.append(f"Features: concept; section; the words of the mention's sentence and of up to "
                     f"{meta['features']['follow_on_sentences']} following sentences of the same section, and of "
                     "the report's impression for a mention in a report's title, indication, technique, comparison "
                     "or findings; the target concepts found there with their assertion. Vocabulary: "
                     f"{meta['features']['vocabulary']} feature names.")
    lines += ["", "## Metrics", "", "Dev cross-validation (grouped by packet, the rules scored on the same spans):",
              ""]
    lines += _table(meta["dev_cv"])
    if evaluation:
        held = evaluation.get("heldout_packets") or {}
        lines += ["", f"Held-out gold: {held.get('reviewed', 0)} reviewed packets scored; "
                  f"{held.get('unreviewed_left_out', 0)} packets whose spans are not reviewed yet are left out (they "
                  "are the pipeline's own output, on which the rules score perfectly by construction)."]
        titles = {"heldout": "Held-out gold spans", "negex_test": "NegEx test half (the half no rule or model is "
                                                                   "tuned on)"}
        for split, modes in evaluation["spans"].items():
            lines += ["", f"{titles.get(split, split)}:", ""] + _table(modes)
        if evaluation.get("decisions"):
            lines += ["", "Packet-level decision agreement with the annotations (`prescreen evaluate`) and false "
                      "approvals (approve where the annotation says pend):", "",
                      "| configuration | split | decision agreement | payer decisions | false approvals |",
                      "|---|---|---|---|---|"]
            for mode, splits in evaluation["decisions"].items():
                for split, d in splits.items():
                    lines.append(f"| {mode} | {split} | {d['decision_agreement']:.4f} | {d['payer_decisions']} | "
                                 f"{d['false_approvals']} |")
            lines += ["", "## Default configuration", "",
                      f"Recommended: **{evaluation['recommended']}** ({evaluation['why']}). The shipped default is "
                      "set in models/extractors.yaml.", "",
                      "The default is chosen on packet decisions, not on span F1: a configuration is the default "
                      "only if it agrees best with the annotated decisions on held-out and approves no packet and "
                      "payer that the annotation and the rules both pend. Span-level gains that do not reach the decisions, or that "
                      "come with a new false approval, leave the default at the simpler configuration."]
    else:
        lines += ["", "Held-out and NegEx test figures: run `prescreen evaluate-model "
                  f"models/{meta['name']}/{meta['version']} --compare --card`."]
    lines += ["", "## Known limits", "",
              "- Trained on a small synthetic corpus of brain MR spectroscopy prior-authorization packets and on "
              "discharge-summary sentences (NegEx); other document types and specialties are out of scope.",
              "- It labels the mentions the rules find; it finds no new mentions and does not change concepts.",
              "- Rare classes (family, hypothetical) have few training examples; their probabilities are the least "
              "reliable.",
              "- It reads the mention's sentence, the sentences after it in its section and, for a mention in a "
              "report's head or findings, that report's impression; a verdict given elsewhere (another note, an "
              "addendum pages later) is not seen. Whether a mention is a study at all stays the rules' call."
              if kind == "verdict" else
              "- Words outside the mention's sentence are not seen (the section and scopes carry what the "
              "rules know about them).",
              ""]
    return "\n".join(lines)


def write_card(folder: str | Path, meta: dict[str, Any], evaluation: dict[str, Any] | None) -> Path:
    path = Path(folder) / CARD_FILE
    path.write_text(render_card(meta, evaluation), encoding="utf-8")
    return path
