// What does each report commit to for an indicator? One row per report: its best match (a figure of the plan part before one of the review, a target or a planned rise or fall before a result, a year's figure before an annual average (年均) over several years, then the shortest indicator containing the words, then the earliest sentence), and how many of its targets match.
// param indicator (text, required): part of the indicator's name (example: 老旧小区)
MATCH (t:Target)-[:IN_REPORT]->(r:Report)
WHERE t.indicator_zh CONTAINS $indicator AND t.role IS NOT NULL AND t.text_zh IS NOT NULL AND t.value IS NOT NULL
  AND t.unit IS NOT NULL AND t.comparator IS NOT NULL AND r.sourceFile IS NOT NULL
OPTIONAL MATCH (t)-[:WAS_DERIVED_FROM]->(s) WHERE s.part IS NOT NULL AND s.startOffset IS NOT NULL
WITH r, t, (CASE WHEN s.part = 'plan' THEN 0 ELSE 4 END) + (CASE WHEN t.role IN ['target', 'change'] THEN 0 ELSE 2 END)
     + (CASE WHEN t.text_zh CONTAINS '年均' THEN 1 ELSE 0 END) AS rank, coalesce(s.startOffset, 999999999) AS position
ORDER BY rank, size(t.indicator_zh), position, t.indicator_zh, t.text_zh, t.uri
WITH r, collect(t) AS targets
WITH r, targets[0] AS t, size(targets) AS matches
OPTIONAL MATCH (r)-[:JURISDICTION]->(j) WHERE j.prefLabel_zh IS NOT NULL
RETURN r.sourceFile AS report, j.prefLabel_zh AS jurisdiction, coalesce(r.date.year, toInteger(r.planYear)) AS year, $indicator AS indicator,
       t.indicator_zh AS as_written, t.value AS value, t.valueMax AS value_max, t.unit AS unit, t.comparator AS comparator,
       t.role AS role, t.deadline AS deadline, t.text_zh AS text, matches
ORDER BY jurisdiction, report
