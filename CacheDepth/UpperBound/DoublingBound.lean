module

public import CacheDepth.UpperBound.PointerRelay
public import CacheDepth.UpperBound.WindowedMarking

/-!
# Claim C4: the doubling upper bound holds, with constant 1

Claim C4 asks for a Cache-Transformer with one head and a locality-respecting controller
that solves k-hop pointer chasing with `doublingUpperBound n k s m p` layers, that is
`min(k, ⌈k/s⌉·max(1, ⌈log₂ s⌉))·⌈⌈log₂ n⌉/(m·p)⌉`, up to a constant.

* The windowed marking (`WindowedMarking.lean`) needs `⌈k/s⌉ - 1 + ⌈⌈log₂ n⌉/(m·p)⌉`
  layers for every cache size, which is at most the bound: `windowed_doubling_bound`
  proves `WindowedDoublingBoundHolds 1`.
* Two simpler constructions meet the bound in special cases (`doublingUpperBound_met`):
  when `s ≥ n`, the readout (`Readout.lean`) with `⌈⌈log₂ n⌉/(m·p)⌉` layers, and when the
  stage count is `k`, the pointer relay (`PointerRelay.lean`) with exactly the bound.

No construction here doubles pointers. In our model one message may read every cached
state, so a window of `s` cached chain tokens yields the token `s` hops ahead in one layer,
where pointer doubling would take `⌈log₂ s⌉` stages.

## Main statements

* `one_le_doublingStages`: the stage count is at least 1 for `k, s ≥ 1`.
* `doublingUpperBound_met`: the readout or the pointer relay meets the bound when `s ≥ n`
  or when the stage count is `k`.
* `WindowedDoublingBoundHolds c`: the bound with constant `c`, for all parameters.
* `windowed_doubling_bound`: `WindowedDoublingBoundHolds 1`.
-/

@[expose] public section

namespace CacheDepth

/-- The doubling construction runs at least one stage when `k ≥ 1` and `s ≥ 1`. -/
theorem one_le_doublingStages {k s : Nat} (hk : 1 ≤ k) (hs : 1 ≤ s) : 1 ≤ doublingStages k s :=
  Nat.le_trans (reachDepth_pos hk hs) (reachDepth_le_doublingStages hs)

/-- **Claim C4 where it is proved.** For `n ≥ 2`, `k, s ≥ 1` and `m·p ≥ 1`, if the cache
holds every position (`n ≤ s`) or the stage count is `k`, some Cache-Transformer with one
head and a locality-respecting controller solves k-hop pointer chasing with at most
`doublingUpperBound n k s m p` layers: the readout in the first case, the pointer relay in
the second. -/
theorem doublingUpperBound_met {n k s m p : Nat} (hn : 2 ≤ n) (hk : 1 ≤ k) (hs : 1 ≤ s)
    (hmp : 1 ≤ m * p) (h : n ≤ s ∨ doublingStages k s = k) (o : Fin n) :
    ∃ (M : CacheTransformer n s 1 m p) (L : Nat), M.controller.IsLocalityRespecting ∧
      M.Solves L k ∧ L ≤ doublingUpperBound n k s m p := by
  rcases h with hfull | hstages
  · refine ⟨readout n s m p k o, chunkCount n m p, readout_isLocalityRespecting n s m p k o,
      readout_solves hfull hmp o k, ?_⟩
    have := Nat.mul_le_mul_right (chunkCount n m p) (one_le_doublingStages hk hs)
    rw [Nat.one_mul] at this
    exact this
  · refine ⟨pointerRelay n s m p o, k * chunkCount n m p, pointerRelay_isLocalityRespecting n s m p o,
      pointerRelay_solves hs hn hmp o hk, ?_⟩
    show k * chunkCount n m p ≤ doublingStages k s * chunkCount n m p
    rw [hstages]
    exact Nat.le_refl _

/-- Claim C4 with constant `c`: for all `n ≥ 2`, `k, s ≥ 1` and `m·p ≥ 1`, some
Cache-Transformer with one head and a locality-respecting controller solves k-hop pointer
chasing with at most `c · doublingUpperBound n k s m p` layers. -/
def WindowedDoublingBoundHolds (c : Nat) : Prop :=
  ∀ n k s m p : Nat, 2 ≤ n → 1 ≤ k → 1 ≤ s → 1 ≤ m * p →
    ∃ (M : CacheTransformer n s 1 m p) (L : Nat), M.controller.IsLocalityRespecting ∧
      M.Solves L k ∧ L ≤ c * doublingUpperBound n k s m p

/-- **Claim C4 for all parameters, with constant 1**: the windowed marking, with output
position 0, solves k-hop pointer chasing within `doublingUpperBound n k s m p` layers. -/
theorem windowed_doubling_bound : WindowedDoublingBoundHolds 1 := by
  intro n k s m p hn hk hs hmp
  refine ⟨windowedMarking n s m p k ⟨0, by omega⟩, markLayers k s + chunkCount n m p,
    windowedMarking_isLocalityRespecting n s m p k _, windowedMarking_solves hk hs hmp _, ?_⟩
  rw [Nat.one_mul]
  exact windowedMarking_depth_le_doublingUpperBound hn hk hs hmp

end CacheDepth
