"""The whole practice journey in the pseudo-locale (every translated text accented,
bracketed and 40% longer): any visible text without the brackets missed tr(), and no
label or button may be cut off. Data (file names, numbers, the officer's name) is exempt."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
    QWizard,
)

from app.settings import Settings
from app.ui.app import install_translations
from app.ui.pages import CONFIRM, DONE, PROGRESS, REVIEW, SCAN, SIGN_IN
from app.ui.session import Session
from app.ui.translations_pseudo import is_pseudo, transform
from app.ui.wizard import MigrationWizard

FILES = {
    "Reports/2024/monthly report.docx": b"report " * 500,
    "Temp/scratch.tmp": b"x" * 300,
    "Photos/team.jpg": bytes(range(256)) * 20,
    "letter.docx": b"dear sir " * 100,
    "Mail/archive.pst": b"pst" * 100,  # cannot move: the review shows it first
}
SCREEN = (1024, 720)  # a small laptop screen, at the default text size


@pytest.fixture
def pseudo(qapp):
    install_translations(qapp, "pseudo")
    yield
    install_translations(qapp, "en_GB")  # the other UI tests' language


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person sees or hears on this widget."""
    found = [
        ("tooltip", widget.toolTip()),
        ("accessible name", widget.accessibleName()),
        ("accessible description", widget.accessibleDescription()),
    ]
    if isinstance(widget, QLabel):
        found.append(("label", widget.text()))
    elif isinstance(widget, QAbstractButton):
        found.append(("button", widget.text()))
    elif isinstance(widget, QGroupBox):
        found.append(("group", widget.title()))
    elif isinstance(widget, QLineEdit):
        found.append(("placeholder", widget.placeholderText()))
    elif isinstance(widget, QComboBox):
        found += [("choice", widget.itemText(i)) for i in range(widget.count())]
    elif isinstance(widget, QTabWidget):
        found += [("tab", widget.tabText(i)) for i in range(widget.count())]
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        table = isinstance(widget, QTableView | QTreeView)
        columns = range(model.columnCount(QModelIndex()) if table else 1)
        if table:
            found += [
                ("column", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in columns
            ]
        for row in range(min(3, model.rowCount(QModelIndex()))):
            for c in columns:
                cell = str(model.index(row, c).data() or "")
                if not re.search(r"\d", cell):  # sizes and dates are the locale's
                    found.append(("cell", cell))
    return [(where, text) for where, text in found if text]


def _is_data(text: str, data: set[str]) -> bool:
    words = re.sub(r"[\W\d_]+", " ", text).split()
    return not words or text in data or any(text.startswith(d) for d in data if len(d) > 3)


def _visible(wizard: QWizard) -> list[QWidget]:
    page = wizard.currentPage()
    buttons = [
        wizard.button(b)
        for b in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CancelButton,
            QWizard.WizardButton.FinishButton,
        )
    ]
    return [w for w in [page, *page.findChildren(QWidget), *buttons] if w.isVisibleTo(wizard)]


def _check_page(wizard: QWizard, data: set[str]) -> list[str]:
    QApplication.processEvents()
    page = wizard.currentPage()
    problems = []
    needed = wizard.minimumSizeHint()
    if needed.width() > SCREEN[0] or needed.height() > SCREEN[1]:
        problems.append(f"{type(page).__name__} needs {needed.width()}x{needed.height()}")
    for where, text in [("title", page.title()), ("subtitle", page.subTitle())]:
        if text and not is_pseudo(text):
            problems.append(f"{type(page).__name__} {where}: {text!r} (missed tr())")
    for widget in _visible(wizard):
        if widget.property("bilingual"):
            continue  # "Language / Iaith" is the same in every language on purpose
        for where, text in _texts(widget):
            if not is_pseudo(text) and not _is_data(text, data):
                problems.append(
                    f"{type(page).__name__} {type(widget).__name__} {where}: {text!r} (missed tr())"
                )
        problems += _clipped(page, widget)
    return problems


def _clipped(page: QWidget, widget: QWidget) -> list[str]:
    """A label or button smaller than its text needs (the window's size is fixed)."""
    if isinstance(widget, QLabel) and widget.text():
        if widget.wordWrap():
            short = widget.heightForWidth(widget.width()) > widget.height() + 1
        else:
            short = widget.sizeHint().width() > widget.width() + 1
    elif isinstance(widget, QAbstractButton) and widget.text():
        short = widget.sizeHint().width() > widget.width() + 1
    else:
        return []
    if not short:
        return []
    return [
        f"{type(page).__name__}: {widget.text()!r} is cut off "
        f"({widget.width()}x{widget.height()}, needs {widget.sizeHint().width()})"
    ]


def _next(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _drive(root: Path) -> Path:
    for rel, content in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        os.utime(path, (1.7e9, 1.7e9))
    return root


def test_pseudo_transform_keeps_placeholders_and_mnemonics():
    text = transform("&Save {count} of %n file(s) (*.html)")
    assert is_pseudo(text) and "{count}" in text and "%n" in text and "(*.html)" in text
    assert "&S" in text and len(text) >= 1.4 * len("&Save {count} of %n file(s) (*.html)")
    assert not is_pseudo("monthly report.docx")


def test_a_cut_off_label_is_found(qtbot, pseudo):
    label = QLabel(transform("Sign in with the same work account you use for email"))
    qtbot.addWidget(label)
    label.setFixedWidth(60)
    label.show()
    assert _clipped(label, label)
    label.setWordWrap(True)
    label.setFixedHeight(label.heightForWidth(60))
    assert not _clipped(label, label)
    label.setFixedHeight(10)
    assert _clipped(label, label)


def test_every_page_translated_and_nothing_clipped(qtbot, pseudo, make_sandbox, tmp_path):
    sandbox = make_sandbox(device_interval_s=1)
    session = Session(Settings(), language="pseudo")
    session.sandbox = sandbox
    session.training_users = [user.upn for user in sandbox.users]
    session.h_drive = _drive(tmp_path / "H")
    wizard = MigrationWizard(session)
    qtbot.addWidget(wizard)
    wizard.resize(*SCREEN)
    wizard.show()
    wizard.start_background_scan()
    data = {str(session.h_drive), *session.training_users, *(Path(p).name for p in FILES)}
    data |= {str(Path(p).parent) for p in FILES} | {"H drive"}
    problems = _check_page(wizard, data)
    try:
        _next(qtbot, wizard)
        assert wizard.currentId() == SIGN_IN
        page = wizard.sign_in
        problems += _check_page(wizard, data)
        qtbot.mouseClick(page.training_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: session.account is not None and not page.cancel_button.isVisible(),
            timeout=30_000,
        )
        data |= {str(getattr(session.account, n, "")) for n in ("name", "username", "upn")}
        if page.owner_confirm.isVisible():
            page.owner_confirm.setChecked(True)
        problems += _check_page(wizard, data)
        for page_id, ready in (
            (SCAN, lambda: wizard.scan.isComplete()),
            (REVIEW, lambda: True),
            (CONFIRM, lambda: wizard.confirm.isComplete()),
            (PROGRESS, lambda: wizard.progress.isComplete()),
            (DONE, lambda: wizard.done_page.receipt is not None),
        ):
            _next(qtbot, wizard)
            assert wizard.currentId() == page_id
            qtbot.waitUntil(ready, timeout=60_000)
            problems += _check_page(wizard, data)
    finally:
        wizard.shutdown()
        session.close()
    assert problems == [], "\n".join(dict.fromkeys(problems))
