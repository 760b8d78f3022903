// Which agencies own the most targets? Agencies ranked by the targets they are responsible for, across all reports.
MATCH (t:Target)-[:RESPONSIBLE_AGENCY]->(a:Agency), (t)-[:IN_REPORT]->(r:Report)
WHERE a.prefLabel_zh IS NOT NULL
OPTIONAL MATCH (a)-[:JURISDICTION]->(j)
RETURN a.prefLabel_zh AS agency, j.prefLabel_zh AS jurisdiction,
       count(DISTINCT t) AS targets, count(DISTINCT r) AS reports
ORDER BY targets DESC, agency, jurisdiction
