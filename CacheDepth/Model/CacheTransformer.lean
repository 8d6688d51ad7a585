module

public import CacheDepth.PointerChasing.Hop

/-!
# The Cache-Transformer: an information-flow relaxation of attention with a shared KV cache

A Cache-Transformer on `n` positions has `L` layers that share one KV cache of at most `s`
entries. Each position carries a state. At layer `ℓ` a *controller* chooses the cached
positions `C_ℓ` from the current state vector; then every position receives, from each of
its `H` heads, one message out of `2^(m·p)` possible values, computed from its own state
and the states of the cached positions only; finally every position updates its state from
its old state and its `H` messages. After `L` layers a decoder reads the answer off the
state of one output position.

## Why lower bounds for this model hold for Transformers

Softmax attention with a KV cache is an instance. At layer `ℓ`, head `h` of position `i`
computes `softmax(q_i · K_C) V_C`, where `q_i` depends only on the state (residual stream)
of `i`, and `K_C`, `V_C` are the keys and values of the cached positions, which depend
only on their states. With head dimension `m` and `p`-bit entries the head's output takes
at most `2^(m·p)` values: that is the message. The MLP and the residual update are a
function of the old state and the head outputs: that is `update`. A Transformer without
a cache limit is the case `s = n`. So every lower bound on `L` proved for all
Cache-Transformers also holds for Transformers whose attention reads a KV cache of size
`s` chosen by the same controller.

The relaxation is generous on purpose: states are unbounded, messages may be any
function, and the controller may be any function of the states (restricted only by
`IsLocalityRespecting` where a theorem needs it). The only restrictions are the ones the
paper's arguments use: the cache size `s`, the message size `2^(m·p)` per head and layer,
and that messages read only cached positions.

## Main definitions

* `CacheDepth.CacheTransformer n s H m p`: the model.
* `CacheTransformer.statesAt`, `cacheTrace`, `answer`: the run on an instance `(f, x)`.
* `CacheTransformer.Solves M L k`: `M` with `L` layers answers every k-hop instance.
* `CacheTransformer.successCount`: how many instances of a list `M` answers correctly, the
  numerator of a success probability under the uniform distribution on that list.

Every definition in this file is `noncomputable`: the npm (WebAssembly) Lean toolchain
cannot generate code for calls into other modules, and nothing here is evaluated in Lean.
`pybridge/model/` is the executable mirror that runs concrete models.
-/

@[expose] public section

namespace CacheDepth

/-- The values one head can send in one layer: `2^(m·p)` of them, the number of distinct
outputs of an `m`-dimensional head with `p`-bit entries. -/
abbrev Message (m p : Nat) : Type := Fin (2 ^ (m * p))

/-- A cache controller for `n` positions with states of type `σ`: at layer `ℓ` it maps the
current state vector to the list of cached positions. -/
abbrev Controller (n : Nat) (σ : Type) : Type := Nat → (Fin n → σ) → List (Fin n)

/-- A Cache-Transformer on `n` positions with a shared cache of at most `s` entries, `H`
heads, head dimension `m` and precision `p`; its depth is chosen when it runs.

* `init i t b` is the initial state of position `i` whose token points to `t`, with `b`
  telling whether `i` is the start token of the chain. Each position sees only its own
  token: this is the standard input encoding of pointer chasing.
* `controller ℓ v` is the cache at layer `ℓ` for state vector `v`; it never holds more
  than `s` positions (`cache_length_le`).
* `message ℓ h a view` is head `h`'s message at layer `ℓ` to a position in state `a`,
  where `view` lists the cached positions with their states.
* `update ℓ a msgs` is the new state of a position in state `a` receiving `msgs`.
* `decode` reads the answer off the final state of position `output`. -/
structure CacheTransformer (n s H m p : Nat) where
  /-- The states of positions. -/
  State : Type
  /-- The initial state of a position from its own index, pointer and start flag. -/
  init : Fin n → Fin n → Bool → State
  /-- The cache chosen at each layer from the current states. -/
  controller : Controller n State
  /-- The cache never holds more than `s` positions. -/
  cache_length_le : ∀ ℓ v, (controller ℓ v).length ≤ s
  /-- One head's message, from the receiver's state and the cached positions' states. -/
  message : Nat → Fin H → State → List (Fin n × State) → Message m p
  /-- The state update from the old state and the messages of all heads. -/
  update : Nat → State → (Fin H → Message m p) → State
  /-- The position whose final state holds the answer. -/
  output : Fin n
  /-- Reads the answer off the output position's final state. -/
  decode : State → Fin n

namespace CacheTransformer

variable {n s H m p : Nat} (M : CacheTransformer n s H m p)

/-- The initial state vector of the instance `(f, x)`. -/
noncomputable def initialStates (f : PointerMap n) (x : Fin n) : Fin n → M.State :=
  fun i => M.init i (f i) (decide (i = x))

/-- What the heads of layer `ℓ` may read: the cached positions with their states. -/
noncomputable def cachedView (ℓ : Nat) (v : Fin n → M.State) : List (Fin n × M.State) :=
  (M.controller ℓ v).map fun j => (j, v j)

/-- One layer: every position updates its state from its own state and its heads'
messages, which read only the cached positions. -/
noncomputable def layer (ℓ : Nat) (v : Fin n → M.State) : Fin n → M.State :=
  fun i => M.update ℓ (v i) (fun h => M.message ℓ h (v i) (M.cachedView ℓ v))

/-- The state vector after `ℓ` layers on the instance `(f, x)`. -/
noncomputable def statesAt (f : PointerMap n) (x : Fin n) : Nat → Fin n → M.State
  | 0 => M.initialStates f x
  | ℓ + 1 => M.layer ℓ (statesAt f x ℓ)

/-- The cache used at layer `ℓ` on the instance `(f, x)`. -/
noncomputable def cacheTrace (f : PointerMap n) (x : Fin n) (ℓ : Nat) : List (Fin n) :=
  M.controller ℓ (M.statesAt f x ℓ)

/-- The answer after `L` layers on the instance `(f, x)`. -/
noncomputable def answer (L : Nat) (f : PointerMap n) (x : Fin n) : Fin n :=
  M.decode (M.statesAt f x L M.output)

/-- `M` with `L` layers solves k-hop pointer chasing: it answers `f^[k] x` on every
instance `(f, x)`. -/
def Solves (L k : Nat) : Prop :=
  ∀ (f : PointerMap n) (x : Fin n), M.answer L f x = hop f k x

/-- `M` with `L` layers answers every instance of the list `instances` correctly. -/
def SolvesOn (L k : Nat) (instances : List (PointerMap n × Fin n)) : Prop :=
  ∀ q ∈ instances, M.answer L q.1 q.2 = hop q.1 k q.2

/-- The number of instances in `instances` that `M` with `L` layers answers correctly.
Divided by `instances.length` it is the success probability under the uniform
distribution on the list. -/
noncomputable def successCount (L k : Nat) (instances : List (PointerMap n × Fin n)) : Nat :=
  (instances.filter fun q => decide (M.answer L q.1 q.2 = hop q.1 k q.2)).length

/-- The cache used at any layer of any run holds at most `s` positions. -/
theorem length_cacheTrace_le (f : PointerMap n) (x : Fin n) (ℓ : Nat) :
    (M.cacheTrace f x ℓ).length ≤ s :=
  M.cache_length_le ℓ _

/-- A model that solves every instance solves every list of instances. -/
theorem Solves.solvesOn {L k : Nat} (h : M.Solves L k) (instances : List (PointerMap n × Fin n)) :
    M.SolvesOn L k instances :=
  fun q _ => h q.1 q.2

/-- A model that solves every instance of a list succeeds on all of them. -/
theorem successCount_eq_length {L k : Nat} {instances : List (PointerMap n × Fin n)}
    (h : M.SolvesOn L k instances) : M.successCount L k instances = instances.length := by
  unfold successCount
  rw [List.filter_eq_self.mpr]
  intro q hq
  exact decide_eq_true (h q hq)

end CacheTransformer

end CacheDepth
