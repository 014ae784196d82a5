#!/bin/sh
# The explorer's page in headless Chromium (issue 19): for generated
# landscapes (seed 1, three ties per org) of 1,000, 2,000 (the most the page
# draws org by org) and 10,000 orgs (the aggregated view), the time coalmap
# explore takes, the page's size, the time to first draw (from the start of
# navigation to the end of the page script's first draw, flushed to pixels),
# the frame time of pan and zoom (40 pans and 40 zooms, each flushed with
# a one-pixel getImageData: on the orgs' map a whole drawing, on the groups
# view its last whole drawing moved and scaled) and, after each, the time
# to draw that view whole (as the groups view does once a pan or zoom has
# rested; on the orgs' map the same as a frame); medians (and the 90th
# percentile of frames) of each run, then the median of RUNS browser runs
# (default 3).  Chromium runs with a 1280x800 window, no GPU.
#
# Usage: bench/explore.sh [SIZES...]   (default 1000 2000 10000; about a minute)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
coalmap=${COALMAP:-$top/cli/coalmap}
runs=${RUNS:-3}
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "bench/explore.sh needs chromium" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ $# -gt 0 ] || set -- 1000 2000 10000

cat >"$out/drive.js" <<'JS'
(function () {
"use strict";
var r = { errors: [] };
window.addEventListener("error", function (e) { r.errors.push(String(e.message)); });
window.addEventListener("load", function () {
	var c = document.getElementById("map"), g = c.getContext("2d"), E = window.coalmapExplore, k, t, times = [], whole = [];
	g.getImageData(0, 0, 1, 1); /* the first draw, in pixels */
	r.first = performance.now();
	for (k = 0; k < 80; k++) {
		t = performance.now();
		if (k % 2) E.pan(k % 4 === 1 ? 25 : -25, 10); else E.zoom(k % 4 === 0 ? 1.1 : 1 / 1.1);
		g.getImageData(0, 0, 1, 1);
		times.push(performance.now() - t);
		/* the same view drawn whole, as at rest (a page before redraw():
		 * zoom drew whole) */
		t = performance.now();
		if (E.redraw) E.redraw(); else E.zoom(1);
		g.getImageData(0, 0, 1, 1);
		whole.push(performance.now() - t);
	}
	function sorted(a) { return a.sort(function (x, y) { return x - y; }); }
	times = sorted(times);
	whole = sorted(whole);
	r.frame = times[times.length >> 1];
	r.frame90 = times[Math.floor(times.length * 0.9)];
	r.redraw = whole[whole.length >> 1];
	r.view = document.getElementById("views").dataset.view || "map";
	r.status = document.getElementById("status").textContent;
	var pre = document.createElement("pre");
	pre.id = "bench-result";
	pre.textContent = JSON.stringify(r);
	document.body.appendChild(pre);
});
})();
JS

printf '%-7s %-7s %-7s %9s %9s %12s %11s %11s %11s\n' orgs ties view explore_s page_MB first_draw_ms frame_ms frame90_ms redraw_ms
for n in "$@"; do
	m=$((3 * n))
	d=$top/bench/out/load-$n-$m
	mkdir -p "$d"
	[ -s "$d/relationships.csv" ] || "$coalmap" generate --orgs "$n" --ties "$m" --seed 1 -o "$d" >/dev/null
	s0=$(date +%s.%N)
	"$coalmap" explore "$d" --no-cache -o "$out/p.html" --quiet
	s1=$(date +%s.%N)
	python3 - "$out/p.html" "$out/drive.js" "$out/t.html" <<'PY'
import base64, hashlib, sys
page = open(sys.argv[1], encoding="utf-8").read()
js = open(sys.argv[2], encoding="utf-8").read()
h = "'sha256-%s'" % base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()
page = page.replace("script-src ", "script-src %s " % h, 1)
page = page.replace('<script type="application/json"', "<script>%s</script>\n<script type=\"application/json\"" % js, 1)
open(sys.argv[3], "w", encoding="utf-8").write(page)
PY
	: >"$out/runs"
	i=0
	while [ $i -lt "$runs" ]; do
		HOME="$out" timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
			--proxy-server=127.0.0.1:9 --window-size=1280,800 --dump-dom "file://$out/t.html" 2>/dev/null |
			sed -n 's/.*<pre id="bench-result">\(.*\)<\/pre>.*/\1/p' >>"$out/runs"
		i=$((i + 1))
	done
	python3 - "$out/runs" "$n" "$m" "$s0" "$s1" "$(wc -c <"$out/p.html")" <<'PY'
import html, json, statistics, sys
rs = [json.loads(html.unescape(line)) for line in open(sys.argv[1]) if line.strip()]
if not rs or any(r["errors"] for r in rs):
    sys.exit("no result, or errors: %r" % [r.get("errors") for r in rs])
med = lambda k: statistics.median(r[k] for r in rs)
print("%-7s %-7s %-7s %9.2f %9.2f %12.0f %11.1f %11.1f %11.1f" % (sys.argv[2], sys.argv[3], rs[0]["view"],
      float(sys.argv[5]) - float(sys.argv[4]), int(sys.argv[6]) / 1e6, med("first"), med("frame"), med("frame90"), med("redraw")))
PY
done
