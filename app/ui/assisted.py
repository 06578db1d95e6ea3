"""The assisted session: a window for floor-walkers beside the wizard (Ctrl+Shift+A, or
`--assisted`).

It shows the session code to quote to the service desk, the journal's state, the problems
met so far with their technical detail (warnings and errors from the log, which carry
`UserFacingError.detail`), a live log, and "Save a support bundle". Everything shown comes
through app.log's redacting formatter: the log view never holds text the log file would
not. Log records arrive from any thread; a handler keeps them in a thread-safe queue that
a GUI timer empties four times a second, a batch at a time (a signal per record would post
an event per line, thousands a second when uploads go fast). The journal's state is read
on a worker every two seconds (each read scans the run's items and queues for the
journal's lock behind the upload workers' commits), never on the GUI thread.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.core.errors import UserFacingError
from app.log import RedactingFormatter, log_file
from app.ui import a11y
from app.ui.pages.common import error_line, error_summary
from app.ui.workers import Task, run_in_background

log = logging.getLogger(__name__)

SHORTCUT = "Ctrl+Shift+A"
MAX_LINES = 2000  # each view keeps the latest lines only
TAIL_BYTES = 64 * 1024  # the log's tail shown when the window first opens
JOURNAL_REFRESH_MS = 2000
LOG_FLUSH_MS = 250  # how often the GUI thread takes the log lines waiting for it


class QtLogHandler(logging.Handler):
    """A logging handler that keeps each record, redacted, until the GUI thread takes it.

    `emit` runs on whichever thread logs; it only appends to a deque (append and popleft
    are thread-safe), so logging never waits for the GUI. `take()` runs on the GUI thread
    and returns everything waiting, oldest first."""

    def __init__(self, level: int = logging.INFO) -> None:
        super().__init__(level)
        # Unbounded: a bounded queue could drop a warning in a burst of ordinary lines;
        # the views themselves keep only their latest MAX_LINES.
        self._waiting: deque[tuple[str, int]] = deque()
        self.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # logging must never raise into the code that logs
            self.handleError(record)
            return
        self._waiting.append((text, record.levelno))

    def take(self) -> list[tuple[str, int]]:
        taken: list[tuple[str, int]] = []
        while True:
            try:
                taken.append(self._waiting.popleft())
            except IndexError:  # empty: anything appended meanwhile waits for the next take
                return taken


def _log_tail() -> list[str]:
    """The end of today's log file (already redacted when written)."""
    path = log_file()
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(max(0, size - TAIL_BYTES))
            data = handle.read()
    except OSError:
        return []
    lines = data.decode("utf-8", "replace").splitlines()
    return lines[1:] if size > TAIL_BYTES else lines  # the first may be cut


def _level_in(line: str) -> int:
    """A line of the log file: a problem (warning or error), or an ordinary line."""
    return logging.WARNING if " WARNING " in line or " ERROR " in line else logging.INFO


def _journal_text(session: Any) -> str:
    from app.core.support_bundle import journal_state

    try:
        state = journal_state(session.journal())
    except Exception as error:  # a journal in use or unreadable is itself worth showing
        why = error_summary(error) if isinstance(error, UserFacingError) else error
        return _tr("The journal cannot be read: {error}").format(error=why)
    run = state.get("run")
    if run is None:
        return _tr("The journal holds no migration yet.")
    counts = ", ".join(f"{k} {v}" for k, v in sorted(run["counts"].items())) or "-"
    current = state["current_run"]
    lines = [
        _tr("Run {id} ({status}), started {started}").format(
            id=run["id"],
            status=_tr("unfinished") if current is not None else _tr("finished"),
            started=run["started"],
        ),
        _tr("Files per state: {counts}").format(counts=counts),
        _tr("Still to do: %n file(s)", n=int(run["to_do"])),
        _tr("Bytes done: {done} of {total}").format(
            done=run["bytes_done"], total=run["bytes_to_move"]
        ),
    ]
    return "\n".join(lines)


def _tr(text: str, n: int = -1) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("AssistedWindow", text, None, n)


def _text_view(parent: QWidget, name: str, description: str) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setMaximumBlockCount(MAX_LINES)
    view.setTabChangesFocus(True)  # Tab leaves the view: the keyboard path goes on
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    a11y.name(view, name, description)
    return view


class AssistedWindow(QWidget):
    """The non-modal assisted-session window. `session` is the wizard's app.ui.session."""

    bundle_saved = Signal(object)  # the Path written
    bundle_failed = Signal(object)  # the UserFacingError

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from app.core.support_bundle import session_code

        self.session = session
        self.code = session_code()
        self.setWindowTitle(self.tr("Assisted session"))
        self.resize(760, 620)
        layout = QVBoxLayout(self)

        self.code_label = QLabel(self.tr("Session code: {code}").format(code=self.code))
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        a11y.name(
            self.code_label,
            self.code_label.text(),
            self.tr("Quote this code to the service desk; it is in the log and the bundle."),
        )
        layout.addWidget(self.code_label)

        self.journal_view = self._section(
            layout,
            self.tr("&Journal"),
            self.tr("The journal's state: files per state in the current run, and bytes."),
        )
        self.journal_view.setMaximumHeight(110)
        self.problems_view = self._section(
            layout,
            self.tr("&Problems (technical detail)"),
            self.tr("Warnings and errors so far, with the technical detail behind each."),
        )
        # Read as sentences, often at a magnifier's zoom: wrapped, not scrolled sideways.
        self.problems_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.log_view = self._section(
            layout,
            self.tr("Live &log"),
            self.tr("The assistant's log as it is written, with secrets removed."),
        )

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save a support bundle..."))
        a11y.clean_button_name(self.save_button)
        self.save_button.setAccessibleDescription(
            self.tr(
                "A zip for the service desk: the log, receipts and settings, with no "
                "tokens and no file contents"
            )
        )
        self.save_button.clicked.connect(self._choose_bundle_path)
        self.close_button = QPushButton(self.tr("&Close"))
        a11y.clean_button_name(self.close_button)
        self.close_button.setAccessibleDescription(
            self.tr("Close this window (Ctrl+Shift+A opens it again)")
        )
        self.close_button.clicked.connect(self.close)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.announcer = a11y.Announcer(self, self.status)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self._add_lines([(line, _level_in(line)) for line in _log_tail()])
        self.handler = QtLogHandler()
        logging.getLogger().addHandler(self.handler)
        # Runs while the window is hidden too, so the lines do not pile up in the handler
        # and the live log is whole when the window is opened again.
        self.log_timer = QTimer(self)
        self.log_timer.setInterval(LOG_FLUSH_MS)
        self.log_timer.timeout.connect(self.flush_log)
        self.log_timer.start()
        self.timer = QTimer(self)
        self.timer.setInterval(JOURNAL_REFRESH_MS)
        self.timer.timeout.connect(self.refresh_journal)
        self._task: Task | None = None
        self._journal_task: Task | None = None
        self.refresh_journal()

    def _section(self, layout: QVBoxLayout, label_text: str, description: str) -> QPlainTextEdit:
        label = QLabel(label_text)
        view = _text_view(self, label_text.replace("&", ""), description)
        a11y.buddy(label, view)
        layout.addWidget(label)
        layout.addWidget(view)
        return view

    # -- feeding the views ---------------------------------------------------------------
    def _add_lines(self, lines: list[tuple[str, int]]) -> None:
        """One append per view for the whole batch (each append lays the view out)."""
        if not lines:
            return
        self.log_view.appendPlainText("\n".join(text for text, _ in lines))
        problems = [text for text, level in lines if level >= logging.WARNING]
        if problems:
            self.problems_view.appendPlainText("\n".join(problems))

    @Slot()
    def flush_log(self) -> None:
        """Show the log lines written since the last flush (GUI thread)."""
        self._add_lines(self.handler.take())

    @Slot()
    def refresh_journal(self) -> None:
        """Read the journal's state on a worker; skipped while the last read still runs
        (a slow journal then has one reader from this window, not a queue of them)."""
        previous = self._journal_task
        if previous is not None:
            if previous.running or previous.is_running():
                return
            # Finished and its signals delivered: Python takes it back, and it goes (with
            # its thread) when replaced below, rather than one Task per refresh staying a
            # child of this window for the whole session.
            previous.setParent(None)
        session = self.session
        self._journal_task = run_in_background(
            lambda _progress, _stop: _journal_text(session),
            parent=self,
            name="assisted journal",
            on_success=self.journal_view.setPlainText,
        )

    def showEvent(self, event: Any) -> None:
        self.timer.start()
        self.refresh_journal()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def detach(self) -> None:
        """Stop listening to the log (the wizard is closing)."""
        logging.getLogger().removeHandler(self.handler)
        self.log_timer.stop()
        self.flush_log()
        self.timer.stop()
        for task in (self._task, self._journal_task):
            if task is not None and task.is_running():
                task.wait()

    # -- the support bundle ----------------------------------------------------------------
    def _choose_bundle_path(self) -> None:
        from app.core.support_bundle import default_bundle_path

        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a support bundle"),
            str(default_bundle_path(self.code)),
            self.tr("Zip file (*.zip)"),
        )
        if target:
            self.save_bundle(Path(target))

    def save_bundle(self, target: Path) -> Task:
        """Write the bundle on a worker (scrubbing a large log takes a moment)."""
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving the support bundle..."))
        self._task = run_in_background(
            self._bundle_job(target),
            parent=self,
            name="support bundle",
            on_success=self._bundle_saved,
            on_failure=self._bundle_failed,
        )
        return self._task

    def _bundle_job(self, target: Path) -> Callable[[Any, Any], Path]:
        from app.core.support_bundle import (
            journal_state,
            latest_run_summary,
            saved_receipts,
            write_support_bundle,
        )

        session, code = self.session, self.code

        def job(_progress: Any, _stop: Any) -> Path:
            notes: list[str] = []
            state: dict[str, Any] = {}
            texts: dict[str, str] = {}
            try:
                journal = session.journal()  # the wizard's own (it holds the lock)
                state[journal.path.name] = journal_state(journal)
                summary = latest_run_summary(journal)
                if summary is not None:
                    texts[f"receipts/latest run ({journal.path.stem}).txt"] = summary
            except Exception as error:  # the bundle matters most when things are broken
                notes.append(f"journal: {error}")
            try:
                return write_support_bundle(
                    target,
                    log_dir=paths.user_log_dir(),
                    receipt_paths=saved_receipts(),
                    settings=session.settings,
                    code=code,
                    journal=state,
                    texts=texts,
                    notes=notes,
                )
            except OSError as error:
                from app.core.errors import UserFacingError

                raise UserFacingError(
                    _tr("The support bundle could not be saved"),
                    _tr("Nothing could be written to {path}.").format(path=target),
                    _tr("Choose another folder, for example your Documents."),
                    detail=repr(error),
                ) from error

        return job

    def _bundle_saved(self, path: Path) -> None:
        self.save_button.setEnabled(True)
        message = self.tr("Support bundle saved to {path}").format(path=str(path))
        self.announcer.announce(message, assertive=True)  # sets the status line too
        self.bundle_saved.emit(path)

    def _bundle_failed(self, error: Any) -> None:
        self.save_button.setEnabled(True)
        message = error_line(error)
        self.announcer.announce(message, assertive=True)
        self.bundle_failed.emit(error)


def toggle(wizard: Any) -> AssistedWindow:
    """Open `wizard`'s assisted window (made on first use), or close it if open."""
    window: AssistedWindow | None = wizard.assisted
    if window is None:
        window = AssistedWindow(wizard.session, wizard)
        wizard.assisted = window
    if window.isVisible():
        window.close()
    else:
        window.show()
        window.raise_()
        window.activateWindow()
    return window


def shortcut(wizard: Any) -> QShortcut:
    """Ctrl+Shift+A anywhere in the app toggles `wizard`'s assisted window."""
    keys = QShortcut(QKeySequence(SHORTCUT), wizard)
    keys.setContext(Qt.ShortcutContext.ApplicationShortcut)
    keys.activated.connect(lambda: toggle(wizard))
    return keys
