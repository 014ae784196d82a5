#!/usr/bin/env python3
"""explore-a11y.py - the explorer's accessibility in headless Chromium, for
tests/cli/explore-browser.sh (Python's standard library and Chromium only:
the DevTools protocol over --remote-debugging-pipe, whose key presses are
real ones that move the focus as a person's would).

Usage: explore-a11y.py CHROMIUM PAGE GROUPS_PAGE

PAGE is the fixture's page with a story and a stakeholder grid (orgs a,
b...); GROUPS_PAGE an aggregated one.  Checked, on the map, with the
search's matches open, with an org's panel, on the grid, on the groups
view and with a group's panel:
  - contrast (WCAG 2.1 AA): each visible text's colour against the
    background behind it, 4.5:1 (3:1 for large text); the edge of each text
    field, select, button and legend swatch against what surrounds it, 3:1;
    disabled controls are exempt, as WCAG says;
  - names: every control, landmark and region in Chromium's accessibility
    tree has a name; the panel is a named region holding a live region
    that names the org or group shown;
  - the keyboard: each Tab from the top lands, in document order, on a
    visible element with a focus ring of 3:1 or more; the search with the
    arrows and Enter opens an org and puts the keyboard on the panel's
    heading; a partner's button opens the partner; Escape clears the panel
    and gives the focus back; the story's Next and Previous by Enter, the
    keyboard kept on them at either end; the map as a list opens an org or
    a group by Enter; + on the map zooms.
Prints each problem and exits 1 if any."""
import json
import os
import subprocess
import sys
import tempfile
import time

# ---- Chromium over the DevTools pipe: commands on fd 3, answers on fd 4,
# each a JSON text ended by a NUL
class Browser:
    def __init__(self, chromium):
        r3, self.w = os.pipe()
        self.r, w4 = os.pipe()
        self.home = tempfile.mkdtemp()

        def child():
            a, b = os.dup(r3), os.dup(w4)  # out of the way of 3 and 4
            os.dup2(a, 3)
            os.dup2(b, 4)
        self.p = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--proxy-server=127.0.0.1:9", "--remote-debugging-pipe", "--window-size=1280,800", "about:blank"],
            preexec_fn=child, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, HOME=self.home))
        os.close(r3)
        os.close(w4)
        self.buf, self.n, self.session = b"", 0, None
        self.console = []
        page = [t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page"][0]
        self.session = self.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        self.send("Runtime.enable")

    def send(self, method, params=None):
        self.n += 1
        msg = {"id": self.n, "method": method, "params": params or {}}
        if self.session and not method.startswith("Target."):
            msg["sessionId"] = self.session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + 30
        while True:
            while b"\0" not in self.buf:
                if time.time() > deadline:
                    raise RuntimeError("no answer to " + method)
                chunk = os.read(self.r, 1 << 16)
                if not chunk:
                    raise RuntimeError("Chromium closed the pipe")
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            m = json.loads(raw)
            if m.get("method") == "Runtime.consoleAPICalled":
                self.console.append(m["params"]["type"])
            if m.get("method") == "Runtime.exceptionThrown":
                self.console.append(m["params"]["exceptionDetails"].get("text", "exception"))
            if m.get("id") == self.n:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m["result"]

    def js(self, expr):
        r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError("%s: %s" % (expr[:60], r["exceptionDetails"]))
        return r["result"].get("value")

    def open(self, url):
        self.send("Page.navigate", {"url": url})
        for _ in range(100):
            time.sleep(0.1)
            if self.js("document.readyState === 'complete' && !!window.coalmapExplore"):
                break
        self.js(AUDIT)

    KEYS = {"Tab": 9, "Enter": 13, "Escape": 27, "ArrowLeft": 37, "ArrowUp": 38, "ArrowRight": 39, "ArrowDown": 40, "+": 187}

    def key(self, k, shift=False):
        p = {"key": k, "code": "Equal" if k == "+" else k, "windowsVirtualKeyCode": self.KEYS[k], "modifiers": 8 if shift else 0}
        text = {"Enter": "\r", "+": "+"}.get(k)
        self.send("Input.dispatchKeyEvent", dict(p, type="keyDown", **({"text": text} if text else {})))
        self.send("Input.dispatchKeyEvent", dict(p, type="keyUp"))
        time.sleep(0.05)  # the page's timers (the panel's heading takes the focus in one)

    def type(self, text):
        self.send("Input.insertText", {"text": text})

    def names(self):
        """The nodes of Chromium's accessibility tree a person reaches, as
        (role, name, DOM id)."""
        out = []
        tree = self.send("Accessibility.getFullAXTree")["nodes"]
        ids = {}
        for nd in tree:
            if nd.get("backendDOMNodeId") is not None:
                ids[nd["backendDOMNodeId"]] = nd
        for nd in tree:
            if nd.get("ignored"):
                continue
            role = nd.get("role", {}).get("value", "")
            name = nd.get("name", {}).get("value", "")
            out.append((role, name, nd.get("backendDOMNodeId")))
        return out

    def close(self):
        try:
            self.send("Browser.close")
        except RuntimeError:
            pass
        try:
            self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()


# ---- in the page: contrast, focus rings, the panel's names (WCAG's
# relative luminance and contrast ratio, 1.4.3 and 1.4.11)
AUDIT = r"""
window.a11y = (function () {
function rgba(s) {
	var m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(s);
	return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
}
function over(top, under) { /* top composited over an opaque colour */
	return [0, 1, 2].map(function (k) { return top[k] * top[3] + under[k] * (1 - top[3]); }).concat(1);
}
function lum(c) {
	return [0, 1, 2].reduce(function (s, k) {
		var x = c[k] / 255;
		return s + [0.2126, 0.7152, 0.0722][k] * (x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));
	}, 0);
}
function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
/* the opaque colour behind e: the backgrounds of e and its ancestors
 * composited over white; null where a picture is behind it */
function behind(e) {
	var layers = [];
	for (; e && e.nodeType === 1; e = e.parentElement) {
		var cs = getComputedStyle(e);
		if (cs.backgroundImage !== "none") return null;
		var c = rgba(cs.backgroundColor);
		if (c && c[3] > 0) layers.push(c);
		if (c && c[3] === 1) break;
	}
	return layers.reduceRight(function (u, c) { return over(c, u); }, [255, 255, 255, 1]);
}
function opacity(e) { var o = 1; for (; e && e.nodeType === 1; e = e.parentElement) o *= +getComputedStyle(e).opacity; return o; }
function shown(e) {
	var r = e.getBoundingClientRect();
	return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility === "visible" && !e.closest(".sr-only, #test-result");
}
function inactive(e) {
	return !!(e.closest("button:disabled, select:disabled, fieldset:disabled") ||
		  (e.closest("label") && e.closest("label").querySelector("input:disabled")) ||
		  (e.matches("input, select, button") && e.disabled));
}
function what(e) { return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : "") + " '" + (e.textContent || e.value || "").slice(0, 30) + "'"; }
function name(e) { return what(e); }
/* each visible text at 4.5:1 (3:1 when large), each control's edge and
 * each swatch at 3:1 */
function contrast() {
	var bad = [], checked = 0;
	function text(e, colour, where) {
		var cs = getComputedStyle(e), bg = behind(e), c = rgba(colour);
		if (!bg || !c) return;
		c[3] *= opacity(e);
		var size = parseFloat(cs.fontSize), large = size >= 24 || (size >= 18.66 && +cs.fontWeight >= 700);
		var r = ratio(over(c, bg), bg), need = large ? 3 : 4.5;
		checked++;
		if (r < need - 0.005) bad.push("text " + where + " " + what(e) + ": " + r.toFixed(2) + ":1, needs " + need);
	}
	document.querySelectorAll("body *").forEach(function (e) {
		if (!shown(e) || inactive(e) || /^(SCRIPT|STYLE|OPTION|CANVAS)$/.test(e.tagName)) return;
		var own = Array.prototype.some.call(e.childNodes, function (t) { return t.nodeType === 3 && t.textContent.trim(); });
		if (own) text(e, getComputedStyle(e).color, "");
		if (e.tagName === "SELECT" || (e.tagName === "INPUT" && /^(search|text)$/.test(e.type))) {
			if (e.value || e.tagName === "SELECT") text(e, getComputedStyle(e).color, "(its value)");
			else if (e.placeholder) text(e, getComputedStyle(e, "::placeholder").color, "(placeholder)");
		}
		/* edges: a control's border, else its own background; a swatch's */
		if (e.matches("input[type=search], input[type=text], select, button, .swatch")) {
			var cs = getComputedStyle(e), around = behind(e.parentElement), edge = null;
			if (!around) return;
			if (parseFloat(cs.borderTopWidth) > 0 && cs.borderTopStyle !== "none") edge = rgba(cs.borderTopColor);
			var fill = rgba(cs.backgroundColor);
			var best = Math.max(edge ? ratio(over(edge, around), around) : 1, fill ? ratio(over(fill, around), around) : 1);
			if (!edge && (!fill || fill[3] === 0)) return; /* drawn as text only (the panel's buttons) */
			checked++;
			if (best < 3 - 0.005) bad.push("edge of " + what(e) + ": " + best.toFixed(2) + ":1, needs 3");
		}
	});
	return { bad: bad, checked: checked };
}
/* the focused element: shown, with a ring of 3:1 against what is around it */
function focusRing() {
	var e = document.activeElement;
	if (!e || e === document.body) return { at: "body", bad: "the focus is on nothing" };
	var cs = getComputedStyle(e), around = behind(e.parentElement) || [255, 255, 255, 1], r = e.getBoundingClientRect();
	var at = what(e), out = { at: at, id: e.id, tag: e.tagName };
	if (r.width < 1 || r.height < 1) out.bad = at + ": focused but not shown";
	else if (cs.outlineStyle === "none" || (cs.outlineStyle !== "auto" && parseFloat(cs.outlineWidth) < 2)) {
		if (cs.boxShadow === "none") out.bad = at + ": no focus ring (outline " + cs.outlineStyle + " " + cs.outlineWidth + ")";
	} else if (cs.outlineStyle !== "auto") { /* auto: the browser's own ring, two-toned */
		var c = rgba(cs.outlineColor), k = ratio(over(c, around), around);
		if (k < 3) out.bad = at + ": focus ring at " + k.toFixed(2) + ":1, needs 3";
	}
	return out;
}
/* the elements the keyboard can reach, in document order */
function order(e) {
	return Array.prototype.indexOf.call(document.querySelectorAll("*"), e || document.activeElement);
}
function panel() {
	var p = document.getElementById("panel"), live = p.querySelector("[aria-live=polite], [aria-live=assertive], [role=status]");
	return { label: p.getAttribute("aria-label") || (p.getAttribute("aria-labelledby") && document.getElementById(p.getAttribute("aria-labelledby")) || {}).textContent || "",
		 role: p.getAttribute("role") || p.tagName.toLowerCase(), liveInPanel: !!live || p.getAttribute("aria-live") === "polite",
		 said: live ? live.textContent : p.textContent, org: p.dataset.org || null, group: p.dataset.group || null };
}
return { contrast: contrast, focusRing: focusRing, order: order, panel: panel };
})();
"""

bad = []


def check(cond, what):
    if not cond:
        bad.append(what)


def audit(b, where):
    r = b.js("a11y.contrast()")
    check(r["checked"] > 20, "%s: only %d texts and edges checked" % (where, r["checked"]))
    for x in r["bad"]:
        bad.append("%s: contrast: %s" % (where, x))
    # names: controls, landmarks and regions in Chromium's accessibility tree
    named = ("button", "checkbox", "radio", "combobox", "textbox", "searchbox", "slider", "listbox", "option",
             "spinbutton", "link", "switch", "application", "region", "complementary", "navigation", "form",
             "dialog", "DisclosureTriangle")
    roles = set()
    for role, name, _ in b.names():
        roles.add(role)
        if role in named:
            check(name.strip() != "", "%s: a %s without a name" % (where, role))
    for role in ("banner", "main", "complementary"):
        check(role in roles, "%s: no %s landmark" % (where, role))
    p = b.js("a11y.panel()")
    check(p["label"] and (p["liveInPanel"] or p["role"] == "dialog"),
          "%s: the panel is not a named live region or dialog: %r" % (where, dict(p, said=p["said"][:80])))


def ring(b, where):
    f = b.js("a11y.focusRing()")
    if "bad" in f:
        bad.append("%s: %s" % (where, f["bad"]))
    return f


def tab_to(b, pred, most=60, where=""):
    for _ in range(most):
        b.key("Tab")
        f = ring(b, where)
        if pred(f):
            return f
    bad.append("%s: not reached by Tab" % where)
    return None


def main():
    chromium, page, groups = sys.argv[1:4]
    b = Browser(chromium)
    try:
        b.open("file://" + page)
        audit(b, "map, story step 1")
        # every Tab from the top: in document order, each with a ring
        seen, last = [], -1
        for _ in range(60):
            b.key("Tab")
            if b.js("document.activeElement === document.body"):
                break  # past the last, before the first again
            f = ring(b, "Tab order")
            k = b.js("a11y.order()")
            if k <= last:
                break
            seen.append(f.get("id") or f["tag"])
            last = k
        want = ["search", "save-png", "save-svg", "story-next", "filter-by", "color-by", "SUMMARY", "map"]
        pos = [seen.index(w) if w in seen else -1 for w in want]
        check(-1 not in pos and pos == sorted(pos), "Tab order %r: expected %r in that order" % (seen, want))
        check(len(seen) >= 15, "Tab reached only %r" % seen)
        # the search: type, arrows, Enter; the panel's heading takes the keyboard
        b.open("file://" + page)
        f = tab_to(b, lambda f: f.get("id") == "search", 3, "search")
        b.type("a")
        audit(b, "the search's matches")
        s = b.js("[document.getElementById('search').getAttribute('aria-expanded'), (document.getElementById(document.getElementById('search').getAttribute('aria-activedescendant')) || {}).textContent]")
        check(s == ["true", "Alpha Trust (a)"], "the first match is the active option: %r" % s)
        b.key("ArrowDown")
        s = b.js("(document.getElementById(document.getElementById('search').getAttribute('aria-activedescendant')) || {}).textContent")
        check(s == "Beta Network (b)", "ArrowDown: the active option %r" % s)
        b.key("Enter")
        p, f = b.js("a11y.panel()"), ring(b, "Enter on a match")
        check(p["org"] == "b" and f.get("id") == "panel-title", "Enter opens b, the keyboard on its heading: %r, %r" % (p["org"], f))
        check(p["said"].startswith("Beta Network (ngo): 3 partners"), "the live region says %r" % p["said"])
        audit(b, "b's panel")
        # Tab to a partner's button, Enter: the partner's panel, the keyboard on its heading
        f = tab_to(b, lambda f: f["tag"] == "BUTTON", 3, "b's partners")
        partner = b.js("document.activeElement.textContent")
        b.key("Enter")
        p, f = b.js("a11y.panel()"), ring(b, "a partner")
        check(f.get("id") == "panel-title" and b.js("document.getElementById('panel-title').textContent") == partner and p["org"] != "b",
              "Enter on the partner %r: %r, %r" % (partner, p["org"], f))
        # Escape: the panel cleared, the focus back in the search box
        b.key("Escape")
        p, f = b.js("a11y.panel()"), ring(b, "Escape")
        check(p["org"] is None and f.get("id") == "search", "Escape: the panel %r, the focus on %r" % (p["org"], f.get("at")))
        # the story by the keyboard: Next, Next (the last: the focus moves to
        # Previous), Previous, the right arrow
        tab_to(b, lambda f: f.get("id") == "story-next", 6, "the story's Next")
        steps = []
        for k in ("Enter", "Enter", "Enter", "ArrowRight"):
            b.key(k)
            steps.append([b.js("document.getElementById('story-count').textContent"), ring(b, "the story").get("id")])
        check(steps == [["Step 2 of 3", "story-next"], ["Step 3 of 3", "story-prev"], ["Step 2 of 3", "story-prev"], ["Step 3 of 3", "story-prev"]],
              "the story by the keyboard: %r" % steps)
        # the map as a list: open it, Enter on an org, Escape back to its button
        tab_to(b, lambda f: f["tag"] == "SUMMARY", 40, "the map as a list")
        b.key("Enter")
        f = tab_to(b, lambda f: f["tag"] == "BUTTON", 2, "the list's first org")
        org = b.js("document.activeElement.dataset.org")
        b.key("Enter")
        p, f = b.js("a11y.panel()"), ring(b, "the list")
        check(org and p["org"] == org and f.get("id") == "panel-title", "Enter in the list on %r: %r, %r" % (org, p["org"], f))
        b.key("Escape")
        check(b.js("document.activeElement.dataset.org") == org, "Escape: back on the list's %r" % org)
        n = b.js("document.querySelectorAll('#listed button').length")
        check(n == 7, "the list holds the 7 orgs drawn: %r" % n)
        # + on the map zooms
        tab_to(b, lambda f: f.get("id") == "map", 20, "the map")
        s0 = b.js("coalmapExplore.view.s")
        b.key("+")
        check(b.js("coalmapExplore.view.s") > s0, "+ on the map zooms")
        # the grid, by the keyboard: the views' radios
        b.open("file://" + page)
        tab_to(b, lambda f: f["tag"] == "INPUT" and b.js("document.activeElement.name") == "view", 12, "the views")
        b.key("ArrowDown")
        check(b.js("document.getElementById('views').dataset.view") == "grid", "ArrowDown on the views: the grid")
        audit(b, "the grid")
        # the groups view: a group from the list, its panel, Escape back
        b.open("file://" + groups)
        audit(b, "groups")
        tab_to(b, lambda f: f["tag"] == "SUMMARY", 60, "the groups as a list")
        b.key("Enter")
        tab_to(b, lambda f: f["tag"] == "BUTTON", 2, "the list's first group")
        g = b.js("document.activeElement.dataset.group")
        b.key("Enter")
        p, f = b.js("a11y.panel()"), ring(b, "a group")
        check(g and p["group"] == g and f.get("id") == "panel-title" and p["said"].startswith(g + ": a group of"),
              "Enter in the list on the group %r: %r, %r" % (g, p, f))
        audit(b, "a group's panel")
        b.key("Escape")
        check(b.js("document.activeElement.dataset.group") == g and b.js("a11y.panel().group") is None,
              "Escape: the group's panel cleared, back on its button")
        check(not b.console, "console messages or exceptions: %r" % b.console)
    finally:
        b.close()
    for x in bad:
        print("a11y:", x)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
