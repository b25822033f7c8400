"""`prescreen train` and `prescreen evaluate-model`: the learned extractors' commands (merged into the main app)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import printable

models_app = typer.Typer(no_args_is_help=True, help="Train and evaluate the learned extractors.")


def _fail(message: str) -> typer.Exit:
    typer.echo(f"prescreen: {printable(message)}", err=True)
    return typer.Exit(2)


@models_app.command("train")
def train_command(
    name: Annotated[str, typer.Argument(help="The model: assertion or verdict.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The model folder, models/NAME/VERSION/.")],
    data: Annotated[Path, typer.Option(help="The annotations folder (spans/, packets/, external/negex/).")
                    ] = Path("annotations"),
    spans: Annotated[Path | None, typer.Option(help="The gold span folder (default: DATA/spans).")] = None,
    threshold: Annotated[float, typer.Option(min=0.5, max=1.0, help="Probability at which the model's label "
                                             "replaces the rules' in rules+model.")] = 0.9,
) -> None:
    """Train a model on the dev gold spans (and, for assertions, the NegEx tune half); write model.json,
    metadata.json and MODEL_CARD.md."""
    from .gold import GoldError
    from .train import train

    try:
        meta = train(name, data, out, threshold=threshold, spans=spans)
    except (ValueError, GoldError, OSError) as exc:
        raise _fail(str(exc)) from None
    cv = meta["dev_cv"]["model"]["macro"]
    typer.echo(f"wrote {out} ({meta['training_data']['examples']} examples, C={meta['hyperparameters']['C']}, "
               f"dev CV macro F1 {cv['f1']:.3f}, accuracy {cv['accuracy']:.3f})")


@models_app.command("evaluate-model")
def evaluate_model_command(
    folder: Annotated[Path, typer.Argument(help="A model folder, models/NAME/VERSION.")],
    data: Annotated[Path, typer.Option(help="The annotations folder.")] = Path("annotations"),
    spans: Annotated[Path | None, typer.Option(help="The gold span folder (default: DATA/spans).")] = None,
    compare: Annotated[bool, typer.Option("--compare", help="Rules, model and rules+model side by side, "
                                          "with packet-level decision agreement (screens the corpus 3 times).")
                       ] = False,
    card: Annotated[bool, typer.Option("--card", help="Rewrite MODEL_CARD.md with these figures.")] = False,
    include_unreviewed: Annotated[bool, typer.Option(
        "--include-unreviewed", help="Score spans of packets the manifest does not mark reviewed too (they are "
        "the pipeline's own output).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Dev cross-validation, held-out gold spans and the NegEx test half (never used to train)."""
    from .card import write_card
    from .evaluate import evaluate_model, format_report
    from .gold import GoldError
    from .registry import METADATA_FILE, ModelConfigError

    try:
        result = evaluate_model(folder, data, compare=compare, spans=spans, include_unreviewed=include_unreviewed)
    except (ValueError, GoldError, ModelConfigError, OSError) as exc:
        raise _fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(result, indent=1, sort_keys=True))
    else:
        for line in format_report(result):
            typer.echo(line)
    if card:
        meta = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
        typer.echo(f"wrote {write_card(folder, meta, result)}")


@models_app.command("check-models")
def check_models_command(
    models_dir: Annotated[Path | None, typer.Option("--models", help="The models folder (default: the "
                                                    "installation's, or PRESCREEN_MODELS_DIR).")] = None,
) -> None:
    """Whether each configured model was trained on the output of the rules installed now. Exit 1 when the
    configured mode loads a model whose rules changed since training (or whose metadata does not say): retrain
    it (docs/retraining.md) before screening with it."""
    from ..about import rules_digest
    from .registry import ModelConfigError, load_model, read_config

    try:
        config = read_config(models_dir)
        folders = {kind: folder for kind in ("assertion", "verdict") if (folder := getattr(config, kind))}
        models = {kind: load_model(folder) for kind, folder in folders.items()}
    except (ModelConfigError, OSError, ValueError) as exc:
        raise _fail(str(exc)) from None
    current = rules_digest()
    typer.echo(f"mode {config.mode}; rules digest now {current[:12]}")
    blocking = []
    for kind, model in models.items():
        state = model.freshness(current)
        trained = (model.rules_digest or "not recorded")[:12]
        typer.echo(f"  {kind:<10} {model.id:<20} trained on rules {trained:<12}  {state}")
        if state != "current" and config.mode != "rules":
            blocking.append(model.id)
    if config.mode == "rules":
        typer.echo("the rules-only mode loads no model: nothing to retrain before screening")
    if blocking:
        typer.echo(f"retrain before screening in mode {config.mode}: {', '.join(blocking)}", err=True)
        raise typer.Exit(1)
