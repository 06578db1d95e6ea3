"""Page 4: what is on the H: drive and the guidance for it, two ways.

"By guidance" (the default) is a plain list of groups, one per guidance reason, with the
explanation, one choice for the whole group, and a table of the group's files: a screen
reader can work through it as lists. "By folder" is a tree with check boxes, for people
who think in folders. Both change the same choices; the summary bar always says what will
move, what will be left and what cannot move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core.guidance import Action, text_for
from app.ui import a11y
from app.ui import formatting as fmt
from app.ui.pages import CONFIRM
from app.ui.pages.common import Page, set_text
from app.ui.review_common import (
    FILE_ROLE,
    FOLDER_ROLE,
    ChoicesNotifier,
    action_words,
    decision_text,
)
from app.ui.session import Session

if TYPE_CHECKING:
    from app.ui.review_data import ReviewData

FOLLOW, MOVE_ALL, LEAVE_ALL, MIXED = range(4)


def _labelled(text: str, field: QWidget, layout: QVBoxLayout) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    a11y.buddy(label, field)
    layout.addWidget(label)
    layout.addWidget(field)
    return label


class ReviewPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(
            session,
            self.tr("What will move"),
            self.tr("Check the guidance. You can change most choices; the reasons are shown."),
        )
        self.summary = self.text("", role="summary", selectable=True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Ways to review"))
        self.body.addWidget(self.tabs, 1)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Details"))
        self.details.setTabChangesFocus(True)
        self.details.setMinimumHeight(90)
        _labelled(self.tr("&Details of the selected item:"), self.details, self.body)
        self.notifier = ChoicesNotifier(self)
        self.notifier.changed.connect(self._update_summary)
        self.data: ReviewData | None = None
        self._build_guidance_tab()
        self._build_folder_tab()
        # Tab goes in reading order: the tab's contents, then the details shown below them
        # (the details box is made first, so by default Tab reached it before the list).
        QWidget.setTabOrder(self.tree, self.details)

    # -- by guidance ---------------------------------------------------------------------
    def _build_guidance_tab(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.group_list = QListView()
        self.group_list.setMinimumHeight(120)
        self.group_list.setWordWrap(True)
        self.group_list.setAccessibleDescription(
            self.tr("One line per kind of file, with what the guidance says to do")
        )
        _labelled(self.tr("&Kinds of files:"), self.group_list, layout)
        self.group_text = QLabel()
        self.group_text.setWordWrap(True)
        layout.addWidget(self.group_text)
        row = QHBoxLayout()
        self.group_choice = QComboBox()
        self.group_choice.addItems(
            [
                self.tr("Follow the guidance"),
                self.tr("Move all of them"),
                self.tr("Leave all of them on the H: drive"),
                self.tr("Your own choices"),
            ]
        )
        label = QLabel(self.tr("For &this kind of file:"))
        a11y.buddy(label, self.group_choice)
        self.group_choice.setAccessibleName(self.tr("What to do with this kind of file"))
        self.group_choice.activated.connect(self._group_choice_made)
        row.addWidget(label)
        row.addWidget(self.group_choice)
        row.addStretch(1)
        layout.addLayout(row)
        self.group_files = QTableView()
        self.group_files.setMinimumHeight(160)
        self.group_files.setSortingEnabled(True)
        self.group_files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.group_files.setTabKeyNavigation(False)
        self.group_files.verticalHeader().setVisible(False)
        self.group_files.setCornerButtonEnabled(False)  # an unnamed "select all" button
        _labelled(
            self.tr("F&iles of this kind (Space ticks or unticks):"), self.group_files, layout
        )
        self.tabs.addTab(tab, self.tr("By &guidance"))

    # -- by folder -----------------------------------------------------------------------
    def _build_folder_tab(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        for clear in self.filter.findChildren(QToolButton):  # Qt leaves it unnamed
            clear.setAccessibleName(self.tr("Clear the filter"))
        self.filter.setPlaceholderText(self.tr("Part of a file name"))
        self.filter.textChanged.connect(self._filter_changed)
        _labelled(self.tr("Fi&lter by name:"), self.filter, layout)
        self.tree = QTreeView()
        self.tree.setMinimumHeight(240)
        self.tree.setSortingEnabled(True)
        self.tree.setUniformRowHeights(True)  # fast scrolling over very large folders
        self.tree.setAccessibleDescription(
            self.tr("Folders and files with check boxes: ticked items will move")
        )
        _labelled(self.tr("&Folders and files:"), self.tree, layout)
        self.tabs.addTab(tab, self.tr("By f&older"))

    # -- data ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        review = self.session.review
        if review is None or review is self.data:
            self._update_summary()
            return
        self.set_data(review)

    def set_data(self, data: ReviewData) -> None:
        # Here, not at the top: the models need numpy, which the window's first paint
        # should not wait for.
        from app.ui.review_models import GroupFilesModel, GroupListModel
        from app.ui.review_tree_model import FolderTreeModel

        self.data = data
        self.groups_model = GroupListModel(data, self.notifier, self)
        self.files_model = GroupFilesModel(data, self.notifier, self)
        self.tree_model = FolderTreeModel(data, self.notifier, self)
        self.group_list.setModel(self.groups_model)
        self.group_files.setModel(self.files_model)
        self._size_columns()
        self.tree.setModel(self.tree_model)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.group_list.selectionModel().currentChanged.connect(self._group_selected)
        self.group_files.selectionModel().currentChanged.connect(self._file_selected)
        self.tree.selectionModel().currentChanged.connect(self._tree_selected)
        if data.groups:
            self.group_list.setCurrentIndex(self.groups_model.index(0))
        self._update_summary()

    def _size_columns(self) -> None:
        """Widths from the font, not from the rows (measuring 250,000 rows would stall)."""
        em = self.fontMetrics().horizontalAdvance("M")
        for column, ems in enumerate((18, 12, 7, 13)):
            self.group_files.setColumnWidth(column, ems * em)
        self.group_files.setWordWrap(False)  # one line per file; long names are elided
        self.group_files.horizontalHeader().setStretchLastSection(True)
        for column, ems in enumerate((24, 7, 13)):
            self.tree.setColumnWidth(column, ems * em)
        self.tree.header().setStretchLastSection(True)

    def _group_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.data is None:
            return
        group = self.data.groups[current.row()]
        self.files_model.set_group(current.row())
        title = self.groups_model.group_title(current.row())
        words = [
            f"{title}: {fmt.files_and_size(len(group.files), group.total_bytes)}, "
            f"{action_words(group.action)}."
        ]
        if group.explanation:
            words.append(group.explanation)
        if group.action == Action.CANNOT_MOVE:
            words.append(self.tr("These files cannot be moved to OneDrive, so there is no choice."))
        elif not group.overridable:
            words.append(self.tr("The retention policy does not allow changing this."))
        self.group_text.setText(" ".join(words))
        self.group_choice.setEnabled(group.overridable and group.action != Action.CANNOT_MOVE)
        self._show_group_choice(current.row())
        self._show_details_text(" ".join(words))

    def _show_group_choice(self, row: int) -> None:
        assert self.data is not None
        files = self.data.groups[row].files
        free = files[~self.data.locked[files]]
        selected = self.data.selected[free]
        default = self.data.action[free] <= 1
        if bool((selected == default).all()):
            choice = FOLLOW
        elif bool(selected.all()):
            choice = MOVE_ALL
        elif not bool(selected.any()):
            choice = LEAVE_ALL
        else:
            choice = MIXED
        self.group_choice.blockSignals(True)
        self.group_choice.setCurrentIndex(choice)
        self.group_choice.blockSignals(False)

    def _group_choice_made(self, choice: int) -> None:
        current = self.group_list.currentIndex()
        if self.data is None or not current.isValid() or choice == MIXED:
            return
        files = self.data.groups[current.row()].files
        if choice == FOLLOW:
            self.data.follow_guidance(files)
        else:
            self.data.set_selected(files, choice == MOVE_ALL)
        self.notifier.changed.emit()
        self.wizard_().announce(self.summary.text(), assertive=True)

    def _file_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_file(int(current.siblingAtColumn(0).data(FILE_ROLE)))

    def _tree_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.data is None:
            return
        first = current.siblingAtColumn(0)
        file_index = first.data(FILE_ROLE)
        if file_index is not None and file_index >= 0:
            self._show_file(int(file_index))
            return
        folder = int(first.data(FOLDER_ROLE))
        files = self.data.folder_files(folder)
        moving = int(self.data.selected[files].sum())
        self._show_details_text(
            self.tr("Folder {path}: {all}. {moving} of them will move.").format(
                path=self.data.folder_paths[folder],
                all=fmt.files_and_size(len(files), int(self.data.folder_bytes[folder])),
                moving=fmt.number(moving),
            )
        )

    def _show_file(self, i: int) -> None:
        assert self.data is not None
        d = self.data
        guidance = d.guidance[i]
        lines = [
            d.paths[i],
            self.tr("{size}, last changed {date}.").format(
                size=fmt.size(int(d.size[i])), date=fmt.date(float(d.modified[i]))
            ),
            decision_text(d, i) + ".",
        ]
        for reason in guidance.reasons:
            title = text_for(reason.title, self.session.language)
            explanation = text_for(reason.explanation, self.session.language)
            lines.append(f"{title}: {explanation}")
        if d.locked[i] and guidance.action != Action.CANNOT_MOVE:
            lines.append(self.tr("The retention policy does not allow changing this."))
        new_path = self._new_path(i)
        if new_path:
            lines.append(
                self.tr("OneDrive does not allow this name; it will be saved as: {name}").format(
                    name=new_path
                )
            )
        self._show_details_text("\n".join(lines))

    def _new_path(self, i: int) -> str:
        assert self.data is not None
        guidance = self.data.guidance[i]
        if guidance.new_name:
            return guidance.new_name
        rules = self.session.rules
        if rules is None:
            return ""
        path = self.data.paths[i]
        new = str(rules.destination_path(path))
        return new if new != path else ""

    def _show_details_text(self, text: str) -> None:
        self.details.setPlainText(text)

    def _filter_changed(self, text: str) -> None:
        if self.data is not None:
            self.tree_model.set_filter(text)

    def _update_summary(self) -> None:
        if self.data is None:
            return
        s = self.data.summary()
        set_text(
            self.summary,
            self.tr(
                "✔ Will move: {move}.   ✖ Left on the H: drive: {left}.   ⊘ Cannot move: {cannot}."
            ).format(
                move=fmt.files_and_size(s.move_files, s.move_bytes),
                left=fmt.files_and_size(s.discard_files, s.discard_bytes),
                cannot=fmt.files_and_size(s.cannot_files, s.cannot_bytes),
            ),
        )
        current = self.group_list.currentIndex()
        if current.isValid():
            self._show_group_choice(current.row())

    def nextId(self) -> int:
        return CONFIRM
