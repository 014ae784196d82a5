#!/bin/sh
# What users type for organizations, tie types, org types, regions and
# stances: an id or an exact name everywhere (a unique match without case
# too), and an unknown name is exit 64 with "did you mean" and what exists.
. "$(dirname "$0")/lib.sh"

L="$tmp/l"
mk "$L" 'id,name,type,region,stance\nthiel,PETER THIEL,donor,West,support\nkush,Jared Kushner,government,East,oppose\ntwin1,Twin Org,ngo,West,\ntwin2,Twin Org,ngo,East,\nhub,Hub Network,network,West,neutral\n' \
	'source,target,type\nthiel,hub,funding\nhub,kush,political_info\nhub,twin1,partnership\ntwin2,hub,partnership\n'

# an org by id, by exact name, by a name in another case: the same answer
run path "$L" thiel kush; expect_rc 0 "path by ids"; ids=$out
run path "$L" "PETER THIEL" "Jared Kushner"; expect_rc 0 "path by names"
checks=$((checks + 1)); [ "$out" = "$ids" ] || fail "path by names differs from by ids"
run path "$L" "Peter Thiel" "jared kushner"; expect_rc 0 "path by names in another case"
checks=$((checks + 1)); [ "$out" = "$ids" ] || fail "path by names without case differs"
run gaps "$L" --for thiel; expect_rc 0 "gaps --for id"; byid=$out
run gaps "$L" --for "Peter Thiel"; expect_rc 0 "gaps --for name"
checks=$((checks + 1)); [ "$out" = "$byid" ] || fail "gaps --for name differs from id"
graphviz_leaks # the report and the maps draw with Graphviz
run report "$L" --for "Peter Thiel" -o "$tmp/r.md"; expect_rc 0 "report --for name"
run map "$L" --ego "Jared Kushner" -o "$tmp/e.svg"; expect_rc 0 "map --ego name"
run map "$L" --highlight-gaps "PETER THIEL" -o "$tmp/h.svg"; expect_rc 0 "map --highlight-gaps name"

# near misses: one suggestion, with its id when the name was meant
run gaps "$L" --for "Peter Thel"; expect_rc 64 "misspelt name"
expect_err "no organization 'Peter Thel' (neither an id nor a name); did you mean 'PETER THIEL' (id 'thiel')?" "did you mean a name"
run path "$L" thiel kusj; expect_rc 64 "misspelt id"; expect_err "did you mean 'kush'?" "did you mean an id"
run path "$L" thiel Kushner; expect_rc 64 "part of a name"
expect_err "names containing it: 'Jared Kushner' (id 'kush')." "names containing it"
run map "$L" --ego nosuchorg -o "$tmp/x.svg"; expect_rc 64 "unknown ego"
expect_err "no organization 'nosuchorg' (neither an id nor a name)" "unknown ego message"
checks=$((checks + 1)); [ ! -e "$tmp/x.svg" ] || fail "map written for an unknown ego"
# a name two orgs share is refused, naming both ids
run gaps "$L" --for "Twin Org"; expect_rc 64 "ambiguous name"
expect_err "'Twin Org' is the name of 2 organizations (ids 'twin1', 'twin2'); give the id" "ambiguous name message"

# tie types: unknown is an error listing the types, with the nearest
run metrics "$L" --types politcal_info; expect_rc 64 "misspelt tie type"
expect_err "--types: no tie has type 'politcal_info'; did you mean 'political_info'? The types present: funding, political_info, partnership" "tie type message"
checks=$((checks + 1)); [ -z "$out" ] || fail "metrics printed a table for an unknown type"
run metrics "$L" --types POLITICAL_INFO,funding; expect_rc 0 "types without case"
run path "$L" thiel kush --via-types zzz; expect_rc 64 "unknown --via-types"
expect_err "--via-types: no tie has type 'zzz'. The types present:" "via-types message"
# org types, regions, stances
run power "$L" --targets goverment; expect_rc 64 "misspelt --targets"
expect_err "--targets: no organization has type 'goverment'; did you mean 'government'?" "targets message"
run gaps "$L" --for thiel --region Wset; expect_rc 64 "misspelt --region"
expect_err "--region: no organization has region 'Wset'; did you mean 'West'?" "region message"
run gaps "$L" --for thiel --exclude-stance opose; expect_rc 64 "misspelt stance"
expect_err "did you mean 'oppose'?" "stance message"
run gaps "$L" --for thiel --exclude-stance oppose,neutral; expect_rc 0 "stance words"

# diff: a type present in either wave is known
A="$tmp/a"; B="$tmp/b"
mk "$A" 'id\nx\ny\n' 'source,target,type\nx,y,funding\n'
mk "$B" 'id\nx\ny\n' 'source,target,type\nx,y,information\n'
run diff "$A" "$B" --types information; expect_rc 0 "diff: type of the second wave"
run diff "$A" "$B" --types informaton; expect_rc 64 "diff: unknown type"
expect_err "did you mean 'information'? The types present: funding, information" "diff: types of both waves"
finish
