"""Plain-text play, line by line: for screen readers, slow links and scripts. Never imports Textual."""
