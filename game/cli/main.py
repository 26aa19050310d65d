"""The argument parser, and the dispatch to the play, author and data verbs."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game import __version__
from game.cli.output import say
from game.engine.scene.text import printable
from game.paths import scenes_dir

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse  # only when there are arguments to read: plain `pathways` starts without it

    parser = argparse.ArgumentParser(
        prog="pathways",
        description="Practise the attitudes and skills of emotional intimacy in short branching scenes.",
    )
    parser.add_argument("--version", action="version", version=f"pathways {__version__}")
    parser.add_argument("--scenes", type=Path, metavar="DIR",
                        help="play the scenes in DIR instead of the ones that ship with the game")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    play = commands.add_parser("play", help="start the game (the default), or play one scene file")
    play.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a scene file to play directly")
    play.add_argument("--watch", action="store_true", help="reload FILE whenever it is saved")
    play.add_argument("--ephemeral-records", action="store_true",
                      help="keep records in a temporary folder deleted on quitting, and offer no "
                           "file export (what `serve --public` gives each visitor)")
    add_other_ways_to_play(commands)
    add_author_commands(commands)
    add_data_commands(commands)
    return parser


def add_other_ways_to_play(commands: argparse._SubParsersAction) -> None:
    text = commands.add_parser("text", help="play line by line as plain text, for screen readers and scripts")
    text.add_argument("scene", nargs="?", metavar="SCENE",
                      help="a scene's number, id or file (without it, the scenes are listed)")
    text.add_argument("--together", nargs=2, metavar="NAME", help="two people take turns")
    text.add_argument("--transcript", type=Path, metavar="FILE",
                      help="at the ending, save the playthrough as Markdown in FILE")
    text.add_argument("--colour", "--color", action="store_true", help="bold headings and names")
    kept = text.add_mutually_exclusive_group()
    kept.add_argument("--resume", dest="kept_place", action="store_const", const="resume",
                      help="go on from where the scene was left")
    kept.add_argument("--restart", dest="kept_place", action="store_const", const="restart",
                      help="begin again, keeping any place left as an unfinished attempt")

    serve = commands.add_parser("serve", help="serve the game to a web browser")
    serve.add_argument("--host", default=None, metavar="ADDRESS",
                       help="the address to listen on (default 127.0.0.1, this computer only)")
    serve.add_argument("--port", type=int, default=8000, metavar="PORT", help="default 8000")
    serve.add_argument("--public", action="store_true",
                       help="allow other computers (default address 0.0.0.0); each visitor gets "
                            "temporary records and no file export")


def add_author_commands(commands: argparse._SubParsersAction) -> None:
    validate = commands.add_parser("validate", help="check scene and puppet files, reporting every problem")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="scene or puppet files or folders (default: the shipped scenes and "
                               "puppets); files in a folder named 'puppets' are read as puppets")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--strict", action="store_true", help="exit with status 2 when there are warnings")

    check = commands.add_parser("check", help="explore every path of scenes: endings, dead ends, score ranges")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="scene files or folders (default: the shipped scenes)")
    check.add_argument("--limit", type=int, default=200_000, metavar="N",
                       help="stop after exploring N distinct states (default 200,000)")
    check.add_argument("--random", type=int, metavar="N", dest="runs",
                       help="instead, play N random playthroughs and report coverage")
    check.add_argument("--seed", type=int, default=1, metavar="S", help="the seed for --random (default 1)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--library", action="store_true",
                       help="instead, summarise the whole library: what its scenes score and offer, "
                            "puppets, two-role scenes, and how often the longest answer is the best")

    graph = commands.add_parser("graph", help="write a scene's node graph as Mermaid or Graphviz DOT")
    graph.add_argument("scene", type=Path, metavar="SCENE",
                       help="a scene file, or the id of a scene in the library (see --scenes)")
    graph.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    graph.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of printing")

    schema = commands.add_parser("schema", help="write the JSON Schema of scene files, for editors")
    schema.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of printing")

    new = commands.add_parser("new", help="write a commented template scene that passes validate")
    new.add_argument("scene_id", metavar="SCENE_ID", help="the new scene's id, e.g. late-again")
    new.add_argument("--dir", type=Path, default=None, metavar="DIR",
                     help="where to write it (default: ./scenes)")
    new.add_argument("--title", help="the scene's title")


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
    try:
        status = run(argv)
        sys.stdout.flush()  # a closed pipe shows up here, not at exit
        return status
    except BrokenPipeError:
        # The reader went away (`pathways check | head -1`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def run(argv: list[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else argv):
        return play(scenes_dir())  # plain `pathways`, the common start: no parser to build
    args = build_parser().parse_args(argv)
    if args.command in ("validate", "check", "graph", "new", "schema"):
        return author(args)
    if args.command == "data":
        return data(args)
    if args.command == "text":
        from game.cli.text import (
            play_text,  # imported late: text mode never needs Textual
        )

        return play_text(args.scenes or scenes_dir(), args.scene, args.together, args.transcript,
                         args.colour, args.kept_place)
    if args.command == "serve":
        from game.cli.serve import serve

        return serve(args.scenes, args.host, args.port, args.public)
    if args.command == "play" and args.file is not None:
        return play_file(args.file, args.watch)
    if args.command == "play" and args.ephemeral_records:
        from game.cli.ephemeral import play_ephemeral

        return play_ephemeral(args.scenes or scenes_dir())
    return play(args.scenes or scenes_dir())


def play(folder: Path) -> int:
    # Start-up makes many objects that last as long as the app and almost no garbage, so the
    # cyclic collector only slows it down: it stays off until the title is on the screen
    # (PathwaysApp.on_ready turns it back on).
    gc.disable()
    from game.ui.app import (
        PathwaysApp,  # imported late: the other commands never need Textual
    )

    app = PathwaysApp(scenes_folder=folder)
    app.run()
    return app.return_code or 0  # Textual restores the terminal first; a crash is never success


def play_file(path: Path, watch: bool) -> int:
    if not path.is_file():
        problem = "not a regular file" if path.exists() else "no such file"
        say(f"{printable(path)}: error: {problem}", file=sys.stderr)
        return 1
    if not watch:
        from game.engine.library import load_entry

        entry = load_entry(path)
        if entry.scene is None:  # nothing will reload it, so say what is wrong and stop here
            for diagnostic in entry.errors or entry.diagnostics:
                say(diagnostic, file=sys.stderr)
            say(f"{printable(path)}: cannot be played until these are fixed "
                f"(pathways play {printable(path)} --watch reloads it as you save)", file=sys.stderr)
            return 1
    from game.records import Records
    from game.ui.app import PathwaysApp

    # An author's test plays are not the player's progress: keep them in memory only.
    app = PathwaysApp(scenes_folder=path.parent, records=Records.scratch(), scene_file=path, watch=watch)
    app.run()
    return app.return_code or 0


def author(args: argparse.Namespace) -> int:
    from game.cli import (
        author as author_commands,  # imported late: plain play never needs it
    )
    from game.engine.puppets.cast import puppets_dir

    if args.command == "validate":
        default = [args.scenes or scenes_dir(), puppets_dir()]
        return author_commands.validate(args.paths or default, args.format, args.strict)
    if args.command == "check":
        return author_commands.check(args.paths or [args.scenes or scenes_dir()], args.limit,
                                     args.runs, args.seed, args.format, args.library)
    if args.command == "graph":
        return author_commands.graph(args.scene, args.format, args.output, args.scenes or scenes_dir())
    if args.command == "schema":
        return author_commands.schema(args.output)
    return author_commands.new_scene(args.scene_id, args.dir or Path("scenes"), args.title)


def data(args: argparse.Namespace) -> int:
    from game.cli import (
        data as commands,  # imported late: only `data` needs the records
    )

    if args.data_verb == "path":
        return commands.show_path()
    if args.data_verb == "export":
        return commands.export(args.file, args.force)
    if args.data_verb == "delete":
        return commands.delete(args.yes)
    say(args.data_help(), end="")
    return 0
