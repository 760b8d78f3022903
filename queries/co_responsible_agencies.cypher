// Which agencies work together? Pairs of agencies that lead or support the same targets, plans or policies.
MATCH (a:Agency)<-[:RESPONSIBLE_AGENCY|SUPPORTING_AGENCY]-(x)-[:RESPONSIBLE_AGENCY|SUPPORTING_AGENCY]->(b:Agency)
WHERE a.uri < b.uri
RETURN a.prefLabel_zh AS agency, b.prefLabel_zh AS partner, count(DISTINCT x) AS shared,
       collect(DISTINCT coalesce(x.label_zh, x.title_zh, x.uri))[..5] AS examples
ORDER BY shared DESC, agency, partner
