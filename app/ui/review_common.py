"""What the review page and its models share, without numpy (so opening the window does not
wait for it): item roles, the action words held as data, what will happen to a file, and
the notifier that keeps every view in step when a choice changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.core.guidance import Action
from app.ui.theme import STATUS_MARK

if TYPE_CHECKING:
    from app.ui.review_data import ReviewData

# The order of ReviewData.action codes.
ACTION_CODES: tuple[Action, ...] = (Action.MOVE, Action.REVIEW, Action.DISCARD, Action.CANNOT_MOVE)

Index = QModelIndex | QPersistentModelIndex
FILE_ROLE = Qt.ItemDataRole.UserRole + 1  # the file index (or -1)
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 2  # the folder index (or -1)
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3

# Held as data, translated where shown (the QT_TRANSLATE_NOOP pattern).
ACTION_WORDS = {
    Action.MOVE: QT_TRANSLATE_NOOP("Review", "will move"),
    Action.REVIEW: QT_TRANSLATE_NOOP("Review", "please review"),
    Action.DISCARD: QT_TRANSLATE_NOOP("Review", "will be discarded"),
    Action.CANNOT_MOVE: QT_TRANSLATE_NOOP("Review", "cannot move"),
}


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate in the "Review" context (same arguments as Qt's tr)."""
    return QCoreApplication.translate("Review", text, disambiguation, n)


def header_text(
    columns: tuple[object, ...], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """The translated column title both review models show (horizontal headers only)."""
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
        # QT_TRANSLATE_NOOP's stub returns object; the value is the source text
        return tr(str(columns[section])) if 0 <= section < len(columns) else None
    return None


def action_words(action: Action) -> str:
    return tr(str(ACTION_WORDS[action]))


def decision_text(data: ReviewData, i: int) -> str:
    """What will happen to file i, with a mark that is not colour."""
    action = ACTION_CODES[int(data.action[i])]
    if action == Action.CANNOT_MOVE:
        return f"{STATUS_MARK['cannot_move']} " + tr("Cannot move")
    if data.selected[i]:
        if action == Action.REVIEW:
            return f"{STATUS_MARK['move']} " + tr("Will move (please review)")
        return f"{STATUS_MARK['move']} " + tr("Will move")
    if data.locked[i]:
        return f"{STATUS_MARK['discard']} " + tr("Left on the H: drive (required)")
    return f"{STATUS_MARK['discard']} " + tr("Left on the H: drive")


class ChoicesNotifier(QObject):
    changed = Signal()
