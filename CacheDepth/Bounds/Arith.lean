module

/-!
# Ceiling division and ceiling binary logarithm

The depth bounds of the paper are stated with `⌈k/s⌉` and `⌈log₂ n/(H·m·p)⌉`. Lean core has
floor division and `Nat.log2` (the floor of the binary logarithm) but no ceilings, so this
file defines both ceilings on natural numbers and characterizes each by a Galois
connection, which is the form the lower-bound proofs use.

## Main definitions

* `CacheDepth.ceilDiv a b = ⌈a / b⌉` for `b > 0` (and `0` for `b = 0`).
* `CacheDepth.clog2 n = ⌈log₂ n⌉` for `n ≥ 1` (and `0` for `n = 0`).

## Main results

* `ceilDiv_le_iff`: `⌈a / b⌉ ≤ c ↔ a ≤ b * c` for `b > 0`.
* `clog2_le_iff`: `⌈log₂ n⌉ ≤ t ↔ n ≤ 2 ^ t`.
-/

@[expose] public section

namespace CacheDepth

/-- Ceiling division `⌈a / b⌉` on natural numbers, computed as `(a + b - 1) / b`.
For `b = 0` it is `0`, following Lean's convention `a / 0 = 0`. -/
def ceilDiv (a b : Nat) : Nat := (a + b - 1) / b

/-- The Galois connection that characterizes ceiling division: `⌈a / b⌉ ≤ c ↔ a ≤ b * c`. -/
theorem ceilDiv_le_iff {a b c : Nat} (hb : 0 < b) : ceilDiv a b ≤ c ↔ a ≤ b * c := by
  unfold ceilDiv
  have hdm := Nat.div_add_mod (a + b - 1) b
  have hr := Nat.mod_lt (a + b - 1) hb
  constructor
  · intro h
    have := Nat.mul_le_mul_left b h
    omega
  · intro h
    apply Nat.le_of_lt_succ
    apply Nat.lt_of_not_le
    intro hq
    have := Nat.mul_le_mul_left b hq
    rw [Nat.mul_succ] at this
    omega

/-- `b * ⌈a / b⌉` covers `a`. -/
theorem le_mul_ceilDiv (a : Nat) {b : Nat} (hb : 0 < b) : a ≤ b * ceilDiv a b :=
  (ceilDiv_le_iff hb).mp (Nat.le_refl _)

/-- `⌈a / b⌉` is the least `c` with `a ≤ b * c`. -/
theorem ceilDiv_le_of_le_mul {a b c : Nat} (hb : 0 < b) (h : a ≤ b * c) : ceilDiv a b ≤ c :=
  (ceilDiv_le_iff hb).mpr h

/-- A positive numerator has a positive ceiling quotient: `0 < a → 0 < ⌈a / b⌉` for `b > 0`. -/
theorem ceilDiv_pos {a b : Nat} (hb : 0 < b) (ha : 0 < a) : 0 < ceilDiv a b := by
  apply Nat.lt_of_not_le
  intro h
  have := (ceilDiv_le_iff hb).mp h
  rw [Nat.mul_zero] at this
  omega

/-- `⌈a / b⌉ = 1` when `0 < a ≤ b`. -/
theorem ceilDiv_eq_one {a b : Nat} (ha : 0 < a) (hab : a ≤ b) : ceilDiv a b = 1 := by
  have hb : 0 < b := Nat.lt_of_lt_of_le ha hab
  have h1 : ceilDiv a b ≤ 1 := ceilDiv_le_of_le_mul hb (by rw [Nat.mul_one]; exact hab)
  have h2 := ceilDiv_pos hb ha
  omega

/-- Dividing by more gives a smaller ceiling: `⌈a / (h * b)⌉ ≤ ⌈a / b⌉` for `h ≥ 1`. -/
theorem ceilDiv_mul_le {a b h : Nat} (hb : 0 < b) (hh : 0 < h) :
    ceilDiv a (h * b) ≤ ceilDiv a b := by
  apply ceilDiv_le_of_le_mul (Nat.mul_pos hh hb)
  have h1 := le_mul_ceilDiv a hb
  have h2 := Nat.mul_le_mul_right (b * ceilDiv a b) (show 1 ≤ h from hh)
  rw [Nat.one_mul, ← Nat.mul_assoc] at h2
  omega

/-- Ceiling division is monotone in the numerator. -/
theorem ceilDiv_mono {a a' b : Nat} (hb : 0 < b) (h : a ≤ a') : ceilDiv a b ≤ ceilDiv a' b :=
  ceilDiv_le_of_le_mul hb (Nat.le_trans h (le_mul_ceilDiv a' hb))

/-- Ceiling binary logarithm: the least `t` with `n ≤ 2 ^ t`. For `n ≥ 2` it is
`Nat.log2 (n - 1) + 1`; for `n ≤ 1` it is `0`. -/
def clog2 (n : Nat) : Nat := if n ≤ 1 then 0 else Nat.log2 (n - 1) + 1

/-- The Galois connection that characterizes the ceiling logarithm: `⌈log₂ n⌉ ≤ t ↔ n ≤ 2 ^ t`. -/
theorem clog2_le_iff {n t : Nat} : clog2 n ≤ t ↔ n ≤ 2 ^ t := by
  unfold clog2
  have hpow := Nat.two_pow_pos t
  split
  · constructor
    · intro _
      omega
    · intro _
      exact Nat.zero_le _
  · have h1 : n - 1 ≠ 0 := by omega
    constructor
    · intro h2
      have := (Nat.log2_lt h1).mp (show Nat.log2 (n - 1) < t by omega)
      omega
    · intro h2
      have := (Nat.log2_lt h1).mpr (show n - 1 < 2 ^ t by omega)
      omega

/-- `2 ^ ⌈log₂ n⌉` covers `n`: `⌈log₂ n⌉` bits suffice to name one of `n` tokens. -/
theorem le_two_pow_clog2 (n : Nat) : n ≤ 2 ^ clog2 n :=
  clog2_le_iff.mp (Nat.le_refl _)

/-- Fewer than `⌈log₂ n⌉` bits cannot name `n` tokens: `2 ^ t < n` for `t < ⌈log₂ n⌉`. -/
theorem two_pow_lt_of_lt_clog2 {n t : Nat} (h : t < clog2 n) : 2 ^ t < n := by
  apply Nat.lt_of_not_le
  intro h'
  have := clog2_le_iff.mpr h'
  omega

/-- At least one bit is needed to name one of `n ≥ 2` tokens. -/
theorem clog2_pos {n : Nat} (hn : 2 ≤ n) : 0 < clog2 n := by
  apply Nat.lt_of_not_le
  intro h
  have := clog2_le_iff.mp h
  rw [Nat.pow_zero] at this
  omega

/-- The ceiling logarithm is monotone. -/
theorem clog2_mono {a b : Nat} (h : a ≤ b) : clog2 a ≤ clog2 b :=
  clog2_le_iff.mpr (Nat.le_trans h (le_two_pow_clog2 b))

end CacheDepth
