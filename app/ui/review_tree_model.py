"""The review's "by folder" view: the H: drive as a tree (QAbstractItemModel) with
tri-state check boxes, size, modified date and guidance columns, sorting and a filter.

Nothing is stored per item. Each rebuild (sort or filter) computes, with numpy:
- `_vfiles`: visible file indexes grouped by folder, sorted inside each folder;
- `_vfolders`: visible folders (not the root) grouped by parent, sorted;
- per folder, where its direct children start in those arrays, and each item's row.
A row lookup is then two array reads. Screen-reader users get the by-guidance lists
instead (Qt trees read poorly); this view is for sighted and keyboard users.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QModelIndex, QObject, Qt

from app.ui import formatting as fmt
from app.ui.review_common import header_text
from app.ui.review_data import (
    SORT_GUIDANCE,
    SORT_MODIFIED,
    SORT_NAME,
    SORT_SIZE,
    ReviewData,
    grouped_order,
)
from app.ui.review_models import (
    FILE_ROLE,
    FOLDER_ROLE,
    ChoicesNotifier,
    Index,
    decision_text,
    tr,
)

_FILE_BASE = 1 << 40  # internalId: folders are their index, files _FILE_BASE + index
_COLUMN_KEYS = (SORT_NAME, SORT_SIZE, SORT_MODIFIED, SORT_GUIDANCE)


class FolderTreeModel(QAbstractItemModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("Review", "Name"),
        QT_TRANSLATE_NOOP("Review", "Size"),
        QT_TRANSLATE_NOOP("Review", "Modified"),
        QT_TRANSLATE_NOOP("Review", "What will happen"),
    )

    def __init__(self, data: ReviewData, notifier: ChoicesNotifier, parent: QObject | None = None):
        super().__init__(parent)
        self._data = data
        self._notifier = notifier
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._filter = ""
        self._rebuild()
        notifier.changed.connect(self._refresh_all)

    # -- building the visible structure ------------------------------------------
    def _rebuild(self) -> None:
        d = self._data
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        m = len(d.folder_paths)
        mask = d.matching(self._filter)
        if mask is None:
            files = np.arange(d.n, dtype=np.int64)
            folder_visible = np.ones(m, np.bool_)
        else:
            files = np.flatnonzero(mask)
            folder_visible = d.subtree_sums(mask.astype(np.int64)) > 0
        file_key = d.file_key(_COLUMN_KEYS[column])[files]
        parents = d.file_parent[files]
        self._vfiles = files[grouped_order(parents, file_key, descending=descending)]
        vparent = d.file_parent[self._vfiles]
        folder_ids = np.arange(m, dtype=np.int64)
        self._dstart = np.searchsorted(vparent, folder_ids, "left")
        self._dend = np.searchsorted(vparent, folder_ids, "right")

        folders = np.flatnonzero(folder_visible[1:]) + 1  # the root (0) is never a row
        fkey = d.folder_bytes if _COLUMN_KEYS[column] == SORT_SIZE else d.folder_name_rank
        fparents = d.folder_parent[folders]
        self._vfolders = folders[grouped_order(fparents, fkey[folders], descending=descending)]
        vfparent = d.folder_parent[self._vfolders]
        self._cstart = np.searchsorted(vfparent, folder_ids, "left")
        self._cend = np.searchsorted(vfparent, folder_ids, "right")
        n_sub = self._cend - self._cstart

        self._folder_row = np.full(m, -1, np.int64)
        positions = np.arange(len(self._vfolders), dtype=np.int64)
        self._folder_row[self._vfolders] = positions - self._cstart[vfparent]
        self._file_row = np.full(d.n, -1, np.int64)
        positions = np.arange(len(self._vfiles), dtype=np.int64)
        self._file_row[self._vfiles] = positions - self._dstart[vparent] + n_sub[vparent]

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text
        self._rebuild()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS) or (column, order) == self._sort:
            return  # QTreeView asks twice (sortByColumn, then the header's indicator)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [(p.internalId(), p.column()) for p in old]
        self._sort = (column, order)
        self._rebuild()
        self.changePersistentIndexList(old, [self._index_for_id(i, c) for i, c in ids])
        self.layoutChanged.emit()

    def _index_for_id(self, internal_id: int, column: int) -> QModelIndex:
        if internal_id >= _FILE_BASE:
            row = int(self._file_row[internal_id - _FILE_BASE])
        else:
            row = int(self._folder_row[internal_id])
        return self.createIndex(row, column, internal_id) if row >= 0 else QModelIndex()

    # -- the QAbstractItemModel interface ----------------------------------------
    def _folder_of(self, parent: Index) -> int:
        """The folder index an index stands for (root for the invalid index), or -1."""
        if not parent.isValid():
            return 0
        internal = parent.internalId()
        return -1 if internal >= _FILE_BASE else int(internal)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        folder = self._folder_of(parent)
        if folder < 0:
            return 0
        return int(
            self._cend[folder] - self._cstart[folder] + self._dend[folder] - self._dstart[folder]
        )

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self.COLUMNS) or row < 0:
            return QModelIndex()
        folder = self._folder_of(parent)
        if folder < 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        n_sub = int(self._cend[folder] - self._cstart[folder])
        if row < n_sub:
            return self.createIndex(row, column, int(self._vfolders[self._cstart[folder] + row]))
        position = int(self._dstart[folder]) + row - n_sub
        if position >= int(self._dend[folder]):
            return QModelIndex()
        return self.createIndex(row, column, _FILE_BASE + int(self._vfiles[position]))

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        internal = child.internalId()
        if internal >= _FILE_BASE:
            folder = int(self._data.file_parent[internal - _FILE_BASE])
        else:
            folder = int(self._data.folder_parent[internal])
        if folder <= 0:
            return QModelIndex()
        return self.createIndex(int(self._folder_row[folder]), 0, folder)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        return header_text(self.COLUMNS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != 0:
            return flags
        internal = index.internalId()
        if internal >= _FILE_BASE:
            if not self._data.locked[internal - _FILE_BASE]:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif self._data.folder_has_choice(int(internal)):
            flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._data
        internal = index.internalId()
        column = index.column()
        if internal >= _FILE_BASE:
            i = internal - _FILE_BASE
            if role == Qt.ItemDataRole.DisplayRole:
                if column == 0:
                    return d.names[i]
                if column == 1:
                    return fmt.size(int(d.size[i]))
                if column == 2:
                    return fmt.date(float(d.modified[i]))
                return decision_text(d, i)
            if role == Qt.ItemDataRole.CheckStateRole and column == 0:
                return Qt.CheckState.Checked if d.selected[i] else Qt.CheckState.Unchecked
            if role == FILE_ROLE:
                return i
            if role == FOLDER_ROLE:
                return -1
            return None
        folder = int(internal)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return d.folder_names[folder]
            if column == 1:
                return fmt.size(int(d.folder_bytes[folder]))
            if column == 2:
                return ""
            return self._folder_summary(folder)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState(d.folder_state(folder))
        if role == FILE_ROLE:
            return -1
        if role == FOLDER_ROLE:
            return folder
        return None

    def _folder_summary(self, folder: int) -> str:
        state = self._data.folder_state(folder)
        if state == 2:
            return tr("All of it moves")
        if state == 0:
            return tr("Nothing in it moves")
        return tr("Some of it moves")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        checked = Qt.CheckState(value) != Qt.CheckState.Unchecked
        internal = index.internalId()
        if internal >= _FILE_BASE:
            self._data.set_selected([internal - _FILE_BASE], checked)
        else:
            self._data.set_selected(self._data.folder_files(int(internal)), checked)
        self._notifier.changed.emit()
        return True

    def _refresh_all(self) -> None:
        # Check states of ancestors and descendants changed: let the views re-read what
        # they show (only visible rows are asked again).
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()
