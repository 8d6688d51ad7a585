module

public import CacheDepth.PointerChasing.Hop
public import CacheDepth.Counting.UnionBound

/-!
# The tree family: instances whose pointers branch `k + 1` ways at every token

The adaptive reachability bound (`LowerBound/AdaptiveReachability.lean`) counts over a
family of instances in which every chain token has `k + 1` possible pointers, each leading
to a different answer. This file builds that family.

Nodes of the complete `(k + 1)`-ary tree are numbered level by level: the root is `0` and
child `e ≤ k` of node `c` is `(k + 1)·c + 1 + e` (`child`). A parameter
`g : Fin n → Fin (k + 1)` gives every node `c < n` a digit, and in the instance `build g`
node `c` points to its child with digit `g c`. Nodes sit on the positions other than the
output position `out`, in order (`pos`), so that no node is the output position.

From the root, `j` hops reach the node `node g j` (`hop_build`), as long as the nodes fit:
`(k + 1)^(k + 1) ≤ n` is enough for `j ≤ k` (`posN_node_lt`). Changing the digit of the
`j`-th path node, `j < k`, changes the pointer of that one position (`build_setAt_of_ne`),
keeps the path up to it (`node_setAt_index`), and changes the node reached after `k` hops
(`node_setAt_index_ne`), because the subtrees of distinct children are disjoint.

Every definition here is `noncomputable`: the npm Lean toolchain cannot generate code for
calls into other modules, and nothing here is evaluated in Lean.

## Main definitions

* `TreeFamily.node`, `TreeFamily.pos`, `TreeFamily.build`, `TreeFamily.index`.

## Main statements

* `TreeFamily.hop_build`: `j` hops from the root follow the path of `g`.
* `TreeFamily.build_setAt_of_ne`: a digit change moves one pointer.
* `TreeFamily.node_setAt_index_ne`: different digits at a path node give different answers.
-/

@[expose] public section

namespace CacheDepth

namespace TreeFamily

variable {n : Nat} (k : Nat) (out : Fin n)

/-- The position number of node `c`: nodes fill the positions other than `out` in order. -/
noncomputable def posN (c : Nat) : Nat := if c < out.val then c else c + 1

/-- The node placed at position `i` (meaningful for `i ≠ out`). -/
noncomputable def code (i : Fin n) : Nat := if i.val < out.val then i.val else i.val - 1

/-- The position of node `c`, or `out` when node `c` does not fit into `n` positions. -/
noncomputable def pos (c : Nat) : Fin n := if h : posN out c < n then ⟨posN out c, h⟩ else out

/-- The digit that the parameter `g` gives node `c`; nodes without a parameter get `0`. -/
noncomputable def digit (g : Fin n → Fin (k + 1)) (c : Nat) : Nat :=
  if h : c < n then (g ⟨c, h⟩).val else 0

/-- Child `e` of node `c` in the `(k + 1)`-ary tree numbered level by level. -/
noncomputable def child (c e : Nat) : Nat := (k + 1) * c + 1 + e

/-- The node reached from the root after `j` steps that follow the digits of `g`. -/
noncomputable def node (g : Fin n → Fin (k + 1)) : Nat → Nat
  | 0 => 0
  | j + 1 => child k (node g j) (digit k g (node g j))

/-- The instance of parameter `g`: the token at node `c` points to the child of `c` with
digit `g c`, and the output position points to itself. -/
noncomputable def build (g : Fin n → Fin (k + 1)) : PointerMap n := fun i =>
  if i = out then i else pos out (child k (code out i) (digit k g (code out i)))

/-- The parameter entry that holds the digit of the `j`-th path node of `g` (`out` when
that node has no parameter). -/
noncomputable def index (g : Fin n → Fin (k + 1)) (j : Nat) : Fin n :=
  if h : node k g j < n then ⟨node k g j, h⟩ else out

/-- No node's position number is the output position. -/
theorem posN_ne_out (c : Nat) : posN out c ≠ out.val := by
  unfold posN
  split <;> omega

/-- Skipping the output position moves a node by at most one position. -/
theorem posN_le (c : Nat) : posN out c ≤ c + 1 := by
  unfold posN
  split <;> omega

/-- Different nodes get different position numbers. -/
theorem posN_inj {a b : Nat} (h : posN out a = posN out b) : a = b := by
  unfold posN at h
  split at h <;> (try split at h) <;> omega

/-- A node that fits sits on its position number. -/
theorem val_pos {c : Nat} (h : posN out c < n) : (pos out c).val = posN out c := by
  unfold pos
  rw [dif_pos h]

/-- A node that fits is never placed on the output position. -/
theorem pos_ne_out {c : Nat} (h : posN out c < n) : pos out c ≠ out := by
  intro e
  have := congrArg Fin.val e
  rw [val_pos out h] at this
  exact posN_ne_out out c this

/-- Nodes that fit sit on different positions. -/
theorem pos_inj {a b : Nat} (ha : posN out a < n) (hb : posN out b < n)
    (e : pos out a = pos out b) : a = b := by
  have := congrArg Fin.val e
  rw [val_pos out ha, val_pos out hb] at this
  exact posN_inj out this

/-- The node at the position of a fitting node `c` is `c`. -/
theorem code_pos {c : Nat} (h : posN out c < n) : code out (pos out c) = c := by
  unfold code
  rw [val_pos out h]
  unfold posN
  split <;> (try split) <;> omega

/-- The position number of the node at a position `i ≠ out` is `i`. -/
theorem posN_code {i : Fin n} (hi : i ≠ out) : posN out (code out i) = i.val := by
  have : i.val ≠ out.val := fun e => hi (Fin.ext e)
  unfold code posN
  split <;> (try split) <;> omega

/-- Every position other than `out` holds the node `code out i`. -/
theorem pos_code {i : Fin n} (hi : i ≠ out) : pos out (code out i) = i := by
  have h := posN_code out hi
  apply Fin.ext
  rw [val_pos out (by rw [h]; exact i.isLt), h]

/-- Digits are at most `k`. -/
theorem digit_le (g : Fin n → Fin (k + 1)) (c : Nat) : digit k g c ≤ k := by
  unfold digit
  split
  · exact Nat.lt_succ_iff.mp (g _).isLt
  · exact Nat.zero_le _

/-- The digit of `c` after the entry `u` of the parameter is set to `d`. -/
theorem digit_setAt (g : Fin n → Fin (k + 1)) (u : Fin n) (d : Fin (k + 1)) (c : Nat) :
    digit k (setAt g u d) c = if c = u.val then d.val else digit k g c := by
  unfold digit setAt
  by_cases hc : c < n
  · rw [dif_pos hc, dif_pos hc]
    by_cases e : c = u.val
    · rw [if_pos (Fin.ext e), if_pos e]
    · rw [if_neg (fun h => e (congrArg Fin.val h)), if_neg e]
  · rw [dif_neg hc, dif_neg hc]
    have : c ≠ u.val := by have := u.isLt; omega
    rw [if_neg this]

/-- A child is numbered above its parent. -/
theorem lt_child (c e : Nat) : c < child k c e := by
  unfold child
  rw [Nat.add_mul, Nat.one_mul]
  omega

/-- A child determines its parent and its digit. -/
theorem child_inj {a b e e' : Nat} (he : e ≤ k) (he' : e' ≤ k)
    (h : child k a e = child k b e') : a = b ∧ e = e' := by
  unfold child at h
  have h1 : ((k + 1) * a + e) / (k + 1) = a := by
    rw [Nat.mul_add_div (Nat.succ_pos k), Nat.div_eq_of_lt (by omega), Nat.add_zero]
  have h2 : ((k + 1) * b + e') / (k + 1) = b := by
    rw [Nat.mul_add_div (Nat.succ_pos k), Nat.div_eq_of_lt (by omega), Nat.add_zero]
  have h3 : (k + 1) * a + e = (k + 1) * b + e' := by omega
  have hab : a = b := by rw [← h1, ← h2, h3]
  subst hab
  omega

/-- One more step goes to the child with the current node's digit. -/
theorem node_succ (g : Fin n → Fin (k + 1)) (j : Nat) :
    node k g (j + 1) = child k (node k g j) (digit k g (node k g j)) := rfl

/-- The path goes down the tree, so its nodes increase. -/
theorem node_lt_node (g : Fin n → Fin (k + 1)) {i j : Nat} (h : i < j) :
    node k g i < node k g j := by
  induction j with
  | zero => omega
  | succ j ih =>
    have hstep : node k g j < node k g (j + 1) := by
      rw [node_succ]
      exact lt_child k _ _
    by_cases hij : i < j
    · exact Nat.lt_trans (ih hij) hstep
    · have : i = j := by omega
      rw [this]
      exact hstep

/-- The `j`-th path node is numbered below `(k + 1)^(j + 1) - 1`. -/
theorem node_add_two_le (hk : 1 ≤ k) (g : Fin n → Fin (k + 1)) (j : Nat) :
    node k g j + 2 ≤ (k + 1) ^ (j + 1) := by
  induction j with
  | zero =>
    show 0 + 2 ≤ (k + 1) ^ (0 + 1)
    rw [Nat.zero_add, Nat.pow_one]
    omega
  | succ j ih =>
    have hd := digit_le k g (node k g j)
    rw [node_succ, Nat.pow_succ]
    unfold child
    have h := Nat.mul_le_mul_right (k + 1) ih
    rw [Nat.add_mul, Nat.mul_comm (node k g j) (k + 1)] at h
    omega

/-- With `(k + 1)^(k + 1) ≤ n`, the first `k + 1` path nodes fit. -/
theorem posN_node_lt (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n) (g : Fin n → Fin (k + 1))
    {j : Nat} (hj : j ≤ k) : posN out (node k g j) < n := by
  have h1 := node_add_two_le k hk g j
  have h2 : (k + 1) ^ (j + 1) ≤ (k + 1) ^ (k + 1) :=
    Nat.pow_le_pow_right (Nat.succ_pos k) (by omega)
  have h3 := posN_le out (node k g j)
  omega

/-- The token at a fitting node points to the child with that node's digit. -/
theorem build_pos (g : Fin n → Fin (k + 1)) {c : Nat} (h : posN out c < n) :
    build k out g (pos out c) = pos out (child k c (digit k g c)) := by
  unfold build
  rw [if_neg (pos_ne_out out h), code_pos out h]

/-- **The path of `g`.** From the root, `j ≤ k` hops of `build g` reach `node g j`. -/
theorem hop_build (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n) (g : Fin n → Fin (k + 1)) :
    ∀ j, j ≤ k → hop (build k out g) j (pos out 0) = pos out (node k g j) := by
  intro j
  induction j with
  | zero => intro _; rfl
  | succ j ih =>
    intro hj
    rw [hop_succ', ih (by omega), build_pos k out g (posN_node_lt k out hk hn g (by omega))]
    rfl

/-- **One pointer moves.** Setting the parameter entry of a fitting node `u` changes the
instance only at the position of `u`. -/
theorem build_setAt_of_ne (g : Fin n → Fin (k + 1)) (u : Fin n) (d : Fin (k + 1))
    {i : Fin n} (hi : i ≠ pos out u.val) : build k out (setAt g u d) i = build k out g i := by
  unfold build
  by_cases hio : i = out
  · rw [if_pos hio, if_pos hio]
  · rw [if_neg hio, if_neg hio, digit_setAt, if_neg]
    intro e
    apply hi
    rw [← e]
    exact (pos_code out hio).symm

/-- The entry of the `j`-th path node, `j ≤ k`, is that node. -/
theorem val_index (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n) (g : Fin n → Fin (k + 1))
    {j : Nat} (hj : j ≤ k) : (index k out g j).val = node k g j := by
  have h1 := posN_le out (node k g j)
  have h2 := posN_node_lt k out hk hn g hj
  have h3 : node k g j ≤ posN out (node k g j) := by unfold posN; split <;> omega
  have h : node k g j < n := by omega
  unfold index
  rw [dif_pos (by omega)]

/-- Setting the digit of the `j`-th path node keeps the path up to that node. -/
theorem node_setAt_index (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n)
    (g : Fin n → Fin (k + 1)) {j : Nat} (hj : j ≤ k) (d : Fin (k + 1)) :
    ∀ i, i ≤ j → node k (setAt g (index k out g j) d) i = node k g i := by
  intro i
  induction i with
  | zero => intro _; rfl
  | succ i ih =>
    intro hi
    have hne : node k g i ≠ (index k out g j).val := by
      rw [val_index k out hk hn g hj]
      exact Nat.ne_of_lt (node_lt_node k g (by omega))
    rw [node_succ, node_succ, ih (by omega), digit_setAt, if_neg hne]

/-- The entry of the `j`-th path node does not move when its digit is set. -/
theorem index_setAt_index (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n)
    (g : Fin n → Fin (k + 1)) {j : Nat} (hj : j ≤ k) (d : Fin (k + 1)) :
    index k out (setAt g (index k out g j) d) j = index k out g j := by
  apply Fin.ext
  rw [val_index k out hk hn _ hj, val_index k out hk hn g hj,
    node_setAt_index k out hk hn g hj d j (Nat.le_refl j)]

/-- Paths that differ at step `i` differ at every later step, because the subtrees of
distinct nodes of one level are disjoint. -/
theorem node_ne_of_ne (g g' : Fin n → Fin (k + 1)) {i : Nat}
    (h : node k g i ≠ node k g' i) : ∀ t, node k g (i + t) ≠ node k g' (i + t) := by
  intro t
  induction t with
  | zero => exact h
  | succ t ih =>
    intro e
    rw [← Nat.add_assoc, node_succ, node_succ] at e
    exact ih (child_inj k (digit_le k g _) (digit_le k g' _) e).1

/-- **Different digits, different answers.** Setting the digit of the `j`-th path node
(`j < k`) to two different values gives two instances whose `k`-th path nodes differ. -/
theorem node_setAt_index_ne (hk : 1 ≤ k) (hn : (k + 1) ^ (k + 1) ≤ n)
    (g : Fin n → Fin (k + 1)) {j : Nat} (hj : j < k) {d d' : Fin (k + 1)} (hdd : d ≠ d') :
    node k (setAt g (index k out g j) d) k ≠ node k (setAt g (index k out g j) d') k := by
  have hj' : j ≤ k := Nat.le_of_lt hj
  have hval := val_index k out hk hn g hj'
  have hsucc : node k (setAt g (index k out g j) d) (j + 1) ≠
      node k (setAt g (index k out g j) d') (j + 1) := by
    rw [node_succ, node_succ, node_setAt_index k out hk hn g hj' d j (Nat.le_refl j),
      node_setAt_index k out hk hn g hj' d' j (Nat.le_refl j), digit_setAt, digit_setAt,
      if_pos hval.symm, if_pos hval.symm]
    intro e
    exact hdd (Fin.ext (child_inj k (Nat.lt_succ_iff.mp d.isLt)
      (Nat.lt_succ_iff.mp d'.isLt) e).2)
  have := node_ne_of_ne k _ _ hsucc (k - (j + 1))
  rwa [show j + 1 + (k - (j + 1)) = k by omega] at this

end TreeFamily

end CacheDepth
