"""Files named directly are read with a hard byte cap; anything not a regular file is refused (defect 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.scene.yamldoc import MAX_FILE_BYTES, NotReadable, read_capped
from tests.hardening import validate_everything


def validate(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "validate", *map(str, paths)],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_yaml_link_to_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    result = validate(link)
    assert result.returncode == 1
    assert "cannot read a device" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_directly_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = validate(fifo)  # the timeout fails the test if it hangs
    assert result.returncode == 1 and "cannot read a pipe (FIFO)" in result.stdout


def test_a_folder_or_a_huge_file_is_a_message(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# " + b"x" * (MAX_FILE_BYTES + 10))
    messages = [d.message for d in validate_everything(huge)]
    assert any(f"larger than the limit of {MAX_FILE_BYTES:,} bytes" in m for m in messages)
    with pytest.raises(NotReadable, match="a folder"):
        read_capped(tmp_path, 100)


def test_the_cap_holds_even_when_the_size_says_otherwise(tmp_path: Path) -> None:
    """/proc files report a size of 0; the cap is on what is read, not on what stat says."""
    proc = Path("/proc/self/maps")
    if proc.exists():
        assert os.stat(proc).st_size == 0
        with pytest.raises(NotReadable, match="larger than the limit of 10 bytes"):
            read_capped(proc, 10)
    small = tmp_path / "small.yaml"
    small.write_bytes(b"id: x\n")
    assert read_capped(small, 6) == b"id: x\n"
    with pytest.raises(NotReadable):
        read_capped(small, 5)


def test_play_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    result = subprocess.run([sys.executable, "-m", "game", "play", str(link)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1 and "not a regular file" in result.stderr
