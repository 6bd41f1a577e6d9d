"""Markdown into a text document with no image in it: every image becomes visible plain text.

Qt's Markdown importer turns every image form it knows (inline, reference-style with the
definition anywhere in the text, brackets or line breaks in the alt text, angle-bracket links)
into an image character that the document later asks to load. Rather than guess those forms with a
pattern, the text is parsed by Qt itself into a scratch document that belongs to no view (nothing
lays it out, so nothing is requested), each image there is replaced by "[image: ALT — LINK not
loaded]", and only then is the result inserted. The view's `loadResource` still answers every
request with an inert placeholder, in case anything slips through.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextDocumentFragment, QTextFormat

from runyard_desktop.core.chat.markdown_stream import image_placeholder

_F = QTextDocument.MarkdownFeature
MARKDOWN_FEATURES = _F(_F.MarkdownDialectGitHub.value | _F.MarkdownNoHTML.value)


def might_have_images(markdown: str) -> bool:
    """Every Markdown image starts with `![`: without it the text is inserted directly (the fast path)."""
    return "![" in markdown


def insert_markdown(cursor: QTextCursor, markdown: str) -> None:
    """`cursor.insertMarkdown(markdown)`, with every image replaced by its plain-text placeholder."""
    if not might_have_images(markdown):
        cursor.insertMarkdown(markdown, MARKDOWN_FEATURES)
        return
    scratch = QTextDocument()
    scratch.setUndoRedoEnabled(False)
    scratch.setMarkdown(markdown, MARKDOWN_FEATURES)
    replace_images(scratch)
    if markdown.startswith("\n"):  # as QTextCursor.insertMarkdown does
        cursor.insertBlock(scratch.firstBlock().blockFormat())
    cursor.insertFragment(QTextDocumentFragment(scratch))


def image_runs(doc: QTextDocument) -> list[tuple[int, int, str, str]]:
    """(position, length, alt text, link) of each image; neighbouring pieces of one image are joined
    (Qt makes one image character per piece of alt text split by a line break)."""
    runs: list[tuple[int, int, str, str]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                name = fmt.toImageFormat().name()
                alt = str(fmt.property(QTextFormat.Property.ImageAltText) or "")
                last = runs[-1] if runs else None
                if last is not None and last[3] == name and last[0] + last[1] == fragment.position():
                    runs[-1] = (last[0], last[1] + fragment.length(), (last[2] + " " + alt).strip(), name)
                else:
                    runs.append((fragment.position(), fragment.length(), alt.strip(), name))
            it += 1
        block = block.next()
    return runs


def replace_images(doc: QTextDocument) -> int:
    """Replace every image character of `doc` by plain text; returns how many images there were."""
    runs = image_runs(doc)
    for position, length, alt, link in reversed(runs):
        cursor = QTextCursor(doc)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(image_placeholder(alt, link), QTextCharFormat())
    return len(runs)
