#!/bin/sh
# Safe to share (issue 23, docs/sharing.md): with --anonymise and
# --drop-columns, no output of any command, in any format, holds a secret:
# every byte is searched (xlsx unzipped, PNG text chunks, PDF text through
# its fonts' Unicode maps and its metadata) by tests/reference/leaks.py,
# which first proves on the unshared outputs that it finds the secrets
# there.  Then: the anonymised export's metrics, mapped back through the
# key, equal the original's exactly; the same options give the same bytes;
# bad options and a key made for another landscape write nothing.
. "$(dirname "$0")/lib.sh"
graphviz_leaks
leaks="$PYTHON3 $top_srcdir/tests/reference/leaks.py"

L="$tmp/land"
# Two grassroots orgs must stay unnamed; emails and phones never leave.
mk "$L" 'id,name,type,region,issues,stance,email,phone,description
zx-quill,Zephyrine Quill Sisters,grassroots,Sahel,gender;rights,support,quill@hidden-mail.example,+227 555 0101,Defenders in Tillaberi
vx-moth,Vantablack Moth Union,grassroots,Sahel,rights,support,moth@hidden-mail.example,+227 555 0102,
ox,Oxfam,ingo,Europe,rights;gender,support,info@oxfam.example,,Partner of Zephyrine Quill Sisters since 2019
un,UN Women,un,Global,gender,neutral,,,
gf,Global Fund,donor,Europe,gender,,gf@fund.example,,Funds vx-moth
mn,Ministry of Gender,government,Sahel,gender,oppose,,,
am,Amnesty,ingo,Europe,rights,support,,,
' 'source,target,type,weight,notes
zx-quill,ox,partnership,2,met at the Kettlewick safehouse
vx-moth,zx-quill,coalition,1,
gf,vx-moth,funding,1,
gf,ox,funding,3,annual grant; Vantablack Moth Union copied
ox,un,access,1,
am,ox,partnership,1,
un,mn,access,1,
am,mn,access,1,
mn,vx-moth,conflict,1,
'
# the second wave: one tie more
mkdir -p "$tmp/land2"
cp "$L/organizations.csv" "$tmp/land2/"
{ cat "$L/relationships.csv"; echo 'am,vx-moth,partnership,1,'; } >"$tmp/land2/relationships.csv"

cat >"$tmp/secrets" <<'EOF'
zx-quill
Zephyrine Quill Sisters
vx-moth
Vantablack Moth Union
hidden-mail.example
oxfam.example
fund.example
555 0101
555 0102
Kettlewick
Tillaberi
EOF

# every output of the commands below, into directory $1, with options $2
outputs() { # DIR OPTIONS
	d=$1
	shift
	mkdir -p "$d"
	for f in txt csv json md html; do
		t=$f
		[ $f = txt ] && t=table
		"$COALMAP" metrics "$L" "$@" -o "$d/metrics.$f" -f $t 2>/dev/null || return 1
		"$COALMAP" power "$L" "$@" -o "$d/power.$f" -f $t 2>/dev/null || return 1
		"$COALMAP" gaps "$L" --for ox --role all "$@" -o "$d/gaps.$f" -f $t 2>/dev/null || return 1
		"$COALMAP" gaps "$L" "$@" -o "$d/gaps-landscape.$f" -f $t 2>/dev/null || return 1
		"$COALMAP" check "$L" "$@" -o "$d/check.$f" -f $t 2>/dev/null || return 1
		"$COALMAP" path "$L" zx-quill mn "$@" -o "$d/path.$f" -f $t 2>/dev/null || return 1
		"$COALMAP" diff "$L" "$tmp/land2" "$@" -o "$d/diff.$f" -f $t 2>/dev/null || return 1
		"$COALMAP" stakeholders "$L" --for ox "$@" -o "$d/stake.$f" -f $t 2>/dev/null || return 1
		"$COALMAP" stakeholders "$L" --camps "$@" -o "$d/camps.$f" -f $t 2>/dev/null || return 1
	done
	# what the user types still finds the orgs: their own id and name
	"$COALMAP" gaps "$L" --for zx-quill "$@" -o "$d/gaps-secret.csv" 2>/dev/null || return 1
	"$COALMAP" gaps "$L" --for zx-quill,vx-moth "$@" -o "$d/gaps-coalition.csv" 2>/dev/null || return 1
	"$COALMAP" path "$L" "Zephyrine Quill Sisters" un "$@" -o "$d/path-name.csv" 2>/dev/null || return 1
	"$COALMAP" report "$L" --for zx-quill "$@" -o "$d/report.html" 2>/dev/null || return 1
	"$COALMAP" report "$L" "$@" -o "$d/report.md" 2>/dev/null || return 1
	for f in svg png pdf dot; do
		"$COALMAP" map "$L" "$@" -o "$d/map.$f" 2>/dev/null || return 1
	done
	for f in svg pdf; do
		"$COALMAP" stakeholders "$L" --labels 10 "$@" --grid "$d/grid.$f" -o "$d/stake-grid.txt" 2>/dev/null || return 1
	done
	"$COALMAP" map "$L" --ego zx-quill --highlight-gaps ox "$@" -o "$d/map-ego.svg" 2>/dev/null || return 1
	"$COALMAP" map "$L" --where type=grassroots "$@" -o "$d/map-where.pdf" 2>/dev/null || return 1
	"$COALMAP" explore "$L" "$@" -o "$d/explore.html" 2>/dev/null || return 1
	for f in graphml gml gexf xlsx; do
		"$COALMAP" convert "$L" "$d/land.$f" "$@" 2>/dev/null || return 1
	done
	"$COALMAP" convert "$L" "$d/kumu.xlsx" --kumu "$@" 2>/dev/null || return 1
	"$COALMAP" convert "$L" "$d/landscape" "$@" 2>/dev/null || return 1
}

# the yardstick finds the secrets where they are
checks=$((checks + 1))
outputs "$tmp/plain" || fail "the commands fail without sharing options"
for f in metrics.csv stake.csv camps.csv grid.svg grid.pdf gaps.json path.html report.html report.md map.svg map.pdf map-where.pdf map.dot explore.html \
	land.graphml land.gml land.gexf land.xlsx kumu.xlsx landscape/organizations.csv landscape/relationships.csv; do
	checks=$((checks + 1))
	$leaks --expect "$tmp/secrets" "$tmp/plain/$f" || fail "leaks.py finds no secret in the unshared $f"
done

# shared: nothing of the secrets in any byte
checks=$((checks + 1))
outputs "$tmp/shared" --anonymise type=grassroots --drop-columns email,phone ||
	fail "a command fails with --anonymise type=grassroots --drop-columns email,phone"
n=$(find "$tmp/shared" -type f | wc -l)
checks=$((checks + 1))
[ "$n" -ge 50 ] || fail "only $n shared outputs were written"
checks=$((checks + 1))
# where the data live is not said either (the report's footer names the files only)
{ cat "$tmp/secrets"; echo "$L"; } >"$tmp/secrets+path"
found=$(find "$tmp/shared" -type f -print0 | xargs -0 $leaks "$tmp/secrets+path")
[ -z "$found" ] || fail "secrets in shared outputs: $found"

# the pseudonyms stand where the orgs stood
checks=$((checks + 1))
grep -q '^Organisation [12],Organisation [12],grassroots,Sahel' "$tmp/shared/landscape/organizations.csv" ||
	fail "the anonymised orgs are not under pseudonyms with their type and region kept"
checks=$((checks + 1))
grep -q 'Partner of Organisation [12] since 2019' "$tmp/shared/landscape/organizations.csv" ||
	fail "a public org's description does not name the anonymised org by its pseudonym"
checks=$((checks + 1))
grep -q '^Organisation [12],ox,partnership,2,false,$' "$tmp/shared/landscape/relationships.csv" ||
	fail "the anonymised org's tie keeps its notes"

# anonymise all with a key: the export's metrics, mapped back, are the original's
run convert "$L" "$tmp/all" --anonymise all --key "$tmp/key.csv"
expect_rc 0 "convert --anonymise all --key"
checks=$((checks + 1))
[ "$(stat -c %a "$tmp/key.csv")" = 600 ] || fail "the key is readable by others"
"$COALMAP" metrics "$L" -f csv >"$tmp/m-orig.csv" 2>/dev/null
"$COALMAP" metrics "$tmp/all" -f csv >"$tmp/m-anon.csv" 2>/dev/null
checks=$((checks + 1))
"$PYTHON3" - "$tmp/key.csv" "$tmp/m-orig.csv" "$tmp/m-anon.csv" <<'EOF' || fail "metrics differ through the key"
import csv, sys
key = {r["pseudonym"]: (r["id"], r["name"]) for r in csv.DictReader(open(sys.argv[1]))}
orig = {r["id"]: r for r in csv.DictReader(open(sys.argv[2]))}
anon = list(csv.DictReader(open(sys.argv[3])))
assert len(key) == len(orig) == len(anon) == 7, (len(key), len(orig), len(anon))
nums = sorted(key, key=lambda p: int(p.split()[-1]))
assert nums == ["Organisation %d" % i for i in range(1, 8)], nums
for r in anon:
    oid, name = key[r["id"]]
    o = orig[oid]
    assert o["name"] == name, (o["name"], name)
    for c in r:
        if c not in ("id", "name"):
            assert r[c] == o[c], (oid, c, r[c], o[c])
# the numbering shows neither file nor alphabetical order
order = [key["Organisation %d" % i][0] for i in range(1, 8)]
assert order != [r["id"] for r in csv.DictReader(open(sys.argv[2]))], order
assert order != sorted(order), order
EOF

# the key is reused: the same pseudonyms, the same bytes
cp "$tmp/key.csv" "$tmp/key0.csv"
run map "$L" --anonymise all --key "$tmp/key.csv" -o "$tmp/a.svg"
run map "$L" --anonymise all --key "$tmp/key.csv" -o "$tmp/b.svg"
checks=$((checks + 1))
cmp -s "$tmp/a.svg" "$tmp/b.svg" || fail "the same key and options give different maps"
checks=$((checks + 1))
cmp -s "$tmp/key.csv" "$tmp/key0.csv" || fail "a reused key was rewritten"
run convert "$tmp/land2" "$tmp/w2.xlsx" --anonymise all --key "$tmp/key.csv"
run convert "$tmp/land2" "$tmp/w2b.xlsx" --anonymise all --key "$tmp/key.csv"
checks=$((checks + 1))
cmp -s "$tmp/w2.xlsx" "$tmp/w2b.xlsx" || fail "the same key and options give different workbooks"
# without a key: the same landscape, the same pseudonyms
run metrics "$L" --anonymise type=grassroots -f csv
first=$out
run metrics "$L" --anonymise type=grassroots -f csv
is_same=0
[ "$out" = "$first" ] && is_same=1
checks=$((checks + 1))
[ $is_same = 1 ] || fail "anonymising twice without a key numbers differently"

# diff: both waves under the same pseudonyms, so only the new tie shows
run diff "$L" "$tmp/land2" --anonymise all -f csv
expect_rc 0 "diff --anonymise all"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c 'org_added\|org_removed')" = 0 ] ||
	fail "diff --anonymise shows orgs added or removed: $out"

# bad options: exit 64, a did-you-mean, nothing written
run metrics "$L" --drop-columns emial -o "$tmp/bad1.csv"
expect_rc 64 "--drop-columns emial"
expect_err "did you mean 'email'" "--drop-columns emial"
checks=$((checks + 1))
[ ! -e "$tmp/bad1.csv" ] || fail "--drop-columns emial wrote its output"
run metrics "$L" --anonymise type=grasroots -o "$tmp/bad2.csv"
expect_rc 64 "--anonymise type=grasroots"
expect_err "did you mean 'grassroots'" "--anonymise type=grasroots"
run metrics "$L" --anonymise tpye=grassroots
expect_rc 64 "--anonymise tpye="
expect_err "did you mean 'type'" "--anonymise tpye="
run metrics "$L" --drop-columns id
expect_rc 64 "--drop-columns id"
run metrics "$L" --anonymise-drop region
expect_rc 64 "--anonymise-drop without --anonymise"
checks=$((checks + 1))
[ ! -e "$tmp/bad2.csv" ] || fail "--anonymise type=grasroots wrote its output"
# a key made for another landscape
mk "$tmp/other" 'id,name\np1,Alpha\np2,Beta\n' 'source,target\np1,p2\n'
"$COALMAP" convert "$tmp/other" "$tmp/o.xlsx" --anonymise all --key "$tmp/okey.csv" 2>/dev/null
cp "$tmp/okey.csv" "$tmp/okey0.csv"
run map "$L" --anonymise all --key "$tmp/okey.csv" -o "$tmp/bad3.svg"
expect_rc 65 "a key made for another landscape"
expect_err "made for another landscape" "a key made for another landscape"
checks=$((checks + 1))
[ ! -e "$tmp/bad3.svg" ] && cmp -s "$tmp/okey.csv" "$tmp/okey0.csv" || fail "a wrong key wrote something"
# the same ids naming other orgs: another landscape too
printf 'pseudonym,id,name\nOrganisation 1,ox,Someone Else\nOrganisation 2,un,Another\n' >"$tmp/skey.csv"
run metrics "$L" --anonymise all --key "$tmp/skey.csv"
expect_rc 65 "a key whose ids name other orgs"

# where an org is drawn (GEXF's viz position, Kumu's map) stays with it
mk "$tmp/lay" 'id,name,type,viz_x,viz_y,email\na,Alpha,ngo,1.5,2,a@x.example\nb,Beta,ngo,3,4,\n' 'source,target\na,b\n'
run convert "$tmp/lay" "$tmp/lay-out" --anonymise id=a
checks=$((checks + 1))
grep -qx 'Organisation 1,Organisation 1,ngo,1.5,2,' "$tmp/lay-out/organizations.csv" ||
	fail "an anonymised org loses its position or keeps its email: $(cat "$tmp/lay-out/organizations.csv")"

# coalmap.ini: sensitive columns and a default filter; init guesses them
cp -r "$L" "$tmp/ini"
run init "$tmp/ini"
expect_rc 0 "init"
checks=$((checks + 1))
grep -qx 'sensitive = email, phone, notes' "$tmp/ini/coalmap.ini" ||
	fail "init does not guess email, phone and notes sensitive: $(grep sensitive "$tmp/ini/coalmap.ini")"
printf 'anonymise = type=grassroots\n' >>"$tmp/ini/coalmap.ini"
run convert "$tmp/ini" "$tmp/ini.gexf"
expect_rc 0 "convert with coalmap.ini's [sharing]"
checks=$((checks + 1))
found=$($leaks "$tmp/secrets" "$tmp/ini.gexf")
[ -z "$found" ] || fail "coalmap.ini's [sharing] leaks: $found"
run metrics "$tmp/ini" --anonymise none --include-sensitive -f csv
expect_out "Zephyrine Quill Sisters" "--anonymise none overrides coalmap.ini"

finish
