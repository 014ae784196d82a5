#!/usr/bin/env python3
"""Build the Knoke bureaucracies landscape (UCINET KNOKBUR: KNOKI, KNOKM).

Source file (matrices copied below verbatim):
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

# "information" block of knokbur.dat (KNOKI)
KNOKI = """
0 1 0 0 1 0 1 0 1 0
1 0 1 1 1 0 1 1 1 0
0 1 0 1 1 1 1 0 0 1
1 1 0 0 1 0 1 0 0 0
1 1 1 1 0 0 1 1 1 1
0 0 1 0 0 0 1 0 1 0
0 1 0 1 1 0 0 0 0 0
1 1 0 1 1 0 1 0 1 0
0 1 0 0 1 0 1 0 0 0
1 1 1 0 1 0 1 0 0 0
"""
# "money" block of knokbur.dat (KNOKM); its label line spells MAYR as "MAYO"
KNOKM = """
0 0 1 0 1 0 0 1 1 1
0 0 1 0 0 0 0 0 0 0
0 0 0 0 0 0 0 1 0 0
0 1 1 0 0 0 1 1 1 0
0 1 1 0 0 0 0 1 1 0
0 0 0 0 0 0 0 0 0 0
0 1 0 0 0 0 0 1 0 0
0 0 0 0 0 0 0 0 1 1
0 0 1 0 0 0 0 1 0 0
0 0 0 0 0 0 0 0 0 0
"""
# third block of knokbur.dat: ID, SECTOR, RATING
ATTRS = {1: ("GOV", 5.80), 2: ("VOL", 5.80), 3: ("GOV", 4.75), 4: ("PVT", 5.38),
         5: ("GOV", 5.86), 6: ("VOL", 2.50), 7: ("PVT", 6.40), 8: ("VOL", 5.94),
         9: ("GOV", 4.60), 10: ("VOL", 3.50)}

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


def matrix(text):
    m = [[int(x) for x in line.split()] for line in text.strip().splitlines()]
    assert len(m) == 10 and all(len(r) == 10 for r in m)
    assert all(m[i][i] == 0 for i in range(10))
    return m


info, money = matrix(KNOKI), matrix(KNOKM)

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
