"""A playthrough told in words: plain sentences that read well aloud, and a Markdown transcript.

Pure formatting, shared by the app and the plain-text mode; it never imports Textual.
"""
