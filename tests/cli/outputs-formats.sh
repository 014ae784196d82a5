#!/bin/sh
# ROBUSTNESS.md Outputs, the format rules, for every command that writes a
# table: CSV round-trips through Python's csv module with hostile names
# (quotes, commas, newlines, leading = + - @ tab CR), formula cells are
# neutralised with a leading ', numbers (negative ones too) stay numbers;
# JSON passes `python3 -m json.tool` and keeps text exact; maps of the same
# names pass xmllint.
. "$(dirname "$0")/lib.sh"
graphviz_leaks
L="$tmp/h"
# two groups with ties only across them: negative assortativity in power
mk "$L" 'id,name,type\n=cmd,"=HYPERLINK(""x"")",ngo\n+a,"say ""hi"", then\nbye",donor\n@b,-minus,ngo\n-c,"\ttab",donor\n"\rcr","\rcarriage",ngo\nplain,"a,b",donor\n' \
	'source,target,trust\n=cmd,+a,0.5\n+a,@b,0.9\n@b,-c,0.2\n-c,"\rcr",1\n"\rcr",plain,0.7\n=cmd,-c,0.4\n'
run check "$L"; expect_rc 0 "hostile landscape loads"

i=0
for cmd in "metrics @" "power @ --group-by type" "gaps @" "gaps @ --for =cmd --top 0" "path @ =cmd plain" "check @"; do
	i=$((i + 1))
	args=$(printf '%s' "$cmd" | sed "s|@|$L|")
	# shellcheck disable=SC2086
	run $args --format csv -o "$tmp/o$i.csv"; expect_rc 0 "$cmd csv"
	# shellcheck disable=SC2086
	run $args --format json -o "$tmp/o$i.json"; expect_rc 0 "$cmd json"
	checks=$((checks + 1))
	/usr/bin/python3 -m json.tool "$tmp/o$i.json" >/dev/null 2>"$tmp/j.err" || fail "$cmd: JSON invalid: $(head -2 "$tmp/j.err")"
	"$PYTHON3" - "$tmp/o$i.csv" "$tmp/o$i.json" "$cmd" <<'PY' && ok || fail "$cmd: CSV round trip"
import csv, io, json, sys
raw = open(sys.argv[1], encoding="utf-8", newline="").read()
rows = list(csv.reader(io.StringIO(raw, newline="")))
head, body = rows[0], rows[1:]
assert body, "no rows"
for r in body:
    assert len(r) == len(head), (len(r), len(head), r)
js = json.load(open(sys.argv[2], encoding="utf-8"))
recs = js if isinstance(js, list) else js.get("rows", js)
assert isinstance(recs, list) and len(recs) == len(body), (type(recs), len(body))
hostile = ("=cmd", "+a", "@b", "-c", "\rcr", '=HYPERLINK("x")', 'say "hi", then\nbye', "-minus", "\ttab", "\rcarriage")
seen = 0
for r, rec in zip(body, recs):
    for k, cell in zip(head, r):
        v = rec.get(k)
        if isinstance(v, bool) or v is None:
            continue
        if isinstance(v, (int, float)):
            # a number stays a number, never neutralised
            assert cell != "" and float(cell) == float(v) or abs(float(cell) - v) <= 1e-9 * max(1, abs(v)), (k, cell, v)
            continue
        # text: neutralised iff it starts with = + - @ tab CR; otherwise exact
        if v and v[0] in "=+-@\t\r":
            assert cell == "'" + v, (k, cell, v)
        else:
            assert cell == v, (k, cell, v)
        seen += any(h in v for h in hostile)
# every command but check names at least one hostile org somewhere
assert seen or sys.argv[3].startswith("check"), "no hostile text in the output"
if sys.argv[3].startswith("power"):
    neg = [r for r in body if any(c.startswith("-") and c[1:2].isdigit() for c in r)]
    assert neg, "expected a negative value (assortativity) written as a plain number"
    for r in neg:
        for c in r:
            if c.startswith("-") and c[1:2].isdigit():
                float(c)
PY
done

# terminal tables print ids whole (users copy them into --for, path and
# --group-by) and cut only display names, to 32 characters and an ellipsis
LID=department_of_health_and_human_services_usa
mk "$tmp/long" "id,name,type\n$LID,Department of Health and Human Services of the United States,government\nngo_a,NGO A,ngo\nngo_b,NGO B,ngo\nngo_c,NGO C,ngo\n" \
	"source,target\nngo_a,$LID\nngo_b,$LID\nngo_c,ngo_b\n"
for cmd in "metrics" "power" "gaps" "path ngo_c ngo_a"; do
	# shellcheck disable=SC2086
	set -- $cmd
	c=$1
	shift
	run "$c" "$tmp/long" "$@"; expect_rc 0 "$cmd on a long id"
	expect_out "$LID " "$cmd: the id whole in the table"
	checks=$((checks + 1))
	case "$out" in
	*"$(printf %.32s "$LID")…"*) fail "$cmd: the id cut" ;;
	esac
done
run metrics "$tmp/long"
expect_out "  Department of Health and Human S…  government" "metrics: the name cut to 32 characters"
run gaps "$tmp/long"
expect_out "$LID | ngo_b  bridge_cuts_off" "gaps: a tie's two ids whole"

# maps of the same names are valid XML
if command -v xmllint >/dev/null 2>&1; then
	run map "$L" -o "$tmp/h.svg"; expect_rc 0 "map of hostile names"
	checks=$((checks + 1)); xmllint --noout "$tmp/h.svg" 2>"$tmp/x.err" || fail "invalid SVG: $(head -3 "$tmp/x.err")"
	run map "$L" -o "$tmp/h2.svg" --highlight-gaps =cmd; expect_rc 0 "map with suggestions of hostile names"
	checks=$((checks + 1)); xmllint --noout "$tmp/h2.svg" 2>"$tmp/x.err" || fail "invalid SVG: $(head -3 "$tmp/x.err")"
fi
finish
