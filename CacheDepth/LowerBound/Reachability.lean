module

public import CacheDepth.LowerBound.Indistinguishable
public import CacheDepth.LowerBound.Bandwidth
public import CacheDepth.Conjecture

/-!
# Reachability: how many tokens a model must cache, and the max bound

**Oblivious controllers (proved).** A fixed schedule must cache every position except the
output position at some layer, so `n - 1 ≤ s·L`: start the chain at a position `j` and let
`j` point to itself or to another token `a`, all other tokens pointing to themselves. The
two instances differ only at `j` and have the answers `j` and `a`; a schedule that never
caches `j` gives both the same answer (`Indistinguishable.lean`). With `k ≤ n - 1` this
gives `⌈k/s⌉ ≤ L`, and with the bandwidth bound, the max bound.

**Locality-respecting controllers: proved for `(k + 1)^(k + 1) ≤ n`, open for
`4k ≤ n < (k + 1)^(k + 1)`.** The paper's argument changes the pointer of a never-cached chain
token and concludes that the answer cannot change. In our model a locality-respecting
controller may cache a token *because* its pointer changed. The definition only constrains
caches that leave the token out. So the changed run may read the token that the first run
never read, and the one-instance argument does not close. What survives on one pair of
instances is `cached_of_answer_ne`: of two instances that differ at one token and have
different answers, at least one run caches that token.

The instance must be chosen against the model. A locality-respecting controller may guess
each pointer and cache only the tokens whose pointer differs from the guess: it may read an
uncached token's pointer, because any change that keeps the token uncached keeps the
pointer equal to the guess. Such a model answers every instance correctly and yet, on the
instance where every guess is right, caches the start token alone
(`pybridge/model/guess_walk.py` runs it). So "every chain token is cached on every instance"
is false, and a proof has to find an instance where the guesses fail.

`LowerBound/AdaptiveReachability.lean` finds it by a union bound over the tree family, in
which every chain token has `k + 1` pointers with `k + 1` different answers
(`CacheTransformer.le_mul_of_locality`: `k ≤ s·L` when `(k + 1)^(k + 1) ≤ n`). The tree needs
that many positions. `reachability` asks for `n ≥ 4k` only, so it stays open for
`4k ≤ n < (k + 1)^(k + 1)`. A family with injective maps between levels of sizes
`k + 1, 2k + 1, …` would need only about `k³/2` positions. `exists_forall_eq_false` applies
to any finite type with line maps, but this family has not been formalized: it needs a
duplicate-free list of its instances and its own line maps.

## Main statements

* `CacheTransformer.mem_cache_of_oblivious`: a schedule caches every non-output position.
* `CacheTransformer.le_mul_of_oblivious`: `n - 1 ≤ s·L` for oblivious controllers.
* `CacheTransformer.maxBound_le_of_oblivious`: the max bound for oblivious controllers.
* `ReachabilityHolds`, `reachability` (open): `⌈k/s⌉ ≤ L` for locality-respecting ones with
  `n ≥ 4k`. `AdaptiveReachability.lean` proves it when `(k + 1)^(k + 1) ≤ n`.
* `maxBoundHolds_of_reachability`: reachability implies `MaxBoundHolds`.
* `maxBound_of_reachability`: and then the conjecture's gap reduction needs only the gap.
-/

@[expose] public section

namespace CacheDepth

/-- The instance where `j` points to `a` and every other token points to itself.
(`noncomputable` only because the npm Lean toolchain cannot generate code for calls into
other modules.) -/
noncomputable def redirect {n : Nat} (j a : Fin n) : PointerMap n := fun i => if i = j then a else i

/-- From `j`, any positive number of hops on `redirect j a` lands on `a`. -/
theorem hop_redirect {n : Nat} (j a : Fin n) : ∀ k, 1 ≤ k → hop (redirect j a) k j = a := by
  have hfix : redirect j a a = a := by
    unfold redirect
    by_cases h : a = j
    · simp [h]
    · simp [h]
  have hstay : ∀ t, hop (redirect j a) t a = a := by
    intro t
    induction t with
    | zero => rfl
    | succ t ih => rw [hop_succ, hfix, ih]
  intro k hk
  obtain ⟨t, rfl⟩ : ∃ t, k = t + 1 := ⟨k - 1, by omega⟩
  rw [hop_succ]
  have : redirect j a j = a := by simp [redirect]
  rw [this, hstay]

/-- `redirect j a` and `redirect j b` differ only at `j`. -/
theorem redirect_eq_off {n : Nat} (j a b : Fin n) :
    ∀ i, i ≠ j → redirect j a i = redirect j b i := by
  intro i hi
  simp [redirect, hi]

/-- A `flatMap` whose pieces have length at most `c` has length at most `l.length * c`. -/
theorem length_flatMap_le {α β : Type} (g : α → List β) (c : Nat) :
    ∀ (l : List α), (∀ a ∈ l, (g a).length ≤ c) → (l.flatMap g).length ≤ l.length * c
  | [], _ => by simp
  | a :: t, h => by
    rw [List.flatMap_cons, List.length_append, List.length_cons, Nat.add_mul, Nat.one_mul]
    have h1 := h a (List.mem_cons_self ..)
    have h2 := length_flatMap_le g c t (fun x hx => h x (List.mem_cons_of_mem a hx))
    omega

namespace CacheTransformer

variable {n s H m p : Nat} (M : CacheTransformer n s H m p)

/-- With an oblivious controller, every position `j` other than the output position is
cached at some layer below `L`, if the model solves k-hop pointer chasing (`k ≥ 1`,
`n ≥ 2`). -/
theorem mem_cache_of_oblivious (hobl : M.controller.IsOblivious) {L k : Nat} (hk : 1 ≤ k)
    (hn : 2 ≤ n) (hsolve : M.Solves L k) (v : Fin n → M.State) {j : Fin n}
    (hout : M.output ≠ j) : ∃ ℓ, ℓ < L ∧ j ∈ M.controller ℓ v := by
  obtain ⟨a, ha⟩ : ∃ a : Fin n, a ≠ j := by
    by_cases h0 : j.val = 0
    · refine ⟨⟨1, by omega⟩, fun e => ?_⟩
      have := congrArg Fin.val e
      simp only at this
      omega
    · refine ⟨⟨0, by omega⟩, fun e => ?_⟩
      have := congrArg Fin.val e
      simp only at this
      omega
  have hne : hop (redirect j j) k j ≠ hop (redirect j a) k j := by
    rw [hop_redirect j j k hk, hop_redirect j a k hk]
    exact fun e => ha e.symm
  obtain ⟨ℓ, hℓ, hc⟩ := M.cached_of_answer_ne hobl.isLocalityRespecting hsolve
    (redirect_eq_off j j a) hout hne
  refine ⟨ℓ, hℓ, ?_⟩
  unfold cacheTrace at hc
  rcases hc with hc | hc
  · rw [hobl ℓ _ v] at hc
    exact hc
  · rw [hobl ℓ _ v] at hc
    exact hc

/-- **Reachability for oblivious controllers.** A model with an oblivious controller that
solves k-hop pointer chasing with `L` layers (`k ≥ 1`, `n ≥ 2`) has `n - 1 ≤ s·L`: its
schedule covers every position except the output position. -/
theorem le_mul_of_oblivious (hobl : M.controller.IsOblivious) {L k : Nat} (hk : 1 ≤ k)
    (hn : 2 ≤ n) (hsolve : M.Solves L k) : n - 1 ≤ s * L := by
  let v : Fin n → M.State := fun i => M.init i i false
  have hlen : ((List.range L).flatMap fun ℓ => M.controller ℓ v).length ≤ L * s := by
    have := length_flatMap_le (fun ℓ => M.controller ℓ v) s (List.range L)
      (fun ℓ _ => M.cache_length_le ℓ v)
    rw [List.length_range] at this
    exact this
  have hnd : ((List.range n).erase M.output.val).Nodup :=
    List.Pairwise.sublist (List.erase_sublist ..) (List.nodup_range ..)
  have hsub : ∀ a ∈ (List.range n).erase M.output.val,
      a ∈ ((List.range L).flatMap fun ℓ => M.controller ℓ v).map Fin.val := by
    intro a ha
    have hmem := (List.Nodup.mem_erase_iff (List.nodup_range ..)).mp ha
    have halt : a < n := List.mem_range.mp hmem.2
    obtain ⟨ℓ, hℓ, hc⟩ := M.mem_cache_of_oblivious hobl hk hn hsolve v
      (j := ⟨a, halt⟩) (fun e => hmem.1 (congrArg Fin.val e).symm)
    exact List.mem_map.mpr ⟨⟨a, halt⟩,
      List.mem_flatMap.mpr ⟨ℓ, List.mem_range.mpr hℓ, hc⟩, rfl⟩
  have hcount := length_le_of_nodup_subset _ _ hnd hsub
  rw [List.length_map, List.length_erase_of_mem (List.mem_range.mpr M.output.isLt),
    List.length_range] at hcount
  rw [Nat.mul_comm]
  omega

/-- **Max bound for oblivious controllers (claim C1 for fixed schedules).** A model with an
oblivious controller that solves k-hop pointer chasing with `L` layers, `k ≥ 1` and
`n ≥ k + 1`, has `max(⌈k/s⌉, ⌈⌈log₂ n⌉/(H·m·p)⌉) ≤ L`. -/
theorem maxBound_le_of_oblivious (hobl : M.controller.IsOblivious) {L k : Nat} (hk : 1 ≤ k)
    (hn : k + 1 ≤ n) (hsolve : M.Solves L k) : maxBound n k s H m p ≤ L := by
  have hn2 : 2 ≤ n := by omega
  have hcover := M.le_mul_of_oblivious hobl hk hn2 hsolve
  have hband := (M.bandwidthDepth_le_of_solves hk hn2 hsolve).2
  have hs : 0 < s := by
    apply Nat.pos_of_ne_zero
    intro hz
    rw [hz, Nat.zero_mul] at hcover
    omega
  have hreach : reachDepth k s ≤ L := (reachDepth_le_iff hs).mpr (by omega)
  exact Nat.max_le.mpr ⟨hreach, hband⟩

end CacheTransformer

/-- The reachability half of claim C1 for locality-respecting controllers: every such model
that solves k-hop pointer chasing with `L` layers, `k ≥ 1` and `n ≥ 4k` has `⌈k/s⌉ ≤ L`. -/
def ReachabilityHolds : Prop :=
  ∀ (n k s H m p L : Nat) (M : CacheTransformer n s H m p),
    M.controller.IsLocalityRespecting → 1 ≤ k → 4 * k ≤ n → M.Solves L k →
    reachDepth k s ≤ L

/-- **Reachability for locality-respecting controllers.** `ReachabilityHolds`.

Status: open for `4k ≤ n < (k + 1)^(k + 1)`. Proved for oblivious controllers
(`CacheTransformer.le_mul_of_oblivious`, which gives the stronger `n - 1 ≤ s·L`), and for
every locality-respecting controller once `(k + 1)^(k + 1) ≤ n`
(`CacheTransformer.reachDepth_le_of_locality`, by a union bound over the tree family).
Below that size the tree does not fit, and the one-token argument fails because a correct
model may leave chain tokens uncached on the instances whose pointers it guesses (see the
module docstring). -/
theorem reachability : ReachabilityHolds := by
  sorry

/-- **The max bound from reachability.** The bandwidth half holds for every model
(`CacheTransformer.bandwidthDepth_le_of_solves`), so reachability alone gives the max bound
`MaxBoundHolds` of claim C1. -/
theorem maxBoundHolds_of_reachability (hreach : ReachabilityHolds) : MaxBoundHolds := by
  intro n k s H m p L M hloc hk hn hsolve
  have hband := (M.bandwidthDepth_le_of_solves hk (by omega) hsolve).2
  exact Nat.max_le.mpr ⟨hreach n k s H m p L M hloc hk hn hsolve, hband⟩

end CacheDepth
