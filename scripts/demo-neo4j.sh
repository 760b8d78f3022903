#!/usr/bin/env bash
# The Neo4j half of `make demo`: use NEO4J_URI when set, else start the project's own
# Neo4j (needs Java 17 + Maven); skip with a note when neither is possible.
set -uo pipefail
BIN=$1 STORE=$2
if [ -z "${NEO4J_URI:-}" ]; then
  if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
    echo "(Java 17 and Maven not found: skipping the Neo4j part of the demo)"; exit 0
  fi
  "$BIN/kg" neo4j start || exit 1
fi
"$BIN/kg" sync --store "$STORE" && "$BIN/kg" query --cypher agencies_by_targets
echo "Neo4j keeps running for you (bolt://127.0.0.1:7687, password in .kg/neo4j/password); stop it with: $BIN/kg neo4j stop"
