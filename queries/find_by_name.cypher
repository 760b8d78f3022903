// Which nodes have a Chinese name or text containing these characters? Full-text search (cjk analyzer).
// param text (text, required): part of a name (example: 发展改革)
// The text is searched for as written: lower-cased (as the analyzer does, so AND/OR/NOT are words), Lucene's
// special characters escaped, backslash first.
WITH reduce(q = toLower($text), c IN ['\\', '+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?',
                           ':', '/'] | replace(q, c, '\\' + c)) AS search
CALL db.index.fulltext.queryNodes('kg_names', search) YIELD node, score
RETURN coalesce(node.prefLabel_zh, node.title_zh, node.label_zh, node.text_zh) AS name,
       [label IN labels(node) WHERE label <> 'Resource'] AS labels, node.uri AS uri, score
ORDER BY score DESC, uri
LIMIT 20
