// What did each year's report promise for one indicator, and what did the next year's report say it achieved? Every target and outcome of the indicator, by plan year.
// param indicator (text, required): the key of a standard indicator, kg/extract/data/indicators.tsv (kg track maps other wordings such as 国内生产总值 or GDP to it) (example: 城镇新增就业)
// param place (place, optional): the place whose reports to follow; every place when null (example: 聊城市)
// A row is a target of a report's plan part (the year's promise) or a figure of its review part
// (the year before's outcome); kg track picks one of each per year and gives the verdict.
MATCH (t:Target)-[:IN_REPORT]->(r:Report)-[:JURISDICTION]->(j), (t)-[:WAS_DERIVED_FROM]->(s)
WHERE t.indicator_zh = $indicator AND s.part IN ['plan', 'review'] AND r.planYear IS NOT NULL
  AND j.prefLabel_zh IS NOT NULL AND ($place IS NULL OR j.prefLabel_zh = $place)
  AND t.value IS NOT NULL AND t.unit IS NOT NULL AND t.comparator IS NOT NULL AND t.role IS NOT NULL
  AND t.text_zh IS NOT NULL AND s.text_zh IS NOT NULL AND r.sourceFile IS NOT NULL
RETURN $indicator AS indicator, $place AS place, j.prefLabel_zh AS jurisdiction, toInteger(r.planYear) AS year,
       s.part AS part, t.role AS role, t.value AS value, t.valueMax AS valueMax, t.comparator AS comparator,
       t.unit AS unit, t.text_zh AS text, s.text_zh AS sentence, s.startOffset AS offset, r.sourceFile AS report
ORDER BY jurisdiction, year, report, offset
