module

public import CacheDepth.Counting.Functions

/-!
# A union bound over lines

The adaptive reachability bound picks one instance out of a family of instances with a
counting argument. This file holds the counting, free of any model.

A *line structure* on a type `α` with `D` values is a map `vary : α → Fin D → α` such
that `vary a` runs through the line of `a`: `a` lies on its own line, every point of the
line has the same line, and distinct values give distinct points. A predicate that holds
at most once on every line holds for at most a `1/D` fraction of any complete
duplicate-free list of `α` (`mul_length_filter_le`). With `k` such predicates and `k < D`
the fractions add up to less than one, so some element satisfies none of them
(`exists_forall_eq_false`).

## Main statements

* `CacheDepth.setAt`: a function with one value replaced.
* `CacheDepth.nodup_allFunctions`: `allFunctions` lists every function once.
* `CacheDepth.mul_length_filter_le`: the `1/D` bound for one predicate.
* `CacheDepth.exists_forall_eq_false`: the union bound over `k < D` predicates.
-/

@[expose] public section

namespace CacheDepth

/-- `setAt g u b` is `g` with its value at `u` replaced by `b`. -/
def setAt {N : Nat} {β : Type} (g : Fin N → β) (u : Fin N) (b : β) : Fin N → β :=
  fun i => if i = u then b else g i

section SetAt

variable {N : Nat} {β : Type}

/-- `setAt g u b` takes the value `b` at `u`. -/
theorem setAt_same (g : Fin N → β) (u : Fin N) (b : β) : setAt g u b u = b := by
  simp [setAt]

/-- Replacing a value twice keeps the second replacement. -/
theorem setAt_setAt (g : Fin N → β) (u : Fin N) (b b' : β) :
    setAt (setAt g u b) u b' = setAt g u b' := by
  funext i
  by_cases h : i = u <;> simp [setAt, h]

/-- Replacing a value by itself changes nothing. -/
theorem setAt_self (g : Fin N → β) (u : Fin N) : setAt g u (g u) = g := by
  funext i
  by_cases h : i = u
  · rw [h, setAt_same]
  · simp [setAt, h]

/-- Different replacements give different functions. -/
theorem eq_of_setAt_eq {g : Fin N → β} {u : Fin N} {b b' : β}
    (h : setAt g u b = setAt g u b') : b = b' := by
  have := congrFun h u
  rwa [setAt_same, setAt_same] at this

end SetAt

/-- The list of all `φ a b` with `a` from a duplicate-free list `l` and `b` from a
duplicate-free list `m` has no duplicates when `φ a b` determines `a ∈ l` and `b`. -/
theorem nodup_flatMap_map {α β γ : Type} (φ : α → β → γ) (m : List β) (hm : m.Nodup) :
    ∀ (l : List α), l.Nodup →
      (∀ a, a ∈ l → ∀ a', a' ∈ l → ∀ b b', φ a b = φ a' b' → a = a' ∧ b = b') →
      (l.flatMap fun a => m.map (φ a)).Nodup
  | [], _, _ => List.Pairwise.nil
  | a :: t, hl, hφ => by
    rw [List.flatMap_cons]
    have hl' := List.nodup_cons.mp hl
    have ha : a ∈ a :: t := List.mem_cons_self ..
    refine List.nodup_append.mpr ⟨?_, ?_, ?_⟩
    · exact List.pairwise_map.mpr
        (List.Pairwise.imp (fun hbb e => hbb (hφ a ha a ha _ _ e).2) hm)
    · exact nodup_flatMap_map φ m hm t hl'.2 (fun x hx y hy =>
        hφ x (List.mem_cons_of_mem a hx) y (List.mem_cons_of_mem a hy))
    · intro c hc c' hc' e
      obtain ⟨b, _, rfl⟩ := List.mem_map.mp hc
      obtain ⟨a', ha', hc'⟩ := List.mem_flatMap.mp hc'
      obtain ⟨b', _, rfl⟩ := List.mem_map.mp hc'
      have := (hφ a ha a' (List.mem_cons_of_mem a ha') b b' e).1
      exact hl'.1 (this ▸ ha')

/-- `allFunctions b a` lists every function `Fin a → Fin b` exactly once. -/
theorem nodup_allFunctions (b : Nat) : ∀ a : Nat, (allFunctions b a).Nodup
  | 0 => List.nodup_cons.mpr ⟨List.not_mem_nil, List.Pairwise.nil⟩
  | a + 1 => by
    rw [allFunctions]
    apply nodup_flatMap_map _ _ (nodup_finRange b) _ (nodup_allFunctions b a)
    intro g _ g' _ c c' e
    constructor
    · funext i
      have := congrFun e i.succ
      simpa using this
    · have := congrFun e 0
      simpa using this

/-- No element satisfies the constant predicate `false`. -/
theorem length_filter_false {α : Type} : ∀ l : List α, (l.filter fun _ => false).length = 0
  | [] => rfl
  | _ :: t => length_filter_false t

/-- At most as many elements satisfy `p || q` as satisfy `p` plus those that satisfy `q`. -/
theorem length_filter_or_le {α : Type} (p q : α → Bool) :
    ∀ l : List α, (l.filter fun a => p a || q a).length ≤ (l.filter p).length + (l.filter q).length
  | [] => by simp
  | a :: t => by
    have ih := length_filter_or_le p q t
    simp only [List.filter_cons]
    cases p a <;> cases q a <;> simp <;> omega

/-- **One predicate, once per line.** Let `vary` be a line structure on `α` with `D`
values and let `bad` hold at most once on every line. Then on a duplicate-free list `F`
that contains every element of `α`, `D` times the number of bad elements is at most the
length of `F`. -/
theorem mul_length_filter_le {α : Type} (F : List α) (hF : ∀ a, a ∈ F) (hnd : F.Nodup)
    {D : Nat} (vary : α → Fin D → α) (hself : ∀ a, ∃ d, vary a d = a)
    (hline : ∀ a d d', vary (vary a d) d' = vary a d')
    (hinj : ∀ a d d', vary a d = vary a d' → d = d') (bad : α → Bool)
    (honce : ∀ a d d', bad (vary a d) = true → bad (vary a d') = true → d = d') :
    D * (F.filter bad).length ≤ F.length := by
  have hB : (F.filter bad).Nodup := List.Nodup.sublist List.filter_sublist hnd
  have hI := nodup_flatMap_map vary (List.finRange D) (nodup_finRange D) (F.filter bad) hB
    (by
      intro a ha a' ha' d d' e
      have hba : bad a = true := (List.mem_filter.mp ha).2
      have hba' : bad a' = true := (List.mem_filter.mp ha').2
      obtain ⟨e0, he0⟩ := hself a
      obtain ⟨e1, he1⟩ := hself a'
      have ha'eq : vary a e1 = a' := by
        calc vary a e1 = vary (vary a d) e1 := (hline a d e1).symm
          _ = vary (vary a' d') e1 := by rw [e]
          _ = vary a' e1 := hline a' d' e1
          _ = a' := he1
      have hbad0 : bad (vary a e0) = true := by rw [he0]; exact hba
      have hbad1 : bad (vary a e1) = true := by rw [ha'eq]; exact hba'
      have he : e0 = e1 := honce a e0 e1 hbad0 hbad1
      have haa : a = a' := by rw [← he0, he, ha'eq]
      refine ⟨haa, ?_⟩
      rw [← haa] at e
      exact hinj a d d' e)
  have hlen := @length_le_of_nodup_subset α (fun a b => Classical.propDecidable (a = b)) _ F hI (fun x _ => hF x)
  rw [length_flatMap_of_length_eq _ D _ (fun a _ => by simp)] at hlen
  rw [Nat.mul_comm]
  exact hlen

/-- **The union bound over lines.** Let `vary j` be a line structure on `α` with `D`
values and `bad j` hold at most once on each of its lines, for every `j < k`. If `k < D`
and some duplicate-free nonempty list `F` contains every element of `α`, then some element
satisfies none of `bad 0, …, bad (k - 1)`. -/
theorem exists_forall_eq_false {α : Type} (F : List α) (hF : ∀ a, a ∈ F) (hnd : F.Nodup)
    (hne : 0 < F.length) {D k : Nat} (hk : k < D) (vary : Nat → α → Fin D → α)
    (hself : ∀ j, j < k → ∀ a, ∃ d, vary j a d = a)
    (hline : ∀ j, j < k → ∀ a d d', vary j (vary j a d) d' = vary j a d')
    (hinj : ∀ j, j < k → ∀ a d d', vary j a d = vary j a d' → d = d')
    (bad : Nat → α → Bool)
    (honce : ∀ j, j < k → ∀ a d d',
      bad j (vary j a d) = true → bad j (vary j a d') = true → d = d') :
    ∃ a, ∀ j, j < k → bad j a = false := by
  have hcount : ∀ t, t ≤ k →
      D * (F.filter fun a => (List.range t).any fun j => bad j a).length ≤ t * F.length := by
    intro t
    induction t with
    | zero =>
      intro _
      rw [List.range_zero]
      simp only [List.any_nil]
      rw [length_filter_false, Nat.mul_zero]
      exact Nat.zero_le _
    | succ t ih =>
      intro ht
      have hsplit : (F.filter fun a => (List.range (t + 1)).any fun j => bad j a) =
          F.filter fun a => ((List.range t).any fun j => bad j a) || bad t a := by
        apply List.filter_congr
        intro a _
        rw [List.range_succ, List.any_append]
        simp
      rw [hsplit]
      have h1 := length_filter_or_le (fun a => (List.range t).any fun j => bad j a) (bad t) F
      have h2 := mul_length_filter_le F hF hnd (vary t) (hself t (by omega))
        (hline t (by omega)) (hinj t (by omega)) (bad t) (honce t (by omega))
      have h3 := ih (by omega)
      have h4 := Nat.mul_le_mul_left D h1
      rw [Nat.mul_add] at h4
      rw [Nat.succ_mul]
      omega
  apply Classical.byContradiction
  intro hno
  have hall : (F.filter fun a => (List.range k).any fun j => bad j a) = F := by
    apply List.filter_eq_self.mpr
    intro a _
    apply Classical.byContradiction
    intro hna
    apply hno
    refine ⟨a, fun j hj => ?_⟩
    cases h : bad j a
    · rfl
    · exact absurd (List.any_eq_true.mpr ⟨j, List.mem_range.mpr hj, h⟩) hna
  have h1 := hcount k (Nat.le_refl k)
  rw [hall] at h1
  have h2 := Nat.mul_lt_mul_of_lt_of_le hk (Nat.le_refl F.length) hne
  omega

end CacheDepth
