"""The floor of any PySide6 presenter: two empty windows and nothing else (for the shared harness).

    cd ../shared/peers && python3 bench.py --keys 0 --jobs pympress \\
        --gui "floor=python benchmarks/floor_two_windows.py@— Presenter$@— Audience$"

Python starting, PySide6 importing and Qt connecting to the X server take this long before
presenter's own code can do anything; the start-up figures of presenter are read against it.
The audience window is grey with a few coloured bands, so the harness sees a "slide" at once.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget


class Bands(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        for k in range(24):  # more than 16 colours on the harness's 64x36 grid
            colour = QColor.fromHsv(k * 15, 200, 200)
            p.fillRect(k * self.width() // 24, 0, self.width() // 24 + 1, self.height(), colour)
        p.end()


def main() -> int:
    app = QApplication(sys.argv[:1])
    presenter = QWidget()
    presenter.setWindowTitle("floor — Presenter")
    presenter.resize(1366, 768)
    audience = Bands()
    audience.setWindowTitle("floor — Audience")
    audience.resize(1920, 1080)
    presenter.show()
    audience.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
