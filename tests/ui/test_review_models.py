"""The review models: Qt's model tester, counts, tri-state checks, sort and filter."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QModelIndex, Qt
from ui_builders import make_report

from app.core.guidance import Action
from app.ui.review_data import ReviewData
from app.ui.review_models import FILE_ROLE, ChoicesNotifier, GroupFilesModel, GroupListModel
from app.ui.review_tree_model import FolderTreeModel


def _data(n: int = 300) -> ReviewData:
    return ReviewData(make_report(n, seed=7))


def test_models_pass_qt_model_tester(qtmodeltester):
    data = _data()
    notifier = ChoicesNotifier()
    groups = GroupListModel(data, notifier)
    files = GroupFilesModel(data, notifier)
    files.set_group(0)
    tree = FolderTreeModel(data, notifier)
    qtmodeltester.check(groups)
    qtmodeltester.check(files)
    qtmodeltester.check(tree)
    tree.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(tree)
    tree.set_filter("report")
    qtmodeltester.check(tree)


def _walk(model, parent=None):
    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _walk(model, index)


def test_tree_shows_every_file_exactly_once():
    data = _data()
    tree = FolderTreeModel(data, ChoicesNotifier())
    seen = [i for i in (ix.data(FILE_ROLE) for ix in _walk(tree)) if i is not None and i >= 0]
    assert sorted(seen) == list(range(data.n))


def test_filter_keeps_only_matching_files_and_their_folders():
    data = _data()
    tree = FolderTreeModel(data, ChoicesNotifier())
    tree.set_filter("MP3")
    seen = [i for i in (ix.data(FILE_ROLE) for ix in _walk(tree)) if i is not None and i >= 0]
    assert seen and all(data.names[i].endswith(".mp3") for i in seen)
    assert len(seen) == sum(name.endswith(".mp3") for name in data.names)


def test_sort_by_size_orders_files_within_each_folder():
    data = _data()
    tree = FolderTreeModel(data, ChoicesNotifier())
    tree.sort(1, Qt.SortOrder.AscendingOrder)
    rows = [tree.index(r, 0).data(FILE_ROLE) for r in range(tree.rowCount())]
    sizes = [int(data.size[i]) for i in rows if i is not None and i >= 0]
    assert sizes == sorted(sizes) and len(sizes) > 1


def test_folder_check_box_changes_its_files_but_not_locked_ones():
    data = _data()
    notifier = ChoicesNotifier()
    tree = FolderTreeModel(data, notifier)
    changes = []
    notifier.changed.connect(lambda: changes.append(1))
    folder = next(ix for ix in _walk(tree) if ix.data(FILE_ROLE) == -1)
    under = data.folder_files(folder.data(Qt.ItemDataRole.UserRole + 2))
    assert tree.setData(folder, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not data.selected[under].any()
    assert tree.data(folder, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert tree.setData(folder, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    unlocked = under[~data.locked[under]]
    assert data.selected[unlocked].all()
    cannot = under[data.action[under] == 3]
    assert not data.selected[cannot].any()  # cannot-move files never get selected
    assert tree.data(folder, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert len(changes) == 2


def test_locked_files_are_not_checkable():
    data = _data()
    files = GroupFilesModel(data, ChoicesNotifier())
    cannot_group = next(k for k, g in enumerate(data.groups) if g.action == Action.CANNOT_MOVE)
    files.set_group(cannot_group)
    index = files.index(0, 0)
    assert not files.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not files.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_summary_counts_follow_choices():
    data = _data()
    before = data.summary()
    assert before.move_files + before.discard_files + before.cannot_files == data.n
    temp = next(g for g in data.groups if g.key == "temporary-files")
    data.set_selected(temp.files, True)
    after = data.summary()
    assert after.move_files == before.move_files + len(temp.files)
    assert after.move_bytes == before.move_bytes + int(data.size[temp.files].sum())
    moved, left = data.overrides()
    assert moved == {int(i) for i in temp.files}
    assert left == set()


def test_group_rows_say_count_size_and_action():
    data = _data()
    groups = GroupListModel(data, ChoicesNotifier())
    texts = [groups.index(r).data() for r in range(groups.rowCount())]
    assert any("Temporary files" in t and "discarded" in t for t in texts)
    assert texts[0].startswith("⊘")  # cannot-move first, marked by a symbol, not colour
    assert np.sum([len(g.files) for g in data.groups]) == data.n
