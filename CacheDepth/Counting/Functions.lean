module

public import CacheDepth.Bounds.Arith

/-!
# Counting with lists: all functions between finite types, and covering lists

Lean core has no finite-type cardinalities, so counting arguments here go through explicit
lists. `allFunctions b a` lists every function `Fin a → Fin b`, and it has `b ^ a` entries;
`length_le_of_forall_mem` says that a list mentioning every element of `Fin n` has at least
`n` entries. Together they give the pigeonhole steps of the lower bounds: if every answer
`y : Fin n` is the image of some entry of a list of length `N`, then `n ≤ N`.

## Main statements

* `CacheDepth.allFunctions`, `mem_allFunctions`, `length_allFunctions`.
* `CacheDepth.length_le_of_nodup_subset`: a duplicate-free list is no longer than any list
  containing all its entries.
* `CacheDepth.length_le_of_forall_mem`: a list of `Fin n` containing every element has
  length at least `n`.
* `CacheDepth.nodup_finRange`: `List.finRange n` has no duplicates.
-/

@[expose] public section

namespace CacheDepth

/-- Every function `Fin a → Fin b`, listed; the value at `0` varies fastest.
(`noncomputable` only because the npm Lean toolchain cannot generate code for calls into
other modules.) -/
noncomputable def allFunctions (b : Nat) : (a : Nat) → List (Fin a → Fin b)
  | 0 => [fun i => i.elim0]
  | a + 1 => (allFunctions b a).flatMap fun g =>
      (List.finRange b).map fun c => fun i => Fin.cases (motive := fun _ => Fin b) c g i

/-- Every function `Fin a → Fin b` occurs in `allFunctions b a`. -/
theorem mem_allFunctions (b : Nat) : ∀ (a : Nat) (μ : Fin a → Fin b), μ ∈ allFunctions b a
  | 0, μ => by
    simp only [allFunctions, List.mem_singleton]
    funext i
    exact i.elim0
  | a + 1, μ => by
    simp only [allFunctions, List.mem_flatMap, List.mem_map, List.mem_finRange, true_and]
    refine ⟨fun i => μ i.succ, mem_allFunctions b a _, μ 0, ?_⟩
    funext i
    cases i using Fin.cases <;> simp

/-- A `flatMap` whose pieces all have length `c` has length `l.length * c`. -/
theorem length_flatMap_of_length_eq {α β : Type} (g : α → List β) (c : Nat) :
    ∀ (l : List α), (∀ a ∈ l, (g a).length = c) → (l.flatMap g).length = l.length * c
  | [], _ => by simp
  | a :: t, h => by
    rw [List.flatMap_cons, List.length_append, h a (List.mem_cons_self ..),
      length_flatMap_of_length_eq g c t (fun x hx => h x (List.mem_cons_of_mem a hx)),
      List.length_cons, Nat.add_mul, Nat.one_mul, Nat.add_comm]

/-- There are `b ^ a` functions `Fin a → Fin b`. -/
theorem length_allFunctions (b : Nat) : ∀ (a : Nat), (allFunctions b a).length = b ^ a
  | 0 => rfl
  | a + 1 => by
    rw [allFunctions, length_flatMap_of_length_eq _ b, length_allFunctions b a, Nat.pow_succ]
    intro g _
    simp

/-- A duplicate-free list is no longer than any list that contains all its entries. -/
theorem length_le_of_nodup_subset {α : Type} [DecidableEq α] :
    ∀ (l l' : List α), l.Nodup → (∀ x ∈ l, x ∈ l') → l.length ≤ l'.length
  | [], _, _, _ => Nat.zero_le _
  | a :: t, l', hnd, hsub => by
    have ha : a ∈ l' := hsub a (List.mem_cons_self ..)
    have hnd' := List.nodup_cons.mp hnd
    have ih := length_le_of_nodup_subset t (l'.erase a) hnd'.2 (fun x hx => by
      have hxa : x ≠ a := fun hxa => hnd'.1 (hxa ▸ hx)
      exact (List.mem_erase_of_ne hxa).mpr (hsub x (List.mem_cons_of_mem a hx)))
    rw [List.length_erase_of_mem ha] at ih
    have := List.length_pos_of_mem ha
    rw [List.length_cons]
    omega

/-- `List.finRange n` lists every element of `Fin n` exactly once. -/
theorem nodup_finRange : ∀ n : Nat, (List.finRange n).Nodup
  | 0 => by
    rw [List.finRange_zero]
    exact List.Pairwise.nil
  | n + 1 => by
    rw [List.finRange_succ]
    refine List.nodup_cons.mpr ⟨?_, ?_⟩
    · intro h
      obtain ⟨i, _, hi⟩ := List.mem_map.mp h
      exact Fin.succ_ne_zero i hi
    · exact List.Pairwise.map Fin.succ (fun _ _ hab e => hab (Fin.succ_inj.mp e))
        (nodup_finRange n)

/-- A list of elements of `Fin n` that contains every element has at least `n` entries. -/
theorem length_le_of_forall_mem {n : Nat} (l : List (Fin n)) (h : ∀ y : Fin n, y ∈ l) :
    n ≤ l.length := by
  have := length_le_of_nodup_subset (List.range n) (l.map Fin.val) (List.nodup_range ..)
    (fun a ha => List.mem_map.mpr ⟨⟨a, List.mem_range.mp ha⟩, h _, rfl⟩)
  rw [List.length_range, List.length_map] at this
  exact this

end CacheDepth
