"""Copy files as messages: reading, Markdown masking, suppression and per-file settings."""

from .document import Unit, check_files, check_text, check_unit, units
from .markdown import MaskedText, mask_markdown
from .project import FileSettings, Overrides, Project, find_config
from .reading import InputError, Kind, decode, kind_of, read_source

__all__ = [
    "FileSettings",
    "InputError",
    "Kind",
    "MaskedText",
    "Overrides",
    "Project",
    "Unit",
    "check_files",
    "check_text",
    "check_unit",
    "decode",
    "find_config",
    "kind_of",
    "mask_markdown",
    "read_source",
    "units",
]
