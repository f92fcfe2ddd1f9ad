"""makemore part 2's training loop in PyTorch (the lecture's code) or under
jax.jit, timed for a fixed number of steps after a warm-up.

Prints one tab-separated line: engine, steps, microseconds per step (wall
clock, then the process's CPU time), the last minibatch loss. compare-makemore.sh runs it; see Benchmarks/README.md.

The data is the lecture's: names.txt, random.seed(42), shuffle, the first
80% of the words for training, block size 3. The weights are drawn as the
lecture draws them, torch.Generator().manual_seed(2147483647): C (27, 10),
W1 (30, 200), b1, W2 (200, 27), b2, for both frameworks. PyTorch draws each
minibatch with torch.randint from that generator, as the Swift port does;
JAX draws it inside the jitted step from jax.random (its own generator, so
different minibatches of the same kind). One thread each.
"""

import argparse
import os
import random
import sys
import time


def dataset(names, block_size=3):
    words = open(names).read().splitlines()
    chars = sorted(set("".join(words)))
    stoi = {s: i + 1 for i, s in enumerate(chars)}
    stoi["."] = 0
    random.seed(42)
    random.shuffle(words)
    n1 = int(0.8 * len(words))
    X, Y = [], []
    for w in words[:n1]:
        context = [0] * block_size
        for ch in w + ".":
            ix = stoi[ch]
            X.append(context)
            Y.append(ix)
            context = context[1:] + [ix]
    return X, Y


def weights(torch):
    g = torch.Generator().manual_seed(2147483647)
    C = torch.randn((27, 10), generator=g)
    W1 = torch.randn((30, 200), generator=g)
    b1 = torch.randn(200, generator=g)
    W2 = torch.randn((200, 27), generator=g)
    b2 = torch.randn(27, generator=g)
    return g, [C, W1, b1, W2, b2]


def lr_at(i, steps):
    # The lecture: 0.1, then 0.01 for the second half.
    return 0.1 if i < steps // 2 else 0.01


def run_torch(X, Y, dtype, steps, warmup):
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(1)
    g, parameters = weights(torch)
    parameters = [p.to(dtype) for p in parameters]
    C, W1, b1, W2, b2 = parameters
    for p in parameters:
        p.requires_grad = True
    Xtr, Ytr = torch.tensor(X), torch.tensor(Y)

    def train(n):
        for i in range(n):
            # the lecture's loop
            ix = torch.randint(0, Xtr.shape[0], (32,), generator=g)
            emb = C[Xtr[ix]]
            h = torch.tanh(emb.view(-1, 30) @ W1 + b1)
            logits = h @ W2 + b2
            loss = F.cross_entropy(logits, Ytr[ix])
            for p in parameters:
                p.grad = None
            loss.backward()
            lr = lr_at(i, n)
            for p in parameters:
                p.data += -lr * p.grad
        return loss.item()

    train(warmup)
    start, cpu = time.perf_counter(), time.process_time()
    loss = train(steps)
    return time.perf_counter() - start, time.process_time() - cpu, loss


def run_jax(X, Y, dtype, steps, warmup):
    import jax

    if dtype == "float64":
        jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    import torch

    _, parameters = weights(torch)
    params = [jnp.asarray(p.numpy(), dtype=dtype) for p in parameters]
    Xtr, Ytr = jnp.asarray(X, dtype=jnp.int32), jnp.asarray(Y, dtype=jnp.int32)
    n = Xtr.shape[0]

    def loss_fn(params, ix):
        C, W1, b1, W2, b2 = params
        emb = C[Xtr[ix]]
        h = jnp.tanh(emb.reshape(-1, 30) @ W1 + b1)
        logits = h @ W2 + b2
        logp = jax.nn.log_softmax(logits)
        return -jnp.mean(jnp.take_along_axis(logp, Ytr[ix][:, None], axis=1))

    @jax.jit
    def step(params, key, lr):
        key, sub = jax.random.split(key)
        ix = jax.random.randint(sub, (32,), 0, n)
        loss, grads = jax.value_and_grad(loss_fn)(params, ix)
        return [p - lr * g for p, g in zip(params, grads)], key, loss

    def train(params, key, count):
        for i in range(count):
            params, key, loss = step(params, key, jnp.asarray(lr_at(i, count), dtype=dtype))
        jax.block_until_ready(params)
        return params, key, float(loss)

    key = jax.random.PRNGKey(2147483647)
    params, key, _ = train(params, key, warmup)
    start, cpu = time.perf_counter(), time.process_time()
    params, key, loss = train(params, key, steps)
    return time.perf_counter() - start, time.process_time() - cpu, loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--framework", choices=["torch", "jax"], required=True)
    parser.add_argument("--dtype", choices=["float32", "float64"], required=True)
    parser.add_argument("--steps", type=int, default=20000)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument("--names", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "Makemore",
                                                        "Resources", "names.txt"))
    args = parser.parse_args()
    X, Y = dataset(args.names)
    if args.framework == "torch":
        import torch

        seconds, cpu, loss = run_torch(X, Y, getattr(torch, args.dtype), args.steps, args.warmup)
        name = f"PyTorch {torch.__version__.split('+')[0]} {args.dtype}, 1 thread"
    else:
        import jax

        seconds, cpu, loss = run_jax(X, Y, args.dtype, args.steps, args.warmup)
        name = f"JAX {jax.__version__} jit {args.dtype}"
    print(f"{name}\t{args.steps}\t{seconds / args.steps * 1e6:.1f}\t{cpu / args.steps * 1e6:.1f}\t{loss:.4f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
