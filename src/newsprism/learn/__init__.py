"""Training of the frame, genre and persuasion-technique detectors and of the quote model.

* :mod:`.dataset` reads labelled data: the SemEval-2023 Task 3 folder layout or a JSONL of labelled articles;
* :mod:`.polnear` reads PolNeAR's attribution annotations (quotes and their sources);
* :mod:`.models` trains scikit-learn classifiers, stores them in ``<data_dir>/models/`` with metadata, and loads
  them (only files newsprism wrote, checked by hash) for the pipeline; :mod:`.calibration` fits their cutoffs;
* :mod:`.quotes` trains the quote model on brat attribution annotations.

Their evaluation lives in :mod:`newsprism.evaluate` (:mod:`newsprism.evaluate.semeval` for the official SemEval
figures), which imports this package; nothing here imports it.
"""

from __future__ import annotations

__all__: list[str] = []
