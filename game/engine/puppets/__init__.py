"""Puppets: puppet files, their voice styles, and the rules that read typed answers.
Built on the scene model; never imports play or author."""
