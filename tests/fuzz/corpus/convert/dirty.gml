graph [
  directed 1
  node [
    id 0
    label "fawe"
    name "Forum &#34;&#201;ducation&#34;; Afrique"
    type "ngo"
    region "West Africa"
    issues "education;gender"
    budget 12000.5
    stance "support"
    founded 1992
    notes "=SUM(A1)"
  ]
  node [
    id 1
    label "ni&#241;os"
    name "Asociaci&#243;n Ni&#241;ez&#10;Segunda l&#237;nea"
    type "grassroots"
    region "Latin America"
    issues "education"
    stance "support"
    notes "-"
  ]
  node [
    id 2
    label "&#1092;&#1086;&#1085;&#1076;"
    name "&#1060;&#1086;&#1085;&#1076; &#171;&#1047;&#1085;&#1072;&#1085;&#1080;&#1077;&#187;"
    type "donor"
    region "Europe"
    budget 500000.0
    stance "neutral"
    founded 2001
  ]
  node [
    id 3
    label "mu"
    name "&#1605;&#1572;&#1587;&#1587;&#1577; &#1575;&#1604;&#1578;&#1593;&#1604;&#1610;&#1605;"
    type "ngo"
    region "Middle East"
    issues "education"
    budget 3000.0
    notes "x"
  ]
  node [
    id 4
    label "007"
    name "Agent Seven"
    type "media"
    stance "oppose"
    founded 1962
  ]
  node [
    id 5
    label "7"
    name "Seven"
    type "media"
  ]
  node [
    id 6
    label "moe"
    name "Ministry of Education"
    type "government"
  ]
  node [
    id 7
    label "lone"
    name "Lonely Org"
    type "academic"
  ]
  node [
    id 8
    label "e1"
    name "East 1"
    type "ngo"
    region "East Africa"
  ]
  node [
    id 9
    label "e2"
    name "East 2"
    type "ngo"
    region "East Africa"
  ]
  edge [
    source 0
    target 1
    type "partnership"
    weight 2.0
    directed 0
    trust 0.9
    start "2019-01-01"
    evidence "report 2019"
  ]
  edge [
    source 2
    target 0
    type "funding"
    weight 1.0
    directed 1
    amount 50000.0
    start "2018-01-01"
    end "2022-12-31"
  ]
  edge [
    source 2
    target 1
    type "funding"
    weight 0.5
    directed 1
    amount 1000.0
    start "2020-01-01"
  ]
  edge [
    source 0
    target 6
    type "access"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 0
    type "information"
    weight 3.0
    directed 1
    trust 0.4
  ]
  edge [
    source 4
    target 5
    type "conflict"
    weight 1.0
    directed 0
  ]
  edge [
    source 4
    target 0
    type "distribution"
    weight 1.0
    directed 0
  ]
  edge [
    source 5
    target 3
    type "collaboration"
    weight 1.5
    directed 0
  ]
  edge [
    source 1
    target 0
    type "partnership"
    weight 1.0
    directed 0
    start "2021-03-01"
  ]
  edge [
    source 8
    target 9
    type "coalition"
    weight 2.0
    directed 0
  ]
]
