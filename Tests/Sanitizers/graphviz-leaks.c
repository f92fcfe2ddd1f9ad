// Graphviz's own leaks, without this package: a C program that calls only
// Graphviz, freeing everything the API lets it free, in the order
// GraphRender does (Sources/GraphRender/Graphviz+Render.swift). Every
// leak LeakSanitizer reports here is Graphviz's (or fontconfig's), and
// each one is a line of lsan.supp. Built and run by hand:
//
//   clang -g -fsanitize=address Tests/Sanitizers/graphviz-leaks.c \
//     $(pkg-config --cflags --libs libgvc) -o /tmp/graphviz-leaks
//   ASAN_OPTIONS=fast_unwind_on_malloc=0 /tmp/graphviz-leaks 100
//   ASAN_OPTIONS=fast_unwind_on_malloc=0 \
//     LSAN_OPTIONS=suppressions=Tests/Sanitizers/lsan.supp /tmp/graphviz-leaks 100
//
// The first run reports the leaks (with Graphviz 2.43: about 2.5 KB more
// for each render); the second reports none.
#include <gvc.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 1;
  GVC_t *gvc = gvContext();
  // The plugin lists, freed as GraphRender frees them: each name, then the list.
  const char *kinds[] = {"layout", "device"};
  for (int k = 0; k < 2; k++) {
    int count = 0;
    char **list = gvPluginList(gvc, kinds[k], &count, NULL);
    for (int i = 0; i < count; i++) free(list[i]);
    free(list);
  }
  // A graph like the lecture's: record labels, clusters (a layer's neurons).
  const char *dot =
      "digraph G { rankdir=LR; a [shape=record, label=\"{ a | data 2.0000 | grad 0.0000 }\"];"
      " subgraph cluster_0 { b [shape=record, label=\"{ b | data -3.0000 }\"]; c }"
      " subgraph cluster_1 { d } a -> b -> c -> d; a -> d }";
  for (int i = 0; i < rounds; i++) {
    Agraph_t *graph = agmemread(dot);
    gvLayout(gvc, graph, "dot");
    char *bytes = NULL;
    unsigned int length = 0;
    gvRenderData(gvc, graph, "svg", &bytes, &length);
    gvFreeRenderData(bytes);
    gvFreeLayout(gvc, graph);
    agclose(graph);
  }
  gvFreeContext(gvc);
  return 0;
}
