"""Safe, cheap rendering of one message body: prose via QTextDocument Markdown, code in its own block.

Safety:
- Markdown is parsed with `MarkdownNoHTML`: raw HTML in model output is shown as text, never
  interpreted. Nothing is executed.
- `SafeTextBrowser.loadResource` refuses every resource, and Markdown images are turned into links
  first (`neutralise_images`): an image URL in a reply is never fetched.
- Links never navigate inside the view; a click is forwarded as `link_clicked(QUrl)` and the pane
  opens http(s)/mailto links in the system browser.

Speed (streaming): `MessageBody.apply(ops)` takes the operations of `core.markdown_stream`. Prose is
appended as plain text at the end of the live segment; when a paragraph is settled it is rendered as
Markdown once (at most every `RENDER_INTERVAL_S`, or on finish) by replacing only the plain tail.
Code lines are appended to a monospaced `CodeBlock`. No step touches text that was already rendered.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QFontDatabase,
    QGuiApplication,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.markdown_stream import Op, neutralise_images, split_complete

_F = QTextDocument.MarkdownFeature
MARKDOWN_FEATURES = _F(_F.MarkdownDialectGitHub.value | _F.MarkdownNoHTML.value)
RENDER_INTERVAL_S = 0.25


class SafeTextBrowser(QTextBrowser):
    """A read-only, auto-height text view that loads nothing and navigates nowhere.

    Signals:
        link_clicked(QUrl): the user clicked a link (the pane decides whether to open it).
    """

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("QTextBrowser { background: transparent; }")
        self.document().setDocumentMargin(2)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.document().documentLayout().documentSizeChanged.connect(self._on_layout_size_changed)
        self.setFixedHeight(8)

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
        # Never load anything: not remote images, not local files a reply points at.
        return None

    @Slot(QUrl)
    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        self.link_clicked.emit(url)

    @Slot()
    def _on_layout_size_changed(self) -> None:
        height = int(self.document().size().height() + 0.999) + 2
        if height != self.height():
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())


class ProseSegment(SafeTextBrowser):
    """A run of Markdown prose: rendered part first, then a plain-text tail still arriving."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rendered_end = 0
        self._plain: list[str] = []  # text after _rendered_end, shown as plain
        self._settled_chars = 0  # leading characters of _plain that form complete Markdown
        self._last_render = 0.0

    def append_plain(self, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self._plain and not self.document().isEmpty():
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.insertText(text, QTextCharFormat())
        self._plain.append(text)

    def settle(self, force: bool = False) -> None:
        """Everything appended so far is complete Markdown; render it now or at the next interval."""
        self._settled_chars = sum(len(p) for p in self._plain)
        now = time.monotonic()
        if force or now - self._last_render >= RENDER_INTERVAL_S:
            self.render_settled()
            self._last_render = now

    def render_settled(self) -> None:
        if not self._settled_chars:
            return
        plain = "".join(self._plain)
        markdown, rest = plain[: self._settled_chars], plain[self._settled_chars :]
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.setPosition(self._rendered_end)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if markdown.strip():
            if self._rendered_end > 0:
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.insertMarkdown(neutralise_images(markdown), MARKDOWN_FEATURES)
        self._rendered_end = cursor.position()
        self._plain, self._settled_chars = [], 0
        if rest:
            self.append_plain(rest)


class CodeBlock(QFrame):
    """A fenced code block: language, a Copy button, and monospaced text that is appended to.

    Signals:
        copied(): the code was put on the clipboard.
    """

    copied = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeBlock")
        self.language = language
        header = QHBoxLayout()
        header.setContentsMargins(10, 4, 4, 0)
        label = QLabel(language or "code")
        label.setObjectName("codeLanguage")
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("copyCodeButton")
        self.copy_button.setText("Copy")
        self.copy_button.setAutoRaise(True)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        header.addWidget(label)
        header.addStretch(1)
        header.addWidget(self.copy_button)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("codeText")
        self.editor.setReadOnly(True)
        self.editor.setFrameShape(QFrame.Shape.NoFrame)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setWordWrapMode(QTextOption.WrapMode.NoWrap)
        self.editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.editor)
        self._lines = 0
        self._fit_height()

    def append(self, text: str) -> None:
        cursor = QTextCursor(self.editor.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        lines = self.editor.document().blockCount()
        if lines != self._lines:
            self._lines = lines
            self._fit_height()

    def finish(self) -> None:
        # A fence's last newline leaves an empty last line; drop it so the block ends on the code.
        doc = self.editor.document()
        if doc.lastBlock().text() == "" and doc.blockCount() > 1:
            cursor = QTextCursor(doc)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.deletePreviousChar()
            self._lines = doc.blockCount()
            self._fit_height()

    def code(self) -> str:
        return self.editor.toPlainText()

    def _fit_height(self) -> None:
        metrics = self.editor.fontMetrics()
        lines = max(1, self.editor.document().blockCount())
        scrollbar = self.editor.horizontalScrollBar().sizeHint().height()
        self.editor.setFixedHeight(lines * metrics.lineSpacing() + 2 * int(self.editor.document().documentMargin()) + scrollbar)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.code())
        self.copy_button.setText("Copied")
        self.copied.emit()


class MessageBody(QWidget):
    """The segments of one message (prose and code), driven by `core.markdown_stream` operations.

    Signals:
        link_clicked(QUrl): a link in the text was clicked.
    """

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._prose: ProseSegment | None = None
        self._code: CodeBlock | None = None
        self.segments: list[QWidget] = []

    def set_markdown(self, text: str) -> None:
        """Show a finished text (a stored message) in one pass."""
        self.apply(split_complete(text), final=True)

    def apply(self, ops: list[Op], *, final: bool = False) -> None:
        for op in ops:
            kind = op[0]
            if kind == "prose":
                self._prose_segment().append_plain(op[1])
            elif kind == "settle":
                if self._prose is not None:
                    self._prose.settle(force=final)
            elif kind == "code_start":
                self._end_prose()
                self._code = CodeBlock(op[1])
                self._add(self._code)
            elif kind == "code":
                if self._code is None:
                    self._code = CodeBlock("")
                    self._add(self._code)
                self._code.append(op[1])
            elif kind == "code_end":
                if self._code is not None:
                    self._code.finish()
                self._code = None
        if final:
            self._end_prose()

    def flush(self) -> None:
        """Render settled prose that was waiting for the render interval (called on a slow timer)."""
        if self._prose is not None:
            self._prose.render_settled()

    def plain_text(self) -> str:
        parts = []
        for seg in self.segments:
            parts.append(seg.code() if isinstance(seg, CodeBlock) else seg.toPlainText())  # type: ignore[attr-defined]
        return "\n".join(parts)

    def _prose_segment(self) -> ProseSegment:
        if self._prose is None:
            self._prose = ProseSegment()
            self._prose.link_clicked.connect(self.link_clicked)
            self._add(self._prose)
        return self._prose

    def _end_prose(self) -> None:
        if self._prose is not None:
            self._prose.settle(force=True)
            self._prose = None

    def _add(self, widget: QWidget) -> None:
        self.segments.append(widget)
        self._layout.addWidget(widget)
