"""The three progress announcement modes (every step, milestones, only at the end): the
progress page's "Announce progress" control, and what each mode sends to screen readers.

Progress is fed as the engine's own `UploadProgress` records (wrapped as the session
does), so the page runs its real code; what reaches the accessibility bus is checked by
tests/ui/atspi."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.m365.upload import RunResult, UploadProgress
from app.settings import Settings, Ui
from app.ui import a11y
from app.ui.session import RunProgress, Session
from app.ui.wizard import MigrationWizard

FILES = 12


def make_wizard(qtbot, mode: str = "milestones") -> MigrationWizard:
    settings = dataclasses.replace(Settings(), ui=Ui(announcements=mode))
    window = MigrationWizard(Session(settings))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def wizard(qtbot):
    window = make_wizard(qtbot)
    yield window
    window.shutdown()
    window.session.close()


def step(files_done: int) -> RunProgress:
    size = 1000
    return RunProgress(
        UploadProgress(
            bytes_done=files_done * size,
            bytes_total=FILES * size,
            files_done=files_done,
            files_total=FILES,
            in_flight=(),
            rate_bps=0.0,
            eta_s=None,
            failed=0,
            skipped_existing=0,
            bytes_sent=files_done * size,
        ),
        [],
    )


def run_upload(window: MigrationWizard) -> list[tuple[str, bool]]:
    """Every file finishing one after another, then the result; what was announced."""
    page = window.progress
    window.announcer.history.clear()
    for done in range(1, FILES + 1):
        page._progress(step(done))
    page._done(RunResult(run_id=1, moved=FILES))
    return list(window.announcer.history)


def test_the_control_is_named_described_and_reachable_by_keyboard(qtbot, wizard):
    combo = wizard.progress.announce_choice
    assert combo.accessibleName() == "Announce progress:"
    assert combo.accessibleDescription()
    assert combo.focusPolicy() & Qt.FocusPolicy.TabFocus
    labels = [w for w in wizard.progress.findChildren(QLabel) if w.buddy() is combo]
    assert [label.text() for label in labels] == ["&Announce progress:"]
    modes = [combo.itemData(i) for i in range(combo.count())]
    assert tuple(modes) == a11y.ANNOUNCEMENT_MODES
    assert combo.currentData() == "milestones"  # the setting's default


@pytest.mark.parametrize("mode", a11y.ANNOUNCEMENT_MODES)
def test_the_control_starts_from_the_setting(qtbot, mode):
    window = make_wizard(qtbot, mode)
    assert window.announcement_mode == mode
    assert window.progress.announce_choice.currentData() == mode
    window.session.close()


def choose(qtbot, window: MigrationWizard, mode: str) -> None:
    """Pick a mode with the keyboard, as a person does (Down/Up on the focused combo)."""
    combo = window.progress.announce_choice
    window.show()
    target = combo.findData(mode)
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    assert window.announcement_mode == mode


def test_milestones_speak_three_times_then_the_result(qtbot, wizard):
    choose(qtbot, wizard, "milestones")
    said = run_upload(wizard)
    polite = [text for text, assertive in said if not assertive]
    assert [text.split(" ")[0] for text in polite] == ["25", "50", "75"]
    assert said[-1] == ("Finished moving your files. Press Next for your receipt.", True)


def test_every_step_speaks_each_file_paced_by_the_announcer(qtbot, wizard):
    choose(qtbot, wizard, "every_step")
    assert wizard.announcer.min_interval_s == a11y.EVERY_STEP_INTERVAL_S
    wizard.announcer._last_polite = 0.0  # nothing spoken lately (the page title was)
    paced = run_upload(wizard)  # all within a few ms: only the first step gets through
    assert [assertive for _text, assertive in paced] == [False, True]
    wizard.announcer.min_interval_s = 0  # a slow upload: every step is past the pause
    wizard.progress._spoken_files = -1
    said = run_upload(wizard)
    polite = [text for text, assertive in said if not assertive]
    assert len(polite) == FILES
    assert polite[0].startswith(f"8 percent, 1 of {FILES} files") and polite[-1].startswith(
        "100 percent"
    )
    assert said[-1][1] is True


def test_only_at_the_end_speaks_just_the_result(qtbot, wizard):
    choose(qtbot, wizard, "end_only")
    said = run_upload(wizard)
    assert said == [("Finished moving your files. Press Next for your receipt.", True)]


def test_the_three_modes_differ(qtbot):
    heard = {}
    for mode in a11y.ANNOUNCEMENT_MODES:
        window = make_wizard(qtbot, mode)
        window.progress._announcement_mode_chosen(window.progress.announce_choice.currentIndex())
        window.announcer.min_interval_s = 0
        heard[mode] = len(run_upload(window))
        window.session.close()
    assert heard == {"every_step": FILES + 1, "milestones": 4, "end_only": 1}


def test_reading_progress_on_request_works_in_every_mode(qtbot, wizard):
    choose(qtbot, wizard, "end_only")
    wizard.progress._progress(step(3))
    wizard.announcer.history.clear()
    wizard.progress.read_button.click()  # Ctrl+R on the page; the page is not shown here
    assert wizard.announcer.history == [(wizard.progress._words, True)]
    assert wizard.progress._words.startswith("25 percent, 3 of 12 files")
