#!/bin/sh
# Path metrics (betweenness, harmonic closeness) from engine/paths.c:
# identical across thread counts (1e-9 relative), exact when every source is
# sampled, and with --samples K unbiased estimates whose stated standard
# errors cover the exact values; the same sample for the same input.
. "$(dirname "$0")/lib.sh"

"$COALMAP" generate --orgs 600 --ties 1800 --seed 11 -o "$tmp/g" || fail "generate"
for t in 1 2 3; do
	run metrics "$tmp/g" --threads $t --format csv -o "$tmp/t$t.csv"; expect_rc 0 "--threads $t"
	run metrics "$tmp/g" --threads $t --weighted --format csv -o "$tmp/w$t.csv"; expect_rc 0 "--threads $t --weighted"
done
run metrics "$tmp/g" --samples 600 --format csv -o "$tmp/all.csv"; expect_rc 0 "--samples n"
run metrics "$tmp/g" --samples 200 --format csv -o "$tmp/s1.csv"; expect_rc 0 "--samples 200"
expect_err "estimated from 200 of 600 sources" "sampling is announced"
run metrics "$tmp/g" --samples 200 --threads 1 --format csv -o "$tmp/s2.csv"; expect_rc 0 "--samples 200, one thread"
run metrics "$tmp/g" --samples 200 --format csv -o "$tmp/s3.csv"; expect_rc 0 "--samples 200 again"
checks=$((checks + 1)); cmp -s "$tmp/s1.csv" "$tmp/s3.csv" || fail "same input and options, different bytes"
run metrics "$tmp/g" --threads 0; expect_rc 64 "--threads 0"

"$PYTHON3" - "$tmp" <<'PY' && ok || fail "thread counts, sampling"
import csv, math, sys
d = sys.argv[1]
def load(name):
    return {r["id"]: r for r in csv.DictReader(open(f"{d}/{name}.csv", encoding="utf-8"))}
def close(a, b, rel=1e-9):
    a, b = float(a), float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b)) + 1e-12
for prefix in "tw":
    base = load(prefix + "1")
    for t in "23":
        other = load(prefix + t)
        for k, r in base.items():
            for col in ("betweenness", "harmonic"):
                assert close(r[col], other[k][col]), (prefix, t, k, col, r[col], other[k][col])
exact, every = load("t1"), load("all")
assert "betweenness_se" not in every[next(iter(every))]
for k, r in exact.items():
    assert close(r["betweenness"], every[k]["betweenness"]) and close(r["harmonic"], every[k]["harmonic"])
s1, s2 = load("s1"), load("s2")
assert all(close(s1[k]["betweenness"], s2[k]["betweenness"]) for k in s1), "same sample, same estimate"
# Estimates track the exact values: totals within 5 %, correlation above
# 0.95, and most exact values within 4 standard errors (betweenness is
# heavy-tailed per source, so its sample standard error understates the
# error of orgs whose brokerage comes from few sources: 80 %, not 99 %).
def pearson(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    return sxy / math.sqrt(sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))
for col in ("betweenness", "harmonic"):
    ex = [float(exact[k][col]) for k in exact]
    es = [float(s1[k][col]) for k in exact]
    inside = sum(abs(a - b) <= 4 * float(s1[k][col + "_se"]) + 1e-9 for k, a, b in zip(exact, ex, es))
    assert abs(sum(es) - sum(ex)) <= 0.05 * sum(ex), (col, sum(es), sum(ex))
    assert pearson(ex, es) > 0.95, (col, pearson(ex, es))
    assert inside >= 0.8 * len(ex), (col, inside, len(ex))
PY
finish
