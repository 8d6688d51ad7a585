module

public import CacheDepth.ErrorScaling.ProbabilitySpace

/-!
# Adaptive locality-respecting caches succeed with probability exactly `s/n` (claim C7)

The first stage's cache is chosen before anything is revealed, so it holds the first chain
token `f x` with probability at most `s/n` (`adaptiveSuccess_le`). A greedy strategy
reaches that probability whatever the number of stages: it caches the start token and
`s - 1` others in stage 1; if `f x` is among them, the pointers revealed so far always name
the next chain token, which the next stage caches (`greedy_adaptiveSuccess`). So the best
adaptive locality-respecting cache succeeds with probability exactly `s/n`, independent
of `T`.

Probabilities are counts over the `n^n` maps, cross-multiplied: `count · n = s · n^n`
means `count / n^n = s/n`. The start token is `0` (`x.val = 0`); by the symmetry of the
uniform distribution every start gives the same probabilities.

## Main statements

* `adaptiveSuccess_le`: every adaptive strategy with a first cache of at most `s` tokens.
* `followView`, `greedyStrategy`, `greedy_success_iff`: the greedy strategy succeeds
  exactly when `f x` is in its first cache.
* `greedy_adaptiveSuccess`: its probability is `|C₁|/n`, which is `s/n` for a first cache of
  `s` distinct tokens.
-/

@[expose] public section

namespace CacheDepth

variable {n : Nat}

/-- **Adaptive upper bound.** Every adaptive strategy whose first cache holds at most `s`
tokens succeeds, over `T ≥ 1` stages, with probability at most `s/n`:
`count · n ≤ s · n^n`. -/
theorem adaptiveSuccess_le (hn : 0 < n) (σ : AdaptiveStrategy n) {x : Fin n} (hx0 : x.val = 0)
    {s T : Nat} (hs : (σ 1 (fun _ => none)).length ≤ s) (hT : 1 ≤ T) :
    adaptiveSuccessCount σ x T * n ≤ s * n ^ n := by
  obtain ⟨a, rfl⟩ : ∃ a, n = a + 1 := ⟨n - 1, by omega⟩
  have hx : x = 0 := Fin.ext (by simp [hx0])
  subst hx
  have himp : ∀ f ∈ allMaps (a + 1), adaptiveSuccess σ 0 T f = true →
      decide (f 0 ∈ σ 1 (fun _ => none)) = true := by
    intro f _ h
    have h0 := List.all_eq_true.mp h 0 (List.mem_range.mpr hT)
    rw [stageCache_zero] at h0
    exact h0
  have hle := length_filter_le_of_imp _ _ (allMaps (a + 1)) himp
  unfold adaptiveSuccessCount
  exact Nat.le_trans (Nat.mul_le_mul_right _ hle)
    (Nat.le_trans (count_head_mem_le _) (Nat.mul_le_mul_right _ hs))

/-- Following revealed pointers from `y` for `t` steps, as far as they are known. -/
noncomputable def followView (R : Fin n → Option (Fin n)) : Nat → Fin n → Option (Fin n)
  | 0, y => some y
  | t + 1, y => (R y).bind (followView R t)

/-- If the pointers of the first `t` chain tokens from `y` are revealed, following them
reaches `hop f t y`. -/
theorem followView_eq {R : Fin n → Option (Fin n)} {f : PointerMap n} :
    ∀ (t : Nat) (y : Fin n), (∀ t', t' < t → R (hop f t' y) = some (f (hop f t' y))) →
      followView R t y = some (hop f t y)
  | 0, _, _ => rfl
  | t + 1, y, h => by
    have hy : R y = some (f y) := h 0 (Nat.succ_pos t)
    have ih := followView_eq t (f y) (fun t' ht' => h (t' + 1) (Nat.succ_lt_succ ht'))
    show (R y).bind (followView R t) = some (hop f t (f y))
    rw [hy]
    exact ih

/-- The greedy strategy: stage 1 caches the list `C₁`; every later stage `i` caches the
`i`-th chain token from `x` if the revealed pointers name it, and nothing otherwise. -/
noncomputable def greedyStrategy (C₁ : List (Fin n)) (x : Fin n) : AdaptiveStrategy n :=
  fun i R => if i ≤ 1 then C₁ else (followView R i x).toList

/-- If the greedy strategy has cached the chain tokens `hop f t x` for `t ≤ i` (`i ≥ 1`),
the revealed pointers name `hop f (i + 1) x`, and stage `i + 1` caches exactly it. -/
theorem greedy_stage_of_cached {C₁ : List (Fin n)} {x : Fin n} {f : PointerMap n} {i : Nat}
    (hi : 1 ≤ i) (hc : ∀ t, t ≤ i → hop f t x ∈ cachedThrough (greedyStrategy C₁ x) f i) :
    stageCache (greedyStrategy C₁ x) f i = [hop f (i + 1) x] := by
  have hfollow := followView_eq
    (R := revealedView f (cachedThrough (greedyStrategy C₁ x) f i)) (f := f) (i + 1) x
    (fun t' ht' => by
      have hmem := hc t' (by omega)
      simp [revealedView, hmem])
  show greedyStrategy C₁ x (i + 1) _ = _
  have hnot : ¬ (i + 1 ≤ 1) := by omega
  simp [greedyStrategy, hnot, hfollow]

/-- After stage `i ≥ 1` of the greedy strategy, when `x` and `f x` are in `C₁`, every chain
token `hop f t x` with `t ≤ i` has been cached. -/
theorem greedy_cached {C₁ : List (Fin n)} {x : Fin n} {f : PointerMap n} (hx : x ∈ C₁)
    (h1 : f x ∈ C₁) : ∀ i, 1 ≤ i → ∀ t, t ≤ i →
      hop f t x ∈ cachedThrough (greedyStrategy C₁ x) f i
  | 0, h, _, _ => absurd h (by decide)
  | 1, _, t, ht => by
    have hc : cachedThrough (greedyStrategy C₁ x) f 1 = C₁ := by
      simp [cachedThrough, greedyStrategy]
    rw [hc]
    rcases t with _ | _ | t
    · exact hx
    · exact h1
    · omega
  | i + 2, _, t, ht => by
    have ih := greedy_cached hx h1 (i + 1) (by omega)
    have hnext := greedy_stage_of_cached (C₁ := C₁) (by omega) ih
    show hop f t x ∈ cachedThrough _ f (i + 1) ++ stageCache (greedyStrategy C₁ x) f (i + 1)
    rw [hnext, List.mem_append]
    by_cases hti : t ≤ i + 1
    · exact Or.inl (ih t hti)
    · have ht2 : t = i + 2 := by omega
      subst ht2
      exact Or.inr (List.mem_singleton.mpr rfl)

/-- The greedy strategy succeeds on `f`, over `T ≥ 1` stages, exactly when its first cache
holds `f x` (given that it holds `x`). -/
theorem greedy_success_iff {C₁ : List (Fin n)} {x : Fin n} (hx : x ∈ C₁) {T : Nat} (hT : 1 ≤ T)
    (f : PointerMap n) : adaptiveSuccess (greedyStrategy C₁ x) x T f = decide (f x ∈ C₁) := by
  by_cases h1 : f x ∈ C₁
  · rw [decide_eq_true h1]
    unfold adaptiveSuccess
    rw [List.all_eq_true]
    intro i _
    apply decide_eq_true
    rcases i with _ | i
    · show f x ∈ greedyStrategy C₁ x 1 _
      simp [greedyStrategy, h1]
    · rw [greedy_stage_of_cached (by omega) (greedy_cached hx h1 (i + 1) (by omega))]
      exact List.mem_singleton.mpr rfl
  · rw [decide_eq_false h1]
    apply Bool.eq_false_iff.mpr
    intro h
    have h0 := List.all_eq_true.mp h 0 (List.mem_range.mpr hT)
    rw [stageCache_zero] at h0
    simp [greedyStrategy] at h0
    exact h1 h0

/-- **Adaptive equality (claim C7).** With the start token `0`, a first cache `C₁` of
distinct tokens that contains the start, and `T ≥ 1` stages, the greedy strategy succeeds
with probability exactly `|C₁|/n`: `count · n = |C₁| · n^n`. For `|C₁| = s` this is `s/n`,
which `adaptiveSuccess_le` shows no adaptive strategy with caches of `s` tokens exceeds. -/
theorem greedy_adaptiveSuccess (hn : 0 < n) {C₁ : List (Fin n)} {x : Fin n} (hx0 : x.val = 0)
    (hC : C₁.Nodup) (hx : x ∈ C₁) {T : Nat} (hT : 1 ≤ T) :
    adaptiveSuccessCount (greedyStrategy C₁ x) x T * n = C₁.length * n ^ n := by
  obtain ⟨a, rfl⟩ : ∃ a, n = a + 1 := ⟨n - 1, by omega⟩
  have hx' : x = 0 := Fin.ext (by simp [hx0])
  subst hx'
  unfold adaptiveSuccessCount
  rw [List.filter_congr (fun f _ => greedy_success_iff hx hT f)]
  exact count_head_mem hC

end CacheDepth
