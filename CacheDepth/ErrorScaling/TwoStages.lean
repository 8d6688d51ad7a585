module

public import CacheDepth.ErrorScaling.Oblivious
public import CacheDepth.Conjecture

/-!
# Oblivious caches over two stages (claim C6 for `T = 2`)

Two fixed caches `C₁`, `C₂` of at most `s` tokens, start token `0`. The event is
`f 0 ∈ C₁ ∧ f (f 0) ∈ C₂`. If `f 0 = 0` the chain stays at `0`: at most `n^(n-1)` maps.
Otherwise `f 0 = c` for some `c ∈ C₁` other than `0`, and then `f c ∈ C₂`: for each such
`c` at most `s · n^(n-2)` maps. So `Pr[E] ≤ 1/n + s²/n²`, which is below
`(s/(n−2))² + 16/n`.

The count runs over the list `allMaps n`, whose maps are `f = (c, g)` with `c = f 0` and
`g` the values at `1, …, n-1`; sums over `g` and over `c` are exchanged by
`sum_length_filter_comm`.

## Main statements

* `count_coord_mem`: maps with `f j ∈ C`, for any coordinate `j`.
* `obliviousSuccess_two_stages_le`: `count · n² ≤ n^n · (n + s²)`.
* `obliviousBound_two_stages`: the bound of claim C6 for `T = 2`.
-/

@[expose] public section

namespace CacheDepth

/-- The sum of `a + b` over a list is the sum of `a` plus the sum of `b`. -/
theorem sum_map_add {α : Type} (G : List α) (a b : α → Nat) :
    (G.map fun g => a g + b g).sum = (G.map a).sum + (G.map b).sum := by
  induction G with
  | nil => simp
  | cons g G ih =>
    simp only [List.map_cons, List.sum_cons, ih]
    omega

/-- Summing the indicator of `P` counts the entries that satisfy `P`. -/
theorem sum_map_indicator {α : Type} (G : List α) (P : α → Bool) :
    (G.map fun g => if P g = true then 1 else 0).sum = (G.filter P).length := by
  induction G with
  | nil => simp
  | cons g G ih =>
    cases h : P g
    · simp [h, ih]
    · simp [h, ih] <;> omega

/-- Counting pairs two ways: `Σ_g |{j : P g j}| = Σ_j |{g : P g j}|`. -/
theorem sum_length_filter_comm {α β : Type} (G : List α) (J : List β) (P : α → β → Bool) :
    (G.map fun g => (J.filter fun j => P g j).length).sum =
      (J.map fun j => (G.filter fun g => P g j).length).sum := by
  induction J with
  | nil =>
    simp only [List.filter_nil, List.length_nil, List.map_nil, List.sum_nil]
    induction G with
    | nil => rfl
    | cons g G ih => simp [ih]
  | cons j J ih =>
    have e : ∀ g, ((j :: J).filter fun j' => P g j').length =
        (if P g j = true then 1 else 0) + (J.filter fun j' => P g j').length := by
      intro g
      cases h : P g j
      · simp [h]
      · simp [h] <;> omega
    simp only [e]
    rw [sum_map_add, sum_map_indicator G (fun g => P g j), ih, List.map_cons, List.sum_cons]

/-- The entries of a `flatMap` that satisfy `Q`, counted piece by piece. -/
theorem length_filter_flatMap_sum {α γ : Type} (G : List α) (F : α → List γ) (Q : γ → Bool) :
    ((G.flatMap F).filter Q).length = (G.map fun g => ((F g).filter Q).length).sum := by
  induction G with
  | nil => simp
  | cons g G ih =>
    rw [List.flatMap_cons, List.filter_append, List.length_append, ih, List.map_cons,
      List.sum_cons]

/-- Counting a `flatMap` of maps by a property of the outer entry only: if `Q (F g c) = P g`,
the entries satisfying `Q` number `m.length` times the outer entries satisfying `P`. -/
theorem length_filter_flatMap_map_outer {α β γ : Type} (F : α → β → γ) (Q : γ → Bool)
    (P : α → Bool) (m : List β) (hQ : ∀ g c, Q (F g c) = P g) (l : List α) :
    ((l.flatMap fun g => m.map (F g)).filter Q).length = m.length * (l.filter P).length := by
  rw [length_filter_flatMap_sum]
  have e : ∀ g, ((m.map (F g)).filter Q).length = m.length * (if P g = true then 1 else 0) := by
    intro g
    rw [List.filter_map, List.length_map]
    by_cases h : P g = true
    · rw [List.filter_congr (p := Q ∘ F g) (q := fun _ => true)
        (fun c _ => by simp [Function.comp, hQ, h])]
      simp [h]
    · rw [List.filter_congr (p := Q ∘ F g) (q := fun _ => false)
        (fun c _ => by simp [Function.comp, hQ, h])]
      simp [h]
  simp only [e]
  rw [← sum_map_indicator l P]
  induction l with
  | nil => simp
  | cons g l ih =>
    simp only [List.map_cons, List.sum_cons, ih, Nat.mul_add]

/-- Among the functions `Fin a → Fin b`, those whose value at `j` satisfies `P` number
`b^a / b` times the values that satisfy `P`, stated without division. -/
theorem count_coord (b : Nat) (P : Fin b → Bool) :
    ∀ (a : Nat) (j : Fin a), ((allFunctions b a).filter fun g => P (g j)).length * b =
      b ^ a * ((List.finRange b).filter P).length
  | 0, j => j.elim0
  | a + 1, j => by
    cases j using Fin.cases with
    | zero =>
      rw [length_filter_head a b P, Nat.pow_succ]
      simp only [Nat.mul_comm, Nat.mul_assoc]
    | succ j =>
      have h := length_filter_flatMap_map_outer
        (fun (g : Fin a → Fin b) (c : Fin b) =>
          fun i => Fin.cases (motive := fun _ => Fin b) c g i)
        (fun f : Fin (a + 1) → Fin b => P (f j.succ)) (fun g => P (g j)) (List.finRange b)
        (fun g c => by simp) (allFunctions b a)
      rw [List.length_finRange] at h
      have ih := count_coord b P a j
      rw [allFunctions, h, Nat.pow_succ]
      rw [Nat.mul_comm b, Nat.mul_assoc, Nat.mul_comm b, ← Nat.mul_assoc, ih]
      simp only [Nat.mul_comm, Nat.mul_assoc]

/-- A sum of terms bounded pointwise is bounded by the sum of the bounds. -/
theorem sum_map_le {α : Type} {G : List α} {a b : α → Nat} (h : ∀ g ∈ G, a g ≤ b g) :
    (G.map a).sum ≤ (G.map b).sum := by
  induction G with
  | nil => simp
  | cons g G ih =>
    simp only [List.map_cons, List.sum_cons]
    have h1 := h g (List.mem_cons_self ..)
    have h2 := ih (fun x hx => h x (List.mem_cons_of_mem g hx))
    omega

/-- A constant term `K` where `P` holds sums to `K` times the entries satisfying `P`. -/
theorem sum_map_ite_const {α : Type} (G : List α) (P : α → Bool) (K : Nat) :
    (G.map fun g => if P g = true then K else 0).sum = (G.filter P).length * K := by
  induction G with
  | nil => simp
  | cons g G ih =>
    cases h : P g
    · simp [h, ih]
    · simp [h, ih, Nat.add_mul] <;> omega

/-- Multiplying every term by `K` multiplies the sum by `K`. -/
theorem sum_map_mul_right {α : Type} (G : List α) (a : α → Nat) (K : Nat) :
    (G.map fun g => a g * K).sum = (G.map a).sum * K := by
  induction G with
  | nil => simp
  | cons g G ih => simp only [List.map_cons, List.sum_cons, ih, Nat.add_mul]

/-- Summing `1` over a list gives its length. -/
theorem sum_map_one {α : Type} (G : List α) : (G.map fun _ => (1 : Nat)).sum = G.length := by
  induction G with
  | nil => rfl
  | cons g G ih =>
    simp only [List.map_cons, List.sum_cons, ih, List.length_cons]
    omega

/-- At most one value of `Fin n` equals `0`. -/
theorem length_filter_eq_zero_le {a : Nat} :
    ((List.finRange (a + 1)).filter fun c => decide (c = 0)).length ≤ 1 := by
  have := length_le_of_nodup_subset ((List.finRange (a + 1)).filter fun c => decide (c = 0))
    [0] (List.Pairwise.sublist (List.filter_sublist ..) (nodup_finRange (a + 1)))
    (fun c hc => by simpa using (List.mem_filter.mp hc).2)
  simpa using this

variable {n : Nat}

/-- Two oblivious stages succeed exactly when `f x ∈ C₁` and `f (f x) ∈ C₂`. -/
theorem obliviousSuccess_two_iff (sched : Nat → List (Fin n)) (x : Fin n) (f : PointerMap n) :
    obliviousSuccess sched x 2 f = true ↔ f x ∈ sched 1 ∧ f (f x) ∈ sched 2 := by
  unfold obliviousSuccess
  rw [List.all_eq_true]
  constructor
  · intro h
    exact ⟨of_decide_eq_true (h 0 (by simp)), of_decide_eq_true (h 1 (by simp))⟩
  · rintro ⟨h1, h2⟩ i hi
    have hi2 : i = 0 ∨ i = 1 := by
      simp only [List.mem_range] at hi
      omega
    rcases hi2 with rfl | rfl
    · exact decide_eq_true h1
    · exact decide_eq_true h2

/-- **Two stages, counted.** An oblivious schedule whose first two caches hold at most `s`
tokens succeeds in two stages on at most `n^(n-1) + s²·n^(n-2)` maps (start token `0`):
`count · n² ≤ n^n · (n + s²)`, that is `Pr[E] ≤ 1/n + s²/n²`. -/
theorem obliviousSuccess_two_stages_le (hn : 0 < n) (sched : Nat → List (Fin n)) {x : Fin n}
    (hx0 : x.val = 0) {s : Nat} (hs1 : (sched 1).length ≤ s) (hs2 : (sched 2).length ≤ s) :
    obliviousSuccessCount sched x 2 * (n * n) ≤ n ^ n * (n + s * s) := by
  obtain ⟨a, rfl⟩ : ∃ a, n = a + 1 := ⟨n - 1, by omega⟩
  have hx : x = 0 := Fin.ext (by simp [hx0])
  subst hx
  obtain ⟨G, hG⟩ : ∃ G, G = allFunctions (a + 1) a := ⟨_, rfl⟩
  let ext : (Fin a → Fin (a + 1)) → Fin (a + 1) → (Fin (a + 1) → Fin (a + 1)) :=
    fun g c i => Fin.cases (motive := fun _ => Fin (a + 1)) c g i
  let Q : Fin (a + 1) → (Fin a → Fin (a + 1)) → Bool :=
    fun c g => decide (c ∈ sched 1 ∧ c ≠ 0 ∧ ext g c c ∈ sched 2)
  have hspace : allMaps (a + 1) = G.flatMap fun g => (List.finRange (a + 1)).map (ext g) := by
    rw [hG]
    rfl
  -- per rest `g`: the first value `c` is `0`, or it is a nonzero entry of `C₁` with `f c ∈ C₂`
  have hper : ∀ g ∈ G, (((List.finRange (a + 1)).map (ext g)).filter
      (obliviousSuccess sched 0 2)).length ≤ 1 + ((List.finRange (a + 1)).filter fun c => Q c g).length := by
    intro g _
    rw [List.filter_map, List.length_map]
    have hsplit := length_filter_le_add (obliviousSuccess sched 0 2 ∘ ext g)
      (fun c => decide (c = 0)) (fun c => Q c g) (List.finRange (a + 1)) (by
        intro c _ hE
        have hE' := (obliviousSuccess_two_iff sched 0 (ext g c)).mp hE
        have h1 : c ∈ sched 1 := by simpa [ext] using hE'.1
        have h2 : ext g c c ∈ sched 2 := by simpa [ext] using hE'.2
        by_cases hc : c = 0
        · exact Or.inl (decide_eq_true hc)
        · exact Or.inr (decide_eq_true ⟨h1, hc, h2⟩))
    have h0 := length_filter_eq_zero_le (a := a)
    omega
  -- per first value `c`: the rests `g` with `Q c g`, times `n`, are at most `[c ∈ C₁]·n^(n-1)·s`
  have hcol : ∀ c ∈ List.finRange (a + 1), (G.filter fun g => Q c g).length * (a + 1) ≤
      (if decide (c ∈ sched 1) = true then (a + 1) ^ a * s else 0) := by
    intro c _
    cases c using Fin.cases with
    | zero =>
      have hnone : (G.filter fun g => Q 0 g).length = 0 := by
        have hle := length_filter_le_of_imp (fun g => Q 0 g) (fun _ => false) G
          (fun g _ hg => by simp [Q] at hg)
        have h0 : (G.filter fun _ => false).length = 0 := by simp
        omega
      rw [hnone, Nat.zero_mul]
      exact Nat.zero_le _
    | succ j =>
      by_cases hj : j.succ ∈ sched 1
      · have hle := length_filter_le_of_imp (fun g => Q j.succ g) (fun g => decide (g j ∈ sched 2)) G
          (fun g _ hg => by simpa [Q, ext] using (of_decide_eq_true hg).2.2)
        have hcount := count_coord (a + 1) (fun v => decide (v ∈ sched 2)) a j
        have hC2 := length_filter_mem_finRange_le (sched 2)
        simp only [hj, decide_true, if_true]
        calc (G.filter fun g => Q j.succ g).length * (a + 1)
            ≤ (G.filter fun g => decide (g j ∈ sched 2)).length * (a + 1) :=
              Nat.mul_le_mul_right _ hle
          _ = (a + 1) ^ a * ((List.finRange (a + 1)).filter fun v => decide (v ∈ sched 2)).length := by
              rw [hG]
              exact hcount
          _ ≤ (a + 1) ^ a * s := Nat.mul_le_mul_left _ (Nat.le_trans hC2 hs2)
      · have hnone : (G.filter fun g => Q j.succ g).length = 0 := by
          have hle := length_filter_le_of_imp (fun g => Q j.succ g) (fun _ => false) G
            (fun g _ hg => by simp [Q] at hg; exact absurd hg.1 hj)
          have h0 : (G.filter fun _ => false).length = 0 := by simp
          omega
        rw [hnone, Nat.zero_mul]
        exact Nat.zero_le _
  -- assemble: count ≤ |G| + Σ_c |{g : Q c g}|
  let Y := ((List.finRange (a + 1)).map fun c => (G.filter fun g => Q c g).length).sum
  have hX : obliviousSuccessCount sched 0 2 ≤ (a + 1) ^ a + Y := by
    unfold obliviousSuccessCount
    rw [hspace, length_filter_flatMap_sum]
    have hsum := sum_map_le hper
    rw [sum_map_add, sum_length_filter_comm] at hsum
    have hones : (G.map fun _ => (1 : Nat)).sum = (a + 1) ^ a := by
      rw [sum_map_one, hG, length_allFunctions]
    rw [hones] at hsum
    exact hsum
  have hY : Y * (a + 1) ≤ s * ((a + 1) ^ a * s) := by
    show ((List.finRange (a + 1)).map fun c => (G.filter fun g => Q c g).length).sum * (a + 1) ≤ _
    rw [← sum_map_mul_right]
    have h1 := sum_map_le hcol
    rw [sum_map_ite_const] at h1
    have hC1 := length_filter_mem_finRange_le (sched 1)
    exact Nat.le_trans h1 (Nat.mul_le_mul_right _ (Nat.le_trans hC1 hs1))
  rw [Nat.pow_succ]
  calc obliviousSuccessCount sched 0 2 * ((a + 1) * (a + 1))
      ≤ ((a + 1) ^ a + Y) * ((a + 1) * (a + 1)) := Nat.mul_le_mul_right _ hX
    _ = (a + 1) ^ a * ((a + 1) * (a + 1)) + Y * (a + 1) * (a + 1) := by
        rw [Nat.add_mul, Nat.mul_assoc Y]
    _ ≤ (a + 1) ^ a * ((a + 1) * (a + 1)) + s * ((a + 1) ^ a * s) * (a + 1) :=
        Nat.add_le_add_left (Nat.mul_le_mul_right _ hY) _
    _ = (a + 1) ^ a * (a + 1) * (a + 1 + s * s) := by
        simp only [Nat.mul_add, Nat.add_mul, Nat.mul_comm, Nat.mul_left_comm, Nat.mul_assoc] <;>
          omega

/-- **The bound of claim C6 for `T = 2`.** With `n ≥ 3` and the start token `0`, two
oblivious stages with caches of at most `s` tokens satisfy `Pr[E] ≤ (s/(n−2))² + 16/n`. -/
theorem obliviousBound_two_stages (hn : 3 ≤ n) (sched : Nat → List (Fin n)) {x : Fin n}
    (hx0 : x.val = 0) {s : Nat} (hs1 : (sched 1).length ≤ s) (hs2 : (sched 2).length ≤ s) :
    ObliviousBoundHolds (obliviousSuccessCount sched x 2) n s 2 := by
  have hc := obliviousSuccess_two_stages_le (by omega) sched hx0 hs1 hs2
  unfold ObliviousBoundHolds
  generalize obliviousSuccessCount sched x 2 = X at hc ⊢
  generalize n ^ n = N at hc ⊢
  obtain ⟨d, rfl⟩ : ∃ d, n = d + 2 := ⟨n - 2, by omega⟩
  simp only [Nat.add_sub_cancel, Nat.pow_succ, Nat.pow_zero, Nat.one_mul]
  apply Nat.le_of_mul_le_mul_right (c := d + 2) ?_ (by omega)
  have hD : d * d ≤ (d + 2) * (d + 2) := Nat.mul_le_mul (by omega) (by omega)
  calc _ = (X * ((d + 2) * (d + 2))) * (d * d) := by
        simp only [Nat.mul_comm, Nat.mul_left_comm, Nat.mul_assoc]
    _ ≤ (N * (d + 2 + s * s)) * (d * d) := Nat.mul_le_mul_right _ hc
    _ = N * (d + 2) * (d * d) + N * (s * s) * (d * d) := by rw [Nat.mul_add, Nat.add_mul]
    _ ≤ N * (d + 2) * (16 * (d * d)) + N * (s * s) * ((d + 2) * (d + 2)) :=
        Nat.add_le_add (Nat.mul_le_mul_left _ (by omega)) (Nat.mul_le_mul_left _ hD)
    _ = N * (s * s * (d + 2) + 16 * (d * d)) * (d + 2) := by
        simp only [Nat.mul_add, Nat.add_mul, Nat.mul_comm, Nat.mul_left_comm, Nat.mul_assoc] <;>
          omega

end CacheDepth
