#!/bin/sh
# coalmap report: one self-contained HTML file (well-formed, a strict
# Content-Security-Policy, nothing that could fetch anything, the map
# inline), the same content in Markdown with the map beside it, tables
# that agree with the commands they come from, hostile names neutralised,
# byte-identical reruns, and errors that write nothing.  When Chromium is
# installed, the page also opens in headless Chromium with no console
# message (a blocked request would log one; a control page shows it does).
. "$(dirname "$0")/lib.sh"
graphviz_leaks
need_xmllint
D="$top_srcdir/datasets/education-coalition"
H="$top_srcdir/tests/data/hostile"
FOR=ke_kibanda

run report "$D" --for $FOR --group-by region -o "$tmp/r.html"
expect_rc 0 "report html"
expect_err "wrote " "report says where it wrote"
checks=$((checks + 1)); xmllint --noout "$tmp/r.html" 2>"$tmp/x.err" || fail "report is not well-formed: $(head -3 "$tmp/x.err")"

# the tables come from the analyses: compare with the commands' own CSV
run metrics "$D" --sort betweenness --top 15 -f csv -o "$tmp/m.csv"; expect_rc 0 "metrics csv"
run gaps "$D" --for $FOR --group-by region --role all --top 3 -f csv -o "$tmp/g.csv"; expect_rc 0 "gaps csv"
run stakeholders "$D" --for $FOR -f csv -o "$tmp/s.csv"; expect_rc 0 "stakeholders csv"
for t in envoy moe_zembara mof_zembara parl_cttee; do
	run path "$D" $FOR $t -k 1 -f csv -o "$tmp/p-$t.csv"; expect_rc 0 "path to $t"
done
# change over time: the ties' dates span 2016-2025, so six waves on 31
# December, evenly spaced (2016, 2018, 2020, 2021, 2023, 2025)
run trend "$D" --at 2016-12-31,2018-12-31,2020-12-31,2021-12-31,2023-12-31,2025-12-31 --group-by region --top 3 \
	-f csv -o "$tmp/t.csv"; expect_rc 0 "trend csv"

"$PYTHON3" - "$tmp" "$D" <<'PY' && ok || fail "html report content"
import csv, html.parser, re, sys
tmp, land = sys.argv[1], sys.argv[2]
doc = open(f"{tmp}/r.html", encoding="utf-8").read()

class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.tags = []; s.sections = {}; s.cur = None; s.rows = None; s.cell = None
        s.attrs = []
    def handle_starttag(s, tag, a):
        a = dict(a); s.tags.append(tag); s.attrs.append((tag, a))
        if tag == "section": s.cur = a.get("id"); s.sections[s.cur] = []
        if tag == "tr" and s.cur: s.row = []
        if tag in ("td", "th") and s.cur: s.cell = ""
    def handle_endtag(s, tag):
        if tag in ("td", "th") and s.cell is not None: s.row.append(s.cell); s.cell = None
        if tag == "tr" and s.cur: s.sections[s.cur].append(s.row)
        if tag == "section": s.cur = None
    def handle_data(s, d):
        if s.cell is not None: s.cell += d
p = P(); p.feed(doc)
bad = []
def check(c, msg):
    if not c: bad.append(msg)

# self-contained: nothing that could make a request or run code
csp = [a for t, a in p.attrs if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
check(len(csp) == 1 and "default-src 'none'" in csp[0]["content"] and "script-src" not in csp[0]["content"], "CSP")
for t, a in p.attrs:
    check(t not in ("script", "iframe", "object", "embed", "link", "img", "base", "form"), f"element {t}")
    for k, v in a.items():
        check(not k.startswith("on"), f"event handler {k}")
        if k in ("src", "href", "xlink:href", "action", "data", "poster"):
            check(v.startswith("#"), f"{t} {k}={v}")
check("url(" not in doc and "@import" not in doc, "css url or import")
for u in re.findall(r"https?://[^\s\"'<>]+", doc):
    check(u.startswith("http://www.w3.org/"), f"address {u}")   # namespace names only

# every part is there, the map inline
check(list(p.sections) == ["map", "key-organizations", "power", "gaps", "trend", "stakeholders", "partners", "routes", "terms"], f"sections {list(p.sections)}")
check(p.tags.count("svg") == 4 and doc.count("<svg") == 4,
      "four inline svgs: the map, the inequality curves, the trend lines and the stakeholders' grid")
svgs = [m.start() for m in re.finditer("<svg", doc)]
check(len(svgs) == 4 and doc.index('<section id="map"') < svgs[0] < doc.index('<section id="key-organizations"')
      and doc.index('<section id="power"') < svgs[1] < doc.index('<section id="gaps"')
      and doc.index('<section id="trend"') < svgs[2] < doc.index('<section id="stakeholders"')
      and svgs[3] > doc.index('<section id="stakeholders"'),
      "the map in its part, the curves in the power part, the trend lines in theirs, the grid in the stakeholders part")
ids = re.findall(r'<[^>]* id="([^"]*)"', doc)
check(len(ids) == len(set(ids)), "ids unique across the page: %s" % sorted({i for i in ids if ids.count(i) > 1})[:5])

def body(sec):
    return [r for r in p.sections[sec][1:] if len(r) > 1]

# key organizations = coalmap metrics --sort betweenness --top 15
m = list(csv.DictReader(open(f"{tmp}/m.csv", encoding="utf-8")))
key = body("key-organizations")
check([r[0] for r in key] == [x["name"] for x in m], "key organizations order")
check(all(r[2] == x["degree"] for r, x in zip(key, m)), "key organizations partners")
# change over time = coalmap trend --at the six days: density, components,
# degree and betweenness centralization, the two Gini indices, the three
# orgs that rose and fell most, with the waves named by their years
tr = list(csv.DictReader(open(f"{tmp}/t.csv", encoding="utf-8")))
want = []
for sec, mea in (("network", "density"), ("network", "components"), ("centralization", "degree"),
                 ("centralization", "betweenness"), ("inequality", "gini_degree"),
                 ("inequality", "gini_betweenness"), ("rising", None), ("falling", None)):
    want += [re.sub(r"(\d{4})-12-31", r"\1", x["reading"]) for x in tr
             if x["section"] == sec and (mea is None or x["measure"] == mea) and x["reading"]]
check([r[-1] for r in body("trend")] == want, "the trend part's readings are coalmap trend's")
# partners = coalmap gaps --for --group-by region --role all --top 3
g = list(csv.DictReader(open(f"{tmp}/g.csv", encoding="utf-8")))
part = body("partners")
check([(r[0], r[2]) for r in part] == [(x["role"], x["name"]) for x in g], "partners order")
check(all(abs(float(r[4]) - float(x["score"])) <= 1e-3 * abs(float(x["score"])) for r, x in zip(part, g)), "partners scores")
# routes: one per decision-maker, as short and as trusted as coalmap path's best
names = {r["id"]: r["name"] for r in csv.DictReader(open(f"{land}/organizations.csv", encoding="utf-8"))}
routes = body("routes")
check(len(routes) == 4, f"{len(routes)} routes")
for r in routes:
    tid = [k for k, v in names.items() if v == r[0]]
    best = list(csv.DictReader(open(f"{tmp}/p-{tid[0]}.csv", encoding="utf-8")))[0]
    check(r[2] == best["length"] and abs(float(r[3]) - float(best["trust"])) <= 1e-3 * float(best["trust"]), f"route to {r[0]}")
check([int(r[2]) for r in routes] == sorted(int(r[2]) for r in routes), "routes nearest first")
# stakeholders = coalmap stakeholders --for: the count of each quadrant,
# then the 5 most influential champions, persuadables and blockers
st = list(csv.DictReader(open(f"{tmp}/s.csv", encoding="utf-8")))
sk = body("stakeholders")
quads = [("champions", "champion"), ("persuadables", "persuadable"), ("blockers", "blocker"), ("low priority", "low_priority")]
for r, (label, q) in zip(sk[:4], quads):
    n = sum(x["quadrant"] == q for x in st)
    check(r[0] == label and r[1].startswith(f"{n} organization"), f"stakeholders quadrant {r} against {n} {q}")
want = [x["name"] for q in ("champion", "persuadable", "blocker") for x in [y for y in st if y["quadrant"] == q][:5]]
check([r[0] for r in sk[4:] if r[1].startswith("influence ")] == want, "stakeholders' top of each quadrant")
# power and gaps: long sections are cut with a count
power = p.sections["power"]
check(any(r[-1].startswith("\u2026 and ") for r in power), "power sections cut with a count")
# budgets and funding are recorded: nothing left out; the terms used are explained
check(not any(r[-1].startswith("left out") for r in power), "power reading left out")
terms = [r[0] for r in body("terms")]
for t in ("brokerage", "Gini", "money and position", "Herfindahl", "E-I index", "structural hole", "score", "trust"):
    check(t in terms, f"term {t} not explained")
check("docs/" not in doc and "undefined:" not in doc, "reference to docs/ or an undefined reading")
if bad:
    print("\n".join(bad[:20])); sys.exit(1)
PY

# without --for: no partners or routes; deterministic bytes
run report "$D" -o "$tmp/a.html"; expect_rc 0 "report without --for"
run report "$D" -o "$tmp/b.html"; expect_rc 0 "report again"
checks=$((checks + 1)); cmp -s "$tmp/a.html" "$tmp/b.html" || fail "report differs between runs"
checks=$((checks + 1)); grep -q 'id="partners"' "$tmp/a.html" && fail "partners without --for"
checks=$((checks + 1)); grep -q 'id="power"' "$tmp/a.html" || fail "no power part"

# Markdown: same parts, the map beside it
run report "$D" --for $FOR -o "$tmp/r.md"; expect_rc 0 "report md"
checks=$((checks + 1)); [ -s "$tmp/r-map.svg" ] && xmllint --noout "$tmp/r-map.svg" 2>/dev/null || fail "md map missing or invalid"
for h in "## The map" "## Key organizations" "## Who holds the power" "## Gaps in the landscape" \
	"## Recommended partners for" "## Routes to decision-makers for" "](r-map.svg)" "## Stakeholders" \
	"](r-stakeholders.svg)" "](r-inequality.svg)" "## Change over time" "](r-trend.svg)"; do
	checks=$((checks + 1)); grep -qF "$h" "$tmp/r.md" || fail "md lacks '$h'"
done
# the grid beside it is the one `coalmap stakeholders --grid` draws
run stakeholders "$D" --for $FOR --grid "$tmp/grid.svg"; expect_rc 0 "stakeholders --grid"
checks=$((checks + 1)); cmp -s "$tmp/grid.svg" "$tmp/r-stakeholders.svg" || fail "the report's grid is not stakeholders --grid's"
# the power part's curves are those `coalmap power --chart` draws (but for
# the chart's title); both well-formed SVG
run power "$D" --permutations 0 --chart "$tmp/curves.svg" -o "$tmp/p.csv"; expect_rc 0 "power --chart"
checks=$((checks + 1)); xmllint --noout "$tmp/r-inequality.svg" "$tmp/curves.svg" 2>/dev/null || fail "inequality curves not well-formed SVG"
checks=$((checks + 1)); [ "$(grep -c '<path' "$tmp/r-inequality.svg")" -gt 20 ] || fail "the report's inequality curves draw nothing"
run power "$D" --chart "$tmp/curves.txt"; expect_rc 64 "power --chart of an unknown format"
checks=$((checks + 1)); [ ! -e "$tmp/curves.txt" ] || fail "power --chart .txt wrote a file"
run report "$D" -f md; expect_rc 0 "md to stdout"
expect_out "## Key organizations" "md on stdout"

# A landscape without budgets or funding ties: each missing reading is one
# line saying why, once; terms explained in the report, no docs/ pointer.
# Hand-counted: a-b-c-d a chain, e alone: 2 parts, the largest of 4, 1 isolate.
mk "$tmp/poor" 'id,type\na,ngo\nb,ngo\nc,party\nd,party\ne,forum\n' \
	'source,target,type\na,b,partnership\nb,c,partnership\nc,d,information\n'
run report "$tmp/poor" -o "$tmp/poor.md"; expect_rc 0 "report without budgets"
checks=$((checks + 1)); grep -q "## Stakeholders" "$tmp/poor.md" && fail "a stakeholders part without any stance"
checks=$((checks + 1)); [ -e "$tmp/poor-stakeholders.svg" ] && fail "a grid beside a report without any stance"; [ -s "$tmp/poor-map.svg" ] || fail "no map beside the report without stances"
# no budget and no funding: the curves of degree and betweenness only (the
# chain's betweenness, 0 2 2 0 0, and degrees 1 2 2 1 0 each have a curve)
checks=$((checks + 1)); [ -s "$tmp/poor-inequality.svg" ] || fail "no inequality curves beside the report without budgets"
mk "$tmp/badstance" 'id,type,stance:climate\na,ngo,support\nb,ngo,maybe\n' 'source,target\na,b\n'
run report "$tmp/badstance" -o "$tmp/badstance.md"; expect_rc 65 "a stance that is none"
expect_err "badstance/organizations.csv:3" "the bad stance's file and line"
checks=$((checks + 1)); [ ! -e "$tmp/badstance.md" ] || fail "a report was written despite the bad stance"
"$PYTHON3" - "$tmp/poor.md" <<'PY' && ok || fail "report without budgets"
import sys
doc = open(sys.argv[1], encoding="utf-8").read()
rows = [l for l in doc.splitlines() if l.startswith("| ")]
bad = []
def once(text):
    n = sum(text in r for r in rows)
    if n != 1: bad.append(f"{text!r} in {n} rows")
once("| Money and position |  | left out: fewer than three budgets")
once("| Funding |  | left out: no funding recorded")
once("| Inequality |  | partly left out: no budget recorded; no funding received recorded")
if sum("budget" in r for r in rows if "left out" in r) != 2: bad.append("budgets said more than once per section")
if any(r.startswith("| Funding") and "left out" not in r for r in rows): bad.append("funding rows without data")
for t in ("docs/", "undefined"):
    if t in doc: bad.append(f"{t!r} in the report")
if "in 2 separate parts; the largest holds 4 organizations. One organization has no tie at all." not in doc:
    bad.append("lede: " + doc.splitlines()[2])
terms = [r.split(" | ")[0][2:] for r in rows[rows.index("| term | meaning |"):]]
for t in ("brokerage", "Gini", "decision-maker", "collaboration links"):
    if t not in terms: bad.append(f"term {t} missing")
for t in ("money and position", "Herfindahl"):
    if t in terms: bad.append(f"term {t} explained for a part left out")
if bad:
    print("\n".join(bad)); sys.exit(1)
PY
# with funding ties: the funding part is read; no isolate is said in words
mk "$tmp/gifts" 'id,type\nf,donor\na,ngo\nb,ngo\n' \
	'source,target,type,amount\nf,a,funding,5\nf,b,funding,5\na,b,partnership,\n'
run report "$tmp/gifts" -f md; expect_rc 0 "report with funding"
expect_out "| Funding |  | 2 organizations depend on a single funder |" "funding read"
expect_out "all in one connected network. Every organization has at least one tie." "zero isolates in words"

# hostile names: well-formed, drawn as text, nothing active
run report "$H" --for '<script>alert(1)</script>' --title '<b>T</b> & "q" ]]> \N' -o "$tmp/h.html"
expect_rc 0 "hostile report"
checks=$((checks + 1)); xmllint --noout "$tmp/h.html" 2>"$tmp/x.err" || fail "hostile html invalid: $(head -3 "$tmp/x.err")"
"$PYTHON3" - "$tmp/h.html" <<'PY' && ok || fail "hostile html neutralised"
import html.parser, sys
doc = open(sys.argv[1], encoding="utf-8").read()
tags, text = [], []
class P(html.parser.HTMLParser):
    def handle_starttag(s, t, a):
        tags.append((t, dict(a)))
    def handle_data(s, d):
        text.append(d)
P().feed(doc)
t = "".join(text)
bad = []
names = {x[0] for x in tags}
for forbidden in ("script", "b", "iframe", "img"):
    if forbidden in names:
        bad.append(f"element <{forbidden}> from data")
for a in (a for _, a in tags):
    for k, v in a.items():
        if k.startswith("on") or (k in ("href", "src", "xlink:href") and not v.startswith("#")):
            bad.append(f"attribute {k}={v}")
for s in ("<script>alert(1)</script>", "<b>T</b>", "javascript:alert(document.cookie)", "]]>"):
    if s not in t:
        bad.append(f"text {s!r} not shown literally")
if any(c in t for c in "\x07\x1b\x7f"):
    bad.append("control character in text")
if bad:
    print("\n".join(bad)); sys.exit(1)
PY
run report "$H" --for '<script>alert(1)</script>' -o "$tmp/h.md"; expect_rc 0 "hostile md"
"$PYTHON3" - "$tmp/h.md" <<'PY' && ok || fail "hostile md neutralised"
import re, sys
doc = open(sys.argv[1], encoding="utf-8").read()
bad = []
if re.search(r"(?<!\\)<(script|b|TABLE)", doc): bad.append("raw tag")
if re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", doc.replace("](h-map.svg)", "").replace("](h-inequality.svg)", "")): bad.append("link from data")
if any(c in doc for c in "\x07\x1b\x7f"): bad.append("control character")
if bad:
    print(bad); sys.exit(1)
PY

# errors: nothing written
run report "$D" -o "$tmp/r.csv"; expect_rc 64 "csv is not a report format"
expect_err "a report is html or md" "format message"
checks=$((checks + 1)); [ -e "$tmp/r.csv" ] && fail "wrote r.csv"
run report "$D" --for nobody -o "$tmp/n.html"; expect_rc 64 "unknown --for org"
expect_err "no organization 'nobody'" "unknown org message"
checks=$((checks + 1)); [ -e "$tmp/n.html" ] && fail "wrote n.html"
run report "$D" --top 0 -o "$tmp/n.html"; expect_rc 64 "--top 0"
run report "$top_srcdir/tests/data/dirty/nonexistent" -o "$tmp/n.html"; expect_rc 66 "missing landscape"
mk "$tmp/bad" 'id,name,type\na,A,ngo\n' 'source,target,type\na,zz,partnership\n'
run report "$tmp/bad" -o "$tmp/n.html"; expect_rc 65 "bad data"
checks=$((checks + 1)); [ -e "$tmp/n.html" ] && fail "wrote n.html on bad data"
checks=$((checks + 1)); ls -a "$tmp" | grep -q '^\.coalmap-' && fail "temporary file left"
run report "$D" -o "$D/organizations.csv"; expect_rc 64 "refuses to write over input (format)"
run report "$D" -f html -o "$D/organizations.csv"; expect_rc 73 "refuses to write over input"
run report --help; expect_rc 0 "help"
expect_out "usage: coalmap report" "help text"

# headless Chromium: opens with no console message; the control page proves
# a blocked request would be seen
if [ -z "${COALMAP_WRAPPER:-}" ] && command -v chromium >/dev/null 2>&1; then
	chrome() {
		HOME="$tmp" timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
			--proxy-server=127.0.0.1:9 --enable-logging=stderr --v=0 --dump-dom "file://$1" \
			>"$tmp/dom" 2>"$tmp/chrome.err"
	}
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"/><meta http-equiv="Content-Security-Policy" content="default-src '"'none'"'"/><title>c</title></head><body><img src="http://example.invalid/x.png"/></body></html>\n' >"$tmp/control.html"
	chrome "$tmp/control.html"
	checks=$((checks + 1)); grep -q 'CONSOLE' "$tmp/chrome.err" || fail "control page: Chromium logged no console message"
	chrome "$tmp/r.html"
	checks=$((checks + 1)); grep -q 'Key organizations' "$tmp/dom" || fail "Chromium did not render the report"
	checks=$((checks + 1)); grep 'CONSOLE' "$tmp/chrome.err" >"$tmp/console" && fail "console: $(head -3 "$tmp/console")"
	chrome "$tmp/h.html"
	checks=$((checks + 1)); grep 'CONSOLE' "$tmp/chrome.err" >"$tmp/console" && fail "hostile console: $(head -3 "$tmp/console")"
else
	echo "note: Chromium not installed (or under a wrapper): browser check skipped"
fi
# ties from November to January: only one 31 December has any, so no part
# on change over time (an empty second wave read as everything falling)
mk "$tmp/nov-jan" 'id\na\nb\nc\n' 'source,target,type,start,end\na,b,partnership,2016-11-09,2017-01-20\nb,c,partnership,2016-11-09,2017-01-20\n'
run report "$tmp/nov-jan" -o "$tmp/nj.md"; expect_rc 0 "report of a Nov-Jan landscape"
checks=$((checks + 1)); ! grep -q "Change over time" "$tmp/nj.md" || fail "a Nov-Jan landscape gets a trend part"
mk "$tmp/two-years" 'id\na\nb\nc\n' 'source,target,type,start,end\na,b,partnership,2016-11-09,\nb,c,partnership,2017-03-01,\n'
run report "$tmp/two-years" -o "$tmp/ty.md"; expect_rc 0 "report of a two-year landscape"
checks=$((checks + 1)); grep -q "Change over time" "$tmp/ty.md" || fail "a landscape with ties on two 31 Decembers has no trend part"

# --missing: how far the rankings hold.  The key organizations' column is
# metrics --missing's in_top for the same share, seed and top; each key
# player and gatekeeper ends with power --missing's share kept on its list
run report "$D" --group-by region --missing 0.1 --resamples 40 -f md -o "$tmp/miss.md"
expect_rc 0 "report --missing"
run metrics "$D" --missing 0.1 --resamples 40 --top 15 --format csv -o "$tmp/miss-m.csv"
run power "$D" --group-by region --missing 0.1 --resamples 40 --format csv -o "$tmp/miss-p.csv"
"$PYTHON3" - "$tmp/miss.md" "$tmp/miss-m.csv" "$tmp/miss-p.csv" <<'PY' && ok || fail "report --missing differs from metrics and power --missing"
import csv, re, sys
md = open(sys.argv[1], encoding="utf-8").read()
table = md.split("## Key organizations", 1)[1].split("\n\n")[2].splitlines()
head = [c.strip() for c in table[0].strip("|").split("|")]
assert head[-1] == "Kept in top 15", head
def pct(p):
    x = float(p)
    return ">99 %" if 0.99 < x < 1 else "<1 %" if 0 < x < 0.01 else "%.0f %%" % round(x * 100 + 1e-9)
ref = {r["name"]: pct(r["in_top"]) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
rows = [[c.strip() for c in line.strip("|").split("|")] for line in table[2:]]
assert len(rows) == 15 and all(r[-1] == ref[r[0].replace("\\", "")] for r in rows), (rows, ref)
assert "each missing 10 % of the ties at random" in md
kept = [r for r in csv.DictReader(open(sys.argv[3], encoding="utf-8")) if "_kept:" in r["measure"]]
assert kept
shown = re.findall(r"\| (Key players|Gatekeepers) \| ([^|]+) \| [^|]*\(still listed in ([^ ]+ %) of resamples with 10 % of the ties missing\) \|", md)
assert len(shown) >= 12, shown
for sec, org, p in shown:
    assert any(r["subject"] == org.strip().replace("\\", "") and pct(r["value"]) == p for r in kept), (sec, org, p)
assert "| resamples |" in md
PY
run report "$D" -f md -o "$tmp/nomiss.md"
grep -q "still listed\|Kept in top\|| resamples |" "$tmp/nomiss.md" && fail "robustness without --missing" || ok
run report "$D" --resamples 5
expect_rc 64 "--resamples without --missing"
run report "$D" --missing 1
expect_rc 64 "--missing 1"

finish
