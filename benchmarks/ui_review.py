"""bench_ui's review figures: the review page over a big inventory (switching views,
sorting, filtering, each until painted) beside the same on a small one. Run through
benchmarks/bench_ui.py (`--only review`).
"""

from __future__ import annotations

import time
from typing import Any

from benchmarks.ui_heartbeat import figure, make_wizard


def review_timings(n: int) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication, Qt

    from app.core.classify import classify
    from app.core.onedrive_rules import check_inventory
    from app.core.policy import load_policy
    from app.settings import Settings
    from app.ui.review_data import ReviewData
    from app.ui.session import Session
    from benchmarks.trees import synthetic_inventory

    inventory = synthetic_inventory(n)
    rules = check_inventory(inventory)
    report = classify(inventory, load_policy(), rules=rules, hash_duplicates=False)
    data = ReviewData(report)
    session = Session(Settings())
    wizard = make_wizard(session)
    session.review, session.rules = data, rules
    review = wizard.review
    review.set_data(data)
    wizard.setStartId(3)
    wizard.restart()
    QCoreApplication.processEvents()

    def timed(action: Any) -> float:
        started = time.perf_counter()
        action()
        review.repaint()
        QCoreApplication.processEvents()
        return (time.perf_counter() - started) * 1000

    out = {
        "switch to folders": timed(lambda: review.tabs.setCurrentIndex(1)),
        "sort by size": timed(lambda: review.tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)),
        "filter": timed(lambda: review.filter.setText("report")),
        "clear filter": timed(lambda: review.filter.setText("")),
        "switch to guidance": timed(lambda: review.tabs.setCurrentIndex(0)),
        "sort a group": timed(
            lambda: review.group_files.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        ),
    }
    wizard.close()
    session.close()
    return out


def bench_review(quick: bool) -> list[dict[str, Any]]:
    n = 25_000 if quick else 250_000
    reference = review_timings(2_500)
    big = review_timings(n)
    return [
        figure(f"review {name}", big[name], reference[name], 200, "ms", f"{n:,} files vs 2,500")
        for name in big
    ]
