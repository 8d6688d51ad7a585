module

public import CacheDepth.UpperBound.Chunks
public import CacheDepth.UpperBound.Sequential
public import CacheDepth.Controller.Window
public import CacheDepth.LowerBound.Bandwidth

/-!
# The readout: with every position cached, `⌈log₂ n/(m·p)⌉` layers suffice (claim C4, `s ≥ n`)

When the cache holds every position (`s ≥ n`), a message may be any function of the whole
instance: the cached view lists every position's pointer and start flag. The readout uses
this directly. Every layer caches all positions (`slidingWindow n s`, an oblivious schedule,
so the controller is locality-respecting), and in layer `c` every position receives chunk
`c` of `f^[k] x`, computed from the view, and adds it to `acc`. After
`W = ⌈⌈log₂ n⌉/(m·p)⌉` layers `acc` is `f^[k] x` (`readout_solves`).

This depth is optimal with one head: it equals the bandwidth lower bound
`⌈⌈log₂ n⌉/(1·m·p)⌉` that every model solving k-hop pointer chasing needs
(`readout_optimal`). So with one head and `s ≥ n` the optimal depth is exactly `W` for every
`k ≥ 1`. Where the max bound is stated (`n ≥ 4k`, so `⌈k/s⌉ = 1`) it equals `W` and is tight.
Pointer doubling, which the paper's upper bound uses, saves nothing here: a message that
reads the whole instance needs no doubling. `pybridge/upper/readout.py` runs the same
protocol with output position 0.

## Main statements

* `readout`: the model, one head, for a hop count `k`.
* `readout_isLocalityRespecting`: its controller is locality-respecting.
* `viewPointer`, `viewPointer_map`: a cached position's pointer, read off the view.
* `mem_recentPositions_of_le`: with `s ≥ n` the window holds every position.
* `readout_statesAt`: after `c` layers every position holds the low `c` chunks of `f^[k] x`.
* `readout_solves`: `W` layers solve k-hop pointer chasing for every `k`, when `s ≥ n`.
* `readout_optimal`: no model with one head and `L < W` layers solves it (`n ≥ 2`, `k ≥ 1`).
-/

@[expose] public section

namespace CacheDepth

/-- The state of a position in the readout: its index, pointer and start flag, and the sum
of the chunks of the answer received so far. -/
structure ReadoutState (n : Nat) where
  /-- The position's own index. -/
  idx : Fin n
  /-- The position's own pointer. -/
  ptr : Fin n
  /-- Whether the position is the start token. -/
  start : Bool
  /-- The sum of the chunks of the answer received so far. -/
  acc : Nat

/-- The pointer of position `j` as the view lists it, read from the first entry for `j` by
`ptr`, or `j` if the view misses `j`. (`noncomputable` only because the npm Lean toolchain
cannot generate code for calls into other modules.) -/
noncomputable def viewPointer {n : Nat} {σ : Type} (ptr : σ → Fin n) (view : List (Fin n × σ))
    (j : Fin n) : Fin n :=
  ((view.find? fun e => decide (e.1 = j)).map fun e => ptr e.2).getD j

/-- In a view that lists each cached position `i` with its state `V i`, the pointer of a
cached position `j` is the pointer of `V j`. -/
theorem viewPointer_map {n : Nat} {σ : Type} (ptr : σ → Fin n) (V : Fin n → σ) {l : List (Fin n)}
    {j : Fin n} (hj : j ∈ l) : viewPointer ptr (l.map fun i => (i, V i)) j = ptr (V j) := by
  unfold viewPointer
  rw [find?_eq_some_of_unique (a := (j, V j)) (List.mem_map.mpr ⟨j, hj, rfl⟩) (by simp)]
  · rfl
  · intro b hb hq
    obtain ⟨i, _, rfl⟩ := List.mem_map.mp hb
    have hi : i = j := by simpa using hq
    rw [hi]

/-- The start token as the view lists it, or `d` if no listed position is the start. -/
noncomputable def viewStart {n : Nat} (view : List (Fin n × ReadoutState n)) (d : Fin n) : Fin n :=
  ((view.find? fun e => e.2.start).map fun e => e.1).getD d

/-- **The readout** for k-hop pointer chasing on `n` tokens: one head, a cache of the last
`s` positions (all of them when `s ≥ n`), output position `o`. -/
noncomputable def readout (n s m p k : Nat) (o : Fin n) : CacheTransformer n s 1 m p where
  State := ReadoutState n
  init i t b := ⟨i, t, b, 0⟩
  controller := slidingWindow n s
  cache_length_le ℓ v := length_slidingWindow_le n s ℓ v
  message ℓ _ a view :=
    chunkMessage m p (hop (viewPointer ReadoutState.ptr view) k (viewStart view a.idx)).val ℓ
  update ℓ a msgs := { a with acc := receiveChunk m p ℓ a.acc (msgs 0) }
  output := o
  decode a := natToken a.acc a.idx

/-- The readout's controller is locality-respecting. -/
theorem readout_isLocalityRespecting (n s m p k : Nat) (o : Fin n) :
    (readout n s m p k o).controller.IsLocalityRespecting :=
  slidingWindow_isLocalityRespecting n s

/-- With `s ≥ n` the last `s` positions are all positions. -/
theorem mem_recentPositions_of_le {n s : Nat} (hs : n ≤ s) (j : Fin n) : j ∈ recentPositions n s := by
  unfold recentPositions
  rw [List.mem_filterMap]
  have hj := j.isLt
  refine ⟨j.val, List.mem_range.mpr (by omega), ?_⟩
  have hlt : n - s + j.val < n := by omega
  rw [dif_pos hlt]
  exact congrArg some (Fin.ext (by simp only; omega))

/-- The state vector in which every position holds `a`. -/
def readoutVector {n : Nat} (f : PointerMap n) (x : Fin n) (a : Nat) : Fin n → ReadoutState n :=
  fun i => ⟨i, f i, decide (i = x), a⟩

/-- With every position cached, the view lists the pointers `f` and the start `x`. -/
theorem readout_view {n s m p k : Nat} (hs : n ≤ s) (o : Fin n) (f : PointerMap n) (x : Fin n)
    (a ℓ : Nat) :
    viewPointer ReadoutState.ptr ((readout n s m p k o).cachedView ℓ (readoutVector f x a) :
        List (Fin n × ReadoutState n)) = f ∧
      ∀ d, viewStart ((readout n s m p k o).cachedView ℓ (readoutVector f x a) :
        List (Fin n × ReadoutState n)) d = x := by
  have hview : ((readout n s m p k o).cachedView ℓ (readoutVector f x a) :
      List (Fin n × ReadoutState n)) =
      (recentPositions n s).map fun j => (j, readoutVector f x a j) := rfl
  have hmem : ∀ j, (j, readoutVector f x a j) ∈
      (recentPositions n s).map fun j => (j, readoutVector f x a j) :=
    fun j => List.mem_map.mpr ⟨j, mem_recentPositions_of_le hs j, rfl⟩
  rw [hview]
  constructor
  · funext j
    exact viewPointer_map ReadoutState.ptr (readoutVector f x a) (mem_recentPositions_of_le hs j)
  · intro d
    unfold viewStart
    rw [find?_eq_some_of_unique (hmem x) (by simp [readoutVector])]
    · rfl
    · intro b hb hq
      obtain ⟨i, _, rfl⟩ := List.mem_map.mp hb
      have hi : i = x := by simpa [readoutVector] using hq
      rw [hi]

/-- One layer of the readout, unfolded. -/
theorem readout_step {n s m p k : Nat} (o : Fin n) (f : PointerMap n) (x : Fin n) (c : Nat)
    (i : Fin n) :
    (readout n s m p k o).statesAt f x (c + 1) i =
      ReadoutState.mk (ReadoutState.idx ((readout n s m p k o).statesAt f x c i))
        (ReadoutState.ptr ((readout n s m p k o).statesAt f x c i))
        (ReadoutState.start ((readout n s m p k o).statesAt f x c i))
        (receiveChunk m p c (ReadoutState.acc ((readout n s m p k o).statesAt f x c i))
          (chunkMessage m p (hop (viewPointer ReadoutState.ptr ((readout n s m p k o).cachedView c
            ((readout n s m p k o).statesAt f x c))) k
            (viewStart ((readout n s m p k o).cachedView c ((readout n s m p k o).statesAt f x c))
              (ReadoutState.idx ((readout n s m p k o).statesAt f x c i)))).val c)) :=
  rfl

/-- **The readout's invariant.** After `c` layers every position holds the low `c` chunks
of `f^[k] x` (cache `s ≥ n`). -/
theorem readout_statesAt {n s m p k : Nat} (hs : n ≤ s) (o : Fin n) (f : PointerMap n)
    (x : Fin n) : ∀ c, (readout n s m p k o).statesAt f x c =
      readoutVector f x ((hop f k x).val % (2 ^ (m * p)) ^ c)
  | 0 => by
    funext i
    show ReadoutState.mk i (f i) (decide (i = x)) 0 = _
    simp [readoutVector, Nat.mod_one]
  | c + 1 => by
    have ih := readout_statesAt (m := m) (p := p) (k := k) hs o f x c
    funext i
    rw [readout_step, ih, (readout_view hs o f x _ c).1, (readout_view hs o f x _ c).2]
    simp only [readoutVector, receiveChunk_chunkMessage]

/-- **The readout solves k-hop pointer chasing with `⌈⌈log₂ n⌉/(m·p)⌉` layers**, for every
`k`, with one head, `m·p ≥ 1` and a cache of `s ≥ n` positions. -/
theorem readout_solves {n s m p : Nat} (hs : n ≤ s) (hmp : 1 ≤ m * p) (o : Fin n) (k : Nat) :
    (readout n s m p k o).Solves (chunkCount n m p) k := by
  intro f x
  show natToken ((readout n s m p k o).statesAt f x (chunkCount n m p) o).acc
    ((readout n s m p k o).statesAt f x (chunkCount n m p) o).idx = hop f k x
  rw [readout_statesAt hs o f x]
  simp only [readoutVector, Nat.mod_eq_of_lt (lt_pow_chunkCount hmp (hop f k x).isLt),
    natToken_val]

/-- **The readout is optimal with one head.** Every model with one head that solves k-hop
pointer chasing (`n ≥ 2`, `k ≥ 1`) with `L` layers has `⌈⌈log₂ n⌉/(m·p)⌉ ≤ L`, the depth of
the readout. -/
theorem readout_optimal {n s m p L k : Nat} (M : CacheTransformer n s 1 m p) (hk : 1 ≤ k)
    (hn : 2 ≤ n) (h : M.Solves L k) : chunkCount n m p ≤ L := by
  rw [chunkCount_eq_bandwidthDepth]
  exact (M.bandwidthDepth_le_of_solves hk hn h).2

end CacheDepth
