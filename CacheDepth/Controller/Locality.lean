module

public import CacheDepth.Model.CacheTransformer

/-!
# Locality-respecting cache controllers

The lower bounds need a restriction on how a controller may use the states: otherwise the
choice of cache itself could carry information from positions that are never read. This
file fixes that restriction.

**Definition (our choice).** A cache rule `C : (Fin n → σ) → List (Fin n)` is
*locality-respecting* when a position outside the cache influences the cache only by
entering it: if `v` and `w` differ only at position `j`, and `j` is cached neither under
`v` nor under `w`, then `C v = C w`.

Why this choice: it is the step the reachability argument uses. If a token is cached in
neither of two runs that differ only in its pointer, the runs choose the same caches and
send the same messages, so the answer cannot depend on that pointer
(`LowerBound/Indistinguishable.lean`). The definition does not stop the changed run from
caching the token. So reachability for adaptive controllers needs an instance chosen
against the model. `LowerBound/AdaptiveReachability.lean` proves it when
`(k + 1)^(k + 1) ≤ n`, and it is open for `4k ≤ n < (k + 1)^(k + 1)`. Fixed schedules and "top `s` by a per-token score"
satisfy it (`Window.lean`, `TopScore.lean`); heavy-hitter accumulation, where every query's
attention feeds the scores, does not (`HeavyHitter.lean`).

## Main definitions

* `CacheDepth.IsLocalityRespecting C`: the property above for one layer's cache rule.
* `CacheDepth.Controller.IsLocalityRespecting`: the property at every layer.
* `CacheDepth.Controller.IsOblivious`: the cache does not depend on the states at all.
-/

@[expose] public section

namespace CacheDepth

/-- A cache rule is locality-respecting when a position that is cached neither before nor
after a change of its own state cannot change the cache: if `v` and `w` differ only at `j`
and `j ∉ C v`, `j ∉ C w`, then `C v = C w`. -/
def IsLocalityRespecting {n : Nat} {σ : Type} (C : (Fin n → σ) → List (Fin n)) : Prop :=
  ∀ (v w : Fin n → σ) (j : Fin n), (∀ i, i ≠ j → v i = w i) → j ∉ C v → j ∉ C w → C v = C w

namespace Controller

variable {n : Nat} {σ : Type}

/-- A controller is locality-respecting when its cache rule is, at every layer. -/
def IsLocalityRespecting (ctrl : Controller n σ) : Prop :=
  ∀ ℓ, CacheDepth.IsLocalityRespecting (ctrl ℓ)

/-- An oblivious controller fixes the cache of every layer in advance: it ignores the
states. -/
def IsOblivious (ctrl : Controller n σ) : Prop :=
  ∀ ℓ (v w : Fin n → σ), ctrl ℓ v = ctrl ℓ w

/-- The controller that follows a fixed schedule of caches, one list per layer. -/
def ofSchedule (schedule : Nat → List (Fin n)) : Controller n σ :=
  fun ℓ _ => schedule ℓ

/-- Every oblivious controller is locality-respecting. -/
theorem IsOblivious.isLocalityRespecting {ctrl : Controller n σ} (h : ctrl.IsOblivious) :
    ctrl.IsLocalityRespecting :=
  fun ℓ v w _ _ _ _ => h ℓ v w

/-- A fixed schedule is oblivious. -/
theorem ofSchedule_isOblivious (schedule : Nat → List (Fin n)) :
    (ofSchedule (σ := σ) schedule).IsOblivious :=
  fun _ _ _ => rfl

/-- Random eviction draws one fixed schedule from a distribution before the input is
seen; we represent the distribution by the list of its equally likely schedules. Every
controller it can produce is locality-respecting, so every lower bound for
locality-respecting controllers holds for each draw, hence with probability one. -/
theorem randomEviction_isLocalityRespecting (schedules : List (Nat → List (Fin n))) :
    ∀ schedule ∈ schedules, (ofSchedule (σ := σ) schedule).IsLocalityRespecting :=
  fun schedule _ => (ofSchedule_isOblivious schedule).isLocalityRespecting

end Controller

end CacheDepth
