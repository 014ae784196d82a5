# explore-fixture.sh - the landscape the explore tests share (sourced after
# lib.sh): 7 orgs of 3 types, hostile names among them, ties of 3 types.
# ngo: 3 orgs (a, b, hostile2), donor: 2 (d, long), media: 2 (m, hostile1).
# Six ties are dated (start, end), two open at both ends.  Stances: a and m
# support, b and h2 oppose, d neutral, h1 and long unknown.
L="$tmp/land"
long=$("$PYTHON3" -c 'print("N" * 5000)')
mk "$L" "id,name,type,region,stance\n\
a,Alpha Trust,ngo,North,support\n\
b,Beta Network,ngo,South,oppose\n\
d,Delta Foundation,donor,North,neutral\n\
m,Mu Radio,media,,support\n\
h1,<script>alert(1)</script>,media,</script><b>x,\n\
h2,\"\"\"><img src=x onerror=alert(1)>\",ngo,line\342\200\250sep\342\200\251para,oppose\n\
long,$long,donor,,\n" \
"source,target,type,start,end\n\
a,b,partnership,2019-01-01,\n\
a,d,funding,2018-01-01,2020-12-31\n\
b,d,funding,2021-01-01,\n\
a,m,information,,2019-06-30\n\
m,h1,partnership,,\n\
h1,h2,partnership,2020-01-01,2022-12-31\n\
h2,long,funding,,\n\
b,long,information,2022-01-01,\n"
