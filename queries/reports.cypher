// Which reports are in the graph? Each with its issuer, jurisdiction, date, year, kind and counts.
MATCH (r:Report) WHERE r.sourceFile IS NOT NULL
WITH r, [key IN keys(r) WHERE key = 'title' OR key STARTS WITH 'title_' | r[key]] AS titles
UNWIND CASE WHEN titles = [] THEN [null] ELSE titles END AS title
OPTIONAL MATCH (r)-[:ISSUER]->(g) WHERE g.prefLabel_zh IS NOT NULL
OPTIONAL MATCH (r)-[:JURISDICTION]->(j) WHERE j.prefLabel_zh IS NOT NULL
OPTIONAL MATCH (t:Target)-[:IN_REPORT]->(r)
RETURN r.sourceFile AS report, title, g.prefLabel_zh AS issuer, j.prefLabel_zh AS jurisdiction,
       r.date AS date, coalesce(r.date.year, toInteger(r.planYear)) AS year, r.kind_zh AS kind, count(DISTINCT t) AS targets
ORDER BY report
