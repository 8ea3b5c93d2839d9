"""Qt pieces shared by the window and printing: the body diagram, the settings file."""
