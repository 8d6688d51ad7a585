module

public import CacheDepth.Controller.Segment
public import CacheDepth.UpperBound.Readout

/-!
# Windowed marking: `⌈k/s⌉ - 1 + ⌈log₂ n/(m·p)⌉` layers for every cache size (claim C4)

The chain is resolved one window of `s` tokens per layer. The controller is the segment
controller (`Controller/Segment.lean`): it caches the marked chain token `y` and the `s - 1`
tokens its pointers reach, and it is locality-respecting because it follows only pointers
of the positions it caches. A message may read every cached state, so it can follow the
cached pointers from `y` to the token `s` hops ahead: in one layer every position learns
one bit, "you are `f^[s] y`", and that token becomes the marked one. This is the step that
pointer doubling performs in `⌈log₂ s⌉` stages inside a window; in our model one message
does it at once.

**The protocol.** Write `A = ⌈k/s⌉ - 1`, `r = k - A·s` (so `1 ≤ r ≤ s`) and
`W = ⌈⌈log₂ n⌉/(m·p)⌉`. A position keeps its index, its pointer, a flag `marked` (initially
the start flag) and the sum `acc` of the answer chunks received.

* Layers `ℓ < A` (marking): every position receives `1` exactly when it is the token `s`
  hops after the first cached entry, and sets `marked` to that bit. After `ℓ` layers the
  marked token is `f^[ℓ·s] x`.
* Layers `A + c`, `c < W` (readout): every position receives chunk `c` of the token `r`
  hops after the first cached entry, which is `f^[k] x`, and adds it to `acc`.

So `A + W` layers solve k-hop pointer chasing (`windowedMarking_solves`), with one head and
one-bit marking messages. This depth is at most the doubling upper bound
`doublingUpperBound n k s m p` (`windowedMarking_depth_le_doublingUpperBound`), which proves
claim C4 with constant 1 for all parameters, and it is below twice the max lower bound
(`windowedMarking_depth_lt_two_mul_maxBound`). `pybridge/upper/windowed_marking.py` runs the
same protocol with output position 0.

## Main statements

* `windowedMarking`: the model.
* `windowedMarking_isLocalityRespecting`: its controller is locality-respecting.
* `windowedMarking_marking`, `windowedMarking_readout`: the invariants of the two phases.
* `windowedMarking_solves`: `markLayers k s + chunkCount n m p` layers solve k-hop pointer
  chasing, for `k ≥ 1`, `s ≥ 1` and `m·p ≥ 1`.
* `windowedMarking_depth_le_doublingUpperBound`, `windowedMarking_depth_lt_two_mul_maxBound`.
-/

@[expose] public section

namespace CacheDepth

/-- The marking layers of the windowed marking: `⌈k/s⌉ - 1`. -/
def markLayers (k s : Nat) : Nat := ceilDiv k s - 1

/-- The hops left after the marking layers: `k - (⌈k/s⌉ - 1)·s`. -/
def lastHops (k s : Nat) : Nat := k - markLayers k s * s

/-- The marking layers cover `k - r` hops and leave `1 ≤ r ≤ s` (for `k, s ≥ 1`). -/
theorem markLayers_add_lastHops {k s : Nat} (hk : 1 ≤ k) (hs : 1 ≤ s) :
    markLayers k s * s + lastHops k s = k ∧ 1 ≤ lastHops k s ∧ lastHops k s ≤ s := by
  have h1 : k ≤ s * ceilDiv k s := le_mul_ceilDiv k hs
  have hpos : 0 < ceilDiv k s := ceilDiv_pos hs hk
  have h2 : ¬ k ≤ s * markLayers k s := by
    intro h
    have := (ceilDiv_le_iff hs).mpr h
    unfold markLayers at this
    omega
  have h3 : s * ceilDiv k s = s * markLayers k s + s := by
    unfold markLayers
    rw [← Nat.mul_succ]
    congr 1
    omega
  rw [Nat.mul_comm (markLayers k s) s]
  unfold lastHops
  rw [Nat.mul_comm (markLayers k s) s]
  omega

/-- The state of a position in the windowed marking: its index, its pointer, whether it is
the marked chain token, and the sum of the answer chunks received. -/
structure WindowState (n : Nat) where
  /-- The position's own index. -/
  idx : Fin n
  /-- The position's own pointer. -/
  ptr : Fin n
  /-- Whether the position is the marked chain token, the head of the cached window. -/
  marked : Bool
  /-- The sum of the answer chunks received so far. -/
  acc : Nat

/-- The token `t` hops after the first entry of the view, following the pointers the view
lists; `d` for an empty view. -/
noncomputable def viewHop {n : Nat} (view : List (Fin n × WindowState n)) (t : Nat) (d : Fin n) :
    Fin n :=
  match view.head? with
  | none => d
  | some e => hop (viewPointer WindowState.ptr view) t e.1

/-- The message at layer `ℓ` to a position in state `a`: during marking, whether `a` is the
token `s` hops after the head of the view; during readout, chunk `ℓ - A` of the token
`lastHops k s` hops after it. -/
noncomputable def windowMessage {n : Nat} (s m p k ℓ : Nat) (a : WindowState n)
    (view : List (Fin n × WindowState n)) : Message m p :=
  if ℓ < markLayers k s then chunkMessage m p (if a.idx = viewHop view s a.idx then 1 else 0) 0
  else chunkMessage m p (viewHop view (lastHops k s) a.idx).val (ℓ - markLayers k s)

/-- The update at layer `ℓ`: during marking, `marked` becomes the received bit; during
readout, the chunk is added to `acc`. -/
def windowUpdate {n : Nat} (s m p k ℓ : Nat) (a : WindowState n) (msgs : Fin 1 → Message m p) :
    WindowState n :=
  if ℓ < markLayers k s then ⟨a.idx, a.ptr, decide ((msgs 0).val = 1), a.acc⟩
  else ⟨a.idx, a.ptr, a.marked, receiveChunk m p (ℓ - markLayers k s) a.acc (msgs 0)⟩

/-- **The windowed marking** for k-hop pointer chasing on `n` tokens: one head, the segment
controller with windows of `s` tokens, output position `o`. -/
noncomputable def windowedMarking (n s m p k : Nat) (o : Fin n) : CacheTransformer n s 1 m p where
  State := WindowState n
  init i t b := ⟨i, t, b, 0⟩
  controller := segmentController s WindowState.marked WindowState.ptr
  cache_length_le _ v := length_segment_le s WindowState.marked WindowState.ptr v
  message ℓ _ a view := windowMessage s m p k ℓ a view
  update ℓ a msgs := windowUpdate s m p k ℓ a msgs
  output := o
  decode a := natToken a.acc a.idx

/-- The windowed marking's controller is locality-respecting. -/
theorem windowedMarking_isLocalityRespecting (n s m p k : Nat) (o : Fin n) :
    (windowedMarking n s m p k o).controller.IsLocalityRespecting :=
  segmentController_isLocalityRespecting s WindowState.marked WindowState.ptr

/-- The state vector in which `y` is the only marked position and every position holds
`acc = a`. -/
def windowVector {n : Nat} (f : PointerMap n) (y : Fin n) (a : Nat) : Fin n → WindowState n :=
  fun i => ⟨i, f i, decide (i = y), a⟩

/-- On `windowVector f y a` with `s ≥ 1`, following `t ≤ s` cached pointers from the head of
the view reaches `f^[t] y`. -/
theorem windowedMarking_viewHop {n s m p k : Nat} (hs : 1 ≤ s) (o : Fin n) (f : PointerMap n)
    (y : Fin n) (a ℓ : Nat) {t : Nat} (ht : t ≤ s) (d : Fin n) :
    viewHop ((windowedMarking n s m p k o).cachedView ℓ (windowVector f y a) :
      List (Fin n × WindowState n)) t d = hop f t y := by
  have hfirst : firstMarked WindowState.marked (windowVector f y a) = some y := by
    unfold firstMarked
    apply find?_eq_some_of_unique (List.mem_finRange y)
    · simp [windowVector]
    · intro b _ hb
      simpa [windowVector] using hb
  have hseg : segment s WindowState.marked WindowState.ptr (windowVector f y a) =
      (List.range s).map fun t => hop f t y := by
    unfold segment
    rw [hfirst]
    rfl
  have hview : ((windowedMarking n s m p k o).cachedView ℓ (windowVector f y a) :
      List (Fin n × WindowState n)) =
      ((List.range s).map fun t => hop f t y).map fun i => (i, windowVector f y a i) := by
    show (segment s WindowState.marked WindowState.ptr (windowVector f y a)).map
      (fun i => (i, windowVector f y a i)) = _
    rw [hseg]
  obtain ⟨s', rfl⟩ : ∃ s', s = s' + 1 := ⟨s - 1, by omega⟩
  have hhead : (((List.range (s' + 1)).map fun t => hop f t y).map
      fun i => (i, windowVector f y a i)).head? = some (y, windowVector f y a y) := by
    rw [List.range_succ_eq_map]
    rfl
  rw [hview]
  unfold viewHop
  rw [hhead]
  dsimp only
  symm
  apply hop_congr_of_agree
  intro t' ht'
  rw [viewPointer_map WindowState.ptr (windowVector f y a)
    (List.mem_map.mpr ⟨t', List.mem_range.mpr (by omega), rfl⟩)]
  rfl

/-- One layer of the windowed marking, unfolded. -/
theorem windowedMarking_step {n s m p k : Nat} (o : Fin n) (f : PointerMap n) (x : Fin n)
    (ℓ : Nat) (i : Fin n) :
    (windowedMarking n s m p k o).statesAt f x (ℓ + 1) i =
      windowUpdate s m p k ℓ ((windowedMarking n s m p k o).statesAt f x ℓ i)
        (fun _ => windowMessage s m p k ℓ ((windowedMarking n s m p k o).statesAt f x ℓ i)
          ((windowedMarking n s m p k o).cachedView ℓ ((windowedMarking n s m p k o).statesAt f x ℓ))) :=
  rfl

/-- **Marking phase.** After `ℓ ≤ ⌈k/s⌉ - 1` layers the marked token is `f^[ℓ·s] x`, the only
marked position, and no chunk has been received (`s ≥ 1`, `m·p ≥ 1`). -/
theorem windowedMarking_marking {n s m p k : Nat} (hs : 1 ≤ s) (hmp : 1 ≤ m * p) (o : Fin n)
    (f : PointerMap n) (x : Fin n) : ∀ ℓ, ℓ ≤ markLayers k s →
      (windowedMarking n s m p k o).statesAt f x ℓ = windowVector f (hop f (ℓ * s) x) 0
  | 0, _ => by
    funext i
    show WindowState.mk i (f i) (decide (i = x)) 0 = _
    simp [windowVector, hop_zero]
  | ℓ + 1, h => by
    have ih := windowedMarking_marking (k := k) hs hmp o f x ℓ (by omega)
    have hlt : ℓ < markLayers k s := by omega
    have hone : 1 % 2 ^ (m * p) = 1 := by
      have : 2 ≤ 2 ^ (m * p) := by
        have := Nat.pow_le_pow_right (by decide : 2 > 0) hmp
        simpa using this
      exact Nat.mod_eq_of_lt (by omega)
    funext i
    rw [windowedMarking_step, ih]
    unfold windowMessage windowUpdate
    rw [if_pos hlt, if_pos hlt, windowedMarking_viewHop hs o f _ 0 ℓ (Nat.le_refl s),
      ← hop_add, Nat.add_mul, Nat.one_mul]
    show WindowState.mk i (f i) _ 0 = WindowState.mk i (f i) _ 0
    congr 1
    by_cases hi : i = hop f (ℓ * s + s) x <;> simp [windowVector, chunkMessage, hi, hone]

/-- **Readout phase.** After `⌈k/s⌉ - 1 + c` layers the marked token is still
`f^[(⌈k/s⌉-1)·s] x` and every position holds the low `c` chunks of `f^[k] x` (`k, s ≥ 1`,
`m·p ≥ 1`). -/
theorem windowedMarking_readout {n s m p k : Nat} (hk : 1 ≤ k) (hs : 1 ≤ s) (hmp : 1 ≤ m * p)
    (o : Fin n) (f : PointerMap n) (x : Fin n) : ∀ c,
      (windowedMarking n s m p k o).statesAt f x (markLayers k s + c) =
        windowVector f (hop f (markLayers k s * s) x) ((hop f k x).val % (2 ^ (m * p)) ^ c)
  | 0 => by
    rw [Nat.add_zero, windowedMarking_marking hs hmp o f x _ (Nat.le_refl _), Nat.pow_zero,
      Nat.mod_one]
  | c + 1 => by
    have ih := windowedMarking_readout (k := k) hk hs hmp o f x c
    have harith := markLayers_add_lastHops hk hs
    have hnlt : ¬ (markLayers k s + c < markLayers k s) := by omega
    have hsub : markLayers k s + c - markLayers k s = c := by omega
    funext i
    rw [show markLayers k s + (c + 1) = markLayers k s + c + 1 by omega, windowedMarking_step, ih]
    unfold windowMessage windowUpdate
    rw [if_neg hnlt, if_neg hnlt, hsub, windowedMarking_viewHop hs o f _ _ _ harith.2.2, ← hop_add,
      harith.1]
    show WindowState.mk i (f i) _ _ = WindowState.mk i (f i) _ _
    congr 1
    all_goals first | rfl | exact receiveChunk_chunkMessage m p _ c

/-- **The windowed marking solves k-hop pointer chasing with `⌈k/s⌉ - 1 + ⌈⌈log₂ n⌉/(m·p)⌉`
layers**, for `k ≥ 1`, a cache of `s ≥ 1` positions, one head and `m·p ≥ 1`. -/
theorem windowedMarking_solves {n s m p k : Nat} (hk : 1 ≤ k) (hs : 1 ≤ s) (hmp : 1 ≤ m * p)
    (o : Fin n) : (windowedMarking n s m p k o).Solves (markLayers k s + chunkCount n m p) k := by
  intro f x
  show natToken ((windowedMarking n s m p k o).statesAt f x (markLayers k s + chunkCount n m p) o).acc
    ((windowedMarking n s m p k o).statesAt f x (markLayers k s + chunkCount n m p) o).idx =
    hop f k x
  rw [windowedMarking_readout hk hs hmp o f x]
  simp only [windowVector, Nat.mod_eq_of_lt (lt_pow_chunkCount hmp (hop f k x).isLt),
    natToken_val]

/-- **Claim C4 with constant 1.** The windowed marking's depth is at most the doubling upper
bound `min(k, ⌈k/s⌉·max(1, ⌈log₂ s⌉))·⌈⌈log₂ n⌉/(m·p)⌉`, for `n ≥ 2`, `k, s ≥ 1`, `m·p ≥ 1`:
`⌈k/s⌉ - 1 + W ≤ ⌈k/s⌉·W`, and the stage count is at least `⌈k/s⌉`. -/
theorem windowedMarking_depth_le_doublingUpperBound {n k s m p : Nat} (hn : 2 ≤ n) (hk : 1 ≤ k)
    (hs : 1 ≤ s) (hmp : 1 ≤ m * p) :
    markLayers k s + chunkCount n m p ≤ doublingUpperBound n k s m p := by
  have hW := chunkCount_pos hn hmp
  have ha : 0 < ceilDiv k s := ceilDiv_pos hs hk
  have hstage : ceilDiv k s ≤ doublingStages k s := reachDepth_le_doublingStages hs
  have h1 : (ceilDiv k s - 1) * chunkCount n m p ≥ ceilDiv k s - 1 :=
    Nat.le_mul_of_pos_right _ hW
  have h2 : ceilDiv k s * chunkCount n m p = (ceilDiv k s - 1) * chunkCount n m p + chunkCount n m p := by
    rw [← Nat.succ_mul]
    congr 1
    omega
  have h3 : ceilDiv k s * chunkCount n m p ≤ doublingStages k s * chunkCount n m p :=
    Nat.mul_le_mul_right _ hstage
  show ceilDiv k s - 1 + chunkCount n m p ≤ doublingStages k s * chunkCount n m p
  omega

/-- **The windowed marking is within a factor 2 of the max bound.** Its depth is below twice
the max lower bound with one head: `⌈k/s⌉ - 1 + W < 2·max(⌈k/s⌉, W)`, for
`k, s ≥ 1`. So the max bound, where it holds, is tight up to a factor 2. Its bandwidth half
is proved for every model (`CacheTransformer.bandwidthDepth_le_of_solves`), and its
reachability half for every locality-respecting controller once `(k + 1)^(k + 1) ≤ n`
(`CacheTransformer.reachDepth_le_of_locality`). -/
theorem windowedMarking_depth_lt_two_mul_maxBound {n k s m p : Nat} (hk : 1 ≤ k) (hs : 1 ≤ s) :
    markLayers k s + chunkCount n m p < 2 * maxBound n k s 1 m p := by
  have ha : 0 < ceilDiv k s := ceilDiv_pos hs hk
  rw [chunkCount_eq_bandwidthDepth]
  unfold markLayers maxBound reachDepth
  have h1 := Nat.le_max_left (ceilDiv k s) (bandwidthDepth n 1 m p)
  have h2 := Nat.le_max_right (ceilDiv k s) (bandwidthDepth n 1 m p)
  omega

end CacheDepth
