# explore-fixture.sh - the landscape the explore tests share (sourced after
# lib.sh): 7 orgs of 3 types, hostile names among them, ties of 3 types.
# ngo: 3 orgs (a, b, hostile2), donor: 2 (d, long), media: 2 (m, hostile1).
L="$tmp/land"
long=$("$PYTHON3" -c 'print("N" * 5000)')
mk "$L" "id,name,type,region\n\
a,Alpha Trust,ngo,North\n\
b,Beta Network,ngo,South\n\
d,Delta Foundation,donor,North\n\
m,Mu Radio,media,\n\
h1,<script>alert(1)</script>,media,</script><b>x\n\
h2,\"\"\"><img src=x onerror=alert(1)>\",ngo,line\342\200\250sep\342\200\251para\n\
long,$long,donor,\n" \
"source,target,type\n\
a,b,partnership\n\
a,d,funding\n\
b,d,funding\n\
a,m,information\n\
m,h1,partnership\n\
h1,h2,partnership\n\
h2,long,funding\n\
b,long,information\n"
