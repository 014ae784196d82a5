graph [
  directed 1
  multigraph 1
  node [
    id 0
    label "COUN"
    name "County Government"
    type "government"
    country "United States"
    sector "government"
    rating 5.8
  ]
  node [
    id 1
    label "COMM"
    name "Chamber of Commerce"
    type "network"
    country "United States"
    sector "voluntary"
    rating 5.8
  ]
  node [
    id 2
    label "EDUC"
    name "Board of Education"
    type "government"
    country "United States"
    sector "government"
    rating 4.75
  ]
  node [
    id 3
    label "INDU"
    name "Industrial Development Agency"
    type "corporate"
    country "United States"
    sector "private"
    rating 5.38
  ]
  node [
    id 4
    label "MAYR"
    name "Mayor's Office"
    type "government"
    country "United States"
    sector "government"
    rating 5.86
  ]
  node [
    id 5
    label "WRO"
    name "Welfare Rights Organization"
    type "grassroots"
    country "United States"
    sector "voluntary"
    rating 2.5
  ]
  node [
    id 6
    label "NEWS"
    name "Newspaper"
    type "media"
    country "United States"
    sector "private"
    rating 6.4
  ]
  node [
    id 7
    label "UWAY"
    name "United Way"
    type "donor"
    country "United States"
    sector "voluntary"
    rating 5.94
  ]
  node [
    id 8
    label "WELF"
    name "Welfare Department"
    type "government"
    country "United States"
    sector "government"
    rating 4.6
  ]
  node [
    id 9
    label "WEST"
    name "West Side Movement"
    type "grassroots"
    country "United States"
    sector "voluntary"
    rating 3.5
  ]
  edge [
    source 0
    target 1
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 0
    target 4
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 0
    target 6
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 0
    target 8
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 1
    target 0
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 1
    target 2
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 1
    target 3
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 1
    target 4
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 1
    target 6
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 1
    target 7
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 1
    target 8
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 2
    target 1
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 2
    target 3
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 2
    target 4
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 2
    target 5
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 2
    target 6
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 2
    target 9
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 0
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 1
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 4
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 6
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 0
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 1
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 2
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 3
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 6
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 7
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 8
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 9
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 5
    target 2
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 5
    target 6
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 5
    target 8
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 6
    target 1
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 6
    target 3
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 6
    target 4
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 7
    target 0
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 7
    target 1
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 7
    target 3
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 7
    target 4
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 7
    target 6
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 7
    target 8
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 8
    target 1
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 8
    target 4
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 8
    target 6
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 9
    target 0
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 9
    target 1
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 9
    target 2
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 9
    target 4
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 9
    target 6
    type "information"
    weight 1.0
    directed 1
  ]
  edge [
    source 0
    target 2
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 0
    target 4
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 0
    target 7
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 0
    target 8
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 0
    target 9
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 1
    target 2
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 2
    target 7
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 1
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 2
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 6
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 7
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 3
    target 8
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 1
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 2
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 7
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 4
    target 8
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 6
    target 1
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 6
    target 7
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 7
    target 8
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 7
    target 9
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 8
    target 2
    type "funding"
    weight 1.0
    directed 1
  ]
  edge [
    source 8
    target 7
    type "funding"
    weight 1.0
    directed 1
  ]
]
