// Which policy documents does each agency draft? Policies with their drafting agency and status, per report naming them.
MATCH (policy:PolicyDocument)-[:DRAFTING_AGENCY]->(a)
WHERE policy.title_zh IS NOT NULL AND a.prefLabel_zh IS NOT NULL
OPTIONAL MATCH (r)-[:MENTIONS]->(policy) WHERE r.sourceFile IS NOT NULL
OPTIONAL MATCH (r)-[:JURISDICTION]->(j) WHERE j.prefLabel_zh IS NOT NULL
RETURN DISTINCT a.prefLabel_zh AS agency, policy.title_zh AS title, policy.status AS status, r.sourceFile AS report,
       j.prefLabel_zh AS jurisdiction, coalesce(r.date.year, toInteger(r.planYear)) AS year
ORDER BY agency, title, report
