"""Qt pieces shared by the window and printing: the body diagram, the settings file."""

from bodymap.qtshared.feature_check import quicken

quicken()  # before any of this package's modules imports PySide6 (see feature_check)
