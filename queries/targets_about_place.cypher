// Every target about a given place (a river, road, town …), including places inside it, with the sentence to cite.
// param place (place, required): the place's name (example: 东昌府区)
MATCH (q:Resource) WHERE q.prefLabel_zh = $place
MATCH (p:Resource)-[:WITHIN*0..]->(q)
WITH DISTINCT p WHERE p.prefLabel_zh IS NOT NULL
MATCH (t:Target)-[:ABOUT_PLACE]->(p), (t)-[:IN_REPORT]->(r:Report), (t)-[:WAS_DERIVED_FROM]->(s)
WHERE t.text_zh IS NOT NULL AND t.value IS NOT NULL AND t.unit IS NOT NULL AND t.comparator IS NOT NULL
  AND t.role IS NOT NULL AND r.sourceFile IS NOT NULL AND s.text_zh IS NOT NULL
OPTIONAL MATCH (r)-[:JURISDICTION]->(j) WHERE j.prefLabel_zh IS NOT NULL
RETURN DISTINCT $place AS place, t.text_zh AS text, t.value AS value, t.unit AS unit, t.comparator AS comparator,
       t.role AS role, t.deadline AS deadline, p.prefLabel_zh AS about, r.sourceFile AS report,
       j.prefLabel_zh AS jurisdiction, coalesce(r.date.year, toInteger(r.planYear)) AS year, s.text_zh AS sentence
ORDER BY report, text
