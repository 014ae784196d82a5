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
assert rows[7][0] == "#999999", rows[7]                    # "other" is grey
assert rows[0][0] not in okabe_ito and rows[8][0] not in okabe_ito, rows
PY
# the lines on the map take their type's style
checks=$((checks + 1))
[ "$(edge_styles "$tmp/types.svg" | grep -c '^#0072b2 solid$')" -eq 3 ] || fail "alpha: 2 lines and the sample in blue"
"$COALMAP" map "$T" -o "$tmp/types2.svg" 2>/dev/null
checks=$((checks + 1)); cmp -s "$tmp/types.svg" "$tmp/types2.svg" || fail "two runs gave different SVG files"

finish
