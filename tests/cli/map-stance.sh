#!/bin/sh
# coalmap map --color-by stance: the diverging stance palette (support
# blue, neutral grey, oppose vermillion, unknown white with a dashed
# outline), overall (the sign of the mean over every issue) and per issue
# (stance:ISSUE), words and numbers on the -2..2 scale; each org's shape in
# the SVG and the legend rows checked against hand-counted stances; a cell
# that is no stance is a data error with nothing written.
. "$(dirname "$0")/lib.sh"
graphviz_leaks
L="$tmp/land"

# Hand-counted: overall = sign of the mean of the known cells of the three
# issues; climate alone.
#   alpha   support, -, -         overall support   climate unknown
#   beta    oppose, 2, -2         -1/3: oppose      climate support
#   gamma   -, neutral, -         neutral           climate neutral
#   delta   -, -, -               unknown           climate unknown
#   epsilon support, -1, -1       -1/3: oppose      climate oppose
#   zeta    neutral, 1, oppose    0: neutral        climate support
mk "$L" 'id,name,type,stance,stance:climate,stance:tax
alpha,Alpha,ngo,support,,
beta,Beta,ngo,oppose,2,-2
gamma,Gamma,ngo,,neutral,
delta,Delta,ngo,,,
epsilon,Epsilon,ngo,support,-1,-1
zeta,Zeta,ngo,neutral,1,oppose
' 'source,target,type
alpha,beta,partnership
beta,gamma,partnership
gamma,delta,partnership
delta,epsilon,partnership
epsilon,zeta,partnership
zeta,alpha,conflict
'

run map "$L" --color-by stance -o "$tmp/all.svg"; expect_rc 0 "--color-by stance"
run map "$L" --color-by stance:climate -o "$tmp/climate.svg"; expect_rc 0 "--color-by stance:climate"
has_text "$tmp/all.svg" "Colour: stance" "overall legend heading"
has_text "$tmp/climate.svg" "Colour: stance on climate" "per-issue legend heading"

"$PYTHON3" - "$tmp/all.svg" "$tmp/climate.svg" <<'PY' && ok || fail "stance colours and legend rows"
import sys, xml.etree.ElementTree as ET
S = "{http://www.w3.org/2000/svg}"
COLOUR = {"support": "#0072b2", "neutral": "#bbbbbb", "oppose": "#d55e00", "unknown (no stance)": "#ffffff"}

def pairs(path):
    nodes = [g for g in ET.parse(path).getroot().iter(S + "g") if g.get("class") == "node"]
    text = lambda g: " ".join(t.text or "" for t in g.iter(S + "text"))
    def shape(g):
        for el in g:
            if el.tag in (S + "ellipse", S + "polygon") and el.get("fill") not in (None, "none"):
                return el.get("fill").lower(), el.get("stroke-dasharray") is not None
    return [(shape(a), text(b)) for a, b in zip(nodes, nodes[1:]) if not text(a) and shape(a) and text(b)]

def check(path, want):
    got = dict((t, s) for s, t in pairs(path))
    for org, stance in want.items():
        assert got[org] == (COLOUR[stance], stance.startswith("unknown")), (path, org, stance, got[org])
    counts = {}
    for s in want.values():
        counts[s] = counts.get(s, 0) + 1
    for s, c in counts.items():
        row = "%s (%d)" % (s, c)
        assert row in got and got[row][0] == COLOUR[s], (path, "legend row", row, got.get(row))
    absent = [t for t in got if any(t.startswith(s + " (") for s in COLOUR if s not in counts)]
    assert not absent, (path, "legend rows of absent stances", absent)

check(sys.argv[1], {"Alpha": "support", "Beta": "oppose", "Gamma": "neutral", "Delta": "unknown (no stance)",
                    "Epsilon": "oppose", "Zeta": "neutral"})
check(sys.argv[2], {"Alpha": "unknown (no stance)", "Beta": "support", "Gamma": "neutral",
                    "Delta": "unknown (no stance)", "Epsilon": "oppose", "Zeta": "support"})
PY

# an issue column that is not there; a cell that is no stance: nothing written
run map "$L" --color-by stance:nothing -o "$tmp/none.svg"; expect_rc 64 "unknown stance column"
printf 'eta,Eta,ngo,,maybe,\n' >>"$L/organizations.csv"
run map "$L" --color-by stance -o "$tmp/bad.svg"; expect_rc 65 "a cell that is no stance"
expect_err "organizations.csv:8" "the bad cell's file and line"
checks=$((checks + 1)); [ ! -e "$tmp/bad.svg" ] || fail "a map was written despite the bad stance"

finish
