"""The scene file and its model: YAML with positions, fields, conditions, the catalogue, the
loader, whole-scene checks and warnings, and the JSON Schema. Imports nothing from play, author or puppets."""
