"""A playthrough in motion: state, the pure step functions, scoring, seating, replay and what
comes after an attempt (turning point, compare, debrief, progress). Never imports author."""
