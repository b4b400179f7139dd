"""The file ``spark-submit`` runs: files in, files out on the Spark engine, with ``newsprism run``'s arguments.

    spark-submit --master yarn ... "$(python -c 'import newsprism.engine.spark_job as m; print(m.__file__)')" \\
        --input hdfs:///news/articles.parquet --output hdfs:///news/out

A thin shell over :func:`newsprism.engine.files.process_files` (it does not load the command line interface). The
session comes from ``spark-submit`` (master, executors, ``--archives``); see ``docs/scale.md``. Exit codes as for
``newsprism run``: 0 done, 1 some rows or stages failed, 2 a usage error, 3 no article went in.
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["main", "parse_args"]

EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_NOTHING = 3


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="spark_job", description="Run newsprism's stages on Spark: files in, files out.")
    p.add_argument("--input", required=True, metavar="PATH", help="a .parquet or .jsonl(.gz) file or folder")
    p.add_argument("--output", required=True, metavar="DIR", help="folder for one Parquet dataset per record kind")
    p.add_argument("--map", dest="mapping", action="append", default=[], metavar="FIELD=COLUMN")
    p.add_argument("--stage", dest="stages", action="append", default=[], help="run only these stages")
    p.add_argument("--master", default=None, help="Spark master URL when not run by spark-submit")
    p.add_argument("--registry", dest="registry_ref", default=None, metavar="MODULE:FUNCTION")
    p.add_argument("--json", dest="as_json", action="store_true", help="print the report as JSON")
    return p.parse_args(argv)


def _mapping(pairs: list[str]) -> dict[str, str] | None:
    out: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep:
            raise SystemExit(f"spark_job: --map {pair!r}: use FIELD=COLUMN, e.g. body=content_original")
        out[field.strip()] = column.strip()
    return out or None


def _say(text: str) -> None:
    """A line on stderr with control characters replaced (reasons quote hostile input)."""
    print("".join(ch if ch.isprintable() else " " for ch in text), file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    from newsprism.engine.files import process_files
    from newsprism.errors import ConfigError, NewsprismError
    from newsprism.registry import Registry

    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    options = {"master": args.master} if args.master else {}
    try:
        registry = Registry.from_ref(args.registry_ref) if args.registry_ref else None
        rep = process_files(
            args.input,
            args.output,
            engine="spark",
            stages=args.stages or None,
            registry=registry,
            mapping=_mapping(args.mapping),
            **options,
        )
    except ConfigError as exc:
        _say(f"error: {exc}")
        sys.exit(EXIT_USAGE)
    except NewsprismError as exc:
        _say(f"error: {exc}")
        sys.exit(EXIT_PARTIAL)
    if args.as_json:
        print(json.dumps(rep.to_dict(), ensure_ascii=False, indent=2))
    else:
        for aid, stage, reason in rep.failed[:50]:
            _say(f"failed: {stage} on {aid or '-'}: {reason}")
        counts = ", ".join(f"{k} {v}" for k, v in rep.counts.items())
        _say(
            f"{rep.articles} article(s) with {len(rep.stages)} stage(s) on {rep.engine} in {rep.seconds:.1f}s -> "
            f"{rep.output}: {counts}"
        )
    if not rep.articles:
        sys.exit(EXIT_NOTHING)
    if rep.failed:
        sys.exit(EXIT_PARTIAL)


if __name__ == "__main__":
    main()
