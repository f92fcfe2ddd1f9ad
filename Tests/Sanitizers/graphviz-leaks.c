// Graphviz's own leaks, without this package: a C program that calls only
// Graphviz, freeing everything the API lets it free, in the order
// GraphRender does (Sources/GraphRender/Graphviz+Render.swift). Every
// leak LeakSanitizer reports here is Graphviz's (or fontconfig's), and
// each library they are in is a line of lsan.supp. Built and run by hand,
// with the sanitizers' default fast unwinding, as `make sanitize` runs:
//
//   clang -g -fsanitize=address Tests/Sanitizers/graphviz-leaks.c \
//     $(pkg-config --cflags --libs libgvc) -o /tmp/graphviz-leaks
//   /tmp/graphviz-leaks 100
//   LSAN_OPTIONS=suppressions=Tests/Sanitizers/lsan.supp /tmp/graphviz-leaks 100
//
// With Graphviz 2.43 the first run reports 809,715 bytes in 5,835
// allocations for 100 renders (about 8 KB a render), in 13 stacks: each
// stops after the frame that called malloc, since Graphviz has no frame
// pointers, and that frame is in libgvc.so.6 (5 stacks: gmalloc,
// direct and indirect, grealloc, and strdup in parse_reclbl and in
// gvPluginList) or libfontconfig.so.1 (8). The
// second run reports none; its `print_suppressions` table (on by default)
// reads libgvc.so 5,117 allocations, 781,499 bytes; libfontconfig.so 718,
// 28,216 bytes.
//
// One format leaks more, in a library GraphRender's SVG also comes from:
// the POV-Ray renderer's `el`, in libgvplugin_core.so.6, which formats
// each shape's text into a string it strdups and never frees.
// `graphviz-leaks 1 output/add.dot pov` reports 4 such stacks (with
// lsan.supp, none); `... svg` none.
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
  // Or a DOT file: `graphviz-leaks 1 output/mlp-forward.dot`, and a
  // format other than SVG: `graphviz-leaks 1 output/add.dot pov`.
  const char *format = argc > 3 ? argv[3] : "svg";
  char *text = NULL;
  if (argc > 2) {
    FILE *file = fopen(argv[2], "rb");
    if (!file) return perror(argv[2]), 1;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    text = calloc(size + 1, 1);
    if (fread(text, 1, size, file) != (size_t)size) return perror(argv[2]), 1;
    fclose(file);
    dot = text;
  }
  for (int i = 0; i < rounds; i++) {
    Agraph_t *graph = agmemread(dot);
    gvLayout(gvc, graph, "dot");
    char *bytes = NULL;
    unsigned int length = 0;
    gvRenderData(gvc, graph, format, &bytes, &length);
    gvFreeRenderData(bytes);
    gvFreeLayout(gvc, graph);
    agclose(graph);
  }
  gvFreeContext(gvc);
  free(text);
  return 0;
}
