"""The keys a scene file may use, shared by the loader and the JSON Schema."""

FORMAT_VERSION = 1

SCENE_KEYS = {"format", "id", "title", "summary", "minutes", "content_notes", "roles",
              "variables", "meters", "start", "nodes", "prompts", "tags"}
ROLE_KEYS = {"name", "playable", "about"}
NODE_KEYS = {"lines", "choices", "goto", "route", "ending", "turn", "unsafe", "puppet"}
PUPPET_CUE_KEYS = {"id", "line"}
LINE_KEYS = {"speaker", "text", "if"}
CHOICE_KEYS = {"id", "text", "goto", "if", "once", "scores", "traps", "meters", "set", "add",
               "feedback"}
BRANCH_KEYS = {"if", "goto"}
ENDING_KEYS = {"title", "reflection"}
NODE_KINDS = ("choices", "goto", "route", "ending")
