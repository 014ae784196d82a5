#!/bin/sh
# coalmap explore in headless Chromium: a copy of the page gets
# tests/cli/explore-drive.js (its hash added to the CSP), which types in
# the search box, moves with the arrow keys, presses Enter, clicks on the
# canvas and hides an org type through the real UI; the dumped DOM must
# show the org's metrics equal to coalmap metrics, the drawn count fall by
# the type's size, no JavaScript error.  Skipped (77) without chromium,
# and under a wrapper such as valgrind.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/explore-fixture.sh"
graphviz_leaks

if [ -n "${COALMAP_WRAPPER:-}" ]; then
	echo "the browser test does not run under a wrapper (COALMAP_WRAPPER); skipped"
	exit 77
fi
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
	echo "chromium is not installed: the browser test is skipped (apt-get install chromium)"
	exit 77
fi

printf '## One\nAlpha first.\n- a\n## Two\n- b\n- Delta Foundation\n## Three\nNo orgs.\n' >"$tmp/story.md"
# a title to escape too (the SVG's title and heading)
title='land & <sea> "x"'
run explore "$L" --story "$tmp/story.md" --title "$title" -o "$tmp/x.html"
expect_rc 0 "explore"
run metrics "$L" -f csv
expect_rc 0 "metrics"
printf '%s\n' "$out" >"$tmp/m.csv"
run stakeholders "$L" -f csv
expect_rc 0 "stakeholders"
printf '%s\n' "$out" >"$tmp/sk.csv"
run gaps "$L" --for b --role strategic --top 3 -f csv
expect_rc 0 "gaps --for b"
printf '%s\n' "$out" >"$tmp/gaps.csv"

# the page with the driver: search "a" ("Alpha Trust", "Beta Network",
# "Delta Foundation"...); ArrowDown selects the second match, Beta Network
"$PYTHON3" - "$tmp/x.html" "$top_srcdir/tests/cli/explore-drive.js" "$tmp/t.html" <<'PY' || fail "injecting the driver"
import base64, hashlib, json, sys
page = open(sys.argv[1], encoding="utf-8").read()
js = open(sys.argv[2], encoding="utf-8").read()
for k, v in (("QUERY", "a"), ("TARGET", "b"), ("CLICK", "d"), ("TYPE", "ngo"), ("COLOUR", "region"),
             ("AREA", "betweenness"), ("AT", "2021-06-01"), ("SINCE", "2019-03-01"), ("HOSTILE", "h1")):
    js = js.replace(k, json.dumps(v))
h = "'sha256-%s'" % base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()
page = page.replace("script-src ", "script-src %s " % h, 1)
page = page.replace('<script type="application/json"', "<script>%s</script>\n<script type=\"application/json\"" % js, 1)
open(sys.argv[3], "w", encoding="utf-8").write(page)
PY

HOME="$tmp" timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --proxy-server=127.0.0.1:9 \
	--enable-logging=stderr --v=0 --virtual-time-budget=5000 --window-size=1280,800 --dump-dom "file://$tmp/t.html" >"$tmp/dom" 2>"$tmp/chrome.err"
checks=$((checks + 1)); grep -q 'id="test-result"' "$tmp/dom" || fail "no result in the DOM; $(tail -3 "$tmp/chrome.err")"

run check "$L" --at 2021-06-01 -f csv
expect_rc 0 "check --at"
at_ties=$(printf '%s\n' "$out" | awk -F, '$1 == "landscape" && $2 == "ties" {print $3}')
"$PYTHON3" - "$tmp/dom" "$tmp/m.csv" "$L/organizations.csv" "$L/relationships.csv" "$at_ties" "$tmp/sk.csv" "$tmp/gaps.csv" <<'PY' && ok || fail "the page in Chromium (see above)"
import csv, html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
r = json.loads(html.unescape(re.search(r'<pre id="test-result">(\{.*?)</pre>', dom, re.S).group(1)))
bad = []
def check(cond, what):
    if not cond:
        bad.append(what)
check(r["errors"] == [], "JavaScript errors: %r" % r["errors"])
check(r.get("results", [])[:1] == ["Alpha Trust (a)"], "first match: %r" % r.get("results"))
check(r.get("selected") == "Beta Network (b)", "ArrowDown selects the second match: %r" % r.get("selected"))
check(r.get("panelOrg") == "b" and r.get("panelName") == "Beta Network", "Enter focuses b: %r" % r.get("panelOrg"))
check(r.get("partners") == 3, "b's partners listed: %r" % r.get("partners"))
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    want = [row for row in csv.DictReader(f) if row["id"] == "b"][0]
m = r.get("metrics", {})
check(set(m) == set(want) - {"id", "name", "type"}, "the panel's metrics: %r" % sorted(m))
for k, cell in m.items():
    w = want.get(k, "")
    if w == "":
        check(cell["value"] is None and cell["text"] == "", "%s: empty, panel %r" % (k, cell))
        continue
    check(cell["value"] is not None and abs(float(cell["value"]) - float(w)) <= 1e-9 * max(1, abs(float(w))),
          "%s: panel %r, metrics %s" % (k, cell, w))
    check(abs(float(cell["text"]) - float(w)) <= 5e-4 * max(1, abs(float(w))), "%s shown: %r, metrics %s" % (k, cell["text"], w))
with open(sys.argv[7], newline="", encoding="utf-8") as f:
    want = [row["id"] for row in csv.DictReader(f)]
check(r.get("recommended") == want, "b's recommended partners %r, gaps --for b %r" % (r.get("recommended"), want))
check(r.get("clicked") == "d", "a click on d focuses it: %r" % r.get("clicked"))
check(r.get("zoomed") is True and r.get("cleared") is True, "+ zooms, Escape clears")
with open(sys.argv[3], newline="", encoding="utf-8") as f:
    orgs = list(csv.DictReader(f))
ngo = sum(1 for o in orgs if o["type"] == "ngo")
check(r.get("before") == len(orgs) and r.get("after") == len(orgs) - ngo,
      "hiding ngo: %r -> %r, expected %d -> %d" % (r.get("before"), r.get("after"), len(orgs), len(orgs) - ngo))
check(r.get("injected") == 0, "no img, iframe, object or embed in the DOM")
check(r.get("story") == [["Step 1 of 3", "One", ["a"]], ["Step 2 of 3", "Two", ["b", "d"]], ["Step 3 of 3", "Three", []],
                         ["Step 2 of 3", "Two", ["b", "d"]]] and r.get("nextDisabled") is True,
      "the story walked: %r" % r.get("story"))
file = re.sub(r"[^A-Za-z0-9._-]+", "-", 'land & <sea> "x"')
check(r.get("png", {}).get("type") == "image/png" and r["png"]["size"] > 5000 and r.get("names") == [file + ".svg", file + ".png"],
      "Save as SVG, then as PNG, offer %r: %r" % (file, r.get("names")))
# filter by region: its values, most orgs first; hiding North hides its orgs
count, first = {}, {}
for k, o in enumerate(orgs):
    count[o["region"]] = count.get(o["region"], 0) + 1
    first.setdefault(o["region"], k)
check(r.get("regionValues") == sorted(count, key=lambda v: (-count[v], first[v])), "region filter values %r" % r.get("regionValues"))
check(r.get("withoutNorth") == len(orgs) - count["North"], "hiding North: %r drawn, expected %d" % (r.get("withoutNorth"), len(orgs) - count["North"]))
# colour by region: the categories ranked as map --color-by ranks them
# (most orgs first, ties by first appearance), an empty value "(none)"
count, first = {}, {}
for k, o in enumerate(orgs):
    count[o["region"]] = count.get(o["region"], 0) + 1
    first.setdefault(o["region"], k)
want = [v or "(none)" for v in sorted(count, key=lambda v: (-count[v], first[v]))]
check(r.get("colourPicked") == "region" and r.get("colourHeading") == "Colour: region", "colour by region: %r" % r.get("colourHeading"))
check(r.get("colourLegend") == want, "region legend %r, expected %r" % (r.get("colourLegend"), want))
# area by betweenness: the largest shape is the org metrics ranks first
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
top = max(rows, key=lambda row: (float(row["betweenness"]), -rows.index(row)))["id"]
check(r.get("largest") == top, "area by betweenness: largest %r, metrics' top %r" % (r.get("largest"), top))
# time: the ties that exist on AT (start <= day <= end, open ends open),
# then the changes since SINCE, counted here from relationships.csv
with open(sys.argv[4], newline="", encoding="utf-8") as f:
    ties = list(csv.DictReader(f))
def on(t, d):
    return (not t["start"] or t["start"] <= d) and (not t["end"] or d <= t["end"])
at, since = "2021-06-01", "2019-03-01"
now = [on(t, at) for t in ties]
then = [on(t, since) for t in ties]
check(r.get("timeShown") is True and r.get("allTies") == len(ties), "time shown, all %d ties: %r" % (len(ties), r.get("allTies")))
check(r.get("atDay") == at and r.get("atTies") == sum(now), "on %s: %r ties drawn (%r), expected %d" % (at, r.get("atTies"), r.get("atDay"), sum(now)))
check(r.get("atTies") == int(sys.argv[5]), "on %s: %r ties drawn, check --at says %s" % (at, r.get("atTies"), sys.argv[5]))
gained = sum(a and not b for a, b in zip(now, then))
lost = sum(b and not a for a, b in zip(now, then))
check((r.get("gained"), r.get("lost"), r.get("sinceTies")) == (gained, lost, sum(a or b for a, b in zip(now, then))),
      "since %s: %r gained, %r lost, %r drawn; expected %d, %d" % (since, r.get("gained"), r.get("lost"), r.get("sinceTies"), gained, lost))
# the stakeholder grid: each org where coalmap stakeholders puts it, in
# order along both axes (alignment across, a jitter of 5 points apart;
# unknown alignment left of the plot), influence up
with open(sys.argv[6], newline="", encoding="utf-8") as f:
    sk = {row["id"]: row for row in csv.DictReader(f)}
at = r.get("gridAt", {})
check(r.get("viewsShown") is True and r.get("view") == "grid", "the view switch: %r" % r.get("view"))
check(set(at) == set(sk) and all(at[k] for k in at), "every org on the grid: %r" % at)
known = [k for k in sk if sk[k]["alignment"] != ""]
unknown = [k for k in sk if sk[k]["alignment"] == ""]
for u in known:
    for v in known:
        if float(sk[u]["alignment"]) < float(sk[v]["alignment"]) - 0.05:
            check(at[u][0] < at[v][0], "alignment: %s left of %s" % (u, v))
    for v in unknown:
        check(at[v][0] < at[u][0], "unknown %s left of %s" % (v, u))
    for v in sk:
        if float(sk[u]["influence"]) > float(sk[v]["influence"]) + 1e-9:
            check(at[u][1] < at[v][1], "influence: %s above %s" % (u, v))
quads = [("champion", "champion"), ("persuadable", "persuadable"), ("blocker", "blocker"),
         ("low_priority", "low priority"), ("focus", "focus")]
want = ["%s (%d)" % (legend, n) for q, legend in quads
        for n in [sum(1 for row in sk.values() if row["quadrant"] == q)] if n]
check(r.get("gridHeading") == "Colour: quadrant" and r.get("gridLegend") == want,
      "the grid's legend %r, expected %r" % (r.get("gridLegend"), want))
c = sk["d"]
check(r.get("gridClicked") == "d", "a click on d on the grid focuses it: %r" % r.get("gridClicked"))
gp = r.get("gridPanel", {})
check(gp.get("quadrant") == dict(quads)[c["quadrant"]], "d's quadrant %r, stakeholders %s" % (gp.get("quadrant"), c["quadrant"]))
check(abs(gp.get("influence", -9) - float(c["influence"])) < 1e-9, "d's influence %r, %s" % (gp.get("influence"), c["influence"]))
check(c["alignment"] != "" and abs(gp.get("alignment", -9) - float(c["alignment"])) < 1e-9,
      "d's alignment %r, %s" % (gp.get("alignment"), c["alignment"]))
check("<script>alert(1)</script>" not in dom.split('id="coalmap-data"')[0], "hostile name as markup")
for b in bad:
    print("browser:", b)
sys.exit(1 if bad else 0)
PY
checks=$((checks + 1)); grep 'CONSOLE' "$tmp/chrome.err" >"$tmp/console" && fail "console: $(head -3 "$tmp/console")"

# Save as SVG, taken on the map coloured by region with h1 focused: the
# text the page offered, read here by Python's XML parser; one circle per
# org drawn, one line per tie drawn, the hostile names and values as text
"$PYTHON3" - "$tmp/dom" "$tmp/view.svg" "$title" <<'PY' && ok || fail "Save as SVG (see above)"
import html, json, re, sys
import xml.etree.ElementTree as ET
r = json.loads(html.unescape(re.search(r'<pre id="test-result">(\{.*?)</pre>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(1)))
bad = []
def check(cond, what):
    if not cond:
        bad.append(what)
svg = r.get("svg", "")
open(sys.argv[2], "w", encoding="utf-8").write(svg)
S = "{http://www.w3.org/2000/svg}"
try:
    root = ET.fromstring(svg.encode("utf-8"))
except ET.ParseError as e:
    print("Save as SVG: not well-formed XML:", e)
    sys.exit(1)
check(root.tag == S + "svg", "the root is svg: %r" % root.tag)
check(r.get("svgFocus") == "h1", "h1 focused for the SVG: %r" % r.get("svgFocus"))
circles = [c for c in root.iter(S + "circle") if c.get("class") == "org"]
check(len(circles) == r.get("svgDrawn") and r.get("svgDrawn") == 7, "%d org circles, the page draws %r" % (len(circles), r.get("svgDrawn")))
m = root.find(".//%ssvg[@id='map']" % S)
lines = sum(len(re.findall(r"M", p.get("d"))) for p in m.iter(S + "path")) if m is not None else -1
check(lines == r.get("svgTies") and lines == 8, "%d lines in the map, the page draws %r ties" % (lines, r.get("svgTies")))
texts = ["".join(t.itertext()) for t in root.iter(S + "text")]
for want in ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</script><b>x", "line\u2028sep\u2029para"):
    check(want in texts, "%r drawn as text: %r" % (want, texts))
check(root.find(S + "title").text == sys.argv[3] and any(t.startswith(sys.argv[3] + " \u2014 7 of 7") for t in texts),
      "the title %r: %r" % (sys.argv[3], texts[:1]))
check("<script" not in svg and "<img" not in svg and "<b>" not in svg and "&lt;script&gt;" in svg and "&amp;" in svg,
      "markup only escaped in the SVG")
check(not [e for e in root.iter() if e.tag not in {S + t for t in ("svg", "title", "rect", "path", "circle", "text")}],
      "only svg, title, rect, path, circle and text elements")
for b in bad:
    print("Save as SVG:", b)
sys.exit(1 if bad else 0)
PY
[ -n "${EXPLORE_SVG:-}" ] && cp "$tmp/view.svg" "$EXPLORE_SVG"

# a screenshot, for a person to look at (kept when EXPLORE_SHOT names a file)
HOME="$tmp" timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --proxy-server=127.0.0.1:9 \
	--virtual-time-budget=3000 --window-size=1280,800 --screenshot="$tmp/shot.png" "file://$tmp/x.html" \
	>/dev/null 2>&1
checks=$((checks + 1)); [ -s "$tmp/shot.png" ] || fail "no screenshot"
[ -n "${EXPLORE_SHOT:-}" ] && cp "$tmp/shot.png" "$EXPLORE_SHOT"
finish
