module

public import CacheDepth.Controller.TopScore

/-!
# Heavy-hitter accumulation (H2O) is not locality-respecting

H2O keeps the `s` positions that have received the most attention. The attention a
position `i` receives is summed over all queries `q`, and each query comes from a
position's state, so the score of `i` depends on the states of every position, including
positions that are not cached. A position `j` outside the cache can therefore change the
cache through its query alone.

We model the accumulated score as `score v i = ∑_q attention (v q) (v i)` and prove, on a
three-token example, that the rule violates `IsLocalityRespecting`.

What this means for the paper's claim that all standard KV-compression methods are
locality-respecting: under our definition the claim holds for fixed schedules, random
eviction, sliding windows, attention sinks and per-token scores, but not for
heavy-hitter accumulation. The reachability lower bound proved for locality-respecting
controllers does not cover H2O as modelled here; covering it would need a weaker
locality notion (for example one that bounds how much an uncached query can change the
cache).

The definitions are `noncomputable` because the npm (WebAssembly) Lean toolchain cannot
generate code for calls into other modules; `pybridge/model/controllers.py` is their
executable mirror.
-/

@[expose] public section

namespace CacheDepth

variable {n : Nat} {σ : Type}

/-- The attention position `i` accumulates from all queries: `∑_q attention (v q) (v i)`. -/
noncomputable def accumulatedAttention (attention : σ → σ → Nat) (v : Fin n → σ) (i : Fin n) : Nat :=
  ((List.finRange n).map fun q => attention (v q) (v i)).sum

/-- H2O-like compression: cache the `s` positions with the most accumulated attention,
ties broken by the smaller index. -/
noncomputable def heavyHitter (s : Nat) (attention : σ → σ → Nat) : Controller n σ :=
  fun _ v => topPositions s (accumulatedAttention attention v)

/-- Heavy-hitter accumulation never caches more than `s` positions. -/
theorem length_heavyHitter_le (s : Nat) (attention : σ → σ → Nat) (ℓ : Nat) (v : Fin n → σ) :
    (heavyHitter s attention ℓ v).length ≤ s :=
  length_topPositions_le s _

/-- Attention of a query to a key that matches it exactly: `1` if equal, else `0`. -/
noncomputable def matchAttention (q k : Nat) : Nat := if q = k then 1 else 0

/-- The counterexample's first state vector `(0, 1, 1)`: positions 1 and 2 attract two
queries each, position 0 one; the cache of size 1 is position 1. -/
noncomputable def h2oStatesBefore : Fin 3 → Nat := fun i => if i.val = 0 then 0 else 1

/-- The second state vector `(0, 1, 0)`, which differs only at position 2: now positions 0
and 2 attract two queries each, and the cache of size 1 is position 0. -/
noncomputable def h2oStatesAfter : Fin 3 → Nat := fun i => if i.val = 1 then 1 else 0

/-- **Counterexample.** Heavy-hitter accumulation with cache size 1 on three positions is
not locality-respecting: changing the state of position 2, which is cached in neither
case, moves the cache from position 1 to position 0. -/
theorem heavyHitter_not_isLocalityRespecting :
    ¬ (heavyHitter (n := 3) 1 matchAttention).IsLocalityRespecting := by
  intro h
  have hsame : ∀ i : Fin 3, i ≠ 2 → h2oStatesBefore i = h2oStatesAfter i := by decide
  have hout : (2 : Fin 3) ∉ heavyHitter 1 matchAttention 0 h2oStatesBefore := by decide
  have hout' : (2 : Fin 3) ∉ heavyHitter 1 matchAttention 0 h2oStatesAfter := by decide
  have heq := h 0 h2oStatesBefore h2oStatesAfter 2 hsame hout hout'
  have hne : heavyHitter (n := 3) 1 matchAttention 0 h2oStatesBefore ≠
      heavyHitter 1 matchAttention 0 h2oStatesAfter := by decide
  exact hne heq

end CacheDepth
