"""Agreement measures for ``zhgloss review --stats``: Cohen's kappa and span-level F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import Any


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters' labels on the same items.

    Returns None when undefined: no items, or both raters used one and the same label throughout
    (expected agreement 1), where kappa is 0/0.
    """
    if len(a) != len(b):
        raise ValueError("both raters must label the same items")
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def spans(entities: Iterable[dict[str, Any]]) -> set[tuple[int, int, str]]:
    """The exact-match keys of entities: ``(start, end, label)``."""
    return {(int(e["start"]), int(e["end"]), str(e["label"])) for e in entities}


def span_f1(gold: Sequence[set[tuple]], pred: Sequence[set[tuple]]) -> dict[str, float | int | None]:
    """Micro precision/recall/F1 of ``pred`` against ``gold`` span sets, item by item.

    Symmetric in F1, so either reviewer can be "gold".  With no spans on either side F1 is None.
    """
    if len(gold) != len(pred):
        raise ValueError("both sides must cover the same items")
    tp = sum(len(g & p) for g, p in zip(gold, pred))
    n_gold = sum(len(g) for g in gold)
    n_pred = sum(len(p) for p in pred)
    precision = tp / n_pred if n_pred else None
    recall = tp / n_gold if n_gold else None
    if n_gold == 0 and n_pred == 0:
        f1 = None
    else:
        f1 = 2 * tp / (n_gold + n_pred)
    return {"tp": tp, "gold": n_gold, "pred": n_pred, "precision": precision, "recall": recall, "f1": f1}
