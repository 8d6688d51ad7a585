module

public import CacheDepth.Bounds.Formulas

/-!
# The counting barrier (claim C5)

Both halves of the max bound count what a window of layers can do. Reachability counts
cache slots: a window of `W` layers reads at most `s·W` cached tokens, and every resolved
hop needs its token read. Bandwidth counts distinguishable messages: in a window of `W`
layers a position receives `W·H` messages of `m·p` bits, so it tells at most `2^(H·m·p·W)`
values apart, and learning a pointer means telling `n` values apart.

**The class (our definition).** A *per-window distinguishability counting argument* bounds
the number of chain hops a window of `W` layers can resolve by a function `hops W`, and it
is *counting-sound* when it never claims less than these two counts allow:
`windowCapacity W ≤ hops W`, where `windowCapacity W` is `s·W` when `n ≤ 2^(H·m·p·W)`
(every hop has a cached token and a position that can receive a whole pointer) and `0`
otherwise. The argument *proves* the depth bound `B` for `k` hops when every depth `L`
whose window can resolve `k` hops has `L ≥ B`. Sums over consecutive windows are again
functions of the total width, so arguments that split the run into windows are members.

Why this is the right class: counting alone cannot exclude a model that resolves `s·W`
hops in a window wide enough to name a pointer, since the counts of cache slots and
message bits are then exactly sufficient. An argument that claims fewer hops must use
something besides counting, for instance the order in which pointers become known.

**The barrier.** Once `H·m·p ≥ ⌈log₂ n⌉`, no counting-sound argument proves more than
`⌈k/s⌉` (`CountingArgument.bound_le_reachDepth`), the claim of the paper. In every regime
with positive bandwidth no such argument proves more than the max bound
(`CountingArgument.bound_le_maxBound_of_pos`). Reachability (`reachArgument`), bandwidth
(`bandwidthArgument`) and their combination (`maxArgument`) are members, and they prove
`⌈k/s⌉`, `⌈⌈log₂ n⌉/(H·m·p)⌉` and the max bound.
-/

@[expose] public section

namespace CacheDepth

/-- The hops that per-window counting cannot exclude in a window of `W` layers: `s·W` when
`W` layers of `H·m·p` bits can name one of `n` pointers, and `0` otherwise. -/
def windowCapacity (n s H m p W : Nat) : Nat :=
  if n ≤ 2 ^ (H * m * p * W) then s * W else 0

/-- A per-window distinguishability counting argument for `n` tokens, cache `s`, `H` heads,
head dimension `m` and precision `p`: a bound `hops W` on the chain hops a window of `W`
layers can resolve, which never undercuts what counting allows. -/
structure CountingArgument (n s H m p : Nat) where
  /-- The claimed bound on hops resolved by a window of `W` layers. -/
  hops : Nat → Nat
  /-- The claim never undercuts the counts of cache slots and message bits. -/
  counting_sound : ∀ W, windowCapacity n s H m p W ≤ hops W

namespace CountingArgument

variable {n s H m p : Nat}

/-- The argument proves the depth bound `B` for `k` hops: every depth `L` at which `L` layers
can resolve `k` hops, by the argument's own count, is at least `B`. -/
def Proves (A : CountingArgument n s H m p) (k B : Nat) : Prop :=
  ∀ L, k ≤ A.hops L → B ≤ L

/-- **The counting barrier (claim C5).** When `H·m·p ≥ ⌈log₂ n⌉`, every bound that a
counting-sound argument proves for `k ≥ 1` hops with `s ≥ 1` is at most `⌈k/s⌉`. -/
theorem bound_le_reachDepth (A : CountingArgument n s H m p) {k B : Nat} (hk : 1 ≤ k)
    (hs : 1 ≤ s) (hwide : clog2 n ≤ H * m * p) (hproves : A.Proves k B) :
    B ≤ reachDepth k s := by
  have hL : 1 ≤ reachDepth k s := reachDepth_pos hk hs
  have hname : n ≤ 2 ^ (H * m * p * reachDepth k s) := by
    have h1 : n ≤ 2 ^ (H * m * p) := clog2_le_iff.mp hwide
    have h2 : 2 ^ (H * m * p) ≤ 2 ^ (H * m * p * reachDepth k s) :=
      Nat.pow_le_pow_right (by decide) (Nat.le_mul_of_pos_right _ hL)
    omega
  have hcap : windowCapacity n s H m p (reachDepth k s) = s * reachDepth k s := by
    simp [windowCapacity, hname]
  have hk' : k ≤ A.hops (reachDepth k s) := by
    have := A.counting_sound (reachDepth k s)
    rw [hcap] at this
    exact Nat.le_trans ((reachDepth_le_iff hs).mp (Nat.le_refl _)) this
  exact hproves _ hk'

end CountingArgument

/-- The reachability argument: a window of `W` layers reads at most `s·W` cached tokens, so
it resolves at most `s·W` hops. -/
def reachArgument (n s H m p : Nat) : CountingArgument n s H m p where
  hops W := s * W
  counting_sound W := by
    by_cases h : n ≤ 2 ^ (H * m * p * W) <;> simp [windowCapacity, h]

/-- The reachability argument proves `⌈k/s⌉` for `s ≥ 1`. -/
theorem reachArgument_proves {n s H m p : Nat} (k : Nat) (hs : 1 ≤ s) :
    (reachArgument n s H m p).Proves k (reachDepth k s) :=
  fun _ hL => (reachDepth_le_iff hs).mpr hL

/-- The bandwidth argument: a window too narrow to name one of `n` pointers resolves no hop;
a wider window is not limited by bandwidth (`s·W + k` stands for "no bound": it exceeds
what the window's cache could use for `k` hops). -/
def bandwidthArgument (n s H m p k : Nat) : CountingArgument n s H m p where
  hops W := if n ≤ 2 ^ (H * m * p * W) then s * W + k else 0
  counting_sound W := by
    by_cases h : n ≤ 2 ^ (H * m * p * W) <;> simp [windowCapacity, h]

/-- The bandwidth argument proves `⌈⌈log₂ n⌉/(H·m·p)⌉` for `k ≥ 1` and `H·m·p ≥ 1`. -/
theorem bandwidthArgument_proves {n s H m p k : Nat} (hk : 1 ≤ k) (hB : 0 < H * m * p) :
    (bandwidthArgument n s H m p k).Proves k (bandwidthDepth n H m p) := by
  intro L hL
  have hname : n ≤ 2 ^ (H * m * p * L) := by
    by_cases h : n ≤ 2 ^ (H * m * p * L)
    · exact h
    · have : (bandwidthArgument n s H m p k).hops L = 0 := by simp [bandwidthArgument, h]
      omega
  exact (bandwidthDepth_le_iff hB).mpr (clog2_le_iff.mpr hname)

/-- The combined argument: the smaller of the two bounds. -/
def maxArgument (n s H m p k : Nat) : CountingArgument n s H m p where
  hops W := min ((reachArgument n s H m p).hops W) ((bandwidthArgument n s H m p k).hops W)
  counting_sound W :=
    Nat.le_min.mpr ⟨(reachArgument n s H m p).counting_sound W,
      (bandwidthArgument n s H m p k).counting_sound W⟩

/-- The combined argument proves the max bound for `k, s ≥ 1` and `H·m·p ≥ 1`. -/
theorem maxArgument_proves {n s H m p k : Nat} (hk : 1 ≤ k) (hs : 1 ≤ s)
    (hB : 0 < H * m * p) : (maxArgument n s H m p k).Proves k (maxBound n k s H m p) := by
  intro L hL
  have hmin := Nat.le_min.mp hL
  exact Nat.max_le.mpr ⟨reachArgument_proves k hs L hmin.1,
    bandwidthArgument_proves hk hB L hmin.2⟩

/-- **No counting argument reaches the product bound in the wide regime.** When
`H·m·p ≥ ⌈log₂ n⌉`, a counting-sound argument proves at most the max bound, which there
equals `⌈k/s⌉`; so per-window counting cannot separate the product conjecture from the max
bound in that regime. -/
theorem CountingArgument.bound_le_maxBound {n s H m p : Nat} (A : CountingArgument n s H m p)
    {k B : Nat} (hk : 1 ≤ k) (hs : 1 ≤ s) (hwide : clog2 n ≤ H * m * p)
    (hproves : A.Proves k B) : B ≤ maxBound n k s H m p :=
  Nat.le_trans (A.bound_le_reachDepth hk hs hwide hproves) (Nat.le_max_left _ _)

/-- **The barrier in every regime.** With positive bandwidth `H·m·p ≥ 1` and `s ≥ 1`, every
bound that a counting-sound argument proves is at most the max bound: at
depth `L = max(⌈k/s⌉, ⌈⌈log₂ n⌉/(H·m·p)⌉)` a window of `L` layers can name a pointer and has
`s·L ≥ k` cache slots, so counting cannot exclude it. Per-window counting therefore never
proves the product bound where it exceeds the max bound. -/
theorem CountingArgument.bound_le_maxBound_of_pos {n s H m p : Nat}
    (A : CountingArgument n s H m p) {k B : Nat} (hs : 1 ≤ s) (hB : 0 < H * m * p)
    (hproves : A.Proves k B) : B ≤ maxBound n k s H m p := by
  have hreach : reachDepth k s ≤ maxBound n k s H m p := Nat.le_max_left _ _
  have hband : bandwidthDepth n H m p ≤ maxBound n k s H m p := Nat.le_max_right _ _
  have hname : n ≤ 2 ^ (H * m * p * maxBound n k s H m p) :=
    clog2_le_iff.mp ((bandwidthDepth_le_iff hB).mp hband)
  have hcap : windowCapacity n s H m p (maxBound n k s H m p) = s * maxBound n k s H m p := by
    simp [windowCapacity, hname]
  have hk' : k ≤ A.hops (maxBound n k s H m p) := by
    have := A.counting_sound (maxBound n k s H m p)
    rw [hcap] at this
    exact Nat.le_trans ((reachDepth_le_iff hs).mp hreach) this
  exact hproves _ hk'

end CacheDepth
