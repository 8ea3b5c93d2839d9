"""BodyMap: a body-map explorer for muscle spasms and cramps."""

__version__ = "0.1.0"
APP_NAME = "BodyMap"
ORG_NAME = "BodyMap"
APP_ID = "org.bodymap.BodyMap"
"""The reverse-DNS application id: the desktop file's name, the icon's and AppStream's id."""
