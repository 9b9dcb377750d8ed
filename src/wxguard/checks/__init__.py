"""Checkers, one module per rule family; the engine runs every registered one."""

from .base import Checker, CheckContext, Finding, registered_checkers

__all__ = ["CheckContext", "Checker", "Finding", "registered_checkers"]
