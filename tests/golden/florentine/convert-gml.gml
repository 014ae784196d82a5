graph [
  directed 1
  multigraph 1
  node [
    id 0
    label "Acciaiuoli"
    name "Acciaiuoli"
    type "family"
    country "Italy"
    region "Florence"
    budget 10.0
    priorates 53
    totalties 2
    ucinet_label "ACCIAIUOL"
  ]
  node [
    id 1
    label "Albizzi"
    name "Albizzi"
    type "family"
    country "Italy"
    region "Florence"
    budget 36.0
    priorates 65
    totalties 3
    ucinet_label "ALBIZZI"
  ]
  node [
    id 2
    label "Barbadori"
    name "Barbadori"
    type "family"
    country "Italy"
    region "Florence"
    budget 55.0
    totalties 14
    ucinet_label "BARBADORI"
  ]
  node [
    id 3
    label "Bischeri"
    name "Bischeri"
    type "family"
    country "Italy"
    region "Florence"
    budget 44.0
    priorates 12
    totalties 9
    ucinet_label "BISCHERI"
  ]
  node [
    id 4
    label "Castellani"
    name "Castellani"
    type "family"
    country "Italy"
    region "Florence"
    budget 20.0
    priorates 22
    totalties 18
    ucinet_label "CASTELLAN"
  ]
  node [
    id 5
    label "Ginori"
    name "Ginori"
    type "family"
    country "Italy"
    region "Florence"
    budget 32.0
    totalties 9
    ucinet_label "GINORI"
  ]
  node [
    id 6
    label "Guadagni"
    name "Guadagni"
    type "family"
    country "Italy"
    region "Florence"
    budget 8.0
    priorates 21
    totalties 14
    ucinet_label "GUADAGNI"
  ]
  node [
    id 7
    label "Lamberteschi"
    name "Lamberteschi"
    type "family"
    country "Italy"
    region "Florence"
    budget 42.0
    priorates 0
    totalties 14
    ucinet_label "LAMBERTES"
  ]
  node [
    id 8
    label "Medici"
    name "Medici"
    type "family"
    country "Italy"
    region "Florence"
    budget 103.0
    priorates 53
    totalties 54
    ucinet_label "MEDICI"
  ]
  node [
    id 9
    label "Pazzi"
    name "Pazzi"
    type "family"
    country "Italy"
    region "Florence"
    budget 48.0
    totalties 7
    ucinet_label "PAZZI"
  ]
  node [
    id 10
    label "Peruzzi"
    name "Peruzzi"
    type "family"
    country "Italy"
    region "Florence"
    budget 49.0
    priorates 42
    totalties 32
    ucinet_label "PERUZZI"
  ]
  node [
    id 11
    label "Pucci"
    name "Pucci"
    type "family"
    country "Italy"
    region "Florence"
    budget 3.0
    priorates 0
    totalties 1
    ucinet_label "PUCCI"
  ]
  node [
    id 12
    label "Ridolfi"
    name "Ridolfi"
    type "family"
    country "Italy"
    region "Florence"
    budget 27.0
    priorates 38
    totalties 4
    ucinet_label "RIDOLFI"
  ]
  node [
    id 13
    label "Salviati"
    name "Salviati"
    type "family"
    country "Italy"
    region "Florence"
    budget 10.0
    priorates 35
    totalties 5
    ucinet_label "SALVIATI"
  ]
  node [
    id 14
    label "Strozzi"
    name "Strozzi"
    type "family"
    country "Italy"
    region "Florence"
    budget 146.0
    priorates 74
    totalties 29
    ucinet_label "STROZZI"
  ]
  node [
    id 15
    label "Tornabuoni"
    name "Tornabuoni"
    type "family"
    country "Italy"
    region "Florence"
    budget 48.0
    totalties 7
    ucinet_label "TORNABUON"
  ]
  edge [
    source 0
    target 8
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 1
    target 5
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 1
    target 6
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 1
    target 8
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 2
    target 4
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 2
    target 8
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 3
    target 6
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 3
    target 10
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 3
    target 14
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 4
    target 10
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 4
    target 14
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 6
    target 7
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 6
    target 15
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 8
    target 12
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 8
    target 13
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 8
    target 15
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 9
    target 13
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 10
    target 14
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 12
    target 14
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 12
    target 15
    type "marriage"
    weight 1.0
    directed 0
  ]
  edge [
    source 2
    target 4
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 2
    target 5
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 2
    target 8
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 2
    target 10
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 3
    target 6
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 3
    target 7
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 3
    target 10
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 4
    target 7
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 4
    target 10
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 5
    target 8
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 6
    target 7
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 7
    target 10
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 8
    target 9
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 8
    target 13
    type "business"
    weight 1.0
    directed 0
  ]
  edge [
    source 8
    target 15
    type "business"
    weight 1.0
    directed 0
  ]
]
