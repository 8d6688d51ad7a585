module

public import CacheDepth.Controller.TopScore

/-!
# An explicit upper-bound construction: the sequential follower (part of claim C4)

A Cache-Transformer with one head that solves k-hop pointer chasing with `k` layers when
one message can carry a whole pointer (`n ≤ 2^(m·p)`), for every cache size `s ≥ 1`.

**The protocol.** Every position keeps its index, its pointer, a flag `active`, and the
last token it heard (`ans`). At the start only the start token is active. At each layer
the controller caches the top position by the per-token score "active first", the cached
active position announces its pointer, and every position sets `ans` to the announced
token and becomes active exactly when the announced token is itself. So after layer `ℓ`
the active position is the `ℓ`-th chain token, and after `k` layers every position, the
output included, holds `f^[k] x`. The controller is `topByScore`, so it is
locality-respecting (`topByScore_isLocalityRespecting`).

This is the trivial construction of claim C4: depth `k`, one pointer per layer. The marker
relay (`MarkerRelay.lean`) covers `m·p < ⌈log₂ n⌉` with `k + ⌈log₂ n⌉` layers, the pointer
relay (`PointerRelay.lean`) with `k·⌈⌈log₂ n⌉/(m·p)⌉`, and the windowed marking
(`WindowedMarking.lean`) resolves `s` hops per layer.

## Main statements

* `sequentialFollower`: the model, for `s ≥ 1`, `n ≤ 2^(m·p)` and an output position `o`.
* `sequentialFollower_isLocalityRespecting`: its controller is locality-respecting.
* `sequentialFollower_statesAt`: the invariant after `ℓ` layers.
* `sequentialFollower_solves`: it solves k-hop pointer chasing with `k` layers, `k ≥ 1`.
-/

@[expose] public section

namespace CacheDepth

/-- The state of a position in the sequential follower: its index, its pointer, whether it
is the current chain token, and the last announced token. -/
structure FollowState (n : Nat) where
  /-- The position's own index. -/
  idx : Fin n
  /-- The position's own pointer. -/
  ptr : Fin n
  /-- Whether the position is the chain token reached so far. -/
  active : Bool
  /-- The last announced token. -/
  ans : Fin n

/-- The controller's per-token score: `1` for the active position, `0` otherwise. -/
def FollowState.score {n : Nat} (a : FollowState n) : Nat := if a.active then 1 else 0

/-- The pointer announced by the first active cached position, or `d` if none is active.
(`noncomputable` only because the npm Lean toolchain cannot generate code for calls into
other modules.) -/
noncomputable def announced {n : Nat} (view : List (Fin n × FollowState n)) (d : Fin n) : Fin n :=
  ((view.find? fun e => e.2.active).map fun e => e.2.ptr).getD d

/-- A message read as a token, or `d` if its value is not a token. -/
def readToken {n K : Nat} (c : Fin K) (d : Fin n) : Fin n :=
  if h : c.val < n then ⟨c.val, h⟩ else d

/-- **The sequential follower.** One head; the cache is the top position by
`FollowState.score`; the message is the announced pointer, which fits because
`n ≤ 2^(m·p)`; the update records it. -/
noncomputable def sequentialFollower (n s m p : Nat) (hs : 1 ≤ s) (hw : n ≤ 2 ^ (m * p))
    (o : Fin n) : CacheTransformer n s 1 m p where
  State := FollowState n
  init i t b := ⟨i, t, b, i⟩
  controller := topByScore 1 FollowState.score
  cache_length_le ℓ v := Nat.le_trans (length_topByScore_le 1 FollowState.score ℓ v) hs
  message _ _ a view :=
    ⟨(announced view a.idx).val, Nat.lt_of_lt_of_le (announced view a.idx).isLt hw⟩
  update _ a msgs :=
    ⟨a.idx, a.ptr, decide (a.idx = readToken (msgs 0) a.idx), readToken (msgs 0) a.idx⟩
  output := o
  decode a := a.ans

/-- The follower's controller is locality-respecting. -/
theorem sequentialFollower_isLocalityRespecting {n s m p : Nat} (hs : 1 ≤ s)
    (hw : n ≤ 2 ^ (m * p)) (o : Fin n) :
    (sequentialFollower n s m p hs hw o).controller.IsLocalityRespecting :=
  topByScore_isLocalityRespecting 1 FollowState.score

/-- With scores `1` at `y` and `0` elsewhere, the top position is `y` alone. -/
theorem mem_topPositions_one_iff {n : Nat} {r : Fin n → Nat} {y : Fin n}
    (hr : ∀ j, r j = if j = y then 1 else 0) (j : Fin n) : j ∈ topPositions 1 r ↔ j = y := by
  rw [mem_topPositions]
  constructor
  · intro hj
    apply Classical.byContradiction
    intro hne
    have hb : beats r y j = true := by
      simp [beats, hr, hne]
    have := rankOf_lt_of_beats hb
    omega
  · intro hj
    subst hj
    have hnone : ∀ j' ∈ List.finRange n, beats r j' j = true → (fun _ => false) j' = true := by
      intro j' _ hb
      by_cases hj' : j' = j
      · subst hj'
        rw [beats_self] at hb
        exact absurd hb (by decide)
      · simp [beats, hr, hj'] at hb
    have hle := length_filter_le_of_imp (fun j' => beats r j' j) (fun _ => false)
      (List.finRange n) hnone
    have h0 : ((List.finRange n).filter fun _ : Fin n => false).length = 0 := by simp
    unfold rankOf
    omega

/-- `find?` returns the only entry that satisfies the predicate. -/
theorem find?_eq_some_of_unique {α : Type} {q : α → Bool} {l : List α} {a : α} (ha : a ∈ l)
    (hqa : q a = true) (huniq : ∀ b ∈ l, q b = true → b = a) : l.find? q = some a := by
  cases h : l.find? q with
  | none =>
    have := List.find?_eq_none.mp h a ha
    simp [hqa] at this
  | some b =>
    rw [huniq b (List.mem_of_find?_eq_some h) (List.find?_some h)]

/-- The announced pointer is that of the only active entry of the view. -/
theorem announced_eq {n : Nat} {view : List (Fin n × FollowState n)} {e : Fin n × FollowState n}
    (hmem : e ∈ view) (hact : e.2.active = true)
    (huniq : ∀ b ∈ view, b.2.active = true → b = e) (d : Fin n) : announced view d = e.2.ptr := by
  unfold announced
  rw [find?_eq_some_of_unique hmem hact huniq]
  rfl

/-- A message whose value is the token `y` reads as `y`. -/
theorem readToken_of_val {n K : Nat} {c : Fin K} {y d : Fin n} (h : c.val = y.val) :
    readToken c d = y := by
  unfold readToken
  rw [dif_pos (by rw [h]; exact y.isLt)]
  exact Fin.ext h

/-- **The follower's invariant.** After `ℓ` layers on `(f, x)`, every position `i` keeps its
index and pointer, is active exactly when it is `hop f ℓ x`, and (for `ℓ ≥ 1`) holds
`hop f ℓ x` as its last announced token. -/
theorem sequentialFollower_statesAt {n s m p : Nat} (hs : 1 ≤ s) (hw : n ≤ 2 ^ (m * p))
    (o : Fin n) (f : PointerMap n) (x : Fin n) : ∀ ℓ (i : Fin n),
      FollowState.idx ((sequentialFollower n s m p hs hw o).statesAt f x ℓ i) = i ∧
      FollowState.ptr ((sequentialFollower n s m p hs hw o).statesAt f x ℓ i) = f i ∧
      FollowState.active ((sequentialFollower n s m p hs hw o).statesAt f x ℓ i) =
        decide (i = hop f ℓ x) ∧
      (1 ≤ ℓ → FollowState.ans ((sequentialFollower n s m p hs hw o).statesAt f x ℓ i) =
        hop f ℓ x)
  | 0, i => ⟨rfl, rfl, rfl, fun h => absurd h (by decide)⟩
  | ℓ + 1, i => by
    let M := sequentialFollower n s m p hs hw o
    let v : Fin n → FollowState n := M.statesAt f x ℓ
    have ih : ∀ j, (v j).idx = j ∧ (v j).ptr = f j ∧ (v j).active = decide (j = hop f ℓ x) :=
      fun j => ⟨(sequentialFollower_statesAt hs hw o f x ℓ j).1,
        (sequentialFollower_statesAt hs hw o f x ℓ j).2.1,
        (sequentialFollower_statesAt hs hw o f x ℓ j).2.2.1⟩
    have hscore : ∀ j, FollowState.score (v j) = if j = hop f ℓ x then 1 else 0 := by
      intro j
      unfold FollowState.score
      rw [(ih j).2.2]
      by_cases hj : j = hop f ℓ x <;> simp [hj]
    have htop : ∀ j, j ∈ topPositions 1 (fun j => FollowState.score (v j)) ↔ j = hop f ℓ x :=
      mem_topPositions_one_iff hscore
    have hview : M.cachedView ℓ v =
        (topPositions 1 (fun j => FollowState.score (v j))).map fun j => (j, v j) := rfl
    have hann : ∀ d, announced (M.cachedView ℓ v) d = hop f (ℓ + 1) x := by
      intro d
      have hmem : (hop f ℓ x, v (hop f ℓ x)) ∈ M.cachedView ℓ v := by
        rw [hview]
        exact List.mem_map.mpr ⟨hop f ℓ x, (htop _).mpr rfl, rfl⟩
      have hact : (v (hop f ℓ x)).active = true := by
        rw [(ih (hop f ℓ x)).2.2]
        simp
      have huniq : ∀ b ∈ M.cachedView ℓ v, b.2.active = true → b = (hop f ℓ x, v (hop f ℓ x)) := by
        intro b hb _
        rw [hview] at hb
        obtain ⟨j, hj, rfl⟩ := List.mem_map.mp hb
        rw [(htop j).mp hj]
      rw [announced_eq hmem hact huniq d]
      show (v (hop f ℓ x)).ptr = hop f (ℓ + 1) x
      rw [(ih _).2.1, hop_succ']
    have hread : readToken (M.message ℓ 0 (v i) (M.cachedView ℓ v)) (v i).idx =
        hop f (ℓ + 1) x := by
      apply readToken_of_val
      show (announced (M.cachedView ℓ v) (v i).idx).val = (hop f (ℓ + 1) x).val
      rw [hann]
    refine ⟨(ih i).1, (ih i).2.1, ?_, fun _ => ?_⟩
    · show decide ((v i).idx = readToken (M.message ℓ 0 (v i) (M.cachedView ℓ v)) (v i).idx) =
        decide (i = hop f (ℓ + 1) x)
      rw [hread, (ih i).1]
    · show readToken (M.message ℓ 0 (v i) (M.cachedView ℓ v)) (v i).idx = hop f (ℓ + 1) x
      exact hread

/-- **The sequential follower solves k-hop pointer chasing with `k` layers** (`k ≥ 1`, cache
`s ≥ 1`, one head, `n ≤ 2^(m·p)`), with a locality-respecting controller. -/
theorem sequentialFollower_solves {n s m p : Nat} (hs : 1 ≤ s) (hw : n ≤ 2 ^ (m * p))
    (o : Fin n) {k : Nat} (hk : 1 ≤ k) : (sequentialFollower n s m p hs hw o).Solves k k := by
  intro f x
  exact (sequentialFollower_statesAt hs hw o f x k o).2.2.2 hk

end CacheDepth
