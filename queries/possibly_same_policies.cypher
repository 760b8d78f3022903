// Which policy titles may name the same document? Near-identical titles flagged in the graph, not merged, per report.
MATCH (a:PolicyDocument)-[m:MAY_BE_SAME_AS]->(b)
WHERE a.title_zh IS NOT NULL AND b.title_zh IS NOT NULL AND a.title_zh < b.title_zh
UNWIND m.graphs AS graph
MATCH (r:Report {uri: graph}) WHERE r.sourceFile IS NOT NULL
OPTIONAL MATCH (r)-[:JURISDICTION]->(j) WHERE j.prefLabel_zh IS NOT NULL
RETURN DISTINCT a.title_zh AS title, b.title_zh AS other, r.sourceFile AS report, j.prefLabel_zh AS jurisdiction,
       coalesce(r.date.year, toInteger(r.planYear)) AS year
ORDER BY title, report
