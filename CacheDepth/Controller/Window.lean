module

public import CacheDepth.Controller.Locality

/-!
# Sliding windows and attention sinks

Two fixed-schedule compression methods: keep the most recent `w` positions (sliding
window), or keep the first `a` positions as "attention sinks" plus the most recent `w`
(StreamingLLM). Both ignore the states, so both are oblivious and hence
locality-respecting.

Modelling choice: in a decoder the window slides as tokens arrive; here all `n` input
tokens are present from the start (the pointer-chasing input is read at once), so the
window is the fixed set of the last `w` positions at every layer.

The definitions are `noncomputable` because the npm (WebAssembly) Lean toolchain cannot
generate code for calls into other modules; `pybridge/model/controllers.py` is their
executable mirror.
-/

@[expose] public section

namespace CacheDepth

/-- The last `w` positions `n - w, …, n - 1` (all positions when `w ≥ n`). -/
noncomputable def recentPositions (n w : Nat) : List (Fin n) :=
  (List.range w).filterMap fun t => if h : n - w + t < n then some ⟨n - w + t, h⟩ else none

/-- The first `a` positions `0, …, a - 1` (all positions when `a ≥ n`). -/
noncomputable def firstPositions (n a : Nat) : List (Fin n) :=
  (List.range a).filterMap fun t => if h : t < n then some ⟨t, h⟩ else none

/-- At most `w` recent positions are kept. -/
theorem length_recentPositions_le (n w : Nat) : (recentPositions n w).length ≤ w := by
  unfold recentPositions
  have := List.length_filterMap_le
    (fun t => if h : n - w + t < n then some (⟨n - w + t, h⟩ : Fin n) else none) (List.range w)
  rw [List.length_range] at this
  exact this

/-- At most `a` sink positions are kept. -/
theorem length_firstPositions_le (n a : Nat) : (firstPositions n a).length ≤ a := by
  unfold firstPositions
  have := List.length_filterMap_le
    (fun t => if h : t < n then some (⟨t, h⟩ : Fin n) else none) (List.range a)
  rw [List.length_range] at this
  exact this

variable {σ : Type}

/-- Sliding-window attention with a window of `s` positions. -/
noncomputable def slidingWindow (n s : Nat) : Controller n σ :=
  Controller.ofSchedule fun _ => recentPositions n s

/-- StreamingLLM: `a` attention-sink positions plus a recent window of `w` positions, at most
`a + w` entries. When `a + w > n` the two parts overlap and the list names some positions
twice. -/
noncomputable def sinksAndWindow (n a w : Nat) : Controller n σ :=
  Controller.ofSchedule fun _ => firstPositions n a ++ recentPositions n w

/-- The sliding window never caches more than `s` positions. -/
theorem length_slidingWindow_le (n s ℓ : Nat) (v : Fin n → σ) :
    (slidingWindow n s ℓ v).length ≤ s :=
  length_recentPositions_le n s

/-- Sinks plus window never cache more than `a + w` positions. -/
theorem length_sinksAndWindow_le (n a w ℓ : Nat) (v : Fin n → σ) :
    (sinksAndWindow n a w ℓ v).length ≤ a + w := by
  show (firstPositions n a ++ recentPositions n w).length ≤ a + w
  rw [List.length_append]
  exact Nat.add_le_add (length_firstPositions_le n a) (length_recentPositions_le n w)

/-- The sliding window is locality-respecting (it is oblivious). -/
theorem slidingWindow_isLocalityRespecting (n s : Nat) :
    (slidingWindow (σ := σ) n s).IsLocalityRespecting :=
  (Controller.ofSchedule_isOblivious _).isLocalityRespecting

/-- StreamingLLM's sinks plus window are locality-respecting (they are oblivious). -/
theorem sinksAndWindow_isLocalityRespecting (n a w : Nat) :
    (sinksAndWindow (σ := σ) n a w).IsLocalityRespecting :=
  (Controller.ofSchedule_isOblivious _).isLocalityRespecting

end CacheDepth
