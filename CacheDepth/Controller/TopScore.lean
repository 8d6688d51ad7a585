module

public import CacheDepth.Controller.Locality
public import CacheDepth.PointerChasing.Chain
public import CacheDepth.Counting.Functions

/-!
# Top-`s` by a score

Many KV-compression methods keep the `s` positions with the highest score. This file
defines "top `s` under a ranking" with ties broken by the smaller index, proves that it
caches at most `s` positions, and proves that it is locality-respecting when each
position's score depends only on that position's own state (SnapKV-like scoring).
`HeavyHitter.lean` shows that the same rule is *not* locality-respecting when the score
of a position depends on other positions' states, as in heavy-hitter accumulation.

## Main definitions

* `CacheDepth.beats r j i`: `j` ranks above `i` under the scores `r`.
* `CacheDepth.rankOf r i`: the number of positions ranking above `i`.
* `CacheDepth.topPositions s r`: the positions of rank below `s`, in index order.
* `CacheDepth.topByScore s score`: the controller caching the top `s` positions by
  `score` of their own state.

## Main results

* `length_topPositions_le`: at most `s` positions are kept.
* `topByScore_isLocalityRespecting`.

The definitions are `noncomputable` because the npm (WebAssembly) Lean toolchain cannot
generate code for calls into other modules; `pybridge/model/controllers.py` is their
executable mirror.
-/

@[expose] public section

namespace CacheDepth

/-- Counting under implication: if `P` implies `Q` on `l`, then `Q` keeps at least as many
entries of `l` as `P`. -/
theorem length_filter_le_of_imp {α : Type} (P Q : α → Bool) (l : List α)
    (h : ∀ x ∈ l, P x = true → Q x = true) : (l.filter P).length ≤ (l.filter Q).length := by
  induction l with
  | nil => simp
  | cons b t ih =>
    have ih' := ih (fun x hx => h x (List.mem_cons_of_mem b hx))
    have hb := h b (List.mem_cons_self ..)
    cases hPb : P b <;> cases hQb : Q b <;> simp [hPb, hQb] at hb ⊢ <;> omega

/-- Strict counting under implication: if moreover some `a ∈ l` satisfies `Q` but not `P`,
then `Q` keeps strictly more entries. -/
theorem length_filter_lt_of_imp {α : Type} (P Q : α → Bool) (l : List α)
    (h : ∀ x ∈ l, P x = true → Q x = true) (a : α) (ha : a ∈ l) (hPa : P a = false)
    (hQa : Q a = true) : (l.filter P).length < (l.filter Q).length := by
  induction l with
  | nil => nomatch ha
  | cons b t ih =>
    have hle := length_filter_le_of_imp P Q t (fun x hx => h x (List.mem_cons_of_mem b hx))
    rcases List.mem_cons.mp ha with hab | hat
    · subst hab
      simp [hPa, hQa]
      omega
    · have ih' := ih (fun x hx => h x (List.mem_cons_of_mem b hx)) hat
      have hb := h b (List.mem_cons_self ..)
      cases hPb : P b <;> cases hQb : Q b <;> simp [hPb, hQb] at hb ⊢ <;> omega

/-- `List.finRange n` lists the positions in increasing order. -/
theorem pairwise_lt_finRange (n : Nat) : (List.finRange n).Pairwise (· < ·) := by
  rw [List.pairwise_iff_getElem]
  intro i j hi hj hij
  simp [Fin.lt_def, List.getElem_finRange, hij]

variable {n : Nat}

/-- `beats r j i`: position `j` ranks above position `i` under the scores `r`: a higher
score, or an equal score and a smaller index. This is a strict total order. -/
noncomputable def beats (r : Fin n → Nat) (j i : Fin n) : Bool :=
  decide (r i < r j) || (decide (r j = r i) && decide (j.val < i.val))

/-- No position ranks above itself. -/
theorem beats_self (r : Fin n → Nat) (i : Fin n) : beats r i i = false := by
  simp [beats]

/-- Ranking is transitive. -/
theorem beats_trans {r : Fin n → Nat} {a b c : Fin n} (hab : beats r a b = true)
    (hbc : beats r b c = true) : beats r a c = true := by
  simp only [beats, Bool.or_eq_true, Bool.and_eq_true, decide_eq_true_eq] at *
  omega

/-- Of two different positions, one ranks above the other. -/
theorem beats_total (r : Fin n → Nat) {a b : Fin n} (hab : a ≠ b) :
    beats r a b = true ∨ beats r b a = true := by
  have hv : a.val ≠ b.val := fun h => hab (Fin.ext h)
  simp only [beats, Bool.or_eq_true, Bool.and_eq_true, decide_eq_true_eq]
  omega

/-- The rank of `i`: the number of positions ranking above it (`0` for the best). -/
noncomputable def rankOf (r : Fin n → Nat) (i : Fin n) : Nat :=
  ((List.finRange n).filter fun j => beats r j i).length

/-- A position that ranks above another has a smaller rank. -/
theorem rankOf_lt_of_beats {r : Fin n → Nat} {i j : Fin n} (h : beats r j i = true) :
    rankOf r j < rankOf r i :=
  length_filter_lt_of_imp _ _ (List.finRange n) (fun _ _ hx => beats_trans hx h) j
    (List.mem_finRange j) (beats_self r j) h

/-- Different positions have different ranks. -/
theorem rankOf_injective {r : Fin n → Nat} {i j : Fin n} (h : rankOf r i = rankOf r j) :
    i = j := by
  apply Classical.byContradiction
  intro hij
  rcases beats_total r hij with hb | hb
  · have := rankOf_lt_of_beats hb
    omega
  · have := rankOf_lt_of_beats hb
    omega

/-- The top `s` positions under the scores `r`: those of rank below `s`, in index order. -/
noncomputable def topPositions (s : Nat) (r : Fin n → Nat) : List (Fin n) :=
  (List.finRange n).filter fun i => decide (rankOf r i < s)

/-- A position is among the top `s` iff its rank is below `s`. -/
theorem mem_topPositions {s : Nat} {r : Fin n → Nat} {i : Fin n} :
    i ∈ topPositions s r ↔ rankOf r i < s := by
  simp [topPositions, List.mem_filter, List.mem_finRange]

/-- At most `s` positions are among the top `s`. -/
theorem length_topPositions_le (s : Nat) (r : Fin n → Nat) : (topPositions s r).length ≤ s := by
  have hnodup : (topPositions s r).Nodup :=
    List.Pairwise.sublist (List.filter_sublist ..) (nodup_finRange n)
  have hmap : ((topPositions s r).map (rankOf r)).Nodup := by
    rw [List.Nodup, List.pairwise_map]
    exact List.Pairwise.imp (fun hne heq => hne (rankOf_injective heq)) hnodup
  have hlt : ∀ a ∈ (topPositions s r).map (rankOf r), a < s := by
    intro a ha
    rw [List.mem_map] at ha
    obtain ⟨i, hi, rfl⟩ := ha
    exact mem_topPositions.mp hi
  have := length_le_of_nodup_of_lt s _ hmap hlt
  rw [List.length_map] at this
  exact this

/-- Changing the score of `j` alone does not change how two other positions compare. -/
theorem beats_congr {r r' : Fin n → Nat} {j x i : Fin n} (h : ∀ y, y ≠ j → r y = r' y)
    (hx : x ≠ j) (hi : i ≠ j) : beats r x i = beats r' x i := by
  unfold beats
  rw [h x hx, h i hi]

/-- If `i` is in the top `s` under `r` and `j` is outside the top `s` under `r'` (which
agrees with `r` off `j`), then `j` does not rank above `i` under `r'`. -/
theorem beats_eq_false_of_rank {s : Nat} {r r' : Fin n → Nat} {i j : Fin n}
    (h : ∀ y, y ≠ j → r y = r' y) (hi : i ≠ j) (hri : rankOf r i < s)
    (hrj : s ≤ rankOf r' j) : beats r' j i = false := by
  cases hb : beats r' j i
  · rfl
  · have hle : rankOf r' j ≤ rankOf r i := by
      unfold rankOf
      apply length_filter_le_of_imp
      intro x _ hx
      have hx : beats r' x j = true := hx
      have hxj : x ≠ j := fun e => by subst e; rw [beats_self] at hx; exact absurd hx (by decide)
      rw [beats_congr h hxj hi]
      exact beats_trans hx hb
    omega

/-- If `i ≠ j` is in the top `s` under `r`, and `j` is outside the top `s` under both `r`
and `r'` (which agree off `j`), then `i` has the same rank under `r'`. -/
theorem rankOf_eq_of_outside {s : Nat} {r r' : Fin n → Nat} {i j : Fin n}
    (h : ∀ y, y ≠ j → r y = r' y) (hi : i ≠ j) (hri : rankOf r i < s)
    (hrj : s ≤ rankOf r j) (hrj' : s ≤ rankOf r' j) : rankOf r' i = rankOf r i := by
  unfold rankOf
  apply congrArg List.length
  apply List.filter_congr
  intro x _
  by_cases hx : x = j
  · subst hx
    rw [beats_eq_false_of_rank h hi hri hrj', beats_eq_false_of_rank (fun _ _ => rfl) hi hri hrj]
  · exact (beats_congr h hx hi).symm

/-- Top-`s` selection is locality-respecting in the scores: if the scores `r` and `r'`
differ only at `j`, and `j` is in the top `s` under neither, the top `s` are the same. -/
theorem topPositions_eq_of_outside {s : Nat} {r r' : Fin n → Nat} {j : Fin n}
    (h : ∀ y, y ≠ j → r y = r' y) (hj : j ∉ topPositions s r) (hj' : j ∉ topPositions s r') :
    topPositions s r = topPositions s r' := by
  have hrj : s ≤ rankOf r j := Nat.le_of_not_lt fun hlt => hj (mem_topPositions.mpr hlt)
  have hrj' : s ≤ rankOf r' j := Nat.le_of_not_lt fun hlt => hj' (mem_topPositions.mpr hlt)
  have h' : ∀ y, y ≠ j → r' y = r y := fun y hy => (h y hy).symm
  unfold topPositions
  apply List.filter_congr
  intro i _
  by_cases hi : i = j
  · subst hi
    rw [decide_eq_false (Nat.not_lt.mpr hrj), decide_eq_false (Nat.not_lt.mpr hrj')]
  · by_cases hri : rankOf r i < s
    · rw [rankOf_eq_of_outside h hi hri hrj hrj']
    · by_cases hri' : rankOf r' i < s
      · rw [rankOf_eq_of_outside h' hi hri' hrj' hrj]
      · simp [hri, hri']

variable {σ : Type}

/-- SnapKV-like compression: cache the `s` positions whose own state has the highest
`score`, ties broken by the smaller index. The score of a position depends only on that
position's state; this is what makes the rule locality-respecting. -/
noncomputable def topByScore (s : Nat) (score : σ → Nat) : Controller n σ :=
  fun _ v => topPositions s fun i => score (v i)

/-- Top-`s` by score never caches more than `s` positions. -/
theorem length_topByScore_le (s : Nat) (score : σ → Nat) (ℓ : Nat) (v : Fin n → σ) :
    (topByScore s score ℓ v).length ≤ s :=
  length_topPositions_le s _

/-- Top-`s` by a per-position score is locality-respecting. -/
theorem topByScore_isLocalityRespecting (s : Nat) (score : σ → Nat) :
    (topByScore (n := n) s score).IsLocalityRespecting := by
  intro ℓ v w j hvw hj hj'
  exact topPositions_eq_of_outside (fun y hy => congrArg score (hvw y hy)) hj hj'

end CacheDepth
