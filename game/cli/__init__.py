"""The command line: the argument parser, the author verbs and the data verbs."""
