#!/bin/sh
# coalmap explore (docs/explore.md): the page is self-contained (no
# http(s) reference, a strict Content-Security-Policy whose hashes match
# the page's own script and style), hostile names stay inside the JSON
# data, escaped, and the data's metrics are those of coalmap metrics.
# tests/cli/explore-browser.sh drives the page in Chromium.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/explore-fixture.sh"
graphviz_leaks

run explore "$L" -o "$tmp/x.html"
expect_rc 0 "explore"
run metrics "$L" -f csv
expect_rc 0 "metrics"
printf '%s\n' "$out" >"$tmp/m.csv"

"$PYTHON3" - "$tmp/x.html" "$tmp/m.csv" "$L" <<'PY' && ok || fail "the page (see above)"
import base64, csv, hashlib, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
bad = []
def check(cond, what):
    if not cond:
        bad.append(what)
# the one URI allowed: the SVG namespace Save as SVG writes (a name, never
# fetched), once, as a string of the script
check(page.count('"http://www.w3.org/2000/svg"') == 1, "the SVG namespace, once")
check(not re.search(r"https?://", page.replace('"http://www.w3.org/2000/svg"', '""', 1), re.I), "no other http(s) reference")
csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
check(csp, "a Content-Security-Policy meta")
csp = csp.group(1) if csp else ""
check(csp.startswith("default-src 'none';"), "CSP default-src 'none'")
check("unsafe-inline" not in csp and "unsafe-eval" not in csp, "no unsafe-inline nor unsafe-eval")
h = lambda s: "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
styles = re.findall(r"<style>(.*?)</style>", page, re.S)
check(len(scripts) == 1 and len(styles) == 1, "one script, one style")
check(all("script-src " + h(s) in csp for s in scripts), "the script's hash in script-src")
check(all("style-src " + h(s) in csp for s in styles), "the style's hash in style-src")
# the hostile names occur only inside the data element, escaped
m = re.search(r'<script type="application/json" id="coalmap-data">(.*?)</script>', page, re.S)
check(m, "the data element")
raw = m.group(1) if m else "{}"
outside = page.replace(raw, "")
check(not re.search(r"\bsrc\s*=|<link|@import|\burl\(", outside, re.I), "no src, link, import or url()")
for s in ("<script>alert", "<img", "onerror", "\u2028", "\u2029", "N" * 100, "<b>x"):
    check(s not in outside, "%r outside the data" % s)
check(raw.count("N" * 5000) == 1, "the long name in the data, once")
check(re.fullmatch(r"[^<>&\u2028\u2029]*", raw), "no < > & U+2028 U+2029 in the data")
d = json.loads(raw)
orgs = {o["id"]: o for o in d["orgs"]}
check(orgs["h1"]["name"] == "<script>alert(1)</script>", "h1's name round-trips")
check(orgs["h2"]["name"] == '"><img src=x onerror=alert(1)>', "h2's name round-trips")
check(orgs["long"]["name"] == "N" * 5000, "the 5,000-character name round-trips")
check(d["attrs"] == ["region", "stance"], "the filled attributes")
check(orgs["h2"]["a"] == ["line\u2028sep\u2029para", "oppose"], "U+2028 and U+2029 round-trip")
check(orgs["h1"]["a"] == ["</script><b>x", ""], "an attribute with markup round-trips")
check(all("x" in o and "y" in o for o in d["orgs"]), "every org has a place")
check(len(d["ties"]) == 8, "8 ties")
# metrics equal coalmap metrics -f csv, column by column
names = [c["name"] for c in d["metrics"]]
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
check(len(rows) == len(d["orgs"]), "one metrics row per org")
check(set(names) == set(rows[0]) - {"id", "name", "type"}, "the same metric columns")
for r in rows:
    o = orgs[r["id"]]
    for k, name in enumerate(names):
        v, want = o["m"][k], r[name]
        same = (v is None and want == "") or (v is not None and want != "" and
                abs(float(v) - float(want)) <= 1e-9 * max(1.0, abs(float(want))))
        check(same, "%s %s: %r, metrics says %r" % (r["id"], name, v, want))
check(all(c["label"] and c["definition"] for c in d["metrics"]), "registry labels and definitions")
# independent counts from the files
with open(sys.argv[3] + "/organizations.csv", newline="", encoding="utf-8") as f:
    types = [r["type"] for r in csv.DictReader(f)]
check(sorted(o["type"] for o in d["orgs"]) == sorted(types), "the org types")
for b in bad:
    print("explore page:", b)
sys.exit(1 if bad else 0)
PY

# the stakeholder grid: each org's quadrant, influence and alignment are
# those of coalmap stakeholders; a landscape without a stance has none
run stakeholders "$L" -f csv
expect_rc 0 "stakeholders"
printf '%s\n' "$out" >"$tmp/sk.csv"
"$PYTHON3" - "$tmp/x.html" "$tmp/sk.csv" <<'PY' && ok || fail "the grid's data"
import csv, json, re, sys
d = json.loads(re.search(r'id="coalmap-data">(.*?)</script>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(1))
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8"))}
q = [x["name"] for x in d["grid"]["quadrants"]]
bad = [o["id"] for o in d["orgs"] if q[o["g"][2]] != rows[o["id"]]["quadrant"] or
       abs(o["g"][3] - float(rows[o["id"]]["influence"])) > 1e-9 or
       (o["g"][4] is None) != (rows[o["id"]]["alignment"] == "") or
       (o["g"][4] is not None and abs(o["g"][4] - float(rows[o["id"]]["alignment"])) > 1e-9)]
if bad or len(rows) != len(d["orgs"]):
    print("grid differs from stakeholders for", bad)
    sys.exit(1)
PY
mk "$tmp/nostance" "id,name,type,stance\na,A,ngo,\nb,B,ngo,\n" "source,target,type\na,b,funding\n"
run explore "$tmp/nostance" -o "$tmp/ns.html"
expect_rc 0 "explore without stances"
checks=$((checks + 1)); grep -q '"grid":null' "$tmp/ns.html" || fail "no stance: no grid"

# --aggregate type: one group per type (counted by hand: ngo 3, donor 2,
# media 2), no org drawn one by one; an unknown column is a usage error
run explore "$L" --aggregate type -o "$tmp/agg.html"
expect_rc 0 "explore --aggregate type"
"$PYTHON3" - "$tmp/agg.html" <<'PY' && ok || fail "the groups in the page"
import json, re, sys
d = json.loads(re.search(r'id="coalmap-data">(.*?)</script>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(1))
g = d["groups"]
got = sorted((x["name"], x["members"]) for x in g["v"])
want = [("donor", 2), ("media", 2), ("ngo", 3)]
ok = got == want and g["by"] == "type" and g["why"] == 1 and all("x" not in o for o in d["orgs"])
ok = ok and [g["v"][o["grp"]]["name"] for o in d["orgs"]] == [o["type"] for o in d["orgs"]]
if not ok:
    print("groups:", got, g["by"], g["why"])
sys.exit(0 if ok else 1)
PY
run explore "$L" --aggregate nosuch -o "$tmp/bad.html"
expect_rc 64 "--aggregate nosuch"
expect_err "no column 'nosuch'" "--aggregate nosuch: message"

# partners and introductions: on the demo landscape (64 orgs, all held),
# glai's are those of coalmap gaps --for glai --role strategic --top 3, and
# its chain to each decision-maker as long and as trusted as coalmap path's
# best; above 300 orgs only the 100 of highest betweenness are held
# (tests/cli/explore-big.sh)
demo="$top_srcdir/datasets/education-coalition"
run explore "$demo" -o "$tmp/demo.html"
expect_rc 0 "explore the demo"
run gaps "$demo" --for glai --role strategic --top 3 -f csv
printf '%s\n' "$out" >"$tmp/gaps.csv"
for dm in envoy moe_zembara mof_zembara parl_cttee; do
	run path "$demo" glai "$dm" -k 1 -f csv
	printf '%s\n' "$out" | sed "1d;s/^/$dm,/" >>"$tmp/paths.csv"
done
"$PYTHON3" - "$tmp/demo.html" "$tmp/gaps.csv" "$tmp/paths.csv" "$demo/organizations.csv" <<'PY' && ok || fail "partners and introductions in the page"
import csv, json, re, sys
d = json.loads(re.search(r'id="coalmap-data">(.*?)</script>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(1))
ids = [o["id"] for o in d["orgs"]]
a = d["advice"]["orgs"]
bad = []
if sorted(a, key=int) != [str(i) for i in range(len(ids))]:
    bad.append("not every org held")
g = a[str(ids.index("glai"))]
gaps = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
if [ids[p[0]] for p in g["partners"]] != [r["id"] for r in gaps] or \
   any(abs(p[1] - float(r["score"])) > 1e-9 or p[2] != r["why"] for p, r in zip(g["partners"], gaps)):
    bad.append("glai's partners %r, gaps %r" % (g["partners"], [r["id"] for r in gaps]))
dm = [o["id"] for o in csv.DictReader(open(sys.argv[4], newline="", encoding="utf-8")) if o["type"] in ("decision_maker", "government")]
paths = {row[0]: row for row in csv.reader(open(sys.argv[3], newline="", encoding="utf-8"))}
routes = {ids[q[0]]: q for q in g["routes"]}
if sorted(routes) != sorted(dm) or sorted(paths) != sorted(dm):
    bad.append("routes to %r, decision-makers %r" % (sorted(routes), sorted(dm)))
for k, q in routes.items():
    p = paths.get(k)
    if not p or q[1] != int(p[2]) or abs(q[2] - float(p[3])) > 1e-9:
        bad.append("glai to %s: %r, path says %r" % (k, q, p))
for b in bad:
    print("advice:", b)
sys.exit(1 if bad else 0)
PY

# the same input gives the same bytes
run explore "$L" -o "$tmp/y.html"
checks=$((checks + 1)); cmp -s "$tmp/x.html" "$tmp/y.html" || fail "two runs differ"
# a filter keeps only its ties; the title is text
run explore "$L" --types funding --title '<i>T</i>' -o "$tmp/f.html"
expect_rc 0 "explore --types"
checks=$((checks + 1)); grep -q '<title>&lt;i&gt;T&lt;/i&gt;</title>' "$tmp/f.html" || fail "--title escaped"
checks=$((checks + 1))
[ "$("$PYTHON3" -c 'import json, re, sys
s = open(sys.argv[1]).read()
print(len(json.loads(re.search(r"id=\"coalmap-data\">(.*?)</script>", s, re.S).group(1))["ties"]))' "$tmp/f.html")" = 3 ] ||
	fail "--types funding: not 3 ties"
# --story: steps with their text and orgs (by id or by name), in the page's
# data as the file says them, read here by a parser of its own
printf '# A title for the author\n\n## First, Alpha\n\nAlpha Trust leads.\nIt has two partners.\n\nA second paragraph.\n- a\n\n## The donors\n* Delta Foundation\n- long\n## No orgs\nOnly words.\n' >"$tmp/story.md"
run explore "$L" --story "$tmp/story.md" -o "$tmp/s.html"
expect_rc 0 "explore --story"
"$PYTHON3" - "$tmp/s.html" "$tmp/story.md" "$L/organizations.csv" <<'PY' && ok || fail "the story in the page"
import csv, json, re, sys
d = json.loads(re.search(r'id="coalmap-data">(.*?)</script>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(1))
orgs = list(csv.DictReader(open(sys.argv[3], newline="", encoding="utf-8")))
key = {o["id"]: k for k, o in enumerate(orgs)}
key.update({o["name"]: k for k, o in enumerate(orgs)})
steps, para = [], []
for line in open(sys.argv[2], encoding="utf-8").read().split("\n"):
    if line.startswith("## "):
        steps.append({"heading": line[3:], "paras": [[]], "orgs": []})
    elif not steps:
        continue
    elif line[:2] in ("- ", "* "):
        steps[-1]["orgs"].append(key[line[2:]])
    elif not line.strip():
        if steps[-1]["paras"][-1]:
            steps[-1]["paras"].append([])
    else:
        steps[-1]["paras"][-1].append(line)
want = [{"heading": s["heading"], "text": "\n\n".join(" ".join(p) for p in s["paras"] if p) or None, "orgs": s["orgs"]} for s in steps]
if d.get("story") != want:
    print("story: %r\nexpected %r" % (d.get("story"), want))
    sys.exit(1)
PY
run explore "$L" -o "$tmp/n.html"
checks=$((checks + 1)); grep -q '"story":\[\]' "$tmp/n.html" || fail "no story: an empty list"
# story problems: file and line, nothing written
printf '## One\n- a\n- Alpha Trusst\n' >"$tmp/bad1.md"
printf 'Words first.\n## One\n' >"$tmp/bad2.md"
printf '# Only a title\n' >"$tmp/bad3.md"
printf '## About Delta Foundation\n- d\n' >"$tmp/bad4.md"
printf '##   \n' >"$tmp/bad5.md"
for c in "bad1.md:3: no organization 'Alpha Trusst' (neither an id nor a name); did you mean 'Alpha Trust' (id 'a')?" \
	"bad2.md:1: text before the first step" "bad3.md: no step" "bad5.md:1: a step without a heading"; do
	f=${c%%:*}
	run explore "$L" --story "$tmp/$f" -o "$tmp/bad.html"
	expect_rc 65 "story $f"
	expect_err "$c" "story $f: message"
done
run explore "$L" --anonymise type=donor --story "$tmp/bad4.md" -o "$tmp/bad.html"
expect_rc 65 "a story naming an anonymised org"
expect_err "bad4.md:1: 'Delta Foundation' is an anonymised organization: write its pseudonym" "anonymised name refused"
printf '## The donors\nThey fund the network.\n- Delta Foundation\n' >"$tmp/ok4.md"
run explore "$L" --anonymise type=donor --story "$tmp/ok4.md" -o "$tmp/ok4.html"
expect_rc 0 "a story that shows an anonymised org by its own name in the list"
checks=$((checks + 1)); grep -q "Delta" "$tmp/ok4.html" && fail "the anonymised name reached the page"
run explore "$L" --story "$tmp/nosuch.md" -o "$tmp/bad.html"
expect_rc 66 "a story that is not there"
checks=$((checks + 1)); [ -e "$tmp/bad.html" ] && fail "a page written on a story problem"
# usage
run explore "$L"
expect_rc 64 "no -o"
expect_err "needs -o FILE" "no -o message"
run explore --help
expect_rc 0 "help"
expect_out "usage: coalmap explore" "help text"
finish
