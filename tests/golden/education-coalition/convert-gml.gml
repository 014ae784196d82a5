graph [
  directed 1
  multigraph 1
  node [
    id 0
    label "glai"
    name "Global Learning Alliance International"
    type "ingo"
    country "United Kingdom"
    region "Europe"
    issues "education;girls_education;education_finance"
    skills "policy_access;research;organizing;funding"
    budget 42000000.0
    influence 9.0
    stance "support"
    founded 1994
    global_south "no"
  ]
  node [
    id 1
    label "edujustice"
    name "EduJustice International"
    type "ingo"
    country "Netherlands"
    region "Europe"
    issues "education;privatization;child_rights"
    skills "research;media;legal"
    budget 18500000.0
    influence 7.0
    stance "support"
    founded 2003
    global_south "no"
  ]
  node [
    id 2
    label "cfpe"
    name "Coalition for Free Public Education"
    type "network"
    country "France"
    region "Europe"
    issues "education;education_finance;privatization"
    skills "organizing;policy_access;media"
    budget 3200000.0
    influence 6.5
    stance "support"
    founded 2001
    global_south "no"
  ]
  node [
    id 3
    label "hallworth"
    name "Hallworth Family Foundation"
    type "donor"
    country "United States"
    region "North America"
    issues "education;digital_learning;early_childhood"
    skills "funding"
    budget 850000000.0
    influence 8.5
    stance "support"
    founded 1987
    global_south "no"
  ]
  node [
    id 4
    label "nordfund"
    name "Nordic Fund for Learning Cooperation"
    type "donor"
    country "Norway"
    region "Europe"
    issues "education;education_finance;gender"
    skills "funding;policy_access"
    budget 120000000.0
    influence 7.0
    stance "support"
    founded 1999
    global_south "no"
  ]
  node [
    id 5
    label "brightwater"
    name "Brightwater Trust"
    type "donor"
    country "United Kingdom"
    region "Europe"
    issues "education;literacy"
    skills "funding"
    budget 35000000.0
    influence 4.0
    stance "support"
    founded 1962
    global_south "no"
  ]
  node [
    id 6
    label "kestrel"
    name "Kestrel Education Fund"
    type "donor"
    country "Canada"
    region "North America"
    issues "education;inclusive_education;refugee_education"
    skills "funding;research"
    budget 22000000.0
    influence 4.5
    stance "support"
    founded 2008
    global_south "no"
  ]
  node [
    id 7
    label "unleo"
    name "UN Learning Equity Office (UNLEO)"
    type "un_agency"
    country "Switzerland"
    region "Europe"
    issues "education;refugee_education;gender"
    skills "policy_access;research;funding"
    budget 310000000.0
    influence 9.5
    stance "support"
    founded 1998
    global_south "no"
  ]
  node [
    id 8
    label "envoy"
    name "Global Envoy for Foundational Learning"
    type "decision_maker"
    country "Switzerland"
    region "Europe"
    issues "education;literacy"
    skills "policy_access;media"
    budget 1200000.0
    influence 8.0
    stance "neutral"
    founded 2019
    global_south "no"
  ]
  node [
    id 9
    label "moe_zembara"
    name "Ministry of Education, Republic of Zembara"
    type "government"
    country "Zembara"
    region "East Africa"
    issues "education;teacher_rights;education_finance"
    skills "policy_access"
    budget 1450000000.0
    influence 10.0
    stance "neutral"
    founded 1964
    global_south "yes"
  ]
  node [
    id 10
    label "mof_zembara"
    name "Ministry of Finance and Planning, Republic of Zembara"
    type "government"
    country "Zembara"
    region "East Africa"
    issues "education_finance"
    skills "policy_access;funding"
    budget 9800000000.0
    influence 9.0
    stance "neutral"
    founded 1964
    global_south "yes"
  ]
  node [
    id 11
    label "parl_cttee"
    name "Zembara National Assembly Committee on Education and Skills"
    type "decision_maker"
    country "Zembara"
    region "East Africa"
    issues "education;education_finance"
    skills "policy_access;legal"
    budget 2500000.0
    influence 8.0
    stance "neutral"
    founded 1991
    global_south "yes"
  ]
  node [
    id 12
    label "redbridge"
    name "Centre for Comparative Education Policy, Redbridge University"
    type "academic"
    country "United Kingdom"
    region "Europe"
    issues "education;education_finance;privatization"
    skills "research;data"
    budget 4100000.0
    influence 5.0
    stance "support"
    founded 1978
    global_south "no"
  ]
  node [
    id 13
    label "ledger"
    name "The Learning Ledger"
    type "media"
    country "United States"
    region "North America"
    issues "education"
    skills "media"
    budget 2900000.0
    influence 5.5
    stance "neutral"
    founded 2012
    global_south "no"
  ]
  node [
    id 14
    label "apex"
    name "Apex Affordable Academies Ltd"
    type "corporate"
    country "Kenya"
    region "East Africa"
    issues "education;privatization;digital_learning"
    skills "policy_access;service_delivery;funding"
    budget 64000000.0
    influence 6.0
    stance "oppose"
    founded 2009
    global_south "yes"
  ]
  node [
    id 15
    label "tessera"
    name "Tessera EdTech Solutions"
    type "corporate"
    country "United States"
    region "North America"
    issues "digital_learning"
    skills "service_delivery;data"
    budget 150000000.0
    influence 4.0
    stance "neutral"
    founded 2014
    global_south "no"
  ]
  node [
    id 16
    label "ea_net"
    name "East African Learning Coalition"
    type "network"
    country "Tanzania"
    region "East Africa"
    issues "education;education_finance;girls_education"
    skills "organizing;policy_access"
    budget 650000.0
    influence 4.5
    stance "support"
    founded 2006
    global_south "yes"
  ]
  node [
    id 17
    label "ke_mwangaza"
    name "Mwangaza Schools Support Trust"
    type "ngo"
    country "Kenya"
    region "East Africa"
    issues "education;literacy;school_feeding"
    skills "service_delivery;organizing"
    budget 1300000.0
    influence 3.5
    stance "support"
    founded 2002
    global_south "yes"
  ]
  node [
    id 18
    label "ug_kisoboka"
    name "Kisoboka Girls' Education Network"
    type "ngo"
    country "Uganda"
    region "East Africa"
    issues "girls_education;gender"
    skills "organizing;training"
    budget 820000.0
    influence 3.0
    stance "support"
    founded 2010
    global_south "yes"
  ]
  node [
    id 19
    label "tz_taayetu"
    name "Taa Yetu Education Trust"
    type "ngo"
    country "Tanzania"
    region "East Africa"
    issues "education;early_childhood"
    skills "service_delivery;research"
    budget 560000.0
    influence 2.5
    stance "support"
    founded 2011
    global_south "yes"
  ]
  node [
    id 20
    label "zm_quality"
    name "Zembara Forum for Quality Schools"
    type "network"
    country "Zembara"
    region "East Africa"
    issues "education;teacher_rights"
    skills "organizing;media"
    budget 210000.0
    influence 3.0
    stance "support"
    founded 2015
    global_south "yes"
  ]
  node [
    id 21
    label "chalkline"
    name "Chalkline Teachers' Union"
    type "union"
    country "Kenya"
    region "East Africa"
    issues "teacher_rights;education_finance"
    skills "organizing;legal"
    budget 2600000.0
    influence 5.0
    stance "support"
    founded 1971
    global_south "yes"
  ]
  node [
    id 22
    label "ea_savanna"
    name "Savanna Institute for Education Research"
    type "academic"
    country "Uganda"
    region "East Africa"
    issues "education;education_finance"
    skills "research;data"
    budget 480000.0
    influence 3.0
    stance "support"
    founded 2004
    global_south "yes"
  ]
  node [
    id 23
    label "ea_sauti"
    name "Sauti ya Darasa Radio"
    type "media"
    country "Tanzania"
    region "East Africa"
    issues "education;literacy"
    skills "media"
    budget 190000.0
    influence 3.0
    stance "neutral"
    founded 2013
    global_south "yes"
  ]
  node [
    id 24
    label "ke_kibanda"
    name "Kibanda Mothers' Reading Circle"
    type "grassroots"
    country "Kenya"
    region "East Africa"
    issues "literacy;early_childhood;gender"
    skills "organizing"
    budget 18000.0
    influence 1.0
    stance "support"
    founded 2016
    global_south "yes"
  ]
  node [
    id 25
    label "ke_secondchance"
    name "Mathare &#34;Second Chance&#34; Learners"
    type "grassroots"
    country "Kenya"
    region "East Africa"
    issues "education;child_rights"
    skills "organizing;service_delivery"
    budget 26000.0
    influence 1.5
    stance "support"
    founded 2014
    global_south "yes"
  ]
  node [
    id 26
    label "ug_lirabooks"
    name "Lira Youth Book Club"
    type "grassroots"
    country "Uganda"
    region "East Africa"
    issues "literacy"
    skills "organizing"
    budget 9000.0
    influence 0.5
    stance "support"
    founded 2017
    global_south "yes"
  ]
  node [
    id 27
    label "tz_mtoni"
    name "Mtoni Parents for Schools"
    type "grassroots"
    country "Tanzania"
    region "East Africa"
    issues "education;school_feeding"
    skills "organizing"
    budget 14000.0
    influence 1.0
    stance "support"
    founded 2012
    global_south "yes"
  ]
  node [
    id 28
    label "zm_rural"
    name "Zembara Rural Teachers' Collective"
    type "grassroots"
    country "Zembara"
    region "East Africa"
    issues "teacher_rights;education"
    skills "organizing;training"
    budget 31000.0
    influence 1.5
    stance "support"
    founded 2015
    global_south "yes"
  ]
  node [
    id 29
    label "wa_net"
    name "West African Network for Learning Rights"
    type "network"
    country "Senegal"
    region "West Africa"
    issues "education;child_rights;education_finance"
    skills "organizing;policy_access"
    budget 720000.0
    influence 4.5
    stance "support"
    founded 2005
    global_south "yes"
  ]
  node [
    id 30
    label "gh_adwenpa"
    name "Adwenpa Education Foundation"
    type "ngo"
    country "Ghana"
    region "West Africa"
    issues "education;inclusive_education"
    skills "service_delivery;research"
    budget 940000.0
    influence 3.0
    stance "support"
    founded 2007
    global_south "yes"
  ]
  node [
    id 31
    label "ng_omowe"
    name "&#7884;m&#7885;w&#233; Learning Trust"
    type "ngo"
    country "Nigeria"
    region "West Africa"
    issues "education;girls_education;literacy"
    skills "organizing;media"
    budget 1100000.0
    influence 3.5
    stance "support"
    founded 2009
    global_south "yes"
  ]
  node [
    id 32
    label "sn_jangkat"
    name "R&#233;seau J&#224;ngkat pour l'&#201;ducation"
    type "ngo"
    country "Senegal"
    region "West Africa"
    issues "education;gender"
    skills "organizing;training"
    budget 430000.0
    influence 2.5
    stance "support"
    founded 2012
    global_south "yes"
  ]
  node [
    id 33
    label "sahelfund"
    name "Sahel Community Learning Fund"
    type "donor"
    country "Senegal"
    region "West Africa"
    issues "education;girls_education"
    skills "funding"
    budget 2400000.0
    influence 2.5
    stance "support"
    founded 2016
    global_south "yes"
  ]
  node [
    id 34
    label "wa_harmattan"
    name "Harmattan Policy Lab"
    type "academic"
    country "Ghana"
    region "West Africa"
    issues "education_finance;education"
    skills "research;data"
    budget 370000.0
    influence 2.5
    stance "support"
    founded 2014
    global_south "yes"
  ]
  node [
    id 35
    label "wa_ekwe"
    name "Ekwe Media Collective"
    type "media"
    country "Nigeria"
    region "West Africa"
    issues "education;child_rights"
    skills "media"
    budget 260000.0
    influence 2.5
    stance "neutral"
    founded 2015
    global_south "yes"
  ]
  node [
    id 36
    label "gh_tamale"
    name "Tamale Girls' Study Circle"
    type "grassroots"
    country "Ghana"
    region "West Africa"
    issues "girls_education"
    skills "organizing"
    budget 12000.0
    influence 1.0
    stance "support"
    founded 2018
    global_south "yes"
  ]
  node [
    id 37
    label "ng_ajegunle"
    name "Ajegunle Community School Watch"
    type "grassroots"
    country "Nigeria"
    region "West Africa"
    issues "education;child_rights"
    skills "organizing;data"
    budget 21000.0
    influence 1.5
    stance "support"
    founded 2013
    global_south "yes"
  ]
  node [
    id 38
    label "ng_kanocircle"
    name "Kano Neighbourhood Learning Circle"
    type "grassroots"
    country "Nigeria"
    region "West Africa"
    issues "literacy;child_rights"
    skills "organizing;service_delivery"
    budget 16000.0
    influence 1.0
    stance "support"
    founded 2016
    global_south "yes"
  ]
  node [
    id 39
    label "sn_pikine"
    name "Collectif des M&#232;res de Pikine"
    type "grassroots"
    country "Senegal"
    region "West Africa"
    issues "girls_education;school_feeding"
    skills "organizing"
    budget 8000.0
    influence 0.5
    stance "support"
    founded 2019
    global_south "yes"
  ]
  node [
    id 40
    label "sa_net"
    name "South Asia Right to Learn Forum"
    type "network"
    country "Nepal"
    region "South Asia"
    issues "education;child_rights;inclusive_education"
    skills "organizing;policy_access"
    budget 590000.0
    influence 4.0
    stance "support"
    founded 2008
    global_south "yes"
  ]
  node [
    id 41
    label "in_akshar"
    name "Akshar Dhara Trust"
    type "ngo"
    country "India"
    region "South Asia"
    issues "literacy;education"
    skills "service_delivery;training"
    budget 1700000.0
    influence 3.5
    stance "support"
    founded 1998
    global_south "yes"
  ]
  node [
    id 42
    label "in_sangam"
    name "Pathshala Sangam Trust"
    type "ngo"
    country "India"
    region "South Asia"
    issues "education;inclusive_education"
    skills "research;organizing"
    budget 980000.0
    influence 3.0
    stance "support"
    founded 2006
    global_south "yes"
  ]
  node [
    id 43
    label "bd_shikkha"
    name "Shikkha Alo Foundation"
    type "ngo"
    country "Bangladesh"
    region "South Asia"
    issues "education;climate;girls_education"
    skills "service_delivery;media"
    budget 1250000.0
    influence 3.0
    stance "support"
    founded 2003
    global_south "yes"
  ]
  node [
    id 44
    label "np_himal"
    name "Himal Siksha Sewa"
    type "ngo"
    country "Nepal"
    region "South Asia"
    issues "education;early_childhood"
    skills "service_delivery"
    budget 380000.0
    influence 2.0
    stance "support"
    founded 2010
    global_south "yes"
  ]
  node [
    id 45
    label "np_annapurna"
    name "Annapurna Village Schools Trust"
    type "ngo"
    country "Nepal"
    region "South Asia"
    issues "education;early_childhood"
    skills "service_delivery"
    budget 95000.0
    influence 0.5
    stance "neutral"
    founded 2018
    global_south "yes"
  ]
  node [
    id 46
    label "sa_indus"
    name "Indus Institute of Learning Studies"
    type "academic"
    country "India"
    region "South Asia"
    issues "education;education_finance"
    skills "research;data"
    budget 760000.0
    influence 3.5
    stance "support"
    founded 1996
    global_south "yes"
  ]
  node [
    id 47
    label "sa_slate"
    name "Chalk &#38; Slate Weekly"
    type "media"
    country "India"
    region "South Asia"
    issues "education"
    skills "media"
    budget 340000.0
    influence 3.0
    stance "neutral"
    founded 2011
    global_south "yes"
  ]
  node [
    id 48
    label "in_dharavi"
    name "Dharavi Young Readers"
    type "grassroots"
    country "India"
    region "South Asia"
    issues "literacy;child_rights"
    skills "organizing"
    budget 11000.0
    influence 1.0
    stance "support"
    founded 2017
    global_south "yes"
  ]
  node [
    id 49
    label "in_barmer"
    name "Barmer Girls' Shiksha Sangha"
    type "grassroots"
    country "India"
    region "South Asia"
    issues "girls_education;gender"
    skills "organizing"
    budget 7000.0
    influence 1.0
    stance "support"
    founded 2015
    global_south "yes"
  ]
  node [
    id 50
    label "bd_charboats"
    name "Char Islands Learning Boats Collective"
    type "grassroots"
    country "Bangladesh"
    region "South Asia"
    issues "education;climate"
    skills "service_delivery;organizing"
    budget 24000.0
    influence 1.5
    stance "support"
    founded 2014
    global_south "yes"
  ]
  node [
    id 51
    label "np_karnali"
    name "Karnali Parents' Forum"
    type "grassroots"
    country "Nepal"
    region "South Asia"
    issues "education;school_feeding"
    skills "organizing"
    budget 6000.0
    influence 0.5
    stance "support"
    founded 2018
    global_south "yes"
  ]
  node [
    id 52
    label "la_net"
    name "Red Aula Com&#250;n de Am&#233;rica Latina"
    type "network"
    country "Peru"
    region "Latin America"
    issues "education;privatization;education_finance"
    skills "organizing;policy_access;media"
    budget 640000.0
    influence 4.5
    stance "support"
    founded 2004
    global_south "yes"
  ]
  node [
    id 53
    label "br_semear"
    name "Instituto Semear Saber"
    type "ngo"
    country "Brazil"
    region "Latin America"
    issues "education;early_childhood;inclusive_education"
    skills "research;service_delivery"
    budget 2100000.0
    influence 4.0
    stance "support"
    founded 1999
    global_south "yes"
  ]
  node [
    id 54
    label "pe_pizarra"
    name "Asociaci&#243;n Pizarra Abierta"
    type "ngo"
    country "Peru"
    region "Latin America"
    issues "education;teacher_rights"
    skills "training;organizing"
    budget 520000.0
    influence 2.5
    stance "support"
    founded 2008
    global_south "yes"
  ]
  node [
    id 55
    label "mx_letras"
    name "Fundaci&#243;n Letras del Sur"
    type "ngo"
    country "Mexico"
    region "Latin America"
    issues "literacy;inclusive_education"
    skills "service_delivery;media"
    budget 880000.0
    influence 3.0
    stance "support"
    founded 2005
    global_south "yes"
  ]
  node [
    id 56
    label "la_andino"
    name "Observatorio Andino de Aprendizajes"
    type "academic"
    country "Chile"
    region "Latin America"
    issues "education;education_finance"
    skills "research;data"
    budget 450000.0
    influence 3.0
    stance "support"
    founded 2012
    global_south "yes"
  ]
  node [
    id 57
    label "la_altavoz"
    name "Altavoz Educativo"
    type "media"
    country "Mexico"
    region "Latin America"
    issues "education"
    skills "media"
    budget 310000.0
    influence 3.0
    stance "neutral"
    founded 2016
    global_south "yes"
  ]
  node [
    id 58
    label "br_mare"
    name "Coletivo M&#227;es da Mar&#233; pela Escola"
    type "grassroots"
    country "Brazil"
    region "Latin America"
    issues "education;gender"
    skills "organizing"
    budget 19000.0
    influence 1.5
    stance "support"
    founded 2015
    global_south "yes"
  ]
  node [
    id 59
    label "pe_puno"
    name "Ronda Escolar de Puno"
    type "grassroots"
    country "Peru"
    region "Latin America"
    issues "education;inclusive_education"
    skills "organizing"
    budget 8000.0
    influence 1.0
    stance "support"
    founded 2017
    global_south "yes"
  ]
  node [
    id 60
    label "mx_oaxaca"
    name "Maestras Comunitarias de Oaxaca"
    type "grassroots"
    country "Mexico"
    region "Latin America"
    issues "teacher_rights;literacy"
    skills "organizing;training"
    budget 15000.0
    influence 1.0
    stance "support"
    founded 2013
    global_south "yes"
  ]
  node [
    id 61
    label "gt_qanil"
    name "C&#237;rculo Q'anil de Lectura"
    type "grassroots"
    country "Guatemala"
    region "Latin America"
    issues "literacy;inclusive_education"
    skills "organizing"
    budget 5000.0
    influence 0.5
    stance "support"
    founded 2019
    global_south "yes"
  ]
  node [
    id 62
    label "br_radiogiz"
    name "R&#225;dio Giz Comunit&#225;ria"
    type "media"
    country "Brazil"
    region "Latin America"
    issues "education;literacy"
    skills "media"
    budget 40000.0
    influence 1.0
    stance "support"
    founded 2017
    global_south "yes"
  ]
  node [
    id 63
    label "br_itinerante"
    name "Blog Professora Itinerante"
    type "media"
    country "Brazil"
    region "Latin America"
    issues "teacher_rights"
    skills "media"
    budget 2000.0
    influence 0.5
    stance "support"
    founded 2020
    global_south "yes"
  ]
  edge [
    source 3
    target 0
    type "funding"
    weight 5.0
    directed 1
    trust 0.9
    amount 6500000.0
    start "2017-01-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 1
    type "funding"
    weight 4.0
    directed 1
    trust 0.8
    amount 2600000.0
    start "2018-04-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 2
    type "funding"
    weight 3.0
    directed 1
    trust 0.75
    amount 1500000.0
    start "2019-01-01"
    end "2023-12-31"
    evidence "grant database"
  ]
  edge [
    source 3
    target 12
    type "funding"
    weight 3.0
    directed 1
    trust 0.8
    amount 1100000.0
    start "2016-09-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 13
    type "funding"
    weight 2.0
    directed 1
    trust 0.7
    amount 650000.0
    start "2020-01-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 16
    type "funding"
    weight 3.0
    directed 1
    trust 0.7
    amount 900000.0
    start "2018-07-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 17
    type "funding"
    weight 3.0
    directed 1
    trust 0.75
    amount 750000.0
    start "2017-03-01"
    end "2022-02-28"
    evidence "grant database"
  ]
  edge [
    source 3
    target 22
    type "funding"
    weight 2.0
    directed 1
    trust 0.7
    amount 420000.0
    start "2019-05-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 29
    type "funding"
    weight 3.0
    directed 1
    trust 0.7
    amount 800000.0
    start "2018-01-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 30
    type "funding"
    weight 2.0
    directed 1
    trust 0.65
    amount 600000.0
    start "2019-10-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 34
    type "funding"
    weight 2.0
    directed 1
    trust 0.7
    amount 380000.0
    start "2020-02-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 33
    type "funding"
    weight 2.0
    directed 1
    trust 0.6
    amount 500000.0
    start "2021-01-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 40
    type "funding"
    weight 3.0
    directed 1
    trust 0.7
    amount 700000.0
    start "2018-01-15"
    evidence "grant database"
  ]
  edge [
    source 3
    target 41
    type "funding"
    weight 3.0
    directed 1
    trust 0.8
    amount 1200000.0
    start "2016-06-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 47
    type "funding"
    weight 1.0
    directed 1
    trust 0.6
    amount 240000.0
    start "2021-07-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 52
    type "funding"
    weight 3.0
    directed 1
    trust 0.7
    amount 650000.0
    start "2019-03-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 53
    type "funding"
    weight 3.0
    directed 1
    trust 0.75
    amount 950000.0
    start "2017-08-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 56
    type "funding"
    weight 2.0
    directed 1
    trust 0.7
    amount 360000.0
    start "2020-06-01"
    end "2024-05-31"
    evidence "grant database"
  ]
  edge [
    source 3
    target 57
    type "funding"
    weight 1.0
    directed 1
    trust 0.6
    amount 210000.0
    start "2022-01-01"
    evidence "grant database"
  ]
  edge [
    source 3
    target 15
    type "funding"
    weight 2.0
    directed 1
    trust 0.55
    amount 1800000.0
    start "2021-09-01"
    evidence "grant database"
  ]
  edge [
    source 4
    target 0
    type "funding"
    weight 3.0
    directed 1
    trust 0.85
    amount 1400000.0
    start "2016-01-01"
    evidence "grant database"
  ]
  edge [
    source 4
    target 7
    type "funding"
    weight 4.0
    directed 1
    trust 0.9
    amount 2200000.0
    start "2017-01-01"
    evidence "grant database"
  ]
  edge [
    source 4
    target 2
    type "funding"
    weight 2.0
    directed 1
    trust 0.7
    amount 300000.0
    start "2020-01-01"
    evidence "grant database"
  ]
  edge [
    source 5
    target 0
    type "funding"
    weight 2.0
    directed 1
    trust 0.8
    amount 550000.0
    start "2016-04-01"
    end "2021-03-31"
    evidence "grant database"
  ]
  edge [
    source 5
    target 1
    type "funding"
    weight 2.0
    directed 1
    trust 0.75
    amount 350000.0
    start "2017-01-01"
    end "2021-12-31"
    evidence "grant database"
  ]
  edge [
    source 5
    target 31
    type "funding"
    weight 2.0
    directed 1
    trust 0.7
    amount 180000.0
    start "2018-02-01"
    end "2022-01-31"
    evidence "grant database"
  ]
  edge [
    source 6
    target 0
    type "funding"
    weight 2.0
    directed 1
    trust 0.8
    amount 400000.0
    start "2019-01-01"
    evidence "grant database"
  ]
  edge [
    source 6
    target 18
    type "funding"
    weight 2.0
    directed 1
    trust 0.75
    amount 220000.0
    start "2019-06-01"
    evidence "grant database"
  ]
  edge [
    source 6
    target 43
    type "funding"
    weight 2.0
    directed 1
    trust 0.75
    amount 260000.0
    start "2020-01-01"
    evidence "grant database"
  ]
  edge [
    source 6
    target 55
    type "funding"
    weight 2.0
    directed 1
    trust 0.7
    amount 190000.0
    start "2018-09-01"
    end "2023-08-31"
    evidence "grant database"
  ]
  edge [
    source 6
    target 54
    type "funding"
    weight 1.0
    directed 1
    trust 0.7
    amount 90000.0
    start "2021-04-01"
    evidence "grant database"
  ]
  edge [
    source 33
    target 39
    type "funding"
    weight 1.0
    directed 1
    trust 0.8
    amount 15000.0
    start "2021-06-01"
    evidence "grant database"
  ]
  edge [
    source 33
    target 38
    type "funding"
    weight 1.0
    directed 1
    trust 0.8
    amount 12000.0
    start "2022-01-01"
    evidence "grant database"
  ]
  edge [
    source 33
    target 32
    type "funding"
    weight 1.0
    directed 1
    trust 0.75
    amount 60000.0
    start "2021-03-01"
    evidence "grant database"
  ]
  edge [
    source 7
    target 9
    type "funding"
    weight 3.0
    directed 1
    trust 0.7
    amount 1000000.0
    start "2019-07-01"
    evidence "grant database"
  ]
  edge [
    source 0
    target 24
    type "funding"
    weight 1.0
    directed 1
    trust 0.71
    amount 15000.0
    start "2023-03-09"
    evidence "grant database"
  ]
  edge [
    source 0
    target 25
    type "funding"
    weight 1.0
    directed 1
    trust 0.71
    amount 20000.0
    start "2018-08-17"
    evidence "grant database"
  ]
  edge [
    source 0
    target 26
    type "funding"
    weight 1.0
    directed 1
    trust 0.88
    amount 25000.0
    start "2020-07-24"
    evidence "grant database"
  ]
  edge [
    source 0
    target 27
    type "funding"
    weight 1.0
    directed 1
    trust 0.71
    amount 30000.0
    start "2018-08-13"
    evidence "grant database"
  ]
  edge [
    source 0
    target 28
    type "funding"
    weight 1.0
    directed 1
    trust 0.72
    amount 12000.0
    start "2023-10-27"
    evidence "grant database"
  ]
  edge [
    source 0
    target 36
    type "funding"
    weight 1.0
    directed 1
    trust 0.78
    amount 15000.0
    start "2022-12-13"
    end "2023-10-10"
    evidence "grant database"
  ]
  edge [
    source 0
    target 37
    type "funding"
    weight 1.0
    directed 1
    trust 0.69
    amount 20000.0
    start "2018-09-13"
    evidence "grant database"
  ]
  edge [
    source 0
    target 38
    type "funding"
    weight 1.0
    directed 1
    trust 0.87
    amount 25000.0
    start "2021-08-26"
    evidence "grant database"
  ]
  edge [
    source 0
    target 48
    type "funding"
    weight 1.0
    directed 1
    trust 0.71
    amount 12000.0
    start "2024-01-30"
    end "2025-01-25"
    evidence "grant database"
  ]
  edge [
    source 0
    target 49
    type "funding"
    weight 1.0
    directed 1
    trust 0.64
    amount 15000.0
    start "2022-10-11"
    evidence "grant database"
  ]
  edge [
    source 0
    target 50
    type "funding"
    weight 1.0
    directed 1
    trust 0.68
    amount 20000.0
    start "2020-11-01"
    evidence "grant database"
  ]
  edge [
    source 0
    target 51
    type "funding"
    weight 1.0
    directed 1
    trust 0.67
    amount 25000.0
    start "2023-02-02"
    end "2025-06-24"
    evidence "grant database"
  ]
  edge [
    source 0
    target 58
    type "funding"
    weight 1.0
    directed 1
    trust 0.62
    amount 30000.0
    start "2021-11-27"
    evidence "grant database"
  ]
  edge [
    source 0
    target 59
    type "funding"
    weight 1.0
    directed 1
    trust 0.81
    amount 12000.0
    start "2019-10-10"
    evidence "grant database"
  ]
  edge [
    source 0
    target 60
    type "funding"
    weight 1.0
    directed 1
    trust 0.85
    amount 15000.0
    start "2020-01-25"
    end "2021-01-17"
    evidence "grant database"
  ]
  edge [
    source 0
    target 61
    type "funding"
    weight 1.0
    directed 1
    trust 0.7
    amount 20000.0
    start "2022-12-30"
    evidence "grant database"
  ]
  edge [
    source 0
    target 9
    type "access"
    weight 3.0
    directed 1
    trust 0.69
    start "2020-08-25"
    evidence "interview"
  ]
  edge [
    source 0
    target 10
    type "access"
    weight 4.0
    directed 1
    trust 0.78
    start "2017-11-15"
    evidence "interview"
  ]
  edge [
    source 0
    target 11
    type "access"
    weight 5.0
    directed 1
    trust 0.75
    start "2016-11-01"
    evidence "interview"
  ]
  edge [
    source 0
    target 8
    type "access"
    weight 3.0
    directed 1
    trust 0.76
    start "2016-06-17"
    evidence "interview"
  ]
  edge [
    source 0
    target 7
    type "access"
    weight 5.0
    directed 1
    trust 0.67
    start "2018-10-01"
    evidence "interview"
  ]
  edge [
    source 24
    target 0
    type "membership"
    weight 2.0
    directed 1
    trust 0.89
    start "2019-05-28"
    evidence "member list"
  ]
  edge [
    source 25
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.64
    start "2023-09-07"
    end "2025-07-11"
    evidence "workshop"
  ]
  edge [
    source 26
    target 0
    type "membership"
    weight 2.0
    directed 1
    trust 0.82
    start "2018-10-06"
    end "2023-06-30"
    evidence "member list"
  ]
  edge [
    source 27
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.61
    start "2019-11-10"
    evidence "workshop"
  ]
  edge [
    source 28
    target 0
    type "membership"
    weight 2.0
    directed 1
    trust 0.92
    start "2021-11-26"
    end "2022-11-26"
    evidence "member list"
  ]
  edge [
    source 16
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.84
    start "2017-03-16"
    evidence "interview"
  ]
  edge [
    source 36
    target 0
    type "membership"
    weight 2.0
    directed 1
    trust 0.91
    start "2019-02-17"
    end "2024-06-29"
    evidence "member list"
  ]
  edge [
    source 37
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.84
    start "2024-02-15"
    evidence "interview"
  ]
  edge [
    source 38
    target 0
    type "membership"
    weight 2.0
    directed 1
    trust 0.54
    start "2018-11-12"
    evidence "member list"
  ]
  edge [
    source 39
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.53
    start "2017-02-10"
    end "2021-07-10"
    evidence "interview"
  ]
  edge [
    source 29
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.73
    start "2019-08-31"
    evidence "workshop"
  ]
  edge [
    source 48
    target 0
    type "membership"
    weight 2.0
    directed 1
    trust 0.84
    start "2020-03-09"
    end "2023-01-16"
    evidence "member list"
  ]
  edge [
    source 49
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.79
    start "2022-01-01"
    evidence "workshop"
  ]
  edge [
    source 50
    target 0
    type "membership"
    weight 2.0
    directed 1
    trust 0.65
    start "2016-10-14"
    evidence "member list"
  ]
  edge [
    source 51
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.83
    start "2024-03-12"
    evidence "workshop"
  ]
  edge [
    source 40
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.59
    start "2021-04-02"
    evidence "annual report"
  ]
  edge [
    source 58
    target 0
    type "membership"
    weight 2.0
    directed 1
    trust 0.86
    start "2020-01-09"
    evidence "member list"
  ]
  edge [
    source 59
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.76
    start "2016-02-11"
    evidence "interview"
  ]
  edge [
    source 60
    target 0
    type "membership"
    weight 2.0
    directed 1
    trust 0.88
    start "2016-01-16"
    end "2016-10-13"
    evidence "member list"
  ]
  edge [
    source 61
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.66
    start "2016-02-04"
    evidence "workshop"
  ]
  edge [
    source 52
    target 0
    type "partnership"
    weight 3.0
    directed 0
    trust 0.95
    start "2022-11-26"
    end "2025-01-18"
    evidence "workshop"
  ]
  edge [
    source 3
    target 0
    type "partnership"
    weight 4.0
    directed 0
    trust 0.85
    start "2017-01-01"
    evidence "interview"
  ]
  edge [
    source 0
    target 7
    type "partnership"
    weight 4.0
    directed 0
    trust 0.8
    start "2016-03-01"
    evidence "interview"
  ]
  edge [
    source 0
    target 1
    type "coalition"
    weight 3.0
    directed 0
    trust 0.7
    start "2016-05-07"
    evidence "interview"
  ]
  edge [
    source 0
    target 2
    type "coalition"
    weight 3.0
    directed 0
    trust 0.75
    start "2016-11-07"
    evidence "annual report"
  ]
  edge [
    source 1
    target 2
    type "coalition"
    weight 4.0
    directed 0
    trust 0.8
    start "2022-09-28"
    evidence "annual report"
  ]
  edge [
    source 0
    target 12
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.7
    start "2017-07-31"
    evidence "workshop"
  ]
  edge [
    source 12
    target 7
    type "information"
    weight 2.0
    directed 1
    trust 0.75
    start "2023-08-18"
    end "2025-06-03"
    evidence "annual report"
  ]
  edge [
    source 12
    target 1
    type "information"
    weight 2.0
    directed 1
    trust 0.8
    start "2021-10-30"
    evidence "annual report"
  ]
  edge [
    source 1
    target 7
    type "information"
    weight 3.0
    directed 1
    trust 0.7
    start "2021-06-25"
    evidence "workshop"
  ]
  edge [
    source 1
    target 8
    type "access"
    weight 2.0
    directed 1
    trust 0.6
    start "2021-05-01"
    evidence "interview"
  ]
  edge [
    source 2
    target 8
    type "access"
    weight 2.0
    directed 1
    trust 0.55
    start "2022-08-01"
    evidence "interview"
  ]
  edge [
    source 4
    target 9
    type "access"
    weight 3.0
    directed 1
    trust 0.7
    start "2019-12-05"
    end "2023-03-06"
    evidence "interview"
  ]
  edge [
    source 4
    target 8
    type "information"
    weight 2.0
    directed 1
    trust 0.7
    start "2019-11-02"
    evidence "annual report"
  ]
  edge [
    source 7
    target 8
    type "partnership"
    weight 4.0
    directed 0
    trust 0.85
    start "2019-09-01"
    evidence "workshop"
  ]
  edge [
    source 7
    target 9
    type "information"
    weight 3.0
    directed 1
    trust 0.7
    start "2017-09-28"
    evidence "workshop"
  ]
  edge [
    source 9
    target 10
    type "collaboration"
    weight 4.0
    directed 0
    trust 0.6
    start "2022-03-20"
    evidence "interview"
  ]
  edge [
    source 9
    target 11
    type "information"
    weight 3.0
    directed 1
    trust 0.55
    start "2020-12-27"
    evidence "interview"
  ]
  edge [
    source 11
    target 9
    type "access"
    weight 4.0
    directed 1
    trust 0.5
    start "2021-05-14"
    end "2023-09-07"
    evidence "interview"
  ]
  edge [
    source 10
    target 11
    type "information"
    weight 2.0
    directed 1
    trust 0.5
    start "2023-01-01"
    end "2025-12-31"
    evidence "annual report"
  ]
  edge [
    source 13
    target 0
    type "distribution"
    weight 2.0
    directed 1
    trust 0.7
    start "2023-06-03"
    evidence "media monitoring"
  ]
  edge [
    source 13
    target 1
    type "distribution"
    weight 2.0
    directed 1
    trust 0.7
    start "2016-06-02"
    evidence "media monitoring"
  ]
  edge [
    source 13
    target 7
    type "distribution"
    weight 2.0
    directed 1
    trust 0.65
    start "2023-03-01"
    evidence "media monitoring"
  ]
  edge [
    source 13
    target 8
    type "distribution"
    weight 1.0
    directed 1
    trust 0.6
    start "2018-11-09"
    end "2023-12-10"
    evidence "media monitoring"
  ]
  edge [
    source 3
    target 13
    type "information"
    weight 1.0
    directed 1
    trust 0.6
    start "2019-05-08"
    evidence "annual report"
  ]
  edge [
    source 3
    target 12
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.7
    start "2020-12-20"
    end "2022-10-18"
    evidence "interview"
  ]
  edge [
    source 6
    target 12
    type "information"
    weight 1.0
    directed 1
    trust 0.7
    start "2021-10-09"
    evidence "annual report"
  ]
  edge [
    source 5
    target 3
    type "information"
    weight 1.0
    directed 0
    trust 0.7
    start "2021-11-23"
    end "2024-05-18"
    evidence "interview"
  ]
  edge [
    source 15
    target 14
    type "partnership"
    weight 4.0
    directed 0
    trust 0.8
    start "2019-02-01"
    evidence "annual report"
  ]
  edge [
    source 15
    target 9
    type "access"
    weight 2.0
    directed 1
    trust 0.5
    start "2019-07-26"
    evidence "interview"
  ]
  edge [
    source 14
    target 9
    type "access"
    weight 4.0
    directed 1
    trust 0.55
    start "2023-02-05"
    evidence "interview"
  ]
  edge [
    source 14
    target 11
    type "access"
    weight 3.0
    directed 1
    trust 0.5
    start "2021-01-02"
    evidence "interview"
  ]
  edge [
    source 14
    target 13
    type "information"
    weight 1.0
    directed 1
    trust 0.4
    start "2020-12-31"
    evidence "workshop"
  ]
  edge [
    source 14
    target 21
    type "conflict"
    weight 4.0
    directed 0
    trust 0.1
    start "2018-05-01"
    evidence "press reports"
  ]
  edge [
    source 1
    target 14
    type "conflict"
    weight 3.0
    directed 0
    trust 0.15
    start "2019-11-01"
    evidence "press reports"
  ]
  edge [
    source 17
    target 16
    type "membership"
    weight 2.0
    directed 1
    trust 0.65
    start "2018-02-18"
    evidence "member list"
  ]
  edge [
    source 18
    target 16
    type "membership"
    weight 3.0
    directed 1
    trust 0.71
    start "2021-02-14"
    evidence "member list"
  ]
  edge [
    source 19
    target 16
    type "membership"
    weight 1.0
    directed 1
    trust 0.45
    start "2020-12-27"
    evidence "member list"
  ]
  edge [
    source 20
    target 16
    type "membership"
    weight 1.0
    directed 1
    trust 0.81
    start "2020-11-15"
    evidence "member list"
  ]
  edge [
    source 24
    target 16
    type "membership"
    weight 1.0
    directed 1
    trust 0.66
    start "2020-01-01"
    end "2025-12-31"
    evidence "member list"
  ]
  edge [
    source 25
    target 16
    type "membership"
    weight 1.0
    directed 1
    trust 0.67
    start "2016-08-11"
    evidence "member list"
  ]
  edge [
    source 26
    target 16
    type "membership"
    weight 1.0
    directed 1
    trust 0.78
    start "2017-06-21"
    evidence "member list"
  ]
  edge [
    source 27
    target 16
    type "membership"
    weight 2.0
    directed 1
    trust 0.82
    start "2020-01-01"
    evidence "member list"
  ]
  edge [
    source 28
    target 16
    type "membership"
    weight 2.0
    directed 1
    trust 0.66
    start "2017-01-05"
    evidence "member list"
  ]
  edge [
    source 17
    target 18
    type "partnership"
    weight 1.0
    directed 0
    trust 0.72
    start "2024-01-01"
    evidence "workshop"
  ]
  edge [
    source 17
    target 19
    type "partnership"
    weight 2.0
    directed 0
    trust 0.59
    start "2023-07-27"
    evidence "interview"
  ]
  edge [
    source 17
    target 20
    type "partnership"
    weight 3.0
    directed 0
    trust 0.82
    start "2021-09-08"
    evidence "annual report"
  ]
  edge [
    source 18
    target 19
    type "partnership"
    weight 3.0
    directed 0
    trust 0.86
    start "2021-05-28"
    end "2024-02-14"
    evidence "interview"
  ]
  edge [
    source 18
    target 20
    type "partnership"
    weight 2.0
    directed 0
    trust 0.69
    start "2018-02-19"
    end "2019-01-11"
    evidence "annual report"
  ]
  edge [
    source 24
    target 17
    type "collaboration"
    weight 3.0
    directed 0
    trust 0.66
    start "2023-10-27"
    evidence "workshop"
  ]
  edge [
    source 24
    target 18
    type "collaboration"
    weight 5.0
    directed 0
    trust 0.72
    start "2020-01-15"
    end "2022-08-30"
    evidence "annual report"
  ]
  edge [
    source 25
    target 18
    type "collaboration"
    weight 1.0
    directed 0
    trust 0.81
    start "2018-09-30"
    end "2020-06-04"
    evidence "annual report"
  ]
  edge [
    source 26
    target 19
    type "collaboration"
    weight 1.0
    directed 0
    trust 0.77
    start "2022-12-10"
    evidence "annual report"
  ]
  edge [
    source 26
    target 20
    type "collaboration"
    weight 4.0
    directed 0
    trust 0.61
    start "2024-03-29"
    end "2025-07-20"
    evidence "interview"
  ]
  edge [
    source 27
    target 20
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.62
    start "2017-08-11"
    evidence "workshop"
  ]
  edge [
    source 28
    target 17
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.85
    start "2023-10-19"
    evidence "workshop"
  ]
  edge [
    source 25
    target 26
    type "partnership"
    weight 3.0
    directed 0
    trust 0.92
    start "2017-05-16"
    evidence "annual report"
  ]
  edge [
    source 26
    target 27
    type "partnership"
    weight 2.0
    directed 0
    trust 0.83
    start "2018-03-25"
    end "2020-04-29"
    evidence "workshop"
  ]
  edge [
    source 27
    target 28
    type "partnership"
    weight 2.0
    directed 0
    trust 0.52
    start "2020-10-27"
    end "2025-11-13"
    evidence "annual report"
  ]
  edge [
    source 22
    target 16
    type "information"
    weight 4.0
    directed 1
    trust 0.92
    start "2018-08-13"
    evidence "workshop"
  ]
  edge [
    source 22
    target 17
    type "information"
    weight 2.0
    directed 1
    trust 0.85
    start "2021-01-01"
    evidence "workshop"
  ]
  edge [
    source 22
    target 18
    type "information"
    weight 1.0
    directed 1
    trust 0.71
    start "2016-11-27"
    evidence "annual report"
  ]
  edge [
    source 23
    target 16
    type "distribution"
    weight 1.0
    directed 1
    trust 0.77
    start "2018-07-30"
    evidence "media monitoring"
  ]
  edge [
    source 23
    target 17
    type "distribution"
    weight 2.0
    directed 1
    trust 0.72
    start "2020-01-01"
    evidence "media monitoring"
  ]
  edge [
    source 23
    target 24
    type "distribution"
    weight 3.0
    directed 1
    trust 0.54
    start "2021-06-24"
    evidence "media monitoring"
  ]
  edge [
    source 16
    target 23
    type "information"
    weight 2.0
    directed 1
    trust 0.9
    start "2017-05-08"
    end "2021-02-09"
    evidence "interview"
  ]
  edge [
    source 16
    target 2
    type "coalition"
    weight 4.0
    directed 0
    trust 0.9
    start "2022-01-01"
    evidence "interview"
  ]
  edge [
    source 1
    target 18
    type "partnership"
    weight 3.0
    directed 0
    trust 0.45
    start "2017-06-24"
    evidence "annual report"
  ]
  edge [
    source 12
    target 22
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.49
    start "2017-03-16"
    evidence "interview"
  ]
  edge [
    source 25
    target 22
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.92
    start "2017-03-26"
    evidence "annual report"
  ]
  edge [
    source 27
    target 20
    type "partnership"
    weight 2.0
    directed 0
    trust 0.51
    start "2017-12-04"
    end "2022-04-23"
    evidence "annual report"
  ]
  edge [
    source 23
    target 22
    type "coalition"
    weight 1.0
    directed 0
    trust 0.87
    start "2018-01-01"
    evidence "workshop"
  ]
  edge [
    source 26
    target 16
    type "information"
    weight 3.0
    directed 1
    trust 0.64
    start "2016-01-24"
    end "2018-08-26"
    evidence "annual report"
  ]
  edge [
    source 30
    target 29
    type "membership"
    weight 2.0
    directed 1
    trust 0.52
    start "2016-03-15"
    evidence "member list"
  ]
  edge [
    source 31
    target 29
    type "membership"
    weight 2.0
    directed 1
    trust 0.81
    start "2020-04-15"
    evidence "member list"
  ]
  edge [
    source 32
    target 29
    type "membership"
    weight 2.0
    directed 1
    trust 0.58
    start "2016-08-23"
    end "2025-11-12"
    evidence "member list"
  ]
  edge [
    source 36
    target 29
    type "membership"
    weight 2.0
    directed 1
    trust 0.92
    start "2020-03-07"
    end "2023-09-20"
    evidence "member list"
  ]
  edge [
    source 37
    target 29
    type "membership"
    weight 2.0
    directed 1
    trust 0.82
    start "2019-11-07"
    evidence "member list"
  ]
  edge [
    source 38
    target 29
    type "membership"
    weight 3.0
    directed 1
    trust 0.49
    start "2022-04-27"
    evidence "member list"
  ]
  edge [
    source 39
    target 29
    type "membership"
    weight 2.0
    directed 1
    trust 0.49
    start "2020-01-30"
    evidence "member list"
  ]
  edge [
    source 30
    target 31
    type "partnership"
    weight 5.0
    directed 0
    trust 0.46
    start "2022-11-03"
    end "2025-08-25"
    evidence "annual report"
  ]
  edge [
    source 30
    target 32
    type "partnership"
    weight 4.0
    directed 0
    trust 0.65
    start "2017-11-10"
    evidence "annual report"
  ]
  edge [
    source 36
    target 30
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.69
    start "2020-06-26"
    evidence "interview"
  ]
  edge [
    source 37
    target 31
    type "collaboration"
    weight 4.0
    directed 0
    trust 0.54
    start "2023-12-07"
    evidence "workshop"
  ]
  edge [
    source 38
    target 32
    type "collaboration"
    weight 3.0
    directed 0
    trust 0.71
    start "2023-02-02"
    evidence "interview"
  ]
  edge [
    source 38
    target 30
    type "collaboration"
    weight 4.0
    directed 0
    trust 0.49
    start "2018-10-07"
    evidence "workshop"
  ]
  edge [
    source 39
    target 30
    type "collaboration"
    weight 1.0
    directed 0
    trust 0.54
    start "2018-07-22"
    end "2023-04-19"
    evidence "workshop"
  ]
  edge [
    source 39
    target 31
    type "collaboration"
    weight 3.0
    directed 0
    trust 0.81
    start "2021-08-20"
    evidence "workshop"
  ]
  edge [
    source 37
    target 38
    type "partnership"
    weight 2.0
    directed 0
    trust 0.69
    start "2022-07-04"
    end "2024-02-03"
    evidence "annual report"
  ]
  edge [
    source 38
    target 39
    type "partnership"
    weight 5.0
    directed 0
    trust 0.81
    start "2018-01-01"
    evidence "interview"
  ]
  edge [
    source 34
    target 29
    type "information"
    weight 5.0
    directed 1
    trust 0.47
    start "2020-10-26"
    evidence "interview"
  ]
  edge [
    source 35
    target 29
    type "distribution"
    weight 2.0
    directed 1
    trust 0.76
    start "2022-03-11"
    evidence "media monitoring"
  ]
  edge [
    source 35
    target 30
    type "distribution"
    weight 4.0
    directed 1
    trust 0.7
    start "2017-03-11"
    evidence "media monitoring"
  ]
  edge [
    source 35
    target 36
    type "distribution"
    weight 3.0
    directed 1
    trust 0.87
    start "2020-03-31"
    evidence "media monitoring"
  ]
  edge [
    source 29
    target 35
    type "information"
    weight 4.0
    directed 1
    trust 0.85
    start "2017-03-31"
    evidence "workshop"
  ]
  edge [
    source 29
    target 2
    type "coalition"
    weight 4.0
    directed 0
    trust 0.61
    start "2023-01-12"
    evidence "annual report"
  ]
  edge [
    source 1
    target 31
    type "partnership"
    weight 3.0
    directed 0
    trust 0.66
    start "2019-07-15"
    end "2020-09-13"
    evidence "workshop"
  ]
  edge [
    source 12
    target 34
    type "collaboration"
    weight 3.0
    directed 0
    trust 0.54
    start "2016-02-19"
    evidence "workshop"
  ]
  edge [
    source 36
    target 35
    type "collaboration"
    weight 5.0
    directed 0
    trust 0.63
    start "2019-12-24"
    evidence "workshop"
  ]
  edge [
    source 38
    target 32
    type "information"
    weight 1.0
    directed 1
    trust 0.46
    start "2021-02-05"
    evidence "annual report"
  ]
  edge [
    source 37
    target 38
    type "information"
    weight 2.0
    directed 1
    trust 0.92
    start "2022-12-22"
    evidence "workshop"
  ]
  edge [
    source 32
    target 31
    type "coalition"
    weight 2.0
    directed 0
    trust 0.55
    start "2016-06-14"
    evidence "workshop"
  ]
  edge [
    source 41
    target 40
    type "membership"
    weight 1.0
    directed 1
    trust 0.59
    start "2020-06-10"
    evidence "member list"
  ]
  edge [
    source 42
    target 40
    type "membership"
    weight 1.0
    directed 1
    trust 0.76
    start "2018-12-15"
    evidence "member list"
  ]
  edge [
    source 43
    target 40
    type "membership"
    weight 3.0
    directed 1
    trust 0.7
    start "2016-08-19"
    end "2021-12-11"
    evidence "member list"
  ]
  edge [
    source 44
    target 40
    type "membership"
    weight 2.0
    directed 1
    trust 0.63
    start "2023-11-15"
    evidence "member list"
  ]
  edge [
    source 48
    target 40
    type "membership"
    weight 3.0
    directed 1
    trust 0.67
    start "2021-07-19"
    evidence "member list"
  ]
  edge [
    source 49
    target 40
    type "membership"
    weight 2.0
    directed 1
    trust 0.9
    start "2021-11-01"
    end "2025-06-09"
    evidence "member list"
  ]
  edge [
    source 50
    target 40
    type "membership"
    weight 2.0
    directed 1
    trust 0.79
    start "2019-10-19"
    evidence "member list"
  ]
  edge [
    source 51
    target 40
    type "membership"
    weight 2.0
    directed 1
    trust 0.59
    start "2021-03-13"
    evidence "member list"
  ]
  edge [
    source 41
    target 43
    type "partnership"
    weight 3.0
    directed 0
    trust 0.77
    start "2016-02-10"
    evidence "workshop"
  ]
  edge [
    source 42
    target 43
    type "partnership"
    weight 1.0
    directed 0
    trust 0.77
    start "2021-02-02"
    end "2022-04-02"
    evidence "interview"
  ]
  edge [
    source 42
    target 44
    type "partnership"
    weight 2.0
    directed 0
    trust 0.64
    start "2018-11-18"
    evidence "annual report"
  ]
  edge [
    source 43
    target 44
    type "partnership"
    weight 3.0
    directed 0
    trust 0.8
    start "2023-05-12"
    evidence "workshop"
  ]
  edge [
    source 48
    target 41
    type "collaboration"
    weight 4.0
    directed 0
    trust 0.82
    start "2019-12-08"
    end "2025-12-02"
    evidence "workshop"
  ]
  edge [
    source 49
    target 42
    type "collaboration"
    weight 3.0
    directed 0
    trust 0.82
    start "2018-09-04"
    evidence "workshop"
  ]
  edge [
    source 50
    target 43
    type "collaboration"
    weight 1.0
    directed 0
    trust 0.72
    start "2020-11-26"
    end "2021-10-30"
    evidence "interview"
  ]
  edge [
    source 50
    target 44
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.53
    start "2017-10-10"
    evidence "interview"
  ]
  edge [
    source 51
    target 44
    type "collaboration"
    weight 1.0
    directed 0
    trust 0.8
    start "2018-04-23"
    evidence "workshop"
  ]
  edge [
    source 48
    target 49
    type "partnership"
    weight 3.0
    directed 0
    trust 0.74
    start "2020-09-27"
    evidence "interview"
  ]
  edge [
    source 49
    target 50
    type "partnership"
    weight 4.0
    directed 0
    trust 0.72
    start "2018-10-05"
    end "2019-11-20"
    evidence "interview"
  ]
  edge [
    source 50
    target 51
    type "partnership"
    weight 2.0
    directed 0
    trust 0.71
    start "2023-12-09"
    evidence "interview"
  ]
  edge [
    source 46
    target 40
    type "information"
    weight 2.0
    directed 1
    trust 0.53
    start "2020-07-01"
    end "2022-09-22"
    evidence "annual report"
  ]
  edge [
    source 46
    target 42
    type "information"
    weight 2.0
    directed 1
    trust 0.81
    start "2023-10-24"
    evidence "annual report"
  ]
  edge [
    source 46
    target 44
    type "information"
    weight 1.0
    directed 1
    trust 0.91
    start "2020-01-17"
    evidence "interview"
  ]
  edge [
    source 47
    target 40
    type "distribution"
    weight 1.0
    directed 1
    trust 0.87
    start "2018-11-28"
    evidence "media monitoring"
  ]
  edge [
    source 47
    target 41
    type "distribution"
    weight 4.0
    directed 1
    trust 0.48
    start "2023-08-22"
    end "2025-02-28"
    evidence "media monitoring"
  ]
  edge [
    source 47
    target 48
    type "distribution"
    weight 1.0
    directed 1
    trust 0.78
    start "2018-05-22"
    evidence "media monitoring"
  ]
  edge [
    source 40
    target 47
    type "information"
    weight 2.0
    directed 1
    trust 0.61
    start "2019-07-10"
    end "2024-08-31"
    evidence "annual report"
  ]
  edge [
    source 40
    target 2
    type "coalition"
    weight 2.0
    directed 0
    trust 0.68
    start "2023-03-12"
    evidence "interview"
  ]
  edge [
    source 1
    target 42
    type "partnership"
    weight 5.0
    directed 0
    trust 0.54
    start "2018-09-27"
    end "2020-01-11"
    evidence "workshop"
  ]
  edge [
    source 12
    target 46
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.83
    start "2018-02-08"
    end "2019-06-10"
    evidence "annual report"
  ]
  edge [
    source 51
    target 46
    type "information"
    weight 3.0
    directed 1
    trust 0.92
    start "2024-01-01"
    evidence "annual report"
  ]
  edge [
    source 40
    target 50
    type "partnership"
    weight 2.0
    directed 0
    trust 0.57
    start "2024-02-10"
    evidence "workshop"
  ]
  edge [
    source 43
    target 51
    type "collaboration"
    weight 5.0
    directed 0
    trust 0.88
    start "2016-01-01"
    evidence "interview"
  ]
  edge [
    source 41
    target 46
    type "information"
    weight 1.0
    directed 1
    trust 0.51
    start "2021-05-12"
    evidence "interview"
  ]
  edge [
    source 53
    target 52
    type "membership"
    weight 3.0
    directed 1
    trust 0.74
    start "2021-02-03"
    evidence "member list"
  ]
  edge [
    source 54
    target 52
    type "membership"
    weight 2.0
    directed 1
    trust 0.71
    start "2023-07-12"
    evidence "member list"
  ]
  edge [
    source 55
    target 52
    type "membership"
    weight 2.0
    directed 1
    trust 0.91
    start "2021-06-21"
    evidence "member list"
  ]
  edge [
    source 58
    target 52
    type "membership"
    weight 3.0
    directed 1
    trust 0.68
    start "2017-02-23"
    evidence "member list"
  ]
  edge [
    source 59
    target 52
    type "membership"
    weight 1.0
    directed 1
    trust 0.9
    start "2020-07-31"
    end "2025-02-23"
    evidence "member list"
  ]
  edge [
    source 60
    target 52
    type "membership"
    weight 2.0
    directed 1
    trust 0.8
    start "2024-06-22"
    evidence "member list"
  ]
  edge [
    source 61
    target 52
    type "membership"
    weight 3.0
    directed 1
    trust 0.85
    start "2019-07-01"
    evidence "member list"
  ]
  edge [
    source 53
    target 54
    type "partnership"
    weight 3.0
    directed 0
    trust 0.74
    start "2017-11-06"
    evidence "workshop"
  ]
  edge [
    source 53
    target 55
    type "partnership"
    weight 1.0
    directed 0
    trust 0.77
    start "2022-10-05"
    end "2024-08-12"
    evidence "workshop"
  ]
  edge [
    source 54
    target 55
    type "partnership"
    weight 3.0
    directed 0
    trust 0.87
    start "2023-04-06"
    evidence "workshop"
  ]
  edge [
    source 58
    target 53
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.84
    start "2020-02-17"
    evidence "workshop"
  ]
  edge [
    source 58
    target 54
    type "collaboration"
    weight 3.0
    directed 0
    trust 0.53
    start "2016-07-06"
    end "2017-06-05"
    evidence "annual report"
  ]
  edge [
    source 59
    target 54
    type "collaboration"
    weight 3.0
    directed 0
    trust 0.57
    start "2017-04-02"
    evidence "interview"
  ]
  edge [
    source 60
    target 55
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.57
    start "2018-04-07"
    evidence "annual report"
  ]
  edge [
    source 60
    target 53
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.69
    start "2020-03-04"
    evidence "interview"
  ]
  edge [
    source 61
    target 53
    type "collaboration"
    weight 4.0
    directed 0
    trust 0.6
    start "2018-08-17"
    evidence "annual report"
  ]
  edge [
    source 61
    target 54
    type "collaboration"
    weight 3.0
    directed 0
    trust 0.77
    start "2020-08-30"
    evidence "interview"
  ]
  edge [
    source 59
    target 60
    type "partnership"
    weight 5.0
    directed 0
    trust 0.61
    start "2017-06-07"
    end "2023-11-11"
    evidence "interview"
  ]
  edge [
    source 60
    target 61
    type "partnership"
    weight 2.0
    directed 0
    trust 0.77
    start "2024-01-02"
    evidence "workshop"
  ]
  edge [
    source 56
    target 52
    type "information"
    weight 5.0
    directed 1
    trust 0.81
    start "2016-01-01"
    end "2025-12-31"
    evidence "workshop"
  ]
  edge [
    source 56
    target 55
    type "information"
    weight 1.0
    directed 1
    trust 0.77
    start "2022-01-01"
    evidence "annual report"
  ]
  edge [
    source 57
    target 52
    type "distribution"
    weight 2.0
    directed 1
    trust 0.93
    start "2023-08-28"
    evidence "media monitoring"
  ]
  edge [
    source 57
    target 53
    type "distribution"
    weight 5.0
    directed 1
    trust 0.75
    start "2023-12-23"
    end "2025-03-06"
    evidence "media monitoring"
  ]
  edge [
    source 57
    target 58
    type "distribution"
    weight 3.0
    directed 1
    trust 0.93
    start "2016-06-05"
    evidence "media monitoring"
  ]
  edge [
    source 52
    target 57
    type "information"
    weight 2.0
    directed 1
    trust 0.84
    start "2020-01-01"
    evidence "workshop"
  ]
  edge [
    source 52
    target 2
    type "coalition"
    weight 4.0
    directed 0
    trust 0.64
    start "2023-04-24"
    evidence "workshop"
  ]
  edge [
    source 1
    target 54
    type "partnership"
    weight 1.0
    directed 0
    trust 0.56
    start "2017-01-17"
    evidence "interview"
  ]
  edge [
    source 12
    target 56
    type "collaboration"
    weight 5.0
    directed 0
    trust 0.9
    start "2023-11-11"
    evidence "workshop"
  ]
  edge [
    source 55
    target 54
    type "collaboration"
    weight 1.0
    directed 0
    trust 0.74
    start "2017-08-13"
    evidence "annual report"
  ]
  edge [
    source 58
    target 60
    type "partnership"
    weight 4.0
    directed 0
    trust 0.83
    start "2021-12-07"
    evidence "interview"
  ]
  edge [
    source 60
    target 54
    type "partnership"
    weight 3.0
    directed 0
    trust 0.77
    start "2020-10-11"
    evidence "workshop"
  ]
  edge [
    source 53
    target 59
    type "collaboration"
    weight 5.0
    directed 0
    trust 0.66
    start "2017-03-20"
    evidence "workshop"
  ]
  edge [
    source 21
    target 2
    type "membership"
    weight 3.0
    directed 1
    trust 0.8
    start "2016-05-24"
    evidence "member list"
  ]
  edge [
    source 21
    target 28
    type "collaboration"
    weight 3.0
    directed 0
    trust 0.8
    start "2022-02-16"
    evidence "annual report"
  ]
  edge [
    source 21
    target 25
    type "collaboration"
    weight 2.0
    directed 0
    trust 0.7
    start "2021-04-30"
    end "2025-01-12"
    evidence "workshop"
  ]
  edge [
    source 21
    target 16
    type "coalition"
    weight 3.0
    directed 0
    trust 0.75
    start "2021-07-11"
    end "2023-01-13"
    evidence "workshop"
  ]
  edge [
    source 20
    target 28
    type "partnership"
    weight 3.0
    directed 0
    trust 0.85
    start "2019-03-18"
    evidence "interview"
  ]
  edge [
    source 33
    target 29
    type "partnership"
    weight 2.0
    directed 0
    trust 0.7
    start "2017-01-29"
    end "2018-08-21"
    evidence "annual report"
  ]
  edge [
    source 16
    target 29
    type "coalition"
    weight 2.0
    directed 0
    trust 0.65
    start "2020-03-01"
    evidence "interview"
  ]
  edge [
    source 40
    target 52
    type "information"
    weight 1.0
    directed 0
    trust 0.6
    start "2023-12-23"
    end "2024-09-24"
    evidence "annual report"
  ]
  edge [
    source 43
    target 41
    type "information"
    weight 2.0
    directed 0
    trust 0.7
    start "2018-02-23"
    evidence "interview"
  ]
  edge [
    source 53
    target 42
    type "collaboration"
    weight 1.0
    directed 1
    trust 0.6
    start "2022-09-04"
    evidence "annual report"
  ]
  edge [
    source 31
    target 17
    type "partnership"
    weight 1.0
    directed 1
    trust 0.55
    start "2021-01-01"
    evidence "interview"
  ]
  edge [
    source 62
    target 63
    type "distribution"
    weight 2.0
    directed 1
    trust 0.9
    start "2021-05-01"
    evidence "media monitoring"
  ]
]
