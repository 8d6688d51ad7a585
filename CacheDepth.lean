module

public import CacheDepth.PointerChasing.Hop
public import CacheDepth.PointerChasing.Chain
public import CacheDepth.Bounds.Arith
public import CacheDepth.Bounds.Formulas
public import CacheDepth.Model.CacheTransformer
public import CacheDepth.Controller.Locality
public import CacheDepth.Controller.Window
public import CacheDepth.Controller.TopScore
public import CacheDepth.Controller.HeavyHitter
public import CacheDepth.Controller.Segment
public import CacheDepth.Conjecture
public import CacheDepth.Counting.Functions
public import CacheDepth.Counting.UnionBound
public import CacheDepth.LowerBound.Bandwidth
public import CacheDepth.LowerBound.Indistinguishable
public import CacheDepth.LowerBound.Reachability
public import CacheDepth.LowerBound.TreeFamily
public import CacheDepth.LowerBound.AdaptiveReachability
public import CacheDepth.LowerBound.Barrier
public import CacheDepth.ErrorScaling.ProbabilitySpace
public import CacheDepth.ErrorScaling.Adaptive
public import CacheDepth.ErrorScaling.Oblivious
public import CacheDepth.ErrorScaling.TwoStages
public import CacheDepth.UpperBound.Sequential
public import CacheDepth.UpperBound.MarkerRelay
public import CacheDepth.UpperBound.Chunks
public import CacheDepth.UpperBound.PointerRelay
public import CacheDepth.UpperBound.Readout
public import CacheDepth.UpperBound.WindowedMarking
public import CacheDepth.UpperBound.DoublingBound

/-!
# CacheDepth

A formalization of depth–cache tradeoffs for k-hop pointer chasing in Transformers with a
shared, compressed KV cache (arXiv 2604.17935). This root module imports every module of
the library.
-/
