#!/bin/sh
# Betweenness within a bound (--epsilon, --delta, --certify; issue 21):
# over repeated --sample-seed runs, every org's betweenness_norm is within
# epsilon of NetworkX's exact value, and inside [betweenness_low,
# betweenness_high], in all but a share delta of the runs
# (tests/reference/nx_bc_bound.py), on shapes whose central orgs carry
# most pairs (a broom, florentine) and on larger generated graphs; the
# output does not depend on --threads; options are checked.
. "$(dirname "$0")/lib.sh"

if ! "$PYTHON3" -c 'import networkx' 2>/dev/null; then
	echo "networkx missing (python3-networkx)"
	exit 77
fi
PYTHONPATH="$top_srcdir/tests/reference${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH

# Graphs written by NetworkX: a broom (a path with a star at one end, so
# most pairs pass through the path), a scale-free graph beside a second,
# small component and isolated orgs, and a grid (many equally short paths).
"$PYTHON3" - "$tmp" <<'PY'
import os, sys
import networkx as nx
def write(name, G):
    d = os.path.join(sys.argv[1], name)
    os.makedirs(d)
    with open(os.path.join(d, "organizations.csv"), "w") as f:
        f.write("id,name\n" + "".join("o%d,Org %d\n" % (v, v) for v in sorted(G)))
    with open(os.path.join(d, "relationships.csv"), "w") as f:
        f.write("source,target,type\n" + "".join("o%d,o%d,partnership\n" % (u, v) for u, v in sorted(G.edges())))
broom = nx.path_graph(10)
broom.add_edges_from((0, 10 + i) for i in range(20))
write("broom", broom)
ba = nx.barabasi_albert_graph(1500, 2, seed=7)
ba.add_edges_from((1500 + i, 1500 + (i + 1) % 30) for i in range(30))
ba.add_nodes_from(range(1530, 1540))
write("scale-free", ba)
write("grid", nx.convert_node_labels_to_integers(nx.grid_2d_graph(30, 30)))
PY
"$COALMAP" generate --orgs 2500 --seed 4 -o "$tmp/generated" >/dev/null || fail "generate"

# bound NAME DIR EPSILON DELTA RUNS: RUNS runs, seeds 1..RUNS, then the check
bound() {
	files=
	s=1
	while [ "$s" -le "$5" ]; do
		run metrics "$2" --epsilon "$3" --delta "$4" --sample-seed "$s" --quiet --format csv
		expect_rc 0 "$1: seed $s"
		printf '%s\n' "$out" >"$tmp/$1-$s.csv"
		files="$files $tmp/$1-$s.csv"
		s=$((s + 1))
	done
	checks=$((checks + 1))
	# shellcheck disable=SC2086
	"$PYTHON3" "$top_srcdir/tests/reference/nx_bc_bound.py" "$2" "$3" "$4" $files >"$tmp/verdict" 2>&1 ||
		fail "$1: $(cat "$tmp/verdict")"
	cat "$tmp/verdict"
}

bound broom "$tmp/broom" 0.02 0.1 20
bound florentine "$top_srcdir/datasets/florentine" 0.02 0.1 20
bound education "$top_srcdir/datasets/education-coalition" 0.01 0.1 10
bound grid "$tmp/grid" 0.01 0.1 6
bound scale-free "$tmp/scale-free" 0.01 0.2 8
bound generated "$tmp/generated" 0.01 0.1 6

# the same output for any thread count, and the note says what was promised
run metrics "$tmp/scale-free" --epsilon 0.01 --certify 5 --threads 1 --format csv
expect_rc 0 "one thread"
one=$out
expect_err "random shortest paths" "the note names the sampling"
expect_err "within 0.01 of its exact value with probability at least 90 %" "the note states the promise"
expect_err "top 5 by betweenness" "the note on --certify"
run metrics "$tmp/scale-free" --epsilon 0.01 --certify 5 --threads 2 --format csv
checks=$((checks + 1))
[ "$out" = "$one" ] || fail "--threads 1 and 2 differ"
run metrics "$tmp/scale-free" --epsilon 0.01 --format csv
checks=$((checks + 1))
head -1 "$tmp/out" | grep -q ',betweenness_se,harmonic_se,betweenness_low,betweenness_high$' ||
	fail "the bounded table's last columns: $(head -1 "$tmp/out")"

# --certify: on the broom the path's orgs have clearly different
# betweenness, so the top 5's order is certain, and it is NetworkX's
run metrics "$tmp/broom" --epsilon 0.01 --certify 5 --format csv
expect_rc 0 "certify on the broom"
expect_err "the order of the top 5 by betweenness is certain" "the broom's top 5 certified"
printf '%s\n' "$out" >"$tmp/broom-cert.csv"
checks=$((checks + 1))
"$PYTHON3" - "$tmp/broom" "$tmp/broom-cert.csv" <<'PY' || fail "--certify's order is not NetworkX's"
import csv, sys
import networkx as nx, nx_metrics
orgs, G, _ = nx_metrics.load_graphs(sys.argv[1])
exact = nx.betweenness_centrality(G)
rows = list(csv.DictReader(open(sys.argv[2])))
est = sorted(rows, key=lambda r: -float(r["betweenness"]))[:5]
want = sorted(orgs, key=lambda o: -exact[o])[:5]
sys.exit([r["id"] for r in est] != want)
PY
# a grid's corners-to-centre symmetry: equal values can never be told apart
run metrics "$tmp/grid" --epsilon 0.05 --certify 4 --format csv
expect_rc 0 "certify on the grid"
expect_err "intervals overlap" "equal values are not certified"

# usage errors: exit 64, nothing written
for bad in "--delta 0.1" "--certify 3" "--epsilon 0.01 --weighted" "--epsilon 0.01 --exact" "--epsilon 0" \
	"--epsilon 2" "--epsilon 0.01 --delta 0.9"; do
	# shellcheck disable=SC2086
	run metrics "$tmp/broom" $bad
	expect_rc 64 "metrics $bad"
done

finish
