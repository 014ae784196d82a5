#!/bin/sh
# ROBUSTNESS.md battery, CSV structure / encodings / semantics: every bad
# input exits 65 with FILE:LINE[:COL]: message and writes no output file.
. "$(dirname "$0")/lib.sh"
L="$tmp/l"
O=$L/organizations.csv
R=$L/relationships.csv
REL='source,target\n'

# bad ORGS TIES EXPECTED_MESSAGE DESCRIPTION
bad() {
	mk "$L" "$1" "$2"
	run metrics "$L" -o "$tmp/out.csv"
	expect_rc 65 "$4"
	expect_err "$3" "$4"
	checks=$((checks + 1))
	[ ! -e "$tmp/out.csv" ] || fail "$4: output file written"
	ls -a "$tmp" | grep -q '^\.coalmap-' && fail "$4: temporary file left"
}

# -- CSV structure
bad 'id,name\na,A\n"b,B\nc,C\n' "$REL" "$O:3: unterminated quoted field" "unterminated quote names its line"
bad 'id,name\na,A\n"b"x,B\n' "$REL" "$O:3:4: stray quote" '"a"x'
bad 'id,name\nab"c,B\n' "$REL" "$O:2:3: stray quote" 'ab"c'
bad 'id,name,type,region\na,A,ngo\n' "$REL" "$O:2: expected 4 fields, got 3" "too few fields"
bad 'id,name\na,A,x\n' "$REL" "$O:2: expected 2 fields, got 3" "too many fields"
bad 'id,name\n\n\na,A\nb\n' "$REL" "$O:5: expected 2 fields, got 1" "blank lines then a bad row"
bad 'id,name\na,"two\nlines"\nb,"x\ny\nz"\nc\n' "$REL" "$O:7: expected 2 fields, got 1" "quoted newlines keep physical lines"
bad 'id,name\r\na,A\rb,B\nc,C,D\r\n' "$REL" "$O:4: expected 2 fields, got 3" "mixed CRLF, CR, LF line numbers"
bad '' "$REL" "$O:1: no organizations" "empty organizations file"
bad 'id,name\n' "$REL" "$O:1: no organizations" "header-only organizations file"
bad 'id,name,Name\na,b,c\n' "$REL" "$O:1: duplicate column name 'Name'" "duplicate header names"
bad 'name\nA\n' "$REL" "$O:1: missing required column 'id'" "missing id column"
bad 'id\na\n' 'source,weight\na,1\n' "$R:1: missing required column 'target'" "missing target column"
# -- encodings
bad '\377\376i\000d\000\n\000' "$REL" "$O:1:1: the file is UTF-16; save it as 'CSV UTF-8'" "UTF-16 LE"
bad '\376\377\000i\000d' "$REL" "$O:1:1: the file is UTF-16" "UTF-16 BE"
bad 'id,name\na,caf\351\n' "$REL" "$O:2:6: invalid UTF-8" "Latin-1 byte"
bad 'id,name\na,\300\257\n' "$REL" "$O:2:3: invalid UTF-8" "overlong sequence"
bad 'id,name\na,\355\240\200\n' "$REL" "$O:2:3: invalid UTF-8" "surrogate"
bad 'id,name\na,x\000y\n' "$REL" "$O:2:4: NUL byte" "NUL inside a field"
# -- semantics
bad 'id\na\nb\n' 'source,target\na,zz\n' "$R:2: unknown org 'zz' in target" "tie to an unknown org"
bad 'id\na\nb\na\n' "$REL" "$O:4: duplicate org id 'a' (first on line 2)" "duplicate id cites both lines"
bad 'id,name\n,x\n' "$REL" "$O:2: empty id" "empty id"
bad 'id,budget\na,-1\n' "$REL" "$O:2: budget -1 must be at least 0" "negative budget"
bad 'id,budget\na,NaN\n' "$REL" "$O:2: budget 'NaN' is not a number" "NaN"
bad 'id,budget\na,inf\n' "$REL" "$O:2: budget 'inf' is not a number" "inf"
bad 'id,budget\na,1e999\n' "$REL" "$O:2: budget '1e999' is not a number" "1e999"
bad 'id,budget\na,0x10\n' "$REL" "hexadecimal" "0x10"
bad 'id,budget\na,"1,5"\n' "$REL" "use '.' as the decimal separator" "decimal comma hint"
bad 'id\na\nb\n' 'source,target,weight\na,b,0\n' "$R:2: weight 0 must be greater than 0" "zero weight"
bad 'id\na\nb\n' 'source,target,weight\na,b,-2\n' "$R:2: weight -2 must be greater than 0" "negative weight"
bad 'id\na\nb\n' 'source,target,trust\na,b,1.5\n' "$R:2: trust 1.5 is outside [0, 1]" "trust out of range"
bad 'id\na\nb\n' 'source,target,amount\na,b,-5\n' "$R:2: amount -5 must be at least 0" "negative amount"
bad 'id,stance\na,maybe\n' "$REL" "$O:2: stance 'maybe' is not support, neutral or oppose" "bad stance"
bad 'id\na\nb\n' 'source,target,start\na,b,2023-02-30\n' "$R:2: start '2023-02-30' is not a date" "Feb 30"
bad 'id\na\nb\n' 'source,target,end\na,b,03/04/2023\n' "$R:2: end '03/04/2023' is not a date" "US date"
bad 'id\na\nb\n' 'source,target,start,end\na,b,2021-05-01,2020\n' "$R:2: end 2020 is before start 2021-05-01" "end before start"
bad 'id\na\nb\n' 'source,target,directed\na,b,maybe\n' "$R:2: directed 'maybe' is not true or false" "bad directed"
# -- size
big=$(head -c 1100000 /dev/zero | tr '\0' 'x')
printf 'id,name\na,%s\n' "$big" >"$tmp/big.csv"
mkdir -p "$tmp/big"; cp "$tmp/big.csv" "$tmp/big/organizations.csv"; printf "$REL" >"$tmp/big/relationships.csv"
run check "$tmp/big"; expect_rc 65 "field over 1 MiB"; expect_err "longer than 1 MiB" "field over 1 MiB"
"$PYTHON3" -c "print(','.join('c%d' % i for i in range(20000)))" >"$tmp/big/organizations.csv"
run check "$tmp/big"; expect_rc 65 "20000 columns"; expect_err "more than 10000 fields" "20000 columns"

# -- all errors listed, up to 50 different ones (the same one on many rows
# is one line: tests/cli/diags-grouped.sh)
{ printf 'id,budget\n'; i=0; while [ $i -lt 60 ]; do printf 'o%d,-%d\n' $i $((i + 1)); i=$((i + 1)); done; } >"$tmp/many.csv"
mk "$L" 'id\n' "$REL"; cp "$tmp/many.csv" "$O"
run check "$L"; expect_rc 65 "60 errors"
expect_err "$O:51: budget" "50th error listed"
checks=$((checks + 1)); case "$err" in *"$O:52:"*) fail "51st error listed" ;; esac
expect_err "and 10 more problems not shown" "count of errors not shown"
expect_err "60 errors; nothing written" "total error count"

# -- missing input: 66
run check "$tmp/nonexistent"; expect_rc 66 "missing folder"
mkdir -p "$tmp/half"; printf 'id\na\n' >"$tmp/half/organizations.csv"
run check "$tmp/half"; expect_rc 66 "missing relationships.csv"; expect_err "relationships.csv: cannot open" "missing file named"
finish
