module

public import CacheDepth.Counting.Functions
public import CacheDepth.Controller.TopScore

/-!
# The probability space of the error-scaling claims (C6, C7)

**Our model (a modelling choice; the paper's text is not available).**

* *Instances.* A pointer map `f : Fin n → Fin n` drawn uniformly from all `n^n` maps
  (`allMaps n`), with a fixed start token `x`. Probabilities are counts over `allMaps n`
  divided by `n^n`; theorems state them cross-multiplied, in natural numbers.
* *Stages.* `T` doubling stages. Stage `i` (`1 ≤ i ≤ T`) needs the `i`-th chain token
  `hop f i x` in its cache: in pointer doubling, a stage can only jump along pointers held
  by cached tokens, and the chain token it must extend from is the next unknown one.
* *The event `E`.* Every stage `i ≤ T` holds `hop f i x` in its cache.
* *Oblivious caches.* The cache of every stage is fixed before the instance is drawn: a
  schedule `Nat → List (Fin n)`. A random oblivious cache is a distribution over
  schedules, so its success probability is an average over schedules and is bounded by
  the best schedule.
* *Adaptive locality-respecting caches.* The cache of stage `i` may depend on what earlier
  stages revealed, and only on that: the pointer of every token cached in an earlier
  stage (`revealedView`). Tokens never cached reveal nothing, which is the locality
  condition of `Controller/Locality.lean` in this stage-level form.

The definitions are `noncomputable` only because the npm Lean toolchain cannot generate
code for calls into other modules; `pybridge/errorscaling/` computes them.

## Main definitions

* `allMaps`, `length_allMaps`, `length_filter_head` (counting maps by their value at `0`).
* `obliviousSuccess`, `obliviousSuccessCount`.
* `revealedView`, `AdaptiveStrategy`, `cachedThrough`, `stageCache`, `adaptiveSuccess`,
  `adaptiveSuccessCount`.
-/

@[expose] public section

namespace CacheDepth

/-- The sample space: every pointer map on `n` tokens, once. -/
noncomputable def allMaps (n : Nat) : List (PointerMap n) := allFunctions n n

/-- There are `n^n` pointer maps. -/
theorem length_allMaps (n : Nat) : (allMaps n).length = n ^ n :=
  length_allFunctions n n

/-- Every pointer map is in the sample space. -/
theorem mem_allMaps {n : Nat} (f : PointerMap n) : f ∈ allMaps n :=
  mem_allFunctions n n f

/-- Counting a `flatMap` of maps by a property that depends only on the mapped value:
if `Q (F g c) = P c`, the entries satisfying `Q` number `l.length` times the entries of `m`
satisfying `P`. -/
theorem length_filter_flatMap_map {α β γ : Type} (F : α → β → γ) (Q : γ → Bool) (P : β → Bool)
    (m : List β) (hQ : ∀ g c, Q (F g c) = P c) :
    ∀ (l : List α), ((l.flatMap fun g => m.map (F g)).filter Q).length =
      l.length * (m.filter P).length
  | [] => by simp
  | g :: t => by
    rw [List.flatMap_cons, List.filter_append, List.length_append,
      length_filter_flatMap_map F Q P m hQ t, List.filter_map, List.length_map,
      List.filter_congr (p := Q ∘ F g) (q := P) (fun c _ => hQ g c), List.length_cons,
      Nat.add_mul, Nat.one_mul, Nat.add_comm]

/-- Among the maps `Fin (a+1) → Fin b`, those whose value at `0` satisfies `P` number
`b^a` times the values that satisfy `P`. -/
theorem length_filter_head (a b : Nat) (P : Fin b → Bool) :
    ((allFunctions b (a + 1)).filter fun f => P (f 0)).length =
      b ^ a * ((List.finRange b).filter P).length := by
  have h := length_filter_flatMap_map
    (fun (g : Fin a → Fin b) (c : Fin b) => fun i => Fin.cases (motive := fun _ => Fin b) c g i)
    (fun f : Fin (a + 1) → Fin b => P (f 0)) P (List.finRange b) (fun g c => by simp)
    (allFunctions b a)
  rw [length_allFunctions] at h
  rw [allFunctions]
  exact h

variable {n : Nat}

/-- An oblivious schedule succeeds on `f`: for every stage `i = 1, …, T`, the chain token
`hop f i x` is in the stage's fixed cache `sched i`. -/
noncomputable def obliviousSuccess (sched : Nat → List (Fin n)) (x : Fin n) (T : Nat)
    (f : PointerMap n) : Bool :=
  (List.range T).all fun i => decide (hop f (i + 1) x ∈ sched (i + 1))

/-- The number of maps on which the schedule succeeds; divided by `n^n` it is `Pr[E]`. -/
noncomputable def obliviousSuccessCount (sched : Nat → List (Fin n)) (x : Fin n) (T : Nat) :
    Nat :=
  ((allMaps n).filter (obliviousSuccess sched x T)).length

/-- What an adaptive cache has seen after caching the tokens `cached`: the pointer of every
cached token, and nothing about the others. -/
noncomputable def revealedView (f : PointerMap n) (cached : List (Fin n)) : Fin n → Option (Fin n) :=
  fun j => if j ∈ cached then some (f j) else none

/-- An adaptive locality-respecting cache: the cache of stage `i` as a function of `i` and
of what earlier stages revealed. -/
abbrev AdaptiveStrategy (n : Nat) : Type := Nat → (Fin n → Option (Fin n)) → List (Fin n)

/-- The tokens cached in stages `1, …, i` when the strategy runs on `f`. -/
noncomputable def cachedThrough (σ : AdaptiveStrategy n) (f : PointerMap n) : Nat → List (Fin n)
  | 0 => []
  | i + 1 => cachedThrough σ f i ++ σ (i + 1) (revealedView f (cachedThrough σ f i))

/-- The cache of stage `i + 1` when the strategy runs on `f`. -/
noncomputable def stageCache (σ : AdaptiveStrategy n) (f : PointerMap n) (i : Nat) :
    List (Fin n) :=
  σ (i + 1) (revealedView f (cachedThrough σ f i))

/-- An adaptive strategy succeeds on `f`: stage `i + 1` caches `hop f (i + 1) x` for every
`i < T`. -/
noncomputable def adaptiveSuccess (σ : AdaptiveStrategy n) (x : Fin n) (T : Nat)
    (f : PointerMap n) : Bool :=
  (List.range T).all fun i => decide (hop f (i + 1) x ∈ stageCache σ f i)

/-- The number of maps on which the strategy succeeds; divided by `n^n` it is `Pr[E]`. -/
noncomputable def adaptiveSuccessCount (σ : AdaptiveStrategy n) (x : Fin n) (T : Nat) : Nat :=
  ((allMaps n).filter (adaptiveSuccess σ x T)).length

/-- Before the first stage nothing is revealed. -/
theorem revealedView_nil (f : PointerMap n) : revealedView f [] = fun _ => none := by
  funext j
  simp [revealedView]

/-- The first stage's cache does not depend on the instance. -/
theorem stageCache_zero (σ : AdaptiveStrategy n) (f : PointerMap n) :
    stageCache σ f 0 = σ 1 (fun _ => none) := by
  simp [stageCache, cachedThrough, revealedView_nil]

/-- At most `C.length` values of `Fin n` lie in `C`. -/
theorem length_filter_mem_finRange_le {n : Nat} (C : List (Fin n)) :
    ((List.finRange n).filter fun c => decide (c ∈ C)).length ≤ C.length := by
  apply length_le_of_nodup_subset
  · exact List.Pairwise.sublist (List.filter_sublist ..) (nodup_finRange n)
  · intro c hc
    simpa using (List.mem_filter.mp hc).2

/-- The values in a duplicate-free list `C` that `List.finRange n` keeps when filtered by
membership in `C` are exactly `C`'s entries, so there are `C.length` of them. -/
theorem length_filter_mem_finRange {C : List (Fin n)} (hC : C.Nodup) :
    ((List.finRange n).filter fun c => decide (c ∈ C)).length = C.length := by
  apply Nat.le_antisymm
  · exact length_filter_mem_finRange_le C
  · apply length_le_of_nodup_subset _ _ hC
    intro c hc
    exact List.mem_filter.mpr ⟨List.mem_finRange c, by simpa using hc⟩

/-- The maps whose value at the start token `0` lies in a duplicate-free list `C`: there are
`|C|·n^(n-1)` of them, so `Pr[f 0 ∈ C] = |C|/n`, stated as `count · n = |C| · n^n`. -/
theorem count_head_mem {a : Nat} {C : List (Fin (a + 1))} (hC : C.Nodup) :
    ((allMaps (a + 1)).filter fun f => decide (f 0 ∈ C)).length * (a + 1) =
      C.length * (a + 1) ^ (a + 1) := by
  unfold allMaps
  rw [length_filter_head a (a + 1) (fun c => decide (c ∈ C)), length_filter_mem_finRange hC,
    Nat.pow_succ]
  simp only [Nat.mul_comm, Nat.mul_assoc]

/-- For any list `C`, at most `|C|·n^(n-1)` maps send the start token `0` into `C`:
`count · n ≤ |C| · n^n`. -/
theorem count_head_mem_le {a : Nat} (C : List (Fin (a + 1))) :
    ((allMaps (a + 1)).filter fun f => decide (f 0 ∈ C)).length * (a + 1) ≤
      C.length * (a + 1) ^ (a + 1) := by
  unfold allMaps
  rw [length_filter_head a (a + 1) (fun c => decide (c ∈ C)), Nat.pow_succ]
  have hle := length_filter_mem_finRange_le C
  have e : (a + 1) ^ a * ((List.finRange (a + 1)).filter fun c => decide (c ∈ C)).length *
      (a + 1) = ((List.finRange (a + 1)).filter fun c => decide (c ∈ C)).length *
      ((a + 1) ^ a * (a + 1)) := by
    simp only [Nat.mul_comm, Nat.mul_assoc]
  rw [e]
  exact Nat.mul_le_mul_right _ hle

end CacheDepth
