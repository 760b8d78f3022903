"""kg: a knowledge graph of Chinese local government plans.

Data flows through the subpackages in this order: ``loaders`` (raw file -> clean text
-> report structure), ``extract`` (entities and targets), ``graph`` (RDF under
``kg/ontology.ttl``), ``store`` (embedded Oxigraph, SPARQL), then the consumers:
``query``, ``export``, ``evaluate``.
"""

__version__ = "0.1.0"
