#!/bin/sh
# coalmap map at size: a generated 2,000-org landscape renders at default
# settings (sfdp, the 30 top brokers labelled, a note on stderr); shapes
# and labels never overlap (the laid-out DOT of the demo, of a 150-org
# landscape with every label, and of the 2,000-org map); above 2,000 orgs
# or 20,000 ties the map draws communities and says so.
. "$(dirname "$0")/lib.sh"
graphviz_leaks
G="$tmp/g2000"
"$COALMAP" generate --orgs 2000 --ties 6000 -o "$G" >/dev/null 2>&1

run map "$G" -o "$tmp/g.svg"; expect_rc 0 "2,000 orgs at default settings"
expect_err "labelled the 30 top brokers (betweenness) of 2000" "labels note"
checks=$((checks + 1))
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$tmp/g.svg" 2>/dev/null || fail "2,000-org SVG invalid"
fi
run map "$G" -o "$tmp/g.png"; expect_rc 0 "2,000 orgs as PNG"
checks=$((checks + 1)); [ -s "$tmp/g.png" ] || fail "2,000-org PNG empty"
run map "$G" -o "$tmp/g.dot"; expect_rc 0 "2,000 orgs as DOT"

# no_overlap DOT DESCRIPTION: the boxes of the drawn shapes, labels, title
# and legend texts are pairwise disjoint (1 pt tolerance)
no_overlap() {
	"$PYTHON3" - "$1" <<'PY' && ok || fail "$2: shapes or labels overlap"
import re, sys
src = open(sys.argv[1], encoding="utf-8").read().replace("\\\n", "")
tok = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|(->|--)|([\[\]{};=,])|([^\s\[\]{};=,"]+))', re.S)
toks, pos = [], 0
while True:
    m = tok.match(src, pos)
    if not m or m.end() == pos:
        break
    pos = m.end()
    q, op, p, w = m.groups()
    toks.append(q[1:-1] if q is not None else (op or p or w))
nodes, i = {}, 0
while i < len(toks):
    if i + 1 < len(toks) and toks[i + 1] == "[" and toks[i] not in ("graph", "node", "edge") \
       and toks[i - 1] not in ("->", "--"):
        attrs, name, i = {}, toks[i], i + 2
        while toks[i] != "]":
            attrs[toks[i]] = toks[i + 2]
            i += 3
            if toks[i] == ",":
                i += 1
        nodes[name] = attrs
    i += 1
boxes = []
for name, a in nodes.items():
    if "pos" not in a or "invis" in a.get("style", "") or a.get("shape") == "point":
        continue
    if "rounded" in a.get("style", "") and not a.get("label"):
        continue  # the legend's frame
    x, y = map(float, a["pos"].split(",")[:2])
    boxes.append((name, x, y, float(a["width"]) * 36, float(a["height"]) * 36))
assert len(boxes) > 10, len(boxes)
boxes.sort(key=lambda b: b[1] - b[3])
for i, a in enumerate(boxes):  # sweep along x
    for b in boxes[i + 1:]:
        if b[1] - b[3] >= a[1] + a[3] - 1.0:
            break
        if abs(a[2] - b[2]) < a[4] + b[4] - 1.0:
            raise AssertionError(("overlap", a, b))
PY
}
no_overlap "$tmp/g.dot" "2,000 orgs"
run map "$top_srcdir/datasets/education-coalition" -o "$tmp/e.dot"; expect_rc 0 "demo as DOT"
no_overlap "$tmp/e.dot" "demo"
"$COALMAP" generate --orgs 150 --ties 450 --seed 7 -o "$tmp/g150" >/dev/null 2>&1
run map "$tmp/g150" --labels all -o "$tmp/g150.dot"; expect_rc 0 "150 orgs, every label"
no_overlap "$tmp/g150.dot" "150 orgs, every label"
checks=$((checks + 1)); [ "$(grep -c 'fillcolor="#FFFFFFC8"' "$tmp/g150.dot")" -eq 150 ] || fail "150 labels expected"
run map "$tmp/g150" -o "$tmp/g150d.dot"; expect_rc 0 "150 orgs at default settings"
no_overlap "$tmp/g150d.dot" "150 orgs at default settings"

# above 2,000 orgs: communities, with a note
"$COALMAP" generate --orgs 2500 --ties 7500 -o "$tmp/g2500" >/dev/null 2>&1
run map "$tmp/g2500" -o "$tmp/g2500.svg"; expect_rc 0 "2,500 orgs"
expect_err "drew their" "note on drawing communities"
expect_err "(--aggregate community)" "note names the option"
run map "$tmp/g2500" --where type=ngo -o "$tmp/g2500ngo.svg"; expect_rc 0 "2,500 orgs, --where selects fewer"
checks=$((checks + 1)); case "$err" in *"drew their"*) fail "--where still aggregated" ;; esac

# more than 20,000 ties among few orgs: communities too
"$COALMAP" generate --orgs 400 --ties 21000 -o "$tmp/dense" >/dev/null 2>&1
run map "$tmp/dense" -o "$tmp/dense.svg"; expect_rc 0 "21,000 ties"
expect_err "ties are more than a map can draw one by one" "note on too many ties"
run map "$tmp/dense" --types funding -o "$tmp/dense-funding.svg"; expect_rc 0 "21,000 ties, --types selects fewer"
checks=$((checks + 1)); case "$err" in *"more than a map"*) fail "--types still aggregated" ;; esac
finish
