"""The file ``spark-submit`` runs: ``newsprism run --engine spark`` with the arguments given after it.

    spark-submit --master yarn ... "$(python -c 'import newsprism.engine.spark_job as m; print(m.__file__)')" \\
        --input hdfs:///news/articles.parquet --output hdfs:///news/out

The session comes from ``spark-submit`` (master, executors, ``--archives``); see ``docs/scale.md``.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from newsprism.cli import main as cli_main

    args = list(sys.argv[1:] if argv is None else argv)
    cli_main(["run", "--engine", "spark", *args])


if __name__ == "__main__":
    main()
