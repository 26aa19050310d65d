"""Bare Textual apps that the terminal measures are compared with."""
