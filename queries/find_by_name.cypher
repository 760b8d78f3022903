// Which nodes have a Chinese name or text containing these characters? Full-text search (cjk analyzer).
// param text: part of a name (example: 发展改革)
CALL db.index.fulltext.queryNodes('kg_names', $text) YIELD node, score
RETURN coalesce(node.prefLabel_zh, node.title_zh, node.label_zh, node.text_zh) AS name,
       [label IN labels(node) WHERE label <> 'Resource'] AS labels, node.uri AS uri, score
ORDER BY score DESC, uri
LIMIT 20
