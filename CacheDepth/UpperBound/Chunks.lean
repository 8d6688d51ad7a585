module

public import CacheDepth.Bounds.Formulas
public import CacheDepth.Model.CacheTransformer

/-!
# Sending a token in chunks of `m·p` bits

A message carries `m·p` bits, a token of `n` needs `⌈log₂ n⌉`. The upper-bound constructions
send a token `v` as its base-`2^(m·p)` digits, least significant first, one digit per layer:
digit `c` is `v / (2^(m·p))^c % 2^(m·p)`. A receiver that adds digit `c` times
`(2^(m·p))^c` to the sum of the digits before it holds `v % (2^(m·p))^(c+1)`
(`receiveChunk_chunkMessage`), and after `⌈⌈log₂ n⌉/(m·p)⌉` digits it holds `v` itself
(`lt_pow_chunkCount`). That digit count is the one-head bandwidth depth
(`chunkCount_eq_bandwidthDepth`).

## Main definitions

* `chunkCount n m p`: `⌈⌈log₂ n⌉/(m·p)⌉`, the layers that send one token.
* `chunkMessage m p v c`: digit `c` of `v`, as a message.
* `receiveChunk m p c r msg`: the partial sum `r` with digit `c` added.
* `natToken r d`: the number `r` as a token of `Fin n`, or `d` when `r ≥ n`.
-/

@[expose] public section

namespace CacheDepth

/-- The layers one head needs to send a token of `n` in `m·p`-bit chunks:
`⌈⌈log₂ n⌉/(m·p)⌉`. -/
def chunkCount (n m p : Nat) : Nat := ceilDiv (clog2 n) (m * p)

/-- Digit `c` of the number `v` in base `2^(m·p)`, as a message of `m·p` bits. -/
def chunkMessage (m p v c : Nat) : Message m p :=
  ⟨v / (2 ^ (m * p)) ^ c % 2 ^ (m * p), Nat.mod_lt _ (Nat.two_pow_pos _)⟩

/-- The partial sum `r` of the digits received before digit `c`, with digit `c` added. -/
def receiveChunk (m p c r : Nat) (msg : Message m p) : Nat := r + (2 ^ (m * p)) ^ c * msg.val

/-- The number `r` as a token, or `d` when `r` is not below `n`. -/
def natToken {n : Nat} (r : Nat) (d : Fin n) : Fin n := if h : r < n then ⟨r, h⟩ else d

/-- Receiving digit `c` of `v` after its lower digits gives the lower `c + 1` digits. -/
theorem receiveChunk_chunkMessage (m p v c : Nat) :
    receiveChunk m p c (v % (2 ^ (m * p)) ^ c) (chunkMessage m p v c) =
      v % (2 ^ (m * p)) ^ (c + 1) :=
  Nat.mod_pow_succ.symm

/-- The chunk count is the bandwidth depth with one head. -/
theorem chunkCount_eq_bandwidthDepth (n m p : Nat) : chunkCount n m p = bandwidthDepth n 1 m p := by
  simp [chunkCount, bandwidthDepth, Nat.one_mul]

/-- At least one chunk is sent for `n ≥ 2` tokens and `m·p ≥ 1`. -/
theorem chunkCount_pos {n m p : Nat} (hn : 2 ≤ n) (hmp : 1 ≤ m * p) : 1 ≤ chunkCount n m p :=
  ceilDiv_pos hmp (clog2_pos hn)

/-- Every token fits in `chunkCount n m p` digits: `v < n` implies `v < (2^(m·p))^W`. -/
theorem lt_pow_chunkCount {n m p : Nat} (hmp : 1 ≤ m * p) {v : Nat} (hv : v < n) :
    v < (2 ^ (m * p)) ^ chunkCount n m p := by
  rw [← Nat.pow_mul]
  have h1 : clog2 n ≤ m * p * chunkCount n m p := le_mul_ceilDiv (clog2 n) hmp
  have h2 := le_two_pow_clog2 n
  have h3 : 2 ^ clog2 n ≤ 2 ^ (m * p * chunkCount n m p) := Nat.pow_le_pow_right (by decide) h1
  omega

/-- A token's value reads back as the token. -/
theorem natToken_val {n : Nat} (y d : Fin n) : natToken y.val d = y := by
  unfold natToken
  rw [dif_pos y.isLt]

end CacheDepth
