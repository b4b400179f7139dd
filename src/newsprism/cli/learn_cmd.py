"""``newsprism train`` and ``newsprism evaluate``: fit classifiers on labelled data; score extractors on gold."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .common import EXIT_PARTIAL, EXIT_USAGE, echo_json, handle_errors, json_option

__all__ = ["register"]

TRAIN_TASKS = ["genre", "frames", "techniques", "quotes", "all"]


@click.command()
@click.argument("data_arg", metavar="[DATA]", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--data",
    "data",
    required=False,
    type=click.Path(exists=True, path_type=Path),
    help="a SemEval-2023 Task 3 folder (data/<lang>/train-articles-subtask-1/...) or a JSONL file; for "
    "--task quotes a folder of brat attribution annotations (text/, attributions/; PolNeAR's layout)",
)
@click.option("--task", type=click.Choice(TRAIN_TASKS), default="all", show_default=True)
@click.option("--split", default="train", show_default=True, help="SemEval split whose files are read (train, dev)")
@click.option(
    "--models",
    "models",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="folder to store models in (default: <data folder>/models)",
)
@click.option(
    "--folds",
    default=3,
    show_default=True,
    type=click.IntRange(min=0),
    help="held-out folds to calibrate each label's cutoff on (0: a fixed 0.5)",
)
@json_option
@handle_errors
def train(
    data_arg: Path | None, data: Path | None, task: str, split: str, models: Path | None, folds: int, as_json: bool
) -> None:
    """Fit scikit-learn classifiers (TF-IDF + logistic regression) and store them for the pipeline."""
    from ..errors import ConfigError

    data = data or data_arg
    if data is None:
        raise click.UsageError("give the labelled data: newsprism train --task TASK DATA (or --data DATA)")
    if task == "quotes":
        from ..learn.quotes import train_quote_model

        use_split = None if (data / "text").is_dir() else split
        meta = train_quote_model(data, split=use_split, out=(models / "quotes.json") if models else None)
        if as_json:
            echo_json(meta)
        else:
            click.echo(
                f"trained quotes: {meta['articles']} article(s), {meta['candidates']} candidate quotation(s) "
                f"-> {meta['path']}"
            )
        return
    from ..learn.dataset import load_dataset
    from ..learn.models import TASKS, models_dir
    from ..learn.models import train as fit

    ds = load_dataset(data, split=split)
    for problem in ds.problems:
        click.echo(f"skipped: {problem}", err=True)
    if not as_json:
        for line in summary_lines(ds):
            click.echo(line)
    tasks = TASKS if task == "all" else (task,)
    written = []
    failed = []
    for t in tasks:
        try:
            meta = fit(ds, t, out_dir=models, folds=folds)
        except ConfigError as exc:
            if task != "all":
                raise
            failed.append(f"{t}: {exc}")
            continue
        written.append(meta)
        if not as_json:
            click.echo(
                f"trained {t}: {meta['train_size']} {meta['unit']}(s), {len(meta['labels'])} label(s), "
                f"languages {','.join(meta['languages'])} -> {(models or models_dir()) / (t + '.joblib')}"
            )
    for f in failed:
        click.echo(f"not trained: {f}", err=True)
    if as_json:
        echo_json({"read": ds.summary(), "skipped": ds.problems, "models": written, "not_trained": failed})
    if not written:
        sys.exit(EXIT_PARTIAL)


def summary_lines(ds: Any) -> list[str]:
    """``read en  genre 3 article(s) (0 skipped); frames ...; techniques 2 article(s), 5 paragraph(s), 1 skipped``."""
    lines = []
    for lang, tasks in ds.summary().items():
        parts = []
        for t, row in tasks.items():
            unit = f", {row['units']} paragraph(s)" if t == "techniques" else ""
            parts.append(f"{t} {row['articles']} article(s){unit}, {row['skipped']} skipped")
        lines.append(f"read {lang:4} " + "; ".join(parts))
    return lines


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option(
    "--task",
    required=True,
    metavar="TASK",
    help="genre | frames | techniques | all (labelled SemEval/JSONL data); seed (frames, techniques and genre "
    "against the seed gold); claims, entities, events, multilingual, outlets, pages, places, quotes, "
    "stories; or another evaluation module (newsprism.evaluate.<TASK>)",
)
@click.option(
    "--data",
    "data",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="labelled folder/JSONL, the seed page text for --task seed, or the task's data",
)
@click.option("--gold", "gold", type=click.Path(exists=True, path_type=Path), default=None, help="gold JSON (seed)")
@click.option("--split", default="dev", show_default=True, help="split to evaluate on (SemEval; events: PETRARCH half)")
@click.option(
    "--models",
    "models",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="folder of trained models (default: <data folder>/models)",
)
@click.option("--no-models", is_flag=True, help="measure the default (lexicon) detectors alone")
@json_option
@click.pass_context
@handle_errors
def evaluate(
    ctx: click.Context,
    task: str,
    data: Path | None,
    gold: Path | None,
    split: str,
    models: Path | None,
    no_models: bool,
    as_json: bool,
) -> None:
    """Print precision/recall/F1 of an extractor against labelled data (official SemEval figures for frames)."""
    from ..evaluate import TASK_MODULES, task_module

    name = task.replace("-", "_")
    if not name.isidentifier():
        raise click.UsageError(f"--task {task!r} is not a task name")
    kind = TASK_MODULES.get(task)
    if kind == "semeval":
        if data is None:
            raise click.UsageError("--data is required for task " + task)
        argv = [
            str(data),
            "--task",
            task,
            "--split",
            split,
            *(["--models", str(models)] if models else []),
            *(["--no-models"] if no_models else []),
        ]
    elif task == "seed":
        if data is None or gold is None:
            raise click.UsageError("--task seed needs --data PAGE_TEXT and --gold GOLD_JSON")
        argv = [str(data), str(gold)]
    else:
        argv = [str(x) for x in (data, gold) if x is not None]
        if ctx.get_parameter_source("split") == click.core.ParameterSource.COMMANDLINE:
            argv += ["--split", split]  # e.g. the PETRARCH half of --task events
    argv += list(ctx.args)
    if as_json:
        argv.append("--json")  # the task's own module prints its JSON report
    try:
        module = task_module(task)
    except ModuleNotFoundError as exc:
        if exc.name == f"newsprism.evaluate.{TASK_MODULES.get(task, name)}":
            click.echo(
                f"error: unknown task {task!r}; valid: {', '.join(TASK_MODULES)}, or an installed "
                f"newsprism.evaluate.<name> module",
                err=True,
            )
            sys.exit(EXIT_USAGE)
        raise
    code = module.main(argv)
    sys.exit(int(code or 0))


def register(group: click.Group) -> None:
    group.add_command(train)
    group.add_command(evaluate)
