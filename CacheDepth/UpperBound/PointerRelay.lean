module

public import CacheDepth.UpperBound.Chunks
public import CacheDepth.UpperBound.Sequential

/-!
# The pointer relay: one hop per `⌈log₂ n/(m·p)⌉` layers (the trivial part of claim C4)

The construction of claim C4 with one hop per window: the chain is followed one token at a
time, and each pointer is sent in `W = ⌈⌈log₂ n⌉/(m·p)⌉` chunks. It is the sequential
follower (`Sequential.lean`) for messages narrower than a token.

**The protocol.** A position keeps its index, its pointer, a flag `holds` (it is the chain
token of the current round), the chunks of the current round received so far (`recv`),
and the last token completely received (`reached`, initially its own index). Round `t`
runs the layers `t·W, …, t·W + W - 1`. Every layer caches the top `s` positions by the
score "holds first" (`topByScore`, so the controller is locality-respecting), and every
position receives chunk `ℓ % W` of the pointer of the cached holder. At the last chunk of
a round every position sets `reached` to the received token, `holds` to whether that
token is itself, and clears `recv`. So after round `t` every position has reached
`f^[t] x`, and `k` rounds answer k-hop pointer chasing: depth `k·W`
(`pointerRelay_solves`).

`pybridge/upper/pointer_relay.py` runs the same protocol with output position 0.

## Main statements

* `pointerRelay`: the model, one head, any cache size `s`.
* `pointerRelay_isLocalityRespecting`: its controller is locality-respecting.
* `pointerRelay_round`: after `c + t·W` layers (`c < W`), `f^[t] x` holds and every
  position has the low `c` chunks of `f^[t+1] x`.
* `pointerRelay_solves`: `k·W` layers solve k-hop pointer chasing, for `n ≥ 2`, `k ≥ 1`,
  `s ≥ 1` and `m·p ≥ 1`.
-/

@[expose] public section

namespace CacheDepth

/-- The state of a position in the pointer relay: its index and pointer, whether it holds
the pointer being sent, the chunks received in this round, and the last token received. -/
structure PointerRelayState (n : Nat) where
  /-- The position's own index. -/
  idx : Fin n
  /-- The position's own pointer. -/
  ptr : Fin n
  /-- Whether the position is the chain token of the current round. -/
  holds : Bool
  /-- The sum of the chunks received in the current round. -/
  recv : Nat
  /-- The last token received completely. -/
  reached : Fin n

/-- The controller's per-token score: `1` for the holder, `0` otherwise. -/
def PointerRelayState.score {n : Nat} (a : PointerRelayState n) : Nat := if a.holds then 1 else 0

/-- The pointer of the first cached holder, as a number, or `0` if no cached position holds
it. (`noncomputable` only because the npm Lean toolchain cannot generate code for calls
into other modules.) -/
noncomputable def heldPointer {n : Nat} (view : List (Fin n × PointerRelayState n)) : Nat :=
  ((view.find? fun e => e.2.holds).map fun e => e.2.ptr.val).getD 0

/-- The relay's update on receiving chunk `c` of a round of `W` chunks: add the chunk to
`recv`; at the last chunk, move `reached` and `holds` to the received token and clear
`recv`. -/
def pointerRelayUpdate {n : Nat} (W m p c : Nat) (a : PointerRelayState n)
    (msgs : Fin 1 → Message m p) : PointerRelayState n :=
  if c + 1 < W then { a with recv := receiveChunk m p c a.recv (msgs 0) }
  else
    ⟨a.idx, a.ptr, decide (a.idx = natToken (receiveChunk m p c a.recv (msgs 0)) a.idx), 0,
      natToken (receiveChunk m p c a.recv (msgs 0)) a.idx⟩

/-- **The pointer relay** on `n` tokens with a cache of `s` positions, one head and output
position `o`. -/
noncomputable def pointerRelay (n s m p : Nat) (o : Fin n) : CacheTransformer n s 1 m p where
  State := PointerRelayState n
  init i t b := ⟨i, t, b, 0, i⟩
  controller := topByScore s PointerRelayState.score
  cache_length_le ℓ v := length_topByScore_le s PointerRelayState.score ℓ v
  message ℓ _ _ view := chunkMessage m p (heldPointer view) (ℓ % chunkCount n m p)
  update ℓ a msgs := pointerRelayUpdate (chunkCount n m p) m p (ℓ % chunkCount n m p) a msgs
  output := o
  decode a := a.reached

/-- The relay's controller is locality-respecting. -/
theorem pointerRelay_isLocalityRespecting (n s m p : Nat) (o : Fin n) :
    (pointerRelay n s m p o).controller.IsLocalityRespecting :=
  topByScore_isLocalityRespecting s PointerRelayState.score

/-- The state vector in which `y` is the only holder, every position has received `r`, and
position `i` has reached `R i`. -/
def pointerRelayVector {n : Nat} (f : PointerMap n) (y : Fin n) (r : Nat) (R : Fin n → Fin n) :
    Fin n → PointerRelayState n :=
  fun i => ⟨i, f i, decide (i = y), r, R i⟩

/-- On `pointerRelayVector f y r R` with a cache of `s ≥ 1` positions, the held pointer is
`f y`. -/
theorem pointerRelay_held {n s m p : Nat} (hs : 1 ≤ s) (o : Fin n) (f : PointerMap n) (y : Fin n)
    (r : Nat) (R : Fin n → Fin n) (ℓ : Nat) :
    heldPointer ((pointerRelay n s m p o).cachedView ℓ (pointerRelayVector f y r R) :
      List (Fin n × PointerRelayState n)) = (f y).val := by
  have hscore : ∀ j, PointerRelayState.score (pointerRelayVector f y r R j) =
      if j = y then 1 else 0 := by
    intro j
    by_cases hj : j = y <;> simp [PointerRelayState.score, pointerRelayVector, hj]
  have hy : y ∈ topPositions s fun j => PointerRelayState.score (pointerRelayVector f y r R j) := by
    have := mem_topPositions.mp ((mem_topPositions_one_iff hscore y).mpr rfl)
    exact mem_topPositions.mpr (by omega)
  have hfind : (((topPositions s fun j => PointerRelayState.score (pointerRelayVector f y r R j)).map
      fun j => (j, pointerRelayVector f y r R j)).find? fun e => e.2.holds) =
      some (y, pointerRelayVector f y r R y) := by
    apply find?_eq_some_of_unique
    · exact List.mem_map.mpr ⟨y, hy, rfl⟩
    · simp [pointerRelayVector]
    · intro b hb hq
      obtain ⟨j, _, rfl⟩ := List.mem_map.mp hb
      have hj : j = y := by simpa [pointerRelayVector] using hq
      rw [hj]
  unfold heldPointer
  show Option.getD (Option.map (fun e : Fin n × PointerRelayState n => e.2.ptr.val)
      (List.find? (fun e : Fin n × PointerRelayState n => e.2.holds)
        ((topPositions s fun j => PointerRelayState.score (pointerRelayVector f y r R j)).map
          fun j => (j, pointerRelayVector f y r R j)))) 0 = (f y).val
  rw [hfind]
  rfl

/-- One layer of the relay, unfolded. -/
theorem pointerRelay_step {n s m p : Nat} (o : Fin n) (f : PointerMap n) (x : Fin n) (ℓ : Nat)
    (i : Fin n) :
    (pointerRelay n s m p o).statesAt f x (ℓ + 1) i =
      pointerRelayUpdate (chunkCount n m p) m p (ℓ % chunkCount n m p)
        ((pointerRelay n s m p o).statesAt f x ℓ i)
        (fun _ => chunkMessage m p (heldPointer ((pointerRelay n s m p o).cachedView ℓ
          ((pointerRelay n s m p o).statesAt f x ℓ))) (ℓ % chunkCount n m p)) :=
  rfl

/-- The state vector after `c` chunks of round `t`: `f^[t] x` holds, every position has the
low `c` chunks of `f^[t+1] x`, and every position has reached `f^[t] x` (its own index
before the first round ends). (`noncomputable` only because the npm Lean toolchain cannot
generate code for calls into other modules.) -/
noncomputable def pointerRelayRound {n : Nat} (m p : Nat) (f : PointerMap n) (x : Fin n) (t c : Nat) :
    Fin n → PointerRelayState n :=
  pointerRelayVector f (hop f t x) ((hop f (t + 1) x).val % (2 ^ (m * p)) ^ c)
    (fun i => if t = 0 then i else hop f t x)

/-- The layer `c + t·W` of the relay, from the round invariant: every position applies the
update for chunk `c` to chunk `c` of `f^[t+1] x`. -/
theorem pointerRelay_layer {n s m p : Nat} (hs : 1 ≤ s) (o : Fin n) (f : PointerMap n) (x : Fin n)
    {t c : Nat} (hc : c < chunkCount n m p)
    (h : (pointerRelay n s m p o).statesAt f x (c + t * chunkCount n m p) =
      pointerRelayRound m p f x t c) (i : Fin n) :
    (pointerRelay n s m p o).statesAt f x (c + t * chunkCount n m p + 1) i =
      pointerRelayUpdate (chunkCount n m p) m p c (pointerRelayRound m p f x t c i)
        (fun _ => chunkMessage m p (hop f (t + 1) x).val c) := by
  have hmod : (c + t * chunkCount n m p) % chunkCount n m p = c := by
    rw [Nat.add_mul_mod_self_right, Nat.mod_eq_of_lt hc]
  rw [pointerRelay_step, h, hmod]
  unfold pointerRelayRound
  rw [pointerRelay_held hs, ← hop_succ' (f := f) t x]

/-- **The relay's invariant.** After `c + t·W` layers with `c < W`, the state vector is
`pointerRelayRound m p f x t c` (cache `s ≥ 1`, `n ≥ 2` tokens, `m·p ≥ 1`). -/
theorem pointerRelay_round {n s m p : Nat} (hs : 1 ≤ s) (hn : 2 ≤ n) (hmp : 1 ≤ m * p)
    (o : Fin n) (f : PointerMap n) (x : Fin n) : ∀ t c, c < chunkCount n m p →
      (pointerRelay n s m p o).statesAt f x (c + t * chunkCount n m p) =
        pointerRelayRound m p f x t c := by
  have hW := chunkCount_pos hn hmp
  -- Within a round: from chunk `c` to chunk `c + 1`.
  have within : ∀ t c, c + 1 < chunkCount n m p →
      (pointerRelay n s m p o).statesAt f x (c + t * chunkCount n m p) =
        pointerRelayRound m p f x t c →
      (pointerRelay n s m p o).statesAt f x (c + 1 + t * chunkCount n m p) =
        pointerRelayRound m p f x t (c + 1) := by
    intro t c hc h
    funext i
    rw [show c + 1 + t * chunkCount n m p = c + t * chunkCount n m p + 1 by omega,
      pointerRelay_layer hs o f x (by omega) h]
    unfold pointerRelayUpdate
    rw [if_pos hc]
    simp only [pointerRelayRound, pointerRelayVector, receiveChunk_chunkMessage]
  -- Across rounds: from the last chunk of round `t` to chunk `0` of round `t + 1`.
  have across : ∀ t,
      (pointerRelay n s m p o).statesAt f x (chunkCount n m p - 1 + t * chunkCount n m p) =
        pointerRelayRound m p f x t (chunkCount n m p - 1) →
      (pointerRelay n s m p o).statesAt f x (0 + (t + 1) * chunkCount n m p) =
        pointerRelayRound m p f x (t + 1) 0 := by
    intro t h
    funext i
    rw [show 0 + (t + 1) * chunkCount n m p =
        chunkCount n m p - 1 + t * chunkCount n m p + 1 by rw [Nat.add_mul, Nat.one_mul]; omega,
      pointerRelay_layer hs o f x (by omega) h]
    unfold pointerRelayUpdate
    rw [if_neg (by omega)]
    have hlast : chunkCount n m p - 1 + 1 = chunkCount n m p := by omega
    simp only [pointerRelayRound, pointerRelayVector, receiveChunk_chunkMessage, hlast,
      Nat.mod_eq_of_lt (lt_pow_chunkCount hmp (hop f (t + 1) x).isLt), natToken_val,
      Nat.pow_zero, Nat.mod_one, Nat.add_one_ne_zero, if_false]
  -- Round by round, chunk by chunk.
  have start : ∀ t, (pointerRelay n s m p o).statesAt f x (0 + t * chunkCount n m p) =
      pointerRelayRound m p f x t 0 := by
    intro t
    induction t with
    | zero =>
      rw [Nat.zero_mul]
      funext i
      show PointerRelayState.mk i (f i) (decide (i = x)) 0 i = _
      simp [pointerRelayRound, pointerRelayVector, hop_zero, Nat.mod_one]
    | succ t ih =>
      apply across
      have key : ∀ c, c < chunkCount n m p →
          (pointerRelay n s m p o).statesAt f x (c + t * chunkCount n m p) =
            pointerRelayRound m p f x t c := by
        intro c
        induction c with
        | zero => intro _; exact ih
        | succ c ihc => intro hc; exact within t c hc (ihc (by omega))
      exact key _ (by omega)
  intro t c
  induction c with
  | zero => intro _; exact start t
  | succ c ihc => intro hc; exact within t c hc (ihc (by omega))

/-- **The pointer relay solves k-hop pointer chasing with `k·⌈⌈log₂ n⌉/(m·p)⌉` layers**, for
`n ≥ 2`, `k ≥ 1`, a cache of `s ≥ 1` positions, one head and `m·p ≥ 1`. -/
theorem pointerRelay_solves {n s m p : Nat} (hs : 1 ≤ s) (hn : 2 ≤ n) (hmp : 1 ≤ m * p)
    (o : Fin n) {k : Nat} (hk : 1 ≤ k) :
    (pointerRelay n s m p o).Solves (k * chunkCount n m p) k := by
  intro f x
  have h := congrFun (pointerRelay_round hs hn hmp o f x k 0 (chunkCount_pos hn hmp)) o
  rw [Nat.zero_add] at h
  show PointerRelayState.reached ((pointerRelay n s m p o).statesAt f x (k * chunkCount n m p) o) =
    hop f k x
  rw [h]
  simp [pointerRelayRound, pointerRelayVector, show k ≠ 0 by omega]

end CacheDepth
