"""docs/python.md as a notebook: its ```python blocks run one after the
other in one namespace (in a scratch folder where datasets/ is the
project's), and each ```text block right after one must be exactly what
that block printed; the map it draws must be the picture the guide shows.
COALMAP_GUIDE_UPDATE=1 writes the outputs (and the picture) into the guide
instead of checking them."""
import contextlib
import io
import os
import re
import shutil

from conftest import TOP

GUIDE = os.path.join(TOP, "docs", "python.md")
IMAGE = os.path.join(TOP, "docs", "img", "python-map.png")
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)


def _run(blocks, where):
    ns, outputs = {"__name__": "guide"}, []
    cwd = os.getcwd()
    os.chdir(where)
    try:
        for lang, code, _ in blocks:
            if lang != "python":
                continue
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(code, GUIDE, "exec"), ns)
            outputs.append(out.getvalue())
    finally:
        os.chdir(cwd)
    return outputs


def test_guide(tmp_path):
    text = open(GUIDE, encoding="utf-8").read()
    blocks = [(m.group(1), m.group(2), m) for m in BLOCK.finditer(text)]
    os.symlink(os.path.join(TOP, "datasets"), tmp_path / "datasets")
    outputs = _run(blocks, tmp_path)
    assert len(outputs) >= 8
    # the text block following each python block: its output
    shown, k = [], -1
    for i, (lang, _, m) in enumerate(blocks):
        if lang == "python":
            k += 1
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt and nxt[0] == "text" and text[m.end():nxt[2].start()].strip() == "":
                shown.append((k, nxt[2]))
    assert len(shown) >= 8
    if os.environ.get("COALMAP_GUIDE_UPDATE"):
        for k, m in reversed(shown):
            text = text[:m.start()] + "```text\n" + outputs[k] + "```\n" + text[m.end():]
        open(GUIDE, "w", encoding="utf-8").write(text)
        shutil.copyfile(tmp_path / "python-map.png", IMAGE)
        return
    for k, m in shown:
        assert m.group(2) == outputs[k], "python block %d printed:\n%s\nthe guide shows:\n%s" % (
            k + 1, outputs[k], m.group(2))
    with open(tmp_path / "python-map.png", "rb") as a, open(IMAGE, "rb") as b:
        assert a.read() == b.read(), "docs/img/python-map.png is not the map the guide's block draws"
