"""`runyard-desktop summarize` against the stand-in: a folder, free output names, failures, the context check."""

from __future__ import annotations

from pathlib import Path

from runyard_desktop.cli import main
from runyard_desktop.core.chat.batch_summary import (
    CollectError,
    FileProgress,
    FileState,
    check_context,
    collect_documents,
    free_output_path,
    write_summary,
)
from runyard_desktop.core.chat.conversation import Attachment

SUMMARY = ["- The plan ", "is agreed.\n", "- Budget: 3 k€."]


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(n):
        (folder / f"note{i:02d}.txt").write_text(f"Meeting {i}: the plan is agreed. Budget 3 k€.\n", encoding="utf-8")
    return folder


def test_a_folder_is_summarized_file_by_file_beside_the_inputs(chat_fake, tmp_path, capsys) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=SUMMARY, thinking=["should not be asked for"])
    folder = _folder(tmp_path, 3)
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (folder / "note00.summary.md").write_text("an earlier summary, kept", encoding="utf-8")
    code, out, err = _run(capsys, "summarize", str(folder), "--model", "qwen3.5:4b", "--host", chat_fake.url)
    assert code == 0, err
    written = [Path(line) for line in out.splitlines()]
    assert [p.name for p in written] == ["note00.summary (2).md", "note01.summary.md", "note02.summary.md"]
    assert (folder / "note00.summary.md").read_text(encoding="utf-8") == "an earlier summary, kept"
    text = written[1].read_text(encoding="utf-8")
    assert text.startswith("# Summary of note01.txt") and "- Budget: 3 k€." in text
    assert "[1/3] note00.txt: summarizing with qwen3.5:4b" in err and "[3/3] note02.txt: done" in err
    assert "3 of 3 summarized." in err
    bodies = chat_fake.bodies("/api/chat")
    assert len(bodies) == 3 and all(b["think"] is False for b in bodies)
    assert 'Summarize the attached document "note02.txt"' in bodies[-1]["messages"][0]["content"]
    assert "Meeting 2: the plan is agreed." in bodies[-1]["messages"][0]["content"]


def test_a_failure_is_named_and_the_exit_status_is_1(chat_fake, tmp_path, capsys) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=SUMMARY)
    folder = _folder(tmp_path, 2)
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\0\1\2" * 100)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    argv = ["summarize", str(binary), str(folder), "--out", str(out_dir), "--cpu-only", "--host", chat_fake.url]
    code, _out, err = _run(capsys, *argv)
    assert code == 1
    assert "[1/3] data.txt: failed: data.txt looks like a binary file" in err
    assert "2 of 3 summarized. 1 failed" in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["note00.summary.md", "note01.summary.md"]
    assert all(b["options"]["num_gpu"] == 0 for b in chat_fake.bodies("/api/chat"))


def test_nothing_to_summarize_is_a_usage_error(tmp_path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = _run(capsys, "summarize", str(tmp_path / "empty"), str(tmp_path / "missing.txt"))
    assert code == 2 and "has no text files" in err and "missing.txt is not there" in err


def test_collect_keeps_order_skips_images_and_duplicates(tmp_path) -> None:
    folder = _folder(tmp_path, 2)
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    files, notes = collect_documents([folder / "note01.txt", folder])
    assert [f.name for f in files] == ["note01.txt", "note00.txt"]
    assert notes == ["docs: 1 file(s) that are not text were skipped."]
    try:
        collect_documents([tmp_path / "nope"])
    except CollectError as err:
        assert "nope is not there" in str(err)
    else:
        raise AssertionError("an empty batch must be refused")


def test_the_context_check_raises_within_the_machine_or_warns() -> None:
    doc = Attachment(kind="text", name="long.txt", text="", tokens=6000)
    fits = check_context(Attachment(kind="text", name="short.txt", text="", tokens=500), "m", 4096, None)
    assert (fits.num_ctx, fits.note, fits.truncated) == (4096, "", False)
    raised = check_context(doc, "m", 4096, 32768)
    assert raised.num_ctx == 8192 and "context raised to 8,192" in raised.note and not raised.truncated
    capped = check_context(doc, "m", 4096, 6144)
    assert capped.num_ctx == 6144 and capped.truncated and "cut off" in capped.note
    kept = check_context(doc, "m", 4096, 32768, raise_context=False)
    assert kept.num_ctx == 4096 and kept.truncated and "cut off the start" in kept.note


def test_output_names_are_never_reused(tmp_path) -> None:
    source = tmp_path / "report.txt"
    first = write_summary(source, "m", "one")
    second = write_summary(source, "m", "two")
    assert (first.name, second.name) == ("report.summary.md", "report.summary (2).md")
    assert "one" in first.read_text(encoding="utf-8") and "two" in second.read_text(encoding="utf-8")
    assert free_output_path(tmp_path, "report.txt").name == "report.summary (3).md"


def test_progress_rows_say_what_happens() -> None:
    row = FileProgress("a.txt", FileState.SUMMARIZING, tokens=1200, detail="context raised to 8,192 tokens")
    assert row.text() == "a.txt — summarizing… 1,200 tokens (context raised to 8,192 tokens)"
    assert FileProgress("a.txt", FileState.FAILED, detail="it is gone.").text() == "a.txt — failed: it is gone."
