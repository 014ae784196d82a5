/* explore-drive.js - injected by tests/cli/explore-browser.sh before the
 * page's own script: records errors, then on load drives the real UI
 * (typing in the search box, keys, a click on the canvas, a filter) and
 * writes what it saw as JSON into a pre element, #test-result.  The shell
 * replaces QUERY, TARGET, CLICK, TYPE, COLOUR, AREA, AT, SINCE and HOSTILE
 * with JSON strings.  Downloads (Save as SVG, Save as PNG) are caught
 * where the page makes their Blob URL and clicks the link. */
(function () {
"use strict";
var out = { errors: [] };
window.addEventListener("error", function (e) { out.errors.push(String(e.message)); });
function key(el, k) { el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true })); }
function metrics() {
	var m = {};
	document.querySelectorAll("#metrics dd").forEach(function (dd) {
		m[dd.dataset.metric] = { value: dd.dataset.value === undefined ? null : dd.dataset.value, text: dd.textContent };
	});
	return m;
}
function drawn() { return +document.getElementById("status").dataset.orgs; }
/* the files the page offers: each blob made into a URL, and the link's
 * name; the result is written once the SVG's text and the PNG are in (or
 * after two seconds without them) */
var blobs = [], names = [], make = URL.createObjectURL, pending = 2;
URL.createObjectURL = function (blob) {
	blobs.push(blob);
	if (blob.type === "image/svg+xml")
		blob.text().then(function (t) { out.svg = t; if (--pending === 0) finish(); });
	else if (blob.type === "image/png") {
		out.png = { type: blob.type, size: blob.size };
		if (--pending === 0) setTimeout(finish, 0);
	}
	return make.call(URL, blob);
};
HTMLAnchorElement.prototype.click = function () { names.push(this.download); };
window.addEventListener("load", function () {
	try {
		var s = document.getElementById("search");
		s.focus();
		s.value = QUERY;
		s.dispatchEvent(new Event("input", { bubbles: true }));
		out.results = Array.prototype.map.call(document.querySelectorAll("#results li"), function (li) { return li.textContent; });
		key(s, "ArrowDown");
		out.selected = document.querySelector("#results li[aria-selected=true]").textContent;
		key(s, "Enter");
		out.panelOrg = document.getElementById("panel").dataset.org;
		out.panelName = document.querySelector("#panel h2").textContent;
		out.metrics = metrics();
		out.partners = document.querySelectorAll("#partners li").length;
		out.recommended = Array.prototype.map.call(document.querySelectorAll("#recommended button"), function (b) { return b.dataset.org; });
		/* a click where the CLICK org is drawn focuses it */
		var c = document.getElementById("map"), r = c.getBoundingClientRect(), v = window.coalmapExplore.view;
		var D = JSON.parse(document.getElementById("coalmap-data").textContent), o = null;
		D.orgs.forEach(function (q) { if (q.id === CLICK) o = q; });
		var px = r.left + (o.x - v.x) * v.s, py = r.top + (v.y - o.y) * v.s;
		c.dispatchEvent(new MouseEvent("mousedown", { clientX: px, clientY: py, bubbles: true }));
		c.dispatchEvent(new MouseEvent("mouseup", { clientX: px, clientY: py, bubbles: true }));
		c.dispatchEvent(new MouseEvent("click", { clientX: px, clientY: py, bubbles: true }));
		out.clicked = document.getElementById("panel").dataset.org;
		/* + zooms in, Escape clears the focus */
		var s0 = v.s;
		key(c, "+");
		out.zoomed = v.s > s0;
		key(c, "Escape");
		out.cleared = document.getElementById("panel").dataset.org === undefined;
		/* hiding a type */
		out.before = drawn();
		document.querySelector('#orgtypes input[data-type="' + TYPE + '"]').click();
		out.after = drawn();
		out.legend = Array.prototype.map.call(document.querySelectorAll("#colours li"), function (li) { return li.textContent; });
		out.injected = document.querySelectorAll("img, iframe, object, embed").length;
		document.querySelector('#orgtypes input[data-type="' + TYPE + '"]').click();
		/* filter by another column: region, hiding North */
		var by = document.getElementById("filter-by");
		Array.prototype.forEach.call(by.options, function (o) { if (o.textContent === "region") by.value = o.value; });
		by.dispatchEvent(new Event("change", { bubbles: true }));
		out.regionValues = Array.prototype.map.call(document.querySelectorAll("#orgvalues input"), function (c) { return c.dataset.value; });
		document.querySelector('#orgvalues input[data-value="North"]').click();
		out.withoutNorth = drawn();
		document.querySelector('#orgvalues input[data-value="North"]').click();
		/* the colour and area switches */
		function pick(id, label) {
			var s = document.getElementById(id);
			Array.prototype.forEach.call(s.options, function (o) { if (o.textContent === label) s.value = o.value; });
			s.dispatchEvent(new Event("change", { bubbles: true }));
			return s.options[s.selectedIndex].textContent;
		}
		out.colourPicked = pick("color-by", COLOUR);
		out.colourHeading = document.querySelector("#legend h2").textContent;
		out.colourLegend = Array.prototype.map.call(document.querySelectorAll("#colours li"), function (li) { return li.textContent; });
		out.areaPicked = pick("size-by", D.metrics.filter(function (m) { return m.name === AREA; })[0].label);
		out.largest = window.coalmapExplore.largest();
		/* Save as SVG, coloured by region (hostile values in the legend),
		 * the HOSTILE org focused (its partners' labels drawn too) */
		s.value = HOSTILE;
		s.dispatchEvent(new Event("input", { bubbles: true }));
		key(s, "Enter");
		out.svgFocus = document.getElementById("panel").dataset.org;
		key(c, "0"); /* the whole map in view */
		out.svgDrawn = drawn();
		out.svgTies = +document.getElementById("status").dataset.ties;
		document.getElementById("save-svg").click();
		out.svgName = names[names.length - 1];
		key(c, "Escape");
		/* the time slider: one day, then the changes since an earlier one */
		function day(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }
		function set(id, v) { var e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event("input", { bubbles: true })); }
		var st = document.getElementById("status");
		out.timeShown = !document.getElementById("time").hidden;
		out.allTies = +st.dataset.ties;
		document.getElementById("at-on").click();
		set("at", day(AT));
		out.atDay = document.getElementById("at-day").textContent;
		out.atTies = +st.dataset.ties;
		document.getElementById("since-on").click();
		set("since", day(SINCE));
		out.sinceTies = +st.dataset.ties;
		out.gained = +st.dataset.gained;
		out.lost = +st.dataset.lost;
		out.status = st.textContent;
		/* the story: shown at step 1; Next, the right arrow on a story button,
		 * then Page Up walk it */
		function where() { return [document.getElementById("story-count").textContent, document.getElementById("story-heading").textContent, window.coalmapExplore.lit().sort()]; }
		out.story = [where()];
		document.getElementById("story-next").click();
		out.story.push(where());
		key(document.getElementById("story-next"), "ArrowRight");
		out.story.push(where());
		out.nextDisabled = document.getElementById("story-next").disabled;
		key(document.body, "PageUp");
		out.story.push(where());
		/* the stakeholder grid: where each org is drawn, the legend, and
		 * the panel of the CLICK org clicked there */
		out.viewsShown = !document.getElementById("views").hidden;
		document.querySelector('#views input[value="grid"]').click();
		out.view = document.getElementById("views").dataset.view;
		out.gridAt = {};
		D.orgs.forEach(function (q) { out.gridAt[q.id] = window.coalmapExplore.at(q.id); });
		out.gridHeading = document.querySelector("#legend h2").textContent;
		out.gridLegend = Array.prototype.map.call(document.querySelectorAll("#colours li"), function (li) { return li.textContent; });
		var g = out.gridAt[CLICK];
		r = c.getBoundingClientRect(); /* the story bar above may have changed its height */
		c.dispatchEvent(new MouseEvent("click", { clientX: r.left + g[0], clientY: r.top + g[1], bubbles: true }));
		out.gridClicked = document.getElementById("panel").dataset.org;
		out.gridPanel = {};
		document.querySelectorAll("#stake dd").forEach(function (dd) {
			out.gridPanel[dd.previousSibling.textContent] = dd.dataset.value === undefined ? dd.textContent : +dd.dataset.value;
		});
		/* Save as PNG: the file offered for download */
		document.getElementById("save-png").click();
		setTimeout(finish, 2000);
	} catch (e) {
		out.errors.push("driver: " + e.message);
		finish();
	}
});
var done = false;
function finish() {
	if (done) return;
	done = true;
	out.names = names;
	var pre = document.createElement("pre");
	pre.id = "test-result";
	pre.textContent = JSON.stringify(out);
	document.body.appendChild(pre);
}
})();
