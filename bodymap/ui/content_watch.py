"""Follow the content folder while the app runs: a saved file shows up within a second.

The clinic owner edits the YAML in a text editor beside the open app. ``ContentWatcher`` asks
the operating system to tell it when a content file or folder changes, waits a moment for the
editor to finish writing (editors often write a file in several steps, or save by renaming a
new file over the old one), then asks the ``LibraryModel`` to reload; its ``LibraryLoader``
re-reads only the files that changed and keeps the last good version of a page whose new save
is broken. Reload (F5) does the same at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Slot

from bodymap.content.model import CONTENT_FOLDERS, CONTENT_SUFFIXES
from bodymap.ui.library_model import LibraryModel

SETTLE_MS = 300  # quiet time after the last change before reloading


class ContentWatcher(QObject):
    """Reloads the model when its content folder changes, a moment after the last write.

    Nothing is watched until ``start`` (the window calls it after its first frame).
    """

    def __init__(
        self, model: LibraryModel, settle_ms: int = SETTLE_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        model.reloaded.connect(self._watch)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._schedule)
        self._watcher.directoryChanged.connect(self._schedule)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self.reload)

    @Slot()
    def start(self) -> None:
        """Start following the folder."""
        self._watch()

    def watched(self) -> list[str]:
        """The files and folders being followed."""
        return self._watcher.files() + self._watcher.directories()

    @Slot()
    def reload(self) -> None:
        """Read the folder again now (F5); the views follow the model's ``reloaded``."""
        self._timer.stop()
        self.model.reload()
        self._watch()  # also when nothing changed (then the model says nothing)

    @Slot(str)
    def _schedule(self, _path: str) -> None:
        self._timer.start()  # restarts the wait, so a burst of writes gives one reload

    @Slot()
    def _watch(self) -> None:
        """Watch the folders (new, removed, renamed files), the folder above them (the
        content folder itself replaced) and every content file (edits).

        A file saved by renaming a new one over it, or a folder deleted and made again,
        drops out of the watch list, so the list is rebuilt after every reload, whether or
        not the reload changed anything.
        """
        library = self.model.library
        layers = [Path(library.root)]
        if library.shipped is not None:  # a checkout's shipped pages are edited too
            layers.append(library.shipped)
        # The folder holding the content folder too: a sync tool or a person may replace
        # the whole content folder, and a watch on the old one follows it away.
        wanted = [
            layers[0].parent,
            *layers,
            *(root / name for root in layers for name in CONTENT_FOLDERS),
        ]
        for folder in wanted[1 + len(layers) :]:
            if folder.is_dir():
                wanted.extend(
                    path
                    for path in sorted(folder.iterdir())
                    if path.suffix.lower() in CONTENT_SUFFIXES and path.is_file()
                )
        paths = {str(path) for path in wanted if path.exists()}
        current = set(self.watched())
        if current - paths:
            self._watcher.removePaths(sorted(current - paths))
        if paths - current:
            # Paths the system will not watch (too many, no permission) are left to F5.
            self._watcher.addPaths(sorted(paths - current))
