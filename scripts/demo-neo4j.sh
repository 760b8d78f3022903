#!/usr/bin/env bash
# The Neo4j half of `make demo`: use NEO4J_URI when set, else start the project's own
# Neo4j (needs Java 17 + Maven); skip with a note when neither is possible.
set -uo pipefail
BIN=$1 STORE=$2
if ! "$BIN/kg" neo4j --help >/dev/null 2>&1; then
  echo "(Neo4j sync not available in this build; skipping)"; exit 0
fi
if [ -z "${NEO4J_URI:-}" ]; then
  if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
    echo "(Java 17 and Maven not found: skipping the Neo4j part of the demo)"; exit 0
  fi
  "$BIN/kg" neo4j start || exit 1
fi
"$BIN/kg" sync --store "$STORE" && "$BIN/kg" query --cypher queries/agencies_by_targets.cypher
