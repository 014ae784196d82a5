#!/bin/sh
# coalmap explore above the size the page draws org by org (docs/explore.md):
# a generated landscape of 3,000 orgs and 25,000 ties opens on the
# aggregated view.  The groups' members and ties inside are counted here
# from coalmap metrics' community column and relationships.csv; in
# headless Chromium a click on the largest group shows its figures and
# its top members by degree (those of metrics), and a member's button
# focuses it.  Skipped (77) without chromium and under a wrapper.
. "$(dirname "$0")/lib.sh"
graphviz_leaks

if [ -n "${COALMAP_WRAPPER:-}" ]; then
	echo "the big explorer test does not run under a wrapper (COALMAP_WRAPPER); skipped"
	exit 77
fi
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
	echo "chromium is not installed: the browser test is skipped (apt-get install chromium)"
	exit 77
fi

run generate --orgs 3000 --ties 25000 --seed 1 -o "$tmp/big"
expect_rc 0 "generate"
run explore "$tmp/big" -o "$tmp/x.html"
expect_rc 0 "explore above the size limit"
run metrics "$tmp/big" -f csv
expect_rc 0 "metrics"
printf '%s\n' "$out" >"$tmp/m.csv"

# the page with a driver: on load, click the largest group, read the
# panel, then click its first member
cat >"$tmp/drive.js" <<'JS'
(function () {
"use strict";
var out = { errors: [] };
window.addEventListener("error", function (e) { out.errors.push(String(e.message)); });
window.addEventListener("load", function () {
	try {
		var D = JSON.parse(document.getElementById("coalmap-data").textContent), st = document.getElementById("status");
		out.view = document.getElementById("views").dataset.view;
		out.groups = +st.dataset.groups;
		out.links = +st.dataset.links;
		var k = 0;
		D.groups.v.forEach(function (g, i) { if (g.members > D.groups.v[k].members) k = i; });
		var c = document.getElementById("map"), r = c.getBoundingClientRect(), v = window.coalmapExplore.view, g = D.groups.v[k];
		c.dispatchEvent(new MouseEvent("click", { clientX: r.left + (g.x - v.x) * v.s, clientY: r.top + (v.y - g.y) * v.s, bubbles: true }));
		out.group = document.getElementById("panel").dataset.group;
		out.figures = {};
		document.querySelectorAll("#group dd").forEach(function (dd) { out.figures[dd.previousSibling.textContent] = +dd.dataset.value; });
		out.members = Array.prototype.map.call(document.querySelectorAll("#members button"), function (b) { return b.dataset.org; });
		document.querySelector("#members button").click();
		out.focused = document.getElementById("panel").dataset.org;
		/* an org whose partners the page does not hold: the panel says how to get them */
		var i = 0;
		while (D.advice.orgs[i]) i++;
		var s = document.getElementById("search");
		s.value = D.orgs[i].id;
		s.dispatchEvent(new Event("input", { bubbles: true }));
		s.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
		out.unheld = [D.orgs[i].id, document.getElementById("panel").dataset.org,
			      (document.querySelector("#panel .advice-missing") || {}).textContent];
	} catch (e) {
		out.errors.push("driver: " + e.message);
	}
	var pre = document.createElement("pre");
	pre.id = "test-result";
	pre.textContent = JSON.stringify(out);
	document.body.appendChild(pre);
});
})();
JS
"$PYTHON3" - "$tmp/x.html" "$tmp/drive.js" "$tmp/t.html" <<'PY' || fail "injecting the driver"
import base64, hashlib, sys
page = open(sys.argv[1], encoding="utf-8").read()
js = open(sys.argv[2], encoding="utf-8").read()
h = "'sha256-%s'" % base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()
page = page.replace("script-src ", "script-src %s " % h, 1)
page = page.replace('<script type="application/json"', "<script>%s</script>\n<script type=\"application/json\"" % js, 1)
open(sys.argv[3], "w", encoding="utf-8").write(page)
PY
HOME="$tmp" timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --proxy-server=127.0.0.1:9 \
	--enable-logging=stderr --v=0 --virtual-time-budget=5000 --window-size=1280,800 --dump-dom "file://$tmp/t.html" >"$tmp/dom" 2>"$tmp/chrome.err"
checks=$((checks + 1)); grep -q 'id="test-result"' "$tmp/dom" || fail "no result in the DOM; $(tail -3 "$tmp/chrome.err")"

"$PYTHON3" - "$tmp/x.html" "$tmp/dom" "$tmp/m.csv" "$tmp/big/relationships.csv" <<'PY' && ok || fail "the aggregated view (see above)"
import csv, html, json, re, sys
d = json.loads(re.search(r'id="coalmap-data">(.*?)</script>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(1))
r = json.loads(html.unescape(re.search(r'<pre id="test-result">(\{.*?)</pre>', open(sys.argv[2], encoding="utf-8").read(), re.S).group(1)))
rows = list(csv.DictReader(open(sys.argv[3], newline="", encoding="utf-8")))
ties = list(csv.DictReader(open(sys.argv[4], newline="", encoding="utf-8")))
bad = []
def check(cond, what):
    if not cond:
        bad.append(what)
G = d["groups"]
check(G is not None and G["by"] == "community" and G["why"] == 2, "groups of communities because of the orgs: %r" % (G and G["why"]))
check(all("x" not in o for o in d["orgs"]) and len(d["orgs"]) == 3000, "no org drawn one by one")
# each group: the orgs of that community (metrics), the non-conflict ties among them
comm = {}
for row in rows:
    comm.setdefault(row["community"], set()).add(row["id"])
for k, g in enumerate(G["v"]):
    mem = comm.get(g["name"].split()[-1], set())
    inside = sum(1 for t in ties if t["source"] in mem and t["target"] in mem and t["type"] != "conflict")
    check(g["name"] == "Community " + g["name"].split()[-1] and g["members"] == len(mem), "%s: %d members, metrics %d" % (g["name"], g["members"], len(mem)))
    check(g["inside"] == inside, "%s: %d ties inside, relationships.csv %d" % (g["name"], g["inside"], inside))
    check(sum(1 for o in d["orgs"] if o.get("grp") == k) == len(mem), "%s: the orgs' group" % g["name"])
sizes = sorted((len(s) for s in comm.values()), reverse=True)
check([g["members"] for g in G["v"]] == sizes[:60], "the 60 largest communities, largest first")
# in Chromium
check(r["errors"] == [], "JavaScript errors: %r" % r["errors"])
check(r.get("view") == "groups" and r.get("groups") == len(G["v"]) and r.get("links") == len(G["links"]),
      "opens on the groups: %r %r %r" % (r.get("view"), r.get("groups"), r.get("links")))
big = max(G["v"], key=lambda g: g["members"])
mem = comm[big["name"].split()[-1]]
check(r.get("group") == big["name"], "a click on the largest group: %r" % r.get("group"))
f = r.get("figures", {})
check(f.get("members") == len(mem) and f.get("ties inside") == big["inside"], "its figures %r" % f)
drawn = set().union(*(comm[g["name"].split()[-1]] for g in G["v"]))
out = sum(1 for t in ties if (t["source"] in mem) != (t["target"] in mem) and t["source"] in drawn and t["target"] in drawn)
check(f.get("ties to other groups") == out, "ties to other groups %r, relationships.csv %d" % (f.get("ties to other groups"), out))
order = [row["id"] for row in sorted((row for row in rows if row["id"] in mem), key=lambda row: -int(row["degree"]))]
check(r.get("members") == order[:10], "top members by degree %r, metrics %r" % (r.get("members"), order[:10]))
check(r.get("focused") == order[0], "a member's button focuses it: %r" % r.get("focused"))
# partners and introductions: held for the 100 orgs of highest betweenness
top = [row["id"] for row in sorted(rows, key=lambda row: -float(row["betweenness"]))][:100]
held = [d["orgs"][int(k)]["id"] for k in d["advice"]["orgs"]]
check(sorted(held) == sorted(top), "advice held for %d orgs, %d of them not in the top 100 by betweenness" %
      (len(held), len(set(held) - set(top))))
u = r.get("unheld", [None, None, None])
check(u[0] not in held and u[1] == u[0] and u[2] and u[2].endswith("run coalmap gaps --for " + u[0]), "an org not held: %r" % u)
for b in bad:
    print("big explore:", b)
sys.exit(1 if bad else 0)
PY
checks=$((checks + 1)); grep 'CONSOLE' "$tmp/chrome.err" >"$tmp/console" && fail "console: $(head -3 "$tmp/console")"
finish
