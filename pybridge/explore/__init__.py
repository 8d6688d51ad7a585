"""Conjecture explorer: evaluate the parts of the product conjecture on small cases.

`cachedepth explore` runs it (`command`). For each parameter point (`points`, `grid`) it
takes every pointer-chasing instance up to relabelling (`symmetry`), or one instance per
chain shape in the conjecture range (`chain_shapes`), and computes

* the value of the chain-identification game in two variants (`game`), a model and not a
  proved bound;
* the least solving depth of three segment protocols, Cache-Transformers run in the
  executable mirror (`protocols`, `protocol_runs`), which bound the Lean model's optimum
  from above;
* the max, product, doubling and counting bounds (`points`, `evaluate`).

`parts` turns the finished points into a verdict per part of the conjecture, `store`
keeps the resumable explore.json, and `table` and `plots` print and draw the results.
docs/explore.md describes what is decided and what is a model.
"""
