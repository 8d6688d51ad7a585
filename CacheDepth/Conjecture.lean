module

public import CacheDepth.Model.CacheTransformer
public import CacheDepth.Controller.Locality
public import CacheDepth.Bounds.Formulas

/-!
# The product conjecture, its gap statement, and what is proved about them

The paper conjectures that, with `n ≥ 4k` tokens and a cache of `s ≤ √n/4` entries, every
Cache-Transformer with a locality-respecting controller that solves k-hop pointer chasing
needs depth `L = Ω(⌈k/s⌉ · ⌈log₂ n/(H·m·p)⌉)`, the product of the two terms whose maximum
is the proved lower bound. It isolates the remaining gap as a probabilistic step about the
cache trace and the pointer chain. The paper's text is not available to us; the gap
statement below is our precise version of that step.

**The unrestricted model refutes the product bound.** In our relaxation a message may
depend on the receiver's whole state, so one bit per layer can ask "does the cached chain
token point to me?", and the chain advances one hop per layer whatever `m·p` is
(`UpperBound/MarkerRelay.lean`, `product_conjecture_false`). Softmax attention cannot do
that: a head's output depends on the receiver only through its query, a vector of `m`
entries of `p` bits. So the conjecture is stated here for *query-limited* models
(`CacheTransformer.IsQueryLimited`), where each message depends on the receiver's state
only through an `m·p`-bit query. This restriction is our modelling choice; the abstract
does not say which model the paper uses.

Our gap statement, `WindowGap`, says: on some instance, every chain token gets cached at
some layer, and no aligned window of `W = ⌈log₂ n/(H·m·p)⌉` consecutive layers caches
more than `s` chain tokens for the first time. Intuitively, learning where the chain goes
next costs `W` layers of bandwidth, so one window can only discover what its cache of `s`
entries can hold.

`√n/4 ≥ s` is written `16·s² ≤ n`, which is equivalent for natural numbers.

## Main statements

* `ProductBoundHolds c`: the product bound for all locality-respecting models. It fails
  for every `c` (`product_conjecture_false`, in `UpperBound/MarkerRelay.lean`).
* `product_conjecture` (open): the product bound for query-limited models, for some `c`.
* `window_gap` (open): the gap statement, for query-limited models.
* `product_conjecture_of_gap` (proved): the gap statement and the max bound together imply
  the conjecture with `c = 2`.
* `productBound_le_of_wide`, `productBound_le_of_le_cache` (proved): in the regimes
  `H·m·p ≥ ⌈log₂ n⌉` and `k ≤ s` the product bound follows from the max bound, for all
  locality-respecting models.
-/

@[expose] public section

namespace CacheDepth

/-- The conjectured product bound with constant `c`: every locality-respecting
Cache-Transformer with `L` layers that solves k-hop pointer chasing with `n ≥ 4k` and
`16·s² ≤ n` has `⌈k/s⌉·⌈log₂ n/(H·m·p)⌉ ≤ c·L`. -/
def ProductBoundHolds (c : Nat) : Prop :=
  ∀ (n k s H m p L : Nat) (M : CacheTransformer n s H m p),
    M.controller.IsLocalityRespecting → 4 * k ≤ n → 16 * (s * s) ≤ n → M.Solves L k →
    productBound n k s H m p ≤ c * L

/-- A model is *query-limited* when each head's message depends on the receiver's state only
through an `m·p`-bit query: receivers with the same query get the same message from the
same cached view. Softmax attention is query-limited, because a head's output depends on
the receiver only through its query vector of `m` entries of `p` bits. (Our modelling
choice, made because the unrestricted model refutes the product bound.) -/
def CacheTransformer.IsQueryLimited {n s H m p : Nat} (M : CacheTransformer n s H m p) : Prop :=
  ∃ q : Nat → Fin H → M.State → Fin (2 ^ (m * p)),
    ∀ ℓ h a b view, q ℓ h a = q ℓ h b → M.message ℓ h a view = M.message ℓ h b view

/-- The product bound with constant `c` for query-limited models: every locality-respecting,
query-limited Cache-Transformer with `L` layers that solves k-hop pointer chasing with
`n ≥ 4k` and `16·s² ≤ n` has `⌈k/s⌉·⌈log₂ n/(H·m·p)⌉ ≤ c·L`. -/
def QueryLimitedProductBoundHolds (c : Nat) : Prop :=
  ∀ (n k s H m p L : Nat) (M : CacheTransformer n s H m p),
    M.controller.IsLocalityRespecting → M.IsQueryLimited → 4 * k ≤ n → 16 * (s * s) ≤ n →
    M.Solves L k → productBound n k s H m p ≤ c * L

/-- The max lower bound `max(⌈k/s⌉, ⌈log₂ n/(H·m·p)⌉) ≤ L` for locality-respecting models
with `k ≥ 1` and `n ≥ 4k`, as a proposition. It is the paper's proved bound. This library
states it here so that conditional results can name it. The lower-bound modules prove it for
oblivious controllers and, when `(k + 1)^(k + 1) ≤ n`, for every locality-respecting one
(`CacheTransformer.maxBound_le_of_locality`). For adaptive controllers with
`4k ≤ n < (k + 1)^(k + 1)` it rests on the open `reachability`. -/
def MaxBoundHolds : Prop :=
  ∀ (n k s H m p L : Nat) (M : CacheTransformer n s H m p),
    M.controller.IsLocalityRespecting → 1 ≤ k → 4 * k ≤ n → M.Solves L k →
    maxBound n k s H m p ≤ L

/-- **Product conjecture (query-limited form).** There is a constant `c > 0` such that every
locality-respecting, query-limited Cache-Transformer that solves k-hop pointer chasing on
`n ≥ 4k` tokens with a cache of `s ≤ √n/4` entries has depth
`L ≥ (1/c)·⌈k/s⌉·⌈log₂ n/(H·m·p)⌉`.

Status: open. The paper conjectures the product bound; without the query limit it is false
in our model (`product_conjecture_false`). `product_conjecture_of_gap` reduces this form to
`window_gap` and the max bound. -/
theorem product_conjecture : ∃ c, 0 < c ∧ QueryLimitedProductBoundHolds c := by
  sorry

/-- The first layer below `L` whose cache holds position `i` on the instance `(f, x)`, or
`L` if no layer below `L` caches it. (`noncomputable` only because the npm Lean toolchain
cannot generate code for calls into other modules.) -/
noncomputable def CacheTransformer.firstCacheLayer {n s H m p : Nat} (M : CacheTransformer n s H m p)
    (f : PointerMap n) (x : Fin n) (L : Nat) (i : Fin n) : Nat :=
  ((List.range L).find? fun ℓ => decide (i ∈ M.cacheTrace f x ℓ)).getD L

/-- The hop indices `1, …, k` whose chain token `hop f t x` is cached for the first time in
the window of layers `[a, a + W)`. -/
noncomputable def CacheTransformer.newInWindow {n s H m p : Nat} (M : CacheTransformer n s H m p)
    (f : PointerMap n) (x : Fin n) (k L a W : Nat) : List Nat :=
  ((List.range k).map (· + 1)).filter fun t =>
    decide (a ≤ M.firstCacheLayer f x L (hop f t x) ∧ M.firstCacheLayer f x L (hop f t x) < a + W)

/-- **Gap statement (window form).** For every locality-respecting, query-limited
Cache-Transformer with `L` layers that solves k-hop pointer chasing (`1 ≤ k`, `1 ≤ s`,
`n ≥ 4k`, `16·s² ≤ n`) there is an instance on which every chain token `hop f t x`, `1 ≤ t ≤ k`, is cached at some layer
below `L`, and every aligned window `[i·W, (i+1)·W)` of `W = ⌈log₂ n/(H·m·p)⌉` layers caches at
most `s` of them for the first time.

Status: open. It is our precise form of the paper's probabilistic step on the joint
distribution of cache trace and pointer chain (the paper's own statement is not available
to us): the existence of one good instance is what a counting argument over a random
chain would give. -/
def WindowGap : Prop :=
  ∀ (n k s H m p L : Nat) (M : CacheTransformer n s H m p),
    M.controller.IsLocalityRespecting → M.IsQueryLimited → 1 ≤ k → 1 ≤ s → 4 * k ≤ n →
    16 * (s * s) ≤ n →
    M.Solves L k →
    ∃ (f : PointerMap n) (x : Fin n),
      (∀ t, 1 ≤ t → t ≤ k → M.firstCacheLayer f x L (hop f t x) < L) ∧
      ∀ i, (M.newInWindow f x k L (i * bandwidthDepth n H m p) (bandwidthDepth n H m p)).length ≤ s

/-- **Gap statement.** `WindowGap` holds.

Status: open. See `WindowGap` for what it says and why it is the remaining step. -/
theorem window_gap : WindowGap := by
  sorry

/-- Counting with a cover: if every entry satisfying `P` satisfies `Q` or `R`, then
`|filter P| ≤ |filter Q| + |filter R|`. -/
theorem length_filter_le_add {α : Type} (P Q R : α → Bool) (l : List α)
    (h : ∀ x ∈ l, P x = true → Q x = true ∨ R x = true) :
    (l.filter P).length ≤ (l.filter Q).length + (l.filter R).length := by
  induction l with
  | nil => simp
  | cons b t ih =>
    have ih' := ih (fun x hx => h x (List.mem_cons_of_mem b hx))
    have hb := h b (List.mem_cons_self ..)
    cases hPb : P b <;> cases hQb : Q b <;> cases hRb : R b <;>
      simp [hPb, hQb, hRb] at hb ⊢ <;> omega

/-- If each of the first `q` aligned windows of width `W` holds at most `s` keys of a list,
then at most `q·s` keys lie below `q·W`. -/
theorem length_filter_lt_le_windows {α : Type} (key : α → Nat) (l : List α) (W s : Nat)
    (hwin : ∀ i, (l.filter fun t => decide (i * W ≤ key t ∧ key t < i * W + W)).length ≤ s) :
    ∀ q, (l.filter fun t => decide (key t < q * W)).length ≤ q * s := by
  intro q
  induction q with
  | zero => simp
  | succ q ih =>
    have eW : (q + 1) * W = q * W + W := by rw [Nat.add_mul, Nat.one_mul]
    have es : (q + 1) * s = q * s + s := by rw [Nat.add_mul, Nat.one_mul]
    have hsplit := length_filter_le_add (fun t => decide (key t < (q + 1) * W))
      (fun t => decide (key t < q * W)) (fun t => decide (q * W ≤ key t ∧ key t < q * W + W)) l
      (by
        intro x _ hx
        simp only [decide_eq_true_eq] at hx ⊢
        omega)
    have := hwin q
    omega

/-- **The gap closes the conjecture.** The window gap statement and the max bound imply
the product conjecture with constant `c = 2`.

Proof: take the instance the gap provides. All `k` chain hops are first cached below `L`,
hence below `q·W` for `q = ⌈L/W⌉` windows; each window holds at most `s` of them, so
`k ≤ q·s` and `⌈k/s⌉ ≤ q`. Then `⌈k/s⌉·W ≤ q·W < L + W ≤ 2L`, the last step by the
bandwidth half of the max bound. -/
theorem product_conjecture_of_gap (gap : WindowGap) (hmax : MaxBoundHolds) :
    ∃ c, 0 < c ∧ QueryLimitedProductBoundHolds c := by
  refine ⟨2, by decide, ?_⟩
  intro n k s H m p L M hloc hq hn hs hsolve
  by_cases hs0 : s = 0
  · subst hs0
    simp [productBound, reachDepth, ceilDiv]
  have hspos : 0 < s := Nat.pos_of_ne_zero hs0
  by_cases hk : k = 0
  · subst hk
    have h0 : reachDepth 0 s = 0 := Nat.le_zero.mp (ceilDiv_le_of_le_mul hspos (Nat.zero_le _))
    simp [productBound, h0]
  have hW_le : bandwidthDepth n H m p ≤ L :=
    Nat.le_trans (Nat.le_max_right _ _) (hmax n k s H m p L M hloc (by omega) hn hsolve)
  by_cases hW : bandwidthDepth n H m p = 0
  · simp [productBound, hW]
  have hWpos : 0 < bandwidthDepth n H m p := Nat.pos_of_ne_zero hW
  obtain ⟨f, x, hall, hwin⟩ := gap n k s H m p L M hloc hq (by omega) (by omega) hn hs hsolve
  let key : Nat → Nat := fun t => M.firstCacheLayer f x L (hop f t x)
  let hops : List Nat := (List.range k).map (· + 1)
  let q := ceilDiv L (bandwidthDepth n H m p)
  have hLq : L ≤ q * bandwidthDepth n H m p := by
    rw [Nat.mul_comm]
    exact le_mul_ceilDiv L hWpos
  have hcount := length_filter_lt_le_windows key hops (bandwidthDepth n H m p) s hwin q
  have hfull : (hops.filter fun t => decide (key t < q * bandwidthDepth n H m p)) = hops := by
    rw [List.filter_eq_self]
    intro t ht
    rw [List.mem_map] at ht
    obtain ⟨a, ha, rfl⟩ := ht
    rw [List.mem_range] at ha
    have := hall (a + 1) (by omega) (by omega)
    exact decide_eq_true (Nat.lt_of_lt_of_le this hLq)
  rw [hfull] at hcount
  have hlen : hops.length = k := by simp [hops]
  rw [hlen] at hcount
  have hreach : reachDepth k s ≤ q :=
    ceilDiv_le_of_le_mul hspos (by rw [Nat.mul_comm]; exact hcount)
  have hqW : q * bandwidthDepth n H m p ≤ L + bandwidthDepth n H m p - 1 := by
    show ceilDiv L (bandwidthDepth n H m p) * bandwidthDepth n H m p ≤
      L + bandwidthDepth n H m p - 1
    unfold ceilDiv
    rw [Nat.mul_comm]
    exact Nat.mul_div_le (L + bandwidthDepth n H m p - 1) (bandwidthDepth n H m p)
  have hprod : productBound n k s H m p ≤ q * bandwidthDepth n H m p :=
    Nat.mul_le_mul_right (bandwidthDepth n H m p) hreach
  omega

/-- **Variant: wide heads.** When `H·m·p ≥ ⌈log₂ n⌉` (and `n ≥ 2`, `s ≥ 1`), the product bound
equals the reachability term, so it follows from the max bound with constant 1. -/
theorem productBound_le_of_wide (hmax : MaxBoundHolds) {n k s H m p L : Nat}
    (M : CacheTransformer n s H m p) (hloc : M.controller.IsLocalityRespecting) (hk : 1 ≤ k)
    (hn : 4 * k ≤ n) (hs : 1 ≤ s) (hwide : clog2 n ≤ H * m * p) (hsolve : M.Solves L k) :
    productBound n k s H m p ≤ L := by
  rw [productBound_eq_maxBound_of_wide (by omega) (by omega) hs hwide]
  exact hmax n k s H m p L M hloc hk hn hsolve

/-- **Variant: the chain fits in the cache.** When `k ≤ s` the product bound equals the
bandwidth term, so it follows from the max bound with constant 1. -/
theorem productBound_le_of_le_cache (hmax : MaxBoundHolds) {n k s H m p L : Nat}
    (M : CacheTransformer n s H m p) (hloc : M.controller.IsLocalityRespecting) (hk : 1 ≤ k)
    (hn : 4 * k ≤ n) (hks : k ≤ s) (hsolve : M.Solves L k) :
    productBound n k s H m p ≤ L := by
  unfold productBound
  rw [reachDepth_eq_one (by omega) hks, Nat.one_mul]
  exact Nat.le_trans (Nat.le_max_right _ _) (hmax n k s H m p L M hloc hk hn hsolve)

end CacheDepth
