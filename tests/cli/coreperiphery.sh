#!/bin/sh
# Core/periphery (Borgatti & Everett 1999): cp_coreness and cp_core of
# `coalmap metrics` and the core_periphery section of `coalmap power` equal
# the independent reference tests/reference/nx_coreperiphery.py: the
# continuous coreness scipy's minimisation finds from several starts (to
# 1e-5, or an objective no worse), the discrete core's correlation the best
# over every subset (n <= 16), the fits and block densities recomputed from
# the adjacency matrix; degenerate graphs leave the values empty and say why.
. "$(dirname "$0")/lib.sh"

if ! "$PYTHON3" -c 'import numpy, scipy, networkx' 2>/dev/null; then
	echo "numpy, scipy or networkx missing (python3-scipy, python3-networkx)"
	exit 77
fi

# Small graphs, each a landscape under $tmp: shapes with a known answer
# (star, clique, path, cycle, empty, one org, three orgs) and planted cores
# drawn with a fixed seed (a conflict tie among them must not count).
"$PYTHON3" - "$tmp" <<'PY'
import os, random, sys
def write(name, n, edges, conflict=()):
    d = os.path.join(sys.argv[1], name)
    os.makedirs(d)
    with open(os.path.join(d, "organizations.csv"), "w") as f:
        f.write("id,name\n" + "".join("o%02d,Org %d\n" % (i, i) for i in range(n)))
    with open(os.path.join(d, "relationships.csv"), "w") as f:
        f.write("source,target,type\n")
        f.write("".join("o%02d,o%02d,partnership\n" % e for e in edges))
        f.write("".join("o%02d,o%02d,conflict\n" % e for e in conflict))
def planted(name, n, k, p_cc, p_cp, p_pp, seed):
    rnd = random.Random(seed)
    edges = [(i, j) for i in range(n) for j in range(i + 1, n)
             if rnd.random() < (p_cc if j < k else p_cp if i < k else p_pp)]
    non = [(i, j) for i in range(k, n) for j in range(i + 1, n) if (i, j) not in edges]
    write(name, n, edges, conflict=non[:2])
write("star", 8, [(0, i) for i in range(1, 8)])
write("clique", 6, [(i, j) for i in range(6) for j in range(i + 1, 6)])
write("path", 8, [(i, i + 1) for i in range(7)])
write("cycle", 8, [(i, (i + 1) % 8) for i in range(8)])
write("empty", 5, [])
write("one", 1, [])
write("three", 3, [(0, 1), (1, 2)])
write("two-parts", 9, [(i, j) for i in range(4) for j in range(i + 1, 4)] + [(i, i + 1) for i in range(4, 8)])
planted("planted-5-of-12", 12, 5, 0.9, 0.3, 0.05, 1)
planted("planted-4-of-14", 14, 4, 1.0, 0.4, 0.1, 2)
planted("planted-6-of-16", 16, 6, 0.8, 0.25, 0.1, 3)
PY

check() { # NAME DIR [options]
	name=$1 dir=$2
	shift 2
	if ! "$COALMAP" metrics "$dir" "$@" --format csv -o "$tmp/$name-m.csv" 2>"$tmp/err" ||
		! "$COALMAP" power "$dir" "$@" --permutations 0 --format csv -o "$tmp/$name-p.csv" 2>>"$tmp/err"; then
		fail "$name: coalmap failed: $(cat "$tmp/err")"
		return
	fi
	if "$PYTHON3" "$top_srcdir/tests/reference/nx_coreperiphery.py" "$dir" \
		"$tmp/$name-m.csv" "$tmp/$name-p.csv" "$@" >"$tmp/cmp" 2>&1; then
		ok
	else
		fail "$name: differs from the reference: $(cat "$tmp/cmp")"
	fi
}

for f in star clique path cycle empty one three two-parts planted-5-of-12 planted-4-of-14 planted-6-of-16; do
	check "$f" "$tmp/$f"
done
check florentine "$top_srcdir/datasets/florentine"
check knoke-wood "$top_srcdir/datasets/knoke-wood"
# 64 orgs: no brute force; within 0.02 of the best of 200 local searches
check education "$top_srcdir/datasets/education-coalition"

# the readings of the degenerate cases name the reason
grep -q '^core_periphery,,continuous_fit,,"\{0,1\}undefined: no collaboration ties' "$tmp/empty-p.csv" && ok ||
	fail "empty graph: no reason given: $(grep core_periphery "$tmp/empty-p.csv")"
grep -q 'discrete_fit,,"\{0,1\}undefined: every pair' "$tmp/clique-p.csv" && ok ||
	fail "clique: no reason given: $(grep core_periphery "$tmp/clique-p.csv")"
grep -q 'discrete_fit,,"\{0,1\}undefined: fewer than four' "$tmp/three-p.csv" && ok ||
	fail "three orgs: no reason given: $(grep core_periphery "$tmp/three-p.csv")"
grep -q 'continuous_fit,,"\{0,1\}undefined: every organization is equally central' "$tmp/cycle-p.csv" && ok ||
	fail "cycle: no reason given: $(grep core_periphery "$tmp/cycle-p.csv")"
finish
