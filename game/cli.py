"""The command line: thin wrappers that call the engine or start the app."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game import __version__
from game.paths import scenes_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pathways",
        description="Practise the attitudes and skills of emotional intimacy in short branching scenes.",
    )
    parser.add_argument("--version", action="version", version=f"pathways {__version__}")
    parser.add_argument("--scenes", type=Path, metavar="DIR",
                        help="play the scenes in DIR instead of the ones that ship with the game")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("play", help="start the game (the default)")
    validate = commands.add_parser("validate", help="check scene and puppet files, reporting every problem")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="scene or puppet files or folders (default: the shipped scenes and "
                               "puppets); files in a folder named 'puppets' are read as puppets")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--strict", action="store_true",
                          help="exit with status 2 when there are warnings")
    add_data_commands(commands)
    return parser


def add_data_commands(commands: argparse._SubParsersAction) -> None:
    data = commands.add_parser("data", help="show, export or delete your records on this computer")
    data.set_defaults(data_help=data.format_help)
    verbs = data.add_subparsers(dest="data_verb", metavar="VERB")
    verbs.add_parser("path", help="print where the records file is")
    export = verbs.add_parser("export", help="write all your records as JSON")
    export.add_argument("file", metavar="FILE", help="the file to write, or - for standard output")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    delete = verbs.add_parser("delete", help="delete all your records from this computer")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "validate":
        from game.engine.puppets import puppets_dir

        default = [args.scenes or scenes_dir(), puppets_dir()]
        return validate(args.paths or default, args.format, args.strict)
    if args.command == "data":
        return data(args)
    return play(args.scenes or scenes_dir())


def play(folder: Path) -> int:
    from game.ui.app import PathwaysApp  # imported late: `validate` never needs Textual

    PathwaysApp(scenes_folder=folder).run()
    return 0


def data(args: argparse.Namespace) -> int:
    from game.records import commands  # imported late: only `data` needs the records

    if args.data_verb == "path":
        return commands.show_path()
    if args.data_verb == "export":
        return commands.export(args.file, args.force)
    if args.data_verb == "delete":
        return commands.delete(args.yes)
    print(args.data_help(), end="")
    return 0


def validate(paths: list[Path], output: str, strict: bool) -> int:
    from game.engine.library import load_library, scene_files
    from game.engine.lint import dead_ends
    from game.engine.puppets import check_puppet_file

    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"{path}: error: no such file or folder", file=sys.stderr)
    files = scene_files(p for p in paths if p.exists())
    puppet_files = [f for f in files if f.parent.name == "puppets"]
    entries = load_library(f for f in files if f not in puppet_files)
    diagnostics = [d for e in entries for d in e.diagnostics]
    diagnostics += [d for e in entries if e.scene for d in dead_ends(e.scene)]
    diagnostics += [d for f in puppet_files for d in check_puppet_file(f)[1]]
    errors = sum(d.level == "error" for d in diagnostics) + len(missing)
    warnings = sum(d.level == "warning" for d in diagnostics)
    checked = len(entries) + len(puppet_files)
    if output == "json":
        print(json.dumps({"files": checked, "errors": errors, "warnings": warnings,
                          "diagnostics": [d.to_dict() for d in diagnostics]}, indent=2))
    else:
        for diagnostic in diagnostics:
            print(diagnostic)
        print(f"{_count(len(entries), 'scene file')}"
              f"{' and ' + _count(len(puppet_files), 'puppet file') if puppet_files else ''} checked: "
              f"{_count(errors, 'error')}, {_count(warnings, 'warning')}")
    if errors or (not checked and not missing):
        return 1
    return 2 if strict and warnings else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
