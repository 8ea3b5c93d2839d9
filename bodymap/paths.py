"""The one place that knows where the shipped resources and content live."""

from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Artwork and icons shipped beside the package."""
    return PROJECT_DIR / "resources"


def content_dir() -> Path:
    """The clinic-editable content folder that ships with the app."""
    return PROJECT_DIR / "content"


def resource(name: str) -> Path:
    return resources_dir() / name
