# GML features coalmap reads: comments, a Creator line, entities and
# character references, nested lists (dropped), repeated keys (joined with ;),
# NetworkX's one-item list marker, reals in every spelling, an edge's own
# direction in an undirected graph, string node ids
Creator "hand-written"
graph [
  directed 0
  node [
    id "n1"
    label "A &quot;quoted&quot; &amp; caf&#233; &#x41;"
    graphics [ x 1.0 y 2.0 ]
    issues "health"
    issues "education"
    score 1.5E+2
  ]
  node [
    id "n2"
    label "B"
    issues "_networkx_list_start"
    issues "water"
    score -.5
  ]
  edge [ source "n1" target "n2" weight 2 directed 1 ]
  edge [ source "n2" target "n1" type "conflict" ]
]
