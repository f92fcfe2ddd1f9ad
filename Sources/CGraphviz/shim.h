// The part of Graphviz's C API that GraphRender uses, the same on every
// Graphviz version it builds against: 2.42/2.43 (Debian bookworm, Ubuntu
// 22.04/24.04) and the current releases (Homebrew).
//
// GraphRender calls the mg_ functions below instead of the two functions
// whose signatures changed:
//   - gvRenderData's length is `unsigned int *` before Graphviz 13 and
//     `size_t *` from 13.0.0;
//   - gvPluginList lost its unused fourth argument in 9.0.0.
// No version macro tells 2.43 from 9-12 (GRAPHVIZ_VERSION_MAJOR only
// arrived in 14), so the shim asks the compiler instead: C11's _Generic on
// the type of the function itself picks the matching call. Both
// signatures are spelled out (no `default:`), so a third one would stop
// the build instead of being called with the wrong arguments.
//
// GraphRender builds graphs by parsing the DOT text it writes (agmemread),
// so it needs neither agopen's `Agdirected` (a mutable C global, which
// Swift 6 refuses to read) nor agstrdup/agstrfree (which gained a
// parameter in 13). The error callback type, `int (*)(char *)`, has not
// changed.
#ifndef MICROGRAD_CGRAPHVIZ_SHIM_H
#define MICROGRAD_CGRAPHVIZ_SHIM_H

// mmap's MAP_ANON and MAP_NORESERVE (below) under a strict -std=c11 too.
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <stddef.h>
#include <stdlib.h>
#include <gvc.h>
#include <cgraph.h>

// MARK: gvRenderData

typedef int (*mg_render_data_uint)(GVC_t *, graph_t *, const char *, char **, unsigned int *);
typedef int (*mg_render_data_size)(GVC_t *, graph_t *, const char *, char **, size_t *);

static inline int mg_render_data_with_uint(GVC_t *gvc, graph_t *g, const char *format,
                                           char **result, size_t *length,
                                           mg_render_data_uint render) {
  unsigned int n = 0;
  int status = render(gvc, g, format, result, &n);
  *length = status == 0 ? n : 0;
  return status;
}

static inline int mg_render_data_with_size(GVC_t *gvc, graph_t *g, const char *format,
                                           char **result, size_t *length,
                                           mg_render_data_size render) {
  int status = render(gvc, g, format, result, length);
  if (status != 0) *length = 0;
  return status;
}

/// gvRenderData with a `size_t` length on every version. `*result` must
/// be NULL on entry; whatever it holds afterwards, even after a failure
/// (2.43 leaves its output buffer there when the renderer is missing), is
/// freed with gvFreeRenderData.
static inline int mg_render_data(GVC_t *gvc, graph_t *g, const char *format,
                                 char **result, size_t *length) {
  return _Generic(&gvRenderData,
                  mg_render_data_uint: mg_render_data_with_uint,
                  mg_render_data_size: mg_render_data_with_size)(gvc, g, format, result,
                                                                 length, gvRenderData);
}

// MARK: gvPluginList

typedef char **(*mg_plugin_list_4)(GVC_t *, const char *, int *, char *);
typedef char **(*mg_plugin_list_3)(GVC_t *, const char *, int *);

static inline char **mg_plugin_list_with_4(GVC_t *gvc, const char *kind, int *count,
                                           mg_plugin_list_4 list) {
  return list(gvc, kind, count, NULL);
}

static inline char **mg_plugin_list_with_3(GVC_t *gvc, const char *kind, int *count,
                                           mg_plugin_list_3 list) {
  return list(gvc, kind, count);
}

/// The names of the plugins of one kind ("layout", "device", ...), or NULL
/// when there are none. Free the list with mg_free_plugin_list.
static inline char **mg_plugin_list(GVC_t *gvc, const char *kind, int *count) {
  *count = 0;
  return _Generic(&gvPluginList,
                  mg_plugin_list_4: mg_plugin_list_with_4,
                  mg_plugin_list_3: mg_plugin_list_with_3)(gvc, kind, count, gvPluginList);
}

/// Frees what mg_plugin_list returned: each name, then the list.
static inline void mg_free_plugin_list(char **list, int count) {
  if (list == NULL) return;
  for (int i = 0; i < count; i++) free(list[i]);
  free(list);
}

// MARK: Reading DOT, with clusters in the order the text gives them

// Before Graphviz 9, cgraph keeps a graph's subgraphs ordered by their
// IDs, and the ID of a named subgraph is the address of its interned name:
// the heap's order, not the text's. dot lays clusters out, and SVG lists
// them, in that order, so the same DOT with two or more sibling clusters
// (a layer's neurons) came out differently from one process to the next.
// Graphviz 9 keeps subgraphs in the order they were made (and dropped the
// memory discipline used here). So before 9, the graph is read with an
// arena: every allocation cgraph makes for the graph comes from one
// reserved range, at increasing addresses, never reused, so names interned
// later have larger addresses and subgraphs come in the text's order. The
// arena is unmapped by mg_close, after agclose. The discipline has no
// `close`: with one, agclose takes its whole-heap path, which leaves every
// libcdt dictionary the graph opened (dtopen mallocs them, outside the
// arena) behind: about 1.9 KB in 29 blocks a graph, seen by LeakSanitizer.
// Before 9 means gvPluginList takes four arguments, as above.

#include <string.h>
#include <sys/mman.h>

/// The arena of one graph: a reserved range, committed as it is touched.
typedef struct {
  char *base;
  size_t used;
  size_t size;
} mg_arena;

/// Agmemdisc_t as it is before Graphviz 9 (spelled out: 9 removed it).
typedef struct {
  void *(*open)(Agdisc_t *);
  void *(*alloc)(void *state, size_t request);
  void *(*resize)(void *state, void *ptr, size_t old, size_t request);
  void (*free)(void *state, void *ptr);
  void (*close)(void *state);
} mg_memdisc;

/// A reserved arena, or NULL when the addresses cannot be had.
static mg_arena *mg_arena_make(void) {
  mg_arena *arena = calloc(1, sizeof *arena);
  if (arena == NULL) return NULL;
  // 64 GiB of addresses, not of memory: pages are committed when touched.
  arena->size = (size_t)1 << 36;
  void *base = mmap(NULL, arena->size, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANON | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) {
    free(arena);
    return NULL;
  }
  arena->base = base;
  return arena;
}

/// The arena mg_read_with_4 made, handed over in the discipline's fourth
/// slot, after mem, id and io.
static void *mg_arena_open(Agdisc_t *disc) { return ((void **)disc)[3]; }

static void *mg_arena_alloc(void *state, size_t request) {
  mg_arena *arena = state;
  size_t size = (request + 15) & ~(size_t)15;
  if (arena == NULL || size > arena->size - arena->used) return NULL;
  void *block = arena->base + arena->used;
  arena->used += size;
  return block;
}

static void *mg_arena_resize(void *state, void *ptr, size_t old, size_t request) {
  void *block = mg_arena_alloc(state, request);
  if (block != NULL && ptr != NULL) memcpy(block, ptr, old < request ? old : request);
  return block;
}

/// Frees nothing of the arena's own; but cgraph hands its discipline's
/// `free` blocks that libcdt malloc'd too: a graph's dictionaries get
/// their holders from malloc when no cgraph call on the graph is under way
/// (dot's layout adding edges to subgraphs, agsubedge) and give them back
/// through the graph's discipline when one is (agclose). Those are freed.
/// Unfreed, they leaked 24 bytes an edge: 523 KB in 21,808 blocks for the
/// mlp lesson under LeakSanitizer (Tests/Sanitizers/graphviz-leaks.c with
/// this arena; with agmemread's own discipline, none).
static void mg_arena_free(void *state, void *ptr) {
  mg_arena *arena = state;
  char *block = ptr;
  if (block != NULL && arena != NULL && (block < arena->base || block >= arena->base + arena->size)) free(ptr);
}

/// Unmaps the arena; the graph in it must be closed first.
static void mg_arena_close(mg_arena *arena) {
  munmap(arena->base, arena->size);
  free(arena);
}

static const mg_memdisc mg_arena_disc = {mg_arena_open, mg_arena_alloc, mg_arena_resize, mg_arena_free, NULL};

/// DOT text being read, a line at a time (as agmemread reads it, so that
/// Graphviz's messages name the right line).
typedef struct {
  const char *text;
  size_t length;
  size_t cursor;
} mg_reader;

static int mg_read_line(void *chan, char *buffer, int size) {
  mg_reader *reader = chan;
  if (size <= 0 || reader->cursor >= reader->length) return 0;
  int count = 0;
  char c;
  do {
    c = reader->text[reader->cursor + (size_t)count];
    buffer[count++] = c;
  } while (c != '\0' && c != '\n' && count < size && reader->cursor + (size_t)count < reader->length);
  reader->cursor += (size_t)count;
  return count;
}

static int mg_put_string(void *chan, const char *string) { return fputs(string, chan); }
static int mg_flush(void *chan) { return fflush(chan); }

/// Agiodisc_t as it is before Graphviz 9 (spelled out, so that this part
/// compiles against any later header too).
typedef struct {
  int (*afread)(void *chan, char *buffer, int size);
  int (*putstr)(void *chan, const char *string);
  int (*flush)(void *chan);
} mg_iodisc;

static const mg_iodisc mg_reader_disc = {mg_read_line, mg_put_string, mg_flush};

static inline Agraph_t *mg_read_with_4(const char *dot, void **arena, mg_plugin_list_4 list) {
  (void)list;
  mg_arena *made = mg_arena_make();
  *arena = made;
  if (made == NULL) return agmemread(dot);  // no addresses to reserve: heap order
  mg_reader reader = {dot, strlen(dot), 0};
  // Agdisc_t before 9 is { mem, id, io }; the arena rides in a fourth slot.
  void *disc[4] = {(void *)&mg_arena_disc, &AgIdDisc, (void *)&mg_reader_disc, made};
  // Text without a graph never uses the arena; a graph that failed to
  // parse was closed by cgraph: either way mg_close unmaps it.
  return agread(&reader, (Agdisc_t *)disc);
}

static inline Agraph_t *mg_read_with_3(const char *dot, void **arena, mg_plugin_list_3 list) {
  (void)list;
  *arena = NULL;
  return agmemread(dot);
}

/// agmemread, with subgraphs in the order the text names them on every
/// version (see above). `*arena` is set to what mg_close must free, even
/// when no graph is returned: call mg_close(graph, arena) in every case.
static inline Agraph_t *mg_memread(const char *dot, void **arena) {
  return _Generic(&gvPluginList,
                  mg_plugin_list_4: mg_read_with_4,
                  mg_plugin_list_3: mg_read_with_3)(dot, arena, gvPluginList);
}

/// Closes what mg_memread returned: the graph (when there is one), then
/// its arena (when there is one).
static inline void mg_close(Agraph_t *graph, void *arena) {
  if (graph != NULL) agclose(graph);
  if (arena != NULL) mg_arena_close(arena);
}

#endif
