#!/usr/bin/python3
"""leaks.py - which secret strings a file holds, in any form a reader could
recover: its raw bytes, the members of a zip (xlsx), the text chunks of a
PNG, and the text of a PDF (every stream inflated, every string decoded
through every ToUnicode map the file has, and its metadata).  Independent
of coalmap: Python's zipfile and zlib only.

usage: leaks.py SECRETS FILE...        print FILE: SECRET for each found; exit 1 if any
       leaks.py --expect SECRETS FILE...  exit 1 unless each FILE holds some secret
SECRETS holds one secret a line; matching ignores case.
"""
import re
import sys
import zipfile
import zlib


def png_texts(data):
    out, i = [], 8
    while i + 8 <= len(data):
        n = int.from_bytes(data[i:i + 4], "big")
        kind, body = data[i + 4:i + 8], data[i + 8:i + 8 + n]
        if kind == b"tEXt":
            out.append(body)
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            out += [key, zlib.decompress(rest[1:])]
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            flag, rest = rest[0], rest[2:]
            lang, _, rest = rest.partition(b"\0")
            tkey, _, text = rest.partition(b"\0")
            out += [key, lang, tkey, zlib.decompress(text) if flag else text]
        i += 12 + n
    return out


def pdf_streams(data):
    out = []
    for m in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", m.end())
        if end < 0:
            continue
        raw = data[m.end():end]
        try:
            out.append(zlib.decompressobj().decompress(raw))
        except zlib.error:
            out.append(raw)
    return out


def cmaps(streams):
    maps = []
    for s in streams:
        if b"begincmap" not in s:
            continue
        m = {}
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", s, re.S):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                m[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", s, re.S):
            for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                base = int(dst, 16)
                for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                    m[code] = chr(base + k)
        maps.append(m)
    return maps


def literal(b):
    """The bytes of a PDF literal string's body (escapes undone)."""
    out, i = bytearray(), 0
    while i < len(b):
        c = b[i]
        if c == 0x5C and i + 1 < len(b):
            n = b[i + 1]
            m = re.match(rb"[0-7]{1,3}", b[i + 1:i + 4])
            if m:
                out.append(int(m.group(), 8) & 0xFF)
                i += 1 + len(m.group())
                continue
            out += {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t"}.get(n, bytes([n]))
            i += 2
            continue
        out.append(c)
        i += 1
    return bytes(out)


def text_runs(s):
    """Each text object's strings as bytes, in order: a TJ array's parts
    joined, a space after each show operator (labels broken over lines)."""
    runs = []
    for obj in re.findall(rb"BT(.*?)ET", s, re.S):
        parts = []
        for m in re.finditer(rb"\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>|(T[Jj]|')", obj):
            if m.group(1) is not None:
                parts.append(literal(m.group(1)))
            elif m.group(2) is not None:
                h = re.sub(rb"\s", b"", m.group(2))
                parts.append(bytes.fromhex(h.decode()) if len(h) % 2 == 0 else b"")
            else:
                parts.append(b" ")
        runs.append(b"".join(parts))
    return runs


def pdf_texts(data):
    streams = pdf_streams(data)
    out = [data] + streams
    maps = cmaps(streams)
    for s in streams + [data]:
        for raw in text_runs(s):
            out.append(raw)
            for width in (1, 2):
                codes = [int.from_bytes(raw[i:i + width], "big") for i in range(0, len(raw) - width + 1, width)]
                for m in maps:
                    out.append("".join(m.get(c, " " if c == 32 else "\0") for c in codes).encode("utf-8", "replace"))
        for h in re.findall(rb"<(FE[Ff][Ff][0-9A-Fa-f]*)>", s):  # metadata in UTF-16
            if len(h) % 4 == 0:
                out.append(bytes.fromhex(h.decode())[2:].decode("utf-16-be", "replace").encode())
    return out


def texts(path):
    data = open(path, "rb").read()
    out = [data]
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(path) as z:
            out += [z.read(n) for n in z.namelist()] + [n.encode() for n in z.namelist()]
    elif data[:8] == b"\x89PNG\r\n\x1a\n":
        out += png_texts(data)
    elif data[:5] == b"%PDF-":
        out += pdf_texts(data)
    return [t.decode("utf-8", "replace").lower() for t in out]


def main():
    args = sys.argv[1:]
    expect = args[:1] == ["--expect"]
    if expect:
        args = args[1:]
    secrets = [s.strip() for s in open(args[0], encoding="utf-8") if s.strip()]
    bad = 0
    for path in args[1:]:
        found = [s for s in secrets if any(s.lower() in t for t in texts(path))]
        if expect and not found:
            print(f"{path}: holds none of the secrets")
            bad = 1
        elif not expect:
            for s in found:
                print(f"{path}: {s}")
                bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
