#!/bin/sh
# A landscape's schema file, coalmap.ini (docs/schema.md): tie types'
# direction and roles, decision-makers, column renames; `coalmap init`
# writes one from the data.  Reciprocity against NetworkX; access by hand.
. "$(dirname "$0")/lib.sh"

# an information-exchange network: 'advice' is no built-in type
L="$tmp/advice"
mk "$L" 'id,name,type\na,A,ngo\nb,B,ngo\nc,C,ministry\nd,D,ngo\ne,E,ngo\n' \
	'Org,Partner Org,type\na,b,advice\nb,a,advice\nb,c,advice\nd,a,advice\ne,d,advice\nd,e,friendship\n'
run check "$L"; expect_rc 65 "headers coalmap does not know"
expect_err "missing required column 'source' (the header has 'Org', 'Partner Org', 'type'; rename one, or name it in coalmap.ini's [columns]" "the header shown"

printf '# read as a directed network\n[tie types]\nadvice = directed, access   ; who asks whom\nfriendship = mutual\n\n[organizations]\ndecision makers = ministry\n\n[columns]\nOrg = source\nPartner Org = target\n' >"$L/coalmap.ini"
run power "$L" --format csv; expect_rc 0 "with coalmap.ini"
expect_err "coalmap.ini: note: read the landscape's schema: 2 tie types, 2 renamed columns, its decision-makers" "schema noted"
expect_err "note: read the columns 'Org' as source, 'Partner Org' as target" "renames noted"
rec=$(printf '%s\n' "$out" | awk -F, '$3 == "reciprocity" { print $4 }')
# NetworkX: advice one-way, friendship both ways; parallel ties merged
want=$("$PYTHON3" -c '
import networkx as nx
g = nx.DiGraph([("a","b"),("b","a"),("b","c"),("d","a"),("e","d"),("d","e"),("e","d")])
print(nx.reciprocity(g))')
"$PYTHON3" -c "import sys; sys.exit(abs(float('$rec') - float('$want')) > 1e-9)" && ok ||
	fail "reciprocity $rec, NetworkX $want"
# access: only c is a decision-maker; b -> c is an advice (access) tie, so
# b alone has direct access among the 4 others (hand count)
run power "$L" --group-by type --format csv; expect_rc 0 "access by type"
expect_out "access,ministry,decision_makers,1," "ministry is a decision-maker"
expect_out "access,ngo,direct_access_share,0.25," "one of four NGOs has direct access"

# without the file (--schema ''), 'advice' would be mutual: reciprocity 1
printf 'source,target,type\na,b,advice\nb,c,advice\n' >"$tmp/plain.csv"
run power "$tmp/plain.csv" --format csv; expect_rc 0 "no schema"
expect_out "network,,reciprocity,1," "an unknown type is mutual by default"
printf '[tie types]\nadvice = like information\n' >"$tmp/s.ini"
run power "$tmp/plain.csv" --schema "$tmp/s.ini" --format csv; expect_rc 0 "--schema FILE"
expect_out "network,,reciprocity,0," "like information: one-way"

# bad files: every problem at its line, exit 65, nothing written
printf '[tie types]\nadvice = sideways\n[orgs]\nx = 1\n[columns]\nPartner = partner\n' >"$L/coalmap.ini"
run metrics "$L" -o "$tmp/m.csv"; expect_rc 65 "a bad schema"
expect_err "advice/coalmap.ini:2: tie type 'advice': 'sideways' is not a word this line takes" "bad word"
expect_err "advice/coalmap.ini:4: [orgs] is not a section" "bad section"
expect_err "advice/coalmap.ini:6: column 'Partner': 'partner' is not a column coalmap knows" "bad column"
[ ! -e "$tmp/m.csv" ] && ok || fail "output written from a bad schema"
printf 'this is not ini\n' >"$L/coalmap.ini"
run metrics "$L"; expect_rc 65 "not INI"; expect_err "coalmap.ini:1: not a line of an INI file" "not INI"

# coalmap init: guesses marked, then read back
rm "$L/coalmap.ini"
printf 'id,type\na,ngo\nb,ngo\nc,ministry\nd,ngo\ne,ngo\n' >"$L/organizations.csv"
printf 'source,target,type,directed\na,b,advice,\nb,c,advice,\nd,a,advice,\ne,d,rivalry,\nd,e,partnership,\n' >"$L/relationships.csv"
run init "$L"; expect_rc 0 "init"; expect_err "wrote $L/coalmap.ini; check the lines marked GUESS" "init says"
f=$(cat "$L/coalmap.ini")
for line in "advice = directed, access" "(GUESS from its name: like information)" \
	"rivalry = mutual, conflict" "partnership = mutual, access" "decision makers = ministry" \
	"GUESS from the type names"; do
	case $f in *"$line"*) ok ;; *) fail "coalmap.ini lacks '$line'" ;; esac
done
run init "$L"; expect_rc 73 "init over an existing file"; expect_err "exists; edit it, or use --force" "kept"
run power "$L" --format csv; expect_rc 0 "init's file read back"
# a->b, b->c, d->a one-way, d-e both ways, the rivalry left out: 2 of 5 arcs returned
expect_out "network,,reciprocity,0.4," "advice one-way as init guessed"
run init "$L" --force -o -; expect_rc 0 "--force"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '^advice = directed, access *; 3 ties, 3 one-way (as this file said)$' ||
	fail "--force keeps the file's settings: $out"
# the stance scale and words, and the list separator: a survey's 1..5 answers
# (3 is the middle: above supports, below opposes), its own words, Kumu's '|'
S="$tmp/survey"
mk "$S" 'id,name,stance,issues\na,A,5,health|water\nb,B,1,water\nc,C,3,\nd,D,pro, water | schools \ne,E,Oppose,\nf,F,2.5,\n' \
	'source,target,type\na,b,partnership\nc,d,partnership\ne,f,partnership\n'
run check "$S"; expect_rc 65 "stances off the default scale"
expect_err "organizations.csv:2: stance '5' is off the scale -2..2 (coalmap.ini's [stance] scale sets another" "off the scale"
expect_err "organizations.csv:5: stance 'pro' is not support, neutral or oppose, nor a number from -2 to 2" "an unknown word"
printf '[stance]\nscale = 1..5\nsupport = pro, for\n[organizations]\nlist separator = |\n' >"$S/coalmap.ini"
run convert "$S" "$tmp/survey-out"; expect_rc 0 "with [stance] and a list separator"
expect_err "read the landscape's schema: 0 tie types, 0 renamed columns, 2 stance words, stance scale 1..5, lists separated by '|'" "noted"
# by hand: 5 > 3 support, 1 < 3 oppose, 3 neutral, pro = support, 2.5 < 3 oppose
want='a,A,health;water,support
b,B,water,oppose
c,C,,neutral
d,D,water;schools,support
e,E,,oppose
f,F,,oppose'
got=$(tail -n +2 "$tmp/survey-out/organizations.csv")
[ "$got" = "$want" ] && ok || fail "stances and lists read as: $got"
run init "$S" --force -o -; expect_rc 0 "init keeps [stance] and the separator"
for line in "scale = 1..5" "support = pro, for" "list separator = |"; do
	case $out in *"
$line"*) ok ;; *) fail "init --force lacks '$line': $out" ;; esac
done
printf '[stance]\nscale = 5..1\nsupport = oppose\nmaybe = x\n[organizations]\nlist separator = ab\n' >"$S/coalmap.ini"
run check "$S"; expect_rc 65 "bad [stance] lines"
expect_err "coalmap.ini:2: stance scale '5..1' is not LOW..HIGH, LOW below HIGH" "reversed scale"
expect_err "coalmap.ini:3: stance word 'oppose' already has a meaning" "a built-in word redefined"
expect_err "coalmap.ini:4: [stance]: 'maybe' is not a setting" "unknown setting"
expect_err "coalmap.ini:6: list separator 'ab' is not one character" "two-character separator"
# init on data that do not load: a starting file with the columns guessed,
# then init --force on the same folder describes the rest
I="$tmp/start"
mk "$I" 'Org Name,Kind\na,ngo\nb,ministry\n' 'Org,Partner Org,type\na,b,advice\n'
run init "$I"; expect_rc 0 "init on headers that do not load"
expect_err "missing required column 'source'" "the errors are printed"
expect_err "3 errors; the data do not load yet" "the verdict"
expect_err "wrote $I/coalmap.ini as a start" "a starting file"
f=$(cat "$I/coalmap.ini")
for line in "Org Name = id   ; GUESS" "Org = source   ; GUESS" "Partner Org = target   ; GUESS" \
	"has the columns: Org, Partner Org, type"; do
	case $f in *"$line"*) ok ;; *) fail "the starting coalmap.ini lacks '$line'" ;; esac
done
run init "$I" --force; expect_rc 0 "init --force once the columns are named"
f=$(cat "$I/coalmap.ini")
for line in "Org = source" "advice = directed, access" "decision makers = ministry"; do
	case $f in *"$line"*) ok ;; *) fail "init --force lacks '$line'" ;; esac
done
# an existing file is never replaced by a starting one, even with --force
printf 'Who,Whom\na,b\n' >"$I/relationships.csv"
cp "$I/coalmap.ini" "$tmp/before.ini"
run init "$I" --force; expect_rc 65 "a starting file over an existing one"
expect_err "nothing written: $I/coalmap.ini exists" "said"
checks=$((checks + 1)); cmp -s "$I/coalmap.ini" "$tmp/before.ini" || fail "the existing coalmap.ini changed"
finish
