"""Safe, cheap rendering of one message body in ONE QTextDocument: Markdown prose and code frames.

Safety:
- Markdown is parsed with `MarkdownNoHTML`: raw HTML in model output is shown as text, never
  interpreted. Nothing is executed.
- `SafeTextBrowser.loadResource` answers every resource request, any scheme, with an inert
  placeholder (a blank 1×1 image, a blank byte): returning nothing would let QTextDocument and Qt's
  image handler read the file themselves. Markdown images never reach the document anyway: they
  become the plain text "[image: ALT — LINK not loaded]" (`safe_markdown`).
- Links never navigate inside the view; a click is forwarded as `link_clicked(QUrl)` and the pane
  opens http(s)/mailto links in the system browser.

Speed (streaming): `MessageBody.apply(ops)` takes the operations of `core.markdown_stream`. Prose is
appended as plain text at the end; when paragraphs are settled they are rendered as Markdown once
(at most every `RENDER_INTERVAL_S`, or on finish) by replacing only the plain tail. A fenced code
block becomes a bordered frame (language, a "Copy" link, monospaced lines) that code is appended to
directly. No step touches text that was already rendered, and a message is one widget, so opening a
long conversation stays cheap (a widget per code block was 5× slower to show).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QByteArray, QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QFontDatabase,
    QGuiApplication,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
)
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from runyard_desktop.core.chat.markdown_stream import Op, split_complete
from runyard_desktop.core.chat.render_budget import PLAIN_NOTE, break_long_lines
from runyard_desktop.ui.chat.chat_style import ChatColors
from runyard_desktop.ui.chat.safe_markdown import insert_markdown

RENDER_INTERVAL_S = 0.25
PARAGRAPH_GAP = 6.0  # px below a paragraph


def blank_image() -> QImage:
    """A transparent 1×1 image: not null, so Qt's image handler takes it and loads nothing itself."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


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
        self.viewport().setAutoFillBackground(False)  # transparent: the bubble or page shows through
        self.document().setDocumentMargin(2)
        self.document().setUndoRedoEnabled(False)  # read-only: every edit would be recorded for nothing
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.highlighted.connect(self._on_self_highlighted)
        self.document().documentLayout().documentSizeChanged.connect(self._on_layout_size_changed)
        self.setFixedHeight(8)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Never load anything: not remote images, not local files, devices or network shares.

        The answer must not be empty: for an empty answer QTextDocument opens a local file itself,
        and the image handler then calls QImage.load(name) (a FIFO blocks, /dev/zero exhausts memory).
        """
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return blank_image()
        return QByteArray(b" ")

    @Slot(QUrl)
    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        self.link_clicked.emit(url)

    @Slot(QUrl)
    def _on_self_highlighted(self, url: QUrl) -> None:
        # Where a link goes, on hover: its text may say another place. Fully encoded, so never rich text.
        self.setToolTip(url.toString(QUrl.ComponentFormattingOption.FullyEncoded) if not url.isEmpty() else "")

    @Slot()
    def _on_layout_size_changed(self) -> None:
        height = int(self.document().size().height() + 0.999) + 2
        if height != self.height():
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())


class MessageBody(SafeTextBrowser):
    """One message's text: rendered Markdown, then a plain tail still arriving; code in frames.

    Signals (besides SafeTextBrowser's):
        code_copied(int): the Copy link of that code block was clicked (the code is on the clipboard).
    """

    code_copied = Signal(int)

    def __init__(self, colors: ChatColors | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colors = colors or ChatColors.from_palette(QGuiApplication.palette())
        self._rendered_end = 0  # everything before this position is final
        self._plain: list[str] = []  # prose after _rendered_end, shown as plain text for now
        self._settled_chars = 0  # leading characters of _plain that form complete Markdown
        self._last_render = 0.0
        self._codes: list[tuple[str, list[str]]] = []  # (language, code pieces) per fenced block
        self._code_cursor: QTextCursor | None = None  # inside the open code frame
        self.chars = 0  # characters appended so far
        self._whole = False  # set_markdown: prose is only buffered until it is rendered as Markdown
        self._column = 0  # plain mode: characters on the last line (see render_budget.break_long_lines)
        self._code_format = QTextCharFormat()
        self._code_format.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

    # ---- driving -----------------------------------------------------------------------------

    def set_markdown(self, text: str) -> None:
        """Show a finished text (a stored message) in one pass.

        One edit block: the document is laid out (and its size reported) once at the end, not after
        each of the ~20 insertions; prose goes in as Markdown directly, never as plain text first.
        """
        self._whole = True
        try:
            self.apply(split_complete(text), final=True)
        finally:
            self._whole = False

    def show_plain_note(self) -> None:
        """Start plain mode: a note says why the text below is not formatted."""
        note = QTextCharFormat()
        note.setForeground(self._colors.muted)
        note.setFontItalic(True)
        cursor = self._end_cursor()
        if cursor.block().length() > 1:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.insertText(PLAIN_NOTE, note)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        self._column = 0

    def append_plain_chunked(self, text: str) -> None:
        """Plain mode: append as plain text, no line longer than `CHUNK` (each stays cheap to lay out)."""
        chunked, self._column = break_long_lines(text, self._column)
        self._end_cursor().insertText(chunked, QTextCharFormat())
        self.chars += len(text)

    def is_quiescent(self) -> bool:
        """Nothing pending: no plain tail waiting for Markdown, no open code block."""
        return not self._plain and self._code_cursor is None

    def apply(self, ops: list[Op], *, final: bool = False) -> None:
        """Apply one update's operations as one edit: the document is laid out once at the end, not after
        each insertion (a streamed update carrying hundreds of code blocks cost ~1 ms per block per block)."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        try:
            self._apply(ops, final)
        finally:
            cursor.endEditBlock()

    def _apply(self, ops: list[Op], final: bool) -> None:
        for op in ops:
            kind = op[0]
            if len(op) > 1:
                self.chars += len(op[1])
            if kind == "prose":
                self._append_plain(op[1])
            elif kind == "settle":
                if final:  # a finished text: render each prose run once, at its end
                    self._settled_chars = sum(len(p) for p in self._plain)
                else:
                    self._settle()
            elif kind == "code_start":
                self._start_code(op[1])
            elif kind == "code":
                if self._code_cursor is None:
                    self._start_code("")
                self._append_code(op[1])
            elif kind == "code_end":
                self._end_code()
        if final:
            self._end_code()
            self._settle(force=True)

    def flush(self) -> None:
        """Render settled prose that was waiting for the render interval (called on a slow timer)."""
        self.render_settled()

    # ---- reading -----------------------------------------------------------------------------

    def plain_text(self) -> str:
        return self.toPlainText()

    def code_blocks(self) -> list[tuple[str, str]]:
        """(language, code) of every fenced block, in order."""
        return [(lang, "".join(pieces).rstrip("\n")) for lang, pieces in self._codes]

    def copy_code(self, index: int) -> None:
        QGuiApplication.clipboard().setText(self.code_blocks()[index][1])
        self.code_copied.emit(index)

    # ---- prose -------------------------------------------------------------------------------

    def _end_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _append_plain(self, text: str) -> None:
        if self._whole:
            self._plain.append(text)
            return
        cursor = self._end_cursor()
        if not self._plain and cursor.block().length() > 1:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.insertText(text, QTextCharFormat())
        self._plain.append(text)

    def _settle(self, force: bool = False) -> None:
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
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._rendered_end)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if markdown.strip():
            if cursor.block().length() > 1:
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            first = cursor.position()
            insert_markdown(cursor, markdown)
            self._space_paragraphs(first, cursor.position())
        self._rendered_end = cursor.position()
        self._plain, self._settled_chars = [], 0
        if rest:
            self._append_plain(rest)

    def _space_paragraphs(self, start: int, end: int) -> None:
        """Qt's Markdown import puts no space between paragraphs; add a little (new blocks only)."""
        doc = self.document()
        block = doc.findBlock(start)
        while block.isValid() and block.position() <= end:
            fmt = block.blockFormat()
            if block.textList() is None and fmt.bottomMargin() == 0 and block.length() > 1:
                cursor = QTextCursor(block)
                if cursor.currentTable() is None:
                    fmt.setBottomMargin(PARAGRAPH_GAP)
                    cursor.setBlockFormat(fmt)
            block = block.next()

    # ---- code --------------------------------------------------------------------------------

    def _start_code(self, language: str) -> None:
        self._settle(force=True)  # a fence ends the prose before it
        self._end_code()
        index = len(self._codes)
        self._codes.append((language, []))
        frame_format = QTextFrameFormat()
        frame_format.setBackground(self._colors.code_bg)
        frame_format.setBorder(1)
        frame_format.setBorderBrush(self._colors.border)
        frame_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        frame_format.setPadding(8)
        frame_format.setTopMargin(4)
        frame_format.setBottomMargin(4)
        frame_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        cursor = self._end_cursor()
        cursor.insertFrame(frame_format)  # the cursor is now inside the new frame
        label = QTextCharFormat()
        label.setForeground(self._colors.muted)
        label.setFontPointSize(max(7.0, self.font().pointSizeF() * 0.85))
        cursor.insertText(f"{language or 'code'}    ", label)
        link = QTextCharFormat(label)
        link.setAnchor(True)
        link.setAnchorHref(f"copy:{index}")
        link.setForeground(self._colors.accent)
        cursor.insertText("Copy", link)
        cursor.insertBlock(QTextBlockFormat(), self._code_format)
        self._code_cursor = cursor

    def _append_code(self, text: str) -> None:
        assert self._code_cursor is not None
        self._code_cursor.insertText(text, self._code_format)
        self._codes[-1][1].append(text)

    def _end_code(self) -> None:
        cursor = self._code_cursor
        if cursor is None:
            return
        if cursor.block().length() == 1:  # the fence's last newline left an empty line
            cursor.deletePreviousChar()
        self._code_cursor = None
        self._rendered_end = self._end_cursor().position()

    @Slot(QUrl)
    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "copy" and url.path().isdigit() and int(url.path()) < len(self._codes):
            self.copy_code(int(url.path()))
            return
        self.link_clicked.emit(url)
