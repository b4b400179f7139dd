"""Training and evaluation of the frame, genre and persuasion-technique detectors.

* :mod:`.dataset` reads labelled data: the SemEval-2023 Task 3 folder layout or a JSONL of labelled articles;
* :mod:`.models` trains scikit-learn classifiers, stores them in ``<data_dir>/models/`` with metadata, and loads
  them (only files newsprism wrote, checked by hash) for the pipeline;
* :mod:`.metrics` computes the official figures (macro-F1 genre, micro-F1 frames and techniques);
* :mod:`.seed` evaluates the default detectors against the seed page's gold.
"""

from __future__ import annotations

__all__: list[str] = []
