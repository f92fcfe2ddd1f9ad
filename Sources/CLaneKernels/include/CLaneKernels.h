#ifndef CLANEKERNELS_H
#define CLANEKERNELS_H

// A layer's dot products over a minibatch's examples side by side (lane
// groups), for Micrograd's `_LaneKernels.swift`: the same IEEE operations in
// the same order as its Swift loops, four lanes to a vector. In C for one
// reason: an x86-64 machine with AVX2 runs four doubles per instruction
// where Swift's baseline code runs two, and only C can choose that per
// function at run time. Every entry takes `wide`: nonzero runs the AVX2
// code (only where `clk_has_avx2()` said so), zero the portable code, the
// same numbers bit for bit.

#include <stddef.h>
#include <stdint.h>

/// 1 where this machine runs the AVX2 kernels (x86-64 with AVX2), else 0.
int clk_has_avx2(void);

/// A dot group forward: for each member `m` (weights' first slot at
/// `table[2m]`, output lane group at `table[2m + 1]`), lane `e`'s output
/// is `0.0 + w[0]*x[0] + ... + w[n-1]*x[n-1]` in that order, with `x[i]`'s
/// lanes at `xs + i*width`. `width` is a multiple of 4.
void clk_group_forward(int wide, double *data, const int32_t *table, ptrdiff_t members, const double *xs, ptrdiff_t n,
                       ptrdiff_t width);

/// The weights' gradients of a dot group: `grad[w + i] += x_e[i] * g[e]` for
/// e = lanes-1 ... 0, each weight its own sum, where example e's `x` is at
/// `xt + e*stride` (`stride` a multiple of 4, zeros after `n`) and `g` is
/// the member's output gradient lane group. `tail` has room for 32.
void clk_group_weight_grads(int wide, double *grad, const int32_t *table, ptrdiff_t members, const double *xt,
                            ptrdiff_t n, ptrdiff_t stride, ptrdiff_t lanes, double *tail);

/// The gradients of an `x` made of lane groups (`bases`, all distinct):
/// `grad[x_i + e] += w_m[i] * g_m[e]`, member after member in table order.
void clk_group_x_grads_lanes(int wide, const double *data, double *grad, const int32_t *table, ptrdiff_t members,
                             const int32_t *bases, ptrdiff_t n, ptrdiff_t width);

/// Example `e`'s gathered `x` gradients, in `xg` (`n` numbers, loaded
/// and stored by the caller): `xg[i] += w_m[i] * g_m[e]`, member after
/// member in table order.
void clk_group_x_grads_example(int wide, const double *data, const double *grad, const int32_t *table,
                               ptrdiff_t members, ptrdiff_t e, double *xg, ptrdiff_t n);

/// Example `e`'s gathered `x` gradients where `x` holds a slot more than
/// once: `pieceCount` pieces, each four numbers (first position, width 4,
/// 2 or 1, start of its offsets in `offsets`, how many offsets). Member
/// after member in table order, a piece's numbers at `xg + first` get
/// `w_m[first] * g_m[e]`, then `w_m[first + offset] * g_m[e]` for each
/// offset in order.
void clk_group_x_grads_pieces(int wide, const double *data, const double *grad, const int32_t *table,
                              ptrdiff_t members, ptrdiff_t e, double *xg, const int32_t *pieces, ptrdiff_t pieceCount,
                              const int32_t *offsets);

#endif
