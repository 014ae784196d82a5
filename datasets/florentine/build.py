#!/usr/bin/env python3
"""Build the Florentine families landscape from the UCINET data as converted
to Pajek format.

Source file (copied below verbatim, vertex coordinates dropped):
    repository Daria-Maltseva/pajek, path padgett.paj
    (commit e74d470f55ea74824306f5871bc25a06eaec246c), a Pajek conversion of
    UCINET's PADGETT.DAT (relations PADGM, PADGB) and PADGW.DAT (attributes).
Cross-checked against (see README.md):
    repository jennyfan/cs171-lab10, path data/florentine-family-attributes.csv
    and the business matrix of the Harvard CS171 "Padgett's Florentine
    Families" lab; and networkx's florentine_families_graph().

    python3 build.py   # writes organizations.csv and relationships.csv
"""

import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# *Vertices 16 of PADGETT.DAT (UCINET labels are cut to 9 characters)
LABELS = ["ACCIAIUOL", "ALBIZZI", "BARBADORI", "BISCHERI", "CASTELLAN", "GINORI",
          "GUADAGNI", "LAMBERTES", "MEDICI", "PAZZI", "PERUZZI", "PUCCI",
          "RIDOLFI", "SALVIATI", "STROZZI", "TORNABUON"]
# full family names, spelled as in networkx.florentine_families_graph()
NAMES = ["Acciaiuoli", "Albizzi", "Barbadori", "Bischeri", "Castellani", "Ginori",
         "Guadagni", "Lamberteschi", "Medici", "Pazzi", "Peruzzi", "Pucci",
         "Ridolfi", "Salviati", "Strozzi", "Tornabuoni"]

# *Arcs of "UciNet\PADGETT.DAT : PADGM" (1-based, both directions listed)
PADGM = """1 9  2 6  2 7  2 9  3 5  3 9  4 7  4 11  4 15  5 3  5 11  5 15  6 2
7 2  7 4  7 8  7 16  8 7  9 1  9 2  9 3  9 13  9 14  9 16  10 14  11 4  11 5
11 15  13 9  13 15  13 16  14 9  14 10  15 4  15 5  15 11  15 13  16 7  16 9
16 13"""
# *Arcs of "UciNet\PADGETT.DAT : PADGB"
PADGB = """3 5  3 6  3 9  3 11  4 7  4 8  4 11  5 3  5 8  5 11  6 3  6 9  7 4
7 8  8 4  8 5  8 7  8 11  9 3  9 6  9 10  9 14  9 16  10 9  11 3  11 4  11 5
11 8  14 9  16 9"""

# *Edges of "UciNet\PADGW.DAT : [2-Mode]": family -> (WEALTH, #PRIORS, #TIES).
# Pajek drops zero-valued lines; a None here is a value absent from the file.
PADGW = {
    "ACCIAIUOL": (10, 53, 2), "ALBIZZI": (36, 65, 3), "RIDOLFI": (27, 38, 4),
    "STROZZI": (146, 74, 29), "BARBADORI": (55, None, 14), "BISCHERI": (44, 12, 9),
    "CASTELLAN": (20, 22, 18), "GUADAGNI": (8, 21, 14), "LAMBERTES": (42, None, 14),
    "MEDICI": (103, 53, 54), "PAZZI": (48, None, 7), "PERUZZI": (49, 42, 32),
    "SALVIATI": (10, 35, 5), "TORNABUON": (48, None, 7), "GINORI": (32, None, 9),
    "PUCCI": (3, None, 1),
}
# Priorates absent from PADGW: Wasserman & Faust's attribute table (as copied in
# jennyfan/cs171-lab10 data/florentine-family-attributes.csv) gives 0 for
# Lamberteschi and Pucci and marks Barbadori, Ginori, Pazzi and Tornabuoni as
# missing (NA).  We write 0 and an empty cell respectively.
PRIORATES_ZERO = {"LAMBERTES", "PUCCI"}


def pairs(text):
    nums = [int(x) for x in text.split()]
    arcs = list(zip(nums[0::2], nums[1::2]))
    und = sorted({(min(a, b), max(a, b)) for a, b in arcs})
    # the UCINET matrices are symmetric: every arc appears in both directions
    assert len(arcs) == 2 * len(und), "matrix not symmetric"
    return und


marriage = pairs(PADGM)
business = pairs(PADGB)
assert len(marriage) == 20 and len(business) == 15

with open(os.path.join(HERE, "organizations.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "name", "type", "country", "region", "budget", "priorates",
                "totalties", "ucinet_label"])
    for lab, name in zip(LABELS, NAMES):
        wealth, prior, ties = PADGW[lab]
        if prior is None and lab in PRIORATES_ZERO:
            prior = 0
        w.writerow([name, name, "family", "Italy", "Florence", wealth,
                    "" if prior is None else prior, ties, lab])

with open(os.path.join(HERE, "relationships.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["source", "target", "type"])
    for typ, es in (("marriage", marriage), ("business", business)):
        for a, b in es:
            w.writerow([NAMES[a - 1], NAMES[b - 1], typ])

print(f"16 families, {len(marriage)} marriage + {len(business)} business ties")
