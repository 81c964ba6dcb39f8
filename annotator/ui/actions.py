"""Every command of the window in one table: QActions with objectName, text, shortcut and slot."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap

from annotator.store.values import LabelInfo
from annotator.ui.i18n import QT_TRANSLATE_NOOP, isolate, shown_label, translate

Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    name: str           # objectName, and the key of the window's `actions` dict
    text: str
    slot: str           # what `triggered` calls: a main-window method or attribute path
    keys: tuple[Key, ...] = ()
    tip: str = ""
    checkable: bool = False


_S = QKeySequence.StandardKey

# The texts of the tables below are marked for lupdate and translated where they are shown.

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("open_database", QT_TRANSLATE_NOOP("Actions", "&Open database…"), "choose_database",
               (_S.Open,), QT_TRANSLATE_NOOP("Actions", "Open another annotation database")),
    ActionSpec("import_files", QT_TRANSLATE_NOOP("Actions", "&Import files…"), "choose_files_to_import",
               ("Ctrl+I",), QT_TRANSLATE_NOOP("Actions", "Import articles: text files, saved web pages, "
                                                     "JSON Lines or CSV corpora, Word documents")),
    ActionSpec("import_folder", QT_TRANSLATE_NOOP("Actions", "Import &folder…"), "choose_folder_to_import",
               ("Ctrl+Shift+I",), QT_TRANSLATE_NOOP("Actions", "Import every article file of a folder: text, web "
                                                     "pages, corpora, Word documents")),
    ActionSpec("export_csv", QT_TRANSLATE_NOOP("Actions", "&Export CSV…"), "export_csv", ("Ctrl+E",),
               QT_TRANSLATE_NOOP("Actions", "Write the annotations to a CSV file")),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "close", (_S.Quit,)),
    # Edit
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "undo_group.undo", (_S.Undo,)),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "undo_group.redo", (_S.Redo,)),
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "&Find…"), "find_bar.open_bar", (_S.Find,),
               QT_TRANSLATE_NOOP("Actions", "Find text in the article")),
    ActionSpec("find_next", QT_TRANSLATE_NOOP("Actions", "Find &next"), "find_bar.find_next",
               (_S.FindNext,)),
    ActionSpec("find_previous", QT_TRANSLATE_NOOP("Actions", "Find pre&vious"), "find_bar.find_previous",
               (_S.FindPrevious,)),
    ActionSpec("delete_annotation", QT_TRANSLATE_NOOP("Actions", "&Delete annotation"), "delete_annotation",
               (_S.Delete,),
               QT_TRANSLATE_NOOP("Actions", "Delete the annotation under the cursor or selected in the list")),
    ActionSpec("edit_note", QT_TRANSLATE_NOOP("Actions", "Edit &note…"), "edit_note", ("F2",),
               QT_TRANSLATE_NOOP("Actions", "Edit the note of the annotation under the cursor")),
    ActionSpec("edit_attributes", QT_TRANSLATE_NOOP("Actions", "&Attributes"), "edit_attributes",
               ("Alt+Return",),
               QT_TRANSLATE_NOOP("Actions", "Edit the attributes of the annotation at the caret, from the "
                                            "keyboard")),
    ActionSpec("analyst_name", QT_TRANSLATE_NOOP("Actions", "Your &name…"), "ask_name", (),
               QT_TRANSLATE_NOOP("Actions", "The name recorded with each annotation you make")),
    ActionSpec("edit_labels", QT_TRANSLATE_NOOP("Actions", "&Labels…"), "edit_labels", (),
               QT_TRANSLATE_NOOP("Actions", "Rename, recolour or add labels")),
    ActionSpec("edit_scheme", QT_TRANSLATE_NOOP("Actions", "Attributes and lin&ks…"), "edit_scheme", (),
               QT_TRANSLATE_NOOP("Actions", "Add or remove a label's attributes and the kinds of link")),
    # Tag: the walk through the article and a span's edges
    ActionSpec("next_annotation", QT_TRANSLATE_NOOP("Actions", "Ne&xt annotation"), "tagging.next_annotation",
               ("]",), QT_TRANSLATE_NOOP("Actions", "Select the next annotation in reading order")),
    ActionSpec("previous_annotation", QT_TRANSLATE_NOOP("Actions", "Pre&vious annotation"),
               "tagging.previous_annotation", ("[",)),
    ActionSpec("next_bare_paragraph", QT_TRANSLATE_NOOP("Actions", "Next paragraph &without annotations"),
               "tagging.next_bare_paragraph", ("Ctrl+]",)),
    ActionSpec("end_left", QT_TRANSLATE_NOOP("Actions", "Move the span's end left"), "tagging.end_left",
               ("Alt+Left",), QT_TRANSLATE_NOOP("Actions", "A word towards the arrow on screen (a character "
                                                          "with snapping off), keeping the annotation")),
    ActionSpec("end_right", QT_TRANSLATE_NOOP("Actions", "Move the span's end right"), "tagging.end_right",
               ("Alt+Right",)),
    ActionSpec("start_left", QT_TRANSLATE_NOOP("Actions", "Move the span's start left"), "tagging.start_left",
               ("Alt+Shift+Left",)),
    ActionSpec("start_right", QT_TRANSLATE_NOOP("Actions", "Move the span's start right"), "tagging.start_right",
               ("Alt+Shift+Right",)),
    ActionSpec("context_menu", QT_TRANSLATE_NOOP("Actions", "&Context menu"), "context_menu_at_caret",
               ("Shift+F10", "Menu"), QT_TRANSLATE_NOOP("Actions", "The menu of the annotation at the caret")),
    # View
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &in"), "view.zoom_in", (_S.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &out"), "view.zoom_out", (_S.ZoomOut,)),
    ActionSpec("reset_zoom", QT_TRANSLATE_NOOP("Actions", "&Reset zoom"), "view.reset_zoom", ("Ctrl+0",)),
    ActionSpec("snap_to_words", QT_TRANSLATE_NOOP("Actions", "&Snap selection to words"), "set_snap_to_words",
               ("Ctrl+Shift+W",),
               QT_TRANSLATE_NOOP("Actions", "Widen a selection to whole words before tagging"), True),
    ActionSpec("focus_article", QT_TRANSLATE_NOOP("Actions", "Go to the &article"), "focus_article", ("Ctrl+1",)),
    ActionSpec("focus_documents", QT_TRANSLATE_NOOP("Actions", "Go to the &documents"), "focus_documents",
               ("Ctrl+2",)),
    ActionSpec("focus_annotations", QT_TRANSLATE_NOOP("Actions", "Go to the annota&tions"), "focus_annotations",
               ("Ctrl+3",)),
    ActionSpec("focus_filter", QT_TRANSLATE_NOOP("Actions", "Go to the &filter"), "focus_filter", ("Ctrl+4",)),
    ActionSpec("shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), "show_shortcuts", (_S.HelpContents,),
               QT_TRANSLATE_NOOP("Actions", "Every action and its keys")),
    # Document
    ActionSpec("next_document", QT_TRANSLATE_NOOP("Actions", "&Next document"), "next_document",
               ("Ctrl+PgDown",)),
    ActionSpec("previous_document", QT_TRANSLATE_NOOP("Actions", "&Previous document"), "previous_document",
               ("Ctrl+PgUp",)),
    ActionSpec("next_not_done", QT_TRANSLATE_NOOP("Actions", "Next document &not done"), "next_not_done",
               ("Ctrl+Shift+PgDown",)),
    ActionSpec("agreement", QT_TRANSLATE_NOOP("Actions", "&Agreement…"), "show_agreement", (),
               QT_TRANSLATE_NOOP("Actions", "How far the analysts agree, over all documents or one")),
    ActionSpec("review", QT_TRANSLATE_NOOP("Actions", "Re&view…"), "show_review", (),
               QT_TRANSLATE_NOOP("Actions", "Settle the analysts' differences on this document into the gold layer")),
    ActionSpec("reload_document", QT_TRANSLATE_NOOP("Actions", "&Reload"), "reload_document", (_S.Refresh,),
               QT_TRANSLATE_NOOP("Actions", "Show the changes other windows made to this document")),
    ActionSpec("mark_done", QT_TRANSLATE_NOOP("Actions", "Mark &done"), "set_document_done", ("Ctrl+D",),
               QT_TRANSLATE_NOOP("Actions", "Mark the current document as done"), True),
    ActionSpec("annotate_blind", QT_TRANSLATE_NOOP("Actions", "Annotate &blind"), "set_annotate_blind", (),
               QT_TRANSLATE_NOOP("Actions", "For everyone on this database: each analyst sees only their own "
                                            "annotations of a document until they mark it done"), True),
)

SPECS = {spec.name: spec for spec in ACTIONS}

# Menu bar layout: action names, None for a separator, "@name" for a part the window fills in.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Actions", "&File"),
     ("open_database", "@recent", None, "import_files", "import_folder", "export_csv", None, "quit")),
    (QT_TRANSLATE_NOOP("Actions", "&Edit"),
     ("undo", "redo", None, "find", "find_next", "find_previous", None, "delete_annotation", "edit_note",
      "edit_attributes", None, "edit_labels", "edit_scheme", None, "analyst_name")),
    (QT_TRANSLATE_NOOP("Actions", "&Tag"),
     ("@labels", None, "@links", None, "next_annotation", "previous_annotation", "next_bare_paragraph", None,
      "end_left", "end_right", "start_left", "start_right", None, "context_menu")),
    (QT_TRANSLATE_NOOP("Actions", "&View"),
     ("zoom_in", "zoom_out", "reset_zoom", None, "snap_to_words", None, "focus_article", "focus_documents",
      "focus_annotations", "focus_filter", None, "@layers", "@docks", None, "@languages")),
    (QT_TRANSLATE_NOOP("Actions", "&Document"),
     ("next_document", "previous_document", "next_not_done", "reload_document", None, "mark_done", None,
      "agreement", "review", "annotate_blind")),
    (QT_TRANSLATE_NOOP("Actions", "&Help"), ("shortcuts",)),
)
TOOLBAR: tuple[str | None, ...] = ("@labels", None, "undo", "redo", "snap_to_words", "mark_done")


Bindings = Callable[[QKeySequence.StandardKey], list[QKeySequence]]


def resolve_shortcuts(specs: Sequence[ActionSpec], bindings: Bindings = QKeySequence.keyBindings,
                      reserved: Sequence[str] = ()) -> dict[str, list[QKeySequence]]:
    """Each action's key sequences, no sequence given to two actions.

    A platform's standard binding yields to a key that an action (or a label, `reserved`)
    names explicitly: Linux binds Delete to Del and Ctrl+D, and Ctrl+D is Mark done. Two
    actions holding one key would both go dead ("ambiguous shortcut").
    """
    explicit = {QKeySequence(k) for spec in specs for k in spec.keys if isinstance(k, str)}
    explicit |= {QKeySequence(k) for k in reserved}
    out: dict[str, list[QKeySequence]] = {}
    for spec in specs:
        unique: list[QKeySequence] = []
        for key in spec.keys:
            if isinstance(key, QKeySequence.StandardKey):
                seqs = [seq for seq in bindings(key) if seq not in explicit]
            else:
                seqs = [QKeySequence(key)]
            unique += [seq for seq in seqs if not seq.isEmpty() and seq not in unique]
        out[spec.name] = unique
    return out


def create_actions(parent: QObject) -> dict[str, QAction]:
    """One QAction per row of ACTIONS (not yet connected; the window connects each to its slot)."""
    actions: dict[str, QAction] = {}
    shortcuts = resolve_shortcuts(ACTIONS)
    for spec in ACTIONS:
        action = QAction(translated(spec.text), parent)
        action.setObjectName(spec.name)
        action.setShortcuts(shortcuts[spec.name])
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(translated(spec.tip))
            action.setToolTip(translated(spec.tip))
        actions[spec.name] = action
    return actions


def translated(text: str) -> str:
    """A text of the tables above in the interface's language."""
    return translate("Actions", text)


def label_icon(colour: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def create_label_actions(labels: Sequence[LabelInfo], parent: QObject) -> list[QAction]:
    """A "tag with <label>" action per label, with the label's own shortcut (1, 2, 3 by default).

    The window's shortcut context makes them fire while the read-only article view has focus.
    """
    actions = []
    for label in labels:
        name = shown_label(label.name)
        action = QAction(label_icon(label.colour), name, parent)
        action.setObjectName(f"tag_{label.id}")
        action.setData(label.id)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if label.shortcut:
            action.setShortcut(QKeySequence(label.shortcut))
        hint = f" ({isolate(label.shortcut)})" if label.shortcut else ""
        action.setIconText(name + hint)
        tip = translate("Actions", "Tag the selection as {label}").format(label=name)
        action.setToolTip(tip + hint)
        action.setStatusTip(tip)
        actions.append(action)
    return actions


def describe_undo(action: QAction, verb: str, text: str) -> None:
    """Menu and tooltip say what will be undone ("Undo tag claim «…»"); the toolbar stays short.
    `verb` is translated already."""
    action.setText(f"&{verb} {text}".strip())
    action.setIconText(verb)
    action.setToolTip(f"{verb} {text}".strip())


def taken_shortcuts(actions: dict[str, QAction]) -> dict[str, str]:
    """Portable text of every fixed shortcut → the action's name (to refuse clashing label keys)."""
    taken: dict[str, str] = {}
    for action in actions.values():
        for seq in action.shortcuts():
            taken[seq.toString(QKeySequence.SequenceFormat.PortableText)] = action.text().replace("&", "")
    return taken
