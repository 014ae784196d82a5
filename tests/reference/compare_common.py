"""What the compare_*.py scripts share: reading REF.csv / OUT.csv, and the
exit-2 path for malformed input.

Like the rest of tests/reference, this uses nothing of coalmap's code.
"""
import sys

import nx_metrics

# A cell starting with one of these gets a leading ' in coalmap's CSV output
# (formula-injection neutralisation).
INJECTION = ("=", "+", "-", "@", "\t", "\r")


def unprotect(s):
    """Undo formula-injection neutralisation ("'-x" -> "-x")."""
    return s[1:] if s[:1] == "'" and s[1:2] in INJECTION else s


def malformed(prog, msg):
    """Report malformed input as PROG: MSG on stderr and exit 2."""
    print("%s: %s" % (prog, msg), file=sys.stderr)
    sys.exit(2)


def read_rows(prog, path, what, need):
    """The rows of the CSV file at path (nx_metrics.read_table), which must
    have at least one row and every column in need; otherwise exit 2,
    naming the file by what ("REF", "OUT", ...)."""
    try:
        rows = nx_metrics.read_table(path)
    except (OSError, UnicodeDecodeError) as e:
        malformed(prog, "%s: %s" % (what, e))
    if not rows:
        malformed(prog, "%s: no rows" % what)
    missing = [c for c in need if c not in rows[0]]
    if missing:
        malformed(prog, "%s: missing column(s) %s" % (what, ", ".join(missing)))
    return rows
