module

public import CacheDepth.LowerBound.Reachability
public import CacheDepth.LowerBound.TreeFamily

/-!
# Reachability for adaptive locality-respecting controllers on large inputs

A locality-respecting controller may adapt its cache to the pointers it reads, and on some
instances a correct model leaves chain tokens uncached (the guess walk,
`pybridge/model/guess_walk.py`). So the instance must be chosen against the model. This
file chooses it by counting, over the tree family of `TreeFamily.lean`.

**The argument.** Take every parameter `g : Fin n → Fin (k + 1)`, the instance
`TreeFamily.build g` and the start token at the root. For `j < k`, call `g` *bad at `j`*
when the run never caches the `j`-th path token. Setting the digit of that token to each of
its `k + 1` values gives instances that differ only at that token and have `k + 1`
different answers. If two of them were bad at `j`, neither run would cache the token, so by
`CacheTransformer.answer_eq_of_uncached` they would give the same answer, and the model
would be wrong on one of them. So each such line of `k + 1` parameters contains at most one
parameter bad at `j`, and at most a `1/(k + 1)` fraction of all parameters is bad at `j`.
The union bound over `j < k` then leaves a parameter bad at no `j`
(`exists_forall_eq_false`). On its instance the run caches the `k` distinct tokens of the
path, and a run caches at most `s·L` tokens.

**The hypothesis on `n`.** The tree needs `(k + 1)^(k + 1) ≤ n` positions, which is what
the theorems assume. `reachability` asks for `4·k ≤ n`, so it stays open for
`4k ≤ n < (k + 1)^(k + 1)`.

## Main statements

* `CacheTransformer.le_mul_of_locality`: `k ≤ s·L`.
* `CacheTransformer.reachDepth_le_of_locality`: `⌈k/s⌉ ≤ L`.
* `CacheTransformer.maxBound_le_of_locality`: the max bound of claim C1, for
  `(k + 1)^(k + 1) ≤ n`.
-/

@[expose] public section

namespace CacheDepth

namespace CacheTransformer

open TreeFamily

variable {n s H m p : Nat} (M : CacheTransformer n s H m p)

/-- **At most one bad parameter per line.** For a locality-respecting model that solves
k-hop pointer chasing, two parameters that differ only in the digit of their `j`-th path
node, `j < k`, cannot both leave that token uncached in all `L` layers. -/
theorem digit_eq_of_uncached (hloc : M.controller.IsLocalityRespecting) {L k : Nat}
    (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n) (hsolve : M.Solves L k)
    (g : Fin n → Fin (k + 1)) {j : Nat} (hj : j < k) (d d' : Fin (k + 1))
    (h1 : ∀ ℓ, ℓ < L → pos M.output (node k (setAt g (index k M.output g j) d) j) ∉
      M.cacheTrace (build k M.output (setAt g (index k M.output g j) d)) (pos M.output 0) ℓ)
    (h2 : ∀ ℓ, ℓ < L → pos M.output (node k (setAt g (index k M.output g j) d') j) ∉
      M.cacheTrace (build k M.output (setAt g (index k M.output g j) d')) (pos M.output 0) ℓ) :
    d = d' := by
  apply Classical.byContradiction
  intro hdd
  have hj' : j ≤ k := Nat.le_of_lt hj
  let u := index k M.output g j
  have hu : u.val = node k g j := val_index k M.output hk hn g hj'
  rw [node_setAt_index k M.output hk hn g hj' d j (Nat.le_refl j)] at h1
  rw [node_setAt_index k M.output hk hn g hj' d' j (Nat.le_refl j)] at h2
  have hfg : ∀ i, i ≠ pos M.output (node k g j) →
      build k M.output (setAt g u d) i = build k M.output (setAt g u d') i := by
    intro i hi
    rw [← hu] at hi
    rw [build_setAt_of_ne k M.output g u d hi, build_setAt_of_ne k M.output g u d' hi]
  have hout : M.output ≠ pos M.output (node k g j) :=
    fun e => pos_ne_out M.output (posN_node_lt k M.output hk hn g hj') e.symm
  have hans := M.answer_eq_of_uncached hloc hfg hout (fun ℓ hℓ => ⟨h1 ℓ hℓ, h2 ℓ hℓ⟩)
  rw [hsolve, hsolve, hop_build k M.output hk hn _ k (Nat.le_refl k),
    hop_build k M.output hk hn _ k (Nat.le_refl k)] at hans
  exact node_setAt_index_ne k M.output hk hn g hj hdd
    (pos_inj M.output (posN_node_lt k M.output hk hn _ (Nat.le_refl k))
      (posN_node_lt k M.output hk hn _ (Nat.le_refl k)) hans)

/-- **Reachability on large inputs.** A model with a locality-respecting controller that
solves k-hop pointer chasing with `L` layers, `k ≥ 1` and `(k + 1)^(k + 1) ≤ n`, has
`k ≤ s·L`: on some instance of the tree family its run caches `k` distinct tokens. -/
theorem le_mul_of_locality (hloc : M.controller.IsLocalityRespecting) {L k : Nat}
    (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n) (hsolve : M.Solves L k) : k ≤ s * L := by
  let out := M.output
  let x : Fin n := pos out 0
  let bad : Nat → (Fin n → Fin (k + 1)) → Bool := fun j g =>
    decide (∀ ℓ, ℓ < L → pos out (node k g j) ∉ M.cacheTrace (build k out g) x ℓ)
  let vary : Nat → (Fin n → Fin (k + 1)) → Fin (k + 1) → (Fin n → Fin (k + 1)) :=
    fun j g d => setAt g (index k out g j) d
  have hpos : 0 < (allFunctions (k + 1) n).length := by
    rw [length_allFunctions]
    exact Nat.lt_of_lt_of_le Nat.zero_lt_one (Nat.one_le_pow n (k + 1) (Nat.succ_pos k))
  obtain ⟨g, hg⟩ := exists_forall_eq_false (allFunctions (k + 1) n)
    (mem_allFunctions (k + 1) n) (nodup_allFunctions (k + 1) n) hpos (Nat.lt_succ_self k) vary
    (fun j _ g => ⟨g (index k out g j), setAt_self g _⟩)
    (fun j hj g d d' => by
      show setAt (setAt g (index k out g j) d) (index k out (setAt g (index k out g j) d) j) d' =
        setAt g (index k out g j) d'
      rw [index_setAt_index k out hk hn g (Nat.le_of_lt hj) d, setAt_setAt])
    (fun j _ g d d' e => eq_of_setAt_eq e)
    bad
    (fun j hj g d d' h1 h2 =>
      M.digit_eq_of_uncached hloc hk hn hsolve g hj d d' (of_decide_eq_true h1)
        (of_decide_eq_true h2))
  -- On the instance of `g`, every path token below `k` is cached at some layer.
  have hcached : ∀ j, j < k → ∃ ℓ, ℓ < L ∧ pos out (node k g j) ∈ M.cacheTrace (build k out g) x ℓ := by
    intro j hj
    have hnot := of_decide_eq_false (hg j hj)
    apply Classical.byContradiction
    intro hno
    exact hnot (fun ℓ hℓ hc => hno ⟨ℓ, hℓ, hc⟩)
  let tokens : List (Fin n) := (List.range k).map fun j => pos out (node k g j)
  have hvals : tokens.map Fin.val = (List.range k).map fun j => posN out (node k g j) := by
    rw [List.map_map]
    apply List.map_congr_left
    intro j hj
    exact val_pos out (posN_node_lt k out hk hn g (Nat.le_of_lt (List.mem_range.mp hj)))
  have hvnd : ((List.range k).map fun j => posN out (node k g j)).Nodup := by
    apply List.pairwise_map.mpr
    apply List.Pairwise.imp _ (List.nodup_range (n := k))
    intro a b hab e
    have hnode := posN_inj out e
    rcases Nat.lt_or_gt_of_ne hab with h | h
    · exact Nat.ne_of_lt (node_lt_node k g h) hnode
    · exact Nat.ne_of_gt (node_lt_node k g h) hnode
  have hnd : tokens.Nodup := by
    rw [← hvals] at hvnd
    exact (List.pairwise_map.mp hvnd).imp fun h e => h (congrArg Fin.val e)
  have hsub : ∀ t, t ∈ tokens →
      t ∈ (List.range L).flatMap fun ℓ => M.cacheTrace (build k out g) x ℓ := by
    intro t ht
    obtain ⟨j, hj, rfl⟩ := List.mem_map.mp ht
    obtain ⟨ℓ, hℓ, hc⟩ := hcached j (List.mem_range.mp hj)
    exact List.mem_flatMap.mpr ⟨ℓ, List.mem_range.mpr hℓ, hc⟩
  have hlen : ((List.range L).flatMap fun ℓ => M.cacheTrace (build k out g) x ℓ).length ≤
      L * s := by
    have := length_flatMap_le (fun ℓ => M.cacheTrace (build k out g) x ℓ) s (List.range L)
      (fun ℓ _ => M.length_cacheTrace_le _ _ ℓ)
    rw [List.length_range] at this
    exact this
  have hcount := length_le_of_nodup_subset tokens _ hnd hsub
  rw [List.length_map, List.length_range] at hcount
  rw [Nat.mul_comm]
  omega

/-- **Reachability depth on large inputs.** Under the hypotheses of `le_mul_of_locality`,
`⌈k/s⌉ ≤ L`. -/
theorem reachDepth_le_of_locality (hloc : M.controller.IsLocalityRespecting) {L k : Nat}
    (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n) (hsolve : M.Solves L k) :
    reachDepth k s ≤ L := by
  have h := M.le_mul_of_locality hloc hk hn hsolve
  have hs : 0 < s := by
    apply Nat.pos_of_ne_zero
    intro hz
    rw [hz, Nat.zero_mul] at h
    omega
  exact (reachDepth_le_iff hs).mpr h

/-- **The max bound for locality-respecting controllers on large inputs (claim C1).** A
model with a locality-respecting controller that solves k-hop pointer chasing with `L`
layers, `k ≥ 1` and `(k + 1)^(k + 1) ≤ n`, has
`max(⌈k/s⌉, ⌈⌈log₂ n⌉/(H·m·p)⌉) ≤ L`. -/
theorem maxBound_le_of_locality (hloc : M.controller.IsLocalityRespecting) {L k : Nat}
    (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n) (hsolve : M.Solves L k) :
    maxBound n k s H m p ≤ L := by
  have hpow : (k + 1) ^ 1 ≤ (k + 1) ^ (k + 1) :=
    Nat.pow_le_pow_right (Nat.succ_pos k) (by omega)
  rw [Nat.pow_one] at hpow
  have hband := (M.bandwidthDepth_le_of_solves hk (by omega) hsolve).2
  exact Nat.max_le.mpr ⟨M.reachDepth_le_of_locality hloc hk hn hsolve, hband⟩

end CacheTransformer

end CacheDepth
