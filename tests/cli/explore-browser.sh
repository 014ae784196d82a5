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

# The groups view (docs/explore.md), on a generated landscape grouped by
# region (--aggregate region; explore-big.sh opens one of 3,000 orgs on
# its communities): the filters and the time slider apply to the groups.
# A driver hides an org type, a tie type, a region, then moves the time
# slider; each time the groups' members, ties inside and links are counted
# here from organizations.csv and relationships.csv.
run generate --orgs 300 --ties 1200 --seed 1 -o "$tmp/gen"
expect_rc 0 "generate"
run explore "$tmp/gen" --aggregate region -o "$tmp/g.html"
expect_rc 0 "explore --aggregate region"
cat >"$tmp/gdrive.js" <<'JS'
(function () {
"use strict";
var out = { errors: [], states: {} };
window.addEventListener("error", function (e) { out.errors.push(String(e.message)); });
window.addEventListener("load", function () {
	try {
		var X = window.coalmapExplore, st = document.getElementById("status");
		function state(name) {
			var g = X.groups();
			g.status = { groups: +st.dataset.groups, links: +st.dataset.links, orgs: +st.dataset.orgs,
				     gained: +st.dataset.gained, lost: +st.dataset.lost };
			out.states[name] = g;
		}
		function click(sel) { document.querySelector(sel).click(); }
		function day(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }
		function set(id, v) { var e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event("input", { bubbles: true })); }
		out.view = document.getElementById("views").dataset.view;
		out.disabled = ["orgtypes", "tietypes", "time"].map(function (id) { return document.getElementById(id).disabled; });
		state("all");
		out.recount = X.groups(true);
		click('#orgtypes input[data-type="ngo"]');
		state("no ngo");
		/* the panel of the largest group, clicked on the canvas */
		var D = JSON.parse(document.getElementById("coalmap-data").textContent), k = 0, c = document.getElementById("map");
		D.groups.v.forEach(function (g, i) { if (g.members > D.groups.v[k].members) k = i; });
		var r = c.getBoundingClientRect(), v = X.view, g = D.groups.v[k];
		c.dispatchEvent(new MouseEvent("click", { clientX: r.left + (g.x - v.x) * v.s, clientY: r.top + (v.y - g.y) * v.s, bubbles: true }));
		out.panel = { group: document.getElementById("panel").dataset.group, figures: {} };
		document.querySelectorAll("#group dd").forEach(function (dd) { out.panel.figures[dd.previousSibling.textContent] = +dd.dataset.value; });
		click('#orgtypes input[data-type="ngo"]');
		out.panelBack = +document.querySelector("#group dd").dataset.value;
		click('#tietypes input[data-tie-type="partnership"]');
		state("no partnership");
		click('#tietypes input[data-tie-type="partnership"]');
		var by = document.getElementById("filter-by");
		Array.prototype.forEach.call(by.options, function (o) { if (o.textContent === "region") by.value = o.value; });
		by.dispatchEvent(new Event("change", { bubbles: true }));
		click('#orgvalues input[data-value="Europe"]');
		state("no Europe");
		click('#orgvalues input[data-value="Europe"]');
		click("#at-on");
		set("at", day(AT));
		state("at");
		click("#since-on");
		set("since", day(SINCE));
		state("since");
		/* a zoom shows the last drawing scaled; at rest the view is drawn
		 * whole again: the same pixels as a whole drawing of that view */
		X.redraw();
		var still = c.toDataURL();
		X.zoom(1.3);
		var moving = c.toDataURL();
		setTimeout(function () {
			var rested = c.toDataURL();
			X.redraw();
			out.pan = { moved: moving !== still, rested: rested === c.toDataURL(), whole: rested !== moving };
			finish();
		}, 400);
		return;
	} catch (e) {
		out.errors.push("driver: " + e.message);
	}
	finish();
});
function finish() {
	var pre = document.createElement("pre");
	pre.id = "test-result";
	pre.textContent = JSON.stringify(out);
	document.body.appendChild(pre);
}
})();
JS
"$PYTHON3" - "$tmp/g.html" "$tmp/gdrive.js" "$tmp/gt.html" <<'PY' || fail "injecting the groups driver"
import base64, hashlib, json, sys
page = open(sys.argv[1], encoding="utf-8").read()
js = open(sys.argv[2], encoding="utf-8").read()
for k, v in (("AT", "2016-06-01"), ("SINCE", "2013-01-01")):
    js = js.replace(k, json.dumps(v))
h = "'sha256-%s'" % base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()
page = page.replace("script-src ", "script-src %s " % h, 1)
page = page.replace('<script type="application/json"', "<script>%s</script>\n<script type=\"application/json\"" % js, 1)
open(sys.argv[3], "w", encoding="utf-8").write(page)
PY
HOME="$tmp" timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --proxy-server=127.0.0.1:9 \
	--enable-logging=stderr --v=0 --virtual-time-budget=5000 --window-size=1280,800 --dump-dom "file://$tmp/gt.html" >"$tmp/gdom" 2>"$tmp/gchrome.err"
checks=$((checks + 1)); grep -q 'id="test-result"' "$tmp/gdom" || fail "groups: no result in the DOM; $(tail -3 "$tmp/gchrome.err")"
"$PYTHON3" - "$tmp/gdom" "$tmp/g.html" "$tmp/gen/organizations.csv" "$tmp/gen/relationships.csv" <<'PY' && ok || fail "the groups view's filters (see above)"
import csv, html, json, re, sys
r = json.loads(html.unescape(re.search(r'<pre id="test-result">(\{.*?)</pre>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(1)))
d = json.loads(re.search(r'id="coalmap-data">(.*?)</script>', open(sys.argv[2], encoding="utf-8").read(), re.S).group(1))
orgs = {o["id"]: o for o in csv.DictReader(open(sys.argv[3], newline="", encoding="utf-8"))}
ties = list(csv.DictReader(open(sys.argv[4], newline="", encoding="utf-8")))
bad = []
def check(cond, what):
    if not cond:
        bad.append(what)
def on(t, day):
    return (not t["start"] or t["start"] <= day) and (not t["end"] or day <= t["end"])
# each group (a region): its orgs kept, its ties inside (conflict not
# counted), the ties between two groups by pair and kind, gained and lost
def count(org_ok=lambda o: True, tie_ok=lambda t: True, at=None, since=None):
    members, inside, links, change = {}, {}, {}, [0, 0]
    for o in orgs.values():
        if org_ok(o):
            members[o["region"]] = members.get(o["region"], 0) + 1
    for t in ties:
        a, b = orgs[t["source"]], orgs[t["target"]]
        if not (org_ok(a) and org_ok(b) and tie_ok(t)):
            continue
        if at is not None:
            now, then = on(t, at), since is not None and on(t, since)
            if not (now or then):
                continue
            if since is not None and now != then:
                change[0 if now else 1] += 1
        conflict = int(t["type"] == "conflict")
        if a["region"] == b["region"]:
            inside[a["region"]] = inside.get(a["region"], 0) + (1 - conflict)
        else:
            key = tuple(sorted((a["region"], b["region"]))) + (conflict,)
            links[key] = links.get(key, 0) + 1
    return members, inside, links, change
def same(name, want):
    s = r.get("states", {}).get(name)
    if not s:
        check(False, "%s: no state" % name)
        return
    members, inside, links, change = want
    got = {g[0]: (g[1], g[2]) for g in s["v"]}
    exp = {k: (members.get(k, 0), inside.get(k, 0)) for k in got}
    check(got == exp and set(members) <= set(got), "%s: members, ties inside %r, expected %r" % (name, got, exp))
    gl = {tuple(sorted(e[:2])) + (e[3],): e[2] for e in s["links"]}
    check(gl == links, "%s: links %r, expected %r" % (name, sorted(gl.items()), sorted(links.items())))
    st = s["status"]
    check(st["groups"] == sum(1 for k in got if members.get(k, 0)) and st["links"] == len(links) and st["orgs"] == sum(members.values()),
          "%s: status %r" % (name, st))
    check([st["gained"], st["lost"]] == change, "%s: gained, lost %r, expected %r" % (name, [st["gained"], st["lost"]], change))
    return s
check(r["errors"] == [], "JavaScript errors: %r" % r["errors"])
check(r.get("view") == "groups" and r.get("disabled") == [False, False, False], "the groups view, filters on: %r %r" % (r.get("view"), r.get("disabled")))
same("all", count())
# counted again in the page with nothing hidden: coalmap's own groups
# and links (members, inside, side; ties, conflict, weak) as the page holds them
rc = r.get("recount", {"v": [], "links": []})
G = d["groups"]
check([g[:3] for g in rc["v"]] == [[g["name"], g["members"], g["inside"]] for g in G["v"]] and
      all(abs(a[3] - g["side"]) < 0.01 for a, g in zip(rc["v"], G["v"])), "recount: groups %r" % rc["v"])
check(sorted(rc["links"]) == sorted([G["v"][e[0]]["name"], G["v"][e[1]]["name"], e[2], e[3], e[4]] for e in G["links"]),
      "recount: links %r, coalmap's %r" % (rc["links"], G["links"]))
s = same("no ngo", count(org_ok=lambda o: o["type"] != "ngo"))
same("no partnership", count(tie_ok=lambda t: t["type"] != "partnership"))
s2 = same("no Europe", count(org_ok=lambda o: o["region"] != "Europe"))
check(s2 is None or s2["status"]["groups"] == len(G["v"]) - 1, "no Europe: one group fewer")
same("at", count(at="2016-06-01"))
same("since", count(at="2016-06-01", since="2013-01-01"))
# the largest group's panel, ngo hidden
members, inside, links, change = count(org_ok=lambda o: o["type"] != "ngo")
big = max(G["v"], key=lambda g: g["members"])["name"]
f = r.get("panel", {}).get("figures", {})
out = sum(n for k, n in links.items() if big in k[:2])
check(r.get("panel", {}).get("group") == big and f.get("members") == members[big] and f.get("ties inside") == inside[big] and
      f.get("ties to other groups") == out and f.get("groups linked") == sum(1 for k in links if big in k[:2]),
      "%s's panel without ngo: %r" % (big, r.get("panel")))
check(r.get("panelBack") == max(g["members"] for g in G["v"]), "ngo shown again: the panel's members %r" % r.get("panelBack"))
check(r.get("pan") == {"moved": True, "rested": True, "whole": True},
      "a zoom scales the drawing, drawn whole again at rest: %r" % r.get("pan"))
for b in bad:
    print("groups view:", b)
sys.exit(1 if bad else 0)
PY
checks=$((checks + 1)); grep 'CONSOLE' "$tmp/gchrome.err" >"$tmp/console" && fail "groups console: $(head -3 "$tmp/console")"

# Accessibility (docs/explore.md): contrast of texts, control edges, legend
# swatches and focus rings (WCAG 2.1 AA), the names Chromium's
# accessibility tree gives controls and landmarks, the panel a named live
# region, and the keyboard alone through the page (real key presses over
# Chromium's DevTools pipe; tests/cli/explore-a11y.py says what it walks)
"$PYTHON3" "$top_srcdir/tests/cli/explore-a11y.py" "$chromium" "$tmp/x.html" "$tmp/g.html" && ok || fail "accessibility (see above)"

# a screenshot, for a person to look at (kept when EXPLORE_SHOT names a file)
HOME="$tmp" timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --proxy-server=127.0.0.1:9 \
	--virtual-time-budget=3000 --window-size=1280,800 --screenshot="$tmp/shot.png" "file://$tmp/x.html" \
	>/dev/null 2>&1
checks=$((checks + 1)); [ -s "$tmp/shot.png" ] || fail "no screenshot"
[ -n "${EXPLORE_SHOT:-}" ] && cp "$tmp/shot.png" "$EXPLORE_SHOT"

# Firefox, when installed (optional: CI installs only Chromium): the same
# page (no story) in firefox-esr --headless --screenshot and in Chromium at
# 1200x850; the area of each org fill colour (viz/style.c's slot of each
# org's type, as the page's data gives it) is counted by ImageMagick in
# both pictures: the discs are there in Firefox, of the same areas within
# 15%.  A script error in Firefox leaves the canvas blank and fails.
firefox=$(command -v firefox-esr || command -v firefox || true)
if [ -z "$firefox" ]; then
	echo "firefox-esr is not installed: the Firefox check is skipped (apt-get install firefox-esr)"
elif ! command -v convert >/dev/null 2>&1; then
	echo "ImageMagick's convert is not installed: the Firefox check is skipped"
else
	run explore "$L" -o "$tmp/plain.html"
	expect_rc 0 "explore, no story"
	mkdir -p "$tmp/ffprofile"
	# no request leaves Firefox either (as --proxy-server for Chromium)
	printf '%s\n' 'user_pref("network.proxy.type", 1);' 'user_pref("network.proxy.http", "127.0.0.1");' \
		'user_pref("network.proxy.http_port", 9);' 'user_pref("network.proxy.ssl", "127.0.0.1");' \
		'user_pref("network.proxy.ssl_port", 9);' 'user_pref("network.proxy.share_proxy_settings", true);' \
		'user_pref("app.update.enabled", false);' 'user_pref("datareporting.policy.dataSubmissionEnabled", false);' \
		>"$tmp/ffprofile/user.js"
	HOME="$tmp" timeout 120 "$firefox" --headless -no-remote -profile "$tmp/ffprofile" --window-size=1200,850 \
		--screenshot "$tmp/ff.png" "file://$tmp/plain.html" >"$tmp/ff.err" 2>&1
	HOME="$tmp" timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --proxy-server=127.0.0.1:9 \
		--virtual-time-budget=3000 --window-size=1200,850 --screenshot="$tmp/cr.png" "file://$tmp/plain.html" >/dev/null 2>&1
	if [ -s "$tmp/ff.png" ] && [ -s "$tmp/cr.png" ]; then
		convert "$tmp/ff.png" -format %c histogram:info:- >"$tmp/ff.hist" &&
		convert "$tmp/cr.png" -format %c histogram:info:- >"$tmp/cr.hist" &&
		"$PYTHON3" - "$tmp/plain.html" "$top_srcdir/viz/style.c" "$tmp/ff.hist" "$tmp/cr.hist" <<'PY' && ok || fail "the page in Firefox (see above)"
import json, re, sys
d = json.loads(re.search(r'id="coalmap-data">(.*?)</script>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(1))
table = open(sys.argv[2], encoding="utf-8").read()
slots = re.findall(r'\{ "(#[0-9A-F]{6})", "', table.split("slots[")[1])[:9]
def hist(path):
    h = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*(\d+):.*?(#[0-9A-F]{6})", line)
        if m:
            h[m.group(2)] = h.get(m.group(2), 0) + int(m.group(1))
    return h
ff, cr = hist(sys.argv[3]), hist(sys.argv[4])
bad = []
for c in sorted({slots[o["slot"]] for o in d["orgs"]}):
    if not (ff.get(c, 0) >= 200 and abs(ff.get(c, 0) - cr.get(c, 0)) <= 0.15 * cr.get(c, 0)):
        bad.append("%s: %d pixels in Firefox, %d in Chromium" % (c, ff.get(c, 0), cr.get(c, 0)))
for b in bad:
    print("Firefox:", b)
sys.exit(1 if bad else 0)
PY
	else
		fail "no Firefox screenshot: $(tail -3 "$tmp/ff.err")"
	fi
	[ -n "${EXPLORE_FF_SHOT:-}" ] && cp "$tmp/ff.png" "$EXPLORE_FF_SHOT"
fi
finish
