"""The Textual interface. It shows what the engine says and holds no game rules."""
