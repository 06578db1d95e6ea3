"""What every page shares: a scrolling body (so 200% text never cuts anything off),
word-wrapped text, headings and accessible buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.ui import a11y

if TYPE_CHECKING:
    from app.ui.session import Session
    from app.ui.wizard import MigrationWizard


class Page(QWizardPage):
    """A page whose content scrolls, with a link to the wizard's shared Session."""

    def __init__(self, session: Session, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.session = session
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.body = QVBoxLayout(body)

    def wizard_(self) -> MigrationWizard:
        return self.wizard()  # type: ignore[return-value]

    def text(self, content: str, *, role: str = "", selectable: bool = False) -> QLabel:
        label = QLabel(content)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if role:
            label.setProperty("role", role)
        if selectable:
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            label.setAccessibleName(content)
            label.setProperty("selectableText", True)
            label.setVisible(bool(content))  # an empty focus stop would read as nothing
        self.body.addWidget(label)
        return label

    def button(self, content: str, description: str = "") -> QPushButton:
        button = QPushButton(content)
        a11y.clean_button_name(button)
        if description:
            button.setAccessibleDescription(description)
        return button


def set_text(label: QLabel, content: str) -> None:
    """Change a label's text and keep its accessible name in step (selectable labels)."""
    label.setText(content)
    if label.property("selectableText"):
        label.setAccessibleName(content)
        label.setVisible(bool(content))
