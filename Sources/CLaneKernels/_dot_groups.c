// Fast-path internals: a layer's dot products over lane groups, for
// `_LaneKernels.swift` (which says what a lane group is). Each number is
// computed with exactly the IEEE operations, in exactly the order, of that
// file's Swift loops, which are the eager engine's (Engine/Operations/
// Dot.swift: a sum from 0.0 of `w * x`, in operand order; a gradient term
// is the partner's data times the output's gradient). Vectors only put
// four lanes' separate sums side by side. Change one side, change the
// other: the lane tests compare both with the eager engine bit for bit.
//
// Contraction is off: `a * b + c` must stay two roundings, never one fused
// multiply-add (clang fuses by default where the machine has FMA).
//
// Each kernel is written once, as an always-inline body, and compiled
// twice: for AVX2 (four doubles per instruction) and for the baseline.
//
// Unsafe: raw pointers at slots and scratch offsets that the lowering
// proved in range.

#include "CLaneKernels.h"

#include <stddef.h>

#ifdef __FAST_MATH__
#error "the lane kernels must be compiled without -ffast-math: it reorders sums and fuses multiply-adds"
#endif

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

typedef double v4d __attribute__((ext_vector_type(4)));
typedef double v2d __attribute__((ext_vector_type(2)));
// The same, at any address a double may have, and through which the
// doubles there may be read and written (may_alias, as immintrin.h's).
typedef double v4du __attribute__((ext_vector_type(4), aligned(8), may_alias));
typedef double v2du __attribute__((ext_vector_type(2), aligned(8), may_alias));

#define BODY static inline __attribute__((always_inline))

// Macros rather than functions: a function that takes or returns a vector
// would have two calling conventions, with and without AVX.
#define ld(p) (*(const v4du *)(p))
#define st(v, p) (*(v4du *)(p) = (v))
#define all(x) ((v4d)(x))

// MARK: Forward

// a[k][j] = a[k][j] + s[k] * v[j]: four numbers times L vectors, each of
// the 4 * L sums its own.
#define OUTER(a, s, v, L)                                                                          \
  for (int k = 0; k < 4; k++)                                                                      \
    for (int j = 0; j < L; j++) a[k][j] = a[k][j] + all(s[k]) * v[j];

// Four members' sums over 4 * L lanes from c: member k's weights at w[k],
// its output group at out[k].
#define FORWARD_BLOCK(L)                                                                           \
  BODY void forward_block_##L(double *const *out, const double *const *w, const double *xs, ptrdiff_t n, \
                              ptrdiff_t width, ptrdiff_t c) {                                      \
    v4d a[4][L];                                                                                   \
    for (int k = 0; k < 4; k++)                                                                    \
      for (int j = 0; j < L; j++) a[k][j] = all(0);                                                \
    for (ptrdiff_t i = 0; i < n; i++) {                                                            \
      v4d x[L];                                                                                    \
      for (int j = 0; j < L; j++) x[j] = ld(xs + i * width + c + 4 * j);                           \
      double wi[4] = {w[0][i], w[1][i], w[2][i], w[3][i]};                                         \
      OUTER(a, wi, x, L)                                                                           \
    }                                                                                              \
    for (int k = 0; k < 4; k++)                                                                    \
      for (int j = 0; j < L; j++) st(a[k][j], out[k] + c + 4 * j);                                 \
  }
FORWARD_BLOCK(2)
FORWARD_BLOCK(1)

BODY void group_forward(double *d, const int32_t *table, ptrdiff_t members, const double *xs, ptrdiff_t n,
                        ptrdiff_t w) {
  ptrdiff_t m = 0;
  // Four members and eight lanes at a time (eight sums side by side), then
  // four lanes.
  for (; m + 4 <= members; m += 4) {
    const double *wk[4];
    double *out[4];
    for (int k = 0; k < 4; k++) wk[k] = d + table[2 * (m + k)], out[k] = d + table[2 * (m + k) + 1];
    ptrdiff_t c = 0;
    for (; c + 8 <= w; c += 8) forward_block_2(out, wk, xs, n, w, c);
    for (; c < w; c += 4) forward_block_1(out, wk, xs, n, w, c);
  }
  // The members left, one at a time: sixteen lanes at a time, then four.
  for (; m < members; m++) {
    const double *wm = d + table[2 * m];
    double *out = d + table[2 * m + 1];
    ptrdiff_t c = 0;
    for (; c + 16 <= w; c += 16) {
      v4d a0 = all(0), a1 = a0, a2 = a0, a3 = a0;
      for (ptrdiff_t i = 0; i < n; i++) {
        v4d v = all(wm[i]);
        const double *x = xs + i * w + c;
        a0 = a0 + v * ld(x);
        a1 = a1 + v * ld(x + 4);
        a2 = a2 + v * ld(x + 8);
        a3 = a3 + v * ld(x + 12);
      }
      st(a0, out + c), st(a1, out + c + 4), st(a2, out + c + 8), st(a3, out + c + 12);
    }
    for (; c < w; c += 4) {
      v4d a = all(0);
      for (ptrdiff_t i = 0; i < n; i++) a = a + all(wm[i]) * ld(xs + i * w + c);
      st(a, out + c);
    }
  }
}

// MARK: Backward

// acc[0 ..< 4k] += x_e[0 ..< 4k] * g[e] for e = lanes - 1 ... 0.
#define WEIGHT_BLOCK(K)                                                                            \
  BODY void weight_block_##K(double *acc, const double *x, ptrdiff_t stride, const double *g,      \
                             ptrdiff_t lanes) {                                                    \
    v4d a[K];                                                                                      \
    for (int k = 0; k < K; k++) a[k] = ld(acc + 4 * k);                                            \
    for (ptrdiff_t e = lanes - 1; e >= 0; e--) {                                                   \
      v4d ge = all(g[e]);                                                                          \
      const double *row = x + e * stride;                                                          \
      for (int k = 0; k < K; k++) a[k] = a[k] + ld(row + 4 * k) * ge;                              \
    }                                                                                              \
    for (int k = 0; k < K; k++) st(a[k], acc + 4 * k);                                             \
  }
WEIGHT_BLOCK(8)
WEIGHT_BLOCK(4)
WEIGHT_BLOCK(2)
WEIGHT_BLOCK(1)

BODY void group_weight_grads(double *gr, const int32_t *table, ptrdiff_t members, const double *xt, ptrdiff_t n,
                             ptrdiff_t stride, ptrdiff_t lanes, double *tail) {
  for (ptrdiff_t m = 0; m < members; m++) {
    double *wg = gr + table[2 * m];
    const double *g = gr + table[2 * m + 1];
    // Blocks of 32, 16, 8 or 4 weights over x padded to whole fours: the
    // block that reaches past n sums in `tail`, and keeps its first numbers.
    for (ptrdiff_t i = 0; i < stride;) {
      ptrdiff_t left = stride - i;
      ptrdiff_t size = left >= 32 ? 32 : left >= 16 ? 16 : left >= 8 ? 8 : 4;
      int whole = i + size <= n;
      double *acc = wg + i;
      if (!whole) {
        for (ptrdiff_t j = 0; j < size; j++) tail[j] = i + j < n ? wg[i + j] : 0;
        acc = tail;
      }
      switch (size) {
      case 32: weight_block_8(acc, xt + i, stride, g, lanes); break;
      case 16: weight_block_4(acc, xt + i, stride, g, lanes); break;
      case 8: weight_block_2(acc, xt + i, stride, g, lanes); break;
      default: weight_block_1(acc, xt + i, stride, g, lanes); break;
      }
      if (!whole)
        for (ptrdiff_t j = 0; i + j < n; j++) wg[i + j] = tail[j];
      i += size;
    }
  }
}

// Four numbers of x (gradients at p[k]) over 4 * L lanes from c, member
// after member.
#define X_LANES_BLOCK(L)                                                                           \
  BODY void x_lanes_block_##L(double *const *p, const double *d, const double *gr, const int32_t *table, \
                              ptrdiff_t members, ptrdiff_t i, ptrdiff_t c) {                       \
    v4d a[4][L];                                                                                   \
    for (int k = 0; k < 4; k++)                                                                    \
      for (int j = 0; j < L; j++) a[k][j] = ld(p[k] + 4 * j);                                      \
    for (ptrdiff_t m = 0; m < members; m++) {                                                      \
      const double *wd = d + table[2 * m] + i;                                                     \
      v4d g[L];                                                                                    \
      for (int j = 0; j < L; j++) g[j] = ld(gr + table[2 * m + 1] + c + 4 * j);                    \
      OUTER(a, wd, g, L)                                                                           \
    }                                                                                              \
    for (int k = 0; k < 4; k++)                                                                    \
      for (int j = 0; j < L; j++) st(a[k][j], p[k] + 4 * j);                                       \
  }
X_LANES_BLOCK(2)
X_LANES_BLOCK(1)

BODY void group_x_grads_lanes(const double *d, double *gr, const int32_t *table, ptrdiff_t members,
                              const int32_t *bases, ptrdiff_t n, ptrdiff_t w) {
  // Eight lanes and four numbers of x at a time, then four lanes; the
  // numbers after the last four one at a time.
  for (ptrdiff_t c = 0; c < w;) {
    ptrdiff_t lanes = c + 8 <= w ? 8 : 4;
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
      double *p[4];
      for (int k = 0; k < 4; k++) p[k] = gr + bases[i + k] + c;
      if (lanes == 8)
        x_lanes_block_2(p, d, gr, table, members, i, c);
      else
        x_lanes_block_1(p, d, gr, table, members, i, c);
    }
    for (; i < n; i++) {
      double *p = gr + bases[i] + c;
      for (ptrdiff_t k = 0; k < lanes; k += 4) {
        v4d a = ld(p + k);
        for (ptrdiff_t m = 0; m < members; m++) a = a + all(d[table[2 * m] + i]) * ld(gr + table[2 * m + 1] + c + k);
        st(a, p + k);
      }
    }
    c += lanes;
  }
}

BODY void group_x_grads_example(const double *d, const double *gr, const int32_t *table, ptrdiff_t members, ptrdiff_t e,
                                double *xg, ptrdiff_t n) {
  // Up to 32 numbers of xg stay in registers over all the members.
  for (ptrdiff_t start = 0; start < n; start += 32) {
    ptrdiff_t count = n - start < 32 ? n - start : 32;
    ptrdiff_t fours = count / 4;
    v4d a[8];
    for (ptrdiff_t k = 0; k < fours; k++) a[k] = ld(xg + start + 4 * k);
    double s0 = fours * 4 < count ? xg[start + fours * 4] : 0;
    double s1 = fours * 4 + 1 < count ? xg[start + fours * 4 + 1] : 0;
    double s2 = fours * 4 + 2 < count ? xg[start + fours * 4 + 2] : 0;
    ptrdiff_t singles = count - 4 * fours;
    for (ptrdiff_t m = 0; m < members; m++) {
      const double *wd = d + table[2 * m] + start;
      double g = gr[table[2 * m + 1] + e];
      v4d v = all(g);
      for (ptrdiff_t k = 0; k < fours; k++) a[k] = a[k] + ld(wd + 4 * k) * v;
      const double *ws = wd + 4 * fours;
      if (singles > 0) s0 = s0 + ws[0] * g;
      if (singles > 1) s1 = s1 + ws[1] * g;
      if (singles > 2) s2 = s2 + ws[2] * g;
    }
    for (ptrdiff_t k = 0; k < fours; k++) st(a[k], xg + start + 4 * k);
    if (singles > 0) xg[start + 4 * fours] = s0;
    if (singles > 1) xg[start + 4 * fours + 1] = s1;
    if (singles > 2) xg[start + 4 * fours + 2] = s2;
  }
}

// The pieces' terms for members m ..< m + count (at most 8): each member's
// at the piece's first positions, then at each offset, in order.
#define PIECE_TERMS(V, LD, ST, SPLAT)                                                              \
  {                                                                                                \
    V acc = LD(xg + at);                                                                           \
    for (ptrdiff_t k = 0; k < count; k++) {                                                        \
      const double *w = wd[k] + at;                                                                \
      V v = SPLAT(g[k]);                                                                           \
      acc = acc + LD(w) * v;                                                                       \
      for (ptrdiff_t j = 0; j < offsetCount; j++) acc = acc + LD(w + o[j]) * v;                    \
    }                                                                                              \
    ST(acc, xg + at);                                                                              \
  }
#define ld2(p) (*(const v2du *)(p))
#define st2(v, p) (*(v2du *)(p) = (v))
#define all2(x) ((v2d)(x))
#define ld1(p) (*(p))
#define st1(v, p) (*(p) = (v))
#define all1(x) (x)

BODY void group_x_grads_pieces(const double *d, const double *gr, const int32_t *table, ptrdiff_t members, ptrdiff_t e,
                               double *xg, const int32_t *pieces, ptrdiff_t pieceCount, const int32_t *offsets) {
  for (ptrdiff_t m = 0; m < members; m += 8) {
    ptrdiff_t count = members - m < 8 ? members - m : 8;
    const double *wd[8];
    double g[8];
    for (ptrdiff_t k = 0; k < count; k++) {
      wd[k] = d + table[2 * (m + k)];
      g[k] = gr[table[2 * (m + k) + 1] + e];
    }
    for (ptrdiff_t p = 0; p < pieceCount; p++) {
      const int32_t *piece = pieces + 4 * p;
      ptrdiff_t at = piece[0];
      const int32_t *o = offsets + piece[2];
      ptrdiff_t offsetCount = piece[3];
      switch (piece[1]) {
      case 4: PIECE_TERMS(v4d, ld, st, all) break;
      case 2: PIECE_TERMS(v2d, ld2, st2, all2) break;
      default: PIECE_TERMS(double, ld1, st1, all1) break;
      }
    }
  }
}

// MARK: Each kernel twice

#if defined(__x86_64__)
#define WIDE __attribute__((target("avx2")))
int clk_has_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") ? 1 : 0;
}
#else
int clk_has_avx2(void) { return 0; }
#endif

#if defined(__x86_64__)
#define TWICE(name, args)                                                                          \
  WIDE static void name##_wide(PARAMS_##name) { name args; }                                       \
  static void name##_base(PARAMS_##name) { name args; }                                            \
  void clk_##name(int wide, PARAMS_##name) {                                                       \
    if (wide)                                                                                      \
      name##_wide args;                                                                            \
    else                                                                                           \
      name##_base args;                                                                            \
  }
#else
#define TWICE(name, args)                                                                          \
  void clk_##name(int wide, PARAMS_##name) {                                                       \
    (void)wide;                                                                                    \
    name args;                                                                                     \
  }
#endif

#define PARAMS_group_forward                                                                       \
  double *d, const int32_t *table, ptrdiff_t members, const double *xs, ptrdiff_t n, ptrdiff_t w
TWICE(group_forward, (d, table, members, xs, n, w))

#define PARAMS_group_weight_grads                                                                  \
  double *gr, const int32_t *table, ptrdiff_t members, const double *xt, ptrdiff_t n, ptrdiff_t stride, \
      ptrdiff_t lanes, double *tail
TWICE(group_weight_grads, (gr, table, members, xt, n, stride, lanes, tail))

#define PARAMS_group_x_grads_lanes                                                                 \
  const double *d, double *gr, const int32_t *table, ptrdiff_t members, const int32_t *bases, ptrdiff_t n, \
      ptrdiff_t w
TWICE(group_x_grads_lanes, (d, gr, table, members, bases, n, w))

#define PARAMS_group_x_grads_example                                                               \
  const double *d, const double *gr, const int32_t *table, ptrdiff_t members, ptrdiff_t e, double *xg, \
      ptrdiff_t n
TWICE(group_x_grads_example, (d, gr, table, members, e, xg, n))

#define PARAMS_group_x_grads_pieces                                                                \
  const double *d, const double *gr, const int32_t *table, ptrdiff_t members, ptrdiff_t e, double *xg, \
      const int32_t *pieces, ptrdiff_t pieceCount, const int32_t *offsets
TWICE(group_x_grads_pieces, (d, gr, table, members, e, xg, pieces, pieceCount, offsets))
