module

public import CacheDepth.Bounds.Arith

/-!
# The depth-bound formulas

The paper bounds the depth `L` of a Transformer that solves k-hop pointer chasing on `n`
tokens with a shared KV cache of `s` entries, `H` heads, head dimension `m` and `p`-bit
precision. This file defines its formulas as computable functions and proves how they
relate. Which bound is a theorem and which is a conjecture is decided elsewhere; here they
are only numbers.

The bandwidth term `⌈log₂ n / (H·m·p)⌉` is computed as `⌈⌈log₂ n⌉ / (H·m·p)⌉`. The two agree
for every positive integer divisor `B`, because `⌈x / B⌉ = ⌈⌈x⌉ / B⌉` for real `x ≥ 0`.

## Main definitions

* `reachDepth k s = ⌈k/s⌉`, `bandwidthDepth n H m p = ⌈log₂ n/(H·m·p)⌉`.
* `maxBound`, the proved lower bound, and `productBound`, the conjectured one.
* `doublingStages k s = min(k, ⌈k/s⌉·max(1, ⌈log₂ s⌉))` and
  `doublingUpperBound n k s m p = doublingStages k s · ⌈log₂ n/(m·p)⌉`.

## Main results

* `maxBound_le_productBound`: the max bound never exceeds the product bound when both
  factors are positive.
* `productBound_eq_maxBound_of_wide`: once `H·m·p ≥ ⌈log₂ n⌉` the two coincide, which is the
  regime where the counting barrier applies.
* `maxBound_le_doublingUpperBound`: the proved lower bound never exceeds the upper bound.
-/

@[expose] public section

namespace CacheDepth

/-- The reachability term `⌈k/s⌉`: a cache of `s` entries per layer must hold `k` chain
tokens over the run. -/
def reachDepth (k s : Nat) : Nat := ceilDiv k s

/-- The bandwidth term `⌈log₂ n/(H·m·p)⌉`: each layer delivers `H` messages of `m·p` bits to
the output position, which must name one of `n` tokens. -/
def bandwidthDepth (n H m p : Nat) : Nat := ceilDiv (clog2 n) (H * m * p)

/-- The max lower bound `max(⌈k/s⌉, ⌈log₂ n/(H·m·p)⌉)`. -/
def maxBound (n k s H m p : Nat) : Nat := max (reachDepth k s) (bandwidthDepth n H m p)

/-- The conjectured product lower bound `⌈k/s⌉ · ⌈log₂ n/(H·m·p)⌉` (without its constant). -/
def productBound (n k s H m p : Nat) : Nat := reachDepth k s * bandwidthDepth n H m p

/-- The number of pointer-doubling stages of the windowed construction,
`min(k, ⌈k/s⌉ · max(1, ⌈log₂ s⌉))`. The paper writes `log s`; the `max 1` is our choice so
that a window of one token still costs one stage (with `s = 1`, `⌈log₂ s⌉ = 0`). -/
def doublingStages (k s : Nat) : Nat := min k (ceilDiv k s * max 1 (clog2 s))

/-- The doubling upper bound `doublingStages k s · ⌈log₂ n/(m·p)⌉`, that is
`min(k, ⌈k/s⌉·max(1, ⌈log₂ s⌉)) · ⌈log₂ n/(m·p)⌉`, with one head: each stage moves one
`⌈log₂ n⌉`-bit pointer in messages of `m·p` bits. -/
def doublingUpperBound (n k s m p : Nat) : Nat := doublingStages k s * ceilDiv (clog2 n) (m * p)

/-- For positive factors, a maximum never exceeds the product. -/
theorem max_le_mul {a b : Nat} (ha : 0 < a) (hb : 0 < b) : max a b ≤ a * b := by
  have h1 := Nat.mul_le_mul_left a (show 1 ≤ b from hb)
  have h2 := Nat.mul_le_mul_right b (show 1 ≤ a from ha)
  rw [Nat.mul_one] at h1
  rw [Nat.one_mul] at h2
  omega

/-- `⌈k/s⌉ ≥ 1` when there is at least one hop and the cache is non-empty. -/
theorem reachDepth_pos {k s : Nat} (hk : 0 < k) (hs : 0 < s) : 0 < reachDepth k s :=
  ceilDiv_pos hs hk

/-- A cache that holds the whole chain needs one window: `⌈k/s⌉ = 1` for `0 < k ≤ s`. -/
theorem reachDepth_eq_one {k s : Nat} (hk : 0 < k) (hks : k ≤ s) : reachDepth k s = 1 :=
  ceilDiv_eq_one hk hks

/-- `⌈k/s⌉` windows of `s` cache entries cover `k` tokens, and no fewer windows do. -/
theorem reachDepth_le_iff {k s L : Nat} (hs : 0 < s) : reachDepth k s ≤ L ↔ k ≤ s * L :=
  ceilDiv_le_iff hs

/-- `⌈log₂ n/(H·m·p)⌉ ≥ 1` for `n ≥ 2` and positive bandwidth. -/
theorem bandwidthDepth_pos {n H m p : Nat} (hn : 2 ≤ n) (hB : 0 < H * m * p) :
    0 < bandwidthDepth n H m p :=
  ceilDiv_pos hB (clog2_pos hn)

/-- `L` layers of `H·m·p` bits name `n` tokens iff `L ≥ ⌈log₂ n/(H·m·p)⌉`, stated with the
ceiling logarithm: `⌈log₂ n/(H·m·p)⌉ ≤ L ↔ ⌈log₂ n⌉ ≤ H·m·p·L`. -/
theorem bandwidthDepth_le_iff {n H m p L : Nat} (hB : 0 < H * m * p) :
    bandwidthDepth n H m p ≤ L ↔ clog2 n ≤ H * m * p * L :=
  ceilDiv_le_iff hB

/-- Once `H·m·p ≥ ⌈log₂ n⌉` (and `n ≥ 2`), one layer carries a whole pointer. -/
theorem bandwidthDepth_eq_one {n H m p : Nat} (hn : 2 ≤ n) (h : clog2 n ≤ H * m * p) :
    bandwidthDepth n H m p = 1 :=
  ceilDiv_eq_one (clog2_pos hn) h

/-- The max bound never exceeds the product bound when both factors are positive. -/
theorem maxBound_le_productBound {n k s H m p : Nat} (hr : 0 < reachDepth k s)
    (hb : 0 < bandwidthDepth n H m p) : maxBound n k s H m p ≤ productBound n k s H m p :=
  max_le_mul hr hb

/-- With `n ≥ 2`, `k ≥ 1`, `s ≥ 1` and positive bandwidth, the max bound never exceeds the
product bound. -/
theorem maxBound_le_productBound_of_pos {n k s H m p : Nat} (hn : 2 ≤ n) (hk : 0 < k)
    (hs : 0 < s) (hB : 0 < H * m * p) : maxBound n k s H m p ≤ productBound n k s H m p :=
  maxBound_le_productBound (reachDepth_pos hk hs) (bandwidthDepth_pos hn hB)

/-- In the wide regime `H·m·p ≥ ⌈log₂ n⌉` the product bound equals the reachability term. -/
theorem productBound_eq_reachDepth_of_wide {n k s H m p : Nat} (hn : 2 ≤ n)
    (h : clog2 n ≤ H * m * p) : productBound n k s H m p = reachDepth k s := by
  unfold productBound
  rw [bandwidthDepth_eq_one hn h, Nat.mul_one]

/-- In the wide regime `H·m·p ≥ ⌈log₂ n⌉`, with `k, s ≥ 1`, the product bound and the max
bound coincide: the conjecture says nothing beyond the max bound there. -/
theorem productBound_eq_maxBound_of_wide {n k s H m p : Nat} (hn : 2 ≤ n) (hk : 0 < k)
    (hs : 0 < s) (h : clog2 n ≤ H * m * p) :
    productBound n k s H m p = maxBound n k s H m p := by
  rw [productBound_eq_reachDepth_of_wide hn h]
  unfold maxBound
  rw [bandwidthDepth_eq_one hn h]
  have := reachDepth_pos hk hs
  omega

/-- The windowed construction never needs more stages than the trivial one-hop-per-stage
construction: `doublingStages k s ≤ k`. -/
theorem doublingStages_le (k s : Nat) : doublingStages k s ≤ k :=
  Nat.min_le_left _ _

/-- Every stage count of the construction is at least the reachability term `⌈k/s⌉`
(for `s ≥ 1`). -/
theorem reachDepth_le_doublingStages {k s : Nat} (hs : 0 < s) :
    reachDepth k s ≤ doublingStages k s := by
  unfold doublingStages reachDepth
  have h1 : ceilDiv k s ≤ k := ceilDiv_le_of_le_mul hs (Nat.le_mul_of_pos_left k hs)
  have h2 : ceilDiv k s ≤ ceilDiv k s * max 1 (clog2 s) := by
    have := Nat.mul_le_mul_left (ceilDiv k s) (Nat.le_max_left 1 (clog2 s))
    rw [Nat.mul_one] at this
    exact this
  exact Nat.le_min.mpr ⟨h1, h2⟩

/-- The proved lower bound never exceeds the doubling upper bound (with `n ≥ 2`, `k, s, H ≥ 1`
and `m·p ≥ 1`), so the formulas are consistent. -/
theorem maxBound_le_doublingUpperBound {n k s H m p : Nat} (hn : 2 ≤ n) (hk : 0 < k)
    (hs : 0 < s) (hH : 0 < H) (hmp : 0 < m * p) :
    maxBound n k s H m p ≤ doublingUpperBound n k s m p := by
  unfold maxBound doublingUpperBound
  have hstage := reachDepth_le_doublingStages (k := k) hs
  have hstage_pos : 0 < doublingStages k s := Nat.lt_of_lt_of_le (reachDepth_pos hk hs) hstage
  have hw_pos : 0 < ceilDiv (clog2 n) (m * p) := ceilDiv_pos hmp (clog2_pos hn)
  have hbw : bandwidthDepth n H m p ≤ ceilDiv (clog2 n) (m * p) := by
    unfold bandwidthDepth
    rw [Nat.mul_assoc]
    exact ceilDiv_mul_le hmp hH
  have h1 : reachDepth k s ≤ doublingStages k s * ceilDiv (clog2 n) (m * p) := by
    have := Nat.mul_le_mul_left (doublingStages k s) (show 1 ≤ ceilDiv (clog2 n) (m * p) from hw_pos)
    rw [Nat.mul_one] at this
    omega
  have h2 : bandwidthDepth n H m p ≤ doublingStages k s * ceilDiv (clog2 n) (m * p) := by
    have := Nat.mul_le_mul_right (ceilDiv (clog2 n) (m * p)) (show 1 ≤ doublingStages k s from hstage_pos)
    rw [Nat.one_mul] at this
    omega
  exact Nat.max_le.mpr ⟨h1, h2⟩

end CacheDepth
