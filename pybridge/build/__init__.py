"""Build layer: module graph, content-hash cache and the parallel build driver."""
