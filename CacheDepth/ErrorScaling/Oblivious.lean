module

public import CacheDepth.ErrorScaling.ProbabilitySpace

/-!
# Oblivious caches over `T` stages (claim C6)

An oblivious cache fixes every stage's cache before the instance is drawn. The paper's
bound for `T = ⌈log₂ k⌉` doubling stages is
`Pr[E] ≤ (s/(n−T))^T + 2T³/n`: each stage must guess a fresh chain token, and the
second term pays for chains that revisit a token.

`ObliviousBoundHolds count n s T` is that bound for a success count `count` out of `n^n`
maps, cross-multiplied so that it is a statement about natural numbers (for `T < n`):
`count · (n−T)^T · n ≤ n^n · (s^T · n + 2T³ · (n−T)^T)`.

## Main statements

* `obliviousSuccess_le_one_stage`: for `T = 1`, `Pr[E] ≤ s/n`.
* `obliviousBound_one_stage`: hence the bound for `T = 1`.
* `oblivious_error_bound` (open): the bound for every `T < n` (`T = 2`: `TwoStages.lean`).
-/

@[expose] public section

namespace CacheDepth

/-- The bound of claim C6 for a success count `count` out of `n^n` maps, cross-multiplied:
`count/n^n ≤ (s/(n−T))^T + 2T³/n`. -/
def ObliviousBoundHolds (count n s T : Nat) : Prop :=
  count * (n - T) ^ T * n ≤ n ^ n * (s ^ T * n + 2 * T ^ 3 * (n - T) ^ T)

variable {n : Nat}

/-- **One stage.** An oblivious schedule whose first cache holds at most `s` tokens succeeds
in one stage with probability at most `s/n`: `count · n ≤ s · n^n` (start token `0`). -/
theorem obliviousSuccess_le_one_stage (hn : 0 < n) (sched : Nat → List (Fin n)) {x : Fin n}
    (hx0 : x.val = 0) {s : Nat} (hs : (sched 1).length ≤ s) :
    obliviousSuccessCount sched x 1 * n ≤ s * n ^ n := by
  obtain ⟨a, rfl⟩ : ∃ a, n = a + 1 := ⟨n - 1, by omega⟩
  have hx : x = 0 := Fin.ext (by simp [hx0])
  subst hx
  have himp : ∀ f ∈ allMaps (a + 1), obliviousSuccess sched 0 1 f = true →
      decide (f 0 ∈ sched 1) = true := by
    intro f _ h
    exact List.all_eq_true.mp h 0 (List.mem_range.mpr (by decide))
  have hle := length_filter_le_of_imp _ _ (allMaps (a + 1)) himp
  unfold obliviousSuccessCount
  exact Nat.le_trans (Nat.mul_le_mul_right _ hle)
    (Nat.le_trans (count_head_mem_le _) (Nat.mul_le_mul_right _ hs))

/-- **The bound of claim C6 for `T = 1`.** With `n ≥ 2`, one oblivious stage satisfies
`Pr[E] ≤ s/(n−1) + 2/n`. -/
theorem obliviousBound_one_stage (hn : 2 ≤ n) (sched : Nat → List (Fin n)) {x : Fin n}
    (hx0 : x.val = 0) {s : Nat} (hs : (sched 1).length ≤ s) :
    ObliviousBoundHolds (obliviousSuccessCount sched x 1) n s 1 := by
  have h := obliviousSuccess_le_one_stage (by omega) sched hx0 hs
  unfold ObliviousBoundHolds
  simp only [Nat.pow_one, Nat.one_pow, Nat.mul_one]
  have e1 : obliviousSuccessCount sched x 1 * (n - 1) * n =
      (obliviousSuccessCount sched x 1 * n) * (n - 1) := by
    simp only [Nat.mul_comm, Nat.mul_assoc]
  have e2 : s * n ^ n * n = n ^ n * (s * n) := by
    simp only [Nat.mul_comm, Nat.mul_assoc]
  rw [e1]
  calc (obliviousSuccessCount sched x 1 * n) * (n - 1)
      ≤ (s * n ^ n) * (n - 1) := Nat.mul_le_mul_right _ h
    _ ≤ (s * n ^ n) * n := Nat.mul_le_mul_left _ (Nat.sub_le n 1)
    _ = n ^ n * (s * n) := e2
    _ ≤ n ^ n * (s * n + 2 * (n - 1)) := Nat.mul_le_mul_left _ (Nat.le_add_right _ _)

/-- **Oblivious error bound (claim C6).** For every oblivious schedule with caches of at most
`s` tokens, every start token and every number of stages `T < n`,
`Pr[E] ≤ (s/(n−T))^T + 2T³/n`.

Status: open. Proved for `T = 1` (`obliviousBound_one_stage`) and, in `TwoStages.lean`, for
`T = 2` (`obliviousBound_two_stages`). `cachedepth check` computes the exact maximum over
schedules for small `n`, `s`, `T` and compares it with the bound. -/
theorem oblivious_error_bound : ∀ (n s T : Nat) (sched : Nat → List (Fin n)) (x : Fin n),
    T < n → (∀ i, (sched i).length ≤ s) →
    ObliviousBoundHolds (obliviousSuccessCount sched x T) n s T := by
  sorry

end CacheDepth
