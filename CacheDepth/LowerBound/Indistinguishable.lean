module

public import CacheDepth.Controller.Locality

/-!
# Changing an uncached pointer: runs that cannot be told apart

The first step of the reachability argument. Let `f` and `g` differ only at one position
`j`, and run a Cache-Transformer with a locality-respecting controller on `(f, x)` and on
`(g, x)`. As long as neither run caches `j`, the two runs choose the same caches, send the
same messages, and every position other than `j` has the same state in both. So if `j` is
not the output position and is cached in neither run, both answers are equal.

Turned around (`cached_of_answer_ne`): if a model solves k-hop pointer chasing and the
k-hop answers of `f` and `g` differ, then one of the two runs caches `j`. This holds for
adaptive controllers too. It does not say *which* run caches `j`: a controller may cache
`j` only when its pointer is unusual, so the argument for a lower bound on the number of
cached tokens has to choose the instances with care (see `Reachability.lean`).

## Main statements

* `CacheTransformer.statesAt_eq_of_uncached`: the runs agree off `j` while `j` is
  uncached in both.
* `CacheTransformer.cacheTrace_eq_of_uncached`: and they choose the same caches.
* `CacheTransformer.answer_eq_of_uncached`: equal answers when `j` is never cached.
* `CacheTransformer.cached_of_answer_ne`: the contrapositive for a model that solves.
-/

@[expose] public section

namespace CacheDepth

namespace CacheTransformer

variable {n s H m p : Nat} (M : CacheTransformer n s H m p)

/-- `j` is cached in neither run `(f, x)` nor `(g, x)` at any layer below `ℓ`. -/
def UncachedBelow (f g : PointerMap n) (x j : Fin n) (ℓ : Nat) : Prop :=
  ∀ ℓ', ℓ' < ℓ → j ∉ M.cacheTrace f x ℓ' ∧ j ∉ M.cacheTrace g x ℓ'

/-- While `j` stays uncached in both runs, every position other than `j` has the same state
in the runs on `(f, x)` and `(g, x)`, when `f` and `g` differ only at `j`. -/
theorem statesAt_eq_of_uncached (hloc : M.controller.IsLocalityRespecting)
    {f g : PointerMap n} {x j : Fin n} (hfg : ∀ i, i ≠ j → f i = g i) :
    ∀ ℓ, M.UncachedBelow f g x j ℓ → ∀ i, i ≠ j → M.statesAt f x ℓ i = M.statesAt g x ℓ i
  | 0, _, i, hi => by
    show M.init i (f i) (decide (i = x)) = M.init i (g i) (decide (i = x))
    rw [hfg i hi]
  | ℓ + 1, hunc, i, hi => by
    have hprev : ∀ i, i ≠ j → M.statesAt f x ℓ i = M.statesAt g x ℓ i :=
      statesAt_eq_of_uncached hloc hfg ℓ (fun ℓ' h' => hunc ℓ' (Nat.lt_succ_of_lt h'))
    obtain ⟨hf, hg⟩ := hunc ℓ (Nat.lt_succ_self ℓ)
    have hcache : M.controller ℓ (M.statesAt f x ℓ) = M.controller ℓ (M.statesAt g x ℓ) :=
      hloc ℓ _ _ j hprev hf hg
    have hview : M.cachedView ℓ (M.statesAt f x ℓ) = M.cachedView ℓ (M.statesAt g x ℓ) := by
      unfold cachedView
      rw [← hcache]
      apply List.map_congr_left
      intro c hc
      have hcj : c ≠ j := fun e => hf (e ▸ hc)
      rw [hprev c hcj]
    show M.update ℓ (M.statesAt f x ℓ i)
        (fun h => M.message ℓ h (M.statesAt f x ℓ i) (M.cachedView ℓ (M.statesAt f x ℓ))) =
      M.update ℓ (M.statesAt g x ℓ i)
        (fun h => M.message ℓ h (M.statesAt g x ℓ i) (M.cachedView ℓ (M.statesAt g x ℓ)))
    rw [hview, hprev i hi]

/-- While `j` stays uncached in both runs, both runs choose the same cache. -/
theorem cacheTrace_eq_of_uncached (hloc : M.controller.IsLocalityRespecting)
    {f g : PointerMap n} {x j : Fin n} (hfg : ∀ i, i ≠ j → f i = g i) {ℓ : Nat}
    (hunc : M.UncachedBelow f g x j (ℓ + 1)) : M.cacheTrace f x ℓ = M.cacheTrace g x ℓ := by
  obtain ⟨hf, hg⟩ := hunc ℓ (Nat.lt_succ_self ℓ)
  exact hloc ℓ _ _ j
    (M.statesAt_eq_of_uncached hloc hfg ℓ (fun ℓ' h' => hunc ℓ' (Nat.lt_succ_of_lt h'))) hf hg

/-- If `f` and `g` differ only at `j`, `j` is not the output position, and neither run caches
`j` at any of the `L` layers, then both runs give the same answer. -/
theorem answer_eq_of_uncached (hloc : M.controller.IsLocalityRespecting)
    {f g : PointerMap n} {x j : Fin n} (hfg : ∀ i, i ≠ j → f i = g i) (hout : M.output ≠ j)
    {L : Nat} (hunc : M.UncachedBelow f g x j L) : M.answer L f x = M.answer L g x := by
  unfold answer
  rw [M.statesAt_eq_of_uncached hloc hfg L hunc M.output hout]

/-- **A changed pointer must be read.** If a model with a locality-respecting controller
solves k-hop pointer chasing with `L` layers, and `f`, `g` differ only at a position `j`
other than the output position but have different k-hop answers from `x`, then one of the
two runs caches `j` at some layer below `L`. -/
theorem cached_of_answer_ne (hloc : M.controller.IsLocalityRespecting) {L k : Nat}
    (hsolve : M.Solves L k) {f g : PointerMap n} {x j : Fin n}
    (hfg : ∀ i, i ≠ j → f i = g i) (hout : M.output ≠ j) (hne : hop f k x ≠ hop g k x) :
    ∃ ℓ, ℓ < L ∧ (j ∈ M.cacheTrace f x ℓ ∨ j ∈ M.cacheTrace g x ℓ) := by
  apply Classical.byContradiction
  intro hnone
  apply hne
  rw [← hsolve f x, ← hsolve g x]
  apply M.answer_eq_of_uncached hloc hfg hout
  intro ℓ hℓ
  exact ⟨fun hf => hnone ⟨ℓ, hℓ, Or.inl hf⟩, fun hg => hnone ⟨ℓ, hℓ, Or.inr hg⟩⟩

end CacheTransformer

end CacheDepth
