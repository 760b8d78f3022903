// How is an agency connected to a place? The shortest chains of relationships between agencies and a place.
// param agency (agency, required): part of the agency's name (example: 水利)
// param place (place, required): the place's name (example: 班滑河)
MATCH (a:Agency) WHERE a.prefLabel_zh CONTAINS $agency
MATCH (p:Place) WHERE p.prefLabel_zh = $place
MATCH path = shortestPath((a)-[*..8]-(p))
RETURN a.prefLabel_zh AS agency, p.prefLabel_zh AS place, length(path) AS hops,
       [n IN nodes(path) | coalesce(n.prefLabel_zh, n.title_zh, n.label_zh, n.uri)] AS via,
       [r IN relationships(path) | type(r)] AS relationships
ORDER BY hops, agency
LIMIT 20
