import Lake
open Lake DSL

package CacheDepth where
  leanOptions := #[⟨`autoImplicit, false⟩]

@[default_target]
lean_lib CacheDepth
