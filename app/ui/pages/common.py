"""What every page shares: a scrolling body (so 200% text never cuts anything off),
word-wrapped text, headings and accessible buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.core.errors import UserFacingError, fill
from app.core.texts import CONTEXT
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


def core_text(text: str) -> str:
    """A text app/core or app/m365 marked with N_ (a folder name, say), translated."""
    return QCoreApplication.translate(CONTEXT, text)


def error_texts(error: UserFacingError) -> tuple[str, str, str]:
    """An error's title, message and action in the UI's language (the log keeps English).

    The templates are translated (core and m365 mark them with N_, filed under "Errors"),
    then filled in with the error's values. A text changed after the error was made (no
    longer its template filled in) is shown as it is rather than a stale translation."""
    texts = []
    for template, english in zip(
        error.templates, (error.title, error.message, error.action), strict=True
    ):
        if not template or fill(template, error.values) != english:
            texts.append(english)
            continue
        translated = QCoreApplication.translate(CONTEXT, template)
        try:
            texts.append(fill(translated, error.values))
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            texts.append(english)
    return texts[0], texts[1], texts[2]


def error_summary(error: UserFacingError) -> str:
    """ "Title. Message", translated (where the action is said elsewhere, or not at all)."""
    title, message, _ = error_texts(error)
    return f"{title}. {message}"


def error_line(error: UserFacingError, *, action: bool = True) -> str:
    """ "⚠ Title. Message Action" as the pages show an error, translated."""
    title, message, what_to_do = error_texts(error)
    return f"⚠ {title}. {message} {what_to_do if action else ''}".strip()
