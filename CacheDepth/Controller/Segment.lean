module

public import CacheDepth.Controller.Locality

/-!
# The segment controller: cache the chain segment that starts at the marked position

A controller may read every state, but a locality-respecting one may depend on a position
outside its cache only through that position entering the cache. The segment controller
reads the pointers of the positions it caches and nothing else: it finds the first position
whose state is marked, `y`, and caches `y, p y, p (p y), …`, `s` entries in all, where
`p i` is the pointer stored in the state of `i`. Every pointer it follows belongs to an entry
it caches, so it is locality-respecting (`segmentController_isLocalityRespecting`), although
it is neither oblivious nor a top-`s` rule by a per-position score.

This controller lets a Cache-Transformer cache `s` chain tokens at once, as soon as the
first of them is marked; `UpperBound/WindowedMarking.lean` builds on it. It is our
construction's controller, not a KV-compression method from practice.

## Main statements

* `hop_congr_of_agree`: two pointer maps that agree along the first `t` hops from `y` reach
  the same token in `t` hops.
* `find?_eq_of_agree`: two predicates that agree except at `j`, and whose `find?` are not
  `j`, find the same element.
* `segment`, `segmentController`, `length_segment_le`.
* `segmentController_isLocalityRespecting`.
-/

@[expose] public section

namespace CacheDepth

variable {n : Nat}

/-- Two pointer maps that agree at the first `t` tokens of the chain of `p` from `y` reach the
same token in `t` hops. -/
theorem hop_congr_of_agree {p q : PointerMap n} {y : Fin n} :
    ∀ t, (∀ t', t' < t → p (hop p t' y) = q (hop p t' y)) → hop p t y = hop q t y
  | 0, _ => rfl
  | t + 1, h => by
    rw [hop_succ', hop_succ', ← hop_congr_of_agree t (fun t' ht' => h t' (by omega))]
    exact h t (by omega)

/-- Two predicates that agree everywhere except at `j` find the same element of a list, when
neither finds `j`. -/
theorem find?_eq_of_agree {α : Type} {P Q : α → Bool} {j : α} (hPQ : ∀ i, i ≠ j → P i = Q i) :
    ∀ (l : List α), l.find? P ≠ some j → l.find? Q ≠ some j → l.find? P = l.find? Q
  | [], _, _ => rfl
  | b :: l, hP, hQ => by
    by_cases hb : b = j
    · subst hb
      have hPb : P b = false := by
        cases h : P b
        · rfl
        · exact absurd (by simp [h]) hP
      have hQb : Q b = false := by
        cases h : Q b
        · rfl
        · exact absurd (by simp [h]) hQ
      simp only [List.find?_cons, hPb, hQb] at hP hQ ⊢
      exact find?_eq_of_agree hPQ l hP hQ
    · rw [List.find?_cons, List.find?_cons, hPQ b hb]
      cases hQb : Q b
      · simp only [List.find?_cons, hPQ b hb, hQb] at hP hQ
        exact find?_eq_of_agree hPQ l hP hQ
      · rfl

variable {σ : Type}

/-- The first position, in index order, whose state is marked. -/
noncomputable def firstMarked (mark : σ → Bool) (v : Fin n → σ) : Option (Fin n) :=
  (List.finRange n).find? fun i => mark (v i)

/-- The `s` tokens `y, p y, …, p^[s-1] y` from the first marked position `y`, where `p i` is
the pointer stored in the state of `i`; empty when no position is marked. A chain that
closes a cycle within `s` hops lists some tokens twice. -/
noncomputable def segment (s : Nat) (mark : σ → Bool) (ptr : σ → Fin n) (v : Fin n → σ) :
    List (Fin n) :=
  match firstMarked mark v with
  | none => []
  | some y => (List.range s).map fun t => hop (fun i => ptr (v i)) t y

/-- The segment controller: at every layer, the segment of `s` tokens from the first marked
position. -/
noncomputable def segmentController (s : Nat) (mark : σ → Bool) (ptr : σ → Fin n) :
    Controller n σ :=
  fun _ v => segment s mark ptr v

/-- A segment has at most `s` entries. -/
theorem length_segment_le (s : Nat) (mark : σ → Bool) (ptr : σ → Fin n) (v : Fin n → σ) :
    (segment s mark ptr v).length ≤ s := by
  unfold segment
  cases firstMarked mark v with
  | none => exact Nat.zero_le s
  | some y => simp

/-- With a marked position `y`, the `t`-th entry of the segment, `t < s`, is cached. -/
theorem hop_mem_segment {s : Nat} {mark : σ → Bool} {ptr : σ → Fin n} {v : Fin n → σ}
    {y : Fin n} (hy : firstMarked mark v = some y) {t : Nat} (ht : t < s) :
    hop (fun i => ptr (v i)) t y ∈ segment s mark ptr v := by
  unfold segment
  rw [hy]
  exact List.mem_map.mpr ⟨t, List.mem_range.mpr ht, rfl⟩

/-- **The segment controller is locality-respecting.** If `v` and `w` differ only at `j`, and
`j` is in neither segment, the first marked positions agree (else one of them would be `j`,
which heads its own segment), and the pointers followed from it agree (they belong to
entries of the segment of `v`, which are not `j`). -/
theorem segmentController_isLocalityRespecting (s : Nat) (mark : σ → Bool) (ptr : σ → Fin n) :
    (segmentController s mark ptr).IsLocalityRespecting := by
  intro ℓ v w j hvw hj hj'
  show segment s mark ptr v = segment s mark ptr w
  cases s with
  | zero =>
    have h0 : ∀ u : Fin n → σ, segment 0 mark ptr u = [] := by
      intro u
      unfold segment
      cases firstMarked mark u <;> simp
    rw [h0, h0]
  | succ s =>
    have hne : ∀ (u : Fin n → σ), j ∉ segment (s + 1) mark ptr u → firstMarked mark u ≠ some j :=
      fun u hu hu' => hu (hop_mem_segment (s := s + 1) (ptr := ptr) hu' (Nat.succ_pos s))
    have hhead : firstMarked mark v = firstMarked mark w :=
      find?_eq_of_agree (P := fun i => mark (v i)) (Q := fun i => mark (w i)) (j := j)
        (fun i hi => congrArg mark (hvw i hi)) (List.finRange n) (hne v hj) (hne w hj')
    unfold segment
    rw [← hhead]
    cases hy : firstMarked mark v with
    | none => rfl
    | some y =>
      simp only
      apply List.map_congr_left
      intro t ht
      apply hop_congr_of_agree
      intro t' ht'
      have hmem := hop_mem_segment (ptr := ptr) hy
        (Nat.lt_trans ht' (List.mem_range.mp ht))
      have hne' : hop (fun i => ptr (v i)) t' y ≠ j := by
        intro h
        rw [h] at hmem
        exact hj hmem
      show ptr (v _) = ptr (w _)
      rw [hvw _ hne']

end CacheDepth
