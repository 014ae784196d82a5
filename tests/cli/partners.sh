#!/bin/sh
# Planted cases for partner roles (issue 17, docs/gaps.md "Roles"): small
# landscapes where a strategist would see the answer at once.  Each case
# says next to its data what a strategist expects and why; the expected
# answers come from that reading, not from coalmap's output.
. "$(dirname "$0")/lib.sh"

# field NAME of the rows of role ROLE in the CSV on stdin, one per line
col() { # ROLE NAME
	"$PYTHON3" -c '
import csv, sys
role, name = sys.argv[1], sys.argv[2]
for r in csv.DictReader(sys.stdin):
    if r["role"] == role:
        print(r[name])' "$1" "$2"
}
# the id first in ROLE's list, and all of ROLE's ids (space-separated)
first() { printf '%s\n' "$out" | col "$1" id | head -1; }
ids() { printf '%s\n' "$out" | col "$1" id | tr '\n' ' '; }
risk_of() { # ROLE ID
	printf '%s\n' "$out" | "$PYTHON3" -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["role"] == sys.argv[1] and r["id"] == sys.argv[2]:
        print(r["risk"].replace(";", " "))' "$1" "$2"
}
is() { # GOT WANT WHAT
	checks=$((checks + 1))
	[ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"
}
has() { # LIST WORD WHAT
	checks=$((checks + 1))
	case " $1 " in *" $2 "*) ;; *) fail "$3: '$2' not in '$1'" ;; esac
}
lacks() { # LIST WORD WHAT
	checks=$((checks + 1))
	case " $1 " in *" $2 "*) fail "$3: '$2' is in '$1'" ;; esac
}

# 1. The on-topic partner beats the off-topic hub (the issue's example).
#    me: an education and gender NGO in East Africa.  near shares three of
#    my partners and both my issues, brings legal and media skills, and has
#    an access tie to the ministry.  hub: a big health INGO in Western
#    Europe with 20 partners of its own and nothing in common with me: no
#    shared goal, so no strategic partner at all.
L="$tmp/hub"
orgs='id,name,type,region,issues,skills,stance\nme,Me,ngo,East Africa,education;gender,organizing,support\n'
orgs="${orgs}p1,P1,ngo,East Africa,education,research,support\np2,P2,grassroots,East Africa,gender,,support\n"
orgs="${orgs}p3,P3,ngo,East Africa,education,,support\n"
orgs="${orgs}near,Near,ngo,East Africa,education;gender,legal;media,support\n"
orgs="${orgs}hub,Hub,ingo,Western Europe,health,funding,\nmin,Ministry,government,East Africa,,,\n"
ties='source,target,type\nme,p1,partnership\nme,p2,partnership\nme,p3,partnership\n'
ties="${ties}near,p1,partnership\nnear,p2,partnership\nnear,p3,partnership\nnear,min,access\n"
i=1
while [ $i -le 20 ]; do
	orgs="${orgs}h$i,H$i,ngo,Western Europe,health,,\n"
	ties="${ties}hub,h$i,partnership\n"
	i=$((i + 1))
done
mk "$L" "$orgs" "$ties"
run gaps "$L" --for me --format csv; expect_rc 0 "case 1"
is "$(first strategic)" near "case 1: the on-topic partner is the first strategic partner"
lacks "$(ids strategic)" hub "case 1: the off-topic hub shares no goal"
run gaps "$L" --for me --role all --format csv; expect_rc 0 "case 1, all roles"
is "$(first implementing)" near "case 1: near brings the legal and media skills"
is "$(first access)" near "case 1: near has the access tie to the ministry"
has "$(ids distribution)" hub "case 1: the hub reaches 20 orgs: a distribution partner"
has "$(risk_of distribution hub)" dominant "case 1: 21 partners against my 3"

# 2. An opponent is never first, nor listed in any role.  opp shares all my
#    partners and my issue but opposes the goal; ally shares fewer.
L="$tmp/opp"
mk "$L" 'id,name,issues,skills,stance\nme,Me,climate,,support\np1,P1,climate,,support\np2,P2,climate,,support\nopp,Opp,climate,lobbying,oppose\nally,Ally,climate,law,support\n' \
	'source,target,type\nme,p1,partnership\nme,p2,partnership\nopp,p1,partnership\nopp,p2,partnership\nally,p1,partnership\n'
run gaps "$L" --for me --role all --format csv; expect_rc 0 "case 2"
is "$(first strategic)" ally "case 2: the ally, not the opponent"
for role in strategic implementing distribution access; do
	lacks "$(ids $role)" opp "case 2: an opponent in the $role list"
done
run gaps "$L" --for me --role balanced --format csv; expect_rc 0 "case 2, balanced"
has "$(risk_of balanced opp)" opposes "case 2: balanced lists it, flagged"

# 3. A candidate in conflict with one of my partners is flagged.  c1 shares
#    my issue and a partner but has a conflict tie with my partner p2.
L="$tmp/conflict"
mk "$L" 'id,name,issues,stance\nme,Me,water,support\np1,P1,water,support\np2,P2,water,support\nc1,C1,water,support\nc2,C2,water,support\n' \
	'source,target,type\nme,p1,partnership\nme,p2,partnership\nc1,p1,partnership\nc1,p2,conflict\nc2,p1,partnership\n'
run gaps "$L" --for me --format csv; expect_rc 0 "case 3"
has "$(risk_of strategic c1)" conflict "case 3: c1 is in conflict with my partner"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '^strategic,[0-9]*,c1,.*RISK: in conflict with P2' || fail "case 3: the why names P2"
lacks "$(risk_of strategic c2)" conflict "case 3: c2 has no conflict"

# 4. Implementing partners bring what my side lacks.  My partner already
#    does research; lawyer brings legal, twin brings research only.
L="$tmp/skills"
mk "$L" 'id,name,skills\nme,Me,organizing\np1,P1,research\nlawyer,Lawyer,legal\ntwin,Twin,research\n' \
	'source,target,type\nme,p1,partnership\nlawyer,p1,partnership\ntwin,p1,partnership\n'
run gaps "$L" --for me --role implementing --format csv; expect_rc 0 "case 4"
is "$(ids implementing)" "lawyer " "case 4: only the lawyer brings a skill my side lacks"

# 5. Distribution partners reach an audience I do not.  radio has 4
#    listeners' groups I do not reach; close is tied to my own partners
#    only.  No goal is needed for distribution.
L="$tmp/reach"
mk "$L" 'id,name,type\nme,Me,ngo\np1,P1,ngo\np2,P2,ngo\nclose,Close,ngo\nradio,Radio,media\na1,A1,grassroots\na2,A2,grassroots\na3,A3,grassroots\na4,A4,grassroots\n' \
	'source,target,type\nme,p1,partnership\nme,p2,partnership\nclose,p1,partnership\nclose,p2,partnership\nradio,a1,distribution\nradio,a2,distribution\nradio,a3,distribution\nradio,a4,distribution\n'
run gaps "$L" --for me --role all --format csv; expect_rc 0 "case 5"
is "$(first distribution)" radio "case 5: the radio reaches four new groups"
lacks "$(ids distribution)" close "case 5: close reaches no one new"
has "$(risk_of strategic close)" redundant "case 5: close works only with my partners"
is "$(first strategic)" close "case 5: with no issues or stance, strategic is structural: close shares 2 partners"
expect_err "strategic: no organization lists issues or a stance, so strategic partners are ranked on shared partners alone" "case 5: said"

# 6. Access partners have a direct tie to a decision-maker.  broker has an
#    access tie to the ministry; donor only funds it (funding gives no
#    access).
L="$tmp/access"
mk "$L" 'id,name,type\nme,Me,ngo\np1,P1,ngo\nbroker,Broker,ngo\ndonor,Donor,donor\nmin,Ministry,government\n' \
	'source,target,type\nme,p1,partnership\nbroker,p1,partnership\nbroker,min,access\ndonor,min,funding\ndonor,p1,partnership\n'
run gaps "$L" --for me --role access --format csv; expect_rc 0 "case 6"
is "$(ids access)" "broker " "case 6: only the broker has access"

# 7. What cannot be assessed is said, never a silent zero: no skills, no
#    decision-makers, no stances, no funding ties.
run gaps "$tmp/skills" --for me --role all -o "$tmp/out.csv"; expect_rc 0 "case 7"
expect_err "access: the landscape has no decision-makers" "case 7: no decision-makers"
expect_err "risks not assessed: an opposing or unknown stance (no organization has a stance), a single funder (no funding ties)" "case 7: risks"
run gaps "$tmp/reach" --for me --role implementing -o "$tmp/out.csv"; expect_rc 0 "case 7, no skills"
expect_err "implementing: no organization lists skills, so no implementing partner can be named" "case 7: no skills"

# 8. A coalition as the focus: its members are taken as one.  The
#    coalition (a and b, on climate) has partners p1 (a's) and p2 (b's);
#    x works with both partners and on climate, y with p1 only; lawyer
#    brings the legal skill the coalition's side lacks.  Neither a member
#    nor a member's partner is a candidate.
L="$tmp/coalition"
mk "$L" 'id,name,issues,skills,coalition
a,A,climate,research,green
b,B,climate,media,green
p1,P1,climate,research,
p2,P2,climate,,
x,X,climate,,
y,Y,climate,,
lawyer,Lawyer,,legal,
' 	'source,target,type
a,p1,partnership
b,p2,partnership
x,p1,partnership
x,p2,partnership
y,p1,partnership
lawyer,y,partnership
'
run gaps "$L" --for a,b --role all --format csv; expect_rc 0 "case 8"
is "$(first strategic)" x "case 8: x shares both members' partners"
for who in a b p1 p2; do
	lacks "$(ids strategic) $(ids implementing) $(ids distribution)" $who "case 8: a member or partner recommended"
done
is "$(first implementing)" lawyer "case 8: the lawyer brings legal skills"
run gaps "$L" --for-group coalition=green --role all --format csv; expect_rc 0 "case 8, --for-group"
is "$(first strategic)" x "case 8: the same coalition named by its column"
run gaps "$L" --for-group coalition=blue; expect_rc 64 "case 8: an empty group"
expect_err "no organization has coalition=blue" "case 8: said"

# 9. Every recommendation names its best introduction chain, the one
#    `coalmap path` ranks first; an org no chain reaches carries the risk.
L="$tmp/intro"
mk "$L" 'id,name,issues
me,Me,x
p,P,x
q,Q,x
far,Far,x
lone,Lone,x
mate,Mate,x
' 	'source,target,type,trust
me,p,partnership,0.9
me,q,partnership,0.4
p,far,partnership,0.8
q,far,partnership,0.9
lone,mate,partnership,
'
run gaps "$L" --for me --role balanced --format csv; expect_rc 0 "case 9"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '^balanced,[0-9]*,far,.*introduction: Me → P → Far (trust 0.72)' ||
	fail "case 9: far is introduced by P (0.9 x 0.8 beats Q's 0.4 x 0.9): $out"
has "$(risk_of balanced lone)" no_introduction "case 9: no chain reaches lone"
lacks "$(risk_of balanced far)" no_introduction "case 9: far is reachable"
D=$top_srcdir/datasets/education-coalition
run gaps "$D" --for ke_kibanda --top 3 --format csv; expect_rc 0 "case 9, education"
for c in $(printf '%s\n' "$out" | col strategic id); do
	want=$(printf '%s\n' "$out" | "$PYTHON3" -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["id"] == sys.argv[1]:
        print(r["why"].split("introduction: ")[1].split(" (trust")[0])' "$c")
	got=$("$COALMAP" path "$D" ke_kibanda "$c" -k 1 --format csv | "$PYTHON3" -c '
import csv, sys
print(next(csv.DictReader(sys.stdin))["path"])')
	is "$want" "$got" "case 9: $c's introduction is path's best chain"
done

# 10. What a coalition's candidate closes (docs/gaps.md, "A coalition as the
#     focus").  The coalition a+b is two European NGOs doing research and
#     media, none of them Global South, without access; their partners p1,
#     p2 are European NGOs too.  south (a grassroots group in East Africa,
#     Global South, legal skills) closes four gaps at once: the legal skill,
#     the region, the type, the first Global-South member.  broker has the
#     access tie to the ministry no member has.  twin is another European
#     research NGO: it closes nothing.
L="$tmp/closes"
mk "$L" 'id,name,type,region,skills,global_south
a,A,ngo,Europe,research,no
b,B,ngo,Europe,media,no
c,C,ngo,Europe,,yes
p1,P1,ngo,Europe,research,no
p2,P2,ngo,Europe,,no
south,South,grassroots,East Africa,legal,yes
twin,Twin,ngo,Europe,research,no
broker,Broker,ngo,Europe,,no
min,Ministry,government,Europe,,no
' 	'source,target,type
a,p1,partnership
b,p2,partnership
south,p1,partnership
twin,p2,partnership
broker,p1,partnership
broker,min,access
'
why_of() { # ROLE ID
	printf '%s\n' "$out" | "$PYTHON3" -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["role"] == sys.argv[1] and r["id"] == sys.argv[2]:
        print(r["why"])' "$1" "$2"
}
run gaps "$L" --for a,b --format csv; expect_rc 0 "case 10"
is "$(why_of strategic south | sed 's/.*closes the coalition.s gaps: \([^;]*\);.*/\1/')" \
	"skill legal, region East Africa, type grassroots, a Global-South member" "case 10: south closes four gaps"
is "$(why_of strategic broker | sed 's/.*closes the coalition.s gaps: \([^;]*\);.*/\1/')" \
	"access to a decision-maker" "case 10: broker brings the coalition's first access"
checks=$((checks + 1))
case "$(why_of strategic twin)" in *closes*) fail "case 10: twin closes no gap: $(why_of strategic twin)" ;; esac
# with c (Global South) in the coalition, south is no longer its first one
run gaps "$L" --for a,b,c --format csv; expect_rc 0 "case 10, with c"
is "$(why_of strategic south | sed 's/.*closes the coalition.s gaps: \([^;]*\);.*/\1/')" \
	"skill legal, region East Africa, type grassroots" "case 10: the coalition has a Global-South member"
# without a global_south column that gap is said not to be assessed
run gaps "$tmp/coalition" --for a,b -o "$tmp/out.csv"; expect_rc 0 "case 10, no column"
expect_err "coalition gaps: no global_south column" "case 10: Global South not assessed"

# 11. Bad input says what cannot be computed, never a silent zero.
#     An unknown org in a coalition names it; an empty group names the
#     values there are; the balanced score says which components are 0 for
#     lack of a column, and only then (the hub landscape has issues,
#     skills and a ministry).
run gaps "$tmp/coalition" --for a,nosuch; expect_rc 64 "case 11: unknown member"
expect_err "no organization 'nosuch'" "case 11: the unknown member is named"
run gaps "$tmp/coalition" --for-group coalition=blue; expect_rc 64 "case 11: empty group"
expect_err "(its values: 'green')" "case 11: the values there are"
run gaps "$tmp/reach" --for me --role balanced -o "$tmp/out.csv"; expect_rc 0 "case 11, balanced"
expect_err "balanced: fit is 0 for every candidate: no organization lists issues or a stance" "case 11: fit"
expect_err "balanced: complementarity counts new regions and groups only: no organization lists skills" "case 11: skills"
expect_err "balanced: access is 0 for every candidate: the landscape has no decision-makers" "case 11: access"
run gaps "$tmp/reach" --for me -o "$tmp/out.csv"; expect_rc 0 "case 11, strategic"
expect_err "strategic: no organization lists issues or a stance, so strategic partners are ranked on shared partners alone" "case 11: strategic"
# the ministry lists no issue while others do: said of it, not of the landscape
run gaps "$tmp/hub" --for min -o "$tmp/out.csv"; expect_rc 0 "case 11, an org without issues"
expect_err "strategic: Ministry has no issues and no stance, so its strategic partners are ranked on shared partners alone" "case 11: the focus's own lack"
run gaps "$tmp/hub" --for me --role balanced -o "$tmp/out.csv"; expect_rc 0 "case 11, hub"
checks=$((checks + 1))
case "$err" in *"balanced:"*) fail "case 11: the hub landscape has issues, skills and a ministry: $err" ;; esac

# usage
run gaps "$tmp/hub" --for me --role strategic --weights fit=2; expect_rc 64 "--weights with a role"
run gaps "$tmp/hub" --role access; expect_rc 64 "--role without --for"
run gaps "$tmp/hub" --for me --for-group type=ngo; expect_rc 64 "--for and --for-group"
run gaps "$tmp/hub" --for me --role friends; expect_rc 64 "an unknown role"
finish
