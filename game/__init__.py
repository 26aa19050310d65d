"""Pathways: practise the attitudes and skills of emotional intimacy in short branching scenes."""

__version__ = "0.1.0"
