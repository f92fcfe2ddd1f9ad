// What Swift cannot call itself: glibc declares renameat2 only under
// _GNU_SOURCE, syscall() is variadic, and the C library's stdout is a
// global that Swift 6 refuses to touch.
#define _GNU_SOURCE
#include "CFileSystem.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int cfs_swap(const char *a, const char *b) {
#if defined(__APPLE__)
  return renamex_np(a, b, RENAME_SWAP);
#elif defined(__linux__) && defined(SYS_renameat2)
  return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
  errno = ENOSYS;
  return -1;
#endif
}

int cfs_write_stdout(const void *bytes, size_t count) {
  if (count > 0 && fwrite(bytes, 1, count, stdout) != count) return -1;
  return cfs_flush_stdout();
}

int cfs_flush_stdout(void) {
  if (fflush(stdout) != 0) return -1;
  if (ferror(stdout)) {
    // The error was met by an earlier write, whose errno is gone.
    if (errno == 0) errno = EIO;
    return -1;
  }
  return 0;
}

int cfs_open_unnamed(const char *folder) {
#if defined(O_TMPFILE)
  return open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#else
  (void)folder;
  errno = EOPNOTSUPP;
  return -1;
#endif
}
