// Which places draw the most commitments? Places ranked by the future targets about them.
MATCH (t:Target {role: 'target'})-[:ABOUT_PLACE]->(p:Place)
WHERE p.prefLabel_zh IS NOT NULL
UNWIND [label IN labels(p) WHERE NOT label IN ['Resource', 'Place', 'AdministrativeDivision']] AS type
RETURN p.prefLabel_zh AS place, type, count(DISTINCT t) AS targets
ORDER BY targets DESC, place, type
