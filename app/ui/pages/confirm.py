"""Page 5: where the files go, whether they fit, roughly how long it takes, and what
happens to what is left behind. The plan is built here, on a worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWizard

from app.core.errors import UserFacingError
from app.core.plan import Disposition
from app.ui import formatting as fmt
from app.ui.pages import PROGRESS
from app.ui.pages.common import Page, error_line, set_text
from app.ui.session import Session
from app.ui.workers import Task, run_in_background

# A cautious estimate for an office network; the progress page shows the real pace.
_ASSUMED_BYTES_PER_S = 4 * 1024 * 1024
_SECONDS_PER_FILE = 0.15


def estimate_seconds(files: int, num_bytes: int) -> float:
    return num_bytes / _ASSUMED_BYTES_PER_S + files * _SECONDS_PER_FILE


class ConfirmPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session, self.tr("Ready to move your files"))
        self.where = self.text("", selectable=True)
        self.amount = self.text("", selectable=True)
        self.space = self.text("", selectable=True)
        self.time = self.text("", selectable=True)
        self.left = self.text("", selectable=True)
        self.text(
            self.tr(
                "You can pause at any time, or close the assistant: it continues where it "
                "left off next time."
            )
        )
        self.body.addStretch(1)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Start &moving"))
        self._task: Task | None = None
        self._ready = False
        self._fits = True

    def initializePage(self) -> None:
        self._ready = False
        set_text(self.where, self.tr("Preparing the list of files to move..."))
        for label in (self.amount, self.space, self.time, self.left):
            set_text(label, "")
        self._task = run_in_background(
            lambda _progress, _stop: self.session.build_plan(),
            parent=self,
            name="plan",
            on_success=self._show,
            on_failure=self._failed,
        )
        self.completeChanged.emit()

    def _show(self, plan: Any) -> None:
        session = self.session
        moving = plan.to_move()
        count, num_bytes = len(moving), plan.bytes_to_move
        set_text(
            self.where,
            self.tr('Your files will go to the folder "{folder}" in your OneDrive.').format(
                folder=plan.destination_folder or self.tr("(the top of your OneDrive)")
            ),
        )
        set_text(
            self.amount,
            self.tr("To move: {what}.").format(what=fmt.files_and_size(count, num_bytes)),
        )
        drive = session.drive
        self._fits = True
        if drive is not None and drive.remaining is not None:
            self._fits = num_bytes <= drive.remaining
            if self._fits:
                set_text(
                    self.space,
                    self.tr("✔ This fits: your OneDrive has {free} free.").format(
                        free=fmt.size(drive.remaining)
                    ),
                )
            else:
                set_text(
                    self.space,
                    self.tr(
                        "⚠ This does not fit: your OneDrive has only {free} free. Go back and "
                        "leave some files on the H: drive, or ask the service desk for more "
                        "space."
                    ).format(free=fmt.size(drive.remaining)),
                )
        else:
            set_text(self.space, self.tr("The free space in your OneDrive is not known."))
        set_text(
            self.time,
            self.tr("Estimated time: {time}.").format(
                time=fmt.duration(estimate_seconds(count, num_bytes))
            ),
        )
        left = [i for i in plan.items if i.disposition is Disposition.DISCARD]
        cannot = plan.count(Disposition.CANNOT_MOVE)
        text = self.tr(
            "{left} will be left on your H: drive, not deleted. They are listed in your "
            "receipt; at the end you can choose to delete them."
        ).format(left=fmt.files_and_size(len(left), sum(i.size for i in left)))
        if cannot:
            text += " " + self.tr("%n file(s) cannot move and stay where they are.", None, cannot)
        set_text(self.left, text)
        self._ready = True
        self.completeChanged.emit()

    def _failed(self, error: UserFacingError) -> None:
        set_text(self.where, error_line(error))
        self.wizard_().announce(self.where.text(), assertive=True)

    def isComplete(self) -> bool:
        return self._ready and self._fits

    def nextId(self) -> int:
        return PROGRESS
