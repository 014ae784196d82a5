#!/bin/sh
# Kumu's JSON project export as input (engine/read_kumu_json.c): a project
# written by Python's json, read by every command; degrees, names and
# attributes against NetworkX and Python built from the same JSON; labels
# as ids unless shared; hostile files refused with a line.
. "$(dirname "$0")/lib.sh"

# err_re REGEX DESCRIPTION: a line of stderr matches the basic regular expression
err_re() {
	checks=$((checks + 1))
	printf '%s\n' "$err" | grep -q -- "$1" || fail "$2: stderr lacks /$1/; got: $err"
}

P="$tmp/project.json"
"$PYTHON3" - "$P" "$tmp" <<'PY'
import json, sys
p = {
    "name": "test project",
    "attributes": [{"_id": "attr-1", "name": "Budget Size", "format": "number"}],
    "elements": [
        {"_id": "elem-a", "attributes": {"label": "Alpha", "element type": "NGO", "tags": ["x", "y"],
                                         "budget size": 1200, "founded": 1999, "extra": {"a": 1}}},
        {"_id": "elem-b", "attributes": {"label": "Beta", "element type": "Funder",
                                         "description": "gives, \"often\""}},
        {"_id": "elem-c", "attributes": {"label": "Twin", "element type": "NGO", "extra": {"b": 2}}},
        {"_id": "elem-d", "attributes": {"label": "Twin", "element type": None}},
        {"_id": "elem-e", "attributes": {"label": "Lone"}},
    ],
    "connections": [
        {"_id": "conn-1", "from": "elem-a", "to": "elem-b", "direction": "directed", "reversed": False,
         "attributes": {"connection type": "funding", "strength": 2}},
        {"_id": "conn-2", "from": "elem-c", "to": "elem-d", "direction": "mutual", "attributes": {}},
        {"_id": "conn-3", "from": "elem-b", "to": "elem-c", "direction": "undirected",
         "attributes": {"connection type": None}},
        {"_id": "conn-4", "from": "elem-d", "to": "elem-a", "attributes": {"connection type": "alliance"}},
    ],
    "maps": [{"_id": "map-1", "elements": [{"_id": "node-1", "element": "elem-a", "position": {"x": 1.5, "y": -2}},
                                           {"_id": "node-2", "element": "elem-b", "position": {"x": 3, "y": 4}}]}],
}
json.dump(p, open(sys.argv[1], "w"), indent=2)
d = sys.argv[2]
bad = json.loads(json.dumps(p))
bad["connections"].append({"_id": "conn-9", "from": "elem-a", "to": "elem-nowhere"})
json.dump(bad, open(d + "/unknown.json", "w"), indent=2)
s = json.dumps(p, indent=2)
open(d + "/cut.json", "w").write(s[: len(s) // 2])
open(d + "/deep.json", "w").write('{"elements": ' + "[" * 10000 + "]" * 10000 + "}")
open(d + "/garbage.json", "w").write(json.dumps(p) + "\n{}")
open(d + "/notkumu.json", "w").write('{\n  "elements": {"a": 1}\n}\n')
PY

# NetworkX and Python from the same JSON: what every element and tie must give
cat >"$tmp/ref.py" <<'PY'
import csv, json, sys
from collections import Counter
import networkx as nx
p = json.load(open(sys.argv[1]))
els = p["elements"]
labels = Counter(e["attributes"].get("label") for e in els)
ident = {e["_id"]: (e["attributes"]["label"] if labels[e["attributes"]["label"]] == 1 else e["_id"]) for e in els}
g, u = nx.DiGraph(), nx.Graph()
g.add_nodes_from(ident.values()); u.add_nodes_from(ident.values())
for c in p["connections"]:
    a, b = ident[c["from"]], ident[c["to"]]
    u.add_edge(a, b)
    g.add_edge(a, b)
    if c.get("direction") in ("mutual", "undirected"):
        g.add_edge(b, a)
mode = sys.argv[2]
got = list(csv.DictReader(open(sys.argv[3], encoding="utf-8")))
if mode == "metrics":
    assert [r["id"] for r in got] and sorted(r["id"] for r in got) == sorted(ident.values()), [r["id"] for r in got]
    names = {ident[e["_id"]]: e["attributes"]["label"] for e in els}
    for r in got:
        v = r["id"]
        assert r["name"] == names[v], (v, r["name"])
        assert int(r["degree"]) == u.degree(v), (v, r["degree"], u.degree(v))
        assert int(r["in_degree"]) == g.in_degree(v), (v, r["in_degree"], g.in_degree(v))
        assert int(r["out_degree"]) == g.out_degree(v), (v, r["out_degree"], g.out_degree(v))
elif mode == "orgs":
    pos = {n["element"]: n["position"] for n in p["maps"][0]["elements"]}
    by = {r["id"]: r for r in got}
    for e in els:
        a, r = e["attributes"], by[ident[e["_id"]]]
        assert r["name"] == a["label"]
        assert r["type"] == (a.get("element type") or ""), r
        assert r["Description"] == a.get("description", ""), r
        assert r["Tags"] == "|".join(a.get("tags", [])), r
        assert r["Budget Size"] == str(a.get("budget size", "")), r
        assert r["founded"] == str(a.get("founded", "")), r
        assert "extra" not in r
        xy = pos.get(e["_id"])
        assert (r["kumu_x"], r["kumu_y"]) == ((str(xy["x"]), str(xy["y"])) if xy else ("", "")), r
else:
    want = sorted((ident[c["from"]], ident[c["to"]], c["attributes"].get("connection type") or "partnership",
                   "false" if c.get("direction") in ("mutual", "undirected") else "true",
                   str(c["attributes"].get("strength", ""))) for c in p["connections"])
    have = sorted((r["source"], r["target"], r["type"], r["directed"], r["strength"]) for r in got)
    assert have == want, (have, want)
PY

run metrics "$P" --format csv; expect_rc 0 "metrics on a Kumu JSON project"
printf '%s\n' "$out" >"$tmp/m.csv"
"$PYTHON3" "$tmp/ref.py" "$P" metrics "$tmp/m.csv" && ok || fail "degrees or names differ from NetworkX"
expect_err "project.json: note: 2 elements without a label of their own (e.g. 'Twin') go by Kumu's _id" \
	"shared labels fall back to _id"
err_re "project.json:[0-9]*: note: field 'extra' holds nested objects; coalmap skips it" "nested field noted"
checks=$((checks + 1))
[ "$(printf '%s\n' "$err" | grep -c "field 'extra'")" = 1 ] && ok || fail "the nested field is noted more than once"
want="$out"

# told by content under any name, by name when the content says nothing
cp "$P" "$tmp/project.txt"
run metrics "$tmp/project.txt" --format csv; expect_rc 0 "a Kumu project named .txt"
checks=$((checks + 1)); [ "$out" = "$want" ] && ok || fail "project.txt reads differently"
run metrics "$tmp/project.txt" --format csv --from kumu-json; expect_rc 0 "--from kumu-json"

# convert keeps every attribute under Kumu's names
run convert "$P" "$tmp/conv"; expect_rc 0 "convert a Kumu project"
"$PYTHON3" "$tmp/ref.py" "$P" orgs "$tmp/conv/organizations.csv" && ok || fail "organizations.csv differs"
"$PYTHON3" "$tmp/ref.py" "$P" ties "$tmp/conv/relationships.csv" && ok || fail "relationships.csv differs"

# a connection Kumu marks reversed (true, or a truthy "yes" or 1): kept from
# "from" to "to", kumu_reversed = true (not the value's own text), one note
"$PYTHON3" - "$P" "$tmp/rev.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
for c, r in zip(p["connections"], (True, "yes", 1)):
    c["reversed"] = r
json.dump(p, open(sys.argv[2], "w"), indent=2)
PY
run convert "$tmp/rev.json" "$tmp/rev"; expect_rc 0 "convert a project with reversed connections"
expect_err "rev.json: note: 3 connections are marked reversed in Kumu: kept from \"from\" to \"to\", with kumu_reversed = true" \
	"reversed connections counted"
"$PYTHON3" - "$tmp/rev.json" "$tmp/rev/relationships.csv" <<'PY' && ok || fail "kumu_reversed is not true on the reversed ties"
import csv, json, sys
p = json.load(open(sys.argv[1]))
ident = {e["_id"]: e["_id"] if e["attributes"]["label"] == "Twin" else e["attributes"]["label"] for e in p["elements"]}
want = sorted((ident[c["from"]], ident[c["to"]], "true" if c.get("reversed") else "") for c in p["connections"])
have = sorted((r["source"], r["target"], r["kumu_reversed"]) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")))
assert have == want, (have, want)
PY

# hostile or broken files: exit 65, a line, nothing written
for c in "unknown.json|unknown.json:[0-9]*: connection 'conn-9': \"to\" names 'elem-nowhere', which is no element's _id" \
	"cut.json|cut.json:[0-9]*: the file ends inside a JSON value" \
	"deep.json|deep.json:1: JSON nested deeper than 64 levels" \
	"garbage.json|garbage.json:2: text after the end of the JSON value" \
	"notkumu.json|notkumu.json:1: not a Kumu project: \"elements\" is not a list"; do
	f=${c%%|*}; msg=${c#*|}
	run convert "$tmp/$f" "$tmp/bad-${f%.json}"; expect_rc 65 "$f"; err_re "$msg" "$f message"
	checks=$((checks + 1)); [ ! -e "$tmp/bad-${f%.json}" ] && ok || fail "$f: something was written"
done
run check "$tmp/unknown.json"
checks=$((checks + 1))
printf '%s\n' "$err" | grep -q "unknown.json:$(grep -n '"conn-9"' "$tmp/unknown.json" | cut -d: -f1): connection" &&
	ok || fail "the unknown end is not cited at the connection's line"
finish
