module

public import CacheDepth.UpperBound.Sequential
public import CacheDepth.Conjecture

/-!
# The marker relay: one-bit messages follow the chain (and refute the product bound here)

In our model a message may depend on the receiver's own state and on the cached states.
That lets a single bit move the chain one hop: when the current chain token is cached,
every position asks "does the cached token point to me?", and the position that gets
`1` becomes the next chain token. After `k` such layers the `k`-th chain token is marked;
then `⌈log₂ n⌉` more layers send its index to the output one bit per layer.

`markerRelay` does this with one head, a cache of one position (the top position by the
per-token score "marked first", so the controller is locality-respecting) and messages of
`m·p ≥ 1` bits. It solves k-hop pointer chasing with `k + ⌈log₂ n⌉` layers
(`markerRelay_solves`).

**Consequence for the conjecture.** With `m·p = 1`, `s = 1`, `n = 2^W` and `k = W`, the
product bound is `W·W`, while the marker relay uses `2W` layers. So no constant `c` makes
the product bound hold in our model (`product_conjecture_false`). The paper's conjecture is
about softmax attention, where a position's output is a weighted average of `m`-dimensional
values and the query-key match is itself limited by `m·p` bits; our relaxation lets the
receiver compare its full state with the full cached state for free. A corrected
statement needs a model in which that comparison is also charged to the `m·p` bits; see
`Conjecture.lean`.

## Main statements

* `RelayState`, `relayMessage`, `relayUpdate`, `markerRelay`.
* `markerRelay_isLocalityRespecting`, `markerRelay_marking`, `markerRelay_readout`,
  `markerRelay_solves`.
* `product_conjecture_false`: `¬ ∃ c, 0 < c ∧ ProductBoundHolds c`.
-/

@[expose] public section

namespace CacheDepth

/-- The state of a position in the marker relay: its index, its pointer, whether it is the
marked chain token, and the bits of the answer received so far, as a number. -/
structure RelayState (n : Nat) where
  /-- The position's own index. -/
  idx : Fin n
  /-- The position's own pointer. -/
  ptr : Fin n
  /-- Whether the position is the chain token reached so far. -/
  marked : Bool
  /-- The low bits of the answer received so far. -/
  acc : Nat

/-- The controller's per-token score: `1` for the marked position, `0` otherwise. -/
def RelayState.score {n : Nat} (a : RelayState n) : Nat := if a.marked then 1 else 0

/-- A bit as a message of `m·p ≥ 1` bits. -/
def bitMessage {m p : Nat} (hmp : 1 ≤ m * p) (b : Nat) : Fin (2 ^ (m * p)) :=
  ⟨b % 2, Nat.lt_of_lt_of_le (Nat.mod_lt b (by decide))
    (by have := Nat.pow_le_pow_right (by decide : 2 > 0) hmp; simpa using this)⟩

/-- The relay's message at layer `ℓ` to a position in state `a`: during the first `k` layers,
whether the first marked cached position points to `a`; afterwards, bit `ℓ - k` of the index
of the first marked cached position. (`noncomputable` only because the npm Lean toolchain
cannot generate code for calls into other modules.) -/
noncomputable def relayMessage {n m p : Nat} (k : Nat) (hmp : 1 ≤ m * p) (ℓ : Nat)
    (a : RelayState n) (view : List (Fin n × RelayState n)) : Fin (2 ^ (m * p)) :=
  match view.find? fun e => e.2.marked with
  | none => bitMessage hmp 0
  | some e =>
    if ℓ < k then bitMessage hmp (if a.idx = e.2.ptr then 1 else 0)
    else bitMessage hmp ((e.1.val / 2 ^ (ℓ - k)) % 2)

/-- The relay's update: during the first `k` layers a position is marked exactly when its
bit is `1`; afterwards it adds bit `ℓ - k`, weighted by `2^(ℓ-k)`, to `acc`. -/
def relayUpdate {n m p : Nat} (k ℓ : Nat) (a : RelayState n) (msgs : Fin 1 → Fin (2 ^ (m * p))) :
    RelayState n :=
  if ℓ < k then ⟨a.idx, a.ptr, decide ((msgs 0).val = 1), a.acc⟩
  else ⟨a.idx, a.ptr, a.marked, a.acc + 2 ^ (ℓ - k) * (msgs 0).val⟩

/-- The relay reads the answer off `acc`, or answers its own index if `acc` is not a token. -/
def relayDecode {n : Nat} (a : RelayState n) : Fin n :=
  if h : a.acc < n then ⟨a.acc, h⟩ else a.idx

/-- **The marker relay** for k-hop pointer chasing on `n` tokens: one head, a cache of one
position chosen by `RelayState.score`, messages of `m·p ≥ 1` bits, output position `o`. -/
noncomputable def markerRelay (n m p k : Nat) (hmp : 1 ≤ m * p) (o : Fin n) :
    CacheTransformer n 1 1 m p where
  State := RelayState n
  init i t b := ⟨i, t, b, 0⟩
  controller := topByScore 1 RelayState.score
  cache_length_le ℓ v := length_topByScore_le 1 RelayState.score ℓ v
  message ℓ _ a view := relayMessage k hmp ℓ a view
  update ℓ a msgs := relayUpdate k ℓ a msgs
  output := o
  decode := relayDecode

/-- The relay's controller is locality-respecting. -/
theorem markerRelay_isLocalityRespecting {n m p k : Nat} (hmp : 1 ≤ m * p) (o : Fin n) :
    (markerRelay n m p k hmp o).controller.IsLocalityRespecting :=
  topByScore_isLocalityRespecting 1 RelayState.score

/-- The state vector in which `y` is the only marked position and every position holds
`acc = a`. -/
def relayVector {n : Nat} (f : PointerMap n) (y : Fin n) (a : Nat) : Fin n → RelayState n :=
  fun i => ⟨i, f i, decide (i = y), a⟩

/-- On `relayVector f y a`, the first marked cached position is `y`. -/
theorem relay_find {n m p k : Nat} (hmp : 1 ≤ m * p) (o : Fin n) (f : PointerMap n) (y : Fin n)
    (a ℓ : Nat) :
    (((markerRelay n m p k hmp o).cachedView ℓ (relayVector f y a) :
        List (Fin n × RelayState n)).find? fun e : Fin n × RelayState n => e.2.marked) =
      some (y, relayVector f y a y) := by
  have hscore : ∀ j, RelayState.score (relayVector f y a j) = if j = y then 1 else 0 := by
    intro j
    by_cases hj : j = y <;> simp [RelayState.score, relayVector, hj]
  have htop := mem_topPositions_one_iff hscore
  show ((topPositions 1 fun j => RelayState.score (relayVector f y a j)).map
      fun j => (j, relayVector f y a j)).find? (fun e => e.2.marked) = _
  apply find?_eq_some_of_unique
  · exact List.mem_map.mpr ⟨y, (htop y).mpr rfl, rfl⟩
  · simp [relayVector]
  · intro b hb _
    obtain ⟨j, hj, rfl⟩ := List.mem_map.mp hb
    rw [(htop j).mp hj]

/-- One layer of the relay, unfolded. -/
theorem markerRelay_step {n m p k : Nat} (hmp : 1 ≤ m * p) (o : Fin n) (f : PointerMap n)
    (x : Fin n) (ℓ : Nat) (i : Fin n) :
    (markerRelay n m p k hmp o).statesAt f x (ℓ + 1) i =
      relayUpdate k ℓ ((markerRelay n m p k hmp o).statesAt f x ℓ i)
        (fun _ => relayMessage k hmp ℓ ((markerRelay n m p k hmp o).statesAt f x ℓ i)
          ((markerRelay n m p k hmp o).cachedView ℓ ((markerRelay n m p k hmp o).statesAt f x ℓ))) :=
  rfl

/-- **Marking phase.** After `ℓ ≤ k` layers, exactly the `ℓ`-th chain token is marked and no
bit has been received. -/
theorem markerRelay_marking {n m p k : Nat} (hmp : 1 ≤ m * p) (o : Fin n) (f : PointerMap n)
    (x : Fin n) : ∀ ℓ, ℓ ≤ k →
      (markerRelay n m p k hmp o).statesAt f x ℓ = relayVector f (hop f ℓ x) 0
  | 0, _ => rfl
  | ℓ + 1, h => by
    have ih := markerRelay_marking (k := k) hmp o f x ℓ (by omega)
    funext i
    rw [markerRelay_step, ih]
    have hlt : ℓ < k := by omega
    unfold relayMessage
    rw [relay_find]
    simp only [relayUpdate, hlt, if_true]
    show RelayState.mk i (f i) _ 0 = RelayState.mk i (f i) _ 0
    congr 1
    simp only [relayVector, bitMessage]
    rw [hop_succ']
    by_cases hi : i = f (hop f ℓ x) <;> simp [hi]

/-- **Readout phase.** After `k + j` layers the `k`-th chain token is still the only marked
position, and every position holds its low `j` bits. -/
theorem markerRelay_readout {n m p k : Nat} (hmp : 1 ≤ m * p) (o : Fin n) (f : PointerMap n)
    (x : Fin n) : ∀ j, (markerRelay n m p k hmp o).statesAt f x (k + j) =
      relayVector f (hop f k x) ((hop f k x).val % 2 ^ j)
  | 0 => by
    rw [Nat.add_zero, markerRelay_marking hmp o f x k (Nat.le_refl k), Nat.pow_zero,
      Nat.mod_one]
  | j + 1 => by
    have ih := markerRelay_readout (k := k) hmp o f x j
    funext i
    rw [show k + (j + 1) = (k + j) + 1 by omega, markerRelay_step, ih]
    have hnlt : ¬ (k + j < k) := by omega
    have hsub : k + j - k = j := by omega
    unfold relayMessage
    rw [relay_find]
    simp only [relayUpdate, hnlt, if_false, hsub]
    show RelayState.mk i (f i) _ _ = RelayState.mk i (f i) _ _
    congr 1
    simp only [relayVector, bitMessage, Nat.mod_mod]
    rw [Nat.mod_pow_succ]

/-- **The marker relay solves k-hop pointer chasing with `k + ⌈log₂ n⌉` layers**, for every
`k`, with one head, a cache of one position and messages of `m·p ≥ 1` bits. -/
theorem markerRelay_solves {n m p k : Nat} (hmp : 1 ≤ m * p) (o : Fin n) :
    (markerRelay n m p k hmp o).Solves (k + clog2 n) k := by
  intro f x
  have hstate := congrFun (markerRelay_readout (k := k) hmp o f x (clog2 n)) o
  have hlt : (hop f k x).val < 2 ^ clog2 n :=
    Nat.lt_of_lt_of_le (hop f k x).isLt (le_two_pow_clog2 n)
  show relayDecode ((markerRelay n m p k hmp o).statesAt f x (k + clog2 n) o) = hop f k x
  rw [hstate]
  unfold relayDecode
  simp only [relayVector, Nat.mod_eq_of_lt hlt, (hop f k x).isLt, dif_pos]

/-- `⌈log₂ 2^W⌉ = W`. -/
theorem clog2_two_pow (W : Nat) : clog2 (2 ^ W) = W := by
  apply Nat.le_antisymm
  · exact clog2_le_iff.mpr (Nat.le_refl _)
  · apply Nat.le_of_not_lt
    intro hlt
    have h1 := Nat.pow_lt_pow_right (by decide : 1 < 2) hlt
    have h2 := le_two_pow_clog2 (2 ^ W)
    omega

/-- `4W ≤ 2^W` for `W ≥ 4`. -/
theorem four_mul_le_two_pow : ∀ W, 4 ≤ W → 4 * W ≤ 2 ^ W
  | 0, h | 1, h | 2, h | 3, h => absurd h (by decide)
  | 4, _ => by decide
  | W + 5, _ => by
    have ih := four_mul_le_two_pow (W + 4) (by omega)
    rw [Nat.pow_succ]
    omega

/-- **The product bound fails in the unrestricted model.** No constant `c > 0` makes
`ProductBoundHolds c` true: with `W = 2c + 4`, `n = 2^W` tokens, `k = W` hops, one head,
`m = p = 1` and a cache of one entry, the marker relay solves k-hop pointer chasing with
`2W` layers while the product bound is `W·W > c·2W`. The hypotheses `n ≥ 4k` and
`16·s² ≤ n` hold because `W ≥ 4`. -/
theorem product_conjecture_false : ¬ ∃ c, 0 < c ∧ ProductBoundHolds c := by
  rintro ⟨c, _, hprod⟩
  have hW4 : 4 ≤ 2 * c + 4 := by omega
  have hclog : clog2 (2 ^ (2 * c + 4)) = 2 * c + 4 := clog2_two_pow _
  have hpos : 0 < 2 ^ (2 * c + 4) := Nat.two_pow_pos _
  have h := hprod (2 ^ (2 * c + 4)) (2 * c + 4) 1 1 1 1 (2 * c + 4 + clog2 (2 ^ (2 * c + 4)))
    (markerRelay (2 ^ (2 * c + 4)) 1 1 (2 * c + 4) (by decide) ⟨0, hpos⟩)
    (markerRelay_isLocalityRespecting _ _) (four_mul_le_two_pow _ hW4)
    (Nat.le_trans (by decide : 16 * (1 * 1) ≤ 2 ^ 4) (Nat.pow_le_pow_right (by decide) hW4))
    (markerRelay_solves _ _)
  have hreach : reachDepth (2 * c + 4) 1 = 2 * c + 4 := by
    simp [reachDepth, ceilDiv]
  have hband : bandwidthDepth (2 ^ (2 * c + 4)) 1 1 1 = 2 * c + 4 := by
    simp [bandwidthDepth, ceilDiv, hclog]
  rw [productBound, hreach, hband, hclog] at h
  -- h : (2c+4)·(2c+4) ≤ c·((2c+4) + (2c+4)) = 2c·(2c+4), which fails since 2c + 4 > 2c
  generalize hX : 2 * c + 4 = X at h
  have e : c * (X + X) = (2 * c) * X := by rw [Nat.mul_add, Nat.two_mul, Nat.add_mul]
  rw [e] at h
  have := Nat.le_of_mul_le_mul_right h (by omega : 0 < X)
  omega

end CacheDepth
