module

public import CacheDepth.PointerChasing.Hop

/-!
# Pointer chains and simple chains

The chain of an instance `(f, x)` with `k` hops is the list of tokens
`x, f x, …, f^[k] x`. Lower bounds use chains that never revisit a token
(*simple chains*): such a chain has `k + 1` distinct tokens, so it needs `n ≥ k + 1`.

## Main definitions

* `CacheDepth.chain f x k`: the list `[hop f 0 x, …, hop f k x]`.
* `CacheDepth.IsSimpleChain f x k`: the first `k` hops from `x` never revisit a token.

## Main results

* `mem_chain`: the tokens of the chain are exactly the `hop f i x` with `i ≤ k`.
* `IsSimpleChain.nodup`: a simple chain, as a list, has no duplicates, and
  `IsSimpleChain.succ_le`: it fits only if `k + 1 ≤ n`.
* `exists_revisit_of_le`: with `k ≥ n` every walk revisits a token (pigeonhole).
-/

@[expose] public section

namespace CacheDepth

/-- Pigeonhole for lists of natural numbers: a list without duplicates whose entries are
all below `m` has length at most `m`. -/
theorem length_le_of_nodup_of_lt : ∀ (m : Nat) (l : List Nat), l.Nodup →
    (∀ a ∈ l, a < m) → l.length ≤ m
  | 0, [], _, _ => Nat.le_refl 0
  | 0, a :: _, _, h => absurd (h a (List.mem_cons_self ..)) (Nat.not_lt_zero a)
  | m + 1, l, hnd, h => by
    by_cases hm : m ∈ l
    · have hlen := List.length_erase_of_mem hm
      have hnd' : (l.erase m).Nodup := List.Pairwise.sublist (List.erase_sublist ..) hnd
      have hlt : ∀ a ∈ l.erase m, a < m := by
        intro a ha
        rw [List.Nodup.mem_erase_iff hnd] at ha
        obtain ⟨hne, hmem⟩ := ha
        have := h a hmem
        omega
      have := length_le_of_nodup_of_lt m (l.erase m) hnd' hlt
      omega
    · have hlt : ∀ a ∈ l, a < m := by
        intro a ha
        have := h a ha
        have hne : a ≠ m := fun he => hm (he ▸ ha)
        omega
      have := length_le_of_nodup_of_lt m l hnd hlt
      omega

/-- Pigeonhole for tokens: a list of tokens of `Fin n` without duplicates has length at
most `n`. -/
theorem length_le_of_nodup_fin {n : Nat} (l : List (Fin n)) (h : l.Nodup) : l.length ≤ n := by
  have hmap : (l.map Fin.val).Nodup := by
    rw [List.Nodup, List.pairwise_map]
    exact List.Pairwise.imp (fun hne heq => hne (Fin.ext heq)) h
  have hlt : ∀ a ∈ l.map Fin.val, a < n := by
    intro a ha
    rw [List.mem_map] at ha
    obtain ⟨b, _, rfl⟩ := ha
    exact b.isLt
  have := length_le_of_nodup_of_lt n (l.map Fin.val) hmap hlt
  rw [List.length_map] at this
  exact this

variable {n : Nat} (f : PointerMap n)

/-- The chain `[hop f 0 x, hop f 1 x, …, hop f k x]` of `k` hops from `x`.

It is marked `noncomputable` only because the npm (WebAssembly) Lean toolchain cannot
generate code that calls `hop` from another module; the library never evaluates it. -/
noncomputable def chain (x : Fin n) : Nat → List (Fin n)
  | 0 => [x]
  | k + 1 => chain x k ++ [hop f (k + 1) x]

/-- The chain of `k + 1` hops extends the chain of `k` hops by the next token. -/
theorem chain_succ (x : Fin n) (k : Nat) : chain f x (k + 1) = chain f x k ++ [hop f (k + 1) x] :=
  rfl

/-- The chain of `k` hops lists `k + 1` tokens, repetitions included. -/
theorem length_chain (x : Fin n) (k : Nat) : (chain f x k).length = k + 1 := by
  induction k with
  | zero => rfl
  | succ k ih => rw [chain_succ, List.length_append, ih, List.length_singleton]

/-- A token is on the chain of `k` hops iff it is reached after at most `k` hops. -/
theorem mem_chain {x y : Fin n} {k : Nat} : y ∈ chain f x k ↔ ∃ i, i ≤ k ∧ hop f i x = y := by
  induction k with
  | zero =>
    simp only [chain, List.mem_singleton]
    constructor
    · intro h
      subst h
      exact ⟨0, Nat.le_refl 0, rfl⟩
    · rintro ⟨i, hi, rfl⟩
      have : i = 0 := by omega
      subst this
      rfl
  | succ k ih =>
    rw [chain_succ, List.mem_append, List.mem_singleton, ih]
    constructor
    · rintro (⟨i, hi, rfl⟩ | rfl)
      · exact ⟨i, by omega, rfl⟩
      · exact ⟨k + 1, Nat.le_refl _, rfl⟩
    · rintro ⟨i, hi, rfl⟩
      by_cases hik : i ≤ k
      · exact Or.inl ⟨i, hik, rfl⟩
      · have : i = k + 1 := by omega
        subst this
        exact Or.inr rfl

/-- The answer `hop f k x` is the last token of the chain. -/
theorem answer_mem_chain (x : Fin n) (k : Nat) : hop f k x ∈ chain f x k :=
  (mem_chain f).mpr ⟨k, Nat.le_refl k, rfl⟩

/-- The first `k` hops from `x` never revisit a token: the map `i ↦ hop f i x` is injective
on `0, …, k`. Lower-bound arguments use such chains, because every token on them is a
different position that must be read. -/
def IsSimpleChain (x : Fin n) (k : Nat) : Prop :=
  ∀ i j, i ≤ k → j ≤ k → hop f i x = hop f j x → i = j

/-- A prefix of a simple chain is simple. -/
theorem IsSimpleChain.mono {x : Fin n} {j k : Nat} (h : IsSimpleChain f x k) (hjk : j ≤ k) :
    IsSimpleChain f x j :=
  fun a b ha hb hab => h a b (Nat.le_trans ha hjk) (Nat.le_trans hb hjk) hab

/-- On a simple chain the answer differs from every earlier token. -/
theorem IsSimpleChain.answer_ne {x : Fin n} {i k : Nat} (h : IsSimpleChain f x k) (hi : i < k) :
    hop f i x ≠ hop f k x :=
  fun heq => Nat.ne_of_lt hi (h i k (Nat.le_of_lt hi) (Nat.le_refl k) heq)

/-- A simple chain, as a list, has no duplicates. -/
theorem IsSimpleChain.nodup {x : Fin n} {k : Nat} (h : IsSimpleChain f x k) :
    (chain f x k).Nodup := by
  induction k with
  | zero => exact List.pairwise_singleton _ _
  | succ k ih =>
    rw [chain_succ, List.Nodup, List.pairwise_append]
    refine ⟨ih (h.mono f (Nat.le_succ k)), List.pairwise_singleton _ _, ?_⟩
    intro a ha b hb hab
    rw [mem_chain] at ha
    obtain ⟨i, hi, rfl⟩ := ha
    rw [List.mem_singleton] at hb
    subst hb
    have := h i (k + 1) (by omega) (Nat.le_refl _) hab
    omega

/-- A simple chain of `k` hops consists of `k + 1` distinct tokens. -/
theorem IsSimpleChain.distinct_tokens {x : Fin n} {k : Nat} (h : IsSimpleChain f x k) :
    (chain f x k).Nodup ∧ (chain f x k).length = k + 1 :=
  ⟨h.nodup f, length_chain f x k⟩

/-- A simple chain of `k` hops needs at least `k + 1` tokens. -/
theorem IsSimpleChain.succ_le {x : Fin n} {k : Nat} (h : IsSimpleChain f x k) : k + 1 ≤ n := by
  have := length_le_of_nodup_fin (chain f x k) (h.nodup f)
  rw [length_chain] at this
  exact this

/-- With `k ≥ n` no chain of `k` hops is simple. -/
theorem not_isSimpleChain_of_le {x : Fin n} {k : Nat} (hk : n ≤ k) : ¬ IsSimpleChain f x k :=
  fun h => by have := h.succ_le f; omega

/-- Pigeonhole for walks: with `k ≥ n` hops, some token is visited twice among the first
`k` hops. -/
theorem exists_revisit_of_le {x : Fin n} {k : Nat} (hk : n ≤ k) :
    ∃ i j, i < j ∧ j ≤ k ∧ hop f i x = hop f j x := by
  apply Classical.byContradiction
  intro hne
  apply not_isSimpleChain_of_le f hk
  intro i j hi hj heq
  rcases Nat.lt_trichotomy i j with hlt | hij | hgt
  · exact (hne ⟨i, j, hlt, hj, heq⟩).elim
  · exact hij
  · exact (hne ⟨j, i, hgt, hi, heq.symm⟩).elim

end CacheDepth
