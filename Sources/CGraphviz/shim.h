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

#endif
