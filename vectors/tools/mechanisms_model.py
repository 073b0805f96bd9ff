#!/usr/bin/env python3
"""Independent check of economics-mechanisms.json.

A float model written from subtensor's description, sharing no code with Taonet:
- the emission split in plain Python integers (exact);
- classic Yuma per mechanism in floats (stake, activity, permits, consensus as a stake-weighted
  majority, clipping, incentive, bonds EMA, dividends, emissions), compared with the file within
  small tolerances (fixed-point rounding);
- the subnet-level combination: server and validator emission summed exactly, the other columns
  weighted by each mechanism's emission share (within one unit per mechanism, for the flooring).

Usage: python3 vectors/tools/mechanisms_model.py [vectors/economics-mechanisms.json]
"""
import json
import sys

U16 = 65535


def split(alpha, count, parts):
    if parts is None:
        out = [alpha // count] * count
    else:
        out = [alpha * p // U16 for p in parts[:count]]
    out += [0] * (count - len(out))
    out[0] += alpha - sum(out)
    return out


def normalize(v):
    s = sum(v)
    return [x / s for x in v] if s > 0 else [0.0] * len(v)


def yuma(base, mech, emission):
    n = base["n"]
    hp = base["hyperparameters"]
    block = int(base["current_block"])
    cutoff = max(1, hp["activity_cutoff_factor_milli"] * hp["tempo"] // 1000)
    last = [int(x) for x in mech["last_update"]]
    reg = [int(x) for x in base["block_at_registration"]]
    active = [not (last[i] + cutoff < block) for i in range(n)]
    stake = normalize([float(x) for x in base["stake"]])
    permit = base["validator_permit"]
    active_stake = normalize([stake[i] if active[i] and permit[i] else 0.0 for i in range(n)])
    k = hp["max_allowed_validators"]
    ranked = sorted((i for i in range(n) if stake[i] > 0), key=lambda i: -stake[i])
    new_permit = [i in ranked[:k] for i in range(n)]
    # Weights: permitted rows, no self weight, none on uids registered since the row was set.
    W = [[0.0] * n for _ in range(n)]
    for i, row in enumerate(mech["weights"]):
        if not permit[i]:
            continue
        for j, w in row:
            if j != i and last[i] > reg[j]:
                W[i][j] = w / U16
        W[i] = normalize(W[i])
    kappa = hp["kappa"] / U16
    C = []
    for j in range(n):
        vals = sorted({W[i][j] for i in range(n)} | {0.0}, reverse=True)
        C.append(next((c for c in vals if sum(active_stake[i] for i in range(n) if W[i][j] >= c) > kappa), 0.0))
    Wc = [[min(W[i][j], C[j]) for j in range(n)] for i in range(n)]
    R = [sum(active_stake[i] * Wc[i][j] for i in range(n)) for j in range(n)]
    incentive = normalize(R)
    beta = hp["bonds_penalty"] / U16
    Wb = [[(1 - beta) * W[i][j] + beta * Wc[i][j] for j in range(n)] for i in range(n)]
    delta = [[active_stake[i] * Wb[i][j] for j in range(n)] for i in range(n)]
    old = [[0.0] * n for _ in range(n)]
    for i, row in enumerate(mech["bonds"]):
        for j, b in row:
            old[i][j] = b / U16

    def col_norm(M):
        for j in range(n):
            s = sum(M[i][j] for i in range(n))
            for i in range(n):
                M[i][j] = M[i][j] / s if s > 0 else 0.0
        return M

    delta, old = col_norm(delta), col_norm(old)
    a = 1 - int(hp["bonds_moving_average"]) / 1e6
    B = col_norm([[a * delta[i][j] + (1 - a) * old[i][j] for j in range(n)] for i in range(n)])
    dividends = normalize([sum(B[i][j] * incentive[j] for j in range(n)) for i in range(n)])
    total = sum(incentive) + sum(dividends)
    if total > 0:
        server = [x / total for x in incentive]
        validator = [x / total for x in dividends]
    else:
        server = [0.0] * n
        validator = active_stake if sum(active_stake) > 0 else stake
    bonds = [[(j, B[i][j] * U16) for j in range(n) if B[i][j] > 0] if new_permit[i] else [] for i in range(n)]
    return {
        "active": active,
        "incentive": [x * U16 for x in incentive],
        "dividends": [x * U16 for x in dividends],
        "server_emission": [x * emission for x in server],
        "validator_emission": [x * emission for x in validator],
        "bonds": bonds,
    }


def close(name, got, want, tol, problems):
    if abs(got - want) > tol:
        problems.append(f"{name}: file {got}, model {want:.3f} (tolerance {tol})")


def check_epoch(case, problems):
    i, e = case["input"], case["expected"]
    total = int(i["rao_emission"])
    mechs = i["mechanisms"]
    emissions = split(total, len(mechs), i["split"])
    if [int(x) for x in e["emissions"]] != emissions:
        problems.append(f"emissions {e['emissions']} != {emissions}")
    weights = [x / total for x in emissions] if total > 0 else [1.0] + [0.0] * (len(mechs) - 1)
    for m, (w, raw) in enumerate(zip(weights, e["weights"])):
        close(f"weight[{m}]", int(raw) / 2**64, w, 1e-9, problems)
    classic = not i["hyperparameters"]["yuma3_enabled"]
    outs = e["mechanisms"]
    for m, mech in enumerate(mechs):
        if not classic:
            break
        model = yuma(i, mech, emissions[m])
        got = outs[m]
        if got["active"] != model["active"]:
            problems.append(f"mech {m} active {got['active']} != {model['active']}")
        for key, tol in (("incentive", 2), ("dividends", 2)):
            for u, (g, w) in enumerate(zip(got[key], model[key])):
                close(f"mech {m} {key}[{u}]", g, w, tol, problems)
        for key in ("server_emission", "validator_emission"):
            for u, (g, w) in enumerate(zip(got[key], model[key])):
                close(f"mech {m} {key}[{u}]", int(g), w, max(4, emissions[m] * 1e-7), problems)
        for u, (g, w) in enumerate(zip(got["bonds"], model["bonds"])):
            if [c for c, _ in g] != [c for c, _ in w]:
                problems.append(f"mech {m} bonds[{u}] columns {g} != {w}")
            for (_, gv), (_, wv) in zip(g, w):
                close(f"mech {m} bonds[{u}]", gv, wv, 2, problems)
    c = e["combined"]
    n = i["n"]
    for u in range(n):
        for key in ("server_emission", "validator_emission"):
            want = sum(int(o[key][u]) for o in outs)
            if int(c[key][u]) != want:
                problems.append(f"combined {key}[{u}] {c[key][u]} != sum {want}")
        if c["active"][u] != any(o["active"][u] for o in outs):
            problems.append(f"combined active[{u}]")
        for key in ("dividends", "consensus", "validator_trust"):
            want = sum(w * o[key][u] for w, o in zip(weights, outs))
            close(f"combined {key}[{u}]", c[key][u], want, len(mechs), problems)
        want = sum(w * int(o["emission"][u]) for w, o in zip(weights, outs))
        close(f"combined emission[{u}]", int(c["emission"][u]), want, len(mechs), problems)
        if c["incentive"][u] != outs[0]["incentive"][u]:
            problems.append(f"combined incentive[{u}] is not mechanism 0's")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "vectors/economics-mechanisms.json"
    cases = json.load(open(path))["cases"]
    failed = 0
    for case in cases:
        problems = []
        if case["fn"] == "mechanism_split_emissions":
            i = case["input"]
            want = split(int(i["alpha"]), i["mechanism_count"], i["split"])
            if [int(x) for x in case["expected"]["emissions"]] != want:
                problems.append(f"{case['expected']['emissions']} != {want}")
        else:
            check_epoch(case, problems)
        status = "ok" if not problems else "MISMATCH"
        print(f"{status:8} {case['name']}")
        for p in problems:
            print(f"         {p}")
        failed += bool(problems)
    print(f"{len(cases) - failed} agree, {failed} differ")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
