#!/bin/sh
# coalmap map on the shapes real landscapes have, on small fixtures: many
# tie types of unknown meaning (each its own colour and dash, then
# "other"); checked on the SVG's text and attributes, not its pixels.
. "$(dirname "$0")/lib.sh"
graphviz_leaks

# edge_styles FILE: stroke colour and dash of each line, one a line, in
# drawing order (the legend's samples come last).
edge_styles() {
	"$PYTHON3" -c 'import signal, sys, xml.etree.ElementTree as E
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
S = "{http://www.w3.org/2000/svg}"
for g in E.parse(sys.argv[1]).iter(S + "g"):
    if "edge" in (g.get("class") or "").split():
        p = g.find(S + "path")
        print(p.get("stroke"), p.get("stroke-dasharray") or "solid")' "$1"
}

# Eight types nobody styled: t = alpha..theta, two ties each (directed
# for alpha, gamma, epsilon, eta), plus membership and two collaboration
# types.  The six first in order of appearance get their own colour and
# dash, eta and theta share "other".
T="$tmp/types"
"$PYTHON3" - "$T" <<'PY'
import os, sys
d = sys.argv[1]
os.makedirs(d)
with open(d + "/organizations.csv", "w") as f:
    f.write("id,name,type\n" + "".join("o%d,Org %d,ngo\n" % (i, i) for i in range(1, 13)))
rows = ["source,target,type,directed"]
for k, t in enumerate(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]):
    d_ = "true" if k % 2 == 0 else "false"
    rows += ["o%d,o%d,%s,%s" % (k + 1, k + 2, t, d_), "o%d,o%d,%s,%s" % (k + 1, k + 4, t, d_)]
rows += ["o1,o12,membership,true", "o2,o11,partnership,false", "o3,o11,coalition,false"]
open(d + "/relationships.csv", "w").write("\n".join(rows) + "\n")
PY
run map "$T" -o "$tmp/types.svg"; expect_rc 0 "eight unknown tie types"
for row in "membership (member of →) (1)" "alpha → (2)" "beta (2)" "gamma → (2)" "delta (2)" "epsilon → (2)" \
	"zeta (2)" "other: eta, theta (4)" "partnership, coalition (2)"; do
	has_text "$tmp/types.svg" "$row" "legend row per tie type"
done
# the nine legend samples, in the legend's order
edge_styles "$tmp/types.svg" | tail -n 9 >"$tmp/samples"
"$PYTHON3" - "$tmp/samples" <<'PY' && ok || fail "each of the six first unknown types has its own colour and dash"
import sys
rows = [l.split() for l in open(sys.argv[1])]
typed = rows[1:7]
okabe_ito = {"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"}
assert {c for c, _ in typed} == okabe_ito, typed          # six colours, all colour-blind-safe
assert len({d for _, d in typed}) == 3, typed              # solid, dashed, dotted
assert all(typed[i][1] != typed[i + 1][1] for i in range(5)), typed  # neighbours differ in dash
assert rows[7][0] == "#999999", rows[7]                    # "other" is light grey
assert rows[0][0] not in okabe_ito and rows[8][0] not in okabe_ito, rows
PY
# the lines on the map take their type's style
checks=$((checks + 1))
[ "$(edge_styles "$tmp/types.svg" | grep -c '^#e69f00 5,2$')" -eq 3 ] || fail "beta: 2 lines and the sample orange dashed"
# a lone type of unknown meaning needs no colour: dark grey
mkdir -p "$tmp/lone"
printf 'id,name,type\na,A,ngo\nb,B,ngo\nc,C,ngo\n' >"$tmp/lone/organizations.csv"
printf 'source,target,type\na,b,acquaintance\nb,c,acquaintance\n' >"$tmp/lone/relationships.csv"
run map "$tmp/lone" -o "$tmp/lone.svg"; expect_rc 0 "one unknown type"
checks=$((checks + 1))
[ "$(edge_styles "$tmp/lone.svg" | sort -u)" = "#555555 solid" ] || fail "a lone unknown type is not dark grey"
"$COALMAP" map "$T" -o "$tmp/types2.svg" 2>/dev/null
checks=$((checks + 1)); cmp -s "$tmp/types.svg" "$tmp/types2.svg" || fail "two runs gave different SVG files"

# The default title is the folder's name as written; a size legend of
# whole numbers (degree) shows whole numbers only (the largest degree
# here is 4: 4, 1, and no 0.5).
has_text "$tmp/types.svg" "types" "default title: the folder's name as written"
texts "$tmp/types.svg" | sed -n '/^Area: /,/^Ties$/p' | sed '1d;$d' >"$tmp/sizes"
checks=$((checks + 1)); [ "$(tr '\n' ' ' <"$tmp/sizes")" = "4 1 " ] || fail "size legend: $(tr '\n' ' ' <"$tmp/sizes")"
mkdir -p "$tmp/My-Land_2"
cp "$T"/*.csv "$tmp/My-Land_2/"
run map "$tmp/My-Land_2/" -o "$tmp/title.svg"; expect_rc 0 "folder with capitals, - and _"
has_text "$tmp/title.svg" "My-Land_2" "default title kept as written"

# One component, grouped: hub group H (10 orgs) and P (10 orgs) joined by
# 41 ties, and five one-org groups L1..L5 each tied once to H.  A link of
# 1 tie carries less than 1/40 of the strongest (41), so the five are
# weaker links: drawn thin and light grey, not left out, and the legend
# counts them.
A="$tmp/agg"
"$PYTHON3" - "$A" <<'PY'
import os, sys
d = sys.argv[1]
os.makedirs(d)
orgs = [("h%d" % i, "H") for i in range(10)] + [("p%d" % i, "P") for i in range(10)] + \
       [("l%d" % i, "L%d" % i) for i in range(1, 6)]
with open(d + "/organizations.csv", "w") as f:
    f.write("id,name,type,grp\n" + "".join("%s,Org %s,ngo,%s\n" % (o, o, g) for o, g in orgs))
ties = [("h%d" % i, "p%d" % j) for i in range(10) for j in range(10)][:41]
ties += [("l%d" % i, "h%d" % i) for i in range(1, 6)]
with open(d + "/relationships.csv", "w") as f:
    f.write("source,target,type\n" + "".join("%s,%s,partnership\n" % t for t in ties))
PY
run map "$A" --aggregate grp -o "$tmp/agg.svg"; expect_rc 0 "--aggregate grp"
has_text "$tmp/agg.svg" "25 organizations in 7 groups by grp, 46 ties" "aggregate subtitle"
has_text "$tmp/agg.svg" "5 weaker links (up to 1 tie each)" "legend row of the weaker links"
checks=$((checks + 1)); texts "$tmp/agg.svg" | grep -q "not drawn" && fail "weaker links left out"
checks=$((checks + 1))
[ "$(edge_styles "$tmp/agg.svg" | grep -c '^#aaaaaa solid$')" -eq 6 ] || fail "5 weaker links and their sample not thin grey"

# Arrowheads: twelve orgs point at a hub drawn small (sized by influence,
# its own the least), it points at one more; the hub's twelve arrowheads
# are smaller (not below 0.3), the other one keeps 0.8.
S="$tmp/star"
"$PYTHON3" - "$S" <<'PY'
import os, sys
d = sys.argv[1]
os.makedirs(d)
with open(d + "/organizations.csv", "w") as f:
    f.write("id,name,type,influence\nhub,Hub,ngo,1\n" + "".join("s%d,S %d,ngo,10\n" % (i, i) for i in range(13)))
with open(d + "/relationships.csv", "w") as f:
    f.write("source,target,type\n" + "".join("s%d,hub,funding\n" % i for i in range(12)) + "hub,s12,funding\n")
PY
run map "$S" --size-by influence --no-legend -o "$tmp/star.dot"; expect_rc 0 "star"
"$PYTHON3" - "$tmp/star.dot" <<'PY' && ok || fail "arrowheads into the crowded hub are smaller"
import re, sys
dot = open(sys.argv[1]).read()
sizes = [float(x) for x in re.findall(r"n\d+ -> n\d+\s*\[arrowhead=\w+,\s*arrowsize=([0-9.]+)", dot)]
assert len(sizes) == 13, sizes
small = [x for x in sizes if x < 0.8]
assert len(small) == 12 and all(0.3 <= x < 0.8 for x in small) and len(set(small)) == 1, sizes
PY

# More lines than CM_MAP_MAX_LINES (2,500): 120 orgs, i and j tied when
# (i * j + i + j) % 7 < 4 (3,485 of the 7,140 pairs).  Each org keeps
# its lines to its K best-connected partners (degree, then org order), K
# the largest that keeps at most 2,500 lines; a brute force finds K and
# the lines, the subtitle must say them.
B="$tmp/big"
"$PYTHON3" - "$B" >"$tmp/big.expect" <<'PY'
import os, sys
d, n = sys.argv[1], 120
os.makedirs(d)
pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if (i * j + i + j) % 7 < 4]
with open(d + "/organizations.csv", "w") as f:
    f.write("id,name,type\n" + "".join("o%03d,Org %d,ngo\n" % (i, i) for i in range(n)))
with open(d + "/relationships.csv", "w") as f:
    f.write("source,target,type\n" + "".join("o%03d,o%03d,partnership\n" % p for p in pairs))
nb = {i: set() for i in range(n)}
for i, j in pairs:
    nb[i].add(j); nb[j].add(i)
def rank(v, u):  # place of partner u among v's partners
    return sorted(nb[v], key=lambda w: (-len(nb[w]), w)).index(u)
best = {p: min(rank(p[0], p[1]), rank(p[1], p[0])) for p in pairs}
k = 1
while k < len(pairs) and sum(1 for r in best.values() if r < k + 1) <= 2500:
    k += 1
kept = sum(1 for r in best.values() if r < k)
print("%d %d %d" % (len(pairs), kept, k))
PY
read -r nall nkept k <"$tmp/big.expect"
fmt() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
run map "$B" -o "$tmp/big.svg"; expect_rc 0 "more lines than 2,500"
sub="120 organizations, $(fmt "$nall") ties; $(fmt "$nkept") of $(fmt "$nall") lines drawn: each organization's $k to its best-connected partners"
checks=$((checks + 1))
texts "$tmp/big.svg" | tr '\n' ' ' | grep -qF "$sub" || fail "the subtitle (over two lines) lacks '$sub'"
has_text "$tmp/big.svg" "partnership ($nkept)" "legend counts the lines drawn"
expect_err "drew $nkept of $nall lines (at most 2500): each org's $k to its best-connected partners" "note on stderr"
checks=$((checks + 1)); [ "$(edge_styles "$tmp/big.svg" | wc -l)" -eq $((nkept + 1)) ] || fail "lines drawn: not $nkept and a sample"
"$COALMAP" map "$B" -o "$tmp/big2.svg" 2>/dev/null
checks=$((checks + 1)); cmp -s "$tmp/big.svg" "$tmp/big2.svg" || fail "two runs gave different SVG files"

finish
