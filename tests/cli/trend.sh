#!/bin/sh
# coalmap trend: each wave's figures equal `coalmap power` on that wave
# alone (the value column, byte for byte), the orgs that rose and fell equal
# an independent NetworkX computation on waves with planted changes, the
# chart is a real PNG / SVG / PDF of the expected size, the same input gives
# the same bytes, and bad input is refused or noted clearly.
. "$(dirname "$0")/lib.sh"
graphviz_leaks
d=$tmp/waves
edu=$top_srcdir/datasets/education-coalition

# Three waves of ten orgs.  Planted: a is the hub of w1 and a leaf in w3;
# h is a leaf in w1 and the hub of w3; x is in w2 only (not followed);
# regions for --group-by; decision-makers (type government) for access.
orgs='id,name,type,region\na,Alpha,ngo,north\nb,Beta,ngo,north\nc,Gamma,government,north\nd,Delta,ngo,south\ne,Epsilon,ngo,south\nf,Phi,government,south\ng,Gee,ngo,east\nh,Eta,ngo,east\ni,Iota,ngo,east\nj,Jay,ngo,east\n'
mk "$d/w1" "$orgs" 'source,target\na,b\na,c\na,d\na,e\na,f\nf,g\ng,h\nb,i\ni,j\nd,e\n'
mk "$d/w2" "${orgs}x,Ex,ngo,north\n" 'source,target\na,b\na,c\nd,e\nh,g\nh,i\nf,g\ng,x\nb,i\ni,j\nh,d\nh,j\n'
mk "$d/w3" "$orgs" 'source,target\nh,a\nh,b\nh,c\nh,d\nh,e\nh,g\nf,g\nb,i\ni,j\nd,e\nc,j\n'

# ---- each wave's figures equal coalmap power on it alone
for g in "" "--group-by region"; do
	# shellcheck disable=SC2086
	run trend "$d/w1" "$d/w2" "$d/w3" $g --top 0 -f csv -o "$tmp/trend.csv"
	expect_rc 0 "trend on three landscapes $g"
	for w in 1 2 3; do
		# shellcheck disable=SC2086
		"$COALMAP" power "$d/w$w" $g --permutations 0 -f csv -o "$tmp/power$w.csv"
	done
	if "$PYTHON3" - "$tmp/trend.csv" "$tmp/power1.csv" "$tmp/power2.csv" "$tmp/power3.csv" ${g:+groups} <<'EOF' >"$tmp/cmp" 2>&1; then ok; else fail "figures $g differ from power: $(cat "$tmp/cmp")"; fi
import csv, sys
figs = {"network", "centralization", "inequality", "money_and_position", "funding"}
groups = len(sys.argv) > 5
trend = list(csv.reader(open(sys.argv[1], newline="")))
head = trend[0]
seen = {}
for r in trend[1:]:
    if r[0] in figs or (groups and r[0] in ("groups", "access")):
        seen[(r[0], r[1], r[2])] = r
n = 0
for w, path in enumerate(sys.argv[2:5]):
    for r in list(csv.reader(open(path, newline="")))[1:]:
        if not (r[0] in figs and not r[1]) and not (groups and r[0] in ("groups", "access")):
            continue
        t = seen.get((r[0], r[1], r[2]))
        if t is None or t[3 + w] != r[3]:
            sys.exit("wave %d %s: power %r, trend %r" % (w + 1, r[:3], r[3], t and t[3 + w]))
        n += 1
assert n > 60, n
assert head[3:6] == ["w1", "w2", "w3"] and head[6:] == ["change", "reading"], head
EOF
done

# ---- with --at: each date's figures equal power --at on that date
run trend "$edu" --at 2016-01-01,2019-01-01,2022-01-01,2025-01-01 -f csv -o "$tmp/edu.csv"
expect_rc 0 "trend --at on education-coalition"
col=4
for day in 2016-01-01 2019-01-01 2022-01-01 2025-01-01; do
	"$COALMAP" power "$edu" --at $day --permutations 0 --key-players 0 -f csv |
		awk -F, '$1 ~ /^(network|centralization|inequality|money_and_position)$/ && $2 == "" { print $1, $3, $4 }' >"$tmp/p"
	awk -F, -v c=$col '$1 ~ /^(network|centralization|inequality|money_and_position)$/ && $2 == "" { print $1, $3, $c }' \
		"$tmp/edu.csv" >"$tmp/t"
	checks=$((checks + 1))
	[ -s "$tmp/p" ] && cmp -s "$tmp/p" "$tmp/t" || fail "--at $day: figures differ from power --at: $(diff "$tmp/p" "$tmp/t" | head -4)"
	col=$((col + 1))
done

# ---- rising and falling: ranks on normalized betweenness among the orgs of
# every wave (mean rank for ties), against NetworkX
for by in betweenness_norm degree; do
	run trend "$d/w1" "$d/w2" "$d/w3" --by $by --top 0 -f csv -o "$tmp/rank.csv"
	expect_rc 0 "trend --by $by"
	if "$PYTHON3" - "$d" "$tmp/rank.csv" $by <<'EOF' >"$tmp/cmp" 2>&1; then ok; else fail "ranks on $by differ from NetworkX: $(cat "$tmp/cmp")"; fi
import csv, sys, networkx as nx
base, got_path, by = sys.argv[1], sys.argv[2], sys.argv[3]
waves = []
for w in ("w1", "w2", "w3"):
    orgs = [r["id"] for r in csv.DictReader(open("%s/%s/organizations.csv" % (base, w)))]
    G = nx.Graph()
    G.add_nodes_from(orgs)
    G.add_edges_from((r["source"], r["target"]) for r in csv.DictReader(open("%s/%s/relationships.csv" % (base, w))))
    v = nx.betweenness_centrality(G) if by == "betweenness_norm" else dict(G.degree())
    waves.append((orgs, v))
common = [o for o in waves[0][0] if all(o in w[0] for w in waves)]
def ranks(v):
    s = sorted(common, key=lambda o: -v[o])
    r, i = {}, 0
    while i < len(s):
        j = i
        while j < len(s) and abs(v[s[j]] - v[s[i]]) <= 1e-9 * max(abs(v[s[i]]), abs(v[s[j]])) + 1e-12:
            j += 1
        for k in range(i, j):
            r[s[k]] = (i + 1 + j) / 2
        i = j
    return r
R = [ranks(w[1]) for w in waves]
moved = [(o, R[2][o] - R[0][o]) for o in common if R[2][o] != R[0][o]]
moved.sort(key=lambda m: (-abs(m[1]), common.index(m[0])))
want = [("rising", o, [r[o] for r in R]) for o, c in moved if c < 0] + \
       [("falling", o, [r[o] for r in R]) for o, c in moved if c > 0]
got = [(r[0], r[1], [float(x) for x in r[3:6]]) for r in csv.reader(open(got_path, newline=""))
       if r[0] in ("rising", "falling")]
if got != want:
    sys.exit("want %s\ngot  %s" % (want, got))
assert want and want[0][1] == "h" and any(w[1] == "a" and w[0] == "falling" for w in want), want
EOF
done
run trend "$d/w1" "$d/w2" "$d/w3" -f csv
checks=$((checks + 1))
echo "$out" | grep -q '^notes,w2,orgs_not_followed,.*w2: 1 of its 11 organizations is missing' ||
	fail "the org missing from w1 and w3 is noted: $out"
run trend "$d/w1" "$d/w2" "$d/w1" -f csv
checks=$((checks + 1))
[ "$(echo "$out" | head -1)" = "section,subject,measure,w1,w2,w1 (wave 3),change,reading" ] ||
	fail "a wave named again is told apart: $(echo "$out" | head -1)"
run trend "$d/w1" "$d/w2" "$d/w3" --top 1 -f csv
checks=$((checks + 1))
[ "$(echo "$out" | grep -c '^rising,')" -eq 1 ] && [ "$(echo "$out" | grep -c '^falling,')" -eq 1 ] ||
	fail "--top 1 lists one rising and one falling org"

# ---- the chart: formats, size, determinism
run trend "$d/w1" "$d/w2" "$d/w3" --group-by region -f csv -o "$tmp/a.csv" --chart "$tmp/a.png"
expect_rc 0 "--chart PNG"
checks=$((checks + 1))
[ "$(head -c 8 "$tmp/a.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the PNG starts with PNG's magic"
# 2 columns of 340 points, 3 rows of 200 and the title's 32, at 144 dpi (x2)
checks=$((checks + 1))
[ "$(od -An -tu1 -j16 -N8 "$tmp/a.png" | tr -s ' ' | sed 's/^ //')" = "0 0 5 80 0 0 4 240" ] ||
	fail "the PNG is 1360 x 1264 pixels: $(od -An -tu1 -j16 -N8 "$tmp/a.png")"
run trend "$d/w1" "$d/w2" "$d/w3" --group-by region -f csv -o "$tmp/b.csv" --chart "$tmp/b.png"
checks=$((checks + 1))
cmp -s "$tmp/a.png" "$tmp/b.png" && cmp -s "$tmp/a.csv" "$tmp/b.csv" || fail "the same waves, the same table and PNG"
for f in svg pdf; do
	"$COALMAP" trend "$d/w1" "$d/w2" "$d/w3" --group-by region -o "$tmp/a.csv" --chart "$tmp/a.$f" 2>/dev/null
	"$COALMAP" trend "$d/w1" "$d/w2" "$d/w3" --group-by region -o "$tmp/a.csv" --chart "$tmp/b.$f" 2>/dev/null
	checks=$((checks + 1))
	cmp -s "$tmp/a.$f" "$tmp/b.$f" || fail "the same waves, the same $f"
done
checks=$((checks + 1))
[ "$(head -c 5 "$tmp/a.pdf")" = "%PDF-" ] || fail "the PDF starts with %PDF-"
if command -v xmllint >/dev/null 2>&1; then
	checks=$((checks + 1))
	xmllint --noout "$tmp/a.svg" 2>"$tmp/x" || fail "the SVG parses: $(cat "$tmp/x")"
	checks=$((checks + 1))
	[ "$(xmllint --xpath 'string(/*[local-name()="svg"]/@width)' "$tmp/a.svg")" = 680pt ] &&
		[ "$(xmllint --xpath 'string(/*[local-name()="svg"]/@height)' "$tmp/a.svg")" = 632pt ] ||
		fail "the SVG is 680 x 632 points"
else
	echo "SKIP: xmllint is not installed: the SVG is not parsed"
fi

# ---- bad input
run trend "$d/w1"
expect_rc 64 "one wave"
expect_err "trend needs two waves or more" "one wave: the message"
run trend "$edu" --at 2019-01-01
expect_rc 64 "one date"
expect_err "trend needs two waves or more" "one date: the message"
run trend "$edu" --at 2019-01-01,2019-01-01
expect_rc 64 "the same date twice"
expect_err "--at gives the day 2019-01-01 twice" "the same date twice: the message"
run trend "$edu" --at 2022-01-01,2019-01-01
expect_rc 64 "dates out of order"
run trend "$d/w1" "$d/w2" --at 2019-01-01,2020-01-01
expect_rc 64 "--at with two landscapes"
run trend "$d/w1" "$d/w2" --chart "$tmp/c.gif"
expect_rc 64 "a chart format that is not png, svg or pdf"
run trend "$d/w1" "$d/w2" --by community
expect_rc 64 "--by a category"
run trend "$edu" --at 1990-01-01,2019-01-01 -f csv
expect_rc 0 "a date that selects no tie"
expect_err "note: no tie existed on 1990-01-01" "a date that selects no tie: noted"
run trend "$edu" --at 1990-01-01,1991-01-01 -o "$tmp/none.csv"
expect_rc 65 "dates that select no tie at all"
expect_err "no wave has a tie" "dates that select no tie at all: the message"
checks=$((checks + 1))
[ ! -e "$tmp/none.csv" ] || fail "dates that select no tie at all: nothing written"
mk "$d/other" 'id,name\np,P\nq,Q\nr,R\n' 'source,target\np,q\nq,r\n'
run trend "$d/w1" "$d/other" -f csv
expect_rc 0 "a wave with no org in common"
expect_err "wave other has no organization in common" "a wave with no org in common: noted"
expect_err "position changes undefined: no organization is in every wave" "no org in every wave: noted"
checks=$((checks + 1))
echo "$out" | grep -q '^rising\|^falling' && fail "no org in every wave: nobody rises or falls"

finish
