// Which targets are due by a given date? A year or month deadline counts as due on its last day.
// param by (date, required): the last day; a year or month means its last day (example: 2023-12-31)
MATCH (t:Target)-[:IN_REPORT]->(r:Report)
WHERE t.deadline IS NOT NULL AND t.text_zh IS NOT NULL AND t.value IS NOT NULL AND t.unit IS NOT NULL
  AND t.comparator IS NOT NULL AND r.sourceFile IS NOT NULL
WITH t, r, toString(t.deadline) AS deadline
WITH t, r, date(CASE size(deadline) WHEN 4 THEN deadline + '-12-31'
  WHEN 7 THEN toString(date(deadline + '-01') + duration('P1M') - duration('P1D')) ELSE deadline END) AS due
WHERE due <= date($by)
OPTIONAL MATCH (t)-[:RESPONSIBLE_AGENCY]->(a) WHERE a.prefLabel_zh IS NOT NULL
OPTIONAL MATCH (r)-[:JURISDICTION]->(j) WHERE j.prefLabel_zh IS NOT NULL
RETURN DISTINCT date($by) AS by, due, t.text_zh AS text, t.value AS value, t.unit AS unit, t.comparator AS comparator,
       a.prefLabel_zh AS agency, r.sourceFile AS report, j.prefLabel_zh AS jurisdiction, coalesce(r.date.year, toInteger(r.planYear)) AS year
ORDER BY due, report, text
