/* coalmap explore: draws the places coalmap's Graphviz layout found on a
 * canvas; search, focus, filters, colour and area switches, time.  Every
 * name and value from the data is shown through textContent or fillText,
 * never as markup. */
(function () {
"use strict";
var D = JSON.parse(document.getElementById("coalmap-data").textContent);
/* the palette of viz/style.c, slot by slot; the last is "other" */
var PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#BBBBBB"];
var TIE_COLOURS = ["#555555", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];
var canvas = document.getElementById("map"), ctx = canvas.getContext("2d");
var orgs = D.orgs, ties = D.ties, n = orgs.length;
var view = { s: 1, x: 0, y: 0 }, focus = -1, dpr = window.devicePixelRatio || 1;
var valueOn = {}, tieOn = [], nbrs = [], grid = null;
/* the column the organization filter shows (type, or a column of D.attrs) */
var filterBy = function (i) { return orgs[i].type; };
/* the colour slot and the side of each org as the switches say (the map's
 * own at first); the day shown and the earlier day compared, or null */
var slotOf = orgs.map(function (o) { return o.slot; }), sideOf = orgs.map(function (o) { return o.side; });
var atDay = null, sinceDay = null;
/* the story step shown (-1: none) and the orgs it shows, as a set */
var step = -1, shown = null;
/* lines fainter as they grow many, so that a dense map is not one grey blot */
var lineAlpha = Math.max(0.06, Math.min(0.8, 400 / Math.max(1, ties.length)));
/* the view: "map" (the landscape map) or "grid" (the stakeholders' grid);
 * px, py where each org is drawn in it (undefined: not drawn) */
var mode = "map", px = [], py = [], GRID_SIDE = 9;
/* the aggregated view (D.groups: above the size the page draws org by
 * org, or --aggregate): the group chosen, or -1 */
var G = D.groups, gfocus = -1;
if (G) mode = "groups";

function el(tag, text, cls) {
	var e = document.createElement(tag);
	if (text !== undefined) e.textContent = String(text);
	if (cls) e.className = cls;
	return e;
}

/* A new batch of lines: a Path2D, or the SVG writer's own (see svgText). */
function newPath() { return ctx.newPath ? ctx.newPath() : new Path2D(); }
/* A disc filled and outlined in the current styles (an org, a group). */
function disc(x, y, r, cls) {
	if (ctx.disc) { ctx.disc(x, y, r, cls); return; }
	ctx.beginPath();
	ctx.arc(x, y, r, 0, 2 * Math.PI);
	ctx.fill();
	ctx.stroke();
}

/* neighbours of each org, over every tie */
for (var i = 0; i < n; i++) nbrs.push([]);
ties.forEach(function (t, k) { nbrs[t[0]].push(k); nbrs[t[1]].push(k); });

function placed(i) { return px[i] !== undefined; }
function sideAt(i) { return mode === "grid" ? GRID_SIDE : sideOf[i]; }
function fillOf(i) {
	if (mode === "grid") { var q = orgs[i].g[2]; return q >= 0 ? D.grid.quadrants[q].colour : "#999999"; }
	return PALETTE[slotOf[i]] || PALETTE[8];
}
function positions() {
	orgs.forEach(function (o, i) {
		var p = mode === "grid" ? o.g : o.x === undefined ? undefined : [o.x, o.y];
		px[i] = p ? p[0] : undefined;
		py[i] = p ? p[1] : undefined;
	});
}
/* the box the view fits: the map's, or the grid's with its axes */
function box0() { var g = D.grid; return mode === "grid" ? [g.xu - 30, g.y0 - 50, g.x1 + 20, g.y1 + 30] : D.bb; }
/* org i is kept by the organization filter (on any view) */
function chosen(i) { return valueOn[filterBy(i)] !== false; }
function visible(i) { return placed(i) && chosen(i); }
/* a tie [from, to, type, directed, weight, first day, last day] exists on
 * day d as `--at` says: from its first day to its last, open ends open */
function existsOn(t, d) { return (t[5] === null || t[5] <= d) && (t[6] === null || d <= t[6]); }
/* 0 not drawn, 1 drawn, 2 gained since the earlier day, 3 lost since it */
function tieState(t) {
	if (atDay === null) return 1;
	var now = existsOn(t, atDay);
	if (sinceDay === null) return now ? 1 : 0;
	var then = existsOn(t, sinceDay);
	return now && then ? 1 : now ? 2 : then ? 3 : 0;
}
function tieVisible(t) { return tieOn[t[2]] !== false && visible(t[0]) && visible(t[1]) && tieState(t) > 0; }

/* A colour "#RRGGBB" darkened (in steps of 5%) until text in it reads at
 * 4.5:1 or more on white, as WCAG 2.1 AA asks of text; the quadrants'
 * names on the grid are drawn in the dots' hues so darkened. */
function luminance(c) {
	var v = parseInt(c.slice(1), 16), w = [0.2126, 0.7152, 0.0722];
	return [v >> 16, v >> 8 & 255, v & 255].reduce(function (sum, x, k) {
		x /= 255;
		return sum + w[k] * (x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));
	}, 0);
}
function ink(c) {
	var v = parseInt(c.slice(1), 16), f = 1, d = c;
	while (1.05 / (luminance(d) + 0.05) < 4.5 && f > 0) {
		f -= 0.05;
		d = "#" + [v >> 16, v >> 8 & 255, v & 255].map(function (x) { return (256 + Math.round(x * f)).toString(16).slice(1); }).join("").toUpperCase();
	}
	return d;
}

/* ---- view: map points (y up) to canvas pixels */
function sx(x) { return (x - view.x) * view.s; }
function sy(y) { return (view.y - y) * view.s; }
function resize() {
	var r = canvas.getBoundingClientRect();
	canvas.width = Math.max(1, Math.round(r.width * dpr));
	canvas.height = Math.max(1, Math.round(r.height * dpr));
	draw();
}
function fit(box) {
	var bb = box || box0(), r = canvas.getBoundingClientRect(), w = bb[2] - bb[0] || 1, h = bb[3] - bb[1] || 1;
	view.s = Math.min(r.width / w, r.height / h) * 0.95 || 1;
	view.x = bb[0] - (r.width / view.s - w) / 2;
	view.y = bb[3] + (r.height / view.s - h) / 2;
	draw();
}
function zoom(f, px, py) {
	var r = canvas.getBoundingClientRect();
	if (px === undefined) { px = r.width / 2; py = r.height / 2; }
	var mx = view.x + px / view.s, my = view.y - py / view.s;
	view.s = Math.min(Math.max(view.s * f, 0.01), 100);
	view.x = mx - px / view.s;
	view.y = my + py / view.s;
	moved();
}
function pan(dx, dy) { view.x -= dx / view.s; view.y += dy / view.s; moved(); }

/* ---- drawing */
function radius(i) { return Math.max(2, sideAt(i) / 2 * view.s); }
/* The grid's frame: the plot, the unknown strip, the zero and median
 * lines, ticks, axis titles and the quadrants' names (viz/grid.c's). */
function gridFrame() {
	var g = D.grid, Q = g.quadrants;
	function line(x0, y0, x1, y1, dash) {
		ctx.setLineDash(dash ? [5, 4] : []);
		ctx.beginPath(); ctx.moveTo(sx(x0), sy(y0)); ctx.lineTo(sx(x1), sy(y1)); ctx.stroke();
	}
	function text(t, x, y, colour, align) { ctx.fillStyle = colour; ctx.textAlign = align || "center"; ctx.fillText(t, sx(x), sy(y)); }
	ctx.globalAlpha = 1; ctx.strokeStyle = "#888888"; ctx.lineWidth = 1;
	ctx.strokeRect(sx(g.x0), sy(g.y1), (g.x1 - g.x0) * view.s, (g.y1 - g.y0) * view.s);
	line(g.xu - 25, g.y0, g.xu + 25, g.y0);
	line((g.x0 + g.x1) / 2, g.y0, (g.x0 + g.x1) / 2, g.y1, 1);
	if (g.line !== null) { line(g.x0, g.line, g.x1, g.line, 1); line(g.xu - 25, g.line, g.xu + 25, g.line, 1); }
	ctx.setLineDash([]);
	ctx.font = "11px 'DejaVu Sans', sans-serif";
	["-1", "-0.5", "0", "0.5", "1"].forEach(function (t, k) { text(t, g.x0 + k / 4 * (g.x1 - g.x0), g.y0 - 14, "#555555"); });
	["0", "0.5", "1"].forEach(function (t, k) { text(t, g.x0 - 6, g.y0 + k / 2 * (g.y1 - g.y0) - 4, "#555555", "right"); });
	text("unknown", g.xu, g.y0 - 14, "#555555");
	ctx.font = "13px 'DejaVu Sans', sans-serif";
	text("alignment \u2192", (g.x0 + g.x1) / 2, g.y0 - 34, "#222222");
	/* above the frame, as the grid picture has them: never over a dot */
	text("influence \u2191", g.x0 - 6, g.y1 + 22, "#222222", "right");
	text("blockers", g.x0, g.y1 + 6, ink(Q[2].colour), "left");
	text("persuadables", (g.x0 + g.x1) / 2, g.y1 + 6, "#222222");
	text("champions", g.x1, g.y1 + 6, ink(Q[0].colour), "right");
	if (g.line !== null) text("low priority", g.x1 - 6, g.y0 + 8, "#555555", "right");
}
/* The status line (a live region: a screen reader reads it out when it
 * changes, so it is left alone when a pan or a zoom leaves it the same). */
function say(text) {
	var st = document.getElementById("status");
	if (st.textContent !== text) st.textContent = text;
	return st;
}
function draw() {
	if (mode === "groups") { drawGroups(); return; }
	var W = canvas.width / dpr, H = canvas.height / dpr, ego = null, k, drawnOrgs = 0, drawnTies = 0, change = [0, 0];
	ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
	ctx.clearRect(0, 0, W, H);
	/* lit: the focused org and its partners, else the story step's orgs */
	if (focus >= 0) {
		ego = {};
		ego[focus] = 1;
		nbrs[focus].forEach(function (t) { var e = ties[t]; if (tieVisible(e)) { ego[e[0]] = 1; ego[e[1]] = 1; } });
	} else if (shown) ego = shown;
	if (mode === "grid") gridFrame();
	ctx.lineCap = "round";
	var batch = {}, keys = []; /* the ties' lines, one path per style */
	for (k = 0; k < ties.length; k++) {
		var t = ties[k];
		if (!tieVisible(t)) continue;
		var st = tieState(t);
		var hot = focus >= 0 ? t[0] === focus || t[1] === focus : ego !== null && ego[t[0]] === 1 && ego[t[1]] === 1;
		if (mode === "grid" && !hot) continue; /* the grid draws only the lit ties */
		drawnTies++;
		/* [alpha, colour, width, dashed] */
		var sty = [hot ? 0.8 : ego === null ? lineAlpha : lineAlpha / 6, tieColour(t[2]), hot ? 2.5 : 1,
			   D.tieTypes[t[2]].conflict];
		if (sinceDay !== null) { /* as map --diff-at: told apart by weight and dash, not colour */
			if (st > 1) change[st - 2]++;
			sty = [ego === null || hot ? 0.9 : 0.25, st === 2 ? "#000000" : st === 3 ? "#555555" : "#AAAAAA",
			       st === 2 ? 3 : st === 3 ? 1.8 : 1, st === 3];
		}
		var key = (hot ? "1" : "0") + sty.join(" "), b = batch[key];
		if (!b) { b = batch[key] = { sty: sty, path: newPath() }; keys.push(key); }
		b.path.moveTo(sx(px[t[0]]), sy(py[t[0]]));
		b.path.lineTo(sx(px[t[1]]), sy(py[t[1]]));
	}
	/* one stroke per style, the lit ties last (on top) */
	keys.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (key) {
		var b = batch[key];
		ctx.globalAlpha = b.sty[0];
		ctx.strokeStyle = b.sty[1];
		ctx.lineWidth = b.sty[2];
		ctx.setLineDash(b.sty[3] ? [6, 4] : []);
		ctx.stroke(b.path);
	});
	ctx.setLineDash([]);
	for (k = 0; k < n; k++) {
		if (!visible(k)) continue;
		drawnOrgs++;
		ctx.globalAlpha = ego === null || ego[k] ? 1 : 0.2;
		ctx.fillStyle = fillOf(k);
		ctx.strokeStyle = k === focus ? "#000" : "#333";
		ctx.lineWidth = k === focus ? 3 : 0.8;
		disc(sx(px[k]), sy(py[k]), radius(k), "org");
	}
	ctx.globalAlpha = 1;
	ctx.fillStyle = "#222";
	ctx.font = "12px 'DejaVu Sans', sans-serif";
	ctx.textAlign = "center";
	labels(ego, W, H);
	var st = say(drawnOrgs + " of " + n + " organizations, " + drawnTies + " of " + ties.length + " ties drawn" +
		(atDay === null ? "" : " on " + isoDay(atDay)) +
		(sinceDay === null ? "" : " (" + change[0] + " gained, " + change[1] + " lost since " + isoDay(sinceDay) + ")"));
	st.dataset.orgs = drawnOrgs;
	st.dataset.ties = drawnTies;
	st.dataset.gained = change[0];
	st.dataset.lost = change[1];
}

/* Labels, largest orgs first (the focused org and its partners before
 * them), each where it overlaps no label drawn yet. */
var byArea;
function sortByArea() {
	/* on the grid, the most influential first, as viz/grid.c labels them */
	var key = mode === "grid" ? function (i) { return orgs[i].g[3] || 0; } : function (i) { return sideOf[i]; };
	byArea = orgs.map(function (o, i) { return i; }).filter(placed)
		.sort(function (a, b) { return key(b) - key(a) || a - b; });
}
var labelText = [], labelW = []; /* each label and its width, measured once */
function labels(ego, W, H) {
	var boxes = [], order = ego ? byArea.filter(function (i) { return ego[i]; }) : byArea, k;
	for (k = 0; k < order.length && boxes.length < 400; k++) {
		var i = order[k], o = orgs[i], x = sx(px[i]), y = sy(py[i]) + radius(i) + 12;
		if (!visible(i) || y < 0 || y - 12 > H) continue;
		if (labelText[i] === undefined) {
			labelText[i] = o.name.length > 40 ? o.name.slice(0, 39) + "\u2026" : o.name;
			labelW[i] = ctx.measureText(labelText[i]).width;
		}
		var nm = labelText[i], w = labelW[i];
		if (x + w / 2 < 0 || x - w / 2 > W) continue;
		var b = [x - w / 2 - 2, y - 11, x + w / 2 + 2, y + 3], clash = false;
		for (var j = 0; j < boxes.length && !clash; j++)
			clash = b[0] < boxes[j][2] && boxes[j][0] < b[2] && b[1] < boxes[j][3] && boxes[j][1] < b[3];
		if (clash && i !== focus) continue;
		boxes.push(b);
		ctx.fillText(nm, x, y);
	}
}

/* ---- the aggregated view: groups sized by members, lines by the ties
 * between them (as map --aggregate draws them) */
/* The groups as the filters and the time slider leave them: each group's
 * members and ties inside (conflict ties not counted), its side (area in
 * proportion to its members, on the scale of the groups' first sizes) and
 * the links between groups, thinned as map --aggregate thins them (a link
 * is weak below 1/40 of the strongest of its kind or past 3 per group,
 * conflict links 1); G's own when nothing is hidden (unless recount: the
 * tests compare the count here with G's).  Computed once per change of a
 * filter (gnow = null). */
var gnow = null;
function groupsNow(recount) {
	if (gnow && !recount) return gnow;
	var off = atDay !== null, k;
	for (k in valueOn) if (valueOn[k] === false) off = true;
	for (k = 0; k < tieOn.length; k++) if (tieOn[k] === false) off = true;
	var change = [0, 0];
	if (!off && !recount) return (gnow = { v: G.v, links: G.links, change: change });
	var v = G.v.map(function (g) { return { name: g.name, x: g.x, y: g.y, slot: g.slot, members: 0, inside: 0 }; });
	var pair = {}, links = [], cmax = [0, 0], kept = [0, 0], big = 0;
	orgs.forEach(function (o, i) { if (o.grp !== undefined && chosen(i)) v[o.grp].members++; });
	ties.forEach(function (t) {
		var a = orgs[t[0]].grp, b = orgs[t[1]].grp, c = D.tieTypes[t[2]].conflict ? 1 : 0, st, e, key;
		if (a === undefined || b === undefined || tieOn[t[2]] === false || !chosen(t[0]) || !chosen(t[1])) return;
		if (!(st = tieState(t))) return;
		if (st > 1) change[st - 2]++;
		if (a === b) { if (!c) v[a].inside++; return; }
		key = Math.min(a, b) + " " + Math.max(a, b) + " " + c;
		if (!(e = pair[key])) links.push(e = pair[key] = [Math.min(a, b), Math.max(a, b), 0, c, 0]);
		e[2]++;
	});
	links.forEach(function (e) { cmax[e[3]] = Math.max(cmax[e[3]], e[2]); });
	links.slice().sort(function (p, q) { return q[2] - p[2] || p[3] - q[3] || p[0] - q[0] || p[1] - q[1]; }).forEach(function (e) {
		if (e[2] * 40 >= cmax[e[3]] && kept[e[3]] < (e[3] ? 1 : 3) * G.v.length) kept[e[3]]++;
		else e[4] = 1;
	});
	G.v.forEach(function (g) { big = Math.max(big, g.members); });
	v.forEach(function (g, i) {
		var lo = 0.04 * big; /* the smallest area, as viz/style.c's (0.2 of the largest side) */
		g.side = G.v[i].side * Math.sqrt(Math.max(g.members, lo) / Math.max(G.v[i].members, lo));
	});
	if (recount) return { v: v, links: links, change: change };
	return (gnow = { v: v, links: links, change: change });
}
function groupLit() {
	var gs = groupsNow(), k = gfocus >= 0 ? gfocus : focus >= 0 && orgs[focus].grp !== undefined ? orgs[focus].grp : -1, lit = null;
	if (k >= 0 && !gs.v[k].members) k = -1;
	if (k >= 0) {
		lit = {};
		lit[k] = 2;
		gs.links.forEach(function (e) { if (e[0] === k) lit[e[1]] = 1; if (e[1] === k) lit[e[0]] = 1; });
	}
	return [k, lit];
}
/* The groups view while it pans and zooms: its last whole drawing (kept in
 * the layer, an offscreen canvas, at the view layerAt) moved and scaled to
 * the view, then drawn whole again once the view has rested REST ms (a
 * whole drawing strokes every link between groups, too slow in software
 * for every frame of a pan; the orgs' map is drawn whole every frame). */
var layer = null, layerAt = null, restTimer = 0, REST = 150;
function moved() {
	var f = layerAt ? view.s / layerAt.s : 0;
	if (mode !== "groups" || f < 0.25 || f > 4 || layer.width !== canvas.width || layer.height !== canvas.height) { draw(); return; }
	ctx.setTransform(1, 0, 0, 1, 0, 0);
	ctx.clearRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(layer, (layerAt.x - view.x) * view.s * dpr, (view.y - layerAt.y) * view.s * dpr, layer.width * f, layer.height * f);
	clearTimeout(restTimer);
	restTimer = setTimeout(draw, REST);
}
function drawGroups() {
	var W = canvas.width / dpr, H = canvas.height / dpr, gl = groupLit(), k = gl[0], lit = gl[1], tmax = 1, boxes = [];
	var gs = groupsNow(), V = gs.v;
	ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
	ctx.clearRect(0, 0, W, H);
	gs.links.forEach(function (e) { tmax = Math.max(tmax, e[2]); });
	ctx.lineCap = "round";
	/* one path per style (widths in half pixels), the lit links last */
	var batch = {}, keys = [];
	gs.links.forEach(function (e) {
		var a = V[e[0]], b = V[e[1]], hot = k >= 0 && (e[0] === k || e[1] === k);
		var w = Math.round(((e[4] ? 0.6 : 1) + 7 * Math.sqrt(e[2] / tmax)) * 2) / 2;
		var key = (hot ? 1 : 0) + " " + (hot ? 0.85 : k >= 0 ? 0.06 : e[4] ? 0.15 : 0.45) + " " + e[3] + " " + w;
		if (!batch[key]) { batch[key] = newPath(); keys.push(key); }
		batch[key].moveTo(sx(a.x), sy(a.y));
		batch[key].lineTo(sx(b.x), sy(b.y));
	});
	keys.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (key) {
		var f = key.split(" "), w = +f[3], dashed = f[2] === "1";
		ctx.globalAlpha = +f[1];
		ctx.strokeStyle = dashed ? "#C0392B" : "#555555";
		/* conflict links dashed 6 on, 4 off with round ends, drawn as the
		 * same marks with butt ends (each dash longer and each gap
		 * shorter by the width; none left from a width of 4, where the
		 * round ends met): round ends on every dash were most of a
		 * frame's time in software */
		ctx.lineCap = dashed ? "butt" : "round";
		ctx.setLineDash(dashed && w < 4 ? [6 + w, 4 - w] : []);
		ctx.lineWidth = w;
		ctx.stroke(batch[key]);
	});
	ctx.setLineDash([]);
	ctx.lineCap = "round";
	var drawn = 0, inGroups = 0;
	V.forEach(function (g, i) {
		if (!g.members) return; /* every member hidden */
		drawn++;
		inGroups += g.members;
		ctx.globalAlpha = lit === null || lit[i] ? 1 : 0.2;
		ctx.fillStyle = PALETTE[g.slot] || PALETTE[8];
		ctx.strokeStyle = i === k ? "#000" : "#333";
		ctx.lineWidth = i === k ? 3 : 0.8;
		disc(sx(g.x), sy(g.y), Math.max(3, g.side / 2 * view.s), "group");
	});
	ctx.globalAlpha = 1;
	ctx.fillStyle = "#222";
	ctx.font = "12px 'DejaVu Sans', sans-serif";
	ctx.textAlign = "center";
	/* labels: the chosen group first, then the largest, where they overlap none */
	V.map(function (g, i) { return i; }).sort(function (a, b) { return (b === k) - (a === k) || V[b].members - V[a].members || a - b; })
		.forEach(function (i) {
			var g = V[i], t = g.name + " (" + g.members + ")", w = ctx.measureText(t).width;
			var x = sx(g.x), y = sy(g.y) + Math.max(3, g.side / 2 * view.s) + 12, b = [x - w / 2 - 2, y - 11, x + w / 2 + 2, y + 3];
			if (!g.members || boxes.some(function (o) { return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]; })) return;
			boxes.push(b);
			ctx.fillText(t, x, y);
		});
	var st = say(drawn + " groups (" + (G.by === "community" ? "communities" : G.by) + ") of " + inGroups + " of " + n +
		" organizations, " + gs.links.length + " links between them" +
		(atDay === null ? "" : " on " + isoDay(atDay)) +
		(sinceDay === null ? "" : " (ties of either day; " + gs.change[0] + " gained, " + gs.change[1] + " lost since " + isoDay(sinceDay) + ")") +
		(G.why > 1 ? "; more than " + (G.why === 2 ? G.maxOrgs + " organizations" : G.maxTies + " ties") + " to draw one by one" : ""));
	st.dataset.groups = drawn;
	st.dataset.links = gs.links.length;
	st.dataset.orgs = inGroups;
	st.dataset.gained = gs.change[0];
	st.dataset.lost = gs.change[1];
	if (ctx.canvas !== canvas) return; /* the SVG writer's drawing */
	clearTimeout(restTimer);
	if (!layer) layer = document.createElement("canvas");
	if (layer.width !== canvas.width || layer.height !== canvas.height) { layer.width = canvas.width; layer.height = canvas.height; }
	var lc = layer.getContext("2d");
	lc.clearRect(0, 0, layer.width, layer.height);
	lc.drawImage(canvas, 0, 0);
	layerAt = { s: view.s, x: view.x, y: view.y };
}
function hitGroup(cx, cy) {
	var mx = view.x + cx / view.s, my = view.y - cy / view.s, best = -1, bd = Infinity;
	groupsNow().v.forEach(function (g, i) {
		var d = Math.hypot(g.x - mx, g.y - my);
		if (g.members && d <= Math.max(g.side / 2, 3 / view.s) && d < bd) { bd = d; best = i; }
	});
	return best;
}
/* The panel of group k: its figures and its members, top by degree (as
 * the filters and the time slider leave them). */
var TOP_MEMBERS = 10;
function showGroup(k) {
	var P = document.getElementById("panel"), p = panelBody(), gs = groupsNow(), g = gs.v[k], dl = el("dl"), out = 0, nl = 0, ul = el("ul");
	var deg = D.metrics.map(function (m) { return m.name; }).indexOf("degree"), mem = [];
	gs.links.forEach(function (e) { if (e[0] === k || e[1] === k) { out += e[2]; nl++; } });
	orgs.forEach(function (o, i) { if (o.grp === k && chosen(i)) mem.push(i); });
	mem.sort(function (a, b) { return (orgs[b].m[deg] || 0) - (orgs[a].m[deg] || 0) || a - b; });
	delete P.dataset.org;
	P.dataset.group = g.name;
	p.appendChild(panelTitle(g.name));
	dl.id = "group";
	row(dl, "members", g.members, "organizations in the group");
	row(dl, "ties inside", g.inside, "ties among its members, conflict ties not counted (as map --aggregate)");
	row(dl, "ties to other groups", out, "ties between its members and the other groups' drawn");
	row(dl, "groups linked", nl);
	p.appendChild(dl);
	p.appendChild(el("h2", "Top members by degree"));
	ul.id = "members";
	mem.slice(0, TOP_MEMBERS).forEach(function (i) {
		var li = el("li"), b = el("button", orgs[i].name);
		b.dataset.org = orgs[i].id;
		b.addEventListener("click", function () { openOrg(i, b); });
		li.appendChild(b);
		li.appendChild(document.createTextNode(" (" + fmt(orgs[i].m[deg]) + ")"));
		ul.appendChild(li);
	});
	p.appendChild(ul);
	announce(g.name + ": a group of " + g.members + " organizations, linked to " + nl + " groups");
	if (mem.length > TOP_MEMBERS) p.appendChild(el("p", "and " + (mem.length - TOP_MEMBERS) + " more; search finds any of them.", "hint"));
}
function setGroup(k) {
	gfocus = k;
	focus = -1;
	if (k >= 0) showGroup(k); else setFocus(-1);
	draw();
}

/* ---- hit testing: a grid of cells over the places */
function buildGrid() {
	var cell = 40, g = {};
	orgs.forEach(function (o, i) {
		if (!placed(i)) return;
		var r = sideAt(i) / 2, x0 = Math.floor((px[i] - r) / cell), x1 = Math.floor((px[i] + r) / cell);
		var y0 = Math.floor((py[i] - r) / cell), y1 = Math.floor((py[i] + r) / cell);
		for (var cx = x0; cx <= x1; cx++)
			for (var cy = y0; cy <= y1; cy++)
				(g[cx + "," + cy] = g[cx + "," + cy] || []).push(i);
	});
	grid = { cell: cell, g: g };
}
function hit(cx, cy) {
	var mx = view.x + cx / view.s, my = view.y - cy / view.s, best = -1, bd = Infinity;
	var c = grid.g[Math.floor(mx / grid.cell) + "," + Math.floor(my / grid.cell)] || [];
	c.forEach(function (i) {
		var d = Math.hypot(px[i] - mx, py[i] - my);
		if (visible(i) && d <= Math.max(sideAt(i) / 2, 2 / view.s) && d < bd) { bd = d; best = i; }
	});
	return best;
}

/* ---- the panel: a metric's short label, or its label when two share it */
var shortCount = {};
D.metrics.forEach(function (m) { shortCount[m.short] = (shortCount[m.short] || 0) + 1; });
function fmt(v) {
	if (v === null || v === undefined) return "";
	if (typeof v !== "number") return String(v);
	return Number.isInteger(v) ? String(v) : String(+v.toPrecision(4));
}
function row(dl, label, v, title, text) {
	var dt = el("dt", label), dd = el("dd", fmt(v), text ? "text" : "");
	if (title) dt.title = title;
	if (typeof v === "number") dd.dataset.value = String(v);
	dl.appendChild(dt);
	dl.appendChild(dd);
}
function showPanel(i) {
	var P = document.getElementById("panel"), p = panelBody(), o = orgs[i], dl, ul;
	P.dataset.org = o.id;
	p.appendChild(panelTitle(o.name));
	dl = el("dl");
	row(dl, "id", o.id, null, 1);
	row(dl, "type", o.type, null, 1);
	D.attrs.forEach(function (a, k) { if (o.a[k] !== "") row(dl, a, o.a[k], null, 1); });
	if (o.budget !== null) row(dl, "budget", o.budget);
	if (o.influence !== null) row(dl, "influence", o.influence);
	p.appendChild(dl);
	if (o.g) {
		p.appendChild(el("h2", "Stakeholder"));
		dl = el("dl");
		dl.id = "stake";
		row(dl, "quadrant", o.g[2] >= 0 ? D.grid.quadrants[o.g[2]].legend : "", "as coalmap stakeholders: influence x alignment", 1);
		row(dl, "influence", o.g[3], "0 to 1: stated influence and network position (docs/stakeholders.md)");
		row(dl, "alignment", o.g[4] === null ? "unknown" : o.g[4], "-1 to 1: the org's stance", o.g[4] === null);
		p.appendChild(dl);
	}
	p.appendChild(el("h2", "Metrics"));
	dl = el("dl");
	dl.id = "metrics";
	D.metrics.forEach(function (m, k) {
		row(dl, shortCount[m.short] > 1 ? m.label : m.short, o.m[k], m.label + ": " + m.definition, m.category);
		dl.lastChild.dataset.metric = m.name;
	});
	p.appendChild(dl);
	var seen = {}, part = [];
	nbrs[i].forEach(function (k) {
		var t = ties[k], j = t[0] === i ? t[1] : t[0];
		if (!tieVisible(t) || seen[j]) return;
		seen[j] = 1;
		part.push([j, D.tieTypes[t[2]].name]);
	});
	p.appendChild(el("h2", "Partners drawn (" + part.length + ")"));
	ul = el("ul");
	ul.id = "partners";
	part.forEach(function (q) {
		var li = el("li"), b = el("button", orgs[q[0]].name);
		b.addEventListener("click", function () { openOrg(q[0], b); });
		li.appendChild(b);
		li.appendChild(document.createTextNode(" (" + q[1] + ")"));
		ul.appendChild(li);
	});
	p.appendChild(ul);
	announce(o.name + " (" + o.type + "): " + part.length + (part.length === 1 ? " partner" : " partners") + " drawn");
	advice(p, i);
}
/* A button that focuses org j. */
function orgButton(j) {
	var b = el("button", orgs[j].name);
	b.dataset.org = orgs[j].id;
	b.addEventListener("click", function () { openOrg(j, b); });
	return b;
}
/* Recommended partners (gaps --for ID --role strategic --top 3) and the
 * chains to the nearest decision-makers, when the page holds them. */
function advice(p, i) {
	var A = D.advice, a = A.orgs[i], ul;
	p.appendChild(el("h2", "Recommended partners"));
	if (!a) {
		p.appendChild(el("p", "Not in this page, which holds them for " + (n > A.all ? "the " + A.top + " organizations of highest betweenness" : "every organization") +
				 ": run coalmap gaps --for " + orgs[i].id, "hint advice-missing"));
		return;
	}
	ul = el("ul");
	ul.id = "recommended";
	a.partners.forEach(function (q) {
		var li = el("li");
		li.appendChild(orgButton(q[0]));
		li.appendChild(document.createTextNode(" (score " + fmt(q[1]) + ")"));
		li.appendChild(el("div", q[2], "hint"));
		ul.appendChild(li);
	});
	p.appendChild(a.partners.length ? ul : el("p", "None passes the strategic role's gate (docs/gaps.md).", "hint"));
	p.appendChild(el("h2", "Introductions to decision-makers"));
	ul = el("ul");
	ul.id = "routes";
	a.routes.forEach(function (q) {
		var li = el("li", q[1] === null ? orgs[q[0]].name + ": no chain of ties" :
			    q[3] + " (" + q[1] + (q[1] === 1 ? " step" : " steps") + (q[2] === null ? "" : ", trust " + fmt(q[2])) + ")");
		li.dataset.org = orgs[q[0]].id;
		li.dataset.length = q[1] === null ? "" : String(q[1]);
		li.dataset.trust = q[2] === null ? "" : String(q[2]);
		ul.appendChild(li);
	});
	p.appendChild(a.routes.length ? ul : el("p", "No decision-maker in the landscape (types decision_maker, government).", "hint"));
}
function setFocus(i) {
	focus = i;
	gfocus = -1;
	delete document.getElementById("panel").dataset.group;
	if (i >= 0) {
		showPanel(i);
		var r = canvas.getBoundingClientRect(), x = px[i], y = py[i];
		if (placed(i) && (sx(x) < 0 || sx(x) > r.width || sy(y) < 0 || sy(y) > r.height)) {
			view.x = x - r.width / 2 / view.s;
			view.y = y + r.height / 2 / view.s;
		}
	} else {
		var P = document.getElementById("panel"), p = panelBody();
		delete P.dataset.org;
		if (refocus) (opener || search).focus(); /* the button that had it is gone */
		announce("");
		p.appendChild(el("p", G ? "Click a group to see its members and figures; search finds an organization." :
				 "Search, or click an organization, to see its partners and metrics.", "hint"));
	}
	draw();
}

/* ---- the panel and the keyboard.  The panel's body, emptied for new
 * content (its heading takes the keyboard focus again if a button in it
 * had it); the panel's heading; a short line for screen readers (a live
 * region: the whole panel read out at each change would be dozens of
 * rows).  openOrg and openGroup, from a button or the search box, move the
 * keyboard focus to the panel's heading; Escape clears the panel and
 * gives the focus back to where it came from. */
var opener = null, refocus = false;
function panelBody() {
	var p = document.getElementById("panel-body");
	refocus = p.contains(document.activeElement);
	p.textContent = "";
	return p;
}
function panelTitle(text) {
	var h = el("h2", text);
	h.id = "panel-title";
	h.tabIndex = -1;
	if (refocus) setTimeout(function () { h.focus(); }, 0);
	return h;
}
function announce(text) { document.getElementById("announce").textContent = text; }
function focusPanel(from) {
	if (!document.getElementById("panel").contains(from)) opener = from;
	var h = document.getElementById("panel-title");
	if (h) h.focus();
}
function openOrg(i, from) { setFocus(i); focusPanel(from); }
function openGroup(k, from) { setGroup(k); focusPanel(from); }
document.addEventListener("keydown", function (ev) {
	if (ev.key !== "Escape" || ev.defaultPrevented || (focus < 0 && gfocus < 0)) return;
	var a = document.activeElement, back = document.getElementById("panel").contains(a) || a === document.body;
	setGroup(-1);
	if (back) (opener && document.contains(opener) && opener.getClientRects().length ? opener : search).focus();
	ev.preventDefault();
});

/* ---- search: name or id, arrows to move, Enter to focus */
var search = document.getElementById("search"), results = document.getElementById("results"), sel = -1, found = [];
function mark() {
	Array.prototype.forEach.call(results.children, function (li, k) {
		li.setAttribute("aria-selected", k === sel ? "true" : "false");
		if (k === sel) li.scrollIntoView({ block: "nearest" });
	});
	if (sel >= 0) search.setAttribute("aria-activedescendant", "result-" + sel);
	else search.removeAttribute("aria-activedescendant");
}
function choose(i) {
	closeResults();
	openOrg(i, search);
}
function closeResults() {
	results.textContent = "";
	found = [];
	sel = -1;
	search.setAttribute("aria-expanded", "false");
	mark();
}
search.addEventListener("input", function () {
	var q = search.value.trim().toLowerCase();
	results.textContent = "";
	found = [];
	sel = -1;
	if (q) {
		for (var i = 0; i < n && found.length < 30; i++)
			if (orgs[i].id.toLowerCase() === q) found.push(i);
		for (i = 0; i < n && found.length < 30; i++)
			if (orgs[i].id.toLowerCase() !== q &&
			    (orgs[i].name.toLowerCase().indexOf(q) >= 0 || orgs[i].id.toLowerCase().indexOf(q) >= 0))
				found.push(i);
	}
	found.forEach(function (i, k) {
		var li = el("li", orgs[i].name + " (" + orgs[i].id + ")");
		li.setAttribute("role", "option");
		li.id = "result-" + k;
		li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
		results.appendChild(li);
	});
	if (found.length) sel = 0;
	search.setAttribute("aria-expanded", found.length ? "true" : "false");
	mark();
});
search.addEventListener("keydown", function (ev) {
	if (ev.key === "ArrowDown" && found.length) { sel = (sel + 1) % found.length; mark(); ev.preventDefault(); }
	else if (ev.key === "ArrowUp" && found.length) { sel = (sel + found.length - 1) % found.length; mark(); ev.preventDefault(); }
	else if (ev.key === "Enter" && sel >= 0) { choose(found[sel]); ev.preventDefault(); }
	else if (ev.key === "Escape" && found.length) { closeResults(); ev.preventDefault(); }
});

/* ---- filters and legend */
function tieColour(k) { return D.tieTypes[k].conflict ? "#C0392B" : TIE_COLOURS[k % TIE_COLOURS.length]; }
function checkbox(parent, label, count, on, colour) {
	var l = el("label"), c = el("input");
	c.type = "checkbox";
	c.checked = true;
	c.addEventListener("change", function () { on(c.checked); refilter(); });
	l.appendChild(c);
	if (colour) {
		var sw = el("span", undefined, "swatch line");
		sw.style.background = colour;
		l.appendChild(document.createTextNode(" "));
		l.appendChild(sw);
	}
	l.appendChild(document.createTextNode(" " + label + " (" + count + ")"));
	parent.appendChild(l);
	return c;
}
/* After a filter or the time slider changed: the groups counted again,
 * the panel shown again, the view drawn. */
function refilter() {
	gnow = null;
	if (focus >= 0) showPanel(focus);
	else if (gfocus >= 0) showGroup(gfocus);
	draw();
	relist();
}

/* ---- the map as a list (the canvas's text alternative): each org drawn,
 * by name, as a button that opens its panel; in the groups view each
 * group drawn.  Built when opened, and again after a filter or a view
 * changed while it is open. */
function relist() {
	var box = document.getElementById("listing"), ul = document.getElementById("listed"), items = [], i;
	if (!box.open) return;
	ul.textContent = "";
	if (mode === "groups")
		groupsNow().v.forEach(function (g, k) {
			if (g.members) items.push([g.name, " (" + g.members + (g.members === 1 ? " organization)" : " organizations)"), k]);
		});
	else
		for (i = 0; i < n; i++)
			if (visible(i)) items.push([orgs[i].name, " (" + orgs[i].type + ")", i]);
	items.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]; });
	items.forEach(function (it) {
		var li = el("li"), b = el("button", it[0]);
		if (mode === "groups") { b.dataset.group = it[0]; b.addEventListener("click", function () { openGroup(it[2], b); }); }
		else { b.dataset.org = orgs[it[2]].id; b.addEventListener("click", function () { openOrg(it[2], b); }); }
		li.appendChild(b);
		li.appendChild(document.createTextNode(it[1]));
		ul.appendChild(li);
	});
}
document.getElementById("listing").addEventListener("toggle", relist);
/* The organization filter: a checkbox per value of the chosen column
 * (type first; any column the landscape fills), most orgs first. */
function orgFilter(label, value) {
	var box = document.getElementById("orgvalues"), counts = {}, order = [];
	box.textContent = "";
	valueOn = {};
	filterBy = value;
	orgs.forEach(function (o, i) { var v = value(i); if (!(v in counts)) { counts[v] = 0; order.push(v); } counts[v]++; });
	order.sort(function (a, b) { return counts[b] - counts[a] || order.indexOf(a) - order.indexOf(b); });
	order.forEach(function (v) {
		var c = checkbox(box, v === "" ? "(none)" : v, counts[v], function (on) { valueOn[v] = on; });
		c.dataset.value = v;
		if (label === "type") c.dataset.type = v;
	});
}
function filters() {
	var tc = D.tieTypes.map(function () { return 0; }), by = document.getElementById("filter-by");
	var cols = [["type", function (i) { return orgs[i].type; }]];
	D.attrs.forEach(function (a, k) { cols.push([a, function (i) { return orgs[i].a[k]; }]); });
	cols.forEach(function (c, k) { var op = el("option", c[0]); op.value = String(k); by.appendChild(op); });
	by.addEventListener("change", function () {
		orgFilter(cols[+by.value][0], cols[+by.value][1]);
		if (focus >= 0 && !chosen(focus)) setFocus(-1);
		refilter();
	});
	orgFilter("type", cols[0][1]);
	ties.forEach(function (t) { tc[t[2]]++; });
	D.tieTypes.forEach(function (tt, k) {
		if (!tc[k]) return;
		var c = checkbox(document.getElementById("tietypes"), tt.name, tc[k], function (on) { tieOn[k] = on; },
				 tieColour(k));
		c.dataset.tieType = tt.name;
	});
}

/* ---- colour and area switches.  Categories are ranked as viz/style.c
 * ranks them for `map --color-by`: the most orgs first, ties by first
 * appearance; with more than eight, the seventh on share grey "other". */
function slotFor(r, count) { return count <= 8 ? r : r < 7 ? r : 8; }
function legend(names) {
	var ul = document.getElementById("colours");
	ul.textContent = "";
	names.forEach(function (name, slot) {
		if (name === undefined) return;
		var li = el("li"), sw = el("span", undefined, "swatch");
		sw.style.background = PALETTE[slot];
		li.appendChild(sw);
		li.appendChild(document.createTextNode(name));
		li.title = li.textContent;
		ul.appendChild(li);
	});
}
var colourChoice = null;
function colourBy(choice) {
	var names = [], label;
	colourChoice = choice;
	if (choice.kind === "map") {
		orgs.forEach(function (o, i) { slotOf[i] = o.slot; if (placed(i) && names[o.slot] === undefined) names[o.slot] = o.slot === 8 ? "other" : D.categories[o.cat]; });
		label = D.colorBy;
	} else {
		var count = {}, first = {}, cats = [];
		orgs.forEach(function (o, i) {
			if (!placed(i)) return;
			var v = choice.value(i);
			if (!(v in count)) { count[v] = 0; first[v] = cats.length; cats.push(v); }
			count[v]++;
		});
		cats.sort(function (a, b) { return count[b] - count[a] || first[a] - first[b]; });
		var rank = {};
		cats.forEach(function (v, r) { rank[v] = r; });
		orgs.forEach(function (o, i) {
			slotOf[i] = placed(i) ? slotFor(rank[choice.value(i)], cats.length) : 8;
			if (placed(i) && names[slotOf[i]] === undefined)
				names[slotOf[i]] = slotOf[i] === 8 && cats.length > 8 ? "other" : choice.value(i) === "" ? "(none)" : choice.value(i);
		});
		label = choice.label;
	}
	document.querySelector("#legend h2").textContent = "Colour: " + label;
	legend(names);
}
/* Area in proportion to the value (the map's smallest and largest shapes
 * bound it); an org without a value gets the smallest. */
function sizeBy(choice) {
	var lo = Infinity, hi = 0, vmax = 0;
	orgs.forEach(function (o, i) { if (placed(i)) { lo = Math.min(lo, o.side); hi = Math.max(hi, o.side); } });
	if (choice.kind === "map") orgs.forEach(function (o, i) { sideOf[i] = o.side; });
	else {
		orgs.forEach(function (o, i) { var v = choice.value(i); if (placed(i) && typeof v === "number" && v > vmax) vmax = v; });
		orgs.forEach(function (o, i) {
			var v = choice.value(i);
			sideOf[i] = typeof v === "number" && v > 0 && vmax > 0 ? lo + (hi - lo) * Math.sqrt(v / vmax) : lo;
		});
	}
	sortByArea();
	buildGrid();
}
function switches() {
	var colours = [], sizes = [], cs = document.getElementById("color-by"), ss = document.getElementById("size-by");
	if (D.colorBy) colours.push({ kind: "map", label: D.colorBy + " (as the map)" });
	if (D.colorBy !== "type") colours.push({ label: "type", value: function (i) { return orgs[i].type; } });
	D.attrs.forEach(function (a, k) { colours.push({ label: a, value: function (i) { return orgs[i].a[k]; } }); });
	sizes.push({ kind: "map", label: "degree (as the map)" });
	D.metrics.forEach(function (m, k) {
		var v = function (i) { var x = orgs[i].m[k]; return x === null ? "" : String(x); };
		if (m.category) colours.push({ label: m.label, value: v });
		else if (m.name !== "degree") sizes.push({ label: m.label, value: function (i) { return orgs[i].m[k]; } });
	});
	sizes.push({ label: "budget", value: function (i) { return orgs[i].budget; } });
	sizes.push({ label: "influence", value: function (i) { return orgs[i].influence; } });
	[[cs, colours, colourBy], [ss, sizes, sizeBy]].forEach(function (s) {
		s[1].forEach(function (c, k) { var op = el("option", c.label); op.value = String(k); s[0].appendChild(op); });
		s[0].addEventListener("change", function () { s[2](s[1][+s[0].value]); draw(); });
	});
	colourBy(colours[0]);
	sortByArea();
}

/* ---- time: the ties on one day, and what changed since an earlier one */
function isoDay(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }
function timeline() {
	var days = [];
	ties.forEach(function (t) { if (t[5] !== null) days.push(t[5]); if (t[6] !== null) days.push(t[6]); });
	if (!days.length) return;
	var lo = Math.min.apply(null, days), hi = Math.max.apply(null, days);
	var at = document.getElementById("at"), since = document.getElementById("since");
	var atOn = document.getElementById("at-on"), sinceOn = document.getElementById("since-on");
	document.getElementById("time").hidden = false;
	[at, since].forEach(function (r) { r.min = lo; r.max = hi; r.step = 1; });
	at.value = hi;
	since.value = lo;
	function update() {
		at.disabled = !atOn.checked;
		sinceOn.disabled = !atOn.checked;
		since.disabled = !atOn.checked || !sinceOn.checked;
		atDay = atOn.checked ? +at.value : null;
		sinceDay = atOn.checked && sinceOn.checked ? +since.value : null;
		document.getElementById("at-day").textContent = isoDay(+at.value);
		document.getElementById("since-day").textContent = isoDay(+since.value);
		/* a screen reader says the day, not the number behind it */
		at.setAttribute("aria-valuetext", isoDay(+at.value));
		since.setAttribute("aria-valuetext", isoDay(+since.value));
		refilter();
	}
	[at, since, atOn, sinceOn].forEach(function (e) { e.addEventListener("input", update); e.addEventListener("change", update); });
	update();
}

/* ---- the view as a picture: the map as drawn, the title and the count
 * above it, the colour legend and the tie types drawn beside it; as a PNG
 * (the canvas's pixels) or as SVG (the view drawn again into svgText's
 * writer) */
var SIDE = 240, TOP = 36;
/* Draws the picture with g (a canvas's context, or the SVG writer): the
 * background, map() for the view, then the title and the legend. */
function picture(g, W, H, map) {
	var y = TOP + 20;
	g.fillStyle = "#fff";
	g.fillRect(0, 0, W + SIDE, H + TOP);
	map();
	g.globalAlpha = 1;
	g.textAlign = "start";
	g.fillStyle = "#222";
	g.font = "bold 16px 'DejaVu Sans', sans-serif";
	g.fillText(D.title + " \u2014 " + document.getElementById("status").textContent, 10, 24, W + SIDE - 20);
	function line(text, colour, isTie, dash) {
		g.fillStyle = "#222";
		g.font = "12px 'DejaVu Sans', sans-serif";
		if (colour && isTie) {
			g.strokeStyle = colour; g.lineWidth = 3; g.setLineDash(dash ? [6, 4] : []);
			g.beginPath(); g.moveTo(W + 12, y - 4); g.lineTo(W + 32, y - 4); g.stroke(); g.setLineDash([]);
		} else if (colour) {
			g.fillStyle = colour; g.fillRect(W + 16, y - 11, 11, 11); g.strokeStyle = "#333"; g.lineWidth = 1;
			g.strokeRect(W + 16, y - 11, 11, 11); g.fillStyle = "#222";
		} else g.font = "bold 12px 'DejaVu Sans', sans-serif";
		g.fillText(text, W + (colour ? 38 : 12), y, SIDE - 44);
		y += 17;
	}
	line(document.querySelector("#legend h2").textContent);
	document.querySelectorAll("#colours li").forEach(function (li) { line(li.textContent, li.firstChild.style.background); });
	if (mode === "groups") return; /* the links between groups are not tie types */
	y += 8;
	line("Ties");
	D.tieTypes.forEach(function (tt, k) {
		if (tieOn[k] !== false && ties.some(function (t) { return t[2] === k && tieVisible(t); }))
			line(tt.name, tieColour(k), true, tt.conflict);
	});
}
/* Offers blob for download as TITLE.ext, through a Blob URL (no request
 * leaves the page). */
function offer(blob, ext) {
	var a = document.createElement("a");
	a.href = URL.createObjectURL(blob);
	a.download = (D.title || "coalmap").replace(/[^A-Za-z0-9._-]+/g, "-") + "." + ext;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
}
function savePng() {
	var W = canvas.width / dpr, H = canvas.height / dpr, c = document.createElement("canvas"), g = c.getContext("2d");
	c.width = Math.round((W + SIDE) * dpr);
	c.height = Math.round((H + TOP) * dpr);
	g.scale(dpr, dpr);
	draw(); /* whole, not the moved picture of a pan */
	picture(g, W, H, function () { g.drawImage(canvas, 0, TOP, W, H); });
	c.toBlob(function (blob) { offer(blob, "png"); }, "image/png");
}

/* Text for XML, as content or as an attribute's value: & < > " ' escaped;
 * a character XML 1.0 does not allow (controls, a lone surrogate, U+FFFE,
 * U+FFFF) becomes U+FFFD. */
function xml(s) {
	return String(s)
		.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g,
			 function (c) { return c.length === 2 ? c : "\uFFFD"; })
		.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function num(v) { return String(Math.round(v * 100) / 100); }
/* The SVG writer: the few methods and properties of a canvas 2D context
 * that draw(), drawGroups(), gridFrame() and picture() use, each writing
 * an SVG element as text; the map's batches of lines (newPath) become one
 * path each, an org or a group (disc) one circle.  Text is measured on the
 * page's canvas, in the same font. */
function SvgWriter(measure) {
	this.parts = [];
	this.d = "";
	this.dash = [];
	this.measure = measure;
	this.globalAlpha = 1;
	this.fillStyle = this.strokeStyle = "#000";
	this.lineWidth = 1;
	this.lineCap = "butt";
	this.textAlign = "start";
	this.font = "10px sans-serif";
}
SvgWriter.prototype = {
	setTransform: function () {}, scale: function () {}, clearRect: function () {},
	setLineDash: function (d) { this.dash = d; },
	beginPath: function () { this.d = ""; },
	moveTo: function (x, y) { this.d += "M" + num(x) + " " + num(y); },
	lineTo: function (x, y) { this.d += "L" + num(x) + " " + num(y); },
	newPath: function () { return { d: "", moveTo: this.moveTo, lineTo: this.lineTo }; },
	raw: function (s) { this.parts.push(s); },
	opacity: function (name) { return this.globalAlpha < 1 ? " " + name + '="' + num(this.globalAlpha) + '"' : ""; },
	pen: function () {
		return ' stroke="' + xml(this.strokeStyle) + '" stroke-width="' + num(this.lineWidth) + '"' +
			(this.dash.length ? ' stroke-dasharray="' + this.dash.map(num).join(" ") + '"' : "") +
			(this.lineCap !== "butt" ? ' stroke-linecap="' + xml(this.lineCap) + '"' : "");
	},
	stroke: function (p) {
		var d = p ? p.d : this.d;
		if (d) this.raw('<path d="' + d + '" fill="none"' + this.pen() + this.opacity("stroke-opacity") + "/>");
	},
	disc: function (x, y, r, cls) {
		this.raw('<circle class="' + xml(cls) + '" cx="' + num(x) + '" cy="' + num(y) + '" r="' + num(r) + '" fill="' +
			 xml(this.fillStyle) + '"' + this.pen() + this.opacity("opacity") + "/>");
	},
	rect: function (x, y, w, h, paint) {
		this.raw('<rect x="' + num(x) + '" y="' + num(y) + '" width="' + num(w) + '" height="' + num(h) + '"' + paint +
			 this.opacity("opacity") + "/>");
	},
	fillRect: function (x, y, w, h) { this.rect(x, y, w, h, ' fill="' + xml(this.fillStyle) + '"'); },
	strokeRect: function (x, y, w, h) { this.rect(x, y, w, h, ' fill="none"' + this.pen()); },
	measureText: function (t) { this.measure.font = this.font; return this.measure.measureText(t); },
	/* as the canvas does, text wider than maxWidth is squeezed to it */
	fillText: function (t, x, y, maxWidth) {
		var f = /^(bold )?([\d.]+)px (.*)$/.exec(this.font) || [null, null, "10", "sans-serif"];
		var w = maxWidth === undefined ? 0 : this.measureText(t).width;
		var anchor = { center: "middle", right: "end", end: "end" }[this.textAlign] || "start";
		this.raw('<text x="' + num(x) + '" y="' + num(y) + '" font-family="' + xml(f[3]) + '" font-size="' + f[2] + '"' +
			 (f[1] ? ' font-weight="bold"' : "") + (anchor !== "start" ? ' text-anchor="' + anchor + '"' : "") +
			 ' fill="' + xml(this.fillStyle) + '"' + this.opacity("fill-opacity") +
			 (w > maxWidth ? ' textLength="' + num(maxWidth) + '" lengthAdjust="spacingAndGlyphs"' : "") + ">" + xml(t) + "</text>");
	}
};
/* The view as a standalone SVG file (text): the picture savePng makes,
 * with the view drawn again by draw() into the writer, clipped to the
 * canvas's size by a nested svg element.  The namespace is a name, never fetched. */
var SVG_NS = "http://www.w3.org/2000/svg";
function svgText() {
	var W = canvas.width / dpr, H = canvas.height / dpr, g = new SvgWriter(ctx), saved = ctx;
	g.raw('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="' + SVG_NS + '" width="' + num(W + SIDE) + '" height="' + num(H + TOP) +
	      '" viewBox="0 0 ' + num(W + SIDE) + " " + num(H + TOP) + '">');
	g.raw("<title>" + xml(D.title) + "</title>");
	picture(g, W, H, function () {
		/* a nested svg: its viewport clips the view as the canvas does */
		g.raw('<svg id="map" x="0" y="' + TOP + '" width="' + num(W) + '" height="' + num(H) + '" viewBox="0 0 ' + num(W) + " " + num(H) + '">');
		ctx = g;
		try { draw(); } finally { ctx = saved; }
		g.raw("</svg>");
	});
	g.raw("</svg>\n");
	return g.parts.join("\n");
}
function saveSvg() { offer(new Blob([svgText()], { type: "image/svg+xml" }), "svg"); }
document.getElementById("save-png").addEventListener("click", savePng);
document.getElementById("save-svg").addEventListener("click", saveSvg);

/* ---- the story: steps that each show some orgs and say why */
function showStep(k) {
	var S = D.story, s, box = null;
	step = Math.max(0, Math.min(S.length - 1, k));
	s = S[step];
	document.getElementById("story-heading").textContent = s.heading;
	var txt = document.getElementById("story-text");
	txt.textContent = "";
	(s.text || "").split("\n\n").forEach(function (p) { if (p) txt.appendChild(el("p", p)); });
	document.getElementById("story-count").textContent = "Step " + (step + 1) + " of " + S.length;
	var prev = document.getElementById("story-prev"), next = document.getElementById("story-next"), had = document.activeElement;
	prev.disabled = step === 0;
	next.disabled = step === S.length - 1;
	/* the keyboard stays on the story's buttons at either end */
	if (had === prev && prev.disabled && !next.disabled) next.focus();
	if (had === next && next.disabled && !prev.disabled) prev.focus();
	shown = s.orgs.length ? {} : null;
	s.orgs.forEach(function (i) {
		shown[i] = 1;
		if (!placed(i)) return;
		var x = px[i], y = py[i], m = Math.max(sideAt(i), 60);
		box = box ? [Math.min(box[0], x - m), Math.min(box[1], y - m), Math.max(box[2], x + m), Math.max(box[3], y + m)]
			  : [x - m, y - m, x + m, y + m];
	});
	document.getElementById("story").dataset.step = step;
	focus = -1;
	setFocus(s.orgs.length === 1 ? s.orgs[0] : -1);
	announce(""); /* the story's own text is read out */
	fit(box);
}
function story() {
	if (!D.story || !D.story.length) return;
	var sec = document.getElementById("story");
	sec.hidden = false;
	document.getElementById("story-prev").addEventListener("click", function () { showStep(step - 1); });
	document.getElementById("story-next").addEventListener("click", function () { showStep(step + 1); });
	/* the arrow keys on the story's buttons, Page Up and Page Down anywhere
	 * but in a text field */
	sec.addEventListener("keydown", function (ev) {
		if (ev.key === "ArrowRight" || ev.key === "ArrowLeft") {
			showStep(step + (ev.key === "ArrowRight" ? 1 : -1));
			ev.preventDefault();
		}
	});
	document.addEventListener("keydown", function (ev) {
		var t = ev.target.tagName;
		if ((ev.key === "PageDown" || ev.key === "PageUp") && t !== "INPUT" && t !== "SELECT") {
			showStep(step + (ev.key === "PageDown" ? 1 : -1));
			ev.preventDefault();
		}
	});
}

/* ---- mouse and keys on the canvas */
var drag = null;
canvas.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, moved: 0 }; });
window.addEventListener("mousemove", function (ev) {
	if (!drag) return;
	var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
	if (Math.abs(dx) + Math.abs(dy) > 0) { drag.moved += Math.abs(dx) + Math.abs(dy); pan(dx, dy); }
	drag.x = ev.clientX;
	drag.y = ev.clientY;
});
window.addEventListener("mouseup", function () { setTimeout(function () { drag = null; }, 0); });
canvas.addEventListener("click", function (ev) {
	if (drag && drag.moved > 4) return;
	var r = canvas.getBoundingClientRect();
	if (mode === "groups") setGroup(hitGroup(ev.clientX - r.left, ev.clientY - r.top));
	else setFocus(hit(ev.clientX - r.left, ev.clientY - r.top));
});
canvas.addEventListener("wheel", function (ev) {
	var r = canvas.getBoundingClientRect();
	ev.preventDefault();
	zoom(ev.deltaY < 0 ? 1.2 : 1 / 1.2, ev.clientX - r.left, ev.clientY - r.top);
}, { passive: false });
canvas.addEventListener("keydown", function (ev) {
	var step = 60, keys = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
	if (ev.key === "+" || ev.key === "=") zoom(1.25);
	else if (ev.key === "-" || ev.key === "_") zoom(1 / 1.25);
	else if (keys[ev.key]) pan(keys[ev.key][0], keys[ev.key][1]);
	else if (ev.key === "Escape") setGroup(-1);
	else if (ev.key === "0") fit();
	else return;
	ev.preventDefault();
});

/* ---- views: the landscape map and the stakeholders' grid */
function quadrantLegend() {
	var names = D.grid.quadrants.map(function () { return 0; }), ul = document.getElementById("colours");
	orgs.forEach(function (o) { if (o.g && o.g[2] >= 0) names[o.g[2]]++; });
	document.querySelector("#legend h2").textContent = "Colour: quadrant";
	ul.textContent = "";
	D.grid.quadrants.forEach(function (q, k) {
		if (!names[k]) return;
		var li = el("li"), sw = el("span", undefined, "swatch");
		sw.style.background = q.colour;
		li.appendChild(sw);
		li.appendChild(document.createTextNode(q.legend + " (" + names[k] + ")"));
		li.dataset.quadrant = q.name;
		ul.appendChild(li);
	});
}
function setView(m) {
	mode = m;
	positions();
	document.getElementById("color-by").disabled = document.getElementById("size-by").disabled = m !== "map";
	if (m === "grid") quadrantLegend(); else if (m === "groups") groupLegend(); else colourBy(colourChoice);
	sortByArea();
	buildGrid();
	document.getElementById("views").dataset.view = m;
	fit();
	relist();
}
/* the colours of the groups: the largest of each colour slot */
function groupLegend() {
	var names = [];
	G.v.forEach(function (g) { if (names[g.slot] === undefined) names[g.slot] = g.slot === 8 ? "other groups" : g.name; });
	document.querySelector("#legend h2").textContent = "Colour: group";
	legend(names);
}
function views() {
	var box = document.getElementById("views");
	box.dataset.view = mode;
	if (G) {
		document.querySelector('#views input[value="map"]').parentNode.hidden = true;
		document.querySelector('#views input[value="groups"]').checked = true;
		setView("groups");
		setGroup(-1);
	} else document.querySelector('#views input[value="groups"]').parentNode.hidden = true;
	if (!D.grid) document.querySelector('#views input[value="grid"]').parentNode.hidden = true;
	if (!D.grid && !G) return;
	box.hidden = false;
	box.querySelectorAll("input").forEach(function (r) {
		r.addEventListener("change", function () { if (r.checked) setView(r.value); });
	});
}

positions();
filters();
switches();
timeline();
buildGrid();
window.addEventListener("resize", resize);
var r0 = canvas.getBoundingClientRect();
canvas.width = Math.max(1, Math.round(r0.width * dpr));
canvas.height = Math.max(1, Math.round(r0.height * dpr));
fit();
story();
if (D.story && D.story.length) showStep(0);
views();
/* #view=grid in the address opens on the grid, #org=ID focuses that org
 * (both: #view=grid&org=ID); #group=K shows the K-th group (from 0) */
(function () {
	location.hash.slice(1).split("&").forEach(function (part) {
		var h = decodeURIComponent(part), v = document.querySelector('#views input[value="' + h.slice(5) + '"]');
		if (h.slice(0, 5) === "view=" && v && !document.getElementById("views").hidden) { v.checked = true; setView(v.value); }
		if (h.slice(0, 6) === "group=" && G && G.v[+h.slice(6)]) setGroup(+h.slice(6));
		if (h.slice(0, 4) === "org=")
			for (var i = 0; i < n; i++) if (orgs[i].id === h.slice(4)) { setFocus(i); break; }
	});
})();
window.coalmapExplore = { zoom: zoom, pan: pan, view: view, focus: function () { return focus; },
	/* the view drawn whole (as at rest after a pan or a zoom) */
	redraw: function () { draw(); },
	/* where org `id` is drawn, in canvas pixels */
	at: function (id) { for (var i = 0; i < n; i++) if (orgs[i].id === id) return placed(i) ? [sx(px[i]), sy(py[i])] : null; return null; },
	largest: function () { return byArea.length ? orgs[byArea[0]].id : null; },
	lit: function () { return shown ? Object.keys(shown).map(function (i) { return orgs[+i].id; }) : []; },
	/* the groups drawn: [name, members, ties inside, side] each, and the
	 * links [name, name, ties, conflict, weak]; recount: counted again
	 * from the orgs and ties even with nothing hidden */
	groups: function (recount) {
		var gs = groupsNow(recount);
		return { v: gs.v.map(function (g) { return [g.name, g.members, g.inside, g.side]; }),
			 links: gs.links.map(function (e) { return [gs.v[e[0]].name, gs.v[e[1]].name, e[2], e[3], e[4]]; }) };
	} };
})();
