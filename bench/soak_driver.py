"""What the soak does to the window, the way a person would, and what it counts as a problem.

``Recorder`` counts everything a user would see go wrong: an exception (from a slot, through
``sys.excepthook``, or raised out of the event loop), a Qt warning, a Python warning, a dialog
popping up (closed at once, so the soak never hangs on it) and a check that failed. ``Soak``
drives the real main window with real mouse clicks and key presses, and after each action
checks what the person would look at: the page shown, the map highlight, the title, the
search results, the PDF written.
"""

from __future__ import annotations

import random
import sys
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

from pypdf import PdfReader
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QToolBar, QWidget

from bench.search_bench import QUERIES
from bodymap import APP_NAME
from bodymap.content.model import ContentLibrary
from bodymap.content.search import query_side
from bodymap.content.sides import parse_side_key, side_key, side_title
from bodymap.handout.compose import handout_title
from bodymap.ui.body_map import RegionButton
from bodymap.ui.main_window import MainWindow
from bodymap.ui.navigation import HISTORY_LIMIT
from bodymap.ui.roles import PAGE_ID_ROLE, SUGGESTION_ROLE

QT_NOISE = ("This plugin does not support propagateSizeHints()",)
"""Said by the offscreen platform plugin itself on every window shown; not the app's doing."""
SERIOUS = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}
KEPT_MESSAGES = 100
LEFT = Qt.MouseButton.LeftButton
ALT = Qt.KeyboardModifier.AltModifier
CONTROL = Qt.KeyboardModifier.ControlModifier


class Recorder:
    """Counts problems while installed (``with Recorder() as recorder:``); keeps the first 100."""

    def __init__(self) -> None:
        self.count = 0
        self.messages: list[str] = []
        self._old_hook = sys.excepthook
        self._old_handler: Callable[[QtMsgType, QMessageLogContext, str], object] | None = None
        self._warnings = warnings.catch_warnings(record=True)
        self._caught: list[warnings.WarningMessage] = []
        self._watchdog = QTimer()
        self._watchdog.setInterval(100)
        self._watchdog.timeout.connect(self._close_dialogs)

    def add(self, message: str) -> None:
        self.count += 1
        if len(self.messages) < KEPT_MESSAGES:
            self.messages.append(message)

    def __enter__(self) -> Recorder:
        self._old_hook = sys.excepthook
        sys.excepthook = self._exception
        self._old_handler = qInstallMessageHandler(self._qt_message)
        caught = self._warnings.__enter__()
        self._caught = caught if caught is not None else []
        warnings.simplefilter("always")
        self._watchdog.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._watchdog.stop()
        self.collect_warnings()
        self._warnings.__exit__(None, None, None)
        qInstallMessageHandler(self._old_handler)  # pytest-qt's, in the tests
        sys.excepthook = self._old_hook

    def collect_warnings(self) -> None:
        """Python warnings caught since the last call become problems."""
        for caught in self._caught:
            self.add(f"Python warning: {caught.category.__name__}: {caught.message}")
        self._caught.clear()

    def _exception(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        self.add(describe_exception(error, trace))

    def _qt_message(self, kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if kind in SERIOUS and text not in QT_NOISE:
            self.add(f"Qt {kind.name}: {text}")
        if kind == QtMsgType.QtFatalMsg:
            print(f"Qt fatal: {text}", file=sys.stderr, flush=True)  # Qt aborts next

    def _close_dialogs(self) -> None:
        """A dialog the soak did not ask for is a problem; close it so the run goes on."""
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            text = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.text())
            self.add(f"a dialog appeared: {dialog.windowTitle()!r} {text}".strip())
            dialog.close()


def describe_exception(error: BaseException, trace: TracebackType | None) -> str:
    """The error and where it was raised, on one line."""
    frames = traceback.extract_tb(trace)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"exception {type(error).__name__}: {error}{where}"


class PaintCounter(QObject):
    """Counts paint events, to show that pages and highlights were really drawn."""

    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self.counts: Counter[str] = Counter()
        self._names = {id(widget): name for name, widget in widgets.items()}
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.counts[self._names.get(id(watched), "?")] += 1
        return False


class History:
    """What Back and Forward should do, kept independently of the app's navigator.

    Each entry is a selection as ``sides.side_key`` writes it: ``"calf:left"``, ``"neck"``."""

    def __init__(self, current: str | None) -> None:
        self.current = current
        self.back: list[str] = []
        self.forward: list[str] = []

    def open(self, page_id: str) -> None:
        if page_id == self.current:
            return
        if self.current is not None:
            self.back.append(self.current)
            del self.back[:-HISTORY_LIMIT]
        self.forward.clear()
        self.current = page_id

    def step(self, back: bool) -> str | None:
        source, target = (self.back, self.forward) if back else (self.forward, self.back)
        if not source or self.current is None:
            return None
        target.append(self.current)
        self.current = source.pop()
        return self.current


EVERYDAY = (
    *QUERIES,  # the search benchmark's everyday queries, and more
    "foot cramp at night",
    "leg cramps pregnant",
    "stiff neck after sleeping",
    "side stitch",
    "heat or ice",
    "hamstring",
    "lower back pain lifting",
    "chest pain",
    "dehydrated",
    "stretches before bed",
    "deep tissue",
    "blood clot calf",
    "masage",
    "toes curl",
)
ODD = (
    '"',
    "*",
    "NEAR(calf foot)",
    "calf AND NOT foot OR",
    "^neck",
    "(((",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "file:///etc/passwd",
    "http://example.com",
    "   ",
    "--",
    "calf:",
    "ñandú crème brûlée",
    "שריר כואב",
    "肌肉痉挛",
    "z\u200bz\u200b",
    "e\u0301e\u0301",
    "💪 cramp 🦵",
)


class QueryMaker:
    """Searches people type: everyday words, typos, the content's own words, and nonsense."""

    def __init__(self, library: ContentLibrary, rng: random.Random) -> None:
        self.rng = rng
        words: set[str] = set()
        for page in library.pages.values():
            words.update(page.title.split())
            words.update(page.summary.split())
        self.words = sorted(word.strip(".,;:()“”\"'") for word in words if len(word) > 2)

    def next(self) -> str:
        roll = self.rng.random()
        if roll < 0.4:
            return self.rng.choice(EVERYDAY)
        if roll < 0.6:
            return " ".join(self.rng.sample(self.words, self.rng.randint(1, 3)))
        if roll < 0.7:
            return self._typo(self.rng.choice(EVERYDAY))
        if roll < 0.85:
            return self.rng.choice(ODD)
        if roll < 0.95:
            return "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz  ") for _ in range(12))
        return "cramp " * self.rng.randint(20, 120)  # longer than the field takes (500)

    def _typo(self, text: str) -> str:
        at = self.rng.randrange(len(text))
        dropped = text[:at] + text[at + 1 :]
        return dropped if self.rng.random() < 0.5 else text[:at] + "x" + text[at:]


def typeable(text: str) -> bool:
    """Keys QTest can press: printable ASCII (other text comes in by paste, as from an IME)."""
    return text.isascii() and text.isprintable()


class Soak:
    """Drives one real main window; each public method does one action and checks the result."""

    def __init__(
        self, window: MainWindow, recorder: Recorder, folder: Path, rng: random.Random
    ) -> None:
        self.window = window
        self.library = window.library
        self.recorder = recorder
        self.folder = folder
        self.rng = rng
        self.history = History(window.navigator.current)
        self.queries = QueryMaker(window.library, rng)
        self.done: Counter[str] = Counter()
        self.pages_seen: set[str] = set()
        self.sheets: dict[str, int] = {}
        toolbar = window.findChild(QToolBar, "navigation-toolbar")
        assert toolbar is not None
        self.toolbar = toolbar
        self.paints = PaintCounter({"map": window.body_map, "page": window.page_view.viewport()})
        folder.mkdir(parents=True, exist_ok=True)

    # -- running and checking --------------------------------------------------------------

    def run(self, action: Callable[[], None]) -> None:
        """One action; anything it raises is a problem, and the soak goes on."""
        try:
            action()
        except Exception as error:
            self.recorder.add(describe_exception(error, error.__traceback__))
        self.settle()

    @staticmethod
    def settle() -> None:
        """Let Qt paint and finish what the action started, as its event loop would."""
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def fail(self, message: str) -> None:
        self.recorder.add(message)

    def check_page(self, expected_key: str, how: str) -> None:
        """The page, the map highlight and the title all show ``expected_key`` (a page id and
        perhaps its side, as ``side_key`` writes them: "Left calf" for ``calf:left``)."""
        window = self.window
        expected, side = parse_side_key(expected_key)
        shown = window.navigator.current
        page = self.library.get(expected)
        if (shown, window.navigator.side) != (expected, side) or page is None:
            self.fail(f"{how}: expected {expected_key!r}, the window shows {shown!r}")
            self.history.current = side_key(shown, window.navigator.side) if shown else None
            return
        self.pages_seen.add(expected)
        title = side_title(page.title, side)
        selected = (window.body_map.selected, window.body_map.selected_side)
        if selected != (page.region_id, side if page.region_id else None):
            self.fail(f"{how}: map highlights {selected!r} on {expected_key!r}")
        if window.windowTitle() != f"{title} — {APP_NAME}":
            self.fail(f"{how}: title {window.windowTitle()!r} on {expected_key!r}")
        if window.page_view.documentTitle() != title:
            self.fail(f"{how}: page pane shows {window.page_view.documentTitle()!r}")

    # -- selections ------------------------------------------------------------------------

    def select(self) -> None:
        """Click a region on the map; sometimes Back/Forward or a topic in the list instead."""
        roll = self.rng.random()
        back = roll < 0.15
        forward = 0.15 <= roll < 0.25
        if (back and self.history.back) or (forward and self.history.forward):
            self.run(lambda: self._step(back=back))
        elif roll >= 0.85:
            self.run(self._topic)
        else:
            self.run(self._region)
        self.done["selections"] += 1

    def _region(self) -> None:
        body_map = self.window.body_map
        button = self.rng.choice(body_map.buttons)
        point = self._inside(button)
        target = body_map.childAt(point)
        if target is not button:
            self.fail(f"a click inside {button.objectName()} reached {target!r}")
            return
        local = button.mapFrom(body_map, point)
        QTest.mouseMove(button, local)
        QTest.mouseClick(button, LEFT, Qt.KeyboardModifier.NoModifier, local)
        self.settle()
        # The picked side clicked again opens the whole region.
        picked = side_key(button.region_id, button.side)
        expected = button.region_id if self.history.current == picked else picked
        self.history.open(expected)
        self.check_page(expected, f"click on {button.objectName()}")
        self.done["map clicks"] += 1

    def _inside(self, button: RegionButton) -> QPoint:
        """A random point well inside the button's outline, in map coordinates."""
        # PySide6 iterates a QRegion's rectangles; its type stubs do not say so.
        rects: list[QRect] = list(button.mask())  # type: ignore[call-overload]
        rect = max(rects, key=lambda r: r.width() * r.height())
        x = self.rng.randint(rect.left(), rect.right())
        y = self.rng.randint(rect.top(), rect.bottom())
        return button.geometry().topLeft() + QPoint(x, y)

    def _step(self, back: bool) -> None:
        window = self.window
        action = window.back_action if back else window.forward_action
        how = self.rng.choice(("toolbar", "keys", "mouse side button"))
        if how == "toolbar":
            QTest.mouseClick(self.toolbar.widgetForAction(action), LEFT)
        elif how == "keys":
            key = Qt.Key.Key_Left if back else Qt.Key.Key_Right
            QTest.keyClick(window.page_view, key, ALT)
        else:
            # As the platform delivers it: to the window first (QTest would skip the window).
            side = Qt.MouseButton.BackButton if back else Qt.MouseButton.ForwardButton
            where = QPointF(window.body_map.mapTo(window, QPoint(10, 10)))
            press = QMouseEvent(
                QEvent.Type.MouseButtonPress,
                where,
                window.mapToGlobal(where),
                side,
                side,
                Qt.KeyboardModifier.NoModifier,
            )
            QCoreApplication.sendEvent(window.windowHandle(), press)
        self.settle()
        expected = self.history.step(back)
        if expected is not None:
            self.check_page(expected, f"{'Back' if back else 'Forward'} by {how}")
        self.done["back/forward"] += 1

    def _topic(self) -> None:
        topics = self.window.topics
        row = self.rng.randrange(topics.topics.rowCount())
        index = topics.topics.index(row, 0)
        if self.rng.random() < 0.5:
            topics.scrollTo(index)
            self.settle()
            QTest.mouseClick(topics.viewport(), LEFT, pos=topics.visualRect(index).center())
        else:
            topics.setFocus(Qt.FocusReason.TabFocusReason)
            QTest.keyClick(topics, Qt.Key.Key_Home)
            for _ in range(row):
                QTest.keyClick(topics, Qt.Key.Key_Down)
            QTest.keyClick(topics, Qt.Key.Key_Return)
        self.settle()
        expected = str(index.data(PAGE_ID_ROLE))
        self.history.open(expected)
        self.check_page(expected, f"topic {expected!r}")
        self.done["topics"] += 1

    # -- searches --------------------------------------------------------------------------

    def search(self) -> None:
        """Type or paste a query, look at the results, and sometimes open one."""
        self.run(self._search)
        self.done["searches"] += 1

    def _search(self) -> None:
        window = self.window
        field = window.search.field
        text = self.queries.next()
        if self.rng.random() < 0.5:
            QTest.keyClick(window.page_view, Qt.Key.Key_F, CONTROL)  # Find selects the old text
        else:
            QTest.mouseClick(field, LEFT)
            QTest.keyClick(field, Qt.Key.Key_A, CONTROL)
        if self.rng.random() < 0.1 and len(text) <= 20 and typeable(text):
            QTest.keyClicks(field, text)
            self.done["keystrokes"] += len(text)
        else:
            clipboard = QApplication.clipboard()
            clipboard.setText(text)
            QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))
            self.done["keystrokes"] += 1
        self.settle()
        self._check_results(text)
        roll = self.rng.random()  # open a result a third of the time, or move on
        if roll < 0.1:
            QTest.keyClick(field, Qt.Key.Key_Down)
        if roll < 0.3:
            self._choose(lambda: QTest.keyClick(field, Qt.Key.Key_Return), "Enter")
        elif roll < 0.4:
            self._choose(self._click_first_result, "a click on a result")
        elif roll < 0.6:
            QTest.keyClick(field, Qt.Key.Key_Escape)
            self.settle()
            if field.text() or window.search.popup.isVisible():
                self.fail(f"Esc left {field.text()!r} in the search field")

    def _check_results(self, text: str) -> None:
        panel = self.window.search
        wanted = text[: panel.field.maxLength()]
        if panel.field.text() != wanted:
            self.fail(f"search field shows {panel.field.text()[:40]!r}, typed {wanted[:40]!r}")
        if bool(wanted.strip()) != panel.popup.isVisible():
            self.fail(f"results list visible={panel.popup.isVisible()} for {wanted[:40]!r}")
        elif wanted.strip() and panel.model.rowCount() == 0:
            self.fail(f"an empty results list for {wanted[:40]!r}")

    def _click_first_result(self) -> None:
        view = self.window.search.view
        rect = view.visualRect(view.model().index(0, 0))
        QTest.mouseClick(view.viewport(), LEFT, pos=rect.center())

    def _choose(self, press: Callable[[], None], how: str) -> None:
        panel = self.window.search
        index = panel.view.currentIndex()
        visible = panel.popup.isVisible()
        page_id = index.data(PAGE_ID_ROLE) if index.isValid() and visible else None
        suggestion = index.data(SUGGESTION_ROLE) if index.isValid() and visible else None
        before = self.window.navigator.current
        typed = panel.field.text()
        press()
        self.settle()
        if page_id:
            side = query_side(typed)
            sides = self.window.navigator.sides_of(str(page_id))
            expected = side_key(str(page_id), side if side in sides else None)
            self.history.open(expected)
            self.check_page(expected, f"search result chosen by {how}")
            if panel.popup.isVisible():
                self.fail(f"results list still open after opening {page_id!r}")
            self.done["results opened"] += 1
        elif suggestion:
            if panel.field.text() != suggestion:
                self.fail(f"suggestion {suggestion!r} left {panel.field.text()!r} in the field")
        elif self.window.navigator.current != before:
            self.fail(f"{how} with nothing chosen opened {self.window.navigator.current!r}")

    # -- exports ---------------------------------------------------------------------------

    def export(self) -> None:
        """Export the open page or the basket to PDF, then read the PDF back."""
        self.run(self._export)
        self.done["exports"] += 1

    def _export(self) -> None:
        handout = self.window.handout
        if self.rng.random() < 0.5:
            page_ids: tuple[str, ...] = (
                handout.printable_page() or self.rng.choice(sorted(handout.valid_ids)),
            )
        else:
            if handout.basket.page_ids:
                QTest.mouseClick(handout.basket_widget.clear_button, LEFT)
            for page_id in self.rng.sample(sorted(handout.valid_ids), self.rng.randint(1, 4)):
                handout.basket.add(page_id)
            page_ids = handout.basket.page_ids
            self.done["basket exports"] += 1
        name = f"soak-{self.done['exports']:04d}" + self.rng.choice(("", ".pdf", ".PDF"))
        saved = handout.export_to(page_ids, self.folder / name)
        if saved is None:
            self.fail(f"export of {page_ids} to {name} failed")
            return
        self._check_pdf(saved, page_ids)
        saved.unlink()

    def _check_pdf(self, path: Path, page_ids: tuple[str, ...]) -> None:
        """Sheet count, the PDF's title and (every tenth time: pypdf's text is slow) the words."""
        reader = PdfReader(path)
        sheets = len(reader.pages)
        expected = sum(self.sheets.get(page_id, 0) for page_id in page_ids)
        if len(page_ids) == 1 and page_ids[0] not in self.sheets and sheets >= 1:
            self.sheets[page_ids[0]] = sheets
        elif all(page_id in self.sheets for page_id in page_ids) and sheets != expected:
            self.fail(f"{path.name}: {sheets} sheets for {page_ids}, expected {expected}")
        elif sheets < len(page_ids):
            self.fail(f"{path.name}: {sheets} sheets for {len(page_ids)} pages")
        pages = [page for page in map(self.library.get, page_ids) if page is not None]
        title = reader.metadata.title if reader.metadata else None
        if title != handout_title(pages):
            self.fail(f"{path.name}: PDF title {title!r} for {page_ids}")
        if self.done["exports"] % 10 == 0:
            words = "".join(reader.pages[0].extract_text().split()).casefold()
            if "".join(pages[0].title.split()).casefold() not in words:
                self.fail(f"{path.name}: the first sheet does not show {page_ids[0]!r}")
        self.done["sheets"] += sheets


def schedule(counts: dict[str, int], rng: random.Random) -> Iterator[str]:
    """The actions of one phase, shuffled together as a day's work would mix them."""
    actions = [name for name, count in counts.items() for _ in range(count)]
    rng.shuffle(actions)
    return iter(actions)
