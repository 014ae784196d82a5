#!/bin/sh
# coalmap stakeholders (docs/stakeholders.md) against an independent
# reference (tests/reference/nx_stakeholders.py: NetworkX for PageRank and
# betweenness, brute force over every 2-block partition for the exact
# frustration index), on a real signed network and planted fixtures.
. "$(dirname "$0")/lib.sh"
ref="$top_srcdir/tests/reference"

# check NAME DIR [--for X] [--at-most K]: runs both and compares
check() {
	name=$1 dir=$2
	shift 2
	focus= atmost=
	while [ $# -gt 0 ]; do
		case $1 in
		--for) focus=$2; shift 2 ;;
		--at-most) atmost=$2; shift 2 ;;
		esac
	done
	run stakeholders "$dir" ${focus:+--for "$focus"} --format csv
	expect_rc 0 "$name: stakeholders"
	printf '%s\n' "$out" >"$tmp/$name.grid.csv"
	run stakeholders "$dir" ${focus:+--for "$focus"} --camps --top 0 --format csv
	expect_rc 0 "$name: stakeholders --camps"
	printf '%s\n' "$out" >"$tmp/$name.camps.csv"
	"$PYTHON3" "$ref/nx_stakeholders.py" "$dir" ${focus:+--for "$focus"} -o "$tmp/$name.json" ||
		fail "$name: the reference failed"
	"$PYTHON3" "$ref/compare_stakeholders.py" "$tmp/$name.json" "$tmp/$name.grid.csv" "$tmp/$name.camps.csv" \
		${atmost:+--at-most "$atmost"} && ok || fail "$name: coalmap and the reference differ"
}

# cell NAME ID COLUMN: one cell of the grid of check NAME
cell() {
	"$PYTHON3" -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["id"] == sys.argv[2]: print(r[sys.argv[3]])' "$tmp/$1.grid.csv" "$2" "$3"
}
# expect_cell NAME ID COLUMN VALUE
expect_cell() {
	checks=$((checks + 1))
	got=$(cell "$1" "$2" "$3")
	[ "$got" = "$4" ] || fail "$1: $2's $3 is '$got', expected '$4'"
}

# ---- a real signed network: the Gahuku-Gama alliance structure of the
# Eastern Central Highlands of New Guinea, 16 tribes, friendship (rova) and
# enmity (hina).  Read, K. E. (1954), Cultures of the Central Highlands, New
# Guinea, Southwestern Journal of Anthropology 10(1): 1-43; as coded in
# UCINET IV's GAMAPOS and GAMANEG (Hage & Harary 1983, Structural Models in
# Anthropology, pp. 56-60).  Facts from a 1954 publication, embedded as the
# two adjacency matrices (upper triangles read).
"$PYTHON3" - "$tmp/gama" <<'PY'
import os, sys
names = "GAVEV KOTUN OVE ALIKA NAGAM GAHUK MASIL UKUDZ NOTOH KOHIK GEHAM ASARO UHETO SEUVE NAGAD GAMA".split()
pos = """0100000000000011 1000000000000011 0001011100000000 0010000100000000
0000001010000100 0010001100110000 0010110100111000 0011011000110000 0000100001001000 0000000010001000
0000011100010000 0000011100100000 0000001011000100 0000100000001000 1100000000000001 1100000000000010""".split()
neg = """0011110000010000 0010110011000000 1100000000000000 1000000000000000 1100000000000011 1100000010001001
0000000000000000 0000000000000100 0100010000100010 0100000000100010 0000000011001011 1000000000000111
0000010000100011 0000000100010001 0000100011111000 0000110000111100""".split()
d = sys.argv[1]
os.makedirs(d, exist_ok=True)
with open(os.path.join(d, "organizations.csv"), "w") as f:
    f.write("id,type\n" + "".join("%s,tribe\n" % n for n in names))
with open(os.path.join(d, "relationships.csv"), "w") as f:
    f.write("source,target,type\n")
    for m, t in ((pos, "alliance"), (neg, "conflict")):
        for i in range(16):
            assert all(m[i][j] == m[j][i] for j in range(16)), "symmetric"
            for j in range(i + 1, 16):
                if m[i][j] == "1":
                    f.write("%s,%s,%s\n" % (names[i], names[j], t))
PY
[ "$(wc -l <"$tmp/gama/relationships.csv")" -eq 59 ] && ok || fail "gama: 58 ties (29 + 29)"
check gama "$tmp/gama"
# the published line index of balance of this network is 7 (Aref & Wilson,
# "Balance and frustration in signed networks", J. Complex Networks 2019)
run stakeholders "$tmp/gama" --camps --format csv
expect_out "signed,network,frustration_index,7,exact" "gama: frustration index 7, exact"

# ---- a second real one, directed and weighted: Sampson's monastery, 18
# novices' three strongest likes and dislikes (ranked 3, 2, 1) at time 3.
# Sampson, S. F. (1968), A Novitiate in a Period of Change, PhD thesis,
# Cornell University; as coded in UCINET IV's SAMPLK3 and SAMPDLK
# (Breiger, Boorman & Arabie 1975).  A pair is negative when either
# dislikes the other.
"$PYTHON3" - "$tmp/sampson" <<'PY'
import os, sys
names = ("ROMUALD BONAVENTURE AMBROSE BERTHOLD PETER LOUIS VICTOR WINFRID JOHN_BOSCO GREGORY HUGH "
         "BONIFACE MARK ALBERT AMAND BASIL ELIAS SIMPLICIUS").split()
like = """011030000000002000 001032000000000000 010000320000000000 012030000000000000 030102000000000000
020000300010000000 001230000000000000 000000003200100000 000000010020000300 000000023000100000
000000013002000000 000000020300100000 000000010300020000 000000000301200000 020000000000100003
000000003000002012 000000000100000203 000000000100000230""".split()
dislike = """000000000000000000 000000000000000000 000000000000000321 000000000100200320 000000002310000000
000000001300000200 000000000310000200 000000000000000000 100000000200300000 000030200000001000
000030200000000010 000010000000003200 000230100000000000 000030000000000120 000200010300000000
000230000200010000 000310200000000000 200010300000000000""".split()
d = sys.argv[1]
os.makedirs(d, exist_ok=True)
with open(os.path.join(d, "organizations.csv"), "w") as f:
    f.write("id,type\n" + "".join("%s,novice\n" % n for n in names))
with open(os.path.join(d, "relationships.csv"), "w") as f:
    f.write("source,target,type,weight,directed\n")
    for m, t in ((like, "like"), (dislike, "conflict")):
        for i in range(18):
            for j in range(18):
                if m[i][j] != "0":
                    f.write("%s,%s,%s,%s,true\n" % (names[i], names[j], t, m[i][j]))
PY
check sampson "$tmp/sampson"

# ---- planted quadrants: three hubs tied to the government, one supports,
# one opposes, one has no stance; the leaves are below the median
mk "$tmp/q" 'id,type,stance,influence\ngov,government,,\nchamp,ngo,support,9\nblock,corporate,oppose,9\nswing,ngo,,9\nlow1,ngo,support,1\nlow2,ngo,oppose,1\nlow3,ngo,neutral,1\nlow4,ngo,,1\n' \
	'source,target,type\nchamp,gov,partnership\nblock,gov,partnership\nswing,gov,partnership\nchamp,low1,partnership\nblock,low2,partnership\nswing,low3,partnership\nswing,low4,partnership\nchamp,swing,partnership\nblock,swing,conflict\n'
check q "$tmp/q"
expect_cell q champ quadrant champion
expect_cell q block quadrant blocker
expect_cell q swing quadrant persuadable
expect_cell q swing alignment ""
for o in low1 low2 low3 low4; do expect_cell q $o quadrant low_priority; done
expect_cell q low3 alignment 0
run stakeholders "$tmp/q" --camps --format csv
case "$out" in *'swing,swing,influence,'*'its stance is unknown'*) ok ;; *) fail "q: swing is a swing actor: $out" ;; esac

# ---- stance per issue: stance:ISSUE columns, words and numbers, alignment
# with one org and with a coalition (hand-counted in docs/stakeholders.md)
mk "$tmp/i" 'id,type,stance,stance:climate,stance:tax,stance:empty\na,ngo,support,support,oppose,\nb,ngo,,support,support,\nc,ngo,oppose,oppose,,\nd,ngo,,,,\ne,ngo,neutral,2,-1,\n' \
	'source,target,type\na,b,partnership\nb,c,partnership\nc,d,partnership\nd,e,partnership\n'
check i "$tmp/i"
expect_cell i a alignment 0.333333333333
expect_cell i b alignment 1
expect_cell i d alignment ""
expect_cell i d issues_compared 0
expect_cell i e alignment 0
expect_err "Column stance:empty has no stance in any row: it is left out" "empty issue column noted"
check ia "$tmp/i" --for a
expect_cell ia a quadrant focus
expect_cell ia b alignment 0
expect_cell ia c alignment -1
expect_cell ia e alignment 0.666666666667
expect_cell ia e issues_compared 3
check iab "$tmp/i" --for a,b
expect_cell iab e alignment 0.333333333333
expect_cell iab c issues_compared 2

# ---- a component too large to enumerate: two planted camps of 15, each a
# ring with chords, enemies across; three ties break the plan (cost 3)
"$PYTHON3" - "$tmp/big" <<'PY'
import os, sys
d = sys.argv[1]; os.makedirs(d, exist_ok=True)
n = 15
A = ["a%d" % i for i in range(n)]; B = ["b%d" % i for i in range(n)]
with open(os.path.join(d, "organizations.csv"), "w") as f:
    f.write("id,type\n" + "".join("%s,ngo\n" % x for x in A + B))
with open(os.path.join(d, "relationships.csv"), "w") as f:
    f.write("source,target,type\n")
    for C in (A, B):
        for i in range(n):
            f.write("%s,%s,partnership\n%s,%s,partnership\n" % (C[i], C[(i + 1) % n], C[i], C[(i + 2) % n]))
    for i in range(n):
        f.write("%s,%s,conflict\n" % (A[i], B[i]))
    f.write("a0,a7,conflict\nb3,b10,conflict\na1,b9,partnership\n")
PY
check big "$tmp/big" --at-most 3
run stakeholders "$tmp/big" --camps --format csv
case "$out" in *"frustration_index,3,upper bound: best of 16 greedy starts"*) ok ;; *) fail "big: the heuristic finds the planted 3 and says it ran: $out" ;; esac

# ---- no conflict ties: a stated empty result, never a silent zero
mk "$tmp/nc" 'id,stance\nx,support\ny,oppose\nz,\n' 'source,target,type\nx,y,partnership\ny,z,partnership\n'
check nc "$tmp/nc"
run stakeholders "$tmp/nc" --camps
expect_out "no conflict ties: balance is trivially 1" "no conflict ties said"

# ---- bad stances: file and line, nothing written
mk "$tmp/bad" 'id,stance:tax\nx,support\ny,maybe\n' 'source,target\nx,y\n'
run stakeholders "$tmp/bad" -o "$tmp/bad.csv"
expect_rc 65 "a stance that is no stance"
expect_err "organizations.csv:3" "its line"
expect_err "stance:tax 'maybe' is not support, neutral or oppose" "what is wrong"
[ ! -e "$tmp/bad.csv" ] && ok || fail "nothing written on error"
mk "$tmp/bad2" 'id,stance:tax\nx,support\ny,5\n' 'source,target\nx,y\n'
run stakeholders "$tmp/bad2"
expect_rc 65 "a stance off the scale"
expect_err "stance:tax '5' is off the stance scale" "off the scale said"
run stakeholders "$tmp/q" --for nobody
expect_rc 64 "an unknown focus org"

# ---- the same output twice, and in every format
run stakeholders "$tmp/gama" --camps
first=$out
run stakeholders "$tmp/gama" --camps
[ "$out" = "$first" ] && ok || fail "same input, same output"
for f in table csv json md html; do
	run stakeholders "$tmp/q" --format $f
	expect_rc 0 "format $f"
done

# ---- the grid picture: every quadrant in the legend with the table's
# counts, the most influential orgs labelled, written whole or not at all
graphviz_leaks
run stakeholders "$tmp/q" --grid "$tmp/q.svg" --format csv
expect_rc 0 "grid as SVG"
printf '%s\n' "$out" >"$tmp/qg.csv"
for qd in champion persuadable blocker low_priority; do
	n=$(grep -c ",$qd," "$tmp/qg.csv")
	[ "$n" -gt 0 ] || continue
	has_text "$tmp/q.svg" "$(echo $qd | tr _ ' ') ($n)" "grid legend counts $qd"
done
has_text "$tmp/q.svg" "Stakeholders: q" "grid title"
has_text "$tmp/q.svg" "alignment: mean stance" "grid axis without a focus"
for o in gov champ block swing; do has_text "$tmp/q.svg" "$o" "grid label $o"; done
run stakeholders "$tmp/i" --for a,b --grid "$tmp/i.png" --title "Issues" --labels 2
expect_rc 0 "grid as PNG"
[ "$(head -c 8 "$tmp/i.png" | od -An -c | tr -d ' ')" = "211PNG\r\n032\n" ] && ok || fail "a PNG"
run stakeholders "$tmp/i" --for a,b --grid "$tmp/i.svg" --labels 2
has_text "$tmp/i.svg" "alignment with a, b" "grid axis with a coalition"
checks=$((checks + 1))
[ "$(texts "$tmp/i.svg" | grep -cx '[a-e]')" -eq 2 ] || fail "--labels 2 labels two orgs"
run stakeholders "$tmp/q" --grid "$tmp/q.gif"
expect_rc 64 "a grid format from an unknown extension"
run stakeholders "$tmp/q" --grid "$tmp/q2.svg" --camps
expect_rc 64 "--grid with --camps"
run stakeholders "$tmp/q" --labels 3
expect_rc 64 "--labels without --grid"
run stakeholders "$tmp/bad" --grid "$tmp/bad.svg"
expect_rc 65 "bad data, no grid"
[ ! -e "$tmp/bad.svg" ] && ok || fail "no grid written on error"

# The long table: stances.csv (org, issue, stance) gives the same stances
# as stance:ISSUE columns, so the same table byte for byte; the map and
# diff read it too.  Its problems are errors at its own lines.
T='source,target,type\na,b,partnership\nb,c,partnership\nc,d,conflict\na,c,partnership\n'
mk "$tmp/wide" 'id,name,type,influence,stance:climate,stance:tax\na,A,ngo,5,support,oppose\nb,B,ngo,3,-2,\nc,C,government,9,neutral,\nd,D,ngo,1,,1\n' "$T"
mk "$tmp/long" 'id,name,type,influence\na,A,ngo,5\nb,B,ngo,3\nc,C,government,9\nd,D,ngo,1\n' "$T"
printf 'org,issue,stance\na,climate,support\nb,climate,-2\nc,climate,neutral\na,tax,oppose\nd,tax,1\n' >"$tmp/long/stances.csv"
for f in table csv; do
	run stakeholders "$tmp/wide" --for a -f $f -o "$tmp/wide.$f"; expect_rc 0 "stance columns ($f)"
	run stakeholders "$tmp/long" --for a -f $f -o "$tmp/long.$f"; expect_rc 0 "stances.csv ($f)"
	checks=$((checks + 1)); cmp -s "$tmp/wide.$f" "$tmp/long.$f" || fail "stances.csv and stance columns differ ($f)"
done
checks=$((checks + 1)); grep -q "issues_compared" "$tmp/long.csv" && grep -q '^b,B,ngo,,3,.*,-1,1,' "$tmp/long.csv" ||
	fail "stances.csv: b opposes a on climate, its only shared issue"
run map "$tmp/long" --color-by stance:tax -o "$tmp/long.svg"; expect_rc 0 "map --color-by a stances.csv issue"
has_text "$tmp/long.svg" "oppose (1)" "map of a stances.csv issue"
mk "$tmp/longbad" 'id,name,type,stance:climate\na,A,ngo,support\nb,B,ngo,\nc,C,ngo,\n' 'source,target\na,b\n'
printf 'org,issue,stance\nzz,tax,support\na,tax,maybe\nb,,support\nb,tax,oppose\nb,TAX,support\nc,tax,\nc,tax,5\na,Climate,oppose\n' >"$tmp/longbad/stances.csv"
run stakeholders "$tmp/longbad" -o "$tmp/longbad.csv"
expect_rc 65 "stances.csv problems"
for e in "stances.csv:2: org 'zz' is not an organization" "stances.csv:3: stance 'maybe' is not support" \
	"stances.csv:4: the issue is empty" "stances.csv:6: a second stance of 'b' on 'TAX'" \
	"stances.csv:7: stance '' is empty" "stances.csv:8: stance '5' is off the stance scale" \
	"stances.csv:9: issue 'Climate' is also a column of organizations.csv"; do
	expect_err "$e" "stances.csv problem: $e"
done
[ ! -e "$tmp/longbad.csv" ] && ok || fail "nothing written on a stances.csv problem"
printf 'who,issue,stance\n' >"$tmp/longbad/stances.csv"
run stakeholders "$tmp/longbad"
expect_rc 65 "stances.csv without its columns"
expect_err "stances.csv:1: the header needs the columns org, issue and stance" "stances.csv header"

# ---- who on your side reaches each swing actor (issue 18, item 5): the
# chain of ties from the --for org or an aligned org of its camp, checked
# against NetworkX (tests/reference/nx_reach.py: multi-source BFS, every
# shortest chain's trust) on planted camps and on the bundled landscape
mk "$tmp/reach" 'id,type,stance,influence\nme,ngo,support,5\nally1,ngo,support,5\nally2,ngo,support,5\nopp,corporate,oppose,9\nopp2,corporate,oppose,3\nopp4,corporate,oppose,2\nsw1,government,neutral,9\nsw2,government,,9\nsw3,media,,9\nx,ngo,neutral,1\ny,ngo,,1\nz,ngo,,1\n' \
	'source,target,type,trust\nme,ally1,partnership,0.9\nme,ally2,partnership,0.8\nally1,ally2,partnership,0.7\nme,opp,conflict,\nally1,opp2,conflict,\nally2,opp,conflict,\nopp,opp2,partnership,0.9\nsw1,ally1,partnership,0.6\nsw1,opp,partnership,0.9\nally2,x,partnership,0.9\nx,sw2,information,0.5\nsw3,opp4,partnership,0.9\nopp4,me,conflict,\ny,z,partnership,\n'
for land in "$tmp/reach me" "$top_srcdir/datasets/education-coalition ke_kibanda"; do
	set -- $land
	run stakeholders "$1" --for "$2" --format csv -o "$tmp/reach.grid.csv"; expect_rc 0 "reach: the grid of $1"
	run stakeholders "$1" --for "$2" --camps --top 0 --format csv -o "$tmp/reach.camps.csv"
	expect_rc 0 "reach: the camps of $1"
	checks=$((checks + 1))
	"$PYTHON3" "$ref/nx_reach.py" "$1" "$tmp/reach.grid.csv" "$tmp/reach.camps.csv" >/dev/null ||
		fail "reach: $1: the chains to swing actors differ from NetworkX's"
done
run stakeholders "$tmp/reach" --for me --camps
case "$out" in *"its stance is unknown (in camp 1); reached from your side in 2 steps: ally2 → x → sw2 (trust 0.45)"*) ok ;;
*) fail "reach: sw2 is two steps from ally2 (0.9 x 0.5): $out" ;; esac
case "$out" in *"sw3 "*"no chain of ties from your side reaches it"*) ok ;; *) fail "reach: nothing leads to sw3: $out" ;; esac
run stakeholders "$tmp/reach" --camps
case "$out" in *"from your side"*) fail "reach: no side without --for: $out" ;; *) ok ;; esac

finish
