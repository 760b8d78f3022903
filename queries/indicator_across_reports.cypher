// How does one indicator compare across reports? Every target whose indicator contains a word, with its report and year.
// param word: part of the indicator (example: 老旧小区)
MATCH (t:Target)-[:IN_REPORT]->(r)
WHERE t.indicator_zh CONTAINS $word AND t.value IS NOT NULL AND t.unit IS NOT NULL AND t.role IS NOT NULL
  AND t.text_zh IS NOT NULL
OPTIONAL MATCH (r)-[:JURISDICTION]->(j) WHERE j.prefLabel_zh IS NOT NULL
RETURN $word AS word, t.indicator_zh AS indicator, t.value AS value, t.unit AS unit, t.role AS role,
       j.prefLabel_zh AS jurisdiction, r.date AS date, t.text_zh AS text
ORDER BY jurisdiction, indicator
