#!/usr/bin/env python3
"""Build the Knoke bureaucracies landscape (UCINET KNOKBUR: KNOKI, KNOKM).

Source file (kept verbatim next to this script as knokbur.dat, and read from
there):
    repository rtidatascience/connected-nx-tutorial, path data/knokbur.dat
    (commit 3129e3d9a2c4d60709fe512be0b69e1fd2c1682a), a copy of the UCINET
    data file knokbur.dat as distributed on Vladimir Batagelj's Pajek/UCINET
    data page (http://vlado.fmf.uni-lj.si/pub/networks/data/ucinet/knokbur.dat).
Cross-check: see README.md (column correlations published from the CASOS
copies of KNOKI.csv / KNOKM.csv are reproduced exactly by these matrices).

Row i, column j = 1 means a tie from org i to org j.

    python3 build.py   # writes organizations.csv and relationships.csv
"""

import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))

LABELS = ["COUN", "COMM", "EDUC", "INDU", "MAYR", "WRO", "NEWS", "UWAY", "WELF", "WEST"]

SOURCE = os.path.join(HERE, "knokbur.dat")

# readable names (standard glosses of the UCINET labels) and our coalmap types
ORGS = {
    "COUN": ("County Government", "government"),
    "COMM": ("Chamber of Commerce", "network"),
    "EDUC": ("Board of Education", "government"),
    "INDU": ("Industrial Development Agency", "corporate"),
    "MAYR": ("Mayor's Office", "government"),
    "WRO": ("Welfare Rights Organization", "grassroots"),
    "NEWS": ("Newspaper", "media"),
    "UWAY": ("United Way", "donor"),
    "WELF": ("Welfare Department", "government"),
    "WEST": ("West Side Movement", "grassroots"),
}
SECTOR = {"GOV": "government", "VOL": "voluntary", "PVT": "private"}


def blocks(path):
    """The blocks of a UCINET file as lists of stripped, non-empty lines.
    knokbur.dat ends each block with a DOS end-of-file byte (^Z) and its
    lines with CRLF; its first line is a note, not data."""
    with open(path, encoding="ascii") as f:
        text = f.read()
    return [[ln.strip() for ln in b.splitlines() if ln.strip()] for b in text.split("\x1a")]


def matrix(block, name, labels):
    """A block "name / dimensions / labels / 10 rows of 0 and 1"."""
    at = block.index(name)
    assert block[at + 2].split(",") == labels, block[at + 2]
    m = [[int(x) for x in line.split()] for line in block[at + 3:]]
    assert len(m) == 10 and all(len(r) == 10 for r in m)
    assert all(m[i][i] == 0 for i in range(10))
    return m


first, second, third, rest = blocks(SOURCE)
assert rest == []
# "information" block (KNOKI) and "money" block (KNOKM); the money block's
# label line spells MAYR as "MAYO"
info = matrix(first, "information", LABELS)
money = matrix(second, "money", [lab if lab != "MAYR" else "MAYO" for lab in LABELS])
# third block: ID, SECTOR, RATING
assert third[1] == "ID,SECTOR,RATING", third[1]
ATTRS = {int(i): (sec, float(rating)) for i, sec, rating in (ln.split() for ln in third[2:])}
assert sorted(ATTRS) == list(range(1, 11))

with open(os.path.join(HERE, "organizations.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "name", "type", "country", "sector", "rating"])
    for i, lab in enumerate(LABELS, 1):
        name, typ = ORGS[lab]
        sec, rating = ATTRS[i]
        w.writerow([lab, name, typ, "United States", SECTOR[sec], f"{rating:.2f}"])

n = {"information": 0, "funding": 0}
with open(os.path.join(HERE, "relationships.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["source", "target", "type"])
    for typ, m in (("information", info), ("funding", money)):
        for i in range(10):
            for j in range(10):
                if m[i][j]:
                    w.writerow([LABELS[i], LABELS[j], typ])
                    n[typ] += 1

print(f"10 organizations, {n['information']} information + {n['funding']} funding ties")
