"""Qt widgets: the body map, the page pane, dialogs and the main window."""
