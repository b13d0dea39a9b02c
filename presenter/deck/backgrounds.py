"""A slide's background as reveal.js resolves it from the slide's attributes (no Qt)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_IMAGE_URL = re.compile(r"^(http|file|//)", re.IGNORECASE)
_IMAGE_EXT = re.compile(r"\.(svg|png|jpg|jpeg|gif|bmp|webp)([?#\s]|$)", re.IGNORECASE)


def is_image_url(value: str) -> bool:
    """Whether reveal.js treats a ``data-background`` value as an image (§9)."""
    return bool(_IMAGE_URL.search(value) or _IMAGE_EXT.search(value))


@dataclass(frozen=True)
class Background:
    """A slide background resolved as reveal.js ``backgrounds.sync`` does.

    Attributes:
        image: the image URL (first of a comma-separated list), or ``""``.
        css: a value for the CSS ``background`` shorthand (colour, gradient…), or ``""``.
        color: ``data-background-color``, or ``""``.
        gradient: ``data-background-gradient``, or ``""``.
        size, position, repeat: image placement (``cover``, ``50% 50%``, ``no-repeat``).
        opacity: opacity of the media layer only (image, video, iframe).
        video: the video sources.
        iframe: ``data-background-iframe``; ``interactive``: whether reveal.js lets the audience use it.
        transition: ``data-background-transition``, or ``""`` for the deck's.
    """

    image: str = ""
    css: str = ""
    color: str = ""
    gradient: str = ""
    size: str = "cover"
    position: str = "50% 50%"
    repeat: str = "no-repeat"
    opacity: float = 1.0
    video: tuple[str, ...] = ()
    video_loop: bool = False
    video_muted: bool = False
    iframe: str = ""
    interactive: bool = False
    transition: str = ""

    @classmethod
    def from_attributes(cls, attrs: Mapping[str, str]) -> Background:
        """Build the background from a slide's attributes."""
        image = attrs.get("data-background-image", "")
        css = ""
        bg = attrs.get("data-background", "")
        if bg:
            if is_image_url(bg):
                image = bg
            else:
                css = bg
        return cls(
            image=image.split(",")[0].strip() if image else "",
            css=css,
            color=attrs.get("data-background-color", ""),
            gradient=attrs.get("data-background-gradient", ""),
            size=attrs.get("data-background-size", "cover"),
            position=attrs.get("data-background-position", "50% 50%"),
            repeat=attrs.get("data-background-repeat", "no-repeat"),
            opacity=_opacity(attrs.get("data-background-opacity", "1")),
            video=tuple(v.strip() for v in attrs.get("data-background-video", "").split(",") if v.strip()),
            video_loop="data-background-video-loop" in attrs,
            video_muted="data-background-video-muted" in attrs,
            iframe=attrs.get("data-background-iframe", ""),
            interactive="data-background-interactive" in attrs,
            transition=attrs.get("data-background-transition", ""),
        )

    @property
    def is_set(self) -> bool:
        """Whether the slide has any background of its own."""
        return bool(self.image or self.css or self.color or self.gradient or self.video or self.iframe)

    def summary(self) -> str:
        """One short description: the image, else the colour or CSS value, else ``""``."""
        return self.image or self.color or self.css or self.gradient or (self.video[0] if self.video else "")


def _opacity(text: str) -> float:
    try:
        return max(0.0, min(1.0, float(text)))
    except ValueError:
        return 1.0
