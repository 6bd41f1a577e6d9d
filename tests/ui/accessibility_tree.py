"""Walks Qt's accessibility tree (what a screen reader reads) and lists what a reader could not name.

Rules (`problems(root)`), over every visible interface under `root`:
- an interactive element (button, box, field, list, table…) needs a name;
- a custom-drawn widget (a class of this app that paints itself) needs a name, and a value or description
  that says what it shows;
- a cell drawn by one of this app's column delegates (verdict badges, status) needs a name (its text);
- a row drawn whole by one of this app's delegates (download rows: tag, phase line, progress bar) needs a
  name and a description (what the line and the bar show).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QWidget

Role = QAccessible.Role
INTERACTIVE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.SpinBox,
    Role.Slider,
    Role.List,
    Role.Table,
    Role.Tree,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.PageTab,
    Role.Link,
}
ITEMS = {Role.Cell, Role.ListItem, Role.TreeItem}
NAME, DESCRIPTION, VALUE = QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value


def custom_drawn(widget: QWidget) -> bool:
    """A widget whose class (one of this app's) paints itself."""
    paint = getattr(type(widget), "paintEvent", None)
    return getattr(paint, "__module__", "").startswith("runyard_desktop")


def _ours(delegate: object) -> bool:
    return (
        delegate is not None
        and type(delegate) is not QStyledItemDelegate
        and type(delegate).__module__.startswith("runyard_desktop")
    )


def draws_items(view: QWidget) -> str:
    """ "rows" when the app's delegate draws every item of `view`, "cells" when it draws some columns, else ""."""
    if not isinstance(view, QAbstractItemView):
        return ""
    if _ours(view.itemDelegate()):
        return "rows"
    model = view.model()
    try:
        columns = model.columnCount(QModelIndex()) if model is not None else 0
    except TypeError:  # a list model's columnCount is private in PySide: one column
        columns = 1
    return "cells" if any(_ours(view.itemDelegateForColumn(c)) for c in range(columns)) else ""


def _label(iface: QAccessibleInterface) -> str:
    obj = iface.object()
    where = f"{type(obj).__name__} '{obj.objectName()}'" if obj is not None else "item"
    return f"{iface.role().name} {where}"


def problems(root: QWidget) -> list[str]:
    """What a screen reader could not name or describe under `root` (empty: all good)."""
    found: list[str] = []
    _walk(QAccessible.queryAccessibleInterface(root), found, drawn="")
    return found


def _walk(iface: QAccessibleInterface | None, found: list[str], *, drawn: str) -> None:
    if iface is None or not iface.isValid() or iface.state().invisible:
        return
    name = iface.text(NAME).strip()
    told = iface.text(DESCRIPTION).strip() or iface.text(VALUE).strip()
    obj = iface.object()
    role = iface.role()
    if role in INTERACTIVE and not name:
        found.append(f"{_label(iface)} has no name")
    if isinstance(obj, QWidget) and custom_drawn(obj) and not (name and told):
        found.append(f"{_label(iface)} is drawn by the app and needs a name and a value or description")
    if drawn and role in ITEMS and not name:
        found.append(f"{_label(iface)} in a view drawn by the app has no name")
    if drawn == "rows" and role in ITEMS and not told:
        found.append(f"{_label(iface)} '{name}' is drawn by the app and has no description of what it shows")
    drawn = drawn or (draws_items(obj) if isinstance(obj, QWidget) else "")
    for i in range(iface.childCount()):
        _walk(iface.child(i), found, drawn=drawn)
