// Which policy titles may name the same document? Near-identical titles flagged in the graph, not merged.
MATCH (a:PolicyDocument)-[:MAY_BE_SAME_AS]->(b)
WHERE a.title_zh IS NOT NULL AND b.title_zh IS NOT NULL AND a.title_zh < b.title_zh
RETURN a.title_zh AS title, b.title_zh AS other
ORDER BY title
