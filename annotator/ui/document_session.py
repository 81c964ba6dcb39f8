"""The open document: loading it into the model, the rest of its annotations, its undo history.

Opening reads a screenful of annotations with the text, so the article paints at once; the
rest follow as soon as the event loop is free (a long report may hold tens of thousands).
Each document keeps its own undo stack while the window is open. Whether another window
changed the document is one cheap query (`changed_elsewhere`); `reload` then brings the
model up to date through row signals, so the article keeps its scroll position.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from annotator.store.repository import Repository
from annotator.store.sqlite_file import DatabaseRefused
from annotator.store.values import DocumentInfo, LabelInfo
from annotator.ui.annotation_model import AnnotationModel

REST_DELAY_MS = 500  # when the article is not painted (hidden window), load the rest anyway


class DocumentSession(QObject):
    """Which document is open in `model`, and the work that belongs to it."""

    # The rest of the annotations was read (or not): the table may repaint now.
    restLoaded = Signal()
    # One line for the status bar: reading the rest failed, F5 reads again.
    restFailed = Signal(str)

    def __init__(self, repo: Repository, model: AnnotationModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo, self.model = repo, model
        self.document_id: int | None = None
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self._rest_pending: tuple[int, int] | None = None  # (document, first offset) to load
        self.closed = False  # the window closed: nothing more is read
        self.shown: frozenset[str] | None = None  # the analysts whose layers are asked for; None: all
        # Annotating blind: each analyst reads only their own layer until they mark the document done.
        self.blind = False
        self.analyst = ""  # whose done mark counts (the window's analyst)
        self.layers: frozenset[str] | None = None  # the layers read for the open document
        self.hidden_until_done = False  # blind, and the open document not yet done for me
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.timeout.connect(self.load_rest)

    def open(self, document_id: int, labels: list[LabelInfo],
             first_screen: int) -> DocumentInfo | None:
        """Show the document in the model with its first `first_screen` characters' annotations.

        None when it no longer exists. The rest loads at `load_rest_soon`, or after a delay.
        """
        opened = self.repo.open_document(document_id, start_before=first_screen, annotators=self.shown,
                                         analyst=self.analyst)
        if opened is None:
            return None
        info, text, first_annotations, self.blind = opened  # the team may have turned blind on or off
        self.hidden_until_done = self.blind and not info.done
        self.layers = frozenset({self.analyst}) if self.hidden_until_done else self.shown
        self.document_id = document_id
        self.model.set_document(document_id, text, first_annotations, labels)
        # One timer, restarted, so a schedule left from an earlier document cannot fire early.
        self._rest_pending = (document_id, first_screen)
        self._rest_timer.start(REST_DELAY_MS)
        self.undo_group.setActiveStack(self.stack_for(document_id))
        return info

    def load_rest_soon(self) -> None:
        """The article has painted: read the rest of its annotations once events are done."""
        self._rest_timer.start(0)

    @property
    def rest_pending(self) -> bool:
        return self._rest_pending is not None

    def stop(self) -> None:
        """The window closes: nothing more is read (its database may be closed next)."""
        self._rest_timer.stop()
        self._rest_pending = None
        self.closed = True

    def load_rest(self) -> None:
        pending, self._rest_pending = self._rest_pending, None
        try:
            if pending is not None and pending[0] == self.document_id:
                self.model.add_many(self.repo.annotations(pending[0], start_from=pending[1], annotators=self.layers))
                self.model.add_relations(self.repo.relations(pending[0]))  # both ends are here now
        except DatabaseRefused as exc:  # locked or unreadable: say so, F5 tries again
            self.restFailed.emit(self.tr("Not every annotation could be read ({reason}); press F5 "
                                         "to read them again").format(reason=exc.reason))
        finally:  # a failed read must not leave the table frozen
            self.restLoaded.emit()

    def stack_for(self, document_id: int) -> QUndoStack:
        """The document's own undo history (one per document, kept while the window is open)."""
        if document_id not in self._stacks:
            self._stacks[document_id] = QUndoStack(self.undo_group)
        return self._stacks[document_id]

    def push(self, command: QUndoCommand) -> None:
        """Run `command` (its redo) and keep it in the open document's history."""
        stack = self.undo_group.activeStack()
        if stack is not None:
            stack.push(command)

    def changed_elsewhere(self) -> bool:
        """Whether another window or process changed the open document since it was read."""
        return (self.document_id is not None and self._rest_pending is None and not self.closed
                and self.repo.annotations_fingerprint(self.document_id, self.layers) != self.model.fingerprint())

    def reload(self) -> None:
        """Read the open document's annotations again (another window may have changed them)."""
        if self.document_id is None:
            return
        self._rest_pending = None  # everything is read now
        self.model.sync(self.repo.annotations(self.document_id, annotators=self.layers))
        self.model.sync_relations(self.repo.relations(self.document_id))

    def show_layers(self, annotators: frozenset[str] | None) -> None:
        """Show these analysts' annotations only (None: everyone's), read again at once (blind,
        until the document is done, my layer stays the only one)."""
        self.shown = annotators
        if not self.hidden_until_done:
            self.layers = annotators
        self.reload()

    def set_blind(self, blind: bool, done: bool) -> None:
        """Annotate blind or not; `done`: the open document is done for the analyst. The open
        document's layers are read again if that changes them."""
        self.blind = blind
        self.hidden_until_done = blind and not done and self.document_id is not None
        layers = frozenset({self.analyst}) if self.hidden_until_done else self.shown
        if layers != self.layers:
            self.layers = layers
            self.reload()

    def switch_repository(self, repo: Repository) -> None:
        """Another database: no document open, and every history dropped with the old one."""
        self.repo = repo
        for stack in self._stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self.document_id = None
        self._rest_pending = None
