"""Pages on their own: the review page's choices and details, accessibility through Qt's
accessibility interface, announcements, formatting, and the progress bar's words."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWizard
from ui_builders import make_report

from app.settings import Settings
from app.ui import formatting as fmt
from app.ui.a11y import focusable_widgets_without_names
from app.ui.pages import REVIEW
from app.ui.pages.progress import progress_words
from app.ui.review_data import ReviewData
from app.ui.session import Session
from app.ui.wizard import MigrationWizard


@pytest.fixture
def wizard(qtbot):
    session = Session(Settings())
    window = MigrationWizard(session)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.shutdown()
    session.close()


def test_every_page_names_its_controls(qtbot, wizard):
    wizard.session.review = ReviewData(make_report(200))
    wizard.review.set_data(wizard.session.review)
    for page in (
        wizard.welcome,
        wizard.sign_in,
        wizard.scan,
        wizard.review,
        wizard.confirm,
        wizard.progress,
        wizard.done_page,
    ):
        assert focusable_widgets_without_names(page) == [], type(page).__name__
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton):
        name = wizard.button(which).accessibleName()
        assert name in ("Next", "Back") and ">" not in name and "<" not in name


def test_progress_bar_value_reads_as_words(qtbot, wizard):
    page = wizard.progress
    words = progress_words(1234, 2700, 45, 100, 360.0)
    assert words == "45 percent, 1,234 of 2,700 files, about 6 minutes left"
    page.bar.setValue(45)
    page.bar.setFormat(words)
    page.bar.setAccessibleDescription(words)
    iface = QAccessible.queryAccessibleInterface(page.bar)
    assert iface.role() == QAccessible.Role.ProgressBar
    assert iface.valueInterface().currentValue() == 45
    assert iface.text(QAccessible.Text.Value) == "45"
    assert iface.text(QAccessible.Text.Description) == words
    assert page.bar.text() == words


def test_review_group_choice_changes_summary_and_respects_policy(qtbot, wizard):
    data = ReviewData(make_report(300, seed=3))
    wizard.session.review = data
    review = wizard.review
    review.set_data(data)
    before = data.summary()
    temp_row = next(r for r, g in enumerate(data.groups) if g.key == "temporary-files")
    review.group_list.setCurrentIndex(review.groups_model.index(temp_row))
    assert review.group_choice.isEnabled()
    review.group_choice.setCurrentIndex(1)
    review.group_choice.activated.emit(1)  # "Move all of them"
    after = data.summary()
    assert after.move_files == before.move_files + len(data.groups[temp_row].files)
    assert fmt.files_and_size(after.move_files, after.move_bytes) in review.summary.text()
    locked_row = next(r for r, g in enumerate(data.groups) if g.key == "personal-media")
    review.group_list.setCurrentIndex(review.groups_model.index(locked_row))
    assert not review.group_choice.isEnabled()
    assert "does not allow" in review.group_text.text()
    cannot_row = next(r for r, g in enumerate(data.groups) if g.key == "programs")
    review.group_list.setCurrentIndex(review.groups_model.index(cannot_row))
    assert not review.group_choice.isEnabled()
    assert "cannot be moved" in review.group_text.text()


def test_details_explain_a_file_in_plain_words(qtbot, wizard):
    data = ReviewData(make_report(300, seed=3))
    wizard.session.review = data
    review = wizard.review
    review.set_data(data)
    temp_row = next(r for r, g in enumerate(data.groups) if g.key == "temporary-files")
    review.group_list.setCurrentIndex(review.groups_model.index(temp_row))
    review.group_files.setCurrentIndex(review.files_model.index(0, 0))
    text = review.details.toPlainText()
    assert "Temporary files: Left behind by programs" in text
    assert "Left on the H: drive" in text


def test_filter_in_folder_view(qtbot, wizard):
    data = ReviewData(make_report(300, seed=3))
    review = wizard.review
    review.set_data(data)
    review.tabs.setCurrentIndex(1)
    qtbot.keyClicks(review.filter, "mp3")
    model = review.tree_model
    assert model.rowCount() > 0
    names = list(_names(model))
    odd = [n for n in names if not ("mp3" in n.casefold() or n.startswith("Folder"))]
    assert not odd, odd


def _names(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index.data()
        yield from _names(model, index)


def test_announcements_are_polite_and_rate_limited_but_results_always_go(qtbot, wizard):
    announcer = wizard.announcer
    announcer.history.clear()
    assert wizard.announce("50 percent", force=True)
    assert not wizard.announce("51 percent")  # too soon after the last polite one
    assert wizard.announce("Finished", assertive=True)
    assert announcer.history == [("50 percent", False), ("Finished", True)]


def test_welcome_without_unfinished_run_has_no_continue(qtbot, wizard):
    assert not wizard.welcome.continue_button.isVisible()
    assert "nothing on your h: drive is changed" in wizard.welcome.safety.text().lower()


def test_formatting_in_words():
    assert fmt.files(1) == "1 file"
    assert fmt.files(2500) == "2,500 files"
    assert fmt.duration(30) == "less than a minute"
    assert fmt.duration(3600 * 2.5) == "about 2 hours and 30 minutes"


def test_review_leads_to_confirm(qtbot, wizard):
    assert wizard.review.nextId() == REVIEW + 1


def test_scan_can_be_stopped_and_started_again(qtbot, wizard, tmp_path):
    for n in range(300):
        path = tmp_path / "H" / f"Folder {n % 7}" / f"file {n}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x" * n)
    page = wizard.scan
    wizard.session.h_drive = tmp_path / "H"
    page.start_scan()
    page.cancel_button.click()  # the page is not on screen here; its buttons still work
    qtbot.waitUntil(lambda: page.rescan_button.isVisibleTo(page), timeout=10_000)
    if not page.isComplete():  # stopped before it finished (it may win the race)
        assert "Stopped" in page.counts.text()
    page.rescan_button.click()
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    assert "Finished: 300 files" in page.counts.text()
    assert wizard.session.review.n == 300


def test_no_display_is_detected_only_when_nothing_was_chosen(monkeypatch):
    from app.commands.wizard import no_display

    monkeypatch.setattr("sys.platform", "linux")
    assert no_display({})
    assert not no_display({"DISPLAY": ":0"})
    assert not no_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert not no_display({"QT_QPA_PLATFORM": "offscreen"})
