// Which policy documents does each agency draft? Policies with their drafting agency and status.
MATCH (policy:PolicyDocument)-[:DRAFTING_AGENCY]->(a)
WHERE policy.title_zh IS NOT NULL AND a.prefLabel_zh IS NOT NULL
OPTIONAL MATCH (r)-[:MENTIONS]->(policy) WHERE r.sourceFile IS NOT NULL
RETURN a.prefLabel_zh AS agency, policy.title_zh AS title, policy.status AS status, r.sourceFile AS report
ORDER BY agency, title
