# Writes packages/sdk/src/keys/keccak-f1600.ts: Keccak-f[1600] unrolled over 32-bit halves.
# Run from the repository root: python3 scripts/gen-keccak-f1600.py && npx biome check --write packages/sdk/src/keys
R = [[0,36,3,41,18],[1,44,10,45,2],[62,6,43,15,61],[28,55,25,21,56],[27,20,39,8,14]]
RC = [0x0000000000000001,0x0000000000008082,0x800000000000808A,0x8000000080008000,0x000000000000808B,0x0000000080000001,0x8000000080008081,0x8000000000008009,0x000000000000008A,0x0000000000000088,0x0000000080008009,0x000000008000000A,0x000000008000808B,0x800000000000008B,0x8000000000008089,0x8000000000008003,0x8000000000008002,0x8000000000000080,0x000000000000800A,0x800000008000000A,0x8000000080008081,0x8000000000008080,0x0000000080000001,0x8000000080008008]
L=[]
w=L.append
w("/**")
w(" * Keccak-f[1600], unrolled over 50 local 32-bit halves (written by scripts/gen-keccak-f1600.py): the STROBE")
w(" * duplex permutes once per 166 bytes, and the axon runs several permutations per request. Same")
w(" * state layout as @noble/hashes' keccakP (lane i = words 2i (low) and 2i+1 (high), little-endian),")
w(" * which the tests compare it against.")
w(" */")
w("")
w("const RC_LO = new Int32Array([" + ", ".join(str((c & 0xffffffff) - (1<<32 if (c & 0x80000000) else 0)) for c in RC) + "]);")
w("const RC_HI = new Int32Array([" + ", ".join(str(((c>>32) & 0xffffffff) - (1<<32 if ((c>>32) & 0x80000000) else 0)) for c in RC) + "]);")
w("")
w("/** Permutes `s` (50 words) in place with the 24 rounds of Keccak-f[1600]. */")
w("export function keccakF1600(s: Uint32Array): void {")
for i in range(25):
    w(f"  let a{i}l = s[{2*i}] as number;")
    w(f"  let a{i}h = s[{2*i+1}] as number;")
w("  for (let round = 0; round < 24; round++) {")
# theta
for x in range(5):
    w(f"    const c{x}l = a{x}l ^ a{x+5}l ^ a{x+10}l ^ a{x+15}l ^ a{x+20}l;")
    w(f"    const c{x}h = a{x}h ^ a{x+5}h ^ a{x+10}h ^ a{x+15}h ^ a{x+20}h;")
for x in range(5):
    p=(x+4)%5; q=(x+1)%5
    # d = c[p] ^ rotl(c[q],1)
    w(f"    const d{x}l = c{p}l ^ ((c{q}l << 1) | (c{q}h >>> 31));")
    w(f"    const d{x}h = c{p}h ^ ((c{q}h << 1) | (c{q}l >>> 31));")
for y in range(5):
    for x in range(5):
        i=x+5*y
        w(f"    a{i}l ^= d{x}l;")
        w(f"    a{i}h ^= d{x}h;")
# rho + pi into b
for x in range(5):
    for y in range(5):
        i=x+5*y
        X=y; Y=(2*x+3*y)%5
        j=X+5*Y
        n=R[x][y]
        if n==0:
            w(f"    const b{j}l = a{i}l;"); w(f"    const b{j}h = a{i}h;")
        elif n<32:
            w(f"    const b{j}l = (a{i}l << {n}) | (a{i}h >>> {32-n});")
            w(f"    const b{j}h = (a{i}h << {n}) | (a{i}l >>> {32-n});")
        elif n==32:
            w(f"    const b{j}l = a{i}h;"); w(f"    const b{j}h = a{i}l;")
        else:
            m=n-32
            w(f"    const b{j}l = (a{i}h << {m}) | (a{i}l >>> {32-m});")
            w(f"    const b{j}h = (a{i}l << {m}) | (a{i}h >>> {32-m});")
# chi
for y in range(5):
    for x in range(5):
        i=x+5*y; i1=(x+1)%5+5*y; i2=(x+2)%5+5*y
        w(f"    a{i}l = b{i}l ^ (~b{i1}l & b{i2}l);")
        w(f"    a{i}h = b{i}h ^ (~b{i1}h & b{i2}h);")
w("    a0l ^= RC_LO[round] as number;")
w("    a0h ^= RC_HI[round] as number;")
w("  }")
for i in range(25):
    w(f"  s[{2*i}] = a{i}l;")
    w(f"  s[{2*i+1}] = a{i}h;")
w("}")
open('packages/sdk/src/keys/keccak-f1600.ts','w').write("\n".join(L)+"\n")
