module

public import CacheDepth.Model.CacheTransformer
public import CacheDepth.Bounds.Formulas
public import CacheDepth.Counting.Functions

/-!
# The bandwidth lower bound: `L ≥ ⌈log₂ n/(H·m·p)⌉`

The output position starts from its own initial state and then changes only through
`update`, which sees its old state and the `H` messages of the layer. So after `L` layers
its state is a function of its initial state and of `L·H` messages, each one of
`2^(m·p)` values: it takes at most `2^(L·H·m·p)` values. On the instances where the output
position points to itself and is not the start, its initial state is always the same, yet
the answer can be any of the `n` tokens. So `n ≤ 2^(L·H·m·p)`, which is
`⌈log₂ n⌉ ≤ L·H·m·p` and `⌈⌈log₂ n⌉/(H·m·p)⌉ ≤ L`.

The bound needs no restriction on the controller: it holds for every Cache-Transformer.
Its hypotheses are `k ≥ 1` (with `k = 0` the answer is the start, which the output could
not know either, but then the instances below all have the answer `x`) and `n ≥ 2` (so a
start other than the output position exists).

## Main statements

* `CacheTransformer.reachableStates`: the states one position can reach from a given
  initial state, over all message sequences; `length_reachableStates` counts them.
* `CacheTransformer.statesAt_mem_reachableStates`: every run stays among them.
* `CacheTransformer.le_two_pow_of_solves`: `n ≤ 2^(H·m·p·L)` for every model that solves.
* `CacheTransformer.bandwidthDepth_le_of_solves`: `⌈⌈log₂ n⌉/(H·m·p)⌉ ≤ L`.
-/

@[expose] public section

namespace CacheDepth

namespace CacheTransformer

variable {n s H m p : Nat} (M : CacheTransformer n s H m p)

/-- The states a position can reach in `ℓ` layers from the state `a`, one entry for every
combination of `H` messages per layer (entries may repeat). -/
noncomputable def reachableStates (a : M.State) : Nat → List M.State
  | 0 => [a]
  | ℓ + 1 => (reachableStates a ℓ).flatMap fun b =>
      (allFunctions (2 ^ (m * p)) H).map fun msgs => M.update ℓ b msgs

/-- There are `((2^(m·p))^H)^ℓ` entries: one per message sequence. -/
theorem length_reachableStates (a : M.State) :
    ∀ ℓ, (M.reachableStates a ℓ).length = ((2 ^ (m * p)) ^ H) ^ ℓ
  | 0 => rfl
  | ℓ + 1 => by
    rw [reachableStates, length_flatMap_of_length_eq _ ((2 ^ (m * p)) ^ H),
      length_reachableStates a ℓ, Nat.pow_succ]
    intro b _
    rw [List.length_map, length_allFunctions]

/-- The state of any position after `ℓ` layers is among the states reachable from its
initial state. -/
theorem statesAt_mem_reachableStates (f : PointerMap n) (x i : Fin n) :
    ∀ ℓ, M.statesAt f x ℓ i ∈ M.reachableStates (M.initialStates f x i) ℓ
  | 0 => List.mem_singleton.mpr rfl
  | ℓ + 1 => by
    show M.update ℓ (M.statesAt f x ℓ i) _ ∈ _
    rw [reachableStates, List.mem_flatMap]
    exact ⟨_, statesAt_mem_reachableStates f x i ℓ,
      List.mem_map.mpr ⟨_, mem_allFunctions _ _ _, rfl⟩⟩

/-- The instance used by the bandwidth bound: every token except `o` points to `y`, and
`o` points to itself. (`noncomputable` only because the npm Lean toolchain cannot generate
code for calls into other modules.) -/
noncomputable def pointAt (o y : Fin n) : PointerMap n := fun i => if i = o then o else y

/-- On `pointAt o y`, every hop count `k ≥ 1` from a start `x ≠ o` lands on `y`. -/
theorem hop_pointAt {o y x : Fin n} (hx : x ≠ o) : ∀ k, 1 ≤ k → hop (pointAt o y) k x = y := by
  have hfix : pointAt o y y = y := by
    unfold pointAt
    by_cases hy : y = o
    · simp [hy]
    · simp [hy]
  have hstay : ∀ t, hop (pointAt o y) t y = y := by
    intro t
    induction t with
    | zero => rfl
    | succ t ih => rw [hop_succ, hfix, ih]
  intro k hk
  obtain ⟨t, rfl⟩ : ∃ t, k = t + 1 := ⟨k - 1, by omega⟩
  rw [hop_succ]
  have : pointAt o y x = y := by simp [pointAt, hx]
  rw [this, hstay]

/-- **Bandwidth counting.** A model that solves k-hop pointer chasing with `L` layers
(`k ≥ 1`, `n ≥ 2`) has `n ≤ 2^(H·m·p·L)`: the output position's final state takes at most
that many values, and every token is an answer. -/
theorem le_two_pow_of_solves {L k : Nat} (hk : 1 ≤ k) (hn : 2 ≤ n) (h : M.Solves L k) :
    n ≤ 2 ^ (H * m * p * L) := by
  -- a start other than the output position
  obtain ⟨x, hx⟩ : ∃ x : Fin n, x ≠ M.output := by
    by_cases h0 : M.output.val = 0
    · refine ⟨⟨1, by omega⟩, fun e => ?_⟩
      have := congrArg Fin.val e
      simp only at this
      omega
    · refine ⟨⟨0, by omega⟩, fun e => ?_⟩
      have := congrArg Fin.val e
      simp only at this
      omega
  have hcover : ∀ y : Fin n,
      y ∈ (M.reachableStates (M.init M.output M.output false) L).map M.decode := by
    intro y
    have hinit : M.initialStates (pointAt M.output y) x M.output =
        M.init M.output M.output false := by
      have hox : M.output ≠ x := fun e => hx e.symm
      simp [initialStates, pointAt, hox]
    have hmem := M.statesAt_mem_reachableStates (pointAt M.output y) x M.output L
    rw [hinit] at hmem
    have hans : M.answer L (pointAt M.output y) x = y := by
      rw [h (pointAt M.output y) x, hop_pointAt hx k hk]
    exact List.mem_map.mpr ⟨_, hmem, hans⟩
  have hlen := length_le_of_forall_mem _ hcover
  have e : ((2 ^ (m * p)) ^ H) ^ L = 2 ^ (H * m * p * L) := by
    rw [← Nat.pow_mul, ← Nat.pow_mul]
    congr 1
    simp only [Nat.mul_comm, Nat.mul_left_comm]
  rw [List.length_map, length_reachableStates, e] at hlen
  exact hlen

/-- **Bandwidth lower bound (claim C1, second term).** Every Cache-Transformer that solves
k-hop pointer chasing with `L` layers, `k ≥ 1` and `n ≥ 2` has
`⌈⌈log₂ n⌉/(H·m·p)⌉ ≤ L`, and its bandwidth `H·m·p` is positive. No locality hypothesis is
needed. -/
theorem bandwidthDepth_le_of_solves {L k : Nat} (hk : 1 ≤ k) (hn : 2 ≤ n) (h : M.Solves L k) :
    0 < H * m * p ∧ bandwidthDepth n H m p ≤ L := by
  have hpow := M.le_two_pow_of_solves hk hn h
  have hB : 0 < H * m * p := by
    apply Nat.pos_of_ne_zero
    intro hz
    rw [hz, Nat.zero_mul, Nat.pow_zero] at hpow
    omega
  exact ⟨hB, (bandwidthDepth_le_iff hB).mpr (clog2_le_iff.mpr hpow)⟩

end CacheTransformer

end CacheDepth
