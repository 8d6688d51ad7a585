module

/-!
# Pointer maps and k-hop iteration

An instance of k-hop pointer chasing on `n` tokens is a pointer map `f : Fin n → Fin n`
and a start token `x`; the answer is `f^[k] x`. This file defines the iteration `hop` and
proves the laws that later files use: composition of hops and the behaviour of a walk that
enters a cycle.

## Main definitions

* `CacheDepth.PointerMap n`: a pointer map on `n` tokens.
* `CacheDepth.hop f k x`: the token reached from `x` after `k` pointer steps.

## Main results

* `hop_add`: hops compose, `hop f (a + b) x = hop f b (hop f a x)`.
* `hop_mod_period`: on a cycle of length `p` through `x`, only `k % p` matters.
* `hop_periodic_of_eq`: once a walk revisits a token it is periodic from then on.
-/

@[expose] public section

namespace CacheDepth

/-- A pointer map on `n` tokens: token `i` points to token `f i`. -/
abbrev PointerMap (n : Nat) : Type := Fin n → Fin n

/-- `hop f k x` is the token reached from `x` after `k` steps of `f`, that is `f^[k] x`.
It is the answer of the k-hop pointer-chasing instance `(f, x)`. -/
def hop {n : Nat} (f : PointerMap n) : Nat → Fin n → Fin n
  | 0, x => x
  | k + 1, x => hop f k (f x)

variable {n : Nat} (f : PointerMap n)

/-- Zero hops stay at the start token. -/
theorem hop_zero (x : Fin n) : hop f 0 x = x := rfl

/-- One more hop is one step of `f` first, then the remaining hops. -/
theorem hop_succ (k : Nat) (x : Fin n) : hop f (k + 1) x = hop f k (f x) := rfl

/-- One hop is one application of `f`. -/
theorem hop_one (x : Fin n) : hop f 1 x = f x := rfl

/-- Hops compose: `a + b` hops are `a` hops followed by `b` hops. -/
theorem hop_add (a b : Nat) (x : Fin n) : hop f (a + b) x = hop f b (hop f a x) := by
  induction a generalizing x with
  | zero => rw [Nat.zero_add]; rfl
  | succ a ih =>
    rw [Nat.add_right_comm, hop_succ]
    exact ih (f x)

/-- One more hop is the remaining hops first, then one step of `f`. -/
theorem hop_succ' (k : Nat) (x : Fin n) : hop f (k + 1) x = f (hop f k x) :=
  hop_add f k 1 x

/-- Hop counts commute: `a` hops after `b` hops equal `b` hops after `a` hops. -/
theorem hop_comm (a b : Nat) (x : Fin n) : hop f a (hop f b x) = hop f b (hop f a x) := by
  rw [← hop_add, ← hop_add, Nat.add_comm b a]

/-- If `x` lies on a cycle of length `p`, then `p` extra hops change nothing. -/
theorem hop_add_period {p : Nat} {x : Fin n} (hp : hop f p x = x) (k : Nat) :
    hop f (p + k) x = hop f k x := by
  rw [hop_add, hp]

/-- If `x` lies on a cycle of length `p`, then any multiple of `p` hops returns to `x`. -/
theorem hop_mul_period {p : Nat} {x : Fin n} (hp : hop f p x = x) (q : Nat) :
    hop f (p * q) x = x := by
  induction q with
  | zero => rw [Nat.mul_zero]; rfl
  | succ q ih => rw [Nat.mul_succ, hop_add, ih, hp]

/-- On a cycle of length `p` through `x`, the answer after `k` hops depends only on
`k % p`. For `p = 0` the statement is trivial because `k % 0 = k`. -/
theorem hop_mod_period {p : Nat} {x : Fin n} (hp : hop f p x = x) (k : Nat) :
    hop f k x = hop f (k % p) x := by
  have h := Nat.mod_add_div k p
  calc hop f k x = hop f (k % p + p * (k / p)) x := by rw [h]
    _ = hop f (p * (k / p) + k % p) x := by rw [Nat.add_comm]
    _ = hop f (k % p) x := by rw [hop_add, hop_mul_period f hp]

/-- Two hop counts that reach the same token keep reaching equal tokens after `t` more hops. -/
theorem hop_shift_of_eq {i j : Nat} {x : Fin n} (h : hop f i x = hop f j x) (t : Nat) :
    hop f (i + t) x = hop f (j + t) x := by
  rw [hop_add, h, ← hop_add]

/-- A walk that revisits a token (`hop f i x = hop f j x` with `i ≤ j`) is periodic with
period `j - i` from step `i` on. -/
theorem hop_periodic_of_eq {i j : Nat} {x : Fin n} (h : hop f i x = hop f j x) (hij : i ≤ j)
    (t : Nat) (ht : i ≤ t) : hop f (t + (j - i)) x = hop f t x := by
  have e1 : t + (j - i) = j + (t - i) := by omega
  have e2 : t = i + (t - i) := by omega
  rw [e1, ← hop_shift_of_eq f h (t - i), ← e2]

end CacheDepth
