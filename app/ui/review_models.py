"""Item models for the review page, over one shared `ReviewData` (no per-item objects).

- `GroupListModel`: one row per guidance group (the screen-reader-friendly main list).
- `GroupFilesModel`: a table of the files in one group.
- `FolderTreeModel`: the H: drive as a tree with tri-state check boxes; children are
  computed on demand from index arrays that are rebuilt (numpy) on sort and filter.

A change of choice in any model goes through `ChoicesNotifier.changed`, so the other
views and the summary bar follow.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)

from app.core.guidance import Action
from app.ui import formatting as fmt
from app.ui.review_common import (
    FILE_ROLE,
    FOLDER_ROLE,
    GROUP_ROLE,
    ChoicesNotifier,
    Index,
    action_words,
    decision_text,
    header_text,
    tr,
)
from app.ui.review_data import ReviewData
from app.ui.theme import STATUS_MARK

__all__ = [
    "FILE_ROLE",
    "FOLDER_ROLE",
    "GROUP_ROLE",
    "ChoicesNotifier",
    "GroupFilesModel",
    "GroupListModel",
    "Index",
    "action_words",
    "decision_text",
    "tr",
]

_FILE_BASE = 1 << 40  # internalId of files: _FILE_BASE + file index; folders: folder index


class GroupListModel(QAbstractListModel):
    def __init__(self, data: ReviewData, notifier: ChoicesNotifier, parent: QObject | None = None):
        super().__init__(parent)
        self._data = data
        notifier.changed.connect(self._refresh)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._data.groups)

    def group_title(self, row: int) -> str:
        group = self._data.groups[row]
        if group.key == "":
            return tr("Nothing to change")
        return group.title or group.key

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._data.groups):
            return None
        group = self._data.groups[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            moving = int(np.count_nonzero(self._data.selected[group.files]))
            text = tr("{mark} {title}: {files}, {size}: {action}").format(
                mark=STATUS_MARK[group.action.value],
                title=self.group_title(index.row()),
                files=fmt.files(len(group.files)),
                size=fmt.size(group.total_bytes),
                action=action_words(group.action),
            )
            if group.action != Action.CANNOT_MOVE and 0 < moving < len(group.files):
                text += tr(" (you chose to move %n)", None, moving)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.explanation
        if role == GROUP_ROLE:
            return index.row()
        return None

    def _refresh(self) -> None:
        if self._data.groups:
            self.dataChanged.emit(self.index(0), self.index(len(self._data.groups) - 1))


class GroupFilesModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("Review", "Name"),
        QT_TRANSLATE_NOOP("Review", "Folder"),
        QT_TRANSLATE_NOOP("Review", "Size"),
        QT_TRANSLATE_NOOP("Review", "Modified"),
        QT_TRANSLATE_NOOP("Review", "What will happen"),
    )

    def __init__(self, data: ReviewData, notifier: ChoicesNotifier, parent: QObject | None = None):
        super().__init__(parent)
        self._data = data
        self._notifier = notifier
        self._rows: np.ndarray = np.zeros(0, np.int64)
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        notifier.changed.connect(self._refresh)

    def set_group(self, group: int | None) -> None:
        self.beginResetModel()
        self._rows = self._data.groups[group].files if group is not None else np.zeros(0, np.int64)
        self._apply_sort()
        self.endResetModel()

    def file_at(self, row: int) -> int:
        return int(self._rows[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        return header_text(self.COLUMNS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and not self._data.locked[self._rows[index.row()]]:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        i = int(self._rows[index.row()])
        column = index.column()
        d = self._data
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return d.names[i]
            if column == 1:
                return d.paths[i].rpartition("/")[0] or tr("(top level)")
            if column == 2:
                return fmt.size(int(d.size[i]))
            if column == 3:
                return fmt.date(float(d.modified[i]))
            return decision_text(d, i)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if d.selected[i] else Qt.CheckState.Unchecked
        if role == FILE_ROLE:
            return i
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        i = int(self._rows[index.row()])
        if self._data.locked[i]:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if value is not None else False
        self._data.set_selected([i], checked)
        self.dataChanged.emit(index, self.index(index.row(), len(self.COLUMNS) - 1))
        self._notifier.changed.emit()
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        key_column = {0: 0, 1: 4, 2: 1, 3: 2, 4: 3}.get(column, 0)
        keys = self._data.file_key(key_column)[self._rows]
        order_idx = np.argsort(keys, kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            order_idx = order_idx[::-1]
        self._rows = self._rows[order_idx]

    def _refresh(self) -> None:
        if len(self._rows):
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
