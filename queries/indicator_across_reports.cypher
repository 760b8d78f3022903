// How does one indicator compare across reports? Every target whose indicator contains a word, with its report and year.
// param word (text, required): part of the indicator (example: 老旧小区)
MATCH (t:Target)-[:IN_REPORT]->(r:Report)
WHERE t.indicator_zh CONTAINS $word AND t.value IS NOT NULL AND t.unit IS NOT NULL AND t.role IS NOT NULL
  AND t.text_zh IS NOT NULL AND r.sourceFile IS NOT NULL
OPTIONAL MATCH (r)-[:JURISDICTION]->(j) WHERE j.prefLabel_zh IS NOT NULL
RETURN DISTINCT $word AS word, t.indicator_zh AS indicator, t.value AS value, t.unit AS unit, t.role AS role,
       r.sourceFile AS report, j.prefLabel_zh AS jurisdiction, coalesce(r.date.year, toInteger(r.planYear)) AS year, r.date AS date, t.text_zh AS text
ORDER BY jurisdiction, report, indicator
